"""Light pages (peer_support.server.light): the server compresses what it sends, lets the
browser keep files that carry their version, and never lets the page itself be cached."""

from __future__ import annotations

import gzip
import json
import re
import urllib.request
from pathlib import Path

import pytest
from conftest import REPO, serving

from peer_support.server.light import HASHED_NAME, static_version

PAGE = "/voila/render/05_language.ipynb"
TEMPLATE_STATIC = REPO / "assets/jupyter/voila/templates/peer-support/static"


def fetch(url: str) -> tuple[dict[str, str], bytes]:
    """Headers (lower-case names) and the body as sent, asking for gzip as browsers do."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip, deflate"})
    with urllib.request.urlopen(request, timeout=120) as reply:
        return {name.lower(): value for name, value in reply.headers.items()}, reply.read()


def body_of(headers: dict[str, str], raw: bytes) -> bytes:
    return gzip.decompress(raw) if headers.get("content-encoding") == "gzip" else raw


@pytest.fixture(scope="module")
def light():
    """The server, the Language page's headers and its HTML, and its page config."""
    with serving() as base:
        headers, raw = fetch(base + PAGE)
        html = body_of(headers, raw).decode()
        config = json.loads(re.search(
            r'<script id="jupyter-config-data" type="application/json">(.*?)</script>',
            html, re.S).group(1))
        yield base, headers, html, config


def test_page_is_compressed_and_never_cached(light) -> None:
    _, headers, html, _ = light
    assert headers["content-encoding"] == "gzip"
    assert "no-store" in headers["cache-control"]
    assert "immutable" not in headers["cache-control"]
    assert "max-age" not in headers["cache-control"]
    assert "pack-exit__button" in html  # it is the page, whole


def test_page_keeps_its_safety_headers(light) -> None:
    _, headers, _, _ = light
    assert "frame-ancestors 'self'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"


def test_voila_front_end_comes_from_a_versioned_address_compressed_and_kept(light) -> None:
    base, _, html, config = light
    static = config["fullStaticUrl"]
    assert re.fullmatch(r"/voila/static/v-[0-9a-f]{16}", static)
    assert f'src="{static}/voila.js"' in html
    headers, raw = fetch(base + static + "/voila.js")
    assert headers["content-encoding"] == "gzip"
    assert headers["cache-control"] == "public, max-age=31536000, immutable"
    assert len(raw) < len(body_of(headers, raw)) / 2
    # The same file without a version is still served, but not kept for good.
    headers, _ = fetch(base + "/voila/static/voila.js")
    assert "immutable" not in headers.get("cache-control", "")


def test_template_files_with_a_version_are_kept_and_without_are_not(light) -> None:
    base, _, html, _ = light
    versioned = re.search(r'/voila/templates/peer-support/static/pack\.js\?v=[0-9a-f]+', html)
    assert versioned is not None
    headers, raw = fetch(base + versioned.group(0))
    assert headers["content-encoding"] == "gzip"
    assert "immutable" in headers["cache-control"]
    assert body_of(headers, raw) == (TEMPLATE_STATIC / "pack.js").read_bytes()
    headers, _ = fetch(base + "/voila/templates/peer-support/static/pack.js")
    assert "immutable" not in headers.get("cache-control", "")


def test_widget_extensions_hashed_files_are_kept(light) -> None:
    base, _, _, config = light
    # Only the widgets' front end: no code colouring (the pages show no code), nothing that
    # JupyterLab authoring installs beside it (such as jupyterlab-celltagsclasses).
    names = {extension["name"] for extension in config["federated_extensions"]}
    assert names == {"@jupyter-widgets/jupyterlab-manager", "@voila-dashboards/widgets-manager8",
                     "anywidget"}
    manager = next(extension for extension in config["federated_extensions"]
                   if extension["name"] == "@jupyter-widgets/jupyterlab-manager")
    assert HASHED_NAME.search(manager["load"])
    url = f"{base}{config['fullLabextensionsUrl']}/{manager['name']}/{manager['load']}"
    headers, raw = fetch(url)
    assert headers["content-encoding"] == "gzip"
    assert headers["cache-control"] == "public, max-age=31536000, immutable"
    # Asked again, the kept compression gives the same file.
    again_headers, again = fetch(url)
    assert again_headers["content-encoding"] == "gzip"
    assert gzip.decompress(again) == gzip.decompress(raw)
    # An unhashed file of the same extension (its package.json) is not kept for good.
    headers, _ = fetch(f"{base}{config['fullLabextensionsUrl']}/{manager['name']}/package.json")
    assert "immutable" not in headers.get("cache-control", "")


def test_static_version_changes_when_a_file_changes(tmp_path: Path) -> None:
    (tmp_path / "voila.js").write_text("one")
    first = static_version([str(tmp_path)])
    assert static_version([str(tmp_path)]) == first
    (tmp_path / "voila.js").write_text("three")
    assert static_version([str(tmp_path)]) != first


@pytest.mark.parametrize("name,hashed", [
    ("static/remoteEntry.c8c9eed2cdefdeac.js", True),
    ("static/84.09c61a35dce1705f.js", True),
    ("static/528.d9f5934c.js", True),
    ("static/7155.voila.js", False),
    ("package.json", False),
    ("static/style.js", False),
])
def test_hashed_names(name: str, hashed: bool) -> None:
    assert bool(HASHED_NAME.search(name)) is hashed
