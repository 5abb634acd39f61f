"""The world's states as a fallback actor table for kk.events and kk.actors (issue 9, second round): the data
(korea_kit/data/countries.csv, offices.csv), its lookups, and the rules written on the second held-out set once it
was spent (reports about real states)."""

from __future__ import annotations

import csv
import io
import re
import time
from importlib import resources

import korea_kit as kk
from korea_kit.diplomacy import events
from korea_kit.diplomacy._actors import find_mentions
from korea_kit.diplomacy._world import world_context, world_matches, world_states


def _report(body, date="2027-03-18"):
    return kk.Article.from_text("Report\n\n" + body, meta={"date": date})


def _coded(article, **options):
    return [tuple(r) for r in events(article, **options)[["source_actor", "target_actor", "cameo"]].values]


def _named(text, **options):
    return [(m.name, m.country) for m in find_mentions(text, demonyms=True, world=True, **options)]


def _names(row):
    return [n for column in ("name", "aliases", "capital", "adjectives", "seats") for n in row[column].split("|") if n]


# -- the data ------------------------------------------------------------------------------------------------------

def test_every_actor_row_has_a_three_letter_code():
    bad = [row["name"] for row in world_states() if row["kind"] != "place" and not re.fullmatch(r"[A-Z]{3}", row["code"])]
    assert not bad


def test_no_code_is_used_twice():
    codes = [row["code"] for row in world_states() if row["kind"] != "place"]
    assert len(codes) == len(set(codes))


def test_every_row_has_a_name():
    assert all(row["name"] for row in world_states())


def test_the_table_holds_the_193_member_states_of_the_un():
    assert sum(row["kind"] == "state" for row in world_states()) == 193


def test_no_name_names_two_states_unless_marked_careful():
    codes: dict[str, set[str]] = {}
    for row in world_states():
        for name in _names(row):
            codes.setdefault(re.sub(r"^the ", "", name), set()).add(row["code"])
    assert not {name: c for name, c in codes.items() if len(c) > 1}


def test_every_office_that_names_its_state_alone_has_a_known_code():
    text = resources.files("korea_kit").joinpath("data/offices.csv").read_text("utf-8")
    rows = csv.DictReader(io.StringIO("\n".join(line for line in text.splitlines() if not line.startswith("#"))))
    known = {row["code"] for row in world_states()}
    assert all(row["country"] in known for row in rows if row["kind"] == "alone")


# -- the lookups ---------------------------------------------------------------------------------------------------

def test_a_capital_names_its_state():
    assert _named("Tokyo protested.") == [("Tokyo", "JPN")]


def test_a_seat_of_government_names_its_state():
    assert _named("The Kremlin said no.") == [("Kremlin", "RUS")]


def test_an_adjective_as_a_plural_noun_names_its_state():
    assert _named("Swedes and Russians met.") == [("Swedes", "SWE"), ("Russians", "RUS")]


def test_a_careful_name_alone_is_no_actor():
    assert _named("Jordan scored twice.") == []


def test_a_careful_name_counts_when_the_text_names_its_state_another_way():
    assert ("Jordan", "JOR") in _named("Amman said Jordan would host the talks.")


def test_a_name_of_two_states_takes_the_one_the_context_names():
    assert [m.code for m in world_matches("Congo said so.", frozenset({"COD"}))] == ["COD"]


def test_korea_alone_names_no_state():
    assert _named("Korea and Korean culture.") == []


def test_a_sea_named_after_a_state_is_no_actor():
    assert _named("Ships sailed in the South China Sea.") == []


def test_an_office_is_named_with_its_state_and_keeps_the_state_span():
    [m] = find_mentions("Japan's foreign ministry said.", world=True)
    assert (m.name, m.country, m.end) == ("Japan's foreign ministry", "JPN", 5)


def test_an_office_that_names_its_state_alone_is_an_actor_of_it():
    assert _named("The Pentagon said.") == [("Pentagon", "USA")]


def test_the_instructors_table_wins_over_the_world_table(tmp_path):
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("canonical,alias,entity,source_type,side\nVeldia,Veldia|Tokyo,country,official,Veldia\n",
                       encoding="utf-8")
    rows = kk.diplomacy._actors.actor_rows(None) | {"Veldia": {"kind": "state", "country": "VLD", "role": ""}}
    assert _named("Tokyo said.", aliases=kk.load_aliases(aliases), rows=rows) == [("Tokyo", "VLD")]


def test_without_the_world_flag_the_old_lookup_is_unchanged():
    assert find_mentions("Tokyo said.") == []


def test_the_context_of_a_text_is_the_codes_it_names_plainly():
    assert world_context("Georgia and Tbilisi") == frozenset({"GEO"})


def test_the_world_lookup_is_fast_on_a_long_text():
    text = "Tokyo and Seoul protested after North Korea fired a missile toward Japan. " * 2700  # about 200 KB
    began = time.perf_counter()
    world_matches(text)
    assert time.perf_counter() - began < 2.0


# -- kk.actors -----------------------------------------------------------------------------------------------------

def test_actors_lists_a_state_of_the_world_table_with_its_code():
    table = kk.actors([_report("Tokyo protested to Moscow.")]).set_index("actor")
    assert table.loc["Japan", "country"] == "JPN"


# -- the rules -----------------------------------------------------------------------------------------------------

def test_a_state_no_bundled_table_lists_is_an_event_actor():
    assert ("JPN", "RUS", "111") in _coded(_report("Japan condemned Russia on Thursday."))


def test_an_igo_is_never_an_event_actor():
    assert all("UNO" not in pair[:2] for pair in _coded(_report("The UN condemned Sweden on Thursday.")))


def test_a_pair_as_subject_of_a_protest_acts_toward_a_third_state():
    assert ("JPN", "PRK", "114") in _coded(_report("North Korea fires missile; Tokyo, Seoul protest."))


def test_the_maker_of_a_protest_after_from_protests_to_the_subject():
    coded = _coded(_report("North Korea fired a missile on Thursday, drawing a protest from Tokyo."))
    assert ("JPN", "PRK", "114") in coded


def test_condemning_the_launch_targets_the_launcher():
    article = _report("North Korea fired a missile toward Japan on Thursday.\n\n"
                      "The US condemned the launch as a threat to Japan.")
    assert ("USA", "PRK", "111") in _coded(article)


def test_a_passive_with_no_agent_takes_the_doer_of_the_last_act_of_its_kind():
    article = _report("The US imposed sanctions on Russian firms on Wednesday.\n\nA Chinese firm was also named.")
    assert ("USA", "CHN", "163") in _coded(article)


def test_a_reaction_with_no_target_answers_the_last_act_aimed_at_its_source():
    article = _report("The US imposed sanctions on Russia on Wednesday.\n\nRussia would respond appropriately.")
    assert ("RUS", "USA", "130") in _coded(article)


def test_a_talk_by_telephone_is_coded_041():
    article = _report("The foreign ministers of Japan and South Korea discussed the launch by telephone on Thursday.")
    assert ("JPN", "KOR", "041") in _coded(article)


def test_officials_in_a_capital_are_its_state():
    assert ("USA", "KOR", "051") in _coded(_report("Officials in Washington welcomed the deal with Seoul."))


def test_tightened_export_controls_are_a_sanction():
    coded = _coded(_report("Japan tightened export controls on chemicals sold to South Korea on Thursday."))
    assert ("JPN", "KOR", "163") in coded


def test_an_invitation_to_a_summit_is_an_intent_to_meet():
    assert ("USA", "KOR", "036") in _coded(_report("The US has invited Seoul to a three-way summit."))


def test_the_two_sides_are_the_two_states_named_just_before():
    article = _report("South Korea's president hosted Japan's prime minister on Wednesday.\n\n"
                      "The two sides signed an agreement to share data.")
    assert ("KOR", "JPN", "057") in _coded(article)


def test_an_envoy_who_went_to_a_capital_visited_it():
    assert ("SWE", "PRK", "042") in _coded(_report("A Swedish envoy went to Pyongyang."))


def test_a_protest_to_back_a_summons_is_not_a_second_event():
    coded = _coded(_report("Japan summoned Russia's ambassador to protest against the seizure."))
    assert [c for c in coded if c[2][:2] == "11"] == [("JPN", "RUS", "114")]


def test_the_maker_of_a_warning_after_from_inside_a_long_cue_is_its_source():
    coded = _coded(_report("North Korea fired a missile on Thursday, drawing a warning from Seoul that it would "
                           "answer any provocation with force."))
    assert ("KOR", "PRK", "138") in coded


def test_a_place_in_a_dateline_is_not_the_subject_a_protest_answers():
    coded = _coded(_report("SEOUL, March 18 - North Korea fired a missile, drawing a protest from Tokyo."))
    assert ("JPN", "PRK", "114") in coded
