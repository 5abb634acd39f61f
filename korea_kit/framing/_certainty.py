"""How firmly a headline or a sentence asserts its claim: a score from 0 (hedged) to 1 (flat assertion).

How the score is worked out, in plain words:

1. Every text starts at **1**: a flat assertion, such as "North Korea willing
   to hold talks with US" or "Ministers agree to restart dialogue".
2. The kit looks for **markers** that weaken the claim. They are kept in the
   table ``korea_kit/data/certainty_markers.csv`` (``kk.certainty_markers``
   shows the ones a text holds). Each has a kind and a weight between 0 and 1:

   * *modal* verbs (could, might, may) and other *hedges* (reportedly,
     appears to, is expected to) say the claim may not be true: strong;
   * *attribution* (says, told, according to, expresses) passes the claim
     on from someone else instead of asserting it: weak;
   * *anonymous* sourcing (sources, unnamed, people familiar with): the
     reader cannot check who says so;
   * *conditional* (if, unless): true only on a condition;
   * a *question* ("?", whether) asserts nothing: strong.

3. Each marker found multiplies the score by ``1 - weight``. "could" has
   weight 0.5, so it halves the score; "says" has weight 0.15, so
   it keeps 85% of it.
4. *Boosters* (confirms, officially, definitely) cannot raise the score
   above 1. Each one cancels one attribution marker, the strongest: "US
   confirms" is a source vouching for the claim, not just passing it on.

The weights are a judgement, written down so that anyone can argue with
them: change the table, not the code. The score is the same for any text in
English, from any outlet, about any event.

>>> certainty("North Korea willing to hold talks with US")
1.0
>>> certainty("North Korea Says It Could Be Willing To Start Talks With The US")
0.425
>>> certainty("North Korea Expresses Willingness To Talk With United States")
0.8
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from .._errors import KitTypeError, KitValueError, shown
from ..text import Article, Corpus, Span
from ..text._inputs import need_articles
from ._match import Entry, find_all, read_rows, words_of

if TYPE_CHECKING:
    import pandas

__all__ = ["certainty", "certainty_markers", "headline_certainty", "MARKER_KINDS"]

MARKER_KINDS = ("modal", "hedge", "attribution", "anonymous", "conditional", "question", "booster")
"""The kinds of certainty marker. Boosters cancel attribution; every other kind lowers the score."""

_FILE = "certainty_markers.csv"
_COLUMNS = ["marker", "kind", "weight", "text", "start", "end"]


@lru_cache(maxsize=1)
def _markers() -> tuple[tuple[Entry, ...], dict]:
    entries = []
    for row in read_rows(_FILE):
        kind, weight = row["kind"], float(row["weight"])
        if kind not in MARKER_KINDS or not 0 <= weight < 1:
            raise KitValueError(f"{_FILE}: the marker {row['marker']!r} has kind {kind!r} and weight {weight}; "
                                f"the kind should be one of {', '.join(MARKER_KINDS)} and the weight from 0 "
                                f"to below 1.")
        entries.append(Entry(row["marker"], (row["marker"],), {**row, "weight": weight},
                             words_of(row.get("skip_after", "")), words_of(row.get("skip_before", ""))))
    return tuple(entries), {e: e.pattern() for e in entries}


def _need_claim(text, where: str) -> str:
    if isinstance(text, Span):
        text = text.text
    if isinstance(text, Article):
        raise KitTypeError(f"{where} scores one headline or sentence, but text is a whole article. Give its "
                           f"headline, article.title, or use kk.headline_certainty(corpus) for every article.")
    if isinstance(text, Corpus):
        raise KitTypeError(f"{where} scores one headline or sentence, but text is a whole corpus. Use "
                           f"kk.headline_certainty(corpus) to score every headline.")
    if not isinstance(text, str):
        raise KitTypeError(f"{where}: text should be a headline or sentence in quotes, such as "
                           f"'North Korea willing to hold talks with US', but it is {shown(text)}.")
    if not any(ch.isalnum() for ch in text):
        raise KitValueError(f"{where}: text is {shown(text)}, which has no words to score. Give a headline or a "
                            f"sentence, such as 'North Korea willing to hold talks with US'.")
    return text


def _found(text: str):
    entries, patterns = _markers()
    return find_all(text, entries, patterns)


def _score(matches) -> float:
    boosters = sum(1 for m in matches if m.entry.row["kind"] == "booster")
    attributions = sorted((m for m in matches if m.entry.row["kind"] == "attribution"),
                          key=lambda m: -m.entry.row["weight"])
    cancelled = {id(m) for m in attributions[:boosters]}
    score = 1.0
    for m in matches:
        if m.entry.row["kind"] != "booster" and id(m) not in cancelled:
            score *= 1 - m.entry.row["weight"]
    return round(min(1.0, max(0.0, score)), 3)


def certainty(text) -> float:
    """How firmly ``text`` (a headline or a sentence) asserts its claim: 0 (fully hedged) to 1 (flat assertion).

    See the top of this module for the rule. The result has three decimals.

    >>> certainty("Kim reportedly could meet Trump?")
    0.163
    >>> certainty("Sanctions officially confirmed, officials say")
    1.0
    >>> certainty(42)
    Traceback (most recent call last):
    ...
    korea_kit.KitTypeError: certainty: text should be a headline or sentence in quotes, such as 'North Korea willing to hold talks with US', but it is 42 (a number).
    """
    return _score(_found(_need_claim(text, "certainty")))


def certainty_markers(text) -> "pandas.DataFrame":
    """The markers that move the certainty of ``text``: ``marker``, ``kind``, ``weight``, ``text``, ``start``, ``end``.

    >>> certainty_markers("North Korea says it could talk")[["marker", "kind", "weight", "text"]]
      marker         kind  weight   text
    0   says  attribution    0.15   says
    1  could        modal    0.50  could
    """
    from .._display import pandas as _pandas

    pd = _pandas()
    text = _need_claim(text, "certainty_markers")
    rows = [{"marker": m.entry.name, "kind": m.entry.row["kind"], "weight": m.entry.row["weight"], "text": m.text,
             "start": m.start, "end": m.end} for m in _found(text)]
    return pd.DataFrame(rows, columns=_COLUMNS)


def headline_certainty(corpus) -> "pandas.DataFrame":
    """One row per article: ``article_id``, ``outlet``, ``headline``, ``certainty`` (2 decimals) and ``markers``.

    ``markers`` lists the words that moved the score, in order ("says, could"), or "" when none did.
    An article without a headline is scored on its title (the catalogued headline or its opening words).

    >>> import korea_kit as kk
    >>> table = headline_certainty(kk.load_corpus())
    >>> table["certainty"].tolist(), table["markers"].tolist()
    ([0.42, 1.0, 0.8], ['says, could', '', 'expresses'])
    """
    from .._display import pandas as _pandas

    pd = _pandas()
    articles = need_articles(corpus, "headline_certainty")
    rows = []
    for article in articles:
        headline = article.title
        found = _found(headline) if any(ch.isalnum() for ch in headline) else []
        rows.append({"article_id": article.id, "outlet": str(article.meta.get("outlet", "unknown")),
                     "headline": headline, "certainty": round(_score(found), 2),
                     "markers": ", ".join(m.entry.name for m in found)})
    return pd.DataFrame(rows, columns=["article_id", "outlet", "headline", "certainty", "markers"])
