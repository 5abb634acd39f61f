"""The extractor's word lists and reporting verbs, read once from ``korea_kit/data``.

Every word list and rule table of the extractor lives in
``korea_kit/data/sourcing_words.json`` (each list with a description) and
``korea_kit/data/reporting_verbs.csv`` (every form of a reporting verb, its
tone, kind of cue and what must follow it), ``attribution_cues.csv`` (cues of
belief, intention and documents, in the same columns) and
``abbreviations.csv``. This module reads them once and builds the regular expressions
from them, so that the rules in the other modules never hold words.

>>> "spokesman" in words("np_words")
True
>>> bool(pattern("wire_names", case=True).search("Yonhap reported"))
True
>>> verb_forms()["explained"]
('explain', 'endorsing')
"""

from __future__ import annotations

import csv
import io
import json
import re
from functools import lru_cache
from importlib import resources

from ..text._words import trie_pattern

__all__ = ["words", "ordered", "alternation", "pattern", "verb_forms", "cue_pattern", "abbreviations", "dotted", "cue_frame"]

_WORDS_FILE = "data/sourcing_words.json"
_VERBS_FILE = "data/reporting_verbs.csv"
_ABBREVIATIONS_FILE = "data/abbreviations.csv"
_CUES_FILE = "data/attribution_cues.csv"


@lru_cache(maxsize=1)
def _lists() -> dict[str, dict]:
    text = resources.files("korea_kit").joinpath(_WORDS_FILE).read_text("utf-8")
    return json.loads(text)["lists"]


def ordered(name: str) -> tuple[str, ...]:
    """The words of list ``name``, in the order the data file gives them."""
    return tuple(_lists()[name]["words"])


@lru_cache(maxsize=None)
def words(name: str) -> frozenset[str]:
    """The words of list ``name`` as a set (for ``word in words(...)``)."""
    return frozenset(ordered(name))


@lru_cache(maxsize=None)
def alternation(name: str) -> str:
    """A regular-expression alternation (no group) of the list's words (escaped) and its patterns."""
    entry = _lists()[name]
    parts = [re.escape(w) for w in entry["words"]] + list(entry.get("patterns", []))
    return "|".join(parts)


@lru_cache(maxsize=None)
def pattern(name: str, case: bool = False) -> re.Pattern:
    r"""``\b(?:word|word|...)\b`` for list ``name``; case is ignored unless ``case``."""
    return re.compile(rf"\b(?:{alternation(name)})\b", 0 if case else re.I)


def _csv_rows(name: str) -> list[dict[str, str]]:
    text = resources.files("korea_kit").joinpath(name).read_text("utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(io.StringIO("\n".join(lines))))


@lru_cache(maxsize=1)
def abbreviations() -> dict[str, str]:
    """Every abbreviation that ends in a full stop inside a sentence ("Sen", "Jr") -> its kind (title, number, other).

    From ``data/abbreviations.csv`` and the list "abbreviations" of ``sourcing_words.json``.
    """
    found = {w: "title" for w in ordered("abbreviations")}
    found.update({row["abbreviation"]: row["kind"] for row in _csv_rows(_ABBREVIATIONS_FILE)})
    return found


@lru_cache(maxsize=1)
def dotted() -> re.Pattern:
    """An initial or an abbreviation with its full stop, which never ends a speaker phrase: "L.", "Sen.", "Jr."."""
    listed = "|".join(re.escape(w) for w in sorted(abbreviations(), key=len, reverse=True))
    return re.compile(rf"(?<![\w.])(?:[A-Z]|{listed})\.")


@lru_cache(maxsize=1)
def _verbs() -> tuple[dict[str, tuple[str, str]], re.Pattern, dict[str, tuple[str, str]]]:
    forms: dict[str, tuple[str, str]] = {}
    frames: dict[str, tuple[str, str]] = {}
    for name in (_VERBS_FILE, _CUES_FILE):
        for row in _csv_rows(name):
            for form in row["forms"].split("|"):
                forms[form.strip().lower()] = (row["lemma"], row["tone"])
                frames[form.strip().lower()] = (row.get("cue_kind") or "speech", row.get("complement") or "that")
    return forms, re.compile(rf"(?<![\w\-])(?:{trie_pattern(sorted(forms))})(?![\w\-])", re.I), frames


def cue_frame(form: str) -> tuple[str, str]:
    """(kind of cue, what must follow it) for a cue as written: ("speech", "clause") for "said".

    The kind is speech, belief, intention or document; what follows is that, clause, to, object or whom (see
    ``data/attribution_cues.csv``).

    >>> cue_frame("Plans"), cue_frame("told")
    (('intention', 'to'), ('speech', 'whom'))
    """
    return _verbs()[2].get(" ".join(form.lower().split()), ("speech", "that"))


def verb_forms() -> dict[str, tuple[str, str]]:
    """Every form of a reporting verb (lower case) -> (lemma, tone)."""
    return _verbs()[0]


def cue_pattern() -> re.Pattern:
    """One pattern that matches any form of a reporting verb as whole words, ignoring case."""
    return _verbs()[1]
