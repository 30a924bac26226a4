"""The Safety chapter in a real browser: the group agreement builder by keyboard alone with
its poster download, typed HTML that stays text, the check-in, the untangle puzzle by
keyboard, and the printable checklist and knot card."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
from conftest import open_notebook, set_setting, tab_to, wait_for_focus

pytestmark = pytest.mark.browser

CHAPTER = "02_safety"
HOSTILE = '<img src=x onerror="window.__injected=1"><script>window.__injected=2</script>'
WELSH = "Paned gyntaf: ŵ ŷ 😊"


def read_download(download) -> str:
    return Path(download.path()).read_text(encoding="utf-8")


def items(html: str) -> list[str]:
    return [unescape(item) for item in re.findall(r"<li>(.*?)</li>", html, re.S)]


def in_builder(test: str) -> str:
    return f"el.closest('.pack-agreement-builder') && ({test})"


def row_button(kind: str, words: str) -> str:
    """The focused element is the ``kind`` button of the agreement row holding ``words``."""
    return (f"el.classList.contains('qa-agreement-{kind}') && "
            f"el.closest('.pack-agreement-row').textContent.includes({words!r})")


def tab_back_to(page, predicate: str, limit: int = 60) -> None:
    """Press Shift+Tab until ``predicate`` (JS taking the focused element) is true."""
    for _ in range(limit):
        page.keyboard.press("Shift+Tab")
        if page.evaluate(f"(el => {predicate})(document.activeElement)"):
            return
    raise AssertionError(f"keyboard focus never reached: {predicate}")


def status_says(page, selector: str, text: str) -> None:
    page.wait_for_function(
        f"[...document.querySelectorAll({selector!r})].some(e => e.textContent.includes({text!r}))")


def list_texts(page) -> list[str]:
    return [t.strip() for t in page.locator(".qa-agreement-text").all_inner_texts()]


def test_agreement_builder_by_keyboard_alone_downloads_the_poster(page, server) -> None:
    open_notebook(page, server, CHAPTER)
    suggestions = page.locator(".qa-agreement-suggestion label")
    wanted = ["Anyone can pass on any question", "One voice at a time.",
              "What we share here stays here."]
    # Tick three suggestions with Space, in that order (the last sits above the others).
    for number, words in enumerate(wanted):
        (tab_back_to if number == 2 else tab_to)(
            page, f"el.type === 'checkbox' && el.closest('.qa-agreement-suggestion')"
                  f" && el.closest('label').textContent.includes({words!r})")
        page.keyboard.press("Space")
        status_says(page, ".qa-agreement-status", words)
    assert suggestions.count() >= 10
    assert [t.split(". ", 1)[1] for t in list_texts(page)][0].startswith(wanted[0])

    # Our own agreement, typed.
    tab_to(page, "el.closest('.qa-agreement-own') && el.tagName === 'TEXTAREA'")
    page.keyboard.type("We make tea first")
    tab_to(page, "el.textContent.trim() === 'Add to our agreement'")
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelectorAll('.qa-agreement-text').length === 4")

    # Move our own agreement from 4th to 2nd: focus stays on its Move up button.
    tab_to(page, row_button("up", "We make tea first"))
    page.keyboard.press("Enter")
    status_says(page, ".qa-agreement-status", "to number 3 of 4")
    wait_for_focus(page, row_button("up", "We make tea first"))
    page.keyboard.press("Enter")
    status_says(page, ".qa-agreement-status", "to number 2 of 4")
    wait_for_focus(page, row_button("up", "We make tea first"))

    # Change the wording of "One voice at a time." (now 3rd) by keyboard.
    tab_to(page, row_button("change", "One voice at a time."))
    page.keyboard.press("Enter")
    wait_for_focus(page, "el.tagName === 'TEXTAREA' && el.closest('.qa-agreement-edit')")
    page.keyboard.press("Control+A")
    page.keyboard.type("One voice at a time, please.")
    page.keyboard.press("Tab")
    wait_for_focus(page, "el.textContent.trim() === 'Save'")
    page.keyboard.press("Enter")
    status_says(page, ".qa-agreement-status", "Agreement 3 changed.")
    wait_for_focus(page, row_button("change", "One voice at a time, please."))

    expected = ["Anyone can pass on any question or activity, and doesn't have to say why.",
                "We make tea first",
                "One voice at a time, please.",
                "What we share here stays here. We don't pass on names or stories, in the "
                "group or outside it."]
    assert list_texts(page) == [f"{n}. {text}" for n, text in enumerate(expected, start=1)]

    # Prepare the poster and download it, by keyboard.
    tab_to(page, in_builder("el.textContent.trim() === 'Prepare our poster'"))
    page.keyboard.press("Enter")
    page.wait_for_selector(".pack-agreement-builder .qa-download-html")
    tab_to(page, in_builder("el.classList.contains('qa-download-html')"))
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    download = info.value
    assert download.suggested_filename == "group-agreement.html"
    poster = read_download(download)
    assert items(poster) == expected
    assert "<h1>Our group agreement</h1>" in poster
    assert "font-size: 28pt" in poster  # large type for the wall


def test_agreement_builder_keeps_typed_html_as_text(page, server) -> None:
    open_notebook(page, server, CHAPTER)
    own = page.locator(".qa-agreement-own textarea")
    own.fill(HOSTILE[:200])
    own.press("Tab")
    page.locator(".qa-agreement-add").click()
    page.wait_for_function("document.querySelectorAll('.qa-agreement-text').length === 1")
    assert page.locator(".qa-agreement-text").inner_text() == f"1. {HOSTILE[:200]}"
    assert page.locator(".pack-agreement-builder img").count() == 0
    own.fill(WELSH)
    own.press("Tab")
    page.locator(".qa-agreement-add").click()
    page.wait_for_function("document.querySelectorAll('.qa-agreement-text').length === 2")
    # 10,000 characters: refused with a clear message, and nothing typed is lost.
    own.fill("x" * 10_000)
    own.press("Tab")
    page.locator(".qa-agreement-add").click()
    status_says(page, ".qa-agreement-status", "Nothing has been cut")
    assert len(own.input_value()) == 10_000
    page.locator(".pack-agreement-builder .qa-prepare-download").click()
    with page.expect_download() as info:
        page.locator(".pack-agreement-builder .qa-download-markdown").click()
    markdown = read_download(info.value)
    assert "\\<img src=x" in markdown and WELSH in markdown
    assert page.evaluate("window.__injected") is None


def test_check_in_answers_gently_and_can_be_passed(page, server) -> None:
    open_notebook(page, server, CHAPTER)
    tab_to(page, "el.closest('.qa-check-in') && el.textContent.trim() === '2'")
    page.keyboard.press("Enter")
    status_says(page, ".qa-check-in-reply", "Noted: 2. Thank you for being honest.")
    tab_to(page, "el.closest('.qa-check-in') && el.textContent.trim() === 'Pass'")
    page.keyboard.press("Enter")
    status_says(page, ".qa-check-in-reply", "You never need to say")
    # The guidance on low scores is for facilitators only.
    notes = page.locator(".qa-notes-safety-check-in")
    assert not notes.is_visible()


def test_low_score_guidance_shows_in_facilitator_view(page, server) -> None:
    set_setting(page, server, "facilitator", "on")
    open_notebook(page, server, CHAPTER)
    notes = page.locator(".qa-notes-safety-check-in")
    assert notes.is_visible()
    assert "low numbers" in notes.inner_text()
    assert page.locator(".qa-notes-human-knot").is_visible()


def test_untangle_puzzle_can_be_solved_by_keyboard(page, server) -> None:
    open_notebook(page, server, CHAPTER)
    # The loop in assets/safety/knot-puzzle.yaml, starting from the first person.
    target = ["Ana", "Cath", "Flo", "Bea", "Eve", "Dot"]
    for place, person in enumerate(target):
        order = [re.sub(r"^\d+\.\s*", "", t.strip())
                 for t in page.locator(".pack-knot-place").all_inner_texts()]
        moves = order.index(person) - place
        if not moves:
            continue
        tab_to(page, "el.classList.contains('qa-knot-up') && "
                     f"el.closest('.pack-knot-row').textContent.includes({person!r})")
        for step in range(moves):
            page.keyboard.press("Enter")
            new_place = order.index(person) - step
            status_says(page, ".qa-knot-status", f"{person} is now in place {new_place}.")
            wait_for_focus(page, "el.classList.contains('qa-knot-up') && "
                                 f"el.closest('.pack-knot-row').textContent.includes({person!r})")
    status_says(page, ".qa-knot-status", "Untangled!")
    description = page.locator(".pack-knot-figure").inner_text()
    assert "Ana is joined to Cath and Dot. She stands between Dot and Cath." in description
    assert page.locator(".pack-knot-svg[role='img'] title").count() == 1


def test_checklist_and_knot_card_print(page, server) -> None:
    open_notebook(page, server, CHAPTER)
    boxes = page.locator(".pack-checklist .qa-checklist-item input")
    boxes.nth(1).check()
    status_says(page, ".qa-checklist-progress", "1 of")
    page.locator(".qa-checklist-notes textarea").fill(HOSTILE)
    page.locator(".qa-checklist-notes textarea").press("Tab")
    page.locator(".pack-checklist .qa-prepare-download").click()
    with page.expect_download() as info:
        page.locator(".pack-checklist .qa-download-html").click()
    printed = items(read_download(info.value))
    assert printed[0].startswith("☐ ") and printed[1].startswith("☑ ")
    assert printed[-1] == HOSTILE
    assert len(printed) == boxes.count() + 1

    tab_to(page, "el.closest('.qa-knot-versions') && el.textContent.includes('Seated')")
    page.keyboard.press("Enter")
    page.wait_for_function(
        "document.querySelector('.qa-knot-steps').textContent.includes('circle of chairs')")
    page.locator(".pack-knot-card .qa-prepare-download").click()
    with page.expect_download() as info:
        page.locator(".pack-knot-card .qa-download-html").click()
    card = read_download(info.value)
    for heading in ("No-touch version", "Seated version", "Keeping everyone safe",
                    "Sitting out"):
        assert heading in card
    assert page.evaluate("window.__injected") is None
