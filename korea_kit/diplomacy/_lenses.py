"""The IR lenses as guided questions (``data/ir_lenses.csv``): each asks for a sentence as evidence and one sentence.

>>> table = ir_lenses()
>>> table["lens"].tolist()
['realism', 'liberalism', 'constructivism', 'signals', 'two_level']
>>> "Putnam" in table.set_index("lens").loc["two_level", "citation"]
True
"""

from __future__ import annotations

__all__ = ["ir_lenses", "lens_rows", "LENS_COLUMNS"]

LENS_COLUMNS = ["lens", "name", "question", "hint", "citation"]


def lens_rows() -> tuple[dict[str, str], ...]:
    """The lenses as plain dicts, in the order of the data file."""
    from ._names import data_rows

    return data_rows("ir_lenses.csv")


def ir_lenses():
    """The IR lenses as a table: ``lens`` (an id), ``name``, ``question``, ``hint`` (never the answer), ``citation``."""
    from .._display import pandas as _pandas

    pd = _pandas()
    return pd.DataFrame(list(lens_rows()), columns=LENS_COLUMNS)
