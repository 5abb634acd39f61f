"""positions(): curated stated positions with evidence spans found at load time."""

import json

import pytest

import korea_kit as kk
from korea_kit.diplomacy import positions


@pytest.fixture(scope="module")
def seeds():
    return kk.load_corpus()


def test_every_evidence_is_a_standoff_span(seeds):
    table = positions(seeds).dropna(subset=["start"])
    assert all(seeds[r.article_id].text[r.start:r.end] == r.evidence for r in table.itertuples())


def test_the_us_makes_denuclearisation_a_condition(seeds):
    table = positions(seeds)
    assert set(table[(table["actor"] == "USA") & (table["issue"] == "denuclearisation")]["position"]) == {"conditional"}


def test_the_main_actors_each_have_three_issues(seeds):
    table = positions(seeds)
    assert table.groupby("actor")["issue"].nunique().to_dict() == {"KOR": 3, "PRK": 3, "USA": 3}


def test_evidence_from_articles_not_in_the_corpus_is_left_out(seeds):
    table = positions([seeds["001"]])
    assert set(table["article_id"]) <= {seeds["001"].id, ""}


def test_a_quote_not_in_the_article_is_a_kit_error(seeds, tmp_path):
    path = tmp_path / "p.json"
    path.write_text(json.dumps({"positions": [{"actor": "USA", "issue": "talks", "position": "for",
                                              "evidence": [{"article_id": "000", "quote": "never written"}]}]}))
    with pytest.raises(kk.KitError, match="is not in article"):
        positions(seeds, path)


def test_a_text_instead_of_a_corpus_is_a_kit_error():
    with pytest.raises(kk.KitError, match="positions: corpus should be"):
        positions("seeds")
