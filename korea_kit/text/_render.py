"""HTML views of articles for JupyterLab. All article text is escaped.

Article text, metadata and file names are untrusted input: a file with
``<script>`` in it must show those characters, never run them.
"""

from __future__ import annotations

from html import escape
from typing import Any

from .._display import BORDER, FAINT, MUTED, RULE

__all__ = ["article_html", "provenance_line", "safe_link", "side_by_side_html", "HTML"]

_STYLE = {
    "headline": "font-size:1.35em;font-weight:700;margin:0.2em 0 0.4em",
    "standfirst": "font-style:italic;font-size:1.05em;margin:0 0 0.6em",
    "byline": "font-variant:small-caps;margin:0 0 0.6em",
    "subhead": "font-weight:700;margin:0.8em 0 0.3em",
    "body": "margin:0 0 0.6em;line-height:1.5",
    "boilerplate": f"color:{FAINT};font-size:0.85em;border-left:3px solid {RULE};padding-left:0.5em;margin:0 0 0.6em",
}


def safe_link(url: object) -> str:
    """An escaped link for http(s) URLs; any other value is shown as plain text.

    >>> safe_link("https://example.org/a?b=1&c=2")
    '<a href="https://example.org/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer">https://example.org/a?b=1&amp;c=2</a>'
    >>> safe_link("javascript:alert(1)")
    'javascript:alert(1)'
    """
    text = escape(str(url))
    if str(url).lower().startswith(("http://", "https://")):
        return f'<a href="{text}" target="_blank" rel="noopener noreferrer">{text}</a>'
    return text


def provenance_line(article: Any) -> str:
    """Outlet, kind of outlet, date, author and URL, as escaped HTML."""
    meta = article.meta
    parts = [
        f"<b>{escape(str(meta.get('outlet', 'unknown')))}</b>",
        escape(str(meta.get("outlet_kind", "unknown"))),
        f"date: {escape(str(meta.get('date', 'unknown')))}",
        f"author: {escape(str(meta.get('author', 'unknown')))}",
    ]
    url = meta.get("url", "unknown")
    if url != "unknown":
        parts.append(safe_link(url))
    return " · ".join(parts)


def article_html(article: Any) -> str:
    """The article as readable, escaped HTML: headline, provenance, paragraphs.

    >>> from korea_kit import Article
    >>> html = article_html(Article.from_text("<b>Head</b>\\n\\n<script>alert(1)</script> text."))
    >>> "<script>" in html, "&lt;script&gt;" in html
    (False, True)
    """
    rows = [
        '<div class="korea-kit-article" style="max-width:46em">',
        f'<div style="color:{MUTED};font-size:0.85em;margin-bottom:0.4em">{escape(article.id)} · {provenance_line(article)}</div>',
    ]
    if article.headline is None:
        rows.append(f'<div style="{_STYLE["headline"]}">{escape(article.title)}</div>')
    for para in article.paragraphs:
        body = escape(para.text).replace("\n", "<br>")
        if para.label == "boilerplate":
            kind = escape(str(para.attrs.get("kind", "boilerplate")).replace("_", " "))
            body = f'<span style="font-size:0.8em;text-transform:uppercase">[{kind}]</span> {body}'
        style = _STYLE.get(para.label, _STYLE["body"])
        rows.append(f'<p style="{style}" data-role="{escape(para.label)}">{body}</p>')
    rows.append("</div>")
    return "\n".join(rows)


class HTML:
    """Ready-made, already-escaped HTML that JupyterLab displays (no IPython needed)."""

    def __init__(self, html: str):
        self.html = html

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return f"<HTML view, {len(self.html):,} characters: run it in JupyterLab to see it>"


def side_by_side_html(articles) -> str:
    """Articles in columns next to each other, each scrolling on its own.

    >>> from korea_kit import Article
    >>> html = side_by_side_html([Article.from_text("A\\n\\nOne."), Article.from_text("B\\n\\nTwo.")])
    >>> html.count('class="korea-kit-article"')
    2
    """
    columns = "".join(
        f'<div style="flex:1 1 0;min-width:16em;max-height:38em;overflow-y:auto;padding:0 0.6em;'
        f'border-right:1px solid {BORDER}">{article_html(a)}</div>'
        for a in articles
    )
    return f'<div style="display:flex;gap:0.4em;align-items:flex-start">{columns}</div>'

