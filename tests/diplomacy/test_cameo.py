"""The CAMEO code table: well formed, and the weights METHODS.md quotes."""

from __future__ import annotations

import pytest

import korea_kit as kk
from korea_kit.diplomacy._cameo import QUAD_CLASSES, cameo_codes, need_cameo

PLOVER_QUAD = {"AGREE": "verbal cooperation", "CONSULT": "verbal cooperation", "SUPPORT": "verbal cooperation",
               "CONCEDE": "verbal cooperation", "COOPERATE": "material cooperation", "AID": "material cooperation",
               "RETREAT": "material cooperation", "REQUEST": "verbal conflict", "ACCUSE": "verbal conflict",
               "REJECT": "verbal conflict", "THREATEN": "verbal conflict"}
PLOVER_QUAD.update(dict.fromkeys(["PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"], "material conflict"))


def test_no_code_appears_twice():
    assert not cameo_codes()["cameo"].duplicated().any()


def test_goldstein_weights_lie_between_minus_ten_and_ten():
    assert cameo_codes()["goldstein"].between(-10, 10).all()


def test_quad_class_matches_the_plover_category():
    coded = cameo_codes().query("plover != ''")
    assert (coded["quad_class"] == coded["plover"].map(PLOVER_QUAD)).all()


def test_every_quad_class_is_one_of_the_four():
    assert set(cameo_codes()["quad_class"]) <= set(QUAD_CLASSES)


@pytest.mark.parametrize("code, weight", [("010", 0.0), ("036", 4.0), ("026", 4.0), ("042", 1.9), ("043", 2.8),
                                          ("046", 7.0), ("1042", -5.0), ("111", -2.0), ("112", -2.0),
                                          ("1244", -4.0), ("130", -4.4), ("1312", -5.8), ("138", -7.0),
                                          ("163", -8.0)])
def test_weights_of_the_methods_codes_are_gdelts(code, weight):
    assert cameo_codes().set_index("cameo").loc[code, "goldstein"] == weight


def test_codes_keep_their_leading_zero():
    assert "036" in set(cameo_codes()["cameo"])


def test_a_code_without_its_leading_zero_is_refused_with_the_right_one_named():
    with pytest.raises(kk.KitError, match="'036'"):
        need_cameo("36", "test")
