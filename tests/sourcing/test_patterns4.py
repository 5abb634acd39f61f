"""Fourth round of failure patterns found on real news (PolNeAR train), each on an invented sentence of the same
shape. No PolNeAR text is used here."""

from .test_patterns import pick, rows


def texts(body: str) -> list[str]:
    return [r["text"] for r in rows(body)]


# -- a quotation after "X said," is the quote's, not indirect speech -------------------------------------------
def test_an_opening_phrase_before_said_and_a_quote_is_not_reported_speech():
    body = 'In a statement on Monday, a ministry official said, "We are not going to comment on the letter."'
    assert texts(body) == ["We are not going to comment on the letter."]


def test_the_quote_after_said_is_direct_with_the_speaker_before_the_cue():
    found = pick('Asked about the vote, Ana Vance said, "We will win it."', "We will win it.")
    assert (found["kind"], found["speaker"]) == ("direct", "Ana Vance")


# -- what follows the cue of a quote is its time and place, not its content --------------------------------------
def test_a_day_and_place_after_the_cue_of_a_quote_are_not_content():
    assert texts('"We will win this," Ana Vance said Sunday at a rally in Sarn.') == ["We will win this,"]


def test_a_that_clause_after_the_cue_of_a_quote_is_still_reported_speech():
    body = 'Ana Vance said on Friday that the talks would go on and that "nothing is settled."'
    assert "the talks would go on" in texts(body)


# -- a colon after a verb that is not a cue ---------------------------------------------------------------------
def test_a_quote_after_a_colon_belongs_to_the_subject_of_the_verb():
    found = pick('Ana Vance shot back: "That would be good for everyone."', "That would be good for everyone.")
    assert (found["speaker"], found["cue"], found["kind"]) == ("Ana Vance", "shot", "direct")


def test_a_party_and_state_tag_is_not_the_speaker():
    found = pick('Tom Reyes, R-Ohio, delivered a warning to the cabinet: "Stop the cuts now."', "Stop the cuts now.")
    assert found["speaker"] == "Tom Reyes"


def test_a_colon_after_a_list_opener_names_no_speaker():
    assert rows('Here are the rules: "No phones in the hall."') == []


# -- a paragraph that is only a quotation continues the voice of the quoted paragraph before it ----------------------
def test_a_quotation_paragraph_after_a_quoted_paragraph_is_the_same_voice():
    body = '"Very good work," Susan Hale said as she left.\n\n"But we are not done, and we know it."'
    assert pick(body, "But we are not done, and we know it.")["speaker"] == "Susan Hale"


def test_a_quotation_paragraph_after_plain_prose_gets_no_speaker():
    body = "The hall was full by noon.\n\n\"But we are not done, and we know it.\""
    assert rows(body) == []


# -- a speaker is a noun phrase, never a clause cut in the middle -----------------------------------------------------
def test_an_opening_time_phrase_is_not_the_speaker_of_a_participle():
    found = pick("Over the past two weeks, Ana Vance fired her chief of staff, acknowledging that trust in the "
                 "office had been lost.", "trust in the office had been lost")
    assert found["speaker"] == "Ana Vance"


def test_an_aside_between_commas_is_not_the_speaker():
    found = rows("The ministry, for instance, refused to confirm the report.")
    assert [(r["text"], r["speaker"]) for r in found] == [("to confirm the report", "The ministry")]


def test_a_long_relative_clause_gives_way_to_the_subject_of_the_sentence():
    found = pick("Ana Vance, who founded the institute in 1979 and is a longtime member of the council, has endorsed "
                 "the plan to cut taxes.", "the plan to cut taxes")
    assert found["speaker"] == "Ana Vance"


def test_a_sentence_opening_preposition_is_not_part_of_a_name():
    body = 'For Ana Vance, the deal was a victory. "It is the best day of my career," she said.'
    assert pick(body, "It is the best day of my career,")["speaker"] == "Ana Vance"


# -- "told" an audience, then a clause ------------------------------------------------------------------------------
def test_told_a_named_audience_and_a_day_then_a_bare_clause():
    found = pick("Ana Vance told The Sarn Herald on Saturday she would run again.", "she would run again")
    assert found["speaker"] == "Ana Vance" and found["cue"].startswith("told")


def test_told_reporters_then_a_clause_with_a_determiner():
    assert pick("She told reporters the plan was dead.", "the plan was dead")["cue"] == "told"


def test_told_a_story_is_not_reported_speech():
    assert rows("He told the story of his life at the dinner.") == []


# -- "according to" a long source; a second clause after "and that" --------------------------------------------------
def test_according_to_a_source_with_a_participle_tail():
    found = pick("The mayor spent $80,000 on tickets, according to a Sarn Watchdog report released by the "
                 "council.", "The mayor spent $80,000 on tickets")
    assert "Sarn Watchdog" in found["speaker"]


def test_said_one_clause_and_that_another_gives_both():
    body = "Jonas Pell said only one train in ten was running and that the offer was too low."
    assert texts(body) == ["only one train in ten was running", "the offer was too low"]


# -- the speaker after a quote: a role and then a name, a relative clause, a short tail before the cue -------------
def test_a_role_then_a_name_between_commas_gives_the_name():
    found = pick('"It would have helped the economy," the mayor\'s press secretary, Ana Vance, said on Tuesday.',
                 "It would have helped the economy,")
    assert (found["speaker"], found["cue"]) == ("Ana Vance", "said")


def test_the_cue_after_a_relative_clause_is_the_quote_cue():
    found = pick('"We are ready," a spokesman, who asked not to be named, said.', "We are ready,")
    assert (found["speaker"], found["cue"]) == ("a spokesman", "said")


def test_asking_not_to_be_named_is_not_reported_speech():
    assert texts('"We are ready," a spokesman, who asked not to be named, said.') == ["We are ready,"]


def test_a_short_tail_between_the_quote_and_its_cue_is_skipped():
    found = pick('"This will be a challenge" for the mayor, said Ted Rusk.', "This will be a challenge")
    assert found["speaker"] == "Ted Rusk"


def test_a_name_after_the_quote_is_not_taken_for_a_tail():
    found = pick('"We are ready," Ana Vance, a lawyer, said.', "We are ready,")
    assert found["speaker"] == "Ana Vance"


# -- stances and speech acts that PARC counts (data/attribution_cues.csv) -----------------------------------------
def test_a_stance_verb_with_an_object_is_a_belief():
    found = pick("Most Sarn voters oppose the new border fence.", "the new border fence")
    assert (found["cue"], found["cue_kind"]) == ("oppose", "belief")


def test_a_speech_act_with_an_object_is_speech():
    found = pick("Ana Vance denounced the decision to close the port.", "the decision to close the port")
    assert (found["cue_kind"], found["tone"]) == ("speech", "loaded")


# -- a cue form that is mostly a noun ------------------------------------------------------------------------------
def test_a_plural_noun_at_the_end_of_a_clause_is_not_a_reversed_cue():
    assert rows("Republicans now control both chambers of the legislature in 30 states.") == []


def test_a_home_state_is_not_a_cue():
    assert rows("He also won the contests in Sarn, Tavia and his home state.") == []


# -- titles inside a name; a participle or a tail after a quote -----------------------------------------------------
def test_a_title_with_a_full_stop_inside_a_name_keeps_the_whole_name():
    body = "Retired Army Col. Lena Wilk opened the debate and later said, \"It is not just one group.\""
    assert pick(body, "It is not just one group.")["speaker"] == "Lena Wilk"


def test_a_participle_after_a_quote_names_no_one_after_it():
    body = 'Ana Vance defended "Sarn values," saying the city embodied the best of the country.'
    assert all(r["speaker"] == "Ana Vance" for r in rows(body))


def test_a_tail_opened_by_a_preposition_is_not_the_speaker():
    found = pick('"We are extremely happy" about the decision, said Rosa Dell, the union\'s director.',
                 "We are extremely happy")
    assert found["speaker"] == "Rosa Dell"


def test_an_opening_word_alone_is_never_a_speaker():
    speakers = [r["speaker_text"] for r in rows("The ruling was a setback for Ana Vance, whose lawyers argued that "
                                                "the papers held trade secrets.")]
    assert "The" not in speakers


# -- round 7: transcripts, stand-in subjects, the subject next to the cue, honorific gender -----------------------
def test_a_transcript_name_before_a_colon_speaks_the_quote():
    found = pick('Rep. Ana Vance (D-Sarn): "I have not heard anyone say the files were lost."',
                 "I have not heard anyone say the files were lost.")
    assert (found["speaker"], found["cue"]) == ("Ana Vance", ":")


def test_a_document_with_a_head_noun_is_the_speaker():
    found = pick('The email went on to say, "Today people do not feel the same need to come."',
                 "Today people do not feel the same need to come.")
    assert found["speaker"] == "The email"


def test_the_capitalised_subject_next_to_the_cue_speaks_after_a_partial_quote():
    body = 'Vance "felt a duty to act on" the floods, Rusk said. "It was never a pose."'
    assert pick(body, "felt a duty to act on")["speaker"] == "Rusk"
    assert pick(body, "It was never a pose.")["speaker"] == "Rusk"


def test_a_coordinated_cue_after_an_opening_clause_takes_the_subject_of_its_clause():
    found = pick('When asked whom she backed, Ms. Ida Roth smiled and said, "I am waiting for someone new."',
                 "I am waiting for someone new.")
    assert found["speaker"] == "Ida Roth"


def test_he_is_not_a_person_the_text_calls_ms():
    body = "Senator Tom Hale spoke first. Ms. Ida Roth agreed with the plan.\n\nHe said the vote would come on Monday."
    assert pick(body, "the vote would come on Monday")["speaker"] == "Tom Hale"


# -- round 8 (the second held-out set, after its first measurement) ----------------------------------------------
def test_an_apposition_with_an_article_gives_way_to_the_name_before_it():
    found = pick("Radu Pell, a Civic Renewal MP, warned that a recount would not clear the square.",
                 "a recount would not clear the square")
    assert found["speaker"] == "Radu Pell"


def test_an_apposition_after_an_honorific_gives_way_to_the_name():
    found = pick("Ms. Moss, a first-term Unity Party governor, said the state would run short of water.",
                 "the state would run short of water")
    assert found["speaker_text"] == "Ms. Moss"


def test_an_auxiliary_after_an_apposition_leaves_the_name():
    found = pick("The health minister, Corin Aldane, has said the closures will save lives.",
                 "the closures will save lives")
    assert found["speaker"] == "Corin Aldane"


def test_a_clause_that_is_only_a_single_quoted_quotation_is_not_also_indirect():
    body = "Stefan Ardel said that ‘no one will be allowed to occupy public buildings’, according to the state broadcaster."
    kinds = [r["kind"] for r in rows(body) if r["text"].strip("‘’") == "no one will be allowed to occupy public buildings"]
    assert kinds == ["direct"]


def test_a_company_before_a_role_and_a_name_is_an_affiliation():
    body = ("Grainway Terminals spokesperson Anton Reeve said on Tuesday the allowance had been replaced. "
            "He said the company had offered to meet union leaders.")
    assert pick(body, "the allowance had been replaced")["speaker"] == "Anton Reeve"
    assert pick(body, "the company had offered to meet union leaders")["speaker"] == "Anton Reeve"


def test_the_union_stands_in_for_an_organisation_not_its_leader():
    body = ("Union leader Mirela Dunst said the strike would go on. The Harbour Workers Union said it was ready to "
            "talk.\n\nThe union has said it is willing to accept mediation.")
    assert pick(body, "it is willing to accept mediation")["speaker"] != "Mirela Dunst"
