"""Entman's worksheet: for one article, the four functions of a frame, each with an answer and evidence sentences."""

from __future__ import annotations

from html import escape

import ipywidgets as W

from ..framing._coding import ENTMAN_FUNCTIONS, EntmanWorksheet
from ._focus import show_focus
from ._status import status_html

__all__ = ["entman_worksheet", "EntmanWorksheetView"]


class EntmanWorksheetView(W.VBox):
    """Per function: a plain explanation, a text box, a list of sentences to pick as evidence and a save button."""

    def __init__(self, logic: EntmanWorksheet):
        self.logic = logic
        options = [(text, i) for i, text in enumerate(logic.sentence_choices())]
        self._texts: dict[str, W.Textarea] = {}
        self._evidence: dict[str, W.SelectMultiple] = {}
        self._buttons: dict[str, W.Button] = {}
        parts = [W.HTML(f"<h4>Entman's four functions: {escape(logic.article.title)}</h4>"
                        "<p>Write each answer in your own words, pick the sentences that show it (Ctrl or Cmd + click "
                        "picks more than one), then press “Save this answer”.</p>")]
        for name, (label, explanation) in ENTMAN_FUNCTIONS.items():
            text = W.Textarea(value=logic.answers[name], placeholder="Your answer", layout=W.Layout(width="60em"))
            evidence = W.SelectMultiple(options=options, value=tuple(logic.evidence[name]), rows=6,
                                        description="Evidence", layout=W.Layout(width="60em"))
            button = W.Button(description="Save this answer", button_style="primary",
                              tooltip=f"Save your answer on the {label.lower()}")
            text.observe(self._edited(name, "answers"), "value")
            evidence.observe(self._edited(name, "evidence"), "value")
            button.on_click(lambda _, name=name: logic.save(name))
            self._texts[name], self._evidence[name], self._buttons[name] = text, evidence, button
            parts.append(W.VBox([W.HTML(f"<h5>{escape(label)}</h5><p>{escape(explanation)}</p>"), text, evidence,
                                 button]))
        self._status = W.HTML(status_html(logic.status))
        logic.observe(lambda change: setattr(self._status, "value", status_html(change["new"])), "status")
        super().__init__([*parts, self._status])
        show_focus(self)

    def _edited(self, name: str, trait: str):
        def changed(change) -> None:
            value = change["new"] if trait == "answers" else list(change["new"])
            current = getattr(self.logic, trait)
            setattr(self.logic, trait, {**current, name: value})

        return changed


def entman_worksheet(article, store=None) -> EntmanWorksheetView:
    """Entman's four functions of a frame (1993) for one article, each answered with evidence from the text.

    Problem definition, causal interpretation, moral evaluation and
    treatment recommendation: write what the report suggests for each, pick
    the sentences that show it, and press "Save this answer" (exercise
    ``03.entman``). Saved answers come back when you open the worksheet
    again. ``store`` is your work (left out: this session's).
    """
    return EntmanWorksheetView(EntmanWorksheet(article, store=store))
