"""Spellings of one name across reports: Kim Yo Jong / Kim Yo-jong / Kim Yo-Jung, Ri Son Kwon / Ri Son Gwon.

A name is any run of capitalised words (split at titles such as "President",
which are data). Two spellings belong to one name when they fold to the same
*skeleton*: case, hyphens and spaces ignored, and the common romanization
alternations of ``data/name_standards.csv`` (kw/gw, eo/o, oo/u, ...) applied.
The same file lists the standard forms the kit knows, with a note each.

>>> skeleton("Ri Son Kwon") == skeleton("Ri Son-gwon")
True
>>> skeleton("PyeongChang") == skeleton("Phyongchang")
True
>>> skeleton("Kim Jong Un") == skeleton("Kim Yong Chol")
False
"""

from __future__ import annotations

import csv
import functools
import io
import re
from importlib import resources

__all__ = ["name_variants", "skeleton", "data_rows", "standard_of", "NAME_COLUMNS"]

NAME_COLUMNS = ["group", "variant", "article_id", "count", "standard", "note"]
_WORD = re.compile(r"[A-Z][A-Za-z]*(?:-[A-Za-z]+)*")
_RUN = re.compile(r"[A-Z][A-Za-z]*(?:-[A-Za-z]+)*(?:[ \u00a0]+[A-Z][A-Za-z]*(?:-[A-Za-z]+)*)*")
_POSSESSIVE = re.compile(r"(?:'|’)s?$")


def data_rows(name: str) -> tuple[dict[str, str], ...]:
    """The rows of a CSV file in ``korea_kit/data`` (lines starting with ``#`` are comments).

    >>> data_rows("name_standards.csv")[0]["kind"]
    'standard'
    """
    text = resources.files("korea_kit").joinpath("data", name).read_text("utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    return tuple(dict(row) for row in csv.DictReader(io.StringIO("\n".join(lines))))


def forms(rows, kind: str) -> list[str]:
    """All ``|``-separated forms of the rows of one kind (column ``forms``, or ``form`` when there is none)."""
    out: list[str] = []
    for row in rows:
        if row["kind"] == kind:
            out += [f.strip() for f in (row.get("forms") or row.get("form") or "").split("|") if f.strip()]
    return out


@functools.lru_cache(maxsize=1)
def _standards():
    rows = data_rows("name_standards.csv")
    alternations = [(r["form"], r["standard"]) for r in rows if r["kind"] == "alternation"]
    titles = {t.casefold() for t in forms(rows, "title")}
    skip = {t.casefold() for t in forms(rows, "skip")}
    known = [(r["form"], r["standard"], r["note"]) for r in rows if r["kind"] == "standard"]
    return alternations, titles, skip, known


def skeleton(name: str) -> str:
    """A name folded for comparing spellings: lower case, no hyphens or spaces, romanization alternations applied.

    >>> skeleton("Kim Yo-Jung"), skeleton("Kim Yo Jong")
    ('kimyojong', 'kimyojong')
    """
    alternations = _standards()[0]
    folded = re.sub(r"[^a-z]", "", name.casefold())
    for old, new in alternations:
        folded = folded.replace(old, new)
    return folded


def standard_of(name: str) -> tuple[str, str]:
    """``(standard form, note)`` the data knows for a spelling (exact form first, then by skeleton); else ``("", "")``.

    >>> standard_of("Ri Son Kwon")[0]
    'Ri Son Gwon'
    >>> standard_of("Nobody Here")
    ('', '')
    """
    known = _standards()[3]
    for form, standard, note in known:
        if form == name:
            return standard, note
    key = skeleton(name)
    for form, standard, note in known:
        if skeleton(form) == key:
            return standard, f"the data knows {form!r}: {note}" if form != name else note
    return "", ""


def _names_in(text: str):
    """(name, start, end) for every run of capitalised words, split at titles; lone common words skipped."""
    _, titles, skip, _ = _standards()
    for run in _RUN.finditer(text):
        words = [(m.group(), run.start() + m.start(), run.start() + m.end()) for m in _WORD.finditer(run.group())]
        piece: list[tuple[str, int, int]] = []
        for word in [*words, None]:
            if word is None or word[0].casefold() in titles:
                yield from _tidy(piece, text, skip)
                piece = []
            else:
                piece.append(word)


def _tidy(piece, text: str, skip: set[str]):
    while len(piece) > 1 and piece[0][0].casefold() in skip and piece[1][0].casefold() not in skip:
        piece = piece[1:]  # "The Kim family", "As President Moon": a leading common word is not part of the name
    if not piece or len(piece) > 4:  # five capitalised words in a row: a title-case headline, not a name
        return
    start, end = piece[0][1], piece[-1][2]
    name = _POSSESSIVE.sub("", text[start:end])
    end = start + len(name)
    if len(piece) == 1 and (name.casefold() in skip or len(name) < 3):
        return
    if len(piece) > 1 and all(w[0].casefold() in skip for w in piece):
        return
    yield name, start, end


def name_variants(corpus):
    """Group the spellings of one name across articles, and say which form is standard where the data knows.

    Columns: ``group`` (the most common spelling), ``variant``, ``article_id``,
    ``count`` (times in that article; the group is named by its standard form where known, else its commonest), ``standard`` (the form the data knows is
    standard, else empty) and ``note``. Only names written in more than one
    way, or spelled in a way the data knows is non-standard, are listed.

    >>> import korea_kit as kk
    >>> table = name_variants(kk.load_corpus())
    >>> sorted(set(table[table["group"] == "Kim Yo Jong"]["variant"]))
    ['Kim Yo Jong', 'Kim Yo-Jung', 'Kim Yo-jong']
    >>> table[table["variant"] == "Ri Son Kwon"]["standard"].tolist()
    ['Ri Son Gwon']
    """
    from .._display import pandas as _pandas

    pd = _pandas()
    from ..text._inputs import need_articles

    articles = need_articles(corpus, "name_variants")
    counts: dict[str, dict[tuple[str, str], int]] = {}
    for article in articles:
        text = article.text
        for name, _, _ in _names_in(text):
            group = counts.setdefault(skeleton(name), {})
            group[(name, article.id)] = group.get((name, article.id), 0) + 1
    rows = []
    for key, found in counts.items():
        spellings = {name for name, _ in found}
        notes = {name: standard_of(name) for name in spellings}
        flagged = any(standard and standard != name for name, (standard, _) in notes.items())
        if len(spellings) < 2 and not flagged:
            continue
        totals: dict[str, int] = {}
        for (name, _), n in found.items():
            totals[name] = totals.get(name, 0) + n
        common = sorted(totals, key=lambda n: (-totals[n], n))[0]
        label = notes[common][0] or common  # the standard form names the group where the data knows it
        for (name, article_id), n in sorted(found.items()):
            standard, note = notes[name]
            rows.append({"group": label, "variant": name, "article_id": article_id, "count": n,
                         "standard": standard, "note": note})
    table = pd.DataFrame(rows, columns=NAME_COLUMNS)
    return table.sort_values(["group", "variant", "article_id"], kind="stable").reset_index(drop=True)
