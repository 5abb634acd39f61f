"""The real-browser tests: JupyterLab in Debian's chromium, driven by Playwright.

They start JupyterLab (localhost, token off) on a temporary copy of the notebooks and drive every widget a
student uses through its real controls: in 01 the viewer tags a passage; in 00 the export link downloads the
work file; in 03 the frame coder codes an item, the concordance explorer shows a typed word in context, and
Entman's worksheet saves an answer with evidence; in 04 the event coder saves and compares an event, the
position grid saves a position and the lens worksheet saves an answer. Each test checks the work file.
Screenshots go to tests/artifacts/ (kept out of git) for a person to look at.

With CI=true these tests must run: they fail if chromium or playwright is missing. On a laptop without them
they are skipped, with the reason.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "tests" / "artifacts"
CHROMIUM = Path(os.environ.get("KOREA_KIT_CHROMIUM", "/usr/bin/chromium"))
# Without the networking flags, chromium keeps trying to reach Google from a closed network.
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def _need(condition: bool, reason: str) -> None:
    if not condition:
        if IN_CI:
            pytest.fail(f"CI must run the browser test, but {reason}")
        pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_until_ready(url: str, server: subprocess.Popen, log: Path, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"JupyterLab exited early:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{url}/api/status", timeout=2) as reply:
                if reply.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"JupyterLab did not answer within {seconds} s:\n{log.read_text()[-3000:]}")


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A JupyterLab server on a temporary copy of the notebooks; yields (url, folder, work file)."""
    _need(CHROMIUM.exists(), f"there is no chromium at {CHROMIUM} (on Debian: apt-get install chromium)")
    try:
        import playwright  # noqa: F401
    except ImportError:
        _need(False, "the playwright package is not installed (pip install -e '.[test]')")
    root = tmp_path_factory.mktemp("lab")
    folder = root / "notebooks"
    shutil.copytree(REPO / "notebooks", folder, ignore=shutil.ignore_patterns("*.json", ".ipynb_checkpoints"))
    settings = root / "settings" / "@jupyterlab" / "apputils-extension"
    settings.mkdir(parents=True)
    (settings / "notification.jupyterlab-settings").write_text('{"fetchNews": "false", "checkForUpdates": false}')
    # Start the notebook's own kernel without asking: a "Select Kernel" dialog would swallow the Run All.
    tracker = root / "settings" / "@jupyterlab" / "notebook-extension"
    tracker.mkdir(parents=True)
    # Every cell in the page (no windowing), so that widgets far up a long notebook can be found and used.
    (tracker / "tracker.jupyterlab-settings").write_text('{"autoStartDefaultKernel": true, "windowingMode": "none"}')
    work_file = root / "work" / "work.json"
    port = _free_port()
    env = {**os.environ, "KOREA_KIT_WORK": str(work_file), "KOREA_KIT_STUDENT": "browser-test",
           "JUPYTERLAB_SETTINGS_DIR": str(root / "settings"), "JUPYTER_RUNTIME_DIR": str(root / "runtime")}
    log = root / "lab.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "jupyterlab", "--no-browser", f"--port={port}", "--ip=127.0.0.1", "--allow-root",
             "--IdentityProvider.token=", "--ServerApp.password=", f"--ServerApp.root_dir={folder}",
             "--ServerApp.disable_check_xsrf=True",  # loopback only: lets the test start kernels through the REST API
             "--LabApp.news_url=None", f"--LabApp.workspaces_dir={root / 'workspaces'}"],
            cwd=folder, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_ready(url, server, log)
        yield url, folder, work_file
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


@pytest.fixture
def page(lab):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS, headless=True)
        context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
        page = context.new_page()
        page.set_default_timeout(60_000)
        try:
            yield page
        finally:  # the last page seen, for a person to look at when a run fails
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "jupyterlab-last-page.png"), full_page=False)
            context.close()
            browser.close()


def _accept_open_dialog(page) -> None:
    """Accept a dialog JupyterLab may show on a busy machine (such as "Select Kernel", whose default is right)."""
    dialog = page.locator(".jp-Dialog")
    if dialog.count() and dialog.first.is_visible():
        dialog.first.locator(".jp-mod-accept").click()
        dialog.first.wait_for(state="hidden")


def _start_kernel(url: str, notebook: str) -> None:
    """Start the notebook's kernel session through the REST API, before the page opens.

    Opening a notebook with ?reset can start a kernel and shut it down again while the page reloads
    ("No Kernel", and the Run All is lost); a session that already exists is simply joined.
    """
    body = json.dumps({"path": notebook, "name": notebook, "type": "notebook", "kernel": {"name": "python3"}})
    request = urllib.request.Request(f"{url}/api/sessions", data=body.encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30):
        pass


def _open_and_run_all(page, url: str, notebook: str, ready) -> None:
    """Open a notebook on a clean workspace and run every cell until ``ready`` (a locator) shows.

    A Run All clicked while the page is still joining its kernel can be lost, so when no cell has
    started within a few seconds it is clicked again (at most five times); running cells twice is harmless.
    """
    _start_kernel(url, notebook)  # the page then joins this session instead of racing to start its own
    page.goto(f"{url}/lab/tree/{notebook}?reset")  # ?reset: a clean workspace, only this notebook open
    page.locator(".jp-Notebook >> visible=true").wait_for()
    page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle'] >> visible=true").wait_for(timeout=90_000)
    running = page.locator(".jp-Notebook-ExecutionIndicator[data-status='busy'], .jp-InputPrompt:has-text('[*]')")
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    page.wait_for_timeout(1500)  # let the page settle on its kernel before asking it to run anything
    for attempt in range(5):
        _accept_open_dialog(page)
        page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
        page.locator("[data-command='runmenu:run-all']").click()
        deadline = time.monotonic() + 8
        while time.monotonic() < deadline and not (ready.count() or running.count()):
            page.wait_for_timeout(200)
        if ready.count() or running.count():
            try:  # a kernel replaced while it runs leaves the cells unrun: then Run All again
                ready.first.wait_for(timeout=60_000)
                return
            except PlaywrightTimeout:
                pass
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"jupyterlab-lost-run-all-{attempt + 1}.png"))
    raise AssertionError(f"Run All never finished the cells of {notebook} (screenshots in {ARTIFACTS}).")


def _records(work_file: Path, kind: str, exercise_id: str | None = None) -> list[dict]:
    """The live records of one kind in the work file (and of one exercise, when given)."""
    records = json.loads(work_file.read_text("utf-8"))["records"].values()
    return [r for r in records if r["kind"] == kind and not r["deleted"]
            and (exercise_id is None or r["exercise_id"] == exercise_id)]


def _open_event_coder(page, url: str):
    """Run 04 and scroll to its event coder: (the coder, its "Save and compare" button, its menus)."""
    coder = page.locator(".widget-vbox", has=page.locator("text=Code an event:")).first
    button = coder.locator("button.jupyter-button", has_text="Save and compare")
    _open_and_run_all(page, url, "04-diplomacy.ipynb", button)
    coder.scroll_into_view_if_needed()
    return coder, button, coder.locator(".widget-dropdown select")


def test_tagging_a_passage_in_jupyterlab_saves_it_to_the_work_file(lab, page):
    url, _, work_file = lab
    tag_button = page.locator("button.jupyter-button", has_text="Tag this passage")
    _open_and_run_all(page, url, "01-the-articles.ipynb", tag_button)
    viewer = page.locator(".widget-vbox", has=tag_button).last
    viewer.scroll_into_view_if_needed()
    viewer.locator(".widget-dropdown", has_text="Passage").locator("select").select_option(index=2)
    viewer.locator(".widget-dropdown", has_text="Label").locator("select").select_option("quote")
    tag_button.click()
    viewer.get_by_text("Saved: sentence 3 tagged").wait_for()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    viewer.screenshot(path=str(ARTIFACTS / "jupyterlab-viewer.png"))

    spans = _records(work_file, "span")
    assert [(r["article_id"], r["label"], r["layer"]) for r in spans] == [("003_46fde5033e6a92f2", "quote", "my tags")]
    assert spans[0]["text"].startswith("President Moon had met with an eight-member North Korean delegation")
    assert spans[0]["source"] == "student:browser-test"


def test_the_export_link_downloads_the_work_file(lab, page, tmp_path):
    url, folder, _ = lab
    link = page.locator("a[download]", has_text="Download korea-kit-work-browser-test-")  # then the work file's id
    _open_and_run_all(page, url, "00-start-here.ipynb", link)
    link.scroll_into_view_if_needed()
    name = link.get_attribute("download")
    with page.expect_download() as download:
        link.click()
    saved = tmp_path / "downloaded.json"
    download.value.save_as(saved)
    assert saved.read_bytes() == (folder / name).read_bytes()
    assert json.loads(saved.read_text("utf-8"))["format"] == "korea-kit-work"


def test_coding_a_frame_item_in_jupyterlab_saves_it_to_the_work_file(lab, page):
    url, _, work_file = lab
    coder = page.locator(".widget-vbox", has=page.locator("text=Frame coding:")).first
    item = coder.locator(".widget-vbox", has=page.get_by_text("conflict_1", exact=True)).last
    _open_and_run_all(page, url, "03-framing.ipynb", item)
    item.scroll_into_view_if_needed()
    item.get_by_label("yes").check()
    coder.get_by_text("Saved: conflict_1 = yes.").wait_for()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    item.screenshot(path=str(ARTIFACTS / "jupyterlab-frame-coder.png"))

    codings = _records(work_file, "coding", "03.sv")
    assert [(r["article_id"], r["question"], r["value"]) for r in codings] == [("003_46fde5033e6a92f2", "conflict_1", True)]


def test_typing_a_word_in_the_concordance_explorer_shows_it_in_context(lab, page):
    url, _, _ = lab
    box = page.locator("input[placeholder='talks']").first
    _open_and_run_all(page, url, "03-framing.ipynb", box)
    box.scroll_into_view_if_needed()
    box.fill("sanctions")
    box.press("Enter")  # the box sends its word on Enter, not on every key
    explorer = page.locator(".widget-vbox", has=box).last
    explorer.get_by_text("for sanctions:").wait_for()
    assert explorer.locator("td", has_text="sanctions").count() >= 2


def test_an_entman_answer_with_evidence_is_saved_to_the_work_file(lab, page):
    url, _, work_file = lab
    worksheet = page.locator(".widget-vbox", has=page.locator("text=Entman's four functions:")).first
    save = worksheet.locator("button.jupyter-button", has_text="Save this answer").first
    _open_and_run_all(page, url, "03-framing.ipynb", save)
    worksheet.scroll_into_view_if_needed()
    worksheet.locator("textarea").first.fill("Whether the North's offer of talks is sincere.")
    worksheet.locator(".widget-select-multiple select").first.select_option(index=1)
    save.click()
    worksheet.get_by_text("Saved: Problem definition.").wait_for()

    saved = _records(work_file, "coding", "03.entman")
    assert [(r["question"], r["value"]["answer"]) for r in saved] == [("problem", "Whether the North's offer of talks is sincere.")]
    assert len(saved[0]["value"]["evidence"]) == 1


def test_coding_an_event_in_jupyterlab_saves_it_and_compares_it(lab, page):
    url, _, work_file = lab
    coder, button, menus = _open_event_coder(page, url)
    menus.nth(0).select_option(index=1)
    menus.nth(1).select_option("PRK")
    menus.nth(2).select_option("USA")
    code = menus.nth(3).locator("option", has_text="036 ·").first.text_content()  # options read "036 · name"
    menus.nth(3).select_option(label=code)
    button.click()
    coder.get_by_text("Saved: sentence 1, PRK → USA, CAMEO 036.").wait_for()
    saved = _records(work_file, "coding", "04.events")
    assert [(r["value"]["source_actor"], r["value"]["cameo"]) for r in saved] == [("PRK", "036")]


def test_a_position_chosen_in_the_grid_is_saved(lab, page):
    url, _, work_file = lab
    grid = page.locator(".widget-vbox", has=page.locator("text=Positions: who wants what?")).first
    save = grid.locator("button.jupyter-button", has_text="Save").first
    _open_and_run_all(page, url, "04-diplomacy.ipynb", save)
    grid.scroll_into_view_if_needed()
    grid.locator(".widget-dropdown select").first.select_option(index=1)
    save.click()
    grid.get_by_text("Saved:").first.wait_for()
    assert len(_records(work_file, "coding", "04.positions")) == 1


def test_an_ir_lens_answer_with_evidence_is_saved(lab, page):
    url, _, work_file = lab
    sheet = page.locator(".widget-vbox", has=page.locator("text=IR lenses")).first
    save = sheet.locator("button.jupyter-button", has_text="Save this answer").first
    _open_and_run_all(page, url, "04-diplomacy.ipynb", save)
    sheet.scroll_into_view_if_needed()
    sheet.locator(".widget-dropdown select").nth(1).select_option(index=1)
    sheet.locator("textarea").first.fill("Both sides keep their pressure while testing talks.")
    save.click()
    sheet.get_by_text("Saved:").first.wait_for()
    answers = [r["value"]["answer"] for r in _records(work_file, "coding", "04.lens")]
    assert answers == ["Both sides keep their pressure while testing talks."]


def test_typing_in_the_brief_writer_changes_the_feedback_and_saves_the_draft(lab, page):
    url, _, work_file = lab
    writer = page.locator(".kk-brief-writer").first
    headline = writer.locator(".kk-brief-headline textarea")
    _open_and_run_all(page, url, "05-write-like-ir-insider.ipynb", headline)
    writer.scroll_into_view_if_needed()
    feedback = writer.locator(".kk-brief-feedback")
    before = feedback.inner_text()
    headline.fill("North Korea says it could talk with the US")
    writer.locator(".kk-brief-lead textarea").fill(
        'North Korea is willing to hold talks with the United States, South Korea\'s presidential office said on '
        'Sunday 25 February 2018. Gen. Kim Yong Chol had "ample intentions of holding talks", ITV News reported.')
    page.wait_for_function("([el, old]) => el.innerText !== old", arg=[feedback.element_handle(), before])
    writer.locator(".kk-brief-status").get_by_text("Saved").wait_for()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    writer.screenshot(path=str(ARTIFACTS / "jupyterlab-brief-writer.png"))

    drafts = _records(work_file, "answer", "05.brief")
    assert len(drafts) == 1 and "# North Korea says it could talk with the US" in drafts[0]["text"]
    assert "ample intentions of holding talks" in drafts[0]["text"]
