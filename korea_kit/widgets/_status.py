"""The status line under a widget: what was saved, or why it was not, announced to screen readers.

Green once the work file holds the answer, red when it does not (the logic classes start such a message with
"⚠️" or say "NOT saved"), grey for anything else. The colours are the checked palette of ``korea_kit._display``.
"""

from __future__ import annotations

from html import escape

from .._display import BAD, GOOD, PLAIN

__all__ = ["status_html"]


def status_html(status: str) -> str:
    """The status as HTML: ``role='status'`` and ``aria-live`` so that a screen reader reads each change.

    >>> status_html("Saved: PRK → USA.")
    "<div role='status' aria-live='polite' style='color:#1b5e20'>Saved: PRK → USA.</div>"
    >>> "#b71c1c" in status_html("⚠️ NOT saved: the disk is full.")
    True
    """
    if status.startswith("⚠️") or "NOT saved" in status:
        colour = BAD
    elif status.startswith("Saved"):
        colour = GOOD
    else:
        colour = PLAIN
    return f"<div role='status' aria-live='polite' style='color:{colour}'>{escape(status)}</div>"
