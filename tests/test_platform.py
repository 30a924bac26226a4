"""Where the package runs: on a server (Voilà) or in the browser (the static site)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REPO

from peer_support import i18n, platform


@pytest.fixture
def in_the_browser(monkeypatch):
    monkeypatch.setattr(platform.sys, "platform", "emscripten")


def test_on_a_server_the_assets_are_the_repositorys(monkeypatch) -> None:
    monkeypatch.delenv("PACK_ASSETS", raising=False)
    assert not platform.in_browser()
    assert platform.assets_dir() == REPO / "assets"


def test_pack_assets_points_anywhere_on_both(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PACK_ASSETS", str(tmp_path))
    assert platform.assets_dir() == tmp_path
    monkeypatch.setattr(platform.sys, "platform", "emscripten")
    assert platform.assets_dir() == tmp_path


def test_in_the_browser_the_assets_are_the_sites_contents(monkeypatch, in_the_browser) -> None:
    monkeypatch.delenv("PACK_ASSETS", raising=False)
    assert platform.in_browser()
    assert platform.assets_dir() == Path("/drive/assets")


@pytest.mark.parametrize("query, language", [("lang=cy", "cy"), ("", "en"), ("lang=fr", "en"),
                                             ("x=1&lang=cy", "cy")])
def test_the_page_language_comes_from_query_string_on_both(monkeypatch, query: str,
                                                           language: str) -> None:
    monkeypatch.setenv("QUERY_STRING", query)
    assert platform.page_query_string() == query
    assert i18n.current_language() == language
    monkeypatch.setattr(platform.sys, "platform", "emscripten")
    assert i18n.current_language() == language


def test_calm_errors_only_where_a_page_is_drawn_for_a_person(monkeypatch) -> None:
    monkeypatch.delenv("VOILA_BASE_URL", raising=False)
    assert not platform.draws_app_page()  # JupyterLab, nbval, these tests
    monkeypatch.setenv("VOILA_BASE_URL", "/")
    assert platform.draws_app_page()
    monkeypatch.delenv("VOILA_BASE_URL")
    monkeypatch.setattr(platform.sys, "platform", "emscripten")
    assert platform.draws_app_page()
