"""Small hand-made classes: each student's work made with a real WorkStore and exported with its real export."""

from __future__ import annotations

from pathlib import Path

import pytest

from korea_kit import WorkStore


@pytest.fixture
def exports(tmp_path: Path):
    """exports(name, codings=[(article_id, exercise_id, question, value)], spans=[...]) -> path of the export.

    Every export goes into ``tmp_path / "class"`` (the folder to load); the work files stay outside it.
    """
    folder = tmp_path / "class"
    folder.mkdir()

    def make(name: str | None, codings=(), spans=(), answers=(), attempts=(), file_name: str | None = None,
             store: WorkStore | None = None) -> Path:
        store = store or WorkStore(tmp_path / "work" / f"{name or 'unnamed'}-{len(list(folder.iterdir()))}.json",
                                   student=name)
        for article_id, exercise_id, question, value in codings:
            store.set_coding(article_id, exercise_id, question, value)
        for article_id, exercise_id, start, end, label in spans:
            store.add_span(article_id, exercise_id, "my tags", start, end, label)
        for exercise_id, text in answers:
            store.set_answer(exercise_id, text)
        for exercise_id, correct in attempts:
            store.record_attempt(exercise_id, "an answer", correct)
        return store.export(folder / (file_name or f"korea-kit-work-{name or 'unnamed'}-{store.work_id[:6]}.json"))

    make.folder = folder
    return make
