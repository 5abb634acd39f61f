"""The article viewer and its quote-tagging mode: read with layers highlighted, tag passages."""

from __future__ import annotations

import ipywidgets as W

from .._errors import KitTypeError, WorkStoreError, did_you_mean
from ..work._viewer import ArticleViewer, checked_article
from ._focus import show_focus

__all__ = ["viewer", "quote_tagger", "ArticleViewerView"]


class ArticleViewerView(W.VBox):
    """Layer checkboxes and a legend, the article, then: choose a passage, choose a label, tag it."""

    def __init__(self, logic: ArticleViewer):
        self.logic = logic
        self._boxes = [W.Checkbox(value=name in logic.layers, description=name, indent=False,
                                  layout=W.Layout(width="auto")) for name in logic.available_layers]
        for box in self._boxes:
            box.observe(self._layers_changed, "value")
        self._unit = W.ToggleButtons(options=["sentence", "paragraph"], value=logic.unit, description="Select by")
        self._legend = W.HTML(logic.legend_html)
        self._view = W.HTML(logic.html, layout=W.Layout(max_height="32em", overflow="auto", border="1px solid #ddd",
                                                       padding="0.5em"))
        self._previous = W.Button(description="◀ Previous", tooltip="Choose the previous passage")
        self._picker = W.Dropdown(description="Passage", layout=W.Layout(width="40em"))
        self._next = W.Button(description="Next ▶", tooltip="Choose the next passage")
        self._label = W.Dropdown(options=list(logic.labels), value=logic.label, description="Label")
        self._tag = W.Button(description="Tag this passage", button_style="primary", tooltip="Save the tag with your work")
        self._untag = W.Button(description="Remove my tag", tooltip="Remove your tags from this passage")
        self._status = W.HTML(logic.status)
        self._fill_picker()
        self._picker.observe(lambda change: setattr(logic, "position", change["new"]), "value")
        self._unit.observe(self._unit_changed, "value")
        W.link((self._label, "value"), (logic, "label"))
        W.dlink((logic, "html"), (self._view, "value"))
        W.dlink((logic, "legend_html"), (self._legend, "value"))
        W.dlink((logic, "status"), (self._status, "value"))
        logic.observe(self._position_changed, "position")
        self._previous.on_click(lambda _: logic.previous())
        self._next.on_click(lambda _: logic.next())
        self._tag.on_click(lambda _: self._safely(logic.tag))
        self._untag.on_click(lambda _: self._safely(logic.untag))
        super().__init__([
            W.HBox([W.Label("Show:")] + self._boxes), self._legend, self._view,
            self._unit, W.HBox([self._previous, self._picker, self._next]),
            W.HBox([self._label, self._tag, self._untag]), self._status,
        ])
        show_focus(self)

    def _layers_changed(self, _change) -> None:
        self.logic.layers = [box.description for box in self._boxes if box.value]

    def _unit_changed(self, change) -> None:
        self.logic.unit = change["new"]
        self._fill_picker()

    def _fill_picker(self) -> None:
        self._picker.options = [(text, i) for i, text in enumerate(self.logic.choices())]
        self._picker.value = self.logic.position if self.logic.units else None

    def _position_changed(self, change) -> None:
        if self._picker.value != change["new"]:
            self._picker.value = change["new"]

    def _safely(self, action) -> None:
        try:
            action()
        except WorkStoreError as exc:  # the logic reports saving itself; this is a last guard
            self.logic.status = f"⚠️ Not saved: {exc}"


_OPTIONS = ("labels", "exercise_id", "store", "layers", "unit")


def viewer(article, **options) -> ArticleViewerView:
    """Read an article with its layers highlighted, and tag passages; tags are saved with your work.

    Options: ``labels`` (the tags to choose from), ``exercise_id``,
    ``layers`` (shown at first), ``unit`` ("sentence" or "paragraph") and
    ``store``. The viewer always opens: if your work cannot be saved, its
    status line says why, and your tags are kept until they can be.
    """
    unknown = [name for name in options if name not in _OPTIONS]
    if unknown:
        raise KitTypeError(f"The viewer has no option {unknown[0]!r}.{did_you_mean(unknown[0], _OPTIONS)} "
                           f"Its options are: {', '.join(_OPTIONS)}.")
    return ArticleViewerView(ArticleViewer(checked_article(article, "kk.viewer"), **options))


def quote_tagger(article, exercise_id: str = "02.tags", *, store=None) -> ArticleViewerView:
    """The viewer in quote mode: tag each sentence as a direct quote, partial quote, indirect speech or no attribution.

    The kit's own findings are added as the ``quote`` and ``source`` layers,
    unticked at first: tag first, then tick them to compare.
    """
    from ..sourcing._voices import QUOTE_LABELS, annotate_quotes

    article = checked_article(article, "kk.quote_tagger")
    if "quote" not in article.spans:
        annotate_quotes(article)
    return viewer(article, labels=QUOTE_LABELS, exercise_id=exercise_id, layers=("boilerplate", "my tags"), store=store)
