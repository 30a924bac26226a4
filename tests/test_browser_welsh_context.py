"""The Welsh context chapter's exercises in a real browser: finished by keyboard alone,
downloads that hold exactly what was chosen, and typed HTML (and Welsh letters) kept as text."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
import yaml
from conftest import REPO, open_notebook, tab_to, wait_for_focus

pytestmark = pytest.mark.browser

NOTEBOOK = "04_welsh_context"
OFFER = yaml.safe_load((REPO / "assets/welsh_context/active-offer.yaml").read_text(
    encoding="utf-8"))
AREAS = {area["id"]: area for area in OFFER["items"]}
HOSTILE = '<img src=x onerror="window.__injected=1"><script>window.__injected=2</script>'
WELSH = "Pont ŵ ŷ 😊"


def open_chapter(page, server) -> None:
    """Open the chapter and wait until every exercise has drawn its last control. Big widget
    trees draw their children a moment after the outer box appears."""
    open_notebook(page, server, NOTEBOOK)
    for last in (".pack-welsh-planner .qa-prepare-download", ".qa-self-check-clear",
                 ".qa-checklist-clear"):
        page.wait_for_selector(last, timeout=60_000)


def button_in(container: str, label: str) -> str:
    """A focus predicate: a button inside ``container`` whose text is ``label`` (a tick
    mark, added once chosen, is ignored)."""
    return (f"el.closest({container!r}) && el.tagName === 'BUTTON'"
            f" && el.textContent.replace('✓', '').trim() === {label!r}")


def status_says(selector: str, text: str) -> str:
    return (f"[...document.querySelectorAll({selector!r})]"
            f".some(e => e.textContent.includes({text!r}))")


def read_download(download) -> str:
    return Path(download.path()).read_text(encoding="utf-8")


def list_items(html: str) -> list[str]:
    return [unescape(item) for item in re.findall(r"<li>(.*?)</li>", html, flags=re.S)]


def press_and_wait(page, status_selector: str, text: str, key: str = "Enter") -> None:
    page.keyboard.press(key)
    page.wait_for_function(status_says(status_selector, text))


def download_by_keyboard(page, container: str, prepare_label: str, kind: str = "html") -> str:
    tab_to(page, button_in(container, prepare_label))
    page.keyboard.press("Enter")
    page.wait_for_selector(f"{container} .qa-download-{kind}")
    tab_to(page, f"el.closest({container!r}) && el.classList.contains('qa-download-{kind}')")
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    return read_download(info.value)


def next_card(page, container: str, next_label: str, position: str, first_option: str) -> None:
    """Press the deck's Next button by keyboard; wait for the next card and for focus to
    come back to its first option."""
    tab_to(page, button_in(container, next_label))
    page.keyboard.press("Enter")
    page.wait_for_function(
        f"document.querySelector({container!r} + ' .pack-deck .pack-status').textContent"
        f" === {position!r}")
    wait_for_focus(page, button_in(container, first_option))


def test_active_offer_check_by_keyboard_alone_gives_the_action_list(page, server) -> None:
    open_chapter(page, server)
    offer = ".qa-welsh_context-active-offer"
    answers = [("sign-up", "Not yet"), ("first-contact", "Pass"), ("in-the-room", "Yes"),
               ("materials", "Partly")]
    for number, (_area, label) in enumerate(answers, start=1):
        if number > 1:
            next_card(page, offer, "Next area", f"Area {number} of 6", "Not yet")
        tab_to(page, button_in(offer, label))
        press_and_wait(page, ".qa-ratings-progress", f"{number} of 6 done")
    page.wait_for_function(
        "document.querySelector('.qa-self-check-summary').textContent.includes('Materials: ')")
    view = page.locator(".qa-self-check-summary").inner_text()
    assert "First contact" not in view

    tab_to(page, "el.closest('.qa-self-check-own-action') && el.tagName === 'TEXTAREA'")
    page.keyboard.type(f"{HOSTILE} {WELSH}")
    handout = download_by_keyboard(page, offer, "Prepare the action list")

    expected = ([f"Sign-up forms: {a}" for a in AREAS["sign-up"]["actions_for"]["not-yet"]]
                + [f"Materials: {a}" for a in AREAS["materials"]["actions_for"]["partly"]]
                + ["In the room", f"{HOSTILE} {WELSH}"])
    assert list_items(handout) == expected
    assert "<script>" not in handout and "&lt;script&gt;" in handout
    assert "First contact" not in handout and "Who facilitates" not in handout
    assert page.evaluate("window.__injected") is None


def test_getting_there_planner_by_keyboard_alone_gives_the_access_plan(page, server) -> None:
    open_chapter(page, server)
    planner = ".pack-welsh-planner"
    tab_to(page, "el.closest('.qa-planner-start') && el.tagName === 'INPUT'")
    page.keyboard.type("10:30")
    page.keyboard.press("Tab")
    wait_for_focus(page, "el.closest('.qa-planner-end') && el.tagName === 'INPUT'")
    page.keyboard.type("12.30pm")
    page.keyboard.press("Tab")
    page.wait_for_function(status_says(".qa-planner-times-status", "10:30 to 12:30"))

    # A journey that gets in late: the planner says so.
    tab_to(page, "el.closest('.qa-planner-place') && el.tagName === 'INPUT'")
    page.keyboard.type(WELSH)
    page.keyboard.press("Tab")
    page.keyboard.type("10:45")
    page.keyboard.press("Tab")
    page.keyboard.type("1.10pm")
    tab_to(page, button_in(planner, "Add this bus or train"))
    press_and_wait(page, ".qa-planner-journey-status", "Buses and trains in your list: 1")
    journeys = page.locator(".qa-planner-journeys").inner_text()
    assert "15 minutes after the group starts" in journeys
    assert "Need a look: 1" in journeys
    assert page.locator(".qa-planner-place input").input_value() == ""

    options = ".qa-planner-options"
    answers = [(1, "We will offer this"), (3, "Not for us"), (4, "Pass")]  # card 2 skipped
    for number in range(1, 5):
        if number > 1:
            next_card(page, options, "Next way of joining", f"Way of joining {number} of 4",
                      "We will offer this")
        label = dict(answers).get(number)
        if label:
            tab_to(page, button_in(options, label))
            press_and_wait(page, f"{options} .pack-choice .pack-status", f"Noted: {label}.")
    summary = page.locator(f"{options} .qa-choice-deck-summary").inner_text()
    assert "A discreet pick-up point: not chosen yet" in summary
    assert "Joining online: Pass" in summary
    tab_to(page, button_in(".qa-planner-costs", "We can cover it"))
    press_and_wait(page, ".qa-planner-costs .pack-choice .pack-status", "Noted: We can cover it.")

    plan = download_by_keyboard(page, planner, "Prepare the access plan")
    items = list_items(plan)
    assert items[:2] == ["Starts at 10:30", "Ends at 12:30"]
    assert items[2].startswith(
        f"Needs a look. {WELSH}: Gets in at 10:45, 15 minutes after the group starts.")
    assert "The last one back leaves at 13:10, 40 minutes after the group ends." in items[2]
    assert items[3].startswith("Lift shares\nThings to weigh:")
    assert items[4] == "Joining by phone"
    assert items[5].startswith("Bus and train fares: we can cover this.")
    assert len(items) == 6
    assert "Joining online" not in plan and "Childcare" not in plan


def test_planner_keeps_hostile_and_long_text_as_text(page, server) -> None:
    open_chapter(page, server)
    place = page.locator(".qa-planner-place input")
    place.fill(HOSTILE[:80])
    page.locator(".qa-planner-arrives input").fill("9.45am")
    page.locator(".qa-planner-arrives input").press("Tab")
    page.locator(".qa-planner-add-journey").click()
    page.wait_for_function("document.querySelector('.qa-planner-journeys li')")
    assert page.locator(".qa-planner-journeys li").inner_text().startswith(
        f"Not checked yet. {HOSTILE[:80]}: Gets in at 09:45.")
    assert page.locator(".qa-planner-journeys img, .pack-welsh-planner script").count() == 0
    assert page.locator(".qa-planner-remove-journey").inner_text() == (
        f"Remove the bus or train from {HOSTILE[:80]}")

    place.fill("y" * 10_000)
    page.locator(".qa-planner-arrives input").fill("10:05")
    page.locator(".qa-planner-arrives input").press("Tab")
    page.locator(".qa-planner-add-journey").click()
    page.wait_for_function(status_says(".qa-planner-journey-status", "80 characters or fewer"))
    assert len(place.input_value()) == 10_000
    assert page.locator(".qa-planner-journeys li").count() == 1

    start = page.locator(".qa-planner-start input")
    start.fill("<b>ten</b>")
    start.press("Tab")
    page.wait_for_function(status_says(".qa-planner-times-status", "could not be read"))
    assert start.input_value() == "<b>ten</b>"
    assert page.evaluate("window.__injected") is None


def test_barriers_checklist_by_keyboard_prints_ticks_and_adjustments(page, server) -> None:
    open_chapter(page, server)
    tab_to(page, "el.closest('.qa-checklist-item-1-1') && el.tagName === 'INPUT'")
    press_and_wait(page, ".qa-checklist-progress", "1 of", key="Space")
    tab_to(page, "el.closest('.qa-checklist-notes') && el.tagName === 'TEXTAREA'")
    page.keyboard.type(WELSH)
    handout = download_by_keyboard(page, ".pack-checklist", "Prepare the printable checklist")
    items = list_items(handout)
    barriers = yaml.safe_load((REPO / "assets/welsh_context/barriers.yaml").read_text(
        encoding="utf-8"))
    ticked = barriers["sections"][1]["items"][1]
    assert f"☑ {ticked['text']}\n{ticked['detail']}" in items
    assert sum(item.startswith("☑") for item in items) == 1
    assert sum(item.startswith("☐") for item in items) == sum(
        len(section["items"]) for section in barriers["sections"]) - 1
    assert items[-1] == WELSH
