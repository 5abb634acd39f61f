"""The logic of the article viewer: which layers show, which passage is chosen, tagging.

No ipywidgets here: set the traits in a test (or a script) and read ``html``,
``legend_html`` and ``status`` back. The widget in :mod:`korea_kit.widgets`
only draws these and forwards clicks.

The viewer always opens. When the work store cannot save (a read-only home
folder, a full disk), ``status`` says so from the start and after every
tag, and the tags are kept in memory, saved with the first change that can be.

>>> import os, tempfile
>>> from korea_kit import Article, WorkStore
>>> store = WorkStore(os.path.join(tempfile.mkdtemp(), "work.json"), student="ana")
>>> viewer = ArticleViewer(Article.from_text("Talks on\\n\\nKim met Moon. They agreed."), store=store)
>>> viewer.position = 2
>>> viewer.selected.text
'They agreed.'
>>> record = viewer.tag("claim")
>>> [(t["label"], t["text"]) for t in viewer.tags()]
[('claim', 'They agreed.')]
"""

from __future__ import annotations

import contextlib
from html import escape
from typing import Any

from traitlets import HasTraits, Int, List, TraitError, Unicode, observe, validate

from .._display import FAINT_ON_HIGHLIGHT, HIGHLIGHTS, MUTED, OUTLINE, tint
from .._errors import KitTypeError, KitValueError, WorkStoreError, did_you_mean, shown
from ..text import Article, Corpus, Span

__all__ = ["ArticleViewer", "PALETTE", "DEFAULT_LABELS"]

#: Okabe-Ito colours (safe for the common colour-vision deficiencies), with a
#: line style per layer so that colour is never the only cue.
PALETTE = HIGHLIGHTS
_LINES = ("solid", "dashed", "dotted", "double")
DEFAULT_LABELS = ("fact", "claim", "quote", "background", "opinion")
STUDENT_LAYER = "my tags"


def checked_article(article: Any, what: str) -> Article:
    """``article`` if it is an Article; otherwise a KitError that says how to pick one."""
    if isinstance(article, Article):
        return article
    if isinstance(article, Corpus):
        example = article.ids[0][:3] if len(article) else "001"
        raise KitTypeError(f"{what} shows one article, not a whole corpus: give one article, e.g. corpus[{example!r}].")
    if isinstance(article, str):
        raise KitTypeError(f"{what} needs an article, not the text {shown(article)}: pass the article itself, "
                           f"e.g. corpus[{article[:10]!r}] (after corpus = kk.load_corpus()).")
    raise KitTypeError(f"{what} shows an Article, for example corpus['001'] (after corpus = kk.load_corpus()), "
                       f"not {shown(article)}.")


def _checked_words(value: Any, argument: str, example: str, empty_ok: bool = False) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise KitTypeError(f"{argument} should be a list of names in quotes, like {example}, not {shown(value)}.")
    if not value and not empty_ok:
        raise KitValueError(f"Give the viewer at least one name in {argument}, like {example}.")
    return tuple(value)


def _tint(colour: str) -> str:
    return tint(colour)


class ArticleViewer(HasTraits):
    """Show an article with chosen span layers highlighted, and tag passages into the work store."""

    layers = List(Unicode())
    unit = Unicode("sentence")
    position = Int(0)
    label = Unicode("")
    html = Unicode("")
    legend_html = Unicode("")
    status = Unicode("")

    def __init__(self, article: Article, *, labels: tuple[str, ...] = DEFAULT_LABELS, exercise_id: str = "viewer",
                 store=None, layers: tuple[str, ...] = ("boilerplate", STUDENT_LAYER), unit: str = "sentence"):
        from ._session import store_or_session

        self.article = checked_article(article, "the viewer")
        self.labels = _checked_words(labels, "labels", "(\"fact\", \"claim\")")
        if not isinstance(exercise_id, str) or not exercise_id.strip():
            raise KitTypeError(f"exercise_id should be a name as text, like \"02.tags\", not {shown(exercise_id)}.")
        self.exercise_id = exercise_id
        if unit not in {"sentence", "paragraph"}:
            near = did_you_mean(unit, ["sentence", "paragraph"]) if isinstance(unit, str) else ""
            raise KitValueError(f"unit should be \"sentence\" or \"paragraph\" (what one tag covers), not {shown(unit)}.{near}")
        layers = _checked_words(layers, "layers", "(\"boilerplate\", \"my tags\")", empty_ok=True)
        self._store = store_or_session(store)
        super().__init__(unit=unit, label=self.labels[0])
        self.layers = [name for name in layers if name in self.available_layers]
        self.status = self._save_state("")
        self._render()

    # -- what can be shown and chosen ------------------------------------------------
    @property
    def store(self):
        """The work store the tags go to."""
        return self._store

    def _save_state(self, done: str) -> str:
        """``done`` when the store is saved, else a plain warning that the tags are kept here only."""
        if self._store.saved:
            return done
        doing = done.removeprefix("Saved: ").rstrip(".") + "; " if done else ""
        return f"⚠️ Not saved: {doing}your tags are kept in this notebook only. {self._store.problem}"

    @property
    def available_layers(self) -> list[str]:
        """Layers that can be highlighted: the article's own non-empty ones (not paragraphs or sentences) and the student's tags."""
        own = [name for name, spans in self.article.spans.items() if spans and name not in {"paragraph", "sentence"}]
        return own + [STUDENT_LAYER]

    @property
    def units(self) -> tuple[Span, ...]:
        """The passages that can be chosen: sentences, or body paragraphs."""
        return self.article.sentences if self.unit == "sentence" else self.article.body

    @property
    def selected(self) -> Span | None:
        units = self.units
        return units[self.position] if units else None

    def choices(self, width: int = 70) -> list[str]:
        """One short line per passage, for a menu."""
        out = []
        for i, span in enumerate(self.units):
            text = " ".join(span.text.split())
            out.append(f"{i + 1}. {text if len(text) <= width else text[: width - 1] + '…'}")
        return out

    @validate("unit")
    def _check_unit(self, proposal):
        if proposal["value"] not in {"sentence", "paragraph"}:
            raise TraitError("The viewer selects a 'sentence' or a 'paragraph'.")
        return proposal["value"]

    @validate("position")
    def _check_position(self, proposal):
        value, count = proposal["value"], len(self.units)
        if count and not 0 <= value < count:
            raise TraitError(f"Choose a passage number from 0 to {count - 1}.")
        return value if count else 0

    @validate("layers")
    def _check_layers(self, proposal):
        unknown = [name for name in proposal["value"] if name not in self.available_layers]
        if unknown:
            raise TraitError(f"This article has no layer called {unknown[0]!r}; choose from {', '.join(self.available_layers)}.")
        return proposal["value"]

    @validate("label")
    def _check_label(self, proposal):
        if proposal["value"] not in self.labels:
            raise TraitError(f"Tag with one of: {', '.join(self.labels)}.")
        return proposal["value"]

    @observe("unit")
    def _unit_changed(self, change) -> None:
        self.position = 0
        self._render()

    @observe("layers", "position")
    def _redraw(self, change) -> None:
        self._render()

    def next(self) -> None:
        """Move to the next passage (stays on the last one)."""
        self.position = min(self.position + 1, max(len(self.units) - 1, 0))

    def previous(self) -> None:
        """Move to the previous passage (stays on the first one)."""
        self.position = max(self.position - 1, 0)

    # -- tagging ------------------------------------------------------------------------
    def tags(self) -> list[dict]:
        """The student's own tags on this article for this exercise, from the work store."""
        spans = self._store.spans(article_id=self.article.id, exercise_id=self.exercise_id, layer=STUDENT_LAYER)
        return [span for span in spans if span["source"] == self._store.source]  # not tags imported from others

    def tag(self, label: str | None = None) -> dict | None:
        """Save the chosen passage with ``label`` (or the current label) to the work store."""
        if label is not None:
            self.label = label
        span = self.selected
        if span is None:
            self.status = "This article has no passages to tag."
            return None
        from ._store import WorkNotSavedError

        try:
            record = self._store.add_span(self.article.id, self.exercise_id, STUDENT_LAYER, span.start, span.end,
                                          self.label, attrs={"unit": self.unit}, text=span.text)
        except WorkNotSavedError as unsaved:
            record = unsaved.result
        except WorkStoreError as error:
            self.status = f"⚠️ Not tagged: {error}"
            return None
        self.status = self._save_state(f"Saved: {self.unit} {self.position + 1} tagged “{self.label}”.")
        self._render()
        return record

    def untag(self) -> int:
        """Remove the student's tags on the chosen passage; returns how many were removed."""
        from ._store import WorkNotSavedError

        span = self.selected
        removed = 0
        for record in self.tags():
            if span is not None and (record["start"], record["end"]) == (span.start, span.end):
                with contextlib.suppress(WorkNotSavedError):  # removed here; the status says it is not saved
                    self._store.remove_span(record["id"])
                removed += 1
        done = f"Removed {removed} tag(s) from {self.unit} {self.position + 1}." if removed else "No tag here to remove."
        self.status = self._save_state(done) if removed else done
        self._render()
        return removed

    # -- drawing --------------------------------------------------------------------------
    def _visible_spans(self) -> list[tuple[str, str, int, int]]:
        shown = []
        for name in self.layers:
            if name == STUDENT_LAYER:
                shown += [(name, t["label"], t["start"], t["end"]) for t in self.tags()]
            else:
                shown += [(name, s.label, s.start, s.end) for s in self.article.spans[name]]
        return shown

    def _styles(self, spans) -> dict[tuple[str, str], tuple[str, str]]:
        keys = list(dict.fromkeys((layer, label) for layer, label, _, _ in spans))
        layer_index = {name: i for i, name in enumerate(self.layers)}
        return {key: (PALETTE[i % len(PALETTE)], _LINES[layer_index.get(key[0], 0) % len(_LINES)]) for i, key in enumerate(keys)}

    def _render(self) -> None:
        spans = self._visible_spans()
        styles = self._styles(spans)
        selected = self.selected
        text = self.article.text
        blocks = []
        for para in self.article.paragraphs:
            cuts = {para.start, para.end}
            inside = [s for s in spans if s[2] < para.end and para.start < s[3]]
            for _, _, a, b in inside:
                cuts.update(x for x in (a, b) if para.start < x < para.end)
            if selected is not None and para.start < selected.end and selected.start < para.end:
                cuts.update(x for x in (selected.start, selected.end) if para.start < x < para.end)
            cuts = sorted(cuts)
            pieces = []
            for a, b in zip(cuts, cuts[1:]):
                piece = escape(text[a:b]).replace("\n", "<br>")
                for layer, label, s, e in inside:
                    if s <= a and b <= e:
                        colour, line = styles[(layer, label)]
                        piece = (f'<span title="{escape(layer)}: {escape(label)}" style="background:{_tint(colour)};'
                                 f'border-bottom:3px {line} {colour}">{piece}</span>')
                if selected is not None and selected.start <= a and b <= selected.end:
                    piece = f'<span class="kk-selected" style="outline:2px solid {OUTLINE};outline-offset:1px">{piece}</span>'
                pieces.append(piece)
            role = escape(para.label)
            weight = "font-weight:700;font-size:1.2em;" if para.label == "headline" else ""
            grey = f"color:{FAINT_ON_HIGHLIGHT};font-size:0.9em;" if para.label == "boilerplate" else ""
            blocks.append(f'<p data-role="{role}" style="{weight}{grey}margin:0 0 0.6em;line-height:1.6">{"".join(pieces)}</p>')
        self.html = f'<div class="kk-viewer" style="max-width:46em">{"".join(blocks)}</div>'
        self.legend_html = self._legend(styles)

    def _legend(self, styles) -> str:
        if not styles:
            return f"<span style='color:{MUTED}'>No highlighted layers. Tick a layer above to show it.</span>"
        items = "".join(
            f'<span style="margin-right:1em;white-space:nowrap"><span style="display:inline-block;width:1.6em;'
            f'background:{_tint(colour)};border-bottom:3px {line} {colour}">&nbsp;</span> {escape(layer)}: '
            f"{escape(label.replace('_', ' '))}</span>"
            for (layer, label), (colour, line) in styles.items()
        )
        return f'<div class="kk-legend" style="font-size:0.9em">{items}</div>'

    def _repr_html_(self) -> str:
        return self.legend_html + self.html

    def __repr__(self) -> str:
        return f"<ArticleViewer of {self.article.id}: {self.unit} {self.position + 1} of {len(self.units)}, layers {self.layers}>"
