"""Optional metadata at the top of a Markdown article ("front matter").

Only a small, safe subset of YAML is read: one ``key: value`` per line
between two ``---`` lines. Values may be wrapped in matching quotes. Lines
starting with ``#`` are comments. Anything else is reported as an error
that names the file and the line, so a typo is never silently ignored.
"""

from __future__ import annotations

import re

from .._errors import ArticleError

__all__ = ["parse_front_matter"]

_KEY = re.compile(r"^([A-Za-z_][\w\-]*)\s*:\s*(.*)$")


def parse_front_matter(text: str, name: str = "this file") -> tuple[dict[str, str], int]:
    """Return ``(metadata, offset where the article body starts)``.

    Text without front matter gives ``({}, 0)``.

    >>> meta, body_at = parse_front_matter("---\\noutlet: Reuters\\ndate: '2018-02-25'\\n---\\nHeadline")
    >>> meta
    {'outlet': 'Reuters', 'date': '2018-02-25'}
    >>> "---\\noutlet: Reuters\\ndate: '2018-02-25'\\n---\\nHeadline"[body_at:]
    'Headline'
    """
    if not text.startswith("---\n"):
        return {}, 0
    meta: dict[str, str] = {}
    pos = 4
    line_no = 1
    while True:
        line_no += 1
        nl = text.find("\n", pos)
        line = text[pos:] if nl == -1 else text[pos:nl]
        next_pos = len(text) if nl == -1 else nl + 1
        if line.strip() in {"---", "..."}:
            return meta, next_pos
        if nl == -1:
            raise ArticleError(
                f"{name} starts with '---' (front matter) but has no closing '---' line. "
                f"Add a line with just --- after the metadata."
            )
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            m = _KEY.match(stripped)
            if not m:
                raise ArticleError(
                    f"{name}, line {line_no}: front matter lines must look like 'key: value', "
                    f"but this one is {stripped[:60]!r}."
                )
            key, value = m.group(1).lower(), m.group(2).strip()
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
                value = value[1:-1]
            meta[key] = value
        pos = next_pos
