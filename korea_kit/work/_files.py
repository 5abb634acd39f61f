"""The file side of the work store: atomic writes, the lock, moving a damaged file aside, safe reading.

Nothing here knows what a record is (that is ``_records``). Each function
does one thing to the file system and raises ``OSError`` (or
``TimeoutError`` for a busy lock) when the operating system says no; the
store turns those into messages for the student.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> write_atomically(folder / "work.json", b"{}")
>>> read_regular_file(folder / "work.json", limit=10)
b'{}'
>>> read_regular_file(folder, limit=10)
Traceback (most recent call last):
...
korea_kit.work._files.NotAFile: it is a folder, not a file
"""

from __future__ import annotations

import contextlib
import itertools
import os
import random
import stat
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]
try:
    import msvcrt
except ImportError:  # everything but Windows
    msvcrt = None  # type: ignore[assignment]

__all__ = ["default_work_path", "write_atomically", "move_aside", "read_regular_file", "FileLock", "NotAFile",
           "TooLarge", "IMPORT_SIZE_LIMIT"]

IMPORT_SIZE_LIMIT = 20 * 1024 * 1024
"""The largest export (or work file) that can be imported, in bytes; exports larger than this are refused."""

LOCK_TIMEOUT_SECONDS = 30.0
_STALE_LOCK_SECONDS = 10.0
_LOCK_METHOD = "flock" if fcntl else "msvcrt" if msvcrt else "lock-file"


class NotAFile(OSError):
    """A path that is a folder, a device or a pipe, refused before anything is read."""


class TooLarge(OSError):
    """A file larger than the limit it was read with."""


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
    try:
        home = Path.home()
    except (RuntimeError, KeyError, OSError):  # no home folder known to the OS
        home = Path.cwd()
    return home / "korea-kit-work" / "work.json"


def _kind_of(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "it is a folder, not a file"
    if stat.S_ISFIFO(mode):
        return "it is a pipe (FIFO), not a file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "it is a device, not a file"
    return "it is not a regular file"


def read_regular_file(path: Path, limit: int | None = None) -> bytes:
    """The bytes of ``path``, refusing folders, devices and pipes before reading, and at most ``limit`` bytes.

    Raises ``FileNotFoundError`` (and other ``OSError``), :class:`NotAFile`
    or :class:`TooLarge` (whose ``size`` says how large the file is).
    """
    mode = os.stat(path).st_mode  # follows links; raises FileNotFoundError
    if not stat.S_ISREG(mode):
        raise NotAFile(_kind_of(mode))
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    handle = os.open(path, flags)
    with os.fdopen(handle, "rb") as opened:
        status = os.fstat(opened.fileno())  # the file opened may not be the one looked at
        if not stat.S_ISREG(status.st_mode):
            raise NotAFile(_kind_of(status.st_mode))
        if limit is not None and status.st_size > limit:
            raise TooLarge(status.st_size)
        data = opened.read() if limit is None else opened.read(limit + 1)
    if limit is not None and len(data) > limit:
        raise TooLarge(len(data))
    return data


def _now() -> datetime:
    return datetime.now(timezone.utc)


def temp_prefix(target: Path) -> str:
    return f".{target.name}.tmp-"


def write_atomically(target: Path, data: bytes) -> None:
    """Replace ``target`` with ``data`` so that it is always complete, old or new."""
    handle, temp_name = tempfile.mkstemp(prefix=temp_prefix(target), dir=target.parent)
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


def move_aside(path: Path) -> Path:
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


class FileLock:
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
        """Wait for the lock; raise TimeoutError after ``LOCK_TIMEOUT_SECONDS``."""
        deadline = time.monotonic() + LOCK_TIMEOUT_SECONDS
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

