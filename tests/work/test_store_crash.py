"""A worker killed with SIGKILL at random moments never loses saved work.

Each round starts a worker process that saves records as fast as it can on
the same work file, printing each record's id once its save has returned.
The parent kills it 5-80 ms after its first line. After every kill the file
must be complete JSON, open without error, and hold every printed id.
The next worker is started while the current one runs, so Python start-up
time does not count against the time budget.
"""

from __future__ import annotations

import json
import os
import random
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from korea_kit.work._store import WorkStore

pytestmark = pytest.mark.skipif(
    not hasattr(signal, "SIGKILL"), reason="needs SIGKILL to kill the worker mid-save (not available on Windows)"
)

REPOSITORY = Path(__file__).resolve().parents[2]
WORKER = Path(__file__).with_name("store_crash_worker.py")
ROUNDS = 40
RECORD_ID = re.compile(r"[0-9a-f]{32}")


def start_worker(work_file: Path, tag: str) -> subprocess.Popen:
    """Start a worker that opens the store and waits for a line on stdin."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPOSITORY), os.environ.get("PYTHONPATH")]))}
    worker = subprocess.Popen(
        [sys.executable, str(WORKER), str(work_file), tag],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert worker.stdout.readline() == "ready\n"
    return worker


def kill_after_first_save(worker: subprocess.Popen, delay: float) -> set[str]:
    """Let the worker save, SIGKILL it ``delay`` seconds after its first id, return all printed ids."""
    worker.stdin.write("go\n")
    worker.stdin.flush()
    first = worker.stdout.readline()
    time.sleep(delay)
    os.kill(worker.pid, signal.SIGKILL)
    worker.wait(timeout=10)
    rest = worker.stdout.read()
    worker.stdin.close()
    worker.stdout.close()
    lines = (first + rest).split("\n")[:-1]  # the last piece may be a line cut off by the kill
    return {line for line in lines if RECORD_ID.fullmatch(line)}


def temp_files(work_file: Path) -> list[Path]:
    return sorted(work_file.parent.glob(f".{work_file.name}.tmp-*"))


@pytest.fixture
def workers() -> Iterator[list[subprocess.Popen]]:
    """Started workers; any still running when the test ends are killed."""
    started: list[subprocess.Popen] = []
    yield started
    for worker in started:
        if worker.poll() is None:
            worker.kill()
            worker.wait(timeout=10)


def test_killed_worker_never_loses_or_damages_saved_work(tmp_path: Path, workers: list[subprocess.Popen]) -> None:
    work_file = tmp_path / "work.json"
    chooser = random.Random(20180209)
    printed: set[str] = set()
    started = time.monotonic()
    workers.append(start_worker(work_file, "round-0"))
    for number in range(ROUNDS):
        if number + 1 < ROUNDS:
            workers.append(start_worker(work_file, f"round-{number + 1}"))
        saved_now = kill_after_first_save(workers[number], chooser.uniform(0.005, 0.080))
        assert saved_now, f"round {number}: the worker printed no record id"
        printed |= saved_now

        assert len(temp_files(work_file)) <= 1
        json.loads(work_file.read_text(encoding="utf-8"))
        on_disk = {record["id"] for record in WorkStore(work_file, student="teacher").records(include_deleted=True)}
        assert printed <= on_disk, f"round {number}: {len(printed - on_disk)} saved records are missing"
        assert temp_files(work_file) == []
    assert time.monotonic() - started < 60
