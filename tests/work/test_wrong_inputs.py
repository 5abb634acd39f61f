"""Wrong calls get a KitError that helps; files that are not exports are refused before they are read."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import korea_kit as kk
from korea_kit import Article, KitError, WorkStore, WorkStoreError
from korea_kit.work import _files
from korea_kit.work._session import export_work, import_bytes, import_work


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> WorkStore:
    monkeypatch.setenv("KOREA_KIT_WORK", str(tmp_path / "work.json"))
    return kk.work()


WRONG_CALLS = {
    "progress('1')": (lambda: kk.progress("1"), "Did you mean '01'"),
    "progress(1)": (lambda: kk.progress(1), "Did you mean '01'"),
    "progress(store='x')": (lambda: kk.progress(store="x"), "store should be a work store"),
    "check(None, 'x')": (lambda: kk.check(None, "x"), "exercise's name as text"),
    "check(5, 'x')": (lambda: kk.check(5, "x"), "exercise's name as text"),
    "check(store=5)": (lambda: kk.check("01.1", "x", store=5), "store should be a work store"),
    "export_work(5)": (lambda: kk.export_work(5), "should be a folder"),
    "export_work('/dev/null')": (lambda: kk.export_work("/dev/null"), "is a file or a device"),
    "import_work(None)": (lambda: kk.import_work(None), "file name of an export"),
    "import_work('missing.json')": (lambda: kk.import_work("missing.json"), "does not exist"),
    "import_work('/dev/zero')": (lambda: kk.import_work("/dev/zero"), "it is a device, not a file"),
    "import_work(other_student='yes')": (lambda: kk.import_work("x.json", other_student="yes"), "True or False"),
    "work(5)": (lambda: kk.work(5), "file path written as text"),
    "WorkStore(5)": (lambda: kk.WorkStore(5), "file path written as text"),
    "WorkStore(student=5)": (lambda: kk.WorkStore(student=5), "student's name as text"),
    "set_name(5)": (lambda: kk.set_name(5), "as text in quotes"),
    "set_name('')": (lambda: kk.set_name(""), "as text in quotes"),
    "viewer(None)": (lambda: kk.viewer(None), "shows an Article"),
    "viewer(corpus)": (lambda: kk.viewer(kk.load_corpus()), r"give one article, e.g. corpus\['000'\]"),
    "quote_tagger('001')": (lambda: kk.quote_tagger("001"), r"corpus\['001'\]"),
    "viewer(unit='word')": (lambda: kk.viewer(kk.load_corpus()[0], unit="word"), "'sentence' or 'paragraph'|\"sentence\""),
    "viewer(colour=...)": (lambda: kk.viewer(kk.load_corpus()[0], colour="red"), "no option 'colour'"),
    "viewer(labels=[])": (lambda: kk.viewer(kk.load_corpus()[0], labels=[]), "at least one"),
    "upload_work(store=5)": (lambda: kk.upload_work(store=5), "store should be a work store"),
    "import_bytes(None)": (lambda: import_bytes(None, "x.json"), "bytes of an export"),
}


@pytest.mark.parametrize(("call", "message"), WRONG_CALLS.values(), ids=WRONG_CALLS.keys())
def test_a_wrong_call_gets_a_kit_error_that_helps(store: WorkStore, call, message: str) -> None:
    with pytest.raises(KitError, match=message):
        call()


def test_a_huge_whole_number_is_checked_like_any_wrong_answer(store: WorkStore) -> None:
    feedback = kk.check("01.1", 10**400)
    assert feedback.status == "wrong" and store.attempts("01.1")[0]["answer"] == 10**400


def test_an_unknown_exercise_name_suggests_the_closest(store: WorkStore) -> None:
    assert "Did you mean '01.2'" in kk.check("01.22", "x").message


def test_a_pipe_is_refused_without_waiting_for_a_writer(store: WorkStore, tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.json"
    os.mkfifo(pipe)
    with pytest.raises(WorkStoreError, match="pipe"):
        import_work(pipe)


def test_a_folder_is_refused(store: WorkStore, tmp_path: Path) -> None:
    with pytest.raises(WorkStoreError, match="it is a folder, not a file"):
        import_work(tmp_path)


def test_an_export_larger_than_the_import_limit_is_refused(store: WorkStore, tmp_path: Path, monkeypatch) -> None:
    store.set_answer("00.4", "x" * 500)
    monkeypatch.setattr(_files, "IMPORT_SIZE_LIMIT", 400)
    with pytest.raises(WorkStoreError, match="more than the .* an export can be.*could not be imported back"):
        export_work(tmp_path / "out")
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []


def test_the_import_limit_reads_no_more_than_the_limit(store: WorkStore, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(_files, "IMPORT_SIZE_LIMIT", 100)
    big = tmp_path / "big.json"
    big.write_text(json.dumps({"format": "korea-kit-work", "schema": 1, "records": {}, "pad": "x" * 200}))
    with pytest.raises(WorkStoreError, match="more than the .* a korea-kit export can be"):
        import_work(big)


def test_uploaded_bytes_over_the_limit_are_refused(store: WorkStore, monkeypatch) -> None:
    monkeypatch.setattr(_files, "IMPORT_SIZE_LIMIT", 10)
    with pytest.raises(WorkStoreError, match="more than the"):
        import_bytes(b"{" + b" " * 20 + b"}", "big.json")


def test_a_damaged_export_gives_what_it_can_and_lists_what_it_dropped(store: WorkStore, tmp_path: Path) -> None:
    other = WorkStore(tmp_path / "laptop.json", student="tester")
    other.set_answer("1.1", "Good.")
    document = json.loads(other.export(tmp_path / "export.json").read_text(encoding="utf-8"))
    document["records"]["broken"] = {"id": "broken", "kind": "span"}
    (tmp_path / "damaged.json").write_text(json.dumps(document), encoding="utf-8")
    summary = import_work(tmp_path / "damaged.json")
    assert summary.counts["added"] == 1 and store.answer("1.1") == "Good."
    assert len(summary.dropped) == 1 and "1 broken item(s)" in repr(summary) and "'broken'" in repr(summary)


def test_the_viewer_for_a_string_says_how_to_pick_an_article() -> None:
    with pytest.raises(kk.KitError, match="not the text '001'"):
        kk.viewer("001")


def test_an_article_works_in_the_viewer(store: WorkStore) -> None:
    assert kk.viewer(Article.from_text("Talks on\n\nKim met Moon.", id="t")).logic.status == ""
