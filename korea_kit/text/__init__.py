"""The text room: reading files, front matter, catalogs, segmentation, spans, Article, Corpus and HTML views.

Everything else in korea_kit builds on this package; it imports nothing
from the other rooms.
"""

from ._article import META_FIELDS, UNKNOWN, Article, load_article
from ._corpus import ARTICLE_SUFFIXES, Corpus, load_corpus, seeds_folder
from ._reading import MAX_BYTES
from ._render import HTML
from ._spans import Layers, Passages, Span

__all__ = ["Article", "load_article", "Corpus", "load_corpus", "seeds_folder", "Span", "Layers", "Passages", "HTML",
           "META_FIELDS", "UNKNOWN", "ARTICLE_SUFFIXES", "MAX_BYTES"]
