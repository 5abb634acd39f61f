"""A draft read for feedback: headline, body article, quotations, tracing against a corpus."""

import korea_kit as kk
from korea_kit.writing._draft import CorpusIndex, normalise, read_draft


def test_section_headings_are_not_part_of_the_body():
    draft = read_draft("# Head\n\n## Background\n\nOne two three.")
    assert draft.paragraphs == ["One two three."] and draft.word_count == 3


def test_a_blockquote_becomes_a_quotation():
    assert [q.text for q in read_draft("# H\n\n> no pressure comes off").quotations()] == ["no pressure comes off"]


def test_an_ellipsis_splits_a_quotation_into_pieces():
    (quote,) = read_draft('# H\n\nHe said "no pressure ... comes off".').quotations()
    assert quote.pieces == ("no pressure", "comes off")


def test_curly_and_straight_marks_case_and_spaces_are_ignored_when_tracing():
    index = CorpusIndex([kk.Article.from_text("T\n\nShe said: “We’re  Ready to talk.”", id="a")])
    assert [a.id for a in index.trace((normalise("we're ready TO talk"),))] == ["a"]


def test_an_empty_draft_has_no_article():
    draft = read_draft("\n \n")
    assert draft.empty and draft.article is None and draft.quotations() == []
