"""Helper process for the store tests: save records in a loop, printing each id.

Run as ``python store_crash_worker.py WORK_FILE TAG [--count N] [--pause S]``.
It opens a :class:`korea_kit.WorkStore` on WORK_FILE, prints ``ready``,
waits for one line on stdin (so the parent can start several workers at
once), then saves spans, answers, codings and attempts in turn, as fast as
it can. Right after each save returns it prints the record's id and
flushes, so every printed id is known to be on disk. Without ``--count``
it runs until it is killed; ``--pause`` waits S seconds between saves,
leaving room for another process to save.

The parent must put the repository on PYTHONPATH.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time

from korea_kit.work._store import WorkStore


def save_one(store: WorkStore, tag: str, number: int) -> dict:
    """Save the ``number``-th record: a span, answer, coding or attempt in turn."""
    article = f"article-{tag}"
    kind = number % 4
    if kind == 0:
        return store.add_span(article, "crash", "highlight", number, number + 5, "quote", attrs={"n": number})
    if kind == 1:
        return store.set_answer(f"exercise-{tag}", f"draft number {number}", article_id=article)
    if kind == 2:
        return store.set_coding(article, "crash", f"question-{number}", {"n": number})
    return store.record_attempt(f"exercise-{tag}", number, number % 3 == 0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("work_file")
    parser.add_argument("tag")
    parser.add_argument("--count", type=int, default=None)
    parser.add_argument("--pause", type=float, default=0.0)
    options = parser.parse_args()
    store = WorkStore(options.work_file, student=f"worker-{options.tag}")
    print("ready", flush=True)
    if not sys.stdin.readline():  # the parent went away without saying go
        return
    numbers = range(options.count) if options.count is not None else itertools.count()
    for number in numbers:
        record = save_one(store, options.tag, number)
        print(record["id"], flush=True)
        time.sleep(options.pause)


if __name__ == "__main__":
    main()
