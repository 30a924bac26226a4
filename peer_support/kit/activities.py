"""The pack's activities: every activity in every chapter, where it sits, and what it needs.

Each chapter notebook calls ``facilitator_notes("<chapter>/facilitator-notes.yaml",
"<activity>")`` under an ``h2`` heading; that call names the activity, its notes file gives the
minutes, group size and materials, and the chapter's ``content_note([...], cy=[...])`` call
gives the content notes (they belong to the chapter, so every activity of a chapter shares
them). An activity in a notes file that no notebook calls is still found, placed at the top of
its chapter (or of the start page when no chapter uses the file).

Present mode opens an activity at its section: the ``id`` the rendered page gives the ``h2``
above it (:func:`heading_id`).
"""

from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from .. import content
from ..i18n import current_language
from .blocks import (
    NOTEBOOKS_DIR,
    NOTES,
    START_PAGE,
    ActivityNotes,
    existing_chapters,
    load_activity_notes,
)

__all__ = ["Activity", "code_calls", "heading_id", "pack_activities"]


@dataclass(frozen=True)
class Activity:
    """One activity of the pack, where it is, and what the planner needs to know of it."""

    notes_file: str          # "safety/facilitator-notes.yaml"
    key: str                 # "group-agreement"
    notebook: str            # "02_safety"
    chapter: str             # the chapter's title, in the page's language
    section: str             # the id of the h2 the activity sits under ("" if none)
    notes: ActivityNotes
    content_notes: tuple[str, ...]

    @property
    def title(self) -> str:
        return self.notes.title

    @property
    def minutes(self) -> int:
        return self.notes.minutes


_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*{1,3}|_{1,3}|`)(.+?)\1")


def heading_id(heading: str) -> str:
    """The id a rendered page gives a Markdown heading, as nbconvert (under Voilà and Voici)
    makes it: the heading's text with spaces as hyphens, and characters a URL fragment may not
    hold (letters such as ŵ, quotes) percent-encoded."""
    text = _EMPHASIS.sub(r"\2", _LINK.sub(r"\1", heading.strip().lstrip("#").strip()))
    return quote(text.replace(" ", "-"), safe="?/:@!$&'()*+,;=")


def _source(cell: dict) -> str:
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def _strings(node: ast.AST | None) -> tuple[str, ...]:
    try:
        value = ast.literal_eval(node) if node is not None else ()
    except ValueError:
        return ()
    return tuple(str(item) for item in value) if isinstance(value, (list, tuple)) else ()


def code_calls(code: str):
    """(name, call) for every call of a plain name in a cell's code, such as
    ``checklist("x.yaml")``: how the pack reads what a notebook's one-line calls use, without
    running it. Code that does not parse has none."""
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            yield node.func.id, node


def _content_notes(cells: list[dict], language: str) -> tuple[str, ...]:
    """The topics of a notebook's content note, in the page's language where given."""
    for cell in cells:
        if cell["cell_type"] != "code":
            continue
        for name, call in code_calls(_source(cell)):
            if name == "content_note":
                english = _strings(call.args[0] if call.args else None)
                welsh = _strings({k.arg: k.value for k in call.keywords}.get("cy"))
                return welsh if language == "cy" and welsh else english
    return ()


def pack_activities(notebooks_dir: Path = NOTEBOOKS_DIR) -> list[Activity]:
    """Every activity in the pack, in the chapters' order and each chapter's order.

    Raises ContentError if a chapter list or notes file is broken, naming the file.
    """
    language = current_language()
    found: list[Activity] = []
    seen: set[tuple[str, str]] = set()
    home_of_file: dict[str, tuple[str, str, tuple[str, ...]]] = {}
    for chapter in existing_chapters(notebooks_dir):
        cells = json.loads((notebooks_dir / f"{chapter.slug}.ipynb").read_text(
            encoding="utf-8"))["cells"]
        topics = _content_notes(cells, language)
        heading = {"en": "", "cy": ""}
        for cell in cells:
            text = _source(cell)
            if cell["cell_type"] == "markdown":
                tags = cell.get("metadata", {}).get("tags", [])
                languages = [lang for lang in ("en", "cy") if f"lang-{lang}" in tags]
                for line in text.splitlines():
                    if line.startswith("## "):
                        for lang in languages or ("en", "cy"):
                            heading[lang] = line
                continue
            for name, call in code_calls(text):
                if name != "facilitator_notes" or len(call.args) < 2:
                    continue
                path, key = (getattr(argument, "value", None) for argument in call.args[:2])
                if not (isinstance(path, str) and isinstance(key, str)) or (path, key) in seen:
                    continue
                seen.add((path, key))
                home_of_file.setdefault(path, (chapter.slug, chapter.title, topics))
                section = heading_id(heading[language] or heading["en"]) if (
                    heading[language] or heading["en"]) else ""
                found.append(Activity(path, key, chapter.slug, chapter.title, section,
                                      load_activity_notes(path, key), topics))
    # Activities no notebook calls, in files some notebook uses or in none.
    files = sorted(path.relative_to(content.ASSETS_DIR).as_posix()
                   for path in content.ASSETS_DIR.glob("*/facilitator-notes.yaml"))
    for path in [*home_of_file, *(f for f in files if f not in home_of_file)]:
        slug, title, topics = home_of_file.get(path, (START_PAGE, path.split("/")[0], ()))
        for key, notes in NOTES.load(path).activities.items():
            if (path, key) not in seen:
                seen.add((path, key))
                found.append(Activity(path, key, slug, title, "", notes, topics))
    return found
