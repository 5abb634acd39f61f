"""Who "he", "the spokesman" or "the statement" is: the nearest fitting earlier speaker or name, found by bisection.

A stand-in word is resolved to the latest earlier candidate that fits it
(in this order of preference: one described with the same word, then one
who spoke, then any). A pronoun goes to the salient person: the latest
earlier speaker or name in subject position (at the start of a sentence), so
"He said" after "Reyes thanked Park and Cole." is Reyes, not Cole; then to
any earlier name. Candidates are earlier
attributions and names found in the text. Every kind of candidate sits in
its own sorted list, so each question costs a few binary searches instead
of a walk through everything said before: the extractor stays linear.

>>> from korea_kit.sourcing._attribution import Attribution
>>> index = Antecedents([(0, 9, "Ana Vance", "person")], inside_quote=lambda pos: False)
>>> index.nearest("he", cue_at=40)
(0, 'Ana Vance', 'person', '', '', '')
>>> index.nearest("ministry", cue_at=40) is None
True
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Callable

from ._aliases import fold
from ._attribution import Attribution
from ._lexicon import words

__all__ = ["Antecedents"]

_PERSONISH = frozenset({"person", "group", ""})
_ORGANISATIONS = frozenset({"organisation", "country", "group"})
_ONE_PERSON = frozenset({"he", "she", "him", "her", "his"})
_GENDERED = {"he": "he", "him": "he", "his": "he", "she": "she", "her": "she"}
_HONORIFICS = {"mr": "he", "ms": "she", "mrs": "she", "miss": "she"}

_LOOK_BACK = 6  # candidates a gendered pronoun may skip ("Ms. Roth" for "he"): the walk stays linear
Candidate = tuple  # (position, speaker, entity, source_type, side, speaker_text)


class Antecedents:
    """Earlier speakers (added one by one, in text order) and names (given at once), sorted by kind."""

    def __init__(self, mentions: list[tuple[int, int, str, str]], inside_quote: Callable[[int], bool],
                 subjects: frozenset[int] = frozenset()):
        self._candidates: list[Candidate] = []
        self._lists: dict[tuple, list] = defaultdict(list)  # (tier, check) -> sorted [(key, candidate number)]
        self._at_zero: dict[tuple, tuple[list, list]] = defaultdict(lambda: ([], []))  # speaker at offset 0
        self._names: dict[tuple, tuple[list, list]] = defaultdict(lambda: ([], []))  # (tier, entity) -> (ends, keys)
        for number, (start, end, canonical, entity) in enumerate(mentions):  # sorted, never overlapping
            if inside_quote(start):
                continue
            self._candidates.append((start, canonical, entity, "", "", ""))
            key = ((start, 1, number), len(self._candidates) - 1)
            tiers = ["all", *(("described", w) for w in set(fold(canonical).split()))]
            for tier in tiers + (["subject"] if start in subjects else []):
                ends, keys = self._names[(tier, entity)]
                ends.append(end)
                keys.append(key)
        self._added = 0
        self._pronoun_of: dict[str, str] = {}  # speaker -> "he" or "she", as the text has called them

    def add(self, prev: Attribution) -> None:
        """An attribution whose speaker is now known: a candidate for later stand-ins."""
        if not prev.speaker:
            return
        said = fold(prev.speaker_text or "")
        if said in _GENDERED:
            self._pronoun_of.setdefault(prev.speaker, _GENDERED[said])
        self.titled(prev.speaker, prev.speaker_text or "")
        position = prev.speaker_start if prev.speaker_start is not None else prev.start
        candidate = (position, prev.speaker, prev.entity, prev.source_type, prev.side, prev.speaker_text or "")
        self._candidates.append(candidate)
        key = ((position, 0, self._added), len(self._candidates) - 1)
        self._added += 1
        text = candidate[5]
        spoken_words = set(fold(text).split()) if text else set()
        checks = ["any"] + (["not_person"] if prev.entity != "person" else []) + \
                 (["personish"] if prev.entity in _PERSONISH else []) + \
                 (["one_person"] if prev.entity == "person" else [])
        tiers: list[tuple] = [("all", c) for c in checks] + [("all", ("says", w)) for w in spoken_words]
        if text:
            tiers += [("spoken", c) for c in checks] + [("spoken", ("says", w)) for w in spoken_words]
        for w in set(fold(text or prev.speaker).split()):
            tiers += [(("described", w), c) for c in checks]
            if w in spoken_words:
                tiers.append((("described", w), ("says", w)))
        included_from = prev.speaker_start or prev.start  # the original rule: a speaker at offset 0 counts from start
        for tag in tiers:
            if included_from == position:
                bisect.insort(self._lists[tag], key)
            else:
                starts, keys = self._at_zero[tag]
                starts.append(included_from)
                keys.append(key)

    def titled(self, speaker: str, written: str) -> None:
        """Learn "he" or "she" for ``speaker`` from an honorific as written ("Mr. Vance", "Ms Roth")."""
        first = written.split()[0].rstrip(".").lower() if written.split() else ""
        if first in _HONORIFICS:
            self._pronoun_of.setdefault(speaker, _HONORIFICS[first])

    def nearest(self, word: str, cue_at: int) -> Candidate | None:
        """The candidate ``word`` stands for, before ``cue_at``; ``None`` if none fits."""
        if word in words("person_stand_ins"):
            checks: list = ["personish", ("says", word)]
            entities: frozenset = frozenset({"person"})
        else:
            checks = ["not_person"] if word in words("organisation_stand_ins") else ["any"]
            entities = _ORGANISATIONS if word in words("organisation_stand_ins") else frozenset()
        if word in _ONE_PERSON:  # the salient one first: the latest speaker or name in subject position
            fits = self._fits(_GENDERED[word])
            best = self._last(self._lists.get(("spoken", "one_person"), ()), cue_at, fits)
            starts, keys = self._at_zero.get(("spoken", "one_person"), ((), ()))
            at = bisect.bisect_left(starts, cue_at)
            best = max(best, keys[at - 1] if at and fits(keys[at - 1]) else None, key=_order)
            for entity in entities:
                ends, keys = self._names.get(("subject", entity), ((), ()))
                best = max(best, self._last_name(ends, keys, cue_at, fits), key=_order)
            if best is not None:
                return self._candidates[best[1]]
            checks, entities = ["one_person"], frozenset({"person"})  # "he" is a person, never an organisation
        tiers: list = ["all"] if word in words("pronouns") else [("described", word), "spoken", "all"]
        for tier in tiers:
            best = None
            for check in checks:
                best = max(best, self._last(self._lists.get((tier, check), ()), cue_at), key=_order)
                starts, keys = self._at_zero.get((tier, check), ((), ()))
                at = bisect.bisect_left(starts, cue_at)
                best = max(best, keys[at - 1] if at else None, key=_order)
            if tier != "spoken":
                for entity in entities:
                    ends, keys = self._names.get((tier, entity), ((), ()))
                    at = bisect.bisect_right(ends, cue_at)
                    best = max(best, keys[at - 1] if at else None, key=_order)
            if best is not None:
                return self._candidates[best[1]]
        return None

    def _fits(self, gender: str) -> Callable:
        """Does a candidate (key, number) fit a pronoun of this gender? (Not if the text gave it the other one.)"""
        return lambda entry: self._pronoun_of.get(self._candidates[entry[1]][1], gender) == gender

    @staticmethod
    def _last(entries, cue_at: int, fits: Callable | None = None):
        """The latest entry before ``cue_at`` (that ``fits``, looking back at most a few entries)."""
        at = bisect.bisect_left(entries, ((cue_at,),))
        if fits is None:
            return entries[at - 1] if at else None
        return next((entries[k] for k in range(at - 1, max(-1, at - 1 - _LOOK_BACK), -1) if fits(entries[k])), None)

    @staticmethod
    def _last_name(ends, keys, cue_at: int, fits: Callable):
        """The latest name that ends by ``cue_at`` and ``fits`` (looking back at most a few names)."""
        at = bisect.bisect_right(ends, cue_at)
        for k in range(at - 1, max(-1, at - 1 - _LOOK_BACK), -1):
            if fits(keys[k]):
                return keys[k]
        return None


def _order(entry):
    return (-1,) if entry is None else entry[0]
