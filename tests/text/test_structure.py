"""Headline, standfirst, byline, body and boilerplate are told apart by general rules."""

from korea_kit import Article


def roles(text, meta=None):
    return [(p.label, p.attrs.get("kind", "")) for p in Article.from_text(text, meta=meta).paragraphs]


def test_short_first_line_is_the_headline():
    assert roles("Talks resume\n\nEnvoys met on Friday. They talked.")[0] == ("headline", "")


def test_long_opening_sentence_is_not_a_headline():
    text = "Envoys from both sides met for six hours on Friday in the city without any breakthrough at all.\n\nMore."
    assert roles(text)[0] == ("body", "")


def test_dateline_paragraph_is_never_a_headline():
    assert roles("GENEVA (AP) — Envoys met.\n\nMore.")[0] == ("body", "")


def test_catalog_headline_finds_the_headline_after_page_furniture():
    text = "Menu Home World\n\nTalks resume at last\n\nEnvoys met. They talked."
    assert roles(text, {"headline": "Talks resume at last"})[:2] == [("body", ""), ("headline", "")]


def test_one_sentence_summary_before_the_lede_is_a_standfirst():
    text = "Korea talks could start\n\nThe offer came at the Games.\n\nKorea could start talks soon, officials said."
    assert roles(text)[1] == ("standfirst", "")


def test_lede_that_echoes_the_headline_is_body_not_standfirst():
    text = "Korea willing to hold talks\n\nKorea is willing to hold talks, its envoy said.\n\nThe envoy met Moon."
    assert roles(text)[1] == ("body", "")


def test_summary_before_a_byline_is_a_standfirst():
    assert roles("Head\n\nA quiet summary.\n\nBy Ruth Ng\n\nBody text here.")[1:3] == [("standfirst", ""), ("byline", "")]


def test_metadata_can_switch_the_standfirst_off():
    text = "Korea talks could start\n\nThe offer came at the Games.\n\nKorea could start talks soon, officials said."
    assert roles(text, {"standfirst": "no"})[1] == ("body", "")


def test_repeated_photo_credits_are_boilerplate():
    text = "Head\n\nBody one.\n\nCredit: Getty Images via CNN\n\nCredit: Getty Images via CNN\n\nBody two."
    assert roles(text)[2:4] == [("boilerplate", "photo_credit"), ("boilerplate", "photo_credit")]


def test_embedded_post_with_tco_link_is_boilerplate():
    text = 'Head\n\nBody.\n\nKCNA: "The talks…" https://t.co/AbC123\n\nMore body.'
    assert roles(text)[2] == ("boilerplate", "social_post")


def test_site_blurb_before_the_headline_is_boilerplate():
    text = "Powered by Example Society\n\nThe Review is a production of the Example Society.\n\nHeadline here\n\nBody."
    assert roles(text)[:3] == [("boilerplate", "site_furniture"), ("boilerplate", "site_furniture"), ("headline", "")]


def test_quoted_mission_statement_in_the_body_is_not_boilerplate():
    text = 'Head\n\n"Our goal is peace," the minister said.\n\nMore.\n\nMore still.\n\nEnd.'
    assert roles(text)[1] == ("body", "")


def test_boilerplate_is_labelled_never_removed():
    text = "Head\n\nBody.\n\nAdvertisement\n\nMore body."
    art = Article.from_text(text)
    assert art.text == text
    assert [b.text for b in art.boilerplate] == ["Advertisement"]


def test_boilerplate_has_no_sentences():
    art = Article.from_text("Head\n\nBody.\n\nAdvertisement")
    assert [s.text for s in art.sentences] == ["Head", "Body."]


def test_markdown_heading_marks_stay_outside_the_headline_span():
    art = Article.from_text("# Head line\n\nBody.")
    assert art.headline.text == "Head line"


def test_wire_dateline_is_its_own_span():
    art = Article.from_text("Head\n\nSEOUL, Feb 25 (Reuters) - Kim met Moon.")
    (dateline,) = art.spans["dateline"]
    assert (dateline.text, dateline.attrs["agency"]) == ("SEOUL, Feb 25 (Reuters) -", "Reuters")


def test_a_sentence_starting_with_by_is_not_a_byline():
    assert roles("Head\n\nBy then it was too late.\n\nMore.")[1] == ("body", "")
