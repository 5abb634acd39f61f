"""The concordance explorer: logic tested by setting values; the view only links a text box to it."""

import pytest

import korea_kit as kk
from korea_kit import KitTypeError, KitValueError
from korea_kit.framing import ConcordanceExplorer
from korea_kit.widgets import concordance_explorer


@pytest.fixture
def explorer():
    return ConcordanceExplorer(kk.load_corpus())


def test_setting_a_word_fills_the_table_and_the_count(explorer):
    explorer.word = "talks"
    assert explorer.count > 5 and explorer.html.count("<tr>") == explorer.count


def test_an_empty_word_asks_for_one(explorer):
    explorer.word = "talks"
    explorer.word = ""
    assert explorer.count == 0 and "Type a word" in explorer.html


def test_a_word_no_article_uses_says_so(explorer):
    explorer.word = "zeppelin"
    assert explorer.count == 0 and "No article uses" in explorer.html


def test_changing_the_width_changes_the_context(explorer):
    explorer.word = "talks"
    wide = explorer.html
    explorer.width = 10
    assert len(explorer.html) < len(wide)


def test_a_width_below_5_is_a_kit_error(explorer):
    with pytest.raises(KitValueError, match="width"):
        explorer.width = 2


def test_the_table_escapes_the_text():
    art = kk.Article.from_text("Head\n\n<b>Talks</b> & <i>more</i>", id="tags")
    explorer = ConcordanceExplorer(art, word="talks")
    assert "<b>Talks</b>" not in explorer.html and "&lt;b&gt;" in explorer.html


def test_html_and_count_are_read_only(explorer):
    with pytest.raises(Exception, match="read-only"):
        explorer.count = 3


def test_the_explorer_refuses_a_file_name_with_a_kit_error():
    with pytest.raises(KitTypeError, match="corpus should be"):
        ConcordanceExplorer("seeds")


def test_typing_in_the_box_updates_the_table():
    view = concordance_explorer(kk.load_corpus())
    view._word.value = "war of words"
    assert view.logic.count == 2 and "war of words" in view._table.value


def test_the_box_searches_only_when_the_student_presses_enter():
    assert concordance_explorer(kk.load_corpus())._word.continuous_update is False
