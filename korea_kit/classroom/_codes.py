"""What the class coded: each student's latest codes, gathered per item and unit, as reliability data.

An *item* is one coding question asked of many units; a *unit* is what is coded (an article, a sentence,
a cell of the position grid). Every student is one coder. What becomes an item:

* the frame items (``03.sv``: one item per question, such as ``conflict_1``; a unit is an article; yes/no)
  and the headline and primary frames (``03.pfc``);
* the event coder (``04.events``): two items, the CAMEO code and who acts towards whom; a unit is a sentence;
* the position grid (``04.positions``): one item, the position; a unit is a cell (an actor on an issue);
* passage tags (spans on the ``my tags`` layer), such as the quote tagger's (``02.tags``): one item per
  exercise, the label; a unit is the tagged sentence;
* any other coding whose value is a plain text, number or yes/no: one item per question, a unit an article.

Free-text work (Entman's worksheet, the lens worksheet, written answers) is not a code: it is left out.
"Not sure" (a code taken back) counts as not coded. When a student coded one unit twice, the later wins.

>>> store = {"x": {"id": "x", "kind": "coding", "article_id": "a1", "exercise_id": "03.sv", "source": "s",
...               "created": "", "updated": "2026-01-01T00:00:00+00:00", "deleted": False,
...               "question": "conflict_1", "value": True}}
>>> codes = class_codes({"Ana": store})
>>> codes[("03.sv", "conflict_1")]
{('article', 'a1'): {'Ana': 'yes'}}
"""

from __future__ import annotations

from typing import Any

from ..diplomacy._event_coding import EVENTS_EXERCISE, POSITIONS_EXERCISE, UNANSWERED
from ..framing._instruments import PFC_EXERCISE, PFC_QUESTIONS, SV_EXERCISE, item_rows
from ..work._viewer import STUDENT_LAYER
from ..writing._data import BRIEF_EXERCISE

__all__ = ["class_codes", "item_order", "item_question", "shown_code", "latest", "BRIEF_EXERCISE",
           "QUOTE_EXERCISE"]

QUOTE_EXERCISE = "02.tags"
"""The exercise of the quote tagger's tags."""


_EVENT_ITEMS = {"cameo": "The CAMEO code of the event in the sentence",
                "actors": "Who acts towards whom (source → target)"}
_PFC_NAMES = {"headline_frame": "The headline's frame (Policy Frames Codebook)",
              "primary_frame": "The article's primary frame (Policy Frames Codebook)"}


def latest(records: dict[str, dict], kind: str) -> list[dict]:
    """The live records of one kind, sorted by when they were last changed (oldest first)."""
    return sorted((r for r in records.values() if r["kind"] == kind and not r["deleted"]),
                  key=lambda r: (r["updated"], r["id"]))


def shown_code(value: Any) -> str | None:
    """A code as an instructor reads it: yes/no for True/False; ``None`` for not coded."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _units_of_coding(record: dict) -> list[tuple[tuple[str, str], tuple, str]]:
    """(item, unit, code) triples of one coding record; empty for free text and codes taken back."""
    exercise, question, value = record["exercise_id"] or "", record["question"], record["value"]
    article = record["article_id"] or ""
    if exercise == EVENTS_EXERCISE:
        if not isinstance(value, dict) or not all(isinstance(value.get(k), str) and value.get(k)
                                                  for k in ("cameo", "source_actor", "target_actor")):
            return []
        start, end = value.get("start"), value.get("end")
        if not isinstance(start, int) or not isinstance(end, int):
            return []
        unit = ("sentence", article, start, end)
        return [((exercise, "cameo"), unit, value["cameo"]),
                ((exercise, "actors"), unit, f"{value['source_actor']} → {value['target_actor']}")]
    if exercise == POSITIONS_EXERCISE:
        position = value.get("position") if isinstance(value, dict) else None
        if not isinstance(position, str) or position == UNANSWERED:
            return []
        return [((exercise, "position"), ("cell", question), position)]
    if isinstance(value, (dict, list)):
        return []  # free text (Entman, lenses): not a code
    code = shown_code(value)
    return [] if code is None else [((exercise, question), ("article", article), code)]


def class_codes(students: dict[str, dict[str, dict]]) -> dict[tuple[str, str], dict[tuple, dict[str, str]]]:
    """item -> unit -> student -> code, from each student's records (``{name: {id: record}}``)."""
    codes: dict[tuple[str, str], dict[tuple, dict[str, str]]] = {}
    for name, records in students.items():
        for record in latest(records, "coding"):
            for item, unit, code in _units_of_coding(record):
                codes.setdefault(item, {}).setdefault(unit, {})[name] = code  # later records overwrite
        for record in latest(records, "span"):
            if record["layer"] != STUDENT_LAYER:
                continue
            unit = ("sentence", record["article_id"] or "", record["start"], record["end"])
            item = (record["exercise_id"] or "viewer", "tag")
            codes.setdefault(item, {}).setdefault(unit, {})[name] = record["label"]
    return codes


def item_order(item: tuple[str, str]) -> tuple:
    """Sort key: exercises in course order, frame items in the order of the instrument."""
    exercise, question = item
    known = [row["item"] for row in item_rows()] + list(PFC_QUESTIONS) + list(_EVENT_ITEMS)
    return (exercise, known.index(question) if question in known else len(known), question)


def item_question(item: tuple[str, str]) -> str:
    """The question an item asks, in words."""
    exercise, question = item
    if exercise == SV_EXERCISE:
        for row in item_rows():
            if row["item"] == question:
                return row["question"]
    if exercise == PFC_EXERCISE and question in _PFC_NAMES:
        return _PFC_NAMES[question]
    if exercise == EVENTS_EXERCISE and question in _EVENT_ITEMS:
        return _EVENT_ITEMS[question]
    if exercise == POSITIONS_EXERCISE:
        return "The position of an actor on an issue (the position grid)"
    if question == "tag":
        return ("The kind of attribution in the sentence (the quote tagger)" if exercise == QUOTE_EXERCISE
                else "The label of a tagged passage (the viewer)")
    return question
