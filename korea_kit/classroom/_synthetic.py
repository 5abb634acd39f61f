"""A synthetic class for demos, tests and benchmarks: seeded exports from careful, sloppy and did-little students.

The exports use the real format: each record has the fields ``WorkStore`` gives it (a test compares them with
a real store's records), each file is written by the work room's own encoder (``encode_document``, what
``WorkStore.export`` writes) and read back by its own reader (``parse_document``) before it is kept. They are
not made by a ``WorkStore`` because a store draws random ids and reads the clock: a seeded class must give
the same bytes every time. The content is real too: the seed articles' ids and sentences, the frame items of
``data/sv2000_items.csv``, the CAMEO codes of ``data/cameo.csv``, the gold events, positions and quote
attributions of ``seeds/gold/``. Each student answers like the gold with a chance that depends on their
skill, so the class's agreement and its agreement with the gold mean something.

Student ``i`` is the same for any ``n`` above ``i`` (with the same seed): a class of 50 is the first 50 of a
class of 200.
"""

from __future__ import annotations

import json
import os
import random
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from pathlib import Path

from .._errors import KitValueError, need_flag, need_path, need_whole
from ..work._files import write_atomically
from ..work._identity import file_slug
from ..work._records import _stamp, encode_document, parse_document
from ._codes import BRIEF_EXERCISE, EVENTS_EXERCISE, POSITIONS_EXERCISE, QUOTE_EXERCISE, STUDENT_LAYER
from ._reading import SIZE_LIMIT_MB

__all__ = ["synthetic_class", "student_export"]

_GIVEN = ("Ana", "Ben", "Chloé", "David", "Elif", "Farid", "Grace", "Hugo", "Inès", "Jonas")
_FAMILY = ("García", "Smith", "Müller", "Nguyen", "Okafor", "Rossi", "Novák", "Silva", "Jensen", "Żak")
_HANGUL_FAMILY = ("김", "이", "박", "최", "정", "강", "조", "윤", "장", "임")
_HANGUL_FIRST = ("민", "서", "지", "하", "도", "수", "예", "현", "유", "준")
_HANGUL_SECOND = ("준", "연", "우", "윤", "아", "호", "진", "은", "빈", "희")
_BRIEF_SENTENCES = (
    "North Korea said it was willing to talk with the United States, according to South Korea's presidency.",
    "The offer came during the closing ceremony of the Winter Olympics in Pyeongchang.",
    "Washington answered that talks must lead to denuclearisation and that pressure would continue.",
    "Most of the voices quoted are officials; no North Korean source speaks directly.",
    "The reports frame the offer as a possible opening, hedged by doubts about its sincerity.",
)
#: (name, share of the class, chance of answering like the gold, share of the work done)
_SKILLS = (("careful", 0.4, 0.92, 1.0), ("sloppy", 0.4, 0.75, 0.7), ("did little", 0.2, 0.6, 0.2))
_LABELS = {"direct": "direct quote", "partial": "partial quote", "indirect": "indirect speech",
           "none": "no attribution"}
MAX_STUDENTS = 5000
"""The largest synthetic class (800 exports take about 40 MB)."""
_START = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)


@lru_cache(maxsize=1)
def _material() -> dict:
    """Everything students code, from the kit's own data and gold (loaded once)."""
    from ..diplomacy import cameo_codes, load_event_gold, positions
    from ..framing._compare import load_framing_gold
    from ..framing._instruments import frame_names, item_rows
    from ..sourcing._scoring import load_gold
    from ..sourcing._voices import _sentence_kinds
    from ..text import load_corpus
    from ..work._checks import exercises

    corpus = load_corpus()
    framing = load_framing_gold()
    gold_frames = {(r.article_id, r.question): r.value for r in framing.itertuples()}
    articles = sorted(set(framing["article_id"]))
    events = {}
    for g in load_event_gold().itertuples():
        article = corpus[g.article_id]
        for s in article.sentences:
            if s.start <= int(g.start) < s.end:
                events.setdefault((article.id, s.start, s.end), (g.source_actor, g.target_actor, str(g.cameo)))
    cells = {}
    for p in positions().itertuples():
        cells.setdefault(f"{p.actor}:{p.issue}", p.position)
    gold = load_gold()
    sentences = []
    for article_id in sorted(set(gold["article_id"])):
        article = corpus[article_id]
        kinds = _sentence_kinds(article, gold)
        sentences += [(article.id, s.start, s.end, " ".join(s.text.split()), kinds[i])
                      for i, s in enumerate(article.sentences)]
    return {"articles": articles, "items": [r["item"] for r in item_rows()], "gold_frames": gold_frames,
            "frames": frame_names(), "events": sorted(events.items()), "cameo": list(cameo_codes()["cameo"]),
            "cells": sorted(cells.items()), "sentences": sentences,
            "exercises": sorted(exercises().items())}


def _name(i: int) -> str | None:
    if i % 50 == 49:
        return None  # a student who never set a name: their export is "unnamed"
    suffix = f" {i // 1000 + 1}" if i >= 1000 else ""
    if i % 4 == 3:
        return _HANGUL_FAMILY[i % 10] + _HANGUL_FIRST[(i // 10) % 10] + _HANGUL_SECOND[(i // 100) % 10] + suffix
    initial = f" {chr(64 + (i // 100) % 10)}." if (i // 100) % 10 else ""
    return f"{_GIVEN[i % 10]}{initial} {_FAMILY[(i // 10) % 10]}{suffix}"


class _Student:
    """One synthetic student writing records in the store's format."""

    def __init__(self, seed: int, i: int):
        self.rng = random.Random(f"korea-kit synthetic class {seed} {i}")
        self.name = _name(i)
        self.work_id = f"{self.rng.getrandbits(48):012x}"
        self.source = f"student:{self.name}" if self.name else f"student:unnamed-{self.work_id}"
        pick = self.rng.random()
        for skill, share, accuracy, coverage in _SKILLS:
            if pick < share:
                break
            pick -= share
        self.skill, self.accuracy, self.coverage = skill, accuracy, coverage
        self.clock = _START + timedelta(minutes=self.rng.randrange(7 * 24 * 60))
        self.records: dict[str, dict] = {}

    def right(self) -> bool:
        return self.rng.random() < self.accuracy

    def does(self, share: float = 1.0) -> bool:
        return self.rng.random() < self.coverage * share

    def add(self, kind: str, article_id: str | None, exercise_id: str | None, **fields) -> None:
        self.clock += timedelta(seconds=self.rng.randrange(5, 90))
        stamp = _stamp(self.clock)
        record_id = f"{self.rng.getrandbits(128):032x}"
        self.records[record_id] = {"id": record_id, "kind": kind, "article_id": article_id,
                                   "exercise_id": exercise_id, "source": self.source, "created": stamp,
                                   "updated": stamp, "deleted": False, **fields}

    def other(self, right, choices):
        return self.rng.choice([c for c in choices if c != right] or list(choices))

    def work(self, m: dict) -> None:
        for article_id in m["articles"]:
            if not self.does():
                continue
            for item in m["items"]:
                gold = m["gold_frames"].get((article_id, item), self.rng.random() < 0.5)
                if self.does(1.1):
                    self.add("coding", article_id, "03.sv", question=item, value=gold if self.right() else not gold)
            for question in ("headline_frame", "primary_frame"):
                gold = m["gold_frames"].get((article_id, question), m["frames"][0])
                value = gold if self.right() else self.other(gold, m["frames"])
                self.add("coding", article_id, "03.pfc", question=question, value=value)
        for (article_id, start, end), (source, target, cameo) in m["events"]:
            if not self.does():
                continue
            if not self.right():
                if self.rng.random() < 0.3:
                    source, target = target, source
                else:
                    same_root = [c for c in m["cameo"] if c[:2] == cameo[:2] and c != cameo]
                    cameo = self.rng.choice(same_root if same_root and self.rng.random() < 0.6 else m["cameo"])
            value = {"start": start, "end": end, "source_actor": source, "target_actor": target, "cameo": cameo}
            self.add("coding", article_id, EVENTS_EXERCISE, question=str(start), value=value)
        for cell, gold in m["cells"]:
            if self.does():
                position = gold if self.right() else self.other(gold, ("for", "against", "conditional", "unclear"))
                self.add("coding", None, POSITIONS_EXERCISE, question=cell, value={"position": position, "note": ""})
        for article_id, start, end, text, kind in m["sentences"]:
            if self.does(1.0 if kind != "none" else 0.25):
                label = _LABELS[kind] if self.right() else self.other(_LABELS[kind], list(_LABELS.values()))
                self.add("span", article_id, QUOTE_EXERCISE, layer=STUDENT_LAYER, start=start, end=end, label=label,
                         attrs={}, text=text)
        self.attempts(m)
        if self.skill != "did little" and self.rng.random() < self.accuracy - 0.1:
            count = self.rng.randint(2, len(_BRIEF_SENTENCES))
            self.add("answer", None, BRIEF_EXERCISE, text=" ".join(self.rng.sample(_BRIEF_SENTENCES, count)), history=[])

    def attempts(self, m: dict) -> None:
        for exercise_id, spec in m["exercises"]:
            if self.skill == "did little" and spec["chapter"] not in ("00", "01"):
                continue
            if not self.does():
                continue
            for attempt in range(3):
                correct = self.rng.random() < self.accuracy - 0.1 * (attempt == 0)
                self.add("attempt", None, exercise_id, answer=f"synthetic answer {attempt + 1}", correct=correct)
                if correct or self.rng.random() < 0.4:
                    break

    def export(self) -> bytes:
        data = encode_document(self.records, student=self.name, work_id=self.work_id,
                               exported=_stamp(self.clock + timedelta(minutes=1)))
        if parse_document(data).dropped:  # the store's own reader must accept every record
            raise RuntimeError("synthetic_class made a record the work store would not read")
        return data

    def file_name(self) -> str:
        return f"korea-kit-work-{file_slug(self.name)}-{self.work_id[:6]}.json"


def student_export(seed: int, i: int) -> tuple[str, bytes, _Student]:
    """The file name and bytes of synthetic student ``i``'s export (and the student)."""
    student = _Student(seed, i)
    student.work(_material())
    return student.file_name(), student.export(), student


_HUGE = object()
"""Stands for the too-large file's bytes: it is written sparse (it takes no room on disk)."""


def _bad_files(seed: int, n: int) -> list[tuple[str, object]]:
    """A handful of files an instructor meets: a duplicate, an earlier export, partial, foreign, newer, too large..."""
    out: list[tuple[str, object]] = []
    first_name, first_data, first = student_export(seed, 0)
    family, given = (first.name or "Student").split(" ")[-1], (first.name or "Student").split(" ")[0]
    out.append((f"{family}, {given}_{100000 + seed}_{first_name}", first_data))  # an LMS's renamed copy
    if n > 1:
        name, _, second = student_export(seed, 1)
        earlier = dict(list(second.records.items())[: len(second.records) // 2])
        exported = min(r["updated"] for r in earlier.values()) if earlier else _stamp(_START)
        data = encode_document(earlier, student=second.name, work_id=second.work_id, exported=exported)
        out.append((name.replace(".json", " (1).json"), data))  # the same student's earlier export
    name, data, _ = student_export(seed, n)
    out.append((name, data[: len(data) // 2]))  # cut off while downloading
    name, data, _ = student_export(seed, n + 1)
    newer = json.loads(data)
    newer["schema"] = 99
    out.append((name, json.dumps(newer, ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8")))
    name, data, student = student_export(seed, n + 2)
    out.append((name, data.decode("utf-8").encode("latin-1", errors="replace")))  # saved as Latin-1
    out.append(("notes.json", b'{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}\n'))
    out.append(("korea-kit-work-empty-000000.json", b""))
    out.append(("korea-kit-work-huge-000000.json", _HUGE))
    return out


def _write(path: Path, data: object) -> None:
    """Write one file of the class, unless it is there already with these very bytes (a second run)."""
    if data is _HUGE:
        size = (SIZE_LIMIT_MB + 1) * 1_048_576
        if path.is_file() and not path.is_symlink() and path.stat().st_size == size:
            return
        with open(path.with_name(path.name + ".part"), "wb") as huge:
            huge.write(b'{"format": "korea-kit-work", ')
            huge.truncate(size)
        os.replace(path.with_name(path.name + ".part"), path)
        return
    if path.is_file() and not path.is_symlink() and path.stat().st_size == len(data) and path.read_bytes() == data:
        return
    write_atomically(path, data)  # replaces a link itself, never the file it points to


def _foreign(path: Path, planned: set[str]) -> list[str]:
    """The exports (``.json``, ``.zip``) in ``path`` that this class would not write: someone else's files."""
    with os.scandir(path) as entries:
        return sorted(e.name for e in entries if not e.name.startswith(".")
                      and e.name.lower().endswith((".json", ".zip")) and e.name not in planned)


def synthetic_class(folder, n: int = 200, seed: int = 0, *, bad_files: bool = False) -> Path:
    """Write ``n`` seeded synthetic student exports into ``folder`` (made if needed) and return the folder.

    The students are careful (about 40 %), sloppy (40 %) or did little (20 %); their names include Hangul
    and accents, and one in fifty never set a name. The same ``n`` and ``seed`` give the same bytes.
    ``bad_files=True`` adds the files an instructor meets in a real hand-in: a duplicate renamed by an LMS,
    an earlier export of the same student, a partial (cut-off) file, a newer korea-kit's export, a file in
    another encoding, a notebook saved as JSON, an empty file and one too large.

    **It never mixes with real work.** The folder must be new, empty, or hold only files this very call would
    write (running the same cell again is fine: files already there with the same bytes are left as they are).
    A folder with any other ``.json`` or ``.zip`` file (a real class's hand-ins, or a synthetic class made with
    another ``n`` or ``seed``) is refused with a KitError that lists them, and nothing is written. Other files
    (a README, hidden folders) do not count: class mode does not read them.

    >>> import tempfile
    >>> folder = synthetic_class(tempfile.mkdtemp(), n=3, seed=7)
    >>> sorted(p.name for p in folder.iterdir())[:1]
    ['korea-kit-work-ana-garcia-....json']
    >>> synthetic_class(folder, n=2.5)
    Traceback (most recent call last):
    ...
    korea_kit.KitTypeError: synthetic_class: n should be a whole number, such as 3, but it is 2.5 (a number).
    """
    where = "synthetic_class"
    path = need_path(folder, "folder", where, "class-exports").expanduser()
    need_whole(n, "n", where, low=1)
    if n > MAX_STUDENTS:
        raise KitValueError(f"{where}: n should be at most {MAX_STUDENTS:,} students, but it is {n:,}.")
    need_whole(seed, "seed", where, low=0)
    need_flag(bad_files, "bad_files", where)
    if path.exists() and not path.is_dir():
        raise KitValueError(f"{where}: folder should be a folder to write the exports in, but {path} is a "
                            "file. Give a new or empty folder's name.")
    try:
        bad = _bad_files(seed, n) if bad_files else []
        planned = {_Student(seed, i).file_name() for i in range(n)} | {name for name, _ in bad}
        foreign = _foreign(path, planned) if path.is_dir() else []
        if foreign:
            listed = ", ".join(foreign[:3]) + (f" and {len(foreign) - 3} more" if len(foreign) > 3 else "")
            raise KitValueError(f"{where}: the folder {path} already holds exports that are not this synthetic "
                                f"class ({listed}), and a synthetic class must never mix with real hand-ins or "
                                "another class. Nothing was written. Give a new or empty folder, such as "
                                "tempfile.mkdtemp().")
        path.mkdir(parents=True, exist_ok=True)
        for i in range(n):
            name, data, _ = student_export(seed, i)
            _write(path / name, data)
        for name, data in bad:
            _write(path / name, data)
    except OSError as error:
        raise KitValueError(f"{where}: could not write in {path} ({error.strerror or error}); choose a "
                            "folder you can write to, such as one from tempfile.mkdtemp().") from None
    return path
