"""The real app in headless Chromium: a session-wide server on a free port with a temporary store."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Screenshots go to docs/screenshots/ only when asked (ARGMAP_SCREENSHOTS=1), so a test run leaves the
# tree clean; otherwise to a temporary folder, where a failing run's pictures can still be looked at.
SHOTS = (
    ROOT / "docs" / "screenshots"
    if os.environ.get("ARGMAP_SCREENSHOTS")
    else Path(tempfile.gettempdir()) / "argmap-e2e-screenshots"
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of arguments/ the browser tests may change freely."""
    folder = tmp_path_factory.mktemp("e2e") / "arguments"
    shutil.copytree(ROOT / "arguments", folder)
    return folder


@contextmanager
def app_server(store: str) -> Iterator[str]:
    """``streamlit run streamlit_app.py`` on a free port with ``ARGMAP_STORE=store``; yields its base URL."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make test` (it installs Debian's chromium)")
    port = _free_port()
    # ARGMAP_FETCH_PRIVATE: the pages the tests serve to "Fetch a web page" are on 127.0.0.1
    env = {**os.environ, "ARGMAP_STORE": store, "ARGMAP_FETCH_PRIVATE": "1"}
    proc = subprocess.Popen(
        [
            sys.executable, "-m", "streamlit", "run", str(ROOT / "streamlit_app.py"),
            "--server.headless", "true", "--server.address", "127.0.0.1", "--server.port", str(port),
            "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.read().strip() == b"ok":
                    break
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            out = proc.stdout.read().decode(errors="replace") if proc.stdout else ""
            pytest.fail(f"the app did not start:\n{out[-3000:]}")
        time.sleep(0.2)
    try:
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="session")
def server(store_dir: Path) -> Iterator[str]:
    """The app on a copy of arguments/; yields its base URL."""
    with app_server(str(store_dir)) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, server: str) -> Iterator:
    """A fresh browser context (a new app session) at a desktop size."""
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, accept_downloads=True)
    pg = context.new_page()
    pg.set_default_timeout(30_000)
    yield pg
    context.close()


MAP = ".am-view svg"  # the Map page's tree (app/tree.js)
CHART = '[data-testid="stGraphVizChart"] svg'  # st.graphviz_chart, on the other pages
NODES = f"{MAP} g.node, {CHART} g.node"


def wait_for_map(page) -> list[str]:
    """Wait until the map's SVG is drawn; return the ids of its nodes."""
    page.wait_for_selector(NODES, timeout=30_000)
    return node_ids(page)


def node_ids(page) -> list[str]:
    return [t.text_content() for t in page.locator(f"{MAP} g.node > title, {CHART} g.node > title").all()]


def edge_titles(page) -> list[str]:
    return [t.text_content() for t in page.locator(f"{MAP} g.edge > title, {CHART} g.edge > title").all()]


def banner(page, text: str):
    """The message at the top of the page that contains ``text`` (the same words also pop up as a toast)."""
    return page.locator('[data-testid="stAlert"]').filter(has_text=text).first


def settle(page) -> None:
    """Wait for Streamlit to finish the current run (its status widget goes away)."""
    page.wait_for_timeout(300)
    page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=30_000)
    # Elements of the run before linger a moment, marked stale: a locator could find both.
    page.wait_for_function("() => !document.querySelector('[data-stale=\"true\"]')", timeout=30_000)


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False)
