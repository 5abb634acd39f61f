"""Reported speech: ``Critics argue that the offer is hollow``, ``According to Yonhap, ...``, ``..., officials said.``

Three shapes, each outside quotation marks: a cue followed by "that" or
"how" (or "say" followed by its content), "according to X", and a clause
followed by ", X said." at the end of its sentence. The speaker is the
subject before the cue (see :mod:`._subjects`).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from functools import lru_cache

from ._lexicon import alternation, cue_pattern

__all__ = ["IndirectRules"]

_THAT_HOW = re.compile(r"((?:\s+\w+){0,4}?)\s+(that|how)\s+")
_SAY_CONTENT = re.compile(r"\s+[A-Za-z“\"]")
_TRAILING = re.compile(r",\s*(?:according\b.*|[\w'’ ]{1,40}\s(?:said|reported|added)\.?)$")
_AND_THAT = re.compile(r",?\s+and\s+(?:that|how)\s+")
_LEAD_COMMA = re.compile(r"\s*,\s*")


@lru_cache(maxsize=1)
def _rules() -> dict[str, re.Pattern]:
    return {
        "not_say": re.compile(rf"\s+(?:{alternation('not_say_objects')})\b"),
        "reverse": re.compile(r",\s+([\w'’ .\-]{2,60}?)\s+(" + cue_pattern().pattern + r")\.$", re.I),
    }


class IndirectRules:
    """The part of the extractor that finds reported speech outside quotation marks."""

    def indirect(self, para) -> None:
        """Every sentence of ``para``: its cues outside quotes, and the clause each one reports."""
        text = self.text
        first = bisect.bisect_left(self.sentence_starts, para.start)
        last = bisect.bisect_left(self.sentence_starts, para.end)
        for sentence in self.sentences[first:last]:
            for m in self.cues(sentence.start, sentence.end):
                if self.inside_quote(m.start()):
                    continue
                lemma = self.forms[m.group().lower()][0]
                if lemma == "according to":
                    self.indirect_according(sentence, m)
                    continue
                that = _THAT_HOW.match(text, m.end(), sentence.end)
                if that:
                    c_start = that.end()
                elif lemma in {"say"} and _SAY_CONTENT.match(text, m.end(), sentence.end) and \
                        not _rules()["not_say"].match(text, m.end(), sentence.end):
                    c_start = m.end()
                    while c_start < sentence.end and text[c_start].isspace():
                        c_start += 1
                else:
                    continue
                c_end = sentence.end
                trailing = _TRAILING.search(text[c_start:c_end])
                if trailing:
                    c_end = c_start + trailing.start()
                while c_end > c_start and text[c_end - 1] in " .;:!?\n":
                    c_end -= 1
                if text[c_start] in "“\"" and self.quote_closes.get(c_start, -1) >= c_end - 1:
                    continue  # the whole clause is a quotation: the quote already covers it
                if len(text[c_start:c_end].split()) < 3:
                    continue
                found = self.subject_of(m.start(), m.end(), sentence.start)
                if found is None:
                    continue
                pieces, begin = [], c_start
                for split in _AND_THAT.finditer(text, c_start, c_end):
                    if not self.inside_quote(split.start()):
                        pieces.append((begin, split.start()))
                        begin = split.end()
                pieces.append((begin, c_end))
                for a, b in pieces:
                    if text[a] in "“\"" and self.quote_closes.get(a, -1) >= b - 1:
                        continue
                    self.add(replace(found, start=a, end=b, kind="indirect"))
            self.indirect_reverse(sentence)

    def indirect_according(self, sentence, m) -> None:
        """``According to X, ...`` or ``..., according to X.``"""
        text = self.text
        found = self.according(m.start(), m.end())
        if found is None:
            return
        if m.start() == sentence.start or text[sentence.start:m.start()].strip() == "":
            lead = _LEAD_COMMA.match(text, found.speaker_end, max(found.speaker_end, sentence.end))
            if not lead:
                return
            c_start, c_end = lead.end(), sentence.end
        else:
            c_start, c_end = sentence.start, m.start()
        while c_end > c_start and text[c_end - 1] in " ,.;:\n":
            c_end -= 1
        if len(text[c_start:c_end].split()) >= 3:
            self.add(replace(found, start=c_start, end=c_end, kind="indirect"))

    def indirect_reverse(self, sentence) -> None:
        """``The talks will resume, officials said.``"""
        text = self.text[sentence.start:sentence.end]
        m = _rules()["reverse"].search(text)
        if not m or text[0] in "“\"" or self.inside_quote(sentence.start + m.start()):
            return
        c_end = sentence.start + m.start()
        found = self.make(sentence.start + m.start(2), sentence.start + m.end(2), sentence.start + m.start(1),
                          sentence.start + m.end(1))
        if found is not None and len(self.text[sentence.start:c_end].split()) >= 3:
            self.add(replace(found, start=sentence.start, end=c_end, kind="indirect"))
