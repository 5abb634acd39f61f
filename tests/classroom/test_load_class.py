"""load_class checks what it is given, and the summary is safe to show."""

from __future__ import annotations

import pytest

from korea_kit import KitTypeError, KitValueError
from korea_kit.classroom import load_class

A0 = "000_e8b4f7a2d72eebd2"


def test_a_missing_folder_is_a_kit_error(tmp_path):
    with pytest.raises(KitValueError, match="does not exist"):
        load_class(tmp_path / "nowhere")


def test_a_file_instead_of_a_folder_is_a_kit_error(tmp_path):
    path = tmp_path / "export.json"
    path.write_text("{}", encoding="utf-8")
    with pytest.raises(KitValueError, match="is a file, not a folder"):
        load_class(path)


@pytest.mark.parametrize("folder", [None, 3, b"exports"])
def test_a_folder_that_is_not_a_path_is_a_kit_error(folder):
    with pytest.raises(KitTypeError):
        load_class(folder)


def test_recursive_must_be_true_or_false(tmp_path):
    with pytest.raises(KitTypeError, match="recursive"):
        load_class(tmp_path, recursive="yes")


def test_the_corpus_must_be_articles(tmp_path):
    with pytest.raises(KitTypeError, match="corpus"):
        load_class(tmp_path, corpus="seeds")


def test_top_must_be_a_whole_number(tmp_path):
    with pytest.raises(KitTypeError, match="top"):
        load_class(tmp_path).disagreements(top=2.5)


def test_an_unknown_student_name_is_a_kit_error(tmp_path):
    with pytest.raises(KitValueError, match="no student named"):
        load_class(tmp_path).records("Nobody")


def test_the_summary_escapes_what_students_wrote(exports):
    exports("Ana", [(A0, "<script>q</script>", "<script>x</script>", "<b>one</b>")])
    exports("Ben", [(A0, "<script>q</script>", "<script>x</script>", "<b>two</b>")])
    html = load_class(exports.folder).summary()._repr_html_()
    assert "&lt;b&gt;one&lt;/b&gt;" in html and "<script>" not in html and "<b>one" not in html


def test_the_summary_counts_briefs_and_attempts_per_chapter(exports):
    exports("Ana", answers=[("05.brief", "My explainer.")], attempts=[("01.1", False), ("01.1", True)])
    exports("Ben", answers=[("05.brief", "  ")], attempts=[("01.2", False)])
    summary = load_class(exports.folder).summary()
    chapter = summary.progress.set_index("chapter").loc["01"]
    assert (summary.numbers["briefs submitted"], chapter["attempted"], chapter["correct"]) == (1, 2, 1)


def test_the_summary_figure_has_progress_and_alpha_panels(exports):
    exports("Ana", [(A0, "03.sv", "conflict_1", True)])
    assert len(load_class(exports.folder).summary().figure().axes) == 2
