"""docs/deploy.md gives a working nbgitpuller link, and no document links to a file that is not there."""

from __future__ import annotations

import re
import urllib.parse
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DEPLOY = REPO / "docs" / "deploy.md"
DOCUMENTS = sorted([*(REPO / "docs").glob("*.md"), REPO / "README.md", REPO / "ARCHITECTURE.md"])

EXAMPLE_HUB = "hub.example.edu"
EXAMPLE_REPO = "https://github.com/example-org/korea-kit"


def nbgitpuller_template() -> str:
    """The link in the code block right after the ``nbgitpuller-template`` marker in docs/deploy.md."""
    text = DEPLOY.read_text("utf-8")
    found = re.search(r"<!-- nbgitpuller-template[^>]*-->\s*```[^\n]*\n([^\n]+)\n```", text)
    assert found, "docs/deploy.md has no code block after the <!-- nbgitpuller-template --> marker"
    return found.group(1).strip()


def filled_link() -> urllib.parse.SplitResult:
    link = (nbgitpuller_template().replace("<hub>", EXAMPLE_HUB)
            .replace("<url-encoded repo>", urllib.parse.quote(EXAMPLE_REPO, safe=""))
            .replace("<repo-folder>", EXAMPLE_REPO.rsplit("/", 1)[-1]))
    assert "<" not in link and ">" not in link, f"a placeholder is left in {link}"
    return urllib.parse.urlsplit(link)


def _query(link: urllib.parse.SplitResult) -> dict[str, list[str]]:
    return urllib.parse.parse_qs(link.query, keep_blank_values=True)


def test_the_template_goes_to_nbgitpuller_on_the_hub():
    link = filled_link()
    assert (link.scheme, link.netloc, link.path) == ("https", EXAMPLE_HUB, "/hub/user-redirect/git-pull")


def test_the_template_url_encodes_the_repository():
    raw = dict(pair.split("=", 1) for pair in filled_link().query.split("&"))
    assert raw["repo"] == urllib.parse.quote(EXAMPLE_REPO, safe=""), "repo must be URL-encoded (no raw ':' or '/')"
    assert _query(filled_link())["repo"] == [EXAMPLE_REPO]


def test_the_template_sets_the_branch():
    assert _query(filled_link()).get("branch") == ["main"]


def test_the_template_opens_a_notebook_that_exists():
    urlpath = _query(filled_link())["urlpath"][0]
    prefix = "lab/tree/korea-kit/"
    assert urlpath.startswith(prefix), f"urlpath should open JupyterLab in the cloned folder, not {urlpath!r}"
    target = urlpath.removeprefix(prefix)
    assert target.startswith("notebooks/") and (REPO / target).is_file(), f"{target} is not a notebook of the kit"


_LINK = re.compile(r"(?<!!)\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_FENCED = re.compile(r"^ {0,3}(```|~~~).*?^ {0,3}\1", re.S | re.M)


def relative_links(document: Path) -> list[str]:
    """The targets of the Markdown links in a document that point into the repository (code blocks excluded).

    >>> import tempfile
    >>> doc = Path(tempfile.mkdtemp()) / "a.md"
    >>> _ = doc.write_text("[x](b.md#part) [y](https://e.org) [z](#top) `[no](c.md)`\\n```\\n[no](d.md)\\n```\\n")
    >>> relative_links(doc)
    ['b.md#part']
    """
    text = _FENCED.sub("", document.read_text("utf-8"))
    text = re.sub(r"`[^`\n]*`", "", text)
    return [t for t in _LINK.findall(text) if not re.match(r"[a-z][a-z0-9+.-]*:|#", t, re.I)]


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: p.relative_to(REPO).as_posix())
def test_every_relative_link_points_to_a_file_that_exists(document):
    missing = [t for t in relative_links(document)
               if not (document.parent / urllib.parse.unquote(t.split("#", 1)[0])).exists()]
    assert not missing, f"{document.relative_to(REPO)} links to files that do not exist: {missing}"
