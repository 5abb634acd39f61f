"""The logic of the diplomacy widgets: the event coder, the position grid and the lens worksheet. No ipywidgets.

Set the traits (or call the methods) in a test and read ``status`` back.
Each saves to the work store and says "Saved" only once the work file holds
the change ("NOT saved" and why otherwise), and reloads the student's own
saved work when it is opened again.

>>> import os, tempfile
>>> from korea_kit import Article, WorkStore
>>> store = WorkStore(os.path.join(tempfile.mkdtemp(), "work.json"), student="ana")
>>> article = Article.from_text("Talks\\n\\nSeoul said it would meet Pyongyang. Nothing else.", id="t")
>>> coder = EventCoder(article, store=store, gold=False)
>>> coder.sentence, coder.source_actor, coder.target_actor, coder.cameo = 1, "KOR", "PRK", "036"
>>> coder.save()
>>> coder.status
'Saved: sentence 2, KOR → PRK, CAMEO 036.'
>>> EventCoder(article, store=WorkStore(store.path, student="ana"), gold=False).cameo   # reopened
'036'
"""

from __future__ import annotations

import re
from typing import Any

from traitlets import Dict, HasTraits, Int, Unicode, observe, validate

from .._errors import KitTypeError, KitValueError, need_choice, need_table, need_text, shown
from ..framing._coding import _not_saved, _own_codings, _save, _store_for
from ..text._inputs import need_article, need_articles
from ._cameo import cameo_info, root_of
from ._positions import ISSUES, POSITION_CHOICES, positions

__all__ = ["EventCoder", "PositionGrid", "LensWorksheet", "explain_difference", "EVENTS_EXERCISE",
           "POSITIONS_EXERCISE", "LENS_EXERCISE", "UNANSWERED"]

EVENTS_EXERCISE, POSITIONS_EXERCISE, LENS_EXERCISE = "04.events", "04.positions", "04.lens"
UNANSWERED = "not answered"
_CODE = re.compile(r"^[A-Z]{3}$")
_FALLBACK_ACTORS = ("USA", "PRK", "KOR", "CHN", "JPN", "RUS")


def _sentence_line(span, number: int, width: int = 90) -> str:
    text = " ".join(span.text.split())
    return f"{number + 1}. {text if len(text) <= width else text[: width - 1] + '…'}"


def _sign(value: float) -> str:
    return "cooperation" if value > 0 else "conflict" if value < 0 else "neutral"


def _root_name(code: str) -> str:
    """`` (Name of the root)`` for a code's root where the table has the root's own row, else ``""``."""
    try:
        return f" ({cameo_info(root_of(code) + '0')['cameo_name']})"
    except KeyError:
        return ""


def explain_difference(student: dict, gold: dict) -> str:
    """Feedback that explains how a student's event code differs from the gold's (never just "wrong").

    >>> print(explain_difference({"source_actor": "PRK", "target_actor": "USA", "cameo": "036"},
    ...                          {"source_actor": "USA", "target_actor": "PRK", "cameo": "036"}))
    Direction: you have PRK → USA, the gold has USA → PRK. The source is the actor who does or says it; the target is the one it is aimed at.
    """
    notes = []
    mine, theirs = (student["source_actor"], student["target_actor"]), (gold["source_actor"], gold["target_actor"])
    if mine != theirs:
        if mine == theirs[::-1]:
            notes.append(f"Direction: you have {mine[0]} → {mine[1]}, the gold has {theirs[0]} → {theirs[1]}. The source "
                         "is the actor who does or says it; the target is the one it is aimed at.")
        else:
            notes.append(f"Actors: you have {mine[0]} → {mine[1]}, the gold has {theirs[0]} → {theirs[1]}. Ask who acts "
                         "in the sentence and whom the act is aimed at.")
    a, b = str(student["cameo"]), str(gold["cameo"])
    if a != b:
        one, two = cameo_info(a), cameo_info(b)
        described = (f"Your code {a} means “{one['cameo_name']}” (Goldstein {one['goldstein']:+.1f}); the gold's {b} "
                     f"means “{two['cameo_name']}” (Goldstein {two['goldstein']:+.1f}).")
        if root_of(a) == root_of(b):
            notes.append(f"Same root {root_of(a)}{_root_name(a)}, different code. {described} "
                         "Which one fits the words of the sentence more exactly?")
        else:
            notes.append(f"Different kind of event. {described} Yours is {one['quad_class']}, the gold's "
                         f"{two['quad_class']}.")
        if _sign(one["goldstein"]) != _sign(two["goldstein"]):
            notes.append(f"The sign differs: your code scores the event as {_sign(one['goldstein'])}, the gold as "
                         f"{_sign(two['goldstein'])}. Is the act friendly or hostile to its target?")
    if not notes:
        return "Same as the gold: actors, direction and code agree."
    return " ".join(notes)


def _gold_for(article, gold: Any):
    """The gold event rows (dicts) of one article; ``gold=False`` means none, ``None`` loads the seeds' gold."""
    if gold is False:
        return []
    if gold is None:
        try:
            from . import load_event_gold  # engineer D's gold; the coder works without it
        except ImportError:
            return []
        try:
            gold = load_event_gold()
        except Exception:  # noqa: BLE001 - a missing gold file must never stop a student from coding
            return []
    wanted = ["article_id", "start", "end", "source_actor", "target_actor", "cameo"]
    if isinstance(gold, list) and all(isinstance(r, dict) and set(wanted) <= set(r) for r in gold):
        rows = gold  # gold events written by hand, one dict each
    else:
        rows = need_table(gold, "gold", "event_coder", wanted, "kk.load_event_gold()").to_dict("records")
    return [r for r in rows if str(r.get("article_id", "")) in (article.id, article.id.split("_")[0])]


class EventCoder(HasTraits):
    """Code events in one article: a sentence (its number in ``article.sentences``), source, target, CAMEO code.

    :meth:`save` stores the coding (exercise ``04.events``, one per
    sentence, keyed by the sentence's start) and sets ``feedback`` by
    comparing it with a gold event in that sentence, where there is one.
    Choosing a sentence already coded loads its saved coding.
    """

    sentence = Int(-1)
    source_actor = Unicode("")
    target_actor = Unicode("")
    cameo = Unicode("")
    status = Unicode("")
    feedback = Unicode("")

    def __init__(self, article, *, store=None, gold=None):
        from . import cameo_codes

        self.article = need_article(article, "event_coder")
        self._store = _store_for(store)
        self.codes = cameo_codes()
        self.cameo_choices = [f"{c} · {n}" for c, n in zip(self.codes["cameo"], self.codes["cameo_name"])]
        self.gold = _gold_for(self.article, gold)
        self.actor_choices = sorted({*_FALLBACK_ACTORS, *(g.get(k) for g in self.gold
                                                          for k in ("source_actor", "target_actor") if g.get(k))})
        self.saved = {int(q): v for q, v in _own_codings(self._store, self.article.id, EVENTS_EXERCISE).items()
                      if q.isdigit() and isinstance(v, dict)}
        super().__init__()
        starts = [s.start for s in self.article.sentences]
        coded = [starts.index(k) for k in sorted(self.saved) if k in starts]
        if coded:
            self.sentence = coded[0]
        opening = f"{len(coded)} coded events loaded." if coded else "Nothing coded yet."
        self.status = opening if self._store.saved else _not_saved(self._store)

    @property
    def store(self):
        """The work store the codings go to."""
        return self._store

    def sentence_choices(self) -> list[str]:
        """One short line per sentence of the article, for a menu."""
        return [_sentence_line(s, i) for i, s in enumerate(self.article.sentences)]

    @validate("sentence")
    def _check_sentence(self, proposal) -> int:
        value, count = proposal["value"], len(self.article.sentences)
        if not -1 <= value < count:
            raise KitValueError(f"EventCoder: sentence should be a sentence number from 0 to {count - 1}, "
                                f"but it is {value}.")
        return value

    @validate("source_actor", "target_actor")
    def _check_actor(self, proposal) -> str:
        value = proposal["value"].strip().upper()
        if value and not _CODE.match(value):
            raise KitValueError(f"EventCoder: {proposal['trait'].name} should be a three-letter country code such as "
                                f"'USA' or 'PRK', but it is {shown(proposal['value'])}.")
        return value

    @validate("cameo")
    def _check_cameo(self, proposal) -> str:
        from ._cameo import need_cameo

        value = proposal["value"].split("·")[0].strip()
        return need_cameo(value, "EventCoder") if value else ""

    @observe("sentence")
    def _sentence_changed(self, change) -> None:
        if change["new"] < 0:
            return
        saved = self.saved.get(self.article.sentences[change["new"]].start)
        if saved:
            self.source_actor = saved.get("source_actor", "")
            self.target_actor = saved.get("target_actor", "")
            self.cameo = saved.get("cameo", "")
            self.feedback = self.compare()
        else:
            self.feedback = ""

    def compare(self) -> str:
        """Feedback on the current coding against the gold event(s) in its sentence."""
        if self.sentence < 0:
            return ""
        span = self.article.sentences[self.sentence]
        inside = [g for g in self.gold if int(g["start"]) < span.end and span.start < int(g["end"])]
        if not inside:
            return ("The kit has no gold event in this sentence, so there is nothing to compare with. "
                    "Ask a classmate to code it too and compare.")
        mine = {"source_actor": self.source_actor, "target_actor": self.target_actor, "cameo": self.cameo}
        best = min(inside, key=lambda g: (str(g["cameo"]) != self.cameo,
                                          (g["source_actor"], g["target_actor"]) != (self.source_actor, self.target_actor)))
        note = f" Gold note: {best['note']}" if best.get("note") else ""
        return explain_difference(mine, {k: str(best[k]) for k in mine}) + note

    def save(self) -> None:
        """Save the coding of the chosen sentence and set ``feedback``; ``status`` says what happened."""
        missing = [n for n, v in (("a sentence", self.sentence >= 0), ("a source actor", self.source_actor),
                                  ("a target actor", self.target_actor), ("a CAMEO code", self.cameo)) if not v]
        if missing:
            self.status = f"Not saved yet: choose {', '.join(missing)} first."
            return
        span = self.article.sentences[self.sentence]
        value = {"start": span.start, "end": span.end, "source_actor": self.source_actor,
                 "target_actor": self.target_actor, "cameo": self.cameo}
        done = f"Saved: sentence {self.sentence + 1}, {self.source_actor} → {self.target_actor}, CAMEO {self.cameo}."
        self.status = _save(self._store, self.article.id, EVENTS_EXERCISE, str(span.start), value, done)
        if self.status.startswith("Saved"):
            self.saved[span.start] = value
        self.feedback = self.compare()


class PositionGrid(HasTraits):
    """The student's actor × issue grid of positions, saved as ``04.positions``; the kit's answer after answering.

    ``answers`` maps ``"USA:talks"`` to ``{"position": ..., "note": ...}``
    (position one of :data:`POSITION_CHOICES` or ``"not answered"``).
    :meth:`reveal` gives the kit's curated position and evidence for a cell,
    only once the student has answered it.
    """

    answers = Dict()
    status = Unicode("")

    def __init__(self, corpus=None, *, store=None, path=None):
        self._store = _store_for(store)
        self.curated = positions(corpus, path)
        self.actors = list(dict.fromkeys(self.curated["actor"]))
        self.issues = [i for i in ISSUES if i in set(self.curated["issue"])]
        stored = _own_codings(self._store, None, POSITIONS_EXERCISE)
        answers = {}
        for cell in self.cells():
            value = stored.get(cell) if isinstance(stored.get(cell), dict) else {}
            position = value.get("position") if value.get("position") in POSITION_CHOICES else UNANSWERED
            answers[cell] = {"position": position, "note": value.get("note") or ""}
        super().__init__(answers=answers)
        done = sum(a["position"] != UNANSWERED for a in answers.values())
        opening = f"Loaded {done} of your answers." if done else "Nothing answered yet."
        self.status = opening if self._store.saved else _not_saved(self._store)

    @property
    def store(self):
        """The work store the answers go to."""
        return self._store

    def cells(self) -> list[str]:
        """Every cell of the grid as ``"ACTOR:issue"``."""
        return [f"{a}:{i}" for a in self.actors for i in self.issues]

    def answer(self, actor: str, issue: str, position: str, note: str = "") -> None:
        """Fill one cell: a position (``for``, ``against``, ``conditional``, ``unclear``) and a short note; saved at once."""
        need_choice(actor, "actor", "PositionGrid.answer", self.actors)
        need_choice(issue, "issue", "PositionGrid.answer", self.issues)
        need_choice(position, "position", "PositionGrid.answer", POSITION_CHOICES)
        need_text(note, "note", "PositionGrid.answer", "Only if the North moves first.")
        cell = f"{actor}:{issue}"
        value = {"position": position, "note": note}
        self.answers = {**self.answers, cell: value}
        self.status = _save(self._store, None, POSITIONS_EXERCISE, cell, value, f"Saved: {actor} on {issue} = {position}.")

    def reveal(self, actor: str, issue: str) -> dict | None:
        """The kit's position for a cell with its evidence, or ``None`` (and a status line) if it is not answered yet."""
        need_choice(actor, "actor", "PositionGrid.reveal", self.actors)
        need_choice(issue, "issue", "PositionGrid.reveal", self.issues)
        if self.answers[f"{actor}:{issue}"]["position"] == UNANSWERED:
            self.status = f"Answer {actor} on {issue} first; then you can compare with the kit's reading."
            return None
        rows = self.curated[(self.curated["actor"] == actor) & (self.curated["issue"] == issue)]
        first = rows.iloc[0]
        evidence = [{"article_id": r.article_id, "start": int(r.start), "end": int(r.end), "text": r.evidence}
                    for r in rows.itertuples() if r.evidence]
        return {"position": first["position"], "label": first["label"], "note": first["note"], "evidence": evidence}


class LensWorksheet(HasTraits):
    """One guided question per IR lens: an article, a sentence as evidence and one sentence of answer (``04.lens``).

    ``answers`` maps each lens id to ``{"article_id": ..., "sentence": n, "answer": ...}`` (``sentence`` is -1
    until one is chosen). :meth:`save` stores one lens; reopening reloads it.
    """

    answers = Dict()
    status = Unicode("")

    def __init__(self, corpus, *, store=None):
        from ._lenses import lens_rows

        self.articles = need_articles(corpus, "lens_worksheet")
        if not self.articles:
            raise KitValueError("lens_worksheet: corpus has no articles; load some with kk.load_corpus().")
        self._store = _store_for(store)
        self.lenses = list(lens_rows())
        self.ids = [row["lens"] for row in self.lenses]
        stored = _own_codings(self._store, None, LENS_EXERCISE)
        answers = {lens: self._loaded(stored.get(lens)) for lens in self.ids}
        super().__init__(answers=answers)
        done = [lens for lens, a in answers.items() if a["answer"] or a["sentence"] >= 0]
        opening = f"Loaded your answers for {', '.join(done)}." if done else "Nothing written yet."
        self.status = opening if self._store.saved else _not_saved(self._store)

    @property
    def store(self):
        """The work store the answers go to."""
        return self._store

    def article(self, article_id: str):
        """The article with this id."""
        for article in self.articles:
            if article.id == article_id:
                return article
        raise KitValueError(f"LensWorksheet: there is no article {shown(article_id)}; choose one of "
                            f"{', '.join(a.id for a in self.articles)}.")

    def _loaded(self, value: Any) -> dict:
        blank = {"article_id": self.articles[0].id, "sentence": -1, "answer": ""}
        if not isinstance(value, dict):
            return blank
        try:
            article = self.article(value.get("article_id"))
        except KitValueError:
            return blank
        where = {(s.start, s.end): i for i, s in enumerate(article.sentences)}
        return {"article_id": article.id, "sentence": where.get((value.get("start"), value.get("end")), -1),
                "answer": value.get("answer") if isinstance(value.get("answer"), str) else ""}

    def set(self, lens: str, *, article_id: str | None = None, sentence: int | None = None,
            answer: str | None = None) -> None:
        """Change one lens's article, sentence number or answer (not saved until :meth:`save`)."""
        need_choice(lens, "lens", "LensWorksheet.set", self.ids)
        current = dict(self.answers[lens])
        if article_id is not None:
            self.article(article_id)
            current.update(article_id=article_id, sentence=-1 if article_id != current["article_id"] else current["sentence"])
        if sentence is not None:
            count = len(self.article(current["article_id"]).sentences)
            if isinstance(sentence, bool) or not isinstance(sentence, int) or not -1 <= sentence < count:
                raise KitValueError(f"LensWorksheet.set: sentence should be a sentence number from 0 to {count - 1}, "
                                    f"but it is {shown(sentence)}.")
            current["sentence"] = sentence
        if answer is not None:
            current["answer"] = need_text(answer, "answer", "LensWorksheet.set", "Sanctions are costly signals.")
        self.answers = {**self.answers, lens: current}
        self.status = f"{lens}: not saved yet; press “Save this answer”."

    def save(self, lens: str) -> None:
        """Save one lens's evidence sentence and answer."""
        need_choice(lens, "lens", "LensWorksheet.save", self.ids)
        current = self.answers[lens]
        if current["sentence"] < 0 or not current["answer"].strip():
            self.status = f"{lens}: not saved yet: choose a sentence as evidence and write one sentence first."
            return
        span = self.article(current["article_id"]).sentences[current["sentence"]]
        value = {"article_id": current["article_id"], "start": span.start, "end": span.end, "answer": current["answer"]}
        self.status = _save(self._store, None, LENS_EXERCISE, lens, value, f"Saved: {lens}.")

    @validate("answers")
    def _check_answers(self, proposal) -> dict:
        for lens in proposal["value"]:
            if lens not in self.ids:
                raise KitTypeError(f"LensWorksheet: answers has {shown(lens)}, which is not a lens id "
                                   f"({', '.join(self.ids)}).")
        return proposal["value"]
