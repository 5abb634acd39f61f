"""pandas, set up to show students whole sentences.

pandas cuts every cell to 50 characters by default, so a quote, a headline
or a coding question in a kit table would end in "..." just where it gets
interesting. The kit's functions import pandas through :func:`pandas`,
which lifts that limit (and only that one) the first time, so every table
the kit returns shows its text in full. Importing ``korea_kit`` itself
still does not import pandas.

>>> pd = pandas()
>>> pd.get_option("display.max_colwidth") is None
True
"""

from __future__ import annotations

from types import ModuleType

__all__ = ["pandas"]

_ready = False


def pandas() -> ModuleType:
    """The pandas module, with cells shown in full (``display.max_colwidth`` set to None once)."""
    global _ready
    import pandas as pd

    if not _ready:
        pd.set_option("display.max_colwidth", None)
        _ready = True
    return pd
