"""The HTML view escapes everything that came from a file."""

from korea_kit import Article
from korea_kit.text._render import article_html, safe_link


def test_script_tags_are_escaped():
    html = Article.from_text("Head\n\n<script>alert('x')</script> body.")._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_metadata_is_escaped_too():
    art = Article.from_text("Head\n\nBody.", meta={"outlet": "<img src=x onerror=alert(1)>"})
    assert "<img" not in article_html(art)


def test_javascript_urls_are_not_links():
    assert "<a" not in safe_link("javascript:alert(1)")


def test_http_urls_are_links():
    assert safe_link("https://example.org").startswith('<a href="https://example.org"')


def test_boilerplate_is_shown_greyed_with_its_kind():
    html = Article.from_text("Head\n\nBody.\n\nAdvertisement")._repr_html_()
    assert 'data-role="boilerplate"' in html and "[site furniture]" in html


def test_headline_and_provenance_come_first():
    html = Article.from_text("Head\n\nBody.", meta={"outlet": "ITV News"})._repr_html_()
    assert html.index("ITV News") < html.index("Head") < html.index("Body.")
