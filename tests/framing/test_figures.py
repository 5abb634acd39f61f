"""The framing figures render, draw text as written, and refuse wrong inputs with KitErrors."""

import io
from pathlib import Path

import pytest

import korea_kit as kk
from korea_kit import Article, KitTypeError
from korea_kit.framing import cue_profile_figure, headline_certainty_figure

UNSEEN = Path(__file__).parents[1] / "fixtures" / "framing"


def _png(fig) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()


def test_the_headline_certainty_figure_renders_to_png():
    assert _png(headline_certainty_figure(kk.load_corpus())).startswith(b"\x89PNG")


def test_the_cue_profile_figure_renders_to_png():
    assert _png(cue_profile_figure(kk.load_corpus())).startswith(b"\x89PNG")


def test_a_headline_with_dollar_signs_is_drawn_as_written():
    art = Article.from_text("Aid of $5 and $6 may follow\n\nDonors met.", id="dollars")
    fig = headline_certainty_figure([art, kk.load_article(UNSEEN / "summit_wire.txt")])
    _png(fig)
    assert fig.axes[0].get_yticklabels()[0].get_text().startswith("Aid of $5 and $6")


def test_the_certainty_figure_has_one_bar_per_article():
    fig = headline_certainty_figure(kk.load_corpus())
    assert len(fig.axes[0].patches) == 3


def test_the_cue_profile_figure_hatches_its_categories():
    fig = cue_profile_figure(kk.load_corpus())
    assert len({p.get_hatch() for p in fig.axes[0].patches}) > 1


def test_figures_of_an_empty_list_still_render():
    assert _png(headline_certainty_figure([])).startswith(b"\x89PNG") and _png(cue_profile_figure([]))


@pytest.mark.parametrize("figure", [headline_certainty_figure, cue_profile_figure])
def test_a_figure_of_a_file_name_is_a_kit_error(figure):
    with pytest.raises(KitTypeError, match="kk.load_article"):
        figure("seeds/000.txt")
