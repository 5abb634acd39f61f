"""The errors and warnings korea_kit raises, written for students."""

from __future__ import annotations

__all__ = ["ArticleError", "ArticleWarning"]


class ArticleError(ValueError):
    """An article file (or pasted text) that korea_kit cannot load.

    The message always names the file and says, in one plain sentence,
    what is wrong and what to do about it.

    >>> raise ArticleError("notes.txt is empty: there is no text to read.")
    Traceback (most recent call last):
    ...
    korea_kit.errors.ArticleError: notes.txt is empty: there is no text to read.
    """


class ArticleWarning(UserWarning):
    """Something worth knowing about a file that still loaded (or was skipped)."""
