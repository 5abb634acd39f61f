"""Finding the words of a data table (certainty markers, frame cues) in any text.

Both tables work the same way, so one matcher serves them:

* matching ignores case and takes **whole words** only ("may" is not found in
  "mayor"); a space in an entry matches any run of spaces or line breaks,
  and a straight apostrophe also matches a curly one;
* an entry may list its other forms (``thaw`` with ``thaws|thawing|thawed``):
  the kit lists word forms rather than guessing them from word starts, so
  "talks" never finds "talkative";
* ``skip_after`` and ``skip_before`` keep an entry from counting next to
  certain words ("in May", "May 3", "Theresa May" are not the modal *may*);
  ``<number>`` in ``skip_before`` stands for any number;
* where two matches overlap, the longer one wins ("war of words" beats
  "war"); between equals, the earlier one.

>>> entry = Entry("thaw", ("thaw", "thawing"), {"category": "cooperation"})
>>> [(m.start, m.end, m.text) for m in find_all("A Thawing of ties; no thaw yet.", [entry])]
[(2, 9, 'Thawing'), (22, 26, 'thaw')]
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

__all__ = ["Entry", "Match", "read_rows", "find_all", "words_of"]

_NUMBER = "<number>"
_WORD = re.compile(r"[\w'’]+")


@dataclass(frozen=True)
class Entry:
    """One row of a word table: its name, the forms to look for, the row itself and the skip rules."""

    name: str
    forms: tuple[str, ...]
    row: dict[str, Any] = field(default_factory=dict, compare=False)
    skip_after: frozenset[str] = frozenset()
    skip_before: frozenset[str] = frozenset()

    def pattern(self) -> re.Pattern:
        return _compile(self.forms)


@dataclass(frozen=True)
class Match:
    """One place an entry was found: ``text == source[start:end]``."""

    entry: Entry
    start: int
    end: int
    text: str


def read_rows(name: str) -> list[dict[str, str]]:
    """The rows of ``korea_kit/data/<name>`` (a CSV file whose lines starting with ``#`` are comments)."""
    text = resources.files("korea_kit").joinpath("data", name).read_text("utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(io.StringIO("\n".join(lines)))]


def words_of(cell: str) -> frozenset[str]:
    """The ``|``-separated words of a cell, lower case, blanks dropped."""
    return frozenset(w.strip().casefold() for w in cell.split("|") if w.strip())


def _form_regex(form: str) -> str:
    parts = []
    for ch in form:
        if ch.isspace():
            if not parts or parts[-1] != r"\s+":
                parts.append(r"\s+")
        elif ch in "'’":
            parts.append("['’]")
        elif ch in "-‐":
            parts.append("[-‐]")
        else:
            parts.append(re.escape(ch))
    body = "".join(parts)
    before = r"(?<![\w])" if form[:1].isalnum() else ""
    after = r"(?![\w])" if form[-1:].isalnum() else ""
    return before + body + after


def _compile(forms: tuple[str, ...]) -> re.Pattern:
    ordered = sorted({f.strip() for f in forms if f.strip()}, key=len, reverse=True)
    return re.compile("|".join(_form_regex(f) for f in ordered), re.IGNORECASE)


def _neighbour_words(text: str, start: int, end: int) -> tuple[str, str]:
    before = _WORD.findall(text[max(0, start - 40):start])
    after = _WORD.match(text[end:].lstrip())
    return (before[-1].casefold() if before else ""), (after.group(0).casefold() if after else "")


def _skipped(entry: Entry, text: str, start: int, end: int) -> bool:
    if not entry.skip_after and not entry.skip_before:
        return False
    previous, following = _neighbour_words(text, start, end)
    if previous and previous in entry.skip_after:
        return True
    if following and following in entry.skip_before:
        return True
    return _NUMBER in entry.skip_before and following[:1].isdigit()


def find_all(text: str, entries, patterns: dict | None = None) -> list[Match]:
    """Every match of ``entries`` in ``text``: whole words, no overlaps (the longest wins), in text order.

    ``patterns`` may map each entry to its compiled pattern (to compile once, not at every call).

    >>> war = [Entry("war", ("war",)), Entry("war of words", ("war of words",))]
    >>> [m.entry.name for m in find_all("A war of words, not a war.", war)]
    ['war of words', 'war']
    """
    found = []
    for entry in entries:
        compiled = patterns[entry] if patterns is not None else entry.pattern()
        for m in compiled.finditer(text):
            if m.end() > m.start() and not _skipped(entry, text, m.start(), m.end()):
                found.append(Match(entry, m.start(), m.end(), m.group(0)))
    kept: list[Match] = []
    taken: list[tuple[int, int]] = []
    for m in sorted(found, key=lambda m: (m.start - m.end, m.start)):
        if all(m.end <= s or e <= m.start for s, e in taken):
            kept.append(m)
            taken.append((m.start, m.end))
    return sorted(kept, key=lambda m: m.start)
