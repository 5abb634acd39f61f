"""The speaker before a cue: ``Foreign Minister Ana Vance said ...`` -> "Foreign Minister Ana Vance".

:meth:`SubjectRules.subject_of` walks back from a reporting verb through the
clause before it (never past the last quotation that closed in it) and cuts
the noun phrase of its subject: leading conjunctions, trailing auxiliaries
and time words go, an appositive gives way to the name before it.
:meth:`SubjectRules.make` turns the offsets found into an
:class:`Attribution` without content yet.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from ._attribution import Attribution
from ._lexicon import alternation, ordered, pattern, words
from ._names import SHORT_TITLES, names_a_person

__all__ = ["SubjectRules"]

_PARTS = re.compile(r"[^,;:(—–]+")
_TIME = re.compile(r"(last|this|next) (night|week|month|year|weekend)|on \w+day")
_PREVIOUS_NAME = re.compile(r"[A-Z][\w'’\-]+(?: [A-Z][\w'’\-]+){1,2}")
_NAMED = re.compile(r"(?:(?:Mr|Mrs|Ms|Dr)\.? )?[A-Z][\w'’.\-]+(?: [A-Z][\w'’.\-]+){0,4}")  # "Ms. Moss", "Radu Pell"
_ACCORDING = re.compile(r"\s*(?:to\s+)?([^,.;:!?\n]+)")
_ACCORDING_CUT = re.compile(r"\s(?:who|which|that|released|published|conducted|obtained|issued|unearthed|—|–)\s")
_ACCORDING_REACH = 2000  # characters after "according to" in which the source's name must end
_OBJECT = re.compile(r"\s+((?:reporters|journalists|me|us|the [\w'’ ]+?|[A-Z][\w'’]*(?: [A-Z][\w'’]*)*)(?='s)?"
                     r"(?:'s [A-Z][\w ]+?)?)(?=\s+(?:that|at|on|in|after|before)\b|[,.:;])")
_PARTY_TAG = re.compile(r"\(?[RDI]-[A-Z][\w.]*\.?\)?")  # "Mitch McConnell, R-Ky., said": party and state
_SENTENCE_OPENERS = frozenset({"On", "In", "At", "After", "Before", "During", "Also", "Yet", "But"})
_WORD = re.compile(r"\w")
_COORDINATED = re.compile(r"[a-z]\w*,?\s+(?:and|but|then)\s+$")
_RELATIVE_SUBJECTS = frozenset({"who", "which"})
_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "i", "we"})
_REACH = 600  # characters before a cue in which its speaker is looked for (the walk stays linear)


@lru_cache(maxsize=1)
def _appositive_head() -> re.Pattern:
    return re.compile(rf"(?:{alternation('appositive_heads')})\b")


def _plausible(found: list[str]) -> bool:
    """Can these words name who speaks? Not a phrase that opens or ends like a clause ("Over the", "vote to")."""
    first, last = found[0].lower(), found[-1].lower().rstrip(",")
    if len(found) > 1 and first in words("not_speaker_starts"):
        return False
    if len(found) > 1 and last in words("not_speaker_ends"):
        return False
    return not (found[0].islower() and len(found) > 1 and first.endswith("ed") and first not in words("np_words"))


def _names_someone(found: list[str], single: bool = False) -> bool:
    """Does a phrase name someone ("The government", "he", "Kelly"), not an opening word ("Indeed", "The", "Speaking")?

    ``single``: one word that a rule took for a speaker, where a possessive or a contraction ("Trump's", "he's") is fine.
    """
    kept = [w.strip(",") for w in found]
    if single:
        kept = [w[:-2] if w.endswith(("'s", "’s")) else w for w in kept]
    elif kept and kept[-1].endswith(("'s", "’s")):
        return False  # "Clinton's Democratic (opponent)": a possessive is not the head of the phrase
    for w in kept:
        low = w.lower()
        if single and low in {"this", "that", "both", "neither", "either"}:
            return True  # "This suggests ...", "Both said ...": a stand-in for what was just named
        if low in words("pronouns") or low in words("np_words") - {"the", "a", "an", "of", "for"}:
            return True
        if low in words("not_names") or low in words("not_speaker_starts"):
            continue
        if low.endswith(("ing", "ly")) and (w.islower() or not single or low in words("sentence_openers")):
            continue
        return True
    return False


class SubjectRules:
    """The part of the extractor that finds a speaker before a cue (needs ``text``, ``cue_re``, ``found``)."""

    def closes_before(self, lo: int, cue_start: int) -> int | None:
        """The end of the last quote or partial quote found so far that ends in [lo, cue_start)."""
        at = bisect.bisect_left(self.quote_ends, cue_start)
        if at and self.quote_ends[at - 1] >= lo:
            return self.quote_ends[at - 1]
        return None

    def subject_of(self, cue_start: int, cue_end: int, lo: int) -> Attribution | None:
        """The speaker noun phrase before a cue, within its clause."""
        cue = self.text[cue_start:cue_end].lower()
        if cue.startswith("according"):
            return self.according(cue_start, cue_end)
        lo = max(lo, cue_start - _REACH)
        last_close = self.closes_before(lo, cue_start)
        if last_close is not None:
            lo = last_close + 1
        segment = self.text[lo:cue_start]
        parts = [(m.start(), m.group()) for m in _PARTS.finditer(segment)]
        relative, openers, anonymous = tuple(w + " " for w in ordered("relative_words")), \
            words("not_subject_openers"), self.anonymous
        participle = cue.endswith("ing") and self._previous_char(cue_start) == ","
        if participle:  # "Vance left the talks, saying ...": the subject of the clause the participle hangs on
            found = self.clause_subject(lo, cue_start, cue_end)
            if found is not None:
                return found
        if _COORDINATED.search(segment):  # "He called it lawful, and said ...": the subject of the first verb
            clauses = [(r, q) for r, q in parts if q.strip() and q.strip().lower() not in {"and", "but", "then"}]
            if len(clauses) > 1:  # "When asked, Ms. Lee smiled and said": the clause with the first verb
                found = self.clause_subject(lo + clauses[-1][0], cue_start, cue_end)
                if found is not None:
                    return found
            return self.clause_subject(lo, cue_start, cue_end)
        for k in range(len(parts) - 1, -1, -1):
            rel, part = parts[k]
            stripped = part.strip()
            first = stripped.split()[0].lower() if stripped else ""
            if first in _RELATIVE_SUBJECTS and len(stripped.split()) <= 3:  # "Ana Vance, who said ...": "who"
                begin = lo + rel + (len(part) - len(part.lstrip()))
                return self.make(cue_start, cue_end, begin, begin + len(first))
            if not stripped or stripped.isdigit() or _PARTY_TAG.fullmatch(stripped) or stripped.lower().startswith(relative) \
                    or stripped.lower() in words("relative_words") \
                    or (first.endswith("ing") and first not in {"king"}) or first in openers:
                continue
            if all(w.lower() in words("trailing_auxiliaries") for w in stripped.split()):
                continue  # "The minister, Corin Aldane, has (said)": the name is in the part before
            previous = parts[k - 1][1].strip() if k > 0 else ""
            if first in {"a", "an", "the"} and _NAMED.fullmatch(previous) and previous.split()[0] not in _SENTENCE_OPENERS \
                    and (names_a_person(previous) or previous.split()[0].rstrip(".").lower() in SHORT_TITLES or
                         previous in self.full_names):
                rel, part, stripped = parts[k - 1][0], parts[k - 1][1], previous  # "Radu Pell, a Civic MP, warned"
            elif not names_a_person(stripped):  # "Ilse Marrow, speaking from Sarn, the Calderan capital, said": the person
                earlier = [(r, q) for r, q in parts[max(0, k - 3):k] if names_a_person(q.strip()) and
                           q.strip().split()[0].lower() not in {"in", "on", "at", "from"}]
                if earlier and not anonymous.match(stripped) and stripped.split()[0].lower() in {"the", "a", "an"}:
                    rel, part = earlier[-1]
                    stripped = part.strip()
            if k > 0 and _appositive_head().match(stripped):
                previous = parts[k - 1][1].strip()
                if _PREVIOUS_NAME.fullmatch(previous) and previous.split()[0] not in _SENTENCE_OPENERS:
                    rel, part, stripped = parts[k - 1][0], parts[k - 1][1], previous
            begin = lo + rel + (len(part) - len(part.lstrip()))
            return self._speaker_phrase(stripped, begin, cue_start, cue_end, lo)
        return None

    def _speaker_phrase(self, phrase: str, begin: int, cue_start: int, cue_end: int, lo: int) -> Attribution | None:
        """The subject's words within the clause ``phrase`` (at ``begin``), trimmed."""
        relative = max(f"{phrase.lower()} ".rfind(f" {w} ") for w in _RELATIVE_SUBJECTS)
        if relative >= 0 and len(phrase[relative:].split()) <= 3:  # "Republicans who say": the relative word
            at = begin + relative + 1
            return self.make(cue_start, cue_end, at, at + len(phrase[relative + 1:].split()[0]))
        for marker in ordered("clause_markers"):
            cut = f" {phrase.lower()}".rfind(f" {marker} ")  # (also at the start: "as he explained")
            if cut >= 0:
                begin += cut + len(marker) + 1
                phrase = phrase[cut + len(marker) + 1:]
        inner = [c for c in self.cue_re.finditer(phrase) if c.group()[0].islower()]
        rest = phrase[inner[-1].end():].strip() if inner else ""
        if rest and (rest[0].isupper() or rest.split()[0].lower() in {"the", "a", "an", "his", "her", "its", "their"}):
            # "Moon's statement said North Korea (agreed ...)": the speaker is the last subject
            begin += inner[-1].end()
            phrase = phrase[inner[-1].end():]
        np_words, pronouns, junk, aux = words("np_words"), words("pronouns"), words("leading_junk"), \
            words("trailing_auxiliaries")
        found = phrase.split()
        if len(found) > 1 and found[-1].lower() in {"and", "but", "then"}:
            keep = []
            for w in found[:-1]:
                if w[0].isupper() or w.lower() in np_words or w.lower() in pronouns or w.lower().endswith(("'s", "’s")):
                    keep.append(w)
                    if w.lower() in pronouns:
                        break
                else:
                    break
            found = keep
        while found and found[0].lower() in junk:
            begin = self.text.index(found[1], begin) if len(found) > 1 else begin
            found = found[1:]
        while found and found[-1].lower() in aux:
            found = found[:-1]
        if len(found) > 1 and found[-1].lower() in _SUBJECT_PRONOUNS:
            found = found[-1:]  # "The only regret he (acknowledged)", "on Tuesday night he (said)": the pronoun
        if found and found[0][0].islower() and (found[0].lower() in aux or found[0].lower().endswith("ly")):
            return None  # "has drawn huge crowds (describing)", "are gently (urging)": a predicate, not a subject
        tail = " ".join(found[-2:]).lower()
        if _TIME.fullmatch(tail):
            found = found[:-2]
        elif found and found[-1].lower() in {"yesterday", "today", "tonight"}:
            found = found[:-1]
        if len(found) > 6:
            keep = []
            for w in found:
                if w[0].isupper() or w.lower() in np_words or w.lower().endswith(("'s", "’s")):
                    keep.append(w)
                else:
                    break
            found = keep
        if found and len(found) == 1 and found[0].lower() in aux | junk:
            return None
        if " ".join(found).lower() == "it":  # "it is believed", "it said" about an unnamed thing: too vague
            return None
        made = None
        if found and len(found) <= 8:
            sp_start = self.text.index(found[0], begin)
            sp_end = self.text.index(found[-1], sp_start) + len(found[-1])
            made = self.make(cue_start, cue_end, sp_start, sp_end)
        sentence = self.sentence_at(cue_start)
        if made is None and sentence is not None:
            # "Carson reported ... fees he reported receiving": a phrase, not a subject; the sentence's subject speaks
            subject = self.clause_subject(max(lo, sentence.start), cue_start, cue_end)
            return subject if subject is not None and _names_someone(subject.speaker_text.split()) else None
        return made

    def clause_subject(self, lo: int, cue_start: int, cue_end: int) -> Attribution | None:
        """The noun phrase that opens the clause before ``cue_start`` (from ``lo``): names, speaker words, a pronoun."""
        text = self.text
        np_words, pronouns, junk = words("np_words"), words("pronouns"), words("leading_junk")
        keep, at, begin = [], lo, None
        for m in re.finditer(r"\S+", text[lo:cue_start]):
            w = m.group().rstrip(",")
            if not keep and w.lower() in junk:
                continue
            if w[:1].isupper() or w.lower() in np_words or w.lower() in pronouns:
                if begin is None:
                    begin = lo + m.start()
                keep.append(w)
                at = lo + m.start() + len(w)
                if w.lower() in pronouns or m.group().endswith(","):
                    break
            else:
                if keep and keep[0].lower() in {"the", "a", "an", "this"} and w.isalpha() and w.islower() and \
                        w not in words("trailing_auxiliaries") and not w.endswith(("ed", "ly")):
                    keep.append(w)  # "The email (went on to say)", "The Sarn campaign (said)": the head noun
                    at = lo + m.start() + len(w)
                break
        if not keep or len(keep) > 6 or keep[0].lower() in words("determiners") and len(keep) == 1:
            return None
        if len(keep) == 1 and keep[0].lower() not in pronouns and not names_a_person(keep[0]) and \
                not keep[0][:1].isupper():
            return None
        return self.make(cue_start, cue_end, begin, at)

    def according(self, cue_start: int, cue_end: int) -> Attribution | None:
        """``according to X``: X is the speaker (eight words at most)."""
        m = _ACCORDING.match(self.text, cue_end, cue_end + _ACCORDING_REACH)
        if not m:
            return None
        name = m.group(1).strip()
        cut = _ACCORDING_CUT.search(name)
        if cut and len(name[:cut.start()].split()) >= 2:
            name = name[:cut.start()]  # "a report released by the governor's office": the report
        if not name or len(name.split()) > 12:
            return None
        return self.make(cue_start, cue_end, m.start(1), m.start(1) + len(name))

    def make(self, cue_start, cue_end, sp_start, sp_end) -> Attribution | None:
        """An attribution (without content yet) from the offsets of its cue and speaker."""
        speaker_text = self.text[sp_start:sp_end].strip()
        found = speaker_text.split()
        aux = words("trailing_auxiliaries")
        while len(found) > 1 and found[-1].lower() in aux:
            found = found[:-1]
        verb_at = next((k for k, w in enumerate(found) if k and w.lower() in aux), None)
        if verb_at and found[-1].lower() in words("not_speaker_ends"):
            found = found[:verb_at]  # "diplomats have taken to (calling)": the words before the verb
        speaker_text = " ".join(found)
        if speaker_text:
            at = self.text.find(speaker_text, sp_start, max(sp_end, sp_start + len(speaker_text)))
            sp_start = at if at >= 0 else sp_start
        if not speaker_text or not _WORD.search(speaker_text) or not _plausible(found) or \
                (len(found) == 1 and found[0].lower() not in _RELATIVE_SUBJECTS and not _names_someone(found, True)):
            return None
        cue = self.text[cue_start:cue_end]
        if cue.lower() == "read" and not pattern("document_words").search(speaker_text):
            return None
        obj = _OBJECT.match(self.text[cue_end:cue_end + 60])
        if cue.lower().startswith(("told", "tell")) and obj:
            cue = cue + self.text[cue_end:cue_end + obj.end()]
        return Attribution(0, 0, "", cue, cue_start, cue_start + len(cue), speaker_text, sp_start,
                           sp_start + len(speaker_text))
