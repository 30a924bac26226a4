"""Every content file is read by a notebook, follows its declared rules (English and Welsh),
and has its rules documented beside it; and a new exercise of an existing kind needs only a
YAML file and one notebook line."""

import json
from pathlib import Path

import pytest
from conftest import REPO, write_yaml

from peer_support import content_files
from peer_support.content_files import check_all, readme, write_readmes
from peer_support.kit.card_sort import CARD_SORT, CardSort

ASSETS = REPO / "assets"
ENGLISH_FILES = sorted(str(path.relative_to(ASSETS)) for path in ASSETS.rglob("*.yaml")
                       if not path.name.endswith(".cy.yaml") and "jupyter" not in path.parts)


def test_every_content_file_is_read_by_a_notebook() -> None:
    assert sorted(content_files.content_files()) == ENGLISH_FILES


def test_every_content_file_and_welsh_twin_follows_its_rules() -> None:
    assert check_all() == []


def test_the_checker_names_a_broken_file(assets: Path) -> None:
    for path in content_files.content_files():
        write_yaml(assets, path, {"nothing": "useful"})
    problems = check_all(assets)
    assert any("language/terms.yaml" in problem and "unknown fields: nothing" in problem
               for problem in problems)


@pytest.mark.parametrize("folder", sorted({path.rpartition("/")[0] for path in ENGLISH_FILES}))
def test_each_folder_has_its_rules_written_beside_it(folder: str) -> None:
    """If this fails, run: .venv/bin/python -m peer_support.content_files"""
    written = (ASSETS / folder / "README.md").read_text(encoding="utf-8")
    assert written == readme(folder)


def test_the_rules_readme_describes_each_field() -> None:
    text = readme("language")
    assert "## terms.yaml: The language game's words" in text
    assert "| `terms[].alternatives` | Words some people prefer instead. |" in text
    assert "list of at least 20 item(s)" in text


def test_readmes_are_rewritten_only_when_stale(tmp_path: Path) -> None:
    for folder in {path.rpartition("/")[0] for path in ENGLISH_FILES if "/" in path}:
        (tmp_path / folder).mkdir()
    assert len(write_readmes(tmp_path)) > 10
    assert write_readmes(tmp_path) == []


# ---- a new card sort in the Trust chapter: a YAML file and one notebook line ----

NEW_SORT = {
    "label": "Which of these help you feel welcome?",
    "columns": [{"id": "helps", "heading": "Helps me", "on_handout": True},
                {"id": "not-for-me", "heading": "Not for me", "on_handout": True}],
    "cards": [{"id": "tea", "text": "A cup of tea when I arrive"},
              {"id": "name", "text": "Someone remembers my name"},
              {"id": "quiet", "text": "A quiet corner I can go to"}],
    "handout_title": "What helps us feel welcome",
}
NOTEBOOK_LINE = 'card_sort("trust/welcome-sort.yaml", "welcome-sort")'


def test_a_new_card_sort_needs_only_a_yaml_file_and_one_notebook_line(
        assets: Path, tmp_path: Path) -> None:
    write_yaml(assets, "trust/welcome-sort.yaml", NEW_SORT)
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    cells = [{"cell_type": "code", "source": ["from peer_support.kit.card_sort import card_sort"]},
             {"cell_type": "code", "source": [NOTEBOOK_LINE]}]
    (notebooks / "03_trust.ipynb").write_text(json.dumps({"cells": cells}), encoding="utf-8")

    # The notebook's own two cells make the exercise...
    scope: dict = {}
    for cell in cells:
        exec("".join(cell["source"]), scope)  # noqa: S102 - the test's own fixed source
    sort = eval(NOTEBOOK_LINE, scope)  # noqa: S307 - the test's own fixed source
    assert isinstance(sort, CardSort)
    assert "qa-trust-welcome-sort" in sort._dom_classes
    sort.sort.move("Someone remembers my name", "helps")
    markdown = sort.handout().to_markdown()
    assert "## Helps me" in markdown and "Someone remembers my name" in markdown
    assert "A cup of tea" not in markdown  # still in the pile

    # ...and the pack finds, checks and documents the new file with nothing else to do.
    assert content_files.content_files(notebooks)["trust/welcome-sort.yaml"] is CARD_SORT
    documented = readme("trust", content_files.content_files(notebooks))
    assert "## welcome-sort.yaml: Card sort" in documented
    assert "| `cards[].text` |" in documented
