"""The Trust chapter's exercises in a real browser: the trust sort finished by keyboard alone
with a download that holds exactly the group's sort, typed HTML that stays text, and the
self-check's chart, next steps and download."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
import yaml
from conftest import REPO, open_notebook, tab_to, wait_for_focus

pytestmark = pytest.mark.browser

CARDS_FILE = REPO / "assets/trust/trust-cards.yaml"
CARDS = yaml.safe_load(CARDS_FILE.read_text(encoding="utf-8"))["cards"]
BREAKS = {"story-repeated", "broken-promise", "talked-over", "background-joke", "unasked-advice",
          "photos", "side-conversations", "unwanted-contact"}
BUILDS_BUTTON = "Move to “Builds trust”"
BREAKS_BUTTON = "Move to “Breaks trust”"
OWN_CARD = "We laugh together ŵ 😊"
HOSTILE = '<img src=x onerror="window.__injected=1"><script>window.__injected=2</script>'


def in_sort(test: str) -> str:
    return f"el.closest('.pack-trust-sort') && ({test})"


def text_is(text: str) -> str:
    return f"el.textContent.trim() === {text!r}"


def focused_text(page) -> str:
    return page.evaluate("document.activeElement.textContent.trim()")


def shift_tab_to(page, predicate: str, limit: int = 30) -> None:
    """Press Shift+Tab until ``predicate`` (JS taking the focused element) is true."""
    for _ in range(limit):
        page.keyboard.press("Shift+Tab")
        if page.evaluate(f"(el => {predicate})(document.activeElement)"):
            return
    raise AssertionError(f"keyboard focus never reached (backwards): {predicate}")


def wait_for_sort_status(page, starts_with: str) -> None:
    page.wait_for_function(
        "text => document.querySelector('.pack-trust-sort .qa-sort-status')"
        ".textContent.startsWith(text)", arg=starts_with)


def handout_sections(html: str) -> dict[str, list[str]]:
    """A downloaded HTML handout -> {section heading: [items, unescaped]}."""
    found = {}
    for heading, body in re.findall(r"<h2>(.*?)</h2>\s*<ul>(.*?)</ul>", html, flags=re.S):
        found[unescape(heading)] = [unescape(item) for item in
                                    re.findall(r"<li>(.*?)</li>", body, flags=re.S)]
    return found


def read_download(download) -> str:
    return Path(download.path()).read_text(encoding="utf-8")


def test_trust_sort_can_be_finished_by_keyboard_alone(page, server) -> None:
    open_notebook(page, server, "03_trust")
    tab_to(page, in_sort(text_is(BUILDS_BUTTON)))
    for card in CARDS:
        if card["id"] in BREAKS:
            page.keyboard.press("Tab")
            assert focused_text(page) == BREAKS_BUTTON
            page.keyboard.press("Enter")
            wait_for_sort_status(page, f"“{card['text']}” moved to “Breaks trust”")
            page.keyboard.press("Shift+Tab")
            assert focused_text(page) == BUILDS_BUTTON
        else:
            page.keyboard.press("Enter")
            wait_for_sort_status(page, f"“{card['text']}” moved to “Builds trust”")
            assert focused_text(page) == BUILDS_BUTTON  # focus stays for the next card

    # A card of the group's own, typed and sorted by keyboard.
    tab_to(page, in_sort("el.closest('.qa-sort-add-input') && el.tagName === 'INPUT'"))
    page.keyboard.type(OWN_CARD)
    page.keyboard.press("Tab")
    assert focused_text(page) == "Add this card"
    page.keyboard.press("Enter")
    wait_for_sort_status(page, f"“{OWN_CARD}” added")
    shift_tab_to(page, in_sort(text_is(BUILDS_BUTTON)))
    page.keyboard.press("Enter")
    wait_for_sort_status(page, f"“{OWN_CARD}” moved to “Builds trust”")
    builds = [c["text"] for c in CARDS if c["id"] not in BREAKS] + [OWN_CARD]
    breaks = [c["text"] for c in CARDS if c["id"] in BREAKS]
    assert page.locator(".qa-sort-column-builds h4").inner_text() == f"Builds trust ({len(builds)})"
    assert page.locator(".qa-sort-column-breaks h4").inner_text() == f"Breaks trust ({len(breaks)})"

    # Top builders, by keyboard: one of the pack's cards and the group's own.
    chosen = next(c for c in CARDS if c["id"] == "no-pushing")
    for card in (chosen["text"], OWN_CARD):
        tab_to(page, in_sort(f"el.textContent.trim() === 'Make “{card}” a top builder'"))
        page.keyboard.press("Enter")
        page.wait_for_function(
            "text => [...document.querySelectorAll('.pack-trust-top .pack-status')]"
            ".some(e => e.textContent.startsWith(text))", arg=f"“{card}” is a top builder")
        wait_for_focus(page, in_sort(f"el.textContent.includes('Top builder: “{card}”')"))
    agreements = page.locator(".qa-trust-agreements li").all_inner_texts()
    assert agreements == [chosen["agreement"], OWN_CARD]

    # The download, by keyboard.
    tab_to(page, in_sort(text_is("Prepare my download")))
    page.keyboard.press("Enter")
    page.wait_for_selector(".pack-trust-sort .qa-download-html")
    tab_to(page, in_sort("el.classList.contains('qa-download-html')"))
    with page.expect_download() as download_info:
        page.keyboard.press("Enter")
    assert download_info.value.suggested_filename == "trust-cards.html"
    sections = handout_sections(read_download(download_info.value))
    assert sections == {
        "Draft agreements for our group agreement (Safety chapter)": [chosen["agreement"],
                                                                      OWN_CARD],
        "Builds trust": builds,
        "Breaks trust": breaks,
    }


def test_trust_sort_keeps_typed_html_as_text(page, server) -> None:
    open_notebook(page, server, "03_trust")
    box = page.locator(".pack-trust-sort .qa-sort-add-input input")
    box.fill("x" * 10_000)
    box.press("Tab")
    page.locator(".pack-trust-sort .qa-sort-add").click()
    wait_for_sort_status(page, "Please keep a card to 80 characters or fewer")
    assert len(box.input_value()) == 10_000  # nothing typed is lost

    typed = HOSTILE[:80]
    box.fill(typed)
    box.press("Tab")
    page.locator(".pack-trust-sort .qa-sort-add").click()
    wait_for_sort_status(page, "“<img")
    for _ in range(len(CARDS) + 1):  # the pack's cards, then the typed one
        page.locator(".pack-trust-sort .qa-sort-move-builds").click()
    page.wait_for_function(
        "document.querySelector('.qa-sort-column-builds h4').textContent"
        f" === 'Builds trust ({len(CARDS) + 1})'")
    page.locator(".qa-trust-top-toggle", has_text=f"Make “{typed}”").click()
    page.wait_for_selector(".qa-trust-agreements li")
    assert page.locator(".qa-trust-agreements li").inner_text() == typed
    assert page.locator(".pack-trust-sort img").count() == 0
    page.locator(".pack-trust-sort .qa-prepare-download").click()
    with page.expect_download() as download_info:
        page.locator(".pack-trust-sort .qa-download-markdown").click()
    markdown = read_download(download_info.value)
    assert "\\<img src=x" in markdown
    assert re.search(r"(?<!\\)<", markdown) is None  # every < is escaped
    assert page.evaluate("window.__injected") is None


def test_self_check_chart_next_steps_and_download(page, server) -> None:
    open_notebook(page, server, "03_trust")
    check = page.locator(".qa-trust-principles")
    ratings = [("Safety", "Not yet"), ("Trust", "Pass"), ("Choice", "Mostly")]
    for number, (_name, option) in enumerate(ratings):
        check.locator(".qa-ratings-scale button", has_text=option).click()
        page.wait_for_function(
            "text => document.querySelector('.qa-ratings-progress').textContent.startsWith(text)",
            arg=f"{number + 1} of 6 done")
        check.locator(".qa-ratings-next").click()
    svg = check.locator(".qa-self-check-chart svg")
    assert svg.get_attribute("role") == "img"
    assert "how the group rated each principle" in svg.locator("title").text_content()
    words = check.locator(".pack-chart-text li").all_inner_texts()
    assert words[:3] == ["Safety: Not yet (1 out of 4)", "Trust: No rating yet, or passed",
                         "Choice: Mostly (3 out of 4)"]
    assert words[3] == "Collaboration: No rating yet, or passed"
    summary = check.locator(".qa-self-check-summary")
    assert summary.locator("h4").all_inner_texts() == ["Next steps"]
    steps = summary.locator("li").all_inner_texts()
    assert len(steps) == 3 and all(step.startswith("Safety: ") for step in steps)

    check.locator(".qa-prepare-download").click()
    with page.expect_download() as download_info:
        check.locator(".qa-download-html").click()
    sections = handout_sections(read_download(download_info.value))
    assert list(sections) == ["How we rated ourselves", "Next steps"]
    assert sections["How we rated ourselves"] == ["Safety: Not yet", "Choice: Mostly"]
    assert sections["Next steps"] == steps
