"""The concordance: every use of a word in context, on the seeds and on articles never seen."""

from pathlib import Path

import pytest

import korea_kit as kk
from korea_kit import Article, KitTypeError, KitValueError
from korea_kit.framing import concordance

UNSEEN = Path(__file__).parents[1] / "fixtures" / "framing"
COLUMNS = ["article_id", "outlet", "left", "match", "right"]


def test_talks_is_found_in_every_seed():
    corpus = kk.load_corpus()
    assert set(concordance(corpus, "talks")["article_id"]) == set(corpus.ids)


def test_the_table_has_the_agreed_columns():
    assert list(concordance(kk.load_corpus(), "talks").columns) == COLUMNS


def test_a_phrase_is_found_across_a_line_break_and_shown_with_one_space():
    art = Article.from_text("Head\n\nAfter a war of\nwords the sides met.")
    assert concordance(art, "war of words")["match"].tolist() == ["war of words"]


def test_the_search_ignores_case_but_takes_whole_words_only():
    art = Article.from_text("Head\n\nTalks, talks and talkative talkers.")
    assert concordance(art, "TALKS")["match"].tolist() == ["Talks", "talks"]


def test_the_context_is_cut_at_word_boundaries_within_the_width():
    art = Article.from_text("Head\n\nThe foreign ministers agreed to hold talks in Geneva next month.")
    row = concordance(art, "talks", width=20).iloc[0]
    assert (row["left"], row["right"]) == ("agreed to hold", "in Geneva next")


def test_no_context_is_longer_than_the_width():
    table = concordance(kk.load_corpus(), "the", width=12)
    assert table["left"].str.len().max() <= 12 and table["right"].str.len().max() <= 12


def test_whitespace_in_the_context_is_collapsed():
    art = Article.from_text("Head\n\nOne  two\n\nthree talks four\n five")
    row = concordance(art, "talks").iloc[0]
    assert (row["left"], row["right"]) == ("Head One two three", "four five")


def test_an_unseen_wire_story_has_its_thaw_in_context():
    art = kk.load_article(UNSEEN / "summit_wire.txt")
    assert concordance(art, "thaw")["right"].str.startswith("after a bitter war").tolist() == [True]


def test_boilerplate_is_not_searched():
    art = kk.load_article(UNSEEN / "summit_wire.txt")
    assert concordance(art, "Reporting").empty


def test_no_match_gives_an_empty_table_with_the_columns():
    table = concordance(kk.load_corpus(), "zeppelin")
    assert table.empty and list(table.columns) == COLUMNS


def test_a_list_of_articles_is_accepted():
    corpus = kk.load_corpus()
    assert len(concordance([corpus[0], corpus[1]], "talks")) == len(concordance(corpus, "talks")) - len(
        concordance(corpus[2], "talks"))


@pytest.mark.parametrize("word", ["", "   "])
def test_an_empty_word_is_a_kit_error(word):
    with pytest.raises(KitValueError, match="word is empty"):
        concordance(kk.load_corpus(), word)


def test_a_word_that_is_not_text_is_a_kit_error():
    with pytest.raises(KitTypeError, match="word should be"):
        concordance(kk.load_corpus(), 5)


@pytest.mark.parametrize("width", [4, -1, 10_000])
def test_a_width_out_of_range_is_a_kit_error(width):
    with pytest.raises(KitValueError, match="width should be from 5"):
        concordance(kk.load_corpus(), "talks", width=width)


@pytest.mark.parametrize("width", ["40", 40.0, True])
def test_a_width_that_is_not_a_whole_number_is_a_kit_error(width):
    with pytest.raises(KitTypeError, match="width should be a whole number"):
        concordance(kk.load_corpus(), "talks", width=width)


def test_a_list_holding_something_else_is_a_kit_error():
    with pytest.raises(KitTypeError, match="item 1"):
        concordance([kk.load_corpus()[0], "notes.txt"], "talks")
