"""The ten signals of the feedback, one function each. Every word list and threshold comes from ``data/writing_*``.

Each function takes a :class:`Reading` (the draft read once: its quotes, its attributed sentences) and returns
a :class:`Signal`: ``value`` and ``target`` in words, ``status`` (``good`` or ``improve``), ``advice`` in plain
words, and ``details`` (the numbers and lists behind them, for tables and tests).

>>> import korea_kit as kk
>>> from korea_kit.writing._draft import CorpusIndex, read_draft
>>> reading = Reading(read_draft("# Talks\\n\\nMoon said on Sunday that the North is willing."), CorpusIndex([]))
>>> words(reading).status, context(reading).details["dates"]
('improve', 1)
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..diplomacy import actors
from ..diplomacy._world import world_context, world_matches, world_states
from ..framing import certainty, certainty_markers, frame_cues
from ..sourcing import load_aliases, quotes
from ._data import advice, phrase_pattern, target, words as word_list
from ._draft import CorpusIndex, Draft
from ._readability import flesch_kincaid_grade, flesch_reading_ease, words_of

__all__ = ["Signal", "Reading", "SIGNALS"]

_YEAR = re.compile(r"(?<![\w.,])(?:1[89]|20)\d\d(?!\w|[,.]\d)")  # "in 2013, which" is a year; "2013,5" is not
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:,\d{3})*(?:\.\d+)?(?!\w)")  # "2,000" is one number; "2013," ends at 3
_UNCERTAIN_KINDS = {"modal", "hedge", "conditional", "question", "anonymous"}


@dataclass
class Signal:
    """One row of the feedback."""

    signal: str
    value: str
    target: str
    status: str
    advice: str
    details: dict[str, Any] = field(default_factory=dict)


def _t(signal: str, setting: str) -> float:
    return target(signal, setting)


def _n(x: float) -> str:
    return f"{x:g}"


def _listed(items, limit: int = 6) -> str:
    items = list(items)
    shown = ", ".join(items[:limit])
    return shown + (f" and {len(items) - limit} more" if len(items) > limit else "")


def _short(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


class Reading:
    """A draft read once for all signals: its quote table, sentences, and which sentences carry an attribution."""

    def __init__(self, draft: Draft, index: CorpusIndex):
        self.draft, self.index = draft, index
        article = draft.article
        self.rows = quotes(article).to_dict("records") if article is not None else []
        outlets = {str(a.meta.get("outlet", "")).split(" (")[0].strip().casefold() for a in index.articles}
        for row in self.rows:  # "IR Insider reported": an outlet of the corpus is media, not a private person
            if str(row.get("speaker") or "").casefold() in outlets - {"", "unknown"}:
                row["source_type"], row["side"] = "other_media", ""
        self.sentences = draft.body_sentences()
        starts = [s.start for s in (article.sentences if article is not None else [])]
        self._all = list(article.sentences) if article is not None else []
        self._starts = starts
        self.attributed: set[int] = set()  # sentence starts that hold an attribution
        for row in self.rows:
            for at in (row.get("cue_start"), row.get("start")):
                sentence = self.sentence_at(at)
                if sentence is not None:
                    self.attributed.add(sentence.start)
        self.quote_spans = draft.quote_spans()
        self._quote_starts = [s for s, _ in self.quote_spans]
        self.aliases = load_aliases()
        groups = word_list("voice_groups")
        self._context = world_context(article.text) if article is not None else frozenset()
        self.voices: dict[str, str] = {}  # speaker -> the side they speak for, or the group they belong to
        self.sides: dict[str, str] = {}  # speaker -> the side they speak for (a state or body), if known
        for row in self.rows:
            speaker = row.get("speaker")
            if not speaker:
                continue
            side = self._side_of(row)
            if side:
                self.sides.setdefault(speaker, side)
            self.voices.setdefault(speaker, side or groups.get(row.get("source_type") or "", ""))
        self._scores: list[tuple[Any, float, set[str]]] | None = None

    def _side_of(self, row: dict) -> str:
        """The side a speaker speaks for: the alias table's (Korean actors), else the state or body the world table
        (``diplomacy._world``) finds in the speaker's words ("China's commerce ministry", "the Kremlin") or, for an
        official, in the words set off by commas next to the name ("Li Wen, a spokesperson for China's foreign
        ministry,"). Media, experts and ordinary people speak for no side unless their own words name one."""
        side = row.get("side") or ""
        if side:
            return "" if side in set(word_list("not_sides")) else side
        if row.get("source_type") in word_list("no_side_types"):
            return ""
        texts = [str(row.get("speaker_text") or row.get("speaker") or "")]
        if row.get("source_type") in word_list("side_types") and self.draft.article is not None:
            texts += _appositives(self.draft.article.text, row)
        for text in texts:
            for m in world_matches(text, self._context):
                if m.state:
                    return m.state
        return ""

    def sentence_at(self, at):
        if at is None or at != at:  # None or NaN
            return None
        i = bisect.bisect_right(self._starts, int(at)) - 1
        return self._all[i] if i >= 0 and self._all[i].start <= at <= self._all[i].end else None

    def in_quote(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self._quote_starts, start) - 1
        return i >= 0 and self.quote_spans[i][0] <= start and end <= self.quote_spans[i][1]

    def own_words(self, sentence) -> str:
        """The sentence with its quotations blanked out: the writer's own voice."""
        text = list(sentence.text)
        j = bisect.bisect_left(self._quote_starts, sentence.end) - 1
        while j >= 0 and self.quote_spans[j][1] > sentence.start:  # only the quotations that reach this sentence
            s, e = self.quote_spans[j]
            j -= 1
            for i in range(max(s, sentence.start), min(e, sentence.end)):
                text[i - sentence.start] = " "
        return "".join(text)

    def scores(self) -> list[tuple[Any, float, set[str]]]:
        """Per body sentence with words: (sentence, kk.certainty, kinds of certainty marker)."""
        if self._scores is None:
            self._scores = []
            for s in self.sentences:
                if any(ch.isalnum() for ch in s.text):
                    kinds = set(certainty_markers(s.text)["kind"])
                    self._scores.append((s, certainty(s.text), kinds))
        return self._scores


def _appositives(text: str, row: dict) -> list[str]:
    """The words set off by commas just before or after a speaker's name (their role), if any."""
    out = []
    start, end = row.get("speaker_start"), row.get("speaker_end")
    if isinstance(end, (int, float)) and end == end:
        after = text[int(end):int(end) + 120]
        if after.startswith(","):
            out.append(after[1:].split(",")[0].split("\n")[0])
    if isinstance(start, (int, float)) and start == start:
        before = text[max(0, int(start) - 120):int(start)].rstrip()
        if before.endswith(","):
            out.append(re.split(r"[,.;:!?\n]", before[:-1])[-1])
    return out


def words(r: Reading) -> Signal:
    low, high, n = _t("words", "low"), _t("words", "high"), r.draft.word_count
    case = "empty" if n == 0 else "short" if n < low else "long" if n > high else "good"
    return Signal("words", f"{n} words", f"{_n(low)} to {_n(high)} words", "good" if case == "good" else "improve",
                  advice("words", case, value=n, low=_n(low), high=_n(high)), {"words": n})


def readability(r: Reading) -> Signal:
    texts = [s.text for s in r.sentences]
    grade, ease = flesch_kincaid_grade(texts), flesch_reading_ease(texts)
    high, long_at = _t("readability", "grade_high"), _t("readability", "long_sentence")
    goal = f"grade {_n(high)} or lower"
    if grade is None:
        return Signal("readability", "no sentences yet", goal, "improve", advice("readability", "empty"))
    longest = max(texts, key=lambda t: len(words_of(t)))
    details = {"grade": round(grade, 1), "ease": round(ease, 1), "longest_words": len(words_of(longest))}
    value = f"grade {grade:.1f}, reading ease {ease:.0f}"
    ok = grade <= high
    text = advice("readability", "good" if ok else "hard", grade=f"{grade:.1f}", ease=f"{ease:.0f}",
                  longest=f"“{_short(longest, 160)}” ({len(words_of(longest))} words).")
    if ok and details["longest_words"] > long_at:
        text += f" One sentence has {details['longest_words']} words: “{_short(longest, 120)}”; consider splitting it."
    return Signal("readability", value, goal, "good" if ok else "improve", text, details)


def sources(r: Reading) -> Signal:
    low = _t("sources", "low")
    names = list(r.voices)
    ok = len(names) >= low
    who = f": {_listed(names)}" if names else ""
    text = advice("sources", "good" if ok else "few", count=len(names), who=who if not ok else _listed(names))
    return Signal("sources", f"{len(names)} source(s)" + who, f"at least {_n(low)} different sources",
                  "good" if ok else "improve", text, {"count": len(names), "speakers": names})


def source_diversity(r: Reading) -> Signal:
    labels = word_list("source_type_labels")
    sides = sorted(set(r.sides.values()))
    kinds = sorted({labels.get(row.get("source_type") or "", row.get("source_type") or "") for row in r.rows
                    if row.get("speaker")} - {""})
    need_sides, need_kinds = _t("source_diversity", "sides"), _t("source_diversity", "kinds")
    ok = len(sides) >= need_sides and len(kinds) >= need_kinds
    side_text, kind_text = _listed(sides) or "no known side", _listed(kinds) or "none"
    return Signal("source_diversity", f"sides: {side_text}; kinds: {kind_text}",
                  f"at least {_n(need_sides)} sides and {_n(need_kinds)} kinds of source", "good" if ok else "improve",
                  advice("source_diversity", "good" if ok else "narrow", sides=side_text, kinds=kind_text),
                  {"sides": sides, "kinds": kinds})


def traced_quotes(r: Reading) -> Signal:
    low, min_words = _t("traced_quotes", "low"), _t("traced_quotes", "min_words")
    traced, missing = [], []
    for q in r.draft.quotations():
        if len(q.text.split()) < min_words:
            continue
        found = r.index.trace(q.pieces)
        if found:
            traced.append({"quote": q.text, "articles": [(a.id, str(a.meta.get("outlet", "unknown"))) for a in found]})
        else:
            missing.append(q.text)
    total = len(traced) + len(missing)
    shown_missing = "; ".join(f"“{_short(m, 80)}”" for m in missing)
    where = "; ".join(f"“{_short(t['quote'], 50)}” ({', '.join(f'{i[:3]} {o}' for i, o in t['articles'])})"
                      for t in traced)
    if total < low:
        status, text = "improve", advice("traced_quotes", "none")
    elif missing:
        status, text = "improve", advice("traced_quotes", "untraced", missing=shown_missing)
    else:
        status, text = "good", advice("traced_quotes", "good", found=where)
    value = f"{len(traced)} of {total} quotations traced" + (f"; not found: {shown_missing}" if missing else "")
    return Signal("traced_quotes", value, "every quotation found in a report", status, text,
                  {"traced": traced, "missing": missing})


def loaded_words(r: Reading) -> Signal:
    high = _t("loaded_words", "high")
    found = []
    if r.draft.article is not None:
        wanted = set(word_list("loaded_categories"))
        for row in frame_cues(r.draft.article).to_dict("records"):
            if row["category"] not in wanted or r.in_quote(row["start"], row["end"]):
                continue
            sentence = r.sentence_at(row["start"])
            if sentence is not None and sentence.start in r.attributed:
                continue
            found.append({"word": row["text"], "sentence": sentence.text if sentence is not None else ""})
    ok = len(found) <= high
    listed = _listed(f"“{f['word']}”" for f in found)
    text = advice("loaded_words", "good") if ok else advice("loaded_words", "found", words=listed)
    return Signal("loaded_words", f"{len(found)}" + (f": {listed}" if found else ""), f"at most {_n(high)}",
                  "good" if ok else "improve", text, {"found": found})


@lru_cache(maxsize=1)
def _state_names() -> dict[str, str]:
    """Country code -> the name of the state or body (the world table), the sides of actors without an alias."""
    return {row["code"]: row["name"] for row in world_states()}


def _sure(text: str) -> bool:
    return bool(phrase_pattern("sure_words").search(text))


def hedges(r: Reading) -> Signal:
    below, need, most = _t("hedges", "hedged_below"), _t("hedges", "hedged_low"), _t("hedges", "unsupported_high")
    hedged, unsupported = [], []
    for sentence, score, kinds in r.scores():
        if score < below and kinds & _UNCERTAIN_KINDS:
            hedged.append(sentence.text)
        elif sentence.start not in r.attributed and ("booster" in kinds or _sure(r.own_words(sentence))):
            unsupported.append(sentence.text)
    ok = len(hedged) >= need and len(unsupported) <= most
    if len(unsupported) > most:
        text = advice("hedges", "unsupported", sentences=" ".join(f"“{_short(s, 100)}”" for s in unsupported[:4]))
    elif len(hedged) < need:
        text = advice("hedges", "unhedged")
    else:
        text = advice("hedges", "good", hedged=len(hedged))
    return Signal("hedges", f"{len(hedged)} hedged sentences; {len(unsupported)} sure claims without a source",
                  f"at least {_n(need)} hedged; at most {_n(most)} unsupported", "good" if ok else "improve", text,
                  {"hedged": hedged, "unsupported": unsupported})


def balance(r: Reading) -> Signal:
    need, often = _t("balance", "sides"), _t("balance", "mentions")
    voiced = sorted(set(r.sides.values()))
    mentioned: dict[str, int] = {}
    if r.draft.article is not None:
        not_sides = set(word_list("not_sides"))
        states = _state_names()
        for row in actors(r.draft.article).to_dict("records"):
            entry = r.aliases.get(row["actor"])
            side = entry.side if entry is not None else states.get(str(row.get("country") or ""), "")
            if side and side not in not_sides:
                mentioned[side] = mentioned.get(side, 0) + int(row["mentions"])
    silent = sorted(side for side, n in mentioned.items() if n >= often and side not in voiced)
    if not voiced and r.voices:
        case = "unknown"  # people speak, but for no side the tables know (parties, unions, an invented state)
    elif not voiced:
        case = "empty"
    elif silent:
        case = "silent"
    elif len(voiced) < need:
        case = "one"
    else:
        case = "good"
    value = f"voiced: {_listed(voiced) or 'none'}" + (f"; named but silent: {_listed(silent)}" if silent else "")
    return Signal("balance", value, f"at least {_n(need)} sides speak; every side you write about speaks",
                  "good" if case == "good" else "improve",
                  advice("balance", case, voiced=_listed(voiced), silent=_listed(silent)),
                  {"voiced": voiced, "silent": silent, "mentioned": mentioned})


def context(r: Reading) -> Signal:
    dates = earlier = numbers = unsourced = 0
    date_re = phrase_pattern("months", "weekdays", "relative_days")
    earlier_re = phrase_pattern("earlier_events")
    for s in r.sentences:
        found_dates = [m.span() for m in date_re.finditer(s.text)] + [m.span() for m in _YEAR.finditer(s.text)]
        dates += len(found_dates)
        earlier += len(earlier_re.findall(s.text))
        for m in _NUMBER.finditer(s.text):
            if _YEAR.fullmatch(m.group()) or any(abs(m.start() - e) <= 1 or abs(st - m.end()) <= 1
                                                 for st, e in found_dates):
                continue  # a year, or the day of a date ("25 February", "Feb 25")
            numbers += 1
            unsourced += s.start not in r.attributed
    parts = word_list("context_parts")
    missing = []
    if dates < _t("context", "dates"):
        missing.append(parts["dates"])
    if earlier < _t("context", "earlier"):
        missing.append(parts["earlier"])
    if unsourced > _t("context", "unsourced_numbers"):
        missing.append(parts["numbers"])
    value = f"{dates} dates; {earlier} earlier events; {numbers - unsourced} of {numbers} numbers with a source"
    found = f"{dates} date(s), {earlier} mention(s) of earlier events, {numbers - unsourced} sourced number(s)"
    text = advice("context", "missing", missing="; ".join(missing)) if missing else advice("context", "good", found=found)
    return Signal("context", value, "a date, an earlier event, a source for every number",
                  "improve" if missing else "good", text,
                  {"dates": dates, "earlier": earlier, "numbers": numbers, "unsourced": unsourced})


def headline(r: Reading) -> Signal:
    low, high = _t("headline", "low"), _t("headline", "high")
    flat, gap = _t("headline", "flat"), _t("headline", "gap")
    goal = f"{_n(low)} to {_n(high)} words, as sure as the report"
    line = r.draft.headline
    if not any(ch.isalnum() for ch in line):
        return Signal("headline", "no headline", goal, "improve", advice("headline", "empty"), {"words": 0})
    n = len(line.split())
    score = certainty(line)
    kinds = set(certainty_markers(line)["kind"])
    body = [c for _, c, _ in r.scores()]
    mean = sum(body) / len(body) if body else None
    # the headline sums up the lead: a hedged lead under a flat headline is a gap; a hedged "what happens next" is not
    hedged_body = any(k & _UNCERTAIN_KINDS and c < _t("hedges", "hedged_below") for _, c, k in r.scores()[:1])
    sure_words = [m.group() for m in phrase_pattern("sure_words").finditer(line)]
    sure_words += list(certainty_markers(line).query("kind == 'booster'")["text"])
    unsourced = bool(sure_words) and "attribution" not in kinds
    gap_found = mean is not None and score >= flat and (hedged_body or score - mean > gap)
    sure = unsourced or gap_found
    shown_mean = f"{mean:.2f}" if mean is not None else "no sentences yet"
    if unsourced:
        case = "sure_words"
    elif gap_found:
        case = "sure"
    elif not low <= n <= high:
        case = "length"
    else:
        case = "good"
    value = f"{n} words; certainty {score:.2f} (report: {shown_mean})"
    return Signal("headline", value, goal, "good" if case == "good" else "improve",
                  advice("headline", case, words=n, low=_n(low), high=_n(high), headline=f"{score:.2f}",
                         body=shown_mean, sure=_listed(f"“{w}”" for w in sure_words)), {"words": n, "certainty": score, "body_certainty": mean, "sure": sure})


SIGNALS = {"words": words, "readability": readability, "sources": sources, "source_diversity": source_diversity,
           "traced_quotes": traced_quotes, "loaded_words": loaded_words, "hedges": hedges, "balance": balance,
           "context": context, "headline": headline}
"""The signals in the order the feedback shows them (the order of ``data/writing_signals.csv``)."""
