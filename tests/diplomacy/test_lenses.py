"""ir_lenses(): guided questions, with hints and citations, kept as data."""

from korea_kit.diplomacy import ir_lenses


def test_the_five_lenses_are_there():
    assert ir_lenses()["lens"].tolist() == ["realism", "liberalism", "constructivism", "signals", "two_level"]


def test_every_lens_asks_for_a_sentence_as_evidence():
    assert all("sentence" in q for q in ir_lenses()["question"])


def test_costly_signals_cite_fearon_1997():
    assert "Fearon" in ir_lenses().set_index("lens").loc["signals", "citation"]
