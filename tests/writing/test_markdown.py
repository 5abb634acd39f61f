"""The small Markdown: blocks, inline markup, escaping, plain text."""

from korea_kit.writing._markdown import (escape_markdown, headline_of, inline_html, inline_plain, markdown_html,
                                         parse)


def test_headings_paragraphs_lists_and_quotes_are_blocks():
    kinds = [b.kind for b in parse("# H\n\n## Sub\n\ntext\nmore\n\n- a\n- b\n\n1. one\n\n> quoted")]
    assert kinds == ["h1", "h2", "p", "ul", "ol", "quote"]


def test_lines_of_a_paragraph_are_joined():
    assert parse("one\ntwo")[0].text == "one two"


def test_emphasis_strong_and_code_become_tags():
    assert inline_html("*a* **b** _c_ `d`") == "<em>a</em> <strong>b</strong> <em>c</em> <code>d</code>"


def test_only_http_links_become_links():
    assert inline_html("[x](http://a.org)").startswith('<a href="http://a.org"')
    assert "<a" not in inline_html("[x](javascript:alert(1))") and "<a" not in inline_html("[x](data:text/html,1)")


def test_raw_html_is_escaped():
    assert markdown_html('<script>alert("x")</script>') == "<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p>"


def test_a_link_url_cannot_break_out_of_its_attribute():
    assert 'href="https://a.org/&quot;onmouseover=&quot;x"' in inline_html('[x](https://a.org/"onmouseover="x)')


def test_backslash_escapes_keep_the_character():
    assert inline_plain(r"\*not emphasis\*") == "*not emphasis*"


def test_the_headline_is_the_first_h1_else_the_first_line():
    assert headline_of("intro\n\n# The headline") == "The headline"
    assert headline_of("First line\nsecond") == "First line"


def test_deep_nesting_stays_escaped_and_finite():
    html = inline_html("*" * 200 + "x" + "*" * 200)
    assert "x" in html and "<script" not in html


def test_escape_markdown_protects_every_markup_character():
    assert escape_markdown("*a* <b> [c](d) #") == r"\*a\* \<b\> \[c\](d) \#"
