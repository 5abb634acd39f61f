"""Exercise feedback: instant, kind, hints that grow, every try saved."""

import json
from importlib import resources

import pytest

from korea_kit import WorkStore, load_corpus
from korea_kit.work._checks import answer_hash, check, normalise, progress, seal, unseal


@pytest.fixture
def store(tmp_path):
    return WorkStore(tmp_path / "work.json", student="ana")


@pytest.mark.parametrize(
    "raw, expected",
    [("  The ITV News. ", "itv news"), ("“Sunday”", "sunday"), (28.0, "28"), ("1,000", "1000"), (True, "true"),
     (["b", "A"], "a|b"), (..., None), (None, None), ("", None), (float("nan"), None)],
)
def test_normalise(raw, expected):
    assert normalise(raw) == expected


def test_right_answer_is_correct_and_saved(store):
    feedback = check("01.1", "ITV News", store=store)
    assert feedback.correct and "web address" in feedback.message
    assert [a["correct"] for a in store.attempts("01.1")] == [True]


def test_known_wrong_answer_gets_its_own_feedback(store):
    feedback = check("01.1", "BBC", store=store)
    assert feedback.status == "wrong" and "trap" in feedback.message


def test_hints_get_more_specific_after_each_wrong_try(store):
    first = check("01.1", "Reuters", store=store).hint
    second = check("01.1", "CNN", store=store).hint
    third = check("01.1", "Yonhap", store=store).hint
    assert first != second == third  # the last hint stays once all are used


def test_unanswered_is_not_counted_as_a_try(store):
    assert check("01.1", ..., store=store).status == "unanswered"
    assert store.attempts("01.1") == []


def test_unknown_exercise_lists_the_known_ones(store):
    feedback = check("1.1", "x", store=store)
    assert feedback.status == "unknown" and "01.1" in feedback.message


def test_an_article_can_be_the_answer(store):
    assert check("01.2", load_corpus()["000"], store=store).correct


def test_free_text_is_saved_and_short_answers_get_a_nudge(store):
    feedback = check("00.4", "Too short.", store=store)
    assert feedback.status == "saved" and "at least" in feedback.message
    assert store.answer("00.4") == "Too short."


def test_a_long_answer_of_one_repeated_word_is_saved_but_asked_for_real_sentences(store):
    feedback = check("00.4", "x " * 50, store=store)
    assert feedback.status == "saved" and "repeats" in feedback.message
    assert store.answer("00.4") == "x " * 50


def test_a_one_word_answer_says_one_word_not_one_words(store):
    assert "only 1 word:" in check("00.4", "Sanctions.", store=store).message


def test_progress_lists_exercise_ten_after_exercise_two(store):
    ids = [row["exercise"] for row in progress("04", store=store).rows]
    assert ids.index("04.2") < ids.index("04.10")


def test_feedback_still_works_and_is_saved_when_the_work_file_was_damaged(tmp_path, monkeypatch):
    damaged = tmp_path / "broken" / "work.json"
    damaged.parent.mkdir()
    damaged.write_text("{ not json")
    monkeypatch.setenv("KOREA_KIT_WORK", str(damaged))
    with pytest.warns(UserWarning, match="was damaged"):
        feedback = check("01.1", "ITV News")
    assert feedback.correct and "NOT SAVED" not in feedback.note
    assert len(WorkStore(damaged).attempts("01.1")) == 1


def test_progress_shows_done_tried_saved_and_not_yet(store):
    check("01.1", "ITV News", store=store)
    check("01.2", "001", store=store)
    check("01.6", "An answer", store=store)
    status = {r["exercise"]: r["status"] for r in progress("01", store=store).rows}
    assert (status["01.1"], status["01.2"], status["01.6"], status["01.3"]) == ("done", "tried 1×", "saved", "not yet")


def test_no_answer_or_praise_is_stored_in_plain_text():
    data = resources.files("korea_kit").joinpath("data/exercises.json").read_text("utf-8")
    keys = json.loads(data)["exercises"]
    assert answer_hash("01.1", "ITV News") in keys["01.1"]["accept"]
    assert "ITV News" not in data and "Sunday" not in data


def test_a_sealed_message_opens_only_with_its_answer():
    box = seal("Well done.", "00.1", "Sunday")
    assert unseal(box, "00.1", " SUNDAY ") == "Well done." and unseal(box, "00.1", "Monday") is None


def test_feedback_html_is_escaped(store):
    html = check("<b>", "x", store=store)._repr_html_()
    assert "<b>&lt;b&gt;" not in html and "&lt;b&gt;" in html
