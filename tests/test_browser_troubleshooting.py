"""The Troubleshooting chapter's scenario cards in a real browser: worked by keyboard alone,
a content note that hides the hard card until asked, and printable cards that hold every
situation plus exactly the choices made."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
import yaml
from conftest import REPO, open_notebook, tab_to, wait_for_focus

pytestmark = pytest.mark.browser

DATA = yaml.safe_load((REPO / "assets/troubleshooting/scenarios.yaml").read_text(encoding="utf-8"))
SCENARIOS = DATA["scenarios"]
TOTAL = len(SCENARIOS)
RISK = next(n for n, s in enumerate(SCENARIOS) if s["title"].startswith("Someone discloses risk"))
TECH = next(n for n, s in enumerate(SCENARIOS) if s["title"] == "The technology fails")


def in_cards(test: str) -> str:
    return f"el.closest('.pack-scenario-cards') && ({test})"


def text_is(text: str) -> str:
    return f"el.textContent.trim() === {text!r}"


def label(number: int, letter_index: int) -> str:
    response = SCENARIOS[number]["responses"][letter_index]["text"]
    return f"{'ABCDEF'[letter_index]}. {response}"


def wait_for_position(page, number: int) -> None:
    page.wait_for_function(
        "document.querySelector('.pack-scenario-cards .pack-deck .pack-status').textContent"
        f" === 'Situation {number + 1} of {TOTAL}'")


def press_next(page, number: int) -> None:
    """From anywhere in the cards, Tab to "Next situation" and press Enter."""
    tab_to(page, in_cards(text_is("Next situation")))
    page.keyboard.press("Enter")
    wait_for_position(page, number + 1)


def card_text(page) -> str:
    return page.locator(".pack-scenario-cards .pack-scenario").inner_text()


def test_scenario_cards_by_keyboard_alone_print_every_card_and_the_choices(page, server):
    open_notebook(page, server, "11_troubleshooting")
    chosen: dict[int, str] = {}

    # Card 1: choose B, look at every response, then move on.
    tab_to(page, in_cards(text_is(label(0, 0))))
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == label(0, 1)
    page.keyboard.press("Enter")
    page.wait_for_function(
        "document.querySelector('.qa-scenario-trade-offs').textContent.includes('What to watch')")
    assert SCENARIOS[0]["responses"][1]["helps"][0] in page.locator(
        ".qa-scenario-trade-offs").inner_text()
    chosen[0] = label(0, 1)
    tab_to(page, in_cards(text_is("Show the trade-offs of every response")))
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelector('.qa-scenario-all').textContent.length > 0")
    everything = page.locator(".qa-scenario-all").inner_text()
    assert all(r["watch_out"][0] in everything for r in SCENARIOS[0]["responses"])
    press_next(page, 0)

    # Each later card: focus lands on its first response (or on "Show this situation").
    for number in range(1, TOTAL):
        note = SCENARIOS[number].get("note")
        if note:
            wait_for_focus(page, in_cards(text_is("Show this situation")))
            assert SCENARIOS[number]["situation"] not in card_text(page)
            assert note in card_text(page)
            if number == RISK:  # skip the hardest card without seeing it
                press_next(page, number)
                continue
            page.keyboard.press("Enter")
            page.wait_for_function(
                "document.querySelector('.pack-scenario-cards .pack-scenario').textContent"
                f".includes({SCENARIOS[number]['situation'][:40]!r})")
        wait_for_focus(page, in_cards(text_is(label(number, 0))))
        if number == 1:  # pass: the Pass button comes after the responses
            for _ in SCENARIOS[number]["responses"]:
                page.keyboard.press("Tab")
            assert page.evaluate("document.activeElement.textContent.trim()") == "Pass"
            page.keyboard.press("Enter")
            page.wait_for_function(
                "document.querySelector('.qa-scenario-trade-offs').textContent"
                ".includes('You passed on this one')")
        elif number in (2, TECH):
            page.keyboard.press("Enter")
            chosen[number] = label(number, 0)
            page.wait_for_function(
                "document.querySelector('.qa-scenario-trade-offs').textContent"
                ".includes('What this can help with')")
        if number < TOTAL - 1:
            press_next(page, number)

    # At the last card, Next stays put and says so.
    tab_to(page, in_cards(text_is("Next situation")))
    page.keyboard.press("Enter")
    page.wait_for_function(
        "document.querySelector('.pack-scenario-cards .pack-deck .pack-status').textContent"
        " === 'This is the last one.'")

    # The printable cards, by keyboard.
    tab_to(page, in_cards(text_is("Prepare the printable cards")))
    page.keyboard.press("Enter")
    page.wait_for_selector(".pack-scenario-cards .qa-download-html")
    tab_to(page, in_cards("el.classList.contains('qa-download-html')"))
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    html = Path(info.value.path()).read_text(encoding="utf-8")
    assert "@page { size: A4" in html
    headings = [unescape(h) for h in re.findall(r"<h2>(.*?)</h2>", html)]
    assert headings == [f"{n + 1}. {s['title']}" for n, s in enumerate(SCENARIOS)]
    text = unescape(html)
    for scenario in SCENARIOS:  # the full no-tech set, even for cards skipped on screen
        assert scenario["situation"] in text
        assert all(r["text"] in text for r in scenario["responses"])
    assert SCENARIOS[RISK]["note"] in text
    choices = re.findall(r"<li>Our choice: (.*?)</li>", html)
    assert [unescape(c) for c in choices] == [chosen[n] for n in sorted(chosen)]
    assert page.evaluate("window.__injected") is None


def test_previous_at_first_card_says_so_and_keeps_focus(page, server):
    open_notebook(page, server, "11_troubleshooting")
    tab_to(page, in_cards(text_is("Previous situation")))
    page.keyboard.press("Enter")
    page.wait_for_function(
        "document.querySelector('.pack-scenario-cards .pack-deck .pack-status').textContent"
        " === 'This is the first one.'")
    wait_for_focus(page, in_cards(text_is(label(0, 0))))
    assert page.locator(".pack-scenario-cards .qa-scenario-trade-offs").inner_text() == ""
