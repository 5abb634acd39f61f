"""Who speaks in a report, how they are quoted, and where the claims come from.

:func:`quotes` finds every attribution in an article (PARC's SOURCE + CUE +
CONTENT): direct quotes, partial quotes and indirect speech, the cue that
introduces each, and who speaks, normalised through an alias table kept as
data (``korea_kit/data/aliases.csv``). It works with rules and data only,
offline, on any article.

>>> import korea_kit as kk
>>> from korea_kit.sourcing import quotes
>>> art = kk.Article.from_text(
...     'Talks on\\n\\n"We are ready to talk," said Gen. Kim Yong-chol. Critics argue that the offer is hollow.')
>>> quotes(art)[["speaker", "kind", "cue", "source_type", "text"]].values.tolist()
[['Kim Yong Chol', 'direct', 'said', 'official', 'We are ready to talk,'], ['critics', 'indirect', 'argue', 'anonymous', 'the offer is hollow']]
"""

from __future__ import annotations

import bisect
import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..text import Article
from .._errors import ArticleError

__all__ = ["quotes", "attributions", "Attribution", "AliasTable", "load_aliases", "COLUMNS", "SOURCE_TYPES", "KINDS"]

COLUMNS = ["speaker", "speaker_text", "text", "start", "end", "kind", "cue", "source_type"]
"""The fixed columns of :func:`quotes` (more follow them: tone, via, side, offsets of speaker and cue)."""
EXTRA_COLUMNS = ["tone", "via", "side", "speaker_start", "speaker_end", "cue_start", "cue_end"]
KINDS = ("direct", "partial", "indirect")
SOURCE_TYPES = ("official", "state_media", "wire", "other_media", "anonymous", "expert", "social_media", "document",
                "individual")
"""Kinds of source. ``individual`` is a named private person (a student, a witness)."""

_OPEN_DOUBLE = "“«"
_CLOSE_DOUBLE = "”»"
_PRONOUNS = {"he", "she", "they", "it", "him", "her", "his", "we", "i"}
_RELATIVE = ("who ", "which ", "whose ", "where ", "when ")
_TRAILING_AUX = {"has", "have", "had", "also", "will", "would", "may", "might", "could", "can", "should", "must", "then",
                 "later", "earlier", "previously", "again", "repeatedly", "reportedly", "once", "still", "too", "not",
                 "never", "often", "quickly", "publicly", "privately", "already", "just", "is", "was",
                 "are", "were", "been", "be", "did", "does", "do"}
_LEADING_JUNK = {"and", "but", "yet", "so", "also", "while", "then", "still", "meanwhile", "however"}
_NP_WORDS = {"the", "a", "an", "his", "her", "its", "their", "our", "one", "two", "some", "several", "many", "other",
             "president", "minister", "spokesman", "spokeswoman", "spokesperson", "official", "officials", "delegation",
             "delegate", "statement", "office", "agency", "government", "ministry", "secretary", "general", "leader",
             "critics", "analyst", "analysts", "diplomat", "diplomats", "sources", "source", "state", "news", "former",
             "foreign", "senior", "top", "opposition", "press", "deputy", "vice", "chief", "head", "department", "of",
             "for", "professor", "expert", "experts", "students", "student", "residents", "police", "army", "military",
             "commander", "envoy", "ambassador", "chairman", "chair", "director", "researcher", "historian",
             "economist", "engineer", "organizers", "organisers", "report", "post", "letter", "representative"}
_ORG_WORDS = {"ministry", "department", "house", "agency", "office", "party", "committee", "council", "news", "times",
              "post", "government", "university", "association", "bank", "union", "institute", "programme", "program",
              "service", "command", "forces", "army", "navy", "embassy", "treasury", "parliament", "assembly",
              "olympics", "games", "peninsula", "river", "islands", "society", "review", "ledger", "network", "group",
              "college", "school", "foundation", "centre", "center", "court", "company", "corporation", "agreement",
              "declaration", "summit", "station", "capital", "dam", "province", "city", "north", "south", "east", "west",
              "korea", "korean", "states", "nations", "republic", "kingdom"}
_TITLES = r"(?:Mr|Mrs|Ms|Dr|Gen|General|President|Prof|Professor|Minister|Secretary|Sen|Senator|Rep|Ambassador|Col|Lt|Capt|Adm|Sgt|Vice President|Deputy)"
_NAME = re.compile(rf"(?:{_TITLES}\.?\s+)?[A-Z][\w'’\-]+(?:\s+(?:[A-Z][\w'’\-]+)){{0,5}}")
_ROLE_WORDS = {"minister", "foreign", "prime", "deputy", "secretary", "spokesman", "spokeswoman", "spokesperson", "general",
               "gen", "president", "vice", "ambassador", "chairman", "chair", "director", "professor", "prof", "dr", "mr",
               "mrs", "ms", "senator", "sen", "governor", "mayor", "commander", "colonel", "col", "captain", "capt", "lt",
               "admiral", "adm", "sergeant", "sgt", "chief", "head", "defence", "defense", "interior", "finance",
               "agriculture", "trade", "opposition", "leader", "envoy", "the", "a", "an", "treasury", "state", "senior"}
_DOCUMENT = re.compile(r"\b(statement|report|document|letter|communiqu[eé]|declaration|memo|release|announcement|message|post|tweet|website|study|survey)\b", re.I)
_ANONYMOUS = re.compile(r"^(?:the |some |many |several |other |two |three |a few |a |an |one |senior |unnamed |US |U\.S\. )*"
                        r"(?:[a-z\- ]*\s)?(critics|officials|official|sources|source|diplomats|diplomat|observers|analysts|"
                        r"experts|people|residents|others|insiders|aides|organizers|organisers|students|activists|witnesses|"
                        r"commentators|lawmakers|members)\b", re.I)
_EXPERT = re.compile(r"\b(analyst|professor|prof\.?|dr\.?|researcher|scholar|expert|historian|economist|fellow|lecturer|engineer|scientist)\b", re.I)
_OFFICIAL = re.compile(r"\b(president|minister|secretary|spokes(?:man|woman|person)|ambassador|gen\.?|general|government|ministry|"
                       r"department|office|embassy|military|army|official|mayor|governor|senator|lawmaker|delegate|delegation|"
                       r"leader|chairman|commander|envoy|police|treasury|opposition|parliament|state|administration|regime|"
                       r"sergeant|colonel|admiral|officer|authorities)\b", re.I)
_MEDIA = re.compile(r"\b(CNN|BBC|times|post|newspaper|magazine|broadcaster|channel|TV|radio|journal|outlet)\b", re.I)
_WIRES = re.compile(r"\b(Reuters|AP|Associated Press|AFP|Agence France-Presse|Yonhap|Kyodo|Xinhua|Bloomberg|[A-Z][a-z]+wire)\b")
_STATE_MEDIA = re.compile(r"\b(KCNA|Rodong Sinmun|Korean Central News Agency|state (?:news agency|media|television|TV))\b", re.I)
#: The first rule that fits a speaker phrase (with its appositive) decides its kind of source.
_SOURCE_RULES = ((_STATE_MEDIA, "state_media"), (_WIRES, "wire"), (_DOCUMENT, "document"), (_ANONYMOUS, "anonymous"),
                 (_EXPERT, "expert"), (_MEDIA, "other_media"), (_OFFICIAL, "official"))


# ---------------------------------------------------------------- data tables
@dataclass(frozen=True)
class Entry:
    canonical: str
    entity: str
    source_type: str
    side: str


class AliasTable:
    """Names as written -> one canonical name (with kind of entity, source type and side).

    >>> table = load_aliases()
    >>> table.find("said Gen Kim, who led the delegation").canonical
    'Kim Yong Chol'
    >>> table.find("a man nobody knows") is None
    True
    """

    def __init__(self, rows: Iterable[tuple[str, str, Entry]] = ()):
        self._entries: dict[str, Entry] = {}
        for alias, entry in rows:
            key = _fold(alias)
            if key:
                self._entries[key] = entry
        self._ordered = sorted(self._entries, key=len, reverse=True)
        self._patterns = {k: re.compile(rf"(?<![\w'’]){re.escape(k)}(?![\w])") for k in self._ordered}

    def __len__(self) -> int:
        return len(self._entries)

    def merged(self, other: "AliasTable") -> "AliasTable":
        rows = [(k, e) for k, e in self._entries.items()] + [(k, e) for k, e in other._entries.items()]
        return AliasTable(rows)

    def find(self, text: str) -> Entry | None:
        """The entry of the longest alias that occurs in ``text`` (as whole words), or ``None``."""
        folded = _fold(text)
        for key in self._ordered:
            if len(key) <= len(folded) and self._patterns[key].search(folded):
                return self._entries[key]
        return None

    def get(self, name: str) -> Entry | None:
        return self._entries.get(_fold(name))


_NOT_NAMES = {"on", "in", "at", "after", "before", "during", "the", "a", "an", "this", "that", "also", "yet", "but", "and",
              "just", "when", "while", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
              "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
              "november", "december", "mr", "ms", "mrs", "dr"}


def _person_name(run: str) -> list[str]:
    """The name words of a capitalised run: titles, roles and adjectives of nationality dropped, at most three kept."""
    words = [w.rstrip(",") for w in run.split()]
    while words and (words[0].lower().rstrip(".") in _NOT_NAMES - {"mr", "ms", "mrs", "dr"} or re.search(r"-[a-z]", words[0])):
        words = words[1:]
    if len(words) == 3 and re.fullmatch(r"[A-Z][a-z]+(?:er|or|ist|ant|ent|man|woman)", words[0]):
        words = words[1:]  # "Commuter Anja Roth", "Pensioner Doris Mabey"
    if any(w.lower() in _NOT_NAMES - {"mr", "ms", "mrs", "dr", "may"} for w in words[1:]):
        return []

    def is_role(word: str) -> bool:
        return word.lower().rstrip(".") in _ROLE_WORDS

    while words and (is_role(words[0]) or (len(words) > 1 and re.fullmatch(r"[A-Z][a-z]+(?:an|ese|ish|i)", words[0])
                                           and is_role(words[1]))):
        words = words[1:]
    return words[-3:] if len(words) > 3 else words


def _person_name_in(text: str) -> bool:
    """Does this phrase name a person (two or more name words, no organisation word)?"""
    for m in _NAME.finditer(text):
        words = m.group().split()
        if len(_person_name(m.group())) >= 2 and not any(w.lower().strip("'’s") in _ORG_WORDS for w in words):
            return True
    return False


def _fold(text: str) -> str:
    text = text.replace("’", "'").casefold()
    text = re.sub(r"'s\b", "", text)
    return " ".join(re.sub(r"^(the|a|an)\s+", "", text.strip()).split())


def _read_aliases(text: str, name: str) -> AliasTable:
    rows = []
    reader = csv.DictReader(io.StringIO(text))
    missing = {"canonical", "alias"} - set(reader.fieldnames or [])
    if missing:
        raise ArticleError(f"{name} needs the columns canonical and alias (also entity, source_type, side).")
    for line_no, row in enumerate(reader, start=2):
        canonical = (row.get("canonical") or "").strip()
        if not canonical:
            raise ArticleError(f"{name}, line {line_no}: the canonical name is empty.")
        source_type = (row.get("source_type") or "").strip() or "official"
        if source_type not in SOURCE_TYPES:
            raise ArticleError(f"{name}, line {line_no}: source_type must be one of {', '.join(SOURCE_TYPES)}, not {source_type!r}.")
        entry = Entry(canonical, (row.get("entity") or "person").strip(), source_type, (row.get("side") or "").strip())
        for alias in [canonical, *(row.get("alias") or "").split("|")]:
            if alias.strip():
                rows.append((alias.strip(), entry))
    return AliasTable(rows)


@lru_cache(maxsize=1)
def _bundled_aliases() -> AliasTable:
    text = resources.files("korea_kit").joinpath("data/aliases.csv").read_text("utf-8")
    return _read_aliases(text, "korea_kit/data/aliases.csv")


def load_aliases(path: str | Path | None = None) -> AliasTable:
    """The bundled alias table, plus the rows of ``path`` (an instructor's ``aliases.csv``) if given.

    Columns: ``canonical``, ``alias`` (several separated by ``|``), ``entity``
    (person, organisation, group, country), ``source_type`` and ``side``.
    """
    table = _bundled_aliases()
    if path is None:
        return table
    path = Path(path)
    try:
        text = path.read_text("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ArticleError(f"{path} could not be read as a UTF-8 CSV file ({exc.__class__.__name__}).") from None
    return table.merged(_read_aliases(text, str(path)))


@lru_cache(maxsize=1)
def _verbs() -> tuple[dict[str, tuple[str, str]], re.Pattern]:
    """form -> (lemma, tone), and one pattern matching any form as whole words."""
    text = resources.files("korea_kit").joinpath("data/reporting_verbs.csv").read_text("utf-8")
    forms: dict[str, tuple[str, str]] = {}
    for row in csv.DictReader(io.StringIO(text)):
        for form in row["forms"].split("|"):
            forms[form.strip().lower()] = (row["lemma"], row["tone"])
    alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return forms, re.compile(rf"(?<![\w\-])(?:{alternatives})(?![\w\-])", re.I)


# ---------------------------------------------------------------- results
@dataclass
class Attribution:
    """One attribution: CONTENT (start, end, kind), its CUE and its SOURCE."""

    start: int
    end: int
    kind: str
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    speaker_text: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker: str = ""
    source_type: str = ""
    tone: str = ""
    via: str | None = None
    side: str = ""
    entity: str = field(default="", repr=False)


# ---------------------------------------------------------------- the extractor
class _Extractor:
    def __init__(self, article: Article, aliases: AliasTable):
        self.art = article
        self.text = article.text
        self.aliases = aliases
        self.forms, self.cue_re = _verbs()
        self.sentences = [s for s in article.sentences if article.spans["paragraph"][s.attrs["paragraph"]].label != "headline"]
        self.sentence_starts = [s.start for s in self.sentences]
        self.sentence_start_set = set(self.sentence_starts)
        self.quoted: list[tuple[int, int]] = []  # (open mark, close mark or content end) of every double quote
        self.found: list[Attribution] = []
        self.mentions = self._mentions()

    # -- helpers ----------------------------------------------------------------
    def sentence_at(self, pos: int):
        i = bisect.bisect_right(self.sentence_starts, pos) - 1
        if i >= 0 and self.sentences[i].start <= pos < self.sentences[i].end + 1:
            return self.sentences[i]
        return None

    def cues(self, start: int, end: int):
        """Reporting-verb matches in text[start:end]; a capitalised one only at the start of a sentence ("State Department")."""
        for m in self.cue_re.finditer(self.text, start, end):
            if m.group()[0].isupper() and m.start() not in self.sentence_start_set and \
                    self._previous_char(m.start()) not in {"", ".", "!", "?", "“", '"'}:
                continue
            yield m

    def _previous_char(self, pos: int) -> str:
        """The last non-space character before ``pos`` ("" at the start), without copying the text."""
        while pos > 0 and self.text[pos - 1].isspace():
            pos -= 1
        return self.text[pos - 1] if pos > 0 else ""

    def inside_quote(self, pos: int) -> bool:
        return any(a < pos < b for a, b in self.quoted)

    def _mentions(self) -> list[tuple[int, int, str, str]]:
        """Names in the text outside quotes: (start, end, canonical, entity)."""
        found = []
        full_names: dict[str, str] = {}
        for para in self.art.paragraphs:
            if para.label in {"boilerplate", "headline"}:
                continue
            for m in _NAME.finditer(self.text, para.start, para.end):
                name = m.group()
                entry = self.aliases.find(name)
                if entry is not None:
                    found.append((m.start(), m.end(), entry.canonical, entry.entity))
                    continue
                organisation = self._organisation(self.text[m.start():para.end])
                if organisation and self.text.startswith(organisation, m.start()) or \
                        organisation and self.text[m.start():].startswith("The " + organisation):
                    found.append((m.start(), m.end(), organisation, "organisation"))
                    continue
                words = name.split()
                bare = _person_name(name)
                if not bare or any(w.lower().strip("'’s") in _ORG_WORDS for w in words):
                    continue
                titled = len(bare) < len(words)
                if len(bare) >= 2:
                    canonical = " ".join(bare)
                    full_names.setdefault(bare[-1], canonical)
                    full_names.setdefault(bare[0], canonical)
                    found.append((m.start(), m.end(), full_names[bare[-1]], "person"))
                elif titled or bare[-1] in full_names:
                    found.append((m.start(), m.end(), full_names.get(bare[-1], " ".join(bare)), "person"))
        self.full_names = full_names
        return sorted(found)

    # -- quotes -----------------------------------------------------------------------
    def quote_segments(self, start: int, end: int) -> list[tuple[int, int | None]]:
        """(opening mark, closing mark or None if the quote runs on) for the quotations in text[start:end].

        Double quotation marks as a rule; a paragraph with none is read in the
        British single-quote style ('Like this,' he said), where an apostrophe
        inside a word (it's, Korea's) never closes a quotation.
        """
        if not any(c in self.text[start:end] for c in '"“”'):
            return self.single_quote_segments(start, end)
        segments, opened = [], None
        for i in range(start, end):
            c = self.text[i]
            if c in _OPEN_DOUBLE and opened is None:
                opened = i
            elif c in _CLOSE_DOUBLE and opened is not None:
                segments.append((opened, i))
                opened = None
            elif c == '"':
                if opened is None and (i == start or not self.text[i - 1].isalnum()):
                    opened = i
                elif opened is not None:
                    segments.append((opened, i))
                    opened = None
        if opened is not None:
            segments.append((opened, None))
        return segments

    def single_quote_segments(self, start: int, end: int) -> list[tuple[int, int | None]]:
        text, segments, opened = self.text, [], None
        for i in range(start, end):
            c = text[i]
            before = text[i - 1] if i > start else " "
            after = text[i + 1] if i + 1 < end else " "
            if c not in "‘’'":
                continue
            if opened is None:
                if (c == "‘" or c == "'") and (before.isspace() or before in "([—–-:") and not after.isspace():
                    opened = i
            elif c in "’'" and not before.isspace() and not after.isalnum():
                segments.append((opened, i))
                opened = None
        if opened is not None and len(text[opened:end].split()) > 2:
            segments.append((opened, None))
        return segments

    def run(self) -> list[Attribution]:
        pending = None  # an attribution whose quote follows in the next paragraph ("The minister added:")
        previous: Attribution | None = None
        previous_para_open = False
        for n, para in enumerate(self.art.paragraphs):
            if para.label == "boilerplate":
                if para.attrs.get("kind") == "social_post":
                    self.social_post(para)
                previous_para_open = False
                continue
            if para.label not in {"body", "standfirst"}:
                continue
            segments = self.quote_segments(para.start, para.end)
            for open_mark, close_mark in segments:
                self.quoted.append((open_mark, close_mark if close_mark is not None else para.end))
            carried = previous if (pending is None and previous_para_open) else pending
            pending, previous_para_open = None, bool(segments) and segments[-1][1] is None
            last_here: Attribution | None = None
            for open_mark, close_mark in segments:
                found = self.quote(open_mark, close_mark, para, last_here or carried)
                if found is not None:
                    self.found.append(found)
                    last_here = found
                    previous = found
                    self.inner_quotes(found)
                    self.inner_indirect(found)
            if not segments and self.text[para.end - 1] == ":":
                pending = self.colon_lead(para)
            self.indirect(para)
        return self.finish()

    def quote(self, open_mark: int, close_mark: int | None, para, carried: Attribution | None) -> Attribution | None:
        text = self.text
        c_start, c_end = open_mark + 1, close_mark if close_mark is not None else para.end
        while c_start < c_end and text[c_start].isspace():
            c_start += 1
        if c_start >= c_end:
            return None
        lead_word = re.search(r"(?:^|\s)(the|a|an|so-called|dubbed|termed|nicknamed|slogan|motto|known(?:\s+\S+){0,5}\s+as)\s*$",
                              text[max(para.start, open_mark - 14):open_mark], re.I)
        content = text[c_start:c_end].rstrip(" ,.")
        title_case = 0 < len(content.split()) <= 5 and all(w[:1].isupper() for w in content.split() if w.isalpha()) \
            and text[c_end - 1:c_end] not in {",", "?", "!", "."}
        next_word = re.match(r"\s*([a-z]\w*)", text[close_mark + 1:close_mark + 30]) if close_mark is not None else None
        noun_follows = next_word is not None and not self.cue_re.fullmatch(next_word.group(1)) and \
            next_word.group(1) not in _PRONOUNS | {"the", "a", "an", "and", "or", "to", "of", "in", "on", "at", "for"}
        if lead_word or (title_case and noun_follows):
            return None  # a title, a name or a scare quote: "the "Peace Games"", "the "Rivers Not Walls" slogan"
        sentence = self.sentence_at(c_start)
        s_start = sentence.start if sentence else para.start
        s_end = sentence.end if sentence else para.end
        before = text[s_start:open_mark]
        after_at = (close_mark + 1) if close_mark is not None else c_end
        closing_sentence = self.sentence_at(close_mark) if close_mark is not None else None
        if closing_sentence is not None:
            s_end = max(s_end, closing_sentence.end)
        after = text[after_at:max(s_end, after_at)]
        starts_sentence = not before.strip(" \t\n\u00a0—–-")
        found = None
        if starts_sentence:
            found = self.after_pattern(after_at, after)
        if found is None:
            found = self.before_pattern(s_start, open_mark)
        if found is None and not starts_sentence:
            found = self.after_pattern(after_at, after)
        if found is None and starts_sentence and carried is not None:
            found = replace(carried)
        if found is None:
            return None
        words = len(text[c_start:c_end].split())
        to_end = not text[after_at:s_end].strip(" .,;:!?”\"'’)\n") or self.after_pattern(after_at, after) is not None
        lead = before.rstrip()
        after_cue = bool(re.search(r"(" + self.cue_re.pattern + r")(\s+(that|how|on \w+))?[:,]?$", lead, re.I))
        direct = starts_sentence or lead.endswith(":") or (to_end and (text[c_start].isupper() or after_cue) and words >= 3)
        found = replace(found, start=c_start, end=c_end, kind="direct" if direct else "partial")
        return found

    def after_pattern(self, at: int, after: str) -> Attribution | None:
        """``"...," said X`` / ``"...," X said`` / ``"...," according to X``."""
        stripped = after.lstrip(" ,\u00a0—–-")
        offset = at + (len(after) - len(stripped))
        if not stripped or stripped[0] in ".!?":
            return None
        m = self.cue_re.match(stripped)
        if m:  # cue first: said Kim Eui-kyeom, a spokesperson ...
            rest = stripped[m.end():]
            name = re.match(r"\s*(?:to\s+)?((?:[A-Z]\.|(?:Gen|Mr|Mrs|Ms|Dr|Lt|Col|Capt|Sgt|Adm|Prof|St)\.|[^,.;:!?\n])+?)"
                            r"(?=\s*(?:[,.;:!?\n]|$|\s(?:in|on|at|during|after|before|told|who|when|as)\s))", rest)
            if not name or len(name.group(1).split()) > 7:
                return None
            sp_start = offset + m.end() + name.start(1)
            return self.make(offset + m.start(), offset + m.end(), sp_start, sp_start + len(name.group(1)))
        for m in self.cue_re.finditer(stripped):
            if m.group()[0].isupper():
                continue
            head = stripped[: m.start()]
            if re.search(r"[.;:!?]", head) or len(head.split()) > 7 or not head.strip():
                return None
            if head.strip().lower() in _LEADING_JUNK or head.strip().lower().startswith(("and ", "but ")):
                return None
            end = offset + len(head.rstrip())
            return self.make(offset + m.start(), offset + m.end(), offset, end)
        return None

    def before_pattern(self, s_start: int, open_mark: int) -> Attribution | None:
        """``X said: "..."`` / ``X said "..."`` / ``X said the talks were "..."`` (last cue before the quote)."""
        cues = [m for m in self.cues(s_start, open_mark) if not self.inside_quote(m.start())]
        for m in reversed(cues):
            found = self.subject_of(m.start(), m.end(), s_start)
            if found is not None:
                return found
        return None

    def colon_lead(self, para) -> Attribution | None:
        cues = list(self.cues(para.start, para.end))
        return self.subject_of(cues[-1].start(), cues[-1].end(), para.start) if cues else None

    def subject_of(self, cue_start: int, cue_end: int, lo: int) -> Attribution | None:
        """The speaker noun phrase before a cue, within its clause."""
        cue = self.text[cue_start:cue_end].lower()
        if cue.startswith("according"):
            return self.according(cue_start, cue_end)
        last_close = max((a.end for a in self.found if a.kind != "indirect" and lo <= a.end < cue_start), default=None)
        if last_close is not None:
            lo = last_close + 1
        segment = self.text[lo:cue_start]
        parts = [(m.start(), m.group()) for m in re.finditer(r"[^,;:(—–]+", segment)]
        for k in range(len(parts) - 1, -1, -1):
            rel, part = parts[k]
            stripped = part.strip()
            first = stripped.split()[0].lower() if stripped else ""
            if not stripped or stripped.isdigit() or stripped.lower().startswith(_RELATIVE) \
                    or (first.endswith("ing") and first not in {"king"}) \
                    or first in {"in", "on", "at", "after", "before", "during", "speaking", "writing", "from", "with", "seen",
                                 "obtained", "published", "released", "quoted", "cited", "issued", "posted", "known"}:
                continue
            if not _person_name_in(stripped):  # "Ilse Marrow, speaking from Sarn, the Calderan capital, said": the person
                earlier = [(r, q) for r, q in parts[max(0, k - 3):k] if _person_name_in(q.strip()) and
                           q.strip().split()[0].lower() not in {"in", "on", "at", "from"}]
                if earlier and not _ANONYMOUS.match(stripped) and stripped.split()[0].lower() in {"the", "a", "an"}:
                    rel, part = earlier[-1]
                    stripped = part.strip()
            if k > 0 and re.match(r"(?:(?:an?|the) [a-z\-]+\b|president|member|head|chair|chairman|director|spokes\w+|"
                                  r"leader|founder|editor|secretary|one of|part of|co-\w+|professor|lecturer|student|"
                                  r"captain)\b", stripped):
                previous = parts[k - 1][1].strip()
                if re.fullmatch(r"[A-Z][\w'’\-]+(?: [A-Z][\w'’\-]+){1,2}", previous) and \
                        previous.split()[0] not in {"On", "In", "At", "After", "Before", "During", "Also", "Yet", "But"}:
                    rel, part, stripped = parts[k - 1][0], parts[k - 1][1], previous
            begin = lo + rel + (len(part) - len(part.lstrip()))
            phrase = stripped
            for marker in (" that ", " and ", " but ", " while ", " after ", " because ", " as ", " when ", " where ", " if ", " how "):
                cut = phrase.lower().rfind(marker)
                if cut >= 0:
                    begin += cut + len(marker)
                    phrase = phrase[cut + len(marker):]
            inner = [c for c in self.cue_re.finditer(phrase) if c.group()[0].islower()]
            rest = phrase[inner[-1].end():].strip() if inner else ""
            if rest and (rest[0].isupper() or rest.split()[0].lower() in {"the", "a", "an", "his", "her", "its", "their"}):
                # "Moon's statement said North Korea (agreed ...)": the speaker is the last subject
                begin += inner[-1].end()
                phrase = phrase[inner[-1].end():]
            words = phrase.split()
            if len(words) > 1 and words[-1].lower() in {"and", "but", "then"}:
                keep = []
                for w in words[:-1]:
                    if w[0].isupper() or w.lower() in _NP_WORDS or w.lower() in _PRONOUNS or w.lower().endswith(("'s", "’s")):
                        keep.append(w)
                        if w.lower() in _PRONOUNS:
                            break
                    else:
                        break
                words = keep
            while words and words[0].lower() in _LEADING_JUNK:
                begin = self.text.index(words[1], begin) if len(words) > 1 else begin
                words = words[1:]
            while words and words[-1].lower() in _TRAILING_AUX:
                words = words[:-1]
            tail = " ".join(words[-2:]).lower()
            if re.fullmatch(r"(last|this|next) (night|week|month|year|weekend)|on \w+day", tail):
                words = words[:-2]
            elif words and words[-1].lower() in {"yesterday", "today", "tonight"}:
                words = words[:-1]
            if len(words) > 6:
                keep = []
                for w in words:
                    if w[0].isupper() or w.lower() in _NP_WORDS or w.lower().endswith(("'s", "’s")):
                        keep.append(w)
                    else:
                        break
                words = keep
            if not words or len(words) > 8 or (len(words) == 1 and words[0].lower() in _TRAILING_AUX | _LEADING_JUNK):
                return None
            phrase = " ".join(words)
            if phrase.lower() == "it":  # "it is believed", "it said" about an unnamed thing: too vague to attribute
                return None
            sp_start = self.text.index(words[0], begin)
            sp_end = self.text.index(words[-1], sp_start) + len(words[-1])
            return self.make(cue_start, cue_end, sp_start, sp_end)
        return None

    def according(self, cue_start: int, cue_end: int) -> Attribution | None:
        m = re.match(r"\s*(?:to\s+)?([^,.;:!?\n]+)", self.text[cue_end:])
        if not m:
            return None
        name = m.group(1).strip()
        if not name or len(name.split()) > 8:
            return None
        sp_start = cue_end + m.start(1)
        return self.make(cue_start, cue_end, sp_start, sp_start + len(name))

    def make(self, cue_start, cue_end, sp_start, sp_end) -> Attribution | None:
        speaker_text = self.text[sp_start:sp_end].strip()
        words = speaker_text.split()
        while len(words) > 1 and words[-1].lower() in _TRAILING_AUX:
            words = words[:-1]
        speaker_text = " ".join(words)
        sp_start = self.text.find(speaker_text, sp_start) if speaker_text else sp_start
        if not speaker_text or not re.search(r"\w", speaker_text):
            return None
        cue = self.text[cue_start:cue_end]
        if cue.lower() == "read" and not _DOCUMENT.search(speaker_text):
            return None
        obj = re.match(r"\s+((?:reporters|journalists|me|us|the [\w'’ ]+?|[A-Z][\w'’]*(?: [A-Z][\w'’]*)*)(?='s)?(?:'s [A-Z][\w ]+?)?)(?=\s+(?:that|at|on|in|after|before)\b|[,.:;])", self.text[cue_end:cue_end + 60])
        if cue.lower().startswith(("told", "tell")) and obj:
            cue = cue + self.text[cue_end:cue_end + obj.end()]
        return Attribution(0, 0, "", cue, cue_start, cue_start + len(cue), speaker_text, sp_start, sp_start + len(speaker_text))

    def inner_quotes(self, outer: Attribution) -> None:
        """Single-quoted speech inside a direct quote, attributed within it ("As Moon stated, ‘...’")."""
        if outer.kind != "direct":
            return
        content = self.text[outer.start:outer.end]
        for m in re.finditer(r"[‘'](?=\w)(.+?)[’'](?=[\s,.;:!?”\"]|$)", content):
            if len(m.group(1).split()) < 4:
                continue
            inner_open = outer.start + m.start()
            cues = list(self.cues(outer.start, inner_open))
            if not cues:
                continue
            found = self.subject_of(cues[-1].start(), cues[-1].end(), outer.start)
            if found is not None:
                self.found.append(replace(found, start=outer.start + m.start(1), end=outer.start + m.end(1), kind="direct",
                                          via=f"@{len(self.found) - 1}"))

    def inner_indirect(self, outer: Attribution) -> None:
        """Reported speech inside a direct quote ("President Moon pointed out that ..."), reached via the quoted speaker."""
        if outer.kind != "direct":
            return
        text, index = self.text, len(self.found) - 1
        for m in self.cues(outer.start, outer.end):
            that = re.match(r"((?:\s+\w+){0,3}?)\s+that\s+", text[m.end():outer.end])
            as_said = re.search(r"\bAs\s+[^,]{2,40}$", text[outer.start:m.start()])
            participle = m.group().endswith("ing") and re.match(r"\s+[\[\w]", text[m.end():outer.end])
            if that:
                c_start = m.end() + that.end()
            elif as_said and text[m.end():m.end() + 1] == ",":
                c_start = m.end() + 1 + (len(text[m.end() + 1:]) - len(text[m.end() + 1:].lstrip()))
            elif participle:
                c_start = m.end() + 1
            else:
                continue
            sentence = self.sentence_at(c_start)
            c_end = min(outer.end, sentence.end if sentence else outer.end)
            later = re.search(r"\s(?:while|and)\s+(?=" + self.cue_re.pattern + r")", text[c_start:c_end])
            if later:
                c_end = c_start + later.start()
            while c_end > c_start and text[c_end - 1] in " .,;:!?”\"'’":
                c_end -= 1
            if len(text[c_start:c_end].split()) < 3 or text[c_start] in "‘'“\"":
                continue
            if participle and not that:
                speaker = next((a for a in reversed(self.found) if a.start >= outer.start and a.kind == "indirect"), None)
                found = replace(speaker, cue=m.group(), cue_start=m.start(), cue_end=m.end()) if speaker else None
            elif as_said:
                found = self.make(m.start(), m.end(), outer.start + as_said.start() + 3, m.start())
            else:
                found = self.subject_of(m.start(), m.end(), outer.start)
            if found is not None:
                self.found.append(replace(found, start=c_start, end=c_end, kind="indirect", via=f"@{index}"))

    def social_post(self, para) -> None:
        """An embedded post: ``KCNA: "..." https://t.co/...``, or ``text — Name (@handle) date``."""
        text = self.text[para.start:para.end]
        m = re.match(r"([^:“\"\n]{1,60}):\s*[“\"]", text)
        if m:
            c_start = para.start + m.end()
            stop = min([i for i in (text.find("…", m.end()), text.find("”", m.end()), text.find('"', m.end()),
                                    text.find("http", m.end())) if i > 0] or [len(text)])
            c_end = para.start + stop
            while c_end > c_start and self.text[c_end - 1].isspace():
                c_end -= 1
            self.found.append(Attribution(c_start, c_end, "direct", None, None, None, m.group(1).strip(), para.start,
                                          para.start + len(m.group(1).strip()), source_type="social_media"))
            return
        m = re.search(r"\s[—–-]\s*([^(\n]{2,60}?)\s*\(@\w+\)", text)
        if m:
            body = text[: m.start()]
            cut = re.search(r"\s*(pic\.twitter\.com/\S+|https?://\S+)\s*$", body)
            c_end = para.start + (cut.start() if cut else len(body.rstrip()))
            c_start = para.start + (1 if text[0] in "“\"" else 0)
            if text[c_end - para.start - 1] in "”\"":
                c_end -= 1
            self.found.append(Attribution(c_start, c_end, "direct", None, None, None, m.group(1).strip(),
                                          para.start + m.start(1), para.start + m.start(1) + len(m.group(1).strip()),
                                          source_type="social_media"))

    # -- indirect speech ----------------------------------------------------------------
    def indirect(self, para) -> None:
        text = self.text
        for sentence in (s for s in self.sentences if para.start <= s.start < para.end):
            for m in self.cues(sentence.start, sentence.end):
                if self.inside_quote(m.start()):
                    continue
                lemma = self.forms[m.group().lower()][0]
                if lemma == "according to":
                    self.indirect_according(sentence, m)
                    continue
                tail = text[m.end():sentence.end]
                that = re.match(r"((?:\s+\w+){0,4}?)\s+(that|how)\s+", tail)
                if that:
                    c_start = m.end() + that.end()
                elif lemma in {"say"} and re.match(r"\s+[A-Za-z“\"]", tail) and not re.match(r"\s+(in|on|at|to|so|it|this|that|nothing|little|more|so)\b", tail):
                    c_start = m.end() + len(tail) - len(tail.lstrip())
                else:
                    continue
                c_end = sentence.end
                trailing = re.search(r",\s*(?:according\b.*|[\w'’ ]{1,40}\s(?:said|reported|added)\.?)$", text[c_start:c_end])
                if trailing:
                    c_end = c_start + trailing.start()
                while c_end > c_start and text[c_end - 1] in " .;:!?\n":
                    c_end -= 1
                if text[c_start] in "“\"" and any(a == c_start and b >= c_end - 1 for a, b in self.quoted):
                    continue  # the whole clause is a quotation: the quote already covers it
                if len(text[c_start:c_end].split()) < 3:
                    continue
                found = self.subject_of(m.start(), m.end(), sentence.start)
                if found is None:
                    continue
                pieces, begin = [], c_start
                for split in re.finditer(r",?\s+and\s+(?:that|how)\s+", text[c_start:c_end]):
                    if not self.inside_quote(c_start + split.start()):
                        pieces.append((begin, c_start + split.start()))
                        begin = c_start + split.end()
                pieces.append((begin, c_end))
                for a, b in pieces:
                    if text[a] in "“\"" and any(q == a and e >= b - 1 for q, e in self.quoted):
                        continue
                    self.found.append(replace(found, start=a, end=b, kind="indirect"))
            self.indirect_reverse(sentence)

    def indirect_according(self, sentence, m) -> None:
        text = self.text
        found = self.according(m.start(), m.end())
        if found is None:
            return
        if m.start() == sentence.start or text[sentence.start:m.start()].strip() == "":
            rest = text[found.speaker_end:sentence.end]
            lead = re.match(r"\s*,\s*", rest)
            if not lead:
                return
            c_start, c_end = found.speaker_end + lead.end(), sentence.end
        else:
            c_start, c_end = sentence.start, m.start()
        while c_end > c_start and text[c_end - 1] in " ,.;:\n":
            c_end -= 1
        if len(text[c_start:c_end].split()) >= 3:
            self.found.append(replace(found, start=c_start, end=c_end, kind="indirect"))

    def indirect_reverse(self, sentence) -> None:
        """``The talks will resume, officials said.``"""
        text = self.text[sentence.start:sentence.end]
        m = re.search(r",\s+([\w'’ .\-]{2,60}?)\s+(" + self.cue_re.pattern + r")\.$", text, re.I)
        if not m or text[0] in "“\"" or self.inside_quote(sentence.start + m.start()):
            return
        c_end = sentence.start + m.start()
        found = self.make(sentence.start + m.start(2), sentence.start + m.end(2), sentence.start + m.start(1),
                          sentence.start + m.end(1))
        if found is not None and len(self.text[sentence.start:c_end].split()) >= 3:
            self.found.append(replace(found, start=sentence.start, end=c_end, kind="indirect"))

    # -- who is speaking -------------------------------------------------------------
    def finish(self) -> list[Attribution]:
        unique: dict[tuple[int, int], Attribution] = {}
        for a in self.found:
            unique.setdefault((a.start, a.end), a)
        ordered = sorted(unique.values(), key=lambda a: (a.start, -a.end))
        resolved: list[Attribution] = []
        for a in ordered:
            resolved.append(self.resolve(a, resolved))
        index = {id(a): r for a, r in zip(ordered, resolved)}
        for a, r in zip(ordered, resolved):
            if a.via and a.via.startswith("@"):
                outer = self.found[int(a.via[1:])]
                r.via = index.get(id(unique.get((outer.start, outer.end))), r).speaker or None
            elif r.via is None:
                r.via = self.via_for(r)
        return sorted(resolved, key=lambda a: (a.start, -a.end))

    def resolve(self, a: Attribution, earlier: list[Attribution]) -> Attribution:
        speaker_text = a.speaker_text or ""
        cue_at = a.cue_start if a.cue_start is not None else a.start
        cue = (a.cue or "").lower()
        lemma, tone = self.forms.get(cue) or self.forms.get(" ".join(cue.split()[:2])) or \
            self.forms.get(cue.split()[0] if cue else "", ("", ""))
        if a.cue and a.cue.lower().startswith("according"):
            lemma, tone = self.forms["according to"]
        folded = _fold(speaker_text)
        source_of = re.match(r"(?:an? |the )?(?:\w+ )?(?:statement|figures|data|report|study|survey|document|letter|post|"
                             r"analysis|estimates?|records?)s? (?:from|by|of|issued by|released by) (?:the )?(.+)$", speaker_text, re.I)
        named = source_of.group(1) if source_of else speaker_text
        entry = (self.aliases.get(named) or self._alias_not_owner(named)) if named else None
        speaker, entity, source_type, side = speaker_text, "", a.source_type, ""
        if source_of and not source_type:
            source_type = "document"
        if entry is not None and not (folded in _PRONOUNS):
            speaker, entity, side = entry.canonical, entry.entity, entry.side
            source_type = source_type or entry.source_type
        elif folded in _PRONOUNS or re.fullmatch(r"(the )?(spokes(man|woman|person)|minister|general|official|president|"
                                                   r"ministry|statement|government|delegation|agency|professor|analyst|"
                                                   r"sergeant|admiral|commander|envoy|report|source|embassy|council|"
                                                   r"company|firm|union|police|army|department|office|committee|mayor|"
                                                   r"governor|diplomat|campaign|group)", speaker_text.lower()):
            speaker, entity, source_type, side = self.antecedent(speaker_text, cue_at, earlier, source_type)
        elif _ANONYMOUS.match(speaker_text) and not self.person_in(speaker_text):
            first = speaker_text.split()[0]
            at_start = a.speaker_start in self.sentence_start_set
            speaker = first.lower() + speaker_text[len(first):] if at_start and not first.isupper() else speaker_text
            entity = "group"
        elif re.search(r"\b(spokes\w+|minister|president|secretary|professor|director|chairman|leader|envoy|ambassador|"
                       r"general|gen\.?|commander|official|editor|lecturer)\s+[A-Z]", named) and self.person_in(named):
            speaker, entity = self.person_in(named), "person"
        elif self._organisation(named):
            speaker, entity = self._organisation(named), "organisation"
        else:
            name = self.person_in(named)
            if name:
                speaker, entity = name, "person"
        if not source_type:
            source_type = self.source_type(speaker_text, a, entity)
        if not side and speaker:
            e = self.aliases.get(speaker)
            side = e.side if e else ""
        return replace(a, speaker=speaker or speaker_text, source_type=source_type, tone=tone or "neutral",
                       side=side, entity=entity)

    def _alias_not_owner(self, text: str) -> Entry | None:
        """The alias in ``text``, unless it only names an owner: "Pyongyang's delegate" is not Pyongyang.

        A statement's owner is its speaker ("Moon's statement"), and so is an office's.
        """
        entry = self.aliases.find(text)
        m = re.match(r"^(?:the )?(.+?)['’]s\s+(\w+)", text, re.I)
        if entry is None or not m or _DOCUMENT.search(m.group(2)) or m.group(2).lower() in {"office", "government", "ministry"}:
            return entry
        return None if self.aliases.find(m.group(1)) == entry else entry

    @staticmethod
    def _organisation(text: str) -> str | None:
        """An organisation's name (capitalised words with an organisation word), without a leading "the"."""
        for m in _NAME.finditer(text):
            words = m.group().split()
            if any(w.lower().strip("'’s") in _ORG_WORDS - {"north", "south", "east", "west", "korea", "korean"} for w in words):
                name = m.group()
                tail = re.match(r"\s+of\s+(?:the\s+)?([A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)*)", text[m.end():])
                if tail:
                    name += text[m.end():m.end() + tail.end()]
                return re.sub(r"^(The|A|An)\s+", "", name)
        return None

    def person_in(self, speaker_text: str) -> str | None:
        """A person named in a speaker phrase, by full name where the article gave one earlier."""
        names = list(_NAME.finditer(speaker_text))
        for m in reversed(names):
            if any(w.lower().strip("'’s") in _ORG_WORDS for w in m.group().split()):
                continue
            words = _person_name(m.group())
            if not words:
                continue
            surname = words[-1].rstrip("'’s") if words[-1].endswith(("'s", "’s")) else words[-1]
            if surname in self.full_names:
                return self.full_names[surname]
            if len(words) >= 2:
                return " ".join(words)
        return None

    def antecedent(self, speaker_text: str, cue_at: int, earlier: list[Attribution], given_type: str):
        """Who "he", "they", "the spokesperson" or "the statement" is: the nearest fitting earlier mention."""
        word = _fold(speaker_text).split()[-1]
        candidates = []
        for prev in earlier:
            if prev.speaker and (prev.speaker_start or prev.start) < cue_at:
                candidates.append((prev.speaker_start if prev.speaker_start is not None else prev.start, prev.speaker,
                                   prev.entity, prev.source_type, prev.side, prev.speaker_text or ""))
        persons = {"he", "she", "him", "her", "his", "i", "minister", "spokesman", "spokeswoman", "spokesperson", "general",
                   "official", "president", "professor", "analyst", "sergeant", "admiral", "commander", "envoy"}
        wanted = {"person"} if word in persons else {"organisation", "country", "group"} if word in {
            "statement", "ministry", "government", "agency", "delegation", "report", "embassy", "council", "company",
            "firm", "union", "department", "office", "committee", "campaign", "group"} else set()
        for start, end, canonical, entity in self.mentions:
            if end <= cue_at and entity in wanted and not self.inside_quote(start):
                candidates.append((start, canonical, entity, "", "", ""))
        candidates.sort(key=lambda c: c[0])
        if word not in _PRONOUNS:  # prefer an earlier speaker described the same way, then earlier speakers, then names
            described = [c for c in candidates if word in _fold(c[5] or c[1]).split()]
            spoken = [c for c in candidates if c[5]]
            candidates = candidates + spoken + described
        for start, speaker, entity, source_type, side, text in reversed(candidates):
            if word in persons and entity not in {"person", "group", ""} and not (text and word in _fold(text).split()):
                continue
            if word == "statement" and entity == "person":
                continue
            if word in {"ministry", "government", "agency", "delegation"} and entity == "person":
                continue
            known = self.aliases.get(speaker)
            source_type = given_type or source_type or (known.source_type if known else "")
            if word == "statement":
                source_type = "document"
            return speaker, entity, source_type, side or (known.side if known else "")
        return speaker_text, "", given_type, ""

    def source_type(self, speaker_text: str, a: Attribution, entity: str) -> str:
        sentence = self.sentence_at(a.cue_start if a.cue_start is not None else a.start)
        context = self.text[sentence.start:sentence.end] if sentence else ""
        if a.speaker_end is not None:
            appositive = re.match(r",\s*([^,.;:]{3,80})", self.text[a.speaker_end:a.speaker_end + 90])
            if appositive:
                speaker_text = f"{speaker_text}, {appositive.group(1)}"
        named = self.person_in(speaker_text)
        for pattern, kind in _SOURCE_RULES:
            if kind == "anonymous":
                if "anonymity" in context or (pattern.match(speaker_text) and not named):
                    return kind
            elif pattern.search(speaker_text):
                return kind
        return "individual" if entity == "person" or named else "official"

    def via_for(self, a: Attribution) -> str | None:
        """A go-between in the same sentence: "..., Reuters reported" or "according to X" (when X is not the speaker)."""
        sentence = self.sentence_at(a.start)
        if sentence is None:
            return None
        tail = self.text[max(a.end, a.cue_end or a.end):sentence.end]
        for pattern in (r",\s*([\w'’ .\-]{2,40}?)\s+reported\b", r"\baccording(?:\s+to)?\s+([^,.;:!?\n]{2,60})"):
            m = re.search(pattern, tail)
            if m:
                entry = self.aliases.find(m.group(1))
                name = entry.canonical if entry else m.group(1).strip()
                return None if name == a.speaker else name
        return None


# ---------------------------------------------------------------- public functions
def attributions(article: Article, aliases: AliasTable | None = None) -> list[Attribution]:
    """Every attribution in ``article``, in text order (see :func:`quotes` for the table)."""
    if not isinstance(article, Article):
        raise TypeError(f"quotes() needs an Article (for example corpus['001']), not {type(article).__name__}.")
    return _Extractor(article, aliases or load_aliases()).run()


def quotes(article: Article, aliases: AliasTable | None = None):
    """One row per attribution: who speaks, how (direct, partial, indirect), with which cue, and what.

    Columns: ``speaker`` (canonical), ``speaker_text`` (as written),
    ``text`` (the content, without quotation marks), ``start``, ``end``
    (offsets of the content in ``article.text``), ``kind``, ``cue``,
    ``source_type``; then ``tone`` of the cue (neutral, endorsing, doubting,
    loaded), ``via`` (a go-between, such as the agency that reported it),
    ``side``, and the offsets of the speaker and the cue.
    """
    import pandas as pd

    rows = []
    for a in attributions(article, aliases):
        rows.append({"speaker": a.speaker, "speaker_text": a.speaker_text, "text": article.text[a.start:a.end],
                     "start": a.start, "end": a.end, "kind": a.kind, "cue": a.cue, "source_type": a.source_type,
                     "tone": a.tone, "via": a.via, "side": a.side, "speaker_start": a.speaker_start,
                     "speaker_end": a.speaker_end, "cue_start": a.cue_start, "cue_end": a.cue_end})
    return pd.DataFrame(rows, columns=COLUMNS + EXTRA_COLUMNS)
