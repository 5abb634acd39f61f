"""Who is speaking: a speaker phrase as written -> a canonical speaker, its kind of entity, source type and side.

The rules, in order: a name in the alias table; a pronoun or a stand-in
("the spokesman", "the statement") resolved to an earlier speaker or name;
an unnamed group ("officials", "critics"); a title before a name; an
organisation; a person's name. The kind of source comes from the alias
table, else from the first source rule that fits the phrase and its
appositive (state media, wire, document, anonymous, expert, other media,
official), else ``individual`` for a named person.

**A source's type is who speaks, not the channel.** A post embedded from a
social network keeps the type of its author when the alias table knows the
author (KCNA's posts are ``state_media``); the channel then goes in ``via``
("Twitter" when the post is a tweet, else "social media") unless the
sentence names another go-between. A post whose author the alias table does
not know is ``social_media``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from functools import lru_cache

from ._aliases import Entry, fold
from ._attribution import Attribution
from ._lexicon import alternation, pattern, words
from ._names import has_org_word, name_pattern, organisation, organisation_at, person_words, titled_person

__all__ = ["SpeakerRules", "source_rules"]

_APPOSITIVE = re.compile(r",\s*([^,.;:]{3,80})")
_ROLE_THEN_NAME = re.compile(r"\b([a-z]+)\s+[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’.\-]+){1,2}$")  # "... spokesperson Al Doe"
_ROLE_AFTER = re.compile(r"\s+([a-z]+)\s+[A-Z]")
_HEAD_PART = re.compile(r"([^,;:(—–\"“”]*?)[\s,]*$")
_OWNER = re.compile(r"^(?:the )?(.+?)['’]s\s+(\w+)", re.I)
_VIA_PATTERNS = (re.compile(r",\s*([\w'’ .\-]{2,40}?)\s+reported\b"),
                 re.compile(r"\baccording(?:\s+to)?\s+([^,.;:!?\n]{2,60})"))


@lru_cache(maxsize=1)
def source_rules() -> tuple[tuple[re.Pattern, str], ...]:
    """The first rule that fits a speaker phrase (with its appositive) decides its kind of source."""
    anonymous = re.compile(rf"^(?:(?:{alternation('anonymous_determiners')}) )*(?:[a-z\- ]*\s)?"
                           rf"(?:{alternation('anonymous_nouns')})\b", re.I)
    return ((pattern("state_media_names"), "state_media"), (pattern("wire_names", case=True), "wire"),
            (pattern("document_words"), "document"), (anonymous, "anonymous"), (pattern("expert_words"), "expert"),
            (pattern("media_words"), "other_media"), (pattern("official_words"), "official"))


@lru_cache(maxsize=1)
def _phrases() -> dict[str, re.Pattern]:
    return {
        "source_of": re.compile(rf"(?:an? |the )?(?:\w+ )?(?:{alternation('source_documents')})s? "
                                r"(?:from|by|of|issued by|released by) (?:the )?(.+)$", re.I),
        "stand_in": re.compile(rf"(the )?(?:{alternation('stand_in_words')})"),
        "titled": re.compile(rf"\b(?:{alternation('titles_before_names')})\s+[A-Z]"),
    }


def anonymous_rule() -> re.Pattern:
    """The pattern of an unnamed group of sources ("senior officials", "critics")."""
    return source_rules()[3][0]


class SpeakerRules:
    """The part of the extractor that names speakers (needs ``text``, ``aliases``, ``forms``, sentences)."""

    def mentions(self) -> list[tuple[int, int, str, str]]:
        """Names in the text outside quotes: (start, end, canonical, entity); fills ``self.full_names``."""
        found = []
        full_names: dict[str, str] = {}
        text = self.text
        for para in self.art.paragraphs:
            if para.label in {"boilerplate", "headline"}:
                continue
            runs = list(name_pattern().finditer(text, para.start, para.end))
            next_organisation: list[str | None] = [None] * (len(runs) + 1)  # the first organisation from run i on
            for i in range(len(runs) - 1, -1, -1):
                next_organisation[i] = organisation_at(text, runs[i], para.end) or next_organisation[i + 1]
            for i, m in enumerate(runs):
                name = m.group()
                entry = self.aliases.find(name)
                if entry is not None:
                    found.append((m.start(), m.end(), entry.canonical, entry.entity))
                    continue
                org = next_organisation[i]
                if org and (text.startswith(org, m.start()) or text.startswith("The " + org, m.start())):
                    found.append((m.start(), m.end(), org, "organisation"))
                    continue
                name_words = name.split()
                role = _ROLE_AFTER.match(text, m.end(), para.end)
                if role and role.group(1) in words("role_words"):  # "Grainway Terminals spokesperson Anton Reeve"
                    found.append((m.start(), m.end(), name, "organisation"))
                    continue
                bare = titled_person(name) if has_org_word(name_words) else person_words(name)
                if not bare:
                    continue
                titled = len(bare) < len(name_words)
                if len(bare) >= 2:
                    canonical = " ".join(bare)
                    full_names.setdefault(bare[-1], canonical)
                    full_names.setdefault(bare[0], canonical)
                    found.append((m.start(), m.end(), full_names[bare[-1]], "person"))
                elif titled or bare[-1] in full_names:
                    found.append((m.start(), m.end(), full_names.get(bare[-1], " ".join(bare)), "person"))
        self.full_names = full_names
        return sorted(found)

    def resolve(self, a: Attribution) -> Attribution:
        """``a`` with its canonical speaker, entity, source type, side and tone."""
        speaker_text = a.speaker_text or ""
        if speaker_text.lower() in {"who", "which"} and a.speaker_start is not None:
            head = self.relative_head(a.speaker_start)  # "Ana Vance, who said": the speaker is Ana Vance
            if head is not None:
                r = self.resolve(replace(a, speaker_text=head))
                return replace(r, speaker_text=speaker_text)
        elif speaker_text.endswith(("'s", "’s")) and len(speaker_text) > 3:
            return self.resolve(replace(a, speaker_text=speaker_text[:-2], speaker_end=a.speaker_end - 2))
        cue_at = a.cue_start if a.cue_start is not None else a.start
        cue = (a.cue or "").lower()
        lemma, tone = self.forms.get(cue) or self.forms.get(" ".join(cue.split()[:2])) or \
            self.forms.get(cue.split()[0] if cue else "", ("", ""))
        if a.cue and a.cue.lower().startswith("according"):
            lemma, tone = self.forms["according to"]
        folded = fold(speaker_text)
        phrases, pronouns = _phrases(), words("pronouns")
        source_of = phrases["source_of"].match(speaker_text)
        named = source_of.group(1) if source_of else speaker_text
        entry = (self.aliases.get(named) or self._alias_not_owner(named)) if named else None
        speaker, entity, source_type, side = speaker_text, "", a.source_type, ""
        if source_of and not source_type:
            source_type = "document"
        if entry is not None and folded not in pronouns:
            speaker, entity, side = entry.canonical, entry.entity, entry.side
            source_type = source_type or entry.source_type
        elif folded in pronouns or phrases["stand_in"].fullmatch(speaker_text.lower()):
            speaker, entity, source_type, side = self.antecedent(speaker_text, cue_at, source_type)
        elif anonymous_rule().match(speaker_text) and not self.person_in(speaker_text):
            first = speaker_text.split()[0]
            at_start = a.speaker_start in self.sentence_start_set
            speaker = first.lower() + speaker_text[len(first):] if at_start and not first.isupper() else speaker_text
            entity = "group"
        elif phrases["titled"].search(named) and self.person_in(named):
            speaker, entity = self.person_in(named), "person"
        elif (role := _ROLE_THEN_NAME.search(named)) and role.group(1) in words("role_words") and self.person_in(named):
            speaker, entity = self.person_in(named), "person"  # "Grainway Terminals spokesperson Anton Reeve"
        elif organisation(named):
            speaker, entity = organisation(named), "organisation"
        else:
            name = self.person_in(named)
            if name:
                speaker, entity = name, "person"
        if a.channel:  # an embedded post: who speaks decides, the channel goes in via
            source_type = entry.source_type if entry is not None else "social_media"
        if not source_type:
            source_type = self.source_type(speaker_text, a, entity)
        if not side and speaker:
            e = self.aliases.get(speaker)
            side = e.side if e else ""
        return replace(a, speaker=speaker or speaker_text, source_type=source_type, tone=tone or "neutral",
                       side=side, entity=entity)

    def relative_head(self, at: int) -> str | None:
        """The noun phrase a relative "who" at ``at`` stands for: the last name before it in its sentence, else the
        phrase right before it ("Republicans who say")."""
        sentence = self.sentence_at(at)
        lo = max(sentence.start if sentence is not None else 0, at - 300)
        i = bisect.bisect_left(self.names, (at,)) - 1
        if i >= 0 and self.names[i][0] >= lo:
            return self.names[i][2]
        part = _HEAD_PART.search(self.text, lo, at)
        head = part.group(1).strip() if part else ""
        return " ".join(head.split()[-1:] if len(head.split()) > 5 else head.split()) or None

    def _alias_not_owner(self, text: str) -> Entry | None:
        """The alias in ``text``, unless it only names an owner: "Pyongyang's delegate" is not Pyongyang.

        A statement's owner is its speaker ("Moon's statement"), and so is an office's.
        """
        entry = self.aliases.find(text)
        m = _OWNER.match(text)
        if entry is None or not m or pattern("document_words").search(m.group(2)) or \
                m.group(2).lower() in {"office", "government", "ministry"}:
            return entry
        return None if self.aliases.find(m.group(1)) == entry else entry

    def person_in(self, speaker_text: str) -> str | None:
        """A person named in a speaker phrase, by full name where the article gave one earlier."""
        for m in reversed(list(name_pattern().finditer(speaker_text))):
            found = titled_person(m.group()) if has_org_word(m.group().split()) else person_words(m.group())
            if not found:
                continue
            surname = found[-1].rstrip("'’s") if found[-1].endswith(("'s", "’s")) else found[-1]
            if surname in self.full_names:
                return self.full_names[surname]
            if len(found) >= 2:
                return " ".join(found)
        return None

    def antecedent(self, speaker_text: str, cue_at: int, given_type: str):
        """Who "he", "they", "the spokesperson" or "the statement" is: the nearest fitting earlier mention."""
        word = fold(speaker_text).split()[-1]
        found = self.antecedents.nearest(word, cue_at)
        if found is None:
            return speaker_text, "", given_type, ""
        _, speaker, entity, source_type, side, _ = found
        known = self.aliases.get(speaker)
        source_type = given_type or source_type or (known.source_type if known else "")
        if word == "statement":
            source_type = "document"
        return speaker, entity, source_type, side or (known.side if known else "")

    def source_type(self, speaker_text: str, a: Attribution, entity: str) -> str:
        """The kind of source, by the first rule that fits the speaker phrase and its appositive."""
        sentence = self.sentence_at(a.cue_start if a.cue_start is not None else a.start)
        if a.speaker_end is not None:
            appositive = _APPOSITIVE.match(self.text, a.speaker_end, a.speaker_end + 90)
            if appositive:
                speaker_text = f"{speaker_text}, {appositive.group(1)}"
        named = self.person_in(speaker_text)
        for rule, kind in source_rules():
            if kind == "anonymous":
                at = a.cue_start if a.cue_start is not None else a.start  # (a bounded look: time stays linear)
                in_context = sentence is not None and self.text.find(
                    "anonymity", max(sentence.start, at - 2000), min(sentence.end, at + 2000)) >= 0
                if in_context or (rule.match(speaker_text) and not named):
                    return kind
            elif rule.search(speaker_text):
                return kind
        return "individual" if entity == "person" or named else "official"

    def via_for(self, a: Attribution) -> str | None:
        """A go-between in the same sentence: "..., Reuters reported" or "according to X" (when X is not the speaker)."""
        sentence = self.sentence_at(a.start)
        if sentence is None:
            return None
        begin = max(a.end, a.cue_end or a.end)
        tail = self.text[begin:min(sentence.end, begin + 2000)]  # (a bounded look: time stays linear)
        for rule in _VIA_PATTERNS:
            m = rule.search(tail)
            if m:
                entry = self.aliases.find(m.group(1))
                name = entry.canonical if entry else m.group(1).strip()
                return None if name == a.speaker else name
        return None
