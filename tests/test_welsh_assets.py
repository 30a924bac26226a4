"""Welsh content files as a whole: every English content file has its Welsh twin, a twin holds
no English left over beyond names and titles, and every exercise still loads on a Welsh page."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from IPython.display import HTML

REPO = Path(__file__).resolve().parent.parent
ASSETS = REPO / "assets"
NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))
TEMPLATE = ASSETS / "jupyter"  # the Voilà template's own files are not content
GLOSSARY = ASSETS / "glossary.cy.yaml"  # Welsh-only data, not a twin of an English file

# Keys whose values may stay the same in both languages: publication sources, chapter slugs,
# fixed choices read by the code (quality kinds, content tags), and URLs.
SAME_IN_BOTH_KEYS = {"source", "chapter", "kind", "route_order", "content", "url", "href",
                     "options", "show", "format", "access"}  # ids the code reads, not words
# Per file, keys that stay English on purpose (see the comment at the top of each twin).
SAME_IN_BOTH_BY_FILE = {
    "language/terms.cy.yaml": {"term", "alternatives"},  # the game is about English words
    "safety/knot-puzzle.cy.yaml": {"people", "links"},  # first names
    "evaluation/planner.cy.yaml": {"name"},  # standard tools keep their published names
}
# Single values that are the same in both languages: names, titles, and words Welsh shares.
SAME_IN_BOTH_VALUES = {"Rota", "Agenda", "Poster"}
# Names and titles that may stand inside Welsh text with English words in them.
ALLOWED_PHRASES = ["Women's peer support toolkit", "Women Side by Side",
                   "Against Violence and Abuse", "Live Fear Free",
                   "National Domestic Abuse Helpline", "Working definition of trauma-informed "
                   "practice", "Trauma-Informed Wales", "Get support", "Exit this page",
                   "Office for National Statistics",
                   "harmonised standard for personal well-being"]
ENGLISH_WORDS = re.compile(r"\b(the|and|you|your|with|this|that|what|when|for|are)\b",
                           re.IGNORECASE)


def english_files(root: Path = ASSETS) -> list[Path]:
    """Every English content file under ``root``: YAML that is not a twin or template file."""
    return sorted(path for path in root.rglob("*.yaml")
                  if not path.name.endswith(".cy.yaml")
                  and TEMPLATE not in path.parents)


def missing_twins(root: Path = ASSETS, expected: set[str] = frozenset()) -> list[str]:
    """English content files with no ``.cy.yaml`` beside them, outside the expected folders."""
    return [path.relative_to(root).as_posix() for path in english_files(root)
            if not path.with_name(path.name.replace(".yaml", ".cy.yaml")).is_file()
            and path.relative_to(root).parts[0] not in expected]


def pairs(english, welsh, key: str = ""):
    """Every (key, English string, Welsh string) at the same place in two files of one shape."""
    if isinstance(english, dict) and isinstance(welsh, dict):
        for name, value in english.items():
            if name in welsh:
                yield from pairs(value, welsh[name], name)
    elif isinstance(english, list) and isinstance(welsh, list):
        for left, right in zip(english, welsh, strict=False):  # shape is test_welsh's job
            yield from pairs(left, right, key)
    elif isinstance(english, str) and isinstance(welsh, str):
        yield key, english, welsh


def english_left(english, welsh, same_keys: set[str] = frozenset()) -> list[str]:
    """Welsh text values that are still English: the same as the English value, or with common
    English words in them once names and titles are taken out."""
    problems = []
    for key, left, right in pairs(english, welsh):
        if key in {"id", "key", "slug"} | SAME_IN_BOTH_KEYS | same_keys:
            continue
        if right.strip() == left.strip() and right.strip() not in SAME_IN_BOTH_VALUES:
            problems.append(f"{key}: {right[:60]!r} is the English text")
            continue
        stripped = right
        for phrase in ALLOWED_PHRASES:
            stripped = stripped.replace(phrase, "")
        found = sorted({word.lower() for word in ENGLISH_WORDS.findall(stripped)})
        if found:
            problems.append(f"{key}: {right[:60]!r} has English words {found}")
    return problems


def load(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


TWINS = sorted(path for path in ASSETS.rglob("*.cy.yaml") if path != GLOSSARY)


# ---- every English file has a twin ----

def test_every_english_content_file_has_a_welsh_twin() -> None:
    assert missing_twins() == []


def test_missing_twin_check_lists_a_missing_twin(tmp_path: Path) -> None:
    (tmp_path / "safety").mkdir()
    (tmp_path / "other").mkdir()
    for name in ("safety/a.yaml", "safety/a.cy.yaml", "safety/b.yaml", "other/c.yaml"):
        (tmp_path / name).write_text("x: 1\n", encoding="utf-8")
    assert missing_twins(tmp_path) == ["other/c.yaml", "safety/b.yaml"]
    assert missing_twins(tmp_path, {"other"}) == ["safety/b.yaml"]


def test_template_folder_is_not_content() -> None:
    assert all(TEMPLATE not in path.parents for path in english_files())


# ---- no English left in a twin ----

@pytest.mark.parametrize("twin", TWINS, ids=lambda path: path.relative_to(ASSETS).as_posix())
def test_welsh_twin_has_no_english_left(twin: Path) -> None:
    english = twin.with_name(twin.name.replace(".cy.yaml", ".yaml"))
    same_keys = SAME_IN_BOTH_BY_FILE.get(twin.relative_to(ASSETS).as_posix(), set())
    assert english_left(load(english), load(twin), same_keys) == []


def test_english_check_finds_a_copied_value_and_english_words() -> None:
    english = {"title": "Our group", "steps": ["Say hello.", "Read the card and pass it on."],
               "source": "Mind toolkit", "id": "a"}
    welsh = {"title": "Our group", "steps": ["Dywedwch helo.", "Read the card yn uchel."],
             "source": "Mind toolkit", "id": "a"}
    problems = english_left(english, welsh)
    assert len(problems) == 2
    assert "title" in problems[0] and "'the'" in problems[1]
    good = {"title": "Ein grŵp", "steps": ["Dywedwch helo.", "Darllenwch y cerdyn yn uchel."],
            "source": "Mind toolkit", "id": "a"}
    assert english_left(english, good) == []


def test_english_check_allows_names_and_titles_only() -> None:
    english = {"note": "The toolkit is called Women's peer support toolkit."}
    assert english_left(english, {"note": "Enw'r pecyn yw Women's peer support toolkit."}) == []
    assert english_left(english, {"note": "Enw'r pecyn yw the Mind toolkit."}) != []


def test_twins_on_disk_are_checked() -> None:
    names = {path.relative_to(ASSETS).as_posix() for path in TWINS}
    assert {"safety/agreements.cy.yaml", "trust/scenarios.cy.yaml",
            "language/terms.cy.yaml", "leadership/qualities.cy.yaml",
            "introduction/route.cy.yaml", "acknowledgements/reflection.cy.yaml"} <= names


# ---- every exercise loads on a Welsh page ----

def notebook_calls(path: Path) -> tuple[list[str], list[str]]:
    """A notebook's import cells, and its code cells that read a content file."""
    cells = ["".join(cell["source"]) for cell in json.loads(path.read_text(encoding="utf-8"))[
        "cells"] if cell["cell_type"] == "code"]
    imports = [cell for cell in cells if cell.lstrip().startswith(("from ", "import "))]
    calls = [cell.strip() for cell in cells if ".yaml\"" in cell and cell not in imports]
    return imports, calls


def is_error(shown) -> bool:
    return isinstance(shown, HTML) and "pack-error" in str(shown.data)


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda path: path.stem)
def test_every_exercise_loads_on_a_welsh_page(notebook: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUERY_STRING", "lang=cy")
    imports, calls = notebook_calls(notebook)
    namespace: dict = {}
    for cell in imports:
        exec(cell, namespace)  # noqa: S102 - the pack's own notebook cells
    broken = [call[:80] for call in calls if is_error(eval(call, namespace))]  # noqa: S307
    assert broken == []


def test_welsh_load_check_sees_a_broken_twin(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from peer_support import content
    from peer_support.kit.blocks import facilitator_notes

    (tmp_path / "x").mkdir()
    notes = load(ASSETS / "introduction/facilitator-notes.yaml")
    (tmp_path / "x/notes.yaml").write_text(yaml.safe_dump(notes), encoding="utf-8")
    notes["activities"]["opening-round"]["title"] = "T" * 500  # too long for the loader
    (tmp_path / "x/notes.cy.yaml").write_text(yaml.safe_dump(notes), encoding="utf-8")
    monkeypatch.setattr(content, "ASSETS_DIR", tmp_path)
    assert not is_error(facilitator_notes("x/notes.yaml", "opening-round"))
    monkeypatch.setenv("QUERY_STRING", "lang=cy")
    assert is_error(facilitator_notes("x/notes.yaml", "opening-round"))
