"""kk.events on the seeds, on invented articles and on arbitrary text; gold and evaluation; the dyad figure."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import korea_kit as kk
from korea_kit.diplomacy import (actors, dyad_figure, evaluate_events, events, events_table, load_event_gold,
                                 voices_and_mentions)
from korea_kit.diplomacy._events import EVENT_COLUMNS

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
INVENTED = FIXTURES / "diplomacy"
OWN = {"aliases": INVENTED / "aliases.csv", "actors_table": INVENTED / "actors.csv"}


@pytest.fixture(scope="module")
def seeds():
    return kk.load_corpus()


def _has(table, cameo_root, source, target, date=None):
    rows = table[table["cameo"].str.startswith(cameo_root)]
    rows = rows[(rows["source_actor"] == source) & (rows["target_actor"] == target)]
    if date is not None:
        rows = rows[rows["date"] == date]
    return len(rows) > 0


def test_willingness_to_talk_is_036_from_north_korea_to_the_us(seeds):
    assert all(_has(events(a), "036", "PRK", "USA") for a in seeds)


def test_treasury_sanctions_are_163_from_the_us_to_north_korea_on_23_february(seeds):
    assert _has(events(seeds["000"]), "163", "USA", "PRK", "2018-02-23")
    assert _has(events(seeds["003"]), "163", "USA", "PRK", "2018-02-23")


def test_phase_2_threat_is_13x_from_the_us_to_north_korea_on_23_february(seeds):
    assert _has(events(seeds["003"]), "13", "USA", "PRK", "2018-02-23")


def test_moon_kim_yong_chol_meeting_is_04x_between_the_koreas(seeds):
    assert _has(events(seeds["000"]), "04", "KOR", "PRK", "2018-02-25")
    assert _has(events(seeds["001"]), "04", "PRK", "KOR")


def test_events_have_the_fixed_columns(seeds):
    assert list(events(seeds["001"]).columns) == EVENT_COLUMNS


def test_evidence_spans_are_the_article_text_inside_one_sentence(seeds):
    for article in seeds:
        for row in events(article).itertuples():
            assert row.text == article.text[row.start:row.end]
            assert any(s.start <= row.start and row.end <= s.end for s in article.sentences)


def _every_fixture_article():
    for folder in sorted(p for p in FIXTURES.rglob("*") if p.is_dir()):
        if any(f.suffix in (".txt", ".md") and f.name != "README.md" for f in folder.iterdir()):
            for article in kk.load_corpus(folder):
                yield article


def test_events_never_crash_on_any_fixture_article_or_seed(seeds):
    for article in [*_every_fixture_article(), *seeds]:
        table = events(article)
        assert list(table.columns) == EVENT_COLUMNS


def test_invented_articles_name_their_own_actors():
    corpus = kk.load_corpus(INVENTED)
    table = events(corpus["summit_wire"], **OWN)
    assert set(table["source_actor"]) | set(table["target_actor"]) <= {"NRL", "TRS", "KRL"}


def test_unknown_names_are_skipped_not_guessed():
    article = kk.Article.from_text("Ruritania met Freedonia on Friday and imposed sanctions on Zembla.",
                                   meta={"date": "2020-01-03"})
    assert len(events(article)) == 0


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=300))
def test_events_on_arbitrary_text_keep_the_span_invariant(text):
    try:
        article = kk.Article.from_text("North Korea met the US. " + text + " Seoul urged Washington to talk.")
    except kk.KitError:
        return
    for row in events(article).itertuples():
        assert row.text == article.text[row.start:row.end]


def test_events_refuses_a_file_name_with_a_kit_error():
    with pytest.raises(kk.KitError, match="article"):
        events("report.txt")


def test_gold_has_the_four_events_issue_9_names():
    gold = load_event_gold()
    assert _has(gold, "036", "PRK", "USA")
    assert _has(gold, "163", "USA", "PRK", "2018-02-23")
    assert _has(gold, "13", "USA", "PRK")
    assert _has(gold, "04", "KOR", "PRK") and _has(gold, "04", "PRK", "KOR")


def test_every_gold_event_has_a_note_and_a_true_span(seeds):
    gold = load_event_gold()
    for row in gold.itertuples():
        assert row.note.strip()
        assert seeds[row.article_id].text[row.start:row.end] == row.text


def test_invented_gold_spans_are_the_text():
    corpus = kk.load_corpus(INVENTED)
    for row in load_event_gold(INVENTED / "gold_events.json").itertuples():
        assert corpus[row.article_id].text[row.start:row.end] == row.text


def _tiny(**changes):
    row = {"article_id": "a", "source_actor": "PRK", "target_actor": "USA", "cameo": "036", "start": 0, "end": 10}
    return pd.DataFrame([{**row, **changes}])


def test_evaluation_counts_an_overlapping_same_family_event_as_a_match():
    scores = evaluate_events(_tiny(cameo="030", start=5, end=12), _tiny())
    assert scores.loc[0, ["matched", "precision", "recall", "exact_code"]].tolist() == [1, 1.0, 1.0, 0.0]


def test_evaluation_refuses_a_reversed_direction_outside_meetings():
    scores = evaluate_events(_tiny(source_actor="USA", target_actor="PRK"), _tiny())
    assert scores.loc[0, "matched"] == 0 and scores.loc[0, "same_direction"] == 0.0


def test_evaluation_accepts_a_meeting_in_either_direction():
    scores = evaluate_events(_tiny(cameo="040", source_actor="USA", target_actor="PRK"), _tiny(cameo="043"))
    assert scores.loc[0, "matched"] == 1


def test_evaluation_refuses_spans_that_do_not_overlap():
    assert evaluate_events(_tiny(start=10, end=20), _tiny()).loc[0, "matched"] == 0


def test_evaluation_names_a_missing_column():
    with pytest.raises(kk.KitError, match="cameo"):
        evaluate_events(_tiny().drop(columns="cameo"), _tiny())


def test_actors_finds_capitals_as_their_countries(seeds):
    table = actors(seeds).set_index("actor")
    assert "Pyongyang" in table.loc["North Korea", "aliases"] and table.loc["United States", "country"] == "USA"


def test_actors_reads_an_instructors_own_tables():
    table = actors(kk.load_corpus(INVENTED), aliases=OWN["aliases"], actors_table=OWN["actors_table"])
    assert table.set_index("actor").loc["Tarsia", "country"] == "TRS"


def test_voices_and_mentions_shows_north_korea_talked_about_more_than_it_speaks(seeds):
    table = voices_and_mentions(seeds).set_index("actor")
    assert table.loc["North Korea", "talked_about"] > 0


def test_dyad_figure_draws_one_line_per_dyad(seeds):
    table = events_table(seeds)
    dated = table.dropna(subset=["date"])
    fig = dyad_figure(table)
    assert len(fig.axes[0].get_lines()) - 1 == (dated["source_actor"] + dated["target_actor"]).nunique()


def test_dyad_figure_without_dated_events_is_a_kit_error(seeds):
    table = events_table(seeds).assign(date=None)
    with pytest.raises(kk.KitError, match="date"):
        dyad_figure(table)


def _report(body, date="2023-03-20"):
    return kk.Article.from_text("Report\n\n" + body, meta={"date": date})


def _coded(article, **options):
    return [tuple(r) for r in events(article, **options)[["source_actor", "target_actor", "cameo"]].values]


def test_an_adjective_of_nationality_names_an_actor():
    assert ("KOR", "CHN", "040") in _coded(_report("South Korean officials met Chinese envoys in Beijing."))


def test_an_instructors_actors_table_adds_its_own_adjectives(tmp_path):
    own = tmp_path / "actors.csv"
    own.write_text("actor,kind,country,role\nRuritanian,demonym,RUR,adjective of Ruritania\n", encoding="utf-8")
    assert ("KOR", "RUR", "111") in _coded(_report("Seoul condemned the Ruritanian government."), actors_table=own)


def test_the_speaker_of_a_quote_is_the_source_of_a_warning_inside_it():
    assert ("KOR", "PRK", "130") in _coded(_report('"We have warned Pyongyang many times," Moon told reporters.'))


def test_the_speaker_of_an_appeal_is_its_source_and_the_first_actor_named_its_target():
    assert ("KOR", "USA", "026") in _coded(_report('"Washington and Pyongyang should quickly meet," Moon said.'))


def test_a_one_actor_sentence_takes_its_target_from_earlier_in_the_paragraph():
    table = _coded(_report("Pyongyang fired a missile on Sunday. Seoul condemned the launch."))
    assert ("KOR", "PRK", "111") in table


def test_a_one_actor_paragraph_takes_its_target_from_the_paragraph_before():
    table = _coded(_report("Pyongyang fired a missile on Sunday.\n\nSeoul condemned the launch."))
    assert ("KOR", "PRK", "111") in table


def test_a_one_actor_sentence_with_no_other_actor_before_it_is_skipped():
    assert _coded(_report("Seoul condemned the launch.")) == []


def test_a_joint_subject_is_coded_from_the_first_named():
    assert ("USA", "PRK", "030") in _coded(_report("Washington and Pyongyang pledged to reduce tensions."))


def test_the_host_of_a_visit_is_the_source_of_043():
    assert ("KOR", "PRK", "043") in _coded(_report("Moon hosted Kim Yo Jong for two hours of talks."))


def test_the_visitor_is_the_source_of_042():
    assert ("PRK", "KOR", "042") in _coded(_report("Kim Yo Jong visited Seoul on Saturday."))


def test_a_date_in_another_clause_is_not_attached():
    article = _report("The launch on Saturday came two days after Washington announced sanctions on Pyongyang.")
    sanctions = events(article).query("cameo == '163'")
    assert len(sanctions) == 1 and sanctions["date"].iloc[0] is None


def test_a_history_clause_is_not_an_event():
    assert _coded(_report("Pyongyang fired a missile at Seoul in 2010.")) == []


def test_a_string_of_past_tests_is_background_not_an_event():
    assert _coded(_report("Relations between Seoul and Pyongyang thawed after a string of missile tests.")) == []


def test_a_said_threat_is_dated_by_its_reporting_clause():
    article = _report('Pyongyang ignored the sanctions. Trump said on Friday that "we will have to go to Phase 2."',
                      date="2018-02-25")
    threats = events(article).query("cameo == '130'")
    assert threats["date"].tolist() == ["2018-02-23"]


def test_every_cue_code_is_in_the_cameo_table():
    from korea_kit.diplomacy._events import cue_rows
    assert {code for _p, code, _n in cue_rows()} <= set(kk.cameo_codes()["cameo"])


def test_invented_dev_set_recall_stays_above_a_floor():
    corpus = kk.load_corpus(INVENTED)
    scores = evaluate_events(events_table(corpus, **OWN), load_event_gold(INVENTED / "gold_events.json"))
    assert scores.loc[0, "recall"] >= 0.6 and scores.loc[0, "precision"] >= 0.6
