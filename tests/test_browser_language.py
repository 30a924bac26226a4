"""The Language chapter's exercises in a real browser: by keyboard alone, downloads that hold
exactly the answers given, and typed HTML that stays text."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
import yaml
from conftest import REPO, open_notebook, tab_to, wait_for_focus

pytestmark = pytest.mark.browser

TERMS = yaml.safe_load((REPO / "assets/language/terms.yaml").read_text(encoding="utf-8"))["terms"]
OPTIONS = ["Fine", "Unsure", "Hurtful", "Depends who says it", "Pass"]
HOSTILE = '<img src=x onerror="window.__injected=1"><script>window.__injected=2</script>'
WELSH = "Dw i'n hoffi ŵ ac ŷ 😊"


def in_game(test: str) -> str:
    return f"el.closest('.pack-language-game') && ({test})"


def text_is(text: str) -> str:
    return f"el.textContent.trim() === {text!r}"


def read_download(download) -> str:
    return Path(download.path()).read_text(encoding="utf-8")


def test_language_game_can_be_finished_by_keyboard_alone(page, server) -> None:
    open_notebook(page, server, "05_language")
    tab_to(page, in_game(text_is("Fine")))
    chosen_words = []
    for number, _term in enumerate(TERMS):
        option = number % len(OPTIONS)
        for _ in range(option):
            page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.textContent.trim()") == OPTIONS[option]
        page.keyboard.press("Enter")
        page.wait_for_function(
            f"[...document.querySelectorAll('.pack-choice .pack-status')]"
            f".some(e => e.textContent === 'Noted: {OPTIONS[option]}.')")
        if number in (0, 7):  # keep a couple of the preferred words, by keyboard
            tab_to(page, in_game("el.textContent.startsWith('Add “')"))
            chosen_words.append(re.search(r"Add “(.+)” to", page.evaluate(
                "document.activeElement.textContent")).group(1))
            page.keyboard.press("Enter")
            page.wait_for_function(
                f"document.querySelector('.qa-our-words').textContent.includes({chosen_words[-1]!r})")
        if number < len(TERMS) - 1:
            tab_to(page, in_game(text_is("Next word")))
            page.keyboard.press("Enter")
            page.wait_for_function(
                f"document.querySelector('.pack-deck .pack-status').textContent"
                f" === 'Word {number + 2} of {len(TERMS)}'")
            wait_for_focus(page, in_game(text_is("Fine")))

    summary = page.locator(".qa-game-summary").inner_text()
    per_option = len(TERMS) // len(OPTIONS)
    for label in OPTIONS[:4]:
        expected = sum(1 for n in range(len(TERMS)) if n % len(OPTIONS) == OPTIONS.index(label))
        assert f"{label}: {expected}" in summary
        assert expected >= per_option
    passes = sum(1 for n in range(len(TERMS)) if n % len(OPTIONS) == 4)
    assert f"Passed or not placed yet: {passes}" in summary

    # The group's own word, then the download, all by keyboard.
    tab_to(page, "el.closest('.qa-own-word') && el.tagName === 'INPUT'")
    page.keyboard.type("peer")
    tab_to(page, text_is("Add to our words"))
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelector('.qa-our-words').textContent.includes('peer')")
    tab_to(page, in_game(text_is("Prepare my download")))
    page.keyboard.press("Enter")
    page.wait_for_selector(".pack-language-game .qa-download-html")
    tab_to(page, in_game("el.classList.contains('qa-download-html')"))
    with page.expect_download() as download_info:
        page.keyboard.press("Enter")
    handout = read_download(download_info.value)
    items = re.findall(r"<li>(.*?)</li>", handout)
    assert len(items) == len(chosen_words) + 1
    for word in chosen_words:
        assert any(item.startswith(word) for item in items)
    assert items[-1] == "peer"


def test_our_words_shows_typed_html_as_text_and_keeps_welsh(page, server) -> None:
    open_notebook(page, server, "05_language")
    own = page.locator(".qa-own-word input")
    own.fill(HOSTILE[:80])
    own.press("Tab")
    page.locator(".qa-add-own-word").click()
    page.wait_for_function("document.querySelector('.qa-our-words li')")
    assert page.locator(".qa-our-words li").inner_text() == HOSTILE[:80]
    assert page.locator(".qa-our-words img").count() == 0
    own.fill(WELSH)
    own.press("Tab")
    page.locator(".qa-add-own-word").click()
    page.wait_for_function(f"document.querySelector('.qa-our-words').textContent.includes({WELSH!r})")
    own.fill("x" * 10_000)
    own.press("Tab")
    page.locator(".qa-add-own-word").click()
    status = page.locator(".pack-our-words .pack-status")
    page.wait_for_function(
        "[...document.querySelectorAll('.pack-our-words .pack-status')]"
        ".some(e => e.textContent.includes('80 characters or fewer'))")
    assert "Nothing has been cut" in status.first.inner_text()
    assert len(own.input_value()) == 10_000
    page.locator(".pack-language-game .qa-prepare-download").click()
    with page.expect_download() as download_info:
        page.locator(".pack-language-game .qa-download-markdown").click()
    markdown = read_download(download_info.value)
    assert "\\<img src=x" in markdown and WELSH in markdown
    assert page.evaluate("window.__injected") is None


def test_reflection_download_holds_exactly_the_answers_given(page, server) -> None:
    open_notebook(page, server, "05_language")
    boxes = page.locator(".pack-reflection-set textarea")
    assert boxes.count() >= 3
    boxes.nth(0).fill(HOSTILE)
    boxes.nth(1).fill(WELSH)
    boxes.nth(2).fill("y" * 10_000)
    boxes.nth(2).press("Tab")
    page.wait_for_function(
        "[...document.querySelectorAll('.pack-reflection .pack-status')]"
        ".some(e => e.textContent.includes('has 10,000'))")
    prepare = page.locator(".pack-reflection-set .qa-prepare-download")
    prepare.click()
    page.wait_for_function(
        "[...document.querySelectorAll('.pack-download .pack-status')]"
        ".some(e => e.textContent.startsWith('Some answers are too long'))")
    assert page.locator(".pack-reflection-set .qa-download-html").count() == 0
    assert len(boxes.nth(2).input_value()) == 10_000  # nothing typed is lost

    boxes.nth(2).fill("")
    boxes.nth(2).press("Tab")
    prepare.click()
    with page.expect_download() as download_info:
        page.locator(".pack-reflection-set .qa-download-html").click()
    handout = read_download(download_info.value)
    items = re.findall(r"<li>(.*?)</li>", handout, flags=re.S)
    assert [unescape(item) for item in items] == [HOSTILE, WELSH]
    assert "&lt;script&gt;" in items[0] and "<script>" not in handout
    labels = page.locator(".pack-reflection-set .widget-textarea label")
    assert labels.nth(0).inner_text() in handout and labels.nth(2).inner_text() not in handout
    assert page.evaluate("window.__injected") is None

    page.locator(".qa-clear-answers").click()
    page.wait_for_function(
        "[...document.querySelectorAll('.pack-reflection-set textarea')].every(t => !t.value)")
    assert page.locator(".pack-reflection-set .qa-download-html").count() == 0


def test_facilitator_timer_runs_by_keyboard(page, server) -> None:
    open_notebook(page, server, "05_language")
    page.get_by_role("button", name="Facilitator view").click()
    tab_to(page, text_is("Start timer"))
    page.keyboard.press("Enter")
    page.wait_for_timeout(2200)
    display = page.locator(".pack-timer__display").first.inner_text()
    assert display in ("19:58", "19:57", "19:59")
    assert page.evaluate("document.activeElement.textContent") == "Pause timer"
    page.keyboard.press("Enter")
    assert page.locator(".pack-timer__status").first.inner_text().startswith("Timer paused at")
