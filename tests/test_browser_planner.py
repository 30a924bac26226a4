"""The session planner in a real browser: a plan built by keyboard alone, downloaded with its
times, content notes and materials; "Present this plan" leaving the plan in sessionStorage and
opening the first block's section; bad input met with a clear message; axe clean."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest
from conftest import open_notebook, tab_to, wait_for_focus
from test_browser_pages import serious_violations

pytestmark = pytest.mark.browser

SLUG = "13_session_planner"
PLAN_KEY = "pack-present-plan"


def text_is(text: str) -> str:
    return f"el.textContent.trim() === {text!r}"


def status_says(text: str) -> str:
    return (f"[...document.querySelectorAll('.pack-session-planner .pack-status')]"
            f".some(e => e.textContent.includes({text!r}))")


def list_items(page_html: str, heading: str) -> list[str]:
    section = page_html.split(f"<h2>{heading}</h2>", 1)[1].split("</ul>", 1)[0]
    return [unescape(item) for item in re.findall(r"<li>(.*?)</li>", section, re.S)]


def press(page, label: str, added: str | None = None) -> None:
    """Tab to the button with these words and press Enter (and wait for what it says)."""
    tab_to(page, f"el.closest('.pack-session-planner') && {text_is(label)}")
    page.keyboard.press("Enter")
    if added:
        page.wait_for_function(status_says(added))


def type_into(page, css: str, text: str) -> None:
    tab_to(page, f"el.closest('{css}') && el.tagName === 'INPUT'")
    page.keyboard.type(text)
    page.keyboard.press("Enter")


def stored_plan(page) -> dict | None:
    raw = page.evaluate(f"sessionStorage.getItem({PLAN_KEY!r})")
    return None if raw is None else json.loads(raw)


def test_a_plan_built_by_keyboard_downloads_with_times_notes_and_materials(page, server) -> None:
    open_notebook(page, server, SLUG)
    type_into(page, ".qa-session-start", "11:30")
    page.wait_for_function(status_says("starts at 11:30"))
    type_into(page, ".qa-session-available", "1:00")
    page.wait_for_function(status_says("You have 1 hr."))
    press(page, "Add “Running the human knot” to the plan (25 min)", "Added “Running the human")
    press(page, "Add “The safety check-in” to the plan (5 min)", "Added “The safety check-in")
    press(page, "Add “Running the language game” to the plan (35 min)", "Added “Running the lang")
    press(page, "Add “Short break” (10 min)", "Added “Short break")
    page.wait_for_function("document.querySelectorAll('.qa-session-row').length === 4")

    # The break goes between the knot and the language game: up twice, focus following it.
    press(page, "Move 4 up")
    wait_for_focus(page, "el.closest('.pack-session-planner') && " + text_is("Move 3 up"))
    page.keyboard.press("Enter")
    wait_for_focus(page, "el.closest('.pack-session-planner') && " + text_is("Move 2 up"))
    page.wait_for_function(
        "document.querySelectorAll('.qa-session-row')[1].textContent.includes('Short break')")
    # The same activity twice is refused, and says where it already is.
    press(page, "Add “The safety check-in” to the plan (5 min)",
          "“The safety check-in” is already in your plan, as number 3.")
    over = page.locator(".qa-session-over").inner_text()
    assert "This is 15 min longer than the 1 hr you have." in over
    assert "In your plan as number 4." in page.locator(
        ".qa-session-activity-language-game").inner_text()

    press(page, "Prepare the plan to download")
    page.wait_for_selector(".pack-session-planner .qa-download-html")
    tab_to(page, "el.closest('.pack-session-planner') && el.classList.contains('qa-download-html')")
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    printable = Path(info.value.path()).read_text(encoding="utf-8")
    assert list_items(printable, "Our session plan") == [
        "1. 11:30 to 11:55: Running the human knot (25 min). Running total 25 min.",
        "2. 11:55 to 12:05: Short break (10 min). Running total 35 min.",
        "3. 12:05 to 12:10: The safety check-in (5 min). Running total 40 min.",
        "4. 12:10 to 12:45: Running the language game (35 min). Running total 1 hr 15 min. "
        "This runs past the time you have.",
    ]
    assert list_items(printable, "The session") == [
        "Starts at 11:30", "Time you have: 1 hr", "Total time: 1 hr 15 min, from 11:30 to 12:45.",
        "This is 15 min longer than the 1 hr you have. Take out or shorten a block, or make a "
        "break shorter."]
    notes = list_items(printable, "Content notes to tell the group in advance")
    assert len(notes) == 2
    assert notes[0].startswith(
        "Safety, for “Running the human knot”, “The safety check-in”: trauma, domestic abuse")
    assert "a game with close physical contact (the human knot)" in notes[0]
    assert notes[1].startswith("Language, for “Running the language game”: words used about")
    materials = list_items(printable, "What to bring")
    assert len(materials) == len(set(materials)) >= 5
    assert any(item.endswith("(for “Running the human knot”)") for item in materials)
    assert any("Small slips of paper" in item and "“The safety check-in”" in item
               for item in materials)
    assert "@page { size: A4" in printable

    tab_to(page, "el.closest('.pack-session-planner') && "
                 "el.classList.contains('qa-download-markdown')")
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    markdown = Path(info.value.path()).read_text(encoding="utf-8")
    assert "- 2\\. 11:55 to 12:05: Short break (10 min). Running total 35 min." in markdown
    assert "## What to bring" in markdown


def test_present_this_plan_stores_the_plan_and_opens_the_first_section(page, server) -> None:
    open_notebook(page, server, SLUG)
    press(page, "Add “Running the trust sort” to the plan (30 min)", "Added")
    press(page, "Add “Short break” (10 min)", "Added “Short break")
    press(page, "Add “Running the language game” to the plan (35 min)", "Added “Running the lang")
    with page.expect_navigation(timeout=30_000):
        press(page, "Present this plan")
    assert page.url.endswith("/voila/render/03_trust.ipynb#present=A-trust-building-activity")
    plan = stored_plan(page)
    assert plan == {"title": "Session plan", "index": 0, "started": None, "lang": "en",
                    "blocks": [
                        {"notebook": "03_trust", "section": "A-trust-building-activity",
                         "title": "Running the trust sort", "minutes": 30, "kind": "activity"},
                        {"notebook": "03_trust", "section": "A-trust-building-activity",
                         "title": "Short break", "minutes": 10, "kind": "break"},
                        {"notebook": "05_language", "section": "The-language-game",
                         "title": "Running the language game", "minutes": 35,
                         "kind": "activity"}]}
    page.wait_for_selector("#rendered_cells", state="visible", timeout=60_000)
    heading = page.locator('[id="A-trust-building-activity"]')
    assert heading.evaluate("h => h.tagName") == "H2"
    # Every other block's section is a real h2 on its own page, too.
    open_notebook(page, server, "05_language")
    assert page.locator('h2[id="The-language-game"]').count() == 1


def test_a_welsh_plan_opens_at_the_welsh_heading(page, server) -> None:
    open_notebook(page, server, SLUG, "?lang=cy")
    page.locator(".qa-session-activity-group-agreement .qa-session-add-activity").click()
    page.wait_for_function("document.querySelectorAll('.qa-session-row').length === 1")
    assert "1. Llunio eich cytundeb grŵp: 30 mun." in page.locator(".qa-session-row").inner_text()
    with page.expect_navigation(timeout=30_000):
        page.locator(".qa-session-present").click()
    section = "Creu-man-diogel-a-chynhwysol-gyda'ch-gr%C5%B5p"
    assert page.url.endswith(f"/voila/render/02_safety.ipynb?lang=cy#present={section}")
    plan = stored_plan(page)
    assert plan["lang"] == "cy" and plan["title"] == "Cynllun sesiwn"
    assert plan["blocks"][0]["section"] == section
    page.wait_for_selector("#rendered_cells", state="visible", timeout=60_000)
    assert page.evaluate(f"document.getElementById({section!r}).tagName") == "H2"
    assert page.evaluate(f"document.getElementById({section!r}).textContent").startswith(
        "Creu man diogel")


def test_bad_input_gets_a_clear_message_and_nothing_is_lost(page, server) -> None:
    open_notebook(page, server, SLUG)
    # An empty plan: nothing to present, nothing to download.
    press(page, "Present this plan")
    page.wait_for_function(
        "document.querySelector('.qa-session-present-status').textContent.includes("
        "'Your plan is empty')")
    assert page.url.endswith(f"/{SLUG}.ipynb")
    assert stored_plan(page) is None
    press(page, "Prepare the plan to download", "Your plan is empty")
    assert page.locator(".pack-session-planner .qa-download-html").count() == 0
    # A start time that is not a time, and a time available that cannot be read.
    type_into(page, ".qa-session-start", "25:00")
    page.wait_for_function(status_says("Type the start time as hours and minutes"))
    press(page, "Add “Running the human knot” to the plan (25 min)", "Added")
    assert page.locator(".qa-session-start input").input_value() == "25:00"
    assert page.locator(".qa-session-row").inner_text().startswith(
        "1. Running the human knot: 25 min.")
    type_into(page, ".qa-session-available", "lots")
    page.wait_for_function(status_says("Type the time you have in minutes"))
    # Breaks only: it can be downloaded, but present mode needs an activity.
    page.locator(".qa-session-remove").first.click()
    page.locator(".qa-session-suggestion").first.click()
    page.wait_for_function("document.querySelectorAll('.qa-session-row').length === 1")
    page.locator(".qa-session-present").click()
    page.wait_for_function(
        "document.querySelector('.qa-session-present-status').textContent.includes("
        "'breaks but no activities')")
    assert stored_plan(page) is None
    # Crossing midnight says so.
    page.locator(".qa-session-start input").fill("23:50")
    page.locator(".qa-session-start input").press("Enter")
    page.wait_for_function(
        "document.querySelector('.qa-session-row').textContent.includes('(next day)')")


def test_the_planner_page_is_axe_clean_with_a_plan(page, server) -> None:
    open_notebook(page, server, SLUG)
    page.locator(".qa-session-add-activity").first.click()
    page.locator(".qa-session-suggestion").first.click()
    page.locator(".qa-session-available input").fill("20")
    page.locator(".qa-session-available input").press("Enter")
    page.wait_for_function("document.querySelectorAll('.qa-session-row').length === 2")
    page.locator(".qa-session-over .pack-message").wait_for()
    assert serious_violations(page) == []


def test_leaving_by_the_exit_button_clears_the_stored_plan(page, server) -> None:
    open_notebook(page, server, SLUG)
    page.locator(".qa-session-activity-trust-sort .qa-session-add-activity").click()
    page.wait_for_function("document.querySelectorAll('.qa-session-row').length === 1")
    with page.expect_navigation(timeout=30_000):
        page.locator(".qa-session-present").click()
    page.wait_for_selector("#rendered_cells", state="visible", timeout=60_000)
    assert stored_plan(page) is not None
    # Record, at the moment of exit, what the pack left in this tab's storage.
    page.evaluate("""window.addEventListener('beforeunload', () => {
        window.name = JSON.stringify(Object.keys(sessionStorage).concat(
          Object.keys(localStorage)).filter(k => k === 'pack-present-plan'));
    })""")
    with page.expect_navigation():
        page.get_by_role("button", name="Emergency Exit this page").click()
    assert page.evaluate("JSON.parse(window.name)") == []
