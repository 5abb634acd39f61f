"""korea-kit benchmarks: how time grows with the size of the input.

Run from the repository's top folder:

    .venv/bin/python benchmarks/run.py            # the full table (a few minutes)
    .venv/bin/python benchmarks/run.py --quick    # small sizes, to check that it runs

Every figure is a ratio against a baseline measured in the same run (or an
absolute time only where the goal is one), each the median of repeated runs,
printed with its goal and PASS or MISS. Nothing here is a test: the test
suite only checks that these code paths still run (tests/sourcing/test_benchmarks.py).
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import korea_kit as kk  # noqa: E402
from korea_kit.text import MAX_BYTES  # noqa: E402

#: Sentences that together cover the extractor's shapes: direct, partial and indirect speech, pronouns, colons,
#: "according to", reversed attributions, inner quotes and titles.
SENTENCES = (
    '"We are ready to talk," said Kim Yong Chol. ',
    'Kim Yong Chol said the North had "ample intentions" of holding talks. ',
    'Critics argue that the offer is hollow and will not last. ',
    '"The talking is for Seoul," he added. ',
    'The ministry said: "Sanctions will continue until the end." ',
    'According to Yonhap, the delegation will stay for three days. ',
    'The talks will resume next week, officials said. ',
    'Moon Jae-in told reporters that "the door is open" for more talks. ',
    '"It is a first step," Professor Ana Vance, an analyst at Seoul University, said. ',
    'Ms Vance noted that the North had "never" said so before, and that talks were due. ',
    'In a statement carried by KCNA, the foreign ministry denied that it had fired. ',
    '"As President Moon stated, \'peace is the only way forward for us\'," she said. ',
    'Both leaders watched the "Peace Games" closing ceremony. ',
)


def paragraph(n_sentences: int) -> str:
    """One paragraph of ``n_sentences`` sentences, cycling through :data:`SENTENCES`."""
    return "".join(SENTENCES[i % len(SENTENCES)] for i in range(n_sentences)).strip()


def one_paragraph_article(n_sentences: int) -> kk.Article:
    """An article whose body is one long paragraph full of quotes."""
    return kk.Article.from_text("Talks on\n\n" + paragraph(n_sentences))


def many_paragraphs_article(n_paragraphs: int) -> kk.Article:
    """An article of ``n_paragraphs`` ordinary paragraphs (one round of every sentence each)."""
    return kk.Article.from_text("Talks on\n\n" + "\n\n".join(paragraph(len(SENTENCES)) for _ in range(n_paragraphs)))


def largest_single_paragraph_article(limit: int = MAX_BYTES) -> kk.Article:
    """One paragraph as long as the size limit allows (in UTF-8 bytes, with its headline)."""
    head, body = "Talks on\n\n", []
    size = len(head.encode("utf-8"))
    i = 0
    while True:
        piece = SENTENCES[i % len(SENTENCES)]
        step = len(piece.encode("utf-8"))
        if size + step > limit:
            break
        body.append(piece)
        size += step
        i += 1
    return kk.Article.from_text(head + "".join(body).strip())


def median_time(action: Callable[[], object], repeat: int) -> float:
    """The median wall time of ``repeat`` runs of ``action``, in seconds.

    Garbage left by the previous run is collected first, untimed, so that no run pays for another's.
    """
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def quotes_growth(make: Callable[[int], kk.Article], size: int, factor: int, repeat: int) -> tuple[float, float]:
    """(time of quotes() at ``size``, at ``size * factor``), each a median."""
    small, large = make(size), make(size * factor)
    kk.quotes(small)  # warm up: imports, data files, compiled patterns
    # The baseline is cheap, so it is run more often: a noisy baseline would swing the ratio most.
    return median_time(lambda: kk.quotes(small), 3 * repeat), median_time(lambda: kk.quotes(large), repeat)


def write_articles(folder: Path, count: int) -> None:
    """``count`` small article files in ``folder``."""
    for i in range(count):
        (folder / f"article_{i:05d}.txt").write_text(
            f"Talks on, report {i}\n\n\"We are ready to talk,\" said Kim Yong Chol on day {i}.\n", encoding="utf-8")


def load_corpus_growth(count: int, factor: int, repeat: int) -> tuple[float, float]:
    """(time of load_corpus on ``count`` files, on ``count * factor`` files), each a median."""
    with tempfile.TemporaryDirectory() as small, tempfile.TemporaryDirectory() as large:
        write_articles(Path(small), count)
        write_articles(Path(large), count * factor)
        kk.load_corpus(small)
        return (median_time(lambda: kk.load_corpus(small), 3 * repeat),
                median_time(lambda: kk.load_corpus(large), repeat))


def import_time(module: str, repeat: int) -> float:
    """The median time of ``import module`` in a fresh interpreter, in seconds.

    As a student's machine does, Python may keep compiled bytecode (``__pycache__``): a shell with
    PYTHONDONTWRITEBYTECODE set would otherwise compile the kit from source on every import, while
    pandas, installed by pip, is always precompiled. One untimed run first fills the cache.
    """
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    times = []
    for _ in range(repeat + 1):
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT,
                              env=env)
        times.append(float(done.stdout.strip()))
    return statistics.median(times[1:])


def rows(quick: bool = False) -> list[tuple[str, float, str, bool]]:
    """(what, figure, goal, met) for every benchmark; ``quick`` uses tiny sizes (for the test suite)."""
    repeat = 1 if quick else 3
    out = []
    base = 8 if quick else 1000
    t1, t8 = quotes_growth(one_paragraph_article, base, 8, 1 if quick else 5)
    out.append((f"quotes(), one paragraph: time(8x) / time(1x) ({base} -> {base * 8} sentences)", t8 / t1,
                "<= 10", t8 / t1 <= 10))
    base = 2 if quick else 80
    t1, t8 = quotes_growth(many_paragraphs_article, base, 8, 1 if quick else 5)
    out.append((f"quotes(), many paragraphs: time(8x) / time(1x) ({base} -> {base * 8} paragraphs)", t8 / t1,
                "<= 10", t8 / t1 <= 10))
    limit = 4096 if quick else MAX_BYTES
    article = largest_single_paragraph_article(limit)
    seconds = median_time(lambda: kk.quotes(article), repeat)
    out.append((f"quotes(), one paragraph of {limit:,} bytes: seconds", seconds, "< 10 s", seconds < 10))
    count = 10 if quick else 1000
    t1, t10 = load_corpus_growth(count, 10, repeat)
    out.append((f"load_corpus: time({count * 10:,} files) / time({count:,} files)", t10 / t1, "<= 11",
                t10 / t1 <= 11))
    runs = 1 if quick else 7
    kit, pandas = import_time("korea_kit", runs), import_time("pandas", runs)
    out.append((f"import korea_kit / import pandas (fresh interpreter, median of {runs})", kit / pandas, "<= 0.3",
                kit / pandas <= 0.3))
    return out


def table(results: list[tuple[str, float, str, bool]]) -> str:
    """The results as a plain-text table."""
    width = max(len(what) for what, *_ in results)
    lines = [f"{'benchmark':<{width}}  {'figure':>8}  {'goal':<7}  result", "-" * (width + 28)]
    for what, figure, goal, met in results:
        lines.append(f"{what:<{width}}  {figure:>8.2f}  {goal:<7}  {'PASS' if met else 'MISS'}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="tiny sizes: check that every benchmark runs")
    args = parser.parse_args(argv)
    results = rows(quick=args.quick)
    print(table(results))
    return 0 if args.quick or all(met for *_, met in results) else 1


if __name__ == "__main__":
    sys.exit(main())
