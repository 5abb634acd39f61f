"""The frame coder and Entman's worksheet: saved on every change, reloaded after a restart, honest about saving."""

import errno
import importlib

import pandas as pd
import pytest

import korea_kit.framing as framing
from korea_kit import Article, KitError, WorkStore
from korea_kit.framing import EntmanWorksheet, FrameCoder

_STORE_MODULE = importlib.import_module("korea_kit.work._store")

ARTICLE = Article.from_text("Talks at last\n\nThe two sides met in Seoul. They argued about sanctions. Then they ate.",
                            id="t-1")


@pytest.fixture
def store(tmp_path):
    return WorkStore(tmp_path / "work.json", student="ana")


def restarted(store):
    return WorkStore(store.path, student="ana")


def test_an_answer_is_saved_as_a_coding_of_the_sv_exercise(store):
    FrameCoder(ARTICLE, store=store).answer("conflict_1", "yes")
    assert [(c["exercise_id"], c["question"], c["value"]) for c in store.codings()] == [("03.sv", "conflict_1", True)]


def test_answers_survive_a_kernel_restart(store):
    coder = FrameCoder(ARTICLE, store=store)
    coder.answer("conflict_1", "yes")
    coder.answer("moral_2", "no")
    coder.primary_frame = "Security and defense"
    again = FrameCoder(ARTICLE, store=restarted(store))
    assert (again.answers["conflict_1"], again.answers["moral_2"], again.answers["econ_1"]) == ("yes", "no", "not sure")
    assert again.primary_frame == "Security and defense" and again.headline_frame == "not chosen"


def test_not_sure_leaves_no_yes_in_the_store(store):
    coder = FrameCoder(ARTICLE, store=store)
    coder.answer("conflict_1", "yes")
    coder.answer("conflict_1", "not sure")
    assert [c["value"] for c in restarted(store).codings()] == [None]
    assert FrameCoder(ARTICLE, store=restarted(store)).answers["conflict_1"] == "not sure"


def test_not_chosen_takes_a_frame_back(store):
    coder = FrameCoder(ARTICLE, store=store)
    coder.headline_frame = "Political"
    coder.headline_frame = "not chosen"
    assert [c["value"] for c in store.codings(exercise_id="03.pfc")] == [None]


def test_assigning_the_whole_answers_dict_saves_each_change(store):
    coder = FrameCoder(ARTICLE, store=store)
    coder.answers = {"resp_1": "yes", "econ_3": "no"}
    assert {c["question"]: c["value"] for c in store.codings()} == {"resp_1": True, "econ_3": False}


def test_the_status_says_saved_after_a_save(store):
    coder = FrameCoder(ARTICLE, store=store)
    coder.answer("resp_1", "no")
    assert coder.status == "Saved: resp_1 = no."


def test_the_status_never_says_saved_when_the_disk_is_full(store, monkeypatch):
    coder = FrameCoder(ARTICLE, store=store)

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(_STORE_MODULE, "write_atomically", full)
    coder.answer("resp_1", "yes")
    coder.primary_frame = "Political"
    assert coder.status.startswith("⚠️ NOT saved") and "No space left" in coder.status
    assert store.codings()[0]["value"] is not None  # kept in memory, not lost


def test_a_coder_on_a_work_path_under_a_file_opens_and_says_not_saved(tmp_path):
    (tmp_path / "plain").write_text("not a folder")
    store = WorkStore(tmp_path / "plain" / "work.json", student="ana")
    coder = FrameCoder(ARTICLE, store=store)
    coder.answer("human_1", "no")
    assert "Saved:" not in coder.status and coder.status.startswith("⚠️ NOT saved")


def test_codings_imported_from_another_student_are_not_loaded_as_mine(store, tmp_path):
    other = WorkStore(tmp_path / "other.json", student="bo")
    FrameCoder(ARTICLE, store=other).answer("conflict_1", "yes")
    store.import_file(other.export(tmp_path / "bo.json"), other_student=True)
    assert FrameCoder(ARTICLE, store=store).answers["conflict_1"] == "not sure"


def test_a_wrong_answer_is_a_kit_error_that_names_the_choices(store):
    with pytest.raises(KitError, match="'yes', 'no' or 'not sure'"):
        FrameCoder(ARTICLE, store=store).answer("conflict_1", "maybe")


def test_an_unknown_item_suggests_the_nearest(store):
    with pytest.raises(KitError, match="conflict_1"):
        FrameCoder(ARTICLE, store=store).answer("conflict1", "yes")


def test_an_unknown_frame_is_a_kit_error(store):
    with pytest.raises(KitError, match="Political"):
        FrameCoder(ARTICLE, store=store).headline_frame = "Politics"


def test_a_corpus_is_refused_with_a_kit_error(store):
    import korea_kit as kk

    with pytest.raises(KitError):
        FrameCoder(kk.load_corpus(), store=store)


def test_hints_point_at_cues_without_answering(store, monkeypatch):
    cues = pd.DataFrame({"category": ["conflict"], "cue": ["argue"], "text": ["argued"], "start": [0], "end": [6]})
    monkeypatch.setattr(framing, "frame_cues", lambda article: cues)
    coder = FrameCoder(ARTICLE, store=store)
    assert "“argued” (conflict)" in coder.hints["conflict"] and "not an answer" in coder.hints["conflict"]
    assert set(coder.answers.values()) == {"not sure"} and store.codings() == []


def test_a_failing_cue_finder_leaves_a_plain_hint(store, monkeypatch):
    def broken(article):
        raise RuntimeError("no lexicon")

    monkeypatch.setattr(framing, "frame_cues", broken)
    assert FrameCoder(ARTICLE, store=store).hints["conflict"].startswith("Hint: no word hints")


def test_a_frame_without_cues_says_that_is_not_an_answer(store, monkeypatch):
    monkeypatch.setattr(framing, "frame_cues", lambda article: pd.DataFrame(columns=["category", "cue", "text"]))
    assert "not an answer" in FrameCoder(ARTICLE, store=store).hints["conflict"]


# ------------------------------------------------------------------------------------------- Entman


def test_an_entman_answer_is_saved_only_when_asked(store):
    sheet = EntmanWorksheet(ARTICLE, store=store)
    sheet.answers = {**sheet.answers, "problem": "A quarrel over sanctions."}
    assert store.codings() == [] and "not saved yet" in sheet.status


def test_an_entman_answer_and_its_evidence_survive_a_restart(store):
    sheet = EntmanWorksheet(ARTICLE, store=store)
    sheet.answers = {**sheet.answers, "remedy": "Keep talking."}
    sheet.evidence = {**sheet.evidence, "remedy": [2]}
    sheet.save("remedy")
    again = EntmanWorksheet(ARTICLE, store=restarted(store))
    assert again.answers["remedy"] == "Keep talking." and again.evidence["remedy"] == [2]
    start, end = store.codings()[0]["value"]["evidence"][0]
    assert ARTICLE.text[start:end] == ARTICLE.sentences[2].text


def test_evidence_that_is_not_a_whole_sentence_is_kept_when_saved_again(store):
    store.set_coding(ARTICLE.id, "03.entman", "cause", {"answer": "Sanctions.", "evidence": [[35, 42]]})
    sheet = EntmanWorksheet(ARTICLE, store=store)
    sheet.answers = {**sheet.answers, "cause": "Sanctions, mostly."}
    sheet.save("cause")
    assert store.codings()[0]["value"] == {"answer": "Sanctions, mostly.", "evidence": [[35, 42]]}


def test_the_worksheet_never_says_saved_when_the_disk_is_full(store, monkeypatch):
    sheet = EntmanWorksheet(ARTICLE, store=store)

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(_STORE_MODULE, "write_atomically", full)
    sheet.answers = {**sheet.answers, "moral": "Blame falls on the North."}
    sheet.save("moral")
    assert sheet.status.startswith("⚠️ NOT saved") and "Saved" not in sheet.status.replace("NOT saved", "")


def test_evidence_out_of_range_is_a_kit_error(store):
    sheet = EntmanWorksheet(ARTICLE, store=store)
    with pytest.raises(KitError, match="sentence numbers"):
        sheet.evidence = {**sheet.evidence, "problem": [99]}


def test_an_unknown_function_is_a_kit_error(store):
    with pytest.raises(KitError, match="remedy"):
        EntmanWorksheet(ARTICLE, store=store).save("remedies")
