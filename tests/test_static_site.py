"""The pack as a static site (``make site``), served by a plain static file server, in a real
browser with every request to another host blocked and counted.

The site is built once per test run (about half a minute), from this checkout, with the tools
``make test`` installs (``.venv-site`` and ``node_modules``). Each page runs its Python in the
browser (Pyodide), so each test waits for Python to load, as a visitor would.
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
import time
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from conftest import ARTIFACTS, CHROMIUM, EXIT_URL, NOTEBOOKS, REPO, free_port

pytestmark = pytest.mark.browser

SITE = REPO / "site"
SITE_PYTHON = REPO / ".venv-site" / "bin" / "python"
PAGES = "voici/render/notebooks"
HOSTILE = '<img src=x onerror="window.__injected=1"><script>window.__injected=2</script>'
WELSH = "Dw i'n hoffi ŵ ac ŷ 😊"
# Python loads in the browser: allow for a busy 2-core machine.
READY_MS = 180_000


@pytest.fixture(scope="session")
def static_site() -> Path:
    """``make site``'s build, run once for the whole test run."""
    missing = [str(path.relative_to(REPO)) for path in
               (SITE_PYTHON, REPO / "node_modules" / "pyodide" / "pyodide.asm.wasm")
               if not path.exists()]
    if missing:
        pytest.fail(f"The static site's build tools are missing ({', '.join(missing)}): run "
                    "`make site-tools` (make test does it for you).")
    started = time.monotonic()
    result = subprocess.run([str(SITE_PYTHON), "site_build/build.py"], cwd=REPO,
                            capture_output=True, text=True)
    if result.returncode != 0:
        pytest.fail(f"make site failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "static-site-build.txt").write_text(
        f"{time.monotonic() - started:.1f} s\n{result.stdout}", encoding="utf-8")
    return SITE


@pytest.fixture(scope="session")
def static_server(static_site: Path):
    """The site served by Python's plain static file server, as the README suggests."""
    port = free_port()
    log = (ARTIFACTS / "static-site-server.log").open("w")
    process = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind",
                                "127.0.0.1", "--directory", str(static_site)],
                               stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(base + "/index.html", timeout=2):
                break
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.terminate()
                raise RuntimeError("the static file server did not start") from None
            time.sleep(0.2)
    yield base
    process.terminate()
    process.wait(timeout=10)
    log.close()


class Visit:
    """One page's visit: its errors, and every request that tried to leave the site."""

    def __init__(self, page, base: str):
        self.page = page
        self.base = base
        self.page_errors: list[str] = []
        self.foreign_requests: list[str] = []
        self.local_requests = 0


@pytest.fixture
def visit(browser, static_server):
    """A fresh browser (empty cache and storage) that can reach only the static site."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is missing at {CHROMIUM}")
    context = browser.new_context(viewport={"width": 1024, "height": 768}, accept_downloads=True)
    page = context.new_page()
    seen = Visit(page, static_server)

    def route(route):
        url = route.request.url
        if url.startswith(static_server + "/") or url.startswith(("data:", "blob:")):
            seen.local_requests += 1
            route.continue_()
        elif url.startswith(EXIT_URL) and route.request.is_navigation_request():
            route.fulfill(status=200, content_type="text/html",
                          body="<!DOCTYPE html><title>Weather</title><p>Neutral page</p>")
        else:
            seen.foreign_requests.append(url)
            route.abort()

    context.route("**/*", route)
    page.on("pageerror", lambda error: seen.page_errors.append(str(error)))
    yield seen
    context.close()


def open_page(visit: Visit, name: str, query: str = "") -> None:
    """Open a page and wait until Python has run every cell (Voici then removes #loading)."""
    visit.page.goto(f"{visit.base}/{PAGES}/{name}.html{query}")
    visit.page.wait_for_selector("#loading", state="detached", timeout=READY_MS)


def serious_violations(page) -> list[str]:
    results = Axe().run(page)
    return [f"{v['id']} ({v['impact']}): {len(v['nodes'])} node(s) - {v['help']}"
            for v in results.response["violations"] if v["impact"] in ("serious", "critical")]


def assert_clean(visit: Visit, name: str) -> None:
    page = visit.page
    assert page.locator(".pack-error").count() == 0
    assert page.locator("[data-mime-type='application/vnd.jupyter.stderr']").count() == 0
    assert visit.page_errors == []
    assert visit.foreign_requests == []
    assert serious_violations(page) == []
    page.screenshot(path=ARTIFACTS / f"static-{name}.png", full_page=True)


# ---- the build itself -------------------------------------------------------------------------


class Loads(HTMLParser):
    """What a page would load by itself: scripts, stylesheets, images, frames."""

    def __init__(self):
        super().__init__()
        self.loaded: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and attrs.get("src"):
            self.loaded.append(attrs["src"])
        if tag == "link" and attrs.get("href"):
            self.loaded.append(attrs["href"])
        if tag in {"img", "iframe", "audio", "video", "source"} and attrs.get("src"):
            self.loaded.append(attrs["src"])


def test_site_has_every_page_and_loads_nothing_from_other_hosts(static_site: Path) -> None:
    index = (static_site / "index.html").read_text(encoding="utf-8")
    assert f"{PAGES}/00_start.html" in index
    for name in NOTEBOOKS:
        html = (static_site / PAGES / f"{name}.html").read_text(encoding="utf-8")
        parser = Loads()
        parser.feed(html)
        foreign = [url for url in parser.loaded if re.match(r"^(https?:)?//", url)]
        assert foreign == [], name
        assert "pack-exit__button" in html and 'id="pack-text"' in html
    # The Python runtime and every wheel are in the site, and the lock's checksums are theirs.
    pyodide = static_site / "static" / "pyodide"
    lock = json.loads((pyodide / "pyodide-lock.json").read_text(encoding="utf-8"))
    for entry in lock["packages"].values():
        wheel = pyodide / entry["file_name"]
        assert hashlib.sha256(wheel.read_bytes()).hexdigest() == entry["sha256"], wheel.name
    assert "peer-support-pack" in lock["packages"] and "pyyaml" in lock["packages"]
    config = json.loads((static_site / "jupyter-lite.json").read_text(encoding="utf-8"))
    kernel = config["jupyter-config-data"]["litePluginSettings"][
        "@jupyterlite/pyodide-kernel-extension:kernel"]
    assert kernel["disablePyPIFallback"] is True
    assert kernel["pyodideUrl"].startswith("./static/pyodide/")
    assert set(kernel["loadPyodideOptions"]["packages"]) == set(lock["packages"])
    # Content files are the repository's, shipped as the site's contents.
    terms = "language/terms.yaml"
    assert ((static_site / "files" / "assets" / terms).read_bytes()
            == (REPO / "assets" / terms).read_bytes())


# ---- pages in the browser ---------------------------------------------------------------------


def test_start_page_lists_chapters_whose_links_open_them(visit: Visit) -> None:
    page = visit.page
    page.goto(f"{visit.base}/")  # the site's own front door forwards to the start page
    page.wait_for_url(re.compile(rf"/{PAGES}/00_start\.html$"))
    page.wait_for_selector("#loading", state="detached", timeout=READY_MS)
    link = page.locator("#rendered_cells a", has_text="Language").first
    assert link.get_attribute("href").endswith("05_language.html")
    assert_clean(visit, "00_start")
    link.click()
    page.wait_for_url(re.compile(rf"/{PAGES}/05_language\.html$"))
    assert page.locator("h1").first.inner_text().startswith("Language")


def test_language_game_answers_and_its_download_holds_typed_text_as_text(visit: Visit) -> None:
    page = visit.page
    open_page(visit, "05_language")
    game = page.locator(".pack-language-game")
    game.get_by_role("button", name="Unsure").first.click()
    page.wait_for_function(
        "[...document.querySelectorAll('.pack-choice .pack-status')]"
        ".some(e => e.textContent === 'Noted: Unsure.')")
    own = page.locator(".qa-own-word input")
    for text in (HOSTILE[:80], WELSH):
        own.fill(text)
        own.press("Tab")
        page.locator(".qa-add-own-word").click()
        page.wait_for_function(
            f"document.querySelector('.qa-our-words').textContent.includes({text!r})")
    assert page.locator(".qa-our-words li").first.inner_text() == HOSTILE[:80]
    assert page.locator(".qa-our-words img").count() == 0
    game.locator(".qa-prepare-download").click()
    with page.expect_download() as download_info:
        game.locator(".qa-download-markdown").click()
    markdown = Path(download_info.value.path()).read_text(encoding="utf-8")
    assert "\\<img src=x" in markdown and WELSH in markdown
    assert page.evaluate("window.__injected") is None
    assert_clean(visit, "05_language")


def test_self_care_activity_responds_and_downloads(visit: Visit) -> None:
    page = visit.page
    open_page(visit, "09_self_care")
    plan = page.locator(".pack-self-care-plan")
    plan.locator(".qa-ratings-scale").get_by_role("button", name="Mostly").click()
    page.wait_for_function(
        "[...document.querySelectorAll('.pack-self-care-plan .qa-ratings-scale .pack-status')]"
        ".some(e => e.textContent.includes('Noted: Mostly.'))")
    plan.get_by_role("button", name="Prepare my plan").click()
    with page.expect_download() as download_info:
        plan.locator(".qa-download-html").click()
    handout = Path(download_info.value.path()).read_text(encoding="utf-8")
    assert "Mostly (4 out of 5)" in handout
    assert_clean(visit, "09_self_care")


def test_text_and_exit_work_before_python_has_loaded(visit: Visit) -> None:
    page = visit.page
    page.goto(f"{visit.base}/{PAGES}/05_language.html", wait_until="domcontentloaded")
    # The chapter's text is there at once, with a calm note while the activities get ready.
    assert page.locator("h1").first.is_visible()
    note = page.locator("#loading_text")
    assert note.is_visible() and "getting ready" in note.inner_text()
    # The note sits at the foot of the screen, below the heading, not over the text.
    heading, bar = page.locator("h1").first.bounding_box(), note.bounding_box()
    assert bar["y"] > heading["y"] + heading["height"] and bar["height"] < 768 * 0.2
    assert page.locator(".pack-language-game").count() == 0  # Python has not run yet
    page.locator(".pack-js-exit-button").click()
    page.wait_for_url(EXIT_URL + "*")

    page.goto(f"{visit.base}/{PAGES}/09_self_care.html", wait_until="domcontentloaded")
    assert page.locator("#loading").count() == 1
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(EXIT_URL + "*")
    assert visit.foreign_requests == []


def test_exit_works_once_the_activities_are_ready(visit: Visit) -> None:
    page = visit.page
    open_page(visit, "02_safety")
    box = page.locator(".jupyter-widgets textarea:visible, "
                       ".jupyter-widgets input[type='text']:visible")
    box.first.click()  # the Shift presses go to a widget, as when someone is typing
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(EXIT_URL + "*")
    assert visit.foreign_requests == []


def test_welsh_page_has_welsh_frame_activities_and_links(visit: Visit) -> None:
    page = visit.page
    open_page(visit, "05_language", "?lang=cy")
    assert page.evaluate("document.documentElement.lang") == "cy"
    assert page.locator(".pack-js-exit-button").inner_text().strip().endswith(
        "Gadael y dudalen hon")
    game = page.locator(".pack-language-game")
    assert game.get_by_role("button", name="Ychwanegu at ein geiriau ni").count() == 1
    assert game.get_by_role("button", name="Add to our words").count() == 0
    links = page.locator(".pack-chapter-links a, #rendered_cells a[href*='00_start']")
    assert links.count() >= 1
    for href in links.evaluate_all("links => links.map(link => link.href)"):
        assert re.search(r"/\d\d_[a-z_]+\.html\?lang=cy$", href), href
    assert_clean(visit, "05_language-cy")
    page.locator("a[href*='00_start']").last.click()
    page.wait_for_url(re.compile(r"00_start\.html\?lang=cy$"))
    page.wait_for_selector("#loading", state="detached", timeout=READY_MS)
    assert page.locator(".pack-js-exit-button").inner_text().strip().endswith(
        "Gadael y dudalen hon")
    assert visit.foreign_requests == []


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_every_page_runs_its_python_without_errors(visit: Visit, name: str) -> None:
    open_page(visit, name)
    page = visit.page
    assert page.locator("h1").count() >= 1
    # Every code cell ran: the chapter ends with its links to other pages.
    assert page.locator("#rendered_cells a[href$='.html']").count() >= 1
    assert_clean(visit, name)
