"""Rules that read an event's actors from the events reported before it in the same article.

A report names an act once and then refers back to it; these rules use
``history``, the events found so far as ``(code, source Mention, target
Mention)``, oldest first (words in ``data/event_words.csv``):

* **An act referred back to** ("Russia condemned *the move*", "condemned *the
  launch* as a violation"): the target is the doer of the most recent event;
  for a launch or a test, of the most recent show of force (CAMEO 15).
* **A passive with no agent** ("A Chinese firm was also named"): the one
  named before the cue is the target, and the doer is that of the most recent
  event of the same family.
* **A reaction with no one named to react to** ("Russia would respond
  appropriately"): the target is the doer of the most recent event aimed at
  the source.
* **A pair as subject of a hostile act** ("Tokyo, Seoul protest"): the act
  is the first one's, toward a third state the sentence names.

>>> from korea_kit.diplomacy._actors import Mention
>>> usa, rus = Mention(0, 2, "US", "United States", "USA"), Mention(9, 15, "Russia", "Russia", "RUS")
>>> referent(" the move as illegitimate", "111", rus, [("163", usa, rus)]).name
'US'
>>> reaction_target(rus, [("163", usa, rus)]).name
'US'
"""

from __future__ import annotations

import functools
import re

from ._event_rules import word_pattern

__all__ = ["referent", "agentless_source", "reaction_target", "third_party", "agreed_text_doer"]

_HOSTILE = tuple(f"{root}" for root in range(10, 21))  # CAMEO roots 10-20: demand .. fight
_PARTICIPLE = re.compile(r"\w+(?:ed|en|wn)\b", re.IGNORECASE)  # "named", "seen", "shown": a passive verb
_AUXILIARY = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+|also\s+|not\s+)?$", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _nouns() -> tuple[re.Pattern, re.Pattern]:
    lead = r"^\W{0,2}\s*(?:the|this|that|these|those|its|their|his|her)\s+(?:[\w-]+\s+){0,2}?"
    return (re.compile(lead + rf"{word_pattern('launch_noun')}\b", re.IGNORECASE),
            re.compile(lead + rf"{word_pattern('act_noun')}\b", re.IGNORECASE))


def referent(after: str, code: str, source, history):
    """The doer of the act a cue's object refers back to ("condemned *the launch*"), or ``None``.

    ``after`` is the text right after the cue.
    """
    launch, act = _nouns()
    if launch.match(after):
        wanted = ("15",)
    elif act.match(after):
        wanted = None
    else:
        return None
    for done, doer, _target in reversed(history):
        if (wanted is None or done[:2] in wanted) and doer.country != source.country:
            return doer
    return None


def agentless_source(before: str, code: str, patient, history, cue: str = ""):
    """The doer of a passive act with no "by" ("A Chinese firm *was also named*"): the doer of the most recent event
    of the same family, when ``before`` (the text before the cue) ends in a passive auxiliary; ``None`` otherwise."""
    if not _AUXILIARY.search(before) or not _PARTICIPLE.match(cue):
        return None
    for done, doer, _target in reversed(history):
        if done[:2] == code[:2] and doer.country != patient.country:
            return doer
    return None


def reaction_target(source, history):
    """The doer of the most recent event aimed at ``source``: whom a reaction with no named target answers."""
    for _done, doer, target in reversed(history):
        if target.country == source.country and doer.country != source.country:
            return doer
    return None


def third_party(pair, mentions, cue_start, code):
    """For a hostile act of a pair ("Tokyo, Seoul protest"), the first of the pair toward a third state the sentence
    names (after the cue first, else the nearest before); ``None`` for any other act or with no third state."""
    if code[:2] not in _HOSTILE:
        return None
    both = {pair[0].country, pair[1].country}
    others = [m for m in mentions if m.country not in both]
    after = [m for m in others if m.start >= cue_start]
    before = [m for m in others if m.end <= cue_start]
    third = after[0] if after else (before[-1] if before else None)
    return (pair[0], third) if third else None


@functools.lru_cache(maxsize=1)
def _agreed() -> re.Pattern:
    lead = r"^\W{0,2}\s*(?:the|this|that)\s+(?:[\w-]+\s+){0,2}?"
    return re.compile(lead + rf"(?P<noun>{word_pattern('agreement_noun')})\b", re.IGNORECASE)


def agreed_text_doer(after: str, source, evidence):
    """The doer of the last event whose words name the text a cue's object names ("welcomed *the declaration*":
    whoever "signed the Belém Declaration"), or ``None``; ``evidence`` is ``(words, source Mention)``, oldest first.

    >>> from korea_kit.diplomacy._actors import Mention
    >>> bra, usa = Mention(0, 6, "Brazil", "Brazil", "BRA"), Mention(0, 2, "US", "United States", "USA")
    >>> agreed_text_doer(" the declaration in a statement", usa, [("signed the Belém Declaration", bra)]).name
    'Brazil'
    """
    m = _agreed().match(after)
    if m is None:
        return None
    noun = m.group("noun").lower()
    for words, doer in reversed(evidence):
        if noun in words.lower() and doer.country != source.country:
            return doer
    return None
