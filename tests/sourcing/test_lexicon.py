"""The extractor's word lists live in korea_kit/data (tests/test_layout.py checks that none stays in code)."""

import ast
import csv
import json
from pathlib import Path

import pytest

import korea_kit
from korea_kit.sourcing import _lexicon

PACKAGE = Path(korea_kit.__file__).parent
MODULES = sorted((PACKAGE / "sourcing").glob("*.py"))
METHODS_TONES = {"said": "neutral", "stated": "neutral", "according to": "neutral", "noted": "endorsing",
                 "revealed": "endorsing", "pointed out": "endorsing", "explained": "endorsing", "claimed": "doubting"}


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_every_module_says_what_it_does(path):
    assert ast.get_docstring(ast.parse(path.read_text("utf-8")))


def test_every_word_list_has_a_description_and_words():
    lists = json.loads((PACKAGE / "data" / "sourcing_words.json").read_text("utf-8"))["lists"]
    for name, entry in lists.items():
        assert entry["description"] and (entry["words"] or entry.get("patterns")), name


def test_every_pattern_in_the_word_lists_compiles():
    lists = json.loads((PACKAGE / "data" / "sourcing_words.json").read_text("utf-8"))["lists"]
    for name in lists:
        assert _lexicon.pattern(name).pattern


def test_the_word_lists_are_read_once():
    assert _lexicon._lists() is _lexicon._lists()


@pytest.mark.parametrize("form, tone", METHODS_TONES.items())
def test_verb_tones_agree_with_the_methods_notes(form, tone):
    assert _lexicon.verb_forms()[form][1] == tone


def test_every_verb_has_a_known_tone():
    with open(PACKAGE / "data" / "reporting_verbs.csv", encoding="utf-8") as file:
        tones = {row["tone"] for row in csv.DictReader(file)}
    assert tones <= {"neutral", "endorsing", "doubting", "loaded"}
