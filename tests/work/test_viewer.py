"""The viewer's logic, tested by setting values: layers, selection, tagging, escaping."""

import pytest
from traitlets import TraitError

from korea_kit import Article, WorkStore
from korea_kit.work._viewer import PALETTE, STUDENT_LAYER, ArticleViewer

TEXT = "Talks on\n\nKim met Moon. They agreed.\n\nAdvertisement\n\n<script>x</script> said a source."


@pytest.fixture
def store(tmp_path):
    return WorkStore(tmp_path / "work.json", student="ana")


@pytest.fixture
def viewer(store):
    return ArticleViewer(Article.from_text(TEXT, id="t"), store=store)


def test_choosing_a_passage_selects_that_sentence(viewer):
    viewer.position = 2
    assert viewer.selected.text == "They agreed."


def test_next_and_previous_stop_at_the_ends(viewer):
    viewer.previous()
    assert viewer.position == 0
    for _ in range(10):
        viewer.next()
    assert viewer.position == len(viewer.units) - 1


def test_passage_number_out_of_range_is_refused(viewer):
    with pytest.raises(TraitError, match="passage number"):
        viewer.position = 99


def test_paragraph_mode_selects_body_paragraphs_from_the_start(viewer):
    viewer.position = 2
    viewer.unit = "paragraph"
    assert (viewer.position, viewer.selected.text) == (0, "Kim met Moon. They agreed.")


def test_tag_saves_the_selected_passage_to_the_store(viewer, store):
    viewer.position = 1
    viewer.tag("claim")
    (record,) = store.spans(article_id="t", exercise_id="viewer")
    assert (record["layer"], record["label"], record["text"]) == (STUDENT_LAYER, "claim", "Kim met Moon.")
    assert "Saved" in viewer.status


def test_tagging_twice_does_not_duplicate(viewer, store):
    viewer.tag("claim")
    viewer.tag("claim")
    assert len(store.spans()) == 1


def test_untag_removes_only_the_chosen_passage(viewer, store):
    viewer.tag("claim")
    viewer.next()
    viewer.tag("fact")
    viewer.untag()
    assert [r["label"] for r in store.spans()] == ["claim"]


def test_unknown_label_is_refused(viewer):
    with pytest.raises(TraitError, match="Tag with one of"):
        viewer.label = "propaganda"


def test_unknown_layer_is_refused(viewer):
    with pytest.raises(TraitError, match="no layer"):
        viewer.layers = ["frames"]


def test_shown_layers_are_highlighted_with_a_legend(viewer):
    viewer.layers = ["boilerplate"]
    assert PALETTE[0] in viewer.html and "site furniture" in viewer.legend_html


def test_hidden_layers_are_not_highlighted(viewer):
    viewer.layers = []
    assert PALETTE[0] not in viewer.html and "No highlighted layers" in viewer.legend_html


def test_student_tags_show_in_their_layer(viewer):
    viewer.tag("claim")
    assert "my tags: claim" in viewer.legend_html


def test_selected_passage_is_outlined(viewer):
    viewer.position = 2
    assert viewer.html.count("kk-selected") == 1


def test_article_text_is_escaped(viewer):
    assert "<script>" not in viewer.html and "&lt;script&gt;" in viewer.html


def test_viewer_needs_an_article(store):
    with pytest.raises(TypeError, match="needs an article.*pass the article itself"):
        ArticleViewer("not an article", store=store)


def test_tags_are_kept_per_exercise(store):
    article = Article.from_text(TEXT, id="t")
    ArticleViewer(article, store=store, exercise_id="a").tag("claim")
    assert ArticleViewer(article, store=store, exercise_id="b").tags() == []
