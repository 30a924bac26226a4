"""Welsh as fast as English: a page asked for in Welsh is handed a ready kernel from the Welsh
pool, and that kernel drew the page in Welsh (peer_support.server.app)."""

from __future__ import annotations

import re
import time
import urllib.request

import pytest
from conftest import ARTIFACTS, serving

from peer_support.i18n import t
from peer_support.server.app import language_pool, pool_notebook

KERNEL_ID = re.compile(r'"kernelId": "([0-9a-f-]{36})"')


def render(base: str, query: str = "") -> tuple[str, str]:
    with urllib.request.urlopen(f"{base}/voila/render/05_language.ipynb{query}",
                                timeout=180) as reply:
        html = reply.read().decode()
    return html, KERNEL_ID.search(html).group(1)


def log_of(base: str) -> str:
    port = base.rsplit(":", 1)[1]
    return (ARTIFACTS / f"voila-127.0.0.1-{port}.log").read_text(errors="replace")


def preheated_for(base: str, kernel_id: str) -> str | None:
    """The pool Voilà took ``kernel_id`` from, as its log says; None if it started one."""
    found = re.search(rf"Using pre-heated kernel: {kernel_id} for (\S+)", log_of(base))
    return found.group(1) if found else None


@pytest.fixture(scope="module")
def base():
    with serving() as base:
        time.sleep(5)  # let the pools start before the first page is asked for
        yield base


def test_welsh_page_comes_from_a_ready_welsh_kernel(base) -> None:
    html, kernel_id = render(base, "?lang=cy")
    assert preheated_for(base, kernel_id) == "05_language.ipynb#lang=cy"
    # The kernel drew the page in Welsh: the content note and the chapter links are Welsh.
    assert t("content_note.heading", "cy") in html
    assert t("content_note.heading", "en") not in html
    assert re.search(r'href="[^"]*06_leadership\.ipynb\?lang=cy"', html)


def test_english_page_still_comes_from_a_ready_english_kernel(base) -> None:
    html, kernel_id = render(base)
    assert preheated_for(base, kernel_id) == "05_language.ipynb"
    assert t("content_note.heading", "en") in html
    assert t("content_note.heading", "cy") not in html


def test_welsh_pool_is_filled_again_after_a_page_takes_its_kernel(base) -> None:
    first = render(base, "?lang=cy")[1]
    time.sleep(8)
    second = render(base, "?lang=cy")[1]
    assert first != second
    assert preheated_for(base, second) == "05_language.ipynb#lang=cy"


def test_pool_names() -> None:
    assert language_pool("05_language.ipynb", "en") == "05_language.ipynb"
    assert language_pool("05_language.ipynb", "cy") == "05_language.ipynb#lang=cy"
    assert pool_notebook("05_language.ipynb#lang=cy") == ("05_language.ipynb", "cy")
    assert pool_notebook("05_language.ipynb") == ("05_language.ipynb", "en")
