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
from ._markdown import escape_markdown, headline_of, markdown_html

__all__ = ["export_brief", "BriefExport", "slug", "brief_page", "brief_markdown"]

_STYLE = ("body{font-family:Georgia,'Times New Roman',serif;max-width:42em;margin:2em auto;padding:0 1em;"
          "line-height:1.55;color:#222}h1{font-size:1.9em;line-height:1.2}h2{font-size:1.25em;margin-top:1.6em}"
          "blockquote{border-left:4px solid #ccc;margin:1em 0;padding:0 1em;color:#444}"
          ".sources{border-top:1px solid #ccc;margin-top:2.5em;font-size:0.92em}.note{color:#555}"
          "footer{color:#767676;font-size:0.8em;margin-top:2em}")
_PROVENANCE = (("outlet_kind", "kind of outlet"), ("date_note", "date"), ("author", "author"),
               ("author_note", "author"), ("confidence", "confidence"), ("notes", "notes"))


def slug(text: str, fallback: str = "brief") -> str:
    """A file name made of the words of ``text``: ASCII letters and digits joined by hyphens, at most 60 characters.

    >>> slug("North Korea: ‘Willing’ to talk?"), slug("김민지"), slug("Café <b>")
    ('north-korea-willing-to-talk', 'brief', 'cafe-b')
    """
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    words = re.findall(r"[a-z0-9]+", plain)
    out = ""
    for word in words:
        if not out and len(word) > 60:
            return word[:60]
        if len(out) + len(word) + 1 > 60:
            break
        out = f"{out}-{word}" if out else word
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
            "</section>\n<footer><p>Written with korea-kit's brief writer. Quotations were checked against the "
            "reports listed above.</p></footer>\n</body>\n</html>\n")


def brief_markdown(draft: str, sources) -> str:
    """The draft as Markdown (``<`` escaped, so no viewer reads it as HTML), then its sources.

    >>> brief_markdown("# Hi <b>", [])
    '# Hi \\\\<b>\\n\\n## Sources\\n\\n- No report from the corpus is quoted or named.\\n'
    """
    text = re.sub(r"(?<!\\)<", r"\\<", draft.replace("\r\n", "\n").replace("\r", "\n")).strip()
    listed = "\n".join(_source_markdown(a) for a in sources) or "- No report from the corpus is quoted or named."
    return f"{text}\n\n## Sources\n\n{listed}\n"


class BriefExport:
    """Where the export went (``path``: the HTML page; ``markdown_path``), with download links in JupyterLab."""

    def __init__(self, path: Path, markdown_path: Path, sources):
        self.path = path
        self.markdown_path = markdown_path
        self.sources = list(sources)

    def __repr__(self) -> str:
        return (f"Saved your brief as {self.path.name} and {self.markdown_path.name} in {self.path.parent} "
                f"({len(self.sources)} sources listed).")

    def _repr_html_(self) -> str:
        links = []
        for path, kind in ((self.path, "text/html"), (self.markdown_path, "text/markdown")):
            data = base64.b64encode(path.read_bytes()).decode("ascii")
            name = escape(path.name)
            links.append(f'<a download="{name}" href="data:{kind};base64,{data}" style="font-weight:bold">'
                         f"⬇ Download {name}</a>")
        return (f"<p>Saved your brief as <code>{escape(self.path.name)}</code> and "
                f"<code>{escape(self.markdown_path.name)}</code> ({len(self.sources)} sources listed). "
                f"{' · '.join(links)}</p><p style='color:#555;font-size:0.9em'>If a link does nothing, right-click "
                "the file in the file browser on the left and choose Download.</p>")


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
    (left out: the course's reports). Both files are written completely or not at all; the result shows
    download links. A folder that does not exist, is a file, or cannot be written to is a KitError.

    >>> export_brief("# Talks", "no/such/folder")
    Traceback (most recent call last):
    ...
    korea_kit.KitValueError: export_brief: the folder 'no/such/folder' does not exist. Make it first, or give a folder that exists, such as '.' (this notebook's folder).
    """
    where = "export_brief"
    need_draft(draft, where)
    if not draft.strip():
        raise KitValueError(f"{where}: draft is empty, so there is nothing to export. Write your explainer first.")
    need_text(name, "name", where, "my-brief", optional=True)
    path = _need_folder(folder, where)
    index = CorpusIndex(need_corpus(corpus, where))
    stem = slug(name if name is not None else headline_of(draft))
    if name is not None and stem == "brief" and not re.search(r"[A-Za-z0-9]", name):
        raise KitValueError(f"{where}: name {name!r} has no letters or digits to make a file name from; give one "
                            "such as 'my-brief'.")
    sources = feedback_with_index(draft, index).sources_used
    html_path, md_path = path / f"{stem}.html", path / f"{stem}.md"
    try:
        write_atomically(md_path, brief_markdown(draft, sources).encode("utf-8"))
        write_atomically(html_path, brief_page(draft, sources).encode("utf-8"))
    except OSError as error:
        raise KitValueError(f"{where}: could not write to {str(path)!r} ({error.strerror or error}). Nothing new is "
                            "saved there; give a folder you can write to, such as '.'.") from None
    return BriefExport(html_path, md_path, sources)
