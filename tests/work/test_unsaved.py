"""Work that cannot be saved is kept in memory, and nothing ever says "saved" before it is.

Tests run as root, where chmod does not stop writes, so a read-only home is
simulated: the work file sits under a path whose parent is a regular file
(which fails even for root), or the write or lock functions raise the
OSError a read-only disk, a full disk or a refused permission would.
"""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest

from korea_kit import Article, WorkStore, WorkStoreError
from korea_kit.work import _files
from korea_kit.work import _store as store_module
from korea_kit.work._checks import check, progress
from korea_kit.work._session import export_work, import_work, set_name, work
from korea_kit.work._viewer import ArticleViewer

FAILURES = {
    "read-only disk": errno.EROFS,
    "full disk": errno.ENOSPC,
    "permission refused": errno.EACCES,
}


@pytest.fixture
def blocked_path(tmp_path: Path) -> Path:
    """A work file that can never be created: its would-be folder is inside a regular file."""
    home = tmp_path / "home"
    home.write_text("not a folder")
    return home / "korea-kit-work" / "work.json"


@pytest.fixture
def blocked(blocked_path: Path) -> WorkStore:
    return WorkStore(blocked_path, student="ana")


@pytest.fixture
def store(tmp_path: Path) -> WorkStore:
    return WorkStore(tmp_path / "work.json", student="ana")


def failing_writes(monkeypatch: pytest.MonkeyPatch, code: int) -> None:
    def refuse(target: Path, data: bytes) -> None:
        raise OSError(code, errno.errorcode[code])

    monkeypatch.setattr(store_module, "write_atomically", refuse)


def test_the_store_opens_in_memory_when_its_folder_cannot_be_created(blocked: WorkStore) -> None:
    assert len(blocked) == 0 and not blocked.saved
    assert "could not be created" in blocked.problem and "kk.export_work" in blocked.problem


def test_work_never_raises_for_a_home_that_cannot_be_written(blocked_path: Path) -> None:
    assert work(blocked_path).problem is not None


def test_a_change_that_cannot_be_saved_is_kept_and_the_error_says_so(blocked: WorkStore) -> None:
    with pytest.raises(WorkStoreError, match="NOT saved") as refused:
        blocked.set_answer("1.1", "Kept in memory.")
    assert blocked.answer("1.1") == "Kept in memory."
    assert refused.value.result["text"] == "Kept in memory."


@pytest.mark.parametrize("code", FAILURES.values(), ids=FAILURES.keys())
def test_a_free_text_check_never_says_saved_when_the_save_fails(store: WorkStore, monkeypatch, code: int) -> None:
    failing_writes(monkeypatch, code)
    feedback = check("00.4", "An answer long enough to count as a real attempt at the question.", store=store)
    shown = repr(feedback) + feedback._repr_html_()
    assert feedback.status == "unsaved" and "Saved" not in shown
    assert "NOT saved" in feedback.message and errno.errorcode[code] in feedback.note


@pytest.mark.parametrize("code", FAILURES.values(), ids=FAILURES.keys())
def test_a_multiple_choice_note_says_the_try_was_not_saved(store: WorkStore, monkeypatch, code: int) -> None:
    failing_writes(monkeypatch, code)
    feedback = check("01.1", "ITV News", store=store)
    assert feedback.correct and "This try is NOT saved" in feedback.note
    assert len(store.attempts("01.1")) == 1  # kept in memory


def test_every_check_says_not_saved_while_saving_fails(blocked: WorkStore) -> None:
    notes = [check("01.1", answer, store=blocked).note for answer in ("BBC", "Reuters", ...)]
    assert all("NOT saved" in note or "NOT SAVED" in note for note in notes)


def test_progress_says_the_work_is_not_saved(blocked: WorkStore) -> None:
    check("01.1", "ITV News", store=blocked)
    assert "NOT SAVED" in repr(progress("01", store=blocked))


def test_progress_never_calls_an_unsaved_answer_saved(blocked: WorkStore) -> None:
    check("00.4", "A written answer that is kept only in memory.", store=blocked)
    statuses = {row["exercise"]: row["status"] for row in progress("00", store=blocked).rows}
    assert statuses["00.4"] == "written, NOT saved"


def test_a_lock_that_cannot_be_created_keeps_the_work_in_memory(store: WorkStore, monkeypatch) -> None:
    def refuse(self) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(_files.FileLock, "acquire", refuse)
    with pytest.raises(WorkStoreError, match="lock file .* could not be used"):
        store.set_answer("1.1", "Waiting.")
    assert store.answer("1.1") == "Waiting." and not store.saved


def test_work_kept_in_memory_is_saved_with_the_next_change_that_can_be(store: WorkStore, monkeypatch) -> None:
    with monkeypatch.context() as patch:
        failing_writes(patch, errno.ENOSPC)
        with pytest.raises(WorkStoreError):
            store.set_answer("1.1", "Written while the disk was full.")
    store.set_answer("1.2", "Written after.")
    assert store.saved and store.problem is None
    assert WorkStore(store.path, student="ana").answer("1.1") == "Written while the disk was full."


def test_export_work_rescues_all_the_work_from_memory(blocked: WorkStore, tmp_path: Path) -> None:
    check("01.1", "ITV News", store=blocked)
    check("00.4", "A written answer that is kept only in memory.", store=blocked)
    link = export_work(tmp_path / "rescue", store=blocked)
    document = json.loads(link.path.read_text(encoding="utf-8"))
    assert sorted(r["kind"] for r in document["records"].values()) == ["answer", "attempt"]
    assert "NOT saved" in repr(link) and "only safe copy" in repr(link)


def test_an_import_that_cannot_be_saved_says_so(blocked: WorkStore, store: WorkStore, tmp_path: Path) -> None:
    store.set_answer("1.1", "From the laptop.")
    summary = import_work(store.export(tmp_path / "export.json"), store=blocked)
    assert not summary.saved and "NOT SAVED" in repr(summary) and blocked.answer("1.1") == "From the laptop."


def test_set_name_that_cannot_be_saved_says_so(blocked: WorkStore, monkeypatch) -> None:
    monkeypatch.delenv("KOREA_KIT_STUDENT", raising=False)
    note = set_name("Kim Min-ji", store=blocked)
    assert "NOT SAVED" in repr(note) and "saved with your work" not in repr(note)
    assert blocked.student == "Kim Min-ji"


def test_the_viewer_opens_and_says_why_it_cannot_save(blocked: WorkStore) -> None:
    viewer = ArticleViewer(Article.from_text("Talks on\n\nKim met Moon. They agreed.", id="t"), store=blocked)
    assert viewer.status.startswith("⚠️ Not saved") and "could not be created" in viewer.status


def test_the_viewer_keeps_tags_in_memory_until_they_can_be_saved(blocked: WorkStore) -> None:
    viewer = ArticleViewer(Article.from_text("Talks on\n\nKim met Moon. They agreed.", id="t"), store=blocked)
    viewer.position = 1
    record = viewer.tag("claim")
    assert record["text"] == "Kim met Moon." and [t["text"] for t in viewer.tags()] == ["Kim met Moon."]
    assert viewer.status.startswith("⚠️ Not saved: sentence 2 tagged")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can write to a read-only folder")
def test_a_truly_read_only_home_keeps_the_work_and_never_says_saved(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    home.chmod(0o500)
    try:
        store = WorkStore(home / "korea-kit-work" / "work.json", student="ana")
        feedback = check("00.4", "An answer that cannot be saved in a read-only home folder.", store=store)
        assert feedback.status == "unsaved" and not store.saved
    finally:
        home.chmod(0o700)
