"""The rules a chapter notebook keeps, written once for the tests, the author's checks
(``make check``) and JupyterLab's save hook (``make edit``).

- **Stored clean.** A notebook is kept without outputs or execution counts (Voilà runs it for
  each page), and without what a run leaves in its metadata (widget state, the Python version).
  :func:`clean_notebook` removes exactly those and keeps cell ids, tags and all other metadata.
- **Welsh twins.** A Markdown cell tagged ``lang-en`` is followed by its Welsh twin tagged
  ``lang-cy``; every heading is in a tagged cell, so it has a Welsh twin; and a twin has the
  same headings, at the same levels, as its English cell. A ``lang-cy`` cell with no English
  cell before it is allowed (a note for Welsh readers only).

Each ``*_problems`` function returns one line per problem, naming the file, the cell and what
to do; an empty list means all is well. Only the standard library is used, so the checks run
anywhere the notebooks are.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

__all__ = ["HEADING", "RUN_METADATA", "cell_text", "clean_notebook", "heading_levels",
           "heading_problems", "load_notebook", "stored_clean_problems", "tags",
           "twin_problems"]

#: A Markdown heading line ("# Title", "## Key points" ...).
HEADING = re.compile(r"^(#{1,6}) ", re.MULTILINE)
#: Notebook metadata that only says something about one run, not about the chapter.
RUN_METADATA = ("widgets", "language_info")
#: Cell metadata that only says something about one run (JupyterLab's cell timings).
RUN_CELL_METADATA = ("execution",)


def load_notebook(path: Path) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def cell_text(cell: dict) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else source


def tags(cell: dict) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


def heading_levels(cell: dict) -> list[int]:
    """The levels of the cell's Markdown headings, in order (``## A`` then ``### B``: [2, 3])."""
    if cell.get("cell_type") != "markdown":
        return []
    return [len(hashes) for hashes in HEADING.findall(cell_text(cell))]


def _where(name: str, number: int, cell: dict) -> str:
    first = next((line.strip() for line in cell_text(cell).splitlines() if line.strip()), "")
    first = first if len(first) <= 50 else first[:47] + "..."
    return f'{name}: cell {number + 1} ("{first}")' if first else f"{name}: cell {number + 1}"


# ---- stored clean ----

def clean_notebook(notebook: dict) -> dict:
    """Remove outputs, execution counts and run metadata, in place; keep everything else.

    Returns the notebook, so it can be used as ``json.dump(clean_notebook(nb), ...)``.
    """
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
        for key in RUN_CELL_METADATA:
            cell.get("metadata", {}).pop(key, None)
    for key in RUN_METADATA:
        notebook.get("metadata", {}).pop(key, None)
    return notebook


def stored_clean_problems(notebook: dict, name: str) -> list[str]:
    """Outputs, execution counts or run metadata left in a stored notebook."""
    problems = []
    for number, cell in enumerate(notebook.get("cells", [])):
        if cell.get("cell_type") != "code":
            continue
        if cell.get("outputs"):
            problems.append(f"{_where(name, number, cell)} is stored with its output.")
        if cell.get("execution_count") is not None:
            problems.append(f"{_where(name, number, cell)} is stored with an execution count.")
    left = [key for key in RUN_METADATA if key in notebook.get("metadata", {})]
    if left:
        problems.append(f"{name}: its metadata keeps what a run left ({', '.join(left)}).")
    if problems:
        problems.append(f"{name}: save it from `make edit` (which saves notebooks clean), or in "
                        "JupyterLab choose Edit > Clear Outputs of All Cells, then save.")
    return problems


# ---- Welsh twins ----

def twin_problems(notebook: dict, name: str) -> list[str]:
    """English cells without a Welsh twin after them, and headings with no Welsh twin."""
    cells = notebook.get("cells", [])
    problems = []
    for number, cell in enumerate(cells):
        cell_tags = tags(cell)
        if "lang-en" in cell_tags:
            following = cells[number + 1] if number + 1 < len(cells) else None
            if following is None or "lang-cy" not in tags(following):
                problems.append(
                    f"{_where(name, number, cell)} is tagged lang-en but the next cell is not its "
                    "Welsh twin. Add a Markdown cell tagged lang-cy straight after it, with the "
                    "same text in Welsh (or remove the lang-en tag if the cell is English on "
                    "both pages).")
        elif heading_levels(cell) and "lang-cy" not in cell_tags:
            problems.append(
                f"{_where(name, number, cell)} has a heading but no Welsh twin. Tag it lang-en "
                "and add a Markdown cell tagged lang-cy straight after it, with the heading "
                "in Welsh.")
    return problems


def heading_problems(notebook: dict, name: str) -> list[str]:
    """Welsh twins whose headings differ in number or level from their English cell's."""
    cells = notebook.get("cells", [])
    problems = []
    for number, cell in enumerate(cells[:-1]):
        twin = cells[number + 1]
        if "lang-en" not in tags(cell) or "lang-cy" not in tags(twin):
            continue
        english, welsh = heading_levels(cell), heading_levels(twin)
        if english != welsh:
            show = lambda levels: ", ".join("#" * level for level in levels) or "none"  # noqa: E731
            problems.append(
                f"{_where(name, number + 1, twin)}: the Welsh twin's headings ({show(welsh)}) "
                f"do not match the English cell's ({show(english)}). Give both the same "
                "headings at the same levels.")
    count = {language: sum(len(heading_levels(cell)) for cell in cells
                           if f"lang-{language}" in tags(cell)) for language in ("en", "cy")}
    if count["en"] == 0:
        problems.append(f"{name}: no heading is tagged lang-en. Start the page with a heading "
                        "(# Title) in a cell tagged lang-en, followed by its Welsh twin.")
    elif count["cy"] != count["en"]:
        problems.append(f"{name}: {count['en']} English headings but {count['cy']} Welsh ones. "
                        "Every heading needs its Welsh twin.")
    return problems
