"""The coding instruments: the generic news frame items and the Policy Frames Codebook, read from data files.

Two instruments, both kept in ``korea_kit/data/`` with their citations:

* ``sv2000_items.csv``: 20 yes/no questions for five generic news frames
  (responsibility, human interest, conflict, morality, economic
  consequences), after Semetko & Valkenburg (2000), in the kit's own words;
* ``policy_frames.csv``: the 15 dimensions of the Policy Frames Codebook
  (Boydstun et al. 2014; the Media Frames Corpus, Card et al. 2015), each
  described in one sentence of the kit's own.

Where a student's codes are kept (the work store, kind ``coding``):

* the yes/no items under exercise ``"03.sv"``, question = the item id
  (``"conflict_1"``), value ``True`` (yes), ``False`` (no) or ``None``
  (not sure: a yes or no taken back; ``None`` counts as *not coded* everywhere);
* the headline frame and primary frame under ``"03.pfc"``, questions
  ``"headline_frame"`` and ``"primary_frame"``, value a frame name from
  :func:`policy_frames` (or ``None`` when taken back);
* Entman's four functions under ``"03.entman"``, questions ``"problem"``,
  ``"cause"``, ``"moral"``, ``"remedy"``, value
  ``{"answer": text, "evidence": [[start, end], ...]}``.

>>> items = sv2000_items()
>>> items.groupby("frame", sort=False).size().to_dict()
{'responsibility': 5, 'human_interest': 5, 'conflict': 4, 'morality': 3, 'economic': 3}
>>> policy_frames().set_index("code").loc[14, "frame"]
'External regulation and reputation'
"""

from __future__ import annotations

import csv
import functools
import io
from importlib import resources
from typing import Any

__all__ = ["sv2000_items", "policy_frames", "SV_FRAMES", "SV_EXERCISE", "PFC_EXERCISE", "ENTMAN_EXERCISE",
           "PFC_QUESTIONS", "item_rows", "frame_names", "is_missing"]

SV_EXERCISE = "03.sv"
PFC_EXERCISE = "03.pfc"
ENTMAN_EXERCISE = "03.entman"
PFC_QUESTIONS = ("headline_frame", "primary_frame")

#: The five generic frames, in the order of the items, with a name for people.
SV_FRAMES = {"responsibility": "Attribution of responsibility", "human_interest": "Human interest",
             "conflict": "Conflict", "morality": "Morality", "economic": "Economic consequences"}


def _read(name: str) -> list[dict[str, str]]:
    text = resources.files("korea_kit").joinpath(f"data/{name}").read_text("utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    return list(csv.DictReader(io.StringIO("\n".join(lines))))


@functools.lru_cache(maxsize=None)
def _items() -> tuple[dict[str, str], ...]:
    return tuple(_read("sv2000_items.csv"))


@functools.lru_cache(maxsize=None)
def _frames() -> tuple[dict[str, str], ...]:
    return tuple(_read("policy_frames.csv"))


def item_rows() -> list[dict[str, Any]]:
    """The items as plain dicts (``item``, ``frame``, ``question``, ``hint_categories``, ``hint_cues``), in order."""
    rows = []
    for row in _items():
        rows.append({"item": row["item"], "frame": row["frame"], "question": row["question"],
                     "hint_categories": [w for w in row["hint_categories"].split("|") if w],
                     "hint_cues": [w for w in row["hint_cues"].split("|") if w]})
    return rows


def frame_names() -> list[str]:
    """The 15 Policy Frames Codebook frame names, in code order."""
    return [row["frame"] for row in _frames()]


def sv2000_items():
    """The 20 yes/no items for five generic news frames (Semetko & Valkenburg 2000), in the kit's own words.

    One row per item: ``item`` (a short id such as ``"conflict_2"``),
    ``frame`` (``responsibility``, ``human_interest``, ``conflict``,
    ``morality`` or ``economic``), ``question`` and ``source`` (the
    citation). Answer each question yes or no for a whole report: a frame
    is strong in a report when many of its items are answered yes.

    >>> items = sv2000_items()
    >>> len(items), list(items.columns)
    (20, ['item', 'frame', 'question', 'source'])
    >>> items.loc[items["item"] == "conflict_2", "question"].item()
    'Does one side criticise, blame or accuse another?'
    """
    from .._display import pandas as _pandas

    pd = _pandas()
    return pd.DataFrame([{"item": r["item"], "frame": r["frame"], "question": r["question"], "source": r["source"]}
                         for r in _items()], columns=["item", "frame", "question", "source"])


def policy_frames():
    """The 15 dimensions of the Policy Frames Codebook (Boydstun et al. 2014), in the kit's own words.

    One row per frame: ``code`` (1 to 15), ``frame`` (its name, the value
    to save when you code a headline frame or a primary frame),
    ``description`` (one sentence, with an example from international
    news) and ``source`` (the citation).

    >>> frames = policy_frames()
    >>> len(frames), list(frames.columns)
    (15, ['code', 'frame', 'description', 'source'])
    >>> frames["frame"].iloc[7]
    'Security and defense'
    """
    from .._display import pandas as _pandas

    pd = _pandas()
    return pd.DataFrame([{"code": int(r["code"]), "frame": r["frame"], "description": r["description"],
                          "source": r["source"]} for r in _frames()], columns=["code", "frame", "description", "source"])


def is_missing(value: Any) -> bool:
    """True for ``None`` and NaN: a question that was not coded (or taken back to "not sure").

    >>> is_missing(None), is_missing(float("nan")), is_missing(False)
    (True, True, False)
    """
    if value is None:
        return True
    try:
        return bool(value != value)
    except (TypeError, ValueError):
        return False
