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
