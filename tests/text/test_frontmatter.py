"""Front matter: a small, strict subset of YAML, with errors that give the line."""

import pytest

from korea_kit import ArticleError, load_article
from korea_kit.text._frontmatter import parse_front_matter


def test_no_front_matter_gives_nothing():
    assert parse_front_matter("Head\n\nBody.") == ({}, 0)


def test_quoted_values_lose_their_quotes():
    assert parse_front_matter('---\ntitle: "A: B"\n---\nX')[0] == {"title": "A: B"}


def test_comments_and_blank_lines_are_allowed():
    assert parse_front_matter("---\n# note\n\nkey: v\n---\nX")[0] == {"key": "v"}


def test_bad_line_is_reported_with_its_number():
    with pytest.raises(ArticleError, match="line 3"):
        parse_front_matter("---\nok: 1\nnot a pair\n---\nX", "a.md")


def test_unclosed_front_matter_is_explained():
    with pytest.raises(ArticleError, match="no closing"):
        parse_front_matter("---\nkey: v\nHead", "a.md")


def test_front_matter_stays_in_the_text_as_boilerplate(write):
    art = load_article(write("a.md", "---\noutlet: X\n---\nHead\n\nBody."))
    assert art.text.startswith("---\noutlet: X\n---\n")
    assert [b.label for b in art.boilerplate] == ["front_matter"]


def test_front_matter_overrides_the_catalog(write):
    art = load_article(write("a.md", "---\noutlet: From file\n---\nHead\n\nBody."), meta={"outlet": "From catalog"})
    assert art.meta["outlet"] == "From file"


def test_front_matter_without_text_is_refused(write):
    with pytest.raises(ArticleError, match="no article text"):
        load_article(write("a.md", "---\noutlet: X\n---\n\n"))


def test_txt_files_do_not_read_front_matter(write):
    art = load_article(write("a.txt", "---\noutlet: X\n---\nHead"))
    assert art.meta["outlet"] == "unknown"
