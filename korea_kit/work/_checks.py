"""Instant, kind feedback on exercises: ``kk.check("01.2", answer)`` and ``kk.progress()``.

The answer keys ship in ``korea_kit/data/exercises.json`` as salted SHA-256
hashes of the normalised accepted answers, and each "correct" message is
sealed with a key that only the right answer gives, so neither the package
nor the student notebooks show an answer in plain text. (A determined
student could still brute-force a short answer; this keeps honest students
honest, it is not exam security.) The keys are written from the
instructor's copy, ``exercises/solutions/keys.json``, by ``exercises/build.py``.

Every check is recorded in the work store (see :mod:`korea_kit.work._store`):
that is how hints get more specific after each wrong try, and how
:func:`progress` knows what is done.
"""

from __future__ import annotations

import base64
import contextlib
import json
import math
import numbers
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from importlib import resources
from typing import Any

from .._display import BAD, FEEDBACK, MUTED
from .._errors import KitTypeError, KitValueError, did_you_mean, shown

__all__ = ["check", "progress", "normalise", "answer_hash", "seal", "unseal", "Feedback", "Progress", "exercises"]

_SALT = "korea-kit/1"
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-"})


def normalise(answer: Any) -> str | None:
    """The canonical form an answer is compared in (``None`` when there is no answer yet).

    >>> normalise("  The ITV News. "), normalise(28.0), normalise("28"), normalise(...)
    ('itv news', '28', '28', None)
    >>> normalise(["Seoul", "pyongyang"])
    'pyongyang|seoul'
    """
    from ..text import Article
    from ..text import Span

    if answer is None or answer is Ellipsis:
        return None
    if isinstance(answer, Article):
        return normalise(answer.id)
    if isinstance(answer, Span):
        return normalise(answer.text)
    if isinstance(answer, bool):
        return "true" if answer else "false"
    if isinstance(answer, numbers.Integral):
        return _whole_number(int(answer))
    if isinstance(answer, numbers.Number):
        try:
            value = float(answer)  # type: ignore[arg-type]
        except (OverflowError, TypeError, ValueError):  # a complex number, or one too large for a float
            return normalise(str(answer))
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        if math.isnan(value):
            return None
        return str(int(value)) if value.is_integer() else repr(round(value, 6))
    if isinstance(answer, (list, tuple, set, frozenset)):
        parts = sorted(p for p in (normalise(a) for a in answer) if p is not None)
        return "|".join(parts) if parts else None
    text = unicodedata.normalize("NFKC", str(answer)).translate(_QUOTES).strip()
    if re.fullmatch(r"[-+]?\d+", text.replace(",", "")):  # whole numbers by text: no length limit
        digits = text.replace(",", "").lstrip("+")
        sign, digits = ("-", digits[1:]) if digits.startswith("-") else ("", digits)
        digits = digits.lstrip("0") or "0"
        return digits if digits == "0" else sign + digits
    if re.fullmatch(r"[-+]?\d+\.\d+", text.replace(",", "")):
        return normalise(float(text.replace(",", "")))
    text = re.sub(r"[^\w\s'-]", " ", text.casefold())
    text = " ".join(text.split())
    text = re.sub(r"^the ", "", text)
    return text or None


def _whole_number(value: int) -> str:
    """A whole number as text, however long (hex past what Python writes in decimal)."""
    if value.bit_length() > 13_000:
        return f"{value:#x}"
    return str(value)


def answer_hash(exercise_id: str, answer: Any) -> str:
    """The salted hash under which an accepted (or a known wrong) answer is stored."""
    import hashlib  # on first use: OpenSSL's hashes take a few milliseconds to load

    return hashlib.sha256(f"{_SALT}|{exercise_id}|{normalise(answer)}".encode("utf-8")).hexdigest()


def _keystream(exercise_id: str, answer: Any, size: int) -> bytes:
    seed = f"{_SALT}|message|{exercise_id}|{normalise(answer)}".encode("utf-8")
    import hashlib

    blocks = (hashlib.sha256(seed + i.to_bytes(4, "big")).digest() for i in range(size // 32 + 1))
    return b"".join(blocks)[:size]


def seal(message: str, exercise_id: str, answer: Any) -> str:
    """Lock a message so that only the right answer opens it (used for the "correct" texts).

    >>> box = seal("Yes: Sunday.", "00.1", "Sunday")
    >>> unseal(box, "00.1", "sunday"), unseal(box, "00.1", "Monday") is None
    ('Yes: Sunday.', True)
    """
    data = ("ok:" + message).encode("utf-8")
    return base64.b64encode(bytes(a ^ b for a, b in zip(data, _keystream(exercise_id, answer, len(data))))).decode("ascii")


def unseal(box: str, exercise_id: str, answer: Any) -> str | None:
    """The sealed message, or ``None`` if ``answer`` is not the one it was sealed with."""
    data = base64.b64decode(box)
    plain = bytes(a ^ b for a, b in zip(data, _keystream(exercise_id, answer, len(data))))
    try:
        text = plain.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return text[3:] if text.startswith("ok:") else None


@lru_cache(maxsize=1)
def exercises() -> dict[str, dict]:
    """All exercises the kit knows, by id (without their answers)."""
    raw = json.loads(resources.files("korea_kit").joinpath("data/exercises.json").read_text("utf-8"))
    return raw["exercises"]


@dataclass
class Feedback:
    """What :func:`check` says. ``status`` is correct, wrong, saved, unsaved, unanswered or unknown.

    ``note`` says when the work is NOT saved (and why), and reminds a student with no name to set one.
    """

    exercise_id: str
    status: str
    message: str
    hint: str = ""
    note: str = ""

    @property
    def correct(self) -> bool:
        return self.status == "correct"

    _LOOK = {
        "correct": ("✅", *FEEDBACK["correct"]),
        "wrong": ("🤔", *FEEDBACK["wrong"]),
        "saved": ("📝", *FEEDBACK["saved"]),
        "unsaved": ("⚠️", *FEEDBACK["unsaved"]),
        "unanswered": ("✏️", *FEEDBACK["unanswered"]),
        "unknown": ("❓", *FEEDBACK["unknown"]),
    }

    def __repr__(self) -> str:
        icon = self._LOOK[self.status][0]
        lines = [f"{icon} {self.exercise_id}: {self.message}"]
        if self.hint:
            lines.append(f"Hint: {self.hint}")
        if self.note:
            lines.append(self.note)
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        icon, background, border = self._LOOK[self.status]
        hint = f"<div style='margin-top:0.3em'><b>Hint:</b> {escape(self.hint)}</div>" if self.hint else ""
        note = "".join(f"<div style='margin-top:0.3em;color:{BAD if line.startswith('⚠️') else MUTED}'>"
                       f"{escape(line)}</div>" for line in self.note.split("\n") if line)
        return (
            f"<div role='status' style='background:{background};border-left:4px solid {border};"
            f"padding:0.5em 0.8em;max-width:46em'><b>{icon} {escape(self.exercise_id)}</b> "
            f"{escape(self.message)}{hint}{note}</div>"
        )


def _jsonable(answer: Any) -> Any:
    try:
        json.dumps(answer, allow_nan=False)
        return answer
    except (TypeError, ValueError, RecursionError):
        pass
    try:
        return repr(answer)[:500]
    except Exception:  # a number too long to write, an object whose repr fails
        return f"<{type(answer).__name__}>"


def _unknown(exercise_id: str) -> Feedback:
    known = ", ".join(sorted(exercises()))
    return Feedback(exercise_id, "unknown",
                    f"There is no exercise called {exercise_id!r}.{did_you_mean(exercise_id, exercises())} "
                    f"Exercise names look like \"01.2\"; the ones the kit knows are: {known}.")


def _checked_exercise_id(exercise_id: Any) -> str:
    if isinstance(exercise_id, str):
        return exercise_id
    guess = f"{exercise_id:04.1f}" if isinstance(exercise_id, float) and 0 <= exercise_id < 100 else None
    near = f" Did you mean \"{guess}\"?" if guess in exercises() else ""
    raise KitTypeError(f"check(exercise_id, answer) needs the exercise's name as text in quotes, like \"01.2\", "
                       f"not {shown(exercise_id)}.{near} Each exercise cell shows its name.")


def _store_notes(store) -> str:
    """What to say about saving with every check: nothing when all is saved and named."""
    from ._session import name_reminder

    lines = [] if store.saved else [f"⚠️ NOT SAVED: {store.problem}"]
    lines.append(name_reminder(store))
    return "\n".join(line for line in lines if line)


def check(exercise_id: str, answer: Any, *, store=None) -> Feedback:
    """Check an answer and say, kindly, how it went. The try is saved with your work.

    If your work cannot be saved (a full disk, a folder you cannot write
    to), the feedback says so, every time.

    >>> import os, tempfile
    >>> os.environ["KOREA_KIT_WORK"] = os.path.join(tempfile.mkdtemp(), "work.json")
    >>> check("01.1", ...)
    ✏️ 01.1: Not answered yet: replace the ... with your answer, then run the cell again.
    >>> check("01.1", "ITV News").correct
    True
    """
    from ._session import store_or_session
    from ._store import WorkNotSavedError

    exercise_id = _checked_exercise_id(exercise_id)
    store = store_or_session(store)
    spec = exercises().get(exercise_id)
    if spec is None:
        return _unknown(exercise_id)
    if normalise(answer) is None:
        return Feedback(exercise_id, "unanswered", "Not answered yet: replace the ... with your answer, then run the cell again.",
                        note=_store_notes(store))
    if spec["kind"] == "free":
        return _check_free(exercise_id, spec, str(answer), store)
    digest = answer_hash(exercise_id, answer)
    correct = digest in spec["accept"]
    praise = unseal(spec["accept"][digest], exercise_id, answer) if correct else None
    wrong_before = sum(1 for a in store.attempts(exercise_id) if not a["correct"])
    with contextlib.suppress(WorkNotSavedError):  # kept in memory; the note below says it is not saved
        store.record_attempt(exercise_id, _jsonable(answer), correct)
    note = _store_notes(store)
    if not store.saved:
        note = note.replace("⚠️ NOT SAVED:", "⚠️ This try is NOT saved:", 1)
    if correct:
        return Feedback(exercise_id, "correct", praise or "Correct!", note=note)
    message = spec.get("feedback", {}).get(digest, "Not quite. Have another look and try again.")
    hints = spec.get("hints", [])
    hint = hints[min(wrong_before, len(hints) - 1)] if hints else ""
    return Feedback(exercise_id, "wrong", message, hint, note)


def _check_free(exercise_id: str, spec: dict, text: str, store) -> Feedback:
    from ._store import WorkNotSavedError

    with contextlib.suppress(WorkNotSavedError):  # kept in memory; said plainly below
        store.set_answer(exercise_id, text)
    words = len(text.split())
    wanted = int(spec.get("min_words", 0))
    note = _store_notes(store)
    if not store.saved:
        short = f" It is also only {_words(words)}: aim for at least {wanted}." if words < wanted else ""
        return Feedback(exercise_id, "unsaved", f"Your answer is kept in this notebook, but it is NOT saved.{short}",
                        spec.get("hints", [""])[0] if short else "", note)
    if words < wanted:
        return Feedback(exercise_id, "saved", f"Saved, but it is only {_words(words)}: aim for at least {wanted}.",
                        spec.get("hints", [""])[0], note)
    if not _substantive(text, wanted):
        return Feedback(exercise_id, "saved", "Saved, but it repeats a few words over and over: write it out in your "
                        "own sentences, with evidence from the reports.", spec.get("hints", [""])[0], note)
    return Feedback(exercise_id, "saved", spec.get("correct", "Saved. Your instructor reads these; there is no single right answer."), note=note)


def _words(count: int) -> str:
    return f"{count} word" if count == 1 else f"{count} words"


def _exercise_order(exercise_id: str) -> tuple:
    """Sort key: chapter and exercise numbers as numbers, so 04.2 comes before 04.10.

    >>> sorted(["04.10", "04.2", "03.1", "02.tags"], key=_exercise_order)
    ['02.tags', '03.1', '04.2', '04.10']
    """
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in exercise_id.split("."))


def _substantive(text: str, wanted: int) -> bool:
    """Enough different words for the length asked: fifty x's are long, but not an answer.

    >>> _substantive("x " * 50, 40), _substantive("The report quotes only officials, so readers never hear critics.", 8)
    (False, True)
    """
    distinct = {word.strip(".,;:!?\"'()").casefold() for word in text.split()} - {""}
    return len(distinct) >= max(3, wanted // 2)


class Progress:
    """A table of every exercise and how far you got (``notes`` say when work is not saved)."""

    def __init__(self, rows: list[dict], notes: str = ""):
        self.rows = rows
        self.notes = notes

    def to_frame(self):
        from .._display import pandas as _pandas

        pd = _pandas()
        return pd.DataFrame(self.rows, columns=["exercise", "title", "status", "tries"]).set_index("exercise")

    @property
    def done(self) -> int:
        return sum(1 for r in self.rows if r["status"] in {"done", "saved", "written, NOT saved"})

    def __repr__(self) -> str:
        lines = [f"{self.done} of {len(self.rows)} exercises done"]
        lines += [f"  {r['exercise']:>6}  {r['status']:<12} {r['title']}" for r in self.rows]
        lines += [self.notes] if self.notes else []
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        icon = {"done": "✅", "saved": "📝", "written, NOT saved": "⚠️", "not yet": "·"}
        body = "".join(
            f"<tr><td>{escape(r['exercise'])}</td><td style='text-align:left'>{escape(r['title'])}</td>"
            f"<td>{icon.get(r['status'], '🤔')} {escape(r['status'])}</td><td>{r['tries']}</td></tr>"
            for r in self.rows
        )
        notes = "".join(f"<p style='color:{BAD}'>{escape(line)}</p>" for line in self.notes.split("\n") if line)
        return (f"<p><b>{self.done} of {len(self.rows)} exercises done</b></p><table><tr><th>exercise</th>"
                f"<th>question</th><th>status</th><th>tries</th></tr>{body}</table>{notes}")


def _checked_chapter(chapter: Any) -> str | None:
    if chapter is None:
        return None
    chapters = sorted({spec["chapter"] for spec in exercises().values()})
    if not isinstance(chapter, str):
        near = f" Did you mean {f'{chapter:02d}'!r}?" if isinstance(chapter, int) and f"{chapter:02d}" in chapters else ""
        raise KitTypeError(f"progress(chapter) needs the chapter as text in quotes, like \"01\", not {shown(chapter)}.{near}")
    if chapter not in chapters:
        padded = chapter.strip().zfill(2)
        near = f" Did you mean {padded!r}?" if padded in chapters else did_you_mean(chapter, chapters)
        raise KitValueError(f"There is no chapter {chapter!r}.{near} The chapters are: {', '.join(chapters)}.")
    return chapter


def progress(chapter: str | None = None, *, store=None) -> Progress:
    """What is done, tried or still to do, exercise by exercise (optionally for one chapter).

    >>> import os, tempfile
    >>> os.environ["KOREA_KIT_WORK"] = os.path.join(tempfile.mkdtemp(), "work.json")
    >>> progress("00").done
    0
    """
    from ._session import store_or_session

    chapter = _checked_chapter(chapter)
    store = store_or_session(store)
    rows = []
    for exercise_id, spec in sorted(exercises().items(), key=lambda pair: _exercise_order(pair[0])):
        if chapter is not None and spec["chapter"] != chapter:
            continue
        tries = store.attempts(exercise_id)
        if spec["kind"] == "free":
            written = store.answer(exercise_id)
            status = "not yet" if not written else "saved" if store.saved else "written, NOT saved"
        elif any(t["correct"] for t in tries):
            status = "done"
        else:
            status = f"tried {len(tries)}×" if tries else "not yet"
        rows.append({"exercise": exercise_id, "title": spec["title"], "status": status, "tries": len(tries)})
    return Progress(rows, _store_notes(store))
