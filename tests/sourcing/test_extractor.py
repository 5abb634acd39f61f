"""The attribution extractor, one behaviour per test, on small invented texts."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from korea_kit import Article, ArticleError, load_corpus, quotes
from korea_kit._errors import KitTypeError
from korea_kit.sourcing._extractor import COLUMNS, load_aliases


def rows(body: str, headline: str = "Talks on"):
    article = Article.from_text(f"{headline}\n\n{body}")
    return [dict(r) for _, r in quotes(article).iterrows()]


def only(body: str):
    found = rows(body)
    assert len(found) == 1, found
    return found[0]


def test_the_fixed_columns_come_first():
    assert list(quotes(load_corpus()["001"]).columns[: len(COLUMNS)]) == COLUMNS


def test_direct_quote_with_said_and_name_after():
    row = only('"We are ready to talk," said Ana Vance, the foreign minister.')
    assert (row["speaker"], row["kind"], row["cue"], row["text"]) == ("Ana Vance", "direct", "said", "We are ready to talk,")


def test_direct_quote_with_name_and_colon_before():
    row = only('Ana Vance said: "We are ready to talk."')
    assert (row["speaker"], row["kind"], row["text"]) == ("Ana Vance", "direct", "We are ready to talk.")


def test_curly_quotes_work_like_straight_ones():
    assert only("“We are ready,” Ana Vance said.")["text"] == "We are ready,"


def test_quote_split_by_its_attribution_gives_two_rows_for_one_speaker():
    found = rows('"The first morning nobody spoke," she said, "and then a sergeant walked across." Ana Vance smiled.')
    assert [r["text"] for r in found] == ["The first morning nobody spoke,", "and then a sergeant walked across."]
    assert found[0]["speaker"] == found[1]["speaker"]


def test_quote_continuing_across_paragraphs_keeps_its_speaker():
    found = rows('Ana Vance said: "Farmers have lost a season.\n\n"We will not ask them to lose another."')
    assert [r["speaker"] for r in found] == ["Ana Vance", "Ana Vance"]


def test_colon_lead_in_gives_the_speaker_to_the_next_paragraph():
    found = rows('Ana Vance spoke first.\n\nThe minister added:\n\n"Farmers have lost a whole season."')
    assert (found[0]["speaker"], found[0]["cue"]) == ("Ana Vance", "added")


def test_quoted_fragment_inside_a_sentence_is_partial():
    kinds = {r["kind"] for r in rows('Gen Kim said the North had "ample intentions" of holding talks.')}
    assert "partial" in kinds


def test_titles_and_scare_quotes_are_not_attributions():
    assert rows('Both leaders watched the closing ceremony of the "Peace Games" and shook hands.') == []


def test_he_added_is_resolved_to_the_last_person_named():
    found = rows('"We are soldiers," said Gen Tomas Ferrand. "The talking is for Corran," he added.')
    assert [r["speaker"] for r in found] == ["Tomas Ferrand", "Tomas Ferrand"]


@pytest.mark.parametrize("written, canonical", [("Gen Kim", "Kim Yong Chol"), ("Mr Moon", "Moon Jae-in"),
                                                ("Kim Yong-chol", "Kim Yong Chol"), ("President Moon", "Moon Jae-in")])
def test_aliases_give_the_canonical_name(written, canonical):
    assert only(f'"We will talk," {written} said.')["speaker"] == canonical


def test_surname_later_in_the_article_resolves_to_the_full_name():
    found = rows('Dr Miriam Oyelaran studies rivers.\n\n"Water disputes are never about water," Oyelaran said.')
    assert found[0]["speaker"] == "Miriam Oyelaran"


def test_unknown_names_pass_through_unchanged():
    assert only('"Enough," said Zog Blarth.')["speaker"] == "Zog Blarth"


def test_indirect_speech_with_said_that():
    row = only("Ana Vance said that the two sides had agreed to meet in Corran.")
    assert (row["kind"], row["text"]) == ("indirect", "the two sides had agreed to meet in Corran")


def test_according_to_is_a_cue():
    row = only("According to the Valdorian Agriculture Ministry, the harvest fell by a third.")
    assert (row["speaker"], row["cue"], row["text"]) == ("Valdorian Agriculture Ministry", "According to", "the harvest fell by a third")


def test_a_statement_can_be_the_speaker():
    found = rows('The White House echoed the call. "Pressure must continue," the statement read.')
    assert (found[-1]["speaker"], found[-1]["source_type"], found[-1]["cue"]) == ("White House", "document", "read")


def test_embedded_post_of_a_known_account_has_the_type_of_who_speaks():
    row = only('Kim met Moon.\n\nKCNA: "The United States is running amok… https://t.co/AbC123')
    assert (row["speaker"], row["kind"], row["source_type"], row["cue"]) == ("KCNA", "direct", "state_media", None)


def test_embedded_tweet_names_its_platform_in_via():
    row = only('Kim met Moon.\n\nKCNA: "The United States is running amok… https://t.co/AbC123')
    assert row["via"] == "Twitter"


def test_embedded_post_of_an_unknown_account_is_social_media():
    row = only('Kim met Moon.\n\nZog Blarth: "Nobody asked the farmers… https://t.co/AbC123')
    assert (row["speaker"], row["source_type"]) == ("Zog Blarth", "social_media")


def test_quote_inside_a_quote_has_its_own_speaker_and_the_outer_one_as_go_between():
    found = rows("“As President Moon stated, ‘relations cannot advance separately from the nuclear issue,’” the spokesperson "
                 "for the State Department said.")
    inner = next(r for r in found if r["speaker"] == "Moon Jae-in")
    assert inner["via"] == "US State Department"


def test_reported_by_a_wire_is_a_chain():
    found = rows('"We are in close contact," a State Department spokesperson said, Reuters reported.')
    assert found[0]["via"] == "Reuters"


@pytest.mark.parametrize("body, kind", [
    ('"It will fail," said a diplomat who spoke on condition of anonymity.', "anonymous"),
    ("Critics argue that the offer is hollow.", "anonymous"),
    ('"It is a bargaining move," said Miriam Oyelaran, an analyst at the Lindqvist Institute.', "expert"),
    ('"We are ready," said KCNA.', "state_media"),
    ('"Talks are close," Yonhap reported.', "wire"),
])
def test_source_types(body, kind):
    assert rows(body)[0]["source_type"] == kind


@pytest.mark.parametrize("cue, tone", [("said", "neutral"), ("claimed", "doubting"), ("noted", "endorsing"), ("insisted", "loaded"),
                                       ("explained", "endorsing")])
def test_tone_of_the_cue(cue, tone):
    assert only(f'"The talks will resume," Ana Vance {cue}.')["tone"] == tone


def test_every_row_points_at_its_text_in_every_seed():
    for article in load_corpus():
        for _, row in quotes(article).iterrows():
            assert article.text[row["start"]:row["end"]] == row["text"]


def test_the_headline_is_never_an_attribution():
    assert rows("Nothing here.", headline='Kim says "talks soon"') == []


def test_quotes_of_text_asks_for_an_article_and_shows_how():
    with pytest.raises(KitTypeError, match=r"needs one article, such as corpus\['001'\].*Article.from_text"):
        quotes("text")


def test_quotes_of_a_corpus_points_to_quotes_table():
    with pytest.raises(KitTypeError, match=r"you gave a Corpus.*kk.quotes_table\(corpus\)"):
        quotes(load_corpus())


def test_quotes_of_none_names_what_it_got():
    with pytest.raises(KitTypeError, match="you gave None"):
        quotes(None)


def test_a_path_as_aliases_says_to_load_it_first():
    with pytest.raises(KitTypeError, match=r"aliases=kk.load_aliases\('my_aliases.csv'\)"):
        quotes(load_corpus()["001"], aliases="aliases.csv")


def test_a_number_as_aliases_is_a_kit_type_error():
    with pytest.raises(KitTypeError, match=r"aliases=None or an alias table.*3 \(a number\)"):
        quotes(load_corpus()["001"], aliases=3)


def test_load_aliases_of_a_missing_file_names_it(tmp_path):
    with pytest.raises(ArticleError, match="nothing.csv does not exist"):
        load_aliases(tmp_path / "nothing.csv")


def test_load_aliases_of_a_folder_says_it_is_a_folder(tmp_path):
    with pytest.raises(ArticleError, match="is a folder"):
        load_aliases(tmp_path)


def test_load_aliases_of_a_device_is_refused_before_reading():
    with pytest.raises(ArticleError, match="/dev/zero is not an ordinary file"):
        load_aliases("/dev/zero")


def test_load_aliases_of_a_file_that_is_not_csv_names_it(tmp_path):
    path = tmp_path / "aliases.xlsx"
    path.write_bytes(b"PK\x03\x04")
    with pytest.raises(ArticleError, match=r"aliases.xlsx is not a .csv file"):
        load_aliases(path)


def test_load_aliases_of_a_csv_without_the_columns_names_them(tmp_path):
    path = tmp_path / "names.csv"
    path.write_text("name,kind\nZog,person\n")
    with pytest.raises(ArticleError, match="names.csv is not an alias table: it needs the columns canonical and alias"):
        load_aliases(path)


def test_load_aliases_of_a_number_is_a_kit_type_error():
    with pytest.raises(KitTypeError, match="you gave 5"):
        load_aliases(5)


def test_instructor_aliases_are_added_to_the_bundled_ones(tmp_path):
    path = tmp_path / "aliases.csv"
    path.write_text("canonical,alias,entity,source_type,side\nZog Blarth,Mr Blarth,person,official,Valdoria\n")
    table = load_aliases(path)
    assert table.find("said Mr Blarth").canonical == "Zog Blarth" and table.find("Gen Kim").canonical == "Kim Yong Chol"


def test_an_alias_file_with_a_bad_source_type_is_explained(tmp_path):
    path = tmp_path / "aliases.csv"
    path.write_text("canonical,alias,entity,source_type,side\nZog,Zog,person,celebrity,X\n")
    with pytest.raises(ArticleError, match="line 2"):
        load_aliases(path)


@given(st.lists(st.sampled_from(list('ab "“”‘’\'.,:\n') + ["said", " Kim", " Moon", "According to", " that ", "Mr ", "he"]),
                max_size=80).map("".join))
@settings(max_examples=200, deadline=None)
def test_any_text_gives_valid_rows_or_a_clear_error(body):
    try:
        article = Article.from_text("Head\n\n" + body)
    except ArticleError:
        return
    for _, row in quotes(article).iterrows():
        assert 0 <= row["start"] < row["end"] <= len(article.text)
        assert article.text[row["start"]:row["end"]] == row["text"]


def test_tone_of_a_two_word_cue():
    assert only("Ana Vance pointed out that the river feeds both countries.")["tone"] == "endorsing"
