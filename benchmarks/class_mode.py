"""Class mode benchmark: how the time of ``load_class`` + ``.summary()`` grows with the number of exports.

Run from the repository's top folder:

    .venv/bin/python benchmarks/class_mode.py            # 50, 200 and 800 synthetic exports
    .venv/bin/python benchmarks/class_mode.py --quick    # 5, 20 and 80: checks that it runs

Each time is the median of three runs; the figures that matter are the ratios between sizes, measured in
the same run (linear growth: 200/50 = 4, 800/200 = 4). Nothing here is a test and nothing is asserted.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from korea_kit.classroom import load_class, synthetic_class  # noqa: E402


def timed(folder: Path, repeats: int = 3) -> float:
    """Median seconds of ``load_class(folder).summary()`` (every table of the summary is computed)."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        load_class(folder).summary()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="tiny sizes, to check that the benchmark runs")
    args = parser.parse_args(argv)
    sizes = (5, 20, 80) if args.quick else (50, 200, 800)
    load_class(synthetic_class(tempfile.mkdtemp(), n=2)).summary()  # warm up: data files, pandas, gold
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        for n in sizes:
            folder = synthetic_class(Path(scratch) / str(n), n=n, seed=0)
            size = sum(p.stat().st_size for p in folder.iterdir()) / 1_048_576
            rows.append((n, size, timed(folder)))
    print(f"{'exports':>8} {'MB':>7} {'seconds':>8} {'ratio to previous':>18} {'linear would be':>16}")
    previous = None
    for n, size, seconds in rows:
        ratio = "" if previous is None else f"{seconds / previous[1]:.2f}"
        linear = "" if previous is None else f"{n / previous[0]:.2f}"
        print(f"{n:>8} {size:>7.1f} {seconds:>8.2f} {ratio:>18} {linear:>16}")
        previous = (n, seconds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
