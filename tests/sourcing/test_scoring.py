"""evaluate(): exact, soft token-overlap and attribution scores on tiny hand-made tables."""

import pandas as pd
import pytest

from korea_kit import ArticleError, evaluate, load_gold

TEXT = {"a": "Kim said we will talk soon and Moon agreed with him today."}


def frame(*rows):
    return pd.DataFrame([{"article_id": "a", "kind": "direct", **r} for r in rows])


def test_identical_spans_score_one_everywhere():
    gold = frame({"start": 9, "end": 26, "speaker": "Kim"})
    table = evaluate(gold, gold, TEXT)
    assert table.loc[["exact", "overlap", "attribution"], "f1"].tolist() == [1.0, 1.0, 1.0]


def test_a_span_one_word_short_is_not_exact_but_mostly_overlaps():
    gold = frame({"start": 9, "end": 26, "speaker": "Kim"})  # we will talk soon
    pred = frame({"start": 9, "end": 21, "speaker": "Kim"})  # we will talk
    table = evaluate(pred, gold, TEXT)
    assert table.loc["exact", "recall"] == 0.0
    assert (table.loc["overlap", "precision"], table.loc["overlap", "recall"]) == (1.0, 0.75)


def test_wrong_speaker_keeps_overlap_but_loses_attribution():
    table = evaluate(frame({"start": 9, "end": 26, "speaker": "Moon"}), frame({"start": 9, "end": 26, "speaker": "Kim"}), TEXT)
    assert (table.loc["overlap", "f1"], table.loc["attribution", "f1"], table.loc["speaker accuracy", "precision"]) == (1.0, 0.0, 0.0)


def test_speakers_are_compared_without_case_or_extra_spaces():
    table = evaluate(frame({"start": 9, "end": 26, "speaker": "kim  yong chol"}),
                     frame({"start": 9, "end": 26, "speaker": "Kim Yong Chol"}), TEXT)
    assert table.loc["speaker accuracy", "precision"] == 1.0


def test_extra_and_missing_spans_lower_precision_and_recall():
    gold = frame({"start": 9, "end": 26, "speaker": "Kim"}, {"start": 31, "end": 42, "speaker": "Moon"})
    pred = frame({"start": 9, "end": 26, "speaker": "Kim"}, {"start": 0, "end": 3, "speaker": "X"})
    table = evaluate(pred, gold, TEXT)
    assert (table.loc["exact", "precision"], table.loc["exact", "recall"]) == (0.5, 0.5)


def test_kinds_filter_both_sides():
    gold = pd.DataFrame([{"article_id": "a", "kind": "indirect", "start": 9, "end": 26, "speaker": "Kim"}])
    assert evaluate(gold, gold, TEXT).loc["exact", "gold"] == 0
    assert evaluate(gold, gold, TEXT, kinds=None).loc["exact", "f1"] == 1.0


def test_spans_match_only_within_the_same_article():
    gold = frame({"start": 9, "end": 26, "speaker": "Kim"})
    pred = gold.assign(article_id="b")
    assert evaluate(pred, gold, TEXT).loc["overlap", "f1"] == 0.0


def test_gold_file_that_is_not_gold_is_refused(tmp_path):
    path = tmp_path / "gold.json"
    path.write_text('{"format": "something else"}')
    with pytest.raises(ArticleError, match="not a korea-kit gold file"):
        load_gold(path)


def test_seed_gold_offsets_match_the_seed_texts():
    import korea_kit as kk

    corpus = kk.load_corpus()
    for row in load_gold().itertuples():
        assert corpus[row.article_id].text[row.start:row.end] == row.text


def test_load_gold_of_a_device_is_refused_before_reading():
    from korea_kit._errors import KitError

    with pytest.raises(KitError, match="device or a pipe"):
        load_gold("/dev/zero")


def test_load_gold_of_a_json_list_is_not_a_gold_file(tmp_path):
    path = tmp_path / "gold.json"
    path.write_text("[1, 2]", "utf-8")
    with pytest.raises(ArticleError, match="not a korea-kit gold file"):
        load_gold(path)


def test_evaluate_of_numbers_names_the_pred_table():
    from korea_kit._errors import KitTypeError

    with pytest.raises(KitTypeError, match="evaluate: pred should be a table"):
        evaluate(5, 5)


def test_evaluate_refuses_positions_that_are_not_numbers():
    import pandas as pd
    from korea_kit._errors import KitValueError

    gold = pd.DataFrame([{"start": 0, "end": 10, "speaker": "Moon"}])
    pred = pd.DataFrame([{"start": "a", "end": 10, "speaker": "Moon"}])
    with pytest.raises(KitValueError, match="'start' column must hold character positions"):
        evaluate(pred, gold)
