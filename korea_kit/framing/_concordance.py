"""A keyword-in-context table (a concordance): every place a word or phrase occurs, with the words around it.

The search ignores case and finds whole words or whole phrases: "talk" does
not find "talks", and a space in the phrase matches any run of spaces.
Boilerplate (credits, embeds, site furniture) is skipped. The context on each
side is at most ``width`` characters, cut at a word boundary so that no word
is shown in half, with line breaks and runs of spaces shown as one space.

>>> import korea_kit as kk
>>> art = kk.Article.from_text("Talks set\\n\\nThe two sides agreed to hold talks in Geneva next month.", id="wire")
>>> concordance(art, "talks", width=20)[["left", "match", "right"]]
              left  match              right
0                  Talks  set The two sides
1   agreed to hold  talks     in Geneva next
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .._errors import KitTypeError, KitValueError, shown
from ..text._inputs import need_articles
from ._match import _form_regex

if TYPE_CHECKING:
    import pandas

__all__ = ["concordance", "need_word", "need_width", "CONCORDANCE_COLUMNS"]

CONCORDANCE_COLUMNS = ("article_id", "outlet", "left", "match", "right")
_SPACE = re.compile(r"\s+")


def need_word(word, where: str) -> str:
    """``word`` stripped, if it is text with something to search for; otherwise a KitError."""
    if not isinstance(word, str):
        raise KitTypeError(f"{where}: word should be a word or phrase in quotes, such as 'talks', "
                           f"but it is {shown(word)}.")
    if not word.strip():
        raise KitValueError(f"{where}: word is empty. Type the word or phrase to look for, such as 'talks'.")
    return word.strip()


def need_width(width, where: str) -> int:
    """``width`` if it is a whole number from 5 to 500; otherwise a KitError."""
    if isinstance(width, bool) or not isinstance(width, int):
        raise KitTypeError(f"{where}: width should be a whole number of characters, such as 40, "
                           f"but it is {shown(width)}.")
    if not 5 <= width <= 500:
        raise KitValueError(f"{where}: width should be from 5 to 500 characters of context on each side, "
                            f"but it is {width}. Try 40.")
    return width


def _left(text: str, start: int, width: int) -> str:
    begin = max(0, start - width)
    piece = text[begin:start]
    if begin > 0 and text[begin - 1].isalnum() and piece[:1].isalnum():  # the cut fell inside a word: drop its end
        space = _SPACE.search(piece)
        piece = piece[space.end():] if space else ""
    return _SPACE.sub(" ", piece).strip()


def _right(text: str, end: int, width: int) -> str:
    stop = min(len(text), end + width)
    piece = text[end:stop]
    if stop < len(text) and text[stop].isalnum() and piece[-1:].isalnum():  # the cut fell inside a word
        spaces = list(_SPACE.finditer(piece))
        piece = piece[:spaces[-1].start()] if spaces else ""
    return _SPACE.sub(" ", piece).strip()


def concordance(corpus, word, width=40) -> "pandas.DataFrame":
    """Every use of ``word`` in ``corpus``, in context: ``article_id``, ``outlet``, ``left``, ``match``, ``right``.

    ``corpus`` may be a corpus, one article or a list of articles. ``word`` may be a phrase ("war of words").
    ``width`` is the most characters of context shown on each side. No match gives an empty table with the
    same columns.

    >>> import korea_kit as kk
    >>> len(concordance(kk.load_corpus(), "talks")) > 5
    True
    >>> concordance(kk.load_corpus(), "  ")
    Traceback (most recent call last):
    ...
    korea_kit.KitValueError: concordance: word is empty. Type the word or phrase to look for, such as 'talks'.
    """
    from .._display import pandas as _pandas

    pd = _pandas()
    articles = need_articles(corpus, "concordance")
    word = need_word(word, "concordance")
    width = need_width(width, "concordance")
    pattern = re.compile(_form_regex(word), re.IGNORECASE)
    rows = []
    for article in articles:
        text = article.text
        furniture = [(s.start, s.end) for s in article.boilerplate]
        for m in pattern.finditer(text):
            if m.end() == m.start() or any(s < m.end() and m.start() < e for s, e in furniture):
                continue
            rows.append({"article_id": article.id, "outlet": str(article.meta.get("outlet", "unknown")),
                         "left": _left(text, m.start(), width), "match": _SPACE.sub(" ", m.group(0)),
                         "right": _right(text, m.end(), width)})
    return pd.DataFrame(rows, columns=list(CONCORDANCE_COLUMNS))
