"""The Article: immutable text, provenance, spans made with char_span."""

import pytest

from korea_kit import Article, ArticleError, Span
from korea_kit._errors import KitTypeError, KitValueError


@pytest.fixture
def art():
    return Article.from_text("Kim meets Moon\n\nGen. Kim met Mr Moon in Pyeongchang. They spoke.")


def test_text_cannot_be_reassigned(art):
    with pytest.raises(AttributeError):
        art.text = "changed"


def test_unknown_provenance_is_marked_unknown(art):
    assert {art.meta[k] for k in ("outlet", "outlet_kind", "date", "url", "author", "headline")} == {"unknown"}


def test_title_falls_back_to_opening_words_without_a_headline():
    long = "Envoys from both sides met for six hours on Friday without any breakthrough at all, diplomats said."
    assert Article.from_text(long).title == "Envoys from both sides met for six hours on Friday without any …"


def test_title_uses_catalog_headline_when_text_has_none():
    long = "Envoys from both sides met for six hours on Friday without any breakthrough at all, diplomats said."
    assert Article.from_text(long, meta={"headline": "Envoys meet"}).title == "Envoys meet"


def test_char_span_text_is_the_slice(art):
    span = art.char_span(16, 24, "person")
    assert span.text == art.text[16:24] == "Gen. Kim"


def test_char_span_keyword_arguments_become_attrs(art):
    assert dict(art.char_span(16, 24, "person", country="PRK").attrs) == {"country": "PRK"}


def test_char_span_expand_grows_to_whole_words(art):
    assert art.char_span(18, 27, alignment_mode="expand").text == "Gen. Kim met"


def test_char_span_contract_shrinks_to_whole_words(art):
    assert art.char_span(18, 27, alignment_mode="contract").text == "Kim"


def test_char_span_outside_the_text_is_refused(art):
    with pytest.raises(ArticleError, match="inside the text"):
        art.char_span(0, 10_000)


def test_char_span_needs_whole_numbers(art):
    with pytest.raises(KitTypeError, match="whole number"):
        art.char_span(1.5, 4)


def test_char_span_rejects_unknown_alignment_mode(art):
    with pytest.raises(KitValueError, match="alignment_mode"):
        art.char_span(0, 3, alignment_mode="fuzzy")


def test_span_attrs_are_read_only(art):
    span = art.char_span(0, 3, "x", k=1)
    with pytest.raises(TypeError):
        span.attrs["k"] = 2


def test_add_spans_creates_a_layer(art):
    art.add_spans("person", [art.char_span(21, 24, "PER")])
    assert [s.text for s in art.spans["person"]] == ["Kim"]


def test_add_spans_refuses_built_in_layers(art):
    with pytest.raises(ArticleError, match="cannot be changed"):
        art.add_spans("sentence", [art.char_span(0, 3)])


def test_add_spans_refuses_spans_of_another_article(art):
    other = Article.from_text("Something else entirely.")
    with pytest.raises(ArticleError, match="Only spans made from"):
        art.add_spans("person", [other.char_span(0, 3)])


def test_missing_layer_error_lists_the_layers(art):
    with pytest.raises(KeyError, match="paragraph"):
        art.spans["quote"]


def test_spans_frame_has_one_row_per_sentence(art):
    frame = art.spans_frame("sentence")
    assert frame["text"].tolist() == [s.text for s in art.sentences]


def test_span_to_dict_round_trips_through_char_span(art):
    record = art.sentences[1].to_dict()
    again = art.char_span(record["start"], record["end"], record["label"], record["attrs"], layer=record["layer"])
    assert again == art.sentences[1] and record["text"] == again.text


def test_from_text_refuses_non_strings():
    with pytest.raises(KitTypeError, match="must be a string"):
        Article.from_text(b"bytes")


def test_repr_names_id_title_and_outlet(art):
    assert repr(art) == "<Article pasted: 'Kim meets Moon' (unknown), 1 body paragraphs>"


def test_spans_are_instances_of_span(art):
    assert all(isinstance(s, Span) for layer in art.spans.values() for s in layer)
