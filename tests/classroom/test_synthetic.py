"""The synthetic class: deterministic, in the real export format, with the bad files a real hand-in has."""

from __future__ import annotations

import json

import pytest

from korea_kit import KitTypeError, KitValueError, WorkStore
from korea_kit.classroom import load_class, synthetic_class
from korea_kit.work._records import parse_document


def contents(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_the_same_seed_gives_the_same_bytes(tmp_path):
    first = synthetic_class(tmp_path / "a", n=4, seed=3, bad_files=True)
    second = synthetic_class(tmp_path / "b", n=4, seed=3, bad_files=True)
    assert contents(first) == contents(second)


def test_another_seed_gives_another_class(tmp_path):
    assert contents(synthetic_class(tmp_path / "a", n=3, seed=1)) != contents(synthetic_class(tmp_path / "b", n=3, seed=2))


def test_synthetic_records_have_exactly_the_fields_a_work_store_writes(tmp_path):
    store = WorkStore(tmp_path / "work.json", student="Ana")
    store.add_span("a", "02.tags", "my tags", 0, 5, "direct quote", attrs={}, text="Hello")
    store.set_coding("a", "03.sv", "conflict_1", True)
    store.set_answer("05.brief", "A brief.")
    store.record_attempt("00.1", "x", True)
    real = {r["kind"]: set(r) for r in store.records()}
    folder = synthetic_class(tmp_path / "class", n=3)
    made = {}
    for path in folder.iterdir():
        for record in json.loads(path.read_bytes())["records"].values():
            made.setdefault(record["kind"], set(record))
    assert made == real


def test_every_synthetic_export_reads_back_without_a_dropped_record(tmp_path):
    folder = synthetic_class(tmp_path, n=5)
    assert all(parse_document(p.read_bytes()).dropped == [] for p in folder.iterdir())


def test_names_include_hangul_and_accents(tmp_path):
    names = load_class(synthetic_class(tmp_path, n=12)).names
    assert any("\uac00" <= c <= "\ud7a3" for name in names for c in name) and any("é" in n for n in names)


def test_two_hundred_exports_and_bad_files_give_a_summary_and_list_every_skipped_file(tmp_path):
    folder = synthetic_class(tmp_path, n=200, seed=0, bad_files=True)
    work = load_class(folder)
    reasons = sorted(reason.split(":")[0] for reason in work.skipped["reason"])
    summary = work.summary()
    assert work.students == 200
    assert reasons == ["duplicate", "empty", "foreign", "newer", "not UTF-8 text", "partial", "too large"]
    assert summary.numbers["files skipped"] == 7 and "200 students" in repr(summary)


@pytest.mark.parametrize("n", [2.5, "3", True])
def test_n_must_be_a_whole_number(tmp_path, n):
    with pytest.raises(KitTypeError, match="n should be a whole number"):
        synthetic_class(tmp_path, n=n)


def test_n_must_be_one_or_more(tmp_path):
    with pytest.raises(KitValueError, match="n should be 1 or more"):
        synthetic_class(tmp_path, n=0)


def test_a_file_is_not_a_folder_to_write_in(tmp_path):
    target = tmp_path / "file.txt"
    target.write_text("x", encoding="utf-8")
    with pytest.raises(KitValueError, match="is a file"):
        synthetic_class(target, n=1)
