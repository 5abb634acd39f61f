"""The widget views are thin: clicking them changes the logic (and the store), nothing more."""

import pytest

from korea_kit import Article, WorkStore
from korea_kit.widgets import upload_work, viewer


@pytest.fixture
def store(tmp_path):
    return WorkStore(tmp_path / "work.json", student="ana")


@pytest.fixture
def view(store):
    return viewer(Article.from_text("Talks on\n\nKim met Moon. They agreed.\n\nAdvertisement", id="t"), store=store)


def test_clicking_next_then_tag_saves_that_sentence(view, store):
    view._next.click()
    view._tag.click()
    assert [r["text"] for r in store.spans()] == ["Kim met Moon."]


def test_the_passage_menu_follows_the_logic(view):
    view.logic.next()
    assert view._picker.value == 1


def test_unticking_a_layer_hides_it(view):
    box = next(b for b in view._boxes if b.description == "boilerplate")
    box.value = False
    assert "boilerplate" not in view.logic.layers


def test_switching_to_paragraphs_refills_the_menu(view):
    view._unit.value = "paragraph"
    assert [label for label, _ in view._picker.options] == ["1. Kim met Moon. They agreed."]


def test_a_failed_save_is_reported_in_the_status_line(view, store, tmp_path):
    store.path.write_text('{"format": "korea-kit-work", "schema": 99, "student": "x", "records": {}}')
    view._tag.click()
    assert view._status.value.startswith("⚠️ Not saved")


def test_uploading_an_export_imports_it(store, tmp_path):
    other = WorkStore(tmp_path / "other.json", student="ana")
    other.set_answer("00.4", "From another machine")
    exported = other.export(tmp_path / "export.json")
    view = upload_work(store)
    view._uploaded({"new": [{"name": "export.json", "content": memoryview(exported.read_bytes())}]})
    assert store.answer("00.4") == "From another machine" and "1 new" in view._status.value


def test_uploading_a_foreign_file_says_why_and_changes_nothing(store):
    view = upload_work(store)
    view._uploaded({"new": [{"name": "notes.json", "content": memoryview(b'{"hello": 1}')}]})
    assert view._status.value.startswith("⚠️") and len(store) == 0


def test_kk_viewer_stays_a_function_after_widgets_are_loaded(store):
    import korea_kit as kk

    article = Article.from_text("Talks on\n\nKim met Moon.", id="t")
    kk.quote_tagger(article)
    kk.viewer(article, store=store)
    assert callable(kk.viewer) and callable(kk.quote_tagger) and callable(kk.timeline_browser)


@pytest.fixture
def blocked(tmp_path):
    """A store whose work file can never be created (its folder would be inside a regular file)."""
    (tmp_path / "home").write_text("not a folder")
    return WorkStore(tmp_path / "home" / "work.json", student="ana")


def test_the_quote_tagger_opens_and_says_why_it_cannot_save(blocked):
    from korea_kit.widgets import quote_tagger

    view = quote_tagger(Article.from_text("Talks on\n\nKim met Moon.", id="t"), store=blocked)
    assert view._status.value.startswith("⚠️ Not saved") and "could not be created" in view._status.value


def test_clicking_tag_with_a_store_that_cannot_save_keeps_the_tag(blocked):
    view = viewer(Article.from_text("Talks on\n\nKim met Moon. They agreed.", id="t"), store=blocked)
    view._next.click()
    view._tag.click()
    assert [r["text"] for r in blocked.spans()] == ["Kim met Moon."] and "Not saved" in view._status.value


def export_of(student, tmp_path):
    other = WorkStore(tmp_path / f"{student}.json", student=student)
    other.set_answer("00.4", f"Written by {student}")
    return other.export(tmp_path / f"{student}-export.json").read_bytes()


def test_uploading_another_students_file_is_refused_in_the_status_line(store, tmp_path):
    view = upload_work(store)
    view._uploaded({"new": [{"name": "jisoo.json", "content": memoryview(export_of("jisoo", tmp_path))}]})
    assert "work of &#x27;jisoo&#x27;" in view._status.value and len(store) == 0


def test_an_instructor_can_upload_another_students_file(store, tmp_path):
    view = upload_work(store, other_student=True)
    view._uploaded({"new": [{"name": "jisoo.json", "content": memoryview(export_of("jisoo", tmp_path))}]})
    assert [r["source"] for r in store.records()] == ["student:jisoo"]
