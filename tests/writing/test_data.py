"""The writing room's data files hold every target, piece of advice and word list."""

import pytest

from korea_kit.writing._data import _advice, _targets, advice, sections, signals, target, words
from korea_kit.writing._signals import SIGNALS


def test_every_signal_has_a_label_and_a_note_on_how_it_was_measured():
    assert list(signals()) == list(SIGNALS)
    assert all(row["label"] and row["measured"] for row in signals().values())


def test_every_signal_has_advice_for_good():
    assert all((name, "good") in _advice() for name in signals())


def test_every_target_is_a_number():
    assert all(isinstance(v, float) for v in _targets().values())


def test_the_word_count_target_brackets_the_ir_insider_report():
    import korea_kit as kk

    body = sum(len(p.text.split()) for p in kk.load_corpus()["003"].body)
    assert target("words", "low") <= body <= target("words", "high")


def test_placeholders_are_filled():
    assert "{" not in advice("words", "short", value=10, low=300, high=650)


def test_a_missing_target_is_a_kit_error():
    from korea_kit import KitError

    with pytest.raises(KitError, match="writing_targets.csv"):
        target("words", "nope")


def test_source_type_labels_cover_every_source_type():
    from korea_kit.sourcing import SOURCE_TYPES

    assert set(words("source_type_labels")) == set(SOURCE_TYPES)


def test_every_section_has_a_label_and_a_prompt():
    assert all(row["label"] and row["prompt"] for row in sections().values())
