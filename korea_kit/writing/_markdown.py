"""A small, safe Markdown for the explainer: parse the subset the kit supports, write it as escaped HTML or plain text.

The subset: ``#`` to ``######`` headings, paragraphs (lines joined), ``*emphasis*`` / ``_emphasis_``,
``**strong**`` / ``__strong__``, `` `code` ``, lists (``-``, ``*``, ``+`` or ``1.``), blockquotes (``>``),
links ``[text](https://...)`` (only ``http`` and ``https``: any other link is shown as written) and
backslash escapes (``\\*``). There is **no raw HTML**: every character of the draft reaches the page escaped,
so ``<script>`` in a draft shows as text. No Markdown library is used.

>>> markdown_html("# Talks?\\n\\nMoon *said* <b>so</b>.")
'<h1>Talks?</h1>\\n<p>Moon <em>said</em> &lt;b&gt;so&lt;/b&gt;.</p>'
>>> [(b.kind, b.text) for b in parse("# Talks\\n\\n> \\"We are ready\\"\\n\\n- one\\n- two")]
[('h1', 'Talks'), ('quote', '"We are ready"'), ('ul', 'one\\ntwo')]
"""

from __future__ import annotations

import re
from html import escape
from typing import NamedTuple

__all__ = ["Block", "clean", "parse", "inline_html", "inline_plain", "markdown_html", "escape_markdown", "headline_of"]

_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?)(?:[ \t]+#+)?)?[ \t]*$")  # "# C#" keeps its "#"
_QUOTE = re.compile(r"^ {0,3}> ?(.*)$")
_BULLET = re.compile(r"^ {0,3}[-*+][ \t]+(.*)$")
_NUMBER = re.compile(r"^ {0,3}\d{1,9}[.)][ \t]+(.*)$")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_INLINE = re.compile(
    r"\\(?P<esc>[!-/:-@\[-`{-~])"
    r"|`(?P<code>[^`\n]+)`"
    r"|\[(?P<label>[^\[\]\n]+)\]\((?P<url>[^()\s]+)\)"
    r"|\*\*(?P<b1>\S(?:.*?\S)??)\*\*|(?<![\w\\])__(?P<b2>\S(?:.*?\S)??)__(?!\w)"
    r"|\*(?P<i1>\S(?:.*?\S)??)\*|(?<![\w\\])_(?P<i2>\S(?:.*?\S)??)_(?!\w)", re.DOTALL)
_MAX_DEPTH = 8
_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\x85\u2028\u2029]")
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
_SURROGATES = re.compile(r"[\ud800-\udfff]")


def clean(markdown: str) -> str:
    """Text as the writing room reads it: one kind of line break, no invisible control codes, no broken characters.

    Pasted text brings strays (a form feed from a PDF, a NUL, a terminal colour code, half an emoji): line
    breaks of every kind become ``\\n``, other control codes are dropped, and a lone surrogate (a broken
    character) becomes U+FFFD, so the draft can always be read, shown, saved and exported.

    >>> clean("A\\x00B\\r\\nC\\x0cD\\u2028E \\ud83d!")
    'AB\\nC\\nD\\nE \\ufffd!'
    """
    return _SURROGATES.sub("\ufffd", _CONTROLS.sub("", _BREAKS.sub("\n", markdown)))


class Block(NamedTuple):
    """One block of a draft: ``kind`` is ``h1``..``h6``, ``p``, ``quote``, ``ul`` or ``ol``; list items are lines of ``text``."""

    kind: str
    text: str


def parse(markdown: str) -> list[Block]:
    """The blocks of ``markdown``, in order (text as written, inline markup kept).

    >>> parse("1. first\\n2. second\\n\\nA paragraph\\nover two lines.")
    [Block(kind='ol', text='first\\nsecond'), Block(kind='p', text='A paragraph over two lines.')]
    """
    blocks: list[Block] = []
    kind, lines = "", []

    def close() -> None:
        nonlocal kind, lines
        if lines:
            joiner = "\n" if kind in {"ul", "ol"} else " "
            text = joiner.join(line.strip() for line in lines).strip()
            if text:
                blocks.append(Block(kind, text))
        kind, lines = "", []

    for raw in clean(markdown).split("\n"):
        line = raw.replace("\t", "    ")
        if not line.strip():
            close()
            continue
        heading = _HEADING.match(line)
        if heading:
            close()
            blocks.append(Block(f"h{len(heading.group(1))}", (heading.group(2) or "").strip()))
            continue
        if _RULE.match(line):
            close()
            continue
        quote, bullet, number = _QUOTE.match(line), _BULLET.match(line), _NUMBER.match(line)
        if quote:
            if kind != "quote":
                close()
                kind = "quote"
            lines.append(quote.group(1))
        elif bullet or number:
            wanted = "ul" if bullet else "ol"
            if kind != wanted:
                close()
                kind = wanted
            lines.append((bullet or number).group(1))
        elif kind in {"ul", "ol"} and raw.startswith((" ", "\t")) and lines:
            lines[-1] += " " + line.strip()  # a list item carried on to the next line
        else:
            if kind != "p":
                close()
                kind = "p"
            lines.append(line)
    close()
    return [b for b in blocks if b.text or b.kind.startswith("h")]


def _inline(text: str, depth: int, html: bool) -> str:
    if depth > _MAX_DEPTH:
        return escape(text) if html else text
    out, pos = [], 0
    for m in _INLINE.finditer(text):
        out.append(escape(text[pos:m.start()]) if html else text[pos:m.start()])
        pos = m.end()
        g = m.groupdict()
        if g["esc"] is not None:
            out.append(escape(g["esc"]) if html else g["esc"])
        elif g["code"] is not None:
            out.append(f"<code>{escape(g['code'])}</code>" if html else g["code"])
        elif g["label"] is not None:
            url = g["url"]
            safe = url.lower().startswith(("http://", "https://"))
            if not html:
                out.append(_inline(g["label"], depth + 1, html))
            elif safe:
                out.append(f'<a href="{escape(url)}" rel="noopener noreferrer">{_inline(g["label"], depth + 1, html)}</a>')
            else:
                out.append(escape(m.group()))
        else:
            inner = g["b1"] or g["b2"] or g["i1"] or g["i2"] or ""
            tag = "strong" if (g["b1"] or g["b2"]) else "em"
            content = _inline(inner, depth + 1, html)
            out.append(f"<{tag}>{content}</{tag}>" if html else content)
    out.append(escape(text[pos:]) if html else text[pos:])
    return "".join(out)


def inline_html(text: str) -> str:
    """One line of Markdown as escaped HTML: emphasis, code, http(s) links; everything else is text.

    >>> inline_html("**Sure?** [report](https://example.org/?a=1&b=2) [bad](javascript:alert(1))")
    '<strong>Sure?</strong> <a href="https://example.org/?a=1&amp;b=2" rel="noopener noreferrer">report</a> [bad](javascript:alert(1))'
    """
    return _inline(text, 0, True)


def inline_plain(text: str) -> str:
    """One line of Markdown as the words a reader sees (markup removed, nothing escaped).

    >>> inline_plain(r"Moon **said** [so](https://a.org) \\*twice\\*")
    'Moon said so *twice*'
    """
    return _inline(text, 0, False)


def markdown_html(markdown: str) -> str:
    """The draft as an HTML fragment, every character of its text escaped.

    >>> markdown_html("- <i>one</i>\\n- two")
    '<ul>\\n<li>&lt;i&gt;one&lt;/i&gt;</li>\\n<li>two</li>\\n</ul>'
    """
    parts = []
    for block in parse(markdown):
        if block.kind.startswith("h"):
            parts.append(f"<{block.kind}>{inline_html(block.text)}</{block.kind}>")
        elif block.kind == "p":
            parts.append(f"<p>{inline_html(block.text)}</p>")
        elif block.kind == "quote":
            parts.append(f"<blockquote><p>{inline_html(block.text)}</p></blockquote>")
        else:
            items = "\n".join(f"<li>{inline_html(item)}</li>" for item in block.text.split("\n"))
            parts.append(f"<{block.kind}>\n{items}\n</{block.kind}>")
    return "\n".join(parts)


def headline_of(markdown: str) -> str:
    """The headline: the text of the first ``# `` heading, else of the first line with words ("" if none, or if
    that line is a smaller heading such as ``## Background``).

    >>> headline_of("Notes\\n\\n# *Moon* meets Kim"), headline_of("just a line\\nand more"), headline_of("  ")
    ('Moon meets Kim', 'just a line', '')
    >>> headline_of("## In short\\n\\nText."), headline_of("# C#")
    ('', 'C#')
    """
    for block in parse(markdown):
        if block.kind == "h1":
            return " ".join(inline_plain(block.text).split())
    for line in clean(markdown).split("\n"):
        if line.strip():
            if _HEADING.match(line):  # "## Background" first: a section heading, not a headline
                return ""
            return " ".join(inline_plain(line).split())
    return ""


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|!])")


def escape_markdown(text: str) -> str:
    """Text made safe to put inside Markdown: every character that could be markup gets a backslash.

    >>> escape_markdown("<script> *x* [a](b)")
    '\\\\<script\\\\> \\\\*x\\\\* \\\\[a\\\\](b)'
    """
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))
