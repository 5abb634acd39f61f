"""The attribution extractor on real news: ``kk.quotes()`` against PolNeAR's expert annotations.

PolNeAR (Newell, Margolin and Ruths, "An attribution relations corpus for
political news", LREC 2018) annotates attributions in the PARC 3.0 tradition
(Pareti 2016): a Source, a Cue and a Content for every attribution, direct,
partial or indirect, and beliefs and intentions too. Run from the repository's
top folder:

    .venv/bin/python benchmarks/polnear.py                 # the dev split
    .venv/bin/python benchmarks/polnear.py --split train --limit 200

The data is read from ``../shared/polnear/`` next to the repository, or from
the folder named by the environment variable ``KOREA_KIT_POLNEAR``. Without it
the command prints why it skips and exits with 0. Nothing of PolNeAR is ever
copied into the repository: its articles belong to their publishers.

Each article is loaded with ``kk.load_article`` (so the kit reads and
segments it as it would any student's file); if the kit's text differs from
the file as read with ``newline=""`` (line endings, a byte-order mark), gold
offsets are mapped onto the kit's text. Gold attributions in the headline are
kept; the kit looks in a headline for "Name: ..." and for reported speech in
sentence case (not for a capitalised cue in title case).

**Units.** A content span is compared as a set of word tokens (runs of
``\\w``), so quotation marks, punctuation and spaces never matter, and a
discontinuous gold span (``a b;c d``) is the union of its fragments.

**Matching.** Within an article, found and gold contents are paired one to
one, greedily: the pair sharing the most tokens first (ties: the higher
Jaccard ratio), then the next among the unpaired, down to pairs that share
one token.

**Exact**: a found content counts if it has exactly the tokens of a gold
content (one to one). Precision = exact pairs / found, recall = exact pairs /
gold.

**Token overlap**: each pair scores its shared tokens as a share of the
found span's tokens (precision) and of the gold span's (recall); precision is
the sum over pairs divided by the number found, recall the sum divided by the
number in gold. An unpaired span scores 0.

**Found attributions.** PARC's unit is the attribution, one cue with its
content, which may be discontinuous (``"A," she said, "B."``). So the kit's
rows that share a cue (the same cue offsets) count as one found attribution
whose content is the union of their tokens; a row without a cue stands alone.

**Subsets.** *Quoted contents* are gold contents holding a quotation mark
(``"``, ``“``, ``”``, ``‘``, or the doubled apostrophe ``''``), against found
attributions with a row of kind direct or partial. *Direct quotes* are gold
contents whose every fragment is wholly a quotation (opens with a quotation
mark and closes with one, or runs to the end of its paragraph), against found
attributions made only of quotations (rows of kind direct or partial); a found
quotation whose tokens lie inside a quoted gold content that holds more than
quotations (a partial quote within indirect speech) is left out of this row,
neither right nor wrong. Each subset is matched on its own.

**Source accuracy**: of the paired attributions (all attributions, token
overlap) whose gold has a Source, the share where the found speaker span
overlaps the gold Source span by a character, or the found canonical speaker
and the gold Source text share a capitalised name word (not a title): "he"
resolved to "Ana Vance" is right where the gold Source reads "Vance" or
"Ms. Vance"; it is wrong against a gold "he" elsewhere in the text, since
PolNeAR does not resolve pronouns. **Cue accuracy**: of the paired
attributions whose gold has a Cue, the share whose found cue overlaps it.

**Time**: ``kk.quotes()`` per article (loading not included), median and mean
in milliseconds, on this machine.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

_WORD = re.compile(r"\w+")
_QUOTE_MARK = re.compile(r"[\"“”‘]|''")
_OPENS = ('"', "“", "''", "‘")
_CLOSES = ('"', "”", "''", "’")
_NAME_WORD = re.compile(r"[A-Z][\w'’\-]+")
_NOT_NAME = frozenset({"The", "A", "An", "Mr", "Mrs", "Ms", "Dr", "Sen", "Gov", "Rep", "President", "Senator",
                       "Secretary", "Governor", "He", "She", "They", "It", "We", "I", "His", "Her", "Their"})


def data_folder() -> Path:
    """Where PolNeAR is: ``$KOREA_KIT_POLNEAR``, else ``../shared/polnear`` beside the repository."""
    return Path(os.environ.get("KOREA_KIT_POLNEAR") or ROOT.parent / "shared" / "polnear")


# -- gold ---------------------------------------------------------------------------------
def read_brat(ann: str) -> list[dict]:
    """The attributions of one brat ``.ann`` text: ``{"content", "source", "cue"}``, each a list of (start, end)."""
    spans: dict[str, list[tuple[int, int]]] = {}
    events = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if parts[0].startswith("T"):
            _, _, offsets = parts[1].partition(" ")
            spans[parts[0]] = [tuple(int(x) for x in frag.split()) for frag in offsets.split(";")]
        elif parts[0].startswith("E"):
            events.append(dict(arg.split(":", 1) for arg in parts[1].split()))
    out = []
    for args in events:
        roles = {re.sub(r"\d+$", "", role): ref for role, ref in args.items()}
        if "Content" not in roles:
            continue
        out.append({"content": spans.get(roles["Content"], []), "source": spans.get(roles.get("Source", ""), []),
                    "cue": spans.get(roles.get("Cue", ""), [])})
    return [a for a in out if a["content"]]


def offset_map(raw: str, kit: str) -> list[int] | None:
    """Positions in ``raw`` -> positions in ``kit`` (the kit's reading); ``None`` when the texts are the same."""
    if raw == kit:
        return None
    mapping, j, i = [], 0, 0
    if raw.startswith("\ufeff") and not kit.startswith("\ufeff"):
        mapping.append(0)
        i = 1
    while i < len(raw):
        mapping.append(j)
        if raw[i] == "\r" and i + 1 < len(raw) and raw[i + 1] == "\n" and kit[j:j + 1] == "\n":
            mapping.append(j)  # "\r\n" -> "\n"
            i += 1
        i += 1
        j += 1
    mapping.append(j)
    return mapping


def _moved(frags, mapping):
    return frags if mapping is None else [(mapping[s], mapping[e]) for s, e in frags]


def tokens(text: str, frags) -> frozenset[int]:
    """The word tokens of the fragments, as their start offsets."""
    return frozenset(m.start() for s, e in frags for m in _WORD.finditer(text, s, e))


def is_quoted(text: str, frags) -> bool:
    """Does the span hold a quotation mark?"""
    return any(_QUOTE_MARK.search(text, s, e) for s, e in frags)


def is_direct(text: str, frags) -> bool:
    """Is every fragment wholly a quotation (opening mark ... closing mark, or to the end of its paragraph)?"""
    for s, e in frags:
        piece = text[s:e].strip()
        runs_on = text[e:].lstrip(" ").startswith("\n") or e >= len(text.rstrip())
        if not piece.startswith(_OPENS) or not (piece.rstrip(".,").endswith(_CLOSES) or runs_on):
            return False
        inner = piece[1:-1]
        if _QUOTE_MARK.search(inner.replace("''", "").replace("‘", "")) and not runs_on:
            return False
    return True


# -- matching and scores --------------------------------------------------------------------------
def match(pred: list[frozenset], gold: list[frozenset]) -> list[tuple[int, int]]:
    """One-to-one pairs (pred index, gold index), greedy by shared tokens, then Jaccard."""
    candidates = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            shared = len(p & g)
            if shared:
                candidates.append((-shared, -shared / len(p | g), i, j))
    candidates.sort()
    used_p, used_g, pairs = set(), set(), []
    for _, _, i, j in candidates:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


class Tally:
    """Running sums for one row of the table."""

    def __init__(self):
        self.found = self.gold = 0
        self.exact = 0
        self.overlap_p = self.overlap_r = 0.0

    def add(self, pred: list[frozenset], gold: list[frozenset]) -> list[tuple[int, int]]:
        self.found += len(pred)
        self.gold += len(gold)
        exact_pred = [p if p else None for p in pred]
        exact_pairs = match([p or frozenset() for p in exact_pred], gold)
        self.exact += sum(1 for i, j in exact_pairs if pred[i] == gold[j])
        pairs = match(pred, gold)
        for i, j in pairs:
            shared = len(pred[i] & gold[j])
            self.overlap_p += shared / len(pred[i])
            self.overlap_r += shared / len(gold[j])
        return pairs

    def row(self) -> dict:
        def prf(hit_p, hit_r):
            p = hit_p / self.found if self.found else 0.0
            r = hit_r / self.gold if self.gold else 0.0
            return p, r, (2 * p * r / (p + r) if p + r else 0.0)

        return {"exact": prf(self.exact, self.exact), "overlap": prf(self.overlap_p, self.overlap_r),
                "found": self.found, "gold": self.gold}


def _name_words(text: str) -> set[str]:
    return {w.rstrip("'’s") if w.endswith(("'s", "’s")) else w for w in _NAME_WORD.findall(text or "")} - _NOT_NAME


def right_source(text: str, row: dict, gold: dict) -> bool:
    """Does the found speaker overlap the gold Source, or name the same person?"""
    s, e = row.get("speaker_start"), row.get("speaker_end")
    if s is not None and e is not None and s == s and e == e:  # (NaN != NaN)
        if any(int(s) < ge and gs < int(e) for gs, ge in gold["source"]):
            return True
    gold_text = " ".join(text[a:b] for a, b in gold["source"])
    return bool(_name_words(str(row.get("speaker") or "")) & _name_words(gold_text))


def right_cue(row: dict, gold: dict) -> bool:
    s, e = row.get("cue_start"), row.get("cue_end")
    if s is None or e is None or s != s or e != e:
        return False
    return any(int(s) < ge and gs < int(e) for gs, ge in gold["cue"])


def attributions_found(text: str, found: list[dict]) -> list[tuple[frozenset, dict, set]]:
    """The kit's rows as attributions: rows sharing one cue (the same offsets) are one attribution.

    Returns (tokens of the content, the first row, the set of kinds) for each; rows without words are dropped.
    """
    groups: dict = {}
    for n, r in enumerate(found):
        t = tokens(text, [(int(r["start"]), int(r["end"]))])
        if not t:
            continue
        cue = (r.get("cue_start"), r.get("cue_end"))
        key = cue if all(x is not None and x == x for x in cue) else ("row", n)
        if key in groups:
            groups[key][0] |= t
            groups[key][2].add(r["kind"])
        else:
            groups[key] = [set(t), r, {r["kind"]}]
    return [(frozenset(t), r, kinds) for t, r, kinds in groups.values()]


class Scores:
    """Every row of the table, over many articles."""

    def __init__(self):
        self.rows = {"all attributions": Tally(), "quoted contents": Tally(), "direct quotes": Tally()}
        self.source = [0, 0]
        self.cue = [0, 0]
        self.times: list[float] = []

    def add(self, text: str, found: list[dict], gold: list[dict]) -> None:
        """One article: ``found`` rows of ``kk.quotes()`` as dicts, ``gold`` from :func:`read_brat` (mapped)."""
        groups = attributions_found(text, found)
        p_tokens = [t for t, _, _ in groups]
        g_tokens = [tokens(text, g["content"]) for g in gold]
        pairs = self.rows["all attributions"].add(p_tokens, g_tokens)
        for i, j in pairs:
            row, g = groups[i][1], gold[j]
            if g["source"]:
                self.source[1] += 1
                self.source[0] += right_source(text, row, g)
            if g["cue"]:
                self.cue[1] += 1
                self.cue[0] += right_cue(row, g)
        quoted_g = [j for j, g in enumerate(gold) if is_quoted(text, g["content"])]
        quoted_p = [i for i, (_, _, kinds) in enumerate(groups) if kinds & {"direct", "partial"}]
        self.rows["quoted contents"].add([p_tokens[i] for i in quoted_p], [g_tokens[j] for j in quoted_g])
        direct_g = [j for j, g in enumerate(gold) if is_direct(text, g["content"])]
        wider = [g_tokens[j] for j in quoted_g if j not in set(direct_g)]
        direct_p = [i for i, (t, _, kinds) in enumerate(groups) if kinds <= {"direct", "partial"}
                    and not any(t < w for w in wider)]
        self.rows["direct quotes"].add([p_tokens[i] for i in direct_p], [g_tokens[j] for j in direct_g])

    def table(self) -> str:
        lines = [f"{'':20} {'exact P':>8} {'R':>6} {'F1':>6}   {'overlap P':>9} {'R':>6} {'F1':>6}"
                 f"   {'found':>6} {'gold':>6}"]
        for name, tally in self.rows.items():
            r = tally.row()
            (ep, er, ef), (op, orr, of) = r["exact"], r["overlap"]
            lines.append(f"{name:20} {ep:8.3f} {er:6.3f} {ef:6.3f}   {op:9.3f} {orr:6.3f} {of:6.3f}"
                         f"   {r['found']:6d} {r['gold']:6d}")
        for name, (hit, n) in (("source accuracy", self.source), ("cue accuracy", self.cue)):
            lines.append(f"{name:20} {hit / n if n else 0:8.3f}   (of {n} paired attributions)")
        if self.times:
            lines.append(f"{'time per article':20} median {statistics.median(self.times):.1f} ms, "
                         f"mean {statistics.fmean(self.times):.1f} ms ({len(self.times)} articles)")
        return "\n".join(lines)


def run(folder: Path, split: str, limit: int | None = None) -> Scores:
    """Score ``kk.quotes()`` on one split of PolNeAR."""
    import korea_kit as kk

    scores = Scores()
    names = sorted(p.stem for p in (folder / split / "text").glob("*.txt"))[:limit]
    for name in names:
        path = folder / split / "text" / f"{name}.txt"
        with open(path, encoding="utf-8", newline="") as handle:
            raw = handle.read()
        article = kk.load_article(path)
        mapping = offset_map(raw, article.text)
        gold = read_brat((folder / split / "ann" / f"{name}.ann").read_text("utf-8"))
        gold = [{k: _moved(v, mapping) for k, v in g.items()} for g in gold]
        began = time.perf_counter()
        table = kk.quotes(article)
        scores.times.append((time.perf_counter() - began) * 1000)
        scores.add(article.text, table.to_dict("records"), gold)
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("train", "dev"), default="dev")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles (by name)")
    args = parser.parse_args(argv)
    folder = data_folder()
    if not (folder / args.split / "text").is_dir():
        print(f"Skipped: PolNeAR is not at {folder} (no {args.split}/text folder there). Put the corpus at "
              f"../shared/polnear beside the repository, or set KOREA_KIT_POLNEAR to its folder.")
        return 0
    import korea_kit as kk

    kk.quotes(kk.Article.from_text("Warm up\n\n\"Ready,\" she said."))  # read the data files before timing
    scores = run(folder, args.split, args.limit)
    print(f"PolNeAR {args.split}: {len(scores.times)} articles")
    print(scores.table())
    return 0


if __name__ == "__main__":
    sys.exit(main())
