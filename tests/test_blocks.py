"""Tests for kit.blocks: notes, content notes and chapter links, always escaped."""

import json
import re
from pathlib import Path

import ipywidgets as widgets
import pytest
import yaml
from IPython.display import HTML

from peer_support import content
from peer_support.content import ContentError
from peer_support.i18n import t
from peer_support.kit import blocks
from peer_support.kit.base import error_block
from peer_support.kit.blocks import (
    ActivityNotes,
    Chapter,
    chapter_links,
    chapter_list,
    content_note,
    facilitator_notes,
    load_activity_notes,
    load_chapters,
    notebook_title,
    notes_html,
)
from peer_support.kit.timer import ActivityTimer

REAL_ASSETS = content.ASSETS_DIR
NOTES_FILE = "language/facilitator-notes.yaml"
REAL_NOTES = yaml.safe_load((REAL_ASSETS / NOTES_FILE).read_text(encoding="utf-8"))
SCRIPT = "<script>alert(1)</script>"


def good_activity(**changes) -> dict:
    activity = {
        "title": "Warm up",
        "purpose": "To start gently.",
        "minutes": 10,
        "group_size": "Any",
        "materials": ["Paper"],
        "steps": ["Say hello", "Share a word"],
        "debrief": ["How was that?"],
        "adaptations": ["Online: use the chat"],
    }
    activity.update(changes)
    return activity


def write_notes(assets: Path, text: str) -> str:
    (assets / "language").mkdir(exist_ok=True)
    (assets / NOTES_FILE).write_text(text, encoding="utf-8")
    return NOTES_FILE


def write_chapters(assets: Path, notebooks: Path, slugs: list[str], existing: list[str]) -> None:
    chapters = [{"slug": slug, "title": f"Title {slug}", "summary": f"About {slug}."}
                for slug in slugs]
    (assets / "chapters.yaml").write_text(yaml.safe_dump({"chapters": chapters}),
                                          encoding="utf-8")
    notebooks.mkdir(exist_ok=True)
    for slug in existing:
        (notebooks / f"{slug}.ipynb").write_text("{}", encoding="utf-8")


def links(block: HTML) -> list[tuple[str, str]]:
    return re.findall(r'<a href="([^"]+)">([^<]*)</a>', block.data)


def is_error_block(block: object) -> bool:
    return isinstance(block, HTML) and 'role="alert"' in block.data


# ---- facilitator notes ----


@pytest.mark.parametrize("activity", sorted(REAL_NOTES["activities"]))
def test_facilitator_notes_real_activity_loads(activity: str) -> None:
    box = facilitator_notes(NOTES_FILE, activity)
    assert isinstance(box, widgets.VBox)
    assert f"qa-notes-{activity}" in box._dom_classes


@pytest.mark.parametrize("activity", sorted(REAL_NOTES["activities"]))
def test_facilitator_notes_real_activity_has_timer_for_its_minutes(activity: str) -> None:
    box = facilitator_notes(NOTES_FILE, activity)
    timers = [child for child in box.children if isinstance(child, ActivityTimer)]
    assert [timer.minutes for timer in timers] == [REAL_NOTES["activities"][activity]["minutes"]]


@pytest.mark.parametrize("activity", sorted(REAL_NOTES["activities"]))
def test_load_activity_notes_real_activity_keeps_every_step(activity: str) -> None:
    notes = load_activity_notes(NOTES_FILE, activity)
    assert notes.steps == REAL_NOTES["activities"][activity]["steps"]


def test_facilitator_notes_shows_title_in_heading(assets: Path) -> None:
    path = write_notes(assets, yaml.safe_dump({"activities": {"warm-up": good_activity()}}))
    box = facilitator_notes(path, "warm-up")
    html = box.children[0].value
    assert html.startswith(f"<h3>{t('notes.heading', title='Warm up')}</h3>")


def test_facilitator_notes_malformed_file_gives_error_block(assets: Path) -> None:
    path = write_notes(assets, "activities:\n  warm-up: [unclosed\n")
    block = facilitator_notes(path, "warm-up")
    assert is_error_block(block)
    assert "facilitator-notes.yaml" in block.data


def test_facilitator_notes_missing_file_gives_error_block(assets: Path) -> None:
    block = facilitator_notes("language/no-such-notes.yaml", "warm-up")
    assert is_error_block(block)
    assert "no-such-notes.yaml" in block.data


def test_facilitator_notes_unknown_activity_gives_error_block(assets: Path) -> None:
    path = write_notes(assets, yaml.safe_dump({"activities": {"warm-up": good_activity()}}))
    block = facilitator_notes(path, "cool-down")
    assert is_error_block(block)
    assert "cool-down" in block.data


@pytest.mark.parametrize("changes", [
    {"title": None},
    {"title": "x" * 121},
    {"minutes": 0},
    {"minutes": 241},
    {"minutes": True},
    {"minutes": "ten"},
    {"steps": ["only one step"]},
    {"materials": []},
    {"debrief": "not a list"},
    {"adaptations": [3]},
])
def test_facilitator_notes_bad_field_gives_error_block(assets: Path, changes: dict) -> None:
    notes = {"activities": {"warm-up": good_activity(**changes)}}
    path = write_notes(assets, yaml.safe_dump(notes))
    block = facilitator_notes(path, "warm-up")
    assert is_error_block(block)
    assert "facilitator-notes.yaml" in block.data


def test_facilitator_notes_without_activities_gives_error_block(assets: Path) -> None:
    path = write_notes(assets, "- just\n- a list\n")
    assert is_error_block(facilitator_notes(path, "warm-up"))


def test_load_activity_notes_malformed_file_names_file(assets: Path) -> None:
    path = write_notes(assets, yaml.safe_dump({"activities": {"warm-up": good_activity(
        steps=["one"])}}))
    with pytest.raises(ContentError) as caught:
        load_activity_notes(path, "warm-up")
    assert caught.value.path.endswith(NOTES_FILE)
    assert "'steps'" in caught.value.problem


def test_error_block_names_file_and_problem() -> None:
    block = error_block(ContentError("language/terms.yaml", "the file is empty"))
    assert 'role="alert"' in block.data
    assert "language/terms.yaml" in block.data
    assert "the file is empty" in block.data


def test_error_block_escapes_path_and_problem() -> None:
    block = error_block(ContentError("<b>file</b>", SCRIPT))
    assert "<b>" not in block.data
    assert "<script>" not in block.data
    assert "&lt;script&gt;" in block.data


def test_notes_html_escapes_values() -> None:
    notes = ActivityNotes(title=SCRIPT, purpose=SCRIPT, minutes=5, group_size=SCRIPT,
                          materials=[SCRIPT], steps=[SCRIPT, SCRIPT], debrief=[SCRIPT],
                          adaptations=[SCRIPT])
    html = notes_html(notes)
    assert "<script>" not in html
    assert html.count("&lt;script&gt;") == 8


def test_notes_html_numbers_the_steps() -> None:
    notes = ActivityNotes(title="T", purpose="P", minutes=5, group_size="G", materials=["M"],
                          steps=["first step", "second step"], debrief=["D"], adaptations=["A"])
    html = notes_html(notes)
    assert "<ol><li>first step</li><li>second step</li></ol>" in html


def test_notes_html_shows_minutes() -> None:
    notes = ActivityNotes(title="T", purpose="P", minutes=35, group_size="G", materials=["M"],
                          steps=["a", "b"], debrief=["D"], adaptations=["A"])
    assert t("notes.minutes_value", minutes=35) in notes_html(notes)


# ---- content note ----


def test_content_note_escapes_topics() -> None:
    block = content_note([SCRIPT, "words about <abuse> & harm"])
    assert "<script>" not in block.data
    assert "&lt;script&gt;" in block.data
    assert "words about &lt;abuse&gt; &amp; harm" in block.data


def test_content_note_lists_each_topic() -> None:
    topics = ["words about suicide", "words about self-harm", "slurs"]
    block = content_note(topics)
    assert re.findall(r"<li>(.*?)</li>", block.data) == topics


def test_content_note_says_skipping_is_fine() -> None:
    block = content_note(["anything"])
    assert t("content_note.heading") in block.data
    assert 'aria-labelledby="pack-content-note-heading"' in block.data


# ---- chapters ----


def test_load_chapters_reads_real_file() -> None:
    data = yaml.safe_load((REAL_ASSETS / "chapters.yaml").read_text(encoding="utf-8"))
    chapters = load_chapters()
    assert [c.slug for c in chapters] == [entry["slug"] for entry in data["chapters"]]


def test_load_chapters_missing_title_raises(assets: Path) -> None:
    (assets / "chapters.yaml").write_text("chapters:\n  - slug: 01_a\n    summary: S\n",
                                          encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_chapters()
    assert "Chapter 1" in caught.value.problem


def test_chapter_exists_checks_notebook(tmp_path: Path) -> None:
    chapter = Chapter("01_intro", "Intro", "About.")
    assert chapter.exists(tmp_path) is False
    (tmp_path / "01_intro.ipynb").write_text("{}", encoding="utf-8")
    assert chapter.exists(tmp_path) is True


def test_chapter_list_lists_only_existing_notebooks(assets: Path, tmp_path: Path) -> None:
    notebooks = tmp_path / "notebooks"
    write_chapters(assets, notebooks, ["01_a", "02_b", "03_c"], existing=["01_a", "03_c"])
    block = chapter_list(notebooks)
    assert links(block) == [("01_a.ipynb", "Title 01_a"), ("03_c.ipynb", "Title 03_c")]


def test_chapter_list_shows_summaries(assets: Path, tmp_path: Path) -> None:
    notebooks = tmp_path / "notebooks"
    write_chapters(assets, notebooks, ["01_a", "02_b"], existing=["02_b"])
    block = chapter_list(notebooks)
    assert "About 02_b." in block.data
    assert "About 01_a." not in block.data


def test_chapter_list_escapes_titles(assets: Path, tmp_path: Path) -> None:
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    (notebooks / "01_a.ipynb").write_text("{}", encoding="utf-8")
    chapters = {"chapters": [{"slug": "01_a", "title": SCRIPT, "summary": "<i>s</i>"}]}
    (assets / "chapters.yaml").write_text(yaml.safe_dump(chapters), encoding="utf-8")
    block = chapter_list(notebooks)
    assert "<script>" not in block.data
    assert "<i>" not in block.data


def test_chapter_list_broken_file_gives_error_block(assets: Path, tmp_path: Path) -> None:
    (assets / "chapters.yaml").write_text("chapters: [\n", encoding="utf-8")
    block = chapter_list(tmp_path)
    assert is_error_block(block)
    assert "chapters.yaml" in block.data


def test_chapter_list_real_file_lists_real_notebooks() -> None:
    block = chapter_list(blocks.NOTEBOOKS_DIR)
    existing = [c for c in load_chapters() if c.exists(blocks.NOTEBOOKS_DIR)]
    assert existing
    assert [href for href, _ in links(block)] == [c.href for c in existing]


@pytest.fixture
def four_chapters(assets: Path, tmp_path: Path) -> Path:
    """Chapters 01 to 04 in the list; 03 has no notebook yet."""
    notebooks = tmp_path / "notebooks"
    write_chapters(assets, notebooks, ["01_a", "02_b", "03_c", "04_d"],
                   existing=["01_a", "02_b", "04_d"])
    return notebooks


def test_chapter_links_first_chapter(four_chapters: Path) -> None:
    assert links(chapter_links("01_a", four_chapters)) == [
        ("00_start.ipynb", t("links.start")),
        ("02_b.ipynb", t("links.next", title="Title 02_b")),
    ]


def test_chapter_links_middle_chapter_skips_missing_notebook(four_chapters: Path) -> None:
    assert links(chapter_links("02_b", four_chapters)) == [
        ("01_a.ipynb", t("links.previous", title="Title 01_a")),
        ("00_start.ipynb", t("links.start")),
        ("04_d.ipynb", t("links.next", title="Title 04_d")),
    ]


def test_chapter_links_last_chapter(four_chapters: Path) -> None:
    assert links(chapter_links("04_d", four_chapters)) == [
        ("02_b.ipynb", t("links.previous", title="Title 02_b")),
        ("00_start.ipynb", t("links.start")),
    ]


def test_chapter_links_start_page_links_first_chapter(four_chapters: Path) -> None:
    assert links(chapter_links("00_start", four_chapters)) == [
        ("01_a.ipynb", t("links.next", title="Title 01_a")),
    ]


def test_chapter_links_unknown_slug_links_start_page(four_chapters: Path) -> None:
    assert links(chapter_links("90_staying_safe_online", four_chapters)) == [
        ("00_start.ipynb", t("links.start")),
    ]


def test_chapter_links_is_labelled_navigation(four_chapters: Path) -> None:
    block = chapter_links("02_b", four_chapters)
    assert block.data.startswith(f'<nav aria-label="{t("links.nav_label")}">')


def test_chapter_links_broken_file_gives_error_block(assets: Path, tmp_path: Path) -> None:
    (assets / "chapters.yaml").write_text("chapters: []\n", encoding="utf-8")
    block = chapter_links("01_a", tmp_path)
    assert is_error_block(block)


# ---- notebook titles ----


def write_notebook(path: Path, cells: list[tuple[str, object]]) -> Path:
    notebook = {"cells": [{"cell_type": kind, "source": source, "metadata": {}}
                          for kind, source in cells],
                "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    path.write_text(json.dumps(notebook), encoding="utf-8")
    return path


def test_notebook_title_is_first_level_one_heading(tmp_path: Path) -> None:
    path = write_notebook(tmp_path / "n.ipynb", [
        ("code", "# Not a heading, a comment"),
        ("markdown", "## Smaller heading"),
        ("markdown", ["# Real title\n", "\n", "Text."]),
        ("markdown", "# Later title"),
    ])
    assert notebook_title(path) == "Real title"


def test_notebook_title_accepts_source_as_string(tmp_path: Path) -> None:
    path = write_notebook(tmp_path / "n.ipynb", [("markdown", "# Title  \nMore")])
    assert notebook_title(path) == "Title"


def test_notebook_title_empty_without_heading(tmp_path: Path) -> None:
    path = write_notebook(tmp_path / "n.ipynb", [("markdown", "Just text")])
    assert notebook_title(path) == ""
