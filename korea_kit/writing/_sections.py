"""The brief writer's template: sections joined into one Markdown draft, and a draft split back into sections.

The sections and their ``## `` headings are the rows of ``data/writing_sections.csv``. The headline becomes
the ``# `` line; every other section that has text becomes a ``## `` heading and its text. Splitting reads
the ``# `` line as the headline and each known ``## `` heading as the start of its section (headings are
matched ignoring case); text before any known heading, or under a heading the template does not know, stays
in the section it is written in (the lead, at first). A draft without ``# `` takes its first line as headline.

>>> text = assemble({"headline": "Talks ahead?", "lead": "Moon said so.", "next": "We will see."})
>>> print(text)
# Talks ahead?
<BLANKLINE>
## What happened
<BLANKLINE>
Moon said so.
<BLANKLINE>
## What happens next
<BLANKLINE>
We will see.
>>> split(text)["next"], split(text)["standfirst"]
('We will see.', '')
"""

from __future__ import annotations

import re

from ._data import sections

__all__ = ["SECTION_NAMES", "assemble", "split"]

SECTION_NAMES = tuple(sections())
_H1 = re.compile(r"^ {0,3}#[ \t]+(.*?)[ \t#]*$")
_H2 = re.compile(r"^ {0,3}##[ \t]+(.*?)[ \t#]*$")


def assemble(parts: dict[str, str]) -> str:
    """One Markdown draft from the text of each section (missing or empty sections are left out)."""
    out = []
    for name, row in sections().items():
        text = (parts.get(name) or "").strip()
        if not text:
            continue
        if name == "headline":
            out.append("# " + " ".join(text.split()))
        else:
            out.append(f"## {row['heading']}\n\n{text}")
    return "\n\n".join(out)


def split(markdown: str) -> dict[str, str]:
    """The text of each section of a draft (``""`` for a section the draft does not have)."""
    by_heading = {row["heading"].casefold(): name for name, row in sections().items() if row["heading"]}
    found: dict[str, list[str]] = {name: [] for name in SECTION_NAMES}
    lines = markdown.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    current, headline_seen = "lead", False
    if not any(_H1.match(line) for line in lines):
        first = next((i for i, line in enumerate(lines) if line.strip()), None)
        if first is not None:
            found["headline"].append(lines[first].strip())
            lines, headline_seen = lines[first + 1:], True
    for line in lines:
        h1, h2 = _H1.match(line), _H2.match(line)
        if h1 and not headline_seen:
            found["headline"].append(h1.group(1))
            headline_seen = True
        elif h2 and h2.group(1).strip().casefold() in by_heading:
            current = by_heading[h2.group(1).strip().casefold()]
        else:
            found[current].append(line)
    return {name: "\n".join(text).strip() for name, text in found.items()}
