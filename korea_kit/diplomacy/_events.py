"""Diplomatic events in a report, coded with CAMEO, by rules kept as data (``data/event_cues.csv``).

For each sentence of the report, every cue pattern that matches is a
candidate event (rows higher in the cue file win where two cues overlap).
Its actors come from the alias table (:mod:`._actors`):

Actors are the names of the alias table and adjectives of nationality
("the *South Korean* delegation", ``data/demonyms.csv``), and behind them
the world's states (:mod:`._world`, ``data/countries.csv``: "Tokyo", "the
Kremlin", "Swedish"); an intergovernmental body ("UN sanctions") is never
a source or a target. Events reported earlier in the article settle some
actors (:mod:`._event_context`: "condemned *the launch*", "was also named").

Who is who:

* source: the nearest actor named before the cue that is not the object of
  a preposition ("the denuclearization *of North Korea*" is not a subject);
  a passive "imposed *by Washington*" after the cue wins;
* the speaker of a reported statement (:func:`korea_kit.sourcing.quotes`) is
  the source of a verbal event (roots 01-03, 10-13) whose cue is inside what
  they said, when no actor comes before the cue in it ("'We have warned
  Tarsia', Mr Maris said"); of an appeal or a demand (02, 10) always, since
  the actors inside ("US-North Korea dialogue must be held") are the addressees;
* target: the first actor after the cue from another country, or else the
  nearest one before it; in a sentence that names one country only ("Karelia
  urged both governments to ..."), the most recent actor of another country
  earlier in the paragraph, or else in the paragraph before (a broadcaster
  writes one sentence a paragraph); with none, the event is skipped;
* a joint subject is coded from the first named to the other: "Norland and
  Tarsia pledged", "the two sides agreed" (the first two countries named);
* a meeting (04) is one event whichever side is named first;
* an event needs a source and a target from two different countries: what
  a government does at home is not coded here.

Refinements (:mod:`._event_rules`, words in ``data/event_words.csv``): a
negated or speculative act is not coded ("has not signed", "could impose"),
nor one inside an if-clause; a planned cooperative act is an intent ("will
visit" is 036), a hostile one promised under a condition a threat; a passive
doer follows "by" ("tariffs imposed by X on Y", "was received by X"), the
maker of a noun cue follows "from" or comes just before it ("a Sarvan
demand"); "the ministry of X" and "hundreds of X" are doers; a second verb
shares the first one's subject ("expelled ... and recalled"); a sentence
opening with "It" takes the subject of the sentence before; a target named
as a pair is the first of the pair; an exchange is coded both ways.
Adjectives and capitals no table lists are learned from the article
("Veldish" for Veldia; "KESSMER, Veldia" in a dateline).
People are too ("Sweden's special envoy ... The envoy, Karin Strandberg,":
:mod:`._people`). A list of subjects ("Brazil, Colombia and Peru signed") is
coded from the first to the second; a possessive in apposition ("Beijing,
*Islamabad's* closest ally, urged") is not the subject; an act whose subject
is an intergovernmental body ("UN chief urges") is not coded; a passive summons
is by the office it is made to ("was summoned to the Foreign Office"); an act
inside an accusation or a characterisation ("accused X of *breaking* ...") is
not coded; "welcomed *the declaration*" is aimed at whoever signed it.

The date is the one the cue's clause names ("on Friday", "Feb 23"), resolved
against the article's date (:mod:`._dates`); ``None`` when it names none. A
clause about the past ("in 2010", "last year", "after a string of missile
tests") is background, not an event of the report: it is skipped.

>>> import korea_kit as kk
>>> table = events(kk.load_corpus()["001"])
>>> table.loc[0, ["source_actor", "target_actor", "cameo", "cameo_name"]].tolist()
['PRK', 'USA', '036', 'Express intent to meet or negotiate']
"""

from __future__ import annotations

import csv
import functools
import io
import re
from importlib import resources

from .._errors import ArticleError
from ..text._inputs import need_article
from ._actors import Mention, _country, actor_rows, demonym_rows, find_mentions, need_aliases
from ._cameo import CAMEO_COLUMNS, cameo_info
from ._dates import article_date, clause_bounds, find_date, is_background
from ._event_rules import HEAD_OF, PRONOUN, learned_places, modality, word_pattern
from ._event_context import agentless_source, agreed_text_doer, reaction_target, referent, third_party
from ._people import learned_people
from ._world import igo_codes, world_context

__all__ = ["events", "EVENT_COLUMNS", "cue_rows"]

EVENT_COLUMNS = ["date", "source_actor", "target_actor", "source_name", "target_name", *CAMEO_COLUMNS, "start", "end",
                 "text"]
# the object of a preposition, also past a number or an adjective: "on twelve Tarsian firms"
_OBJECT = re.compile(r"\b(?i:of|on|with|against|to|for|at|in|into|from|between)\s+((?i:the)\s+)?"
                     r"((?!that\b|and\b|but\b|who\b|which\b)[a-z\d]+\s+){0,2}$")
_BY = re.compile(r"^\W{0,3}(\w+\s+){0,3}?by\s+(the\s+|an?\s+)?$", re.IGNORECASE)
# a noun cue whose maker follows "from": "an offer of talks from Veldia"
_FROM = re.compile(r"^\W{0,3}(\w+\s+){0,3}?from\s+(the\s+)?$", re.IGNORECASE)
_NOUN_CUE = re.compile(rf"^{word_pattern('noun_cue')}s?\b", re.IGNORECASE)  # "a protest from Tokyo": its maker
_REDUCED = re.compile(r"^\w+\s+\w+ed$")  # "sanctions imposed (by X)": a noun and its participle
_AUXILIARY = re.compile(r"\b(?:was|were|been|being|be|is|are)\s+(?:\w+\s+)?$", re.IGNORECASE)  # a passive verb
# a verb that shares the subject of the verb before it: "expelled two diplomats, accusing ...", "... and recalled"
_COORDINATED = re.compile(r"(?:,|\band|\bthen)\s+(?:\w+ly\s+|will\s+|would\s+|also\s+|has\s+|have\s+){0,2}$",
                          re.IGNORECASE)
_BETWEEN = re.compile(r"\bbetween\s+(?:\S+\s+){1,3}and\s+$", re.IGNORECASE)  # "between Veldia and *Ostrin*"
_JUST_AFTER = re.compile(r"^\s+(?:(?:the|its|his|her|their|an?|two|three|\d+)\s+){0,2}$", re.IGNORECASE)
_PURPOSE = re.compile(r"^\s+(?:on|this|last|late|early)\s+\w+\s+to\s+$", re.IGNORECASE)  # "phoned X on Thursday to"
_ADJACENT = re.compile(r"^(?:['’]s)?\s+$")  # "a *Sarvan* demand", "*Ostrin's* charge": the maker of a noun cue
_MUTUAL = re.compile(r"\b(?:exchang|swap|trad)\w*", re.IGNORECASE)  # a two-sided act: "exchanged prisoners"
_PASSIVE_REACH = 40  # characters after a cue in which "by X" names the doer
_SUMMONED = re.compile(r"\bsummoned$", re.IGNORECASE)  # "was summoned to the Foreign Office": the summoner
_TO = re.compile(r"^\W{0,3}(\w+\s+){0,3}?to\s+(the\s+)?$", re.IGNORECASE)
_PASSIVE_CUE = re.compile(r"\b(?:was|were|been)\s+(?:\w+\s+)?\w+ed$", re.IGNORECASE)  # a cue that is a passive
_APPOSED = re.compile(r",\s*$")  # "Beijing, *Islamabad's* closest ally, urged": a possessive in apposition
_POSSESSIVE = re.compile(r"^['’]s\s+(?:\w+\s+){0,2}\w+,")
_CONJUNCTION = re.compile(r"^\W*(?:but|and|yet|so)\s+", re.IGNORECASE)  # "But he demanded ...": he
_CURRENCY = re.compile(r"^[$€£]")  # "US$150 million" names a currency, not a state
_CAPS = re.compile(r"^(\W*)([A-Z]{3,})(?=\s+[a-z])")  # "CHINA has imposed": a paper's capitalised first word
_VERBAL = ("01", "02", "03", "10", "11", "12", "13")  # CAMEO roots of things said: the speaker may be the source
_ADDRESSED = ("02", "10")  # appeals and demands: the speaker is the source, the actors named are addressees
_FIRST_PERSON = re.compile(r"\b(we|I|our|us)\b", re.IGNORECASE)
_AND = re.compile(r"^\s*(?:and|&)\s*$", re.IGNORECASE)
_DATELINE = re.compile(r"[A-Z][A-Z .'-]{3,}")  # "TOKYO/SEOUL, March 18 -": a place in a dateline, not a subject
_JOINED = re.compile(r"^\s*(?:,|,?\s*and|&)\s*(?:(?:his|her|its|their)\s+)?$", re.IGNORECASE)  # a joint subject: "Tokyo and Seoul", "Tokyo, Seoul"
_REACTION = ("016", "10", "11", "12", "13", "14")  # a reaction: with no target named, it answers the last act at it
_BOTH = re.compile(r"\b(?:the two|both) (?:sides|countries|leaders|governments|nations|neighbou?rs|states|men)\s+"
                   r"(?:\w+\s+)?$", re.IGNORECASE)
_BOTH_ANYWHERE = re.compile(_BOTH.pattern.removesuffix(r"\s+(?:\w+\s+)?$"), re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def cue_rows() -> tuple[tuple[re.Pattern, str, str], ...]:
    """The cue patterns as ``(compiled pattern, cameo code, note)``, in the file's order."""
    text = resources.files("korea_kit").joinpath("data/event_cues.csv").read_text("utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    rows = []
    for number, row in enumerate(csv.DictReader(io.StringIO("\n".join(lines))), start=2):
        try:
            pattern = re.compile(row["pattern"], re.IGNORECASE)
        except re.error as exc:
            raise ArticleError(f"korea_kit/data/event_cues.csv, row {number}: the pattern is not a valid regular "
                               f"expression ({exc}).") from None
        cameo_info(row["cameo"])  # an unknown code fails here, naming the closest one
        rows.append((pattern, row["cameo"], row.get("note", "")))
    return tuple(rows)


def _is_object(m, text, base, named=()):
    """Whether a mention is the object of a preposition ("sanctions on X"), not "the foreign ministry of X"; with
    ``named`` (the mentions before it), also the last of a list that is: "the leaders of Colombia, Peru and *Guyana*"."""
    first = _chain(m, named, text, base)[0] if named else m
    prefix = text[max(0, first.start - base - 30):first.start - base]
    return bool(_OBJECT.search(prefix) or _BETWEEN.search(prefix)) and not HEAD_OF.search(prefix)


def _chain(m, named, text, base):
    """The list of names ``m`` ends ("Brazil, Colombia and *Guyana*"), in reading order; ``named`` is read before it."""
    chain = [m]
    for other in reversed([n for n in named if n.end <= m.start]):
        if not _JOINED.match(text[other.end - base:chain[0].start - base]):
            break
        chain.insert(0, other)
    return chain


def _subject(mentions, text, base, cues=()):
    """The first actor of a sentence that is not the object of a preposition or of a cue: its likely subject."""
    return next((m for m in mentions if not _is_object(m, text, base) and not _object_of_cue(m, cues, text, base)),
                None)


def _object_of_cue(m, cues, text, base):
    """Whether a mention is the object of another cue: inside it ("expels two *Ostrinian* diplomats") or just after
    it ("phoned *Mr Aaro* on Thursday to ask him")."""
    for a, b in cues:
        if a < m.start and m.end <= b or b <= m.start and _JUST_AFTER.match(text[b - base:m.start - base]):
            return True
    return False


def _source(mentions, cue_start, cue_end, text, base, cue="", cues=()):
    after = [m for m in mentions if m.start >= cue_end and m.start - cue_end <= _PASSIVE_REACH]
    before = [m for m in mentions if m.end <= cue_start]
    clause = clause_bounds(text, cue_start - base, cue_end - base)[0]
    passive = (_AUXILIARY.search(text[max(0, cue_start - base - 20):cue_start - base]) or _NOUN_CUE.match(cue)
               or _REDUCED.match(cue) or _PASSIVE_CUE.search(cue)
               or not any(m.start - base >= clause for m in before))  # "Pyongyang denied the charge by Seoul": active
    noun = _NOUN_CUE.match(cue)
    for m in mentions if noun else ():  # "a warning from Seoul that ...": the maker inside a long cue
        if cue_start < m.start <= cue_start + noun.end() + 15 and _FROM.search(text[cue_start + noun.end() - base:
                                                                                    m.start - base]):
            return m
    for m in after:
        between = text[cue_end - base:m.start - base]
        if passive and _BY.search(between) or (_NOUN_CUE.match(cue) and _FROM.search(between)):
            return m
        if passive and _SUMMONED.search(cue) and _TO.search(between):
            return m  # "The ambassador was summoned to the Foreign Office": the office summoned him
    for m in reversed(before):
        if _appositive(m, before, text, base):
            continue  # "Beijing, Islamabad's closest ally, urged": Beijing urged
        if not _is_object(m, text, base, before):
            between = text[m.end - base:cue_start - base]
            if (_COORDINATED.search(between) or _PURPOSE.match(between)) and _object_of_cue(m, cues, text, base):
                first = _subject(before, text, base, cues)  # "Veldia expelled two Ostrinian diplomats and recalled"
                return first if first is not None else m
            return m
    return None


def _appositive(m, before, text, base):
    """Whether a mention is a possessive in apposition to the one before it ("Beijing, *Islamabad's* closest ally,")."""
    return (m is not before[0] and bool(_APPOSED.search(text[max(0, m.start - base - 3):m.start - base]))
            and bool(_POSSESSIVE.match(text[m.end - base:m.end - base + 60])))


def _first_of_pair(m, named, source, full):
    """The first of a pair named before a cue ("Veldia and Pelland held ..., which Rhune condemned"): a two-sided
    target is coded toward the first named."""
    for other in named:
        if other.end < m.start and other.country not in (m.country, source.country) \
                and _AND.match(full[other.end:m.start]):
            return other
    return m


def _target(mentions, source, cue_start, cue_end, earlier=(), full=""):
    for m in mentions:  # "invited Moon to Pyongyang for talks": a name inside the cue is after its first word
        if m.start > cue_start and m.country != source.country:
            return m
    for m in reversed([m for m in mentions if m.end <= cue_start]):
        if m.country != source.country:
            return _first_of_pair(m, mentions, source, full) if full else m
    for m in reversed(earlier):  # one country in the sentence: the most recent other actor before it
        if m.country != source.country:
            return _first_of_pair(m, earlier, source, full) if full else m
    return None


def _speaker(quotes, start, end):
    """The innermost reported statement around a cue: ``(content start, Mention of the speaker, content end)``."""
    around = [q for q in quotes if q[0] <= start and end <= q[1]]
    if not around:
        return None
    q = min(around, key=lambda q: q[1] - q[0])
    return q[0], q[2], q[1]


def _speaker_source(code, quote, mentions, start, text, base, cue=""):
    if quote is None or code[:2] not in _VERBAL:
        return None
    if _NOUN_CUE.match(cue) and any(m.end <= start and _ADJACENT.match(text[m.end - base:start - base])
                                    for m in mentions):
        return None  # "had not accepted a Sarvan demand": the demand is Sarva's, whoever reports it
    content_start, speaker, _ = quote
    if code[:2] in _ADDRESSED:
        return speaker
    if any(content_start <= m.start and m.end <= start for m in mentions):
        return None
    said = text[max(0, content_start - base):start - base]
    if code[:2] == "03" and not _FIRST_PERSON.search(said):
        return None  # "the regime was willing to talk": a speaker reporting another's intent is not its source
    return speaker


def _said_on(text, base, quote, on):
    """The date the sentence gives outside what was said: "Trump re-emphasized on Friday ... 'Phase 2'"."""
    a, b = max(0, quote[0] - base), min(len(text), quote[2] - base)
    when, _ = find_date(text[:a] + " " * (b - a) + text[b:], on)
    return when


def _pair(mentions, source, cue_start, text, base, earlier=()):
    """A joint subject, coded from the first named to the other: "X and Y pledged", "X, Y protest", "the two sides
    agreed" (the first two states of the sentence, or else the last two named before it)."""
    if _BOTH.search(text[max(0, cue_start - base - 40):cue_start - base]):
        first = mentions[0] if mentions else None
        other = next((m for m in mentions if first and m.country != first.country), None)
        if other is None:
            last: dict[str, Mention] = {}
            for m in reversed(earlier):
                if len(last) < 2 and m.country not in last:
                    last[m.country] = m
            first, other = sorted(last.values()) if len(last) == 2 else (None, None)
        return (first, other) if other else None
    before = [m for m in mentions if m.end <= source.start]
    if _appositive(source, before + [source], text, base):
        return None
    chain = _chain(source, before, text, base)  # "Brazil, Colombia, Peru and Guyana signed": the first to the second
    chain = [m for i, m in enumerate(chain) if all(m.country != c.country for c in chain[:i])]
    return (chain[0], chain[1]) if len(chain) > 1 else None


def _actors_in(text, aliases, rows, base, world):
    """The actors a sentence names that can be a source or a target: a state's, never an IGO's ("UN sanctions")."""
    text = _CAPS.sub(lambda m: m.group(1) + m.group(2).title(), text)  # "CHINA has imposed" is China
    return [m for m in find_mentions(text, aliases, rows, base, demonyms=True, world=world)
            if m.country and m.country not in igo_codes() and not _CURRENCY.match(text[m.end - base:])]


def _igo_between(text, aliases, rows, base, world, source, cue_start):
    """Whether an intergovernmental body is named between a source and its cue: "...; UN chief urges" is the UN's."""
    if source.end >= cue_start or source.start < base:
        return False
    part = text[source.end - base:cue_start - base]
    return any(m.country in igo_codes() for m in find_mentions(part, aliases, rows, 0, demonyms=True, world=world))


def _sentence_events(sentence, aliases, rows, on, earlier=(), quotes=(), previous=None, full="", world=False,
                     history=(), evidence=()):
    """Events of one sentence; ``previous`` is the subject of the sentence before (for "It also summoned ...");
    ``history`` the events found before it, as ``(code, source, target)`` (:mod:`._event_context`)."""
    history, evidence = list(history), list(evidence)  # evidence: (the words of each event found, its source)
    text, base = sentence.text, sentence.start
    mentions = _actors_in(text, aliases, rows, base, world)
    if not mentions and not quotes and not (earlier and _BOTH_ANYWHERE.search(text)):
        return []  # "The two sides signed ...": the two states named just before
    taken: list[tuple[int, int]] = []
    seen: set[tuple] = set()
    found = []
    cues = sorted({(m.start() + base, m.end() + base) for pattern, _c, _n in cue_rows() for m in pattern.finditer(text)
                   if m.end() > m.start()})
    for pattern, base_code, _note in cue_rows():
        for match in pattern.finditer(text):
            start, end = match.start() + base, match.end() + base
            if start == end or any(start < b and a < end for a, b in taken):
                continue
            if any(m.start <= start < m.end or m.start < end <= m.end for m in mentions):
                continue  # a cue inside a name ("the Blue House meeting room") is not an event
            clause = clause_bounds(text, match.start(), match.end())
            code = modality(text, match.start(), clause[0], base_code, match.group())
            if code is None:
                taken.append((start, end))  # "has not signed the ceasefire": the cue is read, and it is no event
                continue
            pair = None
            quote = _speaker(quotes, start, end)
            source = _speaker_source(code, quote, mentions, start, text, base, match.group())
            if source is not None and code[:2] in _ADDRESSED:  # the first actor addressed, in reading order
                others = [m for m in mentions if m.country != source.country]  # in what was said, else any
                target = next((m for m in others if m.start >= quote[0]), None) or (others[0] if others else None)
                target = target or _target([], source, start, end, earlier, full)
            elif source is None:
                source = _source(mentions, start, end, text, base, match.group(), cues)
                if source is None and previous is not None and PRONOUN.match(_CONJUNCTION.sub("", text[clause[0]:match.start()])):
                    source = previous  # "It also summoned Ostrin's envoy": the subject of the sentence before
                if source is None and _BOTH.search(text[max(0, match.start() - 40):match.start()]):
                    both = _pair(mentions, None, start, text, base, earlier)  # "The two sides signed ..."
                    source = both[0] if both else None
                if source is None or _igo_between(text, aliases, rows, base, world, source, start):
                    continue
                pair = _pair(mentions, source, start, text, base, earlier)
                source, target = (third_party(pair, mentions, start, code) or pair) if pair else (source, None)
                if pair is None:
                    source, target = _discourse(source, mentions, match, text, base, code, cues, history)
                target = target or _target([m for m in mentions if m != source], source, start, end, earlier, full)
            else:
                target = _target([m for m in mentions if m != source], source, start, end, earlier, full)
            doer = referent(text[match.end():], code, source, history)  # "condemned the launch": its doer
            doer = doer or agreed_text_doer(text[match.end():], source, evidence)  # "welcomed the declaration"
            target = doer or target
            if target is None and (code in _REACTION or code[:2] in _REACTION):
                target = reaction_target(source, history)  # "Russia would respond appropriately"
            if target is None:
                continue
            taken.append((start, end))
            if is_background(text, clause, on):
                continue  # "after a string of missile tests", "attacks in 2010": history, not news
            dyad = (source.country, target.country)
            key = (code[:2], *(sorted(dyad) if code[:2] == "04" else dyad))  # a meeting: whoever is named first
            where = None if code[:2] == "04" else clause  # a meeting told twice in a sentence is one meeting
            if (*key, where) in seen or (*key, match.group().lower()) in seen:
                continue  # "Phase 2. Phase 2 may be ...": one event per clause, dyad and family, or per cue repeated
            seen.update({(*key, where), (*key, match.group().lower())})
            when, _ = find_date(text[clause[0]:clause[1]], on, future=code != base_code)
            if when is None and quote is not None and code[:2] in _VERBAL:
                when = _said_on(text, base, quote, on)  # a threat or a demand is made when it is said
            found.append((start, end, code, source, target, when))
            history.append((code, source, target))
            evidence.append((match.group(), source))
            if pair and code[:2] == "08" and _MUTUAL.search(match.group()):  # "exchanged prisoners": each side gives
                seen.update({(code[:2], target.country, source.country, clause)})
                found.append((start, end, code, target, source, when))
    return found


def _discourse(source, mentions, match, text, base, code, cues, history):
    """The source and target a cue's neighbourhood and the events before give: the maker of a noun cue after "from"
    acts toward the sentence's subject ("North Korea fired ..., drawing a protest from Tokyo"); a passive with no
    agent is the act of the last doer of its kind toward the one named before it ("A Chinese firm was also named")."""
    start = match.start() + base
    if source.start > start:
        if _NOUN_CUE.match(match.group()) and "from" in text[match.start():source.start - base].lower():
            named = [m for m in mentions if m.end <= start and not _DATELINE.fullmatch(m.name)]
            subject = _subject(named, text, base, cues)
            return source, subject if subject is not None and subject.country != source.country else None
        return source, None
    doer = agentless_source(text[:match.start()], code, source, history, match.group())
    return (doer, source) if doer is not None else (source, None)


def _quotes(article, table, rows):
    """Reported statements with a speaker of known country: ``(content start, content end, speaker Mention)``."""
    from ..sourcing import quotes

    found = []
    for q in quotes(article, table).itertuples():
        entry = table.get(q.speaker) if isinstance(q.speaker, str) else None
        country = _country(entry, rows) if entry else ""
        if country:
            found.append((int(q.start), int(q.end), Mention(int(q.start), int(q.start), q.speaker_text or q.speaker,
                                                            entry.canonical, country)))
    return found


def _paragraph_of(article):
    bounds = [(p.start, p.end) for p in article.paragraphs]

    def which(sentence):
        for i, (a, b) in enumerate(bounds):
            if a <= sentence.start < b:
                return i
        return None
    return which


def events(article, *, aliases=None, actors_table=None):
    """One row per diplomatic event the report mentions, coded with CAMEO.

    Columns (fixed): ``date`` (YYYY-MM-DD or None), ``source_actor`` and
    ``target_actor`` (country codes such as PRK, USA), ``source_name`` and
    ``target_name`` (as written), ``cameo`` (text: "036"), ``cameo_name``,
    ``goldstein``, ``plover``, ``quad_class``, and ``start``, ``end``,
    ``text``: the evidence, inside the sentence that reports the event, with
    ``text == article.text[start:end]``.

    ``aliases`` and ``actors_table`` may name your own CSV files (the columns
    of ``korea_kit/data/aliases.csv`` and ``actors.csv``) for another event.
    The rules are simple: check every row against the text before you trust it.

    >>> import korea_kit as kk
    >>> a = kk.load_corpus()["003"]
    >>> sanctions = events(a).query("cameo == '163'")
    >>> sanctions[["date", "source_actor", "target_actor"]].iloc[0].tolist()
    ['2018-02-23', 'USA', 'PRK']
    >>> events(kk.load_corpus())
    Traceback (most recent call last):
    ...
    korea_kit.KitTypeError: events works on one article, but article is a whole corpus. Pick one article, such as corpus[0], or go through them all: for article in corpus: ...
    """
    from .._display import pandas as _pandas

    pd = _pandas()
    article = need_article(article, "events")
    table = need_aliases(aliases, "events")
    rows = actor_rows(actors_table)
    rows = {**rows, **learned_places(article.text, table, rows, demonym_rows(rows), _country)}  # "Veldish", "Kessmer, Veldia"
    on = article_date(article.meta.get("date"), "events")
    world = world_context(article.text)  # the states the article names plainly: "Georgia" counts only with them
    listed = {name.lower() for name in rows} | set(table._entries)
    rows = {**rows, **learned_people(article.text, find_mentions(article.text, table, rows, demonyms=True, world=world),
                                     listed)}  # "Swedish envoy Karin Strandberg": Ms Strandberg is Sweden's
    out = []
    spoken = _quotes(article, table, rows)
    paragraph = _paragraph_of(article)
    before: list = []  # mentions earlier in the paragraph
    last: list = []  # mentions of the paragraph before
    current = previous = None
    history: list = []  # the events found so far: (code, source, target)
    evidence: list = []  # their words, with their source: (text, source)
    for sentence in article.sentences:
        if paragraph(sentence) != current:
            current, last, before = paragraph(sentence), before or last, []
        earlier = last + before  # read from the end: the paragraph first, then the one before
        quotes = [q for q in spoken if q[0] < sentence.end and sentence.start < q[1]]
        found = _sentence_events(sentence, table, rows, on, earlier, quotes, previous, article.text, world, history,
                                 evidence)
        history += [(code, source, target) for _s, _e, code, source, target, _w in found]
        evidence += [(article.text[s:e], source) for s, e, _c, source, _t, _w in found]
        named = _actors_in(sentence.text, table, rows, sentence.start, world)
        before = before + named
        previous = _subject(named, sentence.text, sentence.start) or previous
        for start, end, code, source, target, when in found:
            info = cameo_info(code)
            out.append({"date": when.isoformat() if when else None, "source_actor": source.country,
                        "target_actor": target.country, "source_name": source.name, "target_name": target.name,
                        "cameo": code, "cameo_name": info["cameo_name"], "goldstein": info["goldstein"],
                        "plover": info["plover"], "quad_class": info["quad_class"], "start": start, "end": end,
                        "text": article.text[start:end]})
    frame = pd.DataFrame(out, columns=EVENT_COLUMNS)
    frame["goldstein"] = frame["goldstein"].astype(float)
    frame["date"] = frame["date"].astype(object).where(frame["date"].notna(), None)
    frame[["start", "end"]] = frame[["start", "end"]].astype(int)
    return frame
