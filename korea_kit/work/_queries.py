"""Reading work back out of a store: spans, codings, answers, attempts, all records, a table.

:class:`Queries` is a mixin of :class:`~korea_kit.WorkStore`: it only reads
``self._records`` (and ``self.source``, whose records are "mine"), never the file.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import TYPE_CHECKING

from ._records import _natural_key, _parse_stamp

if TYPE_CHECKING:
    import pandas

__all__ = ["Queries"]

_FRAME_COLUMNS = ("id", "kind", "source", "article_id", "exercise_id", "created", "updated")


class Queries:
    """The read-only half of a work store."""

    _records: dict[str, dict]
    source: str

    # -------------------------------------------------------------- queries

    def spans(self, article_id: str | None = None, exercise_id: str | None = None, layer: str | None = None) -> list[dict]:
        """Live spans, sorted by article, start and end (``None`` means any).

        >>> import tempfile, pathlib; from korea_kit import WorkStore
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

        >>> import tempfile, pathlib; from korea_kit import WorkStore
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

        >>> import tempfile, pathlib; from korea_kit import WorkStore
        >>> folder = tempfile.TemporaryDirectory()
        >>> store = WorkStore(pathlib.Path(folder.name) / "work.json", student="minji")
        >>> _ = store.set_answer("1.2", "About the Yonhap report.", article_id="art-1")
        >>> store.answer("1.2", article_id="art-1")
        'About the Yonhap report.'
        >>> store.answer("1.2") is None
        True
        >>> folder.cleanup()
        """
        record = self._find(("answer", self.source, article_id, exercise_id))
        return None if record is None or record["deleted"] else record["text"]

    def attempts(self, exercise_id: str | None = None) -> list[dict]:
        """Exercise attempts, oldest first (``None`` means every exercise).

        >>> import tempfile, pathlib; from korea_kit import WorkStore
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

        >>> import tempfile, pathlib; from korea_kit import WorkStore
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

        >>> import tempfile, pathlib; from korea_kit import WorkStore
        >>> folder = tempfile.TemporaryDirectory()
        >>> store = WorkStore(pathlib.Path(folder.name) / "work.json", student="minji")
        >>> _ = store.record_attempt("3.1", "KCNA", True)
        >>> frame = store.to_frame()
        >>> frame[["kind", "exercise_id", "correct"]].values.tolist()
        [['attempt', '3.1', True]]
        >>> folder.cleanup()
        """
        from .._display import pandas as _pandas

        pd = _pandas()
        rows = self.records()
        extra = sorted({field for row in rows for field in row} - set(_FRAME_COLUMNS))
        frame = pd.DataFrame(rows, columns=[*_FRAME_COLUMNS, *extra])
        for column in ("created", "updated"):
            frame[column] = pd.to_datetime(frame[column], utc=True, format="ISO8601")
        return frame

    # ------------------------------------------------------------- helpers

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
