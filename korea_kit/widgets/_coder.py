"""The frame coder: answer the 20 generic-frame items and pick two Policy Frames Codebook frames for one article."""

from __future__ import annotations

from html import escape

import ipywidgets as W

from ..framing._coding import ANSWERS, FrameCoder
from ..framing._instruments import SV_FRAMES
from ._focus import show_focus
from ._status import status_html

__all__ = ["frame_coder", "FrameCoderView"]


class FrameCoderView(W.VBox):
    """Per frame: a hint line and one yes / no / not sure choice per item; then the two frame menus and a status line.

    Every control is a native form element (radio buttons, menus): Tab moves
    between them, the arrow keys change a choice.
    """

    def __init__(self, logic: FrameCoder):
        self.logic = logic
        title = W.HTML(f"<h4>Frame coding: {escape(logic.article.title)}</h4>"
                       "<p>Answer each question for the whole report. Choose “not sure” to take an answer back. "
                       "Every answer is saved as soon as you choose it.</p>")
        self._choices: dict[str, W.RadioButtons] = {}
        sections = [title]
        for frame, name in SV_FRAMES.items():
            sections.append(W.HTML(f"<h5>{escape(name)}</h5><p style='color:#555;font-style:italic'>"
                                   f"{escape(logic.hints.get(frame, ''))}</p>"))
            for row in logic.items_of(frame):
                choice = W.RadioButtons(options=list(ANSWERS), value=logic.answers[row["item"]],
                                        orientation="horizontal", layout=W.Layout(width="auto"))
                choice.observe(self._answered(row["item"]), "value")
                self._choices[row["item"]] = choice
                sections.append(W.VBox([W.HTML(f"<b>{escape(row['item'])}</b> {escape(row['question'])}"), choice]))
        self._headline = W.Dropdown(options=logic.frames, value=logic.headline_frame, description="Headline frame",
                                    style={"description_width": "initial"}, layout=W.Layout(width="36em"))
        self._primary = W.Dropdown(options=logic.frames, value=logic.primary_frame, description="Primary frame",
                                   style={"description_width": "initial"}, layout=W.Layout(width="36em"))
        W.link((self._headline, "value"), (logic, "headline_frame"))
        W.link((self._primary, "value"), (logic, "primary_frame"))
        self._status = W.HTML(status_html(logic.status))
        logic.observe(lambda change: setattr(self._status, "value", status_html(change["new"])), "status")
        logic.observe(self._answers_changed, "answers")
        sections += [W.HTML("<h5>Policy Frames Codebook (see kk.policy_frames())</h5>"), self._headline,
                     self._primary, self._status]
        super().__init__(sections)
        show_focus(self)

    def _answered(self, item: str):
        def changed(change) -> None:
            if self.logic.answers.get(item) != change["new"]:
                self.logic.answer(item, change["new"])

        return changed

    def _answers_changed(self, change) -> None:
        for item, value in change["new"].items():
            if self._choices[item].value != value:
                self._choices[item].value = value


def frame_coder(article, store=None) -> FrameCoderView:
    """Code one article's frames: 20 yes/no items (Semetko & Valkenburg 2000) and two Policy Frames Codebook frames.

    Your answers are saved with your work as you choose them (exercises
    ``03.sv`` and ``03.pfc``) and come back when you open the coder again,
    after a restart too. The hint lines point at words the kit found; they
    are places to look, never the answer. The status line says "Saved"
    only once your work file holds the answer, and "NOT saved" and why
    otherwise. ``store`` is your work (left out: this session's).
    """
    return FrameCoderView(FrameCoder(article, store=store))
