"""The Networking chapter's exercises in a real browser: the network map and the event planner
finished by keyboard alone, downloads holding exactly what was entered, typed HTML kept as text."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
from conftest import open_notebook, tab_to, wait_for_focus

pytestmark = pytest.mark.browser

SLUG = "07_networking"
HOSTILE = '<img src=x onerror="window.__injected=1"><script>window.__injected=2</script>'
WELSH = "Canolfan ŵ ŷ 😊"


def text_is(text: str) -> str:
    return f"el.textContent.trim() === {text!r}"


def in_map(test: str) -> str:
    return f"el.closest('.pack-network-map') && ({test})"


def in_planner(test: str) -> str:
    return f"el.closest('.pack-event-planner') && ({test})"


def status_says(selector: str, text: str) -> str:
    return (f"[...document.querySelectorAll({selector + ' .pack-status'!r})]"
            f".some(e => e.textContent.includes({text!r}))")


def read_download(download) -> str:
    return Path(download.path()).read_text(encoding="utf-8")


def list_items(page_html: str, heading: str) -> list[str]:
    section = page_html.split(f"<h2>{heading}</h2>", 1)[1].split("</ul>", 1)[0]
    return [unescape(item) for item in re.findall(r"<li>(.*?)</li>", section, re.S)]


def add_by_keyboard(page, name: str, kind: str, direction: str) -> None:
    """Type a name, choose kind and direction and press Add, using only the keyboard."""
    wait_for_focus(page, "el.closest('.qa-networking-name') && el.tagName === 'INPUT'")
    page.keyboard.type(name)
    tab_to(page, f"el.closest('.qa-networking-kind') && {text_is(kind)}")
    page.keyboard.press("Enter")
    tab_to(page, f"el.closest('.qa-networking-direction') && {text_is(direction)}")
    page.keyboard.press("Space")
    tab_to(page, in_map(text_is("Add to our map")))
    page.keyboard.press("Enter")
    page.wait_for_function(
        f"document.querySelector('.qa-networking-map').textContent.includes({name!r})")


def test_network_map_can_be_built_edited_and_downloaded_by_keyboard(page, server) -> None:
    open_notebook(page, server, SLUG)
    tab_to(page, "el.closest('.qa-networking-name') && el.tagName === 'INPUT'")
    add_by_keyboard(page, "GP surgery", "Statutory", "They refer women to us")
    nudge = page.locator(".qa-networking-nudge")
    assert "statutory" in nudge.inner_text()
    # After adding, focus is back in the name box, ready for the next one.
    add_by_keyboard(page, WELSH, "Faith", "Both ways")
    page.wait_for_function("!document.querySelector('.qa-networking-nudge').textContent.trim()")
    add_by_keyboard(page, "Library", "Community", "No referrals yet")

    # Change the second one to voluntary, all by keyboard.
    tab_to(page, in_map(text_is(f"Edit “{WELSH}”")))
    page.keyboard.press("Enter")
    wait_for_focus(page, "el.closest('.qa-networking-name') && el.tagName === 'INPUT'")
    assert page.evaluate("document.activeElement.value") == WELSH
    tab_to(page, f"el.closest('.qa-networking-kind') && {text_is('Voluntary')}")
    page.keyboard.press("Enter")
    tab_to(page, in_map(text_is("Save changes")))
    page.keyboard.press("Enter")
    page.wait_for_function(status_says(".pack-network-map", "Saved the changes"))
    wait_for_focus(page, in_map(text_is(f"Edit “{WELSH}”")))

    # Remove the library.
    tab_to(page, in_map(text_is("Remove “Library”")))
    page.keyboard.press("Enter")
    page.wait_for_function(
        "!document.querySelector('.qa-networking-map').textContent.includes('Library')")

    svg = page.locator(".qa-networking-map svg")
    assert svg.get_attribute("role") == "img"
    assert page.locator(".qa-networking-map svg line").count() == 2

    tab_to(page, in_map(text_is("Prepare my download")))
    page.keyboard.press("Enter")
    page.wait_for_selector(".pack-network-map .qa-download-html")
    tab_to(page, in_map("el.classList.contains('qa-download-html')"))
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    printable = read_download(info.value)
    assert list_items(printable, "Our links") == [
        "GP surgery (statutory): they refer women to us.",
        f"{WELSH} (voluntary): referrals go both ways.",
    ]
    assert printable.count("<svg") == 1 and "Library" not in printable
    assert info.value.suggested_filename == "our-network-map.html"


def test_network_map_keeps_typed_html_as_text_and_long_names_whole(page, server) -> None:
    open_notebook(page, server, SLUG)
    name = page.locator(".qa-networking-name input")
    name.fill(HOSTILE[:60])
    name.press("Tab")
    page.locator(".qa-networking-kind .qa-choice-voluntary").click()
    page.locator(".qa-networking-direction .qa-choice-both").click()
    page.locator(".qa-networking-add").click()
    page.wait_for_function("document.querySelectorAll('.qa-networking-map li').length === 1")
    assert page.locator(".qa-networking-map li").inner_text().startswith(HOSTILE[:60])
    assert page.locator(".qa-networking-map img").count() == 0
    name.fill("x" * 10_000)
    name.press("Tab")
    page.locator(".qa-networking-add").click()
    page.wait_for_function(status_says(".pack-network-map", "60 characters or fewer"))
    assert len(name.input_value()) == 10_000
    assert page.evaluate("window.__injected") is None


def test_event_planner_can_be_built_and_printed_by_keyboard(page, server) -> None:
    open_notebook(page, server, SLUG)
    tab_to(page, in_planner("el.closest('.qa-planner-start') && el.tagName === 'INPUT'"))
    page.keyboard.type("9:30")
    for label in ("Add “Arrival, tea and a gentle grounding activity” (20 min)",
                  "Add “Self-care break” (15 min)"):
        tab_to(page, in_planner(text_is(label)))
        page.keyboard.press("Enter")
        page.wait_for_function(status_says(".pack-event-planner", "Added"))
    tab_to(page, "el.closest('.qa-planner-title') && el.tagName === 'INPUT'")
    page.keyboard.type("Visit from the food bank")
    page.keyboard.press("Tab")
    page.keyboard.type("25")
    tab_to(page, in_planner(text_is("Add to the agenda")))
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelectorAll('.qa-planner-row').length === 3")
    wait_for_focus(page, "el.closest('.qa-planner-title') && el.tagName === 'INPUT'")

    # Move the food bank visit up one place; focus follows it.
    tab_to(page, in_planner(text_is("Move 3 up")))
    page.keyboard.press("Enter")
    wait_for_focus(page, in_planner(text_is("Move 2 up")))
    page.wait_for_function(
        "document.querySelectorAll('.qa-planner-row')[1].textContent.includes('food bank')")
    assert "Total time: 1 hr, from 9:30 to 10:30." in page.locator(".qa-planner-total").inner_text()

    tab_to(page, "el.closest('.qa-planner-access') && el.tagName === 'TEXTAREA'")
    page.keyboard.type("Hall is step-free. Quiet room booked.")
    tab_to(page, in_planner(text_is("Prepare my download")))
    page.keyboard.press("Enter")
    page.wait_for_selector(".pack-event-planner .qa-download-html")
    tab_to(page, in_planner("el.classList.contains('qa-download-html')"))
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    printable = read_download(info.value)
    assert list_items(printable, "Our agenda") == [
        "1. 9:30 to 9:50: Arrival, tea and a gentle grounding activity (20 min). "
        "Running total 20 min.",
        "2. 9:50 to 10:15: Visit from the food bank (25 min). Running total 45 min.",
        "3. 10:15 to 10:30: Self-care break (15 min). Running total 1 hr.",
    ]
    assert list_items(printable, "Our plan for access") == ["Hall is step-free. Quiet room booked."]
    assert "Our plan for travel costs" not in printable
    assert "@page { size: A4" in printable


def test_event_planner_says_so_at_the_top_and_refuses_bad_minutes(page, server) -> None:
    open_notebook(page, server, SLUG)
    page.locator(".qa-planner-suggestion").first.click()
    page.wait_for_function("document.querySelectorAll('.qa-planner-row').length === 1")
    page.locator(".qa-planner-up").first.click()
    page.wait_for_function(status_says(".pack-event-planner", "is already first"))
    page.locator(".qa-planner-title input").fill(HOSTILE[:80])
    page.locator(".qa-planner-minutes input").fill("lots")
    page.locator(".qa-planner-minutes input").press("Tab")
    page.locator(".qa-planner-add").click()
    page.wait_for_function(status_says(".pack-event-planner", "whole number from 1 to 240"))
    assert page.locator(".qa-planner-title input").input_value() == HOSTILE[:80]
    page.locator(".qa-planner-minutes input").fill("10")
    page.locator(".qa-planner-minutes input").press("Tab")
    page.locator(".qa-planner-add").click()
    page.wait_for_function("document.querySelectorAll('.qa-planner-row').length === 2")
    assert HOSTILE[:40] in page.locator(".qa-planner-row").nth(1).inner_text()
    assert page.locator(".pack-event-planner img").count() == 0
    assert page.evaluate("window.__injected") is None
