"""The timeline of the event a corpus is about, kept as data (``timeline.csv``).

The bundled timeline covers January to June 2018, from the checked facts
in the kit's reference notes. An instructor teaching another event puts a
``timeline.csv`` (columns: date, label, kind, detail, source) in their own
corpus folder and passes that folder.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path
from typing import Any

from ..text import MAX_BYTES, seeds_folder
from .._errors import ArticleError, KitValueError, need_path, need_regular_file, need_table, need_text, shown

__all__ = ["load_timeline", "timeline_figure", "need_events", "need_date"]

_COLUMNS = ["date", "label", "kind", "detail", "source"]
#: Okabe-Ito colours: distinguishable with the common forms of colour blindness.
_PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#F0E442", "#000000"]


def load_timeline(folder: str | Path | None = None):
    """The events of the story as a pandas DataFrame, one row per event, in date order.

    >>> events = load_timeline()
    >>> events.loc[events["date"] == "2018-02-25", "label"].item()
    'Moon meets Kim Yong Chol; closing ceremony'
    """
    from .._display import pandas as _pandas

    pd = _pandas()
    if folder is None:
        folder = seeds_folder()
    else:
        folder = need_path(folder, "folder", "load_timeline", "my_articles")
        if not folder.is_dir():
            what = "there is nothing at this path" if not folder.exists() else "it is a file or a device"
            raise ArticleError(f"load_timeline: {folder} is not a folder ({what}). Give the folder that holds "
                               f"timeline.csv, such as load_timeline('my_articles').")
    path = folder / "timeline.csv"
    if not path.exists():
        raise ArticleError(f"There is no timeline.csv in {path.parent}. Add one with the columns "
                           f"{', '.join(_COLUMNS)}, or leave the folder out to use the bundled timeline.")
    if need_regular_file(path, ArticleError, "timeline file").st_size > MAX_BYTES:
        raise ArticleError(f"{path} is larger than {MAX_BYTES:,} bytes (1 MiB): too large to be a timeline.")
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except (UnicodeDecodeError, OSError, ValueError) as exc:  # pandas' parser and empty-file errors are ValueErrors
        raise ArticleError(f"{path} could not be read as a UTF-8 CSV table ({exc.__class__.__name__}).") from None
    missing = [c for c in _COLUMNS if c not in frame.columns]
    if missing:
        raise ArticleError(f"{path} needs the columns {', '.join(_COLUMNS)}; missing: {', '.join(missing)}.")
    when = pd.to_datetime(frame["date"], format="%Y-%m-%d", errors="coerce")
    if when.isna().any():
        bad = frame.loc[when.isna(), "date"].iloc[0]
        raise ArticleError(f"{path}: dates must look like 2018-02-25, but one is {bad!r}.")
    return frame.assign(when=when).sort_values("when", kind="stable").reset_index(drop=True)


def need_events(events: Any, where: str):
    """A table of events with a ``when`` column of dates, checked; ``None`` gives the bundled timeline.

    >>> need_events(5, "timeline_figure")
    Traceback (most recent call last):
    ...
    korea_kit.KitTypeError: timeline_figure: events should be a table (a pandas DataFrame) such as kk.load_timeline() gives, but it is 5 (a number).
    """
    from .._display import pandas as _pandas

    pd = _pandas()
    if events is None:
        return load_timeline()
    need_table(events, "events", where, ["date", "label", "kind"], "kk.load_timeline()")
    if len(events) == 0:
        raise KitValueError(f"{where}: the events table has no rows, so there is no event to show. "
                            f"Use kk.load_timeline(), or a table with at least one event.")
    try:
        if "when" in events.columns:
            when = pd.to_datetime(events["when"], errors="coerce")
        else:
            when = pd.to_datetime(events["date"].astype(str), format="%Y-%m-%d", errors="coerce")
    except (TypeError, ValueError):
        when = pd.Series(pd.NaT, index=events.index)
    if when.isna().any():
        bad = events.loc[when.isna().to_numpy(), "date"].iloc[0]
        raise KitValueError(f"{where}: every event needs a date written like '2018-02-25', but one is {shown(bad)}.")
    return events.assign(when=when)


def need_date(value: Any, name: str, where: str, events=None):
    """``value`` as a pandas Timestamp: a date written ``"2018-02-25"`` (or a date object); a KitError if not.

    When ``events`` are given and the value reads like one of their short dates ("Feb 25"), the message suggests it.

    >>> need_date("2018-02-25", "highlight", "timeline_figure")
    Timestamp('2018-02-25 00:00:00')
    >>> need_date("Feb 25", "highlight", "timeline_figure", load_timeline())
    Traceback (most recent call last):
    ...
    korea_kit.KitValueError: timeline_figure: highlight should be a date written year-month-day, such as '2018-02-25', but it is 'Feb 25' (text). Did you mean '2018-02-25'?
    """
    from .._display import pandas as _pandas

    pd = _pandas()
    if isinstance(value, (dt.date, pd.Timestamp)):
        return pd.Timestamp(value)
    need_text(value, name, where, "2018-02-25")
    try:
        return pd.Timestamp(dt.datetime.strptime(value.strip(), "%Y-%m-%d"))
    except ValueError:
        pass
    hint = ""
    if events is not None and "when" in events.columns:
        short = {f"{w:%b} {w.day}".casefold(): f"{w:%Y-%m-%d}" for w in events["when"]}
        short.update({f"{w:%d %b}".casefold().lstrip("0"): f"{w:%Y-%m-%d}" for w in events["when"]})
        found = short.get(" ".join(value.casefold().replace(".", "").split()))
        hint = f" Did you mean {found!r}?" if found else ""
    raise KitValueError(f"{where}: {name} should be a date written year-month-day, such as '2018-02-25', "
                        f"but it is {shown(value)}.{hint}")


def timeline_figure(events=None, highlight: str | None = None, title: str = "How the story unfolded"):
    """A matplotlib Figure: one row per event (date and label), a dot at its date, coloured by kind.

    ``highlight`` is a date written year-month-day (``"2018-02-25"``) to
    mark with a dashed line; it is checked at once, not when the figure is
    drawn. Rows never overlap, however close together the events are.
    Labels are drawn exactly as written: a ``$`` stays a ``$``.

    >>> timeline_figure(highlight="25/02/2018")
    Traceback (most recent call last):
    ...
    korea_kit.KitValueError: timeline_figure: highlight should be a date written year-month-day, such as '2018-02-25', but it is '25/02/2018' (text).
    """
    events = need_events(events, "timeline_figure")
    when = None if highlight is None else need_date(highlight, "highlight", "timeline_figure", events)
    need_text(title, "title", "timeline_figure", "How the story unfolded")

    import matplotlib.pyplot as plt
    from matplotlib.dates import DateFormatter
    from matplotlib.lines import Line2D

    kinds = list(dict.fromkeys(str(k) for k in events["kind"]))
    colour = {k: _PALETTE[i % len(_PALETTE)] for i, k in enumerate(kinds)}
    rows = list(range(len(events)))[::-1]
    fig, ax = plt.subplots(figsize=(10, 0.42 * len(events) + 1.6), layout="constrained")
    for y, (_, row) in zip(rows, events.iterrows()):
        ax.axhline(y, color="#eee", linewidth=0.8, zorder=0)
        ax.plot(row["when"], y, "o", color=colour[str(row["kind"])], markersize=9, zorder=3)
    # parse_math=False everywhere text comes from data: "$x$ and $y$" is drawn with its dollar signs.
    ax.set_yticks(rows, [f"{w:%b %d}  {textwrap.shorten(str(l), 48)}" for w, l in zip(events["when"], events["label"])],
                  parse_math=False)
    if when is not None:
        ax.axvline(when, color="#D55E00", linestyle="--", linewidth=1)
    for side in ("right", "top", "left"):
        ax.spines[side].set_visible(False)
    ax.tick_params(axis="y", length=0)
    ax.xaxis.set_major_formatter(DateFormatter("%b %Y"))
    legend = fig.legend(handles=[Line2D([], [], marker="o", linestyle="", color=colour[k], label=k) for k in kinds],
                        loc="outside lower center", fontsize=9, frameon=False, ncols=len(kinds))
    for text in legend.get_texts():
        text.set_parse_math(False)
    ax.set_title(title, loc="left", parse_math=False)
    plt.close(fig)
    from .._display import DescribedFigure

    span = (f" from {min(events['when']):%d %B %Y} to {max(events['when']):%d %B %Y}" if len(events) else "")
    alt = (f"Timeline of {len(events)} events{span}"
           + (f", with {when:%d %B %Y} marked by a dashed line." if when is not None else "."))
    summary = [f"{w:%d %b %Y} ({k}): {' '.join(str(l).split())}" for w, k, l in
               zip(events["when"], events["kind"], events["label"])]
    return DescribedFigure(fig, alt, summary)
