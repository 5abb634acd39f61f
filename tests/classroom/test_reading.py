"""Reading a folder of exports: every file is read or skipped with a plain reason, and nothing is fatal."""

from __future__ import annotations

import importlib
import json
import os
import shutil

import pytest

from korea_kit.classroom import load_class

A1 = "001_2d17110a08b0926d"


def reasons(work) -> dict[str, str]:
    return dict(zip(work.skipped["file"], work.skipped["reason"]))


def test_a_byte_identical_copy_counts_once_and_is_listed_as_a_duplicate(exports):
    first = exports("Ana", [(A1, "03.sv", "conflict_1", True)])
    shutil.copy(first, exports.folder / "Smith, Ana_123456_copy.json")
    work = load_class(exports.folder)
    assert work.students == 1
    assert list(reasons(work).values())[0].startswith("duplicate")


def test_an_earlier_and_a_later_export_of_one_student_are_merged_into_one_student(exports, tmp_path):
    from korea_kit import WorkStore

    store = WorkStore(tmp_path / "ana.json", student="Ana")
    exports("Ana", [(A1, "03.sv", "conflict_1", True)], store=store, file_name="early.json")
    exports("Ana", [(A1, "03.sv", "conflict_2", False)], store=store, file_name="late.json")
    work = load_class(exports.folder)
    assert (work.students, len(work.skipped)) == (1, 0)
    assert {r["question"] for r in work.records("Ana")} == {"conflict_1", "conflict_2"}


def test_two_work_files_under_one_name_count_as_one_student(exports):
    exports("Kim Min-ji", [(A1, "03.sv", "conflict_1", True)])
    exports("kim  min-ji", [(A1, "03.sv", "conflict_2", True)])
    assert load_class(exports.folder).students == 1


def test_work_imported_from_a_classmate_is_not_counted_twice(exports, tmp_path):
    from korea_kit import WorkStore

    ben_file = exports("Ben", [(A1, "03.sv", "conflict_1", False)])
    ana = WorkStore(tmp_path / "ana.json", student="Ana")
    ana.import_file(ben_file, other_student=True)
    exports("Ana", [(A1, "03.sv", "conflict_1", True)], store=ana)
    work = load_class(exports.folder)
    assert [r["value"] for r in work.records("Ana")] == [True]


def test_an_export_without_a_name_is_an_unnamed_student(exports, monkeypatch):
    monkeypatch.delenv("KOREA_KIT_STUDENT", raising=False)
    monkeypatch.setattr(importlib.import_module("korea_kit.work._store"), "login_name", lambda: None)
    exports(None, [(A1, "03.sv", "conflict_1", True)])
    assert load_class(exports.folder).names[0].startswith("unnamed (")


BAD_FILES = {
    "empty": (b"", "empty"),
    "partial": (b'{"format": "korea-kit-work", "schema": 1, "records": {"a": {"id": "a", "kin', "partial"),
    "corrupt": (b'{"format": "korea-kit-work"} trailing words', "corrupt"),
    "foreign": (b'{"cells": [], "nbformat": 4}', "foreign"),
    "newer": (json.dumps({"format": "korea-kit-work", "schema": 99, "records": {}}).encode(), "newer"),
    "latin-1": ('{"format": "korea-kit-work", "student": "José"}'.encode("latin-1"), "not UTF-8"),
    "list": (b"[1, 2, 3]", "foreign"),
    "damaged": (b'{"format": "korea-kit-work", "schema": 1}', "damaged"),
}


@pytest.mark.parametrize("kind", sorted(BAD_FILES))
def test_a_bad_file_is_skipped_with_its_reason_and_the_good_ones_still_count(exports, kind):
    exports("Ana", [(A1, "03.sv", "conflict_1", True)])
    data, reason = BAD_FILES[kind]
    (exports.folder / f"{kind}.json").write_bytes(data)
    work = load_class(exports.folder)
    assert work.students == 1
    assert reasons(work)[f"{kind}.json"].startswith(reason)


def test_a_file_over_the_limit_is_skipped_without_being_read(exports, monkeypatch):
    import korea_kit.classroom._reading as reading

    (exports.folder / "big.json").write_bytes(b"{" + b" " * 2_000_000 + b"}")
    monkeypatch.setattr(reading, "read_regular_file", lambda *a, **k: pytest.fail("the large file was read"))
    work = load_class(exports.folder, limit_mb=1)
    assert reasons(work)["big.json"].startswith("too large")


def test_a_folder_named_like_an_export_is_skipped(exports):
    (exports.folder / "odd.json").mkdir()
    assert reasons(load_class(exports.folder))["odd.json"].startswith("a folder")


def test_a_link_to_a_file_outside_the_folder_is_not_followed(exports, tmp_path):
    outside = exports("Ana", [(A1, "03.sv", "conflict_1", True)])
    moved = tmp_path / "elsewhere.json"
    outside.rename(moved)
    (exports.folder / "link.json").symlink_to(moved)
    work = load_class(exports.folder)
    assert (work.students, reasons(work)["link.json"].startswith("a link")) == (0, True)


def test_a_zip_is_listed_with_the_advice_to_unzip_it(exports):
    (exports.folder / "submissions.zip").write_bytes(b"PK\x03\x04")
    assert "unzip" in reasons(load_class(exports.folder))["submissions.zip"]


def test_other_files_and_hidden_files_are_left_alone(exports):
    (exports.folder / "notes.txt").write_text("hello", encoding="utf-8")
    (exports.folder / ".hidden.json").write_text("{", encoding="utf-8")
    work = load_class(exports.folder)
    assert (work.students, len(work.skipped)) == (0, 0)


def test_subfolders_are_read_only_when_recursive(exports):
    inbound = exports.folder / "inbound" / "ana+week3+2026-03-02 09:00:00.000000 UTC"
    inbound.mkdir(parents=True)
    exports("Ana", [(A1, "03.sv", "conflict_1", True)]).rename(inbound / "korea-kit-work-ana.json")
    assert (load_class(exports.folder).students, load_class(exports.folder, recursive=True).students) == (0, 1)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_named_like_an_export_is_skipped_without_hanging(exports):
    os.mkfifo(exports.folder / "pipe.json")
    assert reasons(load_class(exports.folder))["pipe.json"].startswith("not an ordinary file")
