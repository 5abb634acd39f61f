"""The work store: where work is kept, what is saved, and that nothing is lost."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
import tempfile
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from korea_kit.work import _files, _identity, _records
from korea_kit.work._store import SCHEMA_VERSION, WorkStore, WorkStoreError, default_work_path

REPOSITORY = Path(__file__).resolve().parents[2]
WORKER = Path(__file__).with_name("store_crash_worker.py")


@pytest.fixture(autouse=True)
def no_env_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KOREA_KIT_WORK", raising=False)
    monkeypatch.delenv("KOREA_KIT_STUDENT", raising=False)


@pytest.fixture
def work_path(tmp_path: Path) -> Path:
    return tmp_path / "class" / "work.json"


@pytest.fixture
def store(work_path: Path) -> WorkStore:
    return WorkStore(work_path, student="minji")


def reopened(store: WorkStore) -> WorkStore:
    return WorkStore(store.path, student=store.student)


def write_document(path: Path, **changes: object) -> bytes:
    """Write a work file (valid unless ``changes`` break it) and return its bytes."""
    document = {"format": "korea-kit-work", "schema": SCHEMA_VERSION, "student": "minji", "records": {}, **changes}
    data = json.dumps(document).encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return data


def damaged_copies(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{path.name}.damaged-*"))


def span_record(**changes: object) -> dict:
    """A well-formed span record as it would appear in a file."""
    record = {
        "id": uuid.uuid4().hex, "kind": "span", "article_id": "art-1", "exercise_id": None,
        "source": "student:other", "created": "2018-02-09T10:00:00.000000+00:00",
        "updated": "2018-02-09T10:00:00.000000+00:00", "deleted": False,
        "layer": "actor", "start": 0, "end": 11, "label": "actor", "attrs": {}, "text": None,
    }
    return {**record, **changes}


def start_worker(work_file: Path, tag: str, count: int, pause: float) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPOSITORY), os.environ.get("PYTHONPATH")]))}
    worker = subprocess.Popen(
        [sys.executable, str(WORKER), str(work_file), tag, "--count", str(count), "--pause", str(pause)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env,
    )
    assert worker.stdout.readline() == "ready\n"
    return worker


# ------------------------------------------------------------------ location


def test_default_path_is_korea_kit_work_in_home_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: tmp_path))
    assert default_work_path() == tmp_path / "korea-kit-work" / "work.json"


def test_env_var_chooses_the_work_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("KOREA_KIT_WORK", str(tmp_path / "shared" / "kim.json"))
    assert default_work_path() == tmp_path / "shared" / "kim.json"


def test_store_without_path_uses_default_and_creates_its_folders(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("KOREA_KIT_WORK", str(tmp_path / "a" / "b" / "work.json"))
    store = WorkStore(student="minji")
    store.set_answer("1.1", "yes")
    assert store.path == tmp_path / "a" / "b" / "work.json"
    assert store.path.is_file()


def test_student_comes_from_env_var(monkeypatch: pytest.MonkeyPatch, work_path: Path) -> None:
    monkeypatch.setenv("KOREA_KIT_STUDENT", "jisoo")
    assert WorkStore(work_path).student == "jisoo"


def test_student_defaults_to_os_user_name(monkeypatch: pytest.MonkeyPatch, work_path: Path) -> None:
    monkeypatch.setattr(_identity.getpass, "getuser", lambda: "kimminji")
    assert WorkStore(work_path).student == "kimminji"


@pytest.mark.parametrize("login", ["jovyan", "root", "user", "student", "admin", "ubuntu", "", "김민지"])
def test_a_shared_or_non_ascii_login_is_not_a_name(monkeypatch: pytest.MonkeyPatch, work_path: Path, login: str) -> None:
    monkeypatch.setattr(_identity.getpass, "getuser", lambda: login)
    assert WorkStore(work_path).student is None


def test_student_is_unknown_when_os_user_is_unknown(monkeypatch: pytest.MonkeyPatch, work_path: Path) -> None:
    def no_user() -> str:
        raise OSError("no user name")

    monkeypatch.setattr(_identity.getpass, "getuser", no_user)
    assert WorkStore(work_path).student is None


def test_missing_file_is_an_empty_store_created_on_first_save(store: WorkStore) -> None:
    assert len(store) == 0 and not store.path.exists()
    store.set_answer("1.1", "yes")
    assert store.path.is_file()


# -------------------------------------------------------------- file format


def test_file_is_sorted_pretty_utf8_json_with_format_and_schema(store: WorkStore) -> None:
    store.add_span("art-1", "ex-1", "actor", 0, 2, "actor", text="북한")
    raw = store.path.read_text(encoding="utf-8")
    document = json.loads(raw)
    assert raw == json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    assert "북한" in raw
    assert (document["format"], document["schema"], document["student"]) == ("korea-kit-work", 1, "minji")


def test_record_has_id_source_times_and_tombstone_flag(store: WorkStore) -> None:
    record = store.record_attempt("3.1", "KCNA", True)
    assert uuid.UUID(hex=record["id"]).version == 4 and len(record["id"]) == 32
    assert record["source"] == "student:minji"
    assert datetime.fromisoformat(record["created"]).utcoffset() == timedelta(0)
    assert record["updated"] == record["created"] and record["deleted"] is False


# ------------------------------------------------------------------ autosave

MUTATIONS = {
    "add_span": lambda s: s.add_span("art-1", "ex-1", "actor", 0, 5, "actor"),
    "remove_span": lambda s: s.remove_span(s.add_span("art-1", None, "actor", 0, 5, "actor")["id"]),
    "set_coding": lambda s: s.set_coding("art-1", "ex-2", "frame", "conflict"),
    "set_answer": lambda s: s.set_answer("1.1", "An answer."),
    "record_attempt": lambda s: s.record_attempt("3.1", ["KCNA"], True),
}


@pytest.mark.parametrize("mutation", MUTATIONS.values(), ids=MUTATIONS.keys())
def test_every_change_is_on_disk_when_the_call_returns(store: WorkStore, mutation) -> None:
    mutation(store)
    assert reopened(store).records(include_deleted=True) == store.records(include_deleted=True) != []


def test_import_is_on_disk_when_the_call_returns(store: WorkStore, tmp_path: Path) -> None:
    other = WorkStore(tmp_path / "other.json", student="jisoo")
    other.set_answer("1.1", "From elsewhere.")
    store.import_file(other.export(tmp_path / "export.json"), other_student=True)
    assert reopened(store).records() == other.records()


# ---------------------------------------------------------------------- spans


def test_add_span_returns_the_saved_span(store: WorkStore) -> None:
    span = store.add_span("art-1", "ex-1", "actor", 14, 25, "actor", attrs={"country": "PRK"}, text="North Korea")
    assert {k: span[k] for k in ("kind", "article_id", "exercise_id", "layer", "start", "end", "label", "attrs", "text")} == {
        "kind": "span", "article_id": "art-1", "exercise_id": "ex-1", "layer": "actor",
        "start": 14, "end": 25, "label": "actor", "attrs": {"country": "PRK"}, "text": "North Korea",
    }


def test_adding_the_same_span_twice_returns_the_existing_record(store: WorkStore) -> None:
    first = store.add_span("art-1", "ex-1", "actor", 14, 25, "actor")
    second = store.add_span("art-1", "ex-1", "actor", 14, 25, "actor")
    assert second == first and len(store) == 1


def test_adding_the_same_span_again_updates_attrs_and_text(store: WorkStore) -> None:
    first = store.add_span("art-1", "ex-1", "actor", 14, 25, "actor", attrs={"country": "PRK"})
    second = store.add_span("art-1", "ex-1", "actor", 14, 25, "actor", attrs={"country": "DPRK"}, text="North Korea")
    assert second["id"] == first["id"] and (second["attrs"], second["text"]) == ({"country": "DPRK"}, "North Korea")
    assert second["updated"] > first["updated"]


def test_adding_a_removed_span_again_brings_it_back(store: WorkStore) -> None:
    first = store.add_span("art-1", "ex-1", "actor", 14, 25, "actor")
    store.remove_span(first["id"])
    again = store.add_span("art-1", "ex-1", "actor", 14, 25, "actor")
    assert again["id"] == first["id"] and again["deleted"] is False
    assert len(store.records(include_deleted=True)) == 1


def test_spans_with_another_label_are_separate(store: WorkStore) -> None:
    store.add_span("art-1", "ex-1", "actor", 14, 25, "actor")
    store.add_span("art-1", "ex-1", "actor", 14, 25, "country")
    assert len(store.spans()) == 2


def test_spans_are_filtered_and_sorted_by_article_start_end(store: WorkStore) -> None:
    store.add_span("art-2", "ex-1", "actor", 0, 3, "a")
    store.add_span("art-1", "ex-1", "quote", 10, 20, "a")
    store.add_span("art-1", "ex-2", "actor", 10, 15, "a")
    store.add_span("art-1", "ex-1", "actor", 2, 4, "a")
    assert [(s["article_id"], s["start"], s["end"]) for s in store.spans()] == [
        ("art-1", 2, 4), ("art-1", 10, 15), ("art-1", 10, 20), ("art-2", 0, 3)]
    assert [s["start"] for s in store.spans(article_id="art-1", exercise_id="ex-1", layer="actor")] == [2]


def test_removed_span_is_kept_as_tombstone(store: WorkStore) -> None:
    span = store.add_span("art-1", "ex-1", "actor", 14, 25, "actor")
    store.remove_span(span["id"])
    assert store.spans() == [] and len(store) == 0
    (kept,) = reopened(store).records(include_deleted=True)
    assert kept["id"] == span["id"] and kept["deleted"] is True


def test_removing_an_unknown_span_is_refused(store: WorkStore) -> None:
    with pytest.raises(WorkStoreError, match="there is no span with the id 'nope'"):
        store.remove_span("nope")


def test_remove_span_refuses_records_that_are_not_spans(store: WorkStore) -> None:
    answer = store.set_answer("1.1", "Keep me.")
    with pytest.raises(WorkStoreError, match="no span"):
        store.remove_span(answer["id"])
    assert store.answer("1.1") == "Keep me."


# -------------------------------------------------------------------- codings


def test_set_coding_saves_question_and_value(store: WorkStore) -> None:
    coding = store.set_coding("art-1", "ex-2", "sources", ["Yonhap", "KCNA"])
    assert (coding["kind"], coding["question"], coding["value"]) == ("coding", "sources", ["Yonhap", "KCNA"])
    assert store.codings() == [coding]


def test_setting_a_coding_again_updates_the_same_record(store: WorkStore) -> None:
    first = store.set_coding("art-1", "ex-2", "frame", "conflict")
    second = store.set_coding("art-1", "ex-2", "frame", "diplomacy")
    assert second["id"] == first["id"] and [c["value"] for c in store.codings()] == ["diplomacy"]


def test_codings_are_filtered_by_article_and_exercise(store: WorkStore) -> None:
    store.set_coding("art-1", "ex-2", "frame", "conflict")
    store.set_coding("art-2", "ex-2", "frame", "diplomacy")
    store.set_coding("art-1", "ex-3", "frame", "economy")
    assert [c["value"] for c in store.codings(article_id="art-1", exercise_id="ex-2")] == ["conflict"]


# -------------------------------------------------------------------- answers


def test_answer_is_saved_and_read_back(store: WorkStore) -> None:
    record = store.set_answer("1.1", "The report quotes only officials.")
    assert record["kind"] == "answer" and record["history"] == []
    assert reopened(store).answer("1.1") == "The report quotes only officials."


def test_answer_not_written_yet_is_none(store: WorkStore) -> None:
    assert store.answer("1.1") is None


def test_answers_about_an_article_are_separate_from_general_ones(store: WorkStore) -> None:
    store.set_answer("1.1", "General.")
    store.set_answer("1.1", "About article 1.", article_id="art-1")
    assert (store.answer("1.1"), store.answer("1.1", article_id="art-1")) == ("General.", "About article 1.")


def test_setting_an_answer_again_updates_the_same_record(store: WorkStore) -> None:
    first = store.set_answer("1.1", "First.")
    second = store.set_answer("1.1", "Second.")
    assert second["id"] == first["id"] and len(store) == 1 and store.answer("1.1") == "Second."


def test_answer_history_keeps_earlier_versions_oldest_first(store: WorkStore) -> None:
    first = store.set_answer("1.1", "First.")
    store.set_answer("1.1", "Second.")
    third = store.set_answer("1.1", "Third.")
    assert third["history"][0] == {"text": "First.", "updated": first["updated"]}
    assert [old["text"] for old in third["history"]] == ["First.", "Second."]


def test_answer_history_keeps_only_the_last_20_versions(store: WorkStore) -> None:
    for number in range(25):
        record = store.set_answer("1.1", f"Version {number}.")
    assert [old["text"] for old in record["history"]] == [f"Version {n}." for n in range(4, 24)]


def test_saving_the_same_answer_text_changes_nothing(store: WorkStore) -> None:
    first = store.set_answer("1.1", "Same.")
    assert store.set_answer("1.1", "Same.") == first


# ------------------------------------------------------------------- attempts


def test_every_attempt_is_its_own_record(store: WorkStore) -> None:
    first = store.record_attempt("3.1", ["Yonhap"], False)
    second = store.record_attempt("3.1", ["Yonhap"], False)
    assert first["id"] != second["id"] and len(store.attempts()) == 2


def test_attempts_are_filtered_by_exercise_oldest_first(store: WorkStore) -> None:
    store.record_attempt("3.1", 1, False)
    store.record_attempt("3.2", 2, True, article_id="art-1")
    store.record_attempt("3.1", 3, True)
    assert [a["answer"] for a in store.attempts("3.1")] == [1, 3]
    assert [a["answer"] for a in store.attempts()] == [1, 2, 3]


# ---------------------------------------------------------- records in general


def test_records_include_removed_ones_only_on_request(store: WorkStore) -> None:
    store.remove_span(store.add_span("art-1", None, "actor", 0, 5, "a")["id"])
    store.set_answer("1.1", "yes")
    assert [r["kind"] for r in store.records()] == ["answer"]
    assert [r["kind"] for r in store.records(include_deleted=True)] == ["span", "answer"]


def test_len_counts_live_records(store: WorkStore) -> None:
    store.set_answer("1.1", "yes")
    store.remove_span(store.add_span("art-1", None, "actor", 0, 5, "a")["id"])
    assert len(store) == 1


def test_repr_names_file_student_and_record_count(store: WorkStore) -> None:
    store.set_answer("1.1", "yes")
    assert repr(store) == f"WorkStore({str(store.path)!r}, student='minji', records=1)"


def test_records_returned_are_copies(store: WorkStore) -> None:
    span = store.add_span("art-1", None, "actor", 0, 5, "a", attrs={"tags": ["x"]})
    span["attrs"]["tags"].append("changed")
    store.spans()[0]["label"] = "changed"
    store.records()[0]["attrs"]["tags"].clear()
    assert store.spans()[0]["attrs"] == {"tags": ["x"]} and store.spans()[0]["label"] == "a"


def test_inputs_are_stored_as_plain_json(store: WorkStore) -> None:
    record = store.set_coding("art-1", None, "pair", (1, ("a", 2.5)))
    assert record["value"] == [1, ["a", 2.5]]


def test_updated_time_never_goes_back_even_if_the_clock_does(store: WorkStore, monkeypatch: pytest.MonkeyPatch) -> None:
    first = store.set_answer("1.1", "First.")
    monkeypatch.setattr(_records, "_now", lambda: datetime(2001, 1, 1, tzinfo=timezone.utc))
    second = store.set_answer("1.1", "Second.")
    assert datetime.fromisoformat(second["updated"]) > datetime.fromisoformat(first["updated"])


def test_to_frame_has_one_row_per_live_record(store: WorkStore) -> None:
    store.add_span("art-1", "ex-1", "actor", 0, 5, "a")
    store.remove_span(store.add_span("art-1", "ex-1", "actor", 6, 9, "a")["id"])
    store.set_answer("1.1", "yes")
    frame = store.to_frame()
    assert list(frame["kind"]) == ["span", "answer"]
    assert list(frame.columns[:7]) == ["id", "kind", "source", "article_id", "exercise_id", "created", "updated"]
    assert str(frame["created"].dt.tz) == "UTC"


# ------------------------------------------------------------- input checks

def nested_lists(depth: int) -> list:
    value: list = []
    for _ in range(depth):
        value = [value]
    return value


BAD_INPUTS = {
    "start after end": (lambda s: s.add_span("art-1", None, "actor", 9, 3, "a"), "start \\(9\\) comes after end \\(3\\)"),
    "negative start": (lambda s: s.add_span("art-1", None, "actor", -1, 3, "a"), "start should be a whole number"),
    "fractional end": (lambda s: s.add_span("art-1", None, "actor", 0, 2.5, "a"), "end should be a whole number"),
    "true as start": (lambda s: s.add_span("art-1", None, "actor", True, 3, "a"), "start should be a whole number"),
    "no article": (lambda s: s.add_span(None, None, "actor", 0, 3, "a"), "article_id should be a name"),
    "number as layer": (lambda s: s.add_span("art-1", None, 7, 0, 3, "a"), "layer should be written as text"),
    "attrs not a dict": (lambda s: s.add_span("art-1", None, "actor", 0, 3, "a", attrs=["x"]), "attrs should be a dict"),
    "attrs with a set": (lambda s: s.add_span("art-1", None, "actor", 0, 3, "a", attrs={"x": {1}}), "cannot be saved"),
    "number as article": (lambda s: s.set_coding(5, None, "frame", "x"), "article_id should be a name"),
    "empty question": (lambda s: s.set_coding("art-1", None, " ", "x"), "question should be a name"),
    "NaN value": (lambda s: s.set_coding("art-1", None, "score", math.nan), "not a number that can be saved"),
    "number as dict key": (lambda s: s.set_coding("art-1", None, "map", {1: "a"}), "keys must be text"),
    "answer not text": (lambda s: s.set_answer("1.1", 42), "text \\(your answer\\) should be written as text"),
    "broken character": (lambda s: s.set_answer("1.1", "bad \ud800"), "broken character"),
    "no exercise": (lambda s: s.set_answer(None, "x"), "exercise_id should be a name"),
    "correct not a bool": (lambda s: s.record_attempt("3.1", "x", 1), "correct should be True or False"),
    "object as answer": (lambda s: s.record_attempt("3.1", object(), True), "cannot be saved"),
    "too deeply nested": (lambda s: s.record_attempt("3.1", nested_lists(101), True), "nested more than 100 levels"),
    "too long a number": (lambda s: s.set_coding("art-1", None, "q", 10**5000), "whole number too long to save"),
}


@pytest.mark.parametrize(("call", "message"), BAD_INPUTS.values(), ids=BAD_INPUTS.keys())
def test_bad_input_is_refused_with_a_clear_message_and_nothing_saved(store: WorkStore, call, message: str) -> None:
    with pytest.raises(WorkStoreError, match=message) as refused:
        call(store)
    assert str(refused.value).startswith(f"Nothing was saved to {store.path}: ")
    assert not store.path.exists() and len(store) == 0


def test_work_store_error_is_a_value_error() -> None:
    assert issubclass(WorkStoreError, ValueError)


# ---------------------------------------------------------------- concurrency


def test_two_stores_on_one_file_keep_both_changes(work_path: Path) -> None:
    first_tab = WorkStore(work_path, student="minji")
    stale_tab = WorkStore(work_path, student="minji")
    span = first_tab.add_span("art-1", "ex-1", "actor", 0, 5, "a")
    answer = stale_tab.set_answer("1.1", "From the second tab.")
    assert {r["id"] for r in WorkStore(work_path).records()} == {span["id"], answer["id"]}


def test_stale_store_sees_the_other_changes_after_its_own_save(work_path: Path) -> None:
    first_tab, stale_tab = WorkStore(work_path, student="minji"), WorkStore(work_path, student="minji")
    first_tab.add_span("art-1", "ex-1", "actor", 0, 5, "a")
    stale_tab.set_answer("1.1", "yes")
    assert len(stale_tab.spans()) == 1


def test_reload_shows_what_another_store_saved(work_path: Path) -> None:
    first_tab, second_tab = WorkStore(work_path, student="minji"), WorkStore(work_path, student="minji")
    first_tab.set_answer("1.1", "yes")
    second_tab.reload()
    assert second_tab.answer("1.1") == "yes"


def test_stale_store_updates_the_same_answer_instead_of_duplicating_it(work_path: Path) -> None:
    first_tab, stale_tab = WorkStore(work_path, student="minji"), WorkStore(work_path, student="minji")
    first_tab.set_answer("1.1", "From tab one.")
    latest = stale_tab.set_answer("1.1", "From tab two.")
    fresh = WorkStore(work_path, student="minji")
    assert len(fresh) == 1 and fresh.answer("1.1") == "From tab two."
    assert [old["text"] for old in latest["history"]] == ["From tab one."]


def test_stale_store_does_not_undo_a_newer_change(work_path: Path) -> None:
    first_tab = WorkStore(work_path, student="minji")
    span = first_tab.add_span("art-1", None, "actor", 0, 5, "a")
    stale_tab = WorkStore(work_path, student="minji")
    first_tab.remove_span(span["id"])
    stale_tab.set_answer("1.1", "yes")
    assert WorkStore(work_path).spans() == []


def test_two_processes_saving_at_once_keep_every_record(work_path: Path) -> None:
    # Each worker saves 120 times, 2 ms apart: 30 spans, 30 codings, 30 attempts and one answer rewritten 30 times.
    workers = [start_worker(work_path, tag, count=120, pause=0.002) for tag in ("left", "right")]
    for worker in workers:
        worker.stdin.write("go\n")
        worker.stdin.flush()
    printed = set()
    for worker in workers:
        output, _ = worker.communicate(timeout=120)
        assert worker.returncode == 0
        printed |= set(output.split())
    records = WorkStore(work_path).records(include_deleted=True)
    assert len(printed) == 2 * 91 and printed <= {r["id"] for r in records}
    sources = [r["source"] for r in records]  # in the order they were created
    assert sum(a != b for a, b in zip(sources, sources[1:])) >= 10, "the two workers did not save at the same time"


def test_lock_file_fallback_also_keeps_both_changes(work_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_files, "_LOCK_METHOD", "lock-file")
    first_tab, stale_tab = WorkStore(work_path, student="minji"), WorkStore(work_path, student="minji")
    first_tab.add_span("art-1", "ex-1", "actor", 0, 5, "a")
    stale_tab.set_answer("1.1", "yes")
    assert len(WorkStore(work_path)) == 2
    assert not work_path.with_name("work.json.lock").exists()


def test_lock_file_fallback_takes_over_a_lock_left_by_a_dead_process(work_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_files, "_LOCK_METHOD", "lock-file")
    lock = work_path.with_name("work.json.lock")
    lock.parent.mkdir(parents=True)
    lock.write_text("12345\n")
    an_hour_ago = lock.stat().st_mtime - 3600
    os.utime(lock, (an_hour_ago, an_hour_ago))
    WorkStore(work_path, student="minji").set_answer("1.1", "yes")
    assert WorkStore(work_path, student="minji").answer("1.1") == "yes"


def test_busy_lock_gives_a_clear_error_after_the_timeout(store: WorkStore, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_files, "LOCK_TIMEOUT_SECONDS", 0.2)
    other_notebook = _files.FileLock(store.path.with_name("work.json.lock"))
    other_notebook.acquire()
    try:
        with pytest.raises(WorkStoreError, match="Another notebook kept your work file .* busy"):
            store.set_answer("1.1", "yes")
    finally:
        other_notebook.release()
    assert store.set_answer("1.1", "yes")["text"] == "yes"


# ------------------------------------------------------------ damaged files

DAMAGED_FILES = {
    "cut-off JSON": b'{"format": "korea-kit-work", "schema": 1, "rec',
    "empty file": b"",
    "not UTF-8": b"\xff\xfe\x00garbage",
    "list at top": b"[1, 2, 3]",
    "records not a dict": json.dumps({"format": "korea-kit-work", "schema": 1, "records": []}).encode(),
    "schema missing": json.dumps({"format": "korea-kit-work", "records": {}}).encode(),
    "NaN inside": b'{"format": "korea-kit-work", "schema": 1, "records": {}, "x": NaN}',
}


@pytest.mark.parametrize("data", DAMAGED_FILES.values(), ids=DAMAGED_FILES.keys())
def test_damaged_file_is_moved_aside_with_a_clear_message(work_path: Path, data: bytes) -> None:
    work_path.parent.mkdir(parents=True)
    work_path.write_bytes(data)
    with pytest.warns(UserWarning, match="was damaged") as warned:
        store = WorkStore(work_path, student="minji")
    (moved,) = damaged_copies(work_path)
    assert moved.read_bytes() == data and not work_path.exists() and len(store) == 0
    message = str(warned[0].message)
    assert str(work_path) in message and str(moved) in message


BAD_RECORDS = {
    "missing field": {k: v for k, v in span_record().items() if k != "layer"},
    "start after end": span_record(start=12, end=3),
    "negative start": span_record(start=-1),
    "unknown kind": span_record(kind="doodle"),
    "bad time": span_record(updated="yesterday"),
    "not a record": "just text",
    "broken character": span_record(label="\ud800"),
    "attrs nested too deeply": span_record(attrs={"x": nested_lists(150)}),
}


@pytest.mark.parametrize("record", BAD_RECORDS.values(), ids=BAD_RECORDS.keys())
def test_a_bad_record_is_dropped_and_the_file_moved_aside(work_path: Path, record: object) -> None:
    record_id = record["id"] if isinstance(record, dict) else "abc"
    data = write_document(work_path, records={record_id: record})
    with pytest.warns(UserWarning, match="was damaged"):
        WorkStore(work_path, student="minji")
    assert [moved.read_bytes() for moved in damaged_copies(work_path)] == [data]


@pytest.mark.parametrize("record", BAD_RECORDS.values(), ids=BAD_RECORDS.keys())
def test_one_bad_record_never_hides_the_good_ones(work_path: Path, record: object) -> None:
    good = [span_record(start=n, end=n + 1) for n in range(3)]
    record_id = record["id"] if isinstance(record, dict) else "abc"
    write_document(work_path, records={record_id: record, **{r["id"]: r for r in good}})
    with pytest.warns(UserWarning, match=r"3 good item\(s\) were recovered.*1 broken item\(s\) were dropped"):
        store = WorkStore(work_path, student="minji")
    assert sorted(r["id"] for r in store.records()) == sorted(r["id"] for r in good)


def test_recovered_records_are_saved_to_the_new_work_file_at_once(work_path: Path) -> None:
    good = span_record()
    write_document(work_path, records={good["id"]: good, "bad": "just text"})
    with pytest.warns(UserWarning, match="recovered"):
        WorkStore(work_path, student="minji")
    assert list(json.loads(work_path.read_text(encoding="utf-8"))["records"]) == [good["id"]]


def test_record_filed_under_another_id_is_damage(work_path: Path) -> None:
    write_document(work_path, records={"other-id": span_record()})
    with pytest.warns(UserWarning, match="its id does not match"):
        WorkStore(work_path, student="minji")


def test_after_a_damaged_file_the_store_starts_empty_and_saves(work_path: Path) -> None:
    work_path.parent.mkdir(parents=True)
    work_path.write_text("{oops")
    with pytest.warns(UserWarning):
        fresh = WorkStore(work_path, student="minji")
    fresh.set_answer("1.1", "Starting over.")
    assert len(WorkStore(work_path, student="minji")) == 1


def test_moving_aside_never_overwrites_an_earlier_damaged_copy(work_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_files, "_now", lambda: datetime(2018, 2, 9, 12, 0, 0, tzinfo=timezone.utc))
    earlier = work_path.with_name("work.json.damaged-20180209T120000Z")
    earlier.parent.mkdir(parents=True)
    earlier.write_text("earlier damaged copy")
    work_path.write_text("{newly damaged")
    with pytest.warns(UserWarning, match="damaged-20180209T120000Z-2"):
        WorkStore(work_path, student="minji")
    assert earlier.read_text() == "earlier damaged copy"
    assert work_path.with_name("work.json.damaged-20180209T120000Z-2").read_text() == "{newly damaged"


def test_foreign_json_file_is_moved_aside(work_path: Path) -> None:
    work_path.parent.mkdir(parents=True)
    work_path.write_text('{"name": "my notes", "cells": []}')
    with pytest.warns(UserWarning, match="is not a korea-kit work file, so korea-kit moved it"):
        WorkStore(work_path, student="minji")
    (moved,) = damaged_copies(work_path)
    assert moved.read_text() == '{"name": "my notes", "cells": []}'
    assert len(WorkStore(work_path, student="minji")) == 0


def test_newer_schema_opens_in_memory_and_is_left_untouched(work_path: Path) -> None:
    data = write_document(work_path, schema=SCHEMA_VERSION + 1, records={"x": {"anything": "new"}})
    store = WorkStore(work_path, student="minji")
    assert not store.saved and "saved by a newer version of korea-kit" in store.problem
    assert "update korea-kit" in store.problem and str(work_path) in store.problem
    assert work_path.read_bytes() == data and damaged_copies(work_path) == []


def test_newer_schema_found_when_saving_is_not_overwritten(store: WorkStore) -> None:
    data = write_document(store.path, schema=SCHEMA_VERSION + 1)
    with pytest.raises(WorkStoreError, match="newer version"):
        store.set_answer("1.1", "yes")
    assert store.path.read_bytes() == data


def test_damage_found_when_saving_is_moved_aside_and_work_saved(store: WorkStore) -> None:
    store.set_answer("1.1", "Before the damage.")
    store.path.write_text("{oops")
    with pytest.warns(UserWarning, match="was damaged .* saved to a new work file"):
        store.set_answer("1.2", "After the damage.")
    fresh = reopened(store)
    assert (fresh.answer("1.1"), fresh.answer("1.2")) == ("Before the damage.", "After the damage.")
    assert [moved.read_text() for moved in damaged_copies(store.path)] == ["{oops"]


def test_leftover_temporary_files_are_removed_on_open(work_path: Path) -> None:
    leftover = work_path.with_name(".work.json.tmp-abc123")
    leftover.parent.mkdir(parents=True)
    leftover.write_text('{"half": ')
    WorkStore(work_path, student="minji")
    assert not leftover.exists()


def test_failed_save_keeps_the_old_file_and_the_change_for_next_time(store: WorkStore, monkeypatch: pytest.MonkeyPatch) -> None:
    store.set_answer("1.1", "Saved.")
    before = store.path.read_bytes()

    def disk_full(source: object, target: object) -> None:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(_files.os, "replace", disk_full)
        with pytest.raises(WorkStoreError, match="No space left on device.*kept in this notebook"):
            store.set_answer("1.2", "Not saved yet.")
    assert store.path.read_bytes() == before
    assert list(store.path.parent.glob(".work.json.tmp-*")) == []
    store.set_answer("1.3", "Saved later.")
    assert reopened(store).answer("1.2") == "Not saved yet."


# ---------------------------------------------------------- export / import


def test_export_writes_the_same_format_with_an_exported_time(store: WorkStore, tmp_path: Path) -> None:
    store.set_answer("1.1", "yes")
    exported = store.export(tmp_path / "out" / "minji.json")
    document = json.loads(exported.read_text(encoding="utf-8"))
    assert (document["format"], document["schema"], document["student"]) == ("korea-kit-work", 1, "minji")
    assert datetime.fromisoformat(document["exported"]).utcoffset() == timedelta(0)
    assert list(document["records"].values()) == store.records()


def test_export_refuses_to_overwrite_the_work_file(store: WorkStore) -> None:
    with pytest.raises(WorkStoreError, match="is your work file itself"):
        store.export(store.path)


def test_import_adds_records_and_counts_them(store: WorkStore, tmp_path: Path) -> None:
    other = WorkStore(tmp_path / "other.json", student="minji")
    other.set_answer("1.1", "yes")
    other.record_attempt("3.1", 1, True)
    assert store.import_file(other.export(tmp_path / "e.json")) == {"added": 2, "updated": 0, "unchanged": 0}
    assert store.answer("1.1") == "yes" and len(store.attempts()) == 1


def test_importing_the_same_file_twice_adds_nothing_the_second_time(store: WorkStore, tmp_path: Path) -> None:
    other = WorkStore(tmp_path / "other.json", student="jisoo")
    other.add_span("art-1", None, "actor", 0, 5, "a")
    other.set_answer("1.1", "yes")
    exported = other.export(tmp_path / "e.json")
    store.import_file(exported, other_student=True)
    after_first = store.path.read_bytes()
    assert store.import_file(exported, other_student=True) == {"added": 0, "updated": 0, "unchanged": 2}
    assert len(store) == 2 and json.loads(store.path.read_bytes())["records"] == json.loads(after_first)["records"]


def test_import_takes_a_more_recently_updated_record(store: WorkStore, tmp_path: Path) -> None:
    store.set_answer("1.1", "Old.")
    laptop = WorkStore(tmp_path / "laptop.json", student="minji")
    laptop.import_file(store.export(tmp_path / "early.json"))
    laptop.set_answer("1.1", "Newer, from the laptop.")
    assert store.import_file(laptop.export(tmp_path / "late.json")) == {"added": 0, "updated": 1, "unchanged": 0}
    assert store.answer("1.1") == "Newer, from the laptop."


def test_import_keeps_a_more_recent_local_record(store: WorkStore, tmp_path: Path) -> None:
    store.set_answer("1.1", "Old.")
    exported = store.export(tmp_path / "early.json")
    store.set_answer("1.1", "Newer, here.")
    assert store.import_file(exported) == {"added": 0, "updated": 0, "unchanged": 1}
    assert store.answer("1.1") == "Newer, here."


def test_imported_records_of_another_student_keep_their_source(store: WorkStore, tmp_path: Path) -> None:
    other = WorkStore(tmp_path / "other.json", student="jisoo")
    other.add_span("art-1", None, "actor", 0, 5, "a")
    store.import_file(other.export(tmp_path / "e.json"), other_student=True)
    assert [s["source"] for s in store.spans()] == ["student:jisoo"]


def test_same_span_by_another_student_is_a_separate_record(store: WorkStore, tmp_path: Path) -> None:
    other = WorkStore(tmp_path / "other.json", student="jisoo")
    theirs = other.add_span("art-1", None, "actor", 0, 5, "a")
    store.import_file(other.export(tmp_path / "e.json"), other_student=True)
    mine = store.add_span("art-1", None, "actor", 0, 5, "a")
    assert mine["id"] != theirs["id"] and mine["source"] == "student:minji" and len(store.spans()) == 2


IMPORT_PROBLEMS = {
    "missing file": (None, "the file does not exist"),
    "cut-off JSON": (b'{"format": "korea-kit-work", "sch', "it is damaged: it is not complete, valid JSON"),
    "foreign file": (b'{"cells": []}', "it is not a korea-kit export file"),
    "newer schema": (json.dumps({"format": "korea-kit-work", "schema": 99, "records": {}}).encode(), "newer version"),
    "malformed record": (
        json.dumps({"format": "korea-kit-work", "schema": 1, "records": {"r1": span_record(id="r1", start="zero")}}).encode(),
        "it is damaged: the saved item 'r1' is broken: its 'start' should be a whole number",
    ),
}


@pytest.mark.parametrize(("data", "message"), IMPORT_PROBLEMS.values(), ids=IMPORT_PROBLEMS.keys())
def test_bad_import_is_refused_and_work_file_left_byte_for_byte(store: WorkStore, tmp_path: Path, data, message) -> None:
    store.set_answer("1.1", "Mine.")
    before = store.path.read_bytes()
    bad = tmp_path / "bad.json"
    if data is not None:
        bad.write_bytes(data)
    with pytest.raises(WorkStoreError, match=message) as refused:
        store.import_file(bad)
    assert str(refused.value).startswith(f"Could not import {bad}: ")
    assert f"Your work file {store.path} was not changed." in str(refused.value)
    assert store.path.read_bytes() == before
    assert bad.exists() == (data is not None)


def test_too_large_import_is_refused_before_reading(store: WorkStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_files, "IMPORT_SIZE_LIMIT", 100)
    big = tmp_path / "big.json"
    write_document(big, padding="x" * 200)
    with pytest.raises(WorkStoreError, match="more than the .* MB a korea-kit export can be"):
        store.import_file(big)
    assert not store.path.exists()


def test_importing_a_folder_is_refused(store: WorkStore, tmp_path: Path) -> None:
    with pytest.raises(WorkStoreError, match="it is a folder, not a file"):
        store.import_file(tmp_path)


def fill_with_every_kind_of_work(store: WorkStore) -> None:
    store.add_span("art-1", "ex-1", "actor", 14, 25, "actor", attrs={"country": "PRK"}, text="North Korea")
    store.remove_span(store.add_span("art-1", "ex-1", "actor", 30, 35, "actor")["id"])
    store.set_coding("art-1", "ex-2", "frame", {"main": "diplomacy", "also": ["conflict"]})
    store.set_answer("1.1", "First.")
    store.set_answer("1.1", "Second.")
    store.set_answer("1.2", "한국어 답변", article_id="art-1")
    store.record_attempt("3.1", ["Yonhap"], False)
    store.record_attempt("3.1", ["Yonhap", "KCNA"], True)


def test_export_then_import_into_an_empty_store_gives_identical_records(tmp_path: Path) -> None:
    original = WorkStore(tmp_path / "a.json", student="minji")
    fill_with_every_kind_of_work(original)
    first_export = json.loads(original.export(tmp_path / "first.json").read_text(encoding="utf-8"))
    copy = WorkStore(tmp_path / "b.json", student="teacher")
    copy.import_file(tmp_path / "first.json", other_student=True)
    second_export = json.loads(copy.export(tmp_path / "second.json").read_text(encoding="utf-8"))
    assert second_export["records"] == first_export["records"]
    assert len(first_export["records"]) == 7


def json_values() -> st.SearchStrategy:
    text = st.text(st.characters(exclude_categories=["Cs"]), max_size=8)
    leaves = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | text
    return st.recursive(leaves, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner, max_size=3), max_leaves=6)


NAMES = st.sampled_from(["art-1", "art-2", "한국"])
MAYBE_NAMES = st.none() | NAMES
TEXTS = st.text(st.characters(exclude_categories=["Cs"]), max_size=20)
OPERATIONS = st.lists(
    st.one_of(
        st.tuples(st.just("span"), NAMES, MAYBE_NAMES, st.integers(0, 40), st.integers(0, 40),
                  st.dictionaries(TEXTS, json_values(), max_size=2), st.none() | TEXTS),
        st.tuples(st.just("coding"), MAYBE_NAMES, MAYBE_NAMES, NAMES, json_values()),
        st.tuples(st.just("answer"), NAMES, TEXTS, MAYBE_NAMES),
        st.tuples(st.just("attempt"), NAMES, json_values(), st.booleans()),
        st.tuples(st.just("remove"), st.integers(0, 5)),
    ),
    max_size=10,
)


def apply(store: WorkStore, operation: tuple) -> None:
    kind, *arguments = operation
    if kind == "span":
        article, exercise, start, end, attrs, text = arguments
        store.add_span(article, exercise, "layer", min(start, end), max(start, end), "label", attrs=attrs, text=text)
    elif kind == "coding":
        store.set_coding(*arguments)
    elif kind == "answer":
        store.set_answer(arguments[0], arguments[1], article_id=arguments[2])
    elif kind == "attempt":
        store.record_attempt(*arguments)
    elif store.spans():
        store.remove_span(store.spans()[arguments[0] % len(store.spans())]["id"])


@settings(max_examples=40, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(OPERATIONS)
def test_any_work_survives_export_and_import_unchanged(operations: list[tuple]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        original = WorkStore(Path(folder) / "a.json", student="minji")
        for operation in operations:
            apply(original, operation)
        first = original.export(Path(folder) / "first.json")
        copy = WorkStore(Path(folder) / "b.json", student="teacher")
        copy.import_file(first, other_student=True)
        second = copy.export(Path(folder) / "second.json")
        first_records, second_records = (json.loads(path.read_text(encoding="utf-8"))["records"] for path in (first, second))
        assert first_records == second_records == {r["id"]: r for r in original.records(include_deleted=True)}
