"""Load the pack's content files (YAML under ``assets/``) and check their shape.

A broken content file raises :class:`ContentError`, which names the file and the problem in
plain words, so a facilitator can fix it and the rest of the page keeps working.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from .i18n import DEFAULT_LANGUAGE, current_language
from .platform import assets_dir

#: Where content files live. ``PACK_ASSETS`` lets a group point the pack at its own copy; in
#: the browser they are the static site's contents (``platform.assets_dir``).
ASSETS_DIR = assets_dir()

_ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class ContentError(Exception):
    """A content file is missing or malformed.

    Parameters
    ----------
    path : str
        The file's path, relative to the assets folder where possible.
    problem : str
        What is wrong, in plain words.
    """

    def __init__(self, path: str, problem: str):
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}")


def display_path(path: Path) -> str:
    """Return ``path`` relative to the repository if it is inside it, for messages."""
    try:
        return str(path.resolve().relative_to(ASSETS_DIR.resolve().parent))
    except ValueError:
        return str(path)


def localised_path(relative_path: str, language: str | None = None) -> str:
    """The file to read for the page's language.

    A page in Welsh reads ``<name>.cy.yaml`` beside ``<name>.yaml`` when a translation exists,
    and the English file otherwise.
    """
    language = language or current_language()
    if language == DEFAULT_LANGUAGE:
        return relative_path
    stem, dot, extension = relative_path.rpartition(".")
    twin = f"{stem}.{language}.{extension}" if dot else f"{relative_path}.{language}"
    return twin if (ASSETS_DIR / twin).is_file() else relative_path


def load_yaml(relative_path: str) -> Any:
    """Read a YAML file from the assets folder, in the page's language where translated.

    Parameters
    ----------
    relative_path : str
        Path inside ``assets/`` of the English file, for example ``"language/terms.yaml"``.

    Raises
    ------
    ContentError
        If the file is missing, unreadable, not valid YAML or empty.
    """
    path = ASSETS_DIR / localised_path(relative_path)
    shown = display_path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ContentError(shown, "the file is missing") from None
    except (OSError, UnicodeDecodeError) as error:
        problem = f"the file could not be read ({error.__class__.__name__})"
        raise ContentError(shown, problem) from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" near line {mark.line + 1}" if mark is not None else ""
        raise ContentError(shown, f"the file is not valid YAML{where}") from None
    if data is None:
        raise ContentError(shown, "the file is empty")
    return data


class Checker:
    """Check fields of one content file, raising :class:`ContentError` on the first problem.

    Parameters
    ----------
    relative_path : str
        The file's path inside ``assets/``, used in messages.
    """

    def __init__(self, relative_path: str):
        self.shown = display_path(ASSETS_DIR / localised_path(relative_path))

    def fail(self, problem: str) -> None:
        raise ContentError(self.shown, problem)

    def mapping(self, value: Any, where: str) -> dict:
        if not isinstance(value, dict):
            self.fail(f"{where} should be a set of named fields")
        return value

    def items(self, value: Any, where: str, minimum: int = 1) -> list:
        if not isinstance(value, list) or len(value) < minimum:
            self.fail(f"{where} should be a list with at least {minimum} item(s)")
        return value

    def text(self, mapping: dict, key: str, where: str, max_length: int = 500,
             required: bool = True) -> str:
        value = mapping.get(key)
        if value is None and not required:
            return ""
        if not isinstance(value, str) or not value.strip():
            self.fail(f"{where} needs '{key}' as some text")
        if len(value) > max_length:
            self.fail(f"{where} has a '{key}' longer than {max_length} characters")
        return value.strip()

    def texts(self, mapping: dict, key: str, where: str, minimum: int = 1,
              max_length: int = 500) -> list[str]:
        values = mapping.get(key, [])
        if not isinstance(values, list) or len(values) < minimum:
            self.fail(f"{where} needs '{key}' as a list with at least {minimum} item(s)")
        for number, value in enumerate(values, start=1):
            if not isinstance(value, str) or not value.strip():
                self.fail(f"{where}, '{key}' item {number} should be some text")
            if len(value) > max_length:
                self.fail(f"{where}, '{key}' item {number} is longer than {max_length} characters")
        return [value.strip() for value in values]

    def identifier(self, mapping: dict, where: str, seen: set[str]) -> str:
        value = mapping.get("id")
        if not isinstance(value, str) or not _ID_PATTERN.match(value):
            self.fail(f"{where} needs an 'id' made of lowercase letters, digits and hyphens")
        if value in seen:
            self.fail(f"{where} repeats the id '{value}'")
        seen.add(value)
        return value
