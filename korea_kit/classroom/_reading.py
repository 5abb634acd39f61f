"""Reading a folder of student exports: which files count, which are skipped and why, and who is who.

The rules, in the order they are applied to each file:

1. Only names ending in ``.json`` are read (a ``.zip`` is listed as skipped, with the advice to unzip it;
   every other file, and hidden files and folders such as ``.ipynb_checkpoints``, are left alone).
2. A file is checked before it is read: a link that leads out of the folder, a folder named ``x.json``, a pipe
   or a device, an empty file and a file over the size limit (:data:`SIZE_LIMIT_MB`) are skipped unread.
3. Its bytes must be a korea-kit export (read by the work room's own reader, ``work._records.parse_document``):
   otherwise it is skipped as not UTF-8, partial (the file stops early), corrupt, foreign (other JSON) or newer.
4. A file whose bytes are the same as an earlier file's is a duplicate, and skipped.

Who is who: two exports belong to the same student when they share the work file's id (``work_id``) or the
student's name (compared without case or extra spaces). Their records are **merged**, record by record, the
later ``updated`` time winning, exactly as the work store merges two copies of a work file: so an earlier
and a later export of one student count once and lose nothing, and so do the exports of one student from
two work files (two Binder sessions). Only a student's *own* records count (``source`` is the student):
work a student imported from a classmate is counted with that classmate's own export.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "notes.json").write_text('{"cells": []}', encoding="utf-8")
>>> students, files, skipped = read_folder(folder)
>>> students, skipped
([], [('notes.json', 'foreign: JSON, but not a korea-kit export (some other program made it)')])
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from ..work._exchange import size_in_mb
from ..work._files import NotAFile, TooLarge, read_regular_file
from ..work._identity import name_from_file
from ..work._records import SCHEMA_VERSION, Document, ForeignFile, NewerFile, Problem, merge, parse_document

__all__ = ["SIZE_LIMIT_MB", "ClassStudent", "read_folder"]

SIZE_LIMIT_MB = 5
"""The largest export class mode reads, in MB (a busy student's export is well under 1 MB)."""


class _Skip(Exception):
    """Why a file is not read, in plain words for an instructor."""


class _Unreadable(str):
    """A subfolder ``os.walk`` could not list: stands in for its path in the list of candidates."""


@dataclass
class ClassStudent:
    """One student of the class: a name to show and their own records, merged over all their exports."""

    name: str
    records: dict[str, dict]
    files: list[str] = field(default_factory=list)
    work_ids: set[str] = field(default_factory=set)


@dataclass
class _Read:
    file: str
    document: Document
    digest: str


# --------------------------------------------------------------------------------------------------- the files


def _candidates(root: Path, recursive: bool) -> list[tuple[str, Path]]:
    """(name shown, path) of each ``.json`` or ``.zip`` entry, sorted; hidden names are left out."""
    found: list[tuple[str, Path]] = []

    def consider(folder: Path, names: list[str]) -> None:
        for name in names:
            if name.startswith(".") or not name.lower().endswith((".json", ".zip")):
                continue
            path = folder / name
            found.append((path.relative_to(root).as_posix(), path))

    if recursive:
        def unreadable(error: OSError) -> None:  # a subfolder that cannot be listed is skipped, and said so
            where = Path(error.filename) if error.filename else root
            shown = where.relative_to(root).as_posix() if where.is_relative_to(root) else str(where)
            found.append((shown + "/", _Unreadable(error.strerror or str(error))))

        for folder, dirs, files in os.walk(root, followlinks=False, onerror=unreadable):
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "__MACOSX")
            here = Path(folder)
            consider(here, files + [d for d in dirs if d.lower().endswith(".json")])
    else:
        with os.scandir(root) as entries:
            consider(root, [entry.name for entry in entries])
    return sorted(found, key=lambda entry: entry[0])


def _check_entry(path: Path, inside: Path, limit: int) -> None:
    """Raise :class:`_Skip` for anything that is not an ordinary file of a fair size inside the folder."""
    if isinstance(path, _Unreadable):
        raise _Skip(f"a folder that could not be opened ({path}); nothing in it was read: check its permissions")
    if path.name.lower().endswith(".zip"):
        raise _Skip("a zip archive: unzip it into the folder first (see docs/class-mode.md); zips are not opened")
    try:
        info = os.lstat(path)
        if stat.S_ISLNK(info.st_mode):
            try:
                target = path.resolve(strict=True)
            except (OSError, RuntimeError):
                raise _Skip("a link (shortcut) that leads nowhere") from None
            if not target.is_relative_to(inside):
                raise _Skip("a link (shortcut) to a file outside the folder: not followed, for safety")
            info = os.stat(path)
    except OSError as error:
        raise _Skip(f"could not be opened ({error.strerror or error})") from None
    if stat.S_ISDIR(info.st_mode):
        raise _Skip("a folder whose name ends in .json, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise _Skip("not an ordinary file (a pipe or a device)")
    if info.st_size == 0:
        raise _Skip("empty: the file has nothing in it (0 bytes); ask the student to export again")
    if info.st_size > limit:
        raise _Skip(f"too large: {size_in_mb(info.st_size)}, more than the {size_in_mb(limit)} an export can be; "
                    "not read")


def _diagnose(data: bytes) -> str:
    """Why bytes that the work room could not read are not an export, in plain words."""
    if not data.strip():
        return "empty: the file holds only blank space; ask the student to export again"
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return "not UTF-8 text: it was saved in another encoding or is not a text file; ask for a fresh export"
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        if not text[error.pos:].strip() or error.msg.startswith("Unterminated string"):
            return "partial: the file stops in the middle (cut off while copying or downloading?); ask for it again"
        return f"corrupt: not valid JSON (the first fault is on line {error.lineno}); ask for a fresh export"
    except (ValueError, RecursionError):
        return "corrupt: not valid JSON; ask for a fresh export"
    if not isinstance(document, dict):
        return "foreign: JSON, but not a korea-kit export (some other program made it)"
    return "damaged: a korea-kit export with parts missing (edited by hand?); ask for a fresh export"


def _read_file(path: Path, inside: Path, limit: int) -> tuple[Document, str]:
    """The export's document and the SHA-256 of its bytes; or raise :class:`_Skip`."""
    _check_entry(path, inside, limit)
    try:
        data = read_regular_file(path, limit)
    except TooLarge as error:
        raise _Skip(f"too large: {size_in_mb(error.args[0])} or more, more than the {size_in_mb(limit)} an "
                    "export can be; not read") from None
    except NotAFile as error:
        raise _Skip(f"not an ordinary file ({error})") from None
    except OSError as error:
        raise _Skip(f"could not be read ({error.strerror or error})") from None
    try:
        document = parse_document(data)
    except NewerFile:
        found = _schema_of(data)
        raise _Skip(f"newer: made by a newer korea-kit (file version {found}; this one reads up to version "
                    f"{SCHEMA_VERSION}): update korea-kit, then load the class again") from None
    except ForeignFile:
        raise _Skip("foreign: JSON, but not a korea-kit export (some other program made it)") from None
    except Problem:
        raise _Skip(_diagnose(data)) from None
    if document.dropped and not document.records:
        raise _Skip("damaged: none of the work in it could be read; ask for a fresh export")
    if document.student is None and document.work_id is None:
        raise _Skip("damaged: it does not say whose work it is (no student name and no work id); ask for a fresh "
                    "export")
    return document, hashlib.sha256(data).hexdigest()


def _schema_of(data: bytes) -> str:
    try:
        return str(json.loads(data.decode("utf-8-sig")).get("schema"))
    except (ValueError, AttributeError, RecursionError):
        return "unknown"


# ----------------------------------------------------------------------------------------------- the students


def _own_sources(document: Document) -> set[str]:
    sources = set()
    if document.student:
        sources.add(f"student:{document.student}")
    if document.work_id:
        sources.add(f"student:unnamed-{document.work_id}")
    return sources


def _name_key(document: Document) -> str | None:
    name = name_from_file(document.student)
    return None if name is None else "name:" + " ".join(name.split()).casefold()


def _group(reads: list[_Read]) -> list[list[_Read]]:
    """Exports that share a work id or a name, together (union-find), in the order first seen."""
    parent = list(range(len(reads)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[str, int] = {}
    for i, read in enumerate(reads):
        keys = [k for k in (_name_key(read.document),
                            read.document.work_id and "work:" + read.document.work_id) if k]
        for key in keys:
            if key in owner:
                parent[root(i)] = root(owner[key])
            else:
                owner[key] = i
    groups: dict[int, list[_Read]] = {}
    for i, read in enumerate(reads):
        groups.setdefault(root(i), []).append(read)
    return list(groups.values())


def _student(group: list[_Read]) -> ClassStudent:
    records: dict[str, dict] = {}
    for read in group:
        own = _own_sources(read.document)
        records = merge(records, {rid: r for rid, r in read.document.records.items() if r["source"] in own})
    named = [r for r in group if name_from_file(r.document.student)]
    if named:
        latest = max(named, key=lambda r: (r.document.exported or "", r.file))
        name = " ".join(name_from_file(latest.document.student).split())
    else:
        work_ids = sorted(r.document.work_id for r in group if r.document.work_id)
        name = f"unnamed ({work_ids[0][:6]})" if work_ids else f"unnamed ({group[0].file})"
    return ClassStudent(name, records, [r.file for r in group],
                        {r.document.work_id for r in group if r.document.work_id})


def read_folder(folder: Path, recursive: bool = False, limit_mb: float = SIZE_LIMIT_MB):
    """The students of a folder of exports, one row per file read, and (file, reason) for each file skipped.

    Returns ``(students, files, skipped)``: ``students`` a list of :class:`ClassStudent` sorted by name;
    ``files`` a list of dicts (``file``, ``student``, ``records``, ``exported``, ``note``); ``skipped`` a
    list of ``(file, reason)``. No file, however broken, stops the reading.
    """
    limit = int(limit_mb * 1_048_576)
    inside = folder.resolve()
    reads: list[_Read] = []
    skipped: list[tuple[str, str]] = []
    first_with: dict[str, str] = {}
    for shown_name, path in _candidates(folder, recursive):
        try:
            document, digest = _read_file(path, inside, limit)
        except _Skip as why:
            skipped.append((shown_name, str(why)))
            continue
        except Exception as error:  # noqa: BLE001 - one strange file must never stop a class from loading
            skipped.append((shown_name, f"could not be read ({type(error).__name__})"))
            continue
        if digest in first_with:
            skipped.append((shown_name, f"duplicate: the same file as {first_with[digest]}; counted once"))
            continue
        first_with[digest] = shown_name
        reads.append(_Read(shown_name, document, digest))
    students = sorted((_student(group) for group in _group(reads)), key=lambda s: (s.name.casefold(), s.name))
    who = {file: s for s in students for file in s.files}
    files = []
    for read in reads:
        student = who[read.file]
        notes = []
        if len(student.files) > 1:
            others = [f for f in student.files if f != read.file]
            notes.append(f"merged with {', '.join(others)} (the same student)")
        if read.document.dropped:
            notes.append(f"{len(read.document.dropped)} broken item(s) left out")
        own = _own_sources(read.document)
        files.append({"file": read.file, "student": student.name,
                      "records": sum(r["source"] in own and not r["deleted"] for r in read.document.records.values()),
                      "exported": read.document.exported or "", "note": "; ".join(notes)})
    return students, files, skipped
