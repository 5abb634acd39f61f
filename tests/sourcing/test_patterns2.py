"""Second round of failure patterns found on real news (PolNeAR, issue 12), each on an invented sentence of the
same shape. No PolNeAR text is used here."""


from .test_patterns import pick, rows


# -- direct quotes -------------------------------------------------------------------------------------------------
def test_a_question_quote_is_said_by_the_short_sentence_after_it():
    assert pick('"Who do they think they are?" Vance said of the mill owners.',
                "Who do they think they are?")["speaker_text"] == "Vance"


def test_a_quote_is_not_given_to_a_new_statement_after_it():
    assert not [r for r in rows('"Why wait?" Vance said the mill will close in May.')
                if r["text"] == "Why wait?"]


def test_a_colon_lead_speaker_stays_in_its_own_sentence():
    body = 'Dana Orly spoke to the guild. She said:\n\n"We have waited long enough for a fair wage in this town."'
    assert pick(body, "We have waited long enough for a fair wage in this town.")["speaker_text"] == "She"


def test_a_capitalised_name_that_is_also_a_cue_word_speaks_after_the_quote():
    assert pick('"The deal is good for the town," Read said.', "The deal is good for the town,")[
        "speaker_text"] == "Read"


def test_a_chant_is_a_cue():
    assert pick('The marchers chanted, "Open the gates now!"', "Open the gates now!")["cue"] == "chanted"


# -- indirect speech -----------------------------------------------------------------------------------------------
def test_said_that_after_a_comma_is_not_read_as_said_and_a_name():
    assert pick("Salter, citing mill records, said that about 400 jobs were lost.",
                "about 400 jobs were lost")["speaker_text"] == "Salter"


def test_an_indirect_question_keeps_its_question_word():
    assert pick("Harlow asked the mayor how long the bridge would stay shut.",
                "how long the bridge would stay shut")["cue"] == "asked"


def test_said_of_is_not_reported_speech():
    assert not [r for r in rows('"Why now?" Vance said of the mill owners.') if r["kind"] == "indirect"]


# -- speakers --------------------------------------------------------------------------------------------------------
def test_a_relative_who_is_the_speaker_span():
    found = pick("The plan was backed by Dana Orly, who said the mill would reopen in May.",
                 "the mill would reopen in May")
    assert found["speaker_text"] == "who"


def test_a_relative_who_resolves_to_its_antecedent():
    found = pick("The plan was backed by Dana Orly, who said the mill would reopen in May.",
                 "the mill would reopen in May")
    assert found["speaker"] == "Dana Orly"


def test_a_pronoun_after_a_noun_is_the_speaker_of_a_contact_clause():
    assert pick("Dana Orly spoke. The only fault she mentioned was that the bridge is old.",
                "the bridge is old")["speaker_text"] == "she"


def test_a_leading_as_is_not_part_of_the_speaker():
    assert pick("Dana Orly spoke. The result, as she later explained, was a fall in prices.",
                "was a fall in prices")["speaker_text"] == "she"


def test_a_predicate_fragment_is_not_a_speaker():
    assert not [r for r in rows("The mayor has drawn big crowds describing a town left behind by the mill.")
                if r["speaker_text"] == "has drawn big crowds"]


def test_a_participle_cue_is_said_by_the_subject_of_its_clause():
    assert pick("Marten stayed on as a councillor until May, claiming he was wasting his time there.",
                "he was wasting his time there")["speaker_text"] == "Marten"


def test_a_possessive_speaker_loses_its_s():
    assert pick("Dana Orly's claim that the vote was rigged was rejected.",
                "the vote was rigged was rejected")["speaker_text"] == "Dana Orly"


def test_a_capitalised_verb_at_the_end_of_a_name_is_not_a_cue():
    assert rows("After months of threats, the government now wants talks with the United States.") == []
