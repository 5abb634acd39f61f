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


def test_highlight_written_as_a_short_date_is_refused_at_once_with_the_full_date():
    from korea_kit._errors import KitValueError

    with pytest.raises(KitValueError, match="Did you mean '2018-02-25'"):
        timeline_figure(highlight="Feb 25")


def test_highlight_written_year_month_day_is_accepted():
    fig = timeline_figure(highlight="2018-02-25")
    assert fig.axes[0].lines


def test_load_timeline_of_a_file_says_it_needs_a_folder(tmp_path):
    path = tmp_path / "timeline.csv"
    path.write_text("date,label\n", "utf-8")
    with pytest.raises(ArticleError, match="is not a folder"):
        load_timeline(path)


def test_load_timeline_of_a_device_says_it_needs_a_folder():
    with pytest.raises(ArticleError, match="is not a folder"):
        load_timeline("/dev/null")


def test_load_timeline_of_a_missing_folder_says_nothing_is_there(tmp_path):
    with pytest.raises(ArticleError, match="nothing at this path"):
        load_timeline(tmp_path / "nowhere")


def test_timeline_csv_that_is_a_fifo_is_refused(tmp_path):
    import os

    os.mkfifo(tmp_path / "timeline.csv")
    with pytest.raises(ArticleError, match="device or a pipe"):
        load_timeline(tmp_path)


def test_timeline_figure_of_a_number_is_a_type_error():
    from korea_kit._errors import KitTypeError

    with pytest.raises(KitTypeError, match=r"kk.load_timeline\(\)"):
        timeline_figure(5)


def test_timeline_labels_keep_their_dollar_signs():
    import io

    events = load_timeline().head(2).assign(label=["$x$ and $y$", r"$\frac$"], kind=["$k$", "b"])
    fig = timeline_figure(events, title="$t$")
    fig.savefig(io.BytesIO(), format="png")  # mathtext would fail to parse \frac here
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert sorted(label.split("  ", 1)[1] for label in labels) == sorted(["$x$ and $y$", r"$\frac$"])
    assert [t.get_text() for t in fig.legends[0].get_texts()] == ["$k$", "b"]
