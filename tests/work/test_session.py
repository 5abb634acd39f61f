"""The student's side of the store: one shared store, export with a download link, import."""

import base64
import re

import pytest

from korea_kit import WorkStoreError
from korea_kit.work._session import export_work, import_bytes, import_work, work


@pytest.fixture
def work_file(tmp_path, monkeypatch):
    path = tmp_path / "work.json"
    monkeypatch.setenv("KOREA_KIT_WORK", str(path))
    return path


def test_the_same_store_serves_every_notebook_cell(work_file):
    assert work() is work()
    assert work().path == work_file


def test_export_writes_a_file_named_after_the_student_and_the_work_file(work_file, tmp_path):
    work().set_answer("00.4", "My answer")
    link = export_work(tmp_path)
    assert link.path.name == f"korea-kit-work-tester-{work().work_id[:6]}.json" and link.records == 1


def test_export_link_downloads_exactly_the_exported_file(work_file, tmp_path):
    work().set_answer("00.4", "My answer")
    link = export_work(tmp_path)
    encoded = re.search(r'download="[^"]+" href="data:application/json;base64,([^"]+)"', link._repr_html_()).group(1)
    assert base64.b64decode(encoded) == link.path.read_bytes()


def test_import_merges_an_export_without_duplicates(work_file, tmp_path):
    work().set_answer("00.4", "My answer")
    link = export_work(tmp_path)
    summary = import_work(link.path)
    assert summary.counts["added"] == 0 and len(work()) == 1


def test_uploaded_bytes_that_are_not_an_export_are_refused_and_nothing_changes(work_file):
    work().set_answer("00.4", "Keep me")
    before = work_file.read_bytes()
    with pytest.raises(WorkStoreError):
        import_bytes(b"{ not json", "upload.json")
    assert work_file.read_bytes() == before
