"""Rules that refine :func:`korea_kit.events`: what a cue's neighbours say about it, and actors no table lists.

Word lists live in ``data/event_words.csv``.

* **Negation** ("Veldia has not signed the ceasefire"): an act negated just
  before its cue is not coded, unless the cue is itself a refusal.
* **Speculation** ("could impose duties", "are expected to hold talks"): a
  material act that is only a guess is not coded; an act inside a condition
  ("If Kessmer closed the consulate, ...") neither.
* **Plans** ("will visit", "agreed to release"): a cooperative material act
  not yet done is an intent (a visit planned is 036, aid promised 033); a
  hostile one under a condition ("if ..., Ostrin would expel ...") a threat.
* **Places and adjectives no table lists**, learned from the article: an
  adjective of nationality that fits a state's name ("Veldish" for Veldia,
  "Pellandic" for Pelland), and a capital the article ties to its state (a
  dateline "KESSMER, Veldia, May 14 -", "Dalbec, the Sarvan capital", "the
  Veldish capital, Kessmer"). They name that state's government from then on.

>>> modality("Veldia has not signed the ceasefire.", 15, 0, "0871")
>>> modality("Pelland will visit Sarva.", 13, 0, "042")
'036'
>>> modality("If talks fail, Ostrin would expel Veldish diplomats.", 28, 15, "161")
'1313'
"""

from __future__ import annotations

import csv
import functools
import io
import re
from importlib import resources

__all__ = ["modality", "learned_places", "word_pattern", "HEAD_OF", "PRONOUN"]

# A material act not yet done, as an intent: the root's "Express intent to ..." (CAMEO 03x, cameo.csv).
_INTENT = {"04": "036", "05": "030", "06": "031", "07": "033", "08": "035"}
_INTENT_EXACT = {"085": "0354", "087": "0356", "0871": "0356"}
# A hostile material act promised under a condition, as a threat (CAMEO 13x, cameo.csv).
_THREAT = {"16": "131", "17": "131", "14": "130", "15": "138", "18": "138", "19": "138", "20": "138"}
_THREAT_EXACT = {"161": "1313", "163": "1312", "164": "134", "162": "1311", "1621": "1311", "191": "1381"}
_COOPERATIVE_ACTS = range(4, 9)  # CAMEO roots 04-08: meet, cooperate, aid, yield
_HOSTILE_ACTS = range(14, 21)  # CAMEO roots 14-20: protest, force posture, reduce relations, coerce, assault, fight


@functools.lru_cache(maxsize=1)
def _words() -> dict[str, tuple[str, ...]]:
    text = resources.files("korea_kit").joinpath("data/event_words.csv").read_text("utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    found: dict[str, list[str]] = {}
    for row in csv.DictReader(io.StringIO("\n".join(lines))):
        if (row.get("kind") or "").strip() and (row.get("word") or "").strip():
            found.setdefault(row["kind"].strip(), []).append(row["word"].strip())
    return {kind: tuple(words) for kind, words in found.items()}


def word_pattern(kind: str) -> str:
    """The words of one kind of ``data/event_words.csv`` as one regular-expression group."""
    return "(?:" + "|".join(_words().get(kind, ())) + ")"


@functools.lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    return {
        "negation": re.compile(rf"(?<![\w']){word_pattern('negation')}\s+(?:(?:yet|that|it|they|had|have|has|been|be|"
                               rf"even)\s+){{0,3}}(?:\w+\s+)?$", re.IGNORECASE),
        "speculative": re.compile(rf"(?<![\w']){word_pattern('speculative')}\s+(?:[\w'-]+\s+){{0,4}}$", re.IGNORECASE),
        "future": re.compile(rf"(?<![\w]){word_pattern('future')}\s+(?:[\w'-]+\s+){{0,3}}$", re.IGNORECASE),
        "opens": re.compile(rf"^\W*{word_pattern('conditional')}\b", re.IGNORECASE),
        "condition": re.compile(rf"\b{word_pattern('conditional')}\b", re.IGNORECASE),
        "contested": re.compile(rf"{word_pattern('contested')}$", re.IGNORECASE),
    }


HEAD_OF = re.compile(rf"\b{word_pattern('head')}\s+(?:of|in)\s+(?:the\s+)?$", re.IGNORECASE)  # "officials in Seoul"
PRONOUN = re.compile(rf"^\W*{word_pattern('pronoun')}\b", re.IGNORECASE)


def modality(text: str, cue_start: int, clause_start: int, code: str, cue: str = "") -> str | None:
    """The code to keep for a cue at ``text[cue_start:]`` (offsets in the sentence ``text``), or ``None`` to drop it.

    ``clause_start`` is where the cue's clause begins; ``cue`` the matched words
    (a cue that says "not" itself, or a refusal (12x), keeps its code).
    """
    p = _patterns()
    if p["contested"].search(text[max(0, cue_start - 120):cue_start]):
        return None  # "accused Pakistan of breaking the truce": only the accusation is an act
    before = text[clause_start:cue_start]
    root = code[:2]
    if root != "12" and not re.search(r"\bnot\b|n't\b", cue, re.IGNORECASE) and p["negation"].search(before):
        return None
    if p["opens"].match(before):
        return None  # the act is the condition itself: "If Kessmer closed the consulate"
    number = int(root) if root.isdigit() else 0
    if number not in _COOPERATIVE_ACTS and number not in _HOSTILE_ACTS:
        return code  # things said (01-03, 09-13) carry their own modality: "willing to talk", "would strike back"
    if p["speculative"].search(before):
        return None
    if p["future"].search(before):
        if number in _COOPERATIVE_ACTS:
            return _INTENT_EXACT.get(code, _INTENT[root])
        if p["condition"].search(text):
            return _THREAT_EXACT.get(code, _THREAT.get(root, "130"))
    return code


def _names(aliases, rows, country_of) -> dict[str, str]:
    """Single-word names of states, folded, with their country code: {"veldia": "VLD"}."""
    names = {}
    for key, entry in aliases._entries.items():
        kind = rows.get(entry.canonical, {}).get("kind", "")
        if (kind == "state" or entry.entity == "country") and " " not in key:
            code = country_of(entry, rows)
            if code:
                names[key.lower()] = code
    return names


def _guess(word: str, names: dict[str, str]) -> str:
    """The country an unknown adjective of nationality names, when one state's name fits it; "" otherwise."""
    lowered = word.lower()
    fits = set()
    for suffix in _words().get("suffix", ()):
        if not lowered.endswith(suffix):
            continue
        stem = lowered[: -len(suffix)]
        if len(stem) < 4:
            continue
        fits |= {code for name, code in names.items() if name == stem or name.startswith(stem) and len(name) - len(stem) <= 2}
    return fits.pop() if len(fits) == 1 else ""


_ADJECTIVE = re.compile(r"(?<![\w'-])([A-Z][a-z]{3,}(?:ish|ian|ean|an|ese|ic|i))s?(?![\w-])")
_CAPITALS = (
    re.compile(r"\b(?P<city>[A-Z][a-z]{2,}), (?:the|its) (?P<of>[A-Z][\w'’]+) capital\b"),
    re.compile(r"\b(?P<of>[A-Z][\w'’]+) capital,? (?P<city>[A-Z][a-z]{2,})\b"),
    re.compile(r"\b(?P<city>[A-Z][a-z]{2,}), (?:the )?capital of (?P<of>[A-Z]\w+)"),
    re.compile(r"\b(?P<city>[A-Z][a-z]{2,}), (?P<of>[A-Z]\w+)['’]s capital\b"),
    re.compile(r"(?m)^(?P<city>[A-Z]{3,}(?: [A-Z]{3,})?), (?P<of>[A-Z][a-z]+)\b"),  # a dateline: "KESSMER, Veldia,"
)


def learned_places(text: str, aliases, rows, known, country_of) -> dict[str, dict[str, str]]:
    """Adjectives and capitals the tables do not list, learned from ``text``, as rows of kind ``demonym``.

    ``known`` is the adjectives already in the tables, as ``(adjective, country)``;
    ``country_of(entry, rows)`` gives an alias entry's country code.
    """
    names = _names(aliases, rows, country_of)
    if not names:
        return {}
    adjectives = {adj.lower(): code for adj, code in known if code}
    listed = {name.lower() for name in rows} | set(aliases._entries)
    learned: dict[str, dict[str, str]] = {}
    for m in _ADJECTIVE.finditer(text):
        word = m.group(1)
        if word.lower() in adjectives or word.lower() in listed or word in learned:
            continue
        code = _guess(word, names)
        if code:
            learned[word] = {"kind": "demonym", "country": code, "role": "adjective guessed from a state's name"}
            adjectives[word.lower()] = code
    for pattern in _CAPITALS:
        for m in pattern.finditer(text):
            of = re.sub(r"['’]s$", "", m.group("of")).lower()
            code = names.get(of) or adjectives.get(of)
            city = m.group("city").title()
            if code and city.lower() not in listed and city.lower() not in adjectives and city not in learned:
                learned[city] = {"kind": "demonym", "country": code, "role": "capital named in the article"}
    return learned
