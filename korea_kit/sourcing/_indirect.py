"""Reported speech: ``Critics argue that the offer is hollow``, ``According to Yonhap, ...``, ``..., officials said.``

Shapes outside quotation marks:

* a cue and what its entry in the cue lexicon says must follow it
  (``data/reporting_verbs.csv``, ``data/attribution_cues.csv``): "that",
  "how", "if" or "whether" within a few words; a bare clause ("thinks she
  will win"); "to" and a verb ("plans to run"); or any object ("denied the
  reports", "accused the ministry of lying"). The content runs to the end of
  its clause: the sentence's end, or before "; ", ", but ...", ", according
  to ...", a second "..., X said", or a closing parenthesis opened before it;
* "according to X";
* a clause and then the cue: "..., X said.", "..., X said Monday.", "..., she told
  reporters in Sarn." (a tail only after a cue of speech) or "..., said X, a lawyer.";
* a sentence-case headline is searched in the same way.
* a cue in the middle: "The plan, he said, is dead." (two pieces, one cue).

The speaker is the subject before the cue (see :mod:`._subjects`).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from functools import lru_cache

from ._lexicon import alternation, cue_frame, cue_pattern, words

__all__ = ["IndirectRules"]

_THAT_HOW = re.compile(r"((?:\s+[\w'’,]+){0,10}?)\s+(that|how|if|whether)\s+")
_ANONYMITY = re.compile(r"(?:not\s+)?to\s+be\s+(?:named|identified|quoted)\b")
_COORDINATION = re.compile(r"\s(?:and|or|but)$")  # "said X was late and that ...": X is the first clause
_SAY_CONTENT = re.compile(r"\s+[A-Za-z“\"]")
# "told The Post and Courier on Saturday he ...": an audience (and a time), then a clause that opens with its subject
_WHOM = re.compile(r"\s+(?:me|us|him|her|them|reporters|journalists|supporters|voters|(?:the|a|an)\s+[\w'’\-]+"
                   r"(?:\s+(?!(?:of|in|at|on|for|to|with|about|from)\b)[\w'’\-]+){0,3}?|[A-Z][\w'’.&\-]*(?:\s+(?:of\s+|and\s+|the\s+)?[A-Z][\w'’.&\-]*){0,6})"
                   r"(?:\s+(?:on\s+)?[A-Z]\w+day|\s+(?:last|this|earlier)\s+\w+)?"
                   r"\s+(?=(?:he|she|they|it|we|I|there|(?:the|his|her|their|its)\s+[a-z]+|[A-Z][\w'’\-]+)\s+[a-z])")
# "said on Tuesday the plan ...": a day or a time, then a clause that opens with its subject
_WHEN_CLAUSE = re.compile(r"\s+(?:on\s+)?(?:[A-Z][a-z]+day|(?:last|this|next)\s+(?:week|month|year|weekend)|earlier|later|"
                          r"yesterday|today)\s+(?=(?:he|she|they|it|we|I|there|(?:the|his|her|their|its|a|an)\s+[a-z]+|"
                          r"[A-Z][\w'’\-]+)\s+[a-z])")
_TO_VERB = re.compile(r"\s+(?:not\s+)?to\s+[a-z]")
_OBJECT = re.compile(r"\s+[\w“\"$]")
_TRAILING = re.compile(r",\s*(?:according\b.*|[\w'’ ]{1,40}\s(?:said|reported|added)\.?)$")
_AND_THAT = re.compile(r",?\s+and\s+(?:that|how)\s+")
_LEAD_COMMA = re.compile(r"\s*,\s*")
_MIN_WORDS = {"to": 2}
_REACH = 2000  # the longest content after a cue, in characters (so that time stays linear)
# after a trailing cue, a time and a place: "..., she said Monday.", "..., he said in an interview on Fox."
_REVERSE_TAIL = r"(?:\s+(?:reporters|journalists|me|us|[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){0,3}))?" \
                r"(?:\s+(?:on\s+)?\w+day\b|\s+(?:last|this|earlier|later)\s+\w+)?" \
                r"(?:\s+(?:in|during|at|on|after|before)(?:\s+(?!(?:that|if|whether|how|to)\b)[\w'’\-]+){1,8})?"
_CONTENT_END = re.compile(r"[()]|;\s|,\s+(?:but|while|whereas|although|though|according\s+to)\b"
                          r"|,\s+(?:[\w'’.\-]+\s+){1,4}?(?:said|says|told|added|wrote|noted|explained)\b")
_CLAUSE_END = re.compile(r"[,;]|\s[—–]\s|\s-\s")


@lru_cache(maxsize=1)
def _rules() -> dict[str, re.Pattern]:
    cue = cue_pattern().pattern
    name = r"[\w'’\-][\w'’ .\-]{1,60}?"  # (initials and titles keep their full stops: "Sen. Al Doe")
    return {
        "not_say": re.compile(rf"\s+(?:{alternation('not_say_objects')})\b"),
        # "said it was wrong", "said this will pass": the object word is the subject of a bare clause
        "pronoun_clause": re.compile(rf"\s+(?:it|this|that)\s+(?:{alternation('trailing_auxiliaries')})\s", re.I),
        "reverse": re.compile(r",\s+(" + name + r")\s+(" + cue + r")" + _REVERSE_TAIL + r"\.$", re.I),
        "reverse_first": re.compile(r",\s+(" + cue + r")\s+(" + name + r")(?:,[^,;:]{2,120})?\.$", re.I),
        "middle": re.compile(r",\s+((?:[A-Z]|he\b|she\b|they\b|we\b|I\b)[^,;:]{0,60}?)\s+(" + cue + r"),\s+", re.I),
    }


class IndirectRules:
    """The part of the extractor that finds reported speech outside quotation marks."""

    def indirect(self, para, quoted_here=()) -> None:
        """Every sentence of ``para``: its cues outside quotes, and the clause each one reports."""
        first = bisect.bisect_left(self.sentence_starts, para.start)
        last = bisect.bisect_left(self.sentence_starts, para.end)
        quoting = {a.cue_start for a in quoted_here if a.kind == "direct"}  # (the paragraph's quotes: stays linear)
        for sentence in self.sentences[first:last]:
            for m in self.cues(sentence.start, sentence.end):
                if self.inside_quote(m.start()) or \
                        (m.start() in quoting and not _THAT_HOW.match(self.text, m.end(), sentence.end)):
                    continue  # '"...," she said on Monday in Sarn': the cue's content is the quote
                lemma = self.forms[m.group().lower()][0]
                if lemma == "according to":
                    self.indirect_according(sentence, m)
                    continue
                self.indirect_after(sentence, m)
            if not self.indirect_middle(sentence):
                self.indirect_reverse(sentence)

    def headline_indirect(self, para) -> None:
        """A headline in sentence case is searched like a sentence ("Vance says she will run"); in title case
        ("Vance Says ...") a capitalised cue is not taken (it may be a name), so nothing is found."""
        for sentence in self.art.sentences:
            if para.start <= sentence.start < para.end:
                for m in self.cues(sentence.start, sentence.end):
                    if self.forms[m.group().lower()][0] != "according to":
                        self.indirect_after(sentence, m)
                self.indirect_reverse(sentence)

    def content_start(self, m, sentence) -> tuple[int, str] | None:
        """Where the content after cue ``m`` starts, by what the cue lexicon says must follow it; and that shape."""
        text = self.text
        cue_kind, complement = cue_frame(m.group())
        comma = text.rfind(",", sentence.start, m.start())
        reverse = _rules()["reverse_first"].match(text[comma:min(sentence.end, comma + _REACH)]) \
            if complement in {"clause", "object"} and self._previous_char(m.start()) == "," else None
        if reverse and reverse.group(2)[:1].isupper():
            return None  # "..., said Ana Vance, a lawyer.": the speaker follows the cue, not its content
        that = _THAT_HOW.match(text, m.end(), sentence.end)
        if that and "," not in that.group(1).rstrip(",") and not _COORDINATION.search(that.group(1)):
            return (that.end() if that.group(2) == "that" else that.start(2)), "that"
        whom = _WHOM.match(text, m.end(), sentence.end) if complement == "whom" else None
        if whom:
            return whom.end(), "that"
        when = _WHEN_CLAUSE.match(text, m.end(), sentence.end) if complement == "clause" else None
        if when:
            return when.end(), "clause"  # "said on Tuesday the allowance had been replaced"
        if complement in {"to", "object"} and _TO_VERB.match(text, m.end(), sentence.end):
            return m.end() + len(text[m.end():sentence.end]) - len(text[m.end():sentence.end].lstrip()), "to"
        if complement == "clause" and _SAY_CONTENT.match(text, m.end(), sentence.end) and \
                (not _rules()["not_say"].match(text, m.end(), sentence.end) or
                 _rules()["pronoun_clause"].match(text, m.end(), sentence.end)):
            pass
        elif complement == "object" and _OBJECT.match(text, m.end(), sentence.end) and \
                not _rules()["not_say"].match(text, m.end(), sentence.end):
            pass
        else:
            return None
        c_start = m.end()
        while c_start < sentence.end and text[c_start].isspace():
            c_start += 1
        return c_start, complement

    def indirect_after(self, sentence, m) -> None:
        """The content after a cue, to the end of its sentence (cut before a trailing "..., X said")."""
        text = self.text
        begun = self.content_start(m, sentence)
        if begun is None:
            return
        c_start, shape = begun
        c_end = min(sentence.end, c_start + _REACH)
        if shape in {"to", "object"}:  # "asked not to be named, said ...": a short complement ends at a comma
            comma = next((i for i in _CLAUSE_END.finditer(text, c_start, c_end)
                          if not self.inside_quote(i.start())), None)
            c_end = comma.start() if comma else c_end
        trailing = _TRAILING.search(text[c_start:c_end])
        if trailing:
            c_end = c_start + trailing.start()
        c_end = self.clause_end(c_start, c_end)
        while c_end > c_start and text[c_end - 1] in " .;:!?\n":
            c_end -= 1
        if text[c_start] in "“\"'‘" and self.quote_closes.get(c_start, -1) >= c_end - 2:
            return  # the whole clause is a quotation: the quote already covers it
        if len(text[c_start:c_end].split()) < _MIN_WORDS.get(shape, 3) or _ANONYMITY.match(text, c_start, c_end):
            return  # (also "asked not to be named": why a source is unnamed, not what it said)
        found = self.subject_of(m.start(), m.end(), sentence.start)
        if found is None:
            return
        pieces, begin = [], c_start
        for split in _AND_THAT.finditer(text, c_start, c_end):
            if not self.inside_quote(split.start()):
                pieces.append((begin, split.start()))
                begin = split.end()
        pieces.append((begin, c_end))
        for a, b in pieces:
            if text[a] in "“\"'‘" and self.quote_closes.get(a, -1) >= b - 2:
                continue
            self.add(replace(found, start=a, end=b, kind="indirect"))

    def clause_end(self, c_start: int, c_end: int) -> int:
        """Where a reported clause stops before ``c_end``: at "; ", ", but ...", ", X said", ", according to", or a
        closing parenthesis opened before the content (never inside a quotation).

        >>> import korea_kit as kk
        >>> art = kk.Article.from_text("Talks\\n\\nAna Vance said the plan is dead, but talks go on.")
        >>> kk.quotes(art)["text"].tolist()
        ['the plan is dead']
        """
        text, depth = self.text, 0
        for m in _CONTENT_END.finditer(text, c_start, c_end):
            if self.inside_quote(m.start()):
                continue
            if m.group() == "(":
                depth += 1
            elif m.group() == ")":
                if depth == 0:
                    return m.start()
                depth -= 1
            elif m.start() > c_start:
                return m.start()
        return c_end

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
        """``The talks will resume, officials said.`` and ``..., said Ana Vance, a lawyer.``"""
        text = self.text[sentence.start:sentence.end]
        if text[0] in "“\"'" or text.startswith("''"):
            return
        m = _rules()["reverse"].search(text)
        if m and (m.group(2)[:1].isupper() or m.group(2).lower() in words("noun_forms")):
            m = None  # "... with the United States.", "... in 30 states.": a name or a noun, not a cue
        if m and m.end(2) < len(text) - 1 and (cue_frame(m.group(2))[0] != "speech" or len(m.group(1).split()) > 5):
            m = None  # a tail after the cue ("said Monday.") only after a short subject and a cue of speech
        if m and not self.inside_quote(sentence.start + m.start()):
            found = self.make(sentence.start + m.start(2), sentence.start + m.end(2), sentence.start + m.start(1),
                              sentence.start + m.end(1))
        else:
            m = _rules()["reverse_first"].search(text)
            if not m or self.inside_quote(sentence.start + m.start()) or not m.group(2)[:1].isupper() or \
                    m.group(1).lower() in words("noun_forms"):
                return
            found = self.make(sentence.start + m.start(1), sentence.start + m.end(1), sentence.start + m.start(2),
                              sentence.start + m.end(2))
        c_end = sentence.start + m.start()
        if found is not None and len(self.text[sentence.start:c_end].split()) >= 3:
            self.add(replace(found, start=sentence.start, end=c_end, kind="indirect"))

    def indirect_middle(self, sentence) -> bool:
        """``The plan, he said, is dead.``: the two pieces around the cue, with its speaker."""
        text = self.text[sentence.start:sentence.end]
        if text[0] in "“\"'":
            return False
        m = _rules()["middle"].search(text)
        if not m or self.inside_quote(sentence.start + m.start()) or m.group(2)[0].isupper() or \
                m.group(2).lower() in words("noun_forms"):
            return False
        s = sentence.start
        before, after = (s, s + m.start()), (s + m.end(), sentence.end)
        if self.text[after[0]] in "“\"'‘":
            return False  # 'In a statement, she said, "..."': the quotation is hers, found by the quote rules
        while after[1] > after[0] and self.text[after[1] - 1] in " .;:!?\n":
            after = (after[0], after[1] - 1)
        if len(self.text[before[0]:before[1]].split()) < 2 or len(self.text[after[0]:after[1]].split()) < 2:
            return False
        sp_start, lead = s + m.start(1), m.group(1).split(None, 1)
        if len(lead) == 2 and lead[0].lower() in words("clause_markers"):
            sp_start = s + m.start(1) + m.group(1).index(lead[1])  # "The result, as he explained, was ...": "he"
        found = self.make(s + m.start(2), s + m.end(2), sp_start, s + m.end(1))
        if found is None:
            return False
        for a, b in (before, after):
            self.add(replace(found, start=a, end=b, kind="indirect"))
        return True
