"""When an event happened, resolved against the date of the article that reports it.

* "on Sunday", "on Friday": the most recent such day on or before the article's date;
* "Feb 25", "February 23", "25 February", "June 14": that day, in the article's year
  (the year before when the day would fall after the article);
* "today", "this morning": the article's date; "yesterday": the day before;
* anything vaguer ("last week", "in March", "recently"), or no date at all: ``None``.

>>> resolve_date("Moon released a statement on Sunday", "2018-02-26")
'2018-02-25'
>>> resolve_date("sanctions announced on Friday", "2018-02-25")
'2018-02-23'
>>> resolve_date("the delegation arrived last week", "2018-02-25") is None
True
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any

from .._errors import KitTypeError, KitValueError, shown

__all__ = ["resolve_date", "find_date", "article_date", "clause_bounds", "is_background"]

_DAYS = [d.lower() for d in calendar.day_name]  # Monday .. Sunday, from the standard library
_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
# month names are capitalised in English: "Phase 2 may be" is not 2 May
_MONTH = "|".join(f"{m.title()}|{m.upper()}" for m in sorted(_MONTHS, key=len, reverse=True))
_WEEKDAY = re.compile(rf"\b(?:on|last|this|since|from|until|by)?\s*({'|'.join(_DAYS)})\b", re.IGNORECASE)
_MONTH_DAY = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*(?:,\s*)?\d{{3}})")
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH})\b")
_TODAY = re.compile(r"\b(today|this morning|this afternoon|tonight|this evening)\b", re.IGNORECASE)
_YESTERDAY = re.compile(r"\byesterday\b", re.IGNORECASE)
# Where a clause ends: punctuation inside a sentence, and words that open another clause ("came two days after
# Norland announced ..."). A date is attached only to an event of its own clause.
_CLAUSE_END = re.compile(r"\s*[;:()\u2014\u2013]\s*|,\s+(?:and\s+|but\s+)?|\s+-\s+|\s(?:and|but|after|before|when|while|because|"
                         r"since|which|who)\s", re.IGNORECASE)
# Background: the past told as history, not the news of the day.
_BACKGROUND = re.compile(r"\b(?:last year|years? ago|(?:a|the) (?:string|series|spate|history|decade|year) of|"
                         r"in recent years|ha(?:d|s|ve) (?:ever|never)|(?:in|during|since|back in) the (?:19|20)\d0s)\b",
                         re.IGNORECASE)
_YEAR = re.compile(r"\b(?:in|during|since|back in|until|by)\s+(?:early |late |mid-)?((?:19|20)\d\d)\b", re.IGNORECASE)


def article_date(value: Any, where: str = "events") -> dt.date | None:
    """The article's date (``meta["date"]``, written 2018-02-25) as a date, or ``None`` when it has none."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise KitTypeError(f"{where}: the article's date should be text such as '2018-02-25', but it is {shown(value)}.")
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None  # an undated or oddly dated article: its events get no date, never an error


def _day_in_year(year: int, month: int, day: int, before: dt.date, future: bool = False) -> dt.date | None:
    for y in ((year, year + 1) if future else (year, year - 1)):
        try:
            when = dt.date(y, month, day)
        except ValueError:
            return None
        if future and when >= before:
            return when
        if not future and when <= before + dt.timedelta(days=1):  # a report may be dated the morning after
            return when
    return None


def find_date(text: str, on: dt.date | None, future: bool = False) -> tuple[dt.date | None, tuple[int, int] | None]:
    """The date a piece of text names, resolved against ``on``, with where it was written; (None, None) if none.

    With ``future`` (a plan: "will travel to Kessmer on Thursday"), a weekday or a
    day of the month is the next one on or after ``on``, not the last one.

    >>> find_date("will visit on Thursday", dt.date(2024, 5, 14), future=True)[0]
    datetime.date(2024, 5, 16)
    """
    if on is None or not isinstance(text, str):
        return None, None
    found = []
    for m in _MONTH_DAY.finditer(text):
        found.append((m.start(), _day_in_year(on.year, _MONTHS[m.group(1).lower()], int(m.group(2)), on, future),
                      m.span()))
    for m in _DAY_MONTH.finditer(text):
        found.append((m.start(), _day_in_year(on.year, _MONTHS[m.group(2).lower()], int(m.group(1)), on, future),
                      m.span()))
    for m in _WEEKDAY.finditer(text):
        back = (on.weekday() - _DAYS.index(m.group(1).lower())) % 7
        ahead = (_DAYS.index(m.group(1).lower()) - on.weekday()) % 7
        found.append((m.start(), on + dt.timedelta(days=ahead) if future else on - dt.timedelta(days=back), m.span(1)))
    for m in _TODAY.finditer(text):
        found.append((m.start(), on, m.span()))
    for m in _YESTERDAY.finditer(text):
        found.append((m.start(), on - dt.timedelta(days=1), m.span()))
    found = [f for f in found if f[1] is not None]
    if not found:
        return None, None
    _, when, span = min(found)
    return when, span


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the clause around ``text[start:end]`` begins and ends (offsets in ``text``).

    >>> text = "The launch on Saturday came two days after Norland announced sanctions."
    >>> a, b = clause_bounds(text, text.index("announced"), text.index("announced") + 9)
    >>> text[a:b]
    'Norland announced sanctions.'
    """
    begin, finish = 0, len(text)
    for m in _CLAUSE_END.finditer(text):
        if m.end() <= start:
            begin = m.end()
        elif m.start() >= end:
            finish = m.start()
            break
    return begin, finish


def is_background(text: str, clause: tuple[int, int], on: dt.date | None) -> bool:
    """Whether the clause ``text[clause[0]:clause[1]]`` tells history: "last year", "in 2010", "a string of ...".

    A past year in the sentence's opening phrase ("In 2017, North Korea fired ...") counts too.

    >>> is_background("He masterminded two attacks in 2010 that killed 50.", (0, 35), dt.date(2018, 2, 26))
    True
    >>> is_background("Tarsia fired a missile on Saturday.", (0, 35), dt.date(2018, 2, 26))
    False
    """
    opening = text[:clause_bounds(text, 0, 0)[1]]
    for part in (text[clause[0]:clause[1]], opening):
        if _BACKGROUND.search(part):
            return True
        for m in _YEAR.finditer(part):
            if on is not None and int(m.group(1)) < on.year:
                return True
    return False


def resolve_date(text: Any, on: Any) -> str | None:
    """The date (``YYYY-MM-DD``) that ``text`` names, resolved against the article date ``on``; ``None`` if none.

    >>> resolve_date("North Korea announced on Feb 25 that", "2018-02-26")
    '2018-02-25'
    >>> resolve_date(5, "2018-02-25")
    Traceback (most recent call last):
    ...
    korea_kit.KitTypeError: resolve_date: text should be the words to read, in quotes, such as 'on Sunday', but it is 5 (a number).
    """
    if not isinstance(text, str):
        raise KitTypeError(f"resolve_date: text should be the words to read, in quotes, such as 'on Sunday', "
                           f"but it is {shown(text)}.")
    when = article_date(on, "resolve_date")
    if on is not None and when is None:
        raise KitValueError(f"resolve_date: on should be the article's date written like '2018-02-25', "
                            f"but it is {shown(on)}.")
    date, _ = find_date(text, when)
    return date.isoformat() if date else None
