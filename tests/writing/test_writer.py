"""BriefWriter: the logic of the brief writer, tested by setting traits (no browser)."""

import importlib

import pytest

import korea_kit as kk
from korea_kit.writing import BRIEF_EXERCISE, BriefWriter


class Clock:
    """A scheduler a test runs by hand: every call is kept; fire() runs the last one that was not cancelled."""

    def __init__(self):
        self.calls = []

    def __call__(self, delay, callback):
        handle = Handle(delay, callback)
        self.calls.append(handle)
        return handle

    def fire(self):
        live = [h for h in self.calls if not h.cancelled]
        assert live, "nothing scheduled"
        live[-1].callback()


class Handle:
    def __init__(self, delay, callback):
        self.delay, self.callback, self.cancelled = delay, callback, False

    def cancel(self):
        self.cancelled = True


@pytest.fixture(scope="module")
def corpus():
    return kk.load_corpus()


@pytest.fixture
def store(tmp_path):
    return kk.WorkStore(tmp_path / "work.json", student="ana")


@pytest.fixture
def clock():
    return Clock()


def test_typing_rebuilds_the_draft_at_once(store, clock, corpus):
    writer = BriefWriter(corpus, store, schedule=clock)
    writer.headline, writer.lead = "Talks ahead?", "Moon said so on Sunday."
    assert writer.draft == "# Talks ahead?\n\n## What happened\n\nMoon said so on Sunday."


def test_nothing_is_saved_before_the_pause(store, clock, corpus):
    writer = BriefWriter(corpus, store, schedule=clock)
    writer.headline = "Talks"
    assert store.answer(BRIEF_EXERCISE) is None and "not saved yet" in writer.status


def test_each_keystroke_cancels_the_waiting_check(store, clock, corpus):
    writer = BriefWriter(corpus, store, schedule=clock)
    writer.headline = "T"
    writer.headline = "Ta"
    assert [h.cancelled for h in clock.calls] == [True, False] and clock.calls[-1].delay == pytest.approx(0.8)


def test_after_the_pause_the_feedback_changes_and_the_draft_is_saved(store, clock, corpus):
    writer = BriefWriter(corpus, store, schedule=clock)
    before = writer.feedback_html
    writer.headline = "North Korea could talk, Seoul says"
    writer.lead = 'Pence said "no pressure comes off" on Sunday.'
    assert writer.feedback_html == before
    clock.fire()
    assert writer.feedback_html != before and "Pence" in writer.feedback_html
    assert store.answer(BRIEF_EXERCISE) == writer.draft and writer.status.startswith("Saved")
    assert not writer.pending


def test_refresh_checks_and_saves_now(store, clock, corpus):
    writer = BriefWriter(corpus, store, schedule=clock)
    writer.headline = "Now"
    writer.refresh()
    assert store.answer(BRIEF_EXERCISE) == "# Now" and clock.calls[-1].cancelled


def test_a_reopened_writer_restores_the_sections(store, clock, corpus):
    writer = BriefWriter(corpus, store, schedule=clock)
    writer.headline, writer.context, writer.next = "Talks", "In 2017 there were tests.", "Watch April."
    writer.refresh()
    again = BriefWriter(corpus, kk.WorkStore(store.path, student="ana"), schedule=clock)
    assert (again.headline, again.context, again.next) == ("Talks", "In 2017 there were tests.", "Watch April.")
    assert again.status == "Loaded your saved draft."


def test_a_failed_save_says_not_saved_and_never_saved(store, clock, corpus, monkeypatch):
    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(importlib.import_module("korea_kit.work._store"), "write_atomically", full)
    writer = BriefWriter(corpus, store, schedule=clock)
    writer.headline = "Talks"
    writer.refresh()
    assert writer.status.startswith("⚠️ NOT saved") and "Saved" not in writer.status


def test_export_writes_the_files_and_shows_a_link(store, clock, corpus, tmp_path):
    writer = BriefWriter(corpus, store, schedule=clock)
    writer.headline = "Talks"
    link = writer.export(tmp_path)
    assert link.path.exists() and "download=" in writer.export_html


def test_a_failed_export_is_shown_not_raised(store, clock, corpus, tmp_path):
    writer = BriefWriter(corpus, store, schedule=clock)
    writer.headline = "Talks"
    assert writer.export(tmp_path / "missing") is None and "Not exported" in writer.export_html


@pytest.mark.parametrize("kwargs, name", [({"store": "work.json"}, "store"), ({"corpus": 3}, "corpus"),
                                          ({"delay": "soon"}, "delay"), ({"schedule": 5}, "schedule")])
def test_wrong_arguments_are_kit_errors_naming_them(kwargs, name):
    with pytest.raises(kk.KitError, match=name):
        BriefWriter(**kwargs)


def test_importing_the_writing_room_does_not_load_traitlets():
    import subprocess
    import sys

    code = "import sys, korea_kit.writing; print('traitlets' in sys.modules, 'pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "False"]
