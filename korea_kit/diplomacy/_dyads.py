"""Conflict and cooperation over time, one line per directed dyad (USA->PRK, PRK->USA, KOR->PRK, ...).

>>> import korea_kit as kk
>>> from korea_kit.diplomacy._event_gold import events_table
>>> fig = dyad_figure(events_table(kk.load_corpus()))
>>> fig.axes[0].get_ylabel()
'Goldstein score (-10 conflict .. +10 cooperation)'
"""

from __future__ import annotations

from .._errors import KitValueError, need_table

__all__ = ["dyad_figure"]

#: Okabe-Ito colours, with a marker and a line style each as a second cue.
_STYLES = [("#0072B2", "o", "-"), ("#D55E00", "s", "--"), ("#009E73", "^", "-."), ("#CC79A7", "D", ":"),
           ("#E69F00", "v", "-"), ("#56B4E9", "P", "--"), ("#000000", "X", "-.")]
_NEEDED = ["date", "source_actor", "target_actor", "cameo", "goldstein"]


def dyad_figure(events, *, label_events: bool = True, top: int = 6):
    """Goldstein scores by date for each directed dyad in an events table; the mean of each day is joined by a line.

    ``events`` is a table from :func:`events` (one article) or several of them
    concatenated (``kk.events_table(corpus)``). Events without a date are
    left out (the title says how many). ``top`` dyads with the most events are
    drawn; each point is labelled with its CAMEO code when ``label_events``.
    """
    import matplotlib.pyplot as plt
    from .._display import pandas as _pandas

    pd = _pandas()
    need_table(events, "events", "dyad_figure", _NEEDED, "kk.events(article)")
    dated = events.assign(when=pd.to_datetime(events["date"], format="%Y-%m-%d", errors="coerce"))
    dated = dated.dropna(subset=["when", "source_actor", "target_actor"])
    if dated.empty:
        raise KitValueError("dyad_figure: none of the events has a date, so there is nothing to place in time. "
                            "Give events from articles whose sentences name days ('on Friday', 'Feb 23'), or fill "
                            "in the date column yourself.")
    dated = dated.assign(dyad=dated["source_actor"].astype(str) + "→" + dated["target_actor"].astype(str))
    order = dated["dyad"].value_counts().index[:top]
    fig, ax = plt.subplots(figsize=(9, 4.8))
    for i, dyad in enumerate(order):
        colour, marker, line = _STYLES[i % len(_STYLES)]
        rows = dated[dated["dyad"] == dyad].sort_values("when")
        daily = rows.groupby("when")["goldstein"].mean()
        ax.plot(daily.index, daily.values, color=colour, marker=marker, linestyle=line, label=dyad)
        if label_events:
            for (when, code), group in rows.groupby(["when", "cameo"]):
                ax.annotate(str(code), (when, group["goldstein"].iloc[0]), textcoords="offset points",
                            xytext=(4, 4 + 8 * (i % 2)), fontsize=8, color=colour, annotation_clip=False)
    ax.axhline(0, color="#999999", linewidth=0.8)
    ax.set_ylim(-10.5, 10.5)
    ax.set_ylabel("Goldstein score (-10 conflict .. +10 cooperation)")
    ax.set_xlabel("date of the event")
    left_out = len(events) - len(dated)
    ax.set_title(f"Conflict and cooperation by directed dyad ({len(dated)} dated events; {left_out} without a date "
                 f"left out)", fontsize=10)
    ax.legend(title="source → target", fontsize=8)
    from matplotlib.dates import DateFormatter, DayLocator

    ax.xaxis.set_major_locator(DayLocator())  # events are dated by day: ticks at days, never hours
    ax.xaxis.set_major_formatter(DateFormatter("%d %b"))
    fig.autofmt_xdate()
    fig.tight_layout()
    plt.close(fig)
    from .._display import DescribedFigure

    alt = (f"Line chart of Goldstein scores (-10 conflict to +10 cooperation) by date for {len(order)} directed "
           f"dyads, from {len(dated)} dated events; {left_out} without a date left out.")
    summary = []
    for dyad in order:
        rows = dated[dated["dyad"] == dyad].sort_values("when")
        codes = ", ".join(f"{w:%d %b %Y} {c} ({g:+.1f})" for w, c, g in zip(rows["when"], rows["cameo"], rows["goldstein"]))
        summary.append(f"{dyad}: {len(rows)} event{'s' if len(rows) != 1 else ''}: {codes}.")
    return DescribedFigure(fig, alt, summary)
