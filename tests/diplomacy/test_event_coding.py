"""EventCoder, PositionGrid and LensWorksheet: the logic, tested by setting values."""

import importlib

import pytest

import korea_kit as kk
from korea_kit import Article, WorkStore
from korea_kit.diplomacy import EventCoder, LensWorksheet, PositionGrid
from korea_kit.diplomacy._event_coding import explain_difference

ARTICLE = Article.from_text("Talks\n\nSeoul said it would meet Pyongyang. Washington imposed sanctions on Pyongyang.",
                            id="t-1")
GOLD = [{"article_id": "t-1", "start": 46, "end": 83, "source_actor": "USA", "target_actor": "PRK", "cameo": "163",
         "note": "sanctions imposed"}]


@pytest.fixture
def store(tmp_path):
    return WorkStore(tmp_path / "work.json", student="ana")


@pytest.fixture
def full_disk(monkeypatch):
    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(importlib.import_module("korea_kit.work._store"), "write_atomically", full)


def _code(coder, sentence, source, target, cameo):
    coder.sentence, coder.source_actor, coder.target_actor, coder.cameo = sentence, source, target, cameo
    coder.save()


def test_saving_an_event_stores_it_by_sentence_start(store):
    _code(EventCoder(ARTICLE, store=store, gold=GOLD), 2, "USA", "PRK", "163")
    coding = store.codings(exercise_id="04.events")[0]
    assert coding["question"] == str(ARTICLE.sentences[2].start) and coding["value"]["cameo"] == "163"


def test_a_reopened_coder_reloads_the_saved_event(store):
    _code(EventCoder(ARTICLE, store=store, gold=GOLD), 2, "USA", "PRK", "163")
    again = EventCoder(ARTICLE, store=WorkStore(store.path, student="ana"), gold=GOLD)
    assert (again.sentence, again.source_actor, again.cameo) == (2, "USA", "163")


def test_a_reversed_direction_is_explained(store):
    coder = EventCoder(ARTICLE, store=store, gold=GOLD)
    _code(coder, 2, "PRK", "USA", "163")
    assert coder.feedback.startswith("Direction: you have PRK → USA, the gold has USA → PRK")


def test_a_code_of_the_same_root_names_both_meanings():
    text = explain_difference({"source_actor": "USA", "target_actor": "PRK", "cameo": "036"},
                              {"source_actor": "USA", "target_actor": "PRK", "cameo": "030"})
    assert "Same root 03" in text and "Express intent to meet or negotiate" in text


def test_a_different_goldstein_sign_is_explained(store):
    coder = EventCoder(ARTICLE, store=store, gold=GOLD)
    _code(coder, 2, "USA", "PRK", "036")
    assert "The sign differs" in coder.feedback and "cooperation" in coder.feedback


def test_a_sentence_without_gold_says_so(store):
    coder = EventCoder(ARTICLE, store=store, gold=GOLD)
    _code(coder, 1, "KOR", "PRK", "036")
    assert "no gold event in this sentence" in coder.feedback


def test_saving_without_a_code_saves_nothing_and_says_what_is_missing(store):
    coder = EventCoder(ARTICLE, store=store, gold=GOLD)
    coder.sentence = 1
    coder.save()
    assert store.codings() == [] and "a CAMEO code" in coder.status


def test_a_failed_save_says_not_saved(store, full_disk):
    coder = EventCoder(ARTICLE, store=store, gold=GOLD)
    _code(coder, 2, "USA", "PRK", "163")
    assert "NOT saved" in coder.status and not coder.status.startswith("Saved")


def test_a_bad_actor_code_is_a_kit_error(store):
    with pytest.raises(kk.KitError, match="three-letter country code"):
        EventCoder(ARTICLE, store=store, gold=GOLD).source_actor = "North Korea"


def test_a_cameo_code_without_its_leading_zero_is_a_kit_error(store):
    with pytest.raises(kk.KitError, match="leading zero"):
        EventCoder(ARTICLE, store=store, gold=GOLD).cameo = "36"


def test_a_corpus_instead_of_an_article_is_a_kit_error(store):
    with pytest.raises(kk.KitError, match="works on one article"):
        EventCoder(kk.load_corpus(), store=store)


def test_the_grid_saves_a_cell(store):
    PositionGrid(store=store).answer("USA", "talks", "conditional", "only towards denuclearisation")
    assert store.codings(exercise_id="04.positions")[0]["value"]["position"] == "conditional"


def test_the_grid_reloads_on_reopen(store):
    PositionGrid(store=store).answer("PRK", "sanctions", "against")
    assert PositionGrid(store=WorkStore(store.path, student="ana")).answers["PRK:sanctions"]["position"] == "against"


def test_the_kits_reading_is_hidden_until_the_cell_is_answered(store):
    grid = PositionGrid(store=store)
    assert grid.reveal("USA", "denuclearisation") is None and "first" in grid.status


def test_the_kits_reading_shows_evidence_after_answering(store):
    grid = PositionGrid(store=store)
    grid.answer("USA", "denuclearisation", "for")
    assert grid.reveal("USA", "denuclearisation")["position"] == "conditional"


def test_a_grid_whose_save_fails_says_not_saved(store, full_disk):
    grid = PositionGrid(store=store)
    grid.answer("USA", "talks", "for")
    assert "NOT saved" in grid.status


def test_an_unknown_position_is_a_kit_error(store):
    with pytest.raises(kk.KitError, match="Did you mean 'against'"):
        PositionGrid(store=store).answer("USA", "talks", "agianst")


def test_the_worksheet_saves_a_lens_with_its_evidence_span(store):
    sheet = LensWorksheet([ARTICLE], store=store)
    sheet.set("realism", sentence=2, answer="The US uses sanctions as pressure.")
    sheet.save("realism")
    value = store.codings(exercise_id="04.lens")[0]["value"]
    assert ARTICLE.text[value["start"]:value["end"]] == ARTICLE.sentences[2].text and sheet.status == "Saved: realism."


def test_the_worksheet_reloads_on_reopen(store):
    sheet = LensWorksheet([ARTICLE], store=store)
    sheet.set("signals", sentence=1, answer="Cheap talk.")
    sheet.save("signals")
    assert LensWorksheet([ARTICLE], store=WorkStore(store.path, student="ana")).answers["signals"]["sentence"] == 1


def test_the_worksheet_saves_nothing_without_evidence(store):
    sheet = LensWorksheet([ARTICLE], store=store)
    sheet.set("realism", answer="Power.")
    sheet.save("realism")
    assert store.codings() == [] and "choose a sentence" in sheet.status


def test_an_unknown_lens_is_a_kit_error(store):
    with pytest.raises(kk.KitError, match="Did you mean 'realism'"):
        LensWorksheet([ARTICLE], store=store).save("realsm")
