"""The logic of the two coding widgets: the frame coder and Entman's worksheet. No ipywidgets here.

Set the traits in a test (or a script) and read ``status`` back; the views
in :mod:`korea_kit.widgets` only draw these. Both save to the work store
(see :mod:`korea_kit.framing._instruments` for where each answer is kept),
reload what was saved when they are opened again (after a kernel restart
too), and say "Saved" only once the work file holds the change. When the
store cannot save, the status line says "NOT saved" and why; the change
is kept in the notebook and saved with the first change that can be.

>>> import os, tempfile
>>> from korea_kit import Article, WorkStore
>>> store = WorkStore(os.path.join(tempfile.mkdtemp(), "work.json"), student="ana")
>>> article = Article.from_text("Talks at last\\n\\nThe two sides met. They argued.", id="t")
>>> coder = FrameCoder(article, store=store)
>>> coder.answer("conflict_1", "yes")
>>> coder.status
'Saved: conflict_1 = yes.'
>>> FrameCoder(article, store=WorkStore(store.path, student="ana")).answers["conflict_1"]   # a kernel restart
'yes'
"""

from __future__ import annotations

from typing import Any

from traitlets import Dict, HasTraits, Unicode, observe, validate

from .._errors import KitTypeError, KitValueError, WorkStoreError, did_you_mean, need_choice, shown
from ..text._inputs import need_article
from ._instruments import ENTMAN_EXERCISE, PFC_EXERCISE, SV_EXERCISE, SV_FRAMES, frame_names, item_rows

__all__ = ["FrameCoder", "EntmanWorksheet", "ANSWERS", "NOT_SURE", "NOT_CHOSEN", "ENTMAN_FUNCTIONS"]

NOT_SURE = "not sure"
NOT_CHOSEN = "not chosen"
ANSWERS = ("yes", "no", NOT_SURE)
_STORED = {"yes": True, "no": False, NOT_SURE: None}

#: Entman (1993): the four things a frame can do, each in one plain sentence (the kit's own words).
ENTMAN_FUNCTIONS = {
    "problem": ("Problem definition", "What does the report present as the problem, and whose problem is it?"),
    "cause": ("Causal interpretation", "Who or what does the report suggest caused the problem?"),
    "moral": ("Moral evaluation", "What judgement of right and wrong, praise or blame, does the report make or invite?"),
    "remedy": ("Treatment recommendation", "What does the report suggest should be done about it, and by whom?"),
}


def _store_for(store: Any):
    from ..work._session import store_or_session

    return store_or_session(store)


def _not_saved(store, error: Exception | None = None) -> str:
    why = store.problem or str(error or "")
    return f"⚠️ NOT saved: your answer is kept in this notebook only. {why}".rstrip()


def _save(store, article_id: str, exercise_id: str, question: str, value: Any, done: str) -> str:
    """Save one coding; the status line to show (``done`` only when the work file holds it)."""
    from ..work._store import WorkNotSavedError

    try:
        store.set_coding(article_id, exercise_id, question, value)
    except WorkNotSavedError as unsaved:
        return _not_saved(store, unsaved)
    except WorkStoreError as error:  # refused outright: nothing kept
        return f"⚠️ NOT saved: {error}"
    return done if store.saved else _not_saved(store)


def _own_codings(store, article_id: str, exercise_id: str) -> dict[str, Any]:
    """This student's live codings of one article for one exercise: question -> value."""
    return {c["question"]: c["value"] for c in store.codings(article_id, exercise_id) if c["source"] == store.source}


def _hints(article) -> dict[str, str]:
    """One hint line per generic frame: the frame cues found in the article that may bear on it."""
    try:
        from . import frame_cues  # engineer A's cue finder; the coder works without it
    except ImportError:
        frame_cues = None
    table = None
    if frame_cues is not None:
        try:
            table = frame_cues(article)
        except Exception:  # noqa: BLE001 - a hint must never stop a student from coding
            table = None
    wanted: dict[str, tuple[set[str], set[str]]] = {frame: (set(), set()) for frame in SV_FRAMES}
    for row in item_rows():
        wanted[row["frame"]][0].update(row["hint_categories"])
        wanted[row["frame"]][1].update(row["hint_cues"])
    hints = {}
    for frame, (categories, cues) in wanted.items():
        hints[frame] = _hint_line(frame, table, categories, cues)
    return hints


def _hint_line(frame: str, table, categories: set[str], cues: set[str]) -> str:
    name = SV_FRAMES[frame].lower()
    if table is None:
        return "Hint: no word hints are available for this article; read it and decide."
    if not categories and not cues:
        return f"Hint: the kit's word lists have nothing to point at for {name}; read the whole report and decide."
    found: dict[str, str] = {}
    for row in table.itertuples(index=False):
        category, cue, text = str(row.category), str(row.cue), " ".join(str(row.text).split())
        if category in categories or cue in cues:
            found.setdefault(text.casefold(), f"“{text}” ({category})")
    if not found:
        return (f"Hint: the kit found no cue words for {name} here. That is not an answer: "
                "many items need a reader's judgement, so read the report and decide.")
    shown_cues = list(found.values())[:8]
    more = f" and {len(found) - 8} more" if len(found) > 8 else ""
    return (f"Hint: words that may bear on {name}: {', '.join(shown_cues)}{more}. "
            "Read them in context: a cue word is a place to look, not an answer.")


class FrameCoder(HasTraits):
    """Code one article with the 20 generic-frame items and two Policy Frames Codebook frames.

    ``answers`` maps every item id to ``"yes"``, ``"no"`` or ``"not sure"``
    (assign a whole dict, or call :meth:`answer`); ``headline_frame`` and
    ``primary_frame`` hold a frame name or ``"not chosen"``. Every change is
    saved at once; "not sure" and "not chosen" save ``None``, so a yes taken
    back never stays behind in the store. ``hints`` holds one hint line per
    frame; ``status`` says whether the last change is saved.
    """

    answers = Dict()
    headline_frame = Unicode(NOT_CHOSEN)
    primary_frame = Unicode(NOT_CHOSEN)
    hints = Dict()
    status = Unicode("")

    def __init__(self, article, *, store=None):
        self.article = need_article(article, "frame_coder")
        self._store = _store_for(store)
        self._loading = True
        self.items = item_rows()
        self.frames = [NOT_CHOSEN, *frame_names()]
        saved = _own_codings(self._store, self.article.id, SV_EXERCISE)
        chosen = _own_codings(self._store, self.article.id, PFC_EXERCISE)
        back = {True: "yes", False: "no"}
        answers = {row["item"]: back.get(saved.get(row["item"]), NOT_SURE) for row in self.items}
        super().__init__(answers=answers, hints=_hints(self.article),
                         headline_frame=self._loaded_frame(chosen.get("headline_frame")),
                         primary_frame=self._loaded_frame(chosen.get("primary_frame")))
        self._loading = False
        coded = sum(a != NOT_SURE for a in answers.values())
        opening = f"{coded} of {len(answers)} items were coded before; they are loaded." if coded else "Nothing coded yet."
        self.status = opening if self._store.saved else _not_saved(self._store)

    @property
    def store(self):
        """The work store the codes go to."""
        return self._store

    def _loaded_frame(self, value: Any) -> str:
        return value if isinstance(value, str) and value in self.frames else NOT_CHOSEN

    def answer(self, item: str, value: str) -> None:
        """Answer one item: ``"yes"``, ``"no"`` or ``"not sure"`` (which takes a yes or no back)."""
        ids = [row["item"] for row in self.items]
        if not isinstance(item, str) or item not in ids:
            near = did_you_mean(item, ids) if isinstance(item, str) else ""
            raise KitValueError(f"FrameCoder.answer: item should be an item id such as 'conflict_1' "
                                f"(see kk.sv2000_items()), but it is {shown(item)}.{near}")
        need_choice(value, "value", "FrameCoder.answer", ANSWERS)
        self.answers = {**self.answers, item: value}

    @validate("answers")
    def _check_answers(self, proposal) -> dict:
        given = proposal["value"]
        ids = [row["item"] for row in self.items]
        for item, value in given.items():
            if item not in ids:
                raise KitValueError(f"FrameCoder: answers has the item {item!r}, which is not one of the 20 items "
                                    f"(see kk.sv2000_items()).{did_you_mean(item, ids)}")
            need_choice(value, f"the answer to {item}", "FrameCoder", ANSWERS)
        return {item: given.get(item, NOT_SURE) for item in ids}

    @validate("headline_frame", "primary_frame")
    def _check_frame(self, proposal) -> str:
        return need_choice(proposal["value"], proposal["trait"].name, "FrameCoder", self.frames)

    @observe("answers")
    def _answers_changed(self, change) -> None:
        if self._loading:
            return
        old = change["old"] or {}
        for item, value in change["new"].items():
            if value != old.get(item, NOT_SURE):
                done = f"Saved: {item} = {value}." if value != NOT_SURE else f"Saved: {item} is back to not sure."
                self.status = _save(self._store, self.article.id, SV_EXERCISE, item, _STORED[value], done)

    @observe("headline_frame", "primary_frame")
    def _frame_changed(self, change) -> None:
        if self._loading:
            return
        question, value = change["name"], change["new"]
        label = question.replace("_", " ")
        done = f"Saved: {label} = {value}." if value != NOT_CHOSEN else f"Saved: {label} is back to not chosen."
        self.status = _save(self._store, self.article.id, PFC_EXERCISE, question,
                            None if value == NOT_CHOSEN else value, done)

    def items_of(self, frame: str) -> list[dict]:
        """The items of one generic frame (``"conflict"``, ...), in order."""
        need_choice(frame, "frame", "FrameCoder.items_of", list(SV_FRAMES))
        return [row for row in self.items if row["frame"] == frame]


class EntmanWorksheet(HasTraits):
    """Entman's four functions of a frame for one article: an answer and evidence sentences for each.

    ``answers`` maps ``"problem"``, ``"cause"``, ``"moral"`` and
    ``"remedy"`` to the student's text; ``evidence`` maps each to a list of
    sentence numbers (positions in ``article.sentences``). Nothing is saved
    until :meth:`save` (the "Save this answer" button); ``status`` says what
    is saved and what is not yet. Evidence spans saved by other means (the
    viewer) that are not whole sentences are kept when the answer is saved again.

    >>> import os, tempfile
    >>> from korea_kit import Article, WorkStore
    >>> store = WorkStore(os.path.join(tempfile.mkdtemp(), "work.json"), student="ana")
    >>> sheet = EntmanWorksheet(Article.from_text("Talks\\n\\nSanctions bite. Kim wants relief.", id="t"), store=store)
    >>> sheet.answers = {**sheet.answers, "cause": "Sanctions, says the report."}
    >>> sheet.evidence = {**sheet.evidence, "cause": [1]}
    >>> sheet.status
    'Causal interpretation: not saved yet; press “Save this answer”.'
    >>> sheet.save("cause")
    >>> sheet.status
    'Saved: causal interpretation.'
    >>> store.codings()[0]["value"]
    {'answer': 'Sanctions, says the report.', 'evidence': [[7, 22]]}
    """

    answers = Dict()
    evidence = Dict()
    status = Unicode("")

    def __init__(self, article, *, store=None):
        self.article = need_article(article, "entman_worksheet")
        self._store = _store_for(store)
        self.functions = list(ENTMAN_FUNCTIONS)
        self._saved: dict[str, dict] = {}
        self._extra: dict[str, list[list[int]]] = {}
        self._loading = True
        where = {(s.start, s.end): i for i, s in enumerate(self.article.sentences)}
        answers, evidence = {}, {}
        stored = _own_codings(self._store, self.article.id, ENTMAN_EXERCISE)
        for name in self.functions:
            value = stored.get(name)
            value = value if isinstance(value, dict) else {}
            text = value.get("answer") if isinstance(value.get("answer"), str) else ""
            spans = [list(pair) for pair in value.get("evidence") or [] if _is_pair(pair)]
            answers[name] = text
            evidence[name] = [where[tuple(pair)] for pair in spans if tuple(pair) in where]
            self._extra[name] = [pair for pair in spans if tuple(pair) not in where]
            self._saved[name] = {"answer": text, "evidence": sorted(evidence[name])}
        super().__init__(answers=answers, evidence=evidence)
        self._loading = False
        loaded = [ENTMAN_FUNCTIONS[n][0].lower() for n in self.functions if answers[n] or evidence[n]]
        opening = f"Loaded your saved answers: {', '.join(loaded)}." if loaded else "Nothing written yet."
        self.status = opening if self._store.saved else _not_saved(self._store)

    @property
    def store(self):
        """The work store the answers go to."""
        return self._store

    def sentence_choices(self, width: int = 90) -> list[str]:
        """One short line per sentence of the article, for a menu."""
        out = []
        for i, span in enumerate(self.article.sentences):
            text = " ".join(span.text.split())
            out.append(f"{i + 1}. {text if len(text) <= width else text[: width - 1] + '…'}")
        return out

    def unsaved(self) -> list[str]:
        """The functions whose answer or evidence changed since it was last saved."""
        return [n for n in self.functions
                if {"answer": self.answers[n], "evidence": sorted(self.evidence[n])} != self._saved[n]]

    @validate("answers")
    def _check_answers(self, proposal) -> dict:
        given = proposal["value"]
        for name, text in given.items():
            self._need_function(name, "answers")
            if not isinstance(text, str):
                raise KitTypeError(f"EntmanWorksheet: the answer for {name!r} should be text, but it is {shown(text)}.")
        return {n: given.get(n, "") for n in self.functions}

    @validate("evidence")
    def _check_evidence(self, proposal) -> dict:
        given, count = proposal["value"], len(self.article.sentences)
        for name, numbers in given.items():
            self._need_function(name, "evidence")
            if isinstance(numbers, (str, bytes)) or not isinstance(numbers, (list, tuple)) or not all(
                    isinstance(i, int) and not isinstance(i, bool) and 0 <= i < count for i in numbers):
                raise KitValueError(f"EntmanWorksheet: the evidence for {name!r} should be a list of sentence numbers "
                                    f"from 0 to {count - 1}, but it is {shown(numbers)}.")
        return {n: sorted(set(given.get(n, []))) for n in self.functions}

    def _need_function(self, name: Any, what: str) -> None:
        if name not in ENTMAN_FUNCTIONS:
            raise KitValueError(f"EntmanWorksheet: {what} has {shown(name)}, which is not one of Entman's four "
                                f"functions: {', '.join(map(repr, ENTMAN_FUNCTIONS))}."
                                f"{did_you_mean(name, ENTMAN_FUNCTIONS) if isinstance(name, str) else ''}")

    @observe("answers", "evidence")
    def _edited(self, change) -> None:
        if self._loading:
            return
        waiting = self.unsaved()
        if waiting:
            names = ", ".join(ENTMAN_FUNCTIONS[n][0] for n in waiting)
            self.status = f"{names}: not saved yet; press “Save this answer”."

    def save(self, function: str) -> None:
        """Save the answer and evidence of one function (``"problem"``, ``"cause"``, ``"moral"`` or ``"remedy"``)."""
        self._need_function(function, "save")
        sentences = self.article.sentences
        pairs = [[sentences[i].start, sentences[i].end] for i in self.evidence[function]]
        value = {"answer": self.answers[function], "evidence": sorted(pairs + self._extra[function])}
        label = ENTMAN_FUNCTIONS[function][0].lower()
        self.status = _save(self._store, self.article.id, ENTMAN_EXERCISE, function, value, f"Saved: {label}.")
        if self.status.startswith("Saved"):
            self._saved[function] = {"answer": self.answers[function], "evidence": sorted(self.evidence[function])}


def _is_pair(pair: Any) -> bool:
    return (isinstance(pair, (list, tuple)) and len(pair) == 2
            and all(isinstance(x, int) and not isinstance(x, bool) for x in pair) and pair[0] <= pair[1])
