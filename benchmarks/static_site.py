"""How long the static site (``make site``) takes until its first activity answers, cold and
with the browser's cache warm, and what each page costs over the wire.

Run it after ``make site``, under the shared browser lock on a shared machine::

    flock /tmp/pack-browser.lock .venv/bin/python benchmarks/static_site.py --runs 3

It serves ``site/`` with Python's plain static file server (counting the bytes it sends) and
drives Debian's Chromium with every other host unreachable; any request to one is counted and
fails the run. (Requests are watched, not routed: Playwright's routing turns the cache off.)

- *Cold*: a fresh browser profile, as on a first visit.
- *Warm*: the same profile opening the page again (HTTP cache and service worker in place).
- *First activity answers*: from navigation until a click on the page's first activity has
  changed what it shows, which needs Python to have loaded and run the page.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SITE = REPO / "site"
CHROMIUM = "/usr/bin/chromium"
PAGES = "voici/render/notebooks"

# Per page: a click on its first activity, and a sign in the page that the activity answered.
ACTIVITIES = {
    "00_start": (None, "document.querySelector('.pack-chapter-list a')"),
    "05_language": (
        ".pack-language-game button:text-is('Unsure')",
        "[...document.querySelectorAll('.pack-choice .pack-status')]"
        ".some(e => e.textContent === 'Noted: Unsure.')"),
    "09_self_care": (
        ".pack-self-care-plan .qa-ratings-scale button:text-is('Mostly')",
        "[...document.querySelectorAll('.pack-self-care-plan .pack-status')]"
        ".some(e => e.textContent.includes('Noted: Mostly.'))"),
}


class Served:
    """Python's plain static file server in a thread, counting what it sends: the bytes
    that really cross the wire (the page's own requests and its Python worker's alike)."""

    def __init__(self):
        import functools
        import http.server
        import threading

        served = self
        self.bytes = 0
        self.requests = 0

        class Handler(http.server.SimpleHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def send_response(self, code, message=None):
                served.requests += 1
                super().send_response(code, message)

            def copyfile(self, source, outputfile):
                data = source.read()
                served.bytes += len(data)
                outputfile.write(data)

        handler = functools.partial(Handler, directory=str(SITE))
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def take(self) -> tuple[int, int]:
        counted = self.bytes, self.requests
        self.bytes = self.requests = 0
        return counted


def one_visit(context, served: Served, name: str) -> dict:
    """Open ``name`` in ``context``; return seconds to text, to answer, bytes and requests."""
    page = context.new_page()
    base = served.base
    served.take()
    click, answered = ACTIVITIES[name]
    started = time.monotonic()
    page.goto(f"{base}/{PAGES}/{name}.html", wait_until="domcontentloaded")
    page.locator("h1").first.wait_for()
    text_at = time.monotonic() - started
    if click:
        # Python has loaded when the activity's button is there; click it as soon as it is.
        page.locator(click).first.click(timeout=300_000)
    page.wait_for_function(answered, timeout=300_000)
    answer_at = time.monotonic() - started
    page.wait_for_selector("#loading", state="detached", timeout=300_000)
    page.wait_for_timeout(1000)  # let the last requests finish before counting
    page.close()
    sent, requests = served.take()
    return {"text_s": text_at, "answer_s": answer_at, "bytes": sent, "requests": requests}


def measure(runs: int) -> dict:
    from playwright.sync_api import sync_playwright

    served = Served()
    base = served.base
    results: dict[str, dict[str, list]] = {}
    foreign: list[str] = []
    try:
        with sync_playwright() as playwright:
            for _ in range(runs):
                for name in ACTIVITIES:
                    with tempfile.TemporaryDirectory() as profile:
                        context = playwright.chromium.launch_persistent_context(
                            profile, executable_path=CHROMIUM, headless=True,
                            # Every other host is unreachable, as on the static test's network.
                            args=["--no-sandbox", "--disable-gpu",
                                  "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
                                  "--disable-background-networking",
                                  "--disable-component-update", "--no-first-run"],
                            viewport={"width": 1024, "height": 768})

                        # Watched, not routed: routing would switch off the browser's cache.
                        context.on("request", lambda request: foreign.append(request.url)
                                   if not request.url.startswith((base + "/", "data:", "blob:"))
                                   else None)
                        for kind in ("cold", "warm"):
                            visit = one_visit(context, served, name)
                            bucket = results.setdefault(f"{name} {kind}", {})
                            for key, value in visit.items():
                                bucket.setdefault(key, []).append(value)
                        context.close()
    finally:
        served.server.shutdown()
    return {"results": results, "foreign": foreign}


def site_figures() -> dict:
    files = [path for path in SITE.rglob("*") if path.is_file()]
    size = sum(path.stat().st_size for path in files)
    gzipped = sum(len(gzip.compress(path.read_bytes(), 6)) for path in files)
    pages = {path.stem: (path.stat().st_size, len(gzip.compress(path.read_bytes(), 6)))
             for path in sorted((SITE / PAGES).glob("*.html"))}
    return {"files": len(files), "mib": size / 2**20, "gzip_mib": gzipped / 2**20, "pages": pages}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if not (SITE / "index.html").is_file():
        sys.exit("Build the site first: make site")
    figures = site_figures()
    print(f"site/: {figures['files']} files, {figures['mib']:.1f} MiB "
          f"({figures['gzip_mib']:.1f} MiB if every file were gzipped)")
    measured = measure(args.runs)
    print(f"{'page':22} {'text (s)':>9} {'answers (s)':>12} {'MiB sent':>9} {'requests':>9}")
    for key, values in measured["results"].items():
        print(f"{key:22} {statistics.median(values['text_s']):9.1f} "
              f"{statistics.median(values['answer_s']):12.1f} "
              f"{statistics.median(values['bytes']) / 2**20:9.1f} "
              f"{statistics.median(values['requests']):9.0f}")
    print(f"medians of {args.runs} run(s); requests to other hosts: {len(measured['foreign'])}")
    out = REPO / "test-artifacts" / "static-site-bench.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps({"site": figures, **measured}, indent=1), encoding="utf-8")
    if measured["foreign"]:
        sys.exit(f"requests left the site: {measured['foreign'][:5]}")


if __name__ == "__main__":
    main()
