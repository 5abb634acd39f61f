"""export_brief: a standalone, valid, escaped HTML page and a Markdown file, written atomically."""

import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import korea_kit as kk
from korea_kit.writing import export_brief
from korea_kit.writing._export import brief_page, slug
from korea_kit.writing._markdown import parse

FIXTURES = Path(__file__).parents[1] / "fixtures" / "writing"
VOID = {"meta", "br", "link", "img", "hr", "input"}


class Structure(HTMLParser):
    """Tags in order, checking that every opened tag is closed in order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.tags, self.errors, self.doctype, self.text = [], [], [], None, []

    def handle_decl(self, decl):
        self.doctype = decl

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def structure(html: str) -> Structure:
    parser = Structure()
    parser.feed(html)
    parser.close()
    return parser


@pytest.fixture(scope="module")
def corpus():
    return kk.load_corpus()


@pytest.fixture
def exported(tmp_path, corpus):
    return export_brief((FIXTURES / "strong.md").read_text("utf-8"), tmp_path, corpus)


def test_both_files_are_written_with_the_headline_as_name(exported, tmp_path):
    assert exported.path.name == slug("North Korea says it could be willing to talk with the US, Seoul says") + ".html"
    assert exported.path.name.startswith("north-korea-says-it-could")
    assert exported.markdown_path.with_suffix(".html") == exported.path and exported.markdown_path.exists()


def test_the_page_is_a_complete_document(exported):
    page = structure(exported.path.read_text("utf-8"))
    tags = [t for t, _ in page.tags]
    assert page.doctype.lower() == "doctype html" and not page.errors and not page.stack
    assert tags[:3] == ["html", "head", "meta"] and dict(page.tags[0][1]) == {"lang": "en"}
    assert ("meta", {"charset": "utf-8"}) in page.tags and "title" in tags and "body" in tags


def test_the_page_renders_the_draft_structure(exported):
    tags = [t for t, _ in structure(exported.path.read_text("utf-8")).tags]
    assert tags.count("h1") == 1 and tags.count("h2") >= 5 and "p" in tags


def test_the_sources_list_the_quoted_seeds_with_their_provenance(exported, corpus):
    page = exported.path.read_text("utf-8")
    assert "<h2>Sources</h2>" in page
    for article_id in ("003", "000"):
        meta = corpus[article_id].meta
        assert meta["url"] in page and meta["outlet"] in page and meta["date"] in page
    assert {a.id[:3] for a in exported.sources} >= {"000", "003"}


def test_the_markdown_keeps_the_draft_and_adds_sources(exported):
    text = exported.markdown_path.read_text("utf-8")
    assert text.startswith("# North Korea says") and "\n## Sources\n" in text
    assert [b.kind for b in parse(text)][0] == "h1"


def test_markup_in_a_draft_is_escaped_in_both_files(tmp_path, corpus):
    link = export_brief("# Hi <script>alert(1)</script>\n\n<img src=x onerror=alert(1)>", tmp_path, corpus)
    page = link.path.read_text("utf-8")
    assert "<script>" not in page and "<img" not in page and "&lt;script&gt;" in page
    assert "\\<script>" in link.markdown_path.read_text("utf-8")


def test_a_name_chooses_the_file_names(tmp_path, corpus):
    assert export_brief("# Talks", tmp_path, corpus, name="My brief").path.name == "my-brief.html"


def test_the_link_object_renders_download_links(exported):
    html = exported._repr_html_()
    assert html.count("a download=") == 2 and "Saved your brief" in html


def test_a_missing_folder_is_a_kit_error(tmp_path):
    with pytest.raises(kk.KitValueError, match="does not exist"):
        export_brief("# Talks", tmp_path / "nope")


def test_a_file_given_as_folder_is_a_kit_error(tmp_path):
    (tmp_path / "f.txt").write_text("x")
    with pytest.raises(kk.KitValueError, match="is a file"):
        export_brief("# Talks", tmp_path / "f.txt")


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_an_unwritable_folder_is_a_kit_error(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    with pytest.raises(kk.KitValueError, match="cannot be written"):
        export_brief("# Talks", locked)


def test_a_failed_write_says_so_and_leaves_no_file(tmp_path, monkeypatch, corpus):
    import korea_kit.writing._export as module

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(module, "write_atomically", full)
    with pytest.raises(kk.KitValueError, match="No space left"):
        export_brief("# Talks", tmp_path, corpus)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("bad", [None, 7, ["a"]])
def test_a_wrong_folder_is_a_kit_type_error_naming_it(bad):
    with pytest.raises(kk.KitTypeError, match="export_brief: folder"):
        export_brief("# Talks", bad)


def test_an_empty_draft_is_not_exported(tmp_path):
    with pytest.raises(kk.KitValueError, match="draft is empty"):
        export_brief("  ", tmp_path)


def test_a_name_that_is_not_text_is_a_kit_type_error(tmp_path):
    with pytest.raises(kk.KitTypeError, match="export_brief: name"):
        export_brief("# Talks", tmp_path, name=3)


def test_slugs_are_ascii_and_short():
    assert slug("A" * 200).startswith("a") and len(slug("word " * 40)) <= 60


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_any_text_round_trips_safely_through_the_html_page(text):
    page = brief_page(text, [])
    parsed = structure(page)
    allowed = {"html", "head", "meta", "title", "style", "body", "article", "section", "h1", "h2", "h3", "h4", "h5",
               "h6", "p", "ul", "ol", "li", "blockquote", "em", "strong", "code", "a", "footer"}
    assert {t for t, _ in parsed.tags} <= allowed and not parsed.errors and not parsed.stack
    body = page.split("<article>", 1)[1].split("</article>", 1)[0]
    tags = r"</?(?:h[1-6]|p|ul|ol|li|blockquote|em|strong|code)>|<a href=\"[^\"<>]*\" rel=\"noopener noreferrer\">|</a>"
    assert "<" not in re.sub(tags, "", body)
    for tag, attrs in parsed.tags:
        assert not any(name.startswith("on") for name in attrs)
        if tag == "a":
            assert attrs["href"].lower().startswith(("http://", "https://"))
