"""The brief writer: one text box per section of an explainer, live feedback, autosave and export.

CSS classes for tests and styling (stable): ``kk-brief-writer`` (the whole widget), ``kk-brief-headline``,
``kk-brief-standfirst``, ``kk-brief-lead``, ``kk-brief-context``, ``kk-brief-voices``, ``kk-brief-next`` (the
text boxes), ``kk-brief-feedback`` (the feedback), ``kk-brief-status`` (saved or not), ``kk-brief-refresh``
(the "Check now" button), ``kk-brief-export`` (the "Export" button) and ``kk-brief-export-link``.
"""

from __future__ import annotations

from html import escape

import ipywidgets as W

from ..writing._data import sections
from ..writing._writer import BriefWriter
from ._focus import show_focus
from ._status import status_html

__all__ = ["brief_writer", "BriefWriterView"]


class BriefWriterView(W.VBox):
    """Per section: a heading, a hint and a text box; then the feedback, the status line and the buttons."""

    def __init__(self, logic: BriefWriter):
        self.logic = logic
        intro = W.HTML("<h4>Brief writer: your explainer, IR Insider style</h4><p>Write each part in your own words. "
                       "Put quotation marks only around words copied exactly from a report, and say who said them. "
                       "Feedback updates when you pause; your draft is saved as you write.</p>")
        self._boxes: dict[str, W.Textarea] = {}
        parts = [intro]
        for name, row in sections().items():
            box = W.Textarea(value=getattr(logic, name), placeholder=row["prompt"], continuous_update=True,
                             rows=2 if name == "headline" else 4, layout=W.Layout(width="100%"))
            box.add_class(f"kk-brief-{name}")
            W.link((box, "value"), (logic, name))
            self._boxes[name] = box
            parts.append(W.HTML(f"<b>{escape(row['label'])}</b>"))
            parts.append(box)
        self._feedback = W.HTML(logic.feedback_html)
        self._feedback.add_class("kk-brief-feedback")
        self._status = W.HTML(status_html(logic.status))
        self._status.add_class("kk-brief-status")
        self._refresh = W.Button(description="Check now", tooltip="Work out the feedback and save now")
        self._refresh.add_class("kk-brief-refresh")
        self._export = W.Button(description="Export", button_style="primary",
                                tooltip="Save your brief as a web page (.html) and Markdown (.md) in this folder")
        self._export.add_class("kk-brief-export")
        self._export_link = W.HTML(logic.export_html)
        self._export_link.add_class("kk-brief-export-link")
        self._refresh.on_click(lambda _: logic.refresh())
        self._export.on_click(lambda _: logic.export("."))
        logic.observe(lambda change: setattr(self._feedback, "value", change["new"]), "feedback_html")
        logic.observe(lambda change: setattr(self._status, "value", status_html(change["new"])), "status")
        logic.observe(lambda change: setattr(self._export_link, "value", change["new"]), "export_html")
        super().__init__([*parts, self._status, W.HBox([self._refresh, self._export]), self._export_link,
                          W.HTML("<h5>Feedback</h5>"), self._feedback])
        show_focus(self)
        self.add_class("kk-brief-writer")


def brief_writer(corpus=None, store=None) -> BriefWriterView:
    """Write your explainer section by section, with feedback as you write (exercise ``05.brief``).

    Headline, standfirst, lead, context, voices, what happens next: each has its own box. The boxes are
    joined into one Markdown draft, checked by :func:`korea_kit.brief_feedback` when you pause, and saved
    to your work; opening the writer again brings your last saved draft back. "Export" saves it as a
    web page and a Markdown file with its sources (:func:`korea_kit.export_brief`). ``corpus`` is the
    reports your quotations come from (left out: the course's reports); ``store`` is your work (left
    out: this session's).
    """
    return BriefWriterView(BriefWriter(corpus, store))
