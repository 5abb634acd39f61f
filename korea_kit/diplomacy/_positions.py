"""Stated positions of the main actors (data with evidence), and the position grid's logic.

The curated positions are in ``seeds/gold/positions.json``: actor, issue,
position, a short label, a note and evidence quotes. Offsets are never
stored: they are found at load time by searching each quote in its article.

>>> import korea_kit as kk
>>> table = positions(kk.load_corpus())
>>> row = table[(table["actor"] == "USA") & (table["issue"] == "denuclearisation")].iloc[0]
>>> row["position"]
'conditional'
>>> kk.load_corpus()[row["article_id"]].text[row["start"]:row["end"]] == row["evidence"]
True
"""

from __future__ import annotations


from .._errors import ArticleError, KitLookupError, KitTypeError, shown

__all__ = ["positions", "load_positions", "POSITION_COLUMNS", "POSITION_CHOICES", "ISSUES"]

POSITION_COLUMNS = ["actor", "issue", "position", "label", "note", "evidence", "article_id", "start", "end"]
POSITION_CHOICES = ("for", "against", "conditional", "unclear")
ISSUES = ("talks", "denuclearisation", "sanctions")


def load_positions(path=None) -> list[dict]:
    """The curated position entries (``seeds/gold/positions.json`` or a file of the same form), checked."""
    from .._errors import need_path, read_json_file
    from ..text._corpus import seeds_folder

    path = seeds_folder() / "gold" / "positions.json" if path is None else need_path(path, "path", "positions",
                                                                                     "my_positions.json")
    data = read_json_file(path, "positions", "JSON file of positions")
    entries = data.get("positions") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise ArticleError(f"positions: {path} should hold {{\"positions\": [...]}}, as seeds/gold/positions.json does.")
    for i, entry in enumerate(entries):
        if entry.get("position") not in POSITION_CHOICES or not entry.get("actor") or not entry.get("issue"):
            raise ArticleError(f"positions: entry {i} of {path} needs an actor, an issue and a position from "
                               f"{', '.join(POSITION_CHOICES)}; it has {shown(entry.get('position'))}.")
    return entries


def positions(corpus=None, path=None):
    """The curated positions of the main actors, one row per piece of evidence (or one row if there is none).

    Columns: ``actor`` (a country code), ``issue`` (``talks``,
    ``denuclearisation``, ``sanctions``), ``position`` (``for``,
    ``against``, ``conditional``, ``unclear``), ``label``, ``note``,
    ``evidence`` (the quoted text), ``article_id``, ``start``, ``end``
    (``text == article.text[start:end]``; empty where there is no evidence).
    Evidence from articles not in ``corpus`` is left out (left out: the seeds).
    """
    from .._display import pandas as _pandas

    pd = _pandas()
    from ..text._inputs import need_articles
    from ..text import load_corpus

    articles = need_articles(load_corpus() if corpus is None else corpus, "positions")
    rows = []
    for entry in load_positions(path):
        base = {k: entry.get(k, "") for k in ("actor", "issue", "position", "label", "note")}
        found = []
        for item in entry.get("evidence") or []:
            article = _article(articles, item.get("article_id", ""))
            if article is None:
                continue
            start = article.text.find(item.get("quote") or "\x00")
            if start < 0:
                raise KitLookupError(f"positions: the quote {shown(item.get('quote'))} for {base['actor']} on "
                                     f"{base['issue']} is not in article {article.id}. Copy it exactly from the text.")
            found.append({**base, "evidence": item["quote"], "article_id": article.id, "start": start,
                          "end": start + len(item["quote"])})
        rows += found or [{**base, "evidence": "", "article_id": "", "start": None, "end": None}]
    table = pd.DataFrame(rows, columns=POSITION_COLUMNS)
    return table.astype({"start": "Int64", "end": "Int64"})


def _article(articles, key: str):
    if not isinstance(key, str) or not key:
        raise KitTypeError(f"positions: every evidence item needs an article_id such as '000', not {shown(key)}.")
    for article in articles:
        if article.id == key or article.id.startswith(key + "_"):
            return article
    return None
