"""Faults a workshop can meet: a cell that raises, a broken content file, a server restart.

Each must leave a participant with a working page and everything she has already downloaded.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import ARTIFACTS, REPO, free_port, open_notebook, serving

from peer_support.i18n import t

pytestmark = pytest.mark.browser

SECRET = "internal-detail-7731"


def write_notebook(path: Path, cells: list[str]) -> None:
    notebook = {
        "cells": [{"cell_type": "code", "execution_count": None, "id": f"c{number}",
                   "metadata": {}, "outputs": [], "source": source}
                  for number, source in enumerate(cells)],
        "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python",
                                    "name": "python3"}, "title": "Fault test"},
        "nbformat": 4, "nbformat_minor": 5,
    }
    path.write_text(json.dumps(notebook), encoding="utf-8")


@pytest.fixture
def context(browser):
    context = browser.new_context(accept_downloads=True)
    yield context
    context.close()


def test_cell_that_raises_shows_a_calm_message_and_the_page_still_works(context,
                                                                       tmp_path) -> None:
    write_notebook(tmp_path / "broken_cell.ipynb", [
        "from peer_support.kit.choice import ChoiceScale",
        f"raise RuntimeError('<b>{SECRET}</b>')",
        "ChoiceScale('Still working?', [('yes', 'Yes')])",
    ])
    with serving(args=(f"--Voila.root_dir={tmp_path}",)) as base:
        page = context.new_page()
        open_notebook(page, base, "broken_cell")
        alert = page.locator(".pack-error[role=alert]")
        # A slow machine can draw the failed cell's output a moment after the widgets.
        alert.first.wait_for(state="attached", timeout=30_000)
        assert alert.count() == 1
        assert alert.inner_text().startswith("Something went wrong with this part of the page.")
        body = page.locator("body").inner_text()
        assert SECRET not in body and "Traceback" not in body and "RuntimeError" not in body
        page.locator(".pack-choice button", has_text="Yes").click()
        page.wait_for_function("document.querySelector('.pack-choice .pack-status')"
                               ".textContent === 'Noted: Yes.'")
        # The same page in Welsh: the calm message is in Welsh, and the page still works.
        open_notebook(page, base, "broken_cell", "?lang=cy")
        assert alert.inner_text() == t("error.general", "cy")
        page.locator(".pack-choice button", has_text="Yes").click()
        noted = t("choice.noted", "cy", label="Yes")
        page.wait_for_function("document.querySelector('.pack-choice .pack-status')"
                               f".textContent === {noted!r}")
    # The details went to the server's log, where a facilitator or developer can find them.
    logs = "".join(path.read_text(errors="replace") for path in ARTIFACTS.glob("voila-*.log"))
    assert SECRET in logs


def test_chapter_with_a_broken_content_file_still_renders_its_text(context, tmp_path) -> None:
    assets = tmp_path / "assets"
    shutil.copytree(REPO / "assets", assets)
    (assets / "language" / "terms.yaml").write_text("terms: [unclosed\n", encoding="utf-8")
    with serving(PACK_ASSETS=str(assets)) as base:
        page = context.new_page()
        open_notebook(page, base, "05_language")
        assert page.locator("h2", has_text="The power of language").count() == 1
        error = page.locator(".pack-error[role=alert]")
        assert error.count() == 1
        assert "language/terms.yaml" in error.inner_text()
        # The rest of the chapter still works: the private reflection takes an answer.
        box = page.locator(".pack-reflection-set textarea").first
        box.fill("still here")
        box.press("Tab")
        page.locator(".pack-reflection-set .qa-prepare-download").click()
        page.wait_for_selector(".pack-reflection-set .qa-download-html")


def test_server_restart_loses_no_download_and_the_page_reloads_cleanly(context) -> None:
    port = free_port()
    page = context.new_page()
    errors: list[str] = []
    with serving(port=port) as base:
        open_notebook(page, base, "05_language")
        box = page.locator(".pack-reflection-set textarea").first
        box.fill("Words I choose: survivor, ŵ ŷ 😊")
        box.press("Tab")
        page.locator(".pack-reflection-set .qa-prepare-download").click()
        link = page.locator(".pack-reflection-set .qa-download-html")
        with page.expect_download() as before:
            link.click()
        saved = Path(before.value.path()).read_text(encoding="utf-8")
    # The server has stopped. What she downloaded is on her device, and the prepared link
    # still works, because the file travels inside the link itself.
    assert "survivor, ŵ ŷ 😊" in saved
    with page.expect_download() as during:
        link.click()
    assert Path(during.value.path()).read_text(encoding="utf-8") == saved
    with serving(port=port) as base:
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.reload()
        open_notebook(page, base, "05_language")
        assert page.locator(".pack-reflection-set textarea").first.input_value() == ""
        assert page.locator(".pack-error").count() == 0
    assert errors == []
    assert Path(before.value.path()).read_text(encoding="utf-8") == saved
