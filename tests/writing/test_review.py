"""Behaviours found by the hostile review of the writing room: odd drafts, exports that must never lose a file,
a writer that never says "Saved" too early and always gives a draft back as typed, and other events."""

from __future__ import annotations

import errno
import importlib
from pathlib import Path

import pytest

import korea_kit as kk
from korea_kit.writing import BRIEF_EXERCISE, BriefWriter, brief_feedback, export_brief
from korea_kit.writing import _export
from korea_kit.writing._draft import read_draft
from korea_kit.writing._markdown import headline_of
from korea_kit.writing._sections import SECTION_NAMES, assemble, split

OTHER = Path(__file__).parent.parent / "fixtures" / "writing" / "other_events"


@pytest.fixture(scope="module")
def corpus():
    return kk.load_corpus()


def event(name: str):
    files = sorted(OTHER.glob(f"{name}_*.txt"))
    return [kk.Article.from_text(f.read_text("utf-8"), id=f.stem, meta={"outlet": f"Outlet {i}"})
            for i, f in enumerate(files)]


# ------------------------------------------------------------------------------------------------- odd drafts

@pytest.mark.parametrize("text", ["# Hi\x00 there\n\nMoon\x07 said \x1b[31m \"we are ready\".\x0b\x0c\x0c",
                                  "# Half \ud83d emoji\n\nText.", "# A\u2028B\n\nC\u2029D"])
def test_control_codes_and_broken_characters_in_a_draft_give_feedback_not_an_error(text, corpus):
    feedback = brief_feedback(text, corpus)
    assert len(feedback) == 10 and "\x00" not in feedback._repr_html_()


def test_an_exported_page_holds_no_control_codes(tmp_path, corpus):
    link = export_brief("# Hi\x00 there\x0c\n\nText \ud800 here.", tmp_path, corpus)
    page = link.path.read_text("utf-8")
    assert "\x00" not in page and "\x0c" not in page and "\ufffd" in page


def test_a_draft_of_only_control_codes_is_empty_for_export(tmp_path, corpus):
    with pytest.raises(kk.KitError, match="draft is empty"):
        export_brief("\x00\x01\x0c", tmp_path, corpus)


@pytest.mark.parametrize("marks", ["“{}”", "\"{}\"", "‘{}’", "'{}'", "«{}»", "« {} »", "„{}“", "「{}」"])
def test_quotations_in_every_common_style_are_traced(marks, corpus):
    draft = "# Pence is firm\n\nPence said " + marks.format("no pressure comes off") + " on Monday."
    assert brief_feedback(draft, corpus)["traced_quotes"].details["traced"]


def test_an_apostrophe_does_not_end_a_single_quoted_quotation():
    quotes = read_draft("# H\n\nThe U.S. isn't ready, 'we won't talk' Pence said.").quotations()
    assert [q.text for q in quotes] == ["we won't talk"]


def test_a_headline_keeps_a_hash_that_is_part_of_a_word():
    assert headline_of("# Why C# matters") == "Why C# matters" and headline_of("# C#") == "C#"


def test_a_draft_that_starts_with_a_section_heading_has_no_headline(corpus):
    assert brief_feedback("## In short\n\nMoon spoke on Sunday.", corpus)["headline"].value == "no headline"


def test_a_year_before_a_comma_is_a_date_not_an_unsourced_number(corpus):
    details = brief_feedback("# H\n\nA row over solar panels in 2013, which ended in a deal.", corpus)["context"].details
    assert details["dates"] == 1 and details["numbers"] == 0


# -------------------------------------------------------------------------------------------------- export

def test_an_export_never_writes_over_a_students_own_file(tmp_path, corpus):
    (tmp_path / "notes.md").write_text("my own notes", encoding="utf-8")
    link = export_brief("# Talks\n\nText.", tmp_path, corpus, name="notes")
    assert (tmp_path / "notes.md").read_text("utf-8") == "my own notes"
    assert link.markdown_path.name == "notes-2.md" and "left alone" in repr(link)


def test_an_earlier_export_is_replaced_and_the_result_says_so(tmp_path, corpus):
    export_brief("# Talks\n\nFirst.", tmp_path, corpus)
    link = export_brief("# Talks\n\nSecond.", tmp_path, corpus)
    assert link.path.name == "talks.html" and "replaced your earlier export" in repr(link)
    assert "Second." in link.markdown_path.read_text("utf-8")


def _disk_full_on_html(monkeypatch) -> None:
    """Make the export's second write (the .html page) fail as a full disk would."""
    real = _export.write_atomically

    def full_on_html(target, data):
        if target.suffix == ".html":
            raise OSError(errno.ENOSPC, "No space left on device")
        real(target, data)

    monkeypatch.setattr(_export, "write_atomically", full_on_html)


def test_a_full_disk_on_the_second_file_leaves_nothing_behind(tmp_path, corpus, monkeypatch):
    _disk_full_on_html(monkeypatch)
    with pytest.raises(kk.KitError, match="No space left.*Nothing in it was changed"):
        export_brief("# Talks\n\nText.", tmp_path, corpus)
    assert list(tmp_path.iterdir()) == []


def test_a_failed_write_puts_an_earlier_export_back(tmp_path, corpus, monkeypatch):
    first = export_brief("# Talks\n\nFirst.", tmp_path, corpus)
    before = first.markdown_path.read_bytes()
    _disk_full_on_html(monkeypatch)
    with pytest.raises(kk.KitError):
        export_brief("# Talks\n\nSecond.", tmp_path, corpus)
    assert first.markdown_path.read_bytes() == before


def test_a_read_only_folder_reports_no_success(tmp_path, corpus, monkeypatch):
    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr("os.replace", read_only)
    with pytest.raises(kk.KitError, match="Read-only"):
        export_brief("# Talks\n\nText.", tmp_path, corpus)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name, stem", [("../../evil", "evil"), ("a/b\\c", "a-b-c"), ("CON", "con-brief"),
                                        ("nul", "nul-brief"), ("북한 보고서", "북한-보고서"), ("x" * 300, "x" * 60)])
def test_names_become_safe_file_names_in_the_folder(name, stem, tmp_path, corpus):
    link = export_brief("# Talks\n\nText.", tmp_path, corpus, name=name)
    assert link.path == tmp_path / f"{stem}.html" and link.markdown_path.parent == tmp_path


def test_a_hangul_headline_names_the_export(tmp_path, corpus):
    assert export_brief("# 북한 대화 제의\n\n본문.", tmp_path, corpus).path.name == "북한-대화-제의.html"


def test_the_markdown_export_escapes_html_after_a_backslash_and_unlinks_javascript(tmp_path, corpus):
    link = export_brief("# T\n\nA \\\\<script>x</script> [go](javascript:alert(1))", tmp_path, corpus)
    text = link.markdown_path.read_text("utf-8")
    assert "\\\\\\<script>" in text and "\\[go\\](javascript:" in text


def test_the_download_links_work_after_the_files_are_gone(tmp_path, corpus):
    link = export_brief("# Talks\n\nText.", tmp_path, corpus)
    link.path.unlink()
    assert link._repr_html_().count("download=") == 2


# ------------------------------------------------------------------------------------------ sections and writer

@pytest.mark.parametrize("parts", [
    {"headline": "", "standfirst": "Short.", "lead": "Lead."},
    {"headline": "H", "lead": "Text\n## What happens next\nmore", "next": "N"},
    {"headline": "", "lead": "# Not a headline\nbody"},
    {"headline": "C#", "lead": "x"},
    {"headline": "Talks #", "lead": "x"},
    {"headline": "H", "lead": "\\## What happened\n\\\\# twice"},
    {"headline": "H", "context": "## Background\nsub", "voices": "# big\n## who says what"},
    {"headline": "H", "next": "## In short"},
])
def test_every_section_comes_back_as_typed(parts):
    assert split(assemble(parts)) == {**dict.fromkeys(SECTION_NAMES, ""), **parts}


class Clock:
    def __init__(self):
        self.calls = []

    def __call__(self, delay, callback):
        self.calls.append(callback)
        return kk.writing._writer.Handle()

    def fire(self):
        calls, self.calls = self.calls, []
        for callback in calls[-1:]:
            callback()


def test_a_reopened_writer_restores_sections_holding_heading_lines(tmp_path, corpus):
    store = kk.WorkStore(tmp_path / "work.json", student="ana")
    writer = BriefWriter(corpus, store, schedule=Clock())
    parts = {"headline": "", "lead": "## What happens next\n# Mine", "context": "## Background", "next": "n"}
    for name, text in parts.items():
        setattr(writer, name, text)
    writer.refresh()
    again = BriefWriter(corpus, kk.WorkStore(store.path, student="ana"), schedule=Clock())
    assert {name: getattr(again, name) for name in parts} == parts


def test_text_typed_while_saving_is_not_reported_saved(tmp_path, corpus):
    store = kk.WorkStore(tmp_path / "work.json", student="ana")
    clock = Clock()
    writer = BriefWriter(corpus, store, schedule=clock)
    real = store.set_answer

    def typing_during_the_save(*args, **kwargs):
        result = real(*args, **kwargs)
        writer.lead = "typed during the save"
        return result

    store.set_answer = typing_during_the_save
    writer.headline = "First"
    clock.fire()
    assert not writer.status.startswith("Saved")
    store.set_answer = real
    clock.fire()
    assert writer.status.startswith("Saved") and store.answer(BRIEF_EXERCISE).endswith("typed during the save")


def test_rapid_edits_save_the_last_text(tmp_path, corpus):
    store = kk.WorkStore(tmp_path / "work.json", student="ana")
    clock = Clock()
    writer = BriefWriter(corpus, store, schedule=clock)
    for i in range(30):
        writer.lead = f"version {i}"
    clock.fire()
    assert store.answer(BRIEF_EXERCISE).endswith("version 29") and writer.status.startswith("Saved")


def test_typing_then_undoing_says_saved_again_after_the_pause(tmp_path, corpus):
    store = kk.WorkStore(tmp_path / "work.json", student="ana")
    clock = Clock()
    writer = BriefWriter(corpus, store, schedule=clock)
    writer.headline = "Talks"
    clock.fire()
    writer.headline, writer.headline = "Talks!", "Talks"
    clock.fire()
    assert writer.status.startswith("Saved")


def test_a_broken_character_is_saved_as_a_replacement_not_lost(tmp_path, corpus):
    store = kk.WorkStore(tmp_path / "work.json", student="ana")
    writer = BriefWriter(corpus, store, schedule=Clock())
    writer.headline = "Half \ud83d emoji"
    writer.refresh()
    assert writer.status.startswith("Saved") and store.answer(BRIEF_EXERCISE) == "# Half \ufffd emoji"


def test_a_store_that_cannot_save_never_shows_saved_even_on_check_now(tmp_path, corpus, monkeypatch):
    home = tmp_path / "home"
    home.write_text("not a folder")
    writer = BriefWriter(corpus, kk.WorkStore(home / "k" / "work.json", student="ana"), schedule=Clock())
    writer.headline = "Talks"
    writer.refresh()
    writer.refresh()
    assert writer.status.startswith("⚠️ NOT saved")


def test_a_save_that_works_again_after_a_full_disk_says_saved(tmp_path, corpus, monkeypatch):
    store_module = importlib.import_module("korea_kit.work._store")
    real = store_module.write_atomically
    store = kk.WorkStore(tmp_path / "work.json", student="ana")
    writer = BriefWriter(corpus, store, schedule=Clock())

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(store_module, "write_atomically", full)
    writer.headline = "Talks"
    writer.refresh()
    assert writer.status.startswith("⚠️ NOT saved")
    monkeypatch.setattr(store_module, "write_atomically", real)
    writer.refresh()
    assert writer.status.startswith("Saved")
    assert kk.WorkStore(store.path, student="ana").answer(BRIEF_EXERCISE) == "# Talks"


# --------------------------------------------------------------------------------------------- other events

def test_sides_of_another_event_come_from_the_world_table():
    draft = (OTHER / "trade_draft.md").read_text("utf-8")
    feedback = brief_feedback(draft, event("trade"))
    assert set(feedback["balance"].details["voiced"]) == {"China", "European Union"}
    assert feedback["balance"].status == "good"


def test_a_state_named_but_never_quoted_is_silent():
    feedback = brief_feedback((OTHER / "ceasefire_draft.md").read_text("utf-8"), event("ceasefire"))
    assert feedback["balance"].details["silent"] == ["Azerbaijan"]


def test_experts_and_ordinary_people_are_kinds_not_sides():
    feedback = brief_feedback((OTHER / "ceasefire_draft.md").read_text("utf-8"), event("ceasefire"))
    assert "ordinary people" not in feedback["source_diversity"].details["sides"]


def test_when_no_side_is_known_the_advice_says_the_kit_cannot_tell():
    feedback = brief_feedback((OTHER / "election_draft.md").read_text("utf-8"), event("election"))
    assert "cannot tell for which side" in feedback["balance"].advice


def test_a_flat_headline_over_a_hedged_outlook_is_not_too_sure():
    feedback = brief_feedback((OTHER / "ceasefire_draft.md").read_text("utf-8"), event("ceasefire"))
    assert feedback["headline"].status == "good"


def test_quotations_of_another_event_are_traced_to_its_reports():
    for name in ("trade", "election", "ceasefire"):
        details = brief_feedback((OTHER / f"{name}_draft.md").read_text("utf-8"), event(name))["traced_quotes"].details
        assert details["traced"] and not details["missing"], name
