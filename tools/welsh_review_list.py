"""List every piece of the pack's Welsh that is still a draft, for a Welsh speaker to review.

One Markdown list, grouped by page (chapter), with counts at the top:

- labels in ``peer_support/catalogue/cy.yaml`` whose ``status`` is not ``reviewed``, with the
  English beside them and the writer's ``note``, grouped by key prefix (chrome, game, safety, ...);
- Welsh content files (``assets/**/*.cy.yaml``) whose first line is ``# status: draft``, with
  every ``# doubt:`` comment and the line it sits on;
- Welsh notebook cells (tagged ``lang-cy``) that are drafts: a cell is a draft unless its
  metadata says ``"review": {"status": "reviewed"}``. Each shows its first heading or first line,
  and any ``metadata.review.doubts``.

Run ``make welsh-review`` (writes ``welsh-review.md``), or
``.venv/bin/python tools/welsh_review_list.py`` to print the list. Standard library and PyYAML only.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
DOUBT = "# doubt:"
DRAFT_LINE = "# status: draft"
#: Catalogue prefixes whose page is not found from the chapter's name.
PREFIX_PAGES = {"game": "05_language", "scenarios": "11_troubleshooting"}
#: Where labels used on every page go: the page frame and the shared controls.
EVERY_PAGE = "Every page: the frame and shared controls"
START = "00_start"
SHORTEST_LINE = 100


@dataclass
class Label:
    key: str
    welsh: str
    english: str
    note: str = ""


@dataclass
class Doubt:
    line: int
    doubt: str
    context: str


@dataclass
class ContentFile:
    path: str
    doubts: list[Doubt] = field(default_factory=list)


@dataclass
class Cell:
    notebook: str
    number: int
    first_line: str
    doubts: list[str] = field(default_factory=list)


@dataclass
class Page:
    title: str
    labels: dict[str, list[Label]] = field(default_factory=dict)
    files: list[ContentFile] = field(default_factory=list)
    cells: list[Cell] = field(default_factory=list)

    def doubt_count(self) -> int:
        return (sum(len(item.doubts) for item in self.files)
                + sum(len(cell.doubts) for cell in self.cells))


# ---- reading the three sources ----


def draft_labels(catalogue: Path, english: Path | None = None) -> list[Label]:
    """Catalogue entries not yet reviewed, in file order. A plain string counts as reviewed."""
    welsh = yaml.safe_load(catalogue.read_text(encoding="utf-8")) or {}
    source = {}
    if english is not None and english.is_file():
        source = yaml.safe_load(english.read_text(encoding="utf-8")) or {}
    labels = []
    for key, entry in welsh.items():
        if not isinstance(entry, dict) or entry.get("status") == "reviewed":
            continue
        original = source.get(key, "")
        if isinstance(original, dict):
            original = original.get("text", "")
        labels.append(Label(key=str(key), welsh=str(entry.get("text", "")), english=str(original),
                            note=str(entry.get("note", "") or "")))
    return labels


def comment_start(line: str) -> int:
    """Where a YAML comment starts on ``line`` (outside quotes), or -1 if there is none."""
    quote = ""
    index = 0
    while index < len(line):
        char = line[index]
        if quote == '"' and char == "\\":
            index += 2
            continue
        if quote:
            if char == quote:
                if quote == "'" and line[index + 1:index + 2] == "'":
                    index += 2
                    continue
                quote = ""
        elif char in "\"'" and (index == 0 or line[index - 1] in " \t:[{,-"):
            quote = char
        elif char == "#" and (index == 0 or line[index - 1] in " \t"):
            return index
        index += 1
    return -1


def doubts_in(text: str) -> list[Doubt]:
    """Every ``# doubt:`` comment with the line it sits on. A doubt on a line of its own is
    shown with the next line of content, which is the one it is about."""
    lines = text.splitlines()
    found = []
    for number, line in enumerate(lines, start=1):
        start = comment_start(line)
        if start < 0 or not line[start:].startswith(DOUBT):
            continue
        doubt = line[start + len(DOUBT):].strip()
        context = line[:start].strip()
        if not context:
            following = (later.strip() for later in lines[number:])
            context = next((later for later in following if later and not later.startswith("#")),
                           "")
        found.append(Doubt(line=number, doubt=doubt, context=context))
    return found


def draft_files(assets: Path) -> list[ContentFile]:
    """Welsh content files whose first line says they are drafts, with their doubts."""
    files = []
    for path in sorted(assets.rglob("*.cy.yaml")):
        text = path.read_text(encoding="utf-8")
        first = text.splitlines()[0].strip() if text.strip() else ""
        if first == DRAFT_LINE:
            files.append(ContentFile(path.relative_to(assets.parent).as_posix(), doubts_in(text)))
    return files


def source_text(cell: dict) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def first_line(text: str) -> str:
    """The cell's first heading, or its first line with words in it, shortened for the list."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    heading = next((line for line in lines if line.startswith("#")), "")
    chosen = heading or (lines[0] if lines else "(empty cell)")
    return chosen if len(chosen) <= SHORTEST_LINE else chosen[:SHORTEST_LINE - 1].rstrip() + "…"


def draft_cells(notebook: Path) -> list[Cell]:
    """The notebook's Welsh cells that no reviewer has marked ``reviewed``."""
    cells = json.loads(notebook.read_text(encoding="utf-8")).get("cells", [])
    drafts = []
    for number, cell in enumerate(cells, start=1):
        metadata = cell.get("metadata", {})
        if "lang-cy" not in metadata.get("tags", []):
            continue
        review = metadata.get("review") or {}
        if review.get("status") == "reviewed":
            continue
        doubts = [str(doubt) for doubt in review.get("doubts", []) if str(doubt).strip()]
        drafts.append(Cell(notebook.name, number, first_line(source_text(cell)), doubts))
    return drafts


# ---- grouping by page ----


def chapter_titles(assets: Path) -> dict[str, str]:
    path = assets / "chapters.yaml"
    if not path.is_file():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {entry["slug"]: str(entry.get("title", entry["slug"]))
            for entry in data.get("chapters", []) if isinstance(entry, dict) and "slug" in entry}


def page_for_name(name: str, slugs: list[str]) -> str | None:
    """The page whose slug carries ``name`` after its number: "online" is 08_online_peer_support."""
    if name in PREFIX_PAGES:
        return PREFIX_PAGES[name]
    return next((slug for slug in slugs if slug.split("_", 1)[-1].startswith(name)), None)


def notebook_title(notebook: Path) -> str:
    """A page's English title from its notebook's first top-level heading."""
    cells = json.loads(notebook.read_text(encoding="utf-8")).get("cells", [])
    for cell in cells:
        tags = cell.get("metadata", {}).get("tags", [])
        if cell.get("cell_type") == "markdown" and "lang-cy" not in tags:
            for line in source_text(cell).splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return notebook.stem


def collect(root: Path) -> dict[str, Page]:
    """Every draft, grouped by page, in page order (start page, chapters, other pages, frame)."""
    assets, notebooks = root / "assets", root / "notebooks"
    titles = chapter_titles(assets)
    slugs = sorted({*titles, *(path.stem for path in notebooks.glob("*.ipynb"))})
    pages: dict[str, Page] = {}

    def page(slug: str) -> Page:
        if slug not in pages:
            title = titles.get(slug)
            if title is None and slug == START:
                title = "Start page"
            if title is None and (notebooks / f"{slug}.ipynb").is_file():
                title = notebook_title(notebooks / f"{slug}.ipynb")
            pages[slug] = Page(title=f"{slug}: {title}" if title else slug)
        return pages[slug]

    for slug in slugs:
        page(slug)
    pages[EVERY_PAGE] = Page(title=EVERY_PAGE)
    catalogue = root / "peer_support" / "catalogue"
    if (catalogue / "cy.yaml").is_file():
        for label in draft_labels(catalogue / "cy.yaml", catalogue / "en.yaml"):
            prefix = label.key.split(".", 1)[0]
            slug = page_for_name(prefix, slugs)
            target = page(slug) if slug else pages[EVERY_PAGE]
            target.labels.setdefault(prefix, []).append(label)
    if assets.is_dir():
        for item in draft_files(assets):
            parts = Path(item.path).parts
            slug = page_for_name(parts[1], slugs) if len(parts) > 2 else START
            (page(slug) if slug else pages[EVERY_PAGE]).files.append(item)
    for notebook in sorted(notebooks.glob("*.ipynb")):
        page(notebook.stem).cells.extend(draft_cells(notebook))
    frame = pages.pop(EVERY_PAGE)
    ordered = {slug: pages[slug] for slug in sorted(pages)}
    ordered[EVERY_PAGE] = frame
    return {slug: item for slug, item in ordered.items()
            if item.labels or item.files or item.cells}


# ---- writing the list ----


def quoted(text: str) -> str:
    """Text shown as inline code, safe from Markdown (backticks doubled around backticks)."""
    text = " ".join(text.split())
    fence = "``" if "`" in text else "`"
    return f"{fence} {text} {fence}" if fence == "``" else f"`{text}`"


def totals(pages: dict[str, Page]) -> dict[str, int]:
    """How many labels, content files, notebook cells and doubts the list holds."""
    return {
        "labels": sum(len(items) for page in pages.values() for items in page.labels.values()),
        "files": sum(len(page.files) for page in pages.values()),
        "cells": sum(len(page.cells) for page in pages.values()),
        "doubts": sum(page.doubt_count() for page in pages.values()),
    }


def render(pages: dict[str, Page]) -> str:
    count = totals(pages)
    out = [
        "# Welsh still in draft",
        "",
        "Everything below was written without a Welsh speaker. When you have checked an item,",
        "mark it reviewed: a label's `status: reviewed` in `peer_support/catalogue/cy.yaml`; a",
        "content file's first line `# status: reviewed`; a notebook cell's metadata",
        '`"review": {"status": "reviewed"}`. Then run `make welsh-review` again.',
        "",
        f"- Labels still in draft: {count['labels']}",
        f"- Content files still in draft: {count['files']}",
        f"- Notebook cells still in draft: {count['cells']}",
        f"- Doubts the writers noted: {count['doubts']}",
        "",
        "| Page | Labels | Content files | Notebook cells | Doubts |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for page in pages.values():
        labels = sum(len(items) for items in page.labels.values())
        out.append(f"| {page.title} | {labels} | {len(page.files)} | {len(page.cells)} "
                   f"| {page.doubt_count()} |")
    for page in pages.values():
        out += ["", f"## {page.title}"]
        for prefix, items in page.labels.items():
            out += ["", f"### Labels: {prefix} ({len(items)})", ""]
            for label in items:
                line = f"- {quoted(label.key)}: {quoted(label.welsh)}"
                if label.english:
                    line += f" (English: {quoted(label.english)})"
                out.append(line)
                if label.note:
                    out.append(f"  - Note: {' '.join(label.note.split())}")
        if page.files:
            out += ["", f"### Content files ({len(page.files)})", ""]
            for item in page.files:
                out.append(f"- {quoted(item.path)}: {len(item.doubts)} doubt(s)")
                for doubt in item.doubts:
                    out.append(f"  - Line {doubt.line}: {' '.join(doubt.doubt.split())}")
                    if doubt.context:
                        out.append(f"    - On: {quoted(doubt.context)}")
        if page.cells:
            out += ["", f"### Notebook cells ({len(page.cells)})", ""]
            for cell in page.cells:
                out.append(f"- {cell.notebook}, cell {cell.number}: {quoted(cell.first_line)}")
                for doubt in cell.doubts:
                    out.append(f"  - Doubt: {' '.join(doubt.split())}")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=REPO,
                        help="the pack's folder (default: this repository)")
    parser.add_argument("--output", type=Path,
                        help="write the list to this file instead of printing it")
    args = parser.parse_args(argv)
    pages = collect(args.root)
    text = render(pages)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
        count = totals(pages)
        print(f"Wrote {args.output}: {count['labels']} labels, {count['files']} content files "
              f"and {count['cells']} notebook cells in draft, with {count['doubts']} doubts.")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
