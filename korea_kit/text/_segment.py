"""Split an article's text into paragraphs and sentences, as character offsets.

Nothing here copies or changes text: every function returns ``(start, end)``
pairs into the string it was given.

Paragraphs: if the text has blank lines, a paragraph is a run of non-blank
lines between them; otherwise every line is a paragraph, except that a line
starting in lower case joins a previous line that did not end a sentence
(hard-wrapped text).

Sentences are cut after ``.``, ``!``, ``?`` or ``…`` (and any closing quote or
bracket) when white space and a character that is not lower case follow.
They are not cut after titles and abbreviations ("Mr", "Gen.", "U.S.",
"Feb."), after a single initial ("J. Smith"), or inside a quotation that
closes within the paragraph.
"""

from __future__ import annotations

import re
from importlib import resources

from ._reading import INVISIBLE
from ._words import word_list

__all__ = ["split_paragraphs", "split_sentences", "trim", "ABBREVIATIONS"]

_BLANK = " \t\f\v\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000" + INVISIBLE

def _abbreviation_file() -> dict[str, str]:
    """The abbreviations of ``data/abbreviations.csv`` (lower case) and their kind (title, number, other)."""
    text = resources.files("korea_kit").joinpath("data/abbreviations.csv").read_text("utf-8")
    rows = [line.split(",") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return {row[0].strip().lower(): row[1].strip() for row in rows[1:]}


_ABBREVIATION_KINDS = _abbreviation_file()

#: Words that end in a full stop without ending a sentence (lower case, no dot); listed in data/text_words.json
#: and data/abbreviations.csv.
ABBREVIATIONS = frozenset(word_list("abbreviations")) | frozenset(_ABBREVIATION_KINDS)

#: Abbreviations that stand only before a number ("No. 5"): elsewhere ("said no.") the full stop ends a sentence.
_BEFORE_NUMBERS = frozenset(w for w, kind in _ABBREVIATION_KINDS.items() if kind == "number")

#: Dotted abbreviations ("U.S.") end a sentence only before one of these.
_SENTENCE_OPENERS = frozenset(word_list("sentence_openers"))

_TERMINAL = ".!?…"
_CLOSERS = "\"”’')]»"
_OPENING_QUOTES = "“«"
_CLOSING_QUOTES = "”»"


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Move ``start`` and ``end`` inwards past white space and invisible characters.

    >>> trim("  Moon met Kim. \\u200b", 0, 17)
    (2, 15)
    """
    while start < end and (text[start].isspace() or text[start] in INVISIBLE):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in INVISIBLE):
        end -= 1
    return start, end


def _is_blank(line: str) -> bool:
    return all(c.isspace() or c in _BLANK for c in line)


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out, pos = [], start
    while pos <= end:
        nl = text.find("\n", pos, end)
        stop = end if nl == -1 else nl
        out.append((pos, stop))
        if nl == -1:
            break
        pos = nl + 1
    return out


def split_paragraphs(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` of each paragraph in ``text[start:end]``.

    >>> text = "Headline\\n\\n    First para.\\n\\nSecond para."
    >>> [text[s:e] for s, e in split_paragraphs(text)]
    ['Headline', 'First para.', 'Second para.']
    >>> text = "Headline\\nA line that wraps\\nonto the next.\\nNew paragraph."
    >>> [text[s:e] for s, e in split_paragraphs(text)]
    ['Headline', 'A line that wraps\\nonto the next.', 'New paragraph.']
    """
    end = len(text) if end is None else end
    lines = [(s, e, _is_blank(text[s:e])) for s, e in _lines(text, start, end)]
    filled = [i for i, (_, _, blank) in enumerate(lines) if not blank]
    if not filled:
        return []
    first, last = filled[0], filled[-1]
    has_blank_lines = any(lines[i][2] for i in range(first, last + 1))
    blocks: list[list[tuple[int, int]]] = []
    previous_blank = True
    for s, e, blank in lines:
        if blank:
            previous_blank = True
            continue
        if has_blank_lines:
            joins = not previous_blank
        else:
            joins = bool(blocks) and _continues(text, blocks[-1][-1], (s, e))
        if joins:
            blocks[-1].append((s, e))
        else:
            blocks.append([(s, e)])
        previous_blank = False
    spans = [trim(text, block[0][0], block[-1][1]) for block in blocks]
    return [(s, e) for s, e in spans if s < e]


def _continues(text: str, previous: tuple[int, int], line: tuple[int, int]) -> bool:
    prev_s, prev_e = trim(text, *previous)
    cur_s, cur_e = trim(text, *line)
    if prev_s == prev_e or cur_s == cur_e:
        return False
    ends_sentence = text[prev_e - 1] in _TERMINAL + _CLOSERS + ":"
    return not ends_sentence and text[cur_s].islower()


def _quote_mask(para: str) -> list[bool]:
    """For each character, whether it sits strictly inside a double quotation that closes.

    Straight quotes alternate open/close (so does a doubled apostrophe, as in
    old newspaper archives); curly ones say which they are. An
    opening quote that never closes in the paragraph (a quote running on into
    the next paragraph) does not protect the rest of the paragraph.
    """
    inside = [False] * len(para)
    opened_at: int | None = None
    straight_open = False
    for i, c in enumerate(para):
        if c == "'" and i and para[i - 1] == "'":
            continue  # the second half of a doubled apostrophe
        if c == "'" and para.startswith("''", i):
            c = '"'  # a doubled apostrophe (''like this'', in old newspaper archives) is a straight double mark
        is_open = c in _OPENING_QUOTES or (c == '"' and not straight_open)
        is_close = c in _CLOSING_QUOTES or (c == '"' and straight_open)
        if is_open and opened_at is None:
            opened_at = i
            straight_open = c == '"'
        elif is_close and opened_at is not None:
            for j in range(opened_at + 1, i):
                inside[j] = True
            opened_at = None
            straight_open = False
    return inside


_WORD_BEFORE = re.compile(r"([\w.]+)\.$")


def _is_abbreviation(para: str, dot: int) -> bool:
    m = _WORD_BEFORE.search(para[max(0, dot - 20) : dot + 1])
    if not m:
        return False
    word = m.group(1)
    if word.lower() in _BEFORE_NUMBERS:
        return para[dot + 1:dot + 3].strip()[:1].isdigit()
    if word.lower().rstrip(".") in ABBREVIATIONS and "." not in word:
        return True
    if len(word) == 1 and word.isupper():
        return True  # an initial, as in "J. Smith"
    if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word):
        rest = para[dot + 1 :].split(None, 1)
        following = rest[0].strip("\"“'‘(").lower() if rest else ""
        return following not in _SENTENCE_OPENERS
    return False


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` of each sentence in ``text[start:end]``.

    >>> text = 'Gen. Kim met Mr Moon. "U.S.-North Korea talks must come," he said. It rained.'
    >>> [text[s:e] for s, e in split_sentences(text)]
    ['Gen. Kim met Mr Moon.', '"U.S.-North Korea talks must come," he said.', 'It rained.']
    >>> text = 'He said: "Phase 2. Phase 2 may be rough." Then he left.'
    >>> [text[s:e] for s, e in split_sentences(text)]
    ['He said: "Phase 2. Phase 2 may be rough."', 'Then he left.']
    """
    end = len(text) if end is None else end
    para = text[start:end]
    inside = _quote_mask(para)
    cuts = [0]
    i = 0
    n = len(para)
    while i < n:
        c = para[i]
        if c not in _TERMINAL:
            i += 1
            continue
        j = i + 1
        while j < n and para[j] in _TERMINAL:
            j += 1
        while j < n and para[j] in _CLOSERS:
            j += 1
        k = j
        while k < n and (para[k].isspace() or para[k] in INVISIBLE):
            k += 1
        boundary = (
            k > j
            and k < n
            and not para[k].islower()
            and not inside[j - 1]
            and not (c == "." and j == i + 1 and _is_abbreviation(para, i))
        )
        if boundary:
            cuts.append(j)
        i = j
    cuts.append(n)
    spans = [trim(text, start + a, start + b) for a, b in zip(cuts, cuts[1:])]
    return [(s, e) for s, e in spans if s < e]
