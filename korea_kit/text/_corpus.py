"""A Corpus: the articles of one folder, with their catalog, as a few readable tables."""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterable, Iterator
from html import escape
from importlib import resources
from pathlib import Path

from ._article import META_FIELDS, Article, load_article
from ._catalog import read_catalog, warn_unmatched
from ._render import HTML, side_by_side_html
from .._errors import (ArticleError, ArticleWarning, KitLookupError, KitTypeError, did_you_mean, need_choice, need_flag,
                       need_path, need_text, shown)

__all__ = ["Corpus", "load_corpus", "seeds_folder", "default_corpus_folder", "ARTICLE_SUFFIXES"]

ARTICLE_SUFFIXES = (".txt", ".md")
_OWN_COLUMNS = {"id", "title", "paragraphs", "words"}


def seeds_folder() -> Path:
    """Where the bundled seed articles are, in a source checkout or an installed wheel.

    >>> (seeds_folder() / "catalog.csv").exists()
    True
    """
    installed = Path(str(resources.files("korea_kit"))) / "seeds"
    if installed.is_dir():
        return installed
    checkout = Path(__file__).resolve().parents[2] / "seeds"
    if checkout.is_dir():
        return checkout
    raise ArticleError("The bundled seed articles are missing from this installation of korea_kit; reinstall it.")


class Corpus:
    """An ordered collection of articles, looked up by id.

    >>> corpus = load_corpus()
    >>> len(corpus)
    3
    >>> corpus["001"].meta["outlet"]
    'ITV News'
    >>> [a.id[:3] for a in corpus]
    ['000', '001', '003']
    """

    def __init__(self, articles: Iterable[Article], folder: Path | None = None):
        if isinstance(articles, Article):
            raise KitTypeError("Corpus: articles should be a list of articles; put even one article in a list: "
                               "kk.Corpus([article]).")
        if isinstance(articles, (str, bytes, Path)) or not hasattr(articles, "__iter__"):
            raise KitTypeError(f"Corpus: articles should be a list of articles, such as [article1, article2], but it "
                               f"is {shown(articles)}. To load a folder of files, use kk.load_corpus(folder).")
        self._articles = list(articles)
        for i, a in enumerate(self._articles):
            if not isinstance(a, Article):
                raise KitTypeError(f"Corpus: every item of articles must be an Article, but item {i} is {shown(a)}. "
                                   f"Make articles with kk.load_article(path) or kk.Article.from_text(text).")
        self.folder = None if folder is None else need_path(folder, "folder", "Corpus", "my_articles")
        seen: set[str] = set()
        dupes = sorted({a.id for a in self._articles if a.id in seen or seen.add(a.id)})
        if dupes:
            raise ArticleError(
                f"Two articles share the id {dupes[0]!r} (for example a .txt and a .md with the same name); rename one."
            )

    def __len__(self) -> int:
        return len(self._articles)

    def __iter__(self) -> Iterator[Article]:
        return iter(self._articles)

    @property
    def ids(self) -> list[str]:
        """The article ids, in order."""
        return [a.id for a in self._articles]

    def __getitem__(self, key: int | str) -> Article:
        """``corpus[0]``, ``corpus["001_2d17110a08b0926d"]`` or a unique start of an id: ``corpus["001"]``.

        >>> corpus = load_corpus()
        >>> corpus[-1].id, corpus["003"].id
        ('003_46fde5033e6a92f2', '003_46fde5033e6a92f2')
        >>> corpus["Reuters"]
        Traceback (most recent call last):
        ...
        korea_kit.KitLookupError: No article has the id 'Reuters'. The ids are: 000_e8b4f7a2d72eebd2, 001_2d17110a08b0926d, 003_46fde5033e6a92f2.
        """
        if isinstance(key, int) and not isinstance(key, bool):
            if -len(self) <= key < len(self):
                return self._articles[key]
            raise KitLookupError(self._how_to_pick(f"There is no article at position {key}."))
        if isinstance(key, Article) and key in self._articles:
            return key
        if not isinstance(key, str):
            raise KitTypeError(self._how_to_pick(f"Articles are picked by position or id, not by {shown(key)}."))
        exact = [a for a in self._articles if a.id == key or (a.source and Path(a.source).name == key)]
        if exact:
            return exact[0]
        starts = [a for a in self._articles if a.id.startswith(key)] if key else []
        if len(starts) == 1:
            return starts[0]
        if starts:
            raise KitLookupError(f"{key!r} could be any of {', '.join(a.id for a in starts)}; type more of the id.")
        hint = did_you_mean(key, self.ids)
        raise KitLookupError(f"No article has the id {key!r}.{hint} The ids are: {', '.join(self.ids)}.")

    def _how_to_pick(self, problem: str) -> str:
        if not self._articles:
            return f"{problem} This corpus is empty."
        example = self.ids[0][:3] if len(self.ids[0]) > 3 else self.ids[0]
        return (f"{problem} This corpus has {len(self)} article{'s' if len(self) != 1 else ''}: give a position from "
                f"0 to {len(self) - 1}, or an id such as {example!r}.")

    def __contains__(self, key: object) -> bool:
        try:
            self[key]  # type: ignore[index]
        except (KeyError, IndexError, TypeError):
            return False
        return True

    def __repr__(self) -> str:
        where = f" from {self.folder.name}/" if self.folder else ""
        return f"<Corpus of {len(self)} articles{where}: {', '.join(self.ids)}>"

    # -- tables ---------------------------------------------------------
    def to_frame(self):
        """One row per article, with its provenance as columns.

        >>> load_corpus().to_frame()[["outlet", "date"]]
                                          outlet        date
        id...
        000_e8b4f7a2d72eebd2  BuzzFeed News (UK desk)  2018-02-25
        001_2d17110a08b0926d                 ITV News  2018-02-25
        003_46fde5033e6a92f2              IR Insider  2018-02-26
        """
        from .._display import pandas as _pandas

        pd = _pandas()
        rows = []
        if not self._articles:
            return pd.DataFrame(columns=["id", "title", *META_FIELDS, "paragraphs", "words"]).set_index("id")
        for a in self._articles:
            # Metadata can never overwrite the table's own columns (an "id:" line in front matter, say).
            extra = {k: v for k, v in a.meta.items() if k not in META_FIELDS and k not in _OWN_COLUMNS}
            rows.append({"id": a.id, "title": a.title, **{f: a.meta.get(f) for f in META_FIELDS}, **extra,
                         "paragraphs": len(a.body), "words": a.word_count})
        return pd.DataFrame(rows).set_index("id")

    def spans_frame(self, layer: str = "sentence"):
        """One row per span of ``layer`` across all articles (a long table)."""
        from .._display import pandas as _pandas

        pd = _pandas()
        if not isinstance(layer, str):
            raise KitTypeError(f"corpus.spans_frame: layer should be a layer name in quotes, such as 'sentence', "
                               f"but it is {shown(layer)}.")
        frames = [a.spans_frame(layer) for a in self._articles if layer in a.spans]
        if not frames and self._articles:
            known = sorted({name for a in self._articles for name in a.spans})
            hint = " Add quotes with kk.annotate_quotes(article) first." if layer in {"quote", "source"} else ""
            raise KitLookupError(f"No article in this corpus has a span layer called {layer!r}."
                                 f"{did_you_mean(layer, known)} The layers are: {', '.join(known)}.{hint}")
        if not frames:
            return pd.DataFrame(columns=["article_id", "layer", "n", "label", "start", "end", "text"])
        return pd.concat(frames, ignore_index=True)

    def paragraphs_frame(self):
        """Every paragraph of every article, labelled with its role (a long table)."""
        return self.spans_frame("paragraph")

    def sentences_frame(self):
        """Every sentence of every article (a long table)."""
        return self.spans_frame("sentence")

    def headlines(self):
        """The headline of each article next to its outlet, with its length in words.

        >>> load_corpus().headlines()["words"].tolist()
        [13, 8, 9]
        """
        from .._display import pandas as _pandas

        pd = _pandas()
        if not self._articles:
            return pd.DataFrame(columns=["id", "outlet", "headline", "words"]).set_index("id")
        return pd.DataFrame(
            [{"id": a.id, "outlet": a.meta.get("outlet"), "headline": a.title, "words": len(a.title.split())} for a in self]
        ).set_index("id")

    def sentences_with(self, pattern: str, *, regex: bool = False, case: bool = False):
        """The sentences of every article that contain ``pattern``: to trace a quotation or a claim across reports.

        One row per sentence, with the article's id and outlet; an empty table when no report has it.

        >>> load_corpus().sentences_with("running amok")["outlet"].tolist()
        ['BuzzFeed News (UK desk)']
        """
        from .._display import pandas as _pandas

        need_text(pattern, "pattern", "corpus.sentences_with", "running amok")
        need_flag(regex, "regex", "corpus.sentences_with")
        need_flag(case, "case", "corpus.sentences_with")
        pd = _pandas()
        rows = [{"article": a.id, "outlet": a.meta.get("outlet"), "sentence": s.text}
                for a in self for s in a.sentences_with(pattern, regex=regex, case=case)]
        return pd.DataFrame(rows, columns=["article", "outlet", "sentence"])

    def side_by_side(self, ids: Iterable[str] | None = None):
        """The articles in columns, to read and compare them together (all text escaped)."""
        if isinstance(ids, (str, int)) and not isinstance(ids, bool):
            ids = [ids]  # one id or position is a list of one
        if ids is not None and not hasattr(ids, "__iter__"):
            raise KitTypeError(self._how_to_pick(f"corpus.side_by_side: ids should be a list of ids, such as "
                                                 f"['000', '001'], but it is {shown(ids)}."))
        chosen = list(self) if ids is None else [self[i] for i in ids]
        return HTML(side_by_side_html(chosen))

    def _repr_html_(self) -> str:
        head = "<tr><th>id</th><th>outlet</th><th>date</th><th>headline</th></tr>"
        rows = "".join(
            f"<tr><td>{escape(a.id)}</td><td>{escape(str(a.meta.get('outlet')))}</td>"
            f"<td>{escape(str(a.meta.get('date')))}</td><td style='text-align:left'>{escape(a.title)}</td></tr>"
            for a in self._articles
        )
        return f"<p>A corpus of {len(self)} articles</p><table>{head}{rows}</table>"


def default_corpus_folder() -> Path:
    """The folder ``load_corpus()`` reads when given none: ``$KOREA_KIT_CORPUS`` if set, else the seeds.

    >>> import tempfile
    >>> from unittest import mock
    >>> class_folder = tempfile.mkdtemp()
    >>> with mock.patch.dict("os.environ", {"KOREA_KIT_CORPUS": class_folder}):
    ...     default_corpus_folder().as_posix() == class_folder
    True
    >>> default_corpus_folder() == seeds_folder()
    True
    """
    chosen = os.environ.get("KOREA_KIT_CORPUS", "").strip()
    if not chosen:
        return seeds_folder()
    folder = Path(chosen).expanduser()
    if not folder.is_dir():
        raise ArticleError(f"The environment variable KOREA_KIT_CORPUS names {folder}, which is not a folder. "
                           f"Ask your instructor, or unset KOREA_KIT_CORPUS to use the bundled articles.")
    return folder


def _article_files(folder: Path) -> tuple[list[Path], list[Path]]:
    files, skipped = [], []
    try:
        listing = sorted(folder.iterdir(), key=lambda p: p.name)  # names compare in C; Paths would be n log n in Python
    except OSError as exc:
        raise ArticleError(f"The folder {folder} could not be opened ({exc.strerror or exc}).") from None
    for path in listing:
        if path.name.startswith((".", "_")) or path.is_dir() or path.stem.lower() == "readme":
            continue
        if path.suffix.lower() in ARTICLE_SUFFIXES:
            files.append(path)
        elif path.suffix.lower() not in {".csv", ".json"}:
            skipped.append(path)
    return files, skipped


def load_corpus(folder: str | Path | None = None, *, errors: str = "raise", encoding: str | None = None) -> Corpus:
    """Load every ``.txt`` and ``.md`` article in ``folder`` (by default, the class corpus: see below).

    With no ``folder``, the corpus is the folder named by the environment
    variable ``KOREA_KIT_CORPUS`` when an instructor has set it (so that every
    notebook reads the class's own articles without a change to any cell),
    and otherwise the bundled seed articles.

    Provenance comes from the folder's ``catalog.csv`` when there is one.
    With ``errors="raise"`` (the default) one bad file stops the load, and
    the error lists every bad file; with ``errors="skip"`` bad files are
    left out with a warning that names them.

    >>> corpus = load_corpus()
    >>> corpus.to_frame()["outlet_kind"].tolist()
    ['digital-native news site', 'broadcaster', 'student publication']
    """
    need_choice(errors, "errors", "load_corpus", ("raise", "skip"))
    need_text(encoding, "encoding", "load_corpus", "cp1252", optional=True)
    folder = default_corpus_folder() if folder is None else need_path(folder, "folder", "load_corpus", "my_articles")
    if not folder.is_dir():
        what = "there is nothing at this path" if not folder.exists() else "it is a file or a device"
        raise ArticleError(f"{folder} is not a folder ({what}). Give load_corpus the folder that holds your .txt or .md "
                           f"articles; to load one file, use kk.load_article(path).")
    catalog = read_catalog(folder)
    files, skipped = _article_files(folder)
    if skipped:
        warnings.warn(
            f"load_corpus skipped files in {folder} that are not .txt or .md articles: "
            f"{', '.join(p.name for p in skipped)}.",
            ArticleWarning,
            stacklevel=2,
        )
    warn_unmatched(folder, catalog, files)
    articles, problems = [], []
    for path in files:
        try:
            articles.append(load_article(path, encoding=encoding, meta=catalog.get(path.name)))
        except ArticleError as exc:
            problems.append(str(exc))
    if problems and errors == "raise":
        listed = "\n  - ".join(problems)
        raise ArticleError(f"{len(problems)} file(s) in {folder} could not be loaded:\n  - {listed}")
    if problems:
        warnings.warn("Skipped files that could not be loaded:\n  - " + "\n  - ".join(problems), ArticleWarning, stacklevel=2)
    if not articles:
        raise ArticleError(f"{folder} holds no article files (.txt or .md) to load.")
    return Corpus(articles, folder)
