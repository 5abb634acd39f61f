"""Readability, computed here and offline: syllables, Flesch reading ease and the Flesch–Kincaid grade.

The formulas are published ones (Flesch, R. 1948, "A new readability yardstick", *Journal of Applied
Psychology* 32(3): 221–233; Kincaid, J. P., Fishburne, R. P., Rogers, R. L. and Chissom, B. S. 1975,
*Derivation of new readability formulas ... for Navy enlisted personnel*, Research Branch Report 8-75):

* reading ease = 206.835 − 1.015 × (words per sentence) − 84.6 × (syllables per word), higher is easier;
* grade = 0.39 × (words per sentence) + 11.8 × (syllables per word) − 15.59, the US school grade.

Syllables are counted by a rule of thumb (groups of vowels, less a silent ending), not a dictionary, so
single words may be off by one; over a text of a few hundred words the error mostly evens out. A number
("2018", "27") counts as one word of one syllable.

>>> round(flesch_kincaid_grade(["The cat sat on the mat."]), 1)
-1.4
>>> syllables("table"), syllables("walked"), syllables("denuclearization")
(2, 1, 6)
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["syllables", "words_of", "text_counts", "flesch_reading_ease", "flesch_kincaid_grade"]

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d+(?:[.,]\d+)*", re.UNICODE)
_VOWEL_GROUPS = re.compile(r"[aeiouyàâäéèêëïîôöùûü]+")
_SILENT_ES = ("ses", "zes", "ches", "shes", "ges", "ces", "xes")


def words_of(text: str) -> list[str]:
    """The words of ``text`` (letters, with inner apostrophes and hyphens; or a number).

    >>> words_of("Kim's sister, Kim Yo-jong, met 27 people.")
    ["Kim's", 'sister', 'Kim', 'Yo-jong', 'met', '27', 'people']
    """
    return _WORD.findall(text)


def syllables(word: str) -> int:
    """A rule-of-thumb count of the syllables of one word (at least 1).

    >>> [syllables(w) for w in ("the", "make", "makes", "boxes", "wanted", "reading", "27")]
    [1, 1, 1, 2, 2, 2, 1]
    """
    total = 0
    for part in re.split(r"['’-]", word.lower()):
        if not part or part[0].isdigit():
            total += 1 if part else 0
            continue
        groups = len(_VOWEL_GROUPS.findall(part))
        if groups > 1 and ((part.endswith("e") and not part.endswith(("le", "ee", "ye")))
                           or (part.endswith("ed") and not part.endswith(("ted", "ded")))
                           or (part.endswith("es") and not part.endswith(_SILENT_ES))):
            groups -= 1
        total += max(1, groups)
    return max(1, total)


def text_counts(sentences: Iterable[str]) -> tuple[int, int, int]:
    """``(sentences, words, syllables)`` over the sentences that have at least one word.

    >>> text_counts(["Moon met Kim.", "", "They talked for an hour."])
    (2, 8, 8)
    """
    n_sentences = n_words = n_syllables = 0
    for sentence in sentences:
        words = words_of(sentence)
        if words:
            n_sentences += 1
            n_words += len(words)
            n_syllables += sum(syllables(w) for w in words)
    return n_sentences, n_words, n_syllables


def flesch_reading_ease(sentences: Iterable[str]) -> float | None:
    """Flesch's reading ease (1948) of the sentences, or ``None`` when they hold no words.

    >>> round(flesch_reading_ease(["Moon met Kim.", "They talked for an hour."]), 1)
    118.2
    >>> flesch_reading_ease([]) is None
    True
    """
    n_sentences, n_words, n_syllables = text_counts(sentences)
    if not n_words:
        return None
    return 206.835 - 1.015 * n_words / n_sentences - 84.6 * n_syllables / n_words


def flesch_kincaid_grade(sentences: Iterable[str]) -> float | None:
    """The Flesch–Kincaid grade level (Kincaid et al. 1975) of the sentences, or ``None`` when they hold no words.

    >>> flesch_kincaid_grade(["..."]) is None
    True
    """
    n_sentences, n_words, n_syllables = text_counts(sentences)
    if not n_words:
        return None
    return 0.39 * n_words / n_sentences + 11.8 * n_syllables / n_words - 15.59
