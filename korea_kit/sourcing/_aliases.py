"""The alias table: names as written -> one canonical name, with its kind of entity, source type and side.

The bundled table is ``korea_kit/data/aliases.csv``; an instructor can add
rows from a CSV file of their own with :func:`load_aliases`.

>>> load_aliases().find("Kim Yong-chol said").canonical
'Kim Yong Chol'
"""

from __future__ import annotations

import csv
import io
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .._errors import ArticleError, KitTypeError, shown
from ._attribution import SOURCE_TYPES

__all__ = ["Entry", "AliasTable", "load_aliases", "fold", "check_aliases"]

_APOSTROPHE_S = re.compile(r"'s\b")
_LEADING_ARTICLE = re.compile(r"^(the|a|an)\s+")


@dataclass(frozen=True)
class Entry:
    """One canonical name: what it is (person, organisation, group, country), its source type and its side."""

    canonical: str
    entity: str
    source_type: str
    side: str


def fold(text: str) -> str:
    """A name folded for comparison: case, curly apostrophes, "'s" and a leading article ignored.

    >>> fold("The Blue House’s")
    'blue house'
    """
    text = _APOSTROPHE_S.sub("", text.replace("’", "'").casefold())
    return " ".join(_LEADING_ARTICLE.sub("", text.strip()).split())


class AliasTable:
    """Names as written -> one canonical name (with kind of entity, source type and side).

    >>> table = load_aliases()
    >>> table.find("said Gen Kim, who led the delegation").canonical
    'Kim Yong Chol'
    >>> table.find("a man nobody knows") is None
    True
    """

    def __init__(self, rows: Iterable[tuple[str, Entry]] = ()):
        self._entries: dict[str, Entry] = {}
        for alias, entry in rows:
            key = fold(alias)
            if key:
                self._entries[key] = entry
        self._ordered = sorted(self._entries, key=len, reverse=True)
        self._patterns = {k: re.compile(rf"(?<![\w'’]){re.escape(k)}(?![\w])") for k in self._ordered}
        self._found: dict[str, Entry | None] = {}  # folded text -> entry, remembered

    def __len__(self) -> int:
        return len(self._entries)

    def merged(self, other: "AliasTable") -> "AliasTable":
        """This table with the rows of ``other`` added (``other`` wins where both name the same alias)."""
        return AliasTable([*self._entries.items(), *other._entries.items()])

    def find(self, text: str) -> Entry | None:
        """The entry of the longest alias that occurs in ``text`` (as whole words), or ``None``."""
        folded = fold(text)
        if folded in self._found:
            return self._found[folded]
        entry = None
        for key in self._ordered:  # a plain substring test first: most aliases are nowhere in the text
            if len(key) <= len(folded) and key in folded and self._patterns[key].search(folded):
                entry = self._entries[key]
                break
        if len(self._found) < 100_000:
            self._found[folded] = entry
        return entry

    def get(self, name: str) -> Entry | None:
        """The entry of exactly this name (folded), or ``None``."""
        return self._entries.get(fold(name))


def _read_aliases(text: str, name: str) -> AliasTable:
    rows = []
    reader = csv.DictReader(io.StringIO(text))
    missing = {"canonical", "alias"} - set(reader.fieldnames or [])
    if missing:
        raise ArticleError(f"{name} is not an alias table: it needs the columns canonical and alias (also entity, "
                           "source_type and side) in its first line. Open korea_kit/data/aliases.csv to see one.")
    for line_no, row in enumerate(reader, start=2):
        canonical = (row.get("canonical") or "").strip()
        if not canonical:
            raise ArticleError(f"{name}, line {line_no}: the canonical name is empty. Write the name to use first.")
        source_type = (row.get("source_type") or "").strip() or "official"
        if source_type not in SOURCE_TYPES:
            raise ArticleError(f"{name}, line {line_no}: source_type must be one of {', '.join(SOURCE_TYPES)}, "
                               f"not {source_type!r}.")
        entry = Entry(canonical, (row.get("entity") or "person").strip(), source_type, (row.get("side") or "").strip())
        for alias in [canonical, *(row.get("alias") or "").split("|")]:
            if alias.strip():
                rows.append((alias.strip(), entry))
    return AliasTable(rows)


@lru_cache(maxsize=1)
def _bundled_aliases() -> AliasTable:
    text = resources.files("korea_kit").joinpath("data/aliases.csv").read_text("utf-8")
    return _read_aliases(text, "korea_kit/data/aliases.csv")


_EXAMPLE = "such as kk.load_aliases('my_aliases.csv')"
_MAX_BYTES = 1 << 20


def load_aliases(path: str | Path | None = None) -> AliasTable:
    """The bundled alias table, plus the rows of ``path`` (an instructor's ``aliases.csv``) if given.

    Columns: ``canonical``, ``alias`` (several separated by ``|``), ``entity``
    (person, organisation, group, country), ``source_type`` and ``side``.

    >>> len(load_aliases()) > 20
    True
    >>> load_aliases("no_such_file.csv")
    Traceback (most recent call last):
    ...
    korea_kit.ArticleError: no_such_file.csv does not exist. Give the path of an alias table (a .csv file), ...
    """
    table = _bundled_aliases()
    if path is None:
        return table
    if not isinstance(path, (str, Path)) or isinstance(path, str) and not path.strip():
        raise KitTypeError(f"load_aliases() needs the path of a .csv file, {_EXAMPLE}; you gave {shown(path)}.")
    path = Path(path)
    try:
        info = path.stat()
    except OSError:
        raise ArticleError(f"{path} does not exist. Give the path of an alias table (a .csv file), {_EXAMPLE}.") \
            from None
    if stat.S_ISDIR(info.st_mode):
        raise ArticleError(f"{path} is a folder, not a file. Give the alias table inside it, {_EXAMPLE}.")
    if not stat.S_ISREG(info.st_mode):
        raise ArticleError(f"{path} is not an ordinary file (it is a device or a pipe). Give an alias table saved as "
                           f"a .csv file, {_EXAMPLE}.")
    if path.suffix.lower() != ".csv":
        raise ArticleError(f"{path} is not a .csv file. An alias table is a CSV file with the columns canonical and "
                           f"alias, {_EXAMPLE}.")
    if info.st_size > _MAX_BYTES:
        raise ArticleError(f"{path} is too big for an alias table ({info.st_size:,} bytes; the limit is 1 MiB).")
    try:
        text = path.read_text("utf-8-sig")
    except UnicodeDecodeError:
        raise ArticleError(f"{path} is not UTF-8 text. Save it again as 'CSV UTF-8' and load it again.") from None
    except OSError as exc:
        raise ArticleError(f"{path} could not be read ({exc.strerror or exc.__class__.__name__}).") from None
    return table.merged(_read_aliases(text, str(path)))


def check_aliases(aliases, function: str = "quotes") -> AliasTable:
    """``aliases`` if it is an alias table, the bundled table if it is ``None``; a KitTypeError otherwise."""
    if aliases is None:
        return load_aliases()
    if isinstance(aliases, AliasTable):
        return aliases
    hint = " To use your own file, load it first: aliases=kk.load_aliases('my_aliases.csv')." \
        if isinstance(aliases, (str, Path)) else ""
    raise KitTypeError(f"{function}() needs aliases=None or an alias table made by kk.load_aliases(); you gave "
                       f"{shown(aliases)}.{hint}")
