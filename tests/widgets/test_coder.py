"""The frame coder and Entman views are thin: choosing in them changes the logic and the store."""

import importlib

import pytest

from korea_kit import Article, WorkStore
from korea_kit.widgets import entman_worksheet, frame_coder

ARTICLE = Article.from_text("Talks at last\n\nThe two sides met in Seoul. They argued about sanctions.", id="t-1")


@pytest.fixture
def store(tmp_path):
    return WorkStore(tmp_path / "work.json", student="ana")


def test_choosing_yes_saves_the_item(store):
    view = frame_coder(ARTICLE, store=store)
    view._choices["conflict_2"].value = "yes"
    assert [(c["question"], c["value"]) for c in store.codings()] == [("conflict_2", True)]
    assert "Saved: conflict_2 = yes." in view._status.value


def test_a_reopened_coder_shows_the_saved_answers(store):
    frame_coder(ARTICLE, store=store)._primary.value = "Political"
    view = frame_coder(ARTICLE, store=WorkStore(store.path, student="ana"))
    assert view._primary.value == "Political"


def test_the_radio_buttons_follow_the_logic(store):
    view = frame_coder(ARTICLE, store=store)
    view.logic.answer("moral_1", "no")
    assert view._choices["moral_1"].value == "no"


def test_a_failed_save_shows_not_saved_in_the_view(store, monkeypatch):
    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(importlib.import_module("korea_kit.work._store"), "write_atomically", full)
    view = frame_coder(ARTICLE, store=store)
    view._choices["resp_1"].value = "no"
    assert "NOT saved" in view._status.value and "Saved:" not in view._status.value


def test_the_worksheet_saves_text_and_evidence_on_the_button(store):
    view = entman_worksheet(ARTICLE, store=store)
    view._texts["problem"].value = "A quarrel."
    view._evidence["problem"].value = (2,)
    assert store.codings() == []
    view._buttons["problem"].click()
    assert store.codings()[0]["value"]["answer"] == "A quarrel." and "Saved" in view._status.value
