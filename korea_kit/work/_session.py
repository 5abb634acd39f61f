"""The student's side of the work store: one shared store, the student's name, export with a download link, import.

Notebooks call these instead of making a :class:`~korea_kit.WorkStore`
themselves, so every notebook and widget in a session writes to the same
file (``$KOREA_KIT_WORK``, or ``~/korea-kit-work/work.json``). :func:`work`
always gives a store, even when that file cannot be written (a read-only
home folder, a full disk): the store then keeps the work in memory, says so
with every check, and :func:`export_work` still writes all of it to a
folder that works.

>>> import os, tempfile
>>> os.environ["KOREA_KIT_WORK"] = os.path.join(tempfile.mkdtemp(), "work.json")
>>> store = work()
>>> store is work(), len(store)
(True, 0)
"""

from __future__ import annotations

import base64
import os
from html import escape
from pathlib import Path
from typing import Any

from .._display import BAD, MUTED, NOTE_NOT_OK, NOTE_OK
from .._errors import KitTypeError, KitValueError, shown
from ._identity import file_slug, name_for_set_name
from ._store import WorkNotSavedError, WorkStore, default_work_path

__all__ = ["work", "set_name", "export_work", "import_work", "import_bytes", "WorkSummary", "ExportLink", "Note",
           "name_reminder", "store_or_session"]

_stores: dict[Path, WorkStore] = {}


def work(path: str | os.PathLike[str] | None = None) -> WorkStore:
    """The work store for this session (the same object every time for the same file).

    It never fails because the file cannot be written: look at
    ``work().saved`` and ``work().problem``.
    """
    where = default_work_path() if path is None else WorkStore._checked_path(path, "work(path)")
    try:
        where = where.expanduser().resolve()
    except (OSError, RuntimeError):  # a loop of links: keep the path as given
        where = where.expanduser().absolute()
    if where not in _stores:
        _stores[where] = WorkStore(where)
    return _stores[where]


def store_or_session(store: Any, argument: str = "store") -> WorkStore:
    """``store`` when it is a WorkStore, the session's store when it is None; else a KitTypeError."""
    if store is None:
        return work()
    if not isinstance(store, WorkStore):
        raise KitTypeError(f"{argument} should be a work store, such as kk.work(), not {shown(store)}. "
                           f"Usually you can leave {argument} out.")
    return store


def name_reminder(store: WorkStore) -> str:
    """A one-line reminder to set a name, or ``""`` when the work already has one."""
    if store.student is not None:
        return ""
    return ("Tip: your work has no name yet (this computer's login is shared by many students). "
            "Run kk.set_name(\"Your Name\") once, so that your exports carry your name.")


def _not_saved_line(store: WorkStore) -> str:
    return "" if store.saved else f"⚠️ NOT SAVED. {store.problem}"


class Note:
    """A short message for the notebook: a plain ``repr`` and a coloured box in HTML."""

    def __init__(self, lines: list[str], ok: bool = True):
        self.lines = [line for line in lines if line]
        self.ok = ok

    def __repr__(self) -> str:
        return "\n".join(self.lines)

    def _repr_html_(self) -> str:
        colour = NOTE_OK if self.ok else NOTE_NOT_OK
        body = "".join(f"<div>{escape(line)}</div>" for line in self.lines)
        return f"<div role='status' style='border-left:4px solid {colour};padding:0.3em 0.8em'>{body}</div>"


def set_name(name: str, *, store: WorkStore | None = None) -> Note:
    """Write your name into your work, once: exports and every piece of your work then carry it.

    Your name is kept exactly as you write it (김민지 stays 김민지). When the
    ``KOREA_KIT_STUDENT`` environment variable is set (by an instructor, or
    for tests), it wins and nothing changes.

    >>> import os, tempfile
    >>> from unittest import mock
    >>> with mock.patch.dict(os.environ, {"KOREA_KIT_WORK": os.path.join(tempfile.mkdtemp(), "work.json")}):
    ...     del os.environ["KOREA_KIT_STUDENT"]
    ...     set_name("Kim Min-ji")
    ...     work().student
    Your name is now 'Kim Min-ji'; it is saved with your work.
    'Kim Min-ji'
    >>> set_name(...)
    Not set yet: replace the ... with your name in quotes, like kk.set_name("Kim Min-ji"), then run the cell again.
    """
    if name is Ellipsis:  # the notebook's cell, not filled in yet
        return Note(["Not set yet: replace the ... with your name in quotes, like kk.set_name(\"Kim Min-ji\"), "
                     "then run the cell again."], ok=False)
    store = store_or_session(store)
    from ._identity import student_from_env

    chosen = student_from_env()
    if chosen is not None:  # an instructor's or a test's setting wins over a name in a notebook
        name_for_set_name(name)  # a wrong name still gets its error
        return Note([f"KOREA_KIT_STUDENT is set to {chosen!r}, which wins over names set in a notebook: "
                     f"your work stays under {store.student!r}. (Unset KOREA_KIT_STUDENT to use set_name.)"], ok=False)
    try:
        store.set_name(name)
    except WorkNotSavedError:
        return Note([f"Your name is now {store.student!r} in this notebook.", _not_saved_line(store)], ok=False)
    return Note([f"Your name is now {store.student!r}; it is saved with your work."])


class ExportLink:
    """The result of :func:`export_work`: where the file is, and a link that downloads it."""

    def __init__(self, path: Path, records: int, notes: list[str] | None = None):
        self.path = path
        self.records = records
        self.notes = [note for note in notes or [] if note]

    def __repr__(self) -> str:
        return "\n".join([f"Exported {self.records} pieces of work to {self.path.name}", *self.notes])

    def _repr_html_(self) -> str:
        data = base64.b64encode(self.path.read_bytes()).decode("ascii")
        name = escape(self.path.name)
        notes = "".join(f"<p style='color:{BAD}'>{escape(note)}</p>" for note in self.notes)
        return (
            f'<p>Exported {self.records} pieces of work to <code>{name}</code> (in this notebook\'s folder). '
            f'<a download="{name}" href="data:application/json;base64,{data}" '
            f'style="font-weight:bold">⬇ Download {name}</a></p>'
            f'<p style="color:{MUTED};font-size:0.9em">If the link does nothing, right-click <code>{name}</code> '
            f"in the file browser on the left and choose Download.</p>{notes}"
        )


def export_file_name(store: WorkStore) -> str:
    """``korea-kit-work-<name in ASCII>-<6 characters of the work id>.json``: never the same for two work files.

    >>> import tempfile, pathlib
    >>> store = WorkStore(pathlib.Path(tempfile.mkdtemp()) / "work.json", student="김민지")
    >>> export_file_name(store) == f"korea-kit-work-gimminji-{store.work_id[:6]}.json"
    True
    """
    return f"korea-kit-work-{file_slug(store.student)}-{store.work_id[:6]}.json"


def export_work(folder: str | os.PathLike[str] = ".", store: WorkStore | None = None) -> ExportLink:
    """Write all your work to one file you can download and keep (or hand in).

    The file is written from this notebook's memory, so it holds all your
    work even when your work file could not be saved. An export is at most
    20 MB, the most that :func:`import_work` accepts.

    >>> import os, tempfile
    >>> os.environ["KOREA_KIT_WORK"] = os.path.join(tempfile.mkdtemp(), "work.json")
    >>> link = export_work(tempfile.mkdtemp())
    >>> link.path.name.startswith("korea-kit-work-"), link.records
    (True, 0)
    """
    if not isinstance(folder, (str, os.PathLike)):
        raise KitTypeError(f"export_work(folder) should be a folder written as text, like \"exports\" or \".\" "
                           f"(this notebook's folder), not {shown(folder)}.")
    store = store_or_session(store)
    where = WorkStore._checked_path(folder, "export_work(folder)")
    if where.exists() and not where.is_dir():
        raise KitValueError(f"export_work(folder) should be a folder, but {where} is a file or a device. Give a "
                            "folder, like \".\" (this notebook's folder), and the file is named for you.")
    path = store.export(where / export_file_name(store))
    saved = "" if store.saved else ("⚠️ Your work file is NOT saved, so this export is the only safe copy of your "
                                    f"work: download it now. (Why: {store.problem_reason})")
    return ExportLink(path, len(store), [saved, name_reminder(store)])


class WorkSummary:
    """What an import did, in words."""

    def __init__(self, counts: dict[str, int], source: str, dropped: list[str] | None = None,
                 problem: str | None = None, reminder: str = ""):
        self.counts = counts
        self.source = source
        self.dropped = list(dropped if dropped is not None else getattr(counts, "dropped", []))
        self.problem = problem
        self.reminder = reminder

    @property
    def saved(self) -> bool:
        """True when the imported work is saved in the work file."""
        return self.problem is None

    def __repr__(self) -> str:
        c = self.counts
        lines = [f"Imported {self.source}: {c.get('added', 0)} new, {c.get('updated', 0)} updated, "
                 f"{c.get('unchanged', 0)} already here."]
        if self.dropped:
            listed = "; ".join(self.dropped[:5]) + (" ..." if len(self.dropped) > 5 else "")
            lines.append(f"{len(self.dropped)} broken item(s) in the file could not be imported: {listed}.")
        if self.problem:
            lines.append(f"⚠️ NOT SAVED. {self.problem}")
        if self.reminder:
            lines.append(self.reminder)
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        icon = "✅" if self.saved and not self.dropped else "⚠️"
        return "".join(f"<p>{icon if i == 0 else ''} {escape(line)}</p>" for i, line in enumerate(repr(self).split("\n")))


def _summary(do_import, source: str, store: WorkStore) -> WorkSummary:
    try:
        counts = do_import()
    except WorkNotSavedError as unsaved:
        return WorkSummary(unsaved.result, source, problem=store.problem, reminder=name_reminder(store))
    return WorkSummary(counts, source, reminder=name_reminder(store))


def import_work(path: str | os.PathLike[str], store: WorkStore | None = None, *,
                other_student: bool = False) -> WorkSummary:
    """Merge an exported work file back in. Nothing already saved is lost or duplicated.

    Another student's export is refused unless ``other_student=True`` (for
    an instructor): their work then keeps their name and is never handed in
    as yours. Files over 20 MB, folders and devices are refused before
    anything is read; broken items in a damaged export are listed and left
    out, the good ones are imported.
    """
    store = store_or_session(store)
    if not isinstance(path, (str, os.PathLike)):
        raise KitTypeError(f"import_work(path) should be the file name of an export, in quotes, like "
                           f"\"korea-kit-work-kim-min-ji-3f9a2c.json\", not {shown(path)}.")
    return _summary(lambda: store.import_file(path, other_student=other_student), Path(path).name, store)


def import_bytes(data: bytes, name: str, store: WorkStore | None = None, *, other_student: bool = False) -> WorkSummary:
    """Import work uploaded through the browser (the bytes of an export file)."""
    store = store_or_session(store)
    if not isinstance(name, str):
        raise KitTypeError(f"name should be the uploaded file's name as text, not {shown(name)}.")
    label = Path(name).name or "the uploaded file"
    return _summary(lambda: store.import_data(data, label, other_student=other_student), label, store)
