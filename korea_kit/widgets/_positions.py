"""The position grid: for each actor and issue, a position and a short note; the kit's reading after answering."""

from __future__ import annotations

from html import escape

import ipywidgets as W

from ..diplomacy._event_coding import UNANSWERED, PositionGrid
from ..diplomacy._positions import POSITION_CHOICES
from ._focus import show_focus
from ._status import status_html

__all__ = ["position_grid", "PositionGridView"]


class PositionGridView(W.VBox):
    """One row per cell: a position menu, a note box, a save button and a "Show the kit's reading" button."""

    def __init__(self, logic: PositionGrid):
        self.logic = logic
        self._menus, self._notes, self._saves, self._reveals, self._shown = {}, {}, {}, {}, {}
        rows = [W.HTML("<h4>Positions: who wants what?</h4><p>For each actor and issue, choose the position the "
                       "reports show and say why in a few words. Save it, then compare with the kit's reading.</p>")]
        for cell in logic.cells():
            actor, issue = cell.split(":")
            answer = logic.answers[cell]
            menu = W.Dropdown(options=[UNANSWERED, *POSITION_CHOICES], value=answer["position"],
                              description=f"{actor} · {issue}", style={"description_width": "12em"})
            note = W.Text(value=answer["note"], placeholder="Why? (a few words)", layout=W.Layout(width="30em"))
            save = W.Button(description="Save", button_style="primary")
            reveal = W.Button(description="Show the kit's reading")
            shown = W.HTML("")
            save.on_click(lambda _, cell=cell: self._save(cell))
            reveal.on_click(lambda _, cell=cell: self._reveal(cell))
            self._menus[cell], self._notes[cell], self._saves[cell] = menu, note, save
            self._reveals[cell], self._shown[cell] = reveal, shown
            rows.append(W.VBox([W.HBox([menu, note, save, reveal]), shown]))
        self._status = W.HTML(status_html(logic.status))
        logic.observe(lambda c: setattr(self._status, "value", status_html(c["new"])), "status")
        super().__init__([*rows, self._status])
        show_focus(self)

    def _save(self, cell: str) -> None:
        actor, issue = cell.split(":")
        if self._menus[cell].value == UNANSWERED:
            self.logic.status = f"Choose a position for {actor} on {issue} first."
            return
        self.logic.answer(actor, issue, self._menus[cell].value, self._notes[cell].value)

    def _reveal(self, cell: str) -> None:
        found = self.logic.reveal(*cell.split(":"))
        if found is None:
            return
        quotes = "".join(f"<li>“{escape(e['text'])}” ({escape(e['article_id'][:3])})</li>" for e in found["evidence"])
        self._shown[cell].value = (f"<p><b>The kit's reading: {escape(found['position'])}</b>: "
                                   f"{escape(found['label'])}. {escape(found['note'])}</p>"
                                   f"<ul>{quotes or '<li>No sentence in these reports states it.</li>'}</ul>")


def position_grid(corpus=None, store=None) -> PositionGridView:
    """Fill in who wants what: each main actor's position on talks, denuclearisation and sanctions.

    Your answers are saved with your work (exercise ``04.positions``) and
    come back when you open the grid again. The kit's reading, with its
    evidence, shows only for cells you have answered. ``corpus`` is left out
    for the seeds; ``store`` is your work (left out: this session's).
    """
    return PositionGridView(PositionGrid(corpus, store=store))
