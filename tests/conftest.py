"""Shared test helpers.

- Content files: an ``assets`` folder in a temporary place that the pack reads instead of the
  real one, ``write_yaml`` to put a file in it, ``load_error`` to catch the problem a loader
  raises, and ``decoded_link`` to read a download link's file.
- Browser and server tests: a real Voilà server started the way `make serve` starts it, and
  Debian's Chromium driven by Playwright.
"""

from __future__ import annotations

import base64
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest
import yaml

from peer_support import content

REPO = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted(p.stem for p in (REPO / "notebooks").glob("*.ipynb"))
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = REPO / "test-artifacts"
EXIT_URL = "https://www.bbc.co.uk/weather"
# Flags Debian's Chromium needs here: no sandbox as root, and no background calls home.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


# ---- content files ----

@pytest.fixture
def assets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty assets folder (with the real one's chapter folders) that the pack reads."""
    folder = tmp_path / "assets"
    folder.mkdir()
    for chapter in (REPO / "assets").iterdir():
        if chapter.is_dir():
            (folder / chapter.name).mkdir()
    monkeypatch.setattr(content, "ASSETS_DIR", folder)
    return folder


def write_yaml(assets: Path, relative_path: str, data: object) -> str:
    """Write ``data`` as YAML at ``relative_path`` in ``assets``; return the relative path."""
    path = assets / relative_path
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return relative_path


def load_error(call) -> content.ContentError:
    """The ContentError that ``call()`` raises (the test fails if it raises none)."""
    with pytest.raises(content.ContentError) as caught:
        call()
    return caught.value


def decoded_link(html: str, kind: str) -> str:
    """The file inside a download link (``kind`` is "html" or "markdown"), as text."""
    href = re.search(rf'href="data:[^"]*;base64,([^"]+)" class="qa-download-{kind}"', html)
    assert href is not None, f"no {kind} download link in the page"
    return base64.b64decode(href.group(1)).decode("utf-8")


# ---- servers and browsers ----

def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# The server process behind each base URL, so tests can count its kernels.
SERVER_PIDS: dict[str, int] = {}
READY_PATH = "/voila/templates/peer-support/static/pack.css"  # static: starts no kernel


@contextmanager
def serving(host: str = "127.0.0.1", args: tuple[str, ...] = (), port: int | None = None,
            **extra_env: str):
    """Run `python -m peer_support.server.serve` (what `make serve` runs) until the block ends.

    ``args`` are extra Voilà options, for example a short culling interval; ``port`` lets a
    test start the server again where the pages expect it.
    """
    port = port or free_port()
    env = {**os.environ, "HOST": host, "PORT": str(port), **extra_env}
    log_path = ARTIFACTS / f"voila-{host}-{port}.log"
    ARTIFACTS.mkdir(exist_ok=True)
    log = log_path.open("w")
    process = subprocess.Popen([sys.executable, "-m", "peer_support.server.serve", *args], cwd=REPO,
                               env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"Voilà stopped while starting; see {log_path}")
        try:
            with urllib.request.urlopen(base + READY_PATH, timeout=2) as response:
                if response.status == 200:
                    break
        except OSError:
            pass
        if time.monotonic() > deadline:
            process.terminate()
            raise RuntimeError(f"Voilà did not start within 90 s; see {log_path}")
        time.sleep(0.3)
    SERVER_PIDS[base] = process.pid
    try:
        yield base
    finally:
        SERVER_PIDS.pop(base, None)
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


@pytest.fixture(scope="session")
def server():
    """The pack, served on this computer only, for the whole test session."""
    with serving() as base:
        yield base


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is missing at {CHROMIUM}: install Debian's chromium package.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                              args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class PageWatch:
    """What a page did that a test may want to refuse: errors and requests to other hosts."""

    def __init__(self, base: str):
        self.base = base
        self.page_errors: list[str] = []
        self.console_errors: list[str] = []
        self.foreign_requests: list[str] = []


@pytest.fixture
def watch(server):
    return PageWatch(server)


@pytest.fixture
def page(browser, server, watch):
    """A fresh browser context (empty storage) whose requests can only reach the pack.

    Navigation to the exit page is answered by a stub, so the test can see it happen without
    leaving this machine.
    """
    context = browser.new_context(viewport={"width": 1024, "height": 768}, accept_downloads=True)
    page = context.new_page()

    def route(route):
        url = route.request.url
        if url.startswith(server) or url.startswith(("data:", "blob:")):
            route.continue_()
        elif url.startswith(EXIT_URL) and route.request.is_navigation_request():
            route.fulfill(status=200, content_type="text/html",
                          body="<!DOCTYPE html><title>Weather</title><p>Neutral page</p>")
        else:
            watch.foreign_requests.append(url)
            route.abort()

    context.route("**/*", route)
    context.add_init_script(COUNT_WIDGET_OUTPUTS)
    page.on("pageerror", lambda error: watch.page_errors.append(str(error)))
    page.on("console", lambda message: watch.console_errors.append(message.text)
            if message.type == "error" else None)
    yield page
    context.close()


def open_notebook(page, server: str, name: str, query: str = "") -> None:
    """Open a notebook page and wait until its cells and widgets are drawn."""
    page.goto(f"{server}/voila/render/{name}.ipynb{query}", timeout=90_000)
    page.wait_for_selector("#loading", state="detached", timeout=90_000)
    page.wait_for_selector("#rendered_cells", state="visible", timeout=30_000)
    # Widget views attach a moment after the cells show. The init script below counted the
    # widget outputs the server sent; wait until that many have been drawn.
    page.wait_for_function(
        """() => [...document.querySelectorAll('.jp-OutputArea-output')]
            .filter(output => output.querySelector('.jupyter-widgets')).length
            >= (window.__packExpectedWidgets || 0)""",
        timeout=60_000)


# Counts, while the page streams in, the cell outputs that will become widgets (Voilà's
# front end removes these script tags once it has drawn them, so count them on arrival).
COUNT_WIDGET_OUTPUTS = """
window.__packExpectedWidgets = 0;
new MutationObserver(records => {
  for (const record of records) for (const node of record.addedNodes) {
    if (node.tagName === 'SCRIPT' && node.type === 'application/vnd.voila.cell-output+json'
        && node.textContent.includes('application/vnd.jupyter.widget-view+json')) {
      window.__packExpectedWidgets += 1;
    }
  }
}).observe(document, {childList: true, subtree: true});
"""


def set_setting(page, server: str, name: str, value: str) -> None:
    """Store a display setting the way the page's own controls do (same origin)."""
    page.goto(f"{server}/voila/static/")
    page.evaluate("([k, v]) => localStorage.setItem('wpsp.' + k, v)", [name, value])


def tab_to(page, predicate: str, limit: int = 250) -> None:
    """Press Tab until ``predicate`` (JS taking the focused element) is true."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(el => {predicate})(document.activeElement)"):
            return
    raise AssertionError(f"keyboard focus never reached: {predicate}")


def wait_for_focus(page, predicate: str, timeout_ms: int = 10_000) -> None:
    page.wait_for_function(f"(el => {predicate})(document.activeElement)", timeout=timeout_ms)


def running_kernels(server: str) -> set[str]:
    """The ids of the kernels the server behind ``server`` runs now (its pool included)."""
    pid = SERVER_PIDS[server]
    ids = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            command = (entry / "cmdline").read_bytes().decode(errors="replace")
        except (OSError, ValueError, IndexError):
            continue  # the process ended while we looked
        found = re.search(r"kernel-([0-9a-f-]{36})\.json", command)
        if parent == pid and found:
            ids.add(found.group(1))
    return ids


def page_kernel(page) -> str:
    """The id of the kernel behind an open Voilà page."""
    return page.evaluate(
        "JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId")


def wait_for_kernel_gone(server: str, kernel_id: str, timeout_s: float) -> bool:
    """Wait until the kernel has stopped; False if it is still running after ``timeout_s``."""
    deadline = time.monotonic() + timeout_s
    while kernel_id in running_kernels(server):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.25)
    return True


# ---- JupyterLab for adapting the pack (make edit) ----

@contextmanager
def editing(port: int | None = None):
    """Run `python -m peer_support.server.edit` (what `make edit` runs) until the block ends.

    Yields ``(base_url, token, log_path)``. JupyterLab serves the repository, so a test that
    saves works on a copy under test-artifacts/, never on the pack's own notebooks.
    """
    import secrets

    port = port or free_port()
    token = secrets.token_urlsafe(12)
    env = {**os.environ, "EDIT_PORT": str(port), "EDIT_TOKEN": token}
    ARTIFACTS.mkdir(exist_ok=True)
    log_path = ARTIFACTS / f"jupyterlab-{port}.log"
    log = log_path.open("w")
    process = subprocess.Popen([sys.executable, "-m", "peer_support.server.edit", "--no-browser"],
                               cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"JupyterLab stopped while starting; see {log_path}")
        try:
            with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2) as answer:
                if answer.status == 200:
                    break
        except OSError:
            pass
        if time.monotonic() > deadline:
            process.terminate()
            raise RuntimeError(f"JupyterLab did not start within 90 s; see {log_path}")
        time.sleep(0.3)
    try:
        yield base, token, log_path
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()
