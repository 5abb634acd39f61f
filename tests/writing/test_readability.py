"""Syllables and the Flesch formulas, computed offline."""

import pytest

from korea_kit.writing._readability import flesch_kincaid_grade, flesch_reading_ease, syllables, text_counts


@pytest.mark.parametrize("word, count", [("cat", 1), ("table", 2), ("make", 1), ("wanted", 2), ("walked", 1),
                                         ("boxes", 2), ("Korea", 2), ("willingness", 3), ("Yo-jong", 2)])
def test_syllables_of_common_words(word, count):
    assert syllables(word) == count


def test_short_words_and_sentences_read_more_easily_than_long_ones():
    easy = ["Moon met Kim.", "They talked."]
    hard = ["Denuclearization negotiations necessitate comprehensive international verification mechanisms."]
    assert flesch_reading_ease(easy) > flesch_reading_ease(hard)
    assert flesch_kincaid_grade(easy) < flesch_kincaid_grade(hard)


def test_the_formulas_follow_flesch_and_kincaid():
    sentences = ["The cat sat on the mat."]  # 1 sentence, 6 words, 6 syllables
    assert text_counts(sentences) == (1, 6, 6)
    assert flesch_reading_ease(sentences) == pytest.approx(206.835 - 1.015 * 6 - 84.6 * 1)
    assert flesch_kincaid_grade(sentences) == pytest.approx(0.39 * 6 + 11.8 * 1 - 15.59)


def test_no_words_gives_none():
    assert flesch_reading_ease(["...", ""]) is None and flesch_kincaid_grade([]) is None
