"""The timeline of the event a corpus is about, kept as data (``timeline.csv``).

The bundled timeline covers January to June 2018, from the checked facts
in the kit's reference notes. An instructor teaching another event puts a
``timeline.csv`` (columns: date, label, kind, detail, source) in their own
corpus folder and passes that folder.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from ..text import seeds_folder
from .._errors import ArticleError

__all__ = ["load_timeline", "timeline_figure"]

_COLUMNS = ["date", "label", "kind", "detail", "source"]
#: Okabe-Ito colours: distinguishable with the common forms of colour blindness.
_PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#F0E442", "#000000"]


def load_timeline(folder: str | Path | None = None):
    """The events of the story as a pandas DataFrame, one row per event, in date order.

    >>> events = load_timeline()
    >>> events.loc[events["date"] == "2018-02-25", "label"].item()
    'Moon meets Kim Yong Chol; closing ceremony'
    """
    import pandas as pd

    path = (seeds_folder() if folder is None else Path(folder)) / "timeline.csv"
    if not path.exists():
        raise ArticleError(f"There is no timeline.csv in {path.parent}.")
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except (UnicodeDecodeError, pd.errors.ParserError) as exc:
        raise ArticleError(f"{path} could not be read as a UTF-8 CSV table ({exc.__class__.__name__}).") from None
    missing = [c for c in _COLUMNS if c not in frame.columns]
    if missing:
        raise ArticleError(f"{path} needs the columns {', '.join(_COLUMNS)}; missing: {', '.join(missing)}.")
    when = pd.to_datetime(frame["date"], format="%Y-%m-%d", errors="coerce")
    if when.isna().any():
        bad = frame.loc[when.isna(), "date"].iloc[0]
        raise ArticleError(f"{path}: dates must look like 2018-02-25, but one is {bad!r}.")
    return frame.assign(when=when).sort_values("when", kind="stable").reset_index(drop=True)


def timeline_figure(events=None, highlight: str | None = None, title: str = "How the story unfolded"):
    """A matplotlib Figure: one row per event (date and label), a dot at its date, coloured by kind.

    ``highlight`` is a date (``"2018-02-25"``) to mark with a dashed line.
    Rows never overlap, however close together the events are.
    """
    import matplotlib.pyplot as plt
    from matplotlib.dates import DateFormatter
    from matplotlib.lines import Line2D

    events = load_timeline() if events is None else events
    kinds = list(dict.fromkeys(events["kind"]))
    colour = {k: _PALETTE[i % len(_PALETTE)] for i, k in enumerate(kinds)}
    rows = list(range(len(events)))[::-1]
    fig, ax = plt.subplots(figsize=(10, 0.42 * len(events) + 1.6), layout="constrained")
    for y, (_, row) in zip(rows, events.iterrows()):
        ax.axhline(y, color="#eee", linewidth=0.8, zorder=0)
        ax.plot(row["when"], y, "o", color=colour[row["kind"]], markersize=9, zorder=3)
    ax.set_yticks(rows, [f"{w:%b %d}  {textwrap.shorten(str(l), 48)}" for w, l in zip(events["when"], events["label"])])
    if highlight is not None:
        import pandas as pd

        ax.axvline(pd.Timestamp(highlight), color="#D55E00", linestyle="--", linewidth=1)
    for side in ("right", "top", "left"):
        ax.spines[side].set_visible(False)
    ax.tick_params(axis="y", length=0)
    ax.xaxis.set_major_formatter(DateFormatter("%b %Y"))
    fig.legend(handles=[Line2D([], [], marker="o", linestyle="", color=colour[k], label=k) for k in kinds],
               loc="outside lower center", fontsize=9, frameon=False, ncols=len(kinds))
    ax.set_title(title, loc="left")
    plt.close(fig)
    return fig
