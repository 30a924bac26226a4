"""Static blocks every chapter shares: content notes, facilitator notes, chapter links, errors.

These return HTML (or a small widget) built from escaped text, so nothing in a content file
can inject markup into the page.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import ipywidgets as widgets
from IPython.display import HTML

from ..content import ASSETS_DIR, ContentError, rules
from ..i18n import HTML_LANG, current_language, page_query, t
from ..text import escape
from .base import error_block
from .html import bullets
from .timer import ActivityTimer

__all__ = ["chapter_links", "chapter_list", "content_note", "facilitator_notes"]

NOTEBOOKS_DIR = ASSETS_DIR.parent / "notebooks"
START_PAGE = "00_start"


def content_note(topics: list[str], cy: list[str] | None = None) -> HTML:
    """A content note for the top of a chapter: what it covers, and that skipping is fine.

    Parameters
    ----------
    topics : list of str
        Specific topics, for example ``["words about suicide and self-harm"]``.
    cy : list of str, optional
        The same topics in Welsh, shown when the page is in Welsh.
    """
    language = "cy" if cy and current_language() == "cy" else "en"
    chosen = cy if language == "cy" else topics
    items = "".join(f"<li>{escape(topic)}</li>" for topic in chosen)
    # On a Welsh page without Welsh topics, the English list is marked as English.
    list_lang = f' lang="{HTML_LANG[language]}"' if language != current_language() else ""
    return HTML(
        '<aside class="pack-content-note" aria-labelledby="pack-content-note-heading">'
        f'<h2 id="pack-content-note-heading">{escape(t("content_note.heading"))}</h2>'
        f"<p>{escape(t('content_note.intro'))}</p><ul{list_lang}>{items}</ul>"
        f"<p>{escape(t('content_note.choice'))}</p></aside>"
    )


@dataclass(frozen=True)
class ActivityNotes:
    """Facilitator notes for one activity."""

    title: str = rules.text(120, "The activity's name.")
    purpose: str = rules.text(600, "What the activity is for, in a sentence or two.")
    minutes: int = rules.whole(1, 240, "How long it usually takes (the timer's suggestion).")
    group_size: str = rules.text(120, "Who it suits, for example 'any size; pairs work well'.")
    materials: list[str] = rules.texts(1, 500, "What to bring.")
    steps: list[str] = rules.texts(2, 500, "What to do, in order.")
    debrief: list[str] = rules.texts(1, 500, "Questions to talk about afterwards.")
    adaptations: list[str] = rules.texts(1, 500, "Other ways to run it: seated, online, no touch.")


@dataclass(frozen=True)
class NotesFile:
    """A chapter's facilitator notes."""

    activities: dict[str, ActivityNotes] = rules.keyed(ActivityNotes, "activity",
                                                       "Each activity's notes, by its name.")


NOTES = rules.Kind(NotesFile, "Facilitator notes")


def load_activity_notes(path: str, activity: str) -> ActivityNotes:
    """Read and check a facilitator-notes file and return one activity's notes."""
    notes = NOTES.load(path).activities
    if activity not in notes:
        rules.Kind.fail(path, t("content.no_notes", activity=activity))
    return notes[activity]


def notes_html(notes: ActivityNotes) -> str:
    """Draw facilitator notes as HTML (every value escaped)."""
    return (
        f'<h3>{escape(t("notes.heading", title=notes.title))}</h3>'
        # The minutes also as a number, for the presenter window's timer (present.js).
        f'<dl data-pack-minutes="{int(notes.minutes)}">'
        f"<dt>{escape(t('notes.purpose'))}</dt><dd>{escape(notes.purpose)}</dd>"
        f"<dt>{escape(t('notes.minutes'))}</dt>"
        f"<dd>{escape(t('notes.minutes_value', minutes=notes.minutes))}</dd>"
        f"<dt>{escape(t('notes.group_size'))}</dt><dd>{escape(notes.group_size)}</dd>"
        "</dl>"
        f"<h4>{escape(t('notes.materials'))}</h4>{bullets(notes.materials)}"
        f"<h4>{escape(t('notes.steps'))}</h4>{bullets(notes.steps, ordered=True)}"
        f"<h4>{escape(t('notes.debrief'))}</h4>{bullets(notes.debrief)}"
        f"<h4>{escape(t('notes.adaptations'))}</h4>{bullets(notes.adaptations)}"
    )


def facilitator_notes(path: str, activity: str):
    """Facilitator notes for an activity, with an advisory timer. Hidden in learner view.

    Parameters
    ----------
    path : str
        The chapter's notes file inside ``assets/``, e.g. ``"language/facilitator-notes.yaml"``.
    activity : str
        The activity's key in that file.
    """
    try:
        notes = load_activity_notes(path, activity)
    except ContentError as error:
        return error_block(error)
    box = widgets.VBox([widgets.HTML(notes_html(notes)), ActivityTimer(minutes=notes.minutes)])
    box.add_class("pack-facilitator-notes")
    box.add_class(f"qa-notes-{activity}")
    return box


@dataclass(frozen=True)
class Chapter:
    slug: str = rules.text(80, "The notebook's name without .ipynb, e.g. 05_language.")
    title: str = rules.text(120, "The chapter's title, as its first heading says it.")
    summary: str = rules.text(300, "One line on what the chapter is about.")

    @property
    def href(self) -> str:
        # Relative links resolve to /voila/render/<slug>.ipynb in Voilà, and work in JupyterLab.
        return f"{self.slug}.ipynb{page_query()}"

    def exists(self, notebooks_dir: Path = NOTEBOOKS_DIR) -> bool:
        return (notebooks_dir / f"{self.slug}.ipynb").is_file()


@dataclass(frozen=True)
class ChapterList:
    chapters: list[Chapter] = rules.items(Chapter, "chapter", "The chapters, in order.")


CHAPTERS = rules.Kind(ChapterList, "The pack's chapter list")


def load_chapters(path: str = "chapters.yaml") -> list[Chapter]:
    """The ordered chapter list from ``assets/chapters.yaml``."""
    return CHAPTERS.load(path).chapters


def existing_chapters(notebooks_dir: Path = NOTEBOOKS_DIR) -> list[Chapter]:
    """The chapters whose notebooks exist, in the pack's order."""
    return [chapter for chapter in load_chapters() if chapter.exists(notebooks_dir)]


def chapter_list(notebooks_dir: Path = NOTEBOOKS_DIR) -> HTML:
    """Links to every chapter whose notebook exists, with a one-line summary of each."""
    try:
        chapters = existing_chapters(notebooks_dir)
    except ContentError as error:
        return error_block(error)
    items = "".join(
        f'<li><a href="{escape(c.href)}">{escape(c.title)}</a>: {escape(c.summary)}</li>'
        for c in chapters
    )
    label = escape(t("links.chapters_label"))
    return HTML(f'<nav aria-label="{label}" class="pack-chapter-list"><ul>{items}</ul></nav>')


def chapter_links(slug: str, notebooks_dir: Path = NOTEBOOKS_DIR) -> HTML:
    """Links to the previous and next existing chapters and the start page."""
    try:
        chapters = existing_chapters(notebooks_dir)
    except ContentError as error:
        return error_block(error)
    slugs = [c.slug for c in chapters]
    links = []
    if slug in slugs:
        position = slugs.index(slug)
        if position > 0:
            before = chapters[position - 1]
            links.append((before.href, t("links.previous", title=before.title)))
        links.append((f"{START_PAGE}.ipynb{page_query()}", t("links.start")))
        if position < len(chapters) - 1:
            after = chapters[position + 1]
            links.append((after.href, t("links.next", title=after.title)))
    elif slug == START_PAGE:
        if chapters:
            links.append((chapters[0].href, t("links.next", title=chapters[0].title)))
    else:
        links.append((f"{START_PAGE}.ipynb{page_query()}", t("links.start")))
    items = "".join(f'<li><a href="{escape(h)}">{escape(text)}</a></li>' for h, text in links)
    label = escape(t("links.nav_label"))
    return HTML(f'<nav aria-label="{label}"><ul class="pack-chapter-links">{items}</ul></nav>')


def notebook_title(path: Path) -> str:
    """The first ``#`` heading of a notebook (used by tests to check chapters.yaml)."""
    notebook = json.loads(path.read_text(encoding="utf-8"))
    for cell in notebook["cells"]:
        source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        if cell["cell_type"] == "markdown" and source.startswith("# "):
            return source[2:].splitlines()[0].strip()
    return ""
