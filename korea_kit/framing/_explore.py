"""The logic behind the concordance widget: a word and a width in, an escaped HTML table out.

No ipywidgets here, so it is tested by setting values.

>>> import korea_kit as kk
>>> explorer = ConcordanceExplorer(kk.load_corpus())
>>> explorer.word = "war of words"
>>> explorer.count
2
>>> explorer.width = 2
Traceback (most recent call last):
...
korea_kit.KitValueError: ConcordanceExplorer: width should be from 5 to 500 characters of context on each side, but it is 2. Try 40.
"""

from __future__ import annotations

from html import escape

from traitlets import HasTraits, Int, Unicode, observe, validate

from .._display import MUTED
from ._concordance import concordance, need_width
from ..text._inputs import need_articles

__all__ = ["ConcordanceExplorer"]

_CELL = "padding:2px 6px;vertical-align:top"


class ConcordanceExplorer(HasTraits):
    """Type a word (``word``), choose the context (``width``): read ``html`` (the table) and ``count`` (the matches)."""

    word = Unicode("")
    width = Int(40)
    html = Unicode("", read_only=True)
    count = Int(0, read_only=True)

    def __init__(self, corpus, **kwargs):
        self.articles = need_articles(corpus, "ConcordanceExplorer")
        super().__init__(**kwargs)
        self._show()

    @validate("width")
    def _check_width(self, proposal):
        return need_width(proposal["value"], "ConcordanceExplorer")

    @observe("word", "width")
    def _on_change(self, change) -> None:
        self._show()

    def _show(self) -> None:
        word = self.word.strip()
        if not word:
            self.set_trait("count", 0)
            self.set_trait("html", "<p><i>Type a word or a phrase, such as talks, and press Enter.</i></p>")
            return
        table = concordance(self.articles, word, self.width)
        self.set_trait("count", len(table))
        if table.empty:
            self.set_trait("html", f"<p>No article uses <b>{escape(word)}</b> (as a whole word).</p>")
            return
        plural = "" if len(table) == 1 else "s"
        rows = "".join(
            f"<tr><td style='{_CELL};color:{MUTED}'>{escape(r.outlet)}</td>"
            f"<td style='{_CELL};text-align:right'>{escape(r.left)}</td>"
            f"<td style='{_CELL};font-weight:bold'>{escape(r.match)}</td>"
            f"<td style='{_CELL}'>{escape(r.right)}</td></tr>"
            for r in table.itertuples())
        self.set_trait("html", f"<p>{len(table)} match{'es' if plural else ''} for <b>{escape(word)}</b>:</p>"
                               f"<table style='border-collapse:collapse;font-size:0.9em'>{rows}</table>")
