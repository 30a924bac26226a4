"""Every page in a real browser: renders cleanly, passes axe, and works on a projector."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from conftest import ARTIFACTS, NOTEBOOKS, open_notebook, set_setting

pytestmark = pytest.mark.browser

ERROR_SELECTORS = [
    ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']",
    ".jp-RenderedText[data-mime-type='application/vnd.jupyter.stderr']",
    ".pack-error",
]


def serious_violations(page) -> list[str]:
    results = Axe().run(page)
    return [f"{v['id']} ({v['impact']}): {len(v['nodes'])} node(s) - {v['help']}"
            for v in results.response["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_page_renders_without_errors(page, server, watch, name: str) -> None:
    open_notebook(page, server, name)
    for selector in ERROR_SELECTORS:
        assert page.locator(selector).count() == 0, selector
    assert "There was an error when executing cell" not in page.content()
    assert watch.page_errors == []
    assert watch.foreign_requests == []
    assert page.locator("h1").count() >= 1
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"{name}.png", full_page=True)


@pytest.mark.parametrize("view", ["learner", "facilitator"])
@pytest.mark.parametrize("name", NOTEBOOKS)
def test_page_has_no_serious_accessibility_violations(page, server, name: str, view: str) -> None:
    if view == "facilitator":
        set_setting(page, server, "facilitator", "on")
    open_notebook(page, server, name)
    page.locator("#support summary").click()  # check the support panel open, too
    assert serious_violations(page) == []


def contrast_failures(page, minimum: float) -> list[str]:
    """Visible text in the page whose colour contrast is below ``minimum`` (WCAG formula)."""
    return page.evaluate(
        """(minimum) => {
          const parse = c => (c.match(/[\\d.]+/g) || []).map(Number);
          const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255;
            return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); })
            .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
          const background = el => { for (; el; el = el.parentElement) {
              const c = parse(getComputedStyle(el).backgroundColor);
              if (c.length === 3 || (c.length === 4 && c[3] > 0.5)) return c; }
            return [255, 255, 255]; };
          const failures = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          while (walker.nextNode()) {
            const node = walker.currentNode, el = node.parentElement;
            if (!node.textContent.trim() || !el || !el.getClientRects().length) continue;
            const style = getComputedStyle(el);
            if (style.visibility === 'hidden' || el.closest(
                '[aria-hidden="true"], .pack-visually-hidden, .pack-skip-link, .pack-exit-overlay'))
              continue;
            const fg = parse(style.color), bg = background(el);
            const a = lum(fg.slice(0, 3)) + 0.05, b = lum(bg.slice(0, 3)) + 0.05;
            const ratio = Math.max(a, b) / Math.min(a, b);
            if (ratio < minimum)
              failures.push(`${ratio.toFixed(2)}: ${node.textContent.trim().slice(0, 40)}`);
          }
          return failures;
        }""",
        minimum,
    )


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_projector_view_is_large_high_contrast_and_fits(page, server, name: str) -> None:
    set_setting(page, server, "projector", "on")
    open_notebook(page, server, name)
    assert page.evaluate("document.documentElement.classList.contains('pack-projector')")
    body_size = page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('#rendered_cells p')).fontSize)")
    assert body_size >= 32
    assert page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    assert contrast_failures(page, 7.0) == []
    page.screenshot(path=ARTIFACTS / f"{name}-projector.png", full_page=True)


def test_display_controls_change_the_page_and_are_remembered(page, server) -> None:
    open_notebook(page, server, "05_language")
    page.get_by_role("button", name="Largest").click()
    page.get_by_role("button", name="Facilitator view").click()
    assert page.get_by_role("button", name="Largest").get_attribute("aria-pressed") == "true"
    assert page.locator(".pack-facilitator-notes").first.is_visible()
    open_notebook(page, server, "00_start")
    assert page.evaluate("document.documentElement.classList.contains('pack-text-largest')")
    assert page.get_by_role("button", name="Facilitator view").get_attribute(
        "aria-pressed") == "true"


def test_facilitator_notes_are_hidden_in_learner_view(page, server) -> None:
    open_notebook(page, server, "05_language")
    notes = page.locator(".pack-facilitator-notes")
    assert notes.count() == 3
    assert not notes.first.is_visible()
    page.get_by_role("button", name="Facilitator view").click()
    assert notes.first.is_visible()
    assert "Purpose" in notes.first.inner_text()


def test_chapter_links_lead_between_pages(page, server) -> None:
    open_notebook(page, server, "00_start")
    page.get_by_role("link", name="Language", exact=True).click()
    page.wait_for_url("**/05_language.ipynb")
    page.wait_for_selector("#rendered_cells", state="visible", timeout=60_000)
    assert page.locator("h1").first.inner_text() == "Language"
