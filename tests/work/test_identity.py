"""One identity per student: names, shared logins, export file names, and asking before importing another's work."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from korea_kit import WorkStore, WorkStoreError
from korea_kit.work import _identity
from korea_kit.work._checks import check
from korea_kit.work._session import export_work, import_bytes, import_work, set_name


@pytest.fixture(autouse=True)
def shared_login(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test here runs as Binder's jovyan, with no name from the environment."""
    monkeypatch.delenv("KOREA_KIT_STUDENT", raising=False)
    monkeypatch.setattr(_identity.getpass, "getuser", lambda: "jovyan")


@pytest.fixture
def store(tmp_path: Path) -> WorkStore:
    return WorkStore(tmp_path / "mine" / "work.json")


def exported(store: WorkStore, folder: Path) -> dict:
    return json.loads(export_work(folder, store=store).path.read_text(encoding="utf-8"))


def test_two_jovyan_students_export_different_files_each_with_their_own_name(tmp_path: Path) -> None:
    minji, jisoo = WorkStore(tmp_path / "a" / "work.json"), WorkStore(tmp_path / "b" / "work.json")
    set_name("Kim Min-ji", store=minji)
    set_name("Lee Ji-soo", store=jisoo)
    minji.set_answer("00.4", "Minji's answer.")
    jisoo.set_answer("00.4", "Jisoo's answer.")
    first, second = export_work(tmp_path, store=minji).path, export_work(tmp_path, store=jisoo).path
    assert first != second and first.name.startswith("korea-kit-work-kim-min-ji-")
    for path, name in ((first, "Kim Min-ji"), (second, "Lee Ji-soo")):
        document = json.loads(path.read_text(encoding="utf-8"))
        assert document["student"] == name
        assert [r["source"] for r in document["records"].values()] == [f"student:{name}"]


def test_two_unnamed_work_files_never_export_to_the_same_file_name(tmp_path: Path) -> None:
    names = {export_work(tmp_path, store=WorkStore(tmp_path / str(n) / "work.json")).path.name for n in range(5)}
    assert len(names) == 5 and all(name.startswith("korea-kit-work-student-") for name in names)


def test_a_unicode_name_is_kept_as_it_is_in_the_file(store: WorkStore) -> None:
    set_name("김민지", store=store)
    store.set_answer("1.1", "답변")
    raw = store.path.read_text(encoding="utf-8")
    assert '"student": "김민지"' in raw and '"source": "student:김민지"' in raw


def test_a_unicode_name_gives_an_ascii_export_file_name(store: WorkStore, tmp_path: Path) -> None:
    set_name("José 김", store=store)
    assert export_work(tmp_path, store=store).path.name == f"korea-kit-work-jose-gim-{store.work_id[:6]}.json"


def test_a_hangul_name_is_romanized_in_the_export_file_name_and_kept_inside(store: WorkStore, tmp_path: Path) -> None:
    set_name("김민지", store=store)
    path = export_work(tmp_path, store=store).path
    assert path.name == f"korea-kit-work-gimminji-{store.work_id[:6]}.json"
    assert json.loads(path.read_text(encoding="utf-8"))["student"] == "김민지"


def test_a_name_with_no_ascii_form_falls_back_to_student_and_the_work_id(store: WorkStore, tmp_path: Path) -> None:
    set_name("王小明", store=store)
    assert export_work(tmp_path, store=store).path.name == f"korea-kit-work-student-{store.work_id[:6]}.json"


def test_the_work_id_is_kept_in_the_work_file(store: WorkStore) -> None:
    store.set_answer("1.1", "yes")
    assert json.loads(store.path.read_text(encoding="utf-8"))["work_id"] == store.work_id
    assert WorkStore(store.path).work_id == store.work_id


def test_before_a_name_is_set_records_belong_to_the_work_file(store: WorkStore) -> None:
    record = store.set_answer("1.1", "yes")
    assert store.student is None and record["source"] == f"student:unnamed-{store.work_id}"


def test_setting_the_name_later_puts_it_on_every_own_record(store: WorkStore, tmp_path: Path) -> None:
    store.set_answer("1.1", "Before the name.")
    store.add_span("art-1", None, "actor", 0, 5, "a")
    set_name("Kim Min-ji", store=store)
    document = exported(store, tmp_path)
    assert document["student"] == "Kim Min-ji"
    assert {r["source"] for r in document["records"].values()} == {"student:Kim Min-ji"}
    assert store.answer("1.1") == "Before the name."


def test_the_name_is_remembered_when_the_work_file_is_opened_again(store: WorkStore) -> None:
    set_name("Kim Min-ji", store=store)
    assert WorkStore(store.path).student == "Kim Min-ji"


def test_the_environment_variable_wins_over_the_name_in_the_file(store: WorkStore, monkeypatch) -> None:
    set_name("Kim Min-ji", store=store)
    monkeypatch.setenv("KOREA_KIT_STUDENT", "instructor")
    assert WorkStore(store.path).student == "instructor"


def test_another_notebook_on_the_file_takes_the_name_with_its_next_change(store: WorkStore) -> None:
    other_tab = WorkStore(store.path)
    other_tab.set_answer("1.2", "From the other tab.")
    set_name("Kim Min-ji", store=store)
    record = other_tab.set_answer("1.3", "Later, in the other tab.")
    assert record["source"] == "student:Kim Min-ji"
    assert {r["source"] for r in WorkStore(store.path).records()} == {"student:Kim Min-ji"}


def test_check_reminds_an_unnamed_student_to_set_a_name(store: WorkStore) -> None:
    assert 'kk.set_name("Your Name")' in check("01.1", "ITV News", store=store).note


def test_export_reminds_an_unnamed_student_to_set_a_name(store: WorkStore, tmp_path: Path) -> None:
    assert 'kk.set_name("Your Name")' in repr(export_work(tmp_path, store=store))


def test_no_reminder_once_the_name_is_set(store: WorkStore, tmp_path: Path) -> None:
    set_name("Kim Min-ji", store=store)
    assert check("01.1", "ITV News", store=store).note == ""
    assert "set_name" not in repr(export_work(tmp_path, store=store))


def test_importing_another_students_export_asks_first(store: WorkStore, tmp_path: Path) -> None:
    set_name("Kim Min-ji", store=store)
    other = WorkStore(tmp_path / "other.json", student="Lee Ji-soo")
    other.set_answer("1.1", "Jisoo's answer.")
    with pytest.raises(WorkStoreError, match="work of 'Lee Ji-soo'.*other_student=True"):
        import_work(other.export(tmp_path / "jisoo.json"), store=store)
    assert len(store) == 0


def test_an_unnamed_store_is_told_to_set_its_name_before_importing_a_named_export(store: WorkStore, tmp_path: Path) -> None:
    other = WorkStore(tmp_path / "laptop.json", student="Kim Min-ji")
    other.set_answer("1.1", "From the laptop.")
    with pytest.raises(WorkStoreError, match=r"no name is set here yet.*kk.set_name\('Kim Min-ji'\)"):
        import_work(other.export(tmp_path / "laptop-export.json"), store=store)


def test_with_other_student_the_work_keeps_its_author_and_is_not_handed_in_as_mine(store: WorkStore, tmp_path: Path) -> None:
    set_name("Teacher", store=store)
    other = WorkStore(tmp_path / "other.json", student="Lee Ji-soo")
    other.set_answer("1.1", "Jisoo's answer.")
    import_work(other.export(tmp_path / "jisoo.json"), store=store, other_student=True)
    assert store.answer("1.1") is None
    assert [r["source"] for r in exported(store, tmp_path / "out")["records"].values()] == ["student:Lee Ji-soo"]


def test_my_own_unnamed_export_from_yesterday_is_mine_again(store: WorkStore, tmp_path: Path) -> None:
    yesterday = WorkStore(tmp_path / "yesterday.json")
    yesterday.set_answer("1.1", "Written yesterday.")
    import_work(yesterday.export(tmp_path / "yesterday-export.json"), store=store)
    assert store.answer("1.1") == "Written yesterday."


def test_an_upload_of_another_students_work_is_refused(store: WorkStore, tmp_path: Path) -> None:
    set_name("Kim Min-ji", store=store)
    other = WorkStore(tmp_path / "other.json", student="Lee Ji-soo")
    other.set_answer("1.1", "Jisoo's answer.")
    with pytest.raises(WorkStoreError, match="work of 'Lee Ji-soo'"):
        import_bytes(other.export(tmp_path / "jisoo.json").read_bytes(), "jisoo.json", store=store)


@pytest.mark.parametrize(("call", "message"), [
    (lambda s: set_name(5, store=s), "as text in quotes"),
    (lambda s: set_name("", store=s), "as text in quotes"),
    (lambda s: set_name("   ", store=s), "as text in quotes"),
    (lambda s: set_name("Kim", store="x"), "should be a work store"),
])
def test_set_name_refuses_what_is_not_a_name(store: WorkStore, call, message: str) -> None:
    import korea_kit as kk

    with pytest.raises(kk.KitError, match=message):
        call(store)


def test_the_environment_variable_wins_over_kk_set_name(store: WorkStore, monkeypatch) -> None:
    monkeypatch.setenv("KOREA_KIT_STUDENT", "instructor")
    named = WorkStore(store.path)
    note = set_name("Kim Min-ji", store=named)
    assert named.student == "instructor" and "KOREA_KIT_STUDENT" in repr(note)


def test_a_work_file_from_an_earlier_korea_kit_under_jovyan_stays_the_students_own(tmp_path: Path) -> None:
    path = tmp_path / "work.json"
    record = {"id": "a" * 32, "kind": "answer", "article_id": None, "exercise_id": "1.1", "source": "student:jovyan",
              "created": "2018-02-09T10:00:00.000000+00:00", "updated": "2018-02-09T10:00:00.000000+00:00",
              "deleted": False, "text": "Written with the old kit.", "history": []}
    path.write_text(json.dumps({"format": "korea-kit-work", "schema": 1, "student": "jovyan",
                                "records": {record["id"]: record}}), encoding="utf-8")
    store = WorkStore(path)
    assert store.student is None and store.answer("1.1") == "Written with the old kit."
    set_name("Kim Min-ji", store=store)
    assert [r["source"] for r in WorkStore(path).records()] == ["student:Kim Min-ji"]
