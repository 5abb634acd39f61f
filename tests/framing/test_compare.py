"""Frame scores, the gold codes, one student against the gold, and a class's reliability from exports."""

import importlib
import json
import math

import pandas as pd
import pytest

import korea_kit as kk
from korea_kit import KitError, WorkStore
from korea_kit.framing import (class_reliability, compare_coding, frame_scores, load_framing_gold, policy_frames,
                               sv2000_items)

CORPUS = kk.load_corpus()


@pytest.fixture
def store(tmp_path):
    return WorkStore(tmp_path / "work.json", student="ana")


# ------------------------------------------------------------------------------------------------ gold


def test_the_gold_codes_every_item_and_both_frames_of_every_seed():
    gold = load_framing_gold()
    expected = set(sv2000_items()["item"]) | {"headline_frame", "primary_frame"}
    assert set(gold["article_id"]) == set(CORPUS.ids)
    assert all(set(group["question"]) == expected for _, group in gold.groupby("article_id"))


def test_every_gold_code_has_a_note():
    assert (load_framing_gold()["note"].str.len() > 30).all()


def test_gold_frames_are_codebook_frames():
    gold = load_framing_gold()
    frames = gold[gold["question"].isin(["headline_frame", "primary_frame"])]["value"]
    assert set(frames) <= set(policy_frames()["frame"])


def test_a_file_of_another_format_is_refused(tmp_path):
    path = tmp_path / "gold.json"
    path.write_text(json.dumps({"format": "korea-kit-gold-attributions", "articles": {}}))
    with pytest.raises(KitError, match="korea-kit-gold-framing"):
        load_framing_gold(path)


def test_a_yes_no_item_coded_as_text_is_refused(tmp_path):
    path = tmp_path / "gold.json"
    path.write_text(json.dumps({"format": "korea-kit-gold-framing",
                                "articles": {"x": [{"question": "conflict_1", "value": "yes", "note": ""}]}}))
    with pytest.raises(KitError, match="true or false"):
        load_framing_gold(path)


def test_a_device_is_refused_before_reading():
    with pytest.raises(KitError, match="device"):
        load_framing_gold("/dev/zero")


# ------------------------------------------------------------------------------------------ frame scores


def test_frame_scores_on_the_gold():
    scores = frame_scores(load_framing_gold())
    assert scores.loc["001_2d17110a08b0926d"].tolist() == [1.0, 0.0, 0.75, 0.0, pytest.approx(2 / 3)]
    assert scores.loc["003_46fde5033e6a92f2", "responsibility"] == 0.6


def test_a_frame_with_no_answered_item_scores_nan():
    table = pd.DataFrame({"article_id": ["a", "a"], "question": ["conflict_1", "moral_1"], "value": [True, None]})
    assert math.isnan(frame_scores(table).loc["a", "morality"])


def test_frame_scores_default_to_my_own_codings(monkeypatch, store):
    monkeypatch.setattr(importlib.import_module("korea_kit.work._session"), "work", lambda: store)
    store.set_coding("a", "03.sv", "econ_1", True)
    store.set_coding("a", "03.sv", "econ_2", False)
    assert frame_scores().loc["a", "economic"] == 0.5


def test_two_coders_in_one_table_are_refused():
    table = pd.DataFrame({"article_id": ["a", "a"], "question": ["conflict_1", "conflict_1"], "value": [True, False]})
    with pytest.raises(KitError, match="more than once"):
        frame_scores(table)


def test_a_table_without_the_columns_is_a_kit_error():
    with pytest.raises(KitError, match="question"):
        frame_scores(pd.DataFrame({"article_id": ["a"]}))


# -------------------------------------------------------------------------------------- compare_coding


def test_an_invented_student_agrees_on_three_of_four_items(store):
    article = CORPUS["001"]
    for item, value in {"conflict_1": True, "conflict_2": True, "moral_1": False, "human_2": True}.items():
        store.set_coding(article.id, "03.sv", item, value)
    store.set_coding(article.id, "03.pfc", "primary_frame", "Political")
    result = compare_coding(article, store=store)
    assert result.percent_agreement == 0.75 and result.kappa == pytest.approx(0.5)
    frame = result.to_frame().set_index("item")
    assert not frame.loc["human_2", "agree"] and "close call" in frame.loc["human_2", "note"]
    assert frame.loc["conflict_1", "note"] == "" and not frame.loc["primary_frame", "agree"]


def test_items_taken_back_to_not_sure_are_not_compared(store):
    article = CORPUS["000"]
    store.set_coding(article.id, "03.sv", "conflict_1", True)
    store.set_coding(article.id, "03.sv", "econ_1", None)
    result = compare_coding(article, store=store)
    assert result.compared == 1 and "econ_1" not in result.to_frame()["item"].tolist()


def test_the_gold_of_an_item_stays_hidden_until_it_is_coded(store):
    article = CORPUS["003"]
    store.set_coding(article.id, "03.sv", "conflict_1", True)
    shown = compare_coding(article, store=store)
    assert shown.to_frame()["item"].tolist() == ["conflict_1"] and "stay hidden" in repr(shown)
    assert compare_coding(CORPUS["001"], store=store).to_frame().empty


def test_nothing_coded_yet_says_how_to_start(store):
    result = compare_coding(CORPUS["003"], store=store)
    assert "not coded this article yet" in repr(result) and result.percent_agreement is None


def test_an_article_without_gold_says_so(store):
    article = kk.Article.from_text("Talks resume\n\nThe two sides met.", id="unseen")
    result = compare_coding(article, store=store)
    assert "no gold codes" in repr(result) and result.to_frame().empty


def test_the_student_view_shows_full_text_and_no_offsets(store):
    article = CORPUS["001"]
    store.set_coding(article.id, "03.sv", "econ_1", False)
    text = repr(compare_coding(article, store=store)) + compare_coding(article, store=store)._repr_html_()
    assert "economic relief" in text and "Does the report mention money gained or lost" in text
    assert "start" not in text


def test_compare_coding_refuses_a_corpus():
    with pytest.raises(KitError):
        compare_coding(CORPUS)


# ----------------------------------------------------------------------------------- class reliability


def export(tmp_path, name, codes, file_name=None):
    store = WorkStore(tmp_path / f"{name}-work.json", student=name)
    for (article, item), value in codes.items():
        store.set_coding(article, "03.sv", item, value)
    folder = tmp_path / "exports"
    folder.mkdir(exist_ok=True)
    return store.export(folder / (file_name or f"{name}.json"))


@pytest.fixture
def exports(tmp_path):
    units = [("a", "conflict_1"), ("b", "conflict_1"), ("c", "conflict_1"), ("a", "moral_1"), ("b", "moral_1")]
    export(tmp_path, "ana", dict(zip(units, [True, False, True, False, False])))
    export(tmp_path, "bo", dict(zip(units, [True, False, False, False, False])))
    export(tmp_path, "cy", dict(zip(units, [True, False, True, False, True])))
    export(tmp_path, "ana", dict(zip(units, [True, False, True, False, False])), file_name="ana-again.json")
    (tmp_path / "exports" / "broken.json").write_text("{not json")
    return tmp_path / "exports"


def test_a_duplicate_export_counts_once_and_a_corrupt_file_is_skipped(exports):
    table = class_reliability(exports)
    assert table.attrs["coders"] == ["ana", "bo", "cy"]
    assert [name for name, _ in table.attrs["skipped"]] == ["broken.json"]
    assert table.loc["conflict_1", "n_coders"] == 3 and table.loc["conflict_1", "units"] == 3


def test_alpha_and_agreement_match_a_direct_computation(exports):
    table = class_reliability(exports)
    matrix = [[True, False, True], [True, False, False], [True, False, True]]
    assert table.loc["conflict_1", "alpha"] == pytest.approx(kk.framing.krippendorff_alpha(matrix))
    assert table.loc["conflict_1", "percent agreement"] == pytest.approx(7 / 9)


def test_an_item_everyone_answered_alike_has_nan_alpha_and_a_reason(exports, tmp_path):
    export(tmp_path, "di", {("a", "econ_2"): False})
    export(tmp_path, "ed", {("a", "econ_2"): False})
    table = class_reliability(exports)
    assert math.isnan(table.loc["econ_2", "alpha"]) and "same" in table.loc["econ_2", "note"]
    assert table.loc["econ_2", "percent agreement"] == 1.0


def test_the_all_items_row_pools_every_unit(exports):
    assert class_reliability(exports).loc["all items", "units"] == 5


def test_a_missing_folder_is_a_kit_error(tmp_path):
    with pytest.raises(KitError, match="does not exist"):
        class_reliability(tmp_path / "nowhere")


def test_frame_scores_of_a_table_with_no_codings_is_an_empty_table_with_the_frames():
    empty = pd.DataFrame(columns=["article_id", "question", "value"])
    assert frame_scores(empty).columns.tolist() == ["responsibility", "human_interest", "conflict", "morality",
                                                    "economic"]
