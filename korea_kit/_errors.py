"""The errors and warnings korea_kit raises, written for students.

Every error the kit raises on purpose is a :class:`KitError`. Each one is
also the builtin error that fits (``ValueError``, ``TypeError`` or
``LookupError``), so code written as ``except ValueError`` keeps working.
A message always names the argument or file, says what was wrong and what
to do, and, where it can, suggests the closest valid choice.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any

__all__ = ["KitError", "KitValueError", "KitTypeError", "KitLookupError", "ArticleError", "ArticleWarning",
           "WorkStoreError", "shown", "closest", "did_you_mean"]


class KitError(Exception):
    """The base of every error korea_kit raises on purpose.

    >>> import korea_kit as kk
    >>> try:
    ...     kk.load_corpus()[7]
    ... except kk.KitError as error:
    ...     print(error)
    There is no article at position 7. This corpus has 3 articles: give a position from 0 to 2, or an id such as '000'.
    """


class KitValueError(KitError, ValueError):
    """A value of the right kind that is wrong here (an unknown column, a bad date)."""


class KitTypeError(KitError, TypeError):
    """A value of the wrong kind (a number where text goes, a Corpus where an Article goes)."""


class KitLookupError(KitError, KeyError, IndexError):
    """A name or position that is not there (an article id, a column). Also a ``KeyError`` and an ``IndexError``."""

    def __str__(self) -> str:  # KeyError would show the message in quotes
        return str(self.args[0]) if self.args else ""


class ArticleError(KitValueError):
    """An article file (or pasted text) that korea_kit cannot load.

    The message always names the file and says, in one plain sentence,
    what is wrong and what to do about it.

    >>> raise ArticleError("notes.txt is empty: there is no text to read.")
    Traceback (most recent call last):
    ...
    korea_kit.ArticleError: notes.txt is empty: there is no text to read.
    """


class WorkStoreError(KitValueError):
    """Work that korea-kit could not save, load or import.

    The message names the file(s) involved and says, in plain words, what
    went wrong and what happens next.

    >>> raise WorkStoreError("Could not import notes.json: the file does not exist.")
    Traceback (most recent call last):
    ...
    korea_kit.WorkStoreError: Could not import notes.json: the file does not exist.
    """


class ArticleWarning(UserWarning):
    """Something worth knowing about a file that still loaded (or was skipped)."""


for _error in (KitError, KitValueError, KitTypeError, KitLookupError, ArticleError, WorkStoreError, ArticleWarning):
    _error.__module__ = "korea_kit"  # tracebacks say korea_kit.ArticleError, the name students import


def shown(value: Any, width: int = 60) -> str:
    """A short, readable picture of a value for an error message.

    >>> shown("Feb 25"), shown(None), shown(3), shown([1, 2])
    ("'Feb 25' (text)", 'None', '3 (a number)', 'a list')
    """
    kinds = {str: "text", int: "a number", float: "a number", bool: "True or False"}
    if value is None or value is Ellipsis:
        return repr(value)
    kind = kinds.get(type(value))
    if kind is None:
        name = type(value).__name__
        return f"an {name}" if name[0] in "AEIOUaeiou" else f"a {name}"
    text = repr(value)
    if len(text) > width:
        text = text[: width - 4] + "..." + text[-1]
    return text if type(value) is bool else f"{text} ({kind})"


def closest(word: Any, choices: Iterable[str]) -> str | None:
    """The valid choice nearest to ``word`` (by spelling, ignoring case), or ``None``.

    >>> closest("Speaker", ["speaker", "outlet"]), closest("zzz", ["speaker"])
    ('speaker', None)
    """
    choices = [str(c) for c in choices]
    if not isinstance(word, str) or not choices:
        return None
    by_fold = {c.casefold(): c for c in choices}
    if word.casefold() in by_fold:
        return by_fold[word.casefold()]
    found = difflib.get_close_matches(word.casefold(), list(by_fold), n=1, cutoff=0.6)
    return by_fold[found[0]] if found else None


def did_you_mean(word: Any, choices: Iterable[str]) -> str:
    """``" Did you mean 'x'?"`` when a choice is close, else ``""``."""
    near = closest(word, choices)
    return f" Did you mean {near!r}?" if near is not None else ""
