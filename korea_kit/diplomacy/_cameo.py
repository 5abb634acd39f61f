"""CAMEO event codes with their Goldstein weights, PLOVER categories and quad classes, read from ``data/cameo.csv``.

The table is data: each row was checked against the CAMEO manual (Schrodt 2012,
names as in GDELT's code list), the Goldstein weights GDELT assigns to CAMEO
codes, and the PLOVER manual (Open Event Data Alliance); the file's header
comment cites all three.

>>> codes = cameo_codes()
>>> row = codes.set_index("cameo").loc["036"]
>>> row["cameo_name"], float(row["goldstein"]), row["plover"]
('Express intent to meet or negotiate', 4.0, 'AGREE')
>>> cameo_info("163")["quad_class"]
'material conflict'
"""

from __future__ import annotations

import csv
import functools
import io
from importlib import resources
from typing import Any

from .._errors import KitLookupError, KitTypeError, closest, shown

__all__ = ["cameo_codes", "cameo_info", "need_cameo", "CAMEO_COLUMNS", "QUAD_CLASSES", "root_of"]

CAMEO_COLUMNS = ["cameo", "cameo_name", "goldstein", "plover", "quad_class"]
QUAD_CLASSES = ("verbal cooperation", "material cooperation", "verbal conflict", "material conflict")


@functools.lru_cache(maxsize=1)
def _rows() -> tuple[dict[str, Any], ...]:
    text = resources.files("korea_kit").joinpath("data/cameo.csv").read_text("utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    rows = []
    for row in csv.DictReader(io.StringIO("\n".join(lines))):
        rows.append({"cameo": row["cameo"], "cameo_name": row["cameo_name"], "goldstein": float(row["goldstein"]),
                     "plover": row["plover"], "quad_class": row["quad_class"]})
    return tuple(rows)


def _by_code() -> dict[str, dict[str, Any]]:
    return {row["cameo"]: row for row in _rows()}


def cameo_codes():
    """The CAMEO codes the kit knows, one row each: ``cameo``, ``cameo_name``, ``goldstein``, ``plover``, ``quad_class``.

    ``cameo`` is text ("036", "1244"): the leading zero matters. ``goldstein``
    runs from -10 (most conflictual) to +10 (most cooperative). ``plover`` is
    empty for CAMEO's statements (01) and appeals (02), which PLOVER does not code.

    >>> codes = cameo_codes()
    >>> list(codes.columns)
    ['cameo', 'cameo_name', 'goldstein', 'plover', 'quad_class']
    >>> codes.loc[codes["cameo"] == "138", "goldstein"].item()
    -7.0
    """
    from .._display import pandas as _pandas

    pd = _pandas()
    return pd.DataFrame(list(_rows()), columns=CAMEO_COLUMNS)


def root_of(code: str) -> str:
    """The CAMEO root (the first two digits) of a code: the family it belongs to.

    >>> root_of("1244"), root_of("036")
    ('12', '03')
    """
    return code[:2]


def need_cameo(code: Any, where: str, name: str = "cameo") -> str:
    """``code`` if it is a CAMEO code the kit knows (as text); otherwise a KitError naming the closest code.

    >>> need_cameo("36", "code_event")
    Traceback (most recent call last):
    ...
    korea_kit.KitLookupError: code_event: cameo='36' is not a CAMEO code in the kit's table. CAMEO codes are text with their leading zero, such as '036' (Express intent to meet or negotiate). See kk.cameo_codes() for the list.
    >>> need_cameo(36, "code_event")
    Traceback (most recent call last):
    ...
    korea_kit.KitTypeError: code_event: cameo should be a CAMEO code as text in quotes, such as '036', but it is 36 (a number).
    """
    if not isinstance(code, str):
        raise KitTypeError(f"{where}: {name} should be a CAMEO code as text in quotes, such as '036', "
                           f"but it is {shown(code)}.")
    table = _by_code()
    clean = code.strip()
    if clean in table:
        return clean
    guess = None
    if clean.isdigit() and len(clean) < 3 and ("0" + clean) in table:
        guess = "0" + clean
    guess = guess or closest(clean, table)
    hint = f" such as {guess!r} ({table[guess]['cameo_name']})" if guess else " such as '036' or '163'"
    raise KitLookupError(f"{where}: {name}={code!r} is not a CAMEO code in the kit's table. CAMEO codes are text "
                         f"with their leading zero,{hint}. See kk.cameo_codes() for the list.")


def cameo_info(code: str) -> dict[str, Any]:
    """One code's row as a dict (``cameo``, ``cameo_name``, ``goldstein``, ``plover``, ``quad_class``).

    >>> cameo_info("042")["cameo_name"]
    'Make a visit'
    """
    return dict(_by_code()[need_cameo(code, "cameo_info", "code")])
