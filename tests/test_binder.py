"""Binder runs what the tests run: one set of pins, checked against the versions installed here.

binder/requirements.txt is what repo2docker installs on Binder, and `make setup`
uses it (with binder/constraints-test.txt) as pip constraints. If a pin and the
version these tests run with ever differ, Binder is running untested code.
"""

from __future__ import annotations

import json
import re
import tomllib
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
BINDER = REPO / "binder"
START_NOTEBOOK = "notebooks/00-start-here.ipynb"
_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;#]+)$")
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*")


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _pins(path: Path) -> dict[str, str]:
    """{canonical name: version} for every `name==version` line; anything else is an error."""
    pins = {}
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        match = _PIN.match(line)
        assert match, f"{path.name}:{number}: {raw!r} is not an exact pin (name==version)"
        pins[_canonical(match.group(1))] = match.group(2)
    return pins


def _declared(requirements: list[str]) -> set[str]:
    return {_canonical(_NAME.match(r.strip()).group(0)) for r in requirements}


RUNTIME_PINS = _pins(BINDER / "requirements.txt")
TEST_PINS = _pins(BINDER / "constraints-test.txt")
PROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]


@pytest.mark.parametrize("name", sorted({**RUNTIME_PINS, **TEST_PINS}))
def test_pin_equals_the_version_the_tests_run_with(name):
    pinned = {**RUNTIME_PINS, **TEST_PINS}[name]
    try:
        installed = version(name)
    except PackageNotFoundError:
        pytest.fail(f"{name} is pinned to {pinned} but is not installed where the tests run")
    assert installed == pinned, f"{name}: binder pins {pinned}, the tests run with {installed}"


def test_every_core_dependency_is_pinned_for_binder():
    assert _declared(PROJECT["dependencies"]) <= set(RUNTIME_PINS)


def test_every_test_dependency_is_pinned():
    assert _declared(PROJECT["optional-dependencies"]["test"]) <= set(TEST_PINS)


def test_no_package_is_pinned_twice():
    assert not set(RUNTIME_PINS) & set(TEST_PINS)


def test_binder_python_is_the_python_the_tests_run_with():
    import sys

    runtime = (BINDER / "runtime.txt").read_text(encoding="utf-8").strip()
    assert runtime == f"python-{sys.version_info.major}.{sys.version_info.minor}"


def test_postbuild_stops_at_the_first_failing_command():
    lines = (BINDER / "postBuild").read_text(encoding="utf-8").splitlines()
    commands = [line.strip() for line in lines[1:] if line.strip() and not line.lstrip().startswith("#")]
    assert lines[0] == "#!/bin/bash" and commands[0] == "set -e"


def test_postbuild_installs_the_kit_from_the_repository_root():
    assert "pip install --no-cache-dir --no-deps -e ." in (BINDER / "postBuild").read_text(encoding="utf-8")


def test_postbuild_is_executable():
    assert (BINDER / "postBuild").stat().st_mode & 0o111


def test_binder_opens_jupyterlab_at_a_notebook_that_exists():
    config = json.loads((BINDER / "korea-kit-server.json").read_text(encoding="utf-8"))
    urls = {config["ServerApp"]["default_url"], config["LabApp"]["default_url"]}
    assert urls == {f"/lab/tree/{START_NOTEBOOK}"} and (REPO / START_NOTEBOOK).is_file()


def test_postbuild_installs_the_start_page_config():
    assert "binder/korea-kit-server.json" in (BINDER / "postBuild").read_text(encoding="utf-8")


def test_readme_binder_link_opens_the_start_notebook():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert f"?urlpath=lab/tree/{START_NOTEBOOK}" in readme


def test_makefile_installs_with_the_binder_pins_as_constraints():
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert "PINS := binder/requirements.txt binder/constraints-test.txt" in makefile
    assert "$(addprefix -c ,$(PINS)) -e '.[test]'" in makefile
