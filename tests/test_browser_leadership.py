"""The Leadership chapter in a real browser: the qualities sort finished by keyboard alone and by
clicks alone, with the downloaded card checked; presets that ask before starting again; the
other exercises' downloads; and axe with a sort in progress, in normal and projector view."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
import yaml
from conftest import REPO, open_notebook, set_setting, tab_to, wait_for_focus
from test_browser_pages import contrast_failures, serious_violations

pytestmark = pytest.mark.browser

QUALITIES = [q["text"] for q in yaml.safe_load(
    (REPO / "assets/leadership/qualities.yaml").read_text(encoding="utf-8"))["qualities"]]
TOTAL = len(QUALITIES)
KEYS = ["already", "grow", "not-now"]
HEADINGS = {"already": "I already do this", "grow": "I'd like to grow this",
            "not-now": "Not for me right now"}
HOSTILE = '<img src=x onerror="window.__injected=1"><script>window.__injected=2</script>'
WELSH = "Siân ŵ ŷ 😊"


def read_download(download) -> str:
    return Path(download.path()).read_text(encoding="utf-8")


def card_sections(page_html: str) -> dict[str, list[str]]:
    """Each ``<h2>`` of a downloaded handout and the items under it."""
    found = re.findall(r"<h2>(.*?)</h2>\s*<ul>(.*?)</ul>", page_html, flags=re.S)
    return {unescape(heading): [unescape(item) for item in re.findall(r"<li>(.*?)</li>", items,
                                                                       flags=re.S)]
            for heading, items in found}


def wait_for_status(page, text: str) -> None:
    page.wait_for_function(
        "text => [...document.querySelectorAll('.qa-sort-status .pack-status')]"
        ".some(e => e.textContent.includes(text))", arg=text)


def shift_tab_to(page, predicate: str, limit: int = 100) -> None:
    """Press Shift+Tab until ``predicate`` (JS taking the focused element) is true."""
    for _ in range(limit):
        page.keyboard.press("Shift+Tab")
        if focused_is(page, predicate):
            return
    raise AssertionError(f"keyboard focus never reached: {predicate}")


def focused_is(page, predicate: str) -> bool:
    return page.evaluate(f"(el => Boolean({predicate}))(document.activeElement)")


def on_show(page) -> str:
    return page.locator(".qa-leadership-sort .qa-sort-current .pack-card").inner_text().strip()


def named(name: str) -> str:
    return f"el.getAttribute('aria-label') === {name!r}"


def sorted_in(page, key: str) -> list[str]:
    return [text.strip() for text in page.locator(
        f".qa-leadership-sort .qa-sort-column-{key} .pack-sort-card").all_inner_texts()]


def test_sort_can_be_finished_by_keyboard_alone(page, server) -> None:
    open_notebook(page, server, "06_leadership")
    tab_to(page, "el.classList.contains('qa-sort-move-already')")
    expected = {key: [] for key in KEYS}

    def move_on_show(number: int) -> None:
        """From the first "Move to" button: Tab to the column's button, press Enter, come back."""
        key = KEYS[number % 3]
        card = on_show(page)
        for _ in range(KEYS.index(key)):
            page.keyboard.press("Tab")
        assert focused_is(page, f"el.classList.contains('qa-sort-move-{key}')")
        page.keyboard.press("Enter")
        expected[key].append(card)
        done = sum(len(cards) for cards in expected.values())
        wait_for_status(page, f" {done} of {TOTAL} sorted" if done < TOTAL else f"All {TOTAL}")
        if done < TOTAL:
            for _ in range(KEYS.index(key)):
                page.keyboard.press("Shift+Tab")

    for number in range(3):
        move_on_show(number)
    assert focused_is(page, "el.classList.contains('qa-sort-move-already')")

    # Put the first card back by keyboard: focus returns to the "Move to" buttons, and the
    # card is on show again.
    first = QUALITIES[0]
    tab_to(page, named(f"Put back in the pile: {first}"))
    page.keyboard.press("Enter")
    wait_for_focus(page, "el.classList.contains('qa-sort-move-already')")
    assert on_show(page) == first
    expected["already"].remove(first)
    move_on_show(0)  # and sort it again, to "I already do this"

    # Move a sorted card to another column by keyboard: focus follows the card.
    second = QUALITIES[1]
    tab_to(page, named(f"Move to “{HEADINGS['not-now']}”: {second}"))
    page.keyboard.press("Enter")
    wait_for_focus(page, named(f"Put back in the pile: {second}"))
    expected["grow"].remove(second)
    expected["not-now"].append(second)
    assert sorted_in(page, "not-now") == expected["not-now"]
    shift_tab_to(page, "el.classList.contains('qa-sort-move-already')")
    for number in range(4, TOTAL + 1):
        move_on_show(number)

    assert {key: sorted_in(page, key) for key in KEYS} == expected
    # The last move takes focus on to the card's optional step.
    wait_for_focus(page, "el.closest('.qa-leadership-step') && el.tagName === 'TEXTAREA'")
    page.keyboard.type(WELSH)
    tab_to(page, "el.textContent.trim() === 'Prepare my card'")
    page.keyboard.press("Enter")
    page.wait_for_selector(".qa-leadership-card .qa-download-html")
    tab_to(page, "el.closest('.qa-leadership-card') && el.classList.contains('qa-download-html')")
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    card = read_download(info.value)
    assert "<title>My leadership strengths</title>" in card
    assert card_sections(card) == {
        "Strengths I already use": expected["already"],
        "Strengths I'd like to grow": expected["grow"],
        "A small step I'd like to try": [WELSH],
    }
    for quality in expected["not-now"]:
        assert quality not in card


def test_sort_can_be_finished_by_clicks_alone(page, server, watch) -> None:
    open_notebook(page, server, "06_leadership")
    sort = page.locator(".qa-leadership-sort")
    for number in range(4):
        sort.locator(f".qa-sort-move-{KEYS[number % 3]}").click()
        wait_for_status(page, f" {number + 1} of {TOTAL} sorted")
    # Move back, then start again: it asks first, and "No" keeps everything.
    sort.get_by_role("button", name=f"Put back in the pile: {QUALITIES[1]}").click()
    wait_for_status(page, f" 3 of {TOTAL} sorted")
    assert on_show(page) == QUALITIES[1]
    sort.locator(".qa-sort-reset").click()
    wait_for_status(page, "Do you want to start again?")
    sort.locator(".qa-sort-reset-no").click()
    wait_for_status(page, "kept as it was")
    assert sorted_in(page, "already") == [QUALITIES[0], QUALITIES[3]]
    sort.locator(".qa-sort-reset").click()
    sort.locator(".qa-sort-reset-yes").click()
    wait_for_status(page, f"All {TOTAL} cards are back in the pile")
    assert all(sorted_in(page, key) == [] for key in KEYS)

    expected = {key: [] for key in KEYS}
    for number in range(TOTAL):
        key = KEYS[number % 3]
        expected[key].append(on_show(page))
        sort.locator(f".qa-sort-move-{key}").click()
        done = number + 1
        wait_for_status(page, f" {done} of {TOTAL} sorted" if done < TOTAL else f"All {TOTAL}")
    # One sorted card moved to another column with a single click.
    moved = expected["not-now"].pop(0)
    sort.get_by_role("button", name=f"Move to “{HEADINGS['already']}”: {moved}").click()
    expected["already"].append(moved)
    page.wait_for_function(
        "n => document.querySelectorAll('.qa-leadership-sort .qa-sort-column-already li')"
        ".length === n", arg=len(expected["already"]))
    assert {key: sorted_in(page, key) for key in KEYS} == expected

    step = page.locator(".qa-leadership-step textarea")
    step.fill(HOSTILE)
    step.press("Tab")
    page.locator(".qa-leadership-card .qa-prepare-download").click()
    with page.expect_download() as info:
        page.locator(".qa-leadership-card .qa-download-html").click()
    card = read_download(info.value)
    assert card_sections(card) == {
        "Strengths I already use": expected["already"],
        "Strengths I'd like to grow": expected["grow"],
        "A small step I'd like to try": [HOSTILE],
    }
    assert "<script>window" not in card
    assert page.evaluate("window.__injected") is None
    assert watch.page_errors == []


def test_switching_preset_asks_and_says_the_sort_starts_again(page, server) -> None:
    open_notebook(page, server, "06_leadership")
    page.locator(".qa-sort-move-grow").click()
    wait_for_status(page, f" 1 of {TOTAL} sorted")
    page.locator(".qa-leadership-preset-group").click()
    status = page.locator(".qa-leadership-sort-status .pack-status")
    page.wait_for_function(
        "document.querySelector('.qa-leadership-sort-status .pack-status')"
        ".textContent.includes('starts the sort again')")
    assert sorted_in(page, "grow") == [QUALITIES[0]]  # nothing changed yet
    wait_for_focus(page, "el.classList.contains('qa-leadership-switch-no')")
    page.keyboard.press("Enter")
    page.wait_for_function(
        "document.querySelector('.qa-leadership-sort-status .pack-status')"
        ".textContent.includes('Your sort is kept')")
    assert sorted_in(page, "grow") == [QUALITIES[0]]
    page.locator(".qa-leadership-preset-group").click()
    page.locator(".qa-leadership-switch-yes").click()
    page.wait_for_selector(".qa-leadership-sort .qa-sort-move-leaders")
    assert "starts again" in status.inner_text()
    assert page.locator(".qa-leadership-sort .qa-sort-move-leaders").inner_text() == (
        "Move to “What leaders do”")
    wait_for_focus(page, "el.classList.contains('qa-sort-move-leaders')")


def test_sort_in_progress_passes_axe_and_projector_checks(page, server) -> None:
    set_setting(page, server, "projector", "on")
    open_notebook(page, server, "06_leadership")
    for number in range(5):
        page.locator(f".qa-sort-move-{KEYS[number % 3]}").click()
        wait_for_status(page, f" {number + 1} of {TOTAL} sorted")
    page.locator(".qa-sort-reset").click()
    page.locator(".qa-sort-reset-no").wait_for()
    assert serious_violations(page) == []
    assert contrast_failures(page, 7.0) == []
    assert page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1")
    size = page.evaluate("parseFloat(getComputedStyle("
                         "document.querySelector('.qa-sort-current .pack-card__term')).fontSize)")
    assert size >= 32


def test_questions_move_by_keyboard(page, server) -> None:
    open_notebook(page, server, "06_leadership")
    card = page.locator(".qa-leadership-questions .pack-card")
    first = card.inner_text()
    tab_to(page, "el.closest('.qa-leadership-questions') && el.textContent.trim() === 'Next'")
    page.keyboard.press("Enter")
    page.wait_for_function(
        "document.querySelector('.qa-leadership-questions .pack-status')"
        ".textContent.startsWith('Question 2 of')")
    assert card.inner_text() != first
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    page.wait_for_function(
        "document.querySelector('.qa-leadership-questions .pack-status')"
        ".textContent.startsWith('Question 1 of')")
    page.keyboard.press("Enter")  # Previous again, at the first question: it says so
    page.wait_for_function(
        "document.querySelector('.qa-leadership-questions .pack-status')"
        ".textContent === 'This is the first one.'")


def test_strength_spotting_has_no_name_field_and_poster_holds_qualities(page, server) -> None:
    open_notebook(page, server, "06_leadership")
    spotting = page.locator(".pack-strength-spotting")
    assert spotting.locator("input, textarea").count() == 0
    chooser = spotting.locator(".qa-spot-chooser select")
    chooser.select_option(label="Welcoming newcomers")
    spotting.locator(".qa-spot-show").click()
    page.wait_for_function(
        "document.querySelector('.qa-spot-screen').textContent.includes('Welcoming newcomers')")
    spotting.locator(".qa-spot-add").click()
    chooser.select_option(label="Sharing the credit")
    spotting.locator(".qa-spot-add").click()
    page.wait_for_function(
        "document.querySelector('.qa-spot-list').textContent.includes('Sharing the credit')")
    spotting.locator(".qa-prepare-download").click()
    with page.expect_download() as info:
        spotting.locator(".qa-download-html").click()
    poster = read_download(info.value)
    assert list(card_sections(poster).values()) == [["Welcoming newcomers", "Sharing the credit"]]


def test_rota_download_holds_exactly_the_names_typed(page, server) -> None:
    open_notebook(page, server, "06_leadership")
    rota = page.locator(".pack-shared-roles")
    opener = rota.locator(".qa-rota-opener input").first
    opener.fill(WELSH)
    opener.press("Tab")
    closer = rota.locator(".qa-rota-closer input").nth(1)
    closer.fill(HOSTILE[:40])
    closer.press("Tab")
    too_long = rota.locator(".qa-rota-welcomer input").nth(2)
    too_long.fill("x" * 10_000)
    too_long.press("Tab")
    page.wait_for_function(
        "[...document.querySelectorAll('.pack-shared-roles .pack-status')]"
        ".some(e => e.textContent.includes('Session 3: Welcomer'))")
    rota.locator(".qa-prepare-download").click()
    page.wait_for_function(
        "[...document.querySelectorAll('.pack-shared-roles .pack-status')]"
        ".some(e => e.textContent.startsWith('Some answers are too long'))")
    assert rota.locator(".qa-download-html").count() == 0
    assert len(too_long.input_value()) == 10_000
    too_long.fill("")
    too_long.press("Tab")
    rota.locator(".qa-prepare-download").click()
    with page.expect_download() as info:
        rota.locator(".qa-download-html").click()
    sections = card_sections(read_download(info.value))
    assert sections["Session 1"] == [f"Opener: {WELSH}"]
    assert sections["Session 2"] == [f"Closer: {HOSTILE[:40]}"]
    assert "Session 3" not in sections and "Session 4" not in sections
    assert page.evaluate("window.__injected") is None
