"""The pack's text catalogue: every label an exercise shows, looked up by key.

The chosen language travels in the page's URL (``?lang=cy``). Only English is written so far;
the Welsh catalogue is the job of the Welsh-language work, and falls back to English until then.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from urllib.parse import parse_qs

import yaml

CATALOGUE_DIR = Path(__file__).resolve().parent / "catalogue"
LANGUAGES = ("en",)
DEFAULT_LANGUAGE = "en"


@cache
def catalogue(language: str) -> dict[str, str]:
    """Return the flat key -> text mapping for ``language``."""
    path = CATALOGUE_DIR / f"{language}.yaml"
    if not path.is_file():
        return {}  # not written yet: t() falls back to English
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def language_from_query(query: str) -> str:
    """Pick the language from a URL query string such as ``"lang=cy"``."""
    wanted = parse_qs(query or "").get("lang", [DEFAULT_LANGUAGE])[0]
    return wanted if wanted in LANGUAGES else DEFAULT_LANGUAGE


_current: str | None = None


def current_language() -> str:
    """The language of the page being drawn, from the ``lang`` in its URL.

    Only English exists so far, so this never waits for the request. A preheated kernel runs
    its notebook before anyone asks for the page, so its ``QUERY_STRING`` is empty until then;
    ``voila.utils.wait_for_request()`` would block a cell, and Voilà's 60 s cell timeout then
    breaks pages nobody opened within a minute. The Welsh work has to solve that first (for
    example by choosing labels in the browser, or reading the language in a late cell).
    """
    global _current
    if _current is None:
        _current = language_from_query(os.environ.get("QUERY_STRING", ""))
    return _current


def t(key: str, language: str | None = None, **values: object) -> str:
    """Return the text for ``key``, with ``{name}`` placeholders filled from ``values``.

    Raises ``KeyError`` for an unknown key, so a typo fails the tests, not the workshop.
    """
    language = language or current_language()
    text = catalogue(language).get(key)
    if text is None:
        text = catalogue(DEFAULT_LANGUAGE)[key]
    return text.format(**values) if values else text
