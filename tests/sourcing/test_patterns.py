"""The failure patterns found on real news (PolNeAR, Newell, Margolin and Ruths, LREC 2018), each on an invented
sentence of the same shape. No PolNeAR text is used here."""

import importlib.util
from pathlib import Path

import pytest

import korea_kit as kk
from korea_kit.text._segment import split_sentences


def rows(body: str) -> list[dict]:
    return kk.quotes(kk.Article.from_text("Talks resume\n\n" + body)).to_dict("records")


def pick(body: str, text: str) -> dict:
    found = [r for r in rows(body) if r["text"] == text]
    assert found, rows(body)
    return found[0]


# -- speakers after the quote, with honorifics, initials, abbreviations and appositions -------------------------
@pytest.mark.parametrize("title", ["Mr.", "Ms.", "Dr."])
def test_a_speaker_with_an_honorific_after_the_quote_is_found(title):
    assert pick(f'"We will win the vote in March," {title} Dorran said.', "We will win the vote in March,")[
        "speaker_text"] == f"{title} Dorran"


def test_a_title_abbreviation_does_not_end_the_speaker():
    assert pick('"It is over for this bill," said Sen. Pia Marlo.', "It is over for this bill,")["speaker"] == "Pia Marlo"


def test_an_initial_stays_inside_the_speaker_phrase():
    found = pick("Chair Lena K. Ostrow said the rates would stay low.", "the rates would stay low")
    assert found["speaker"] == "Lena K. Ostrow"


def test_the_sentence_splitter_keeps_a_title_abbreviation_with_its_name():
    text = "Gov. Tam Reed spoke first. Then he left."
    assert [text[a:b] for a, b in split_sentences(text)] == ["Gov. Tam Reed spoke first.", "Then he left."]


def test_an_abbreviation_that_stands_before_numbers_ends_a_sentence_elsewhere():
    text = "The answer was no. Gov. Tam Reed left. It was No. 5 on the list."
    assert len(split_sentences(text)) == 3


def test_an_apposition_between_speaker_and_cue_leaves_the_name():
    found = pick('"We are ready to go," Omar Bell, counsel to the transition team, said.', "We are ready to go,")
    assert found["speaker_text"] == "Omar Bell"


# -- quotation-mark styles ----------------------------------------------------------------------------------------
def test_doubled_apostrophes_are_read_as_double_quotation_marks():
    body = "''We will not sign this draft,'' said Ms. Vane. ''It gives away too much.''"
    assert [r["text"] for r in rows(body)] == ["We will not sign this draft,", "It gives away too much."]


def test_british_single_quotes_are_read_as_quotations():
    assert pick("'We will not sign this draft,' said Ana Vane.", "We will not sign this draft,")["speaker"] == "Ana Vane"


def test_a_run_on_quote_cut_by_a_new_opening_mark_goes_to_the_next_speaker():
    found = rows('"We have done our part. "The rest is up to them," Ana Vane said.')
    assert [(r["text"], r["speaker"]) for r in found] == [("We have done our part.", "Ana Vane"),
                                                         ("The rest is up to them,", "Ana Vane")]


def test_a_paragraph_opening_a_run_on_quote_continues_the_previous_speaker():
    body = ('"We will not sign this draft," Ana Vane said.\n\n"It gives away too much and asks too little.\n\n'
            '"Nobody in my party would vote for it."\n\nThe talks resume on Monday.')
    assert [r["speaker"] for r in rows(body)] == ["Ana Vane"] * 3


# -- partial quotes inside a clause ---------------------------------------------------------------------------
@pytest.mark.parametrize("body, quoted", [
    ('The minister described the border as a "scar" on the region.', "scar"),
    ('Ana Vane urged a "concerted" response from the allies.', "concerted"),
    ('The sides are "racing towards the finish line," as Ana Vane puts it.', "racing towards the finish line,"),
])
def test_a_partial_quote_inside_a_clause_has_a_speaker(body, quoted):
    assert pick(body, quoted)["kind"] == "partial"


def test_a_second_partial_quote_in_the_same_sentence_is_found():
    found = rows('Ana Vane called the plan "reckless" and the timing "absurd".')
    assert {r["text"] for r in found if r["kind"] == "partial"} == {"reckless", "absurd"}


# -- pronouns -----------------------------------------------------------------------------------------------
def test_a_pronoun_goes_to_the_subject_not_to_the_last_name_mentioned():
    body = ("Senator Tom Reyes spoke for an hour in Dover. He thanked Governor Lee Park and Mayor Jim Cole. "
            "He said the state would recover soon.")
    assert pick(body, "the state would recover soon")["speaker"] == "Tom Reyes"


# -- indirect speech beyond "said that" -------------------------------------------------------------------------
@pytest.mark.parametrize("body, content, cue", [
    ("The budget will pass before the summer recess, Tom Reyes wrote.", "The budget will pass before the summer recess",
     "wrote"),
    ("Tom Reyes told a congressional hearing on Tuesday that the plan was sound.", "the plan was sound", "told"),
    ("Tom Reyes claimed the count had been rigged.", "the count had been rigged", "claimed"),
    ("Tom Reyes suggested that the vote be delayed.", "the vote be delayed", "suggested"),
    ("Tom Reyes admitted that the figures were wrong.", "the figures were wrong", "admitted"),
    ("Tom Reyes denied any wrongdoing in the matter.", "any wrongdoing in the matter", "denied"),
    ("Tom Reyes hinted that he might resign soon.", "he might resign soon", "hinted"),
    ("Tom Reyes accused the ministry of hiding the figures.", "the ministry of hiding the figures", "accused"),
    ("The plan, Tom Reyes said, is dead in the water.", "is dead in the water", "said"),
    ("Federal rules are a burden on schools, said Ana Vane, a teacher.", "Federal rules are a burden on schools",
     "said"),
])
def test_indirect_speech_shapes(body, content, cue):
    found = pick(body, content)
    assert (found["kind"], found["cue"]) == ("indirect", cue)


def test_a_nominal_cue_introduces_reported_speech():
    found = pick("The ministry issued a statement saying the figures were wrong.", "the figures were wrong")
    assert found["cue"] == "saying"


# -- the new columns ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("body, content, kind", [
    ("Ana Vane believes the treaty will hold.", "the treaty will hold", "belief"),
    ("Tom Reyes plans to vote against the treaty.", "to vote against the treaty", "intention"),
    ("A new poll shows that most voters want change.", "most voters want change", "document"),
    ("Ana Vane said the treaty will hold.", "the treaty will hold", "speech"),
])
def test_cue_kind_says_what_the_cue_reports(body, content, kind):
    assert pick(body, content)["cue_kind"] == kind


@pytest.mark.parametrize("body, hedged", [
    ("Ana Vane reportedly told aides that she would resign.", True),
    ("Ana Vane allegedly said that she would resign.", True),
    ("Ana Vane told aides that she would resign.", False),
])
def test_hedged_marks_a_hedged_attribution(body, hedged):
    assert pick(body, "she would resign")["hedged"] is hedged


def test_the_new_columns_come_after_the_old_ones():
    from korea_kit.sourcing import COLUMNS
    from korea_kit.sourcing._attribution import EXTRA_COLUMNS

    assert EXTRA_COLUMNS[-2:] == ["cue_kind", "hedged"] and COLUMNS[:3] == ["speaker", "speaker_text", "text"]


def test_a_determiner_before_a_cue_word_makes_it_a_noun():
    assert rows("The proposed cap on ships was a planned step for the two navies.") == []


# -- the PolNeAR benchmark's scoring, on an invented brat sample ----------------------------------------------
@pytest.fixture(scope="module")
def bench():
    path = Path(__file__).resolve().parents[2] / "benchmarks" / "polnear.py"
    spec = importlib.util.spec_from_file_location("polnear_benchmark", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


TEXT = 'Talks\n\n"We will sign," Ana Vane said. "Soon." Tom Reyes said the deal was weak.'
ANN = ("T1\tContent 7 22;38 45\t\"We will sign,\" \"Soon.\"\nT2\tSource 23 31\tAna Vane\nT3\tCue 32 36\tsaid\n"
       "E1\tAttribution:T9 Source:T2 Cue:T3 Content:T1\n"
       "T4\tContent 61 78\tthe deal was weak\nT5\tCue 56 60\tsaid\nE2\tAttribution-no-source:T8 Cue:T5 Content:T4\n")


def test_the_benchmark_reads_discontinuous_brat_spans(bench):
    gold = bench.read_brat(ANN)
    assert gold[0]["content"] == [(7, 22), (38, 45)] and gold[1]["source"] == []


def test_the_benchmark_matches_one_to_one_by_shared_tokens(bench):
    a, b = frozenset({1, 2, 3}), frozenset({3, 4})
    assert bench.match([a, b], [frozenset({1, 2, 3, 4})]) == [(0, 0)]


def test_the_benchmark_counts_rows_with_one_cue_as_one_attribution(bench):
    scores = bench.Scores()
    found = kk.quotes(kk.Article.from_text(TEXT)).to_dict("records")
    scores.add(TEXT, found, bench.read_brat(ANN))
    row = scores.rows["all attributions"].row()
    assert row["found"] == 2 and row["exact"] == (1.0, 1.0, 1.0)
    assert scores.rows["direct quotes"].row()["gold"] == 1 and scores.source == [1, 1]


def test_the_benchmark_maps_offsets_when_the_kit_normalises_line_endings(bench):
    assert bench.offset_map("a\r\nb", "a\nb") == [0, 1, 1, 2, 3] and bench.offset_map("ab", "ab") is None


def test_the_benchmark_skips_with_a_reason_when_the_data_is_absent(bench, monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("KOREA_KIT_POLNEAR", str(tmp_path))
    assert bench.main(["--split", "dev"]) == 0 and "Skipped" in capsys.readouterr().out
