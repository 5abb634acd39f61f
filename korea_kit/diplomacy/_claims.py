"""Checkable claims across reports: numbers with what they count, dates, titles, lists of places, known wordings.

Every rule is data: what a number counts, number words, hedges, topics and
title words are in ``data/claim_units.csv``; curated verdicts (with their
primary source) are in ``seeds/gold/claim_verdicts.json`` and reach a claim
by its kind, units, value, topic or a pattern in its text, never by offsets.
Claims about the same thing (the same counted noun, or the same kind of
claim, in a sentence about the same topic) form a group; a group whose
articles give different values ``differs``.

>>> import korea_kit as kk
>>> table = claims(kk.load_corpus())
>>> row = table[table["text"].str.contains("some 50")].iloc[0]
>>> row["status"], row["verdict"].split(":")[0]
('differs', 'imprecise rather than false')
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from pathlib import Path
from typing import Any

from .._errors import ArticleError, KitTypeError, need_path, read_json_file
from ._names import data_rows, forms, skeleton, standard_of

__all__ = ["claims", "load_claim_verdicts", "CLAIM_COLUMNS", "STATUSES"]

CLAIM_COLUMNS = ["group", "article_id", "value", "text", "start", "end", "status", "verdict", "source"]
STATUSES = ("agrees", "differs", "single")
_WORDS = r"[A-Za-z’'-]+"


@functools.lru_cache(maxsize=1)
def _rules() -> dict[str, Any]:
    rows = data_rows("claim_units.csv")
    units = {f.casefold(): r["key"] for r in rows if r["kind"] == "unit" for f in r["forms"].split("|")}
    numbers = {f.casefold(): int(r["key"]) for r in rows if r["kind"] == "number" for f in r["forms"].split("|")}
    topics = [(r["key"], [f.casefold() for f in r["forms"].split("|")]) for r in rows if r["kind"] == "topic"]
    words = "|".join(sorted((re.escape(w) for w in numbers), key=len, reverse=True))
    hedges = "|".join(re.escape(h) for h in forms(rows, "hedge"))
    deaths = "|".join(re.escape(d) for d in forms(rows, "deaths"))
    titles = "|".join(sorted((re.escape(t) for t in forms(rows, "title")), key=len, reverse=True))
    openers = "|".join(re.escape(o) for o in forms(rows, "list"))
    name = r"(?:the\s+)?[A-Z][A-Za-z’'-]*(?:\.[A-Za-z]+)*(?:\s+[A-Z][A-Za-z’'-]*(?:\.[A-Za-z]+)*)*"
    return {
        "units": units, "numbers": numbers, "topics": topics,
        "stop": {s.casefold() for s in forms(rows, "stop")},
        "number": re.compile(rf"(?<![\w.,-])(\d{{1,3}}(?:,\d{{3}})+|\d+|(?i:{words}))(?![\w,]\d)"),
        "hedge": re.compile(rf"(?i:\b(?:{hedges}))\s+$"),
        "deaths": re.compile(rf"(?i:\b(?:{deaths}))\s+$"),
        "title": re.compile(rf"\b(?:(?:the|a|an)\s+)?(?:(?:vice|deputy|former)\s+)?(?:{titles})\s+(?:of|for)\s+[^,.;:\n]+",
                            re.IGNORECASE),
        "list": re.compile(rf"\b(?:{openers})\s+({name}(?:,\s+{name})+,?\s+and\s+{name})"),
    }


def _topic(sentence: str) -> str:
    """The first topic of ``claim_units.csv`` with a word (or word start) in the sentence, else ``""``."""
    low = sentence.casefold()
    for key, cues in _rules()["topics"]:
        if any(re.search(rf"\b{re.escape(cue)}", low) for cue in cues):
            return key
    return ""


def _count_claims(text: str, offset: int):
    """Numbers with what they count in one sentence: dicts of kind, units, number, hedged, start, end."""
    rules, found = _rules(), []
    for match in rules["number"].finditer(text):
        token = match.group(1)
        number = int(token.replace(",", "")) if token[0].isdigit() else rules["numbers"][token.casefold()]
        if token.isdigit() and len(token) == 4 and token[:2] in ("19", "20"):
            continue  # a year: a date, not a count
        before = text[: match.start()]
        if re.search(r"[A-Z][a-z]+\s+$", before) and not rules["deaths"].search(before):
            continue  # "Phase 2", "Resolution 2397": a name, not a count
        start, end, units = match.start(), match.end(), []
        hedge = rules["hedge"].search(before)
        death = rules["deaths"].search(before)
        tail = _tail(text, match.end(), allow_capitals=bool(death))
        if death:
            start, units = death.start(), ["deaths"]
            end = tail[1] if tail[0] else end
        else:
            words = tail[0]
            units = sorted({rules["units"][w.casefold()] for w in words if w.casefold() in rules["units"]})
            if not units and words and (number == 1 or words[-1].endswith("s")) and len(words[-1]) > 2:
                units = [words[-1].casefold()]  # an unknown noun still counts: "12 drones"
            if not units:
                continue
            end = tail[1]
        if hedge:
            start = hedge.start()
        found.append({"kind": "count", "units": units, "number": number, "hedged": bool(hedge),
                      "start": offset + start, "end": offset + end})
    return _with_compounds(found, text, offset)


def _tail(text: str, at: int, allow_capitals: bool) -> tuple[list[str], int]:
    """The words after a number that say what it counts, and where the last counted noun ends.

    The phrase stops at a stop word, a number, punctuation or (unless
    ``allow_capitals``) a capitalised word; it ends at its last known unit
    word, else at its last plural word ("50 ships and transport companies").
    """
    rules, words, ends, end = _rules(), [], [], at
    step = re.compile(rf"(?:-|\s+)({_WORDS})")
    while (word := step.match(text, end)) is not None:
        w = word.group(1)
        if w.casefold() in rules["stop"] and w.casefold() != "and":
            break
        if w.casefold() in rules["numbers"] or (w[0].isupper() and not allow_capitals) or len(words) >= 5:
            break
        words.append(w)
        ends.append(word.end())
        end = word.end()
    if allow_capitals:
        return words, end
    keep = [i for i, w in enumerate(words) if w.casefold() in rules["units"]]
    keep = keep or [i for i, w in enumerate(words) if w.endswith("s") and len(w) > 2][:1] or [0]
    last = keep[-1] if words else -1
    return words[: last + 1], ends[last] if words else at


def _with_compounds(found: list[dict], text: str, offset: int) -> list[dict]:
    """Add one claim for counts joined by "and" ("27 entities and 28 vessels"): their total, all their units."""
    out = list(found)
    for first, second in zip(found, found[1:]):
        between = text[first["end"] - offset: second["start"] - offset]
        if between.strip() in ("and", ",", ", and") and "deaths" not in first["units"] + second["units"]:
            out.append({"kind": "count", "units": sorted(set(first["units"] + second["units"])),
                        "number": first["number"] + second["number"], "parts": [first["number"], second["number"]],
                        "hedged": first["hedged"] or second["hedged"], "start": first["start"], "end": second["end"]})
    return out


def _date_claims(text: str, offset: int, published: dt.date | None):
    days = "|".join(calendar.day_name[1:] + calendar.day_name[:1])
    months = "|".join(m for m in calendar.month_name[1:])
    short = "|".join(m for m in calendar.month_abbr[1:])
    out = []
    for m in re.finditer(rf"\b(?:on|last|this)\s+({days})\b", text, re.IGNORECASE):
        value = m.group(1).capitalize()
        if published is not None:
            back = (published.weekday() - list(calendar.day_name).index(value)) % 7
            value = f"{published - dt.timedelta(days=back):%Y-%m-%d} ({value})"
        out.append({"kind": "date", "value": value, "start": offset + m.start(1), "end": offset + m.end(1)})
    for m in re.finditer(rf"\b({months}|{short})\.?\s+(\d{{1,2}})(?:,\s*(\d{{4}}))?\b", text):
        month = _month(m.group(1))
        year = int(m.group(3)) if m.group(3) else (published.year if published else None)
        value = _iso(year, month, int(m.group(2))) or m.group(0)
        out.append({"kind": "date", "value": value, "start": offset + m.start(), "end": offset + m.end()})
    for m in re.finditer(r"\bin\s+((?:19|20)\d\d)\b", text):
        out.append({"kind": "date", "value": m.group(1), "start": offset + m.start(1), "end": offset + m.end(1)})
    return out


def _month(name: str) -> int:
    key = name[:3].capitalize()
    return list(calendar.month_abbr).index(key)


def _iso(year, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat() if year else None
    except ValueError:
        return None


def _published(article) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(article.meta.get("date", ""))[:10])
    except ValueError:
        return None


def _title_claims(text: str, offset: int):
    out = []
    for m in _rules()["title"].finditer(text):
        title = re.sub(r"^(?:the|a|an)\s+", "", m.group(0).strip(), flags=re.IGNORECASE)
        person = re.search(r"([A-Z][A-Za-z’'-]+(?:\s+[A-Z][A-Za-z’'-]+)+),\s*$", text[: m.start()])
        about = skeleton(person.group(1)) if person else title.casefold()
        out.append({"kind": "title", "value": title, "about": about, "who": person.group(1) if person else "",
                    "start": offset + m.start(), "end": offset + m.end()})
    return out


def _list_claims(text: str, offset: int):
    out = []
    for m in _rules()["list"].finditer(text):
        places = [p.strip() for p in re.split(r",\s+and\s+|,\s+|\s+and\s+", m.group(1)) if p.strip()]
        out.append({"kind": "list", "value": ", ".join(places), "places": sorted(places),
                    "start": offset + m.start(), "end": offset + m.end()})
    return out


def _wording_claims(article, verdicts: dict) -> list[dict]:
    out = []
    for wording in verdicts.get("wordings", []):
        for m in re.finditer(wording["pattern"], article.text, re.IGNORECASE):
            out.append({"kind": "wording", "value": m.group(0), "about": wording["id"], "start": m.start(),
                        "end": m.end(), "topic": wording.get("topic", "")})
    return out


def _value_text(claim: dict) -> str:
    if claim["kind"] != "count":
        return str(claim["value"])
    number = f"{claim['number']}" + (f" ({' + '.join(map(str, claim['parts']))})" if claim.get("parts") else "")
    return f"about {number}" if claim["hedged"] else number


def _group_of(claim: dict) -> str:
    topic = f" · {claim['topic']}" if claim["topic"] else ""
    if claim["kind"] == "count":
        return f"count · {' + '.join(claim['units'])}{topic}"
    if claim["kind"] == "title" and claim["who"]:
        return f"title · {standard_of(claim['who'])[0] or claim['who']}"
    if claim["kind"] in ("title", "wording"):
        return f"{claim['kind']} · {claim['about']}"
    return f"{claim['kind']}{topic}"


def _compared(claim: dict):
    """What must be equal for two claims of one group to agree."""
    if claim["kind"] == "count":
        return claim["number"]
    if claim["kind"] == "list":
        return tuple(claim["places"])
    return str(claim["value"]).casefold()


def load_claim_verdicts(path=None) -> dict:
    """The curated claim verdicts (``seeds/gold/claim_verdicts.json``, or an instructor's file of the same form).

    >>> [v["id"] for v in load_claim_verdicts()["verdicts"]][:2]
    ['sanctions-buzzfeed-50', 'sanctions-entities-and-vessels']
    """
    from ..text._corpus import seeds_folder

    if path is None:
        path = seeds_folder() / "gold" / "claim_verdicts.json"
    else:
        path = need_path(path, "path", "load_claim_verdicts", "my_verdicts.json")
    data = read_json_file(path, "load_claim_verdicts", "JSON file of verdicts")
    if not isinstance(data, dict) or not isinstance(data.get("verdicts"), list):
        raise ArticleError(f"load_claim_verdicts: {path} should hold {{\"verdicts\": [...]}}, as "
                           "seeds/gold/claim_verdicts.json does.")
    return data


def _verdict_for(claim: dict, text: str, verdicts: list[dict]) -> tuple[str, str]:
    for entry in verdicts:
        want = entry.get("match", {})
        if "kind" in want and want["kind"] != claim["kind"]:
            continue
        if "units" in want and sorted(want["units"]) != claim.get("units"):
            continue
        if "value" in want and want["value"] != (claim.get("number") if claim["kind"] == "count"
                                                  else str(claim["value"])[:10]):
            continue
        if "hedged" in want and want["hedged"] != claim.get("hedged"):
            continue
        if "topic" in want and want["topic"] != claim["topic"]:
            continue
        if "pattern" in want and not re.search(want["pattern"], text, re.IGNORECASE):
            continue
        return entry.get("verdict", ""), entry.get("source", "")
    return "", ""


def claims(corpus, verdicts=None):
    """Checkable claims in every article, grouped across articles, with a curated verdict where one exists.

    Columns: ``group`` (what the claim is about: ``count · vessel · sanctions``,
    ``date · talks``, ``title · Kim Yong Chol``, ``list · sanctions``),
    ``article_id``, ``value`` (as text: ``28``, ``about 50``, ``55 (27 + 28)``,
    ``2018-02-23 (Friday)``), ``text`` and ``start``/``end`` (the evidence:
    ``text == article.text[start:end]``), ``status`` (``agrees``, ``differs``
    or ``single``: only one article has it), ``verdict`` and ``source``
    (empty where no verdict is kept). ``verdicts`` is the path of a verdict
    file (left out: the seeds' ``seeds/gold/claim_verdicts.json``).

    >>> import korea_kit as kk
    >>> table = claims(kk.load_corpus())
    >>> sorted(set(table[table["group"] == "list · sanctions"]["value"]))
    ['North Korea, China, Singapore', 'North Korea, China, Taiwan']
    """
    from .._display import pandas as _pandas

    pd = _pandas()
    from ..text._inputs import need_articles

    articles = need_articles(corpus, "claims")
    if verdicts is not None and not isinstance(verdicts, (str, Path)):
        raise KitTypeError(f"claims: verdicts should be the name of a verdict file in quotes, such as "
                           f"'my_verdicts.json', or left out, but it is a {type(verdicts).__name__}.")
    curated = load_claim_verdicts(verdicts)
    rows = []
    for article in articles:
        for claim in _article_claims(article, curated):
            text = article.text[claim["start"]: claim["end"]]
            verdict, source = _verdict_for(claim, text, curated["verdicts"])
            rows.append({"group": _group_of(claim), "article_id": article.id, "value": _value_text(claim),
                         "text": text, "start": claim["start"], "end": claim["end"], "verdict": verdict,
                         "source": source, "_key": _compared(claim)})
    table = pd.DataFrame(rows, columns=[*CLAIM_COLUMNS, "_key"])
    statuses = {}
    for group, part in table.groupby("group", sort=False):
        if part["article_id"].nunique() < 2:
            statuses[group] = "single"
        else:
            statuses[group] = "agrees" if len(set(part["_key"])) == 1 else "differs"
    table["status"] = table["group"].map(statuses).fillna("single")
    table = table.drop(columns="_key").sort_values(["group", "article_id", "start"], kind="stable")
    return table.reset_index(drop=True)[CLAIM_COLUMNS]


def _article_claims(article, curated: dict) -> list[dict]:
    skipped = [(s.start, s.end) for s in article.boilerplate]
    published = _published(article)
    found = []
    for sentence in article.sentences:
        if any(a <= sentence.start and sentence.end <= b for a, b in skipped):
            continue
        text, offset, topic = sentence.text, sentence.start, _topic(sentence.text)
        for claim in (*_count_claims(text, offset), *_date_claims(text, offset, published),
                      *_title_claims(text, offset), *_list_claims(text, offset)):
            claim["topic"] = topic
            found.append(claim)
    found += _wording_claims(article, curated)
    return sorted(found, key=lambda c: (c["start"], c["end"]))
