"""The Evaluation chapter's exercises in a real browser: the feedback form passed round by
keyboard alone, totals hidden below the threshold and exported as totals only; the planner's
download; and the consent script keeping typed HTML as text."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
import yaml
from conftest import REPO, open_notebook, tab_to, wait_for_focus

pytestmark = pytest.mark.browser

FEEDBACK = yaml.safe_load((REPO / "assets/evaluation/feedback.yaml").read_text(encoding="utf-8"))
PLANNER = yaml.safe_load((REPO / "assets/evaluation/planner.yaml").read_text(encoding="utf-8"))
CONSENT = yaml.safe_load((REPO / "assets/evaluation/consent.yaml").read_text(encoding="utf-8"))
THRESHOLD = FEEDBACK["threshold"]
WELCOME = FEEDBACK["questions"][0]
HOSTILE = '<img src=x onerror="window.__injected=1"><script>window.__injected=2</script>'
WELSH = "Grŵp Merched ŷ 😊"


def text_is(text: str) -> str:
    return f"el.textContent.trim() === {text!r}"


def in_feedback(test: str) -> str:
    return f"el.closest('.pack-feedback') && ({test})"


def first_welcome_button() -> str:
    return in_feedback(f"el.closest('.qa-feedback-{WELCOME['id']}') && "
                       f"el.classList.contains('qa-choice-{WELCOME['options'][0]['id']}')")


def shift_tab_to(page, predicate: str, limit: int = 120) -> None:
    """Press Shift+Tab until ``predicate`` (JS taking the focused element) is true."""
    for _ in range(limit):
        page.keyboard.press("Shift+Tab")
        if page.evaluate(f"(el => {predicate})(document.activeElement)"):
            return
    raise AssertionError(f"keyboard focus never reached, going back: {predicate}")


def read(download) -> str:
    return Path(download.path()).read_text(encoding="utf-8")


def feedback_status(page) -> str:
    return page.locator(".qa-feedback-status").inner_text()


def test_feedback_form_passed_round_by_keyboard_shows_and_exports_totals_only(page, server):
    open_notebook(page, server, "10_evaluation")
    tab_to(page, first_welcome_button())
    labels = [option["label"] for option in WELCOME["options"]]
    picks = [n % len(labels) for n in range(THRESHOLD + 1)]  # one person passes instead

    for person, pick in enumerate(picks, start=1):
        wait_for_focus(page, first_welcome_button())
        if person == len(picks):
            for _ in labels:
                page.keyboard.press("Tab")
            assert page.evaluate("document.activeElement.textContent.trim()") == "Pass"
        else:
            for _ in range(pick):
                page.keyboard.press("Tab")
            assert page.evaluate("document.activeElement.textContent.trim()") == labels[pick]
        page.keyboard.press("Enter")
        page.wait_for_function(
            "document.querySelector('.qa-feedback-welcome .pack-status').textContent"
            ".startsWith('Noted:')")
        tab_to(page, in_feedback(text_is("Add my answers")))
        page.keyboard.press("Enter")
        page.wait_for_function(
            "document.querySelector('.qa-feedback-status').textContent"
            f".endsWith('Forms added so far: {person}.')")
        # Nobody's answer is shown back: every button is plain again.
        assert page.locator(".pack-feedback-form .mod-primary").count() == 0
        assert "✓" not in page.locator(".pack-feedback-form").inner_text()
        assert page.locator(".qa-feedback-totals").inner_text().strip() == ""

        if person == THRESHOLD - 1:  # too few yet: totals stay hidden
            tab_to(page, in_feedback(text_is("Show group totals")))
            page.keyboard.press("Enter")
            page.wait_for_function(
                "document.querySelector('.qa-feedback-totals-status').textContent"
                ".includes('1 more needed')")
            assert page.locator(".qa-feedback-totals").inner_text().strip() == ""
            shift_tab_to(page, first_welcome_button())  # back to the form for the next person

    tab_to(page, in_feedback(text_is("Show group totals")))
    page.keyboard.press("Enter")
    page.wait_for_function(
        "document.querySelector('.qa-feedback-totals').textContent.includes('out of')")
    answered = len(picks) - 1
    totals = page.locator(".qa-feedback-totals").inner_text()
    for index, name in enumerate(labels):
        count = sum(1 for pick in picks[:-1] if pick == index)
        assert f"{name}: {count} out of {answered}" in totals
    hidden = f"Fewer than {THRESHOLD} people answered this question"
    assert totals.count(hidden) == len(FEEDBACK["questions"]) - 1
    assert page.locator(".qa-feedback-totals svg[role='img']").count() == 1

    tab_to(page, in_feedback(text_is("Prepare the totals to download")))
    page.keyboard.press("Enter")
    page.wait_for_selector(".pack-feedback .qa-download-markdown")
    tab_to(page, in_feedback("el.classList.contains('qa-download-markdown')"))
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    markdown = read(info.value)
    items = [line[2:] for line in markdown.splitlines() if line.startswith("- ")]
    expected = [f"{name}: {sum(1 for p in picks[:-1] if p == i)} of {answered}"
                for i, name in enumerate(labels)]
    assert items[:len(labels)] == expected
    assert all(re.fullmatch(r".+: \d+ of \d+", item) or item.startswith("Fewer than")
               for item in items)
    assert f"Answers from {len(picks)} people" in markdown

    # The round is closed: a late answer is refused, so totals cannot be compared.
    shift_tab_to(page, first_welcome_button())
    page.keyboard.press("Enter")
    tab_to(page, in_feedback(text_is("Add my answers")))
    page.keyboard.press("Enter")
    page.wait_for_function(
        "document.querySelector('.qa-feedback-status').textContent.startsWith('This round is')")
    assert f"Answers from {len(picks)} people" in page.locator(".qa-feedback-totals").inner_text()


def test_planner_by_keyboard_downloads_exactly_what_was_ticked(page, server):
    open_notebook(page, server, "10_evaluation")
    register, routes = PLANNER["sources"][0], PLANNER["sources"][2]
    for source in (register, routes):
        tab_to(page, f"el.closest('.qa-planner-source-{source['id']}') && el.tagName === 'INPUT'")
        page.keyboard.press("Space")
    page.wait_for_function(
        "document.querySelector('.qa-planner-indicators').textContent"
        f".includes({routes['indicators'][0]!r})")
    tab_to(page, "el.closest('.qa-planner-tool-ons4') && el.tagName === 'INPUT'")
    page.keyboard.press("Space")
    tab_to(page, "el.closest('.pack-evaluation-planner') && "
                 "el.textContent.trim() === 'Prepare our evaluation plan'")
    page.keyboard.press("Enter")
    page.wait_for_selector(".pack-evaluation-planner .qa-download-html")
    tab_to(page, "el.closest('.pack-evaluation-planner') && "
                 "el.classList.contains('qa-download-html')")
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    html = unescape(read(info.value))
    assert register["label"] in html and routes["label"] in html
    for source in PLANNER["sources"][3:]:
        assert source["label"] not in html
    assert all(indicator in html for indicator in register["indicators"] + routes["indicators"])
    ons4 = PLANNER["tools"][0]
    assert all(question in html for question in ons4["questions"])
    assert "qualityoflife@ons.gov.uk" in html
    assert "Warwick-Edinburgh" not in html and "Outcomes Star" not in html


def test_consent_script_keeps_typed_html_as_text_and_prints(page, server):
    open_notebook(page, server, "10_evaluation")
    builder = page.locator(".pack-consent-builder")
    builder.locator(".qa-consent-group input").fill(WELSH)
    builder.locator(".qa-consent-group input").press("Tab")
    confidentiality = next(s for s in CONSENT["sections"] if s["id"] == "confidentiality")
    option = confidentiality["options"][1]
    builder.locator(f".qa-consent-{option['id']} input").check()
    own = builder.locator(".qa-consent-own-collect textarea")
    own.fill(HOSTILE)
    own.press("Tab")
    preview = builder.locator(".qa-consent-preview")
    page.wait_for_function(
        "document.querySelector('.qa-consent-preview').textContent.includes('<img src=x')")
    assert preview.locator("img").count() == 0
    assert option["text"] in preview.inner_text()
    assert WELSH in preview.inner_text()

    builder.locator(".qa-consent-own-who-sees textarea").fill("y" * 10_000)
    builder.locator(".qa-consent-own-who-sees textarea").press("Tab")
    builder.locator(".qa-prepare-download").click()
    page.wait_for_function(
        "[...document.querySelectorAll('.pack-consent-builder .pack-status')]"
        ".some(e => e.textContent.startsWith('Some answers are too long'))")
    assert builder.locator(".qa-download-html").count() == 0
    assert len(builder.locator(".qa-consent-own-who-sees textarea").input_value()) == 10_000

    builder.locator(".qa-consent-own-who-sees textarea").fill("")
    builder.locator(".qa-consent-own-who-sees textarea").press("Tab")
    builder.locator(".qa-prepare-download").click()
    with page.expect_download() as info:
        builder.locator(".qa-download-html").click()
    html = read(info.value)
    assert "<script>" not in html and "<img" not in html
    items = [unescape(item) for item in re.findall(r"<li>(.*?)</li>", html, flags=re.S)]
    defaults = [o["text"] for s in CONSENT["sections"] for o in s["options"] if o.get("default")]
    assert items == [HOSTILE, option["text"], *defaults]
    assert f"{CONSENT['title']}: {WELSH}" in unescape(html)
    assert page.evaluate("window.__injected") is None
