"""Tests for the chapter notebooks: stored clean, titled, thin, and linked to each other."""

import ast
import importlib
import json
import re
from pathlib import Path

import pytest

from peer_support.kit import blocks
from peer_support.kit.blocks import load_chapters, notebook_title
from peer_support.notebook_rules import stored_clean_problems

NOTEBOOKS_DIR = Path(__file__).resolve().parent.parent / "notebooks"
NOTEBOOKS = sorted(NOTEBOOKS_DIR.glob("*.ipynb"))
NAMES = [path.name for path in NOTEBOOKS]
# Calls that make a notebook a chapter with content: a content note or an exercise.
EXERCISES = ("content_note", "facilitator_notes", "language_game", "language_reflection",
             "ChoiceScale", "CardDeck", "ReflectionBox", "DownloadPanel", "ActivityTimer")


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def source(cell: dict) -> str:
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def code_cells(path: Path) -> list[str]:
    return [source(cell) for cell in load(path)["cells"] if cell["cell_type"] == "code"]


def has_exercise(path: Path) -> bool:
    return any(re.search(rf"\b{name}\(", code) for code in code_cells(path) for name in EXERCISES)


WITH_EXERCISES = [path.name for path in NOTEBOOKS if has_exercise(path)]


def test_notebooks_folder_has_notebooks() -> None:
    assert "00_start.ipynb" in NAMES
    assert "05_language.ipynb" in NAMES


def test_notebooks_with_exercises_are_found() -> None:
    assert "05_language.ipynb" in WITH_EXERCISES


def test_notebooks_folder_matches_blocks_setting() -> None:
    assert blocks.NOTEBOOKS_DIR.resolve() == NOTEBOOKS_DIR.resolve()


@pytest.mark.parametrize("name", NAMES)
def test_notebook_file_name_is_numbered_slug(name: str) -> None:
    assert re.fullmatch(r"\d\d_[a-z0-9_]+\.ipynb", name)


@pytest.mark.parametrize("name", NAMES)
def test_notebook_is_stored_clean(name: str) -> None:
    """No outputs, execution counts or run metadata (the rule make check and make edit use)."""
    assert stored_clean_problems(load(NOTEBOOKS_DIR / name), name) == []


@pytest.mark.parametrize("name", NAMES)
def test_notebook_has_metadata_title(name: str) -> None:
    title = load(NOTEBOOKS_DIR / name)["metadata"].get("title")
    assert isinstance(title, str)
    assert title.strip()


@pytest.mark.parametrize("name", NAMES)
def test_notebook_has_a_heading(name: str) -> None:
    assert notebook_title(NOTEBOOKS_DIR / name) != ""


@pytest.mark.parametrize("chapter", [c for c in load_chapters() if c.exists(NOTEBOOKS_DIR)],
                         ids=lambda chapter: chapter.slug)
def test_chapter_title_matches_notebook_heading(chapter: blocks.Chapter) -> None:
    assert chapter.title == notebook_title(NOTEBOOKS_DIR / f"{chapter.slug}.ipynb")


def test_some_listed_chapter_notebooks_exist() -> None:
    assert [c for c in load_chapters() if c.exists(NOTEBOOKS_DIR)]


@pytest.mark.parametrize("name", WITH_EXERCISES)
def test_notebook_with_exercise_ends_with_chapter_links(name: str) -> None:
    last = load(NOTEBOOKS_DIR / name)["cells"][-1]
    slug = name.removesuffix(".ipynb")
    assert last["cell_type"] == "code"
    assert source(last).strip() == f'chapter_links("{slug}")'


@pytest.mark.parametrize("name", NAMES)
def test_notebook_chapter_links_names_its_own_slug(name: str) -> None:
    slug = name.removesuffix(".ipynb")
    calls = re.findall(r'chapter_links\("([^"]*)"\)', "\n".join(code_cells(NOTEBOOKS_DIR / name)))
    assert set(calls) <= {slug}


@pytest.mark.parametrize("name", NAMES)
def test_notebook_code_cells_are_thin(name: str) -> None:
    long_cells = [code for code in code_cells(NOTEBOOKS_DIR / name)
                  if len(code.splitlines()) > 3]
    assert long_cells == []


@pytest.mark.parametrize("name", NAMES)
def test_notebook_code_cells_are_valid_python(name: str) -> None:
    for code in code_cells(NOTEBOOKS_DIR / name):
        ast.parse(code)


@pytest.mark.parametrize("name", NAMES)
def test_notebook_imports_only_public_names_of_pack_modules(name: str) -> None:
    """Chapters import named pieces from the module that holds them, never ``*`` or privates."""
    for code in code_cells(NOTEBOOKS_DIR / name):
        for node in ast.walk(ast.parse(code)):
            if isinstance(node, ast.Import):
                pytest.fail(f"{name}: use 'from peer_support.<module> import <name>'")
            if isinstance(node, ast.ImportFrom):
                assert (node.module or "").startswith("peer_support."), node.module
                module = importlib.import_module(node.module)
                names = {alias.name for alias in node.names}
                assert names <= set(module.__all__), f"{name}: {names - set(module.__all__)}"


@pytest.mark.parametrize("name", NAMES)
def test_notebook_links_to_existing_notebooks(name: str) -> None:
    text = "\n".join(source(cell) for cell in load(NOTEBOOKS_DIR / name)["cells"]
                     if cell["cell_type"] == "markdown")
    targets = re.findall(r"\]\(([^)#:]+\.ipynb)\)", text)
    missing = [target for target in targets if not (NOTEBOOKS_DIR / target).is_file()]
    assert missing == []
