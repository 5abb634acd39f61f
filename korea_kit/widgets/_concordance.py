"""The concordance explorer: a text box for a word, and every use of it in context below."""

from __future__ import annotations

import ipywidgets as W

from ..framing._explore import ConcordanceExplorer
from ._focus import show_focus

__all__ = ["concordance_explorer", "ConcordanceExplorerView"]


class ConcordanceExplorerView(W.VBox):
    """A text box (searched when you press Enter or leave it) above the keyword-in-context table."""

    def __init__(self, logic: ConcordanceExplorer):
        self.logic = logic
        self._word = W.Text(value=logic.word, description="Word", placeholder="talks", continuous_update=False,
                            layout=W.Layout(width="24em"))
        self._table = W.HTML(logic.html)
        W.link((self._word, "value"), (logic, "word"))
        W.dlink((logic, "html"), (self._table, "value"))
        super().__init__([self._word, self._table])
        show_focus(self)


def concordance_explorer(corpus, word: str = "") -> ConcordanceExplorerView:
    """Type a word or phrase and see it in context in every article of ``corpus``."""
    from .._errors import need_text

    word = need_text(word, "word", "concordance_explorer", "talks")
    return ConcordanceExplorerView(ConcordanceExplorer(corpus, word=word))
