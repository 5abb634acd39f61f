"""Agreement, disagreements and quote tags against the gold, on tiny hand-made classes."""

from __future__ import annotations

import math

import pytest

from korea_kit.classroom import load_class

A0, A1, A3 = "000_e8b4f7a2d72eebd2", "001_2d17110a08b0926d", "003_46fde5033e6a92f2"


def row(table, exercise, item):
    return table[(table["exercise"] == exercise) & (table["item"] == item)].iloc[0]


def test_alpha_matches_a_hand_computation(exports):
    # Unit 1: yes, yes, yes. Unit 2: no, no, yes. Coincidences: o(y,y) = 3 + 0, o(n,n) = 1, o(y,n) = o(n,y) = 1;
    # n_yes = 4, n_no = 2, n = 6. D_o = 2/6; D_e = 2 * 4 * 2 / (6 * 5) = 16/30; alpha = 1 - (1/3) / (8/15) = 0.375.
    exports("Ana", [(A0, "03.sv", "conflict_1", True), (A1, "03.sv", "conflict_1", False)])
    exports("Ben", [(A0, "03.sv", "conflict_1", True), (A1, "03.sv", "conflict_1", False)])
    exports("Cho", [(A0, "03.sv", "conflict_1", True), (A1, "03.sv", "conflict_1", True)])
    found = row(load_class(exports.folder).agreement(), "03.sv", "conflict_1")
    assert (found["alpha"], found["n_coders"], found["n_units"]) == (pytest.approx(0.375), 3, 2)


def test_an_item_coded_by_one_student_has_no_alpha_and_a_plain_note(exports):
    exports("Ana", [(A0, "03.sv", "moral_1", True)])
    found = row(load_class(exports.folder).agreement(), "03.sv", "moral_1")
    assert math.isnan(found["alpha"]) and "Fewer than two students" in found["note"]


def test_an_item_everyone_answered_alike_has_no_alpha_and_says_why(exports):
    exports("Ana", [(A0, "03.sv", "moral_1", True)])
    exports("Ben", [(A0, "03.sv", "moral_1", True)])
    found = row(load_class(exports.folder).agreement(), "03.sv", "moral_1")
    assert math.isnan(found["alpha"]) and "same" in found["note"]


def test_event_codes_are_compared_per_sentence(exports):
    event = {"start": 0, "end": 60, "source_actor": "PRK", "target_actor": "USA", "cameo": "036"}
    exports("Ana", [(A0, "04.events", "0", event)])
    exports("Ben", [(A0, "04.events", "0", {**event, "cameo": "040"})])
    table = load_class(exports.folder).agreement()
    assert (row(table, "04.events", "cameo")["n_units"], row(table, "04.events", "actors")["n_coders"]) == (1, 2)


def test_free_text_work_is_not_an_item(exports):
    exports("Ana", [(A0, "03.entman", "problem", {"answer": "Nuclear tests.", "evidence": []})])
    exports("Ben", [(A0, "03.entman", "problem", {"answer": "Sanctions.", "evidence": []})])
    assert load_class(exports.folder).agreement().empty


def test_disagreements_put_the_most_split_unit_first_with_its_counts_and_text(exports):
    exports("Ana", [(A0, "03.sv", "conflict_1", True), (A1, "03.sv", "conflict_1", True)])
    exports("Ben", [(A0, "03.sv", "conflict_1", False), (A1, "03.sv", "conflict_1", True)])
    work = load_class(exports.folder)
    first = work.disagreements().iloc[0]
    assert (first["answers"], first["majority"], first["article"]) == ("no (1) · yes (1)", 0.5,
                                                                       work.corpus[A0].title)


def test_a_disagreement_on_a_tagged_sentence_shows_the_sentence_in_full(exports):
    from korea_kit import load_corpus

    sentence = load_corpus()[A1].sentences[2]
    exports("Ana", spans=[(A1, "02.tags", sentence.start, sentence.end, "direct quote")])
    exports("Ben", spans=[(A1, "02.tags", sentence.start, sentence.end, "indirect speech")])
    assert load_class(exports.folder).disagreements()["passage"].iloc[0] == " ".join(sentence.text.split())


def test_quote_tags_are_scored_against_the_gold_per_student_and_overall(exports):
    from korea_kit import load_corpus, load_gold
    from korea_kit.sourcing._voices import _sentence_kinds

    article = load_corpus()[A3]
    kinds = _sentence_kinds(article, load_gold())
    quoted = next(i for i, k in kinds.items() if k == "direct")
    plain = next(i for i, k in kinds.items() if k == "none")
    s, t = article.sentences[quoted], article.sentences[plain]
    exports("Ana", spans=[(A3, "02.tags", s.start, s.end, "direct quote"), (A3, "02.tags", t.start, t.end, "no attribution")])
    exports("Ben", spans=[(A3, "02.tags", s.start, s.end, "indirect speech")])
    table = load_class(exports.folder).quote_tags_vs_gold().set_index("student")
    assert table["agree"].to_dict() == {"Ana": 2, "Ben": 0, "all students": 2}
    assert table.loc["Ben", "most common mistake"] == "direct quote tagged as indirect speech (1)"


def test_the_label_table_is_the_quote_taggers(exports):
    from korea_kit.classroom._class import _LABEL_KIND
    from korea_kit.sourcing._voices import _LABEL_KIND as sourcing_labels

    assert _LABEL_KIND == sourcing_labels
