"""Tests for the acknowledgements chapter's "what will you take from this pack?" reflection
(a kit reflection from assets/acknowledgements/reflection.yaml)."""

import re
from html import unescape
from pathlib import Path

import pytest
from conftest import decoded_link, load_error, write_yaml
from IPython.display import HTML

from peer_support.i18n import t
from peer_support.kit import reflection as kit_reflection
from peer_support.kit.blocks import load_activity_notes
from peer_support.kit.reflection import REFLECTION, Reflection
from peer_support.text import DEFAULT_LIMIT

REFLECTION_FILE = "acknowledgements/reflection.yaml"
NOTES_FILE = "acknowledgements/facilitator-notes.yaml"
HOSTILE = '<img src=x onerror="alert(1)"><script>alert(2)</script>'
WELSH = "Diolch yn fawr ŵ ŷ 😊"


def write_reflection(assets: Path, data: object) -> str:
    return write_yaml(assets, REFLECTION_FILE, data)


def list_items(html: str) -> list[str]:
    return [unescape(item) for item in re.findall(r"<li>(.*?)</li>", html, re.S)]


def real_reflection() -> Reflection:
    reflection = kit_reflection.reflection(REFLECTION_FILE)
    assert isinstance(reflection, Reflection)
    return reflection


# ---- the real content files ----


def test_real_reflection_file_loads_with_four_prompts() -> None:
    loaded = REFLECTION.load(REFLECTION_FILE)
    assert loaded.title == "What I'll take from this pack"
    assert loaded.intro
    assert [prompt.id for prompt in loaded.prompts] == [
        "one-thing", "try-next", "still-wondering", "who-helps"]


@pytest.mark.parametrize("activity", ["take-away-reflection", "closing-circle"])
def test_real_facilitator_notes_load(activity: str) -> None:
    notes = load_activity_notes(NOTES_FILE, activity)
    assert notes.steps and notes.debrief and notes.adaptations


def test_real_notes_keep_answers_off_the_shared_screen() -> None:
    steps = " ".join(load_activity_notes(NOTES_FILE, "take-away-reflection").steps).lower()
    assert "projector" in steps and "never on the shared screen" in steps


def test_take_away_reflection_has_stable_class() -> None:
    assert "qa-acknowledgements-reflection" in real_reflection()._dom_classes


# ---- answers and the download ----


def test_download_holds_exactly_the_answers_given() -> None:
    reflection = real_reflection()
    reflection.boxes[0].write("The group agreement")
    reflection.boxes[2].write("  How to start online  ")
    handout = reflection.download.prepare()
    assert handout is not None
    page = unescape(decoded_link(reflection.download.links.value, "html"))
    assert list_items(page) == ["The group agreement", "How to start online"]
    assert reflection.boxes[0].label in page and reflection.boxes[2].label in page
    assert reflection.boxes[1].label not in page and reflection.boxes[3].label not in page


def test_nothing_typed_gives_nothing_to_download() -> None:
    reflection = real_reflection()
    assert reflection.download.prepare() is None
    assert reflection.download.links.value == ""
    assert reflection.download.status.message == t("handout.nothing")


def test_hostile_text_stays_text_in_both_downloads() -> None:
    reflection = real_reflection()
    reflection.boxes[0].write(HOSTILE)
    reflection.boxes[1].write(WELSH)
    reflection.download.prepare()
    page = decoded_link(reflection.download.links.value, "html")
    assert "<script>" not in page and "<img" not in page
    assert list_items(page) == [HOSTILE, WELSH]
    markdown = decoded_link(reflection.download.links.value, "markdown")
    assert "\\<script\\>" in markdown and WELSH in markdown


def test_too_long_answer_is_kept_and_held_back() -> None:
    reflection = real_reflection()
    reflection.boxes[0].write("x" * 10_000)
    reflection.boxes[1].write("kept")
    assert reflection.download.prepare() is None
    assert reflection.download.status.message == t("handout.waiting")
    assert len(reflection.boxes[0].text_area.value) == 10_000
    assert f"{DEFAULT_LIMIT:,}" in reflection.boxes[0].status.message


def test_clear_empties_boxes_and_withdraws_link() -> None:
    reflection = real_reflection()
    reflection.boxes[3].write("My sister")
    reflection.download.prepare()
    reflection.clear()
    assert all(box.text_area.value == "" for box in reflection.boxes)
    assert reflection.download.links.value == ""


# ---- a broken content file ----


def test_missing_file_gives_calm_message_naming_file(assets: Path) -> None:
    block = kit_reflection.reflection(REFLECTION_FILE)
    assert isinstance(block, HTML) and 'role="alert"' in block.data
    assert REFLECTION_FILE in block.data


def test_prompt_without_label_names_file(assets: Path) -> None:
    path = write_reflection(assets, {"title": "T", "prompts": [{"id": "a"}]})
    error = load_error(lambda: REFLECTION.load(path))
    assert error.path.endswith(REFLECTION_FILE)
    assert "'label'" in error.problem
    block = kit_reflection.reflection(path)
    assert isinstance(block, HTML) and "Prompt 1" in block.data


def test_no_prompts_names_file(assets: Path) -> None:
    block = kit_reflection.reflection(write_reflection(assets, {"title": "T", "prompts": []}))
    assert isinstance(block, HTML) and "'prompts'" in unescape(block.data)
