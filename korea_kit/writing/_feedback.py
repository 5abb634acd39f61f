"""Feedback on a student's explainer: :func:`brief_feedback` and the :class:`BriefFeedback` it returns.

Ten signals, each measured with the kit's own tools and judged against a target kept as data
(``korea_kit/data/writing_*``): nothing is judged by a hidden model. An **empty draft** is not an error: it gets
a feedback in which every signal is "improve" and says where to start (so the brief writer can show feedback
from the first keystroke). Wrong kinds of input (``None``, a number, a Corpus) are KitErrors.

>>> import korea_kit as kk
>>> feedback = brief_feedback("# North Korea could talk, Seoul says\\n\\nOn Sunday, Moon said the North is willing.")
>>> list(feedback.to_frame().columns)
['signal', 'value', 'target', 'status', 'advice']
>>> feedback["words"].status, feedback["words"].value
('improve', '8 words')
>>> brief_feedback("").statuses().count("improve")
10
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from .._errors import KitLookupError, did_you_mean
from ._data import advice, signals
from ._draft import CorpusIndex, need_corpus, need_draft, read_draft
from ._signals import SIGNALS, Reading, Signal

if TYPE_CHECKING:
    import pandas

__all__ = ["brief_feedback", "BriefFeedback", "feedback_with_index", "FRAME_COLUMNS"]

FRAME_COLUMNS = ["signal", "value", "target", "status", "advice"]


class BriefFeedback:
    """What is good and what to improve in a draft: one :class:`~korea_kit.writing._signals.Signal` per signal.

    ``feedback["traced_quotes"]`` is one signal (``.value``, ``.target``, ``.status``, ``.advice``,
    ``.details``); :meth:`to_frame` is the table; in JupyterLab it shows as two short lists.
    ``sources_used`` are the corpus articles the draft quotes or draws on (see :func:`export_brief`).
    """

    def __init__(self, rows: list[Signal], headline: str = "", sources_used=()):
        self.rows = list(rows)
        self.headline = headline
        self.sources_used = list(sources_used)

    def __getitem__(self, signal: str) -> Signal:
        for row in self.rows:
            if row.signal == signal:
                return row
        names = [r.signal for r in self.rows]
        raise KitLookupError(f"BriefFeedback: there is no signal {signal!r}; the signals are {', '.join(names)}."
                             f"{did_you_mean(signal, names)}")

    def __iter__(self):
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def statuses(self) -> list[str]:
        """The status of every signal, in order."""
        return [r.status for r in self.rows]

    def good(self) -> list[Signal]:
        """The signals that meet their target."""
        return [r for r in self.rows if r.status == "good"]

    def to_improve(self) -> list[Signal]:
        """The signals that do not meet their target yet."""
        return [r for r in self.rows if r.status != "good"]

    def to_frame(self) -> "pandas.DataFrame":
        """One row per signal: ``signal``, ``value``, ``target``, ``status`` (good or improve), ``advice``.

        >>> brief_feedback("# Talks").to_frame()["signal"].tolist()[:4]
        ['words', 'readability', 'sources', 'source_diversity']
        """
        from .._display import pandas as _pandas

        pd = _pandas()
        return pd.DataFrame([{c: getattr(r, c) for c in FRAME_COLUMNS} for r in self.rows], columns=FRAME_COLUMNS)

    def __repr__(self) -> str:
        labels = signals()
        lines = [f"Feedback on “{self.headline or 'your draft'}”: {len(self.good())} of {len(self.rows)} good."]
        for title, rows in (("What is good:", self.good()), ("What to improve:", self.to_improve())):
            if rows:
                lines.append(title)
                lines += [f"  - {labels[r.signal]['label']}: {r.advice}" for r in rows]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        labels = signals()

        def items(rows: list[Signal]) -> str:
            return "".join(f"<li data-signal='{escape(r.signal)}'><b>{escape(labels[r.signal]['label'])}</b> "
                           f"<span style='color:#555'>({escape(r.value)})</span>: {escape(r.advice)}</li>"
                           for r in rows)

        good, improve = self.good(), self.to_improve()
        parts = [f"<div class='kk-brief-feedback-summary' style='line-height:1.45'>"
                 f"<p><b>Feedback on “{escape(self.headline or 'your draft')}”</b>: "
                 f"{len(good)} of {len(self.rows)} signals are good.</p>"]
        if good:
            parts.append(f"<p style='color:#1b5e20;margin-bottom:0.2em'><b>What is good</b></p><ul>{items(good)}</ul>")
        if improve:
            parts.append(f"<p style='color:#8a4b00;margin-bottom:0.2em'><b>What to improve</b></p>"
                         f"<ul>{items(improve)}</ul>")
        parts.append("<p style='color:#767676;font-size:0.85em'>Measured with rules and word lists "
                     "(korea_kit/data/writing_*), not judged by a model. Read each point as a question to ask of "
                     "your draft.</p></div>")
        return "".join(parts)


def feedback_with_index(draft: str, index: CorpusIndex) -> BriefFeedback:
    """The feedback on ``draft`` (already checked) against a prepared :class:`CorpusIndex`."""
    parsed = read_draft(draft)
    reading = Reading(parsed, index)
    rows = [SIGNALS[name](reading) for name in signals()]
    if parsed.empty:  # nothing to praise in an empty draft: every signal says where to start
        for row in rows:
            if row.status == "good":
                row.status, row.advice = "improve", advice("all", "empty")
    used: dict[str, object] = {}
    for row in reading_traced(rows):
        for article_id in row:
            used.setdefault(article_id, None)
    by_id = {a.id: a for a in index.articles}
    if parsed.article is not None:
        text = "\n".join(parsed.paragraphs)
        named = [a for a in index.articles if _outlet_named(a, text)]
        for a in [*named, *index.sharing_runs(text)]:
            used.setdefault(a.id, None)
    return BriefFeedback(rows, parsed.headline, [by_id[i] for i in used if i in by_id])


def reading_traced(rows: list[Signal]):
    """The article ids each traced quotation was found in."""
    for row in rows:
        if row.signal == "traced_quotes":
            for t in row.details.get("traced", []):
                yield [i for i, _ in t["articles"]]


def _outlet_named(article, text: str) -> bool:
    outlet = str(article.meta.get("outlet", "unknown")).split(" (")[0].strip()
    return outlet not in {"", "unknown"} and outlet.casefold() in text.casefold()


def brief_feedback(draft: str, corpus=None) -> BriefFeedback:
    """Feedback on your explainer: what is good and what to improve, measured against the reports in ``corpus``.

    ``draft`` is your text in Markdown: the first line starting with ``# `` is the headline (else the first
    line). ``corpus`` is the reports your quotations should come from (left out: the course's reports,
    ``kk.load_corpus()``). The signals, in order: ``words``, ``readability``, ``sources``,
    ``source_diversity``, ``traced_quotes``, ``loaded_words``, ``hedges``, ``balance``, ``context``,
    ``headline``. An empty draft gives a feedback where every signal is "improve".

    >>> feedback = brief_feedback('# Pence is firm\\n\\nPence said "no pressure comes off" and "we will bomb".')
    >>> feedback["traced_quotes"].details["missing"]
    ['we will bomb']
    >>> brief_feedback(42)
    Traceback (most recent call last):
    ...
    korea_kit.KitTypeError: brief_feedback: draft should be your explainer as text (Markdown), such as '# Headline\\n\\nFirst paragraph.', but it is 42 (a number).
    """
    need_draft(draft, "brief_feedback")
    return feedback_with_index(draft, CorpusIndex(need_corpus(corpus, "brief_feedback")))
