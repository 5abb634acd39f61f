"""Articles in other house styles (tests/fixtures/articles/, invented): sensible titles and parts."""

import pytest

from korea_kit import load_article, load_corpus

from ..conftest import ARTICLES


def roles(article):
    return [p.label for p in article.paragraphs]


def test_the_folder_loads_as_a_corpus():
    assert len(load_corpus(ARTICLES)) == 5


def test_wire_story_has_headline_byline_dateline_and_credits():
    art = load_article(ARTICLES / "wire_dateline.txt")
    assert art.title == "Ministers in Tokyo and Seoul agree to restart finance dialogue"
    assert roles(art) == ["headline", "byline", "body", "body", "body", "boilerplate"]
    assert art.spans["dateline"][0].attrs["place"] == "TOKYO"
    assert art.meta["author"] == "Ana Ruiz and Tomas Lind"


def test_broadcaster_story_without_standfirst():
    art = load_article(ARTICLES / "broadcaster_no_standfirst.txt")
    assert art.standfirst is None
    assert roles(art) == ["headline", "body", "body", "body", "boilerplate", "boilerplate", "body"]


def test_long_form_with_front_matter_standfirst_byline_and_subhead():
    art = load_article(ARTICLES / "longform_quotes_across_paragraphs.md")
    assert art.title == "The long road to the harbour talks"
    assert art.meta["outlet"] == "The Example Review"
    assert roles(art)[:4] == ["headline", "standfirst", "byline", "body"]
    assert "subhead" in roles(art)
    assert roles(art)[-1] == "boilerplate"


def test_quote_across_paragraphs_keeps_both_paragraphs():
    art = load_article(ARTICLES / "longform_quotes_across_paragraphs.md")
    opening = [p for p in art.body if p.text.startswith('"We had no script')]
    closing = [p for p in art.body if p.text.startswith('"What saved us')]
    assert len(opening) == len(closing) == 1


def test_student_paper_furniture_credit_and_embed_are_boilerplate():
    art = load_article(ARTICLES / "student_paper.txt")
    assert art.title.startswith("Campus voices")
    assert [b.label for b in art.boilerplate] == ["photo_credit", "social_post", "site_furniture"]


def test_wire_copy_without_a_headline_gets_a_title_from_its_opening():
    art = load_article(ARTICLES / "no_headline_wire.txt")
    assert art.headline is None
    assert art.title.startswith("GENEVA (AP) — Envoys from both sides")
    assert art.spans["dateline"][0].attrs["agency"] == "AP"


@pytest.mark.parametrize("name", ["wire_dateline.txt", "broadcaster_no_standfirst.txt", "student_paper.txt"])
def test_unseen_articles_render_escaped_html(name):
    assert "<p" in load_article(ARTICLES / name)._repr_html_()
