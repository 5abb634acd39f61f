"""Moving work between work files: export (from memory, always) and import (checked, asks before taking another's work).

:class:`Exchange` is a mixin of :class:`~korea_kit.WorkStore`. An export is
the work file's own format plus an ``exported`` time, so it can be imported
anywhere. Both sides keep to one size limit, :data:`IMPORT_SIZE_LIMIT`
(20 MB): an export larger than that is refused, so every export can be
imported back. A folder, device or pipe given as a file is refused before
anything is read.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from .._errors import KitTypeError, WorkStoreError, shown
from . import _files
from ._files import NotAFile, TooLarge, read_regular_file, write_atomically
from ._identity import name_from_file, source_for
from ._records import Document, ForeignFile, NewerFile, Problem, _is_newer, _now, _stamp, parse_document

if TYPE_CHECKING:
    from ._store import WorkStore

__all__ = ["Exchange", "ImportCounts", "size_in_mb", "read_export"]


def size_in_mb(size: int) -> str:
    """``"20 MB"``, ``"1.5 MB"``: a byte count for a student.

    >>> size_in_mb(20 * 1024 * 1024), size_in_mb(1_572_864)
    ('20 MB', '1.5 MB')
    """
    return f"{size / 1_048_576:.1f}".removesuffix(".0") + " MB"


class ImportCounts(dict):
    """How many records an import added, updated or found already here; ``dropped`` lists broken ones left out.

    It compares equal to a plain dict of the three counts.
    """

    def __init__(self, dropped: list[str] | None = None, student: str | None = None) -> None:
        super().__init__(added=0, updated=0, unchanged=0)
        self.dropped = list(dropped or [])
        self.student = student


def _check_flag(other_student: object) -> None:
    if not isinstance(other_student, bool):
        raise KitTypeError(f"other_student should be True or False, not {shown(other_student)}.")


def _same_name(first: str, second: str) -> bool:
    return " ".join(first.split()).casefold() == " ".join(second.split()).casefold()


class Exchange:
    """The export and import half of a work store."""

    def export(self: WorkStore, path: str | os.PathLike[str]) -> Path:
        """Write all work (removed items too) to one file, to hand in or move.

        The export is written from this notebook's memory, so it holds every
        change even when the work file itself could not be saved. An export
        larger than the import limit (20 MB) is refused, so every export can
        be imported back.

        >>> import tempfile, pathlib, json; from korea_kit import WorkStore
        >>> folder = tempfile.TemporaryDirectory()
        >>> store = WorkStore(pathlib.Path(folder.name) / "work.json", student="minji")
        >>> _ = store.set_answer("1.1", "Done.")
        >>> exported = store.export(pathlib.Path(folder.name) / "minji-week1.json")
        >>> document = json.loads(exported.read_text(encoding="utf-8"))
        >>> document["format"], len(document["records"]), "exported" in document
        ('korea-kit-work', 1, True)
        >>> folder.cleanup()
        """
        target = self._checked_path(path, "path")
        if target == self._path:
            raise WorkStoreError(f"Nothing was exported: {target} is your work file itself, so choose another file name.")
        if target.is_dir() or (target.exists() and not target.is_file()):
            raise WorkStoreError(f"Nothing was exported: {target} is not a file that can be written (it is a folder "
                                 "or a device); give a file name such as \"my-work.json\".")
        try:
            self._commit(lambda: None)  # merges other notebooks' work and saves what is waiting
        except WorkStoreError:
            self._read_quietly()  # the work file cannot be saved: export from memory all the same
        data = self._document(exported=_stamp(_now()))
        limit = _files.IMPORT_SIZE_LIMIT
        if len(data) > limit:
            raise WorkStoreError(
                f"Nothing was exported: your work would make a {size_in_mb(len(data))} file, more than the "
                f"{size_in_mb(limit)} an export can be (larger files could not be imported back). "
                "Ask your teacher for help; your work is kept.")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(target, data)
        except OSError as error:
            raise WorkStoreError(f"Could not write the export file {target} ({error.strerror or error}); "
                                 "choose a folder you can write to.") from None
        return target

    def import_file(self: WorkStore, path: str | os.PathLike[str], *, other_student: bool = False) -> ImportCounts:
        """Merge an export (or another work file) into this one.

        The file is checked first: a folder, device or pipe, a file over the
        20 MB limit, or a file that is not a korea-kit export changes
        nothing. Broken records are left out (and listed in ``dropped``);
        the good ones are kept. Records already here are kept unless the
        imported one was updated later, so importing the same file twice
        adds nothing. The work of another student is refused unless
        ``other_student=True`` (for an instructor); it then keeps its
        author's ``source``.

        >>> import tempfile, pathlib; from korea_kit import WorkStore
        >>> folder = tempfile.TemporaryDirectory()
        >>> laptop = WorkStore(pathlib.Path(folder.name) / "laptop.json", student="minji")
        >>> _ = laptop.set_answer("1.1", "Written at home.")
        >>> exported = laptop.export(pathlib.Path(folder.name) / "export.json")
        >>> binder = WorkStore(pathlib.Path(folder.name) / "binder.json", student="minji")
        >>> binder.import_file(exported)
        {'added': 1, 'updated': 0, 'unchanged': 0}
        >>> binder.import_file(exported)
        {'added': 0, 'updated': 0, 'unchanged': 1}
        >>> folder.cleanup()
        """
        source = self._checked_path(path, "path")
        _check_flag(other_student)
        try:
            document = _read_export(source)
        except Problem as problem:
            raise WorkStoreError(f"Could not import {source}: {problem}. Your work file {self._path} was not changed.") from None
        return self._import_document(document, str(source), other_student)

    def import_data(self: WorkStore, data: bytes, name: str = "the uploaded file", *,
                    other_student: bool = False) -> ImportCounts:
        """Like :meth:`import_file`, for the bytes of an export (an upload); ``name`` is used in messages.

        >>> import tempfile, pathlib; from korea_kit import WorkStore
        >>> store = WorkStore(pathlib.Path(tempfile.mkdtemp()) / "work.json", student="minji")
        >>> store.import_data(b"[1, 2]", "notes.json")
        Traceback (most recent call last):
        ...
        korea_kit.WorkStoreError: Could not import notes.json: it is damaged: it does not have the layout of a work file. ...
        """
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise KitTypeError(f"The data to import should be the bytes of an export file, not {shown(data)}.")
        _check_flag(other_student)
        limit = _files.IMPORT_SIZE_LIMIT
        try:
            if len(data) > limit:
                raise Problem(f"it is {size_in_mb(len(data))}, more than the {size_in_mb(limit)} a korea-kit export can be")
            document = _parse_export(bytes(data))
        except Problem as problem:
            raise WorkStoreError(f"Could not import {name}: {problem}. Your work file {self._path} was not changed.") from None
        return self._import_document(document, name, other_student)

    def _import_document(self: WorkStore, document: Document, name: str, other_student: bool) -> ImportCounts:
        try:
            theirs = self._owner(document, other_student)
        except Problem as problem:
            raise WorkStoreError(f"Could not import {name}: {problem}. Your work file {self._path} was not changed.") from None
        counts = ImportCounts(document.dropped, theirs)
        incoming = document.records if other_student else self._as_mine(document, theirs)

        def merge_in() -> ImportCounts:
            for record_id, record in incoming.items():
                current = self._records.get(record_id)
                if current is None:
                    counts["added"] += 1
                elif current != record and _is_newer(record, current):
                    counts["updated"] += 1
                else:
                    counts["unchanged"] += 1
                    continue
                self._records[record_id] = record
            return counts

        self._commit(merge_in)
        return counts

    def _owner(self: WorkStore, document: Document, other_student: bool) -> str | None:
        """The exporting student's name; raise :class:`Problem` if it is another student's and not allowed."""
        theirs = name_from_file(document.student)
        mine = self.student
        if other_student or theirs is None or document.work_id == self.work_id or (mine and _same_name(theirs, mine)):
            return theirs
        if mine is None:
            raise Problem(
                f"it is the work of {theirs!r}, and no name is set here yet. If it is your own work, run "
                f"kk.set_name({theirs!r}) first and import again. If it is another student's work (for example, you "
                "are the instructor), import it with other_student=True, as in kk.import_work(path, other_student=True) or "
                "kk.upload_work(other_student=True): it then keeps its author")
        raise Problem(
            f"it is the work of {theirs!r}, but the work here belongs to {mine!r}. If you mean to add another "
            "student's work (for example, you are the instructor), import it with other_student=True, as in "
            "kk.import_work(path, other_student=True) or kk.upload_work(other_student=True): it then keeps its author "
            "and is never handed in as yours")

    def _as_mine(self: WorkStore, document: Document, theirs: str | None) -> dict[str, dict]:
        """The export's records, its owner's ones written as this student's (their times unchanged)."""
        owners = {f"student:{theirs}"} if theirs else set()
        if document.work_id:
            owners.add(source_for(None, document.work_id))
        elif document.student:
            owners.add(f"student:{document.student}")  # an earlier korea-kit, e.g. student:jovyan
        mine = self.source
        return {record_id: {**record, "source": mine} if record["source"] in owners else record
                for record_id, record in document.records.items()}


def read_export(path: str | os.PathLike[str]) -> Document:
    """Read one exported work file for another room (class mode, reliability): its good records and author.

    The same checks as an import: a device, pipe or folder is refused before anything is read, the size
    limit is the import limit, and broken records are dropped and listed in ``.dropped``. A file that
    cannot be read at all raises a :class:`~korea_kit.WorkStoreError` that says why.

    >>> import pathlib, tempfile
    >>> read_export(pathlib.Path(tempfile.mkdtemp()) / "missing.json")
    Traceback (most recent call last):
    ...
    korea_kit.WorkStoreError: Could not read .../missing.json: the file does not exist; check its name (and that it is in this notebook's folder).
    """
    source = Path(path)
    try:
        return _read_export(source)
    except Problem as problem:
        raise WorkStoreError(f"Could not read {source}: {problem}.") from None


def _read_export(source: Path) -> Document:
    """An export file, checked, with its good records; or raise :class:`Problem`."""
    limit = _files.IMPORT_SIZE_LIMIT
    try:
        data = read_regular_file(source, limit)
    except FileNotFoundError:
        raise Problem("the file does not exist; check its name (and that it is in this notebook's folder)") from None
    except NotAFile as error:
        raise Problem(str(error)) from None
    except TooLarge as error:
        raise Problem(f"it is {size_in_mb(error.args[0])} or more, more than the {size_in_mb(limit)} a korea-kit "
                      "export can be") from None
    except OSError as error:
        raise Problem(f"it could not be read ({error.strerror or error})") from None
    return _parse_export(data)


def _parse_export(data: bytes) -> Document:
    """The good records of an export's bytes; or raise :class:`Problem`."""
    try:
        document = parse_document(data)
    except NewerFile as problem:
        raise Problem(f"it was made by a newer version of korea-kit ({problem}), so please update korea-kit first") from None
    except ForeignFile:
        raise Problem("it is not a korea-kit export file") from None
    except Problem as problem:
        raise Problem(f"it is damaged: {problem}") from None
    if document.dropped and not document.records:
        raise Problem(f"it is damaged: {'; '.join(document.dropped[:3])}")
    return document

