"""The world's states as a fallback actor table: ``data/countries.csv`` and the offices of ``data/offices.csv``.

The alias and actors tables (the kit's and an instructor's) are read first;
what they leave unnamed is looked up here: a state's names ("Japan", "the
U.S."), its capital as a metonym ("Tokyo said"), its adjective ("Swedish
envoy", "Russians") and its seats of government ("the Kremlin"). Names with
another common sense ("Georgia", "Jordan", "Chad", "Victoria", "Congo") are
*careful*: they count only in a text that also names the state another way.
Names of places that hold a state's name ("the South China Sea", "Latin
America") are matched to block it. All names are matched as written, capitals
included, with one compiled pattern (a trie), so a lookup stays linear.

An office after a state's name or adjective belongs to that state ("Japan's
foreign ministry", "the Chinese foreign ministry"); a few offices name their
state alone ("the Pentagon", "the State Department").

>>> [(m.name, m.code) for m in world_matches("Tokyo and the Kremlin protested; Russians left.")]
[('Tokyo', 'JPN'), ('Kremlin', 'RUS'), ('Russians', 'RUS')]
>>> [(m.name, m.code) for m in world_matches("Jordan scored in the South China Sea.")]
[('South China Sea', '')]
>>> office_end("Japan's foreign ministry said", 5)
24
"""

from __future__ import annotations

import csv
import functools
import io
import re
from importlib import resources
from typing import NamedTuple

from ..text._words import trie_pattern as _trie

__all__ = ["world_matches", "world_context", "world_states", "office_end", "IGO_KINDS", "igo_codes"]

IGO_KINDS = ("igo",)  # listed by kk.actors, never coded as an event's source or target
_NAME_COLUMNS = ("name", "aliases", "capital", "seats", "careful")


class WorldMatch(NamedTuple):
    """A name of the world table found in a text: span, as written, state's name, code ("" for a place), kind."""

    start: int
    end: int
    name: str
    state: str
    code: str
    kind: str  # state, observer, entity, igo, place, office, adjective; "careful:<kind>" needs context


@functools.lru_cache(maxsize=1)
def igo_codes() -> frozenset[str]:
    """Codes of the intergovernmental organisations of the world table (UNO, EEC): not event actors."""
    return frozenset(row["code"] for row in world_states() if row["kind"] in IGO_KINDS)


def _read(path: str) -> list[dict[str, str]]:
    text = resources.files("korea_kit").joinpath(path).read_text("utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(io.StringIO("\n".join(lines)))]


def _split(field: str) -> list[str]:
    return [re.sub(r"^the\s+", "", n.strip()) for n in field.split("|") if n.strip()]


@functools.lru_cache(maxsize=1)
def world_states() -> tuple[dict[str, str], ...]:
    """The rows of ``data/countries.csv``: ``code``, ``kind``, ``name``, ``aliases``, ``capital``, ... as text."""
    return tuple(_read("data/countries.csv"))


@functools.lru_cache(maxsize=1)
def _names() -> dict[str, tuple[tuple[str, str, str], ...]]:
    """Every name as written: ``{name: ((state, code, kind), ...)}``; more than one entry only for careful names."""
    names: dict[str, list[tuple[str, str, str]]] = {}
    for row in world_states():
        careful = set(_split(row["careful"]))
        for column in (*_NAME_COLUMNS, "adjectives"):
            for name in _split(row[column]) if column != "name" else [row["name"]]:
                if name in careful and column != "careful":
                    continue  # "Jordan" is the state's name, and careful
                kind = "adjective" if column == "adjectives" else row["kind"]
                kind = f"careful:{kind}" if column == "careful" else kind
                if (row["name"], row["code"], kind) not in names.get(name, []):
                    names.setdefault(name, []).append((row["name"], row["code"], kind))
    state_of = {row["code"]: row["name"] for row in world_states()}
    for row in _read("data/offices.csv"):
        if row["kind"] == "alone":  # "the Pentagon" is the United States
            names.setdefault(row["office"], []).append((state_of[row["country"]], row["country"], "office"))
    return {name: tuple(entries) for name, entries in names.items()}




@functools.lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    words = set(_names())
    words |= {name + "s" for name, entries in _names().items() if any(k.endswith("adjective") for _, _, k in entries)}
    return re.compile(rf"(?<![\w'.-])(?:{_trie(words)})(?![\w-])")


def world_matches(text: str, context: frozenset[str] | None = None) -> list["WorldMatch"]:
    """The world table's names in ``text``, leftmost and longest, never overlapping.

    A careful name is kept when ``context`` (codes the whole article names
    another way, :func:`world_context`) holds exactly one of its states;
    without ``context``, the text itself is its context.
    """
    names = _names()
    found = []
    raw = [(m.start(), m.end(), m.group()) for m in _pattern().finditer(text)]
    if context is None:
        context = _plain_codes(raw)
    for start, end, word in raw:
        entries = names.get(word) or names[word[:-1]]  # "Russians": an adjective's plural
        entries = [e for e in entries if not e[2].startswith("careful:") or e[1] in context]
        if len(entries) != 1:
            continue  # "Congo" in a text that names neither Congo another way, or both
        state, code, kind = entries[0]
        found.append(WorldMatch(start, end, word, state, code, kind.removeprefix("careful:")))
    return found


def _plain_codes(raw) -> frozenset[str]:
    names = _names()
    codes = set()
    for _s, _e, word in raw:
        for _state, code, kind in names.get(word) or names.get(word[:-1], ()):
            if code and not kind.startswith("careful:"):
                codes.add(code)
    return frozenset(codes)


def world_context(text: str) -> frozenset[str]:
    """The codes of the states ``text`` names by a name that is not careful: the context of its careful names.

    >>> sorted(world_context("Tbilisi and Georgia"))
    ['GEO']
    """
    return _plain_codes([(m.start(), m.end(), m.group()) for m in _pattern().finditer(text)])


@functools.lru_cache(maxsize=1)
def _office() -> re.Pattern:
    rows = _read("data/offices.csv")
    after = sorted((r["office"] for r in rows if r["kind"] == "after"), key=len, reverse=True)
    titles = [r["office"] for r in rows if r["kind"] == "title"]
    return re.compile(rf"(?:['’]s)?\s+(?:(?:{'|'.join(titles)})\s+){{0,2}}(?:{'|'.join(after)})(?![\w-])",
                      re.IGNORECASE)


def office_end(text: str, end: int) -> int:
    """Where an office after a state's name ending at ``end`` ends ("Japan's *foreign ministry*"), or ``end``."""
    m = _office().match(text, end)
    return m.end() if m else end
