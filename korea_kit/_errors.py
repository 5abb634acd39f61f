"""The errors and warnings korea_kit raises, written for students.

Every error the kit raises on purpose is a :class:`KitError`. Each one is
also the builtin error that fits (``ValueError``, ``TypeError`` or
``LookupError``), so code written as ``except ValueError`` keeps working.
A message always names the argument or file, says what was wrong and what
to do, and, where it can, suggests the closest valid choice.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

__all__ = ["KitError", "KitValueError", "KitTypeError", "KitLookupError", "ArticleError", "ArticleWarning",
           "WorkStoreError", "shown", "closest", "did_you_mean", "need_text", "need_choice", "need_whole", "need_path",
           "need_regular_file", "need_table", "need_kinds", "need_flag", "read_json_file"]


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
    import difflib  # only when a message needs it: import korea_kit stays light

    found = difflib.get_close_matches(word.casefold(), list(by_fold), n=1, cutoff=0.6)
    return by_fold[found[0]] if found else None


def did_you_mean(word: Any, choices: Iterable[str]) -> str:
    """``" Did you mean 'x'?"`` when a choice is close, else ``""``."""
    near = closest(word, choices)
    return f" Did you mean {near!r}?" if near is not None else ""


# -- checking what a public function was given ------------------------------------------------------------
# Each helper returns the checked value (sometimes tidied) or raises a KitError whose message says which
# function and argument, what it got, what it expects, and, where it can, the closest valid choice.


def need_text(value: Any, name: str, where: str, example: str, *, optional: bool = False) -> Any:
    """``value`` if it is text (or ``None`` when ``optional``); otherwise a :class:`KitTypeError`.

    >>> need_text(5, "pattern", "article.find", "Moon")
    Traceback (most recent call last):
    ...
    korea_kit.KitTypeError: article.find: pattern should be text in quotes, such as 'Moon', but it is 5 (a number).
    """
    if (value is None and optional) or isinstance(value, str):
        return value
    also = " or None" if optional else ""
    raise KitTypeError(f"{where}: {name} should be text in quotes{also}, such as {example!r}, but it is {shown(value)}.")


def need_choice(value: Any, name: str, where: str, choices: Iterable[str]) -> str:
    """``value`` if it is one of ``choices``; otherwise a KitError that lists them and names the nearest.

    >>> need_choice("Speaker", "by", "voice_share", ["speaker", "side"])
    Traceback (most recent call last):
    ...
    korea_kit.KitValueError: voice_share: by='Speaker' is not one of the choices: 'speaker' or 'side'. Did you mean 'speaker'?
    """
    choices = list(choices)
    listed = ", ".join(repr(c) for c in choices[:-1]) + (" or " if len(choices) > 1 else "") + repr(choices[-1])
    if not isinstance(value, str):
        raise KitTypeError(f"{where}: {name} should be one of {listed} (in quotes), but it is {shown(value)}.")
    if value not in choices:
        raise KitValueError(f"{where}: {name}={value!r} is not one of the choices: {listed}.{did_you_mean(value, choices)}")
    return value


def need_whole(value: Any, name: str, where: str, *, low: int | None = None) -> int:
    """``value`` if it is a whole number (not True/False) of at least ``low``; otherwise a KitError.

    >>> need_whole("3", "end", "article.char_span")
    Traceback (most recent call last):
    ...
    korea_kit.KitTypeError: article.char_span: end should be a whole number, such as 3, but it is '3' (text).
    """
    if isinstance(value, bool) or not isinstance(value, int):
        raise KitTypeError(f"{where}: {name} should be a whole number, such as 3, but it is {shown(value)}.")
    if low is not None and value < low:
        raise KitValueError(f"{where}: {name} should be {low} or more, but it is {value}.")
    return value


def need_flag(value: Any, name: str, where: str) -> bool:
    """``value`` if it is True or False; otherwise a :class:`KitTypeError`.

    >>> need_flag("yes", "regex", "article.find")
    Traceback (most recent call last):
    ...
    korea_kit.KitTypeError: article.find: regex should be True or False (without quotes), but it is 'yes' (text).
    """
    if isinstance(value, bool):
        return value
    raise KitTypeError(f"{where}: {name} should be True or False (without quotes), but it is {shown(value)}.")


def need_path(value: Any, name: str, where: str, example: str):
    """``value`` as a :class:`pathlib.Path` if it is text or a path; otherwise a :class:`KitTypeError`.

    >>> need_path(None, "path", "load_article", "notes/report.txt")
    Traceback (most recent call last):
    ...
    korea_kit.KitTypeError: load_article: path should be the name of a file or folder in quotes, such as 'notes/report.txt', but it is None.
    """
    import os
    from pathlib import Path

    if isinstance(value, (str, os.PathLike)) and not isinstance(value, bytes):
        text = os.fspath(value)
        if isinstance(text, str) and text.strip() and "\x00" not in text:
            return Path(text)
        if isinstance(text, str):
            raise KitValueError(f"{where}: {name} is {shown(text)}, which is not a usable file or folder name; "
                                f"give one such as {example!r}.")
    raise KitTypeError(f"{where}: {name} should be the name of a file or folder in quotes, such as {example!r}, "
                       f"but it is {shown(value)}.")


def need_regular_file(path: Any, error: type[KitError] = None, what: str = "file"):  # type: ignore[assignment]
    """The ``os.stat`` of ``path`` if it is an ordinary file; a KitError (``error``) before anything is read if not.

    Folders, devices (``/dev/zero``), pipes and missing paths are refused, so
    a read can never hang or run on forever.

    >>> need_regular_file("/dev/zero")
    Traceback (most recent call last):
    ...
    korea_kit.ArticleError: /dev/zero is a device or a pipe, not a file saved on disk; give the path of a file.
    """
    import os
    import stat as st

    error = error or ArticleError
    a_what = ("an " if what[0] in "aeiou" else "a ") + what
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise error(f"{path}: there is no file at this path. Check the folder and the spelling.") from None
    except OSError as exc:
        raise error(f"{path} could not be opened ({exc.strerror or exc}).") from None
    if st.S_ISDIR(info.st_mode):
        raise error(f"{path} is a folder, not {a_what}; give the path of the {what} inside it.")
    if not st.S_ISREG(info.st_mode):
        raise error(f"{path} is a device or a pipe, not a file saved on disk; give the path of {a_what}.")
    return info


def read_json_file(path: Any, where: str, what: str, *, error: type[KitError] = None,  # type: ignore[assignment]
                   limit: int = 8 * 1_048_576) -> Any:
    """The parsed contents of a kit data file in JSON (gold codes, verdicts, positions), read safely.

    Devices, pipes and folders are refused before anything is read (:func:`need_regular_file`), a file over
    ``limit`` bytes before it is loaded, and a file that is not complete UTF-8 JSON with a KitError (``error``,
    by default :class:`ArticleError`) that names ``where`` and the file.

    >>> read_json_file("/dev/zero", "load_gold", "gold file")
    Traceback (most recent call last):
    ...
    korea_kit.ArticleError: /dev/zero is a device or a pipe, not a file saved on disk; give the path of a gold file.
    """
    import json
    from pathlib import Path

    error = error or ArticleError
    if need_regular_file(path, error, what).st_size > limit:
        raise error(f"{where}: {path} is larger than {limit:,} bytes, too large to be a {what}. "
                    "Check that you gave the right file.")
    try:
        return json.loads(Path(path).read_text("utf-8"))
    except (OSError, ValueError, RecursionError) as exc:  # ValueError covers bad UTF-8 and bad JSON
        raise error(f"{where}: {path} could not be read as a {what} ({exc.__class__.__name__}). Open it in a text "
                    "editor and check that it is complete JSON, saved as UTF-8.") from None


def need_table(value: Any, name: str, where: str, columns: Iterable[str], make: str):
    """``value`` if it is a pandas DataFrame with ``columns``; otherwise a KitError that says how to make one.

    ``make`` names a call that makes the right table, such as ``"kk.quotes_table(corpus)"``.

    >>> import pandas as pd
    >>> need_table(pd.DataFrame({"Speaker": ["Moon"]}), "table", "voice_share", ["speaker"], "kk.quotes_table(corpus)")
    Traceback (most recent call last):
    ...
    korea_kit.KitValueError: voice_share: the table has no column 'speaker'. Did you mean 'Speaker'? It needs the columns 'speaker', as in the table kk.quotes_table(corpus) makes.
    """
    from ._display import pandas as _pandas

    pd = _pandas()
    columns = list(columns)
    if not isinstance(value, pd.DataFrame):
        hint = ""
        kind = type(value).__name__
        if kind == "Article":
            hint = " For one article, make the table with kk.quotes(article)."
        elif kind == "Corpus":
            hint = " For a corpus, make the table with kk.quotes_table(corpus)."
        raise KitTypeError(f"{where}: {name} should be a table (a pandas DataFrame) such as {make} gives, "
                           f"but it is {shown(value)}.{hint}")
    noun = name if name.endswith("table") else f"{name} table"
    present = [str(c) for c in value.columns]
    missing = [c for c in columns if c not in value.columns]
    if missing:
        wanted = ", ".join(repr(c) for c in columns)
        if not present:
            raise KitValueError(f"{where}: the {noun} is empty, with no columns at all. It needs the columns {wanted}, "
                                f"as in the table {make} makes.")
        first = missing[0]
        others = f" (nor {', '.join(repr(c) for c in missing[1:])})" if len(missing) > 1 else ""
        raise KitValueError(f"{where}: the {noun} has no column {first!r}{others}.{did_you_mean(first, present)} "
                            f"It needs the columns {wanted}, as in the table {make} makes.")
    return value


def need_kinds(value: Any, name: str, where: str, choices: Iterable[str], *, optional: bool = False):
    """A tuple of kinds from ``choices`` (one kind may be given as text); otherwise a KitError.

    >>> need_kinds("direct", "kinds", "voice_share", ["direct", "partial"])
    ('direct',)
    """
    choices = list(choices)
    if value is None and optional:
        return None
    example = tuple(choices[:2])
    if isinstance(value, str):
        value = (value,)
    try:
        items = tuple(value)
    except TypeError:
        raise KitTypeError(f"{where}: {name} should be a list of kinds in quotes, such as {example!r}, "
                           f"but it is {shown(value)}.") from None
    listed = ", ".join(repr(c) for c in choices)
    for item in items:
        if not isinstance(item, str):
            raise KitTypeError(f"{where}: {name} should hold kinds in quotes ({listed}), but one of them is {shown(item)}.")
        if item not in choices:
            raise KitValueError(f"{where}: {name} includes {item!r}, which is not one of the kinds: {listed}."
                                f"{did_you_mean(item, choices)}")
    return items
