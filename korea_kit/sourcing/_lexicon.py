"""The extractor's word lists and reporting verbs, read once from ``korea_kit/data``.

Every word list and rule table of the extractor lives in
``korea_kit/data/sourcing_words.json`` (each list with a description) and
``korea_kit/data/reporting_verbs.csv`` (every form of a reporting verb and
its tone). This module reads them once and builds the regular expressions
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

__all__ = ["words", "ordered", "alternation", "pattern", "verb_forms", "cue_pattern"]

_WORDS_FILE = "data/sourcing_words.json"
_VERBS_FILE = "data/reporting_verbs.csv"


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


@lru_cache(maxsize=1)
def _verbs() -> tuple[dict[str, tuple[str, str]], re.Pattern]:
    text = resources.files("korea_kit").joinpath(_VERBS_FILE).read_text("utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    forms: dict[str, tuple[str, str]] = {}
    for row in csv.DictReader(io.StringIO("\n".join(lines))):
        for form in row["forms"].split("|"):
            forms[form.strip().lower()] = (row["lemma"], row["tone"])
    alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return forms, re.compile(rf"(?<![\w\-])(?:{alternatives})(?![\w\-])", re.I)


def verb_forms() -> dict[str, tuple[str, str]]:
    """Every form of a reporting verb (lower case) -> (lemma, tone)."""
    return _verbs()[0]


def cue_pattern() -> re.Pattern:
    """One pattern that matches any form of a reporting verb as whole words, ignoring case."""
    return _verbs()[1]
