"""The Launch and acknowledgements chapter in a real browser: the take-away reflection finished
by keyboard alone, with a download that holds exactly the answers given, as text."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
from conftest import open_notebook, tab_to

pytestmark = pytest.mark.browser

NOTEBOOK = "12_acknowledgements"
HOSTILE = '<img src=x onerror="window.__injected=1"><script>window.__injected=2</script>'
WELSH = "Diolch o galon ŵ ŷ 😊"


def in_reflection(test: str) -> str:
    return f"el.closest('.qa-acknowledgements-reflection') && ({test})"


def test_take_away_reflection_can_be_finished_by_keyboard_alone(page, server) -> None:
    open_notebook(page, server, NOTEBOOK)
    tab_to(page, in_reflection("el.tagName === 'TEXTAREA'"))
    page.keyboard.type(WELSH)
    tab_to(page, in_reflection("el.closest('.qa-prompt-try-next')"))
    page.keyboard.type(HOSTILE)
    tab_to(page, in_reflection("el.textContent.trim() === 'Prepare my download'"))
    page.keyboard.press("Enter")
    page.wait_for_selector(".qa-acknowledgements-reflection .qa-download-html")
    tab_to(page, in_reflection("el.classList.contains('qa-download-html')"))
    with page.expect_download() as download_info:
        page.keyboard.press("Enter")
    handout = Path(download_info.value.path()).read_text(encoding="utf-8")

    items = [unescape(item) for item in re.findall(r"<li>(.*?)</li>", handout, re.S)]
    assert items == [WELSH, HOSTILE]
    assert "<script>" not in handout and "&lt;script&gt;" in handout
    text = unescape(handout)
    assert "One thing I'll take away with me" in text
    assert "Something I'd like to try next" in text
    assert "Something I'm still wondering about" not in text  # left empty, so left out
    assert page.evaluate("window.__injected") is None


def test_markdown_download_and_clear_by_keyboard(page, server) -> None:
    open_notebook(page, server, NOTEBOOK)
    tab_to(page, in_reflection("el.tagName === 'TEXTAREA'"))
    page.keyboard.type("The group agreement")
    tab_to(page, in_reflection("el.textContent.trim() === 'Prepare my download'"))
    page.keyboard.press("Enter")
    page.wait_for_selector(".qa-acknowledgements-reflection .qa-download-markdown")
    tab_to(page, in_reflection("el.classList.contains('qa-download-markdown')"))
    with page.expect_download() as download_info:
        page.keyboard.press("Enter")
    markdown = Path(download_info.value.path()).read_text(encoding="utf-8")
    assert markdown.startswith("# What I'll take from this pack")
    assert "- The group agreement" in markdown
    assert markdown.count("\n## ") == 1

    tab_to(page, in_reflection("el.textContent.trim() === 'Clear my answers'"))
    page.keyboard.press("Enter")
    page.wait_for_function(
        "[...document.querySelectorAll('.qa-acknowledgements-reflection textarea')]"
        ".every(t => !t.value)")
    page.wait_for_function(  # the prepared links are withdrawn, and she is told
        "!document.querySelector('.qa-acknowledgements-reflection .qa-download-html')"
        " && [...document.querySelectorAll('.qa-acknowledgements-reflection .pack-status')]"
        ".some(e => e.textContent.startsWith('Your answers have been cleared'))")


def test_facilitator_notes_show_in_facilitator_view(page, server) -> None:
    open_notebook(page, server, NOTEBOOK)
    notes = page.locator(".pack-facilitator-notes")
    assert notes.count() == 2
    assert not notes.first.is_visible()
    page.get_by_role("button", name="Facilitator view").click()
    assert page.locator(".qa-notes-take-away-reflection").is_visible()
    assert page.locator(".qa-notes-closing-circle").is_visible()
