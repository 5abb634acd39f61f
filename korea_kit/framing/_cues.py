"""Frame cues: the words in a report that frame it (conflict, cooperation, threat, hedges, loaded labels).

The cues are a lexicon kept as data, ``korea_kit/data/frame_lexicon.csv``:
one row per cue with its category, a short gloss in the kit's own words (why
the word frames), a published source where one discusses the word, and the
cue's other forms (``thaw``: thaws, thawing, thawed). Forms are listed, not
guessed from word starts, so "talks" never finds "talkative". Matching
ignores case and takes whole words; where two cues overlap, the longer one
wins ("war of words", not "war"). Boilerplate (credits, embeds, site
furniture) is skipped.

A cue is a pointer, not a verdict: "strike" may be a missile strike or a
labour strike, "talks" may be called off. Read every cue in its sentence.

>>> import korea_kit as kk
>>> art = kk.Article.from_text("Neighbours thaw\\n\\nAfter a war of words, the two sides agreed to talks.")
>>> frame_cues(art)[["category", "cue", "text"]]
      category           cue          text
0  cooperation          thaw          thaw
1     conflict  war of words  war of words
2  cooperation     agreement        agreed
3  cooperation         talks         talks
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from .._errors import KitValueError
from ..text import Article
from ..text._inputs import need_article, need_articles
from ._match import Entry, find_all, read_rows, words_of

if TYPE_CHECKING:
    import pandas

__all__ = ["frame_lexicon", "frame_cues", "cue_profile", "CUE_CATEGORIES", "CUE_LAYER"]

CUE_CATEGORIES = ("conflict", "cooperation", "threat", "hedge", "attribution_tone", "evaluative")
"""The categories of the frame lexicon, in the order tables and figures show them."""

CUE_LAYER = "frame_cue"
"""The span layer :func:`frame_cues` fills."""

_FILE = "frame_lexicon.csv"
_COLUMNS = ["category", "cue", "text", "start", "end"]


@lru_cache(maxsize=1)
def _lexicon() -> tuple[tuple[Entry, ...], dict]:
    entries = []
    for row in read_rows(_FILE):
        if row["category"] not in CUE_CATEGORIES:
            raise KitValueError(f"{_FILE}: the cue {row['cue']!r} has the category {row['category']!r}, which is not "
                                f"one of {', '.join(CUE_CATEGORIES)}.")
        forms = (row["cue"], *[f for f in row.get("forms", "").split("|") if f.strip()])
        entries.append(Entry(row["cue"], forms, row, words_of(row.get("skip_after", "")),
                             words_of(row.get("skip_before", ""))))
    return tuple(entries), {e: e.pattern() for e in entries}


def frame_lexicon() -> "pandas.DataFrame":
    """The frame lexicon: ``cue``, ``category``, ``gloss``, ``source`` and the cue's other ``forms``.

    >>> lexicon = frame_lexicon()
    >>> lexicon.set_index("cue").loc["thaw", ["category", "forms"]].tolist()
    ['cooperation', 'thaws|thawing|thawed']
    >>> sorted(lexicon["category"].unique()) == sorted(CUE_CATEGORIES)
    True
    """
    from .._display import pandas as _pandas

    pd = _pandas()
    entries, _ = _lexicon()
    rows = [{"cue": e.name, "category": e.row["category"], "gloss": e.row["gloss"], "source": e.row.get("source", ""),
             "forms": e.row.get("forms", "")} for e in entries]
    return pd.DataFrame(rows, columns=["cue", "category", "gloss", "source", "forms"])


def _outside_boilerplate(article: Article):
    """The cues found in ``article``, boilerplate skipped, as matches."""
    entries, patterns = _lexicon()
    furniture = [(s.start, s.end) for s in article.boilerplate]
    return [m for m in find_all(article.text, entries, patterns)
            if not any(s < m.end and m.start < e for s, e in furniture)]


def frame_cues(article) -> "pandas.DataFrame":
    """Every frame cue in ``article``: ``category``, ``cue`` (the lexicon entry), ``text``, ``start``, ``end``.

    ``text == article.text[start:end]`` on every row. The cues also become spans in the article's
    ``frame_cue`` layer (label: the category; attributes: ``cue`` and ``gloss``), so the viewer can show
    them. If the article already has that layer, it is left as it is: calling twice adds nothing twice.

    >>> import korea_kit as kk
    >>> frame_cues(kk.load_corpus())
    Traceback (most recent call last):
    ...
    korea_kit.KitTypeError: frame_cues works on one article, but article is a whole corpus. Pick one article, such as corpus[0], or go through them all: for article in corpus: ...
    """
    from .._display import pandas as _pandas

    pd = _pandas()
    article = need_article(article, "frame_cues")
    found = _outside_boilerplate(article)
    if CUE_LAYER not in article.spans:
        article.add_spans(CUE_LAYER, [article.char_span(m.start, m.end, m.entry.row["category"], cue=m.entry.name,
                                                        gloss=m.entry.row["gloss"]) for m in found])
    rows = [{"category": m.entry.row["category"], "cue": m.entry.name, "text": m.text, "start": m.start, "end": m.end}
            for m in found]
    return pd.DataFrame(rows, columns=_COLUMNS)


def cue_profile(corpus) -> "pandas.DataFrame":
    """How many frame cues of each category each outlet uses: one row per outlet, one column per category.

    Outlets are the ``outlet`` of each article's provenance ("unknown" when not known); two articles from one
    outlet are added together. Every category has a column, even when it counts 0. Counts depend on length:
    compare outlets' mixes, not their totals. The articles are not changed.

    >>> import korea_kit as kk
    >>> profile = cue_profile(kk.load_corpus())
    >>> list(profile.columns) == list(CUE_CATEGORIES), profile.index.name
    (True, 'outlet')
    """
    from .._display import pandas as _pandas

    pd = _pandas()
    articles = need_articles(corpus, "cue_profile")
    rows = [{"outlet": str(a.meta.get("outlet", "unknown")), "category": m.entry.row["category"]}
            for a in articles for m in _outside_boilerplate(a)]
    outlets = list(dict.fromkeys(str(a.meta.get("outlet", "unknown")) for a in articles))
    table = pd.DataFrame(rows, columns=["outlet", "category"])
    counts = pd.crosstab(table["outlet"], table["category"]) if rows else pd.DataFrame()
    counts = counts.reindex(index=outlets, columns=list(CUE_CATEGORIES), fill_value=0).astype("int64")
    counts.index.name, counts.columns.name = "outlet", "category"
    return counts
