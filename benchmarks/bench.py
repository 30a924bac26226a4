"""How the pack copes with a room: render time, kernel memory, light pages and a 30-page load.

Run with ``make bench`` (it takes a few minutes). It prints five tables:

1. **Render ratio.** Each chapter's server render time divided by a one-cell blank notebook's,
   on the same server, interleaved over several rounds (medians). Measured twice: with
   preheated kernels (what a participant normally gets) and cold (the pool is used up, for
   example when a whole room opens the same chapter at once).
2. **Kernel memory.** The memory of a kernel that has run each chapter, against the kernel of
   the blank notebook (proportional set size, PSS, so shared libraries are counted fairly).
3. **Load.** One chapter opened in 30 real Chromium pages at once, against a server started the
   way ``make serve`` starts it: pages rendered without error, total seconds, and the kernels
   still running after every page has been left, and how much processor time the laptop's
   share (the server and its kernels) took, apart from the browsers' share (which in a real
   room is each person's own phone).
4. **Bytes.** What a chapter sends over the wire on a first visit, and then on moving to the
   next chapter (the browser keeps what it may).
5. **Phone.** A 390x844 page with the processor slowed 4x (Chromium's CPU throttling, the usual
   stand-in for a mid-range phone), Language and Self-care, English and Welsh: seconds until
   the text is painted and until every activity is drawn, each visit a first visit.

Nothing here is a test: the numbers depend on the machine. The README quotes a run.
"""

from __future__ import annotations

import argparse
import asyncio
import http.cookiejar
import json
import os
import platform
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))
from conftest import (  # noqa: E402  (shared with the browser tests)
    CHROMIUM,
    CHROMIUM_ARGS,
    COUNT_WIDGET_OUTPUTS,
    SERVER_PIDS,
    running_kernels,
    serving,
)

BLANK = "zz_blank"
KERNEL_ID = re.compile(r'"kernelId": "([0-9a-f-]{36})"')


# ---- the server and its processes -------------------------------------------------------

def process_tree(pid: int) -> list[int]:
    """``pid`` and all its descendants."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    tree, todo = [], [pid]
    while todo:
        current = todo.pop()
        tree.append(current)
        todo.extend(children.get(current, []))
    return tree


def cpu_seconds(pids: list[int]) -> float:
    total = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def browser_cpu_seconds(server: str) -> float:
    """Processor time of everything this process started except the server: the browsers."""
    server_tree = set(process_tree(SERVER_PIDS[server]))
    mine = [pid for pid in process_tree(os.getpid()) if pid not in server_tree
            and pid != os.getpid()]
    return cpu_seconds(mine)


def wait_until_quiet(server: str, timeout_s: float = 120) -> None:
    """Wait until the server and its kernels use almost no CPU (the pool has refilled)."""
    deadline = time.monotonic() + timeout_s
    before = cpu_seconds(process_tree(SERVER_PIDS[server]))
    while time.monotonic() < deadline:
        time.sleep(1.0)
        now = cpu_seconds(process_tree(SERVER_PIDS[server]))
        if now - before < 0.05:
            return
        before = now


def kernel_pid(server: str, kernel_id: str) -> int:
    for pid in process_tree(SERVER_PIDS[server]):
        try:
            if kernel_id in Path(f"/proc/{pid}/cmdline").read_text(errors="replace"):
                return pid
        except OSError:
            continue
    raise LookupError(kernel_id)


def pss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) / 1024
    raise LookupError("no Pss line")


class Visitor:
    """A page visit without a browser: fetch the page, then leave it as a browser would."""

    def __init__(self, server: str):
        self.server = server
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))

    def render(self, name: str) -> tuple[float, str]:
        """Seconds to receive the whole page, and the page's kernel id."""
        started = time.perf_counter()
        with self.opener.open(f"{self.server}/voila/render/{name}.ipynb", timeout=300) as reply:
            html = reply.read().decode()
        seconds = time.perf_counter() - started
        if "pack-error" in html:
            raise RuntimeError(f"{name} rendered an error block")
        return seconds, KERNEL_ID.search(html).group(1)

    def leave(self, kernel_id: str) -> None:
        xsrf = next(cookie.value for cookie in self.cookies if cookie.name == "_xsrf")
        body = urllib.parse.urlencode({"_xsrf": xsrf}).encode()
        self.opener.open(f"{self.server}/voila/api/shutdown/{kernel_id}", data=body, timeout=30)


# ---- 1 and 2: render ratio and kernel memory ---------------------------------------------

def bench_notebooks(root: Path) -> list[str]:
    """Copy the chapters into ``root`` and add the one-cell blank notebook beside them."""
    names = []
    for notebook in sorted((REPO / "notebooks").glob("*.ipynb")):
        shutil.copy(notebook, root / notebook.name)
        names.append(notebook.stem)
    blank = {"cells": [{"cell_type": "code", "execution_count": None, "id": "blank",
                        "metadata": {}, "outputs": [], "source": "1"}],
             "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python",
                                         "name": "python3"}},
             "nbformat": 4, "nbformat_minor": 5}
    (root / f"{BLANK}.ipynb").write_text(json.dumps(blank))
    return names + [BLANK]


def measure_renders(names: list[str], rounds: int, preheat: bool,
                    memory: dict[str, list[float]] | None = None) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {name: [] for name in names}
    with tempfile.TemporaryDirectory() as folder:
        bench_notebooks(Path(folder))
        args = (f"--Voila.root_dir={folder}",
                f"--VoilaConfiguration.preheat_kernel={preheat}")
        with serving(args=args) as server:
            visitor = Visitor(server)
            for number in range(rounds):
                order = names[:]
                random.Random(number).shuffle(order)
                for name in order:
                    wait_until_quiet(server)
                    seconds, kernel_id = visitor.render(name)
                    times[name].append(seconds)
                    if memory is not None:
                        memory.setdefault(name, []).append(pss_mib(kernel_pid(server, kernel_id)))
                    visitor.leave(kernel_id)
                print(f"  round {number + 1} of {rounds} done", file=sys.stderr, flush=True)
    return times


def print_ratios(title: str, times: dict[str, list[float]]) -> list[float]:
    blank = statistics.median(times[BLANK])
    print(f"\n{title}\n  blank notebook: median {blank * 1000:.0f} ms")
    print(f"  {'page':<28}{'median ms':>10}{'ratio':>8}")
    ratios = []
    for name, values in times.items():
        if name == BLANK:
            continue
        ratio = statistics.median(values) / blank
        ratios.append(ratio)
        print(f"  {name:<28}{statistics.median(values) * 1000:>10.0f}{ratio:>8.2f}")
    print(f"  median ratio {statistics.median(ratios):.2f}, highest {max(ratios):.2f}")
    return ratios


def print_memory(memory: dict[str, list[float]]) -> None:
    blank = statistics.median(memory[BLANK])
    print(f"\nKernel memory after running the page (PSS)\n  bare kernel: {blank:.1f} MiB")
    print(f"  {'page':<28}{'MiB':>8}{'ratio':>8}")
    for name, values in memory.items():
        if name != BLANK:
            value = statistics.median(values)
            print(f"  {name:<28}{value:>8.1f}{value / blank:>8.2f}")


# ---- 3: the load test ------------------------------------------------------------------

RENDERED = """() => !document.querySelector('#loading')
    && document.querySelector('#rendered_cells')
    && [...document.querySelectorAll('.jp-OutputArea-output')]
        .filter(output => output.querySelector('.jupyter-widgets')).length
        >= (window.__packExpectedWidgets || 0)"""


async def open_page(browser, url: str, errors: list[str]):
    context = await browser.new_context()
    await context.add_init_script(COUNT_WIDGET_OUTPUTS)
    page = await context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    await page.goto(url, timeout=300_000)
    await page.wait_for_function(RENDERED, timeout=300_000, polling=250)
    if await page.locator(".pack-error").count():
        errors.append(f"error block on {url}")
    return context, page


async def load_test(pages: int, chapter: str, room_size: int = 0) -> None:
    """``room_size`` > 0 starts the server as ``make serve ROOM_CHAPTER=… ROOM_SIZE=…`` does."""
    from playwright.async_api import async_playwright

    room = {"ROOM_CHAPTER": chapter, "ROOM_SIZE": str(room_size)} if room_size else {}
    with serving(**room) as server:
        wait_until_quiet(server, timeout_s=600)
        pool = running_kernels(server)
        errors: list[str] = []
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=CHROMIUM,
                                                       args=CHROMIUM_ARGS)
            url = f"{server}/voila/render/{chapter}.ipynb"
            laptop_before = cpu_seconds(process_tree(SERVER_PIDS[server]))
            browsers_before = browser_cpu_seconds(server)
            started = time.perf_counter()
            opened = await asyncio.gather(*(open_page(browser, url, errors)
                                            for _ in range(pages)), return_exceptions=True)
            seconds = time.perf_counter() - started
            laptop = cpu_seconds(process_tree(SERVER_PIDS[server])) - laptop_before
            browsers = browser_cpu_seconds(server) - browsers_before
            failures = [str(item) for item in opened if isinstance(item, BaseException)]
            rendered = pages - len(failures)
            at_peak = len(running_kernels(server))
            for item in opened:
                if not isinstance(item, BaseException):
                    await item[1].close(run_before_unload=True)
                    await item[0].close()
            await browser.close()
        # Voilà refills the pool with new kernels as pages take them, so count kernels beyond
        # the pool's size rather than kernels that were not in the pool at the start.
        left_at = {}
        for wait in (10, 30, 120):
            deadline = started + seconds + wait
            while time.perf_counter() < deadline and len(running_kernels(server)) > len(pool):
                await asyncio.sleep(0.5)
            left_at[wait] = max(len(running_kernels(server)) - len(pool), 0)
    setup = (f"ROOM_CHAPTER={chapter} ROOM_SIZE={room_size}" if room_size
             else "one ready kernel per page")
    print(f"\nLoad: {chapter} opened in {pages} Chromium pages at once ({setup})")
    print(f"  rendered without error: {rendered - len(errors)} of {pages}")
    print(f"  time until every page had drawn all its widgets: {seconds:.1f} s")
    print(f"  processor time: laptop's share (server and kernels) {laptop:.1f} s, "
          f"browsers' share {browsers:.1f} s, on {os.cpu_count()} cores")
    print(f"  the laptop's share alone, spread over {os.cpu_count()} cores: at least "
          f"{laptop / (os.cpu_count() or 1):.1f} s")
    print(f"  kernels running at the peak: {at_peak} (pool alone: {len(pool)})")
    print("  page kernels still running after the pages were left: "
          + ", ".join(f"{count} after {wait} s" for wait, count in left_at.items()))
    for problem in (failures + errors)[:5]:
        print(f"  problem: {problem[:200]}")


# ---- 4 and 5: bytes on the wire, and a slow phone ---------------------------------------

PHONE = {"width": 390, "height": 844}
PHONE_CHAPTERS = ("05_language", "09_self_care")
# The chapter's own title (not the page frame) can be seen: the words she came for.
TEXT_SHOWN = """() => [...document.querySelectorAll('#rendered_cells h1')]
    .some(heading => heading.offsetParent !== null)"""


class WireCount:
    """Bytes received over the wire by one page (headers and bodies, as compressed)."""

    def __init__(self) -> None:
        self.bytes = 0
        self.requests = 0
        self.cached = 0

    def attach(self, cdp) -> None:
        cdp.on("Network.loadingFinished", self._finished)
        cdp.on("Network.requestServedFromCache", self._from_cache)

    def _finished(self, event) -> None:
        self.bytes += event["encodedDataLength"]
        self.requests += 1

    def _from_cache(self, _event) -> None:
        self.cached += 1


async def visit(context, url: str, throttle: float = 1) -> dict[str, float]:
    """Open ``url`` in a new page of ``context``; bytes and seconds until drawn."""
    page = await context.new_page()
    cdp = await context.new_cdp_session(page)
    await cdp.send("Network.enable")
    if throttle != 1:
        await cdp.send("Emulation.setCPUThrottlingRate", {"rate": throttle})
    wire = WireCount()
    wire.attach(cdp)
    started = time.perf_counter()
    await page.goto(url, wait_until="commit", timeout=300_000)
    await page.wait_for_function(TEXT_SHOWN, timeout=300_000, polling=50)
    text = time.perf_counter() - started
    await page.wait_for_function(RENDERED, timeout=300_000, polling=100)
    drawn = time.perf_counter() - started
    await asyncio.sleep(1.0)  # let late requests (the kernel's websocket) finish counting
    errors = await page.locator(".pack-error").count()
    await page.close(run_before_unload=True)
    return {"bytes": wire.bytes, "requests": wire.requests, "cached": wire.cached,
            "drawn": drawn, "text": text, "errors": errors}


async def light_pages(rounds: int) -> None:
    """Bytes for a first visit and the next chapter, then the slow phone."""
    from playwright.async_api import async_playwright

    with serving() as server:
        wait_until_quiet(server, timeout_s=600)
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=CHROMIUM,
                                                       args=CHROMIUM_ARGS)
            first, following = [], []
            for _ in range(rounds):
                context = await browser.new_context(viewport=PHONE)
                await context.add_init_script(COUNT_WIDGET_OUTPUTS)
                first.append(await visit(context, f"{server}/voila/render/05_language.ipynb"))
                wait_until_quiet(server)
                following.append(await visit(context,
                                             f"{server}/voila/render/06_leadership.ipynb"))
                await context.close()
                wait_until_quiet(server)
            print("\nBytes over the wire (medians; compressed size as sent, headers included;"
                  " requests include those the browser answered from its cache)")
            for label, visits in (("first visit: Language", first),
                                  ("next chapter: Leadership", following)):
                print(f"  {label:<28}{statistics.median(v['bytes'] for v in visits) / 1e6:>6.2f} MB"
                      f" in {statistics.median(v['requests'] for v in visits):.0f} requests")
            times: dict[tuple[str, str], list[dict]] = {}
            for number in range(rounds):
                order = [(chapter, language) for chapter in PHONE_CHAPTERS
                         for language in ("en", "cy")]
                random.Random(number).shuffle(order)
                for chapter, language in order:
                    wait_until_quiet(server)
                    context = await browser.new_context(viewport=PHONE, is_mobile=True,
                                                        has_touch=True)
                    await context.add_init_script(COUNT_WIDGET_OUTPUTS)
                    query = "?lang=cy" if language == "cy" else ""
                    times.setdefault((chapter, language), []).append(await visit(
                        context, f"{server}/voila/render/{chapter}.ipynb{query}", throttle=4))
                    await context.close()
                print(f"  phone round {number + 1} of {rounds} done", file=sys.stderr, flush=True)
            await browser.close()
    print("\nA phone: 390x844, processor slowed 4x, first visit (medians of "
          f"{rounds}; goal: drawn in 4 s)")
    print(f"  {'page':<24}{'text shown':>12}{'all drawn':>12}{'errors':>8}")
    drawn = {}
    for (chapter, language), visits in sorted(times.items()):
        drawn[(chapter, language)] = statistics.median(v["drawn"] for v in visits)
        print(f"  {chapter + ' ' + language:<24}"
              f"{statistics.median(v['text'] for v in visits):>10.1f} s"
              f"{drawn[(chapter, language)]:>10.1f} s{sum(v['errors'] for v in visits):>8}")
    for chapter in PHONE_CHAPTERS:
        print(f"  Welsh/English, {chapter}: {drawn[(chapter, 'cy')] / drawn[(chapter, 'en')]:.2f}")


# ---- 6: Lighthouse, if it is installed (npm) -----------------------------------------------

LIGHTHOUSE = REPO / "node_modules" / ".bin" / "lighthouse"


def lighthouse(chapters: tuple[str, ...] = PHONE_CHAPTERS) -> None:
    """Lighthouse's mobile preset (simulated slow 4G, 4x CPU) on each chapter, with Debian's
    Chromium; it audits only the pack's own server. Skipped, saying so, if not installed."""
    import subprocess

    if not LIGHTHOUSE.exists():
        print("\nLighthouse: not installed (npm ci installs the version package.json pins); "
              "skipped")
        return
    rows = []
    with serving() as server, tempfile.TemporaryDirectory() as folder:
        wait_until_quiet(server, timeout_s=600)
        for chapter in chapters:
            report = Path(folder) / f"{chapter}.json"
            subprocess.run(
                [str(LIGHTHOUSE), f"{server}/voila/render/{chapter}.ipynb", "--quiet",
                 "--output=json", f"--output-path={report}", "--form-factor=mobile",
                 "--only-categories=performance,accessibility,best-practices",
                 "--max-wait-for-load=120000",
                 "--chrome-flags=--headless=new " + " ".join(CHROMIUM_ARGS)],
                env={**os.environ, "CHROME_PATH": CHROMIUM}, check=False, timeout=600,
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if not report.exists():
                rows.append((chapter, None))
                continue
            data = json.loads(report.read_text())
            rows.append((chapter, data))
            wait_until_quiet(server)
    print("\nLighthouse mobile (simulated slow 4G, 4x CPU)")
    print(f"  {'page':<16}{'perf':>6}{'a11y':>6}{'best':>6}{'FCP s':>8}{'LCP s':>8}"
          f"{'TBT ms':>8}{'TTI s':>8}")
    for chapter, data in rows:
        if data is None:
            print(f"  {chapter:<16}  Lighthouse gave no report")
            continue
        score = {name: round(100 * (category["score"] or 0))
                 for name, category in data["categories"].items()}
        audit = {name: data["audits"][name].get("numericValue") or 0 for name in
                 ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
                  "interactive")}
        print(f"  {chapter:<16}{score['performance']:>6}{score['accessibility']:>6}"
              f"{score['best-practices']:>6}"
              f"{audit['first-contentful-paint'] / 1000:>8.1f}"
              f"{audit['largest-contentful-paint'] / 1000:>8.1f}"
              f"{audit['total-blocking-time']:>8.0f}{audit['interactive'] / 1000:>8.1f}")


def describe_machine() -> str:
    memory_kib = int(Path("/proc/meminfo").read_text().split()[1])
    model = next((line.split(":", 1)[1].strip() for line in
                  Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), platform.processor())
    return (f"{os.cpu_count()} CPU cores ({model}), {memory_kib / 1024 / 1024:.0f} GiB memory, "
            f"{platform.system()} {platform.release()}, Python {platform.python_version()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--pages", type=int, default=30)
    parser.add_argument("--chapter", default="05_language")
    parser.add_argument("--only", choices=["render", "load", "light", "lighthouse"])
    parser.add_argument("--room-size", type=int, default=None,
                        help="ready kernels for the chapter (default: one run with the "
                             "default pool, then one with as many as pages)")
    options = parser.parse_args()
    print(f"Machine: {describe_machine()}")
    print(f"Load average at start: {os.getloadavg()[0]:.2f}")
    names = [path.stem for path in sorted((REPO / "notebooks").glob("*.ipynb"))] + [BLANK]
    if options.only in (None, "render"):
        warm = measure_renders(names, options.rounds, preheat=True)
        print_ratios("Render time, preheated kernels (what a participant normally gets)", warm)
        memory: dict[str, list[float]] = {}
        cold = measure_renders(names, options.rounds, preheat=False, memory=memory)
        print_ratios("Render time, cold kernels (the pool is used up)", cold)
        print_memory(memory)
    if options.only in (None, "light"):
        asyncio.run(light_pages(options.rounds))
    if options.only in (None, "lighthouse"):
        lighthouse()
    if options.only in (None, "load"):
        sizes = [options.room_size] if options.room_size is not None else [0, options.pages]
        for size in sizes:
            asyncio.run(load_test(options.pages, options.chapter, size))


if __name__ == "__main__":
    main()
