"""The Article: one report's immutable text plus named layers of spans."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from .._errors import (ArticleError, KitTypeError, KitValueError, need_choice, need_flag, need_path, need_text,
                       need_whole, shown)
from ._frontmatter import parse_front_matter
from ._reading import clean_text, read_article_file
from ._render import article_html
from ._spans import Layers, Passages, Span
from ._structure import analyse

__all__ = ["Article", "load_article", "UNKNOWN", "META_FIELDS"]

UNKNOWN = "unknown"
"""The value of any piece of provenance nobody has established."""

META_FIELDS = ("outlet", "outlet_kind", "headline", "date", "url", "author", "confidence", "notes")
"""The provenance every article has (each may be ``"unknown"``)."""

_BUILT_IN_LAYERS = frozenset({"paragraph", "sentence", "boilerplate", "dateline"})


class Article:
    """One news report: its text, its provenance and its span layers.

    ``text`` is the file's text with line endings made ``\\n`` and a
    byte-order mark removed, otherwise exactly as published. It never
    changes; every annotation is a :class:`~korea_kit.Span` pointing into it.

    >>> art = Article.from_text("Kim meets Moon\\n\\nGen. Kim met Mr Moon. They spoke for an hour.")
    >>> art.title
    'Kim meets Moon'
    >>> [(p.label, p.text) for p in art.paragraphs]
    [('headline', 'Kim meets Moon'), ('body', 'Gen. Kim met Mr Moon. They spoke for an hour.')]
    >>> [s.text for s in art.sentences]
    ['Kim meets Moon', 'Gen. Kim met Mr Moon.', 'They spoke for an hour.']
    >>> art.meta["outlet"]
    'unknown'
    """

    def __init__(self, id: str, text: str, meta: Mapping[str, Any] | None = None, *, source: str | None = None, body_start: int = 0):
        if not isinstance(id, str) or not id.strip():
            raise KitTypeError(f"Article: id should be a short name in quotes, such as 'report1', but it is {shown(id)}.")
        need_text(text, "text", "Article", "Headline\n\nThe first paragraph.")
        _need_meta(meta, "Article")
        need_text(source, "source", "Article", "notes/report.txt", optional=True)
        need_whole(body_start, "body_start", "Article", low=0)
        if body_start > len(text):
            raise KitValueError(f"Article: body_start ({body_start}) is past the end of the text ({len(text)} characters).")
        self._id = id
        self._text = text
        self.source = source
        self.meta: dict[str, Any] = {field: UNKNOWN for field in META_FIELDS}
        self.meta["notes"] = ""
        self.meta.update({k: v for k, v in (meta or {}).items() if v not in (None, "")})
        self._layers = self._build_layers(body_start)
        self._fill_from_text()

    # -- construction -------------------------------------------------
    @classmethod
    def from_text(cls, text: str, id: str = "pasted", meta: Mapping[str, Any] | None = None) -> "Article":
        """Make an article from a string (pasted text, a test, a web scrape).

        >>> Article.from_text("  ")
        Traceback (most recent call last):
        ...
        korea_kit.ArticleError: pasted is empty: it has no visible text (only spaces, line breaks or invisible characters).
        """
        if not isinstance(text, str):
            hint = " To load a file, use kk.load_article(path)." if type(text).__name__ in {"PosixPath", "WindowsPath"} else ""
            raise KitTypeError(f"Article.from_text: text must be a string (the article's words in quotes), "
                               f"not {shown(text)}.{hint}")
        if not isinstance(id, str) or not id.strip():
            raise KitTypeError(f"Article.from_text: id should be a short name in quotes, such as 'report1', "
                               f"but it is {shown(id)}.")
        _need_meta(meta, "Article.from_text")
        return cls(id, clean_text(text, id), meta)

    def _build_layers(self, body_start: int) -> Layers:
        blocks, sentences, dateline = analyse(self._text, self.meta, body_start)
        make = self._span
        paragraphs, boilerplate = [], []
        if body_start:
            boilerplate.append(make(0, body_start, "front_matter", "boilerplate"))
        for n, b in enumerate(blocks):
            attrs = {"n": n, **({"kind": b.kind} if b.kind else {}), **b.attrs}
            paragraphs.append(make(b.start, b.end, b.role, "paragraph", attrs))
            if b.role == "boilerplate":
                boilerplate.append(make(b.start, b.end, b.kind, "boilerplate", b.attrs))
        sentence_spans = [make(s, e, "sentence", "sentence", {"paragraph": p}) for s, e, p in sentences]
        dateline_spans = [make(dateline[0], dateline[1], "dateline", "dateline", dateline[2])] if dateline else []
        return Layers(
            {"paragraph": paragraphs, "sentence": sentence_spans, "boilerplate": boilerplate, "dateline": dateline_spans}
        )

    def _span(self, start: int, end: int, label: str, layer: str, attrs: Mapping[str, Any] | None = None) -> Span:
        return Span(start, end, label, dict(attrs or {}), layer, self._text)

    def _fill_from_text(self) -> None:
        if self.meta.get("author", UNKNOWN) == UNKNOWN:
            byline = next((p for p in self.paragraphs if p.label == "byline"), None)
            if byline is not None:
                self.meta["author"] = byline.text.split(None, 1)[1].strip()
                self.meta["author_note"] = "read from the byline in the text"

    # -- the text and its parts ----------------------------------------
    @property
    def id(self) -> str:
        """A short name for the article: its file name without the extension."""
        return self._id

    @property
    def text(self) -> str:
        """The article's full text. Read-only: annotations point into it."""
        return self._text

    @property
    def spans(self) -> Layers:
        """All span layers by name: ``article.spans["sentence"]``."""
        return self._layers

    @property
    def paragraphs(self) -> tuple[Span, ...]:
        """Every paragraph, in order, labelled by its role.

        Labels: ``headline``, ``standfirst``, ``byline``, ``body``,
        ``subhead`` and ``boilerplate`` (page furniture, credits, embeds).
        """
        return self._layers["paragraph"]

    @property
    def body(self) -> tuple[Span, ...]:
        """Only the paragraphs of the report itself (label ``body``)."""
        return tuple(p for p in self.paragraphs if p.label == "body")

    @property
    def sentences(self) -> tuple[Span, ...]:
        """The sentences of the headline, standfirst and body (never boilerplate)."""
        return self._layers["sentence"]

    @property
    def boilerplate(self) -> tuple[Span, ...]:
        """Text that came with the page, not the report: labelled, never deleted."""
        return self._layers["boilerplate"]

    def _role(self, role: str) -> Span | None:
        return next((p for p in self.paragraphs if p.label == role), None)

    @property
    def headline(self) -> Span | None:
        """The headline paragraph, or ``None`` if the text has none."""
        return self._role("headline")

    @property
    def standfirst(self) -> Span | None:
        """The one-sentence summary under the headline, or ``None``."""
        return self._role("standfirst")

    @property
    def title(self) -> str:
        """The headline as printed; failing that, the catalogued headline or the opening words."""
        if self.headline is not None:
            return " ".join(self.headline.text.split())
        if self.meta.get("headline", UNKNOWN) != UNKNOWN:
            return str(self.meta["headline"])
        if self.sentences:
            words = self.sentences[0].text.split()
            return " ".join(words[:12]) + (" …" if len(words) > 12 else "")
        return self.id

    @property
    def word_count(self) -> int:
        """Words in the headline, standfirst and body (boilerplate not counted)."""
        return sum(len(s.text.split()) for s in self.sentences)

    # -- annotation -----------------------------------------------------
    def char_span(self, start: int, end: int, label: str = "", attrs: Mapping[str, Any] | None = None, *,
                  layer: str = "", alignment_mode: str = "strict", **more_attrs: Any) -> Span:
        """A span over ``text[start:end]``, as spaCy's ``Doc.char_span``.

        ``alignment_mode`` is ``"strict"`` (use the offsets as given),
        ``"expand"`` (grow to whole words) or ``"contract"`` (shrink to
        whole words). Extra keyword arguments become attributes.

        >>> art = Article.from_text("Moon met Kim Yong Chol in Pyeongchang.")
        >>> art.char_span(10, 15, "person", alignment_mode="expand").text
        'Kim Yong'
        >>> art.char_span(30, 99)
        Traceback (most recent call last):
        ...
        korea_kit.ArticleError: A span must lie inside the text of pasted, which has 38 characters; got start=30, end=99.
        """
        for name, value in (("start", start), ("end", end)):
            if isinstance(value, bool) or not isinstance(value, int):
                raise KitTypeError(f"article.char_span: a span's {name} must be a whole number (a character position), "
                                   f"such as 3, not {shown(value)}.")
        need_choice(alignment_mode, "alignment_mode", "article.char_span", ("strict", "expand", "contract"))
        need_text(layer, "layer", "article.char_span", "person")
        _need_meta(attrs, "article.char_span", "attrs")
        if not 0 <= start <= end <= len(self._text):
            raise ArticleError(
                f"A span must lie inside the text of {self.id}, which has {len(self._text)} characters; "
                f"got start={start}, end={end}."
            )
        if alignment_mode == "expand":
            start, end = self._expand(start, end)
        elif alignment_mode == "contract":
            start, end = self._contract(start, end)
        return self._span(start, end, str(label), layer, {**dict(attrs or {}), **more_attrs})

    def _in_word(self, i: int) -> bool:
        return 0 <= i < len(self._text) and self._text[i].isalnum()

    def _expand(self, start: int, end: int) -> tuple[int, int]:
        while self._in_word(start - 1) and self._in_word(start):
            start -= 1
        while self._in_word(end - 1) and self._in_word(end):
            end += 1
        return start, end

    def _contract(self, start: int, end: int) -> tuple[int, int]:
        while start < end and self._in_word(start - 1) and self._in_word(start):
            start += 1
        while end > start and self._in_word(end - 1) and self._in_word(end):
            end -= 1
        while start < end and not (self._text[start].isalnum() or self._text[start] in "\"“‘'(["):
            start += 1
        while end > start and self._text[end - 1].isspace():
            end -= 1
        return start, end

    def find(self, pattern: str, label: str = "match", *, regex: bool = False, case: bool = False) -> Passages:
        """Every place ``pattern`` occurs in the text, as spans (nothing is changed).

        >>> art = Article.from_text("Mr Moon met Gen Kim. Moon smiled.")
        >>> art.find("moon")
        2 passages:
          1. Moon
          2. Moon
        """
        import re

        need_text(pattern, "pattern", "article.find", "Moon")
        need_text(label, "label", "article.find", "match")
        need_flag(regex, "regex", "article.find")
        need_flag(case, "case", "article.find")
        flags = 0 if case else re.IGNORECASE
        try:
            compiled = re.compile(pattern if regex else re.escape(pattern), flags)
        except re.error as exc:
            raise ArticleError(f"{pattern!r} is not a valid regular expression ({exc}).") from None
        return Passages(self._span(m.start(), m.end(), label, "match") for m in compiled.finditer(self._text) if m.end() > m.start())

    def sentences_with(self, pattern: str, *, regex: bool = False, case: bool = False) -> Passages:
        """The sentences that contain ``pattern``: the quickest way to find a claim in its context.

        >>> art = Article.from_text("Head\\n\\nSanctions hit 28 vessels. Talks may follow.")
        >>> art.sentences_with("vessels")
        1 passage:
          1. Sanctions hit 28 vessels.
        """
        need_text(pattern, "pattern", "article.sentences_with", "sanctions")
        need_flag(regex, "regex", "article.sentences_with")
        need_flag(case, "case", "article.sentences_with")
        hits = self.find(pattern, regex=regex, case=case)
        return Passages(s for s in self.sentences if any(s.start <= h.start < s.end for h in hits))

    def add_spans(self, layer: str, spans: Iterable[Span]) -> None:
        """Add spans to a layer of this article (a new layer is created as needed).

        The built-in layers (paragraph, sentence, boilerplate, dateline) are
        computed from the text and cannot be changed.

        >>> art = Article.from_text("Moon met Kim.")
        >>> art.add_spans("person", [art.char_span(0, 4, "PER"), art.char_span(9, 12, "PER")])
        >>> [s.text for s in art.spans["person"]]
        ['Moon', 'Kim']
        """
        need_text(layer, "layer", "article.add_spans", "person")
        if not layer.strip():
            raise KitValueError("article.add_spans: layer is empty; give the layer a name, such as 'person'.")
        if isinstance(spans, (str, Span)) or not hasattr(spans, "__iter__"):
            raise KitTypeError(f"article.add_spans: spans should be a list of spans (from article.char_span), "
                               f"but it is {shown(spans)}. Put even one span in a list: [span].")
        if layer in _BUILT_IN_LAYERS:
            raise ArticleError(f"The {layer!r} layer is worked out from the text and cannot be changed; use another layer name.")
        checked = []
        for span in spans:
            if not isinstance(span, Span) or span._source != self._text:
                raise ArticleError(f"Only spans made from {self.id} (with article.char_span) can be added to it.")
            checked.append(Span(span.start, span.end, span.label, span.attrs, layer, self._text))
        self._layers = self._layers._with(layer, checked)

    def spans_frame(self, layer: str = "sentence"):
        """One row per span of ``layer``, as a pandas DataFrame.

        >>> Article.from_text("Head\\n\\nOne. Two.").spans_frame()[["label", "text"]]
              label  text
        0  sentence  Head
        1  sentence  One.
        2  sentence  Two.
        """
        from .._display import pandas as _pandas

        pd = _pandas()
        if not isinstance(layer, str):
            raise KitTypeError(f"article.spans_frame: layer should be a layer name in quotes, such as 'sentence', "
                               f"but it is {shown(layer)}. The layers are: {', '.join(sorted(self.spans))}.")
        rows = [
            {"article_id": self.id, "layer": layer, "n": i, "label": s.label, "start": s.start, "end": s.end,
             "text": s.text, **{k: v for k, v in s.attrs.items() if k not in {"rule"}}}
            for i, s in enumerate(self.spans[layer])
        ]
        base = ["article_id", "layer", "n", "label", "start", "end", "text"]
        return pd.DataFrame(rows, columns=base + sorted({k for r in rows for k in r} - set(base)))

    # -- display ----------------------------------------------------------
    def __repr__(self) -> str:
        outlet = self.meta.get("outlet", UNKNOWN)
        return f"<Article {self.id}: {self.title!r} ({outlet}), {len(self.body)} body paragraphs>"

    def _repr_html_(self) -> str:
        return article_html(self)


def _need_meta(meta: Any, where: str, name: str = "meta") -> None:
    if meta is not None and not isinstance(meta, Mapping):
        raise KitTypeError(f"{where}: {name} should be a dictionary such as {{'outlet': 'Reuters'}}, or None, "
                           f"but it is {shown(meta)}.")


def load_article(path: str | Path, *, encoding: str | None = None, meta: Mapping[str, Any] | None = None) -> Article:
    """Load one article file (``.txt`` or ``.md``) into an :class:`Article`.

    Metadata comes from ``meta`` (for example a catalog row) and, for
    Markdown files, from front matter, which wins. Bad files raise
    :class:`~korea_kit.ArticleError` with a message that names the file.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "wire.md"
    >>> _ = p.write_text("---\\noutlet: Reuters\\n---\\nHeadline here\\n\\nSEOUL (Reuters) - Talks.", "utf-8")
    >>> art = load_article(p)
    >>> art.id, art.title, art.meta["outlet"]
    ('wire', 'Headline here', 'Reuters')
    """
    path = need_path(path, "path", "load_article", "notes/report.txt")
    need_text(encoding, "encoding", "load_article", "cp1252", optional=True)
    _need_meta(meta, "load_article")
    text = read_article_file(path, encoding)
    merged = dict(meta or {})
    body_start = 0
    if path.suffix.lower() in {".md", ".markdown"}:
        front, body_start = parse_front_matter(text, str(path))
        merged.update(front)
        if not text[body_start:].strip():
            raise ArticleError(f"{path} has front matter but no article text after it.")
    merged.setdefault("file", path.name)
    return Article(path.stem, text, merged, source=str(path), body_start=body_start)
