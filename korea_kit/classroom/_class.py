"""Class mode: :func:`load_class` reads a folder of exports into a :class:`ClassWork`.

>>> import tempfile
>>> folder = synthetic_class(tempfile.mkdtemp(), n=6, seed=1)
>>> work = load_class(folder)
>>> work.students, len(work.skipped)
(6, 0)
>>> list(work.agreement().columns)
['exercise', 'item', 'question', 'alpha', 'verdict', 'n_coders', 'n_units', 'note']
"""

from __future__ import annotations

import os
from collections import Counter
from html import escape
from typing import Any

from .._errors import KitTypeError, KitValueError, need_flag, need_path, shown
from ..framing._reliability import krippendorff_alpha, read_alpha
from ._codes import QUOTE_EXERCISE, class_codes, item_order, item_question, latest
from ._reading import SIZE_LIMIT_MB, ClassStudent, read_folder
from ._synthetic import synthetic_class  # noqa: F401 - for the doctest above

__all__ = ["load_class", "ClassWork"]

_LABEL_KIND = {"direct quote": "direct", "partial quote": "partial", "indirect speech": "indirect",
               "no attribution": "none"}
_KIND_LABEL = {kind: label for label, kind in _LABEL_KIND.items()}


def _verdict(alpha: float) -> str:
    if alpha != alpha:
        return ""
    return read_alpha(alpha).split(": ", 1)[1].split(" (")[0].rstrip(".")


class ClassWork:
    """A class's exports, read: who handed in, what was skipped, how far the class agrees.

    Made by :func:`load_class`. ``students`` is the number of distinct students; ``names`` their names;
    ``skipped`` a table (``file``, ``reason``) of every file not read; ``files`` a table of the files read.
    """

    def __init__(self, _folder: str = "", _students: list[ClassStudent] | None = None, _files: list[dict] | None = None,
                 _skipped: list[tuple[str, str]] | None = None, _corpus=None):
        # Made by load_class; ClassWork() alone is an empty class.
        self.folder = _folder
        self._students = list(_students or [])
        self._files = list(_files or [])
        self._skipped = list(_skipped or [])
        self._corpus = _corpus
        self._codes: dict | None = None
        self._cache: dict[str, Any] = {}

    # ------------------------------------------------------------------------------------------ who and what

    @property
    def students(self) -> int:
        """How many distinct students handed in (an export handed in twice counts once)."""
        return len(self._students)

    @property
    def names(self) -> list[str]:
        """The students' names, sorted."""
        return [s.name for s in self._students]

    @property
    def skipped(self):
        """One row per file not read: ``file`` (its name inside the folder) and ``reason``, in plain words."""
        from .._display import pandas as _pandas

        return _pandas().DataFrame(self._skipped, columns=["file", "reason"])

    @property
    def files(self):
        """One row per file read: ``file``, ``student``, ``records`` (their own live work), ``exported``, ``note``."""
        from .._display import pandas as _pandas

        return _pandas().DataFrame(self._files, columns=["file", "student", "records", "exported", "note"])

    def records(self, name: str) -> list[dict]:
        """One student's own live records (a copy), by name as in :attr:`names`."""
        import copy

        for student in self._students:
            if student.name == name:
                return [copy.deepcopy(r) for r in student.records.values() if not r["deleted"]]
        raise KitValueError(f"ClassWork.records: there is no student named {shown(name)}. The names are in "
                            "work.names.")

    def __repr__(self) -> str:
        return (f"ClassWork({self.students} students from {len(self._files)} files; {len(self._skipped)} "
                "skipped)")

    def _repr_html_(self) -> str:
        return f"<p>{escape(repr(self))}</p>"

    @property
    def corpus(self):
        """The articles the passages come from (``kk.load_corpus()`` unless another corpus was given)."""
        if self._corpus is None:
            from ..text import load_corpus

            self._corpus = load_corpus()
        return self._corpus

    def _article(self, article_id: str):
        for article in self.corpus:
            if article.id == article_id:
                return article
        return None

    def _class_codes(self) -> dict:
        if self._codes is None:
            self._codes = class_codes({s.name: s.records for s in self._students})
        return self._codes

    # -------------------------------------------------------------------------------------------- agreement

    def agreement(self):
        """Krippendorff's alpha (nominal) per coded item, with ``n_coders`` and ``n_units``.

        One row per item the class coded (see :mod:`korea_kit.classroom._codes`): ``exercise``, ``item``,
        ``question`` (in words), ``alpha``, ``verdict`` (reliable, tentative conclusions only, not reliable
        enough), ``n_coders`` (students who coded the item), ``n_units`` (units coded by two or more) and
        ``note``, which says in words why alpha is NaN when it cannot be worked out (fewer than two coders,
        no unit coded twice, everyone gave the same code).
        """
        from .._display import pandas as _pandas

        if "agreement" not in self._cache:
            codes = self._class_codes()
            rows = [self._item_row(item, units) for item, units in sorted(codes.items(),
                                                                          key=lambda kv: item_order(kv[0]))]
            for exercise in sorted({item[0] for item in codes}):
                pooled = self._pooled(exercise, codes)
                if pooled is not None:
                    at = max(i for i, row in enumerate(rows) if row["exercise"] == exercise) + 1
                    rows.insert(at, pooled)
            self._cache["agreement"] = rows
        columns = ["exercise", "item", "question", "alpha", "verdict", "n_coders", "n_units", "note"]
        return _pandas().DataFrame(self._cache["agreement"], columns=columns)

    @classmethod
    def _pooled(cls, exercise: str, codes: dict) -> dict | None:
        """All the yes/no items of one exercise as one item (each item and unit a unit), or None."""
        items = [item for item in codes if item[0] == exercise]
        values = {code for item in items for unit in codes[item].values() for code in unit.values()}
        if len(items) < 2 or not values <= {"yes", "no"}:
            return None
        units = {(item, unit): names for item in items for unit, names in codes[item].items()}
        row = cls._item_row((exercise, "all items"), units)
        row["question"] = f"All {len(items)} yes/no items together (each item of each article is a unit)"
        return row

    @staticmethod
    def _item_row(item: tuple[str, str], units: dict[tuple, dict[str, str]]) -> dict:
        coders = sorted({name for codes in units.values() for name in codes})
        pairable = [unit for unit, codes in units.items() if len(codes) >= 2]
        row = {"exercise": item[0], "item": item[1], "question": item_question(item), "alpha": float("nan"),
               "verdict": "", "n_coders": len(coders), "n_units": len(pairable), "note": ""}
        if len(coders) < 2:
            row["note"] = "Fewer than two students coded this, so there is nothing to compare."
        elif not pairable:
            row["note"] = "No unit was coded by two or more students, so there is nothing to compare."
        else:
            matrix = [[units[unit].get(name) for unit in pairable] for name in coders]
            try:
                row["alpha"] = krippendorff_alpha(matrix)
                row["verdict"] = _verdict(row["alpha"])
            except KitValueError as why:  # everyone gave the same code: no variation, alpha undefined
                row["note"] = str(why)
        return row

    def disagreements(self, top: int | None = 20):
        """The passages and items that split the class most, most split first, with the counts of each answer.

        One row per item and unit coded by two or more students: ``exercise``, ``question``, ``article``
        (its title), ``passage`` (the sentence, in full; "the whole article" for a code of an article; the
        actor and issue for a cell of the position grid), ``answers`` (each answer with how many gave it,
        most given first), ``students`` and ``majority`` (the share who gave the most given answer: 0.5 is
        an even split of two answers). ``top`` keeps the first rows (``None``: all).
        """
        from .._display import pandas as _pandas

        if top is not None and (isinstance(top, bool) or not isinstance(top, int) or top < 1):
            raise KitTypeError(f"ClassWork.disagreements: top should be a whole number of rows, 1 or more (or None "
                               f"for all), but it is {shown(top)}.")
        rows = []
        for item, units in self._class_codes().items():
            for unit, codes in units.items():
                if len(codes) < 2:
                    continue
                counts = Counter(codes.values()).most_common()
                counts.sort(key=lambda c: (-c[1], c[0]))
                title, passage = self._passage(unit)
                rows.append({"exercise": item[0], "question": item_question(item), "article": title,
                             "passage": passage, "answers": " · ".join(f"{_shown_answer(a)} ({n})" for a, n in counts),
                             "students": len(codes), "majority": round(counts[0][1] / len(codes), 3),
                             "_order": (item_order(item), str(unit))})
        rows.sort(key=lambda r: (r["majority"], -r["students"], r["_order"]))
        rows = rows if top is None else rows[:top]
        columns = ["exercise", "question", "article", "passage", "answers", "students", "majority"]
        return _pandas().DataFrame([{c: r[c] for c in columns} for r in rows], columns=columns)

    def _passage(self, unit: tuple) -> tuple[str, str]:
        """(article title, passage text) of a unit, for an instructor's table."""
        if unit[0] == "cell":
            actor, _, issue = unit[1].partition(":")
            return "", f"{actor} on {issue}"
        article = self._article(unit[1])
        if article is None:
            return f"(article {unit[1]} is not in the corpus)", ""
        if unit[0] == "article":
            return article.title, "(the whole article)"
        start, end = unit[2], unit[3]
        if not 0 <= start < end <= len(article.text):
            return article.title, (f"(characters {start} to {end}: not in this article's text, which has "
                                   f"{len(article.text)}; was the export made with another version of it?)")
        return article.title, " ".join(article.text[start:end].split())

    # ------------------------------------------------------------------------------------ quote tags vs gold

    def quote_tags_vs_gold(self, gold=None, exercise_id: str = QUOTE_EXERCISE):
        """The class's quote tags against the gold attributions, per student and for the whole class.

        A tag is a sentence tagged with the quote tagger (``kk.quote_tagger``: direct quote, partial quote,
        indirect speech, no attribution), compared in the sentence where it starts; the gold kind of a sentence
        is the strongest attribution the gold marks in it (as ``kk.check_quote_tags`` does for one student). Only articles with gold count.
        Columns: ``student``, ``tagged``, ``agree``, ``share`` (agree / tagged) and ``most common mistake``;
        the last row, ``all students``, sums the class. ``gold`` is left out for the seeds' own
        (``kk.load_gold()``), or a table like it.
        """
        from .._display import pandas as _pandas
        from .._errors import need_table, need_text
        from ..sourcing._scoring import load_gold
        from ..sourcing._voices import _GOLD_COLUMNS, _sentence_kinds

        pd = _pandas()
        need_text(exercise_id, "exercise_id", "ClassWork.quote_tags_vs_gold", QUOTE_EXERCISE)
        gold = load_gold() if gold is None else need_table(gold, "gold", "ClassWork.quote_tags_vs_gold",
                                                            _GOLD_COLUMNS, "kk.load_gold()")
        expected: dict[str, tuple[dict, dict]] = {}
        for article_id in sorted(set(gold["article_id"])):
            article = self._article(article_id)
            if article is not None:
                kinds = _sentence_kinds(article, gold)
                expected[article_id] = (kinds, [(s.start, s.end) for s in article.sentences])
        rows, everyone = [], Counter()
        all_tagged = all_agree = 0
        for student in self._students:
            tags = {}
            for record in latest(student.records, "span"):
                if record["exercise_id"] == exercise_id and record["label"] in _LABEL_KIND \
                        and record["article_id"] in expected and _within(record, expected[record["article_id"]][1]):
                    tags[(record["article_id"], record["start"], record["end"])] = record["label"]
            if not tags:
                continue
            agree, mistakes = 0, Counter()
            for (article_id, start, end), label in tags.items():
                kinds, bounds = expected[article_id]
                inside = [i for i, (a, b) in enumerate(bounds) if a <= start < b]  # the sentence the tag starts in
                gold_kind = kinds.get(inside[0], "none")
                if _LABEL_KIND[label] == gold_kind:
                    agree += 1
                else:
                    mistakes[f"{_KIND_LABEL[gold_kind]} tagged as {label}"] += 1
            everyone.update(mistakes)
            all_tagged, all_agree = all_tagged + len(tags), all_agree + agree
            rows.append({"student": student.name, "tagged": len(tags), "agree": agree,
                         "share": round(agree / len(tags), 3), "most common mistake": _top(mistakes)})
        rows.append({"student": "all students", "tagged": all_tagged, "agree": all_agree,
                     "share": round(all_agree / all_tagged, 3) if all_tagged else float("nan"),
                     "most common mistake": _top(everyone)})
        return pd.DataFrame(rows, columns=["student", "tagged", "agree", "share", "most common mistake"])

    # ---------------------------------------------------------------------------------------------- summary

    def summary(self):
        """A one-screen view for the class: numbers, progress per chapter, alpha per item, the most split passages."""
        from ._summary import ClassSummary

        return ClassSummary(self)

    def briefs(self) -> int:
        """How many students saved a chapter-05 brief (answer ``05.brief``, not blank)."""
        from ._codes import BRIEF_EXERCISE

        return sum(any(r["exercise_id"] == BRIEF_EXERCISE and r["text"].strip() for r in latest(s.records, "answer"))
                   for s in self._students)

    def progress(self):
        """Exercise checks per chapter: ``chapter``, ``exercises``, ``students trying``, ``attempted``, ``correct``.

        ``attempted`` counts each student and exercise once (however many tries); ``correct`` those a
        student got right at least once; ``exercises`` is how many the kit has in the chapter.
        """
        from .._display import pandas as _pandas
        from ..work._checks import exercises

        known = exercises()
        tried: dict[str, set] = {}
        solved: dict[str, set] = {}
        for student in self._students:
            for record in latest(student.records, "attempt"):
                exercise = record["exercise_id"] or ""
                chapter = known.get(exercise, {}).get("chapter") or exercise.split(".")[0] or "?"
                tried.setdefault(chapter, set()).add((student.name, exercise))
                if record["correct"]:
                    solved.setdefault(chapter, set()).add((student.name, exercise))
        sizes = Counter(spec["chapter"] for spec in known.values())
        rows = [{"chapter": chapter, "exercises": sizes.get(chapter, 0),
                 "students trying": len({name for name, _ in tried.get(chapter, ())}),
                 "attempted": len(tried.get(chapter, ())), "correct": len(solved.get(chapter, ()))}
                for chapter in sorted(set(sizes) | set(tried))]
        return _pandas().DataFrame(rows, columns=["chapter", "exercises", "students trying", "attempted", "correct"])


def _within(record: dict, bounds: list[tuple[int, int]]) -> bool:
    """Does a tag start inside one of the article's sentences (not past its end, as in an export of another text)?"""
    return any(a <= record["start"] < b for a, b in bounds)


_SHOWN = 80


def _shown_answer(answer: str) -> str:
    """An answer as a table shows it: at most 80 characters (a code can be a whole pasted text)."""
    answer = " ".join(answer.split())
    return answer if len(answer) <= _SHOWN else answer[:_SHOWN - 1] + "…"


def _top(mistakes: Counter) -> str:
    if not mistakes:
        return ""
    text, count = sorted(mistakes.items(), key=lambda m: (-m[1], m[0]))[0]
    return f"{text} ({count})"


def load_class(folder, corpus=None, *, recursive: bool = False, limit_mb: float = SIZE_LIMIT_MB) -> ClassWork:
    """Read a folder of student exports (``kk.export_work`` files) for class mode.

    Reads the ``.json`` files in ``folder`` (and in its subfolders with ``recursive=True``: a JupyterHub
    exchange's ``inbound`` folder, or an LMS download with a folder per student). A file renamed by an LMS
    (``Smith, Ann_123456_korea-kit-work-....json``) reads like any other: the name inside the export
    counts, not the file's. No bad file stops the loading: each one is listed in ``.skipped`` with why.
    Two exports of one student (the same work id or the same name) are merged and count once. ``corpus``
    gives the articles for passages (left out: ``kk.load_corpus()``); ``limit_mb`` is the largest file read.
    See ``docs/class-mode.md``.

    >>> import tempfile, pathlib
    >>> empty = pathlib.Path(tempfile.mkdtemp())
    >>> load_class(empty)
    ClassWork(0 students from 0 files; 0 skipped)
    >>> load_class(empty / "missing")
    Traceback (most recent call last):
    ...
    korea_kit.KitValueError: load_class: folder should be a folder of student exports (*.json), but .../missing does not exist. Check the name, or make the folder and put the exports in it.
    """
    where = "load_class"
    path = need_path(folder, "folder", where, "exports").expanduser()
    need_flag(recursive, "recursive", where)
    if isinstance(limit_mb, bool) or not isinstance(limit_mb, (int, float)):
        raise KitTypeError(f"{where}: limit_mb should be a size in MB (a number), such as 5, but it is {shown(limit_mb)}.")
    if not 0 < limit_mb <= 1024:
        raise KitValueError(f"{where}: limit_mb should be more than 0 and at most 1024 (MB), such as 5, but it is "
                            f"{shown(limit_mb)}.")
    if not path.is_dir():
        state = "is a file, not a folder" if path.exists() else "does not exist"
        hint = (" Give the folder the file is in (or unzip it first, if it is an LMS zip)." if path.exists()
                else " Check the name, or make the folder and put the exports in it.")
        raise KitValueError(f"{where}: folder should be a folder of student exports (*.json), but {path} {state}.{hint}")
    if corpus is not None:
        from ..text._inputs import need_articles

        need_articles(corpus, where)
    try:
        students, files, skipped = read_folder(path, recursive, limit_mb)
    except OSError as error:
        raise KitValueError(f"{where}: the folder {path} could not be read ({error.strerror or error}).") from None
    return ClassWork(os.fspath(path), students, files, skipped, corpus)
