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
from .diplomacy import (actors, cameo_codes, claims, dyad_figure, evaluate_events, events, events_table, ir_lenses,
                        load_event_gold, load_timeline, name_variants, positions, timeline_figure, voices_and_mentions)
from .framing import (certainty, certainty_markers, class_reliability, cohen_kappa, compare_coding, concordance,
                      cue_profile, cue_profile_figure, frame_cues, frame_lexicon, frame_scores, headline_certainty,
                      headline_certainty_figure, krippendorff_alpha, load_framing_gold, percent_agreement, policy_frames,
                      read_alpha, sv2000_items)
from .sourcing import (annotate_quotes, attribution_chains, check_quote_tags, compare_with_gold, evaluate, load_aliases,
                       load_gold, quotes, quotes_table, source_mix, source_mix_figure, voice_share, voice_share_figure)
from .text import Article, Corpus, Span, load_article, load_corpus
from .work import WorkStore, check, export_work, import_work, progress, set_name, work

__version__ = "0.1.0"

_WIDGETS = {"timeline_browser", "viewer", "upload_work", "quote_tagger", "concordance_explorer", "frame_coder",
            "entman_worksheet", "event_coder", "position_grid", "lens_worksheet", "brief_writer"}


#: The last two rooms, used in the last chapter and by instructors: loaded on first use, to keep the import light.
_LATE = {"brief_feedback": "writing", "export_brief": "writing", "sample_draft": "writing",
         "load_class": "classroom", "synthetic_class": "classroom", "ClassWork": "classroom"}


def __getattr__(name: str):
    # Widgets load ipywidgets, so they are imported on first use, not with korea_kit.
    if name in _WIDGETS:
        from . import widgets

        return getattr(widgets, name)
    if name in _LATE:
        from importlib import import_module

        return getattr(import_module(f".{_LATE[name]}", __name__), name)
    raise AttributeError(f"module 'korea_kit' has no attribute {name!r}")

__all__ = [
    "Article",
    "ArticleError",
    "ArticleWarning",
    "ClassWork",
    "Corpus",
    "KitError",
    "Span",
    "WorkStore",
    "WorkStoreError",
    "__version__",
    "actors",
    "annotate_quotes",
    "attribution_chains",
    "brief_feedback",
    "brief_writer",
    "cameo_codes",
    "certainty",
    "certainty_markers",
    "check",
    "check_quote_tags",
    "claims",
    "class_reliability",
    "cohen_kappa",
    "compare_coding",
    "compare_with_gold",
    "concordance",
    "concordance_explorer",
    "cue_profile",
    "cue_profile_figure",
    "dyad_figure",
    "entman_worksheet",
    "evaluate",
    "evaluate_events",
    "event_coder",
    "events",
    "events_table",
    "export_brief",
    "export_work",
    "frame_coder",
    "frame_cues",
    "frame_lexicon",
    "frame_scores",
    "headline_certainty",
    "headline_certainty_figure",
    "import_work",
    "ir_lenses",
    "krippendorff_alpha",
    "lens_worksheet",
    "load_aliases",
    "load_article",
    "load_class",
    "load_corpus",
    "load_event_gold",
    "load_framing_gold",
    "load_gold",
    "load_timeline",
    "name_variants",
    "percent_agreement",
    "policy_frames",
    "position_grid",
    "positions",
    "progress",
    "quote_tagger",
    "quotes",
    "quotes_table",
    "read_alpha",
    "sample_draft",
    "set_name",
    "source_mix",
    "source_mix_figure",
    "sv2000_items",
    "synthetic_class",
    "timeline_browser",
    "timeline_figure",
    "upload_work",
    "viewer",
    "voice_share",
    "voice_share_figure",
    "voices_and_mentions",
    "work",
]
