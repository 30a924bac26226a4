"""The pack's text catalogue: every label an exercise or the page shows, looked up by key.

There is one catalogue per language in ``catalogue/``. English (``en.yaml``) is a flat
``key: text`` file. Welsh (``cy.yaml``) gives each key a small record, so every entry carries
its review status::

    exit.button:
      text: "Gadael y dudalen hon"
      status: draft          # draft until a Welsh speaker has reviewed it; then reviewed
      source: "..."          # optional: the public body whose wording this is
      note: "..."            # optional: for example a North Wales alternative

The chosen language travels in the page's URL (``?lang=cy``). A page asked for in Welsh gets a
fresh kernel that can read its URL (see ``peer_support.server.app``); preheated kernels serve
English.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path
from urllib.parse import parse_qs

import yaml

from .platform import page_query_string

CATALOGUE_DIR = Path(__file__).resolve().parent / "catalogue"
LANGUAGES = ("en", "cy")
DEFAULT_LANGUAGE = "en"
#: The value for ``lang`` attributes: British English, and Welsh.
HTML_LANG = {"en": "en-GB", "cy": "cy"}
REVIEW_STATUSES = ("draft", "reviewed")

# A language chosen by code rather than by a page's URL: the live room's server draws pages
# and reads content files for many rooms at once, each in its own language.
_speaking: ContextVar[str | None] = ContextVar("speaking", default=None)


@contextmanager
def speaking(language: str) -> Iterator[None]:
    """Within this block, :func:`current_language` is ``language`` (if it is one of ours)."""
    token = _speaking.set(language if language in LANGUAGES else DEFAULT_LANGUAGE)
    try:
        yield
    finally:
        _speaking.reset(token)


@cache
def entries(language: str) -> dict[str, dict[str, str]]:
    """Every entry of ``language``'s catalogue as a record with at least ``text`` and ``status``.

    English entries count as reviewed: they are the source text.
    """
    path = CATALOGUE_DIR / f"{language}.yaml"
    if not path.is_file():
        return {}
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {key: value if isinstance(value, dict) else {"text": value, "status": "reviewed"}
            for key, value in raw.items()}


@cache
def catalogue(language: str) -> dict[str, str]:
    """Return the flat key -> text mapping for ``language``."""
    return {key: entry["text"] for key, entry in entries(language).items()
            if isinstance(entry.get("text"), str)}


def is_draft(language: str) -> bool:
    """Whether any entry of ``language`` still waits for review by a speaker of it."""
    return any(entry.get("status") != "reviewed" for entry in entries(language).values())


def language_from_query(query: str) -> str:
    """Pick the language from a URL query string such as ``"lang=cy"``."""
    wanted = parse_qs(query or "").get("lang", [DEFAULT_LANGUAGE])[0]
    return wanted if wanted in LANGUAGES else DEFAULT_LANGUAGE


def current_language() -> str:
    """The language of the page being drawn, from the ``lang`` in its URL.

    Voilà puts the page's query in ``QUERY_STRING`` for a kernel it starts for a request (and
    the static site's page does the same for its browser kernel: see ``platform``). A
    preheated kernel runs before any request, finds no query, and draws English, which is
    why ``peer_support.server.app`` never hands one to a page asked for in another language.
    """
    return _speaking.get() or language_from_query(page_query_string())


def page_query(language: str | None = None) -> str:
    """The query to add to links so the language travels with them: ``""`` or ``"?lang=cy"``."""
    language = language or current_language()
    return "" if language == DEFAULT_LANGUAGE else f"?lang={language}"


def t(key: str, language: str | None = None, **values: object) -> str:
    """Return the text for ``key``, with ``{name}`` placeholders filled from ``values``.

    Raises ``KeyError`` for an unknown key, so a typo fails the tests, not the workshop. A key
    missing from another language's catalogue falls back to English (a test stops that
    reaching a release).
    """
    language = language or current_language()
    text = catalogue(language).get(key)
    if text is None:
        text = catalogue(DEFAULT_LANGUAGE)[key]
    return text.format(**values) if values else text
