"""brief_feedback: the strong and the weak draft differ in the ways each signal promises."""

from pathlib import Path

import pytest

import korea_kit as kk
from korea_kit.writing import BriefFeedback, brief_feedback
from korea_kit.writing._data import signals

FIXTURES = Path(__file__).parents[1] / "fixtures" / "writing"
SIGNAL_NAMES = ["words", "readability", "sources", "source_diversity", "traced_quotes", "loaded_words", "hedges",
                "balance", "context", "headline"]


@pytest.fixture(scope="module")
def corpus():
    return kk.load_corpus()


@pytest.fixture(scope="module")
def strong(corpus):
    return brief_feedback((FIXTURES / "strong.md").read_text("utf-8"), corpus)


@pytest.fixture(scope="module")
def weak(corpus):
    return brief_feedback((FIXTURES / "weak.md").read_text("utf-8"), corpus)


def test_the_table_has_the_fixed_columns_and_signals_in_order(strong):
    table = strong.to_frame()
    assert list(table.columns) == ["signal", "value", "target", "status", "advice"]
    assert table["signal"].tolist() == SIGNAL_NAMES == list(signals())


def test_every_status_is_good_or_improve(strong, weak):
    assert set(strong.statuses()) | set(weak.statuses()) <= {"good", "improve"}


@pytest.mark.parametrize("signal", [s for s in SIGNAL_NAMES if s != "readability"])
def test_the_strong_draft_is_good_and_the_weak_one_is_not(strong, weak, signal):
    assert (strong[signal].status, weak[signal].status) == ("good", "improve")


def test_the_weak_draft_is_too_short_for_an_ir_insider_piece(weak):
    assert weak["words"].details["words"] < 300 and "300" in weak["words"].advice


def test_the_strong_draft_has_more_sources_than_the_weak(strong, weak):
    assert strong["sources"].details["count"] >= 3 > weak["sources"].details["count"]


def test_the_strong_draft_quotes_both_koreas_and_the_us(strong):
    assert {"North Korea", "South Korea", "United States"} <= set(strong["balance"].details["voiced"])


def test_every_quotation_of_the_strong_draft_traces_to_a_seed(strong):
    traced = strong["traced_quotes"].details["traced"]
    assert traced and not strong["traced_quotes"].details["missing"]
    assert {i[:3] for t in traced for i, _ in t["articles"]} >= {"003", "000"}


def test_an_invented_quotation_is_listed_under_traced_quotes(weak):
    row = weak["traced_quotes"]
    assert row.details["missing"] == ["we will give up every nuclear weapon this year"]
    assert "we will give up every nuclear weapon this year" in row.value
    assert "we will give up every nuclear weapon this year" in row.advice


def test_unattributed_loaded_words_are_named(weak):
    words = {f["word"].lower() for f in weak["loaded_words"].details["found"]}
    assert {"regime", "rogue state", "dictator"} <= words


def test_a_loaded_word_inside_an_attributed_quote_is_not_counted(corpus):
    draft = '# Talks\n\nKCNA said the US was "running amok" on Friday.'
    assert brief_feedback(draft, corpus)["loaded_words"].details["found"] == []


def test_sure_claims_without_a_source_are_listed(weak):
    assert "The dictator will surely meet Trump soon." in weak["hedges"].details["unsupported"]


def test_the_strong_draft_says_what_is_uncertain(strong):
    assert any("could be withdrawn" in s for s in strong["hedges"].details["hedged"])


def test_the_weak_draft_gives_no_dates_or_earlier_events(weak):
    assert (weak["context"].details["dates"], weak["context"].details["earlier"]) == (0, 0)


def test_a_number_without_a_source_is_counted(corpus):
    draft = "# Sanctions\n\nOn Friday the US named 56 targets."
    assert brief_feedback(draft, corpus)["context"].details["unsourced"] == 1


def test_an_overconfident_headline_is_flagged_and_a_hedged_one_is_not(strong, weak):
    assert weak["headline"].details["sure"] and not strong["headline"].details["sure"]


def test_an_empty_draft_is_all_improve_and_says_where_to_start(corpus):
    feedback = brief_feedback("  \n", corpus)
    assert feedback.statuses() == ["improve"] * 10 and "headline" in feedback["words"].advice.lower() + \
        feedback["headline"].advice.lower()


def test_a_draft_of_only_a_headline_works(corpus):
    feedback = brief_feedback("# North Korea may talk, Moon says", corpus)
    assert feedback.headline == "North Korea may talk, Moon says" and feedback["words"].details["words"] == 0


def test_without_a_hash_the_first_line_is_the_headline(corpus):
    assert brief_feedback("Moon meets Kim\n\nThey met on Sunday.", corpus).headline == "Moon meets Kim"


def test_a_draft_about_another_event_works_with_its_own_corpus():
    report = kk.Article.from_text('Port strike ends\n\nThe union said "we have a deal at last" on Monday.', id="p1",
                                  meta={"outlet": "Harbour Times"})
    feedback = brief_feedback('# Strike ends, union says\n\nThe union said "we have a deal" on Monday.', [report])
    assert feedback["traced_quotes"].details["traced"][0]["articles"] == [("p1", "Harbour Times")]


def test_html_in_a_draft_is_escaped_in_the_feedback(corpus):
    html = brief_feedback("# <script>alert(1)</script>\n\n<b>bold</b> regime", corpus)._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;" in html and "<b>bold" not in html


def test_the_html_lists_what_is_good_and_what_to_improve(strong, weak):
    assert "What is good" in strong._repr_html_() and "What to improve" in weak._repr_html_()


def test_an_unknown_signal_is_a_kit_lookup_error_with_a_suggestion(strong):
    with pytest.raises(kk.KitError, match="Did you mean 'hedges'"):
        strong["hedge"]


@pytest.mark.parametrize("bad", [None, 3, 2.5, b"# bytes"])
def test_a_draft_that_is_not_text_is_a_kit_type_error(bad):
    with pytest.raises(kk.KitTypeError, match="brief_feedback: draft"):
        brief_feedback(bad)


def test_a_corpus_given_as_the_draft_is_refused_with_a_hint(corpus):
    with pytest.raises(kk.KitTypeError, match="article.text"):
        brief_feedback(corpus)


@pytest.mark.parametrize("bad", ["seeds", 5, [1, 2]])
def test_a_wrong_corpus_is_a_kit_type_error_naming_it(bad):
    with pytest.raises(kk.KitTypeError, match="brief_feedback: corpus"):
        brief_feedback("# Talks", bad)


def test_the_result_is_a_brief_feedback(strong):
    assert isinstance(strong, BriefFeedback) and len(strong) == 10
