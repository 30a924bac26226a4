"""A chapter's exercise finished on a Welsh page, in a real browser: the Safety agreement builder
reads its Welsh twin, keeps typed Welsh letters, and downloads a Welsh poster."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
import yaml
from conftest import REPO, open_notebook, set_setting

from peer_support.i18n import catalogue

pytestmark = pytest.mark.browser

CY = catalogue("cy")
WELSH = yaml.safe_load((REPO / "assets/safety/agreements.cy.yaml").read_text(encoding="utf-8"))
ENGLISH = yaml.safe_load((REPO / "assets/safety/agreements.yaml").read_text(encoding="utf-8"))
SHOTS = REPO / "test-artifacts"
BUILDER = ".pack-agreement-builder"


def tick(page, text: str) -> None:
    page.locator(f"{BUILDER} .qa-agreement-suggestion", has_text=text[:40]).locator(
        "input[type=checkbox]").check()


@pytest.mark.parametrize("view", ["normal", "projector"])
def test_agreement_builder_in_welsh_downloads_a_welsh_poster(page, server, view: str) -> None:
    if view == "projector":
        set_setting(page, server, "projector", "on")
    open_notebook(page, server, "02_safety", "?lang=cy")
    page.wait_for_selector(f"{BUILDER} .qa-agreement-suggestion", timeout=60_000)
    shown = page.locator(BUILDER).inner_text()
    suggestions = {entry["id"]: entry["text"] for entry in WELSH["suggestions"]}
    assert suggestions["limits-of-confidentiality"] in shown
    assert not any(entry["text"] in shown for entry in ENGLISH["suggestions"])

    chosen = [suggestions[key] for key in ("confidentiality", "limits-of-confidentiality",
                                           "right-to-pass")]
    for text in chosen:
        tick(page, text)
    page.wait_for_function(f"document.querySelectorAll('{BUILDER} .qa-agreement-text')"
                           f".length === {len(chosen)}")
    own = "Rydyn ni'n gwneud paned ŵ ŷ yn gyntaf 🙂"
    page.locator(f"{BUILDER} .qa-agreement-own textarea").fill(own)
    page.locator(f"{BUILDER} .qa-agreement-add").click()
    page.wait_for_function(f"document.querySelectorAll('{BUILDER} .qa-agreement-text')"
                           f".length === {len(chosen) + 1}")

    page.locator(f"{BUILDER} button", has_text=CY["safety.poster_prepare"]).click()
    page.wait_for_selector(f"{BUILDER} .qa-download-html")
    page.locator(BUILDER).scroll_into_view_if_needed()
    SHOTS.mkdir(exist_ok=True)
    page.locator(BUILDER).screenshot(path=str(SHOTS / f"welsh-safety-agreement-{view}.png"))
    with page.expect_download() as info:
        page.locator(f"{BUILDER} .qa-download-html").click()
    poster = Path(info.value.path()).read_text(encoding="utf-8")

    assert '<html lang="cy">' in poster
    assert f"<h1>{WELSH['title']}</h1>" in poster
    items = [unescape(item).strip()
             for item in re.findall(r"<li>(.*?)</li>", poster, flags=re.S)]
    assert items == [*chosen, own]
    assert not any(unescape(entry["text"]) in unescape(poster) for entry in ENGLISH["suggestions"])
    assert ENGLISH["title"] not in poster
