"""The timeline browser: logic tested by setting values, the view only wired to it."""

import pytest

from korea_kit._errors import KitLookupError
from korea_kit.diplomacy._browse import TimelineBrowser
from korea_kit.diplomacy._timeline import load_timeline


def test_choosing_an_event_updates_date_label_and_card():
    browser = TimelineBrowser()
    browser.index = 5
    assert browser.date == "2018-02-23"
    assert "27 entities" in browser.card_html


def test_out_of_range_choice_is_refused_kindly():
    with pytest.raises(KitLookupError, match="Pick an event number"):
        TimelineBrowser().index = 99


def test_card_escapes_the_data(tmp_path):
    events = load_timeline().head(1).assign(detail="<script>x</script>")
    assert "<script>" not in TimelineBrowser(events).card_html


def test_view_follows_the_logic():
    from korea_kit.widgets import timeline_browser

    view = timeline_browser()
    view._picker.value = 6
    assert view.logic.label.startswith("Moon meets Kim Yong Chol")
    assert "Blue House" in view._card.value


def test_browser_of_a_number_says_it_needs_a_table():
    from korea_kit._errors import KitTypeError

    with pytest.raises(KitTypeError, match="timeline_browser: events should be a table"):
        TimelineBrowser(5)


def test_browser_of_an_empty_timeline_is_refused_kindly():
    from korea_kit._errors import KitValueError

    with pytest.raises(KitValueError, match="no rows"):
        TimelineBrowser(load_timeline().head(0))
