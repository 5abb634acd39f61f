"""Behaviours found by the hostile review of class mode: damaged exports, odd records, folders that cannot be
listed, and a synthetic class that never mixes with real hand-ins."""

from __future__ import annotations

import json
import os

import pytest

import korea_kit as kk
from korea_kit.classroom import load_class, synthetic_class


@pytest.fixture(scope="module")
def article():
    return kk.load_corpus()[0]


def test_an_export_that_does_not_say_whose_work_it_is_is_skipped(exports, article):
    path = exports("Ana", codings=[(article.id, "03.sv", "conflict_1", True)])
    document = json.loads(path.read_text("utf-8"))
    document.update(student=5, work_id=["x"])
    (exports.folder / "nobody.json").write_text(json.dumps(document), encoding="utf-8")
    work = load_class(exports.folder)
    assert work.students == 1
    assert "no student name and no work id" in work.skipped.set_index("file").loc["nobody.json", "reason"]


def test_a_tag_past_the_end_of_the_article_is_not_compared_with_the_gold(exports, article):
    exports("Ana", spans=[(article.id, "02.tags", 10**7, 10**7 + 5, "indirect speech")])
    table = load_class(exports.folder).quote_tags_vs_gold()
    assert table.iloc[-1]["tagged"] == 0


def test_a_passage_outside_the_article_text_says_so(exports, article):
    for name in ("Ana", "Ben"):
        exports(name, spans=[(article.id, "02.tags", 10**7, 10**7 + 5, "direct quote" if name == "Ana" else
                              "indirect speech")])
    passage = load_class(exports.folder).disagreements()["passage"].iloc[0]
    assert "not in this article's text" in passage


def test_a_huge_code_is_cut_short_in_the_tables(exports, article):
    for name, letter in (("Ana", "x"), ("Ben", "y")):
        exports(name, codings=[(article.id, "zz.free", "q", letter * 100_000)])
    work = load_class(exports.folder)
    assert len(work.disagreements()["answers"].iloc[0]) < 200
    assert len(work.summary()._repr_html_()) < 20_000


def test_student_made_exercise_ids_are_escaped_in_the_summary(exports, article):
    for name, value in (("Ana", "a"), ("Ben", "b")):
        exports(name, codings=[(article.id, "<script>alert(1)</script>", "<b>q</b>", value)],
                attempts=[("<img src=x>.1", True)])
    html = load_class(exports.folder).summary()._repr_html_()
    assert "<script>" not in html and "<img" not in html and "<b>q</b>" not in html


def test_an_html_name_never_reaches_the_summary(exports, article):
    exports("<script>alert(1)</script>", codings=[(article.id, "03.sv", "conflict_1", True)])
    html = load_class(exports.folder).summary()._repr_html_()
    assert "<script>" not in html and "alert(1)" not in html


def test_a_subfolder_that_cannot_be_listed_is_listed_as_skipped(exports, monkeypatch):
    exports("Ana")
    locked = exports.folder / "locked"
    locked.mkdir()
    real = os.scandir

    def refusing(path="."):
        if os.fspath(path) == os.fspath(locked):
            raise PermissionError(13, "Permission denied", os.fspath(locked))
        return real(path)

    monkeypatch.setattr(os, "scandir", refusing)
    work = load_class(exports.folder, recursive=True)
    assert work.students == 1 and "could not be opened" in work.skipped.set_index("file").loc["locked/", "reason"]


def test_a_symlink_loop_in_a_recursive_folder_is_not_followed(exports):
    exports("Ana")
    (exports.folder / "loop").symlink_to(exports.folder, target_is_directory=True)
    (exports.folder / "self.json").symlink_to(exports.folder / "self.json")
    work = load_class(exports.folder, recursive=True)
    assert work.students == 1 and "leads nowhere" in work.skipped.set_index("file").loc["self.json", "reason"]


def test_an_empty_class_gives_a_summary_and_a_figure(tmp_path):
    summary = load_class(tmp_path).summary()
    assert "0 students" in repr(summary) and summary.figure() is not None


def test_synthetic_class_refuses_a_folder_holding_real_exports(exports, tmp_path):
    real = exports("Ana")
    before = real.read_bytes()
    with pytest.raises(kk.KitError, match="Nothing was written"):
        synthetic_class(exports.folder, n=3)
    assert real.read_bytes() == before and len(list(exports.folder.iterdir())) == 1


def test_synthetic_class_can_run_twice_into_the_same_folder(tmp_path):
    folder = synthetic_class(tmp_path / "demo", n=4, seed=2, bad_files=True)
    first = {p.name: p.read_bytes() for p in folder.iterdir()}
    synthetic_class(folder, n=4, seed=2, bad_files=True)
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == first


def test_synthetic_class_refuses_a_folder_with_another_class(tmp_path):
    folder = synthetic_class(tmp_path / "demo", n=3, seed=1)
    with pytest.raises(kk.KitError, match="not this synthetic class"):
        synthetic_class(folder, n=3, seed=2)


def test_synthetic_class_ignores_files_class_mode_does_not_read(tmp_path):
    (tmp_path / "README.txt").write_text("about this class", encoding="utf-8")
    assert load_class(synthetic_class(tmp_path, n=2)).students == 2
