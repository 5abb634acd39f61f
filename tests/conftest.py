"""Shared fixtures: small article files written on the fly."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def write(tmp_path: Path):
    """write("name.txt", text or bytes) -> path of a new file in a temp folder."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="")
        return path

    return _write


ARTICLES = Path(__file__).parent / "fixtures" / "articles"
SOURCING = Path(__file__).parent / "fixtures" / "sourcing"
