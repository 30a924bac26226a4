"""Tests for the content files under assets/: they load, and the chapters find what they name."""

import json
import re
from pathlib import Path

import pytest
import yaml

from peer_support import content
from peer_support.chapters.language import TERMS
from peer_support.kit.blocks import load_activity_notes, load_chapters
from peer_support.kit.reflection import REFLECTION

REPO = Path(__file__).resolve().parent.parent
ASSETS = REPO / "assets"
NOTEBOOKS = REPO / "notebooks"
YAML_FILES = sorted(path.relative_to(ASSETS).as_posix()
                    for path in [*ASSETS.rglob("*.yaml"), *ASSETS.rglob("*.yml")])
LANGUAGE_NOTEBOOK = NOTEBOOKS / "05_language.ipynb"
NOTES_CALL = re.compile(r'facilitator_notes\(\s*"([^"]+)"\s*,\s*"([^"]+)"\s*\)')


def notebook_code(path: Path) -> str:
    notebook = json.loads(path.read_text(encoding="utf-8"))
    return "\n".join("".join(cell["source"]) for cell in notebook["cells"]
                     if cell["cell_type"] == "code")


LANGUAGE_NOTES = NOTES_CALL.findall(notebook_code(LANGUAGE_NOTEBOOK))


def test_assets_folder_is_the_one_the_pack_reads() -> None:
    assert content.ASSETS_DIR.resolve() == ASSETS.resolve()


def test_assets_yaml_files_are_found() -> None:
    assert {"chapters.yaml", "language/terms.yaml", "language/reflection.yaml",
            "language/facilitator-notes.yaml"} <= set(YAML_FILES)


@pytest.mark.parametrize("relative", YAML_FILES)
def test_assets_yaml_file_loads(relative: str) -> None:
    data = content.load_yaml(relative)
    assert isinstance(data, dict)


@pytest.mark.parametrize("relative", YAML_FILES)
def test_assets_yaml_file_is_plain_yaml(relative: str) -> None:
    assert yaml.safe_load((ASSETS / relative).read_text(encoding="utf-8")) is not None


def test_assets_chapters_load() -> None:
    assert load_chapters()


def test_assets_chapter_slugs_are_unique() -> None:
    slugs = [chapter.slug for chapter in load_chapters()]
    assert len(slugs) == len(set(slugs))


def test_assets_chapter_slugs_are_notebook_names() -> None:
    bad = [c.slug for c in load_chapters() if not re.fullmatch(r"\d\d_[a-z0-9_]+", c.slug)]
    assert bad == []


def test_assets_terms_load() -> None:
    assert TERMS.load("language/terms.yaml").terms


def test_assets_reflection_loads() -> None:
    loaded = REFLECTION.load("language/reflection.yaml")
    assert loaded.title
    assert loaded.prompts


def test_language_notebook_names_facilitator_notes() -> None:
    assert len(LANGUAGE_NOTES) >= 1


@pytest.mark.parametrize(("path", "activity"), LANGUAGE_NOTES,
                         ids=[activity for _, activity in LANGUAGE_NOTES])
def test_language_notebook_facilitator_notes_activity_exists(path: str, activity: str) -> None:
    data = yaml.safe_load((ASSETS / path).read_text(encoding="utf-8"))
    assert activity in data["activities"]


@pytest.mark.parametrize(("path", "activity"), LANGUAGE_NOTES,
                         ids=[activity for _, activity in LANGUAGE_NOTES])
def test_language_notebook_facilitator_notes_activity_loads(path: str, activity: str) -> None:
    assert load_activity_notes(path, activity).title


def test_language_notes_file_has_no_unused_activity() -> None:
    data = yaml.safe_load((ASSETS / "language/facilitator-notes.yaml").read_text(encoding="utf-8"))
    used = {activity for path, activity in LANGUAGE_NOTES
            if path == "language/facilitator-notes.yaml"}
    assert set(data["activities"]) == used


@pytest.mark.parametrize("notebook", sorted(NOTEBOOKS.glob("*.ipynb")), ids=lambda p: p.name)
def test_notebook_content_files_exist(notebook: Path) -> None:
    named = re.findall(r'"([a-z0-9_/-]+\.yaml)"', notebook_code(notebook))
    missing = [path for path in named if not (ASSETS / path).is_file()]
    assert missing == []
