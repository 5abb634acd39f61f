"""The timeline browser: logic tested by setting values, the view only wired to it."""

import pytest
from traitlets import TraitError

from korea_kit.diplomacy._browse import TimelineBrowser
from korea_kit.diplomacy._timeline import load_timeline


def test_choosing_an_event_updates_date_label_and_card():
    browser = TimelineBrowser()
    browser.index = 5
    assert browser.date == "2018-02-23"
    assert "27 entities" in browser.card_html


def test_out_of_range_choice_is_refused_kindly():
    with pytest.raises(TraitError, match="Pick an event number"):
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
