"""Who speaks in a report, how they are quoted, and where the claims come from: :func:`quotes`.

:func:`quotes` finds every attribution in an article (PARC's SOURCE + CUE +
CONTENT): direct quotes, partial quotes and indirect speech, the cue that
introduces each, and who speaks, normalised through an alias table kept as
data (``korea_kit/data/aliases.csv``). It works with rules and data only,
offline, on any article. Its word lists live in ``korea_kit/data``
(``sourcing_words.json``, ``reporting_verbs.csv``).

The work is shared by small modules: :mod:`._quotes` (quotations),
:mod:`._indirect` (reported speech), :mod:`._subjects` (the speaker before a
cue), :mod:`._speakers` (canonical speaker and kind of source),
:mod:`._antecedents` (pronouns and stand-ins) and :mod:`._aliases`.

**A source's type is who speaks, not the channel.** A post embedded from a
social network has the type of its author when the alias table knows the
author (KCNA's posts are ``state_media``), and the channel goes in ``via``
("Twitter", or "social media" when the platform is not known) unless the
sentence names another go-between. A post whose author the alias table
does not know is ``social_media``.

Time grows in proportion to the length of the text: every look-up of
sentences, quotations, earlier quotes and earlier speakers is a binary
search, and every pattern is matched within its sentence or paragraph.

>>> import korea_kit as kk
>>> from korea_kit.sourcing import quotes
>>> art = kk.Article.from_text(
...     'Talks on\\n\\n"We are ready to talk," said Gen. Kim Yong-chol. Critics argue that the offer is hollow.')
>>> quotes(art)[["speaker", "kind", "cue", "source_type", "text"]].values.tolist()
[['Kim Yong Chol', 'direct', 'said', 'official', 'We are ready to talk,'], ['critics', 'indirect', 'argue', 'anonymous', 'the offer is hollow']]
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from .._errors import KitTypeError, shown
from ..text import Article
from ._aliases import AliasTable, check_aliases, load_aliases
from ._antecedents import Antecedents
from ._attribution import COLUMNS, EXTRA_COLUMNS, KINDS, SOURCE_TYPES, Attribution
from ._indirect import IndirectRules
from ._lexicon import cue_frame, cue_pattern, pattern, verb_forms, words
from ._quotes import QuoteRules
from ._speakers import SpeakerRules, anonymous_rule
from ._subjects import SubjectRules

_LAST_WORD = re.compile(r"\b(\w+)\s+$")

__all__ = ["quotes", "attributions", "Attribution", "AliasTable", "load_aliases", "COLUMNS", "SOURCE_TYPES", "KINDS"]


class _Extractor(QuoteRules, IndirectRules, SubjectRules, SpeakerRules):
    """One article's attributions. The rules live in the mixins; this class keeps the shared state."""

    def __init__(self, article: Article, aliases: AliasTable):
        self.art = article
        self.text = article.text
        self.aliases = aliases
        self.forms, self.cue_re = verb_forms(), cue_pattern()
        self.anonymous = anonymous_rule()
        paragraphs = article.spans["paragraph"]
        self.sentences = [s for s in article.sentences if paragraphs[s.attrs["paragraph"]].label != "headline"]
        self.sentence_starts = [s.start for s in self.sentences]
        self.sentence_start_set = set(self.sentence_starts)
        self.quote_opens: list[int] = []  # opening mark of every double quote, in text order
        self.quote_closes: dict[int, int] = {}  # opening mark -> closing mark (or the paragraph's end)
        self.run_on_closes: set[int] = set()  # where a quote that never closed was cut by the next opening mark
        self.quote_ends: list[int] = []  # sorted ends of the quotes and partial quotes found so far
        self.found: list[Attribution] = []
        self.names = self.mentions()  # also fills self.full_names

    # -- shared look-ups ---------------------------------------------------------------
    def sentence_at(self, pos: int):
        """The sentence holding ``pos`` (or ending just before it), or ``None``."""
        i = bisect.bisect_right(self.sentence_starts, pos) - 1
        if i >= 0 and self.sentences[i].start <= pos < self.sentences[i].end + 1:
            return self.sentences[i]
        return None

    def cues(self, start: int, end: int):
        """Reporting-verb matches in text[start:end]; a capitalised one only at the start of a sentence ("State Department")."""
        determiners, nouns = words("determiners"), words("noun_forms")
        for m in self.cue_re.finditer(self.text, start, end):
            if m.group()[0].isupper() and m.start() not in self.sentence_start_set and \
                    self._previous_char(m.start()) not in {"", ".", "!", "?", "“", '"'}:
                continue
            before = _LAST_WORD.search(self.text, max(0, m.start() - 20), m.start())
            if before and before.group(1).lower() in determiners:
                continue  # "the proposed cap", "a planned visit", "he is believed to": no speaker before it
            if before and m.group().lower() in nouns and before.group(1).lower() == "of":
                continue  # "minutes of remarks", "a list of demands": a noun with no speaker before it
            yield m

    def _previous_char(self, pos: int) -> str:
        """The last non-space character before ``pos`` ("" at the start), without copying the text."""
        while pos > 0 and self.text[pos - 1].isspace():
            pos -= 1
        return self.text[pos - 1] if pos > 0 else ""

    def inside_quote(self, pos: int) -> bool:
        """Is ``pos`` strictly inside a double quotation found so far? (Quotations never overlap.)"""
        i = bisect.bisect_left(self.quote_opens, pos) - 1
        return i >= 0 and pos < self.quote_closes[self.quote_opens[i]]

    def add(self, found: Attribution) -> None:
        """Keep an attribution (and, for a quote, where it ends)."""
        self.found.append(found)
        if found.kind != "indirect":
            bisect.insort(self.quote_ends, found.end)

    def subject_starts(self) -> frozenset[int]:
        """Starts of the names in subject position: first in their sentence, after at most a conjunction."""
        junk, found = words("leading_junk"), set()
        for start, _, _, _ in self.names:
            sentence = self.sentence_at(start)
            if sentence is None:
                continue
            if start - sentence.start > 200:
                continue
            before = self.text[sentence.start:start].strip(" \"“'‘—–-")
            lead = before.split()
            if (all(w.lower() in junk or w[0].isupper() or w in {"of", "the"} for w in lead) and len(lead) <= 6) or \
                    (before.endswith(",") and len(lead) <= 8):
                found.add(start)  # "But Reyes", "Secretary of State Dana Whitfield", "Back at the dam, Rusk"
        return frozenset(found)

    def cue_kind_of(self, a: Attribution) -> str:
        """What the cue reports (speech, belief, intention, document); a document speaking is ``document``."""
        if a.cue is None:
            return "speech"
        lemma = self.forms.get(a.cue.lower()) or self.forms.get(" ".join(a.cue.lower().split()[:2]))
        kind = cue_frame(a.cue if a.cue.lower() in self.forms else " ".join(a.cue.split()[:2 if lemma else 1]))[0]
        if kind == "speech" and a.source_type == "document":
            return "document"
        return kind

    def hedged(self, a: Attribution) -> bool:
        """Is the attribution hedged ("reportedly said", "is believed to")? Looked for before the cue, in its sentence."""
        if a.cue_end is None:
            return False
        sentence = self.sentence_at(a.cue_start)
        begin = max(sentence.start if sentence is not None else 0, a.cue_start - 200)
        if a.speaker_start is not None and begin <= a.speaker_start < a.cue_start:
            begin = a.speaker_start
        return pattern("hedges").search(self.text, begin, a.cue_end) is not None

    # -- the walk through the article --------------------------------------------------------
    def run(self) -> list[Attribution]:
        pending = None  # an attribution whose quote follows in the next paragraph ("The minister added:")
        previous: Attribution | None = None
        previous_para_open = previous_para_quoted = False
        for para in self.art.paragraphs:
            if para.label == "boilerplate":
                if para.attrs.get("kind") == "social_post":
                    self.social_post(para)
                previous_para_open = False
                continue
            if para.label == "headline":
                self.headline_colon(para)
                self.headline_indirect(para)
            if para.label not in {"body", "standfirst"}:
                continue
            segments = self.quote_segments(para.start, para.end)
            first_here = len(self.found)
            for open_mark, close_mark in segments:
                self.quote_opens.append(open_mark)
                self.quote_closes[open_mark] = close_mark if close_mark is not None else para.end
            carried = previous if (pending is None and previous_para_open) else pending
            if carried is None and previous_para_quoted and segments and segments[0][1] is None and \
                    segments[0][0] == para.start:
                carried = previous  # a paragraph that opens a run-on quote, after a quoted paragraph, continues it
            if carried is None and previous_para_quoted and len(segments) == 1 and segments[0][0] == para.start and \
                    segments[0][1] is not None and not self.text[self.mark_end(segments[0][1]):para.end].strip(" .,\n"):
                carried = previous  # a paragraph that is one whole quotation, after a quoted one, is the same voice's
            pending, previous_para_open = None, bool(segments) and segments[-1][1] is None
            previous_para_quoted = False
            last_here: Attribution | None = None
            waiting: list[tuple[int, int | None]] = []  # run-on quotes cut by the next opening mark, speaker to come
            for open_mark, close_mark in segments:
                found = self.quote(open_mark, close_mark, para, last_here or carried)
                if found is None and close_mark in self.run_on_closes:
                    waiting.append((open_mark, close_mark))
                if found is not None:
                    for w_open, w_close in waiting:  # '"A. "B," she said.': A is hers too
                        self.add(replace(found, start=self.mark_end(w_open), end=w_close, kind="direct"))
                    waiting = []
                    self.add(found)
                    last_here = previous = found
                    previous_para_quoted = found.kind == "direct"
                    self.inner_quotes(found)
                    self.inner_indirect(found, len(self.found) - 1)
            if not segments and self.text[para.end - 1] == ":":
                pending = self.colon_lead(para)
            self.indirect(para, self.found[first_here:])
        return self.finish()

    def finish(self) -> list[Attribution]:
        """One attribution per content span, each with its speaker resolved, in text order."""
        unique: dict[tuple[int, int], Attribution] = {}
        for a in self.found:
            unique.setdefault((a.start, a.end), a)
        ordered = sorted(unique.values(), key=lambda a: (a.start, -a.end))
        resolved: list[Attribution] = []
        self.antecedents = Antecedents(self.names, self.inside_quote, self.subject_starts())  # quotes all known
        for start, end, canonical, _ in self.names:
            self.antecedents.titled(canonical, self.text[start:end])  # "Ms. Roth": "he" is someone else
        for a in ordered:
            r = self.resolve(a)
            r.cue_kind, r.hedged = self.cue_kind_of(r), self.hedged(r)
            resolved.append(r)
            self.antecedents.add(r)
        index = {id(a): r for a, r in zip(ordered, resolved)}
        for a, r in zip(ordered, resolved):
            if a.via and a.via.startswith("@"):
                outer = self.found[int(a.via[1:])]
                r.via = index.get(id(unique.get((outer.start, outer.end))), r).speaker or None
            elif r.via is None:
                r.via = self.via_for(r) or r.channel
        return sorted(resolved, key=lambda a: (a.start, -a.end))


def _check_article(article, function: str) -> None:
    if isinstance(article, Article):
        return
    from ..text import Corpus

    example = f"{function}() needs one article, such as corpus['001'] or kk.load_article('my_article.txt')"
    if isinstance(article, Corpus):
        raise KitTypeError(f"{example}; you gave a Corpus. To get quotes for every article, use "
                           "kk.quotes_table(corpus).")
    if isinstance(article, str):
        raise KitTypeError(f"{example}; you gave text. To read pasted text, make it an article first: "
                           "kk.Article.from_text(text).")
    raise KitTypeError(f"{example}; you gave {shown(article)}.")


def attributions(article: Article, aliases: AliasTable | None = None) -> list[Attribution]:
    """Every attribution in ``article``, in text order (see :func:`quotes` for the table).

    >>> attributions("001")
    Traceback (most recent call last):
    ...
    korea_kit.KitTypeError: attributions() needs one article, such as corpus['001'] ... you gave text. ...
    """
    _check_article(article, "attributions")
    return _Extractor(article, check_aliases(aliases, "attributions")).run()


def quotes(article: Article, aliases: AliasTable | None = None):
    """One row per attribution: who speaks, how (direct, partial, indirect), with which cue, and what.

    Columns: ``speaker`` (canonical), ``speaker_text`` (as written),
    ``text`` (the content, without quotation marks), ``start``, ``end``
    (offsets of the content in ``article.text``), ``kind``, ``cue``,
    ``source_type``; then ``tone`` of the cue (neutral, endorsing, doubting,
    loaded), ``via`` (a go-between, such as the agency that reported it, or
    the platform of an embedded post), ``side``, the offsets of the
    speaker and the cue, ``cue_kind`` (speech, belief, intention, document:
    what the cue reports) and ``hedged`` (True when the attribution itself is
    hedged: "reportedly said", "is believed to").

    >>> import korea_kit as kk
    >>> art = kk.Article.from_text("Talks\\n\\nAna Vance reportedly plans to resign before the vote.")
    >>> quotes(art)[["speaker", "cue", "cue_kind", "hedged", "text"]].values.tolist()
    [['Ana Vance', 'plans', 'intention', True, 'to resign before the vote']]

    >>> import korea_kit as kk
    >>> quotes(kk.load_corpus())
    Traceback (most recent call last):
    ...
    korea_kit.KitTypeError: quotes() needs one article, such as corpus['001'] ... you gave a Corpus. To get quotes for every article, use kk.quotes_table(corpus).
    """
    _check_article(article, "quotes")
    aliases = check_aliases(aliases, "quotes")
    from .._display import pandas as _pandas

    pd = _pandas()
    rows = []
    for a in _Extractor(article, aliases).run():
        rows.append({"speaker": a.speaker, "speaker_text": a.speaker_text, "text": article.text[a.start:a.end],
                     "start": a.start, "end": a.end, "kind": a.kind, "cue": a.cue, "source_type": a.source_type,
                     "tone": a.tone, "via": a.via, "side": a.side, "speaker_start": a.speaker_start,
                     "speaker_end": a.speaker_end, "cue_start": a.cue_start, "cue_end": a.cue_end,
                     "cue_kind": a.cue_kind, "hedged": a.hedged})
    return pd.DataFrame(rows, columns=COLUMNS + EXTRA_COLUMNS)
