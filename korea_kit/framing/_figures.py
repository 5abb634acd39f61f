"""Framing figures: headline certainty side by side, and the frame-cue profile of each outlet.

Both are horizontal bars with the Okabe-Ito colours (readable with colour
blindness) and a hatching for each bar, so they also read in black and white.
Headlines and outlet names are drawn exactly as written (never as math), and
every figure is closed before it is returned: a notebook shows it once.

>>> import korea_kit as kk
>>> fig = headline_certainty_figure(kk.load_corpus())
>>> [t.get_text().split("\\n")[0] for t in fig.axes[0].get_yticklabels()][:1]
['North Korea Says It Could Be Willing To']
"""

from __future__ import annotations

import textwrap

from .._display import DescribedFigure
from ._certainty import headline_certainty
from ._cues import CUE_CATEGORIES, cue_profile
from ..text._inputs import need_articles

__all__ = ["headline_certainty_figure", "cue_profile_figure", "OKABE_ITO"]

OKABE_ITO = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000")
"""The Okabe-Ito palette (Okabe & Ito 2008, "Color Universal Design"), distinguishable with colour blindness."""

_HATCHES = ("", "//", "..", "xx", "\\\\", "oo", "--", "++")


def _wrap(text: str, width: int = 40) -> str:
    return "\n".join(textwrap.wrap(" ".join(str(text).split()), width)) or " "


def _tidy(ax) -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def headline_certainty_figure(corpus):
    """One bar per article: how firmly its headline asserts its claim (0 hedged, 1 flat), coloured by outlet.

    Each label is the headline, wrapped, with its outlet; the markers that lowered the score are written at
    the end of each bar.

    >>> import korea_kit as kk
    >>> headline_certainty_figure("seeds")
    Traceback (most recent call last):
    ...
    korea_kit.KitTypeError: headline_certainty_figure: corpus should be a corpus (from kk.load_corpus()), one article or a list of articles, but it is 'seeds' (text). To read a file, load it first: kk.load_article('seeds').
    """
    import matplotlib.pyplot as plt

    articles = need_articles(corpus, "headline_certainty_figure")
    table = headline_certainty(articles)
    outlets = list(dict.fromkeys(table["outlet"]))
    fig, ax = plt.subplots(figsize=(10, 1.0 * len(table) + 1.6), layout="constrained")
    rows = list(range(len(table)))
    for i, row in enumerate(table.itertuples()):
        k = outlets.index(row.outlet)
        ax.barh(i, row.certainty, color=OKABE_ITO[k % len(OKABE_ITO)], hatch=_HATCHES[k % len(_HATCHES)],
                edgecolor="white")
        note = f"{row.certainty:.2f}" + (f"  ({row.markers})" if row.markers else "")
        ax.text(row.certainty + 0.01, i, note, va="center", fontsize=8, parse_math=False)
    labels = [_wrap(h) + "\n— " + _wrap(o, 50) for h, o in zip(table["headline"], table["outlet"])]
    ax.set_yticks(rows, labels, parse_math=False, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, 1.35)
    ax.set_xticks([0, 0.25, 0.5, 0.75, 1])
    ax.set_xlabel("certainty of the headline: 0 = fully hedged, 1 = flat assertion", parse_math=False)
    ax.set_title("How firmly each headline asserts its claim", loc="left", parse_math=False)
    ax.axvline(1, color="#999999", linewidth=0.8, linestyle=":")
    _tidy(ax)
    if not len(table):
        ax.text(0.5, 0.5, "no articles", ha="center", va="center", transform=ax.transAxes)
    plt.close(fig)
    alt = (f"Bar chart: how firmly each of {len(table)} headlines asserts its claim, from 0 (fully hedged) to 1 "
           "(a flat assertion).")
    summary = [f"{row.outlet}: \u201c{row.headline}\u201d scores {row.certainty:.2f}"
               + (f", lowered by {row.markers}." if row.markers else ".") for row in table.itertuples()]
    return DescribedFigure(fig, alt, summary)


def cue_profile_figure(corpus):
    """Stacked bars, one per outlet: how many frame cues of each category its reports use.

    >>> import korea_kit as kk
    >>> fig = cue_profile_figure(kk.load_corpus())
    >>> [t.get_text() for t in fig.legends[0].get_texts()][:3]
    ['conflict', 'cooperation', 'threat']
    """
    import matplotlib.pyplot as plt

    articles = need_articles(corpus, "cue_profile_figure")
    profile = cue_profile(articles)
    fig, ax = plt.subplots(figsize=(10, 0.6 * len(profile.index) + 1.8), layout="constrained")
    rows = list(range(len(profile.index)))
    left = [0] * len(rows)
    for i, category in enumerate(CUE_CATEGORIES):
        values = profile[category].tolist()
        ax.barh(rows, values, left=left, label=category.replace("_", " "), color=OKABE_ITO[i % len(OKABE_ITO)],
                hatch=_HATCHES[i % len(_HATCHES)], edgecolor="white")
        left = [a + b for a, b in zip(left, values)]
    ax.set_yticks(rows, [_wrap(o, 30) for o in profile.index], parse_math=False)
    ax.invert_yaxis()
    ax.set_xlabel("frame cues found (longer reports have more: compare the mix)", parse_math=False)
    ax.set_title("Which kinds of frame cue each outlet uses", loc="left", parse_math=False)
    legend = fig.legend(frameon=False, fontsize=8, loc="outside right upper")
    for text in legend.get_texts():
        text.set_parse_math(False)
    _tidy(ax)
    plt.close(fig)
    alt = f"Stacked bar chart: how many frame cues of each kind the reports of {len(profile.index)} outlets use."
    summary = []
    for outlet in profile.index:
        counts = [f"{int(profile.at[outlet, c])} {c.replace('_', ' ')}" for c in CUE_CATEGORIES if profile.at[outlet, c]]
        summary.append(f"{outlet}: " + (", ".join(counts) if counts else "no frame cues") + ".")
    return DescribedFigure(fig, alt, summary)
