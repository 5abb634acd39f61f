"""Certainty of claims: hedged headlines score below assertive ones, on the seeds and on headlines never seen."""

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import korea_kit as kk
from korea_kit import KitTypeError, KitValueError
from korea_kit.framing import certainty, certainty_markers, headline_certainty
from korea_kit.framing._certainty import MARKER_KINDS
from korea_kit.framing._match import read_rows

UNSEEN = Path(__file__).parents[1] / "fixtures" / "framing"

# Invented headlines (no event here is real), grouped by how firmly they assert their claim.
ASSERTIVE = [
    "Japan and South Korea agree to restart finance dialogue",
    "Iran test-fires new ballistic missile",
    "EU imposes sanctions on Belarus airline",
    "Pentagon confirms missile test over the Pacific",
    "Chile and Peru sign fishing accord",
]
ATTRIBUTED = [
    "Kremlin says summit with Kyiv is off",
    "Ministers say they will resume talks next week",
    "Ghana expresses support for ceasefire plan",
    "Talks will go ahead, according to the foreign ministry",
]
SPECULATIVE = [
    "Officials say China could ease export curbs",
    "Summit may be delayed, sources say",
    "Will the ceasefire hold?",
    "India might join talks if Pakistan stops shelling",
    "Ceasefire reportedly likely to be extended",
    "Government appears to be preparing new sanctions",
    "Leaders it is believed could meet in Oslo",
]


def test_the_seed_that_could_be_willing_scores_below_the_seed_that_is_willing():
    corpus = kk.load_corpus()
    assert certainty(corpus["000"].title) < certainty(corpus["001"].title)


def test_the_seed_that_expresses_willingness_lies_between_the_other_two():
    corpus = kk.load_corpus()
    assert certainty(corpus["000"].title) < certainty(corpus["003"].title) < certainty(corpus["001"].title)


def test_every_assertive_headline_scores_above_every_attributed_one():
    assert min(map(certainty, ASSERTIVE)) > max(map(certainty, ATTRIBUTED))


def test_every_attributed_headline_scores_above_every_speculative_one():
    assert min(map(certainty, ATTRIBUTED)) > max(map(certainty, SPECULATIVE))


def test_a_question_headline_scores_below_the_same_claim_asserted():
    assert certainty("Is the ceasefire holding?") < certainty("The ceasefire is holding")


def test_a_conditional_lowers_the_score():
    assert certainty("Talks resume if sanctions are lifted") < certainty("Talks resume as sanctions are lifted")


def test_anonymous_sourcing_lowers_the_score_more_than_a_named_speaker():
    assert certainty("Deal close, sources say") < certainty("Deal close, Merkel says")


def test_a_booster_cancels_an_attribution_but_never_passes_one():
    assert certainty("Ministry confirms talks, officials say") == 1.0


def test_a_booster_does_not_cancel_a_modal():
    assert certainty("Ministry confirms talks could resume") < 1.0


def test_markers_match_whole_words_only():
    assert certainty("Mayor of Couldby signs mayday accord") == 1.0


def test_the_month_may_is_not_the_modal_may():
    assert certainty("Talks resume in May") == certainty("Talks resume May 3") == 1.0


def test_matching_ignores_case_and_runs_of_spaces():
    assert certainty("KIM  COULD\nMEET TRUMP") == certainty("Kim could meet Trump")


def test_a_multi_word_marker_is_found_as_one_marker():
    table = certainty_markers("Talks are expected to resume")
    assert table["marker"].tolist() == ["are expected to"]


def test_certainty_markers_rows_point_into_the_text():
    text = "Seoul says Pyongyang could reportedly talk?"
    table = certainty_markers(text)
    assert all(text[r.start:r.end] == r.text for r in table.itertuples()) and len(table) == 4


@given(st.text(min_size=1, max_size=200))
def test_certainty_is_between_0_and_1_for_any_text_with_a_word(text):
    if any(ch.isalnum() for ch in text):
        assert 0.0 <= certainty(text) <= 1.0


def test_headline_certainty_has_one_row_per_article_with_the_agreed_columns():
    table = headline_certainty(kk.load_corpus())
    assert list(table.columns) == ["article_id", "outlet", "headline", "certainty", "markers"] and len(table) == 3


def test_headline_certainty_lists_the_markers_that_moved_the_score():
    table = headline_certainty(kk.load_corpus()).set_index("outlet")
    assert table.loc["BuzzFeed News (UK desk)", "markers"] == "says, could" and table.loc["ITV News", "markers"] == ""


def test_headline_certainty_works_on_an_unseen_article():
    assert headline_certainty(kk.load_article(UNSEEN / "summit_wire.txt"))["certainty"].tolist() == [1.0]


def test_certainty_of_an_article_says_to_use_its_title():
    with pytest.raises(KitTypeError, match="article.title"):
        certainty(kk.load_corpus()[0])


def test_certainty_of_empty_text_is_a_kit_error():
    with pytest.raises(KitValueError, match="no words"):
        certainty("  ?! ")


def test_headline_certainty_of_a_file_name_is_a_kit_error():
    with pytest.raises(KitTypeError, match="kk.load_article"):
        headline_certainty("seeds/000.txt")


def test_the_markers_file_is_well_formed():
    rows = read_rows("certainty_markers.csv")
    markers = [r["marker"].casefold() for r in rows]
    assert len(markers) == len(set(markers))
    assert all(r["kind"] in MARKER_KINDS and 0 <= float(r["weight"]) < 1 and r["note"] for r in rows)
