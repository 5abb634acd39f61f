"""Dates resolved against the article's date."""

from __future__ import annotations

import pytest

import korea_kit as kk
from korea_kit.diplomacy._dates import resolve_date


@pytest.mark.parametrize("text, on, expected", [
    ("Moon said on Sunday", "2018-02-25", "2018-02-25"),  # the same day when the article is dated Sunday
    ("Moon said on Sunday", "2018-02-26", "2018-02-25"),
    ("sanctions announced on Friday", "2018-02-25", "2018-02-23"),
    ("talks on Feb 25", "2018-02-26", "2018-02-25"),
    ("sanctions of February 23", "2018-02-25", "2018-02-23"),
    ("on 23 February", "2018-02-25", "2018-02-23"),
    ("on December 30", "2018-01-02", "2017-12-30"),
    ("the talks today", "2018-02-25", "2018-02-25"),
    ("yesterday's meeting", "2018-02-25", "2018-02-24"),
])
def test_day_expressions_resolve_to_a_date(text, on, expected):
    assert resolve_date(text, on) == expected


@pytest.mark.parametrize("text", ["last week", "in March", "recently", "the talks", "on Feb 30"])
def test_vague_or_impossible_days_give_none(text):
    assert resolve_date(text, "2018-02-25") is None


def test_an_article_without_a_date_gives_none():
    assert resolve_date("on Sunday", None) is None


def test_a_bad_article_date_is_a_kit_error():
    with pytest.raises(kk.KitError, match="2018-02-25"):
        resolve_date("on Sunday", "Sunday")


def test_may_as_a_verb_is_not_a_month():
    assert resolve_date("Phase 2 may be a very rough thing", "2018-02-25") is None


def test_a_clause_ends_at_a_comma_or_a_joining_word():
    from korea_kit.diplomacy._dates import clause_bounds
    text = "Seoul met Pyongyang on Friday, and Washington imposed sanctions."
    a, b = clause_bounds(text, text.index("imposed"), text.index("imposed") + 7)
    assert text[a:b] == "Washington imposed sanctions."


def test_a_past_year_marks_a_clause_as_background():
    import datetime as dt

    from korea_kit.diplomacy._dates import is_background
    text = "Pyongyang fired a missile in 2010."
    assert is_background(text, (0, len(text)), dt.date(2023, 3, 1))


def test_a_weekday_of_a_plan_is_the_next_one():
    from korea_kit.diplomacy._dates import find_date
    import datetime as dt
    assert find_date("will travel on Thursday", dt.date(2024, 5, 14), future=True)[0] == dt.date(2024, 5, 16)


def test_a_day_of_the_month_of_a_plan_may_be_after_the_article():
    from korea_kit.diplomacy._dates import find_date
    import datetime as dt
    assert find_date("will visit on 14 October", dt.date(2024, 10, 7), future=True)[0] == dt.date(2024, 10, 14)
