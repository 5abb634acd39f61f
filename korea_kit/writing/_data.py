"""The writing room's data: signals, targets, advice, sections and word lists, read from ``korea_kit/data``.

Every threshold and every word the feedback uses lives in a file there, so an instructor can change the
targets or the advice without touching code:

* ``writing_signals.csv``: the signals in order, their plain names and how each target was measured;
* ``writing_targets.csv``: the numbers (``signal,setting,value``);
* ``writing_advice.csv``: the advice, one sentence per signal and case, with ``{placeholders}``;
* ``writing_sections.csv``: the sections of the brief writer and their ``## `` headings;
* ``writing_words.json``: dates, earlier-event phrases, sure words, labels of source types.

>>> list(signals())[:3]
['words', 'readability', 'sources']
>>> target("words", "low")
300.0
>>> advice("words", "good", low=300, high=650)
'A good length for an IR Insider explainer (300 to 650 words).'
"""

from __future__ import annotations

import csv
import io
import json
import re
from functools import lru_cache
from importlib import resources

from .._errors import KitLookupError

__all__ = ["BRIEF_EXERCISE", "signals", "target", "advice", "sections", "words", "phrase_pattern"]

BRIEF_EXERCISE = "05.brief"
"""The exercise id under which the brief writer saves the draft (an ``answer`` record of the work store)."""


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("korea_kit").joinpath(f"data/{name}").read_text("utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(io.StringIO("\n".join(lines)))]


@lru_cache(maxsize=1)
def signals() -> dict[str, dict[str, str]]:
    """``{signal: {"label", "what", "measured"}}`` in the order of ``writing_signals.csv``."""
    return {row["signal"]: row for row in _rows("writing_signals.csv")}


@lru_cache(maxsize=1)
def _targets() -> dict[tuple[str, str], float]:
    return {(row["signal"], row["setting"]): float(row["value"]) for row in _rows("writing_targets.csv")}


def target(signal: str, setting: str) -> float:
    """One threshold of ``writing_targets.csv``."""
    try:
        return _targets()[(signal, setting)]
    except KeyError:
        raise KitLookupError(f"korea_kit/data/writing_targets.csv has no row {signal},{setting}; add it.") from None


@lru_cache(maxsize=1)
def _advice() -> dict[tuple[str, str], str]:
    return {(row["signal"], row["case"]): row["advice"] for row in _rows("writing_advice.csv")}


def advice(signal: str, case: str, **values) -> str:
    """The advice of ``writing_advice.csv`` for a signal and case, its ``{placeholders}`` filled in."""
    try:
        template = _advice()[(signal, case)]
    except KeyError:
        raise KitLookupError(f"korea_kit/data/writing_advice.csv has no row {signal},{case}; add it.") from None
    return re.sub(r"\{(\w+)\}", lambda m: str(values.get(m.group(1), m.group())), template)


@lru_cache(maxsize=1)
def sections() -> dict[str, dict[str, str]]:
    """``{section: {"heading", "label", "prompt"}}`` in the order of ``writing_sections.csv``.

    >>> list(sections())
    ['headline', 'standfirst', 'lead', 'context', 'voices', 'next']
    """
    return {row["section"]: row for row in _rows("writing_sections.csv")}


@lru_cache(maxsize=1)
def _words() -> dict:
    return json.loads(resources.files("korea_kit").joinpath("data/writing_words.json").read_text("utf-8"))


def words(name: str):
    """One list or table of ``writing_words.json``."""
    return _words()[name]


@lru_cache(maxsize=16)
def phrase_pattern(*names: str) -> re.Pattern:
    """A pattern for the phrases of the named lists: whole words, any case, longest first, spaces flexible.

    >>> bool(phrase_pattern("weekdays").search("on sunday evening"))
    True
    """
    phrases = sorted({p for name in names for p in words(name)}, key=len, reverse=True)
    body = "|".join(r"\s+".join(re.escape(part) for part in p.split()) for p in phrases)
    return re.compile(rf"(?<![\w'’])(?:{body})(?![\w'’])", re.IGNORECASE)
