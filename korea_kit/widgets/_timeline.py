"""The timeline browser: a dropdown of events above a card that explains the chosen one."""

from __future__ import annotations

import ipywidgets as W

from ..diplomacy._browse import TimelineBrowser
from ._focus import show_focus

__all__ = ["timeline_browser", "TimelineBrowserView"]


class TimelineBrowserView(W.VBox):
    """A dropdown of events above a card that explains the chosen one."""

    def __init__(self, logic: TimelineBrowser):
        self.logic = logic
        self._picker = W.Dropdown(options=[(text, i) for i, text in enumerate(logic.options)], value=logic.index,
                                  description="Event", layout=W.Layout(width="36em"))
        self._card = W.HTML(logic.card_html)
        W.link((self._picker, "value"), (logic, "index"))
        W.dlink((logic, "card_html"), (self._card, "value"))
        super().__init__([self._picker, self._card])
        show_focus(self)


def timeline_browser(events=None) -> TimelineBrowserView:
    """Pick an event from the timeline and read what happened and who says so."""
    return TimelineBrowserView(TimelineBrowser(events))
