"""claims(): checkable claims grouped across reports, with curated verdicts matched by pattern and value."""

from pathlib import Path

import pytest

import korea_kit as kk
from korea_kit.diplomacy import claims

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "diplomacy_claims"


@pytest.fixture(scope="module")
def seeds():
    return kk.load_corpus()


@pytest.fixture(scope="module")
def table(seeds):
    return claims(seeds)


def _meta(date="2018-02-26"):
    return {"date": date}


def test_the_columns_are_the_agreed_ones(table):
    assert list(table.columns) == ["group", "article_id", "value", "text", "start", "end", "status", "verdict",
                                   "source"]


def test_every_claim_is_a_standoff_span(seeds, table):
    assert all(seeds[r.article_id].text[r.start:r.end] == r.text for r in table.itertuples())


def test_buzzfeed_and_ir_insider_sanctions_counts_differ(table):
    group = table[table["text"].str.contains("50 ships and transport companies")]["group"].iloc[0]
    assert set(table[table["group"] == group]["article_id"].str[:3]) == {"000", "003"}
    assert set(table[table["group"] == group]["status"]) == {"differs"}


def test_buzzfeed_sanctions_count_is_imprecise_rather_than_false_with_treasury_as_source(table):
    row = table[table["text"].str.contains("50 ships")].iloc[0]
    assert row["verdict"].startswith("imprecise rather than false") and "Treasury" in row["source"]
    assert "23 Feb 2018" in row["source"]


def test_ir_insider_entities_and_vessels_are_accurate(table):
    row = table[table["text"] == "27 entities and 28 vessels"].iloc[0]
    assert row["value"] == "55 (27 + 28)" and row["verdict"].startswith("accurate")


def test_the_lists_of_places_differ_and_taiwan_list_is_partial(table):
    rows = table[table["group"] == "list · sanctions"]
    rows = rows.set_index(rows["article_id"].str[:3])
    assert set(rows["status"]) == {"differs"} and rows.loc["000", "verdict"].startswith("partial")


def test_offer_of_mediation_gets_its_verdict(table):
    row = table[table["text"] == "offer of mediation"].iloc[0]
    assert row["verdict"].startswith("not supported") and "willingness to talk" in row["verdict"]


def test_eight_member_delegation_is_correct(table):
    row = table[table["text"] == "eight-member"].iloc[0]
    assert row["value"] == "8" and row["verdict"].startswith("accurate")


def test_weekdays_resolve_against_each_articles_date_so_they_agree(table):
    rows = table[table["group"] == "date · sanctions"]
    assert set(rows["value"]) == {"2018-02-23 (Friday)"} and set(rows["status"]) == {"agrees"}


def test_a_planted_30_vessels_differs_from_28_vessels(seeds):
    planted = kk.load_article(FIXTURES / "planted_30_vessels.txt", meta=_meta())
    table = claims([*seeds, planted])
    group = table[(table["article_id"] == planted.id) & (table["text"] == "30 vessels")]["group"].iloc[0]
    rows = table[table["group"] == group]
    assert set(rows["value"]) == {"30", "28"} and set(rows["status"]) == {"differs"}


def test_the_planted_30_vessels_gets_no_verdict_meant_for_28(seeds):
    planted = kk.load_article(FIXTURES / "planted_30_vessels.txt", meta=_meta())
    table = claims([*seeds, planted])
    assert table[table["text"] == "30 vessels"]["verdict"].tolist() == [""]


def test_an_article_on_another_event_groups_its_own_numbers():
    other = kk.load_article(FIXTURES / "other_event_missile.txt", meta=_meta("2019-05-08"))
    table = claims([other])
    assert set(table[table["group"] == "count · missile · missile test"]["value"]) == {"3", "4"}


def test_claims_within_one_article_only_are_single():
    other = kk.load_article(FIXTURES / "other_event_missile.txt", meta=_meta("2019-05-08"))
    assert set(claims([other])["status"]) == {"single"}


def test_an_unknown_noun_still_counts():
    other = kk.load_article(FIXTURES / "other_event_missile.txt", meta=_meta("2019-05-08"))
    assert "12 drones" in claims([other])["text"].tolist()


def test_a_phase_number_is_not_a_count(table):
    assert not table["text"].str.contains("Phase").any()


def test_a_text_instead_of_a_corpus_is_a_kit_error():
    with pytest.raises(kk.KitError, match="claims: corpus should be a corpus"):
        claims("seeds/")


def test_a_wrong_verdicts_argument_is_a_kit_error(seeds):
    with pytest.raises(kk.KitError, match="verdicts should be the name of a verdict file"):
        claims(seeds, verdicts=3)


def test_a_missing_verdicts_file_is_a_kit_error(seeds, tmp_path):
    with pytest.raises(kk.KitError, match="there is no file"):
        claims(seeds, verdicts=tmp_path / "none.json")
