"""The Online peer support chapter's exercises in a real browser: the format chooser and the
safety checklist finished by keyboard alone, with downloads that hold exactly what was chosen."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
from conftest import open_notebook, tab_to

pytestmark = pytest.mark.browser

SLUG = "08_online_peer_support"
HOSTILE = '<img src=x onerror="window.__injected=1"><script>window.__injected=2</script>'
WELSH = "Nodyn ŵ ŷ 😊"


def text_is(text: str) -> str:
    return f"el.textContent.trim() === {text!r}"


def in_question(question: str, text: str) -> str:
    return f"el.closest('.qa-online-question-{question}') && {text_is(text)}"


def read_download(download) -> str:
    return Path(download.path()).read_text(encoding="utf-8")


def section_items(page_html: str, heading: str) -> list[str]:
    section = page_html.split(f"<h2>{heading}</h2>", 1)[1].split("</ul>", 1)[0]
    return [unescape(item) for item in re.findall(r"<li>(.*?)</li>", section, re.S)]


def test_format_chooser_can_be_finished_by_keyboard(page, server) -> None:
    open_notebook(page, server, SLUG)
    for question, answer in [("access", "Few of them"), ("literacy", "Pass"),
                             ("privacy", "Some of them")]:
        tab_to(page, in_question(question, answer))
        page.keyboard.press("Enter")
        page.wait_for_function(
            f"document.querySelector('.qa-online-question-{question} .pack-status')"
            f".textContent === 'Noted: {answer}.'")
    # The confidence question is left unanswered, which is fine too.
    result = page.locator(".qa-online-suggestion")
    page.wait_for_function(
        "document.querySelector('.qa-online-suggestion').textContent.includes('Try first')")
    assert "Video calls, with cameras optional: go carefully" in result.inner_text()

    tab_to(page, "el.closest('.pack-format-chooser') && "
                 "el.textContent.trim() === 'Prepare my download'")
    page.keyboard.press("Enter")
    page.wait_for_selector(".pack-format-chooser .qa-download-html")
    tab_to(page, "el.closest('.pack-format-chooser') && el.classList.contains('qa-download-html')")
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    printable = read_download(info.value)
    answers = section_items(printable, "Our answers")
    assert len(answers) == 2
    assert answers[0].endswith("Our answer: Few of them.")
    assert answers[1].endswith("Our answer: Some of them.")
    assert "reading and writing" not in printable  # the passed question is left out
    assert "technology" not in " ".join(answers)
    assert section_items(printable, "Try first") == ["Phone calls", "Messaging",
                                                     "Meeting in person"]
    assert "Video calls, with cameras optional: go carefully, with another way in" in printable


def test_format_chooser_start_again_clears_by_keyboard(page, server) -> None:
    open_notebook(page, server, SLUG)
    tab_to(page, in_question("confidence", "Quite confident"))
    page.keyboard.press("Space")
    page.wait_for_function(
        "document.querySelector('.qa-online-suggestion').textContent.includes('strong fit')")
    tab_to(page, "el.closest('.pack-format-chooser') && el.textContent.trim() === 'Start again'")
    page.keyboard.press("Enter")
    page.wait_for_function(
        "document.querySelector('.qa-online-suggestion').textContent"
        ".includes('Answer at least one question')")
    # Focus goes back to the first question.
    page.wait_for_function(
        "document.activeElement.closest('.qa-online-question-access') !== null")


def test_safety_checklist_can_be_ticked_and_printed_by_keyboard(page, server) -> None:
    open_notebook(page, server, SLUG)
    tab_to(page, "el.closest('.qa-checklist-item-0-0') && el.tagName === 'INPUT'")
    page.keyboard.press("Space")
    tab_to(page, "el.closest('.qa-checklist-item-0-2') && el.tagName === 'INPUT'")
    page.keyboard.press("Space")
    page.wait_for_function(
        "document.querySelector('.qa-checklist-progress').textContent.includes('. 2 of ')")
    tab_to(page, "el.closest('.qa-checklist-notes') && el.tagName === 'TEXTAREA'")
    page.keyboard.type(f"{WELSH} {HOSTILE}")
    tab_to(page, "el.closest('.pack-checklist') && "
                 "el.textContent.trim() === 'Prepare the printable checklist'")
    page.keyboard.press("Enter")
    page.wait_for_selector(".pack-checklist .qa-download-html")
    tab_to(page, "el.closest('.pack-checklist') && el.classList.contains('qa-download-html')")
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    printable = read_download(info.value)
    before = section_items(printable, "Before the session")
    assert before[0].startswith("☑ Turn on a waiting room")
    assert before[1].startswith("☐ Send the link")
    assert before[2].startswith("☑ Agree that nobody records")
    assert sum(item.startswith("☑") for item in before) == 2
    assert "If someone tells you she is at risk" in printable
    assert section_items(printable, "Our notes (optional)") == [f"{WELSH} {HOSTILE}"]
    assert "<script>" not in printable
    assert info.value.suggested_filename == "online-session-checklist.html"
    assert page.evaluate("window.__injected") is None
