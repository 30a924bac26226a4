"""The Introduction chapter in a real browser: "Where do I start?" finished by keyboard alone,
a download that holds exactly the answers given, and route links that lead to chapters."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
from conftest import open_notebook, tab_to, wait_for_focus

from peer_support.chapters.introduction import RouteFinder, load_route_guide

pytestmark = pytest.mark.browser

NOTEBOOK = "01_introduction"
ANSWERS = [  # (question, answer id, button text); None marks a pass
    ("role", "presenter", "I'm showing the pack to a group on a screen"),
    ("group", None, "Pass"),
    ("goal", "words", "Talking about words"),
    ("time", "half-day", "Half a day"),
]


def in_question(question: str, test: str) -> str:
    return f"el.closest('.qa-introduction-question-{question}') && ({test})"


def text_is(text: str) -> str:
    return f"el.textContent.trim() === {text!r}"


def in_route(test: str) -> str:
    return f"el.closest('.pack-introduction-route') && ({test})"


def expected_handout():
    """The same answers given to the same finder in Python, for the notebooks that exist."""
    finder = RouteFinder(load_route_guide())
    for question, answer, _ in ANSWERS:
        finder.answer(question, answer or "pass")
    return finder.handout()


def answer_by_keyboard(page) -> None:
    for question, _, label in ANSWERS:
        tab_to(page, in_question(question, text_is(label)))
        page.keyboard.press("Enter")
        page.wait_for_function(
            f"document.querySelector('.qa-introduction-question-{question} .pack-status')"
            f".textContent === {f'Noted: {label}.'!r}")


def test_where_do_i_start_can_be_finished_by_keyboard_alone(page, server) -> None:
    open_notebook(page, server, NOTEBOOK)
    answer_by_keyboard(page)
    page.wait_for_function(
        "document.querySelector('.qa-route-view').textContent.includes('Language')")
    route = page.locator(".qa-route-view")
    assert route.locator("a").first.inner_text() == "Language"
    assert "Projector view" in route.inner_text()  # the presenter's tip

    tab_to(page, in_route(text_is("Prepare my download")))
    page.keyboard.press("Enter")
    page.wait_for_selector(".pack-introduction-route .qa-download-html")
    tab_to(page, in_route("el.classList.contains('qa-download-html')"))
    with page.expect_download() as download_info:
        page.keyboard.press("Enter")
    handout = Path(download_info.value.path()).read_text(encoding="utf-8")

    expected = expected_handout()
    items = [unescape(item) for item in re.findall(r"<li>(.*?)</li>", handout, re.S)]
    assert items == [item for section in expected.filled_sections for item in section.items]
    assert "What would you most like from today? Talking about words" in items
    assert "How much time do you have? Half a day" in items
    assert any(item.startswith("Chapter 5, Language: ") for item in items)
    assert "Where is your group at?" not in handout  # passed, so left out
    assert "Pass" not in handout


def test_route_links_point_at_existing_chapters_and_lead_there(page, server) -> None:
    open_notebook(page, server, NOTEBOOK)
    answer_by_keyboard(page)
    page.wait_for_function(
        "document.querySelector('.qa-route-view').textContent.includes('Language')")
    hrefs = page.locator(".qa-route-view a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))")
    notebooks = Path(__file__).resolve().parent.parent / "notebooks"
    assert hrefs and all((notebooks / href).is_file() for href in hrefs)
    tab_to(page, "el.classList.contains('pack-route-link') && el.textContent === 'Language'")
    page.keyboard.press("Enter")
    page.wait_for_url("**/05_language.ipynb")


def test_start_again_clears_answers_and_returns_focus(page, server) -> None:
    open_notebook(page, server, NOTEBOOK)
    answer_by_keyboard(page)
    tab_to(page, in_route(text_is("Start again")))
    page.keyboard.press("Enter")
    wait_for_focus(page, in_question("role", text_is("I run or help run a group")))
    page.wait_for_function(
        "[...document.querySelectorAll('.pack-introduction-finder .pack-choice button')]"
        ".every(b => !b.textContent.startsWith('✓'))")
    assert "general route" in page.locator(".qa-route-view").inner_text()


def test_facilitator_notes_show_in_facilitator_view(page, server) -> None:
    open_notebook(page, server, NOTEBOOK)
    notes = page.locator(".pack-facilitator-notes")
    assert notes.count() == 2
    assert not notes.first.is_visible()
    page.get_by_role("button", name="Facilitator view").click()
    assert page.locator(".qa-notes-where-do-i-start").is_visible()
    assert "folded slips" in page.locator(".qa-notes-where-do-i-start").inner_text()
