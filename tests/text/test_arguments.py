"""Wrong arguments to the text room give a KitError that names the argument and says what to give."""

import os

import pytest

import korea_kit as kk
from korea_kit import Article, ArticleError, Corpus, Span
from korea_kit._errors import KitError, KitLookupError, KitTypeError, KitValueError
from korea_kit.text._segment import ABBREVIATIONS


@pytest.fixture
def art():
    return Article.from_text("Kim meets Moon\n\nGen. Kim met Mr Moon in Pyeongchang. They spoke.")


def test_load_article_of_none_names_the_path_argument():
    with pytest.raises(KitTypeError, match="load_article: path should be the name of a file"):
        kk.load_article(None)


def test_load_article_of_a_device_is_refused_before_reading():
    with pytest.raises(ArticleError, match="device or a pipe"):
        kk.load_article("/dev/zero")


def test_load_article_of_a_fifo_is_refused_before_reading(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(ArticleError, match="device or a pipe"):
        kk.load_article(fifo)


def test_load_article_with_a_number_for_encoding_is_refused(write):
    with pytest.raises(KitTypeError, match="encoding"):
        kk.load_article(write("a.txt", "Head\n\nBody."), encoding=8)


def test_load_corpus_of_a_number_is_a_type_error():
    with pytest.raises(KitTypeError, match="load_corpus: folder"):
        kk.load_corpus(5)


def test_load_corpus_of_a_device_is_not_a_folder():
    with pytest.raises(ArticleError, match="not a folder"):
        kk.load_corpus("/dev/zero")


def test_load_corpus_errors_choice_suggests_the_nearest():
    with pytest.raises(KitValueError, match="Did you mean 'skip'"):
        kk.load_corpus(errors="skp")


def test_load_corpus_errors_choice_is_still_a_value_error():
    with pytest.raises(ValueError):
        kk.load_corpus(errors="x")


def test_catalog_that_is_a_fifo_is_refused(tmp_path):
    (tmp_path / "a.txt").write_text("Head\n\nBody.", "utf-8")
    os.mkfifo(tmp_path / "catalog.csv")
    with pytest.raises(ArticleError, match="catalog.csv is a device or a pipe"):
        kk.load_corpus(tmp_path)


def test_from_text_of_a_number_is_a_type_error():
    with pytest.raises(KitTypeError, match="must be a string"):
        Article.from_text(5)


def test_from_text_with_a_list_for_meta_is_refused():
    with pytest.raises(KitTypeError, match="meta should be a dictionary"):
        Article.from_text("Head\n\nBody.", meta=["outlet"])


def test_article_needs_text_that_is_a_string():
    with pytest.raises(KitTypeError, match="Article: text"):
        Article("a", None)


def test_spans_frame_of_an_unknown_layer_suggests_the_nearest(art):
    with pytest.raises(KitLookupError, match="Did you mean 'sentence'"):
        art.spans_frame("sentense")


def test_spans_frame_of_an_unknown_layer_lists_the_layers(art):
    with pytest.raises(KitLookupError, match="boilerplate, dateline, paragraph, sentence"):
        art.spans_frame("nope")


def test_missing_layer_is_still_a_key_error(art):
    with pytest.raises(KeyError):
        art.spans["quote"]


def test_find_of_a_number_is_a_type_error(art):
    with pytest.raises(KitTypeError, match="article.find: pattern"):
        art.find(5)


def test_sentences_with_none_is_a_type_error(art):
    with pytest.raises(KitTypeError, match="sentences_with: pattern"):
        art.sentences_with(None)


def test_char_span_with_text_for_a_position_is_a_type_error(art):
    with pytest.raises(KitTypeError, match="whole number"):
        art.char_span("a", 3)


def test_char_span_alignment_mode_suggests_the_nearest(art):
    with pytest.raises(KitValueError, match="Did you mean 'expand'"):
        art.char_span(0, 3, alignment_mode="expnd")


def test_add_spans_of_one_span_asks_for_a_list(art):
    with pytest.raises(KitTypeError, match=r"in a list: \[span\]"):
        art.add_spans("person", art.char_span(0, 3))


def test_span_end_before_start_is_refused():
    with pytest.raises(KitValueError, match="end .2. comes before start .5."):
        Span(5, 2)


def test_span_overlaps_needs_another_span(art):
    with pytest.raises(KitTypeError, match="another Span"):
        art.sentences[0].overlaps(3)


def test_corpus_of_numbers_names_the_bad_item():
    with pytest.raises(KitTypeError, match="item 0 is 1 .a number."):
        Corpus([1, 2])


def test_corpus_of_one_article_asks_for_a_list(art):
    with pytest.raises(KitTypeError, match=r"kk.Corpus\(\[article\]\)"):
        Corpus(art)


def test_corpus_of_a_folder_name_points_to_load_corpus():
    with pytest.raises(KitTypeError, match="load_corpus"):
        Corpus("seeds")


def test_empty_corpus_to_frame_has_the_usual_columns():
    frame = Corpus([]).to_frame()
    assert len(frame) == 0 and {"title", "outlet", "date", "words"} <= set(frame.columns)


def test_empty_corpus_headlines_is_an_empty_table():
    assert list(Corpus([]).headlines().columns) == ["outlet", "headline", "words"]


def test_corpus_spans_frame_of_an_unknown_layer_suggests_the_nearest():
    with pytest.raises(KitLookupError, match="Did you mean 'paragraph'"):
        kk.load_corpus().spans_frame("paragraf")


def test_side_by_side_of_an_unknown_id_lists_the_ids():
    with pytest.raises(KitLookupError, match="The ids are"):
        kk.load_corpus().side_by_side(["zzz"])


def test_side_by_side_accepts_one_id_on_its_own():
    assert kk.load_corpus().side_by_side("001").html.count('class="korea-kit-article"') == 1


def test_side_by_side_of_a_number_that_is_not_a_list_is_refused():
    with pytest.raises(KitError):
        kk.load_corpus().side_by_side(3.5)


def test_abbreviations_still_importable_and_read_from_data():
    assert {"gen", "feb", "mr"} <= ABBREVIATIONS and len(ABBREVIATIONS) > 10
