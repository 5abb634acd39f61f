"""Every chapter runs unchanged when an instructor adds an article no one here has seen.

Each notebook in notebooks/ is executed (not compared: its outputs differ, as they should) against a class
corpus made of the seeds plus an invented wire story, through ``KOREA_KIT_CORPUS``, the variable an
instructor sets so that ``kk.load_corpus()`` reads the class's own folder. A cell that raises fails the test.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from .conftest import ARTICLES

REPO = Path(__file__).resolve().parents[1]
CHAPTERS = sorted((REPO / "notebooks").glob("[0-9][0-9]-*.ipynb"))
UNSEEN = ARTICLES / "wire_dateline.txt"


@pytest.fixture(scope="module")
def class_corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("class-corpus")
    for path in (REPO / "seeds").iterdir():
        if path.is_file():
            shutil.copy(path, folder / path.name)
    shutil.copytree(REPO / "seeds" / "gold", folder / "gold")
    shutil.copy(UNSEEN, folder / "004_unseen_wire.txt")
    with (folder / "catalog.csv").open("a", encoding="utf-8") as catalog:
        catalog.write("004_unseen_wire.txt,Wirewire,wire service,,2019-03-03,,,,,outlet: invented for a test,\n")
    return folder


def test_the_class_corpus_has_the_extra_article(class_corpus, monkeypatch):
    import korea_kit as kk

    monkeypatch.setenv("KOREA_KIT_CORPUS", str(class_corpus))
    assert "004_unseen_wire" in kk.load_corpus().ids


@pytest.mark.parametrize("notebook", CHAPTERS, ids=lambda p: p.stem)
def test_chapter_runs_with_an_unseen_article_added(notebook, class_corpus, tmp_path, monkeypatch):
    monkeypatch.setenv("KOREA_KIT_CORPUS", str(class_corpus))
    monkeypatch.setenv("KOREA_KIT_WORK", str(tmp_path / "work.json"))
    monkeypatch.setenv("KOREA_KIT_STUDENT", "tester")
    copy = tmp_path / notebook.name
    shutil.copy(notebook, copy)
    document = nbformat.read(copy, as_version=4)
    client = NotebookClient(document, timeout=180, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}})
    try:
        client.execute()
    except CellExecutionError as error:
        pytest.fail(f"{notebook.name} breaks with an unseen article added:\n{str(error)[-2000:]}")
