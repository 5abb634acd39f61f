"""Quotations: where they are, and who says them.

A paragraph's quotations are read from its double quotation marks (or, in a
paragraph with none, in the British single-quote style). Each is attributed
by the cue after it (``"...," said X``, ``"...," X said``), else the last cue
before it (``X said: "..."``), else the speaker of the quote it continues.
A quote is ``direct`` when it is a whole sentence or follows a colon, else
``partial``. Titles and scare quotes ("the "Peace Games"") are skipped.
Single-quoted speech and reported speech inside a direct quote, and posts
embedded from social networks, are attributed here too.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ._attribution import Attribution
from ._lexicon import alternation, cue_frame, cue_pattern, dotted, words
from ._names import names_a_person

__all__ = ["QuoteRules", "REACH"]

REACH = 2000
"""Characters around a quote or a cue in which its speaker and content are looked for (so time stays linear)."""

_OPEN_DOUBLE = "“«"
_CLOSE_DOUBLE = "”»"
_DOUBLE_MARKS = re.compile(r"''|``|[\"“”«»]")  # a doubled apostrophe (''like this'') is a straight double mark
_ANY_DOUBLE = re.compile(r"''|``|[\"“”]")
_SINGLE_MARKS = re.compile(r"[‘’']")
_LEAD_WORD = re.compile(r"(?:^|\s)(the|a|an|so-called|dubbed|termed|nicknamed|slogan|motto|known(?:\s+\S+){0,5}\s+as)\s*$",
                        re.I)
_NEXT_WORD = re.compile(r"\s*([a-z]\w*)")
_INNER_SINGLE = re.compile(r"[‘'](?=\w)(.+?)[’'](?=[\s,.;:!?”\"]|$)")
_THAT = re.compile(r"((?:\s+\w+){0,3}?)\s+that\s+")
_AS_SAID = re.compile(r"\bAs\s+[^,]{2,40}$")
_AS_SAID_REACH = 200
_PARTICIPLE = re.compile(r"\s+[\[\w]")
_PART = re.compile(r"[^,]+")
_RELATIVE_OPEN = re.compile(r",\s*(?:who|which)\s+$")
_SHORT_TAIL = re.compile(r"\s+[^,.;:!?\"“”\n]{1,60}?,(?=\s)")  # '"A challenge" for Vance, said Kunin': a tail
_NAME_LABEL = re.compile(r"\s*((?:[A-Z][\w'’.\-]*\s+){1,5}?[A-Z][\w'’\-]*)\s*(?:\([^()]{1,20}\))?\s*")
_WORD_RUN = re.compile(r"[A-Za-z][\w'’\-]*")
_POST_COLON = re.compile(r"([^:“\"\n]{1,60}):\s*[“\"]")
_POST_HANDLE = re.compile(r"\s[—–-]\s*([^(\n]{2,60}?)\s*\(@\w+\)")
_POST_LINK = re.compile(r"\s*(pic\.twitter\.com/\S+|https?://\S+)\s*$")
_HEADLINE_SPEAKER = re.compile(r"([A-Z][\w'’.\-]*(?: [A-Z][\w'’.\-]*){0,3}):\s+(?=\S)")
_TWITTER = re.compile(r"https?://t\.co/|pic\.twitter\.com|twitter\.com/|\(@\w+\)")


@lru_cache(maxsize=1)
def _tail_rest() -> re.Pattern:
    return re.compile(rf"\s*(?:[,.;:!?—–]|$|(?:{alternation('tail_openers')})\b)", re.I)


@lru_cache(maxsize=1)
def _cue_rules() -> dict[str, re.Pattern]:
    cue = cue_pattern().pattern
    return {
        "after_cue": re.compile(r"(" + cue + r")(\s+(that|how|on \w+))?[:,]?$", re.I),
        "later_cue": re.compile(r"\s(?:while|and)\s+(?=" + cue + r")"),
        "name_after": re.compile(rf"\s*(?:to\s+)?((?:{dotted().pattern}|[^,.;:!?\n])+?)"
                                 r"(?=\s*(?:[,.;:!?\n]|$|\s(?:in|on|at|during|after|before|told|who|when|as)\s))"),
    }


class QuoteRules:
    """The part of the extractor that finds and attributes quotations."""

    def quote_segments(self, start: int, end: int) -> list[tuple[int, int | None]]:
        """(opening mark, closing mark or None if the quote runs on) for the quotations in text[start:end].

        Double quotation marks as a rule; a paragraph with none is read in the
        British single-quote style ('Like this,' he said), where an apostrophe
        inside a word (it's, Korea's) never closes a quotation.
        """
        if _ANY_DOUBLE.search(self.text, start, end) is None:  # (« » alone do not count)
            return self.single_quote_segments(start, end)
        segments, opened = [], None
        for m in _DOUBLE_MARKS.finditer(self.text, start, end):
            i, c = m.start(), m.group()
            c = '"' if c == "''" else ("“" if c == "``" else c)
            if c in _OPEN_DOUBLE and opened is None:
                opened = i
            elif c in _CLOSE_DOUBLE and opened is not None:
                segments.append((opened, i))
                opened = None
            elif c == '"':
                if opened is None and (i == start or not self.text[i - 1].isalnum()):
                    opened = i
                elif opened is not None and self.text[i - 1:i] == " " and self.text[i + 1:i + 2].isalpha() and \
                        self.text[opened:i].rstrip()[-1:] in ".?!":
                    cut = len(self.text[:i].rstrip())  # '"A. "B," she said.': A never closed, B opens
                    segments.append((opened, cut))
                    self.run_on_closes.add(cut)
                    opened = i
                elif opened is not None:
                    segments.append((opened, i))
                    opened = None
        if opened is not None:
            segments.append((opened, None))
        return segments

    def mark_end(self, at: int) -> int:
        """Where the quotation mark at ``at`` ends (two characters for a doubled apostrophe)."""
        return at + 2 if self.text.startswith(("''", "``"), at) else at + 1

    def single_quote_segments(self, start: int, end: int) -> list[tuple[int, int | None]]:
        """Quotations in single marks: an apostrophe inside a word never opens or closes one."""
        text, segments, opened = self.text, [], None
        for m in _SINGLE_MARKS.finditer(text, start, end):
            i, c = m.start(), m.group()
            before = text[i - 1] if i > start else " "
            after = text[i + 1] if i + 1 < end else " "
            if opened is None:
                if (c == "‘" or c == "'") and (before.isspace() or before in "([—–-:") and not after.isspace():
                    opened = i
            elif c in "’'" and not before.isspace() and not after.isalnum():
                segments.append((opened, i))
                opened = None
        if opened is not None and len(text[opened:end].split()) > 2:
            segments.append((opened, None))
        return segments

    def quote(self, open_mark: int, close_mark: int | None, para, carried: Attribution | None) -> Attribution | None:
        """The attribution of one quotation, or ``None`` for a title, a scare quote or an unattributed quote."""
        text = self.text
        c_start, c_end = self.mark_end(open_mark), close_mark if close_mark is not None else para.end
        while c_start < c_end and text[c_start].isspace():
            c_start += 1
        if c_start >= c_end:
            return None
        lead_word = _LEAD_WORD.search(text[max(para.start, open_mark - 14):open_mark])
        content = text[c_start:c_end].rstrip(" ,.")
        content_words = content.split(None, 6)
        title_case = 0 < len(content_words) <= 5 and all(w[:1].isupper() for w in content_words if w.isalpha()) \
            and text[c_end - 1:c_end] not in {",", "?", "!", "."}
        next_word = _NEXT_WORD.match(text[self.mark_end(close_mark):close_mark + 30]) if close_mark is not None else None
        noun_follows = next_word is not None and not self.cue_re.fullmatch(next_word.group(1)) and \
            next_word.group(1) not in words("pronouns") | words("function_words")
        sentence = self.sentence_at(c_start)
        if lead_word and lead_word.group(1).lower() in {"a", "an"} and not title_case and sentence is not None and \
                self.before_pattern(sentence.start, open_mark) is not None:
            lead_word = None  # 'described the border as a "scar"': a partial quote after a cue, not a title
        if lead_word or (title_case and noun_follows):
            return None  # a title, a name or a scare quote: "the "Peace Games"", "the "Rivers Not Walls" slogan"
        s_start = sentence.start if sentence else para.start
        s_end = sentence.end if sentence else para.end
        s_start = max(s_start, open_mark - REACH)  # a speaker is never further away: the walk stays linear
        s_end = min(s_end, open_mark + REACH)
        before = text[s_start:open_mark]
        after_at = self.mark_end(close_mark) if close_mark is not None else c_end
        closing_sentence = self.sentence_at(close_mark) if close_mark is not None else None
        if closing_sentence is not None:
            s_end = max(s_end, closing_sentence.end)
        s_end = min(s_end, after_at + REACH)
        after = text[after_at:max(s_end, after_at)]
        if not after.strip() and close_mark is not None and text[c_start:c_end].rstrip("’'")[-1:] in {"?", "!"}:
            after = self.tail_sentence(after_at, para.end) or after  # '"Why?" Vance said.' cut in two sentences
        starts_sentence = not before.strip(" \t\n\u00a0—–-")
        found = None
        if starts_sentence:
            found = self.after_pattern(after_at, after)
        if found is None:
            found = self.before_pattern(s_start, open_mark)
        if found is None and not starts_sentence:
            found = self.after_pattern(after_at, after)
        tail = _SHORT_TAIL.match(after) if found is None and close_mark is not None else None
        if tail and not self.cue_re.search(tail.group()) and tail.group().split()[0].lower() in words("tail_openers"):
            found = self.after_pattern(after_at + tail.end(), after[tail.end():])
        if found is None and before.rstrip().endswith(":"):
            found = self.colon_speaker(s_start, s_start + len(before.rstrip()) - 1)
        if found is None and starts_sentence and carried is not None:
            found = replace(carried)
        if found is None:
            return None
        to_end = not text[after_at:s_end].strip(" .,;:!?”\"'’)\n") or self.after_pattern(after_at, after) is not None
        lead = before.rstrip()
        direct = starts_sentence or lead.endswith(":") or (
            to_end and (text[c_start].isupper() or bool(_cue_rules()["after_cue"].search(lead)))
            and len(text[c_start:c_end].split()) >= 3)
        return replace(found, start=c_start, end=c_end, kind="direct" if direct else "partial")

    def after_pattern(self, at: int, after: str) -> Attribution | None:
        """``"...," said X`` / ``"...," X said`` / ``"...," according to X``."""
        stripped = after.lstrip(" ,\u00a0—–-")
        if stripped.startswith("as ") and self.cue_re.search(stripped, 3, 80):
            stripped = stripped[3:]  # '"...," as Ana Vance puts it.'
        offset = at + (len(after) - len(stripped))
        if not stripped or stripped[0] in ".!?":
            return None
        m = self.cue_re.match(stripped)
        if m and m.group().endswith("ing"):
            return None  # '"...," saying the city ...': a participle hangs on the sentence's subject; it names no one after
        if m and m.group()[0].islower():  # cue first ('"...," Read said': a capitalised word is a name): said Kim Eui-kyeom, a spokesperson ...
            name = _cue_rules()["name_after"].match(stripped, m.end())
            if not name or len(name.group(1).split()) > 9:
                return None
            sp_start = offset + name.start(1)
            return self.make(offset + m.start(), offset + m.end(), sp_start, sp_start + len(name.group(1)))
        for m in self.cue_re.finditer(stripped):
            if m.group()[0].isupper():
                continue
            head = stripped[: m.start()]
            if _RELATIVE_OPEN.search(head):
                continue  # '"...," a spokesman, who asked not to be named, said': the cue after the relative clause
            if "," in head.rstrip(" ,"):  # "Bill Doe, counsel to the team, said": the name before the apposition
                if len(head.split()) > 20:
                    return None
                parts = [p for p in _PART.finditer(head) if p.group().strip()]
                person = next((p for p in parts if names_a_person(p.group())), None)  # "the spokesman, Al Doe, said"
                last = parts[-1].group().strip()
                if person is None and last[:1].isupper() and len(last.split()) <= 3 and len(parts) > 1 and \
                        not parts[0].group().strip()[:1].isupper():
                    person = parts[-1]  # '"...," climate change, Axelrod said': the subject is next to the cue
                part = person or parts[0]
                name = part.group().strip()
                role = person is None and any(w.lower() in words("np_words") - words("function_words")
                                              for w in name.split()[1:])  # "a spokesman, who asked not to be named,"
                if not name[:1].isupper() and not role or len(name.split()) > 5:
                    return None
                begin = offset + part.start() + len(part.group()) - len(part.group().lstrip())
                return self.make(offset + m.start(), offset + m.end(), begin, begin + len(name))
            if re.search(r"[.;:!?]", dotted().sub("", head)) or len(head.split()) > 7 or not head.strip():
                return None
            if head.strip().lower() in words("leading_junk") or head.strip().lower().startswith(("and ", "but ")):
                return None
            end = offset + len(head.rstrip())
            return self.make(offset + m.start(), offset + m.end(), offset, end)
        return None

    def tail_sentence(self, at: int, para_end: int) -> str | None:
        """The text from ``at`` to the end of the next sentence, if that sentence is only "X said" and its time or place.

        '"Why now?" Vance said of the plan.' is split after the question mark; the next sentence, when it is no more
        than an attribution (nothing but a prepositional phrase or a comma after its speaker), says the quote.
        """
        nxt = self.sentence_at(at + 1) if at < para_end else None
        if nxt is None or nxt.start < at or nxt.start > at + 3 or nxt.end > para_end:
            return None
        tail = self.text[at:nxt.end]
        found = self.after_pattern(at, tail)
        if found is None:
            return None
        rest = self.text[max(found.cue_end, found.speaker_end):nxt.end]
        return tail if _tail_rest().match(rest) else None

    def before_pattern(self, s_start: int, open_mark: int) -> Attribution | None:
        """``X said: "..."`` / ``X said "..."`` / ``X said the talks were "..."`` (last cue before the quote)."""
        cues = [m for m in self.cues(s_start, open_mark) if not self.inside_quote(m.start())]
        spoken = [m for m in cues if cue_frame(m.group())[0] in {"speech", "document"}]
        if spoken:  # 'Kim said the leader wanted talks and had "ample intentions"': Kim's words, not a wish
            cues = [m for m in cues if m.start() <= spoken[-1].start()]
        for m in reversed(cues):
            found = self.subject_of(m.start(), m.end(), s_start)
            if found is not None:
                return found
        return None

    def colon_lead(self, para) -> Attribution | None:
        """``The minister added:`` at the end of a paragraph: the speaker of the quote in the next one."""
        last = None
        for last in self.cues(para.start, para.end):
            pass
        sentence = self.sentence_at(para.end - 1)
        s_start = max(para.start, sentence.start if sentence else para.start)
        if last is None or last.start() < s_start:
            return self.colon_speaker(s_start, para.end - 1)
        return self.subject_of(last.start(), last.end(), s_start)

    def colon_speaker(self, s_start: int, colon: int) -> Attribution | None:
        """``Ana Vance shot back: "..."``: no cue before the colon, so the subject of the clause's first verb speaks.

        The verb is the first word in lower case after the subject (past an adverb such as "then") that ends in
        -ed or -s, is a cue, or is on the ``colon_verbs`` list; an opening phrase ("In her speech, ...") is skipped.

        >>> import korea_kit as kk
        >>> art = kk.Article.from_text('Talks\\n\\nAna Vance shot back: "That would be good."')
        >>> kk.quotes(art)[["speaker", "cue", "kind", "text"]].values.tolist()
        [['Ana Vance', 'shot', 'direct', 'That would be good.']]
        """
        text, lo = self.text, s_start
        opening = text[lo:colon].split(None, 1)
        if opening and opening[0].lower().strip(",") in words("not_subject_openers"):
            comma = text.find(",", lo, colon)
            if comma < 0:
                return None
            lo = comma + 1
        named = _NAME_LABEL.fullmatch(text, lo, colon)
        if named and names_a_person(named.group(1)):  # 'Rep. Ana Vance (D-Sarn): "..."': a transcript's speaker
            return self.make(colon, colon + 1, named.start(1), named.end(1))
        seen_subject = False
        skip = words("leading_junk") | words("np_words")
        for m in _WORD_RUN.finditer(text, lo, colon):
            w = m.group()
            if w[0].isupper() or w.lower() in words("pronouns"):
                seen_subject = True
                continue
            if not seen_subject:
                if w.lower() in skip:
                    continue
                return None
            if w in words("leading_junk") or (w.endswith("ly") and len(w) > 4):
                continue  # "She then addressed", "Rubio quickly fired back"
            if w.endswith(("ed", "s")) and len(w) > 3 or w in words("colon_verbs") or self.cue_re.fullmatch(w):
                return self.subject_of(m.start(), m.end(), lo)
            if w.lower() in skip or "-" in w:
                continue
            return None
        return None

    def headline_colon(self, para) -> None:
        """A headline ``Ana Vance: Talks are over``: a short capitalised name before a colon speaks what follows it.

        Not a label ("World Digest:", "The Latest:", "BREAKING:"): the name has no word in capitals (but short
        acronyms such as "AP"), not one word ending in "ed" or "ing", none from the ``headline_labels`` list, and no "The".

        >>> import korea_kit as kk
        >>> art = kk.Article.from_text("Ana Vance: Talks are over for now\\n\\nThe talks ended.")
        >>> kk.quotes(art)[["speaker", "cue", "text"]].values.tolist()
        [['Ana Vance', ':', 'Talks are over for now']]
        """
        m = _HEADLINE_SPEAKER.match(self.text, para.start, para.end)
        if m is None:
            return
        name = m.group(1).split()
        labels = words("headline_labels")
        if name[0] in {"The", "A", "An"} or any((w.isupper() and len(w) > 3) or w.lower().strip(".") in labels
                                                for w in name):
            return
        if len(name) == 1 and len(name[0]) > 5 and name[0].endswith(("ed", "ing")):
            return  # "Revealed:", "Breaking:"
        c_start, c_end = m.end(), para.end
        while c_end > c_start and self.text[c_end - 1] in " .\n":
            c_end -= 1
        kind = "indirect"
        if self.text[c_start] in "“\"‘'" and self.text[c_end - 1] in "”\"’'" and c_end - c_start > 2:
            c_start, c_end, kind = c_start + 1, c_end - 1, "direct"
        if len(self.text[c_start:c_end].split()) < 2:
            return
        found = self.make(m.end(1), m.end(1) + 1, m.start(1), m.end(1))
        if found is not None:
            self.add(replace(found, start=c_start, end=c_end, kind=kind))

    def inner_quotes(self, outer: Attribution) -> None:
        """Single-quoted speech inside a direct quote, attributed within it ("As Moon stated, ‘...’")."""
        if outer.kind != "direct":
            return
        content = self.text[outer.start:outer.end]
        for m in _INNER_SINGLE.finditer(content):
            if len(m.group(1).split()) < 4:
                continue
            inner_open = outer.start + m.start()
            last = None
            for last in self.cues(outer.start, inner_open):
                pass
            if last is None:
                continue
            found = self.subject_of(last.start(), last.end(), outer.start)
            if found is not None:
                self.add(replace(found, start=outer.start + m.start(1), end=outer.start + m.end(1), kind="direct",
                                 via=f"@{len(self.found) - 1}"))

    def inner_indirect(self, outer: Attribution, outer_at: int) -> None:
        """Reported speech inside a direct quote ("President Moon pointed out that ..."), reached via the quoted speaker."""
        if outer.kind != "direct":
            return
        text, index = self.text, len(self.found) - 1
        for m in self.cues(outer.start, outer.end):
            that = _THAT.match(text, m.end(), outer.end)
            as_said = _AS_SAID.search(text, max(outer.start, m.start() - _AS_SAID_REACH), m.start())
            participle = m.group().endswith("ing") and _PARTICIPLE.match(text, m.end(), outer.end)
            if that:
                c_start = that.end()
            elif as_said and text[m.end():m.end() + 1] == ",":
                c_start = m.end() + 1
                while c_start < len(text) and text[c_start].isspace():
                    c_start += 1
            elif participle:
                c_start = m.end() + 1
            else:
                continue
            sentence = self.sentence_at(c_start)
            c_end = min(outer.end, sentence.end if sentence else outer.end)
            later = _cue_rules()["later_cue"].search(text, c_start, max(c_start, c_end))
            if later:
                c_end = later.start()
            while c_end > c_start and text[c_end - 1] in " .,;:!?”\"'’":
                c_end -= 1
            if len(text[c_start:c_end].split()) < 3 or text[c_start] in "‘'“\"":
                continue
            if participle and not that:
                speaker = next((a for a in reversed(self.found[outer_at:]) if a.start >= outer.start
                                and a.kind == "indirect"), None)
                found = replace(speaker, cue=m.group(), cue_start=m.start(), cue_end=m.end()) if speaker else None
            elif as_said:
                found = self.make(m.start(), m.end(), as_said.start() + 3, m.start())
            else:
                found = self.subject_of(m.start(), m.end(), outer.start)
            if found is not None:
                self.add(replace(found, start=c_start, end=c_end, kind="indirect", via=f"@{index}"))

    def social_post(self, para) -> None:
        """An embedded post: ``KCNA: "..." https://t.co/...``, or ``text — Name (@handle) date``."""
        text = self.text[para.start:para.end]
        channel = "Twitter" if _TWITTER.search(text) else "social media"
        m = _POST_COLON.match(text)
        if m:
            c_start = para.start + m.end()
            stop = min([i for i in (text.find("…", m.end()), text.find("”", m.end()), text.find('"', m.end()),
                                    text.find("http", m.end())) if i > 0] or [len(text)])
            c_end = para.start + stop
            while c_end > c_start and self.text[c_end - 1].isspace():
                c_end -= 1
            self.add(Attribution(c_start, c_end, "direct", None, None, None, m.group(1).strip(), para.start,
                                 para.start + len(m.group(1).strip()), channel=channel))
            return
        m = _POST_HANDLE.search(text)
        if m:
            body = text[: m.start()]
            cut = _POST_LINK.search(body)
            c_end = para.start + (cut.start() if cut else len(body.rstrip()))
            c_start = para.start + (1 if text[0] in "“\"" else 0)
            if text[c_end - para.start - 1] in "”\"":
                c_end -= 1
            self.add(Attribution(c_start, c_end, "direct", None, None, None, m.group(1).strip(),
                                 para.start + m.start(1), para.start + m.start(1) + len(m.group(1).strip()),
                                 channel=channel))
