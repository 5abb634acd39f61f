"""The diplomacy widgets are thin: choosing in them changes the logic and the store."""

import importlib

import pytest

import korea_kit as kk
from korea_kit import Article, WorkStore
from korea_kit.widgets import event_coder, lens_worksheet, position_grid

ARTICLE = Article.from_text("Talks\n\nSeoul said it would meet Pyongyang. Washington imposed sanctions on Pyongyang.",
                            id="t-1")


@pytest.fixture
def store(tmp_path):
    return WorkStore(tmp_path / "work.json", student="ana")


def test_the_event_coder_saves_from_its_menus(store):
    view = event_coder(ARTICLE, store=store, gold=False)
    view._sentence.value, view._source.value, view._target.value, view._cameo.value = 1, "KOR", "PRK", "036"
    view._button.click()
    assert store.codings()[0]["value"]["cameo"] == "036" and "Saved" in view._status.value


def test_a_reopened_event_coder_shows_the_saved_code(store):
    view = event_coder(ARTICLE, store=store, gold=False)
    view._sentence.value, view._source.value, view._target.value, view._cameo.value = 1, "KOR", "PRK", "036"
    view._button.click()
    assert event_coder(ARTICLE, store=WorkStore(store.path, student="ana"), gold=False)._cameo.value == "036"


def test_the_position_grid_saves_and_then_reveals(store):
    view = position_grid(store=store)
    view._menus["USA:talks"].value = "conditional"
    view._saves["USA:talks"].click()
    view._reveals["USA:talks"].click()
    assert "Saved" in view._status.value and "The kit's reading: conditional" in view._shown["USA:talks"].value


def test_the_position_grid_reveals_nothing_before_an_answer(store):
    view = position_grid(store=store)
    view._reveals["PRK:talks"].click()
    assert view._shown["PRK:talks"].value == "" and "first" in view._status.value


def test_the_lens_worksheet_saves_on_the_button_and_reloads(store):
    view = lens_worksheet([ARTICLE], store=store)
    view._sentences["realism"].value = 2
    view._texts["realism"].value = "Sanctions are pressure."
    view._buttons["realism"].click()
    again = lens_worksheet([ARTICLE], store=WorkStore(store.path, student="ana"))
    assert again._texts["realism"].value == "Sanctions are pressure." and again._sentences["realism"].value == 2


def test_a_failed_save_shows_not_saved_in_the_grid(store, monkeypatch):
    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(importlib.import_module("korea_kit.work._store"), "write_atomically", full)
    view = position_grid(store=store)
    view._menus["KOR:talks"].value = "for"
    view._saves["KOR:talks"].click()
    assert "NOT saved" in view._status.value and "Saved:" not in view._status.value


def test_a_text_instead_of_an_article_is_a_kit_error(store):
    with pytest.raises(kk.KitError):
        event_coder("report.txt", store=store)
