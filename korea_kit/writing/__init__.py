"""The writing room (issue 10): feedback on a student's explainer, its export, and the brief writer's logic.

* ``_markdown``: the small, safe Markdown the drafts use (no raw HTML; escaped HTML and plain text);
* ``_readability``: syllables, Flesch reading ease and Flesch–Kincaid grade, computed offline;
* ``_data``: the signals, targets, advice, sections and word lists of ``data/writing_*``;
* ``_draft``: a draft read as an :class:`~korea_kit.Article`, and the corpus it is traced against;
* ``_signals``: the ten signals, one function each; ``_feedback``: :func:`brief_feedback` and
  :class:`BriefFeedback`;
* ``_export``: :func:`export_brief` (Markdown and a standalone HTML page with its sources);
* ``_samples``: :func:`sample_draft`, the weak and the revised sample drafts of chapter 05 (``data/drafts/``);
* ``_writer``: :class:`BriefWriter`, the brief writer's logic (loaded on first use: it needs traitlets).
"""

from ._data import BRIEF_EXERCISE
from ._export import BriefExport, export_brief
from ._feedback import BriefFeedback, brief_feedback
from ._samples import sample_draft

__all__ = ["brief_feedback", "BriefFeedback", "export_brief", "BriefExport", "BriefWriter", "BRIEF_EXERCISE",
           "sample_draft"]

#: Logic classes that need traitlets, loaded on first use: name -> the private module that defines it.
_LAZY = {"BriefWriter": "._writer"}


def __getattr__(name: str):
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(_LAZY[name], __name__), name)
    raise AttributeError(f"module 'korea_kit.writing' has no attribute {name!r}")
