"""Diplomatic events in a report, coded with CAMEO, by rules kept as data (``data/event_cues.csv``).

For each sentence of the report, every cue pattern that matches is a
candidate event (rows higher in the cue file win where two cues overlap).
Its actors come from the alias table (:mod:`._actors`):

* source: the nearest actor named before the cue that is not the object of
  a preposition ("the denuclearization *of North Korea*" is not a subject);
  a passive "imposed *by Washington*" after the cue wins;
* target: the first actor after the cue from another country, or else the
  nearest one before it;
* an event needs a source and a target from two different countries: what
  a government does at home is not coded here.

The date is the one the sentence names ("on Friday", "Feb 23"), resolved
against the article's date (:mod:`._dates`); ``None`` when it names none.

>>> import korea_kit as kk
>>> table = events(kk.load_corpus()["001"])
>>> table.loc[0, ["source_actor", "target_actor", "cameo", "cameo_name"]].tolist()
['PRK', 'USA', '036', 'Express intent to meet or negotiate']
"""

from __future__ import annotations

import csv
import functools
import io
import re
from importlib import resources

from .._errors import ArticleError
from ..framing._inputs import need_article
from ._actors import actor_rows, find_mentions, need_aliases
from ._cameo import CAMEO_COLUMNS, cameo_info
from ._dates import article_date, find_date

__all__ = ["events", "EVENT_COLUMNS", "cue_rows"]

EVENT_COLUMNS = ["date", "source_actor", "target_actor", "source_name", "target_name", *CAMEO_COLUMNS, "start", "end",
                 "text"]
_OBJECT = re.compile(r"\b(of|on|with|against|to|for|at|in|from|between)\s+(the\s+)?$", re.IGNORECASE)
_BY = re.compile(r"^\W{0,3}(\w+\s+){0,3}?by\s+(the\s+)?$", re.IGNORECASE)
_PASSIVE_REACH = 40  # characters after a cue in which "by X" names the doer


@functools.lru_cache(maxsize=1)
def cue_rows() -> tuple[tuple[re.Pattern, str, str], ...]:
    """The cue patterns as ``(compiled pattern, cameo code, note)``, in the file's order."""
    text = resources.files("korea_kit").joinpath("data/event_cues.csv").read_text("utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    rows = []
    for number, row in enumerate(csv.DictReader(io.StringIO("\n".join(lines))), start=2):
        try:
            pattern = re.compile(row["pattern"], re.IGNORECASE)
        except re.error as exc:
            raise ArticleError(f"korea_kit/data/event_cues.csv, row {number}: the pattern is not a valid regular "
                               f"expression ({exc}).") from None
        cameo_info(row["cameo"])  # an unknown code fails here, naming the closest one
        rows.append((pattern, row["cameo"], row.get("note", "")))
    return tuple(rows)


def _source(mentions, cue_start, cue_end, text, base):
    after = [m for m in mentions if m.start >= cue_end and m.start - cue_end <= _PASSIVE_REACH]
    for m in after:
        if _BY.search(text[cue_end - base:m.start - base]):
            return m
    before = [m for m in mentions if m.end <= cue_start]
    for m in reversed(before):
        if not _OBJECT.search(text[max(0, m.start - base - 12):m.start - base]):
            return m
    return None


def _target(mentions, source, cue_start, cue_end):
    for m in mentions:
        if m.start >= cue_end and m.country != source.country:
            return m
    for m in reversed([m for m in mentions if m.end <= cue_start]):
        if m.country != source.country:
            return m
    return None


def _sentence_events(sentence, aliases, rows, on):
    text, base = sentence.text, sentence.start
    mentions = [m for m in find_mentions(text, aliases, rows, base) if m.country]
    if len({m.country for m in mentions}) < 2:
        return []
    taken: list[tuple[int, int]] = []
    seen: set[tuple[str, str, str]] = set()
    found = []
    for pattern, code, _note in cue_rows():
        for match in pattern.finditer(text):
            start, end = match.start() + base, match.end() + base
            if start == end or any(start < b and a < end for a, b in taken):
                continue
            if any(m.start < end and start < m.end for m in mentions):
                continue  # a cue inside a name ("the Blue House meeting room") is not an event
            source = _source(mentions, start, end, text, base)
            if source is None:
                continue
            target = _target(mentions, source, start, end)
            if target is None:
                continue
            taken.append((start, end))
            key = (code[:2], source.country, target.country)
            if key in seen:
                continue  # "Phase 2. Phase 2 may be ...": one event per sentence, dyad and family
            seen.add(key)
            when, _ = find_date(text, on)
            found.append((start, end, code, source, target, when))
    return found


def events(article, *, aliases=None, actors_table=None):
    """One row per diplomatic event the report mentions, coded with CAMEO.

    Columns (fixed): ``date`` (YYYY-MM-DD or None), ``source_actor`` and
    ``target_actor`` (country codes such as PRK, USA), ``source_name`` and
    ``target_name`` (as written), ``cameo`` (text: "036"), ``cameo_name``,
    ``goldstein``, ``plover``, ``quad_class``, and ``start``, ``end``,
    ``text``: the evidence, inside the sentence that reports the event, with
    ``text == article.text[start:end]``.

    ``aliases`` and ``actors_table`` may name your own CSV files (the columns
    of ``korea_kit/data/aliases.csv`` and ``actors.csv``) for another event.
    The rules are simple: check every row against the text before you trust it.

    >>> import korea_kit as kk
    >>> a = kk.load_corpus()["003"]
    >>> sanctions = events(a).query("cameo == '163'")
    >>> sanctions[["date", "source_actor", "target_actor"]].iloc[0].tolist()
    ['2018-02-23', 'USA', 'PRK']
    >>> events(kk.load_corpus())
    Traceback (most recent call last):
    ...
    korea_kit.KitTypeError: events works on one article, but article is a whole corpus. Pick one article, such as corpus[0], or go through them all: for article in corpus: ...
    """
    from .._display import pandas as _pandas

    pd = _pandas()
    article = need_article(article, "events")
    table = need_aliases(aliases, "events")
    rows = actor_rows(actors_table)
    on = article_date(article.meta.get("date"), "events")
    out = []
    for sentence in article.sentences:
        for start, end, code, source, target, when in _sentence_events(sentence, table, rows, on):
            info = cameo_info(code)
            out.append({"date": when.isoformat() if when else None, "source_actor": source.country,
                        "target_actor": target.country, "source_name": source.name, "target_name": target.name,
                        "cameo": code, "cameo_name": info["cameo_name"], "goldstein": info["goldstein"],
                        "plover": info["plover"], "quad_class": info["quad_class"], "start": start, "end": end,
                        "text": article.text[start:end]})
    frame = pd.DataFrame(out, columns=EVENT_COLUMNS)
    frame["goldstein"] = frame["goldstein"].astype(float)
    frame["date"] = frame["date"].astype(object).where(frame["date"].notna(), None)
    frame[["start", "end"]] = frame[["start", "end"]].astype(int)
    return frame
