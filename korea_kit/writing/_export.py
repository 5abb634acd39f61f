"""Export an explainer: ``<slug>.md`` and a standalone ``<slug>.html`` with its sources, written atomically.

The HTML page is complete on its own (doctype, language, character set, title, a little CSS) and renders the
Markdown subset of :mod:`._markdown`; **every character of the draft and of the sources' provenance is
escaped**, so a draft holding ``<script>`` shows those characters and never runs them. After the draft comes
"Sources": the corpus articles the draft quotes (its quotations traced to them), names (their outlet) or draws
on (a run of words in common), with outlet, headline, date, URL and the provenance notes of ``article.meta``.

>>> import tempfile
>>> link = export_brief("# Talks <maybe>\\n\\nPence said \\"no pressure comes off\\".", tempfile.mkdtemp())
>>> link.path.name, link.markdown_path.name, [a.id[:3] for a in link.sources]
('talks-maybe.html', 'talks-maybe.md', ['003'])
>>> "&lt;maybe&gt;" in link.path.read_text("utf-8")
True
"""

from __future__ import annotations

import base64
import errno
import os
import re
import unicodedata
from html import escape
from pathlib import Path

from .._errors import KitValueError, need_path, need_text
from ..text import UNKNOWN
from ..work._files import write_atomically
from ._draft import CorpusIndex, need_corpus, need_draft
from ._feedback import feedback_with_index
from ._markdown import clean, escape_markdown, headline_of, markdown_html

__all__ = ["export_brief", "BriefExport", "slug", "brief_page", "brief_markdown"]

_STYLE = ("body{font-family:Georgia,'Times New Roman',serif;max-width:42em;margin:2em auto;padding:0 1em;"
          "line-height:1.55;color:#222}h1{font-size:1.9em;line-height:1.2}h2{font-size:1.25em;margin-top:1.6em}"
          "blockquote{border-left:4px solid #ccc;margin:1em 0;padding:0 1em;color:#444}"
          ".sources{border-top:1px solid #ccc;margin-top:2.5em;font-size:0.92em}.note{color:#555}"
          "footer{color:#767676;font-size:0.8em;margin-top:2em}")
_HTML_MARK = "Written with korea-kit's brief writer."
_MD_MARK = "<!-- Written with korea-kit's brief writer. -->"
_PROVENANCE = (("outlet_kind", "kind of outlet"), ("date_note", "date"), ("author", "author"),
               ("author_note", "author"), ("confidence", "confidence"), ("notes", "notes"))


_RESERVED = re.compile(r"(?:con|prn|aux|nul|com\d|lpt\d)", re.IGNORECASE)  # names Windows keeps for devices


def slug(text: str, fallback: str = "brief") -> str:
    """A file name made of the words of ``text``: letters and digits joined by hyphens, at most 60 characters.

    Accents are taken off Latin letters; other scripts (Hangul, Arabic, ...) are kept as they are. A name Windows
    keeps for a device (``con``, ``nul``, ``com1``...) gets ``-brief`` after it.

    >>> slug("North Korea: ‘Willing’ to talk?"), slug("김민지 보고서"), slug("Café <b>"), slug("CON"), slug("../..")
    ('north-korea-willing-to-talk', '김민지-보고서', 'cafe-b', 'con-brief', 'brief')
    """
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    words = re.findall(r"[^\W_]+", unicodedata.normalize("NFC", plain).casefold())
    out = ""
    for word in words:
        if not out and len(word) > 60:
            return word[:60]
        if len(out) + len(word) + 1 > 60:
            break
        out = f"{out}-{word}" if out else word
    if _RESERVED.fullmatch(out):
        out += "-brief"
    return out or fallback


def _url_html(url: str) -> str:
    if url.lower().startswith(("http://", "https://")):
        return f'<a href="{escape(url)}" rel="noopener noreferrer">{escape(url)}</a>'
    return escape(url)


def _meta(article, key: str) -> str:
    value = article.meta.get(key, "")
    return "" if value in (None, "", UNKNOWN) else " ".join(str(value).split())


def _source_html(article) -> str:
    outlet = _meta(article, "outlet") or "Unknown outlet"
    headline = _meta(article, "headline") or article.title
    date, url = _meta(article, "date") or "date unknown", _meta(article, "url")
    notes = "; ".join(f"{label}: {_meta(article, key)}" for key, label in _PROVENANCE if _meta(article, key))
    return (f"<li><b>{escape(outlet)}</b>, “{escape(headline)}”, {escape(date)}."
            + (f" {_url_html(url)}" if url else "")
            + (f"<br><span class='note'>{escape(notes)}</span>" if notes else "") + "</li>")


def _source_markdown(article) -> str:
    outlet = _meta(article, "outlet") or "Unknown outlet"
    headline = _meta(article, "headline") or article.title
    date, url = _meta(article, "date") or "date unknown", _meta(article, "url")
    line = f"- **{escape_markdown(outlet)}**, “{escape_markdown(headline)}”, {escape_markdown(date)}."
    if url.lower().startswith(("http://", "https://")) and re.fullmatch(r"[^\s()<>]+", url):
        line += f" [{escape_markdown(url)}]({url})"
    elif url:
        line += f" {escape_markdown(url)}"
    notes = "; ".join(f"{label}: {_meta(article, key)}" for key, label in _PROVENANCE if _meta(article, key))
    return line + (f" {escape_markdown(notes)}" if notes else "")


def brief_page(draft: str, sources) -> str:
    """The standalone HTML page of a draft and its sources (every piece of text escaped).

    >>> page = brief_page("# <script>alert(1)</script>", [])
    >>> "<script>" in page, page.startswith("<!DOCTYPE html>")
    (False, True)
    """
    title = headline_of(draft) or "Untitled draft"
    listed = "\n".join(_source_html(a) for a in sources) or "<li>No report from the corpus is quoted or named.</li>"
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            f"<title>{escape(title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n<article>\n"
            f"{markdown_html(draft)}\n</article>\n<section class=\"sources\">\n<h2>Sources</h2>\n<ol>\n{listed}\n</ol>\n"
            f"</section>\n<footer><p>{_HTML_MARK} Quotations were checked against the "
            "reports listed above.</p></footer>\n</body>\n</html>\n")


_UNSAFE_LINK = re.compile(r"(?<!\\)(!?)\[([^\[\]\n]*)\]\((?!\s*(?:https?:|mailto:|#))")


def _markdown_safe(text: str) -> str:
    """``<`` escaped wherever it is not escaped yet (an even run of backslashes before it escapes only them), and
    a link to anything but http(s), mailto or a heading (``javascript:``, ``data:``) made plain text."""
    text = re.sub(r"(\\*)<", lambda m: m.group(1) + ("\\" if len(m.group(1)) % 2 == 0 else "") + "<", text)
    return _UNSAFE_LINK.sub(lambda m: f"{m.group(1)}\\[{m.group(2)}\\](", text)


def brief_markdown(draft: str, sources) -> str:
    """The draft as Markdown (``<`` escaped, so no viewer reads it as HTML; no ``javascript:`` link), then its sources.

    >>> brief_markdown("# Hi <b>", []).splitlines()[:5]
    ['# Hi \\\\<b>', '', '## Sources', '', '- No report from the corpus is quoted or named.']
    >>> print(brief_markdown(r"a \\\\<i> [x](javascript:alert(1)) [y](https://a.org)", []).splitlines()[0])
    a \\\\\\<i> \\[x\\](javascript:alert(1)) [y](https://a.org)
    """
    text = _markdown_safe(clean(draft)).strip()
    listed = "\n".join(_source_markdown(a) for a in sources) or "- No report from the corpus is quoted or named."
    return f"{text}\n\n## Sources\n\n{listed}\n\n{_MD_MARK}\n"


class BriefExport:
    """Where the export went (``path``: the HTML page; ``markdown_path``), with download links in JupyterLab.

    ``replaced`` lists the files of an earlier export that were written over; ``kept`` the files with the
    wanted name that were not korea-kit exports, so they were left alone and a new name was taken.
    """

    def __init__(self, path: Path, markdown_path: Path, sources, *, replaced=(), kept=(), data=None):
        self.path = path
        self.markdown_path = markdown_path
        self.sources = list(sources)
        self.replaced = [Path(p).name for p in replaced]
        self.kept = [Path(p).name for p in kept]
        self._data = dict(data or {})  # the bytes written, so the links work even if the files move later

    def _notes(self) -> str:
        notes = ""
        if self.replaced:
            notes += f" It replaced your earlier export ({', '.join(self.replaced)})."
        if self.kept:
            notes += (f" {', '.join(self.kept)} already existed and {'is' if len(self.kept) == 1 else 'are'} not a "
                      "korea-kit export, so it was left alone and your brief got a new name.")
        return notes

    def __repr__(self) -> str:
        return (f"Saved your brief as {self.path.name} and {self.markdown_path.name} in {self.path.parent} "
                f"({len(self.sources)} sources listed).{self._notes()}")

    def _repr_html_(self) -> str:
        links = []
        for path, kind in ((self.path, "text/html"), (self.markdown_path, "text/markdown")):
            raw = self._data.get(path)
            if raw is None:
                try:
                    raw = path.read_bytes()
                except OSError:
                    continue
            data = base64.b64encode(raw).decode("ascii")
            name = escape(path.name)
            links.append(f'<a download="{name}" href="data:{kind};base64,{data}" style="font-weight:bold">'
                         f"⬇ Download {name}</a>")
        return (f"<p>Saved your brief as <code>{escape(self.path.name)}</code> and "
                f"<code>{escape(self.markdown_path.name)}</code> ({len(self.sources)} sources listed)."
                f"{escape(self._notes())} {' · '.join(links)}</p><p style='color:#555;font-size:0.9em'>If a link does "
                "nothing, right-click the file in the file browser on the left and choose Download.</p>")


def _is_kit_export(path: Path) -> bool | None:
    """Is ``path`` an earlier export of the brief writer (``None``: there is no such file)?"""
    if not os.path.lexists(path):
        return None
    if path.is_symlink() or not path.is_file():
        return False
    mark = _HTML_MARK if path.suffix == ".html" else _MD_MARK
    try:
        with open(path, "rb") as handle:
            handle.seek(max(0, os.path.getsize(path) - 4096))
            return mark.encode("utf-8") in handle.read()
    except OSError:
        return False


def _free_stem(folder: Path, stem: str) -> tuple[str, list[Path], list[Path]]:
    """A stem whose two files are free or earlier kit exports; and (files to replace, foreign files kept)."""
    kept: list[Path] = []
    for number in range(1, 1000):
        candidate = stem if number == 1 else f"{stem}-{number}"
        paths = [folder / f"{candidate}.md", folder / f"{candidate}.html"]
        states = [_is_kit_export(p) for p in paths]
        if False not in states:
            return candidate, [p for p, state in zip(paths, states) if state], kept
        kept += [p for p, state in zip(paths, states) if state is False and number == 1]
    raise OSError(errno.EEXIST, "every name tried is taken")


def _write_all(files: list[tuple[Path, bytes]]) -> None:
    """Write every file, or none: when one fails, those already written are put back as they were."""
    before = {}
    for path, _ in files:
        before[path] = path.read_bytes() if path.is_file() else None
    done: list[Path] = []
    try:
        for path, data in files:
            write_atomically(path, data)
            done.append(path)
    except OSError as error:
        undone = []
        for path in done:
            try:
                if before[path] is None:
                    path.unlink()
                else:
                    write_atomically(path, before[path])
            except OSError:
                undone.append(path.name)
        error.undone = undone  # type: ignore[attr-defined]
        raise


def _need_folder(folder, where: str) -> Path:
    path = need_path(folder, "folder", where, "exports").expanduser()
    if not path.exists():
        raise KitValueError(f"{where}: the folder {str(path)!r} does not exist. Make it first, or give a folder that "
                            "exists, such as '.' (this notebook's folder).")
    if not path.is_dir():
        raise KitValueError(f"{where}: folder should be a folder, but {str(path)!r} is a file. Give a folder, such as "
                            "'.' (this notebook's folder); the files are named for you.")
    if not os.access(path, os.W_OK | os.X_OK):
        raise KitValueError(f"{where}: the folder {str(path)!r} cannot be written to. Give a folder you can write "
                            "to, such as '.' (this notebook's folder).")
    return path


def export_brief(draft: str, folder=".", corpus=None, *, name: str | None = None) -> BriefExport:
    """Save your explainer as ``<name>.md`` and ``<name>.html`` in ``folder``, with its sources listed.

    ``name`` defaults to the words of your headline. ``corpus`` is the reports your quotations are traced to
    (left out: the course's reports). Both files are written completely or not at all (when the second cannot be
    written, the first is put back as it was); the result shows download links. When ``<name>.md`` or
    ``<name>.html`` is already there, an earlier export of the brief writer is replaced (the result says so),
    and any other file is left alone: the brief is saved as ``<name>-2`` instead. A folder that does not exist,
    is a file, or cannot be written to is a KitError, and then nothing in it has changed.

    >>> export_brief("# Talks", "no/such/folder")
    Traceback (most recent call last):
    ...
    korea_kit.KitValueError: export_brief: the folder 'no/such/folder' does not exist. Make it first, or give a folder that exists, such as '.' (this notebook's folder).
    """
    where = "export_brief"
    need_draft(draft, where)
    if not clean(draft).strip():
        raise KitValueError(f"{where}: draft is empty, so there is nothing to export. Write your explainer first.")
    need_text(name, "name", where, "my-brief", optional=True)
    path = _need_folder(folder, where)
    index = CorpusIndex(need_corpus(corpus, where))
    stem = slug(name if name is not None else headline_of(draft))
    if name is not None and stem == "brief" and not re.search(r"[^\W_]", name):
        raise KitValueError(f"{where}: name {name!r} has no letters or digits to make a file name from; give one "
                            "such as 'my-brief'.")
    sources = feedback_with_index(draft, index).sources_used
    markdown, page = brief_markdown(draft, sources).encode("utf-8"), brief_page(draft, sources).encode("utf-8")
    try:
        stem, replaced, kept = _free_stem(path, stem)
        html_path, md_path = path / f"{stem}.html", path / f"{stem}.md"
        _write_all([(md_path, markdown), (html_path, page)])
    except OSError as error:
        undone = getattr(error, "undone", [])
        state = (f"{' and '.join(undone)} may hold a part-written export: delete it" if undone
                 else "Nothing in it was changed")
        raise KitValueError(f"{where}: could not write your brief in {str(path)!r} ({error.strerror or error}). "
                            f"{state}; your draft itself is unchanged. Free some space, or give another folder you "
                            "can write to, such as '.'.") from None
    return BriefExport(html_path, md_path, sources, replaced=replaced, kept=kept,
                       data={html_path: page, md_path: markdown})
