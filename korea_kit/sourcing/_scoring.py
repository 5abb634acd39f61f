"""Score an extractor against gold annotations: :func:`evaluate` and :func:`load_gold`.

Three measures, as recommended for attribution extraction (PARC 3.0; BBC R&D's Citron):

* **exact**: a found content span counts only with exactly the gold offsets;
* **overlap**: soft token overlap; each found span scores the share of its
  words that fall in its best gold span (precision), each gold span the
  share of its words found (recall);
* **attribution**: as overlap, but a found span scores only if its speaker
  (normalised) is the gold speaker.

``speaker accuracy`` is the share of found spans that overlap a gold span
and name the same speaker.
"""

from __future__ import annotations

import re
from pathlib import Path

from .._errors import ArticleError, KitTypeError, KitValueError, need_kinds, need_path, need_table, read_json_file, shown

__all__ = ["evaluate", "load_gold"]

_WORD = re.compile(r"\w+")


def load_gold(path: str | Path | None = None):
    """Gold attributions as a DataFrame (one row each, with ``article_id``); by default the seeds' own.

    >>> gold = load_gold()
    >>> sorted(gold["article_id"].unique())
    ['000_e8b4f7a2d72eebd2', '001_2d17110a08b0926d', '003_46fde5033e6a92f2']
    """
    from .._display import pandas as _pandas

    pd = _pandas()
    from ..text import seeds_folder

    if path is None:
        path = seeds_folder() / "gold" / "attributions.json"
    else:
        path = need_path(path, "path", "load_gold", "gold/attributions.json")
    data = read_json_file(path, "load_gold", "gold-annotation file")
    if not isinstance(data, dict) or data.get("format") != "korea-kit-gold-attributions":
        raise ArticleError(f"{path} is not a korea-kit gold file (its 'format' is not korea-kit-gold-attributions).")
    articles = data.get("articles")
    if not isinstance(articles, dict) or not all(isinstance(items, list) and all(isinstance(r, dict) for r in items)
                                                 for items in articles.values()):
        raise ArticleError(f"{path}: 'articles' must map each article id to a list of attributions "
                           f"({{\"start\": ..., \"end\": ..., \"speaker\": ...}}).")
    rows = [{"article_id": aid, **row} for aid, items in articles.items() for row in items]
    return pd.DataFrame(rows, columns=None if rows else ["article_id", "start", "end", "kind", "speaker", "text"])


def _tokens(text: str, start: int, end: int) -> frozenset[int]:
    return frozenset(m.start() for m in _WORD.finditer(text, start, end))


def _jaccard(a: frozenset, b: frozenset) -> float:
    """Ties between nested gold spans go to the one closest in extent."""
    return len(a & b) / len(a | b) if a or b else 0.0


def _norm(name) -> str:
    return " ".join(str(name or "").casefold().replace("’", "'").split())


def evaluate(pred, gold, texts=None, kinds: tuple[str, ...] | None = ("direct", "partial")):
    """Precision, recall and F1 of ``pred`` against ``gold`` (both tables of attributions).

    Both need ``start``, ``end`` and ``speaker``; rows are matched within the
    same ``article_id`` when there is one. ``texts`` (a corpus, or a dict of
    article id to text) gives the words to compare; without it, characters
    are compared. ``kinds``
    keeps only those kinds on both sides (``None`` keeps all).

    >>> import pandas as pd
    >>> gold = pd.DataFrame([{"start": 0, "end": 10, "speaker": "Moon", "kind": "direct"}])
    >>> pred = pd.DataFrame([{"start": 0, "end": 10, "speaker": "moon", "kind": "direct"}])
    >>> float(evaluate(pred, gold).loc["exact", "f1"])
    1.0
    """
    from .._display import pandas as _pandas

    pd = _pandas()
    from ..text import Article

    for name, frame in (("pred", pred), ("gold", gold)):
        need_table(frame, name, "evaluate", ["start", "end", "speaker"], "kk.quotes_table(corpus) or kk.load_gold()")
        for column in ("start", "end"):
            numbers = pd.to_numeric(frame[column], errors="coerce")
            if numbers.isna().any() or (numbers != numbers.round()).any():
                bad = frame.loc[numbers.isna() | (numbers != numbers.round()), column].iloc[0]
                raise KitValueError(f"evaluate: the {name} table's {column!r} column must hold character positions "
                                    f"(whole numbers), but one is {shown(bad)}.")
    kinds = need_kinds(kinds, "kinds", "evaluate", ("direct", "partial", "indirect"), optional=True)
    if isinstance(texts, Article):
        texts = [texts]
    if texts is not None and not isinstance(texts, dict):
        if isinstance(texts, (str, bytes)) or not hasattr(texts, "__iter__") or not all(isinstance(a, Article) for a in texts):
            raise KitTypeError(f"evaluate: texts should be a corpus (kk.load_corpus()), a list of articles or a dict of "
                               f"article id to text, but it is {shown(texts)}.")
        texts = {article.id: article.text for article in texts}
    elif texts is not None and not all(isinstance(v, str) for v in texts.values()):
        raise KitTypeError("evaluate: texts, given as a dict, must map each article id to the article's text.")

    def rows(frame):
        frame = frame if kinds is None or "kind" not in frame else frame[frame["kind"].isin(kinds)]
        out: dict[str, list] = {}
        for r in frame.to_dict("records"):
            out.setdefault(str(r.get("article_id", "")), []).append(r)
        return out

    def units(article_id: str, r) -> frozenset[int]:
        if texts and article_id in texts:
            return _tokens(texts[article_id], int(r["start"]), int(r["end"]))
        return frozenset(range(int(r["start"]), int(r["end"])))

    p_rows, g_rows = rows(pred), rows(gold)
    n_pred = sum(map(len, p_rows.values()))
    n_gold = sum(map(len, g_rows.values()))
    exact_p = overlap_p = attrib_p = 0.0
    exact_g = overlap_g = attrib_g = 0.0
    matched = right_speaker = 0
    for article_id in set(p_rows) | set(g_rows):
        ps = [(r, units(article_id, r)) for r in p_rows.get(article_id, [])]
        gs = [(r, units(article_id, r)) for r in g_rows.get(article_id, [])]
        gold_spans = {(int(r["start"]), int(r["end"])) for r, _ in gs}
        pred_spans = {(int(r["start"]), int(r["end"])) for r, _ in ps}
        exact_p += sum(1 for r, _ in ps if (int(r["start"]), int(r["end"])) in gold_spans)
        exact_g += sum(1 for r, _ in gs if (int(r["start"]), int(r["end"])) in pred_spans)
        for r, u in ps:
            scores = [(len(u & v) / len(u) if u else 0.0, _jaccard(u, v), g) for g, v in gs]
            best, _, g = max(scores, key=lambda s: s[:2], default=(0.0, 0.0, None))
            overlap_p += best
            if g is not None and best > 0:
                matched += 1
                same = _norm(r["speaker"]) == _norm(g["speaker"])
                right_speaker += same
                attrib_p += best if same else 0.0
        for g, v in gs:
            scores = [(len(u & v) / len(v) if v else 0.0, _jaccard(u, v), r) for r, u in ps]
            best, _, r = max(scores, key=lambda s: s[:2], default=(0.0, 0.0, None))
            overlap_g += best
            if r is not None and _norm(r["speaker"]) == _norm(g["speaker"]):
                attrib_g += best

    def prf(hit_p: float, hit_g: float) -> dict:
        precision = hit_p / n_pred if n_pred else 0.0
        recall = hit_g / n_gold if n_gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3),
                "found": n_pred, "gold": n_gold}

    table = pd.DataFrame.from_dict(
        {"exact": prf(exact_p, exact_g), "overlap": prf(overlap_p, overlap_g), "attribution": prf(attrib_p, attrib_g)},
        orient="index")
    table.loc["speaker accuracy"] = {"precision": round(right_speaker / matched, 3) if matched else 0.0,
                                     "recall": float("nan"), "f1": float("nan"), "found": matched, "gold": n_gold}
    table.index.name = "measure"
    return table
