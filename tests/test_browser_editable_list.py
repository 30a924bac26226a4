"""The kit's editable list in a real browser, by keyboard alone: after adding, moving and
removing, keyboard focus lands where the list's one rule says (tried on the Safety chapter's
group agreement, and on the Language chapter's "our words")."""

from __future__ import annotations

import json

import pytest
from conftest import open_notebook, tab_to, wait_for_focus

pytestmark = pytest.mark.browser


def agreement_button(kind: str, words: str) -> str:
    return (f"el.classList.contains('qa-agreement-{kind}') && "
            f"el.closest('.pack-agreement-row').textContent.includes({words!r})")


VISIBLE = """() => [...document.querySelectorAll('.qa-agreement-text')]
    .filter(e => e.offsetParent !== null).map(e => e.textContent.trim().replace(/^\\d+\\. /, ''))"""


def visible_agreements(page) -> list[str]:
    return page.evaluate(VISIBLE)


def wait_for_order(page, expected: list[str]) -> None:
    wanted = json.dumps(json.dumps(expected, separators=(",", ":")))
    page.wait_for_function(f"JSON.stringify(({VISIBLE})()) === {wanted}")


def add_own(page, words: str) -> None:
    tab_to(page, "el.closest('.qa-agreement-own') && el.tagName === 'TEXTAREA'")
    page.keyboard.type(words)
    tab_to(page, "el.classList.contains('qa-agreement-add')")
    page.keyboard.press("Enter")
    # After adding from the form, focus goes back to the box, ready for the next one.
    wait_for_focus(page, "el.closest('.qa-agreement-own') && el.tagName === 'TEXTAREA'")


def test_focus_after_add_move_and_remove_in_the_agreement_list(page, server) -> None:
    open_notebook(page, server, "02_safety")
    for words in ("First thing", "Second thing", "Third thing"):
        add_own(page, words)
    page.wait_for_function("document.querySelectorAll('.qa-agreement-text').length >= 3")

    # Move "First thing" down twice: focus stays on its own Move down button.
    tab_to(page, agreement_button("down", "First thing"))
    page.keyboard.press("Enter")
    wait_for_order(page, ["Second thing", "First thing", "Third thing"])
    wait_for_focus(page, agreement_button("down", "First thing"))
    page.keyboard.press("Enter")
    wait_for_order(page, ["Second thing", "Third thing", "First thing"])
    wait_for_focus(page, agreement_button("down", "First thing"))

    # Remove the middle one: focus goes to the Remove button of the one that took its place.
    tab_to(page, agreement_button("remove", "Third thing"))
    page.keyboard.press("Enter")
    wait_for_order(page, ["Second thing", "First thing"])
    wait_for_focus(page, agreement_button("remove", "First thing"))
    # Remove the last one: focus goes to the new last one's Remove button.
    page.keyboard.press("Enter")
    wait_for_order(page, ["Second thing"])
    wait_for_focus(page, agreement_button("remove", "Second thing"))
    # Remove the only one left: focus goes back to the box where agreements are written.
    page.keyboard.press("Enter")
    wait_for_order(page, [])
    wait_for_focus(page, "el.closest('.qa-agreement-own') && el.tagName === 'TEXTAREA'")
    assert visible_agreements(page) == []
    # The removed words are nowhere left in the page.
    assert "Third thing" not in page.locator(".pack-agreement-builder").inner_html()


def test_focus_after_removing_our_words(page, server) -> None:
    open_notebook(page, server, "05_language")
    for word in ("peers", "members"):
        tab_to(page, "el.closest('.qa-own-word') && el.tagName === 'INPUT'")
        page.keyboard.type(word)
        tab_to(page, "el.classList.contains('qa-add-own-word')")
        page.keyboard.press("Enter")
        wait_for_focus(page, "el.closest('.qa-own-word') && el.tagName === 'INPUT'")
    tab_to(page, "el.classList.contains('qa-remove-word') && el.textContent.includes('peers')")
    page.keyboard.press("Enter")
    page.wait_for_function("!document.querySelector('.qa-our-words').textContent.includes('peers')")
    wait_for_focus(page, "el.classList.contains('qa-remove-word') && "
                         "el.textContent.includes('members')")
    page.keyboard.press("Enter")
    wait_for_focus(page, "el.closest('.qa-own-word') && el.tagName === 'INPUT'")
