"""Present mode (one section at a time on a projector) and the presenter window.

Every chapter: one section on screen at a time, the frame a slim bar with a working exit, no
facilitator notes on the projector, axe clean. One chapter in depth: each key, blanking, Esc,
typing in an activity, reload, Welsh, an activity used in present mode. The presenter window:
both windows move together, the notes only in the presenter window, no extra kernel. A session
plan (sessionStorage "pack-present-plan") is played across chapters, with a break.
"""

from __future__ import annotations

import json
import time

import pytest
from axe_playwright_python.sync_playwright import Axe
from conftest import ARTIFACTS, EXIT_URL, NOTEBOOKS, open_notebook, running_kernels

pytestmark = pytest.mark.browser

SCREEN_HEIGHT = 768
EXIT_BUTTON = ".pack-js-exit-button"

# What the projector shows: visible section headings, visible notes, the frame's height.
SHOWN = """() => {
  const visible = el => !!el.getClientRects().length
    && getComputedStyle(el).visibility !== 'hidden';
  const cells = document.querySelector('#rendered_cells');
  const headings = [...cells.querySelectorAll('h2')]
    .filter(h => visible(h) && !h.closest('.pack-facilitator-notes'));
  return {
    presenting: document.documentElement.classList.contains('pack-presenting'),
    headings: headings.map(h => h.textContent.replace('\\u00b6', '').trim()),
    h1: [...cells.querySelectorAll('h1')].filter(visible).length,
    notes: [...document.querySelectorAll('.pack-facilitator-notes')].filter(visible).length,
    frame: document.querySelector('.pack-header').getBoundingClientRect().height,
    position: document.querySelector('.pack-js-present-position').textContent,
    hash: decodeURIComponent(location.hash),
  };
}"""


def shown(page) -> dict:
    return page.evaluate(SHOWN)


def present(page) -> dict:
    page.locator(".pack-js-present-start").click()
    page.wait_for_function("document.documentElement.classList.contains('pack-presenting')")
    return shown(page)


def wait_for_position(page, text: str, timeout_ms: int = 10_000) -> None:
    page.wait_for_function(
        "t => document.querySelector('.pack-js-present-position').textContent === t", arg=text,
        timeout=timeout_ms)


def serious_violations(page) -> list[str]:
    results = Axe().run(page)
    return [f"{v['id']} ({v['impact']}): {len(v['nodes'])} node(s) - {v['help']}"
            for v in results.response["violations"] if v["impact"] in ("serious", "critical")]


def exit_is_usable(page) -> None:
    box = page.locator(EXIT_BUTTON).bounding_box()
    assert page.locator(EXIT_BUTTON).is_visible()
    assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= SCREEN_HEIGHT


# ---- every chapter: one page visit each ----

@pytest.mark.parametrize("name", NOTEBOOKS)
def test_present_mode_on_every_chapter(page, server, watch, name: str) -> None:
    open_notebook(page, server, name)
    # Facilitator view on: its notes must still never reach the projector.
    page.locator(".pack-js-toggle[data-setting='facilitator']").click()
    notes = page.locator(".pack-facilitator-notes")
    if notes.count():
        notes.first.wait_for(state="visible")  # the page shows them; the projector must not
    first = present(page)
    total = int(first["position"].split(" of ")[1])
    assert total >= 3, first
    seen = []
    for number in range(1, total + 1):
        wait_for_position(page, f"{number} of {total}")
        now = shown(page)
        # One section on screen: the title slide (the h1, no h2) or exactly one h2.
        assert len(now["headings"]) == (0 if number == 1 and now["h1"] else 1), now
        assert now["notes"] == 0, f"facilitator notes on the projector at {number} of {total}"
        assert now["frame"] <= 0.12 * SCREEN_HEIGHT, now["frame"]
        seen += now["headings"]
        if number == 2:
            assert serious_violations(page) == []
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=ARTIFACTS / f"present-{name}.png")
        if number < total:
            page.keyboard.press("ArrowRight")
    # Every section was shown once, in order, and none was left out.
    assert len(seen) == len(set(seen)) >= total - 1
    exit_is_usable(page)
    with page.expect_navigation():
        page.locator(EXIT_BUTTON).click()
    assert page.url.startswith(EXIT_URL)
    assert watch.page_errors == []


# ---- one chapter in depth ----

CHAPTER = "05_language"
GAME = "The language game"
REFLECTION = "Words about me: a private reflection"


def go_to(page, heading: str) -> dict:
    page.keyboard.press("Home")
    for _ in range(12):
        now = shown(page)
        if now["headings"] == [heading]:
            return now
        page.keyboard.press("ArrowRight")
    raise AssertionError(f"never reached {heading}")


def test_each_key_moves_as_presenters_expect(page, server) -> None:
    open_notebook(page, server, CHAPTER)
    start = present(page)
    assert start["position"] == "1 of 8" and start["headings"] == [] and start["h1"] == 1
    page.locator("#main-content").focus()  # keys from the page itself, as a clicker sends them
    for key, expected in [("ArrowRight", "2 of 8"), ("PageDown", "3 of 8"), ("Space", "4 of 8"),
                          ("ArrowLeft", "3 of 8"), ("PageUp", "2 of 8"), ("End", "8 of 8"),
                          ("ArrowRight", "8 of 8"), ("Home", "1 of 8"), ("ArrowLeft", "1 of 8")]:
        page.keyboard.press(key)
        wait_for_position(page, expected)
    # The position is announced politely, with the section's title for screen readers.
    live = page.locator(".pack-present-bar [aria-live='polite']")
    page.keyboard.press("ArrowRight")
    wait_for_position(page, "2 of 8")
    assert live.inner_text().replace("\n", "") == "2 of 8: Content note"
    # The bar's buttons do the same, for mouse and touch.
    page.locator(".pack-js-present-next").click()
    wait_for_position(page, "3 of 8")
    page.locator(".pack-js-present-previous").click()
    wait_for_position(page, "2 of 8")


def test_blanking_and_back(page, server) -> None:
    open_notebook(page, server, CHAPTER)
    present(page)
    page.keyboard.press("ArrowRight")
    wait_for_position(page, "2 of 8")
    for key in ("b", "."):
        page.keyboard.press(key)
        page.wait_for_function("document.documentElement.classList.contains('pack-present-blanked')")
        # Black over the whole screen, with only the exit button still showing.
        assert page.evaluate(
            "document.elementFromPoint(500, 400).classList.contains('pack-present-blank')")
        assert page.evaluate("getComputedStyle(document.querySelector('.pack-present-blank'))"
                             ".backgroundColor") == "rgb(0, 0, 0)"
        exit_is_usable(page)
        assert page.locator(".pack-js-present-blank-status").inner_text() == \
            "The screen is blank. Press B to show it again."
        page.keyboard.press("ArrowRight")  # a clicker's next does not move a blank screen
        assert shown(page)["position"] == "2 of 8"
        page.keyboard.press(key)
        page.wait_for_function("!document.documentElement.classList.contains('pack-present-blanked')")
        assert not page.evaluate(
            "document.elementFromPoint(500, 400).closest('.pack-present-blank')")
    page.screenshot(path=ARTIFACTS / "present-after-blank.png")


def test_escape_leaves_at_the_same_place(page, server) -> None:
    open_notebook(page, server, CHAPTER)
    present(page)
    go_to(page, GAME)
    page.keyboard.press("Escape")
    page.wait_for_function("!document.documentElement.classList.contains('pack-presenting')")
    after = shown(page)
    assert len(after["headings"]) >= 6  # the whole page again
    assert after["hash"] == ""
    top = page.evaluate(f"""[...document.querySelectorAll('#rendered_cells h2')]
        .find(h => h.textContent.startsWith({json.dumps(GAME)})).getBoundingClientRect().top""")
    assert 0 <= top <= 200, top
    assert page.locator(".pack-present-bar").is_hidden()


def test_typing_in_an_activity_never_moves_the_slide(page, server) -> None:
    open_notebook(page, server, CHAPTER)
    present(page)
    before = go_to(page, REFLECTION)
    box = page.locator(".pack-reflection textarea").first
    box.click()
    page.keyboard.type("b. words I choose ")
    for key in ("ArrowLeft", "ArrowRight", "PageDown", "PageUp", "Home", "End", "Space", "Escape"):
        page.keyboard.press(key)
    assert "b. words I choose" in box.input_value()
    now = shown(page)
    assert now["presenting"] and now["position"] == before["position"]
    assert not page.evaluate("document.documentElement.classList.contains('pack-present-blanked')")


def test_activities_work_in_present_mode(page, server) -> None:
    open_notebook(page, server, CHAPTER)
    present(page)
    before = go_to(page, GAME)
    fine = page.locator(".pack-language-game button", has_text="Fine").first
    fine.focus()
    page.keyboard.press("Space")  # Space on an activity's button presses it, and stays here
    page.wait_for_function(
        "[...document.querySelectorAll('.pack-choice .pack-status')]"
        ".some(e => e.textContent === 'Noted: Fine.')", timeout=10_000)
    assert shown(page)["position"] == before["position"]


def test_reload_returns_to_the_section(page, server) -> None:
    open_notebook(page, server, CHAPTER)
    present(page)
    go_to(page, GAME)
    assert shown(page)["hash"] == "#present=The-language-game"
    page.reload()
    page.wait_for_selector("#loading", state="detached", timeout=90_000)
    wait_for_position(page, "5 of 8", 30_000)
    after = shown(page)
    assert after["presenting"] and after["headings"] == [GAME]


def test_present_mode_in_welsh(page, server) -> None:
    # An address made on the English page opens the same section in Welsh.
    open_notebook(page, server, CHAPTER, "?lang=cy#present=The-language-game")
    wait_for_position(page, "5 o 8", 30_000)
    now = shown(page)
    assert now["presenting"] and now["headings"] == ["Y gêm iaith"], now
    assert page.locator(".pack-js-present-next").inner_text() == "Nesaf"
    assert page.locator(".pack-present-bar").get_attribute("aria-label") == "Cyflwyno"
    assert page.locator(EXIT_BUTTON).inner_text().endswith("Gadael y dudalen hon")
    assert now["frame"] <= 0.12 * SCREEN_HEIGHT
    page.keyboard.press("ArrowRight")
    wait_for_position(page, "6 o 8")
    assert shown(page)["headings"] == ["Geiriau amdanaf i: myfyrdod preifat"]
    assert "lang=cy" in page.url
    page.screenshot(path=ARTIFACTS / "present-welsh.png")
    page.keyboard.press("Escape")
    assert page.locator(".pack-js-present-start").inner_text() == "Cyflwyno"


# ---- the presenter window ----

def settled_kernels(server: str, quiet_s: float = 3.0, limit_s: float = 60.0) -> set[str]:
    """The server's kernels once the pool has stopped changing (a page takes one, the pool
    starts another)."""
    deadline = time.monotonic() + limit_s
    last, since = running_kernels(server), time.monotonic()
    while time.monotonic() < deadline:
        time.sleep(0.5)
        now = running_kernels(server)
        if now != last:
            last, since = now, time.monotonic()
        elif time.monotonic() - since >= quiet_s:
            return now
    return last


def presenter_text(presenter, selector: str, text: str) -> None:
    presenter.wait_for_function(
        "([s, t]) => document.querySelector(s).textContent === t", arg=[selector, text],
        timeout=10_000)


def test_presenter_window_follows_moves_and_keeps_the_notes(page, server) -> None:
    open_notebook(page, server, CHAPTER)
    present(page)
    go_to(page, GAME)
    kernels = settled_kernels(server)
    with page.context.expect_page() as opened:
        page.locator(".pack-js-present-presenter").click()
    presenter = opened.value
    presenter.set_viewport_size({"width": 1024, "height": 768})
    presenter.wait_for_load_state()
    presenter_text(presenter, ".js-position", "5 of 8")
    presenter_text(presenter, ".js-title", GAME)
    presenter_text(presenter, ".js-next-title", REFLECTION)
    presenter_text(presenter, ".js-timer-time", "35:00")

    # The notes are in the presenter window, and nowhere to be seen on the projector.
    notes_heading = "Facilitator notes: Running the language game"
    assert presenter.locator(".presenter-note h2").first.inner_text() == notes_heading
    assert "Debrief questions" in presenter.locator(".js-notes").inner_text()
    assert notes_heading not in page.locator("body").inner_text()
    assert shown(page)["notes"] == 0
    presenter.screenshot(path=ARTIFACTS / "presenter-window.png", full_page=True)
    assert serious_violations(presenter) == []

    # Moving in either window moves both.
    presenter.locator(".js-next").click()
    wait_for_position(page, "6 of 8")
    presenter_text(presenter, ".js-title", REFLECTION)
    presenter.keyboard.press("ArrowLeft")
    wait_for_position(page, "5 of 8")
    page.keyboard.press("End")
    presenter_text(presenter, ".js-position", "8 of 8")
    presenter_text(presenter, ".js-next-title", "This is the last one.")
    presenter.keyboard.press("b")
    page.wait_for_function("document.documentElement.classList.contains('pack-present-blanked')")
    presenter.wait_for_selector(".js-blanked", state="visible")
    page.keyboard.press("b")
    presenter.wait_for_selector(".js-blanked", state="hidden")

    # The presenter window is a static page: no kernel started, the chapter not run again.
    assert presenter.locator(".jp-Cell").count() == 0
    assert settled_kernels(server) <= kernels

    # Its own quick exit leaves, and takes the projector window with it.
    presenter.locator(".pack-js-exit-button").click()
    presenter.wait_for_url(EXIT_URL + "**", timeout=10_000)
    page.wait_for_url(EXIT_URL + "**", timeout=10_000)


def test_presenter_window_in_welsh_waits_calmly(page, server) -> None:
    page.goto(f"{server}/voila/templates/peer-support/static/presenter.html")
    assert page.locator(".js-waiting").is_visible()
    assert page.locator(EXIT_BUTTON).is_visible()
    assert serious_violations(page) == []
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    with page.expect_navigation():
        page.keyboard.press("Shift")
    assert page.url.startswith(EXIT_URL)


# ---- a session plan, played across chapters ----

def test_a_session_plan_plays_block_by_block(page, server) -> None:
    plan = {"title": "Tuesday group", "index": 0, "started": None, "lang": "en", "blocks": [
        {"notebook": CHAPTER, "section": "The-language-game", "title": "The language game",
         "minutes": 35, "kind": "activity"},
        {"notebook": "", "section": "", "title": "Tea", "minutes": 10, "kind": "break"},
        {"notebook": "02_safety", "section": "The-human-knot-game", "title": "The human knot",
         "minutes": 20, "kind": "activity"},
    ]}
    open_notebook(page, server, CHAPTER)
    page.evaluate("p => sessionStorage.setItem('pack-present-plan', JSON.stringify(p))", plan)
    page.goto(f"{server}/voila/render/{CHAPTER}.ipynb#present=The-language-game")
    wait_for_position(page, "1 of 3")
    assert shown(page)["headings"] == [GAME]

    with page.context.expect_page() as opened:
        page.locator(".pack-js-present-presenter").click()
    presenter = opened.value
    presenter.wait_for_load_state()
    presenter_text(presenter, ".js-plan-title", "Tuesday group")
    assert presenter.locator(".js-plan-rows tr").count() == 3

    page.keyboard.press("ArrowRight")  # past the block's section: the break
    wait_for_position(page, "2 of 3")
    assert page.locator(".pack-present-break").is_visible()
    assert page.locator(".pack-js-present-break-minutes").inner_text() == "10 minutes"
    assert page.locator(".pack-present-break h2").inner_text() == "Tea"
    assert shown(page)["headings"] == []
    page.screenshot(path=ARTIFACTS / "present-plan-break.png")
    presenter_text(presenter, ".js-title", "Tea")
    # Planned against actual: the first block's time so far is filled in.
    first_row = presenter.locator(".js-plan-rows tr").first.inner_text()
    assert "35 minutes" in first_row and ":" in first_row.split("35 minutes")[1]
    presenter.set_viewport_size({"width": 1024, "height": 768})
    presenter.screenshot(path=ARTIFACTS / "presenter-plan.png", full_page=True)

    with page.expect_navigation():
        page.keyboard.press("ArrowRight")  # the next block is in another chapter
    wait_for_position(page, "3 of 3", 60_000)
    assert "02_safety" in page.url
    page.wait_for_selector("#rendered_cells", state="visible", timeout=60_000)
    assert shown(page)["headings"] == ["The human knot game"]
    presenter_text(presenter, ".js-position", "3 of 3")
    stored = json.loads(page.evaluate("sessionStorage.getItem('pack-present-plan')"))
    assert stored["index"] == 2 and stored["started"] and len(stored["spent"]) >= 2


def test_a_broken_plan_is_ignored(page, server) -> None:
    open_notebook(page, server, CHAPTER)
    page.evaluate("sessionStorage.setItem('pack-present-plan', '{\"blocks\": [{\"kind\": 5}]')")
    start = present(page)
    assert start["position"] == "1 of 8"
    page.evaluate("sessionStorage.setItem('pack-present-plan', 'not json')")
    page.keyboard.press("ArrowRight")
    wait_for_position(page, "2 of 8")


def test_exit_clears_the_plan(page, server) -> None:
    open_notebook(page, server, CHAPTER)
    page.evaluate("sessionStorage.setItem('pack-present-plan', '{\"blocks\": []}')")
    page.evaluate("""window.addEventListener('beforeunload', () => {
        window.name = String(sessionStorage.getItem('pack-present-plan'));
    })""")
    present(page)
    with page.expect_navigation():
        page.locator(EXIT_BUTTON).click()
    assert page.url.startswith(EXIT_URL)
    assert page.evaluate("window.name") == "null"
