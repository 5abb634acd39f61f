"""Third round of failure patterns found on real news (PolNeAR), each on an invented sentence of the same shape.
No PolNeAR text is used here."""

import korea_kit as kk

from .test_patterns import pick, rows


def headline_rows(headline: str) -> list[dict]:
    art = kk.Article.from_text(headline + "\n\nAna Vance met Ted Rusk in Sarn on Monday.")
    return kk.quotes(art).to_dict("records")


# -- a pronoun after the cue opens a clause ------------------------------------------------------------------
def test_said_it_with_an_auxiliary_reports_a_clause():
    assert pick("The company said it had closed 40 stores since May.", "it had closed 40 stores since May")[
        "speaker_text"] == "The company"


def test_said_it_without_a_verb_reports_nothing():
    assert rows("She said it again.") == []


# -- a cue in a coordinated predicate ------------------------------------------------------------------------
def test_a_second_verb_after_and_takes_the_subject_of_the_first():
    assert pick("He called the plan bold, and said there was no rush to vote.", "there was no rush to vote")[
        "speaker_text"] == "He"


# -- a trailing cue with a time, a place or an addressee ---------------------------------------------------
def test_a_trailing_cue_may_be_followed_by_a_day():
    assert pick("The deal is dead for this year, Ana Vance said Monday.", "The deal is dead for this year")[
        "speaker"] == "Ana Vance"


def test_a_trailing_cue_may_be_followed_by_a_place_phrase():
    assert pick("The deal is dead for this year, the mayor said in an interview with the paper.",
                "The deal is dead for this year")["speaker_text"] == "the mayor"


def test_a_trailing_told_keeps_its_addressee_in_the_cue():
    assert pick("The talks failed in the end, she told reporters on Tuesday.", "The talks failed in the end")[
        "cue"] == "told reporters"


def test_a_tail_after_a_cue_that_is_not_speech_is_no_trailing_attribution():
    found = rows("With ten seats at stake, she is assured of winning at least six in that race.")
    assert all(r["text"] != "With ten seats at stake" for r in found)


# -- where a reported clause ends ----------------------------------------------------------------------------
def test_a_reported_clause_ends_before_but():
    assert pick("Ana Vance said the plan is dead, but the talks go on.", "the plan is dead")["speaker"] == "Ana Vance"


def test_a_reported_clause_ends_before_a_semicolon():
    assert pick("Ana Vance said the plan is dead; the talks go on.", "the plan is dead")["speaker"] == "Ana Vance"


def test_a_reported_clause_ends_before_according_to():
    assert pick("Ana Vance said the plan is dead, according to two aides.", "the plan is dead")["cue"] == "said"


def test_a_reported_clause_ends_before_a_second_speaker_and_cue():
    found = pick("Ana Vance says the plan is dead, her aides said on Friday, and the talks go on.", "the plan is dead")
    assert found["cue"] == "says"


def test_a_reported_clause_ends_at_a_closing_parenthesis():
    assert pick("The count was close (Ana Vance said the tally is wrong) and the board met.", "the tally is wrong")[
        "cue"] == "said"


def test_a_parenthesis_inside_the_clause_is_kept():
    assert pick("Ana Vance said the plan (an old one) is dead.", "the plan (an old one) is dead")["cue"] == "said"


# -- headlines -------------------------------------------------------------------------------------------------
def test_a_name_and_a_colon_in_a_headline_speak_what_follows():
    found = headline_rows("Ana Vance: Talks are over for now")
    assert [(r["speaker"], r["cue"], r["text"]) for r in found] == [("Ana Vance", ":", "Talks are over for now")]


def test_a_quoted_headline_after_a_colon_is_direct():
    found = headline_rows("Ted Rusk: “We will win the vote.”")
    assert [(r["kind"], r["text"]) for r in found] == [("direct", "We will win the vote.")]


def test_a_story_label_before_a_colon_is_no_speaker():
    assert headline_rows("The Latest: Talks are over for now") == []


def test_a_word_in_capitals_before_a_colon_is_no_speaker():
    assert headline_rows("BREAKING: Talks are over for now") == []


def test_a_headline_in_sentence_case_is_searched_for_reported_speech():
    found = headline_rows("Vance says she will run for the seat")
    assert [(r["speaker"], r["text"]) for r in found] == [("Ana Vance", "she will run for the seat")]


def test_a_capitalised_cue_in_a_title_case_headline_is_not_taken():
    assert headline_rows("Vance Says She Will Run For The Seat") == []


# -- more cues, kept as data ----------------------------------------------------------------------------------
def test_endorsed_takes_its_object_as_content():
    assert pick("The union endorsed Ana Vance for the seat.", "Ana Vance for the seat")["speaker_text"] == "The union"


def test_a_poll_shows_takes_a_bare_object():
    assert pick("A new poll shows Vance leading in three states.", "Vance leading in three states")[
        "speaker_text"] == "A new poll"
