"""Keep everything a student writes: highlighted spans, codings, answers, checks.

Where the work is kept
----------------------
One JSON file, by default ``korea-kit-work/work.json`` in your home folder
(``~/korea-kit-work/work.json``). To keep it somewhere else, set the
environment variable ``KOREA_KIT_WORK`` to the full path of a JSON file, or
pass ``WorkStore(path=...)``. Folders are created as needed. Next to the work
file you may see:

* ``work.json.lock``: an empty helper file that makes two notebooks take turns
  when they save. It is safe to delete when no notebook is running.
* ``work.json.damaged-<time>``: a work file that could not be read, moved
  aside (never deleted, never overwritten) so that nothing is lost. Every
  good record in it is recovered into the new work file.

The file format
---------------
UTF-8 JSON, indented, keys sorted, so it can be read and compared by eye::

    {
      "format": "korea-kit-work",
      "records": {"<id>": {...}, ...},
      "schema": 1,
      "student": "Kim Min-ji",
      "work_id": "3f9a2c0d1e2f"
    }

``student`` is the student's name, exactly as given (김민지 stays 김민지);
it is left out until a name is known. ``work_id`` is a random id the file
gets when it is created; it tells two work files apart even when two
students share a login. An export file is the same, plus ``"exported":
"<UTC time>"``. Files without ``work_id`` (from earlier korea-kit) still read.

Every record has ``id`` (a random uuid4 hex), ``kind``, ``article_id``,
``exercise_id`` (text or null), ``source`` (who wrote it), ``created`` and
``updated`` (UTC ISO-8601 times) and ``deleted`` (a tombstone: removed work
stays in the file, marked as removed). Each kind adds its own fields:

* ``span``: ``layer``, ``start``, ``end`` (character offsets, end exclusive),
  ``label``, ``attrs`` (a dict) and ``text`` (the covered text, or null).
* ``coding``: ``question`` and ``value`` (any JSON value).
* ``answer``: ``text`` and ``history``, the up to 20 earlier versions, each
  ``{"text": ..., "updated": ...}``, oldest first.
* ``attempt``: ``answer`` (any JSON value) and ``correct`` (true or false).

Whose work it is
----------------
``source`` is ``"student:<name>"`` once the student's name is known (see
:mod:`korea_kit.work._identity` for where a name comes from; a shared login
such as ``jovyan`` is never one). Before that it is
``"student:unnamed-<work_id>"``. When the name is set later
(:meth:`WorkStore.set_name`, ``kk.set_name``), the student's own records are
rewritten to ``"student:<name>"`` (their ``updated`` time moves on, so the
change merges like any other), so an export always carries the name, inside
each record and at the top. Records imported from another student keep their
own ``source``: they are never handed in as one's own.

How work is kept safe
---------------------
Every change is saved before the method returns. A save takes the lock,
re-reads the file, merges this notebook's records into it (for the same
record the later ``updated`` time wins), writes a temporary file next to it,
forces it to disk and renames it over the old file in one step. So a
notebook killed mid-save leaves the previous, complete file, and two
notebooks open on the same file never undo each other's work. Another
notebook's changes show up here after :meth:`WorkStore.reload` or after
your next change.

When the file cannot be saved (a read-only home folder, a full disk, a lock
that cannot be made), nothing is lost and nothing claims to be saved: the
store opens anyway, keeps the work in memory, tries again with every change,
and every change that is not saved raises :class:`WorkStoreError` saying so
(the change is kept). :attr:`WorkStore.saved` and :attr:`WorkStore.problem`
say where things stand; :meth:`WorkStore.export` writes everything from
memory to another file.
"""

from __future__ import annotations

import contextlib
import copy
import os
import tempfile
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from .._errors import KitTypeError, KitValueError, WorkStoreError, shown
from . import _files
from ._exchange import Exchange
from ._files import FileLock, NotAFile, default_work_path, move_aside, read_regular_file, temp_prefix, write_atomically
from ._identity import (checked_name, is_shared_login, login_name, name_for_set_name, name_from_file, new_work_id,
                        source_for, student_from_env)
from ._queries import Queries
from ._records import (HISTORY_LIMIT, SCHEMA_VERSION, Document, NewerFile, Problem, _attrs, _changed, _flag,
                       _json_value, _name, _now, _optional_name, _optional_text, _position, _stamp, _text,
                       encode_document, merge, parse_document)

__all__ = ["WorkStore", "WorkStoreError", "WorkNotSavedError", "default_work_path", "SCHEMA_VERSION"]


class WorkNotSavedError(WorkStoreError):
    """A change that is kept in this notebook but could not be saved to the work file.

    ``result`` is what the method would have returned (the record, for example).
    """

    def __init__(self, message: str, result: Any = None) -> None:
        super().__init__(message)
        self.result = result


class _Unsaved(Exception):
    """Why the work file cannot be read or written right now (a full sentence)."""


_ADVICE = ("Your work is kept in this notebook but is NOT saved; korea-kit tries again with every change. "
           f"To keep it safe now, run kk.export_work({tempfile.gettempdir()!r}) (or give any folder you can write to) "
           "and download the file it makes.")


class WorkStore(Queries, Exchange):
    """A student's saved work: spans, codings, answers and exercise attempts.

    Every change is saved to :attr:`path` before the method returns (see the
    module documentation for where that is and what it looks like).

    >>> import tempfile, pathlib
    >>> folder = tempfile.TemporaryDirectory()
    >>> store = WorkStore(pathlib.Path(folder.name) / "work.json", student="minji")
    >>> _ = store.set_answer("1.1", "The report quotes only officials.")
    >>> later = WorkStore(store.path, student="minji")   # e.g. after the kernel restarted
    >>> later.answer("1.1")
    'The report quotes only officials.'
    >>> later
    WorkStore('...work.json', student='minji', records=1)
    >>> folder.cleanup()
    """

    def __init__(self, path: str | os.PathLike[str] | None = None, student: str | None = None) -> None:
        self._path = default_work_path().absolute() if path is None else self._checked_path(path, "path")
        if student is not None and checked_name(student) is None:
            error = KitTypeError if not isinstance(student, str) else KitValueError
            raise error(f"WorkStore(student=...) should be the student's name as text, like \"Kim Min-ji\", "
                        f"not {shown(student)}. Leave it out to use the name set with kk.set_name.")
        self._given = checked_name(student) or student_from_env()
        login = login_name()
        self._login = None if is_shared_login(login) else login
        self._file_name: str | None = None
        self._work_id = new_work_id()
        self._own_sources = {self.source}
        self._records: dict[str, dict] = {}
        self._problem: str | None = None
        self._pending = False
        self._open()

    # ----------------------------------------------------------- properties

    @property
    def path(self) -> Path:
        """The work file (absolute)."""
        return self._path

    @property
    def student(self) -> str | None:
        """The student's name, or ``None`` while none is known (a shared login such as ``jovyan`` is not one)."""
        return self._given or self._file_name or self._login

    @property
    def work_id(self) -> str:
        """The random id of the work file, which tells it apart from every other work file."""
        return self._work_id

    @property
    def source(self) -> str:
        """What new records carry as ``source``: ``student:<name>``, or ``student:unnamed-<work_id>``."""
        return source_for(self.student, self._work_id)

    @property
    def saved(self) -> bool:
        """True when everything in this store is in the work file; False when a save failed."""
        return self._problem is None and not self._pending

    @property
    def problem(self) -> str | None:
        """Why the work is not saved (and what to do), or ``None`` when all is well."""
        return None if self._problem is None else f"{self._problem} {_ADVICE}"

    @property
    def problem_reason(self) -> str | None:
        """Just why the work is not saved (one sentence, no advice), or ``None``."""
        return self._problem

    def __len__(self) -> int:
        return sum(not record["deleted"] for record in self._records.values())

    def __repr__(self) -> str:
        state = "" if self.saved else ", NOT SAVED"
        return f"WorkStore({str(self._path)!r}, student={self.student!r}, records={len(self)}{state})"

    # -------------------------------------------------------------- changes

    def set_name(self, name: str) -> None:
        """Set the student's name: kept in the work file, written into every own record's ``source``.

        >>> import tempfile, pathlib
        >>> folder = tempfile.TemporaryDirectory()
        >>> store = WorkStore(pathlib.Path(folder.name) / "work.json", student="minji")
        >>> _ = store.set_answer("1.1", "Yes.")
        >>> store.set_name("김민지")
        >>> store.student, [r["source"] for r in store.records()]
        ('김민지', ['student:김민지'])
        >>> folder.cleanup()
        """
        checked = name_for_set_name(name)
        before = self.source
        self._given = checked
        self._take_over(before)
        self._commit(lambda: None)

    def add_span(
        self,
        article_id: str,
        exercise_id: str | None,
        layer: str,
        start: int,
        end: int,
        label: str,
        attrs: dict | None = None,
        text: str | None = None,
    ) -> dict:
        """Save a labelled character range ``[start, end)`` of an article.

        The same article, exercise, layer, start, end and label again gives
        back the existing record (brought back if it was removed); ``attrs``
        and ``text``, when given, replace the saved ones.

        >>> import tempfile, pathlib
        >>> folder = tempfile.TemporaryDirectory()
        >>> store = WorkStore(pathlib.Path(folder.name) / "work.json", student="minji")
        >>> span = store.add_span("art-1", "ex-1", "actor", 0, 11, "actor", text="North Korea")
        >>> span["kind"], span["start"], span["end"], span["text"]
        ('span', 0, 11, 'North Korea')
        >>> store.add_span("art-1", "ex-1", "actor", 0, 11, "actor")["id"] == span["id"]
        True
        >>> folder.cleanup()
        """
        with self._refusing_bad_input():
            article_id = _name(article_id, "article_id", "art-1")
            exercise_id = _optional_name(exercise_id, "exercise_id", "1.2")
            layer = _text(layer, "layer")
            label = _text(label, "label")
            start = _position(start, "start")
            end = _position(end, "end")
            if start > end:
                raise Problem(f"start ({start}) comes after end ({end}); the end must be at or after the start")
            attrs = _attrs(attrs)
            text = _optional_text(text, "text")

        def save_span() -> dict:
            existing = self._find(("span", self.source, article_id, exercise_id, layer, start, end, label))
            if existing is None:
                fields = {"layer": layer, "start": start, "end": end, "label": label}
                return self._add(self._new_record("span", article_id, exercise_id, attrs=attrs or {}, text=text, **fields))
            changes: dict[str, Any] = {"deleted": False}
            if attrs is not None:
                changes["attrs"] = attrs
            if text is not None:
                changes["text"] = text
            return self._add(_changed(existing, changes))

        return self._commit(save_span)

    def remove_span(self, record_id: str) -> None:
        """Remove a span. It stays in the file, marked ``"deleted": true``.

        >>> import tempfile, pathlib
        >>> folder = tempfile.TemporaryDirectory()
        >>> store = WorkStore(pathlib.Path(folder.name) / "work.json", student="minji")
        >>> span = store.add_span("art-1", None, "actor", 0, 11, "actor")
        >>> store.remove_span(span["id"])
        >>> store.spans(), len(store.records(include_deleted=True))
        ([], 1)
        >>> folder.cleanup()
        """
        with self._refusing_bad_input():
            record_id = _text(record_id, "record_id")

        def tombstone() -> None:
            record = self._records.get(record_id)
            if record is None or record["kind"] != "span":
                raise WorkStoreError(f"Nothing was changed in {self._path}: there is no span with the id {record_id!r}.")
            self._add(_changed(record, {"deleted": True}))

        self._commit(tombstone)

    def set_coding(self, article_id: str | None, exercise_id: str | None, question: str, value: Any) -> dict:
        """Save the answer to one coding question (set it again to change it).

        >>> import tempfile, pathlib
        >>> folder = tempfile.TemporaryDirectory()
        >>> store = WorkStore(pathlib.Path(folder.name) / "work.json", student="minji")
        >>> _ = store.set_coding("art-1", "ex-2", "frame", "conflict")
        >>> store.set_coding("art-1", "ex-2", "frame", "diplomacy")["value"]
        'diplomacy'
        >>> len(store.codings())
        1
        >>> folder.cleanup()
        """
        with self._refusing_bad_input():
            article_id = _optional_name(article_id, "article_id", "art-1")
            exercise_id = _optional_name(exercise_id, "exercise_id", "1.2")
            question = _name(question, "question", "frame")
            value = _json_value(value, "value")

        def save_coding() -> dict:
            existing = self._find(("coding", self.source, article_id, exercise_id, question))
            if existing is None:
                return self._add(self._new_record("coding", article_id, exercise_id, question=question, value=value))
            return self._add(_changed(existing, {"value": value, "deleted": False}))

        return self._commit(save_coding)

    def set_answer(self, exercise_id: str, text: str, article_id: str | None = None) -> dict:
        """Save a written answer; earlier versions are kept in ``history``.

        >>> import tempfile, pathlib
        >>> folder = tempfile.TemporaryDirectory()
        >>> store = WorkStore(pathlib.Path(folder.name) / "work.json", student="minji")
        >>> _ = store.set_answer("2.3", "First thought.")
        >>> record = store.set_answer("2.3", "Better answer.")
        >>> record["text"], [old["text"] for old in record["history"]]
        ('Better answer.', ['First thought.'])
        >>> folder.cleanup()
        """
        with self._refusing_bad_input():
            exercise_id = _name(exercise_id, "exercise_id", "1.2")
            text = _text(text, "text (your answer)")
            article_id = _optional_name(article_id, "article_id", "art-1")

        def save_answer() -> dict:
            existing = self._find(("answer", self.source, article_id, exercise_id))
            if existing is None:
                return self._add(self._new_record("answer", article_id, exercise_id, text=text, history=[]))
            changes: dict[str, Any] = {"text": text, "deleted": False}
            if existing["text"] != text:
                earlier = {"text": existing["text"], "updated": existing["updated"]}
                changes["history"] = [*existing["history"], earlier][-HISTORY_LIMIT:]
            return self._add(_changed(existing, changes))

        return self._commit(save_answer)

    def record_attempt(self, exercise_id: str, answer: Any, correct: bool, article_id: str | None = None) -> dict:
        """Save one check of an exercise answer; every attempt is kept.

        >>> import tempfile, pathlib
        >>> folder = tempfile.TemporaryDirectory()
        >>> store = WorkStore(pathlib.Path(folder.name) / "work.json", student="minji")
        >>> _ = store.record_attempt("3.1", ["Yonhap"], False)
        >>> _ = store.record_attempt("3.1", ["Yonhap", "KCNA"], True)
        >>> [attempt["correct"] for attempt in store.attempts("3.1")]
        [False, True]
        >>> folder.cleanup()
        """
        with self._refusing_bad_input():
            exercise_id = _name(exercise_id, "exercise_id", "1.2")
            answer = _json_value(answer, "answer")
            correct = _flag(correct, "correct")
            article_id = _optional_name(article_id, "article_id", "art-1")
        return self._commit(lambda: self._add(self._new_record("attempt", article_id, exercise_id, answer=answer,
                                                                correct=correct)))

    def reload(self) -> None:
        """Read the file again, to see what other notebooks have saved (and save what is waiting).

        >>> import tempfile, pathlib
        >>> folder = tempfile.TemporaryDirectory()
        >>> path = pathlib.Path(folder.name) / "work.json"
        >>> tab_1, tab_2 = WorkStore(path, student="minji"), WorkStore(path, student="minji")
        >>> _ = tab_1.set_answer("1.1", "Written in the first tab.")
        >>> tab_2.answer("1.1") is None
        True
        >>> tab_2.reload()
        >>> tab_2.answer("1.1")
        'Written in the first tab.'
        >>> folder.cleanup()
        """
        if self._pending:
            self._commit(lambda: None)
            return
        try:
            self._sync(write=False)
        except _Unsaved as unsaved:
            self._problem = str(unsaved)
            raise WorkStoreError(self.problem) from None
        self._problem = None

    # ------------------------------------------------------------- helpers

    @staticmethod
    def _checked_path(path: Any, argument: str) -> Path:
        if not isinstance(path, (str, os.PathLike)):
            raise KitTypeError(f"{argument} should be a file path written as text, like \"work.json\", not {shown(path)}.")
        text = os.fspath(path)
        if not isinstance(text, str) or not text.strip() or "\0" in text:
            raise KitValueError(f"{argument} should be a file path written as text, like \"work.json\", not {shown(path)}.")
        return Path(text).expanduser().absolute()

    @contextlib.contextmanager
    def _refusing_bad_input(self) -> Iterator[None]:
        try:
            yield
        except Problem as problem:
            raise WorkStoreError(f"Nothing was saved to {self._path}: {problem}.") from None

    def _open(self) -> None:
        try:
            self._sync(write=False, tidy=True)
        except _Unsaved as unsaved:
            self._problem = str(unsaved)
            self._pending = bool(self._records)

    def _commit(self, change: Callable[[], Any]) -> Any:
        """Lock, merge with the file, apply ``change``, save; return a copy of its result.

        When the file cannot be read or written, ``change`` is still applied
        here and :class:`WorkNotSavedError` says that it is not saved.
        """
        applied: list[Any] = []

        def apply() -> None:
            applied.append(change())

        try:
            self._sync(write=True, change=apply)
        except _Unsaved as unsaved:
            if not applied:
                apply()
            self._pending = True
            self._problem = str(unsaved)
            raise WorkNotSavedError(f"Not saved: {self.problem}", copy.deepcopy(applied[0])) from None
        self._pending = False
        self._problem = None
        return copy.deepcopy(applied[0])

    def _sync(self, write: bool, change: Callable[[], None] | None = None, tidy: bool = False) -> None:
        """Under the lock: read and merge the file, apply ``change``, and write when asked (or when recovering)."""
        notices: list[str] = []
        try:
            with self._locked():
                if tidy:
                    self._remove_stale_temp_files()
                document = self._read_disk(notices)
                if document is not None:
                    self._absorb(document)
                if change is not None:
                    change()
                if write or (notices and self._records):
                    self._write()
        finally:
            for notice in notices:
                warnings.warn(notice, UserWarning, stacklevel=4)

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        folder = self._path.parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise _Unsaved(f"The folder {folder} for your work file could not be created ({error.strerror or error}).") from None
        lock = FileLock(self._path.with_name(self._path.name + ".lock"))
        try:
            lock.acquire()
        except TimeoutError:
            raise _Unsaved(f"Another notebook kept your work file {self._path} busy for more than "
                           f"{_files.LOCK_TIMEOUT_SECONDS:g} seconds; wait a moment and run the cell again.") from None
        except OSError as error:
            raise _Unsaved(f"The lock file {lock.path} that keeps your work file safe could not be used "
                           f"({error.strerror or error}), so nothing was read or saved.") from None
        try:
            yield
        finally:
            lock.release()

    def _remove_stale_temp_files(self) -> None:
        """Delete temporary files left by a save that was killed (lock held)."""
        prefix = temp_prefix(self._path)
        with contextlib.suppress(OSError):
            for leftover in self._path.parent.iterdir():
                if leftover.name.startswith(prefix):
                    leftover.unlink(missing_ok=True)

    def _read_disk(self, notices: list[str]) -> Document | None:
        """The file now (lock held), or None if there is none; a damaged file is moved aside, its good records kept."""
        try:
            data = read_regular_file(self._path)
        except FileNotFoundError:
            return None
        except NotAFile as error:
            raise _Unsaved(f"Your work file {self._path} cannot be used: {error}. Choose another with KOREA_KIT_WORK.") from None
        except OSError as error:
            raise _Unsaved(f"Your work file {self._path} could not be read ({error.strerror or error}).") from None
        try:
            document = parse_document(data)
        except NewerFile as problem:
            raise _Unsaved(f"Your work file {self._path} was saved by a newer version of korea-kit ({problem}). "
                           "Please update korea-kit (ask your teacher if unsure how); the file was not changed.") from None
        except Problem as problem:
            target = self._move_aside(problem)
            kind = ("is not a korea-kit work file, so korea-kit moved it, unchanged," if "not a korea-kit" in str(problem)
                    else f"was damaged ({problem}), so korea-kit moved it")
            notices.append(f"The file {self._path} {kind} to {target}. Nothing in it could be read, and nothing "
                           "was deleted; the work open in this notebook is saved to a new work file in its place.")
            return None
        if document.dropped:
            target = self._move_aside(document.dropped[0])
            notices.append(
                f"Your work file {self._path} was damaged, so korea-kit moved it, unchanged, to {target}. "
                f"{len(document.records)} good item(s) were recovered into a new work file; "
                f"{len(document.dropped)} broken item(s) were dropped: {'; '.join(document.dropped[:3])}"
                f"{' ...' if len(document.dropped) > 3 else ''}.")
        return document

    def _move_aside(self, problem: object) -> Path:
        try:
            return move_aside(self._path)
        except OSError as error:
            raise _Unsaved(f"Your work file {self._path} is damaged ({problem}) and could not be moved aside "
                           f"({error.strerror or error}). Move or rename it yourself, then run the cell again.") from None

    def _absorb(self, document: Document) -> None:
        """Merge the file's records in and take on its identity (its work_id, and its name unless one was given)."""
        before = self.source
        self._records = merge(document.records, self._records)
        if document.work_id is None and document.student and name_from_file(document.student) is None:
            # written by an earlier korea-kit under a shared login such as jovyan: those records are this file's
            self._own_sources.add(f"student:{document.student}")
        if document.work_id is not None:
            self._work_id = document.work_id
        self._file_name = name_from_file(document.student) or self._file_name
        self._take_over(before)

    def _take_over(self, before: str) -> None:
        """Rewrite own records (any source this file or store used for them) to the current source."""
        now = self.source
        own = self._own_sources | {before, source_for(None, self._work_id)}
        own.discard(now)
        for record_id, record in list(self._records.items()):
            if record["source"] in own:
                self._records[record_id] = _changed(record, {"source": now})
        self._own_sources = own | {now}

    def _write(self) -> None:
        try:
            write_atomically(self._path, self._document())
        except OSError as error:
            raise _Unsaved(f"Your work could not be written to {self._path} ({error.strerror or error}).") from None

    def _document(self, **extra: str) -> bytes:
        return encode_document(self._records, student=self.student, work_id=self._work_id, **extra)

    def _new_record(self, kind: str, article_id: str | None, exercise_id: str | None, **fields: Any) -> dict:
        stamp = _stamp(_now())
        import uuid  # here, not at the top: it loads platform, and `import korea_kit` stays light

        return {"id": uuid.uuid4().hex, "kind": kind, "article_id": article_id, "exercise_id": exercise_id,
                "source": self.source, "created": stamp, "updated": stamp, "deleted": False, **fields}

    def _add(self, record: dict) -> dict:
        self._records[record["id"]] = record
        return record

    def _read_quietly(self) -> None:
        """Merge in what the file holds, without the lock and without changing it (for a rescue export)."""
        with contextlib.suppress(OSError, Problem):
            self._records = merge(parse_document(read_regular_file(self._path)).records, self._records)
