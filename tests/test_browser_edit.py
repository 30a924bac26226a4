"""Adapting the pack in JupyterLab, in a real browser (make edit): the "Render with Voilà"
preview shows a chapter as participants see it (the pack's frame, English and Welsh, no error),
leaves no kernel behind once it is closed, and the authoring view marks Welsh twin cells and
shows widget words whole. Also the same widget words on a 390-pixel phone under make serve.

Run under the shared lock: flock /tmp/pack-browser.lock pytest tests/test_browser_edit.py
"""

from __future__ import annotations

import json
import shutil
import time
import urllib.request

import pytest
from conftest import ARTIFACTS, REPO, editing, open_notebook

from peer_support.i18n import t
from peer_support.server import edit

pytestmark = pytest.mark.browser

CHAPTER = "05_language"
ERRORS = (".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr'], "
          ".jp-RenderedText[data-mime-type='application/vnd.jupyter.stderr'], .pack-error")
#: Long widget words that JupyterLab's default widths used to cut off.
LONG_WORDS = [t("game.depends", "en"), t("handout.prepare", "en")]
#: True when an element's words do not fit inside it (cut off, or an ellipsis drawn).
CUT_OFF = "el => el.scrollWidth > el.clientWidth + 1"


def kernels(base: str, token: str) -> set[str]:
    with urllib.request.urlopen(f"{base}/api/kernels?token={token}", timeout=10) as answer:
        return {kernel["id"] for kernel in json.loads(answer.read())}


def wait_until(condition, timeout_s: float) -> bool:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.5)
    return True


@pytest.fixture(scope="module")
def lab():
    """JupyterLab as make edit starts it, and a copy of the chapter to work on (the preview
    saves the notebook it shows, so the pack's own notebook is left alone)."""
    folder = ARTIFACTS / "edit-preview"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    shutil.copy(REPO / "notebooks" / f"{CHAPTER}.ipynb", folder)
    assert edit.trust_pack_notebooks(folder) == [f"{CHAPTER}.ipynb"]
    with editing() as (base, token, _log):
        yield base, token, folder.relative_to(REPO).as_posix()


@pytest.fixture
def lab_page(browser, lab):
    base, _token, _folder = lab
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    foreign: list[str] = []

    def route(route):
        url = route.request.url
        if url.startswith((base, "data:", "blob:")):
            route.continue_()
        else:
            foreign.append(url)
            route.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.foreign = foreign
    yield page
    context.close()


def preview_frame(page, timeout_s: float = 90):
    """The preview's frame once its page is drawn (its loading note gone)."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        for frame in page.frames:
            if "/voila/render/" in frame.url:
                try:
                    if (frame.query_selector(".pack-exit__button")
                            and not frame.query_selector("#loading")):
                        return frame
                except Exception:  # noqa: BLE001 - the frame navigated while we looked
                    pass
        page.wait_for_timeout(500)
    raise AssertionError("the preview was not drawn")


def check_frame(frame, language: str) -> None:
    assert frame.evaluate("document.documentElement.lang") == ("cy" if language == "cy"
                                                                 else "en-GB")
    assert frame.locator(".pack-exit__button").inner_text().strip().endswith(
        t("chrome.exit", language))
    assert frame.locator("#support summary").inner_text().strip() == t("chrome.support", language)
    assert frame.locator("a.pack-js-language").count() == 2
    assert frame.locator(ERRORS).count() == 0
    assert "There was an error when executing cell" not in frame.content()
    assert frame.locator(".jupyter-widgets").count() > 0  # the activities were drawn
    visible = ".pack-lang-cy:visible" if language == "cy" else ".pack-lang-en:visible"
    assert frame.locator(visible).count() > 0


def test_preview_shows_the_page_in_english_and_welsh_and_leaves_no_kernel(lab, lab_page) -> None:
    base, token, folder = lab
    page = lab_page
    page.goto(f"{base}/lab/tree/{folder}/{CHAPTER}.ipynb?reset&token={token}", timeout=90_000)
    page.get_by_text("| Idle").first.wait_for(timeout=90_000)
    own = kernels(base, token)  # the notebook's own kernel
    assert len(own) == 1

    page.get_by_title("Render with Voilà").first.click()
    frame = preview_frame(page)
    check_frame(frame, "en")
    page.screenshot(path=ARTIFACTS / "edit-preview-en.png")
    assert len(kernels(base, token) - own) == 1  # the preview's page has its kernel

    frame.locator("a.pack-js-language[data-lang='cy']").click()
    page.wait_for_timeout(1000)
    frame = preview_frame(page)
    assert "lang=cy" in frame.url
    check_frame(frame, "cy")
    page.screenshot(path=ARTIFACTS / "edit-preview-cy.png")

    preview_tab = page.locator(".lm-DockPanel-tabBar .lm-TabBar-tab").filter(
        has=page.locator("svg[data-name='Calque 1']"))  # Voilà's icon
    assert preview_tab.count() == 1
    preview_tab.locator(".lm-TabBar-tabCloseIcon").click()
    assert wait_until(lambda: kernels(base, token) == own, 20), "the preview left a kernel"
    assert page.foreign == []


def test_authoring_view_marks_welsh_twins_and_shows_widget_words_whole(lab, lab_page) -> None:
    base, token, folder = lab
    page = lab_page
    page.goto(f"{base}/lab/tree/{folder}/{CHAPTER}.ipynb?reset&token={token}", timeout=90_000)
    page.get_by_text("| Idle").first.wait_for(timeout=90_000)
    welsh = page.locator(".jp-Notebook .jp-Cell.cell-tag-lang-cy").first
    english = page.locator(".jp-Notebook .jp-Cell.cell-tag-lang-en").first
    label = "el => getComputedStyle(el, '::before').content"
    assert "Cymraeg" in welsh.evaluate(label) and "Welsh" in welsh.evaluate(label)
    assert english.evaluate(label) == '"English"'
    page.screenshot(path=ARTIFACTS / "edit-twins.png")

    page.locator(".jp-Notebook").click()
    page.keyboard.press("Escape")
    page.get_by_text("Run", exact=True).first.click()
    page.get_by_text("Run All Cells", exact=True).first.click()
    for words in LONG_WORDS:
        button = page.locator(".jp-OutputArea-output button", has_text=words).first
        button.wait_for(timeout=90_000)
        button.scroll_into_view_if_needed()
        assert not button.evaluate(CUT_OFF), f"'{words}' is cut off in JupyterLab"
    page.locator(".jp-OutputArea-output button", has_text=LONG_WORDS[0]).first.screenshot(
        path=ARTIFACTS / "edit-widget-words.png")
    assert page.foreign == []


def test_long_widget_words_are_whole_on_a_phone(browser, server) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True,
                                  has_touch=True)
    page = context.new_page()
    try:
        open_notebook(page, server, CHAPTER)
        for words in LONG_WORDS:
            button = page.locator("button", has_text=words).first
            button.scroll_into_view_if_needed()
            assert not button.evaluate(CUT_OFF), f"'{words}' is cut off on a phone"
            box = button.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 390, words
        page.locator("button", has_text=LONG_WORDS[0]).first.screenshot(
            path=ARTIFACTS / "phone-widget-words.png")
    finally:
        context.close()
