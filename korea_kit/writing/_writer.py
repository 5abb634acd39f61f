"""The brief writer's logic: sections in, a Markdown draft out, feedback that follows the writing, autosave.

Loaded on first use (it needs traitlets). :class:`BriefWriter` holds one text per section of
``data/writing_sections.csv``; every change rebuilds :attr:`~BriefWriter.draft` at once, and ``delay`` seconds
after the **last** change (debounced) the feedback is worked out again and the draft is saved to the work store
as the answer ``05.brief``. The wait is run by ``schedule(delay, callback)`` (returning something with
``cancel()``): the default uses the notebook's event loop, and a test passes its own to fire it by hand.
:meth:`~BriefWriter.refresh` does it now. ``status`` never says "Saved" unless the work file holds the draft.

>>> import os, tempfile
>>> from korea_kit import WorkStore
>>> store = WorkStore(os.path.join(tempfile.mkdtemp(), "work.json"), student="ana")
>>> waiting = []
>>> writer = BriefWriter(store=store, schedule=lambda delay, callback: waiting.append(callback) or Handle())
>>> writer.headline = "Moon says the North could talk"
>>> writer.status, store.answer("05.brief") is None
('Changes not saved yet: saving when you pause.', True)
>>> waiting[-1]()
>>> writer.status.startswith("Saved"), store.answer("05.brief")
(True, '# Moon says the North could talk')
"""

from __future__ import annotations

import asyncio
import re
import threading
import time
from html import escape
from typing import Any, Callable

from traitlets import Float, HasTraits, Unicode, observe

from .._errors import KitError, KitTypeError, WorkStoreError, shown
from ._data import BRIEF_EXERCISE
from ._draft import CorpusIndex, need_corpus
from ._export import export_brief
from ._feedback import BriefFeedback, feedback_with_index
from ._sections import SECTION_NAMES, assemble, split

__all__ = ["BriefWriter", "Handle", "default_schedule"]

_SURROGATES = re.compile(r"[\ud800-\udfff]")


def _storable(text: str) -> str:
    """``text`` as the work store can keep it: a broken character (half an emoji) becomes U+FFFD."""
    return _SURROGATES.sub("\ufffd", text)


class Handle:
    """A scheduled call that can be cancelled (what a test's scheduler may return)."""

    def cancel(self) -> None:
        """Do nothing: a test's scheduler decides itself whether to call back."""


def default_schedule(delay: float, callback: Callable[[], None]):
    """Call ``callback`` after ``delay`` seconds: on the notebook's running event loop, else on a timer thread."""
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        timer = threading.Timer(delay, callback)
        timer.daemon = True
        timer.start()
        return timer
    return loop.call_later(delay, callback)


class BriefWriter(HasTraits):
    """The logic of ``kk.brief_writer()``: one text trait per section, the draft, its feedback, saving and export."""

    headline = Unicode("")
    standfirst = Unicode("")
    lead = Unicode("")
    context = Unicode("")
    voices = Unicode("")
    next = Unicode("")
    draft = Unicode("")
    feedback_html = Unicode("")
    status = Unicode("")
    export_html = Unicode("")
    delay = Float(0.8)

    def __init__(self, corpus=None, store=None, *, delay: float = 0.8, schedule=None):
        from ..work._session import store_or_session

        if isinstance(delay, bool) or not isinstance(delay, (int, float)) or not 0 <= delay <= 60:
            raise KitTypeError(f"brief_writer: delay should be a number of seconds from 0 to 60, such as 0.8, "
                               f"but it is {shown(delay)}.")
        if schedule is not None and not callable(schedule):
            raise KitTypeError(f"brief_writer: schedule should be a function schedule(delay, callback), "
                               f"but it is {shown(schedule)}.")
        self._articles = need_corpus(corpus, "brief_writer")
        self._index = CorpusIndex(self._articles)
        self._store = store_or_session(store)
        self._schedule = schedule or default_schedule
        self._pending: Any = None
        self._lock = threading.RLock()
        self._loading = True
        saved = self._store.answer(BRIEF_EXERCISE)
        parts = split(saved) if isinstance(saved, str) else {}
        super().__init__(delay=float(delay), **{name: parts.get(name, "") for name in SECTION_NAMES})
        self.draft = assemble(self.sections())
        self._saved_draft = saved if isinstance(saved, str) else ""
        self.feedback: BriefFeedback | None = None
        self._loading = False
        self._update_feedback()
        if not self._store.saved:
            self.status = self._not_saved()
        else:
            self.status = "Loaded your saved draft." if saved else "Nothing written yet: start with the headline."

    @property
    def store(self):
        """The work store the draft is saved to."""
        return self._store

    @property
    def pending(self) -> bool:
        """Is a feedback-and-save waiting for the writer to pause?"""
        return self._pending is not None

    def sections(self) -> dict[str, str]:
        """The text of every section, by name."""
        return {name: getattr(self, name) for name in SECTION_NAMES}

    @observe(*SECTION_NAMES)
    def _edited(self, change) -> None:
        if self._loading:
            return
        self.draft = assemble(self.sections())
        self._cancel()
        self._pending = self._schedule(self.delay, self._tick)
        if _storable(self.draft) != self._saved_draft:
            self.status = "Changes not saved yet: saving when you pause."

    def _cancel(self) -> None:
        if self._pending is not None:
            self._pending.cancel()
            self._pending = None

    def _tick(self) -> None:
        self._pending = None
        self.refresh()

    def refresh(self) -> None:
        """Save the draft and work out the feedback now (without waiting for a pause).

        The draft is saved first, so slow feedback on a long draft never holds the saving back."""
        self._cancel()
        self._save()
        self._update_feedback()

    def _update_feedback(self) -> None:
        try:
            self.feedback = feedback_with_index(self.draft, self._index)
            self.feedback_html = self.feedback._repr_html_()
        except KitError as error:  # a broken word list or alias file: say so, keep the writing
            self.feedback_html = f"<p style='color:#b71c1c'>No feedback: {escape(str(error))}</p>"

    def _not_saved(self, error: Exception | None = None) -> str:
        why = self._store.problem or str(error or "")
        return f"⚠️ NOT saved: your draft is kept in this notebook only. {why}".rstrip()

    def _save(self) -> None:
        from ..work._store import WorkNotSavedError

        with self._lock:  # a timer thread and a click may both save: one at a time
            draft = _storable(self.draft)  # read once: the text saved is the text the status speaks of
            if draft == self._saved_draft and self._store.saved and \
                    (self._store.answer(BRIEF_EXERCISE) or "") == draft:
                if _storable(self.draft) == draft and not self.status.startswith(("Saved", "Loaded")):
                    self.status = f"Saved at {time.strftime('%H:%M:%S')}."  # typed, then undone: still saved
                return
            try:
                self._store.set_answer(BRIEF_EXERCISE, draft)
            except WorkNotSavedError as unsaved:
                self.status = self._not_saved(unsaved)
                return
            except WorkStoreError as error:  # refused outright: nothing kept
                self.status = f"⚠️ NOT saved: {error}"
                return
            if not self._store.saved or (self._store.answer(BRIEF_EXERCISE) or "") != draft:
                self.status = self._not_saved()
                return
            self._saved_draft = draft
            if _storable(self.draft) == draft:
                self.status = f"Saved at {time.strftime('%H:%M:%S')}."
            else:  # typed on while saving: that newer text has its own save waiting
                self.status = "Changes not saved yet: saving when you pause."

    def export(self, folder=".", *, name: str | None = None):
        """Save the draft now, then export it with :func:`korea_kit.export_brief`; the link shows in ``export_html``."""
        self.refresh()
        try:
            link = export_brief(self.draft, folder, self._articles, name=name)
        except KitError as error:
            self.export_html = f"<p role='alert' style='color:#b71c1c'>Not exported: {escape(str(error))}</p>"
            return None
        self.export_html = link._repr_html_()
        return link
