"""The brief writer's template: sections to one draft and back."""

from korea_kit.writing._sections import SECTION_NAMES, assemble, split


def test_the_sections_are_the_six_of_the_template():
    assert SECTION_NAMES == ("headline", "standfirst", "lead", "context", "voices", "next")


def test_a_draft_splits_back_into_its_sections():
    parts = {"headline": "Talks?", "standfirst": "Short.", "lead": "Moon spoke.\n\nThen Kim.", "context": "In 2017.",
             "voices": '"We are ready," he said.', "next": "Watch April."}
    assert split(assemble(parts)) == parts


def test_empty_sections_are_left_out_of_the_draft():
    assert assemble({"headline": "Only this", "lead": "  "}) == "# Only this"


def test_text_before_any_known_heading_is_the_lead():
    assert split("# H\n\nSome text.\n\n## Odd heading\n\nMore.")["lead"] == "Some text.\n\n## Odd heading\n\nMore."


def test_a_draft_without_a_hash_line_takes_its_first_line_as_headline():
    assert split("My headline\nbody text")["headline"] == "My headline"
