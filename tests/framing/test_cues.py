"""Frame cues: the lexicon is well-formed data, and cues are found with valid offsets in any article."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import korea_kit as kk
from korea_kit import Article, ArticleError, KitTypeError
from korea_kit.framing import CUE_CATEGORIES, cue_profile, frame_cues, frame_lexicon

UNSEEN = Path(__file__).parents[1] / "fixtures" / "framing"


@pytest.fixture
def summit():
    return kk.load_article(UNSEEN / "summit_wire.txt")


@pytest.fixture
def missile_test():
    return kk.load_article(UNSEEN / "missile_test_wire.txt")


def _forms(lexicon):
    for row in lexicon.itertuples():
        yield from [row.cue, *[f for f in row.forms.split("|") if f]]


def test_the_lexicon_has_no_cue_or_form_twice():
    forms = [f.casefold() for f in _forms(frame_lexicon())]
    assert len(forms) == len(set(forms))


def test_every_lexicon_category_is_known():
    assert set(frame_lexicon()["category"]) == set(CUE_CATEGORIES)


def test_every_lexicon_row_has_a_gloss():
    assert frame_lexicon()["gloss"].str.strip().str.len().gt(0).all()


def test_the_lexicon_has_between_80_and_150_cues():
    assert 80 <= len(frame_lexicon()) <= 150


def test_attribution_tone_cues_cite_the_words_to_watch_guideline():
    tone = frame_lexicon().query("category == 'attribution_tone'")
    assert tone["source"].str.contains("Words to watch").sum() >= 10


def test_an_unseen_wire_story_yields_cooperation_and_conflict_cues(summit):
    categories = set(frame_cues(summit)["category"])
    assert {"cooperation", "conflict"} <= categories


def test_every_cue_row_points_into_the_text(summit):
    table = frame_cues(summit)
    assert all(summit.text[r.start:r.end] == r.text for r in table.itertuples())


def test_a_missile_test_story_yields_threat_cues(missile_test):
    threats = frame_cues(missile_test).query("category == 'threat'")
    assert {"test-fired", "ballistic", "act of war"} <= set(threats["text"])


def test_inflected_forms_are_found_under_their_headword(summit):
    table = frame_cues(summit)
    assert table.loc[table["text"] == "clashed", "cue"].tolist() == ["clash"]


def test_overlapping_cues_keep_the_longest(summit):
    table = frame_cues(summit)
    phrase = table[table["cue"] == "war of words"].iloc[0]
    assert len(table[(table["start"] < phrase["end"]) & (phrase["start"] < table["end"])]) == 1


def test_boilerplate_is_skipped():
    credit = "(Reporting by Peace Talks; Editing by Ana Thaw)"
    art = Article.from_text(f"Talks resume\n\nLeaders agreed to talks.\n\n{credit}")
    assert frame_cues(art)["text"].tolist() == ["Talks", "agreed", "talks"]


def test_the_cues_become_spans_of_the_frame_cue_layer(summit):
    table = frame_cues(summit)
    spans = summit.spans["frame_cue"]
    assert [(s.start, s.end, s.label) for s in spans] == list(zip(table["start"], table["end"], table["category"]))


def test_a_cue_span_carries_its_cue_and_gloss(summit):
    frame_cues(summit)
    span = next(s for s in summit.spans["frame_cue"] if s.text == "thaw")
    assert span.attrs["cue"] == "thaw" and span.attrs["gloss"]


def test_calling_frame_cues_twice_does_not_duplicate_spans(summit):
    frame_cues(summit)
    first = len(summit.spans["frame_cue"])
    frame_cues(summit)
    assert len(summit.spans["frame_cue"]) == first > 0


def test_the_month_may_is_not_a_hedge():
    art = Article.from_text("Vote set\n\nThe vote is in May and may be close.")
    assert frame_cues(art).query("category == 'hedge'")["start"].tolist() == [art.text.index(" may ") + 1]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab tw-\n'’?.")) | st.characters(), min_size=1, max_size=120),
       st.lists(st.sampled_from(["war of words", "thaw", "Talks", "could", "act of war", "so-called", "regime"]),
                max_size=6))
def test_every_frame_cue_span_satisfies_the_offset_invariant(noise, cues):
    text = noise + " " + " ".join(cues) + noise
    try:
        art = Article.from_text(text)
    except ArticleError:  # only blank text is refused
        return
    table = frame_cues(art)
    assert all(s.text == art.text[s.start:s.end] for s in art.spans["frame_cue"])
    assert all(art.text[r.start:r.end] == r.text for r in table.itertuples())


def test_frame_cues_on_a_corpus_is_a_kit_error():
    with pytest.raises(KitTypeError, match="one article"):
        frame_cues(kk.load_corpus())


def test_cue_profile_has_one_row_per_outlet_and_one_column_per_category():
    profile = cue_profile(kk.load_corpus())
    assert list(profile.columns) == list(CUE_CATEGORIES) and len(profile) == 3


def test_cue_profile_counts_the_cues_frame_cues_finds(summit):
    assert cue_profile(summit).to_numpy().sum() == len(frame_cues(summit))


def test_cue_profile_does_not_change_the_articles():
    corpus = kk.load_corpus()
    cue_profile(corpus)
    assert all("frame_cue" not in article.spans for article in corpus)


def test_cue_profile_of_a_number_is_a_kit_error():
    with pytest.raises(KitTypeError, match="corpus should be"):
        cue_profile(3)
