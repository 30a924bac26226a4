"""Kernels in a room: a page that is left gives its kernel back, an open page keeps it.

Leaving a page is tested on the pack's usual server, whose culling waits 75 s: a release within
seconds can only be the page's own shutdown request, which stock Voilà 0.5 refuses (voila
#1458). Culling is tested on a second server that culls after 30 s.
"""

from __future__ import annotations

import re
import time
import urllib.request

import pytest
from conftest import (
    open_notebook,
    page_kernel,
    running_kernels,
    serving,
    wait_for_kernel_gone,
)

pytestmark = pytest.mark.browser

CULL_IDLE_S = 30
CULL_ARGS = (f"--MappingKernelManager.cull_idle_timeout={CULL_IDLE_S}",
             "--MappingKernelManager.cull_interval=2")
CULLING_DEADLINE_S = CULL_IDLE_S + 20


@pytest.fixture(scope="module")
def room():
    with serving(args=CULL_ARGS) as base:
        yield base


@pytest.fixture
def context(browser):
    context = browser.new_context()
    yield context
    context.close()


def open_page_with_kernel(context, server: str, name: str = "05_language"):
    page = context.new_page()
    open_notebook(page, server, name)
    kernel = page_kernel(page)
    assert kernel in running_kernels(server)
    return page, kernel


def test_page_gets_the_cookie_its_shutdown_request_needs(context, server) -> None:
    open_page_with_kernel(context, server, "00_start")
    assert "_xsrf" in {cookie["name"] for cookie in context.cookies()}


def test_leaving_a_page_releases_its_kernel(context, server) -> None:
    page, kernel = open_page_with_kernel(context, server)
    page.goto(f"{server}/voila/templates/peer-support/static/pack.css")
    assert wait_for_kernel_gone(server, kernel, timeout_s=10)


def test_closing_the_tab_releases_its_kernel(context, server) -> None:
    page, kernel = open_page_with_kernel(context, server)
    page.close(run_before_unload=True)
    assert wait_for_kernel_gone(server, kernel, timeout_s=10)


def test_exit_button_releases_the_kernel(context, server) -> None:
    page, kernel = open_page_with_kernel(context, server)
    context.route("https://www.bbc.co.uk/**", lambda route: route.fulfill(body="Weather"))
    page.locator(".pack-js-exit-button").click()
    page.wait_for_url("https://www.bbc.co.uk/**")
    assert wait_for_kernel_gone(server, kernel, timeout_s=10)


def test_open_page_keeps_a_working_kernel_while_idle(context, room) -> None:
    page, kernel = open_page_with_kernel(context, room)
    time.sleep(CULL_IDLE_S + 6)  # idle for longer than the culling limit
    assert kernel in running_kernels(room)
    page.locator(".pack-language-game button", has_text="Fine").first.click()
    page.wait_for_function(
        "[...document.querySelectorAll('.pack-choice .pack-status')]"
        ".some(e => e.textContent === 'Noted: Fine.')", timeout=10_000)


def test_culling_releases_a_kernel_whose_page_vanished(browser, room) -> None:
    """A crashed browser sends nothing; culling frees the kernel soon after."""
    context = browser.new_context()
    # The page's shutdown requests go nowhere, as if the browser had crashed.
    context.add_init_script("navigator.sendBeacon = () => true;")
    page, kernel = open_page_with_kernel(context, room)
    # Let the page finish its websocket handshakes first. A page that vanishes in the middle of
    # one meets a jupyter_server race (the handler's connection is cleared while it is still
    # being set up: a 500 in select_subprotocol), seen once in three full runs, after which
    # the kernel was not culled. That is a separate fault from the crashed page tested here.
    page.wait_for_timeout(3000)
    context.close()
    assert wait_for_kernel_gone(room, kernel, timeout_s=CULLING_DEADLINE_S)


def test_kernel_long_in_the_pool_survives_until_its_page_connects(room) -> None:
    """A slow phone may take seconds to connect after the page arrives; its kernel must wait."""
    time.sleep(CULL_IDLE_S + 4)  # every pooled kernel has now waited longer than the limit
    with urllib.request.urlopen(f"{room}/voila/render/05_language.ipynb", timeout=90) as reply:
        html = reply.read().decode()
    kernel = re.search(r'"kernelId": "([0-9a-f-]{36})"', html).group(1)
    time.sleep(6)  # three culling rounds, with no connection yet
    assert kernel in running_kernels(room)
    # No page ever connected, so the safety net still frees it in the end.
    assert wait_for_kernel_gone(room, kernel, timeout_s=CULLING_DEADLINE_S)
