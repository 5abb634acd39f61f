"""The benchmark command still runs (at tiny sizes, untimed): benchmarks/run.py cannot rot unnoticed."""

import importlib.util
from pathlib import Path

import pytest

RUN = Path(__file__).resolve().parents[2] / "benchmarks" / "run.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("korea_kit_benchmarks", RUN)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_quick_run_prints_one_line_per_benchmark_with_a_verdict(bench, capsys):
    assert bench.main(["--quick"]) == 0
    lines = capsys.readouterr().out.splitlines()[2:]
    assert len(lines) == 5 and all(line.endswith(("PASS", "MISS")) for line in lines)


def test_the_largest_paragraph_stays_within_the_byte_limit(bench):
    article = bench.largest_single_paragraph_article(5000)
    assert 4800 < len(article.text.encode("utf-8")) <= 5000 and len(article.paragraphs) == 2


def test_the_benchmark_texts_hold_every_kind_of_attribution(bench):
    import korea_kit as kk

    kinds = set(kk.quotes(bench.many_paragraphs_article(1))["kind"])
    assert kinds == {"direct", "partial", "indirect"}


def test_the_benchmark_folder_is_outside_the_collected_test_paths():
    import tomllib

    config = tomllib.loads((RUN.parents[1] / "pyproject.toml").read_text("utf-8"))
    assert "benchmarks" not in config["tool"]["pytest"]["ini_options"]["testpaths"]
    assert not list(RUN.parent.glob("test_*"))
