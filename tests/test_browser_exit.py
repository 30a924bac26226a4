"""Exit this page, by button, by skip link and by Shift pressed three times (GOV.UK pattern)."""

from __future__ import annotations

import pytest
from conftest import EXIT_URL, open_notebook, set_setting

pytestmark = pytest.mark.browser


def pack_storage(page) -> list[str]:
    return page.evaluate(
        "Object.keys(localStorage).concat(Object.keys(sessionStorage))"
        ".filter(k => k.startsWith('wpsp.'))")


def test_exit_button_blanks_clears_storage_and_leaves(page, server) -> None:
    set_setting(page, server, "projector", "on")
    open_notebook(page, server, "05_language")
    page.evaluate("sessionStorage.setItem('wpsp.test', 'x')")
    # Record, at the moment of exit, whether the page was blanked and storage cleared.
    page.evaluate("""window.addEventListener('beforeunload', () => {
        const left = Object.keys(localStorage).concat(Object.keys(sessionStorage))
          .filter(k => k.startsWith('wpsp.'));
        const blank = document.documentElement.classList.contains('pack-exit-activated')
          && !!document.querySelector('.pack-exit-overlay[role=alert]');
        window.name = JSON.stringify({left, blank});
    })""")
    with page.expect_navigation():
        page.get_by_role("button", name="Emergency Exit this page").click()
    assert page.url.startswith(EXIT_URL)
    assert page.title() == "Weather"
    assert page.evaluate("JSON.parse(window.name)") == {"left": [], "blank": True}


def test_exit_works_before_the_kernel_has_started(page, server) -> None:
    # Only wait for the header: cells may still be running.
    page.goto(f"{server}/voila/render/05_language.ipynb", wait_until="commit")
    page.wait_for_selector(".pack-exit__button[data-ready=true]")
    with page.expect_navigation():
        page.locator(".pack-exit__button").click()
    assert page.url.startswith(EXIT_URL)


def test_skip_link_is_second_tab_stop_and_exits(page, server) -> None:
    open_notebook(page, server, "00_start")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to main content"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Exit this page"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.startswith(EXIT_URL)


def test_shift_three_times_exits(page, server) -> None:
    open_notebook(page, server, "05_language")
    page.keyboard.press("Shift")
    assert page.locator(".pack-js-exit-status").inner_text() == "Shift, press 2 more times to exit."
    page.keyboard.press("Shift")
    assert page.locator(".pack-exit__light--on").count() == 2
    with page.expect_navigation():
        page.keyboard.press("Shift")
    assert page.url.startswith(EXIT_URL)
    assert pack_storage(page) == []


def test_shift_count_resets_on_another_key(page, server) -> None:
    open_notebook(page, server, "05_language")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.keyboard.press("a")
    page.keyboard.press("Shift")
    page.wait_for_timeout(300)
    assert "render/05_language" in page.url
    assert page.locator(".pack-js-exit-status").inner_text() == "Shift, press 2 more times to exit."


def test_shift_used_as_a_modifier_does_not_count(page, server) -> None:
    open_notebook(page, server, "05_language")
    for _ in range(3):
        page.keyboard.press("Shift+A")
    page.wait_for_timeout(300)
    assert "render/05_language" in page.url
    assert page.locator(".pack-exit__light--on").count() == 0


def test_shift_presses_expire_after_five_seconds(page, server) -> None:
    open_notebook(page, server, "05_language")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.wait_for_timeout(5300)
    assert page.locator(".pack-js-exit-status").inner_text() == "Exit this page expired."
    page.keyboard.press("Shift")
    page.wait_for_timeout(300)
    assert "render/05_language" in page.url


def test_coming_back_shows_the_page_again(page, server) -> None:
    open_notebook(page, server, "00_start")
    with page.expect_navigation():
        page.locator(".pack-exit__button").click()
    page.go_back()
    page.wait_for_selector(".pack-exit__button[data-ready=true]")
    assert not page.evaluate("document.documentElement.classList.contains('pack-exit-activated')")
    assert page.locator(".pack-exit-overlay").count() == 0
    assert page.locator(".pack-exit__button").is_visible()
