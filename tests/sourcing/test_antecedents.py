"""Pronouns and stand-ins ("he", "the spokesman", "the statement") resolved by the sorted index of candidates."""

from korea_kit.sourcing._antecedents import Antecedents
from korea_kit.sourcing._attribution import Attribution


def spoke(speaker, at, entity="person", text=None, source_type="official"):
    return Attribution(at + 20, at + 40, "direct", "said", at, at + 5, text or speaker, at, at + len(text or speaker),
                       speaker=speaker, entity=entity, source_type=source_type)


def never_quoted(pos):
    return False


def test_a_pronoun_takes_the_latest_earlier_person():
    index = Antecedents([], never_quoted)
    index.add(spoke("Ana Vance", 0))
    index.add(spoke("Tomas Ferrand", 100))
    assert index.nearest("he", cue_at=150)[1] == "Tomas Ferrand"


def test_a_pronoun_skips_an_organisation():
    index = Antecedents([], never_quoted)
    index.add(spoke("Ana Vance", 0))
    index.add(spoke("Foreign Ministry", 100, entity="organisation"))
    assert index.nearest("she", cue_at=150)[1] == "Ana Vance"


def test_a_speaker_after_the_cue_is_not_a_candidate():
    index = Antecedents([], never_quoted)
    index.add(spoke("Ana Vance", 200))
    assert index.nearest("he", cue_at=150) is None


def test_a_stand_in_prefers_a_speaker_described_the_same_way():
    index = Antecedents([], never_quoted)
    index.add(spoke("Kim Eui-kyeom", 0, text="spokesman Kim Eui-kyeom"))
    index.add(spoke("Ana Vance", 100))
    assert index.nearest("spokesman", cue_at=150)[1] == "Kim Eui-kyeom"


def test_the_statement_is_never_a_person():
    index = Antecedents([(0, 11, "White House", "organisation")], never_quoted)
    index.add(spoke("Ana Vance", 100))
    assert index.nearest("statement", cue_at=150)[1] == "White House"


def test_a_name_inside_a_quotation_is_not_a_candidate():
    index = Antecedents([(10, 19, "Ana Vance", "person")], inside_quote=lambda pos: pos == 10)
    assert index.nearest("she", cue_at=150) is None


def test_a_name_in_subject_position_later_than_a_speaker_wins_for_a_pronoun():
    index = Antecedents([(100, 109, "Ana Vance", "person")], never_quoted, subjects=frozenset({100}))
    index.add(spoke("Tomas Ferrand", 0))
    assert index.nearest("she", cue_at=150)[1] == "Ana Vance"


def test_a_name_mentioned_later_than_a_speaker_but_not_as_a_subject_loses_for_a_pronoun():
    index = Antecedents([(100, 109, "Ana Vance", "person")], never_quoted)
    index.add(spoke("Tomas Ferrand", 0))
    assert index.nearest("she", cue_at=150)[1] == "Tomas Ferrand"


def test_he_or_she_never_stands_for_a_group():
    index = Antecedents([], never_quoted)
    index.add(spoke("Ana Vance", 0))
    index.add(spoke("two officials", 100, entity="group"))
    assert index.nearest("she", cue_at=150)[1] == "Ana Vance"
