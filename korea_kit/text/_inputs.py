"""Checks at the door of every lens: one article, or a corpus (or list) of articles.

>>> need_articles([], "concordance")
[]
>>> need_articles("report.txt", "concordance")
Traceback (most recent call last):
...
korea_kit.KitTypeError: concordance: corpus should be a corpus (from kk.load_corpus()), one article or a list of articles, but it is 'report.txt' (text). To read a file, load it first: kk.load_article('report.txt').
"""

from __future__ import annotations

from .._errors import KitTypeError, shown
from ._article import Article
from ._corpus import Corpus

__all__ = ["need_article", "need_articles"]


def need_article(value, where: str, name: str = "article") -> Article:
    """``value`` if it is one Article; otherwise a KitTypeError that says how to get one."""
    if isinstance(value, Article):
        return value
    if isinstance(value, Corpus):
        raise KitTypeError(f"{where} works on one article, but {name} is a whole corpus. Pick one article, such as "
                           f"corpus[0], or go through them all: for article in corpus: ...")
    raise KitTypeError(f"{where}: {name} should be one article (from kk.load_article(path) or corpus[0]), "
                       f"but it is {shown(value)}.")


def need_articles(value, where: str, name: str = "corpus") -> list[Article]:
    """A list of articles from a Corpus, one Article or a list of articles; otherwise a KitTypeError."""
    if isinstance(value, Article):
        return [value]
    if isinstance(value, Corpus):
        return list(value)
    if isinstance(value, (str, bytes)) or not isinstance(value, (list, tuple)):
        hint = ""
        if isinstance(value, str) and len(value) < 120:
            hint = f" To read a file, load it first: kk.load_article({value!r})."
        raise KitTypeError(f"{where}: {name} should be a corpus (from kk.load_corpus()), one article or a list of "
                           f"articles, but it is {shown(value)}.{hint}")
    for i, item in enumerate(value):
        if not isinstance(item, Article):
            raise KitTypeError(f"{where}: every item of {name} should be an article, but item {i} is {shown(item)}.")
    return list(value)
