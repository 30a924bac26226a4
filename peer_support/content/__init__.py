"""Load the pack's content files (YAML under ``assets/``), in the page's language.

A broken content file raises :class:`ContentError`, which names the file and the problem in
plain words, so a facilitator can fix it and the rest of the page keeps working. What each kind
of file must hold is declared once, in :mod:`peer_support.content.rules`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ..i18n import DEFAULT_LANGUAGE, current_language, t
from ..platform import assets_dir

#: Where content files live. ``PACK_ASSETS`` lets a group point the pack at its own copy; in
#: the browser they are the static site's contents (``platform.assets_dir``).
ASSETS_DIR = assets_dir()



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


def shown_path(relative_path: str) -> str:
    """How messages name the file read for ``relative_path`` on this page."""
    return display_path(ASSETS_DIR / localised_path(relative_path))


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
        raise ContentError(shown, t("content.missing")) from None
    except (OSError, UnicodeDecodeError) as error:
        problem = t("content.unreadable", reason=error.__class__.__name__)
        raise ContentError(shown, problem) from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        if mark is None:
            raise ContentError(shown, t("content.not_yaml")) from None
        raise ContentError(shown, t("content.not_yaml_near", line=mark.line + 1)) from None
    if data is None:
        raise ContentError(shown, t("content.empty"))
    return data
