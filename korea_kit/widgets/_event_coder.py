"""The event coder: pick a sentence, the source and target actor and a CAMEO code; compare with the gold."""

from __future__ import annotations

from html import escape

import ipywidgets as W

from ..diplomacy._event_coding import EventCoder
from ._focus import show_focus
from ._status import status_html

__all__ = ["event_coder", "EventCoderView"]


class EventCoderView(W.VBox):
    """Menus for the sentence, the actors and the code (native, keyboard-usable), a save button, status and feedback."""

    def __init__(self, logic: EventCoder):
        self.logic = logic
        wide = W.Layout(width="60em")
        self._sentence = W.Dropdown(options=[("(choose a sentence)", -1)] + [(t, i) for i, t in
                                                                            enumerate(logic.sentence_choices())],
                                    value=logic.sentence, description="Sentence", layout=wide)
        actors = [("(choose)", "")] + [(a, a) for a in logic.actor_choices]
        self._source = W.Dropdown(options=actors, value=logic.source_actor or "", description="Source")
        self._target = W.Dropdown(options=actors, value=logic.target_actor or "", description="Target")
        codes = [("(choose a CAMEO code)", "")] + [(c, c.split(" · ")[0]) for c in logic.cameo_choices]
        self._cameo = W.Dropdown(options=codes, value=logic.cameo, description="CAMEO", layout=wide)
        for control, trait in ((self._sentence, "sentence"), (self._source, "source_actor"),
                               (self._target, "target_actor"), (self._cameo, "cameo")):
            W.link((control, "value"), (logic, trait))
        self._button = W.Button(description="Save and compare", button_style="primary")
        self._button.on_click(lambda _: logic.save())
        self._status = W.HTML(status_html(logic.status))
        self._feedback = W.HTML(escape(logic.feedback))
        logic.observe(lambda c: setattr(self._status, "value", status_html(c["new"])), "status")
        logic.observe(lambda c: setattr(self._feedback, "value", f"<p>{escape(c['new'])}</p>"), "feedback")
        intro = W.HTML(f"<h4>Code an event: {escape(logic.article.title)}</h4><p>Pick a sentence that reports a "
                       "diplomatic act, who acts (source), at whom (target), and the CAMEO code that fits "
                       "(see kk.cameo_codes()). Then save: the kit compares your code with its own, if it has one.</p>")
        super().__init__([intro, self._sentence, W.HBox([self._source, self._target]), self._cameo, self._button,
                          self._status, self._feedback])
        show_focus(self)


def event_coder(article, store=None, gold=None) -> EventCoderView:
    """Code the diplomatic events of one article with CAMEO codes, and see how your code compares with the gold.

    Each coding is saved with your work (exercise ``04.events``) and comes
    back when you open the coder again. ``store`` is your work (left out:
    this session's); ``gold`` is the gold events table (left out: the kit's).
    """
    return EventCoderView(EventCoder(article, store=store, gold=gold))
