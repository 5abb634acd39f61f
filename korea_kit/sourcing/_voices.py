"""Tables and figures of who speaks: voice share, source mix, attribution chains, and quote tagging checked against gold.

>>> import korea_kit as kk
>>> table = quotes_table(kk.load_corpus())
>>> sorted(table["outlet"].unique())
['BuzzFeed News (UK desk)', 'IR Insider', 'ITV News']
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

from .._errors import KitTypeError, KitValueError, need_choice, need_kinds, need_table, need_text, shown
from ..text import Article
from ..text._inputs import need_article
from ._extractor import KINDS, quotes

if TYPE_CHECKING:
    import pandas

__all__ = ["quotes_table", "voice_share", "source_mix", "attribution_chains", "voice_share_figure", "source_mix_figure",
           "annotate_quotes", "compare_with_gold", "QUOTE_LABELS", "check_quote_tags", "TagFeedback"]

QUOTE_LABELS = ("direct quote", "partial quote", "indirect speech", "no attribution")
_LABEL_KIND = {"direct quote": "direct", "partial quote": "partial", "indirect speech": "indirect", "no attribution": "none"}
_PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#F0E442", "#000000", "#999999"]


_MAKE = "kk.quotes_table(corpus)"
_GROUPINGS = ("speaker", "side", "source_type", "kind", "tone", "via", "article_id")


def quotes_table(articles) -> "pandas.DataFrame":
    """:func:`~korea_kit.sourcing.quotes` for every article of a corpus, with ``article_id`` and ``outlet``.

    One article may be given on its own. An empty corpus gives an empty table with the same columns.

    >>> list(quotes_table([]).columns)[-2:], len(quotes_table([]))
    (['article_id', 'outlet'], 0)
    """
    from .._display import pandas as _pandas

    pd = _pandas()
    if isinstance(articles, Article):
        articles = [articles]
    if isinstance(articles, (str, bytes)) or not hasattr(articles, "__iter__"):
        raise KitTypeError(f"quotes_table: articles should be a corpus (from kk.load_corpus()) or a list of articles, "
                           f"but it is {shown(articles)}.")
    articles = list(articles)
    for i, a in enumerate(articles):
        if not isinstance(a, Article):
            raise KitTypeError(f"quotes_table: every item should be an article, but item {i} is {shown(a)}.")
    frames = [quotes(a).assign(article_id=a.id, outlet=a.meta.get("outlet", "unknown")) for a in articles]
    if not frames:  # the same columns as a table with rows, taken from the extractor itself
        columns = list(quotes(Article.from_text("empty")).columns)
        return pd.DataFrame(columns=[*columns, "article_id", "outlet"])
    return pd.concat(frames, ignore_index=True)


def _words(text: str) -> int:
    return len(str(text).split())


def voice_share(table, by: str = "speaker", kinds=("direct", "partial")):
    """Words of quotation (direct and partial by default) per ``speaker`` or ``side``, one column per outlet.

    >>> import korea_kit as kk
    >>> voice_share(kk.quotes_table(kk.load_corpus()), by="outlet")
    Traceback (most recent call last):
    ...
    korea_kit.KitValueError: voice_share: by='outlet' cannot be used, because the outlets are already the columns of the result. Give by='speaker' (the default) or by='side'.
    """
    need_table(table, "table", "voice_share", ["kind", "text", "outlet"], _MAKE)
    if not isinstance(by, str):
        need_choice(by, "by", "voice_share", _GROUPINGS[:2])
    if by == "outlet":
        raise KitValueError("voice_share: by='outlet' cannot be used, because the outlets are already the columns of "
                            "the result. Give by='speaker' (the default) or by='side'.")
    usable = [c for c in table.columns if c not in {"outlet", "text", "start", "end", "words"}]
    if not isinstance(by, str) or by not in usable:
        need_choice(by, "by", "voice_share", [c for c in _GROUPINGS if c in usable] or ["speaker", "side"])
        need_table(table, "table", "voice_share", [by], _MAKE)
    kinds = need_kinds(kinds, "kinds", "voice_share", KINDS)
    chosen = table[table["kind"].isin(kinds)].assign(words=lambda t: t["text"].map(_words))
    if by == "side":
        chosen = chosen.assign(side=chosen["side"].replace("", "unknown").fillna("unknown"))
    if chosen.empty:
        from .._display import pandas as _pandas

        pd = _pandas()
        return pd.DataFrame(index=pd.Index([], name=by), columns=pd.Index([], name="outlet"), dtype="int64")
    shares = chosen.pivot_table(index=by, columns="outlet", values="words", aggfunc="sum", fill_value=0)
    return shares.loc[shares.sum(axis=1).sort_values(ascending=False).index]


def source_mix(table):
    """How many attributions of each kind of source, per outlet."""
    from .._display import pandas as _pandas

    pd = _pandas()
    need_table(table, "table", "source_mix", ["outlet", "source_type"], _MAKE)
    return pd.crosstab(table["outlet"], table["source_type"])


def attribution_chains(table):
    """Who reports whom: every attribution that reaches the reader through a go-between."""
    need_table(table, "table", "attribution_chains", ["via", "speaker", "outlet", "kind", "cue", "text"], _MAKE)
    chained = table[table["via"].notna() & (table["via"] != "")]
    return chained.assign(chain=chained["via"] + " → " + chained["speaker"])[
        ["outlet", "chain", "kind", "cue", "text"]].reset_index(drop=True)


def _bar_figure(frame, title: str, xlabel: str, part: str = "{value} {column}"):
    import matplotlib.pyplot as plt

    # Names and outlets are drawn as written: parse_math=False keeps a "$x$" in a name from becoming mathtext.
    fig, ax = plt.subplots(figsize=(10, 0.45 * len(frame.index) + 1.6), layout="constrained")
    rows = list(range(len(frame.index)))
    left = None
    for i, column in enumerate(frame.columns):
        ax.barh(rows, frame[column].to_numpy(), left=left, label=str(column), color=_PALETTE[i % len(_PALETTE)],
                hatch=["", "//", "..", "xx"][i % 4], edgecolor="white")
        left = frame[column].to_numpy() if left is None else left + frame[column].to_numpy()
    ax.set_yticks(rows, [str(name) for name in frame.index], parse_math=False)
    ax.invert_yaxis()
    ax.set_xlabel(xlabel, parse_math=False)
    ax.set_title(title, loc="left", parse_math=False)
    if len(frame.columns):
        legend = fig.legend(frameon=False, fontsize=8, loc="outside right upper")
        for text in legend.get_texts():
            text.set_parse_math(False)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    plt.close(fig)
    from .._display import DescribedFigure

    alt = f"Stacked bar chart, {title[0].lower() + title[1:]}: {xlabel}, one bar for each of {len(frame.index)}."
    summary = []
    for name in frame.index:
        parts = [part.format(value=f"{frame.at[name, c]:g}", column=str(c).replace("_", " "))
                 for c in frame.columns if frame.at[name, c]]
        summary.append(f"{name}: " + (", ".join(parts) if parts else "none") + ".")
    return DescribedFigure(fig, alt, summary)


def voice_share_figure(table, by: str = "speaker"):
    """Stacked bars: words of direct and partial quotation per speaker (or side), by outlet."""
    need_table(table, "table", "voice_share_figure", ["kind", "text", "outlet"], _MAKE)
    return _bar_figure(voice_share(table, by), f"Who gets quoted, in words (per {by})", "words of direct or partial quotation",
                       "{value} words in {column}")


def source_mix_figure(table):
    """Stacked bars: kinds of source per outlet."""
    need_table(table, "table", "source_mix_figure", ["outlet", "source_type"], _MAKE)
    return _bar_figure(source_mix(table), "The mix of sources in each report", "attributions",
                       "{value} {column}")


def annotate_quotes(article: Article) -> Article:
    """Add the extractor's findings to the article as span layers: ``quote`` (content) and ``source`` (speaker).

    >>> import korea_kit as kk
    >>> annotate_quotes(kk.load_corpus())
    Traceback (most recent call last):
    ...
    korea_kit.KitTypeError: annotate_quotes works on one article, but article is a whole corpus. Pick one article, such as corpus[0], or go through them all: for article in corpus: ...
    """
    need_article(article, "annotate_quotes")
    found = quotes(article)
    article.add_spans("quote", [article.char_span(int(r.start), int(r.end), r.kind, speaker=r.speaker, cue=r.cue)
                                for r in found.itertuples()])
    article.add_spans("source", [article.char_span(int(r.speaker_start), int(r.speaker_end), r.source_type, speaker=r.speaker)
                                 for r in found.itertuples() if r.speaker_start == r.speaker_start and r.speaker_start is not None])
    return article


def compare_with_gold(article: Article, gold, kinds=("direct", "partial")):
    """Each gold quote and each found quote, side by side: found, missed, extra, and whether the speaker is right."""
    from .._display import pandas as _pandas

    pd = _pandas()
    need_article(article, "compare_with_gold")
    need_table(gold, "gold", "compare_with_gold", _GOLD_COLUMNS, "kk.load_gold()")
    kinds = need_kinds(kinds, "kinds", "compare_with_gold", KINDS)
    found = quotes(article)
    found = found[found["kind"].isin(kinds)]
    gold = gold[(gold["article_id"] == article.id) & gold["kind"].isin(kinds)]
    rows, used = [], set()
    for g in gold.itertuples():
        overlapping = [p for p in found.itertuples() if p.start < g.end and g.start < p.end]
        match = max(overlapping, key=lambda p: (min(p.end, g.end) - max(p.start, g.start)) / (max(p.end, g.end) - min(p.start, g.start)),
                    default=None)
        if match is None:
            rows.append({"status": "missed", "gold speaker": g.speaker, "found speaker": "", "text": g.text})
        else:
            used.add(match.Index)
            same = str(match.speaker).casefold() == str(g.speaker).casefold()
            rows.append({"status": "found" if same else "found, wrong speaker", "gold speaker": g.speaker,
                         "found speaker": match.speaker, "text": g.text})
    for p in found.itertuples():
        if p.Index not in used:
            rows.append({"status": "extra", "gold speaker": "", "found speaker": p.speaker, "text": p.text})
    return pd.DataFrame(rows, columns=["status", "gold speaker", "found speaker", "text"])


_GOLD_COLUMNS = ["article_id", "start", "end", "kind", "speaker", "text"]


def _sentence_kinds(article: Article, gold) -> dict[int, str]:
    rank = {"direct": 3, "partial": 2, "indirect": 1}
    kinds: dict[int, str] = {}
    rows = gold[gold["article_id"] == article.id]
    for i, sentence in enumerate(article.sentences):
        best = "none"
        for g in rows.itertuples():
            if g.start < sentence.end and sentence.start < g.end and rank.get(g.kind, 0) > rank.get(best, 0):
                best = g.kind
        kinds[i] = best
    return kinds


@dataclass
class TagFeedback:
    """How a student's quote tags compare with the gold annotation, sentence by sentence."""

    table: "pandas.DataFrame"
    message: str

    def __repr__(self) -> str:
        return self.message

    def _repr_html_(self) -> str:
        table = "" if self.table.empty else self.table.to_html(index=False)
        return f"<p>{escape(self.message)}</p>{table}"


def check_quote_tags(article: Article, store=None, gold=None, exercise_id: str = "02.tags") -> TagFeedback:
    """Compare the sentences a student tagged (in the viewer's quote mode) with the gold annotation."""
    from .._display import pandas as _pandas

    pd = _pandas()
    from ..work._session import store_or_session
    from ._scoring import load_gold

    need_article(article, "check_quote_tags")
    store = store_or_session(store)
    if gold is not None:
        need_table(gold, "gold", "check_quote_tags", _GOLD_COLUMNS, "kk.load_gold()")
    need_text(exercise_id, "exercise_id", "check_quote_tags", "02.tags")
    gold = load_gold() if gold is None else gold
    if not (gold["article_id"] == article.id).any():
        return TagFeedback(pd.DataFrame(), f"There is no gold annotation for {article.id}, so there is nothing to compare with.")
    expected = _sentence_kinds(article, gold)
    own = store.spans(article_id=article.id, exercise_id=exercise_id)
    tags = {(t["start"], t["end"]): t["label"] for t in own if t["source"] == store.source}  # not imported classmates' tags
    rows = []
    for i, sentence in enumerate(article.sentences):
        label = tags.get((sentence.start, sentence.end))
        if label is None:
            continue
        mine = _LABEL_KIND.get(label, label)
        rows.append({"sentence": i + 1, "your tag": label, "gold": expected[i].replace("none", "no attribution"),
                     "agree": mine == expected[i], "text": sentence.text[:90]})
    table = pd.DataFrame(rows, columns=["sentence", "your tag", "gold", "agree", "text"])
    if table.empty:
        return TagFeedback(table, "You have not tagged any sentence of this article yet: choose a sentence, a label, and press Tag.")
    agreed = int(table["agree"].sum())
    untagged = sum(1 for i, k in expected.items() if k != "none" and (article.sentences[i].start, article.sentences[i].end) not in tags)
    message = f"You tagged {len(table)} sentences and agree with the gold annotation on {agreed}."
    if untagged:
        message += f" {untagged} sentences with an attribution are still untagged."
    if agreed < len(table):
        message += " Look at the rows where you disagree: is the speaker's exact wording in quotation marks, or reported?"
    return TagFeedback(table, message)
