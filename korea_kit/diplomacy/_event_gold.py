"""Gold events coded by hand (``seeds/gold/events.json``), and how well :func:`events` finds them.

A predicted event matches a gold event of the same article when their
evidence spans overlap, the CAMEO root (the first two digits: the family of
the event) agrees, and source and target agree. Meetings (root 04, CONSULT)
match in either direction: PLOVER codes all participants of a meeting as
sources unless one side hosts.

>>> import korea_kit as kk
>>> gold = load_event_gold()
>>> sorted(gold["article_id"].unique())
['000_e8b4f7a2d72eebd2', '001_2d17110a08b0926d', '003_46fde5033e6a92f2']
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .._errors import ArticleError, KitValueError, need_path, need_table, read_json_file
from ..text._inputs import need_articles
from ..text import MAX_BYTES, seeds_folder
from ._cameo import cameo_info, need_cameo
from ._events import EVENT_COLUMNS, events

__all__ = ["load_event_gold", "evaluate_events", "events_table", "GOLD_FORMAT"]

GOLD_FORMAT = "korea-kit-gold-events"
_CODED = ["date", "source_actor", "target_actor", "source_name", "target_name", "cameo", "start", "end", "text"]
_MATCH = ["article_id", "source_actor", "target_actor", "cameo", "start", "end"]
_SCORES = ["scope", "gold", "predicted", "matched", "precision", "recall", "f1", "exact_code", "same_sign",
           "same_direction"]


def events_table(corpus, **options):
    """:func:`events` for every article of a corpus, one table, with an ``article_id`` column first.

    >>> import korea_kit as kk
    >>> table = events_table(kk.load_corpus())
    >>> list(table.columns[:3])
    ['article_id', 'date', 'source_actor']
    """
    from .._display import pandas as _pandas

    pd = _pandas()
    articles = need_articles(corpus, "events_table")
    frames = [events(a, **options).assign(article_id=a.id) for a in articles]
    if not frames:
        return pd.DataFrame(columns=["article_id", *EVENT_COLUMNS])
    table = pd.concat(frames, ignore_index=True)
    return table[["article_id", *EVENT_COLUMNS]]


def load_event_gold(path: str | Path | None = None):
    """The gold events as a table: ``article_id``, the columns of :func:`events`, and ``note``.

    ``cameo_name``, ``goldstein``, ``plover`` and ``quad_class`` are filled in
    from the code. ``path`` is a gold file of the same format for other
    articles; the default is the seeds' gold (``seeds/gold/events.json``).

    >>> load_event_gold("no_such_gold.json")
    Traceback (most recent call last):
    ...
    korea_kit.ArticleError: no_such_gold.json: there is no file at this path. Check the folder and the spelling.
    """
    from .._display import pandas as _pandas

    pd = _pandas()
    path = seeds_folder() / "gold" / "events.json" if path is None else need_path(
        path, "path", "load_event_gold", "gold_events.json")
    data = read_json_file(path, "load_event_gold", "gold events file", limit=MAX_BYTES)
    if not isinstance(data, dict) or data.get("format") != GOLD_FORMAT or not isinstance(data.get("articles"), dict):
        raise ArticleError(f"{path} is not a gold events file: it needs \"format\": \"{GOLD_FORMAT}\" and "
                           f"\"articles\": {{article id: [events]}}. Open seeds/gold/events.json to see one.")
    rows = []
    for article_id, coded in data["articles"].items():
        for number, event in enumerate(coded if isinstance(coded, list) else [None], start=1):
            if not isinstance(event, dict) or any(k not in event for k in _CODED):
                raise ArticleError(f"{path}: event {number} of {article_id} needs the keys {', '.join(_CODED)}.")
            info = cameo_info(need_cameo(event["cameo"], f"load_event_gold ({path}, {article_id})"))
            rows.append({"article_id": article_id, **{k: event[k] for k in _CODED},
                         **{k: info[k] for k in ("cameo_name", "goldstein", "plover", "quad_class")},
                         "note": event.get("note", "")})
    return pd.DataFrame(rows, columns=["article_id", *EVENT_COLUMNS, "note"])


def _sign(value: float) -> int:
    return (value > 0) - (value < 0)


def _same_actors(p: dict[str, Any], g: dict[str, Any]) -> bool:
    if p["source_actor"] == g["source_actor"] and p["target_actor"] == g["target_actor"]:
        return True
    return g["cameo"][:2] == "04" and p["source_actor"] == g["target_actor"] and p["target_actor"] == g["source_actor"]


def _pairs(pred: list[dict], gold: list[dict], strict: bool) -> list[tuple[dict, dict]]:
    used: set[int] = set()
    pairs = []
    for p in pred:
        for i, g in enumerate(gold):
            if i in used or g["article_id"] != p["article_id"] or not (p["start"] < g["end"] and g["start"] < p["end"]):
                continue
            if strict and not (p["cameo"][:2] == g["cameo"][:2] and _same_actors(p, g)):
                continue
            used.add(i)
            pairs.append((p, g))
            break
    return pairs


def _score(scope: str, pred: list[dict], gold: list[dict]) -> dict[str, Any]:
    strict = _pairs(pred, gold, strict=True)
    loose = _pairs(pred, gold, strict=False)
    share = (lambda hits, n: round(hits / n, 3) if n else None)
    precision, recall = share(len(strict), len(pred)), share(len(strict), len(gold))
    f1 = round(2 * precision * recall / (precision + recall), 3) if precision and recall else (
        0.0 if precision is not None and recall is not None else None)
    return {"scope": scope, "gold": len(gold), "predicted": len(pred), "matched": len(strict),
            "precision": precision, "recall": recall, "f1": f1,
            "exact_code": share(sum(p["cameo"] == g["cameo"] for p, g in strict), len(strict)),
            "same_sign": share(sum(_sign(cameo_info(p["cameo"])["goldstein"]) == _sign(cameo_info(g["cameo"])["goldstein"])
                                   for p, g in loose), len(loose)),
            "same_direction": share(sum(_same_actors(p, g) for p, g in loose), len(loose))}


def evaluate_events(pred, gold):
    """Precision and recall of predicted events against gold events, overall (``scope`` "all") and per article.

    Both tables need ``article_id``, ``source_actor``, ``target_actor``,
    ``cameo``, ``start`` and ``end`` (as :func:`events_table` and
    :func:`load_event_gold` give). ``matched`` counts events with overlapping
    evidence, the same CAMEO root and the same actors. ``exact_code``: the
    share of matched events with the very same code. ``same_sign`` and
    ``same_direction``: among events whose evidence overlaps at all, the share
    with the same Goldstein sign (cooperation, conflict, neutral) and the same
    source and target.

    >>> import pandas as pd
    >>> gold = pd.DataFrame([{"article_id": "a", "source_actor": "PRK", "target_actor": "USA", "cameo": "036",
    ...                       "start": 0, "end": 10}])
    >>> pred = pd.DataFrame([{"article_id": "a", "source_actor": "PRK", "target_actor": "USA", "cameo": "030",
    ...                       "start": 5, "end": 12}])
    >>> evaluate_events(pred, gold).loc[0, ["precision", "recall", "exact_code"]].tolist()
    [1.0, 1.0, 0.0]
    """
    from .._display import pandas as _pandas

    pd = _pandas()
    need_table(pred, "pred", "evaluate_events", _MATCH, "kk.events_table(corpus)")
    need_table(gold, "gold", "evaluate_events", _MATCH, "kk.load_event_gold()")
    rows = []
    for name, table in (("pred", pred), ("gold", gold)):
        try:
            records = [{**r, "cameo": str(r["cameo"]), "start": int(r["start"]), "end": int(r["end"])}
                       for r in table[_MATCH].to_dict("records")]
        except (TypeError, ValueError):
            raise KitValueError(f"evaluate_events: the {name} table's start and end should be whole numbers "
                                f"(character positions), as kk.events_table(corpus) gives.") from None
        for r in records:
            need_cameo(r["cameo"], f"evaluate_events ({name} table)")
        rows.append(records)
    pred_rows, gold_rows = rows
    out = [_score("all", pred_rows, gold_rows)]
    for article_id in sorted({r["article_id"] for r in gold_rows} | {r["article_id"] for r in pred_rows}):
        out.append(_score(article_id, [r for r in pred_rows if r["article_id"] == article_id],
                          [r for r in gold_rows if r["article_id"] == article_id]))
    return pd.DataFrame(out, columns=_SCORES)
