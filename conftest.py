"""Test-wide set-up: no test or notebook run ever touches a real student's work.

Each notebook that nbval runs gets its own empty work file, so feedback and
progress tables come out the same on every run and in any order.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

_SCRATCH = Path(tempfile.mkdtemp(prefix="korea-kit-tests-"))
os.environ["KOREA_KIT_WORK"] = str(_SCRATCH / "session-work.json")
os.environ["KOREA_KIT_STUDENT"] = "tester"


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    # nbval starts a notebook's kernel while setting up its first cell, after this
    # hook, so the kernel inherits a work file of its own.
    notebook = getattr(item, "parent", None)
    if notebook is not None and str(getattr(notebook, "path", "")).endswith(".ipynb"):
        os.environ["KOREA_KIT_WORK"] = str(_SCRATCH / f"{Path(notebook.path).stem}-work.json")
