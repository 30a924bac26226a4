"""The page frame as served: safety chrome present in the HTML itself (so it works before the
kernel starts), nothing fetched from other hosts, and only what pages need is served."""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from html import escape
from html.parser import HTMLParser

import pytest
from conftest import EXIT_URL, NOTEBOOKS, REPO

# Numbers content-brief §13 marks confirmed; the support panel must show each of them.
CONFIRMED_LINES = {
    "999": "999",
    "Samaritans": "116 123",
    "Samaritans Welsh Language Line": "0808 164 0123",
    "National Domestic Abuse Helpline": "0808 2000 247",
    "Live Fear Free": "0808 80 10 800",
    "Galop": "0800 999 5428",
}


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=90) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, ""


class Resources(HTMLParser):
    """Collects what a page would load by itself: scripts, stylesheets, images, frames."""

    def __init__(self):
        super().__init__()
        self.loaded: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append(tag)
        if tag == "script" and attrs.get("src"):
            self.loaded.append(attrs["src"])
        if tag == "link" and attrs.get("href"):
            self.loaded.append(attrs["href"])
        if tag in {"img", "iframe", "audio", "video", "source"} and attrs.get("src"):
            self.loaded.append(attrs["src"])


@pytest.fixture(scope="module")
def pages(server) -> dict[str, str]:
    result = {}
    for name in NOTEBOOKS:
        status, body = fetch(f"{server}/voila/render/{name}.ipynb")
        assert status == 200, name
        result[name] = body
    return result


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_page_has_exit_button_and_skip_link_with_same_target(pages, name: str) -> None:
    html = pages[name]
    button = re.search(r'<a href="([^"]+)"[^>]*class="pack-exit__button', html)
    skip = re.search(r'<a href="([^"]+)" class="pack-skip-link pack-js-exit-skiplink"', html)
    assert button and skip
    assert button.group(1) == skip.group(1) == EXIT_URL
    # The exit script is loaded straight after the header, before any notebook cell.
    assert html.index("static/pack.js") < html.index('id="rendered_cells"')


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_page_has_landmarks_title_and_language(pages, name: str) -> None:
    html = pages[name]
    parser = Resources()
    parser.feed(html)
    for landmark in ("header", "nav", "main", "footer"):
        assert landmark in parser.tags, landmark
    assert re.search(r'<html lang="en', html)
    notebook = json.loads((REPO / "notebooks" / f"{name}.ipynb").read_text(encoding="utf-8"))
    assert f"<title>{escape(notebook['metadata']['title'], quote=False)}</title>" in html


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_page_loads_nothing_from_other_hosts(pages, server: str, name: str) -> None:
    parser = Resources()
    parser.feed(pages[name])
    foreign = [url for url in parser.loaded
               if re.match(r"^(https?:)?//", url) and not url.startswith(server)]
    assert parser.loaded and foreign == []


def test_support_panel_lists_confirmed_lines_with_check_date(pages) -> None:
    html = pages["00_start"]
    panel = html[html.index('id="support"'):html.index("</details>")]
    for service, number in CONFIRMED_LINES.items():
        assert service in panel
        assert number in panel
        assert f'href="tel:{number.replace(" ", "")}"' in panel
    assert re.search(r'last checked on <time data-slot="date" datetime="\d{4}-\d\d-\d\d"', panel)


def test_support_panel_is_the_same_on_every_page(pages) -> None:
    panels = {name: html[html.index('id="support"'):html.index("</details>")]
              for name, html in pages.items()}
    assert len(set(panels.values())) == 1


@pytest.mark.parametrize("path", [
    "voila/files/05_language.ipynb",
    "voila/files/.hidden",
    "voila/files/../voila.json",
    "voila/files/../assets/language/terms.yaml",
])
def test_files_the_pages_do_not_need_are_refused(server: str, path: str) -> None:
    status, _ = fetch(f"{server}/{path}")
    assert status in (403, 404)


def test_sources_are_stripped_from_pages(pages) -> None:
    assert "from peer_support" not in pages["05_language"]
    assert "language_game(" not in pages["05_language"]


def test_frame_words_partial_matches_the_catalogues() -> None:
    """The template reads the frame's words from pack_text.j2; it must hold what the catalogues
    say now. If this fails, run: .venv/bin/python -m peer_support.server.frame_text"""
    from peer_support.server.frame_text import PARTIAL, partial_text

    assert PARTIAL.read_text(encoding="utf-8") == partial_text()


def test_frame_words_partial_is_rewritten_when_a_catalogue_changes(tmp_path) -> None:
    from peer_support.server.frame_text import write_partial

    stale = tmp_path / "pack_text.j2"
    stale.write_text("{%- set pack_text = {} -%}\n", encoding="utf-8")
    assert write_partial(stale) is True
    assert '"chrome.exit": "Exit this page"' in stale.read_text(encoding="utf-8")
    assert write_partial(stale) is False
