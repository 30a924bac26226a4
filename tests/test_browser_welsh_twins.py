"""A Welsh content twin in a real browser: the needs inventory finished by keyboard on the Welsh
Self-care page reads assets/self_care/needs.cy.yaml, and its download is a Welsh snapshot."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
import yaml
from conftest import ARTIFACTS, REPO, open_notebook, tab_to, wait_for_focus

from peer_support.i18n import catalogue

pytestmark = pytest.mark.browser

CY = catalogue("cy")
NEEDS = yaml.safe_load((REPO / "assets/self_care/needs.cy.yaml").read_text(encoding="utf-8"))
ENGLISH = yaml.safe_load((REPO / "assets/self_care/needs.yaml").read_text(encoding="utf-8"))
BY_ID = {need["id"]: need for need in NEEDS["items"]}
INVENTORY = ".qa-self_care-needs"


def button(qa_class: str) -> str:
    return (f"el.closest({INVENTORY!r}) && el.closest('.{qa_class}') "
            "&& el.tagName === 'BUTTON'")


def test_needs_inventory_finished_in_welsh_gives_a_welsh_snapshot(page, server) -> None:
    open_notebook(page, server, "09_self_care", "?lang=cy")
    inventory = page.locator(INVENTORY)
    shown = inventory.inner_text()
    assert NEEDS["question"] in shown and BY_ID["connection"]["hint"] in shown
    assert ENGLISH["question"] not in shown

    # connection met, two passes, play partly, peace not met, the rest passed
    answers = ["met", "pass", "pass", "partly", "not-met", "pass", "pass"]
    for number, answer in enumerate(answers, start=1):
        if number > 1:
            tab_to(page, button("qa-ratings-next"))
            page.keyboard.press("Enter")
            wait_for_focus(page, button("qa-choice-not-met"))
        tab_to(page, button(f"qa-choice-{answer}"))
        page.keyboard.press("Enter")
        done = CY["ratings.progress"].format(done=number, total=len(answers))
        progress = f"document.querySelector('{INVENTORY} .qa-ratings-progress').textContent"
        page.wait_for_function(f"{progress}.includes({done!r})")

    summary = page.locator(f"{INVENTORY} .qa-self-check-summary").inner_text()
    assert NEEDS["summary_note"] in summary
    assert BY_ID["peace"]["actions"][0] in summary
    ARTIFACTS.mkdir(exist_ok=True)
    inventory.scroll_into_view_if_needed()
    inventory.screenshot(path=str(ARTIFACTS / "welsh-needs-inventory.png"))

    tab_to(page, f"el.closest({INVENTORY!r}) && "
                 f"el.textContent.trim() === {CY['handout.prepare']!r}")
    page.keyboard.press("Enter")
    page.wait_for_selector(f"{INVENTORY} .qa-download-html")
    tab_to(page, f"el.closest({INVENTORY!r}) && el.classList.contains('qa-download-html')")
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    handout = Path(info.value.path()).read_text(encoding="utf-8")

    assert '<html lang="cy">' in handout and NEEDS["title"] in handout
    assert unescape(CY["handout.made_with"]) in unescape(handout)
    items = [unescape(item) for item in re.findall(r"<li>(.*?)</li>", handout, flags=re.S)]
    connection, play, peace = BY_ID["connection"], BY_ID["play"], BY_ID["peace"]
    assert items == [connection["name"], play["name"], peace["name"],
                     f"{play['name']}: {play['actions'][0]}",
                     f"{peace['name']}: {peace['actions'][0]}"]
    for english in ENGLISH["items"]:  # nothing of the English file reaches the Welsh snapshot
        assert english["name"] not in handout and english["actions"][0] not in handout
