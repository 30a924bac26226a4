"""Words first: a chapter's text, its content note, the exit and support are there as soon as
the page's HTML has arrived, before any of Voilà's scripts; each activity keeps its place with
a calm note until it is drawn, and drawing them does not move what a reader is reading."""

from __future__ import annotations

import re

import pytest
from conftest import ARTIFACTS, EXIT_URL, open_notebook

from peer_support.i18n import t

pytestmark = pytest.mark.browser

VOILA_FRONT_END = re.compile(r".*/voila/static/(v-[0-9a-f]+/)?voila\.js$")
CHAPTER = "05_language"
LEARNER_ACTIVITIES = 2  # the language game and the reflection (the rest are facilitator notes)


def hold_front_end(page) -> list:
    """Keep Voilà's front end (voila.js) from arriving until the test lets it go."""
    held: list = []
    page.route(VOILA_FRONT_END, lambda route: held.append(route))
    return held


def open_html_only(page, server: str, query: str = "") -> list:
    held = hold_front_end(page)
    # Voilà's front end is a script at the very end of the page, after the footer: the page is
    # not "loaded" while it is held, but everything before it has arrived.
    page.goto(f"{server}/voila/render/{CHAPTER}.ipynb{query}", wait_until="commit",
              timeout=90_000)
    page.wait_for_selector(".pack-footer", state="attached", timeout=90_000)
    page.wait_for_function("() => !!document.querySelector('script[src$=\"/voila.js\"]')")
    page.wait_for_timeout(300)
    assert held, "the page did not ask for Voilà's front end"
    assert page.locator(".jupyter-widgets").count() == 0  # nothing drawn by script yet
    return held


def test_text_note_exit_and_support_before_any_script(page, server) -> None:
    held = open_html_only(page, server)
    assert page.locator("#rendered_cells h1", has_text="Language").is_visible()
    assert page.locator("#rendered_cells h2", has_text="The power of language").is_visible()
    assert page.locator(".pack-content-note").is_visible()
    assert page.locator(".pack-chapter-links").is_visible()
    # Each activity keeps its place with a calm note; facilitator notes' places stay hidden.
    waiting = page.locator(".pack-activity-waiting:visible")
    assert waiting.count() == LEARNER_ACTIVITIES
    assert waiting.first.inner_text() == t("chrome.activity_loading", "en")
    page.screenshot(path=ARTIFACTS / "words-first-before-scripts.png", full_page=True)
    # Support opens and the exit works, with no script from Voilà at all.
    page.locator(".pack-support__summary").click()
    assert page.locator(".pack-support__panel").is_visible()
    page.locator(".pack-js-exit-button").click()
    page.wait_for_url(EXIT_URL + "**", timeout=10_000)
    for route in held:
        route.abort()


def test_welsh_page_waits_in_welsh(page, server) -> None:
    held = open_html_only(page, server, "?lang=cy")
    assert page.locator("#rendered_cells h1", has_text="Iaith").is_visible()
    waiting = page.locator(".pack-activity-waiting:visible")
    assert waiting.count() == LEARNER_ACTIVITIES
    assert waiting.first.inner_text() == t("chrome.activity_loading", "cy")
    for route in held:
        route.abort()


def test_activities_replace_their_notes_without_moving_the_reader(page, server) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    held = open_html_only(page, server)
    # She has scrolled down to read; the heading after the first activity is at the top.
    anchor = page.locator("#rendered_cells h2:visible").last.element_handle()
    anchor.evaluate("el => window.scrollTo(0, el.getBoundingClientRect().top + scrollY - 20)")
    assert page.locator(".pack-activity-waiting:visible").first.bounding_box()["y"] < 0
    before = anchor.bounding_box()["y"]
    for route in held:
        route.continue_()
    page.wait_for_selector("#loading", state="detached", timeout=90_000)
    page.wait_for_function(
        "document.querySelectorAll('.jp-OutputArea-output .jupyter-widgets').length >= 5",
        timeout=60_000)
    page.wait_for_timeout(500)
    assert page.locator(".pack-activity-waiting:visible").count() == 0
    after = anchor.bounding_box()["y"]
    assert abs(after - before) < 40, f"the text she was reading moved from {before} to {after}"


def test_whole_page_still_draws_every_activity(page, server, watch) -> None:
    open_notebook(page, server, CHAPTER)
    assert page.locator(".pack-activity-waiting:visible").count() == 0
    assert page.locator(".pack-content-note").count() == 1
    assert watch.page_errors == []
