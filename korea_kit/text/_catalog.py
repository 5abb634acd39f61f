"""Catalog files: one row of provenance per article file, kept as data.

A corpus folder may hold a ``catalog.csv`` with a header row. The ``file``
column names the article file; the other columns become metadata (see
:data:`korea_kit.article.META_FIELDS`; extra columns are kept too). Files
missing from the catalog still load, with their provenance marked unknown.
"""

from __future__ import annotations

import csv
import warnings
from pathlib import Path

from .._errors import ArticleError, ArticleWarning, need_regular_file
from ._reading import MAX_BYTES

__all__ = ["CATALOG_NAME", "read_catalog"]

CATALOG_NAME = "catalog.csv"


def read_catalog(folder: Path) -> dict[str, dict[str, str]]:
    """Read ``folder/catalog.csv`` into ``{file name: metadata}`` (empty if absent).

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "catalog.csv").write_text("file,outlet,date\\na.txt,Reuters,2018-02-25\\n", "utf-8")
    >>> read_catalog(d)
    {'a.txt': {'outlet': 'Reuters', 'date': '2018-02-25'}}
    """
    path = folder / CATALOG_NAME
    if not path.exists():
        return {}
    if need_regular_file(path, ArticleError, "catalog file").st_size > MAX_BYTES:
        raise ArticleError(f"{path} is larger than {MAX_BYTES:,} bytes (1 MiB): too large to be a catalog of articles.")
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise ArticleError(f"{path} is not saved as UTF-8. Save the catalog as 'CSV UTF-8' and try again.") from None
    except OSError as exc:
        raise ArticleError(f"{path} could not be read ({exc.strerror or exc}).") from None
    rows = list(csv.reader(raw.splitlines()))
    if not rows:
        return {}
    header = [h.strip().lower() for h in rows[0]]
    if "file" not in header:
        raise ArticleError(f"{path}: the first row must name the columns, and one of them must be 'file'.")
    catalog: dict[str, dict[str, str]] = {}
    for line_no, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise ArticleError(
                f"{path}, line {line_no}: this row has {len(row)} cells but the header has {len(header)}. "
                f"A comma inside a value needs the value wrapped in double quotes."
            )
        entry = {h: cell.strip() for h, cell in zip(header, row)}
        name = entry.pop("file")
        if name in catalog:
            raise ArticleError(f"{path}, line {line_no}: {name} is listed twice; keep one row per file.")
        catalog[name] = {k: v for k, v in entry.items() if v}
    return catalog


def warn_unmatched(folder: Path, catalog: dict[str, dict[str, str]], files: list[Path]) -> None:
    names = {p.name for p in files}
    missing = sorted(set(catalog) - names)
    if missing:
        warnings.warn(
            f"{folder / CATALOG_NAME} lists files that are not in the folder: {', '.join(missing)}.",
            ArticleWarning,
            stacklevel=3,
        )
