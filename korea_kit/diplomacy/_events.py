"""Diplomatic events in a report, coded with CAMEO, by rules kept as data (``data/event_cues.csv``).

For each sentence of the report, every cue pattern that matches is a
candidate event (rows higher in the cue file win where two cues overlap).
Its actors come from the alias table (:mod:`._actors`):

Actors are the names of the alias table and adjectives of nationality
("the *South Korean* delegation", ``data/demonyms.csv``):

* source: the nearest actor named before the cue that is not the object of
  a preposition ("the denuclearization *of North Korea*" is not a subject);
  a passive "imposed *by Washington*" after the cue wins;
* the speaker of a reported statement (:func:`korea_kit.sourcing.quotes`) is
  the source of a verbal event (roots 01-03, 10-13) whose cue is inside what
  they said, when no actor comes before the cue in it ("'We have warned
  Tarsia', Mr Maris said"); of an appeal or a demand (02, 10) always, since
  the actors inside ("US-North Korea dialogue must be held") are the addressees;
* target: the first actor after the cue from another country, or else the
  nearest one before it; in a sentence that names one country only ("Karelia
  urged both governments to ..."), the most recent actor of another country
  earlier in the paragraph, or else in the paragraph before (a broadcaster
  writes one sentence a paragraph); with none, the event is skipped;
* a joint subject is coded from the first named to the other: "Norland and
  Tarsia pledged", "the two sides agreed" (the first two countries named);
* a meeting (04) is one event whichever side is named first;
* an event needs a source and a target from two different countries: what
  a government does at home is not coded here.

The date is the one the cue's clause names ("on Friday", "Feb 23"), resolved
against the article's date (:mod:`._dates`); ``None`` when it names none. A
clause about the past ("in 2010", "last year", "after a string of missile
tests") is background, not an event of the report: it is skipped.

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
from ..text._inputs import need_article
from ._actors import Mention, _country, actor_rows, find_mentions, need_aliases
from ._cameo import CAMEO_COLUMNS, cameo_info
from ._dates import article_date, clause_bounds, find_date, is_background

__all__ = ["events", "EVENT_COLUMNS", "cue_rows"]

EVENT_COLUMNS = ["date", "source_actor", "target_actor", "source_name", "target_name", *CAMEO_COLUMNS, "start", "end",
                 "text"]
# the object of a preposition, also past a number or an adjective: "on twelve Tarsian firms"
_OBJECT = re.compile(r"\b(?i:of|on|with|against|to|for|at|in|from|between)\s+((?i:the)\s+)?"
                     r"((?!that\b|and\b|but\b|who\b|which\b)[a-z\d]+\s+){0,2}$")
_BY = re.compile(r"^\W{0,3}(\w+\s+){0,3}?by\s+(the\s+)?$", re.IGNORECASE)
_PASSIVE_REACH = 40  # characters after a cue in which "by X" names the doer
_VERBAL = ("01", "02", "03", "10", "11", "12", "13")  # CAMEO roots of things said: the speaker may be the source
_ADDRESSED = ("02", "10")  # appeals and demands: the speaker is the source, the actors named are addressees
_FIRST_PERSON = re.compile(r"\b(we|I|our|us)\b", re.IGNORECASE)
_AND = re.compile(r"^\s*(?:and|&)\s*$", re.IGNORECASE)
_BOTH = re.compile(r"\b(?:the two|both) (?:sides|countries|leaders|governments|nations|neighbou?rs|states|men)\s+"
                   r"(?:\w+\s+)?$", re.IGNORECASE)


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
        if not _OBJECT.search(text[max(0, m.start - base - 30):m.start - base]):
            return m
    return None


def _target(mentions, source, cue_start, cue_end, earlier=()):
    for m in mentions:  # "invited Moon to Pyongyang for talks": a name inside the cue is after its first word
        if m.start > cue_start and m.country != source.country:
            return m
    for m in reversed([m for m in mentions if m.end <= cue_start]):
        if m.country != source.country:
            return m
    for m in reversed(earlier):  # one country in the sentence: the most recent other actor before it
        if m.country != source.country:
            return m
    return None


def _speaker(quotes, start, end):
    """The innermost reported statement around a cue: ``(content start, Mention of the speaker, content end)``."""
    around = [q for q in quotes if q[0] <= start and end <= q[1]]
    if not around:
        return None
    q = min(around, key=lambda q: q[1] - q[0])
    return q[0], q[2], q[1]


def _speaker_source(code, quote, mentions, start, text, base):
    if quote is None or code[:2] not in _VERBAL:
        return None
    content_start, speaker, _ = quote
    if code[:2] in _ADDRESSED:
        return speaker
    if any(content_start <= m.start and m.end <= start for m in mentions):
        return None
    said = text[max(0, content_start - base):start - base]
    if code[:2] == "03" and not _FIRST_PERSON.search(said):
        return None  # "the regime was willing to talk": a speaker reporting another's intent is not its source
    return speaker


def _said_on(text, base, quote, on):
    """The date the sentence gives outside what was said: "Trump re-emphasized on Friday ... 'Phase 2'"."""
    a, b = max(0, quote[0] - base), min(len(text), quote[2] - base)
    when, _ = find_date(text[:a] + " " * (b - a) + text[b:], on)
    return when


def _pair(mentions, source, cue_start, text, base):
    """A joint subject, coded from the first named to the other: "X and Y pledged", "the two sides agreed"."""
    if _BOTH.search(text[max(0, cue_start - base - 40):cue_start - base]):
        first = mentions[0] if mentions else None
        other = next((m for m in mentions if first and m.country != first.country), None)
        return (first, other) if other else None
    before = [m for m in mentions if m.end <= source.start]
    if before and before[-1].country != source.country and _AND.match(text[before[-1].end - base:source.start - base]):
        return before[-1], source
    return None


def _sentence_events(sentence, aliases, rows, on, earlier=(), quotes=()):
    text, base = sentence.text, sentence.start
    mentions = [m for m in find_mentions(text, aliases, rows, base, demonyms=True) if m.country]
    if not mentions and not quotes:
        return []
    taken: list[tuple[int, int]] = []
    seen: set[tuple[str, str, str]] = set()
    found = []
    for pattern, code, _note in cue_rows():
        for match in pattern.finditer(text):
            start, end = match.start() + base, match.end() + base
            if start == end or any(start < b and a < end for a, b in taken):
                continue
            if any(m.start <= start < m.end or m.start < end <= m.end for m in mentions):
                continue  # a cue inside a name ("the Blue House meeting room") is not an event
            quote = _speaker(quotes, start, end)
            source = _speaker_source(code, quote, mentions, start, text, base)
            if source is not None and code[:2] in _ADDRESSED:  # the first actor addressed, in reading order
                target = next((m for m in mentions if m.country != source.country), None)
                target = target or _target([], source, start, end, earlier)
            elif source is None:
                source = _source(mentions, start, end, text, base)
                if source is None:
                    continue
                pair = _pair(mentions, source, start, text, base)
                source, target = pair if pair else (source, None)
                target = target or _target([m for m in mentions if m != source], source, start, end, earlier)
            else:
                target = _target([m for m in mentions if m != source], source, start, end, earlier)
            if target is None:
                continue
            clause = clause_bounds(text, match.start(), match.end())
            taken.append((start, end))
            if is_background(text, clause, on):
                continue  # "after a string of missile tests", "attacks in 2010": history, not news
            dyad = (source.country, target.country)
            key = (code[:2], *(sorted(dyad) if code[:2] == "04" else dyad))  # a meeting: whoever is named first
            if key in seen:
                continue  # "Phase 2. Phase 2 may be ...": one event per sentence, dyad and family
            seen.add(key)
            when, _ = find_date(text[clause[0]:clause[1]], on)
            if when is None and quote is not None and code[:2] in _VERBAL:
                when = _said_on(text, base, quote, on)  # a threat or a demand is made when it is said
            found.append((start, end, code, source, target, when))
    return found


def _quotes(article, table, rows):
    """Reported statements with a speaker of known country: ``(content start, content end, speaker Mention)``."""
    from ..sourcing import quotes

    found = []
    for q in quotes(article, table).itertuples():
        entry = table.get(q.speaker) if isinstance(q.speaker, str) else None
        country = _country(entry, rows) if entry else ""
        if country:
            found.append((int(q.start), int(q.end), Mention(int(q.start), int(q.start), q.speaker_text or q.speaker,
                                                            entry.canonical, country)))
    return found


def _paragraph_of(article):
    bounds = [(p.start, p.end) for p in article.paragraphs]

    def which(sentence):
        for i, (a, b) in enumerate(bounds):
            if a <= sentence.start < b:
                return i
        return None
    return which


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
    spoken = _quotes(article, table, rows)
    paragraph = _paragraph_of(article)
    before: list = []  # mentions earlier in the paragraph
    last: list = []  # mentions of the paragraph before
    current = None
    for sentence in article.sentences:
        if paragraph(sentence) != current:
            current, last, before = paragraph(sentence), before or last, []
        earlier = last + before  # read from the end: the paragraph first, then the one before
        quotes = [q for q in spoken if q[0] < sentence.end and sentence.start < q[1]]
        found = _sentence_events(sentence, table, rows, on, earlier, quotes)
        before = before + [m for m in find_mentions(sentence.text, table, rows, sentence.start, demonyms=True)
                           if m.country]
        for start, end, code, source, target, when in found:
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
