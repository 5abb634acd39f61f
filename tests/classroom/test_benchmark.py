"""The class-mode benchmark still runs (at tiny sizes; nothing is timed here)."""

from __future__ import annotations

import importlib.util
from pathlib import Path


def test_the_class_mode_benchmark_runs_and_prints_a_table(capsys):
    path = Path(__file__).resolve().parents[2] / "benchmarks" / "class_mode.py"
    spec = importlib.util.spec_from_file_location("class_mode_benchmark", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--quick"]) == 0
    assert len(capsys.readouterr().out.strip().splitlines()) == 4
