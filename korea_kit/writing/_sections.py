"""The brief writer's template: sections joined into one Markdown draft, and a draft split back into sections.

The sections and their ``## `` headings are the rows of ``data/writing_sections.csv``. The headline becomes
the ``# `` line; every other section that has text becomes a ``## `` heading and its text. Splitting reads
the ``# `` line as the headline and each known ``## `` heading as the start of its section (headings are
matched ignoring case); text before any known heading, or under a heading the template does not know, stays
in the section it is written in (the lead, at first). A draft without ``# `` takes its first line as headline
(unless that line is a known ``## `` heading: then the draft has no headline).

**Round trip.** ``split(assemble(parts))`` gives back every section as it was typed, with two exceptions:
blank space at the start and end of a section is dropped, and a headline is one line (its line breaks become
spaces). A line a student types inside a section that would read as a structure line (a ``# `` line, or one of
the template's ``## `` headings) gets one backslash in front (``\\## What happens next``): it shows as text,
not as a heading, and splitting takes the backslash off again. So typing ``## What happens next`` into the
lead never moves text into another section when the writer is opened again.

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
>>> parts = {"headline": "C#", "lead": "## What happens next\\n# not a headline"}
>>> split(assemble(parts)) == {**dict.fromkeys(SECTION_NAMES, ""), **parts}
True
"""

from __future__ import annotations

import re

from ._data import sections

__all__ = ["SECTION_NAMES", "assemble", "split"]

SECTION_NAMES = tuple(sections())
# A closing run of "#" counts only after a space (CommonMark): "# C#" is the headline "C#".
_H1 = re.compile(r"^ {0,3}#[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_H2 = re.compile(r"^ {0,3}##[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_ESCAPED = re.compile(r"^( {0,3})\\(\\*#)")  # a structure line the template escaped: one backslash to take off
_LEADING_ESCAPES = re.compile(r"^( {0,3})\\+(?=#)")
_HEADLINE_END = re.compile(r"([ \t])(\\*#+)$")  # "Talks #": a closing run that would be cut off
_HEADLINE_ESCAPED_END = re.compile(r"([ \t])\\(\\*#+)$")


def _headings() -> dict[str, str]:
    """``{heading, casefolded: section}`` for the sections that have a ``## `` heading."""
    return {row["heading"].casefold(): name for name, row in sections().items() if row["heading"]}


def _structural(line: str, by_heading: dict[str, str]) -> bool:
    """Would ``line`` (with any backslashes at its start taken off) read as the headline or a known heading?"""
    bare = _LEADING_ESCAPES.sub(r"\1", line)
    h2 = _H2.match(bare)
    return bool(_H1.match(bare)) or bool(h2 and h2.group(1).strip().casefold() in by_heading)


def _escape_section(text: str, by_heading: dict[str, str]) -> str:
    return "\n".join(re.sub(r"^( {0,3})", r"\1\\", line, count=1) if _structural(line, by_heading) else line
                     for line in text.split("\n"))


def _unescape_line(line: str, by_heading: dict[str, str]) -> str:
    if _ESCAPED.match(line) and _structural(line, by_heading):
        return _ESCAPED.sub(r"\1\2", line, count=1)
    return line


def assemble(parts: dict[str, str]) -> str:
    """One Markdown draft from the text of each section (missing or empty sections are left out)."""
    by_heading = _headings()
    out = []
    for name, row in sections().items():
        text = (parts.get(name) or "").replace("\r\n", "\n").replace("\r", "\n").strip()
        if not text:
            continue
        if name == "headline":
            line = " ".join(text.split())
            out.append("# " + _HEADLINE_END.sub(lambda m: m.group(1) + "\\" + m.group(2), line))
        else:
            out.append(f"## {row['heading']}\n\n{_escape_section(text, by_heading)}")
    return "\n\n".join(out)


def split(markdown: str) -> dict[str, str]:
    """The text of each section of a draft (``""`` for a section the draft does not have)."""
    by_heading = _headings()
    found: dict[str, list[str]] = {name: [] for name in SECTION_NAMES}
    lines = markdown.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    current, headline_seen = "lead", False
    if not any(_H1.match(line) for line in lines):
        first = next((i for i, line in enumerate(lines) if line.strip()), None)
        if first is not None and not _structural(lines[first], by_heading):
            found["headline"].append(lines[first].strip())
            lines, headline_seen = lines[first + 1:], True
    for line in lines:
        h1, h2 = _H1.match(line), _H2.match(line)
        if h1 and not headline_seen:
            found["headline"].append(_HEADLINE_ESCAPED_END.sub(r"\1\2", h1.group(1)))
            headline_seen = True
        elif h2 and h2.group(1).strip().casefold() in by_heading:
            current = by_heading[h2.group(1).strip().casefold()]
        else:
            found[current].append(_unescape_line(line, by_heading))
    return {name: "\n".join(text).strip() for name, text in found.items()}
