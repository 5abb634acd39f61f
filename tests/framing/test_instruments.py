"""The coding instruments: the generic-frame items and the Policy Frames Codebook, read from data."""

from korea_kit.framing import policy_frames, sv2000_items


def test_the_items_per_frame_match_the_methods_summary():
    counts = sv2000_items().groupby("frame", sort=False).size().to_dict()
    assert counts == {"responsibility": 5, "human_interest": 5, "conflict": 4, "morality": 3, "economic": 3}


def test_item_ids_are_numbered_within_their_frame():
    items = sv2000_items()
    prefix = {"responsibility": "resp", "human_interest": "human", "conflict": "conflict", "morality": "moral",
              "economic": "econ"}
    expected = [f"{prefix[f]}_{i}" for f, group in items.groupby("frame", sort=False) for i in range(1, len(group) + 1)]
    assert items["item"].tolist() == expected


def test_every_item_is_a_question_with_a_citation():
    items = sv2000_items()
    assert items["question"].str.endswith("?").all()
    assert items["source"].str.contains("Semetko").all() and items["source"].str.contains("own words").all()


def test_the_codebook_has_fifteen_numbered_frames_ending_with_other():
    frames = policy_frames()
    assert frames["code"].tolist() == list(range(1, 16)) and frames["frame"].iloc[-1] == "Other"
    assert frames["frame"].is_unique and frames["source"].str.contains("Boydstun").all()


def test_each_frame_is_described_in_one_sentence():
    descriptions = policy_frames()["description"]
    assert descriptions.str.endswith(".").all() and (descriptions.str.count(r"\. ") == 0).all()


def test_a_changed_table_does_not_change_the_next_one():
    items = sv2000_items()
    items.loc[0, "question"] = "changed"
    assert sv2000_items().loc[0, "question"] != "changed"
