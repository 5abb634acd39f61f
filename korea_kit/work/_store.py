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
  aside (never deleted, never overwritten) so that nothing is lost.

The file format
---------------
UTF-8 JSON, indented, keys sorted, so it can be read and compared by eye::

    {
      "format": "korea-kit-work",
      "records": {"<id>": {...}, ...},
      "schema": 1,
      "student": "minji"
    }

An export file is the same, plus ``"exported": "<UTC time>"``. Every record
has ``id`` (a random uuid4 hex), ``kind``, ``article_id``, ``exercise_id``
(text or null), ``source`` (``"student:<name>"``), ``created`` and ``updated``
(UTC ISO-8601 times) and ``deleted`` (a tombstone: removed work stays in the
file, marked as removed). Each kind adds its own fields:

* ``span``: ``layer``, ``start``, ``end`` (character offsets, end exclusive),
  ``label``, ``attrs`` (a dict) and ``text`` (the covered text, or null).
* ``coding``: ``question`` and ``value`` (any JSON value).
* ``answer``: ``text`` and ``history``, the up to 20 earlier versions, each
  ``{"text": ..., "updated": ...}``, oldest first.
* ``attempt``: ``answer`` (any JSON value) and ``correct`` (true or false).

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
"""

from __future__ import annotations

import contextlib
import copy
import getpass
import itertools
import json
import math
import numbers
import os
import random
import tempfile
import time
import uuid
import warnings
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]
try:
    import msvcrt
except ImportError:  # everything but Windows
    msvcrt = None  # type: ignore[assignment]

from .._errors import WorkStoreError

if TYPE_CHECKING:
    import pandas

__all__ = ["WorkStore", "WorkStoreError", "default_work_path", "SCHEMA_VERSION"]

SCHEMA_VERSION = 1
"""The version of the work file layout this korea-kit writes and reads."""

FORMAT_NAME = "korea-kit-work"
HISTORY_LIMIT = 20
"""How many earlier versions of an answer are kept."""
IMPORT_SIZE_LIMIT = 20 * 1024 * 1024
"""The largest file :meth:`WorkStore.import_file` accepts, in bytes."""

_LOCK_TIMEOUT_SECONDS = 30.0
_STALE_LOCK_SECONDS = 10.0
_LOCK_METHOD = "flock" if fcntl else "msvcrt" if msvcrt else "lock-file"
_MAX_NESTING = 100
_MAX_INTEGER_BITS = 14_000  # about 4,200 digits; Python refuses to write longer numbers as text
_FREE_FORM_FIELDS = ("attrs", "value", "answer")
_FRAME_COLUMNS = ("id", "kind", "source", "article_id", "exercise_id", "created", "updated")


class _Problem(Exception):
    """What is wrong with a value or a file, in words for a student."""


class _ForeignFile(_Problem):
    """A JSON file that is not a korea-kit work or export file."""


class _NewerFile(_Problem):
    """A korea-kit file written with a newer schema than this code knows."""


class _MovedAside(Exception):
    """The work file was unreadable and has been moved to ``target``."""

    def __init__(self, problem: _Problem, target: Path) -> None:
        super().__init__(str(problem))
        self.problem = problem
        self.target = target


# --------------------------------------------------------------- location


def default_work_path() -> Path:
    """The work file to use when none is given.

    ``$KOREA_KIT_WORK`` if that is set, else ``~/korea-kit-work/work.json``.

    >>> from unittest import mock
    >>> with mock.patch.dict("os.environ", {"KOREA_KIT_WORK": "/srv/class/kim.json"}):
    ...     print(default_work_path().as_posix())
    /srv/class/kim.json
    """
    chosen = os.environ.get("KOREA_KIT_WORK", "").strip()
    if chosen:
        return Path(chosen).expanduser()
    return Path.home() / "korea-kit-work" / "work.json"


def _default_student() -> str:
    chosen = os.environ.get("KOREA_KIT_STUDENT", "").strip()
    if chosen:
        return chosen
    try:
        return getpass.getuser() or "student"
    except (OSError, KeyError, ImportError):  # no user name known to the OS
        return "student"


# ------------------------------------------------------------------- time


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _stamp(moment: datetime) -> str:
    return moment.isoformat(timespec="microseconds")


def _parse_stamp(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _next_stamp(previous: str) -> str:
    """Now, but always later than ``previous`` even if the clock went back."""
    moment = _now()
    earliest = _parse_stamp(previous) + timedelta(microseconds=1)
    return _stamp(max(moment, earliest))


def _is_newer(record: dict, other: dict) -> bool:
    return _parse_stamp(record["updated"]) > _parse_stamp(other["updated"])


# ------------------------------------------------------------ input checks


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _check_characters(text: str, what: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise _Problem(f"{what} contains a broken character that cannot be saved") from None


def _json_value(value: Any, what: str, depth: int = 0) -> Any:
    """A fresh copy of ``value`` made of plain JSON types (tuples become lists)."""
    if depth > _MAX_NESTING:
        raise _Problem(f"{what} has lists or dicts nested more than {_MAX_NESTING} levels deep, too deep to save")
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, numbers.Integral):
        if int(value).bit_length() > _MAX_INTEGER_BITS:
            raise _Problem(f"{what} contains a whole number too long to save")
        return int(value)
    if isinstance(value, numbers.Real):
        if math.isfinite(value):
            return float(value)
        raise _Problem(f"{what} contains {value}, which is not a number that can be saved")
    if isinstance(value, str):
        _check_characters(value, what)
        return value
    if isinstance(value, (list, tuple)):
        return [_json_value(item, what, depth + 1) for item in value]
    if isinstance(value, dict):
        return {_json_key(key, what): _json_value(item, what, depth + 1) for key, item in value.items()}
    raise _Problem(
        f"{what} contains {_shown(value)}, which cannot be saved; "
        "use text, numbers, True/False, None, lists or dicts"
    )


def _json_key(key: Any, what: str) -> str:
    if not isinstance(key, str):
        raise _Problem(f"{what} has the key {_shown(key)}, but keys must be text, like \"{key}\"")
    _check_characters(key, what)
    return key


def _text(value: Any, what: str) -> str:
    if not isinstance(value, str):
        raise _Problem(f"{what} should be written as text, in quotes, not {_shown(value)}")
    _check_characters(value, what)
    return value


def _optional_text(value: Any, what: str) -> str | None:
    return None if value is None else _text(value, what)


def _name(value: Any, what: str, example: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _Problem(f"{what} should be a name written as text, like \"{example}\", not {_shown(value)}")
    _check_characters(value, what)
    return value


def _optional_name(value: Any, what: str, example: str) -> str | None:
    return None if value is None else _name(value, what, example)


def _position(value: Any, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < 0:
        raise _Problem(f"{what} should be a whole number, 0 or more (a character position), not {_shown(value)}")
    return int(value)


def _flag(value: Any, what: str) -> bool:
    if not isinstance(value, bool):
        raise _Problem(f"{what} should be True or False, not {_shown(value)}")
    return value


def _attrs(value: Any) -> dict | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise _Problem(f"attrs should be a dict, like {{\"country\": \"PRK\"}}, not {_shown(value)}")
    return _json_value(value, "attrs")


# ------------------------------------------------------------ file checks


def _is_text(value: Any) -> bool:
    return isinstance(value, str)


def _is_optional_text(value: Any) -> bool:
    return value is None or isinstance(value, str)


def _is_name(value: Any) -> bool:
    return isinstance(value, str) and bool(value)


def _is_count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _is_flag(value: Any) -> bool:
    return isinstance(value, bool)


def _is_stamp(value: Any) -> bool:
    try:
        return _parse_stamp(value).tzinfo is not None
    except (TypeError, ValueError):
        return False


def _is_dict(value: Any) -> bool:
    return isinstance(value, dict)


def _is_history(value: Any) -> bool:
    return isinstance(value, list) and all(
        isinstance(entry, dict) and _is_text(entry.get("text")) and _is_stamp(entry.get("updated"))
        for entry in value
    )


def _is_anything(value: Any) -> bool:
    return True


_COMMON_FIELDS: dict[str, tuple[Callable[[Any], bool], str]] = {
    "article_id": (_is_optional_text, "text or null"),
    "exercise_id": (_is_optional_text, "text or null"),
    "source": (_is_name, "text"),
    "created": (_is_stamp, "a date and time"),
    "updated": (_is_stamp, "a date and time"),
    "deleted": (_is_flag, "true or false"),
}
_KIND_FIELDS: dict[str, dict[str, tuple[Callable[[Any], bool], str]]] = {
    "span": {
        "layer": (_is_text, "text"),
        "start": (_is_count, "a whole number, 0 or more"),
        "end": (_is_count, "a whole number, 0 or more"),
        "label": (_is_text, "text"),
        "attrs": (_is_dict, "a dict"),
        "text": (_is_optional_text, "text or null"),
    },
    "coding": {"question": (_is_name, "text"), "value": (_is_anything, "present")},
    "answer": {"text": (_is_text, "text"), "history": (_is_history, "a list of earlier versions")},
    "attempt": {"answer": (_is_anything, "present"), "correct": (_is_flag, "true or false")},
}


def _check_record(record_id: str, record: Any) -> None:
    """Raise :class:`_Problem` unless ``record`` is a well-formed record."""
    broken = f"the saved item {_shown(record_id)} is broken"
    if not isinstance(record, dict):
        raise _Problem(f"{broken}: it is not a record")
    if record.get("id") != record_id:
        raise _Problem(f"{broken}: its id does not match")
    kind = record.get("kind")
    if kind not in _KIND_FIELDS:
        raise _Problem(f"{broken}: its kind {_shown(kind)} is not one of {', '.join(_KIND_FIELDS)}")
    for field, (is_valid, expected) in {**_COMMON_FIELDS, **_KIND_FIELDS[kind]}.items():
        if field not in record or not is_valid(record[field]):
            raise _Problem(f"{broken}: its '{field}' should be {expected}")
    if kind == "span" and record["start"] > record["end"]:
        raise _Problem(f"{broken}: its start comes after its end")
    for field in _FREE_FORM_FIELDS:
        if field in _KIND_FIELDS[kind]:
            _json_value(record[field], f"{broken}: its '{field}'")


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not valid JSON")


def _parse_document(data: bytes) -> dict[str, dict]:
    """The records of a work or export file, or raise a :class:`_Problem`."""
    if not data.strip():
        raise _Problem("it is empty")
    try:
        document = json.loads(data.decode("utf-8-sig"), parse_constant=_reject_constant)
    except (UnicodeDecodeError, ValueError):
        raise _Problem("it is not complete, valid JSON") from None
    if not isinstance(document, dict):
        raise _Problem("it does not have the layout of a work file")
    if document.get("format") != FORMAT_NAME:
        raise _ForeignFile("it is not a korea-kit work or export file")
    schema = document.get("schema")
    if not _is_count(schema) or schema < 1:
        raise _Problem("its version number is missing")
    if schema > SCHEMA_VERSION:
        raise _NewerFile(f"file version {schema}; this korea-kit reads up to version {SCHEMA_VERSION}")
    records = document.get("records")
    if not isinstance(records, dict):
        raise _Problem("its list of saved work is missing")
    for record_id, record in records.items():
        _check_record(record_id, record)
    try:
        json.dumps(records, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate, from an escape like "\ud800"
        raise _Problem("it contains a broken character that cannot be saved again") from None
    return records


def _encode_document(document: dict) -> bytes:
    text = json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True, allow_nan=False)
    return (text + "\n").encode("utf-8")


# ---------------------------------------------------------------- records


def _natural_key(record: dict) -> tuple | None:
    """What makes two records "the same" work of one student (attempts: nothing)."""
    kind = record["kind"]
    shared = (kind, record["source"], record["article_id"], record["exercise_id"])
    if kind == "span":
        return shared + (record["layer"], record["start"], record["end"], record["label"])
    if kind == "coding":
        return shared + (record["question"],)
    if kind == "answer":
        return shared
    return None


def _changed(record: dict, changes: dict) -> dict:
    """``record`` with ``changes`` and a later ``updated``, or itself if nothing changes."""
    candidate = {**record, **changes}
    if candidate == record:
        return record
    candidate["updated"] = _next_stamp(record["updated"])
    return candidate


def _merge(base: dict[str, dict], other: dict[str, dict]) -> dict[str, dict]:
    """``base`` plus the records of ``other`` that are new or more recently updated."""
    merged = dict(base)
    for record_id, record in other.items():
        current = merged.get(record_id)
        if current is None or (current != record and _is_newer(record, current)):
            merged[record_id] = record
    return merged


# ------------------------------------------------------------- file tools


def _temp_prefix(target: Path) -> str:
    return f".{target.name}.tmp-"


def _write_atomically(target: Path, data: bytes) -> None:
    """Replace ``target`` with ``data`` so that it is always complete, old or new."""
    handle, temp_name = tempfile.mkstemp(prefix=_temp_prefix(target), dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as temp_file:
            temp_file.write(data)
            temp_file.flush()
            os.fsync(temp_file.fileno())
        os.replace(temp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    _fsync_folder(target.parent)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable, where the OS lets us open a folder."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:  # Windows cannot open folders
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(handle)
    finally:
        os.close(handle)


def _move_aside(path: Path) -> Path:
    """Rename ``path`` to ``<name>.damaged-<UTC time>[-n]``, never overwriting a file."""
    stamp = _now().strftime("%Y%m%dT%H%M%SZ")
    number = 1
    while True:
        suffix = "" if number == 1 else f"-{number}"
        target = path.with_name(f"{path.name}.damaged-{stamp}{suffix}")
        try:
            _rename_without_overwriting(path, target)
        except FileExistsError:
            number += 1
            continue
        return target


def _rename_without_overwriting(source: Path, target: Path) -> None:
    if os.name == "nt":
        os.rename(source, target)  # Windows refuses to replace an existing file
        return
    try:
        os.link(source, target)  # refuses an existing target, atomically
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links
        if os.path.lexists(target):
            raise FileExistsError(target) from None
        os.rename(source, target)
        return
    os.unlink(source)


def _retry_pause(attempt: int) -> float:
    """Seconds to wait before trying a busy lock again: 0.5 ms doubling to 10 ms, jittered."""
    return random.uniform(0.5, 1.5) * min(0.01, 0.0005 * 2 ** min(attempt, 5))


class _FileLock:
    """An exclusive lock shared by all processes, held on a sibling ``.lock`` file.

    With ``flock`` (Linux, macOS) or ``msvcrt`` (Windows) the operating system
    drops the lock when its holder dies, even when killed. The ``lock-file``
    fallback creates the file exclusively and deletes it on release; a lock
    file left behind by a killed process is removed once it is older than
    ``_STALE_LOCK_SECONDS``.
    """

    def __init__(self, path: Path, method: str | None = None) -> None:
        self.path = path
        self.method = method or _LOCK_METHOD
        self._handle: int | None = None

    def acquire(self) -> None:
        """Wait for the lock; raise TimeoutError after ``_LOCK_TIMEOUT_SECONDS``."""
        deadline = time.monotonic() + _LOCK_TIMEOUT_SECONDS
        for attempt in itertools.count():
            if self._try_acquire():
                return
            if time.monotonic() >= deadline:
                self._close()
                raise TimeoutError(f"{self.path} stayed locked")
            time.sleep(_retry_pause(attempt))

    def release(self) -> None:
        if self.method == "lock-file":
            self.path.unlink(missing_ok=True)
            return
        assert self._handle is not None
        if self.method == "flock":
            fcntl.flock(self._handle, fcntl.LOCK_UN)
        else:
            os.lseek(self._handle, 0, os.SEEK_SET)
            msvcrt.locking(self._handle, msvcrt.LK_UNLCK, 1)
        self._close()

    def _try_acquire(self) -> bool:
        if self.method == "lock-file":
            return self._try_create()
        if self._handle is None:
            self._handle = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o666)
        if self.method == "flock":
            try:
                fcntl.flock(self._handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:  # held by another process
                return False
            return True
        os.lseek(self._handle, 0, os.SEEK_SET)
        try:
            msvcrt.locking(self._handle, msvcrt.LK_NBLCK, 1)
        except OSError:  # held by another process
            return False
        return True

    def _try_create(self) -> bool:
        try:
            handle = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666)
        except FileExistsError:
            self._remove_if_stale()
            return False
        with os.fdopen(handle, "w") as lock_file:
            lock_file.write(f"{os.getpid()}\n")
        return True

    def _remove_if_stale(self) -> None:
        try:
            age = time.time() - self.path.stat().st_mtime
        except FileNotFoundError:
            return
        if age > _STALE_LOCK_SECONDS:
            self.path.unlink(missing_ok=True)

    def _close(self) -> None:
        if self._handle is not None:
            os.close(self._handle)
            self._handle = None


# ------------------------------------------------------------------ store


class WorkStore:
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
        self._path = default_work_path().absolute() if path is None else self._checked_path(path)
        self._student = self._checked_student(student, self._path)
        self._source = f"student:{self._student}"
        self._records: dict[str, dict] = {}
        self._make_folder()
        with self._locked():
            self._remove_stale_temp_files()
            try:
                self._records = self._disk_records()
            except _MovedAside as moved:
                raise WorkStoreError(
                    self._moved_message(moved, "Run the cell again to start a new, empty work file; nothing was deleted.")
                ) from None

    # ----------------------------------------------------------- properties

    @property
    def path(self) -> Path:
        """The work file (absolute)."""
        return self._path

    @property
    def student(self) -> str:
        """The name written into each new record's ``source`` as ``student:<name>``."""
        return self._student

    def __len__(self) -> int:
        return sum(not record["deleted"] for record in self._records.values())

    def __repr__(self) -> str:
        return f"WorkStore({str(self._path)!r}, student={self._student!r}, records={len(self)})"

    # -------------------------------------------------------------- changes

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
                raise _Problem(f"start ({start}) comes after end ({end}); the end must be at or after the start")
            attrs = _attrs(attrs)
            text = _optional_text(text, "text")
        key = ("span", self._source, article_id, exercise_id, layer, start, end, label)

        def save_span() -> dict:
            existing = self._find(key)
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
        key = ("coding", self._source, article_id, exercise_id, question)

        def save_coding() -> dict:
            existing = self._find(key)
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
        key = ("answer", self._source, article_id, exercise_id)

        def save_answer() -> dict:
            existing = self._find(key)
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
        attempt = self._new_record("attempt", article_id, exercise_id, answer=answer, correct=correct)
        return self._commit(lambda: self._add(attempt))

    def reload(self) -> None:
        """Read the file again, to see what other notebooks have saved.

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
        with self._locked():
            try:
                disk = self._disk_records()
            except _MovedAside as moved:
                raise WorkStoreError(
                    self._moved_message(moved, "This notebook keeps its work and saves it to a new work file with your next change.")
                ) from None
            self._records = _merge(disk, self._records)

    def export(self, path: str | os.PathLike[str]) -> Path:
        """Write all work (removed items too) to one file, to hand in or move.

        >>> import tempfile, pathlib, json
        >>> folder = tempfile.TemporaryDirectory()
        >>> store = WorkStore(pathlib.Path(folder.name) / "work.json", student="minji")
        >>> _ = store.set_answer("1.1", "Done.")
        >>> exported = store.export(pathlib.Path(folder.name) / "minji-week1.json")
        >>> document = json.loads(exported.read_text(encoding="utf-8"))
        >>> document["format"], len(document["records"]), "exported" in document
        ('korea-kit-work', 1, True)
        >>> folder.cleanup()
        """
        target = self._checked_path(path)
        if target == self._path:
            raise WorkStoreError(f"Nothing was exported: {target} is your work file itself, so choose another file name.")
        self._commit(lambda: None)
        document = self._document(exported=_stamp(_now()))
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            _write_atomically(target, document)
        except OSError as error:
            raise WorkStoreError(f"Could not write the export file {target} ({error.strerror or error}).") from None
        return target

    def import_file(self, path: str | os.PathLike[str]) -> dict[str, int]:
        """Merge an export (or another work file) into this one.

        The whole file is checked first; if anything is wrong nothing
        changes. Records already here are kept unless the imported one was
        updated later, so importing the same file twice adds nothing.

        >>> import tempfile, pathlib
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
        source = self._checked_path(path)
        try:
            incoming = _read_import(source)
        except _Problem as problem:
            raise WorkStoreError(f"Could not import {source}: {problem}. Your work file {self._path} was not changed.") from None
        counts = {"added": 0, "updated": 0, "unchanged": 0}

        def merge_in() -> None:
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

        self._commit(merge_in)
        return counts

    # -------------------------------------------------------------- queries

    def spans(self, article_id: str | None = None, exercise_id: str | None = None, layer: str | None = None) -> list[dict]:
        """Live spans, sorted by article, start and end (``None`` means any).

        >>> import tempfile, pathlib
        >>> folder = tempfile.TemporaryDirectory()
        >>> store = WorkStore(pathlib.Path(folder.name) / "work.json", student="minji")
        >>> _ = store.add_span("art-1", "ex-1", "quote", 30, 52, "official")
        >>> _ = store.add_span("art-1", "ex-1", "actor", 0, 11, "actor")
        >>> [(span["start"], span["layer"]) for span in store.spans("art-1")]
        [(0, 'actor'), (30, 'quote')]
        >>> [span["start"] for span in store.spans(layer="quote")]
        [30]
        >>> folder.cleanup()
        """
        found = self._live("span", article_id=article_id, exercise_id=exercise_id, layer=layer)
        return self._copies(found, lambda r: (r["article_id"] or "", r["start"], r["end"], r["layer"], r["label"], r["created"], r["id"]))

    def codings(self, article_id: str | None = None, exercise_id: str | None = None) -> list[dict]:
        """Live codings, sorted by article, exercise and question (``None`` means any).

        >>> import tempfile, pathlib
        >>> folder = tempfile.TemporaryDirectory()
        >>> store = WorkStore(pathlib.Path(folder.name) / "work.json", student="minji")
        >>> _ = store.set_coding("art-2", "ex-2", "tone", "hopeful")
        >>> _ = store.set_coding("art-1", "ex-2", "tone", "wary")
        >>> [(c["article_id"], c["value"]) for c in store.codings(exercise_id="ex-2")]
        [('art-1', 'wary'), ('art-2', 'hopeful')]
        >>> folder.cleanup()
        """
        found = self._live("coding", article_id=article_id, exercise_id=exercise_id)
        return self._copies(found, lambda r: (r["article_id"] or "", r["exercise_id"] or "", r["question"], r["created"], r["id"]))

    def answer(self, exercise_id: str, article_id: str | None = None) -> str | None:
        """This student's answer to an exercise (about one article, if given), or None.

        >>> import tempfile, pathlib
        >>> folder = tempfile.TemporaryDirectory()
        >>> store = WorkStore(pathlib.Path(folder.name) / "work.json", student="minji")
        >>> _ = store.set_answer("1.2", "About the Yonhap report.", article_id="art-1")
        >>> store.answer("1.2", article_id="art-1")
        'About the Yonhap report.'
        >>> store.answer("1.2") is None
        True
        >>> folder.cleanup()
        """
        record = self._find(("answer", self._source, article_id, exercise_id))
        return None if record is None or record["deleted"] else record["text"]

    def attempts(self, exercise_id: str | None = None) -> list[dict]:
        """Exercise attempts, oldest first (``None`` means every exercise).

        >>> import tempfile, pathlib
        >>> folder = tempfile.TemporaryDirectory()
        >>> store = WorkStore(pathlib.Path(folder.name) / "work.json", student="minji")
        >>> _ = store.record_attempt("3.1", "KCNA", True)
        >>> _ = store.record_attempt("3.2", 42, False)
        >>> [(a["exercise_id"], a["answer"]) for a in store.attempts()]
        [('3.1', 'KCNA'), ('3.2', 42)]
        >>> folder.cleanup()
        """
        return self._copies(self._live("attempt", exercise_id=exercise_id), lambda r: (r["created"], r["id"]))

    def records(self, include_deleted: bool = False) -> list[dict]:
        """Every record, oldest first; removed ones only if ``include_deleted``.

        >>> import tempfile, pathlib
        >>> folder = tempfile.TemporaryDirectory()
        >>> store = WorkStore(pathlib.Path(folder.name) / "work.json", student="minji")
        >>> _ = store.set_answer("1.1", "Yes.")
        >>> [(r["kind"], r["source"]) for r in store.records()]
        [('answer', 'student:minji')]
        >>> folder.cleanup()
        """
        found = [r for r in self._records.values() if include_deleted or not r["deleted"]]
        return self._copies(found, lambda r: (r["created"], r["id"]))

    def to_frame(self) -> pandas.DataFrame:
        """A pandas table with one row per live record (needs pandas).

        >>> import tempfile, pathlib
        >>> folder = tempfile.TemporaryDirectory()
        >>> store = WorkStore(pathlib.Path(folder.name) / "work.json", student="minji")
        >>> _ = store.record_attempt("3.1", "KCNA", True)
        >>> frame = store.to_frame()
        >>> frame[["kind", "exercise_id", "correct"]].values.tolist()
        [['attempt', '3.1', True]]
        >>> folder.cleanup()
        """
        import pandas as pd

        rows = self.records()
        extra = sorted({field for row in rows for field in row} - set(_FRAME_COLUMNS))
        frame = pd.DataFrame(rows, columns=[*_FRAME_COLUMNS, *extra])
        for column in ("created", "updated"):
            frame[column] = pd.to_datetime(frame[column], utc=True, format="ISO8601")
        return frame

    # ------------------------------------------------------------- helpers

    @staticmethod
    def _checked_path(path: Any) -> Path:
        if not isinstance(path, (str, os.PathLike)) or not str(path).strip():
            raise WorkStoreError(f"{_shown(path)} is not a file path; give one as text, like \"work.json\".")
        return Path(path).expanduser().absolute()

    @staticmethod
    def _checked_student(student: Any, path: Path) -> str:
        if student is None:
            return _default_student()
        if not isinstance(student, str) or not student.strip():
            raise WorkStoreError(f"Could not open {path}: the student name should be text, like \"minji\", not {_shown(student)}.")
        return student.strip()

    def _make_folder(self) -> None:
        folder = self._path.parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise WorkStoreError(
                f"Could not create the folder {folder} for your work file ({error.strerror or error}). "
                "Choose a work file in a folder you can write to."
            ) from None

    @contextlib.contextmanager
    def _refusing_bad_input(self) -> Iterator[None]:
        try:
            yield
        except _Problem as problem:
            raise WorkStoreError(f"Nothing was saved to {self._path}: {problem}.") from None

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        lock = _FileLock(self._path.with_name(self._path.name + ".lock"))
        try:
            lock.acquire()
        except TimeoutError:
            raise WorkStoreError(
                f"Another notebook kept your work file {self._path} busy for more than "
                f"{_LOCK_TIMEOUT_SECONDS:g} seconds. Your last step was not saved yet: wait a moment and run the cell again."
            ) from None
        except OSError as error:
            raise WorkStoreError(
                f"Could not use the lock file {lock.path} that keeps your work file {self._path} safe "
                f"({error.strerror or error}), so nothing was read or saved."
            ) from None
        try:
            yield
        finally:
            lock.release()

    def _remove_stale_temp_files(self) -> None:
        """Delete temporary files left by a save that was killed (lock held)."""
        prefix = _temp_prefix(self._path)
        for leftover in self._path.parent.iterdir():
            if leftover.name.startswith(prefix):
                leftover.unlink(missing_ok=True)

    def _disk_records(self) -> dict[str, dict]:
        """The records in the file now (lock held); move an unreadable file aside."""
        try:
            data = self._path.read_bytes()
        except FileNotFoundError:
            return {}
        except OSError as error:
            raise WorkStoreError(f"Could not read your work file {self._path} ({error.strerror or error}).") from None
        try:
            return _parse_document(data)
        except _NewerFile as problem:
            raise WorkStoreError(
                f"Your work file {self._path} was saved by a newer version of korea-kit ({problem}). "
                "Please update korea-kit (ask your teacher if unsure how); the file was not changed."
            ) from None
        except _Problem as problem:
            try:
                target = _move_aside(self._path)
            except OSError as error:
                raise WorkStoreError(
                    f"Your work file {self._path} is damaged ({problem}) and could not be moved aside "
                    f"({error.strerror or error}). Move or rename it yourself, then run the cell again."
                ) from None
            raise _MovedAside(problem, target) from None

    def _moved_message(self, moved: _MovedAside, next_step: str) -> str:
        if isinstance(moved.problem, _ForeignFile):
            return f"The file {self._path} is not a korea-kit work file, so korea-kit moved it, unchanged, to {moved.target}. {next_step}"
        return f"Your work file {self._path} was damaged ({moved.problem}), so korea-kit moved it to {moved.target}. {next_step}"

    def _commit(self, change: Callable[[], Any]) -> Any:
        """Lock, merge with the file, apply ``change``, save; return a copy of its result."""
        moved: _MovedAside | None = None
        with self._locked():
            try:
                disk = self._disk_records()
            except _MovedAside as unreadable:
                moved, disk = unreadable, {}
            self._records = _merge(disk, self._records)
            result = change()
            self._write()
        if moved is not None:
            next_step = "The work open in this notebook was saved to a new work file in its place."
            warnings.warn(self._moved_message(moved, next_step), UserWarning, stacklevel=3)
        return copy.deepcopy(result)

    def _write(self) -> None:
        try:
            _write_atomically(self._path, self._document())
        except OSError as error:
            raise WorkStoreError(
                f"Could not save your work to {self._path} ({error.strerror or error}). "
                "Your change is kept in this notebook and will be saved with your next change."
            ) from None

    def _document(self, **extra: str) -> bytes:
        document = {"format": FORMAT_NAME, "schema": SCHEMA_VERSION, "student": self._student, "records": self._records}
        return _encode_document({**document, **extra})

    def _new_record(self, kind: str, article_id: str | None, exercise_id: str | None, **fields: Any) -> dict:
        stamp = _stamp(_now())
        return {
            "id": uuid.uuid4().hex,
            "kind": kind,
            "article_id": article_id,
            "exercise_id": exercise_id,
            "source": self._source,
            "created": stamp,
            "updated": stamp,
            "deleted": False,
            **fields,
        }

    def _add(self, record: dict) -> dict:
        self._records[record["id"]] = record
        return record

    def _find(self, key: tuple) -> dict | None:
        """The record with this natural key; a live, recently updated one first."""
        matches = [r for r in self._records.values() if _natural_key(r) == key]
        if not matches:
            return None
        return max(matches, key=lambda r: (not r["deleted"], _parse_stamp(r["updated"])))

    def _live(self, kind: str, **wanted: str | None) -> list[dict]:
        return [
            r
            for r in self._records.values()
            if r["kind"] == kind
            and not r["deleted"]
            and all(value is None or r[field] == value for field, value in wanted.items())
        ]

    @staticmethod
    def _copies(records: list[dict], order: Callable[[dict], tuple]) -> list[dict]:
        return copy.deepcopy(sorted(records, key=order))


def _read_import(source: Path) -> dict[str, dict]:
    """The records of an export file, fully checked, or raise a :class:`_Problem`."""
    if source.is_dir():
        raise _Problem("it is a folder, not a file")
    try:
        size = source.stat().st_size
    except FileNotFoundError:
        raise _Problem("the file does not exist") from None
    if size > IMPORT_SIZE_LIMIT:
        raise _Problem(
            f"it is {size / 1_048_576:.1f} MB, more than the {IMPORT_SIZE_LIMIT / 1_048_576:g} MB a korea-kit export can be"
        )
    try:
        data = source.read_bytes()
    except OSError as error:
        raise _Problem(f"it could not be read ({error.strerror or error})") from None
    try:
        return _parse_document(data)
    except _NewerFile as problem:
        raise _Problem(f"it was made by a newer version of korea-kit ({problem}), so please update korea-kit first") from None
    except _ForeignFile:
        raise _Problem("it is not a korea-kit export file") from None
    except _Problem as problem:
        raise _Problem(f"it is damaged: {problem}") from None
