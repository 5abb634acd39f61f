"""The event timeline is data; the figure is built from it."""

import pytest

from korea_kit import ArticleError
from korea_kit.diplomacy._timeline import load_timeline, timeline_figure


def test_bundled_timeline_is_in_date_order():
    events = load_timeline()
    assert events["when"].is_monotonic_increasing


def test_bundled_timeline_cites_a_source_for_every_event():
    assert (load_timeline()["source"].str.len() > 0).all()


def test_sanctions_figures_match_treasury():
    detail = load_timeline().set_index("date").loc["2018-02-23", "detail"]
    assert "27 entities" in detail and "28 vessels" in detail and "56 designations" in detail


def test_timeline_from_another_folder(tmp_path):
    (tmp_path / "timeline.csv").write_text("date,label,kind,detail,source\n2020-01-02,B,x,d,s\n2020-01-01,A,x,d,s\n")
    assert load_timeline(tmp_path)["label"].tolist() == ["A", "B"]


def test_bad_date_is_reported(tmp_path):
    (tmp_path / "timeline.csv").write_text("date,label,kind,detail,source\n25/02/2018,A,x,d,s\n")
    with pytest.raises(ArticleError, match="25/02/2018"):
        load_timeline(tmp_path)


def test_missing_columns_are_named(tmp_path):
    (tmp_path / "timeline.csv").write_text("date,label\n2018-02-25,A\n")
    with pytest.raises(ArticleError, match="kind"):
        load_timeline(tmp_path)


def test_figure_has_one_row_per_event():
    events = load_timeline()
    figure = timeline_figure(events, highlight="2018-02-25")
    assert len(figure.axes[0].get_yticklabels()) == len(events)
