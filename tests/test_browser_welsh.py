"""The pack in Welsh, in a real browser: every page switches to Welsh from its URL, keeps no
English in its frame, still exits, passes axe; and an exercise can be finished in Welsh with a
Welsh handout."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe
from conftest import EXIT_URL, REPO, open_notebook, tab_to, wait_for_focus

from peer_support.i18n import catalogue

pytestmark = pytest.mark.browser

NAMES = sorted(path.stem for path in (REPO / "notebooks").glob("*.ipynb"))
EN, CY = catalogue("en"), catalogue("cy")
# Frame words that differ between the languages (names such as "Galop" are the same in both).
CHROME = {key: text for key, text in EN.items()
          if key.startswith("chrome.") and CY[key] != text}
SLOT = re.compile(r"\{[a-z_]+\}")
OFFER = yaml.safe_load((REPO / "assets/welsh_context/active-offer.cy.yaml").read_text(
    encoding="utf-8"))
AREAS = {area["id"]: area for area in OFFER["items"]}
OFFER_LABELS = {option["id"]: option["label"] for option in OFFER["options"]}
SHOTS = REPO / "test-artifacts"


def english_fragments(text: str) -> list[str]:
    """The fixed words of a frame string, without its {slots}, long enough to be telling."""
    return [piece.strip(" .,:()") for piece in SLOT.split(text) if len(piece.strip(" .,:()")) > 3]


def frame_text(page) -> str:
    page.locator(".pack-support__summary").click()  # open "Get support" so its lines count
    return "\n".join(page.locator(selector).inner_text()
                     for selector in ("header", "footer", ".pack-skip-link >> nth=0"))


def serious_violations(page) -> list[str]:
    results = Axe().run(page)
    return [f"{v['id']} ({v['impact']}): {len(v['nodes'])} node(s) - {v['help']}"
            for v in results.response["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("name", NAMES)
def test_page_in_welsh(page, server, watch, name: str) -> None:
    open_notebook(page, server, name, "?lang=cy")
    assert page.evaluate("document.documentElement.lang") == "cy"

    # The frame: Welsh everywhere, no English left.
    shown = frame_text(page)
    left = sorted(key for key, text in CHROME.items()
                  for fragment in english_fragments(text) if fragment in shown)
    assert left == []
    assert CY["chrome.exit"] in shown and CY["chrome.support"] in shown
    assert page.locator(".pack-language__draft").is_visible()
    assert page.locator('.pack-js-language[data-lang="cy"]').get_attribute("aria-current") == "true"

    # The text: Welsh twins shown and marked, their English hidden, untranslated text marked.
    assert page.locator(".pack-lang-cy").count() > 0
    assert page.locator(".pack-lang-en:visible").count() == 0
    assert page.locator(".pack-lang-cy[lang='cy']:visible").count() == page.locator(
        ".pack-lang-cy").count()
    welsh_title = page.locator(".pack-lang-cy h1").first.inner_text().rstrip("¶").strip()
    assert page.locator("h1:visible").first.inner_text().rstrip("¶").strip() == welsh_title
    assert page.title() == f"{welsh_title} – {CY['chrome.pack_name']}"

    # Links to other pages keep the language.
    for link in page.locator("a[href*='.ipynb']:not(.pack-js-language)").all()[:6]:
        link.focus()
        assert "lang=cy" in link.get_attribute("href")

    assert serious_violations(page) == []
    assert watch.page_errors == []
    if name in ("00_start", "04_welsh_context"):
        SHOTS.mkdir(exist_ok=True)
        page.screenshot(path=SHOTS / f"welsh-{name}.png")

    # The exit still works, in Welsh.
    page.locator(".pack-js-exit-button").click()
    page.wait_for_url(EXIT_URL + "*")


def test_english_page_hides_welsh_and_offers_it(page, server) -> None:
    open_notebook(page, server, "04_welsh_context")
    assert page.evaluate("document.documentElement.lang") == "en-GB"
    assert page.locator(".pack-lang-cy:visible").count() == 0
    assert page.locator(".pack-lang-en:visible").count() > 0
    assert not page.locator(".pack-language__draft").is_visible()
    welsh = page.locator('.pack-js-language[data-lang="cy"]')
    assert welsh.get_attribute("lang") == "cy"
    welsh.click()
    page.wait_for_url("**lang=cy*")
    page.wait_for_selector("#loading", state="detached", timeout=90_000)
    assert page.evaluate("document.documentElement.lang") == "cy"


def test_shift_count_is_announced_in_welsh(page, server) -> None:
    open_notebook(page, server, "00_start", "?lang=cy")
    page.keyboard.press("Shift")
    status = "document.querySelector('.pack-js-exit-status').textContent"
    page.wait_for_function(f"{status} === {CY['chrome.exit_press_two']!r}")


def button(container: str, qa_class: str) -> str:
    return f"el.closest({container!r}) && el.closest('.{qa_class}') && el.tagName === 'BUTTON'"


def test_active_offer_finished_in_welsh_gives_a_welsh_action_list(page, server) -> None:
    open_notebook(page, server, "04_welsh_context", "?lang=cy")
    offer = ".qa-welsh_context-active-offer"
    page.wait_for_selector(f"{offer} .qa-self-check-clear", timeout=60_000)
    assert OFFER["prepare"] in page.locator(offer).inner_text()
    answers = ["not-yet", "pass", "yes", "partly"]  # sign-up, first contact, room, materials
    for number, answer in enumerate(answers, start=1):
        if number > 1:
            tab_to(page, button(offer, "qa-ratings-next"))
            page.keyboard.press("Enter")
            wait_for_focus(page, button(offer, "qa-choice-not-yet"))
        tab_to(page, button(offer, f"qa-choice-{answer}"))
        page.keyboard.press("Enter")
        done = CY["ratings.progress"].format(done=number, total=6)
        progress = f"document.querySelector('{offer} .qa-ratings-progress').textContent"
        page.wait_for_function(f"{progress}.includes({done!r})")
    assert page.evaluate("document.activeElement.textContent").strip(" ✓") == OFFER_LABELS["partly"]

    tab_to(page, f"el.closest({offer!r}) && el.textContent.trim() === "
                 f"{OFFER['prepare']!r}")
    page.keyboard.press("Enter")
    page.wait_for_selector(f"{offer} .qa-download-html")
    tab_to(page, f"el.closest({offer!r}) && el.classList.contains('qa-download-html')")
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    handout = Path(info.value.path()).read_text(encoding="utf-8")

    assert '<html lang="cy">' in handout
    items = [unescape(item) for item in re.findall(r"<li>(.*?)</li>", handout, flags=re.S)]
    sign_up, materials = AREAS["sign-up"], AREAS["materials"]
    not_yet = sign_up["actions_for"]["not-yet"]
    assert items[:2] == [f"{sign_up['name']}: {action}" for action in not_yet]
    assert f"{materials['name']}: {materials['actions_for']['partly'][0]}" in items
    assert AREAS["first-contact"]["name"] not in handout  # passed: left out
    assert unescape(EN["handout.made_with"]) not in unescape(handout)
    assert unescape(CY["handout.made_with"]) in unescape(handout)
