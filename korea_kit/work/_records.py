"""What a work file holds: records, their checks, how two copies merge.

Everything here is pure: no files, no locks (those are in ``_files``). A
*record* is one piece of work (see the file format in :mod:`._store`); a
*document* is the whole JSON file. :func:`parse_document` reads a document
and, when some records are broken, keeps every good one and lists the rest
(one malformed record never hides the others).

>>> data = b'{"format": "korea-kit-work", "schema": 1, "records": {"x": {"id": "x"}}}'
>>> found = parse_document(data)
>>> found.records, found.dropped
({}, ["the saved item 'x' is broken: its kind None is not one of span, coding, answer, attempt"])
"""

from __future__ import annotations

import json
import math
import numbers
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

SCHEMA_VERSION = 1
"""The version of the work file layout this korea-kit writes and reads."""

FORMAT_NAME = "korea-kit-work"
HISTORY_LIMIT = 20
"""How many earlier versions of an answer are kept."""

_MAX_NESTING = 100
_MAX_INTEGER_BITS = 14_000  # about 4,200 digits; Python refuses to write longer numbers as text
_FREE_FORM_FIELDS = ("attrs", "value", "answer")


class Problem(Exception):
    """What is wrong with a value or a file, in words for a student."""


class ForeignFile(Problem):
    """A JSON file that is not a korea-kit work or export file."""


class NewerFile(Problem):
    """A korea-kit file written with a newer schema than this code knows."""


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
    text = repr(value) if not isinstance(value, int) or value.bit_length() < 200 else "a very long number"
    return text if len(text) <= 60 else text[:57] + "..."

def _check_characters(text: str, what: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise Problem(f"{what} contains a broken character that cannot be saved") from None


def _json_value(value: Any, what: str, depth: int = 0) -> Any:
    """A fresh copy of ``value`` made of plain JSON types (tuples become lists)."""
    if depth > _MAX_NESTING:
        raise Problem(f"{what} has lists or dicts nested more than {_MAX_NESTING} levels deep, too deep to save")
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, numbers.Integral):
        if int(value).bit_length() > _MAX_INTEGER_BITS:
            raise Problem(f"{what} contains a whole number too long to save")
        return int(value)
    if isinstance(value, numbers.Real):
        if math.isfinite(value):
            return float(value)
        raise Problem(f"{what} contains {value}, which is not a number that can be saved")
    if isinstance(value, str):
        _check_characters(value, what)
        return value
    if isinstance(value, (list, tuple)):
        return [_json_value(item, what, depth + 1) for item in value]
    if isinstance(value, dict):
        return {_json_key(key, what): _json_value(item, what, depth + 1) for key, item in value.items()}
    raise Problem(
        f"{what} contains {_shown(value)}, which cannot be saved; "
        "use text, numbers, True/False, None, lists or dicts"
    )


def _json_key(key: Any, what: str) -> str:
    if not isinstance(key, str):
        raise Problem(f"{what} has the key {_shown(key)}, but keys must be text, like \"{key}\"")
    _check_characters(key, what)
    return key


def _text(value: Any, what: str) -> str:
    if not isinstance(value, str):
        raise Problem(f"{what} should be written as text, in quotes, not {_shown(value)}")
    _check_characters(value, what)
    return value


def _optional_text(value: Any, what: str) -> str | None:
    return None if value is None else _text(value, what)


def _name(value: Any, what: str, example: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise Problem(f"{what} should be a name written as text, like \"{example}\", not {_shown(value)}")
    _check_characters(value, what)
    return value


def _optional_name(value: Any, what: str, example: str) -> str | None:
    return None if value is None else _name(value, what, example)


def _position(value: Any, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < 0:
        raise Problem(f"{what} should be a whole number, 0 or more (a character position), not {_shown(value)}")
    return int(value)


def _flag(value: Any, what: str) -> bool:
    if not isinstance(value, bool):
        raise Problem(f"{what} should be True or False, not {_shown(value)}")
    return value


def _attrs(value: Any) -> dict | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise Problem(f"attrs should be a dict, like {{\"country\": \"PRK\"}}, not {_shown(value)}")
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
    """Raise :class:`Problem` unless ``record`` is a well-formed record."""
    broken = f"the saved item {_shown(record_id)} is broken"
    if not isinstance(record, dict):
        raise Problem(f"{broken}: it is not a record")
    if record.get("id") != record_id:
        raise Problem(f"{broken}: its id does not match")
    kind = record.get("kind")
    if kind not in _KIND_FIELDS:
        raise Problem(f"{broken}: its kind {_shown(kind)} is not one of {', '.join(_KIND_FIELDS)}")
    for name, (is_valid, expected) in {**_COMMON_FIELDS, **_KIND_FIELDS[kind]}.items():
        if name not in record or not is_valid(record[name]):
            raise Problem(f"{broken}: its '{name}' should be {expected}")
    if kind == "span" and record["start"] > record["end"]:
        raise Problem(f"{broken}: its start comes after its end")
    for name in _FREE_FORM_FIELDS:
        if name in _KIND_FIELDS[kind]:
            _json_value(record[name], f"{broken}: its '{name}'")


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not valid JSON")


@dataclass
class Document:
    """What a work or export file holds: its good records, what was dropped, who wrote it."""

    records: dict[str, dict]
    dropped: list[str] = field(default_factory=list)
    student: str | None = None
    work_id: str | None = None
    exported: str | None = None


def parse_document(data: bytes) -> Document:
    """Read a work or export file, keeping every good record and listing the broken ones.

    Raises :class:`Problem` only when the file as a whole cannot be read
    (not JSON, not a korea-kit file, no list of records); a broken record
    is dropped and described in ``dropped``.
    """
    if not data.strip():
        raise Problem("it is empty")
    try:
        document = json.loads(data.decode("utf-8-sig"), parse_constant=_reject_constant)
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise Problem("it is not complete, valid JSON") from None
    if not isinstance(document, dict):
        raise Problem("it does not have the layout of a work file")
    if document.get("format") != FORMAT_NAME:
        raise ForeignFile("it is not a korea-kit work or export file")
    schema = document.get("schema")
    if not _is_count(schema) or schema < 1:
        raise Problem("its version number is missing")
    if schema > SCHEMA_VERSION:
        raise NewerFile(f"file version {schema}; this korea-kit reads up to version {SCHEMA_VERSION}")
    records = document.get("records")
    if not isinstance(records, dict):
        raise Problem("its list of saved work is missing")
    good: dict[str, dict] = {}
    dropped: list[str] = []
    for record_id, record in records.items():
        try:
            _check_record(record_id, record)
            json.dumps(record, ensure_ascii=False).encode("utf-8")
        except Problem as problem:
            dropped.append(str(problem))
        except UnicodeEncodeError:  # a lone surrogate, from an escape like "\ud800"
            dropped.append(f"the saved item {_shown(record_id)} is broken: it contains a broken character")
        else:
            good[record_id] = record
    student = document.get("student")
    work_id = document.get("work_id")
    exported = document.get("exported")
    return Document(
        good, dropped,
        student=student if isinstance(student, str) and student.strip() and _encodable(student) else None,
        work_id=work_id if isinstance(work_id, str) and work_id.isalnum() and work_id.isascii() else None,
        exported=exported if isinstance(exported, str) else None,
    )


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def encode_document(records: dict[str, dict], **fields: Any) -> bytes:
    """The bytes of a work file: sorted, indented UTF-8 JSON (``None`` fields are left out)."""
    document = {"format": FORMAT_NAME, "schema": SCHEMA_VERSION, "records": records}
    document.update({key: value for key, value in fields.items() if value is not None})
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


def merge(base: dict[str, dict], other: dict[str, dict]) -> dict[str, dict]:
    """``base`` plus the records of ``other`` that are new or more recently updated."""
    merged = dict(base)
    for record_id, record in other.items():
        current = merged.get(record_id)
        if current is None or (current != record and _is_newer(record, current)):
            merged[record_id] = record
    return merged

