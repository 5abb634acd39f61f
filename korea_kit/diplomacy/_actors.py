"""Actors: who a report talks about, with a CAMEO-style country code, found with the sourcing alias table.

The names and their spellings live in ``data/aliases.csv`` (read through
:func:`korea_kit.sourcing.load_aliases`, shared with the quote extractor);
``data/actors.csv`` adds, for the same canonical names, a kind, a country
code and a role. An instructor adds rows for other events to their own
``aliases.csv`` and ``actors.csv`` and passes them.

>>> import korea_kit as kk
>>> table = actors(kk.load_corpus())
>>> row = table.set_index("actor").loc["North Korea"]
>>> row["country"], int(row["articles"])
('PRK', 3)
"""

from __future__ import annotations

import csv
import functools
import io
import re
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

from .._errors import ArticleError, KitTypeError, need_regular_file, shown
from ..text._inputs import need_articles
from ..sourcing import AliasTable, load_aliases
from ._world import office_end, world_context, world_matches, world_states

__all__ = ["actors", "voices_and_mentions", "actor_rows", "find_mentions", "Mention", "need_aliases",
           "ACTOR_COLUMNS", "demonym_rows"]

ACTOR_COLUMNS = ["actor", "kind", "country", "role", "aliases", "articles", "mentions"]
_SHORT = 3  # aliases this short ("US", "AP") must match in capitals: "us" is a pronoun
_COMMON = re.compile(r"(?:(?i:the)\s+)?[a-z]+")  # a one-word name written without its capital is a common noun


class Mention(NamedTuple):
    """One actor named in a text: where, as written, and who it is."""

    start: int
    end: int
    name: str
    actor: str
    country: str


def _parse_actors(text: str, name: str) -> dict[str, dict[str, str]]:
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(lines)))
    if not {"actor", "country"} <= set(reader.fieldnames or []):
        raise ArticleError(f"{name} is not an actors table: its first line must name the columns actor, kind, "
                           f"country and role. Open korea_kit/data/actors.csv to see one.")
    return {row["actor"].strip(): {k: (row.get(k) or "").strip() for k in ("kind", "country", "role")}
            for row in reader if (row.get("actor") or "").strip()}


@functools.lru_cache(maxsize=1)
def _bundled_actors() -> dict[str, dict[str, str]]:
    text = resources.files("korea_kit").joinpath("data/actors.csv").read_text("utf-8")
    return _parse_actors(text, "korea_kit/data/actors.csv")


def actor_rows(path: str | Path | None = None) -> dict[str, dict[str, str]]:
    """The actors table as ``{canonical: {"kind", "country", "role"}}``, plus the rows of ``path`` if given."""
    rows = dict(_bundled_actors())
    if path is None:
        return rows
    if not isinstance(path, (str, Path)):
        raise KitTypeError(f"actors: the actors table should be the path of a .csv file in quotes, such as "
                           f"'my_actors.csv', but it is {shown(path)}.")
    need_regular_file(path, ArticleError, "actors table")
    try:
        text = Path(path).read_text("utf-8-sig")
    except UnicodeDecodeError:
        raise ArticleError(f"{path} is not UTF-8 text. Save it again as 'CSV UTF-8' and load it again.") from None
    rows.update(_parse_actors(text, str(path)))
    return rows


def need_aliases(aliases: Any, where: str) -> AliasTable:
    """The bundled alias table for ``None``, a path's table added to it, or the table itself; a KitError otherwise."""
    if aliases is None:
        return load_aliases()
    if isinstance(aliases, AliasTable):
        return aliases
    if isinstance(aliases, (str, Path)):
        return load_aliases(aliases)
    raise KitTypeError(f"{where}: aliases should be None, the path of an aliases .csv file, or a table from "
                       f"kk.load_aliases(), but it is {shown(aliases)}.")


@functools.lru_cache(maxsize=8)
def _patterns(table: AliasTable) -> tuple[tuple[re.Pattern, Any], ...]:
    found = []
    for key, entry in sorted(table._entries.items(), key=lambda kv: -len(kv[0])):  # longest alias first
        if len(key) <= _SHORT:
            found.append((re.compile(rf"(?<![\w.]){re.escape(key.upper())}(?![\w])"), entry))
        else:
            found.append((re.compile(rf"(?<![\w'’]){re.escape(key)}(?![\w])", re.IGNORECASE), entry))
    return tuple(found)


@functools.lru_cache(maxsize=1)
def _bundled_demonyms() -> tuple[tuple[str, str], ...]:
    text = resources.files("korea_kit").joinpath("data/demonyms.csv").read_text("utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    return tuple((row["adjective"].strip(), row["country"].strip()) for row in csv.DictReader(io.StringIO("\n".join(lines)))
                 if (row.get("adjective") or "").strip() and (row.get("country") or "").strip())


def demonym_rows(rows: dict[str, dict[str, str]] | None = None) -> tuple[tuple[str, str], ...]:
    """Adjectives of nationality as ``(adjective, country)``: ``data/demonyms.csv`` plus the actors table's rows of
    kind ``demonym`` (an instructor's invented countries: ``Tarsian,demonym,TRS,...``).

    >>> ("North Korean", "PRK") in demonym_rows()
    True
    >>> demonym_rows({"Tarsian": {"kind": "demonym", "country": "TRS", "role": ""}})[-1]
    ('Tarsian', 'TRS')
    """
    own = tuple((actor, info["country"]) for actor, info in (rows or {}).items()
                if info.get("kind") == "demonym" and info.get("country"))
    return _bundled_demonyms() + own


@functools.lru_cache(maxsize=8)
def _demonym_patterns(pairs: tuple[tuple[str, str], ...]) -> tuple[tuple[re.Pattern, str, str], ...]:
    ordered = sorted(pairs, key=lambda p: -len(p[0]))  # "South African" before "African"
    return tuple((re.compile(rf"(?<![\w'-]){re.escape(adj)}s?(?![\w-])"), adj, country) for adj, country in ordered)


def _country(entry, rows: dict[str, dict[str, str]]) -> str:
    own = rows.get(entry.canonical, {}).get("country", "")
    if own:
        return own
    return rows.get(entry.side, {}).get("country", "")  # a side named as a country: "South Korea" -> KOR


def find_mentions(text: str, aliases: AliasTable | None = None, rows: dict | None = None, offset: int = 0,
                  demonyms: bool = False, world: frozenset[str] | bool = False) -> list[Mention]:
    """Every actor named in ``text``, longest names first, never overlapping, in reading order.

    With ``demonyms``, adjectives of nationality (:func:`demonym_rows`) that no
    alias covers are actors too, named by the adjective ("South Korean officials").
    With ``world`` (``True``, or the codes an article names, :func:`._world.world_context`),
    the world's states (``data/countries.csv``) are a fallback behind the tables,
    and a state's office is named with it ("Japan's foreign ministry"; the span stays "Japan").

    >>> [(m.name, m.country) for m in find_mentions("Seoul said the US and Pyongyang should talk.")]
    [('Seoul', 'KOR'), ('US', 'USA'), ('Pyongyang', 'PRK')]
    >>> [(m.name, m.country) for m in find_mentions("Chinese and North Korean officials met.", demonyms=True)]
    [('Chinese', 'CHN'), ('North Korean', 'PRK')]
    """
    aliases = aliases if aliases is not None else load_aliases()
    rows = rows if rows is not None else actor_rows()
    plain = text.replace("’", "'")
    taken = [False] * len(text)
    found = []
    candidates = [(pattern, entry.canonical, _country(entry, rows)) for pattern, entry in _patterns(aliases)]
    if demonyms:  # longest names first, aliases and adjectives together: "North Koreans" is not "the North"
        candidates += list(_demonym_patterns(demonym_rows(rows)))
        candidates.sort(key=lambda c: -len(c[0].pattern.replace("\\", "")))
    states = _statelike(aliases, rows) | {adjective for adjective, _ in demonym_rows(rows)} if world is not False else set()
    places = world_matches(plain, None if world is True else world) if world is not False else []
    for w in places:
        if w.kind == "place":  # "the South China Sea" names no state
            taken[w.start:w.end] = [True] * (w.end - w.start)
    for pattern, actor, country in candidates:
        for match in pattern.finditer(plain):
            start, end = match.span()
            if any(taken[start:end]) or _COMMON.fullmatch(match.group()):
                continue  # "in the north" is a direction, "the North" a name
            taken[start:end] = [True] * (end - start)
            found.append(Mention(start + offset, end + offset, text[start:end], actor, country))
    for w in places:  # the world's states: a fallback behind the tables
        if w.kind == "place" or any(taken[w.start:w.end]) or (w.kind == "adjective" and not demonyms):
            continue
        if w.kind == "office" and _office_of_another(w, found, plain, offset):
            continue  # "Pakistan's Foreign Office" is Pakistan's, though "the Foreign Office" alone is Britain's
        taken[w.start:w.end] = [True] * (w.end - w.start)
        found.append(Mention(w.start + offset, w.end + offset, text[w.start:w.end], w.state, w.code))
        states.add(w.state)
    return sorted(_with_office(m, text, offset, taken) if m.actor in states else m for m in found)


def _statelike(aliases: AliasTable, rows: dict) -> set[str]:
    """Canonical names of states in the tables: their offices extend them ("Veldia's foreign ministry")."""
    return {entry.canonical for entry in aliases._entries.values()
            if entry.entity == "country" or rows.get(entry.canonical, {}).get("kind") == "state"}


def _office_of_another(w, found, text: str, offset: int) -> bool:
    """Whether an office that names its state alone follows another state's name as that state's office."""
    return any(0 <= w.start - (f.end - offset) <= 40 and office_end(text, f.end - offset) >= w.end for f in found)


def _with_office(m: Mention, text: str, offset: int, taken: list[bool]) -> Mention:
    """The mention named with its office ("Japan's foreign ministry"); its span stays the state's name, so that the
    rules that read around it (a cue, "by", "'s") see the same text with or without the office."""
    end = office_end(text, m.end - offset)
    if end == m.end - offset or any(taken[m.end - offset:end]):
        return m
    return m._replace(name=text[m.start - offset:end])


def actors(corpus, *, aliases=None, actors_table=None):
    """The actors a corpus names: ``actor``, ``kind``, ``country``, ``role``, ``aliases``, ``articles``, ``mentions``.

    Mentions are counted in the sentences of the report (headline, standfirst,
    body; never page furniture). ``aliases`` and ``actors_table`` may name your
    own CSV files for another event; behind them, the world's states
    (``data/countries.csv``: "Japan", "Tokyo", "the Kremlin") are listed with
    their country code; other names the tables do not know are skipped.

    >>> import korea_kit as kk
    >>> table = actors(kk.load_corpus())
    >>> list(table.columns)
    ['actor', 'kind', 'country', 'role', 'aliases', 'articles', 'mentions']
    >>> actors("report.txt")
    Traceback (most recent call last):
    ...
    korea_kit.KitTypeError: actors: corpus should be a corpus (from kk.load_corpus()), one article or a list of articles, but it is 'report.txt' (text). To read a file, load it first: kk.load_article('report.txt').
    """
    from .._display import pandas as _pandas

    pd = _pandas()
    articles = need_articles(corpus, "actors")
    table = need_aliases(aliases, "actors")
    rows = actor_rows(actors_table)
    spellings: dict[str, set[str]] = {}
    where: dict[str, set[str]] = {}
    count: dict[str, int] = {}
    states = {row["name"]: row for row in world_states()}
    for article in articles:
        context = world_context(article.text)
        for sentence in article.sentences:
            for m in find_mentions(sentence.text, table, rows, sentence.start, world=context):
                spellings.setdefault(m.actor, set()).add(m.name)
                where.setdefault(m.actor, set()).add(article.id)
                count[m.actor] = count.get(m.actor, 0) + 1
    out = []
    for actor in sorted(count, key=lambda a: (-count[a], a)):
        entry = table.get(actor)
        world = states.get(actor, {}) if entry is None and actor not in rows else {}
        info = rows.get(actor) or {"kind": world.get("kind", ""), "country": world.get("code", ""),
                                   "role": f"{world.get('kind')} of the world table (data/countries.csv)" if world else ""}
        out.append({"actor": actor, "kind": info.get("kind") or (entry.entity if entry else ""),
                    "country": (_country(entry, rows) if entry else info.get("country", "")) or "",
                    "role": info.get("role", ""), "aliases": " | ".join(sorted(spellings[actor])),
                    "articles": len(where[actor]), "mentions": count[actor]})
    return pd.DataFrame(out, columns=ACTOR_COLUMNS)


def voices_and_mentions(corpus, *, aliases=None):
    """Per actor: how often the reports name it (``mentions``) against how often it speaks (``attributions``).

    Columns: ``actor``, ``country``, ``mentions``, ``attributions``,
    ``talked_about`` (mentions minus attributions, never below 0: a speaker quoted
    through an embedded post may be named less often than it speaks). Speakers come from
    :func:`korea_kit.quotes_table`.

    >>> import korea_kit as kk
    >>> table = voices_and_mentions(kk.load_corpus())
    >>> list(table.columns)
    ['actor', 'country', 'mentions', 'attributions', 'talked_about']
    """
    from .._display import pandas as _pandas

    pd = _pandas()
    from ..sourcing import quotes_table

    articles = need_articles(corpus, "voices_and_mentions")
    table = need_aliases(aliases, "voices_and_mentions")
    named = actors(articles, aliases=table)[["actor", "country", "mentions"]]
    spoken = quotes_table(articles) if articles else pd.DataFrame(columns=["speaker"])
    said = spoken["speaker"].dropna().value_counts().rename("attributions").rename_axis("actor").reset_index()
    both = named.merge(said, on="actor", how="outer").fillna({"mentions": 0, "attributions": 0, "country": ""})
    both[["mentions", "attributions"]] = both[["mentions", "attributions"]].astype(int)
    both["talked_about"] = (both["mentions"] - both["attributions"]).clip(lower=0)
    both = both.sort_values(["mentions", "attributions"], ascending=False, kind="stable").reset_index(drop=True)
    return both[["actor", "country", "mentions", "attributions", "talked_about"]]
