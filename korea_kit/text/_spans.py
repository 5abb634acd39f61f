"""Standoff spans: labelled character ranges over an article's immutable text.

A :class:`Span` never copies or changes the text it points into. Its
``start`` and ``end`` are character offsets (``end`` is exclusive, as in a
Python slice), so ``span.text == article.text[span.start:span.end]`` always
holds. Spans live in named layers ("paragraph", "sentence", "boilerplate",
and later "quote", "frame", "event" ...), much like spaCy's ``Doc.spans``
or the annotation lines of a brat ``.ann`` file.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from .._errors import KitLookupError, KitTypeError, KitValueError, did_you_mean, need_text, need_whole, shown

__all__ = ["Span", "Layers", "Passages"]


def _frozen(attrs: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return MappingProxyType(dict(attrs or {}))


@dataclass(frozen=True, eq=False, repr=False)
class Span:
    """A labelled slice of an article's text, by character offsets.

    Make spans with :meth:`korea_kit.Article.char_span` rather than by hand:
    that checks the offsets against the article.

    >>> from korea_kit import Article
    >>> art = Article.from_text("Talks ahead\\n\\nNorth Korea is willing to talk.")
    >>> span = art.char_span(13, 24, "actor", country="PRK")
    >>> span.text
    'North Korea'
    >>> span.start, span.end, span.label, span.attrs["country"]
    (13, 24, 'actor', 'PRK')
    """

    start: int
    end: int
    label: str = ""
    attrs: Mapping[str, Any] = field(default_factory=dict)
    layer: str = ""
    _source: str = field(default="", repr=False)

    def __post_init__(self) -> None:
        need_whole(self.start, "start", "Span", low=0)
        need_whole(self.end, "end", "Span", low=0)
        if self.end < self.start:
            raise KitValueError(f"Span: end ({self.end}) comes before start ({self.start}); a span runs from start "
                                f"to end. Make spans with article.char_span(start, end).")
        need_text(self.label, "label", "Span", "person")
        need_text(self.layer, "layer", "Span", "person")
        if not isinstance(self.attrs, Mapping):
            raise KitTypeError(f"Span: attrs should be a dictionary such as {{'country': 'PRK'}}, but it is {shown(self.attrs)}.")
        if not isinstance(self._source, str):
            raise KitTypeError(f"Span: the text a span points into must be text, not {shown(self._source)}.")
        object.__setattr__(self, "attrs", _frozen(self.attrs))

    def __repr__(self) -> str:
        extra = f", layer={self.layer!r}" if self.layer else ""
        attrs = f", attrs={dict(self.attrs)!r}" if self.attrs else ""
        shown = self.text if len(self.text) <= 60 else self.text[:57] + "..."
        return f"Span({self.start}, {self.end}, {self.label!r}{extra}{attrs}, text={shown!r})"

    @property
    def text(self) -> str:
        """The characters this span covers, straight from the article."""
        return self._source[self.start : self.end]

    def __len__(self) -> int:
        return self.end - self.start

    def _key(self) -> tuple:
        return (self.start, self.end, self.label, self.layer, tuple(sorted(self.attrs.items(), key=repr)))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Span):
            return NotImplemented
        return self._key() == other._key() and self._source == other._source

    def __hash__(self) -> int:
        return hash((self.start, self.end, self.label, self.layer))

    def overlaps(self, other: "Span") -> bool:
        """True if the two spans share at least one character."""
        _need_span(other, "span.overlaps")
        return self.start < other.end and other.start < self.end

    def contains(self, other: "Span") -> bool:
        """True if ``other`` lies wholly inside this span."""
        _need_span(other, "span.contains")
        return self.start <= other.start and other.end <= self.end

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready record (brat-like): offsets, label, layer, attrs, text."""
        return {
            "layer": self.layer,
            "start": self.start,
            "end": self.end,
            "label": self.label,
            "attrs": dict(self.attrs),
            "text": self.text,
        }


def _need_span(value: Any, where: str) -> None:
    if not isinstance(value, Span):
        raise KitTypeError(f"{where}: other should be another Span (from article.char_span or article.sentences), "
                           f"but it is {shown(value)}.")


class Passages(tuple):
    """A tuple of spans that shows their text in full, one numbered passage per line (for reading in a notebook).

    Offsets stay on each span (``passage.start``, ``passage.end``) but are not shown: a reader wants the words.

    >>> from korea_kit import Article
    >>> found = Article.from_text("Head\\n\\nKim met Moon. Talks may follow.").sentences_with("talks")
    >>> found
    1 passage:
      1. Talks may follow.
    >>> found[0].start, found[0].end
    (20, 37)
    """

    def __repr__(self) -> str:
        if not self:
            return "No passage found."
        lines = [f"{len(self)} passage{'s' if len(self) != 1 else ''}:"]
        lines += [f"  {i}. {' '.join(s.text.split())}" for i, s in enumerate(self, 1)]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        from html import escape

        if not self:
            return "<p>No passage found.</p>"
        items = "".join(f"<li>{escape(s.text)}</li>" for s in self)
        return f"<ol style='max-width:46em'>{items}</ol>"


def sort_spans(spans: Iterable[Span]) -> tuple[Span, ...]:
    """Document order: by start, longer spans first when two start together."""
    return tuple(sorted(spans, key=lambda s: (s.start, -s.end, s.label)))


class Layers(Mapping[str, tuple[Span, ...]]):
    """The named span layers of one article, read-only, in document order.

    >>> from korea_kit import Article
    >>> art = Article.from_text("A headline\\n\\nOne paragraph. Two sentences.")
    >>> sorted(art.spans)
    ['boilerplate', 'dateline', 'paragraph', 'sentence']
    >>> [s.text for s in art.spans["sentence"]]
    ['A headline', 'One paragraph.', 'Two sentences.']
    """

    def __init__(self, layers: Mapping[str, Iterable[Span]] | None = None) -> None:
        self._layers: dict[str, tuple[Span, ...]] = {
            name: sort_spans(spans) for name, spans in (layers or {}).items()
        }

    def __getitem__(self, name: str) -> tuple[Span, ...]:
        known = ", ".join(sorted(self._layers)) or "none yet"
        if not isinstance(name, str):
            raise KitTypeError(f"Span layers are picked by name, such as 'sentence', not by {shown(name)}. "
                               f"The layers this article has are: {known}.")
        try:
            return self._layers[name]
        except KeyError:
            raise KitLookupError(
                f"There is no span layer called {name!r} on this article.{did_you_mean(name, self._layers)} "
                f"The layers it has are: {known}."
            ) from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._layers)

    def __len__(self) -> int:
        return len(self._layers)

    def __repr__(self) -> str:
        inside = ", ".join(f"{k}: {len(v)}" for k, v in self._layers.items())
        return f"Layers({inside})"

    def _with(self, name: str, spans: Iterable[Span]) -> "Layers":
        merged = dict(self._layers)
        merged[name] = tuple(merged.get(name, ())) + tuple(spans)
        return Layers(merged)
