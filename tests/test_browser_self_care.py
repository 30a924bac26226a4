"""The Self-care chapter in a real browser: the self-care plan made by keyboard alone, with a
download that holds exactly the choices made, and typed HTML that stays text."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
from conftest import ARTIFACTS, open_notebook, tab_to, wait_for_focus

pytestmark = pytest.mark.browser

NOTEBOOK = "09_self_care"
HOSTILE = '<img src=x onerror="window.__injected=1"><script>window.__injected=2</script>'
WELSH = "Ffonio Mam-gu ŵ ŷ 😊"
PLAN = ".pack-self-care-plan"

RATINGS = [  # (part, button to press); Emotional is passed
    ("physical", "Mostly"), ("psychological", "A little"), ("emotional", "Pass"),
    ("spiritual", "Well looked after"), ("personal", "Hardly at all"), ("professional", "Pass"),
]
TICKS = [
    ("physical", "Dance to one song you love"),
    ("emotional", "Let yourself cry if you need to"),
    ("spiritual", "Listen to music that moves you"),
    ("professional", "Take your full break, away from where you work"),
]
OWN = ("personal", WELSH)


def text_is(text: str) -> str:
    return f"el.textContent.trim() === {text!r}"


def status_says(selector: str, text: str) -> str:
    return (f"[...document.querySelectorAll({selector!r})]"
            f".some(e => e.textContent.includes({text!r}))")


def read_download(download) -> str:
    return Path(download.path()).read_text(encoding="utf-8")


def list_items(page_html: str) -> list[str]:
    return [unescape(item) for item in re.findall(r"<li>(.*?)</li>", page_html, re.S)]


def focus_on(page, predicate: str) -> None:
    """Tab to ``predicate``, unless keyboard focus is already there."""
    if not page.evaluate(f"(el => !!({predicate}))(document.activeElement)"):
        tab_to(page, predicate)


def rate_one_at_a_time(page, container: str, noun: str, answers: list[tuple[str, str]]) -> None:
    """Answer a one-at-a-time rating set by keyboard: option, Enter, then "Next <noun>"."""
    for number, (_item, label) in enumerate(answers, start=1):
        focus_on(page, f"el.closest('{container} .qa-ratings-scale') && {text_is(label)}")
        page.keyboard.press("Enter")
        page.wait_for_function(status_says(f"{container} .qa-ratings-scale .pack-status",
                                           f"Noted: {label}."))
        if number < len(answers):
            tab_to(page, f"el.closest('{container}') && {text_is('Next ' + noun)}")
            page.keyboard.press("Enter")
            page.wait_for_function(status_says(f"{container} .qa-ratings-deck .pack-status",
                                               f"{number + 1} of "))
            wait_for_focus(page, f"el.closest('{container} .qa-ratings-scale')")


def idea_box(part: str, idea: str) -> str:
    """JS predicate: the focused element is the checkbox for this idea."""
    return (f"el.type === 'checkbox' && el.closest('.qa-self-care-domain-{part}') && "
            f"el.closest('.qa-self-care-idea').textContent.includes({idea!r})")


def test_self_care_plan_by_keyboard_alone_downloads_exactly_the_choices(page, server) -> None:
    open_notebook(page, server, NOTEBOOK)

    # Step 1: rate each part, one at a time, or pass.
    rate_one_at_a_time(page, PLAN, "part", RATINGS)
    wheel = page.locator(f"{PLAN} .qa-self-care-wheel")
    page.wait_for_function(
        f"document.querySelector('{PLAN} .qa-self-care-wheel').textContent"
        ".includes('Personal: Hardly at all (1 out of 5)')")
    assert "Physical: Mostly (4 out of 5)" in wheel.inner_text()
    assert "Emotional: no rating" in wheel.inner_text()
    assert wheel.locator("svg[role='img'] title").count() == 1
    assert wheel.locator(".pack-wheel-fill").count() == 4

    # Step 2: tick ideas with Space, and add one of her own.
    for part, idea in TICKS:
        tab_to(page, idea_box(part, idea))
        page.keyboard.press("Space")
        page.wait_for_function(
            f"[...document.querySelectorAll('.qa-self-care-week-toggle')]"
            f".some(b => b.textContent.includes({idea!r}))")
    part, idea = OWN
    tab_to(page, f"el.closest('.qa-self-care-own-{part}') && el.tagName === 'INPUT'")
    page.keyboard.type(idea)
    tab_to(page, text_is("Add my idea to Personal"))
    page.keyboard.press("Enter")
    page.wait_for_function(status_says(f".qa-self-care-domain-{part} .pack-status",
                                       "and ticked it"))
    assert page.locator(f".qa-self-care-domain-{part} .qa-self-care-idea input:checked"
                        ).count() == 1

    # Step 3: choose three steps for the week; a fourth is kindly refused.
    chosen = [TICKS[0][1], TICKS[1][1], TICKS[2][1]]
    for wanted in [*chosen, TICKS[3][1]]:
        tab_to(page, f"el.classList.contains('qa-self-care-week-toggle') && "
                     f"el.textContent.startsWith('Add to this week: ' + {wanted!r})")
        page.keyboard.press("Enter")
        if wanted != TICKS[3][1]:
            wait_for_focus(page, f"el.textContent.startsWith('✓ This week: ' + {wanted!r})")
    page.wait_for_function(status_says(".qa-self-care-week-status",
                                       "that is plenty for one week"))
    assert page.locator(".qa-self-care-week-toggle.mod-primary").count() == 3

    # Step 4: warning signs and people.
    tab_to(page, "el.closest('.qa-self-care-signs') && el.tagName === 'TEXTAREA'")
    page.keyboard.type("Not sleeping. Snapping at people.")
    tab_to(page, "el.closest('.qa-self-care-contacts') && el.tagName === 'TEXTAREA'")
    page.keyboard.type("Jo, and the Tuesday group")

    # Step 5: prepare and download the plan.
    tab_to(page, f"el.closest('{PLAN}') && {text_is('Prepare my plan')}")
    page.keyboard.press("Enter")
    page.wait_for_selector(f"{PLAN} .qa-download-html")
    tab_to(page, f"el.closest('{PLAN}') && el.classList.contains('qa-download-html')")
    with page.expect_download() as download_info:
        page.keyboard.press("Enter")
    plan = read_download(download_info.value)

    assert list_items(plan) == [
        "Physical: Mostly (4 out of 5)",
        "Psychological: A little (2 out of 5)",
        "Spiritual: Well looked after (5 out of 5)",
        "Personal: Hardly at all (1 out of 5)",
        "Physical: Dance to one song you love",
        "Emotional: Let yourself cry if you need to",
        "Spiritual: Listen to music that moves you",
        f"Personal: {WELSH}",
        "Professional: Take your full break, away from where you work",
        "Not sleeping. Snapping at people.",
        "Jo, and the Tuesday group",
    ]
    headings = re.findall(r"<h2>(.*?)</h2>", plan)
    assert headings == ["How looked-after each part of my life feels", "My small steps this week",
                        "Other ideas that help me", "My early warning signs",
                        "Who I can call or turn to"]
    wheel_in_plan = re.search(r'<figure class="pack-plan-wheel">(.*?)</figure>', plan,
                              re.S).group(1)
    # Emotional was passed: her idea for it is in, its rating is not.
    assert "Emotional" not in wheel_in_plan and "Professional" not in wheel_in_plan
    assert "no rating" not in plan and "passed" not in plan

    # The printed plan: open the download in Chromium, look at it, and print it to A4.
    ARTIFACTS.mkdir(exist_ok=True)
    saved = ARTIFACTS / "09_self_care-plan.html"
    download_info.value.save_as(saved)
    printed = page.context.new_page()
    printed.set_content(saved.read_text(encoding="utf-8"))  # the pack's pages only: no file://
    assert printed.locator("h1").inner_text() == "My self-care plan"
    assert printed.locator(".pack-plan-wheel svg[role='img']").is_visible()
    printed.screenshot(path=ARTIFACTS / "09_self_care-plan.png", full_page=True)
    printed.emulate_media(media="print")
    printed.screenshot(path=ARTIFACTS / "09_self_care-plan-print.png", full_page=True)
    pdf = printed.pdf(format="A4", prefer_css_page_size=True)
    assert re.findall(rb"/Type\s*/Pages\b.*?/Count (\d+)", pdf, re.S) == [b"1"]
    printed.close()


def test_self_care_typed_html_stays_text_and_nothing_typed_is_lost(page, server) -> None:
    open_notebook(page, server, NOTEBOOK)
    own = page.locator(".qa-self-care-own-physical input")
    own.fill(HOSTILE[:120])
    own.press("Tab")
    page.locator(".qa-self-care-domain-physical .qa-self-care-add-own").click()
    page.wait_for_function(status_says(".qa-self-care-domain-physical .pack-status",
                                       "and ticked it"))
    label = page.locator(".qa-self-care-domain-physical .qa-self-care-idea").last
    assert label.inner_text().strip() == HOSTILE[:120]
    assert page.locator(f"{PLAN} img").count() == 0

    own.fill("x" * 10_000)
    own.press("Tab")
    page.locator(".qa-self-care-domain-physical .qa-self-care-add-own").click()
    page.wait_for_function(status_says(".qa-self-care-domain-physical .pack-status",
                                       "Nothing has been cut"))
    assert len(own.input_value()) == 10_000

    signs = page.locator(".qa-self-care-signs textarea")
    signs.fill(HOSTILE)
    signs.press("Tab")
    page.locator(f"{PLAN} .qa-prepare-download").click()
    with page.expect_download() as download_info:
        page.locator(f"{PLAN} .qa-download-markdown").click()
    markdown = read_download(download_info.value)
    assert "\\<script\\>" in markdown and "<script>" not in markdown
    page.locator(f"{PLAN} .qa-prepare-download").click()
    with page.expect_download() as download_info:
        page.locator(f"{PLAN} .qa-download-html").click()
    plan = read_download(download_info.value)
    assert "<script>" not in plan and "&lt;script&gt;" in plan
    assert HOSTILE in list_items(plan)
    assert page.evaluate("window.__injected") is None


def test_feelings_check_in_by_keyboard_keeps_nothing(page, server) -> None:
    open_notebook(page, server, NOTEBOOK)
    check_in = ".pack-feelings-check-in"
    tab_to(page, f"el.closest('{check_in} .qa-feelings-core') && {text_is('Scared')}")
    page.keyboard.press("Enter")
    wait_for_focus(page, f"el.closest('{check_in} .qa-feelings-words') && {text_is('Nervous')}")
    tab_to(page, f"el.closest('{check_in} .qa-feelings-words') && {text_is('Overwhelmed')}")
    page.keyboard.press("Enter")
    wait_for_focus(page, f"el.closest('{check_in} .qa-feelings-need') && "
                         f"{text_is('Connection')}")
    tab_to(page, f"el.closest('{check_in} .qa-feelings-need') && {text_is('Peace')}")
    page.keyboard.press("Enter")
    page.wait_for_function(
        f"document.querySelector('{check_in} .qa-feelings-summary').textContent"
        ".includes('A need that might be behind it: Peace.')")
    summary = page.locator(f"{check_in} .qa-feelings-summary").inner_text()
    assert "You named “Overwhelmed”, which sits with scared." in summary
    assert page.locator(f"{check_in} .qa-prepare-download").count() == 0
    tab_to(page, f"el.closest('{check_in}') && {text_is('Start again')}")
    page.keyboard.press("Enter")
    wait_for_focus(page, f"el.closest('{check_in} .qa-feelings-core') && "
                         f"{text_is('Mad (angry)')}")
    assert page.locator(f"{check_in} .qa-feelings-words").count() == 0
    assert "Overwhelmed" not in page.locator(f"{check_in}").inner_text()


def test_needs_inventory_download_leaves_out_passes(page, server) -> None:
    open_notebook(page, server, NOTEBOOK)
    needs = ".qa-self_care-needs"
    rate_one_at_a_time(page, needs, "need", [
        ("connection", "Met"), ("physical-wellbeing", "Pass"), ("honesty", "Pass"),
        ("play", "Partly met"), ("peace", "Not met"), ("autonomy", "Pass"), ("meaning", "Pass"),
    ])
    page.wait_for_function(
        f"document.querySelector('{needs} .qa-self-check-summary').textContent.includes('Not met')")
    summary = page.locator(f"{needs} .qa-self-check-summary").inner_text()
    assert "not a test, a score or a diagnosis" in summary
    assert "Meaning" not in summary
    tab_to(page, f"el.closest('{needs}') && {text_is('Prepare my download')}")
    page.keyboard.press("Enter")
    page.wait_for_selector(f"{needs} .qa-download-html")
    with page.expect_download() as download_info:
        page.locator(f"{needs} .qa-download-html").click()
    snapshot = read_download(download_info.value)
    assert list_items(snapshot) == [
        "Connection", "Play", "Peace",
        "Play: What used to make you laugh, or lose track of time?",
        "Peace: Where, or when, do you feel even slightly calmer?",
    ]


def test_facilitator_check_card_holds_the_answers(page, server) -> None:
    open_notebook(page, server, NOTEBOOK)
    check = ".qa-self_care-facilitator-check"
    scale, next_area = f"{check} .qa-ratings-scale", f"{check} .qa-ratings-next"
    for choice in ("in-place", None, "pass", "not-yet"):  # boundaries, supervision, ...
        if choice:
            page.locator(f"{scale} .qa-choice-{choice}").click()
            page.wait_for_function(status_says(f"{scale} .pack-status", "Noted:"))
        page.locator(next_area).click()
        page.wait_for_function(status_says(f"{check} .qa-ratings-deck .pack-status", " of 5"))
    hours = page.locator(f"{check} .qa-self-check-my-hours textarea")
    hours.fill(HOSTILE)
    hours.press("Tab")
    page.locator(f"{check} .qa-prepare-download").click()
    with page.expect_download() as download_info:
        page.locator(f"{check} .qa-download-html").click()
    card = read_download(download_info.value)
    assert "Keeping myself well while I support others" in card
    assert list_items(card) == ["Boundaries", "Availability", HOSTILE]
    assert "Debriefs" not in card and "<script>" not in card
