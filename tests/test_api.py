"""The public API is a promise to notebooks and outside scripts: pin it."""

import subprocess
import sys

import korea_kit


def test_public_names_are_pinned():
    assert sorted(korea_kit.__all__) == sorted(
        [
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
            "brief_feedback",
            "brief_writer",
            "export_brief",
            "sample_draft",
            "ClassWork",
            "load_class",
            "synthetic_class",
            "certainty",
            "certainty_markers",
            "class_reliability",
            "cohen_kappa",
            "compare_coding",
            "concordance",
            "concordance_explorer",
            "cue_profile",
            "cue_profile_figure",
            "entman_worksheet",
            "frame_coder",
            "frame_cues",
            "frame_lexicon",
            "frame_scores",
            "headline_certainty",
            "headline_certainty_figure",
            "krippendorff_alpha",
            "load_framing_gold",
            "percent_agreement",
            "policy_frames",
            "read_alpha",
            "sv2000_items",
            "actors",
            "cameo_codes",
            "claims",
            "dyad_figure",
            "evaluate_events",
            "events",
            "events_table",
            "ir_lenses",
            "load_event_gold",
            "name_variants",
            "positions",
            "voices_and_mentions",
            "event_coder",
            "position_grid",
            "lens_worksheet",
            "work",
        ]
    )


def test_every_public_name_exists():
    for name in korea_kit.__all__:
        assert hasattr(korea_kit, name), name


def test_article_error_is_a_value_error():
    assert issubclass(korea_kit.ArticleError, ValueError)


def test_import_does_not_load_pandas_pyplot_or_widgets():
    code = (
        "import sys, korea_kit; "
        "heavy = [m for m in ('pandas', 'matplotlib', 'matplotlib.pyplot', 'ipywidgets') if m in sys.modules]; "
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
