"""A plain (non-editable) `pip install .` carries the seeds inside the package."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("site")
    build = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), str(REPO)],
        capture_output=True,
        text=True,
    )
    if build.returncode != 0:
        if os.environ.get("CI"):
            pytest.fail(f"pip could not build and install the package:\n{build.stderr[-2000:]}")
        pytest.skip("pip could not build the package here (no network for the build backend?)")
    return target


def run_installed(target: Path, code: str, cwd: Path) -> str:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONPATH"] = str(target)
    out = subprocess.run([sys.executable, "-c", code], cwd=cwd, env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


def test_installed_copy_is_the_one_imported(installed, tmp_path):
    location = run_installed(installed, "import korea_kit; print(korea_kit.__file__)", tmp_path)
    assert location.startswith(str(installed))


def test_installed_package_loads_the_bundled_seeds(installed, tmp_path):
    code = "import korea_kit as kk; c = kk.load_corpus(); print(len(c), c['001'].meta['outlet'])"
    assert run_installed(installed, code, tmp_path) == "3 ITV News"


def test_installed_package_has_its_timeline(installed, tmp_path):
    assert run_installed(installed, "import korea_kit as kk; print(len(kk.load_timeline()) > 5)", tmp_path) == "True"
