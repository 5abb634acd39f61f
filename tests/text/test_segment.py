"""Paragraph and sentence splitting on news text."""

import pytest

from korea_kit.text._segment import split_paragraphs, split_sentences, trim


def sentences(text):
    return [text[s:e] for s, e in split_sentences(text)]


def paragraphs(text):
    return [text[s:e] for s, e in split_paragraphs(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Mr Moon met Gen Kim in the afternoon.",
        "Gen. Kim met Mr. Moon and Ms. Trump at 5pm.",
        "U.S.-North Korea dialogue must come early.",
        "The talks, said J. Smith of the U.N., were brief.",
        "They met on Feb. 25 in Pyeongchang.",
    ],
)
def test_titles_abbreviations_and_initials_do_not_end_a_sentence(text):
    assert sentences(text) == [text]


def test_full_stop_inside_closing_quote_ends_a_sentence():
    text = 'He said "we will talk." Then he left.'
    assert sentences(text) == ['He said "we will talk."', "Then he left."]


def test_comma_inside_closing_quote_does_not_end_a_sentence():
    text = "\u201cWe will talk,\u201d the spokesman said. Kim nodded."
    assert sentences(text) == ["\u201cWe will talk,\u201d the spokesman said.", "Kim nodded."]


def test_sentences_inside_a_closed_quote_stay_together():
    text = "He said: \u201cPhase 2. Phase 2 may be rough.\u201d Kim replied."
    assert sentences(text) == ["He said: \u201cPhase 2. Phase 2 may be rough.\u201d", "Kim replied."]


def test_quote_running_into_the_next_paragraph_still_splits():
    text = '"The talks will go on. We are sure of it. And more'
    assert sentences(text) == ['"The talks will go on.', "We are sure of it.", "And more"]


def test_dotted_abbreviation_before_a_sentence_opener_ends_the_sentence():
    assert sentences("He flew to the U.S. The talks began.") == ["He flew to the U.S.", "The talks began."]


def test_question_and_exclamation_marks_end_sentences():
    assert sentences("Will they talk? Yes! Soon.") == ["Will they talk?", "Yes!", "Soon."]


def test_lower_case_after_a_full_stop_does_not_split():
    assert sentences("It was 5 p.m. when they met.") == ["It was 5 p.m. when they met."]


def test_blank_lines_separate_paragraphs_and_indentation_is_trimmed():
    assert paragraphs("Head\n\n    One.\n\n    Two.\n") == ["Head", "One.", "Two."]


def test_without_blank_lines_each_line_is_a_paragraph():
    assert paragraphs("Head\nOne.\nTwo.") == ["Head", "One.", "Two."]


def test_hard_wrapped_lines_join_their_paragraph():
    assert paragraphs("Head\nKim met Moon in\nthe mountains.\nNext one.") == ["Head", "Kim met Moon in\nthe mountains.", "Next one."]


def test_lines_of_nbsp_and_zero_width_count_as_blank():
    assert paragraphs("One.\n\u00a0\u200b\nTwo.") == ["One.", "Two."]


def test_trim_skips_invisible_characters():
    assert trim("\u200b x \u2060", 0, 5) == (2, 3)
