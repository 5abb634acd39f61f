"""Word lists of the text room live in korea_kit/data/text_words.json (tests/test_layout.py checks none stays in code)."""

import pytest

from korea_kit._errors import KitLookupError
from korea_kit.text._words import alternation, word_list


def test_every_list_has_a_note_and_words():
    import json
    from importlib import resources

    raw = json.loads(resources.files("korea_kit").joinpath("data/text_words.json").read_text("utf-8"))
    assert raw["about"] and all(entry["note"] and entry["words"] for key, entry in raw.items() if key != "about")


def test_unknown_list_is_a_lookup_error():
    with pytest.raises(KitLookupError, match="sentence_openers"):
        word_list("openers")


def test_alternation_escapes_and_puts_longer_words_first():
    assert alternation("month_abbreviations").index("Sept") < alternation("month_abbreviations").index("Sep|")
