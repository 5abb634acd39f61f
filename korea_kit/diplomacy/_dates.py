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

__all__ = ["resolve_date", "find_date", "article_date"]

_DAYS = [d.lower() for d in calendar.day_name]  # Monday .. Sunday, from the standard library
_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_WEEKDAY = re.compile(rf"\b(?:on|last|this|since|from|until|by)?\s*({'|'.join(_DAYS)})\b", re.IGNORECASE)
_MONTH_DAY = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*(?:,\s*)?\d{{3}})", re.IGNORECASE)
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH})\b", re.IGNORECASE)
_TODAY = re.compile(r"\b(today|this morning|this afternoon|tonight|this evening)\b", re.IGNORECASE)
_YESTERDAY = re.compile(r"\byesterday\b", re.IGNORECASE)


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


def _day_in_year(year: int, month: int, day: int, before: dt.date) -> dt.date | None:
    for y in (year, year - 1):
        try:
            when = dt.date(y, month, day)
        except ValueError:
            return None
        if when <= before + dt.timedelta(days=1):  # a report may be dated the morning after
            return when
    return None


def find_date(text: str, on: dt.date | None) -> tuple[dt.date | None, tuple[int, int] | None]:
    """The date a piece of text names, resolved against ``on``, with where it was written; (None, None) if none."""
    if on is None or not isinstance(text, str):
        return None, None
    found = []
    for m in _MONTH_DAY.finditer(text):
        found.append((m.start(), _day_in_year(on.year, _MONTHS[m.group(1).lower()], int(m.group(2)), on), m.span()))
    for m in _DAY_MONTH.finditer(text):
        found.append((m.start(), _day_in_year(on.year, _MONTHS[m.group(2).lower()], int(m.group(1)), on), m.span()))
    for m in _WEEKDAY.finditer(text):
        back = (on.weekday() - _DAYS.index(m.group(1).lower())) % 7
        found.append((m.start(), on - dt.timedelta(days=back), m.span(1)))
    for m in _TODAY.finditer(text):
        found.append((m.start(), on, m.span()))
    for m in _YESTERDAY.finditer(text):
        found.append((m.start(), on - dt.timedelta(days=1), m.span()))
    found = [f for f in found if f[1] is not None]
    if not found:
        return None, None
    _, when, span = min(found)
    return when, span


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
