"""The refinements of kk.events (issue 9, second round): new cues, negation and plans, passives, pairs, actors that
no table lists, and the second invented development set."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import korea_kit as kk
from korea_kit.diplomacy import evaluate_events, events, events_table, load_event_gold
from korea_kit.diplomacy._event_rules import modality
from korea_kit.diplomacy._events import cue_rows

DEV2 = Path(__file__).resolve().parents[1] / "fixtures" / "diplomacy_dev2"
OWN2 = {"aliases": DEV2 / "aliases.csv", "actors_table": DEV2 / "actors.csv"}


def _report(body, date="2024-05-14"):
    return kk.Article.from_text("Report\n\n" + body, meta={"date": date})


def _coded(article, **options):
    return [tuple(r) for r in events(article, **options)[["source_actor", "target_actor", "cameo"]].values]


def _own_tables(tmp_path):
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("canonical,alias,entity,source_type,side\nVeldia,Veldia,country,official,Veldia\n"
                       "Ostrin,Ostrin|Rhune,country,official,Ostrin\nPelland,Pelland,country,official,Pelland\n",
                       encoding="utf-8")
    actors = tmp_path / "actors.csv"
    actors.write_text("actor,kind,country,role\nVeldia,state,VLD,x\nOstrin,state,OST,x\nPelland,state,PEL,x\n",
                      encoding="utf-8")
    return {"aliases": aliases, "actors_table": actors}


# new cues ---------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, expected", [
    ("Seoul expelled two Chinese diplomats on Monday.", ("KOR", "CHN", "161")),
    ("Seoul recalled its ambassador from Washington.", ("KOR", "USA", "161")),
    ("Seoul summoned the Chinese ambassador to protest.", ("KOR", "CHN", "114")),
    ("Pyongyang denied the accusation by Seoul.", ("PRK", "KOR", "016")),
    ("Seoul and Pyongyang agreed a ceasefire on Monday.", ("KOR", "PRK", "0871")),
    ("Washington lifted its tariffs on Chinese steel.", ("USA", "CHN", "085")),
    ("Washington slapped tariffs on Chinese cars.", ("USA", "CHN", "163")),
    ("Seoul released 20 North Korean fishermen.", ("KOR", "PRK", "084")),
    ("Seoul sent 100 tonnes of food to Pyongyang.", ("KOR", "PRK", "073")),
    ("Seoul and Washington signed a memorandum of understanding.", ("KOR", "USA", "057")),
    ("Moon sent condolences to Washington.", ("KOR", "USA", "018")),
    ("Moon phoned Trump on Monday.", ("KOR", "USA", "041")),
    ("Seoul and Washington held a joint naval exercise.", ("KOR", "USA", "062")),
    ("Pyongyang began large artillery drills near Seoul.", ("PRK", "KOR", "150")),
    ("Hundreds of South Koreans protested outside the Chinese embassy.", ("KOR", "CHN", "141")),
    ("Moon landed in Washington on Monday.", ("KOR", "USA", "042")),
])
def test_a_new_cue_codes_its_event(sentence, expected):
    assert expected in _coded(_report(sentence))


def test_every_new_cue_code_is_in_the_cameo_table():
    assert {code for _p, code, _n in cue_rows()} <= set(kk.cameo_codes()["cameo"])


def test_no_cue_pattern_takes_long_on_an_adversarial_string():
    texts = ["expel " * 5000, "a " * 15000, "signed " * 5000, "Aaaa" * 8000, "tariffs imposed " * 2000]
    for pattern, _code, _note in cue_rows():
        started = time.perf_counter()
        for text in texts:
            list(pattern.finditer(text))
        assert time.perf_counter() - started < 1.0, pattern.pattern


# negation, speculation, plans, conditions ---------------------------------------------------------------------------

def test_a_negated_act_is_not_coded():
    assert not [e for e in _coded(_report("Seoul has not signed the ceasefire with Pyongyang.")) if e[2] == "0871"]


def test_a_refusal_keeps_its_own_negation():
    assert ("USA", "PRK", "124") in _coded(_report("Washington would not back down, Trump told Pyongyang."))


def test_a_speculative_act_is_not_coded():
    assert _coded(_report("Analysts say Seoul could impose tariffs on Chinese cars.")) == []


def test_an_act_inside_an_if_clause_is_not_coded():
    assert _coded(_report("If Seoul expelled Chinese diplomats, relations would suffer.")) == []


def test_a_planned_visit_is_an_intent_to_meet():
    assert ("KOR", "USA", "036") in _coded(_report("Moon will visit Washington on Thursday."))


def test_a_planned_visit_is_dated_forward():
    table = events(_report("Moon will visit Washington on Thursday."))  # the article is of Tuesday 14 May 2024
    assert table["date"].tolist() == ["2024-05-16"]


def test_a_hostile_act_promised_under_a_condition_is_a_threat():
    article = _report("If Beijing closed the consulate, Seoul would expel Chinese diplomats, an official said.")
    assert ("KOR", "CHN", "1313") in _coded(article)


def test_modality_turns_promised_aid_into_an_intent():
    assert modality("Seoul agreed to send food aid.", 16, 0, "073") == "033"


# who is the source -------------------------------------------------------------------------------------------------

def test_a_passive_doer_after_by_a_is_the_source():
    assert ("USA", "KOR", "042") in _coded(_report("It was the first visit by an American leader to Seoul."))


def test_a_passive_detention_is_coded_from_the_doer():
    article = _report("Two South Korean journalists were detained by Chinese police on Saturday.")
    assert ("CHN", "KOR", "173") in _coded(article)


def test_tariffs_imposed_by_x_on_y_are_coded_from_x():
    assert ("USA", "CHN", "163") in _coded(_report("The tariffs imposed by Washington on Chinese steel stay."))


def test_the_ministry_of_x_is_a_doer_not_an_object():
    assert ("KOR", "CHN", "114") in _coded(_report("The foreign ministry of South Korea summoned the Chinese envoy."))


def test_hundreds_of_x_are_the_doers():
    assert ("KOR", "JPN", "141") in _coded(_report("Hundreds of South Koreans rallied outside the Japanese embassy."))


def test_a_second_verb_shares_the_subject_of_the_first():
    table = _coded(_report("Seoul expelled two American diplomats and recalled its ambassador from Washington."))
    assert table.count(("KOR", "USA", "161")) == 2


def test_a_sentence_opening_with_it_takes_the_subject_of_the_sentence_before():
    article = _report("The foreign ministry of South Korea spoke first. It summoned the Chinese ambassador.")
    assert ("KOR", "CHN", "114") in _coded(article)


def test_the_maker_of_a_noun_cue_is_the_adjective_before_it():
    article = _report('Moon said Seoul had not accepted "a North Korean demand for talks."')
    assert ("PRK", "KOR", "100") in _coded(article)


def test_an_offer_from_x_is_coded_from_x():
    assert ("USA", "PRK", "036") in _coded(_report("Pyongyang has not answered an offer of talks from Washington."))


# who is the target ---------------------------------------------------------------------------------------------------

def test_a_target_named_as_a_pair_is_the_first_of_the_pair():
    article = _report("Seoul and Washington held a joint exercise, which Pyongyang condemned.")
    assert ("PRK", "KOR", "111") in _coded(article)


def test_both_sides_of_an_exchange_are_coded():
    table = _coded(_report("Seoul and Pyongyang exchanged 30 prisoners on Monday."))
    assert ("KOR", "PRK", "084") in table and ("PRK", "KOR", "084") in table


def test_a_lower_case_common_noun_is_not_an_actor():
    assert _coded(_report("Seoul held drills in the north on Monday.")) == []


# actors that no table lists ------------------------------------------------------------------------------------------

def test_an_unlisted_adjective_is_guessed_from_a_state_name(tmp_path):
    article = _report("Veldia expelled two Ostrinish diplomats.")
    assert ("VLD", "OST", "161") in _coded(article, **_own_tables(tmp_path))


def test_an_adjective_that_fits_no_state_is_not_guessed(tmp_path):
    assert _coded(_report("Veldia expelled two Zorbish diplomats."), **_own_tables(tmp_path)) == []


def test_a_capital_named_in_a_dateline_stands_for_its_state(tmp_path):
    article = _report("KESSMER, Veldia, May 14 (Wire) - Talks began.\n\nPelland will travel to Kessmer on Friday.")
    assert ("PEL", "VLD", "036") in _coded(article, **_own_tables(tmp_path))


def test_a_capital_in_apposition_stands_for_its_state(tmp_path):
    article = _report("Farmers rallied in Dalbec, the Pelland capital, on Sunday. Dalbec denied the charge by Veldia.")
    assert ("PEL", "VLD", "016") in _coded(article, **_own_tables(tmp_path))


# never crash, stay linear ---------------------------------------------------------------------------------------------

_WORDS = st.sampled_from(["Seoul", "Veldish", "expelled", "not", "if", "would", "and", "by", "the", "tariffs", "on",
                          "Pyongyang", ",", ".", "KESSMER,", "capital", "It", "will", "visit", "Hundreds of", "\n\n"])


@settings(max_examples=60, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=60))
def test_events_never_crash_on_cue_words_in_random_order(words):
    article = _report(" ".join(words))
    for row in events(article).itertuples():
        assert row.text == article.text[row.start:row.end]


def test_events_stay_roughly_linear_in_the_length_of_the_text():
    unit = "Seoul expelled two Chinese diplomats and will visit Washington if Beijing would not sign the truce. "
    times = []
    for n in (20, 80):
        article = _report(unit * n)
        started = time.perf_counter()
        events(article)
        times.append(time.perf_counter() - started)
    assert times[1] < 12 * times[0] + 0.5


# the second development set ---------------------------------------------------------------------------------------------

def test_second_dev_set_gold_spans_are_the_text_and_have_notes():
    corpus = kk.load_corpus(DEV2)
    for row in load_event_gold(DEV2 / "gold_events.json").itertuples():
        assert corpus[row.article_id].text[row.start:row.end] == row.text and row.note.strip()


def test_second_dev_set_scores_stay_above_a_floor():
    corpus = kk.load_corpus(DEV2)
    scores = evaluate_events(events_table(corpus, **OWN2), load_event_gold(DEV2 / "gold_events.json"))
    assert scores.loc[0, "recall"] >= 0.85 and scores.loc[0, "precision"] >= 0.9
