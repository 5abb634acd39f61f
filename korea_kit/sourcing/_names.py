"""Names in running text: capitalised runs, the person's name inside them, and organisation names.

>>> person_words("Foreign Minister Kang Kyung-wha")
['Kang', 'Kyung-wha']
>>> names_a_person("Ana Vance, a professor"), names_a_person("the Foreign Ministry")
(True, False)
>>> organisation("said the Ministry of Unification on Monday")
'Ministry of Unification'
"""

from __future__ import annotations

import re
from functools import lru_cache

from ._lexicon import alternation, words

__all__ = ["name_pattern", "person_words", "names_a_person", "organisation", "has_org_word", "organisation_at",
           "titled_person", "SHORT_TITLES"]

SHORT_TITLES = frozenset({"mr", "ms", "mrs", "dr"})
"""Honorifics that stay with a surname ("Ms. Moss"), lower case, without the full stop."""
_OF_TAIL = re.compile(r"\s+of\s+(?:the\s+)?([A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)*)")
_LEADING_ARTICLE = re.compile(r"^(The|A|An)\s+")
_HYPHEN_LOWER = re.compile(r"-[a-z]")


@lru_cache(maxsize=1)
def name_pattern() -> re.Pattern:
    """A capitalised run of up to six words, with an optional title before it ("Gen. Kim Yong Chol")."""
    titles = alternation("titles")
    return re.compile(rf"(?:(?:{titles})\.?\s+)?[A-Z][\w'’\-]+"
                      rf"(?:\s+(?:[A-Z]\.(?=\s+[A-Z])|(?:{titles})\.(?=\s+[A-Z])|[A-Z][\w'’\-]+)){{0,5}}")


@lru_cache(maxsize=1)
def _suffix_rules() -> tuple[re.Pattern, re.Pattern]:
    occupation = re.compile(rf"[A-Z][a-z]+(?:{alternation('occupation_suffixes')})")
    nationality = re.compile(rf"[A-Z][a-z]+(?:{alternation('nationality_suffixes')})")
    return occupation, nationality


def _bare(word: str) -> str:
    return word.lower().strip("'’s")


def has_org_word(words_: list[str], skip_compass: bool = False) -> bool:
    """Does one of these words (lower-cased, "'s" cut) make the run an organisation or a place?"""
    org = words("organisation_words") - words("compass_words") if skip_compass else words("organisation_words")
    return any(_bare(w) in org for w in words_)


def person_words(run: str) -> list[str]:
    """The name words of a capitalised run: titles, roles and adjectives of nationality dropped, at most three kept."""
    not_names, roles = words("not_names"), words("role_words")
    occupation, nationality = _suffix_rules()
    found = [w.rstrip(",") for w in run.split()]
    while found and (found[0].lower().rstrip(".") in not_names - SHORT_TITLES or _HYPHEN_LOWER.search(found[0])):
        found = found[1:]
    if len(found) == 3 and occupation.fullmatch(found[0]):
        found = found[1:]  # "Commuter Anja Roth", "Pensioner Doris Mabey"
    if any(w.lower() in not_names - SHORT_TITLES - {"may"} for w in found[1:]):
        return []

    def is_role(word: str) -> bool:
        return word.lower().rstrip(".") in roles

    while found and (is_role(found[0]) or (len(found) > 1 and nationality.fullmatch(found[0]) and is_role(found[1]))):
        found = found[1:]
    last_role = max((k for k, w in enumerate(found[:-1]) if is_role(w)), default=-1)
    found = found[last_role + 1:]  # "Retired Army Col. Lawrence Wilkerson": the name after the last title
    return found[-3:] if len(found) > 3 else found


def titled_person(run: str) -> list[str]:
    """The name after the last title of a run whose organisation words all come before it, else [].

    >>> titled_person("Army Col. Lena Wilk"), titled_person("Army Corps of Engineers")
    (['Lena', 'Wilk'], [])
    """
    found = run.split()
    roles = [k for k, w in enumerate(found[:-1]) if w.lower().rstrip(".") in words("role_words")]
    if not roles or has_org_word(found[roles[-1] + 1:]):
        return []
    return person_words(" ".join(found[roles[-1] + 1:]))


def names_a_person(text: str) -> bool:
    """Does this phrase name a person (two or more name words, no organisation word)?"""
    for m in name_pattern().finditer(text):
        if len(person_words(m.group())) >= 2 and not has_org_word(m.group().split()):
            return True
    return False


def organisation_at(text: str, m: re.Match, end: int) -> str | None:
    """The organisation named by the capitalised run ``m`` of ``text`` (with an "of ..." tail before ``end``)."""
    if not has_org_word(m.group().split(), skip_compass=True) or titled_person(m.group()):
        return None  # (and "Army Col. Lena Wilk" is a person: the organisation is her affiliation)
    name = m.group()
    tail = _OF_TAIL.match(text, m.end(), end)
    if tail:
        name += tail.group()
    return _LEADING_ARTICLE.sub("", name)


def organisation(text: str) -> str | None:
    """The first organisation's name in ``text`` (capitalised words with an organisation word), without "the"."""
    for m in name_pattern().finditer(text):
        found = organisation_at(text, m, len(text))
        if found is not None:
            return found
    return None
