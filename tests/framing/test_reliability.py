"""Krippendorff's alpha, percent agreement and Cohen's kappa: published values and an independent computation."""

from __future__ import annotations

import itertools
import math
import random

import numpy as np
import pandas as pd
import pytest

from korea_kit import KitError
from korea_kit.framing import LEVELS, cohen_kappa, krippendorff_alpha, percent_agreement, read_alpha

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": the two worked examples.
BINARY = [[0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
          [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]]
MISSING = [[1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
           [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
           [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
           [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None]]
PUBLISHED = {"nominal": 0.743, "ordinal": 0.815, "interval": 0.849, "ratio": 0.797}


def test_binary_example_with_two_coders_gives_the_published_alpha():
    assert round(krippendorff_alpha(BINARY), 3) == 0.095


@pytest.mark.parametrize("level", LEVELS)
def test_four_coder_example_with_missing_values_gives_the_published_alpha(level):
    assert round(krippendorff_alpha(MISSING, level), 3) == PUBLISHED[level]


def test_numpy_array_with_nan_gives_the_same_alpha_as_lists_with_none():
    array = np.array([[np.nan if v is None else v for v in row] for row in MISSING], dtype=float)
    assert krippendorff_alpha(array, "interval") == pytest.approx(krippendorff_alpha(MISSING, "interval"))


def test_dataframe_with_coders_as_rows_gives_the_same_alpha():
    frame = pd.DataFrame(MISSING, index=["A", "B", "C", "D"])
    assert krippendorff_alpha(frame) == pytest.approx(krippendorff_alpha(MISSING))


def test_text_codes_work_at_the_nominal_level():
    coders = [["conflict", "economic", "conflict", None], ["conflict", "economic", "morality", "economic"]]
    assert -1 <= krippendorff_alpha(coders) < 1


def test_perfect_agreement_gives_one():
    assert krippendorff_alpha([[1, 2, 3, 1], [1, 2, 3, 1], [1, 2, None, 1]]) == 1.0


def _pairwise_alpha(rows, level):
    """Alpha from its definition as pairwise sums over values (no coincidence matrix), for comparison."""
    units = [[v for v in unit if v is not None] for unit in zip(*rows)]
    units = [u for u in units if len(u) >= 2]
    values = [v for u in units for v in u]
    n = len(values)
    counts = {v: values.count(v) for v in set(values)}
    ranked = sorted(counts)

    def delta(c, k):
        if level == "nominal":
            return float(c != k)
        if level == "interval":
            return float(c - k) ** 2
        if level == "ratio":
            return 0.0 if c + k == 0 else ((c - k) / (c + k)) ** 2
        lo, hi = sorted((ranked.index(c), ranked.index(k)))
        return (sum(counts[g] for g in ranked[lo:hi + 1]) - (counts[c] + counts[k]) / 2) ** 2

    observed = sum(sum(delta(a, b) for a, b in itertools.permutations(u, 2)) / (len(u) - 1) for u in units) / n
    expected = sum(delta(a, b) for a, b in itertools.permutations(values, 2)) / (n * (n - 1))
    return 1 - observed / expected


@pytest.mark.parametrize("seed", range(40))
def test_random_matrices_agree_with_an_independent_pairwise_computation(seed):
    rng = random.Random(seed)
    coders, units = rng.randint(2, 5), rng.randint(3, 15)
    rows = [[rng.choice([None, 1, 2, 3, 4, 5]) if rng.random() < 0.85 else None for _ in range(units)]
            for _ in range(coders)]
    rows[0][0], rows[1][0], rows[0][1], rows[1][1] = 1, 2, 3, 3  # at least two values to compare
    for level in LEVELS:
        assert krippendorff_alpha(rows, level) == pytest.approx(_pairwise_alpha(rows, level)), level


def test_percent_agreement_counts_units_coded_by_both():
    assert percent_agreement(["a", "b", None, "c"], ["a", "x", "b", "c"]) == pytest.approx(2 / 3)


def test_cohen_kappa_of_the_binary_example():
    assert round(cohen_kappa(*BINARY), 3) == 0.091


@pytest.mark.parametrize("alpha, words", [(0.9, "reliable"), (0.7, "tentative"), (0.2, "not reliable")])
def test_read_alpha_says_what_a_value_supports(alpha, words):
    assert words in read_alpha(alpha)


@pytest.mark.parametrize("bad", [None, 5, "codes", [[1, 2, 3]], [[1, 2], [1]], [[1, 2], 3]])
def test_a_matrix_that_is_not_coders_by_units_is_a_kit_error(bad):
    with pytest.raises(KitError):
        krippendorff_alpha(bad)


def test_an_unknown_level_suggests_the_closest():
    with pytest.raises(KitError, match="Did you mean 'ordinal'"):
        krippendorff_alpha(MISSING, "ordnial")


def test_text_codes_at_the_interval_level_are_a_kit_error():
    with pytest.raises(KitError, match="nominal"):
        krippendorff_alpha([["a", "b"], ["a", "a"]], "interval")


def test_no_variation_at_all_is_explained_not_divided_by_zero():
    with pytest.raises(KitError, match="no variation"):
        krippendorff_alpha([[1, 1, 1], [1, 1, 1]])


def test_nan_is_not_a_valid_alpha_to_read():
    with pytest.raises(KitError):
        read_alpha(math.nan)
