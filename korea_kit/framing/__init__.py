"""The framing lens: how a report frames an event, and how reliably people code frames.

* ``_reliability``: Krippendorff's alpha, percent agreement and Cohen's kappa.
* ``_certainty``: how firmly a headline asserts its claim (markers in ``data/certainty_markers.csv``).
* ``_cues``: frame cues from the lexicon ``data/frame_lexicon.csv``, and the cue profile of each outlet.
* ``_concordance``: keyword in context; ``_explore``: the concordance widget's logic (``ConcordanceExplorer``).
* ``_figures``: headline certainty and cue profile figures. ``_match``: shared matching.
* ``_instruments``: the coding instruments (``data/sv2000_items.csv``, ``data/policy_frames.csv``).
* ``_coding``: the logic of the frame coder and Entman's worksheet (``FrameCoder``, ``EntmanWorksheet``).
* ``_compare``: frame scores, the gold framing codes, a student against the gold, a class's reliability.
"""

from ._reliability import LEVELS, cohen_kappa, krippendorff_alpha, percent_agreement, read_alpha
from ._certainty import MARKER_KINDS, certainty, certainty_markers, headline_certainty
from ._concordance import concordance
from ._cues import CUE_CATEGORIES, cue_profile, frame_cues, frame_lexicon
from ._figures import cue_profile_figure, headline_certainty_figure
from ._instruments import policy_frames, sv2000_items
from ._compare import CodingComparison, class_reliability, compare_coding, frame_scores, load_framing_gold

__all__ = ["krippendorff_alpha", "percent_agreement", "cohen_kappa", "read_alpha", "LEVELS", "certainty",
           "certainty_markers", "headline_certainty", "frame_lexicon", "frame_cues", "concordance", "cue_profile",
           "cue_profile_figure", "headline_certainty_figure", "MARKER_KINDS", "CUE_CATEGORIES", "ConcordanceExplorer",
           "sv2000_items", "policy_frames", "frame_scores", "load_framing_gold", "compare_coding", "CodingComparison",
           "class_reliability", "FrameCoder", "EntmanWorksheet"]

#: Logic classes that need traitlets, loaded on first use so that ``import korea_kit`` stays light:
#: name -> the private module that defines it. Add a line here for another widget's logic class.
_LAZY = {"ConcordanceExplorer": "._explore", "FrameCoder": "._coding", "EntmanWorksheet": "._coding"}


def __getattr__(name: str):
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(_LAZY[name], __name__), name)
    raise AttributeError(f"module 'korea_kit.framing' has no attribute {name!r}")
