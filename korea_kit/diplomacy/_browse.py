"""The logic behind the timeline browser widget (no ipywidgets here, so it is testable).

>>> browser = TimelineBrowser()
>>> browser.index = 6
>>> browser.date, browser.label
('2018-02-25', 'Moon meets Kim Yong Chol; closing ceremony')
"""

from __future__ import annotations

from html import escape

from traitlets import HasTraits, Int, Unicode, observe, validate

from .._errors import KitLookupError

__all__ = ["TimelineBrowser"]


class TimelineBrowser(HasTraits):
    """Which event of the timeline is chosen, and the card that describes it."""

    index = Int(0)
    date = Unicode("")
    label = Unicode("")
    card_html = Unicode("")

    def __init__(self, events=None, **kwargs):
        from ._timeline import need_events

        self.events = need_events(events, "timeline_browser").reset_index(drop=True)
        super().__init__(**kwargs)
        self._show(self.index)

    @property
    def options(self) -> list[str]:
        """The choices, as ``"Feb 25 · label"``."""
        return [f"{w:%b %d} · {l}" for w, l in zip(self.events["when"], self.events["label"])]

    @validate("index")
    def _check_index(self, proposal):
        value = proposal["value"]
        if not 0 <= value < len(self.events):
            raise KitLookupError(f"There is no event number {value}. Pick an event number from 0 to {len(self.events) - 1}.")
        return value

    @observe("index")
    def _on_index(self, change) -> None:
        self._show(change["new"])

    def _show(self, i: int) -> None:
        row = self.events.iloc[i]
        self.date, self.label = str(row["date"]), str(row["label"])
        self.card_html = (
            f"<div style='max-width:44em'><b>{escape(row['when'].strftime('%a %d %b %Y'))}: {escape(self.label)}</b>"
            f"<p style='margin:0.3em 0'>{escape(str(row['detail']))}</p>"
            f"<p style='color:#555;font-size:0.85em;margin:0'>Kind: {escape(str(row['kind']))} · "
            f"Source: {escape(str(row['source']))}</p></div>"
        )
