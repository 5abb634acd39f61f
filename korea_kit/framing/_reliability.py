"""How far coders agree: Krippendorff's alpha, percent agreement and Cohen's kappa.

Content analysts check a coding instrument by letting several people code
the same units and measuring how often they agree beyond chance. The kit's
own implementation (MIT, like the kit: the PyPI ``krippendorff`` package is
GPL-3.0-or-later) follows the coincidence-matrix method in Krippendorff,
"Computing Krippendorff's Alpha-Reliability" (2011):

* each unit's pairable values (two or more coders) give coincidences, each
  ordered pair weighted ``1 / (m_u - 1)`` for ``m_u`` values in the unit;
* ``alpha = 1 - D_o / D_e``, observed against expected disagreement, with
  the difference function of the level of measurement (nominal, ordinal,
  interval, ratio).

How to read alpha (Krippendorff 2004): 1 is perfect agreement, 0 is what
chance alone would give; 0.800 or more is reliable, 0.667 to 0.800 supports
tentative conclusions only, below 0.667 the codes should not be relied on.

The data is a reliability matrix: one row per coder, one column per unit,
``None`` (or NaN) where a coder did not code a unit. A list of lists, a
NumPy array or a pandas DataFrame all work.

>>> round(krippendorff_alpha([[0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
...                           [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]]), 3)
0.095
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from typing import Any

from .._errors import KitTypeError, KitValueError, did_you_mean, shown

__all__ = ["krippendorff_alpha", "percent_agreement", "cohen_kappa", "LEVELS", "read_alpha"]

LEVELS = ("nominal", "ordinal", "interval", "ratio")
"""The levels of measurement alpha knows, from categories to quantities with a true zero."""


def _is_missing(value: Any) -> bool:
    if value is None:
        return True
    try:
        return bool(value != value)  # NaN, pandas NA
    except (TypeError, ValueError):
        return False


def _plain(value: Any) -> Any:
    """NumPy scalars become Python ones, so 1, 1.0 and np.int64(1) are one value."""
    item = getattr(value, "item", None)
    if callable(item) and not isinstance(value, (str, bytes)):
        try:
            value = item()
        except (TypeError, ValueError):
            pass
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _rows(data: Any, what: str = "data") -> list[list[Any]]:
    """The reliability matrix as lists of plain values (coders x units)."""
    if hasattr(data, "to_numpy") and hasattr(data, "columns"):  # a DataFrame
        data = data.astype(object).to_numpy().tolist()
    elif hasattr(data, "tolist") and hasattr(data, "ndim"):  # a NumPy array
        if data.ndim != 2:
            raise KitValueError(f"{what} must have two dimensions (coders x units); this array has {data.ndim}.")
        data = data.tolist()
    if isinstance(data, (str, bytes)) or not isinstance(data, Iterable):
        raise KitTypeError(
            f"{what} must be a table of codes with one row per coder and one column per unit "
            f"(a list of lists, a NumPy array or a DataFrame), not {shown(data)}."
        )
    rows = []
    for i, row in enumerate(data):
        if isinstance(row, (str, bytes)) or not isinstance(row, Iterable):
            raise KitTypeError(f"Row {i} of {what} should be one coder's codes (a list), not {shown(row)}.")
        rows.append([None if _is_missing(v) else _plain(v) for v in row])
    if len(rows) < 2:
        raise KitValueError(f"{what} needs at least two coders (two rows); it has {len(rows)}.")
    widths = {len(r) for r in rows}
    if len(widths) != 1:
        raise KitValueError(f"Every coder's row in {what} must have one entry per unit; the rows have "
                            f"{sorted(widths)} entries. Use None where a coder did not code a unit.")
    for row in rows:
        for value in row:
            if value is not None and not isinstance(value, Hashable):
                raise KitTypeError(f"Codes must be simple values (text or numbers), not {shown(value)}.")
    return rows


def _check_level(level: Any) -> str:
    if not isinstance(level, str) or level not in LEVELS:
        raise KitValueError(f"level must be one of {', '.join(LEVELS)}, not {shown(level)}.{did_you_mean(level, LEVELS)}")
    return level


def _coincidences(rows: list[list[Any]]) -> Counter:
    """o[(c, k)]: how often values c and k were paired within a unit, each unit weighted 1 / (m_u - 1)."""
    table: Counter = Counter()
    for unit in zip(*rows):
        values = [v for v in unit if v is not None]
        m = len(values)
        if m < 2:
            continue
        counts = Counter(values)
        for c, n_c in counts.items():
            for k, n_k in counts.items():
                pairs = n_c * (n_c - 1) if c == k else n_c * n_k
                if pairs:
                    table[(c, k)] += pairs / (m - 1)
    return table


def _difference(level: str, values: list[Any], totals: dict[Any, float]):
    """The squared difference function delta^2(c, k) for the level of measurement."""
    if level == "nominal":
        return lambda c, k: 0.0 if c == k else 1.0
    for v in values:
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            raise KitTypeError(f"The {level} level needs numbers as codes; {shown(v)} is not one. "
                               f"Use level='nominal' for categories.")
    if level == "interval":
        return lambda c, k: float(c - k) ** 2
    if level == "ratio":
        if any(v < 0 for v in values):
            raise KitValueError("The ratio level needs codes of 0 or more (quantities with a true zero).")
        return lambda c, k: 0.0 if c + k == 0 else ((c - k) / (c + k)) ** 2
    ranked = sorted(values)
    position = {v: i for i, v in enumerate(ranked)}
    running = [0.0]
    for v in ranked:
        running.append(running[-1] + totals[v])

    def ordinal(c: Any, k: Any) -> float:
        lo, hi = sorted((position[c], position[k]))
        between = running[hi + 1] - running[lo]  # n_g for g from c to k, both included
        return (between - (totals[c] + totals[k]) / 2) ** 2

    return ordinal


def krippendorff_alpha(data: Any, level: str = "nominal") -> float:
    """Krippendorff's alpha for a reliability matrix (one row per coder, one column per unit).

    ``None`` or NaN marks a unit a coder did not code; units coded by fewer
    than two coders do not count. ``level`` is ``"nominal"`` (categories),
    ``"ordinal"`` (ranks), ``"interval"`` or ``"ratio"`` (numbers).

    The 4-coder, 12-unit example with missing values from Krippendorff (2011):

    >>> data = [[1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    ...         [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    ...         [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    ...         [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None]]
    >>> [round(krippendorff_alpha(data, level), 3) for level in LEVELS]
    [0.743, 0.815, 0.849, 0.797]
    """
    level = _check_level(level)
    rows = _rows(data)
    table = _coincidences(rows)
    totals: dict[Any, float] = Counter()
    for (c, _k), weight in table.items():
        totals[c] += weight
    n = sum(totals.values())
    if n == 0:
        raise KitValueError("No unit was coded by two or more coders, so there is nothing to compare.")
    values = list(totals)
    if len(values) < 2:
        raise KitValueError(
            f"Every pairable code is the same ({values[0]!r}), so alpha cannot be worked out: with no variation there "
            f"is no chance agreement to compare with. Percent agreement is 100% here."
        )
    delta = _difference(level, values, totals)
    observed = sum(weight * delta(c, k) for (c, k), weight in table.items()) / n
    expected = sum(totals[c] * totals[k] * delta(c, k) for c in values for k in values) / (n * (n - 1))
    return 1.0 - observed / expected


def _two_coders(a: Sequence[Any], b: Sequence[Any]) -> list[tuple[Any, Any]]:
    rows = _rows([a, b], "the two coders' codes")
    pairs = [(x, y) for x, y in zip(*rows) if x is not None and y is not None]
    if not pairs:
        raise KitValueError("The two coders have no unit in common: each unit needs a code from both.")
    return pairs


def percent_agreement(a: Sequence[Any], b: Sequence[Any]) -> float:
    """The share of units (coded by both) on which two coders gave the same code, from 0 to 1.

    >>> percent_agreement(["conflict", "economic", "conflict"], ["conflict", "morality", "conflict"])
    0.6666666666666666
    """
    pairs = _two_coders(a, b)
    return sum(x == y for x, y in pairs) / len(pairs)


def cohen_kappa(a: Sequence[Any], b: Sequence[Any]) -> float:
    """Cohen's kappa for two coders: agreement beyond what their own code frequencies would give by chance.

    >>> round(cohen_kappa([0, 1, 0, 0, 0, 0, 0, 0, 1, 0], [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]), 3)
    0.091
    """
    pairs = _two_coders(a, b)
    n = len(pairs)
    observed = sum(x == y for x, y in pairs) / n
    first, second = Counter(x for x, _ in pairs), Counter(y for _, y in pairs)
    chance = sum(first[c] * second[c] for c in first) / (n * n)
    if chance == 1:
        raise KitValueError("Both coders used one and the same code for every unit, so kappa cannot be worked out.")
    return (observed - chance) / (1 - chance)


def read_alpha(alpha: float) -> str:
    """What an alpha value means for the conclusions a class may draw, in one sentence.

    >>> read_alpha(0.743)
    'alpha = 0.743: tentative conclusions only (0.667 to 0.800).'
    """
    if isinstance(alpha, bool) or not isinstance(alpha, (int, float)) or math.isnan(alpha):
        raise KitTypeError(f"read_alpha needs an alpha value (a number), not {shown(alpha)}.")
    if alpha >= 0.800:
        verdict = "reliable (0.800 or more)"
    elif alpha >= 0.667:
        verdict = "tentative conclusions only (0.667 to 0.800)"
    else:
        verdict = "not reliable enough to draw conclusions (below 0.667)"
    return f"alpha = {alpha:.3f}: {verdict}."
