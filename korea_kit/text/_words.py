"""The word lists of the text room, read once from ``korea_kit/data/text_words.json``.

>>> "gen" in word_list("abbreviations")
True
>>> word_list("months")
Traceback (most recent call last):
...
korea_kit.KitLookupError: There is no word list called 'months' in text_words.json. The lists are: abbreviations, byline_non_names, month_abbreviations, sentence_openers, stopwords.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from .._errors import KitLookupError

__all__ = ["word_list", "alternation", "trie_pattern"]


@lru_cache(maxsize=1)
def _lists() -> dict[str, tuple[str, ...]]:
    raw = json.loads(resources.files("korea_kit").joinpath("data/text_words.json").read_text("utf-8"))
    return {name: tuple(entry["words"]) for name, entry in raw.items() if isinstance(entry, dict)}


def word_list(name: str) -> tuple[str, ...]:
    """The words of one list, in the order of the file."""
    lists = _lists()
    if name not in lists:
        raise KitLookupError(f"There is no word list called {name!r} in text_words.json. "
                             f"The lists are: {', '.join(sorted(lists))}.")
    return lists[name]


def alternation(name: str) -> str:
    """The words of one list as a regular-expression alternation, longest first, each escaped.

    >>> alternation("month_abbreviations").startswith("Sept|")
    True
    """
    return "|".join(re.escape(w) for w in sorted(word_list(name), key=len, reverse=True))


def trie_pattern(words) -> str:
    """One regular expression for many words, built as a trie ("sa(?:id|ys)"), so that matching stays linear.

    Every room that looks up a long word list in text (reporting verbs, the world's states) uses it.

    >>> pattern = trie_pattern(["said", "says", "say"])
    >>> [w for w in ["said", "says", "say", "sa", "sayings"] if re.fullmatch(pattern, w)]
    ['said', 'says', 'say']
    """
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return build(tree)
