"""name_variants(): spellings of one name across articles, with the standard form where the data knows it."""

import pytest

import korea_kit as kk
from korea_kit.diplomacy import name_variants


@pytest.fixture(scope="module")
def table():
    return name_variants(kk.load_corpus())


def test_the_columns_are_the_agreed_ones(table):
    assert list(table.columns) == ["group", "variant", "article_id", "count", "standard", "note"]


def test_kim_yo_jong_spellings_form_one_group(table):
    assert set(table[table["group"] == "Kim Yo Jong"]["variant"]) == {"Kim Yo Jong", "Kim Yo-jong", "Kim Yo-Jung"}


def test_kim_yo_jung_is_flagged_non_standard(table):
    assert table[table["variant"] == "Kim Yo-Jung"]["note"].iloc[0].startswith("non-standard")


def test_ri_son_kwon_alone_is_listed_with_its_standard_form(table):
    assert table[table["variant"] == "Ri Son Kwon"]["standard"].tolist() == ["Ri Son Gwon"]


def test_pyeongchang_and_its_branding_are_one_group(table):
    assert set(table[table["group"] == "Pyeongchang"]["variant"]) == {"Pyeongchang", "PyeongChang"}


def test_unseen_names_group_by_hyphens_and_case_without_a_standard():
    a = kk.Article.from_text("Talks\n\nOfficials met Park Ji-hoon today.", id="a")
    b = kk.Article.from_text("Talks\n\nThe envoy Park Ji Hoon arrived.", id="b")
    table = name_variants([a, b])
    assert set(table["variant"]) == {"Park Ji-hoon", "Park Ji Hoon"} and set(table["standard"]) == {""}


def test_romanization_alternations_group_kw_and_gw():
    a = kk.Article.from_text("Talks\n\nOfficials met Ri Kwang Chol today.", id="a")
    b = kk.Article.from_text("Talks\n\nThe envoy Ri Gwang Chol arrived.", id="b")
    assert len(set(name_variants([a, b])["group"])) == 1


def test_a_name_spelled_one_way_everywhere_is_not_listed():
    a = kk.Article.from_text("Talks\n\nOfficials met Park Ji-hoon today.", id="a")
    assert name_variants([a, a]).empty


def test_a_number_instead_of_a_corpus_is_a_kit_error():
    with pytest.raises(kk.KitError, match="name_variants: corpus should be"):
        name_variants(7)
