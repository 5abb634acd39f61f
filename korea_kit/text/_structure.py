"""Tell the parts of an article apart: headline, standfirst, byline, body, boilerplate.

Everything here works on offsets and never edits the text. The rules are
general (they know nothing about any particular outlet); the boilerplate
patterns live in ``korea_kit/data/boilerplate.json`` so they can be extended
without touching code.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from ._segment import split_paragraphs, split_sentences
from ._words import alternation, word_list

__all__ = ["Block", "analyse", "boilerplate_rules"]

_EDGE = 3
_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
_STOPWORDS = frozenset(word_list("stopwords"))
_MD_HEADING = re.compile(r"#{1,6}[ \t]+")
_BYLINE = re.compile(r"^[Bb][Yy]\s+(?!(?:" + alternation("byline_non_names") + r")\b)"
                     r"[A-Z][\w'’.\-]*(?:[\s,]+(?:and\s+)?[A-Z][\w'’.\-]*){0,7}\s*$")
_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+){0,3}(?:, [A-Z][\w.]+(?: [A-Z][\w.]+){0,2})?)"
    r"(?:,? (?P<date>(?:" + alternation("month_abbreviations") + r")[a-z]*\.? \d{1,2}))?"
    r"\s*(?:\((?P<agency>[A-Za-z][A-Za-z .&]{1,25})\))?\s*(?P<dash>[-–—]{1,2}|:)\s"
)


@dataclass(frozen=True)
class Rule:
    kind: str
    pattern: re.Pattern
    where: str
    max_chars: int


@lru_cache(maxsize=1)
def boilerplate_rules() -> tuple[Rule, ...]:
    """The boilerplate rules bundled with korea_kit, compiled once.

    >>> kinds = {rule.kind for rule in boilerplate_rules()}
    >>> sorted(kinds)
    ['photo_credit', 'site_furniture', 'social_post', 'wire_credits']
    """
    raw = json.loads(resources.files("korea_kit").joinpath("data/boilerplate.json").read_text("utf-8"))
    return tuple(
        Rule(r["kind"], re.compile(r["pattern"], re.IGNORECASE), r.get("where", "anywhere"), int(r.get("max_chars", 10_000)))
        for r in raw["rules"]
    )


@dataclass
class Block:
    """One paragraph of the article and what it was recognised as."""

    start: int
    end: int
    role: str = "body"
    kind: str = ""  # boilerplate kind, when role == "boilerplate"
    attrs: dict = field(default_factory=dict)


def _norm(text: str) -> str:
    text = _MD_HEADING.sub("", text, count=1) if text.startswith("#") else text
    return " ".join(text.casefold().split())


def _content_words(text: str) -> set[str]:
    return {w for w in (m.group().casefold() for m in _WORD.finditer(text)) if w not in _STOPWORDS}


def _classify_boilerplate(text: str, blocks: list[Block]) -> None:
    n = len(blocks)
    for i, block in enumerate(blocks):
        if block.role == "boilerplate":
            continue
        para = text[block.start : block.end]
        at_edge = i < _EDGE or i >= n - _EDGE
        quoted = any(q in para for q in "\"“”")
        for rule in boilerplate_rules():
            if len(para) > rule.max_chars:
                continue
            if rule.where == "edges" and (not at_edge or quoted):
                continue
            if rule.pattern.search(para):
                block.role, block.kind = "boilerplate", rule.kind
                block.attrs["rule"] = rule.pattern.pattern
                break
    seen: dict[str, int] = {}
    for block in blocks:
        para = text[block.start : block.end]
        if len(para) <= 150:
            seen[para] = seen.get(para, 0) + 1
    for block in blocks:
        para = text[block.start : block.end]
        if seen.get(para, 0) > 1:
            block.attrs["repeated"] = True
            if block.role != "boilerplate":
                block.role, block.kind = "boilerplate", "repeated"


def _looks_like_headline(text: str, block: Block) -> bool:
    para = text[block.start : block.end]
    if para.startswith("#"):
        return True
    words = para.split()
    if "\n" in para or len(para) > 200 or len(words) > 25 or _DATELINE.match(para):
        return False
    if para.endswith(".") and len(words) > 12:
        return False
    return len(split_sentences(text, block.start, block.end)) == 1 and not para.endswith((":", ","))


def _find_headline(text: str, blocks: list[Block], meta: dict) -> int | None:
    candidates = [i for i, b in enumerate(blocks) if b.role != "boilerplate"][:5]
    wanted = meta.get("headline")
    if wanted and wanted != "unknown":
        for i in candidates:
            if _norm(text[blocks[i].start : blocks[i].end]) == _norm(wanted):
                return i
    if candidates and _looks_like_headline(text, blocks[candidates[0]]):
        return candidates[0]
    return None


def _wants_standfirst(meta: dict) -> bool | None:
    value = str(meta.get("standfirst", "")).strip().lower()
    if value in {"yes", "true", "1"}:
        return True
    if value in {"no", "false", "0", "none"}:
        return False
    return None


def _is_standfirst(text: str, headline: Block, candidate: Block, following: list[Block]) -> bool:
    """A one-sentence summary under the headline: before a byline, or before the lede.

    The lede is recognised as the paragraph that echoes the headline's words most.
    """
    if not following or len(split_sentences(text, candidate.start, candidate.end)) != 1:
        return False
    if len(text[candidate.start : candidate.end].split()) > 60:
        return False
    if _BYLINE.match(text[following[0].start : following[0].end]):
        return True
    lede = following[0]
    head = _content_words(text[headline.start : headline.end])
    echo_candidate = len(head & _content_words(text[candidate.start : candidate.end]))
    echo_lede = len(head & _content_words(text[lede.start : lede.end]))
    return echo_lede > echo_candidate


def _assign_roles(text: str, blocks: list[Block], meta: dict) -> None:
    head_at = _find_headline(text, blocks, meta)
    content = [i for i, b in enumerate(blocks) if b.role != "boilerplate"]
    if head_at is None:
        after = content
    else:
        blocks[head_at].role = "headline"
        after = [i for i in content if i > head_at]
    if after and _BYLINE.match(text[blocks[after[0]].start : blocks[after[0]].end]):
        blocks[after[0]].role = "byline"
        after = after[1:]
    if head_at is not None and after:
        wanted = _wants_standfirst(meta)
        following = [blocks[i] for i in after[1:]]
        if wanted or (wanted is None and _is_standfirst(text, blocks[head_at], blocks[after[0]], following)):
            blocks[after[0]].role = "standfirst"
            after = after[1:]
    if after and _BYLINE.match(text[blocks[after[0]].start : blocks[after[0]].end]):
        blocks[after[0]].role = "byline"
    for b in blocks:
        if b.role == "body" and text.startswith("#", b.start):
            b.role = "subhead"


def _heading_offset(text: str, block: Block) -> None:
    """Leave a Markdown heading's ``#`` marks outside the span."""
    m = _MD_HEADING.match(text, block.start, block.end)
    if m and m.end() < block.end:
        block.start = m.end()


def analyse(text: str, meta: dict, body_start: int = 0) -> tuple[list[Block], list[tuple[int, int, int]], tuple | None]:
    """Find the blocks, the sentences (start, end, block index) and a dateline.

    >>> text = "Talks on\\n\\nSEOUL (Reuters) - Kim met Moon. They talked."
    >>> blocks, sentences, dateline = analyse(text, {})
    >>> [b.role for b in blocks]
    ['headline', 'body']
    >>> [text[s:e] for s, e, _ in sentences]
    ['Talks on', 'SEOUL (Reuters) - Kim met Moon.', 'They talked.']
    >>> text[dateline[0]:dateline[1]], dateline[2]["agency"]
    ('SEOUL (Reuters) -', 'Reuters')
    """
    blocks = [Block(s, e) for s, e in split_paragraphs(text, body_start)]
    _classify_boilerplate(text, blocks)
    _assign_roles(text, blocks, meta)
    for b in blocks:
        if b.role in {"headline", "subhead"}:
            _heading_offset(text, b)
    sentences: list[tuple[int, int, int]] = []
    for i, b in enumerate(blocks):
        if b.role in {"boilerplate", "byline"}:
            continue
        if b.role in {"headline", "subhead"}:
            sentences.append((b.start, b.end, i))
        else:
            sentences.extend((s, e, i) for s, e in split_sentences(text, b.start, b.end))
    dateline = None
    first_body = next((b for b in blocks if b.role == "body"), None)
    if first_body is not None:
        m = _DATELINE.match(text, first_body.start, first_body.end)
        if m and (m.group("agency") or m.group("dash") != ":"):
            attrs = {k: v for k, v in m.groupdict().items() if v and k != "dash"}
            dateline = (m.start(), m.end("dash"), attrs)
    return blocks, sentences, dateline
