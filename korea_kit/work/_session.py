"""The student's side of the work store: one shared store, export with a download link, import.

Notebooks call these instead of making a :class:`~korea_kit.WorkStore`
themselves, so every notebook and widget in a session writes to the same
file (``$KOREA_KIT_WORK``, or ``~/korea-kit-work/work.json``).

>>> import os, tempfile
>>> os.environ["KOREA_KIT_WORK"] = os.path.join(tempfile.mkdtemp(), "work.json")
>>> store = work()
>>> store is work(), len(store)
(True, 0)
"""

from __future__ import annotations

import base64
import os
import re
import tempfile
from html import escape
from pathlib import Path

from ._store import WorkStore, default_work_path

__all__ = ["work", "export_work", "import_work", "import_bytes", "WorkSummary", "ExportLink"]

_stores: dict[Path, WorkStore] = {}


def work(path: str | os.PathLike[str] | None = None) -> WorkStore:
    """The work store for this session (the same object every time for the same file)."""
    where = Path(path) if path is not None else default_work_path()
    where = where.expanduser().resolve()
    if where not in _stores:
        _stores[where] = WorkStore(where)
    return _stores[where]


def _safe_name(student: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "-", student).strip("-") or "student"


class ExportLink:
    """The result of :func:`export_work`: where the file is, and a link that downloads it."""

    def __init__(self, path: Path, records: int):
        self.path = path
        self.records = records

    def __repr__(self) -> str:
        return f"Exported {self.records} pieces of work to {self.path.name}"

    def _repr_html_(self) -> str:
        data = base64.b64encode(self.path.read_bytes()).decode("ascii")
        name = escape(self.path.name)
        return (
            f'<p>Exported {self.records} pieces of work to <code>{name}</code> (in this notebook\'s folder). '
            f'<a download="{name}" href="data:application/json;base64,{data}" '
            f'style="font-weight:bold">⬇ Download {name}</a></p>'
            f'<p style="color:#555;font-size:0.9em">If the link does nothing, right-click <code>{name}</code> '
            f"in the file browser on the left and choose Download.</p>"
        )


def export_work(folder: str | os.PathLike[str] = ".", store: WorkStore | None = None) -> ExportLink:
    """Write all your work to one file you can download and keep (or hand in).

    >>> import os, tempfile
    >>> os.environ["KOREA_KIT_WORK"] = os.path.join(tempfile.mkdtemp(), "work.json")
    >>> link = export_work(tempfile.mkdtemp())
    >>> link.path.name.startswith("korea-kit-work-"), link.records
    (True, 0)
    """
    store = work() if store is None else store
    target = Path(folder) / f"korea-kit-work-{_safe_name(store.student)}.json"
    path = store.export(target)
    return ExportLink(path, len(store))


class WorkSummary:
    """What an import did, in words."""

    def __init__(self, counts: dict[str, int], source: str):
        self.counts = counts
        self.source = source

    def __repr__(self) -> str:
        c = self.counts
        return (
            f"Imported {self.source}: {c.get('added', 0)} new, {c.get('updated', 0)} updated, "
            f"{c.get('unchanged', 0)} already here."
        )

    def _repr_html_(self) -> str:
        return f"<p>✅ {escape(repr(self))}</p>"


def import_work(path: str | os.PathLike[str], store: WorkStore | None = None) -> WorkSummary:
    """Merge an exported work file back in. Nothing already saved is lost or duplicated."""
    store = work() if store is None else store
    return WorkSummary(store.import_file(path), Path(path).name)


def import_bytes(data: bytes, name: str, store: WorkStore | None = None) -> WorkSummary:
    """Import work uploaded through the browser (the bytes of an export file)."""
    store = work() if store is None else store
    folder = Path(tempfile.mkdtemp(prefix="korea-kit-upload-"))
    path = folder / (Path(name).name or "upload.json")
    path.write_bytes(data)
    try:
        return WorkSummary(store.import_file(path), Path(name).name)
    finally:
        path.unlink(missing_ok=True)
        folder.rmdir()

