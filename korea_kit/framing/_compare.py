"""Frame scores, the gold framing codes, one student against the gold, and a class against itself.

* :func:`frame_scores`: per article, the share of each frame's items answered yes;
* :func:`load_framing_gold`: the hand-made gold codes (``seeds/gold/framing.json``, or an instructor's file);
* :func:`compare_coding`: a student's codes of one article beside the gold, with the gold's note where they differ;
* :func:`class_reliability`: Krippendorff's alpha and percent agreement per item, over a folder of exports.

>>> scores = frame_scores(load_framing_gold())
>>> list(scores.columns)
['responsibility', 'human_interest', 'conflict', 'morality', 'economic']
>>> float(scores.loc["001_2d17110a08b0926d", "conflict"])
0.75
"""

from __future__ import annotations

import itertools
import json
import os
from collections import Counter
from html import escape
from pathlib import Path
from typing import Any

from .._errors import KitTypeError, KitValueError, WorkStoreError, need_path, read_json_file, shown
from ..text._inputs import need_article
from ._instruments import (PFC_EXERCISE, PFC_QUESTIONS, SV_EXERCISE, SV_FRAMES, frame_names, is_missing, item_rows)
from ._reliability import cohen_kappa, krippendorff_alpha, percent_agreement

__all__ = ["frame_scores", "load_framing_gold", "compare_coding", "CodingComparison", "class_reliability",
           "GOLD_FORMAT"]

GOLD_FORMAT = "korea-kit-gold-framing"
_GOLD_LIMIT = 4 * 1024 * 1024
_PFC_LABELS = {"headline_frame": "Headline frame (Policy Frames Codebook)",
               "primary_frame": "Primary frame (Policy Frames Codebook)"}


def _shown_value(value: Any) -> str:
    if is_missing(value):
        return "not coded"
    return {True: "yes", False: "no"}.get(value, str(value)) if isinstance(value, bool) else str(value)


# ------------------------------------------------------------------------------------------------ frame scores


def frame_scores(codings=None):
    """The frame scores of each article: per frame, the share of its items answered yes among those answered.

    ``codings`` is a table with the columns ``article_id``, ``question`` and
    ``value`` (such as ``kk.load_framing_gold()``, or ``store.to_frame()``),
    one coder's; leave it out for your own codes (exercise ``"03.sv"``) in
    your work. Rows that are not yes/no item codes (a headline frame, a span)
    are ignored, and so are items answered "not sure". A score is NaN when
    none of a frame's items was answered.

    >>> import pandas as pd
    >>> table = pd.DataFrame({"article_id": ["a", "a", "a"], "question": ["conflict_1", "conflict_2", "moral_1"],
    ...                       "value": [True, False, None]})
    >>> frame_scores(table).loc["a", ["conflict", "morality"]].tolist()
    [0.5, nan]
    """
    from .._display import pandas as _pandas

    pd = _pandas()
    from .._errors import need_table

    if codings is None:
        from ..work._session import work

        store = work()
        rows = [c for c in store.codings(exercise_id=SV_EXERCISE) if c["source"] == store.source]
        codings = pd.DataFrame(rows, columns=["article_id", "question", "value"])
    need_table(codings, "codings", "frame_scores", ["article_id", "question", "value"], "kk.load_framing_gold()")
    table = codings
    if "kind" in table.columns:
        table = table[table["kind"] == "coding"]
    if "exercise_id" in table.columns:
        table = table[table["exercise_id"] == SV_EXERCISE]
    frame_of = {row["item"]: row["frame"] for row in item_rows()}
    table = table[table["question"].isin(list(frame_of))]
    table = table[table["value"].map(lambda v: not is_missing(v)).astype(bool)]  # a mask, even when empty
    twice = table[table.duplicated(["article_id", "question"], keep=False)]
    if len(twice):
        first = twice.iloc[0]
        raise KitValueError(f"frame_scores: the codings table holds {first['question']!r} for the article "
                            f"{first['article_id']!r} more than once (more than one coder?). Give one coder's codes: "
                            "filter the table first, e.g. table[table['source'] == 'student:Ana'].")
    for value in table["value"]:
        if not isinstance(value, bool) and type(value).__name__ != "bool_":
            raise KitValueError(f"frame_scores: a yes/no item should be coded True or False, but one value is "
                                f"{shown(value)}. Check the 'value' column of the codings table.")
    totals: dict[str, dict[str, list[int]]] = {}
    for article_id, question, value in zip(table["article_id"], table["question"], table["value"]):
        counts = totals.setdefault(article_id, {frame: [0, 0] for frame in SV_FRAMES})
        counts[frame_of[question]][0] += bool(value)
        counts[frame_of[question]][1] += 1
    scores = {aid: {frame: (yes / n if n else float("nan")) for frame, (yes, n) in counts.items()}
              for aid, counts in totals.items()}
    frame = pd.DataFrame.from_dict(scores, orient="index", columns=list(SV_FRAMES)).astype(float)
    frame.index.name = "article_id"
    return frame.sort_index()


# -------------------------------------------------------------------------------------------------------- gold


def load_framing_gold(path=None):
    """The gold framing codes as a table: ``article_id``, ``question``, ``value``, ``note``.

    By default the seeds' own codes (``seeds/gold/framing.json``), made by
    hand with a note on every judgement call. An instructor's file for other
    articles uses the same format (see the file's ``"about"``): questions are
    item ids (``"conflict_1"``, value true or false) and ``"headline_frame"``
    or ``"primary_frame"`` (value a frame name from ``kk.policy_frames()``).

    >>> gold = load_framing_gold()
    >>> list(gold.columns), len(gold)
    (['article_id', 'question', 'value', 'note'], 66)
    """
    from .._display import pandas as _pandas

    pd = _pandas()
    if path is None:
        from ..text import seeds_folder

        path = seeds_folder() / "gold" / "framing.json"
    else:
        path = need_path(path, "path", "load_framing_gold", "gold/framing.json")
    data = read_json_file(path, "load_framing_gold", "gold framing file", error=KitValueError, limit=_GOLD_LIMIT)
    if not isinstance(data, dict) or data.get("format") != GOLD_FORMAT:
        raise KitValueError(f"load_framing_gold: {path} is not a gold framing file: its \"format\" should be "
                            f"{GOLD_FORMAT!r}. For gold quotes use kk.load_gold instead.")
    articles = data.get("articles")
    if not isinstance(articles, dict):
        raise KitValueError(f"load_framing_gold: {path} needs \"articles\": an object mapping each article id to a "
                            "list of codes such as {\"question\": \"conflict_1\", \"value\": true, \"note\": \"...\"}.")
    rows = []
    for article_id, codes in articles.items():
        if not isinstance(codes, list):
            raise KitValueError(f"load_framing_gold: in {path}, the codes of {article_id!r} should be a list, "
                                f"but they are {shown(codes)}.")
        seen: set[str] = set()
        for code in codes:
            rows.append(_gold_row(path, article_id, code, seen))
    return pd.DataFrame(rows, columns=["article_id", "question", "value", "note"])


def _gold_row(path, article_id: str, code: Any, seen: set[str]) -> dict:
    where = f"load_framing_gold: in {path}, article {article_id!r}:"
    if not isinstance(code, dict) or not isinstance(code.get("question"), str):
        raise KitValueError(f"{where} each code should look like {{\"question\": \"conflict_1\", \"value\": true, "
                            f"\"note\": \"why\"}}, but one is {shown(code)}.")
    question, value, note = code["question"], code.get("value"), code.get("note", "")
    items = [row["item"] for row in item_rows()]
    if question in items:
        if not isinstance(value, bool):
            raise KitValueError(f"{where} {question} should have the value true or false, not {shown(value)}.")
    elif question in PFC_QUESTIONS:
        if value not in frame_names():
            raise KitValueError(f"{where} {question} should be a frame name from kk.policy_frames(), such as "
                                f"'Security and defense', not {shown(value)}.")
    else:
        raise KitValueError(f"{where} the question {question!r} is not an item id (see kk.sv2000_items()) nor "
                            "'headline_frame' or 'primary_frame'.")
    if question in seen:
        raise KitValueError(f"{where} {question} is coded twice; keep one code per question.")
    if not isinstance(note, str):
        raise KitValueError(f"{where} the note of {question} should be text, not {shown(note)}.")
    seen.add(question)
    return {"article_id": article_id, "question": question, "value": value, "note": note}


def _gold_table(gold):
    from .._display import pandas as _pandas

    pd = _pandas()
    if gold is None:
        return load_framing_gold()
    if isinstance(gold, (str, os.PathLike)):
        return load_framing_gold(gold)
    if not isinstance(gold, pd.DataFrame):
        raise KitTypeError(f"compare_coding: gold should be left out (the seeds' gold), a gold file's path or the "
                           f"table kk.load_framing_gold() gives, but it is {shown(gold)}.")
    from .._errors import need_table

    return need_table(gold, "gold", "compare_coding", ["article_id", "question", "value", "note"],
                      "kk.load_framing_gold()")


# ---------------------------------------------------------------------------------------- one student vs gold


class CodingComparison:
    """A student's codes of one article beside the gold codes (from :func:`compare_coding`).

    ``to_frame()`` gives one row per gold question; ``percent_agreement``
    and ``kappa`` (Cohen's) are over the yes/no items coded on both sides,
    ``None`` when they cannot be worked out; ``message`` says what to do
    when there is nothing to compare.
    """

    def __init__(self, article, rows: list[dict], message: str = ""):
        self.article_id = article.id
        self.title = article.title
        self._rows = rows
        self.message = message
        pairs = [(r["yours_value"], r["gold_value"]) for r in rows if r["item"] not in PFC_QUESTIONS
                 and not is_missing(r["yours_value"])]
        self.compared = len(pairs)
        self.percent_agreement = percent_agreement(*zip(*pairs)) if pairs else None
        self.kappa = None
        if pairs:
            try:
                self.kappa = cohen_kappa(*zip(*pairs))
            except KitValueError:  # both used one code throughout: kappa is undefined
                self.kappa = None

    def to_frame(self):
        """One row per gold question: ``item``, ``question``, ``yours``, ``gold``, ``agree``, ``note``."""
        from .._display import pandas as _pandas

        pd = _pandas()
        columns = ["item", "question", "yours", "gold", "agree", "note"]
        return pd.DataFrame([{c: r[c] for c in columns} for r in self._rows], columns=columns)

    def _summary(self) -> list[str]:
        if not self._rows:
            return [self.message] if self.message else []
        lines = [f"You coded {self.compared} yes/no items of this article that the gold codes."]
        if self.message:
            lines.append(self.message)
        if self.percent_agreement is not None:
            lines.append(f"You agree with the gold on {self.percent_agreement:.0%} of them.")
            lines.append("Cohen's kappa (agreement beyond chance): "
                         + (f"{self.kappa:.2f}." if self.kappa is not None
                            else "cannot be worked out here (one side gave the same answer throughout)."))
        differ = sum(r["agree"] is False for r in self._rows)
        if differ:
            lines.append(f"Where you differ ({differ}), the gold coder's reasons are given: read them against the "
                         "report, and keep your answer if you can defend it with the text.")
        return lines

    def __repr__(self) -> str:
        lines = [f"Your frame codes for “{self.title}” compared with the gold codes", *self._summary()]
        for r in self._rows:
            mark = {True: "same", False: "DIFFERENT", None: "not compared"}[r["agree"]]
            lines.append(f"- {r['question']}\n    you: {r['yours']} | gold: {r['gold']} ({mark})")
            if r["note"]:
                lines.append(f"    gold coder's reason: {r['note']}")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        summary = "".join(f"<p>{escape(line)}</p>" for line in self._summary())
        body = []
        for r in self._rows:
            mark = {True: "✓ same", False: "✗ different", None: "not compared"}[r["agree"]]
            note = f"<br><small>Gold coder's reason: {escape(r['note'])}</small>" if r["note"] else ""
            body.append(f"<tr><td>{escape(r['question'])}{note}</td><td>{escape(r['yours'])}</td>"
                        f"<td>{escape(r['gold'])}</td><td>{mark}</td></tr>")
        table = ("<table><thead><tr><th>Question</th><th>You</th><th>Gold</th><th>Agree?</th></tr></thead>"
                 f"<tbody>{''.join(body)}</tbody></table>") if body else ""
        return f"<div><h4>Your frame codes for “{escape(self.title)}” and the gold codes</h4>{summary}{table}</div>"


def compare_coding(article, store=None, gold=None) -> CodingComparison:
    """Compare your frame codes of one article (``03.sv`` items, ``03.pfc`` frames) with the gold codes.

    ``store`` is your work (left out: this session's); ``gold`` the gold
    codes (left out: the seeds' own; or a gold file's path, or the table
    :func:`load_framing_gold` gives). Where you and the gold differ, the
    gold coder's note says why they chose their answer: a reason to weigh,
    not a verdict.

    >>> import os, tempfile
    >>> import korea_kit as kk
    >>> article = kk.load_corpus()["001"]
    >>> store = kk.WorkStore(os.path.join(tempfile.mkdtemp(), "work.json"), student="ana")
    >>> _ = store.set_coding(article.id, "03.sv", "conflict_1", True)
    >>> _ = store.set_coding(article.id, "03.sv", "moral_2", True)
    >>> result = compare_coding(article, store=store)
    >>> result.percent_agreement
    0.5
    """
    from ..work._session import store_or_session

    article = need_article(article, "compare_coding")
    store = store_or_session(store)
    gold = _gold_table(gold)
    theirs = gold[gold["article_id"] == article.id]
    if not len(theirs):
        return CodingComparison(article, [], f"There are no gold codes for the article {article.id!r} ({article.title}). "
                                             "Gold codes exist only for articles someone has coded by hand; compare "
                                             "your codes with a classmate's instead.")
    mine = {c["question"]: c["value"] for exercise in (SV_EXERCISE, PFC_EXERCISE)
            for c in store.codings(article.id, exercise) if c["source"] == store.source}
    questions = {row["item"]: row["question"] for row in item_rows()} | _PFC_LABELS
    order = [*PFC_QUESTIONS, *(row["item"] for row in item_rows())]
    rows = []
    for question, value, note in sorted(zip(theirs["question"], theirs["value"], theirs["note"]),
                                        key=lambda t: order.index(t[0]) if t[0] in order else len(order)):
        yours = mine.get(question)
        agree = None if is_missing(yours) else bool(yours == value)
        rows.append({"item": question, "question": questions.get(question, question), "yours": _shown_value(yours),
                     "gold": _shown_value(value), "agree": agree, "note": note if agree is False else "",
                     "yours_value": yours, "gold_value": value})
    # The gold of an item is shown only once the student has coded it: comparing must never replace coding.
    coded = [r for r in rows if r["agree"] is not None]
    message = ""
    if not coded:
        message = ("You have not coded this article yet: open the coder with kk.frame_coder(article), answer the "
                   "items, then run this cell again. (The gold codes stay hidden until you have coded.)")
    elif len(coded) < len(rows):
        message = (f"{len(rows) - len(coded)} of the {len(rows)} questions are not coded yet; their gold codes stay "
                   "hidden until you code them.")
    return CodingComparison(article, coded, message)


# ------------------------------------------------------------------------------------------ class reliability


def _coder_codes(folder: Path, exercise_id: str) -> tuple[dict[str, dict[tuple[str, str], Any]], list[tuple[str, str]]]:
    """Each coder's latest live codes of the exercise, read safely from every export in ``folder``."""
    from ..work import read_export

    latest: dict[tuple[str, str, str], dict] = {}
    skipped = []
    for path in sorted(folder.glob("*.json")):
        try:
            document = read_export(path)
        except WorkStoreError as problem:
            skipped.append((path.name, str(problem).split(": ", 1)[-1]))
            continue
        for record in document.records.values():
            if record["kind"] != "coding" or record["exercise_id"] != exercise_id:
                continue
            key = (record["source"], record["article_id"] or "", record["question"])
            if key not in latest or record["updated"] > latest[key]["updated"]:
                latest[key] = record
    coders: dict[str, dict[tuple[str, str], Any]] = {}
    for (source, article_id, question), record in sorted(latest.items()):
        if record["deleted"] or is_missing(record["value"]):
            continue
        value = record["value"]
        if isinstance(value, (dict, list)):
            value = json.dumps(value, sort_keys=True, ensure_ascii=False)
        coders.setdefault(source.removeprefix("student:"), {})[(article_id, question)] = value
    return coders, skipped


def _item_row(item: str, units: list[tuple[str, str]], coders: dict) -> dict:
    names = sorted(coders)
    matrix = [[coders[name].get(unit) for unit in units] for name in names]
    who = [name for name, row in zip(names, matrix) if any(v is not None for v in row)]
    pairable = [u for i, u in enumerate(units) if sum(row[i] is not None for row in matrix) >= 2]
    agree = total = 0
    for i in range(len(units)):
        values = [row[i] for row in matrix if row[i] is not None]
        for a, b in itertools.combinations(values, 2):
            agree, total = agree + (a == b), total + 1
    row = {"item": item, "alpha": float("nan"), "percent agreement": agree / total if total else float("nan"),
           "n_coders": len(who), "units": len(pairable), "note": ""}
    if not pairable:
        row["note"] = "No unit was coded by two or more coders, so there is nothing to compare."
        return row
    try:
        row["alpha"] = krippendorff_alpha([[v for v in r] for r in matrix])
    except KitValueError as why:  # no variation: alpha is undefined
        row["note"] = str(why)
    return row


def class_reliability(folder, exercise_id: str = SV_EXERCISE):
    """How far a class agrees: Krippendorff's alpha (nominal) and percent agreement per item.

    ``folder`` holds the students' exports (``*.json`` from
    ``kk.export_work``). Each distinct student is one coder (an export
    handed in twice counts once; the latest answer wins); a unit is one
    article and one item; "not sure" counts as not coded. One row per item
    (the index), plus ``all items``, with ``alpha``, ``percent agreement``
    (the share of agreeing pairs of coders, over all units), ``n_coders``
    (who coded the item), ``units`` (articles coded by two or more) and a
    ``note`` where alpha cannot be worked out. Files that cannot be read are
    skipped and listed in ``table.attrs["skipped"]`` as (file, reason);
    ``table.attrs["coders"]`` lists the coders. Read alpha with
    ``kk.read_alpha``: 0.800 or more is reliable.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> table = class_reliability(folder)
    >>> table.loc["all items", "note"]
    'No unit was coded by two or more coders, so there is nothing to compare.'
    """
    from .._display import pandas as _pandas

    pd = _pandas()
    folder = need_path(folder, "folder", "class_reliability", "exports")
    if not folder.is_dir():
        raise KitValueError(f"class_reliability: folder should be a folder that holds the students' exports "
                            f"(*.json files), but {folder} {'is a file' if folder.exists() else 'does not exist'}. "
                            "Check the name, or make the folder and put the exports in it.")
    if not isinstance(exercise_id, str) or not exercise_id.strip():
        raise KitTypeError(f"class_reliability: exercise_id should be an exercise id in quotes, such as '03.sv', "
                           f"but it is {shown(exercise_id)}.")
    coders, skipped = _coder_codes(folder, exercise_id)
    known = [row["item"] for row in item_rows()] if exercise_id == SV_EXERCISE else list(PFC_QUESTIONS)
    seen = Counter(question for codes in coders.values() for _, question in codes)
    items = [q for q in known if q in seen] + sorted(q for q in seen if q not in known)
    articles = sorted({article_id for codes in coders.values() for article_id, _ in codes})
    rows = []
    for item in items:
        units = [(article_id, item) for article_id in articles]
        rows.append(_item_row(item, units, coders))
    every = [(article_id, item) for item in items for article_id in articles]
    rows.append(_item_row("all items", every, coders))
    table = pd.DataFrame(rows, columns=["item", "alpha", "percent agreement", "n_coders", "units", "note"])
    table = table.set_index("item")
    table.attrs["skipped"] = skipped
    table.attrs["coders"] = sorted(coders)
    return table
