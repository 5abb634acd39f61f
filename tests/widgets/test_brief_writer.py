"""The brief writer view is thin: typing in its boxes changes the logic; its controls carry stable CSS classes."""

import pytest

import korea_kit as kk
from korea_kit.widgets._brief_writer import BriefWriterView, brief_writer
from korea_kit.writing import BRIEF_EXERCISE
from korea_kit.writing._sections import SECTION_NAMES


@pytest.fixture
def store(tmp_path):
    return kk.WorkStore(tmp_path / "work.json", student="ana")


@pytest.fixture(scope="module")
def corpus():
    return kk.load_corpus()


def test_the_view_is_a_vbox_with_a_box_per_section(store, corpus):
    view = brief_writer(corpus, store)
    assert isinstance(view, BriefWriterView) and list(view._boxes) == list(SECTION_NAMES)


def test_every_control_has_its_css_class(store, corpus):
    view = brief_writer(corpus, store)
    assert "kk-brief-writer" in view._dom_classes
    assert all(f"kk-brief-{name}" in box._dom_classes for name, box in view._boxes.items())
    for control, css in ((view._feedback, "kk-brief-feedback"), (view._status, "kk-brief-status"),
                         (view._export, "kk-brief-export"), (view._refresh, "kk-brief-refresh"),
                         (view._export_link, "kk-brief-export-link")):
        assert css in control._dom_classes


def test_typing_in_a_box_sets_the_logic(store, corpus):
    view = brief_writer(corpus, store)
    view._boxes["headline"].value = "Talks ahead"
    assert view.logic.headline == "Talks ahead" and view.logic.draft == "# Talks ahead"


def test_check_now_saves_and_updates_the_feedback_and_status(store, corpus):
    view = brief_writer(corpus, store)
    before = view._feedback.value
    view._boxes["headline"].value = "Pence is firm"
    view._boxes["lead"].value = 'Pence said "no pressure comes off" on Sunday.'
    view._refresh.click()
    assert store.answer(BRIEF_EXERCISE).startswith("# Pence is firm")
    assert view._feedback.value != before and "Saved" in view._status.value


def test_a_saved_draft_comes_back_in_the_boxes(store, corpus):
    store.set_answer(BRIEF_EXERCISE, "# Back again\n\n## Background\n\nIn 2017.")
    view = brief_writer(corpus, store)
    assert view._boxes["headline"].value == "Back again" and view._boxes["context"].value == "In 2017."
