"""korea-kit: read, annotate and compare news reports, for IR and media-literacy classes.

The nouns are few: an :class:`Article` (immutable text plus layers of
:class:`Span` annotations), a :class:`Corpus` of articles, and the
:class:`ArticleError` raised for any file that cannot be read.

>>> import korea_kit as kk
>>> corpus = kk.load_corpus()
>>> corpus["003"].title
'North Korea Expresses Willingness To Talk With United States'

Importing korea_kit is light: pandas, matplotlib and ipywidgets are loaded
only when a table, a figure or a widget is asked for.
"""

from ._errors import (ArticleError, ArticleWarning, KitError, KitLookupError, KitTypeError, KitValueError,
                      WorkStoreError)
from .diplomacy import load_timeline, timeline_figure
from .sourcing import (annotate_quotes, attribution_chains, check_quote_tags, compare_with_gold, evaluate, load_aliases,
                       load_gold, quotes, quotes_table, source_mix, source_mix_figure, voice_share, voice_share_figure)
from .text import Article, Corpus, Span, load_article, load_corpus
from .work import WorkStore, check, export_work, import_work, progress, set_name, work

__version__ = "0.1.0"

_WIDGETS = {"timeline_browser", "viewer", "upload_work", "quote_tagger"}


def __getattr__(name: str):
    # Widgets load ipywidgets, so they are imported on first use, not with korea_kit.
    if name in _WIDGETS:
        from . import widgets

        return getattr(widgets, name)
    raise AttributeError(f"module 'korea_kit' has no attribute {name!r}")

__all__ = [
    "Article",
    "ArticleError",
    "ArticleWarning",
    "KitError",
    "Corpus",
    "Span",
    "WorkStore",
    "WorkStoreError",
    "__version__",
    "annotate_quotes",
    "attribution_chains",
    "check",
    "check_quote_tags",
    "compare_with_gold",
    "evaluate",
    "export_work",
    "import_work",
    "load_article",
    "load_aliases",
    "load_corpus",
    "load_gold",
    "load_timeline",
    "progress",
    "quote_tagger",
    "quotes",
    "quotes_table",
    "set_name",
    "source_mix",
    "source_mix_figure",
    "timeline_browser",
    "timeline_figure",
    "upload_work",
    "viewer",
    "voice_share",
    "voice_share_figure",
    "work",
]
