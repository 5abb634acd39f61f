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


def test_tags_imported_from_a_classmate_are_not_counted_as_ones_own(tmp_path):
    article = kk.load_corpus()["001"]
    second = article.sentences[1]
    classmate = WorkStore(tmp_path / "classmate.json", student="bo")
    classmate.add_span(article.id, "02.tags", "my tags", second.start, second.end, "indirect speech")
    mine = WorkStore(tmp_path / "mine.json", student="ana")
    mine.import_file(classmate.export(tmp_path / "bo.json"), other_student=True)
    assert "not tagged any sentence" in check_quote_tags(article, mine).message


def test_no_tags_yet_says_how_to_start(tmp_path):
    feedback = check_quote_tags(kk.load_corpus()["001"], WorkStore(tmp_path / "w.json", student="ana"))
    assert "not tagged any sentence" in feedback.message


def test_an_article_without_gold_says_so(tmp_path):
    feedback = check_quote_tags(kk.Article.from_text("Head\n\nText.", id="mine"), WorkStore(tmp_path / "w.json"))
    assert "no gold annotation" in feedback.message


# -- wrong input, and text drawn as written ----------------------------------------------------------------


def _seed_table():
    import korea_kit as kk

    return kk.quotes_table(kk.load_corpus())


def test_voice_share_by_outlet_explains_why_not():
    from korea_kit._errors import KitValueError

    with pytest.raises(KitValueError, match="outlets are already the columns"):
        voice_share(_seed_table(), by="outlet")


def test_voice_share_by_a_miscapitalised_column_suggests_it():
    from korea_kit._errors import KitValueError

    with pytest.raises(KitValueError, match="Did you mean 'speaker'"):
        voice_share(_seed_table(), by="Speaker")


def test_voice_share_of_an_article_says_how_to_make_a_table():
    import korea_kit as kk
    from korea_kit._errors import KitTypeError

    with pytest.raises(KitTypeError, match=r"kk.quotes\(article\)"):
        voice_share(kk.load_corpus()[0])


def test_voice_share_of_a_table_without_columns_names_the_missing_one():
    import pandas as pd
    from korea_kit._errors import KitValueError

    with pytest.raises(KitValueError, match="no column 'kind'"):
        voice_share(pd.DataFrame({"who": ["Moon"]}))


def test_voice_share_of_an_empty_quotes_table_is_empty():
    assert voice_share(quotes_table([])).empty


def test_annotate_quotes_of_a_corpus_asks_for_one_article():
    import korea_kit as kk
    from korea_kit._errors import KitTypeError

    with pytest.raises(KitTypeError, match="works on one article"):
        kk.annotate_quotes(kk.load_corpus())


def test_compare_with_gold_of_a_number_for_gold_is_refused():
    import korea_kit as kk
    from korea_kit._errors import KitTypeError

    with pytest.raises(KitTypeError, match=r"gold should be a table .* kk.load_gold\(\)"):
        kk.compare_with_gold(kk.load_corpus()[0], 5)


def test_check_quote_tags_of_a_corpus_asks_for_one_article():
    import korea_kit as kk
    from korea_kit._errors import KitTypeError

    with pytest.raises(KitTypeError, match="works on one article"):
        kk.check_quote_tags(kk.load_corpus())


def test_voice_share_figure_draws_dollar_signs_as_written():
    import io

    import pandas as pd

    from korea_kit.sourcing._voices import voice_share_figure

    table = pd.DataFrame({"speaker": ["$x$ and $y$"], "kind": ["direct"], "text": ["we will talk"],
                          "outlet": [r"$\frac$ News"]})
    fig = voice_share_figure(table)
    fig.savefig(io.BytesIO(), format="png")  # mathtext would fail to parse \frac here
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["$x$ and $y$"]
    assert [t.get_text() for t in fig.legends[0].get_texts()] == [r"$\frac$ News"]
