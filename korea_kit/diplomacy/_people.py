"""People no table lists, tied to a state by the article itself, so that "Ms Strandberg met ..." has a source.

A report introduces an official once with a state's name or adjective and an
office, and then uses the name alone (titles in ``data/event_words.csv``,
kind ``title_noun``):

* "Swedish envoy Karin Strandberg", "Sweden's special envoy, Karin Strandberg":
  the name follows the office;
* "Sweden's special envoy ... The envoy, Karin Strandberg, arrived": the name
  is set beside the office named earlier with its state.

Both the full name and the surname then name that state's government, as
rows of kind ``demonym`` (like the adjectives :func:`._event_rules.learned_places`
learns).

>>> from korea_kit.diplomacy._actors import Mention
>>> text = "Sweden's special envoy went north. The envoy, Karin Strandberg, arrived."
>>> sorted(learned_people(text, [Mention(0, 6, "Sweden", "Sweden", "SWE")], {}))
['Karin Strandberg', 'Strandberg']
"""

from __future__ import annotations

import functools
import re

from ._event_rules import word_pattern

__all__ = ["learned_people"]

_NAME = r"(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?(?P<first>[A-Z][a-z]+)\s+(?P<last>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)"
_ROLE = "a person the article ties to a state"


@functools.lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    title = word_pattern("title_noun")
    owned = re.compile(rf"(?:['’]s)?\s+(?:[a-z-]+\s+){{0,3}}?(?P<noun>{title})\b(?:\s+for\s+(?:the\s+)?"
                       rf"[A-Z][a-z]+(?:\s+[A-Z][a-z]+){{0,2}})?(?:,?\s+{_NAME}\b)?")
    apposed = re.compile(rf"\b[Tt]he\s+(?P<noun>{title}),\s+{_NAME},")
    named = re.compile(rf"{_NAME},\s+(?:the\s+|an?\s+)?$")  # "Majid Kazemi, Iran's deputy foreign minister"
    return owned, apposed, named


def learned_people(text: str, mentions, listed) -> dict[str, dict[str, str]]:
    """Names of people ``text`` ties to a state, as rows of kind ``demonym``; ``mentions`` are the states it names
    (:class:`._actors.Mention`, offsets in ``text``), ``listed`` the names the tables know already (folded)."""
    owned, apposed, named = _patterns()
    learned: dict[str, dict[str, str]] = {}
    offices: list[tuple[int, str, str]] = []  # (where, office, country): "Sweden's special envoy"

    def learn(m, country):
        for name in (f"{m.group('first')} {m.group('last')}", m.group("last")):
            if name.lower() not in listed and name not in learned:
                learned[name] = {"kind": "demonym", "country": country, "role": _ROLE}
    for mention in mentions:
        if not mention.country:
            continue
        m = owned.match(text, mention.end)
        if m is None:
            continue
        offices.append((mention.end, m.group("noun").lower(), mention.country))
        if m.group("last"):
            learn(m, mention.country)
        before = named.search(text[max(0, mention.start - 60):mention.start])
        if before:
            learn(before, mention.country)
    for m in apposed.finditer(text):
        noun = m.group("noun").lower()
        country = next((c for where, office, c in reversed(offices) if where < m.start() and office == noun), "")
        if country:
            learn(m, country)
    return learned
