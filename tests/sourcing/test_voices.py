"""Tables of who speaks, and quote tagging checked against the gold."""

import pytest

import korea_kit as kk
from korea_kit import WorkStore
from korea_kit.sourcing._voices import (annotate_quotes, attribution_chains, check_quote_tags, compare_with_gold, quotes_table,
                              source_mix, voice_share)


@pytest.fixture(scope="module")
def table():
    return quotes_table(kk.load_corpus())


def test_voice_share_counts_words_of_direct_and_partial_quotation(table):
    share = voice_share(table)
    direct = table[table["kind"].isin(["direct", "partial"])]
    assert share.to_numpy().sum() == sum(len(t.split()) for t in direct["text"])


def test_voice_share_by_side_has_the_three_countries(table):
    assert {"North Korea", "South Korea", "United States"} <= set(voice_share(table, by="side").index)


def test_source_mix_counts_every_attribution(table):
    assert source_mix(table).to_numpy().sum() == len(table)


def test_attribution_chains_show_moons_office_reporting_kim_yong_chol(table):
    chains = attribution_chains(table)
    assert "Blue House → Kim Yong Chol" in set(chains["chain"])
    assert "Reuters → US State Department" in set(chains["chain"])


def test_compare_with_gold_lists_found_missed_and_extra():
    result = compare_with_gold(kk.load_corpus()["001"], kk.load_gold())
    assert set(result["status"]) <= {"found", "found, wrong speaker", "missed", "extra"} and len(result) >= 2


def test_annotate_quotes_adds_quote_and_source_layers():
    article = annotate_quotes(kk.Article.from_text('Head\n\n"We will talk," said Ana Vance.'))
    assert [s.text for s in article.spans["quote"]] == ["We will talk,"]
    assert [s.text for s in article.spans["source"]] == ["Ana Vance"]


def test_quote_tags_are_compared_sentence_by_sentence(tmp_path):
    store = WorkStore(tmp_path / "work.json", student="ana")
    article = kk.load_corpus()["001"]
    second = article.sentences[1]
    store.add_span(article.id, "02.tags", "my tags", second.start, second.end, "indirect speech")
    feedback = check_quote_tags(article, store)
    assert feedback.table["agree"].tolist() == [True]
    assert "still untagged" in feedback.message


def test_no_tags_yet_says_how_to_start(tmp_path):
    feedback = check_quote_tags(kk.load_corpus()["001"], WorkStore(tmp_path / "w.json", student="ana"))
    assert "not tagged any sentence" in feedback.message


def test_an_article_without_gold_says_so(tmp_path):
    feedback = check_quote_tags(kk.Article.from_text("Head\n\nText.", id="mine"), WorkStore(tmp_path / "w.json"))
    assert "no gold annotation" in feedback.message
