"""A draft read for feedback: its headline, its body as an :class:`~korea_kit.Article`, its quotations, and the
corpus its quotations are traced against.

The draft's Markdown is turned into plain text (markup removed, ``## `` section headings left out, list items and
blockquotes as paragraphs) and made into an article with the text room's public
:meth:`korea_kit.Article.from_text`, so the kit's own extractor (:func:`korea_kit.quotes`), frame cues and
certainty scores read it like any report. A blockquote without quotation marks is put in quotation marks: it is
a quotation.

>>> draft = read_draft("# Moon meets Kim\\n\\nMoon said on Sunday that \\"North Korea is willing\\".")
>>> draft.headline, draft.word_count, [q.text for q in draft.quotations()]
('Moon meets Kim', 9, ['North Korea is willing'])
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from typing import NamedTuple

from .._errors import KitTypeError, shown
from ..text import Article, Corpus, load_corpus
from ._data import target, words
from ._markdown import clean, headline_of, inline_plain, parse

__all__ = ["Draft", "read_draft", "Quotation", "CorpusIndex", "need_draft", "need_corpus", "normalise"]

UNTITLED = "Untitled draft"
# Quotations in every common style: “double”, "straight", ‘single’, 'straight single' (an apostrophe inside a word,
# as in "won't", does not end one), «guillemets», „German“ and 「corner brackets」.
_QUOTES = re.compile(r"“([^“”\n]+)”|\"([^\"\n]+)\"|‘((?:[^‘’\n]|(?<=\w)’(?=\w))+)’(?!\w)"
                     r"|(?<!\w)'((?:[^'\n]|(?<=\w)'(?=\w))+)'(?!\w)|«\s*([^«»\n]+?)\s*»|„([^„“”\n]+)[“”]|「([^「」\n]+)」")
_SPLIT_PIECES = re.compile(r"\.\s*\.\s*\.|…|\[[^\]]*\]")
_EDGE = " \t\n.,;:!?'\"-"


def normalise(text: str) -> str:
    """Text as quotations are compared: quote marks and dashes made plain, spaces folded, case ignored.

    >>> normalise("“We’re  READY,”")
    '"we\\'re ready,"'
    """
    return " ".join(text.translate(_marks()).casefold().split())


@lru_cache(maxsize=1)
def _marks() -> dict[int, str]:
    """Curly quotation marks, primes and dashes -> plain ones (``plain_marks`` of data/writing_words.json)."""
    return str.maketrans(words("plain_marks"))


class Quotation(NamedTuple):
    """One quotation of the draft: its words (without the marks) and its pieces to trace."""

    text: str
    pieces: tuple[str, ...]


class Draft:
    """A draft as the feedback reads it (see the module's documentation)."""

    def __init__(self, markdown: str):
        markdown = clean(markdown)
        self.markdown = markdown
        self.headline = headline_of(markdown)
        blocks = parse(markdown)
        first_h1 = next((i for i, b in enumerate(blocks) if b.kind == "h1"), None)
        if first_h1 is None and self.headline:  # the headline is the first line: drop it from the body
            rest = markdown.lstrip().split("\n", 1)
            blocks = parse(rest[1] if len(rest) > 1 else "")
        elif first_h1 is not None:
            blocks = blocks[:first_h1] + blocks[first_h1 + 1:]
        self.paragraphs: list[str] = []
        for block in blocks:
            if block.kind.startswith("h"):
                continue  # section headings ("## Background") are signposts, not the report
            items = block.text.split("\n") if block.kind in {"ul", "ol"} else [block.text]
            for item in items:
                plain = " ".join(inline_plain(item).split())
                if block.kind == "quote" and not _QUOTES.search(plain):
                    plain = f"“{plain}”"
                if plain:
                    self.paragraphs.append(plain)
        self.word_count = sum(len(p.split()) for p in self.paragraphs)
        self.empty = not self.headline and not self.paragraphs
        self.article: Article | None = None
        self.body_start = 0
        if not self.empty:
            head = self.headline or UNTITLED
            text = "\n\n".join([head, *self.paragraphs])
            self.article = Article.from_text(text, id="draft")
            self.body_start = len(head) + 2 if self.paragraphs else len(text)

    def body_sentences(self):
        """The sentences under the headline, as spans of :attr:`article`."""
        if self.article is None:
            return []
        return [s for s in self.article.sentences if s.start >= self.body_start]

    def quotations(self) -> list[Quotation]:
        """Every quotation in quotation marks (any of the usual styles) under the headline, in order."""
        if self.article is None:
            return []
        found = []
        for m in _QUOTES.finditer(self.article.text, self.body_start):
            words = next(g for g in m.groups() if g is not None).strip()
            pieces = tuple(p for p in (normalise(part).strip(_EDGE) for part in _SPLIT_PIECES.split(words)) if p)
            if pieces:
                found.append(Quotation(words, pieces))
        return found

    def quote_spans(self) -> list[tuple[int, int]]:
        """Where the quotations are in :attr:`article`'s text (start, end), marks included."""
        return [m.span() for m in _QUOTES.finditer(self.article.text)] if self.article is not None else []


def read_draft(markdown: str) -> Draft:
    """The :class:`Draft` of some Markdown text (checked with :func:`need_draft` first by public functions)."""
    return Draft(markdown)


def need_draft(draft, where: str) -> str:
    """``draft`` if it is text; otherwise a KitTypeError that names the argument.

    >>> need_draft(None, "brief_feedback")
    Traceback (most recent call last):
    ...
    korea_kit.KitTypeError: brief_feedback: draft should be your explainer as text (Markdown), such as '# Headline\\n\\nFirst paragraph.', but it is None.
    """
    if isinstance(draft, str):
        return draft
    hint = ""
    if isinstance(draft, (Article, Corpus)):
        hint = " To get feedback on a report, give its text: article.text."
    raise KitTypeError(f"{where}: draft should be your explainer as text (Markdown), such as "
                       f"'# Headline\\n\\nFirst paragraph.', but it is {shown(draft)}.{hint}")


def need_corpus(corpus, where: str) -> list[Article]:
    """The articles of ``corpus`` (``None``: :func:`korea_kit.load_corpus`, which honours ``KOREA_KIT_CORPUS``).

    >>> need_corpus("seeds", "brief_feedback")
    Traceback (most recent call last):
    ...
    korea_kit.KitTypeError: brief_feedback: corpus should be None (the course's reports), a corpus from kk.load_corpus(folder), one article or a list of articles, but it is 'seeds' (text). To use a folder, load it first: kk.load_corpus('seeds').
    """
    if corpus is None:
        corpus = load_corpus()
    if isinstance(corpus, Article):
        return [corpus]
    if isinstance(corpus, Corpus):
        return list(corpus)
    if isinstance(corpus, (list, tuple)) and all(isinstance(a, Article) for a in corpus):
        return list(corpus)
    hint = f" To use a folder, load it first: kk.load_corpus({corpus!r})." if isinstance(corpus, str) and \
        len(corpus) < 100 else ""
    raise KitTypeError(f"{where}: corpus should be None (the course's reports), a corpus from kk.load_corpus(folder), "
                       f"one article or a list of articles, but it is {shown(corpus)}.{hint}")


def _runs(words: list[str], n: int) -> set[bytes]:
    return {hashlib.blake2b(" ".join(words[i:i + n]).encode(), digest_size=8).digest()
            for i in range(len(words) - n + 1)}


class CorpusIndex:
    """The corpus prepared once for tracing: each article's normalised text and its runs of words.

    >>> import korea_kit as kk
    >>> index = CorpusIndex(list(kk.load_corpus()))
    >>> [a.id[:3] for a in index.trace(("no pressure comes off",))]
    ['003']
    """

    def __init__(self, articles: list[Article]):
        self.articles = articles
        self._texts = [normalise(a.text) for a in articles]
        self.run = int(target("export", "shared_run"))
        self._runs = [_runs(re.findall(r"\w+", t), self.run) for t in self._texts]

    def trace(self, pieces: tuple[str, ...]) -> list[Article]:
        """The articles whose text holds every piece of a quotation."""
        return [a for a, text in zip(self.articles, self._texts) if all(p in text for p in pieces)]

    def sharing_runs(self, text: str) -> list[Article]:
        """The articles that share a run of words (``export,shared_run`` in writing_targets.csv) with ``text``."""
        mine = _runs(re.findall(r"\w+", normalise(text)), self.run)
        return [a for a, runs in zip(self.articles, self._runs) if mine & runs]
