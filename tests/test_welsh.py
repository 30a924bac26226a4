"""Welsh across the pack: twin cells in the notebooks, twin content files, Welsh content notes,
the chapter list in Welsh, and links that keep the language."""

import ast
import json
from pathlib import Path

import pytest
import yaml

from peer_support import content, i18n
from peer_support.content.twins import same_shape, welsh_file_problems, welsh_twins
from peer_support.kit import blocks
from peer_support.kit.blocks import chapter_links, content_note, load_chapters
from peer_support.notebook_rules import cell_text as text
from peer_support.notebook_rules import heading_problems, load_notebook, tags, twin_problems

REPO = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))
NAMES = [path.name for path in NOTEBOOKS]
ASSETS = REPO / "assets"
# The Welsh glossary is Welsh-only data (tests/test_glossary.py), not the twin of an English file.
TWINS = welsh_twins(ASSETS)
FULLY_WELSH = ["00_start.ipynb", "04_welsh_context.ipynb", "90_staying_safe_online.ipynb"]


def markdown_cells(path: Path) -> list[dict]:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return [cell for cell in cells if cell["cell_type"] == "markdown"]


@pytest.fixture
def welsh_page(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUERY_STRING", "lang=cy")


# ---- notebooks ----

@pytest.mark.parametrize("name", NAMES)
def test_every_english_cell_is_followed_by_its_welsh_twin_and_every_heading_has_one(
        name: str) -> None:
    """The rules make check runs too (peer_support.notebook_rules)."""
    assert twin_problems(load_notebook(REPO / "notebooks" / name), name) == []


@pytest.mark.parametrize("name", NAMES)
def test_welsh_headings_match_english_ones_in_number_and_level(name: str) -> None:
    assert heading_problems(load_notebook(REPO / "notebooks" / name), name) == []


@pytest.mark.parametrize("name", NAMES)
def test_key_points_are_in_welsh(name: str) -> None:
    cells = markdown_cells(REPO / "notebooks" / name)
    key_points = [cell for cell in cells if text(cell).startswith("## Key points")]
    assert all("lang-en" in tags(cell) for cell in key_points)
    if key_points:
        assert any(text(cell).startswith("## Pwyntiau allweddol") for cell in cells)


@pytest.mark.parametrize("name", FULLY_WELSH)
def test_fully_welsh_pages_have_every_cell_in_welsh(name: str) -> None:
    english_only = [text(cell)[:60] for cell in markdown_cells(REPO / "notebooks" / name)
                    if not set(tags(cell)) & {"lang-en", "lang-cy"}]
    assert english_only == []


@pytest.mark.parametrize("name", NAMES)
def test_content_notes_have_welsh_topics(name: str) -> None:
    cells = json.loads((REPO / "notebooks" / name).read_text(encoding="utf-8"))["cells"]
    for cell in cells:
        if cell["cell_type"] != "code":
            continue
        for node in ast.walk(ast.parse(text(cell))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "content_note":
                welsh = {keyword.arg: keyword.value for keyword in node.keywords}.get("cy")
                assert isinstance(welsh, ast.List), f"{name}: content_note without cy="
                assert len(welsh.elts) == len(node.args[0].elts)


# ---- content files ----

def test_welsh_content_files_exist() -> None:
    names = {path.relative_to(ASSETS).as_posix() for path in TWINS}
    assert {"chapters.cy.yaml", "welsh_context/getting-there.cy.yaml",
            "welsh_context/barriers.cy.yaml", "welsh_context/active-offer.cy.yaml",
            "welsh_context/facilitator-notes.cy.yaml"} <= names


@pytest.mark.parametrize("twin", TWINS, ids=lambda path: path.name)
def test_welsh_content_file_has_the_english_shape(twin: Path) -> None:
    english = twin.with_name(twin.name.replace(".cy.yaml", ".yaml"))
    assert english.is_file()
    load = lambda path: yaml.safe_load(path.read_text(encoding="utf-8"))  # noqa: E731
    assert same_shape(load(english), load(twin)) == []


@pytest.mark.parametrize("twin", TWINS, ids=lambda path: path.name)
def test_welsh_content_file_records_its_review_status(twin: Path) -> None:
    first = twin.read_text(encoding="utf-8").splitlines()[0]
    assert first in ("# status: draft", "# status: reviewed")


def test_every_welsh_content_file_passes_the_authors_check() -> None:
    assert welsh_file_problems(ASSETS) == []


def test_the_authors_check_names_a_welsh_file_left_behind(tmp_path: Path) -> None:
    (tmp_path / "language").mkdir()
    (tmp_path / "language" / "terms.yaml").write_text(
        "terms:\n  - id: a\n    term: x\n  - id: b\n    term: y\n", encoding="utf-8")
    (tmp_path / "language" / "terms.cy.yaml").write_text(
        "# status: draft\nterms:\n  - id: a\n    term: x\n", encoding="utf-8")
    (tmp_path / "language" / "lonely.cy.yaml").write_text("items: []\n", encoding="utf-8")
    problems = welsh_file_problems(tmp_path)
    behind = f"{tmp_path.name}/language/terms.cy.yaml no longer matches terms.yaml: .terms: list"
    assert any(problem.startswith(behind + " lengths differ") for problem in problems)
    assert any("lonely.cy.yaml: there is no English lonely.yaml" in p for p in problems)


def test_shape_check_finds_a_changed_id() -> None:
    assert same_shape({"items": [{"id": "a", "label": "x"}]},
                      {"items": [{"id": "b", "label": "y"}]}) != []
    assert same_shape({"minutes": 10}, {"minutes": 12}) != []
    assert same_shape({"items": [1, 2]}, {"items": [1]}) != []


def test_loader_reads_the_welsh_twin_on_a_welsh_page(welsh_page: None) -> None:
    assert content.localised_path("chapters.yaml") == "chapters.cy.yaml"
    assert content.localised_path("no_twin/here.yaml") == "no_twin/here.yaml"  # no twin
    titles = {chapter.slug: chapter.title for chapter in load_chapters()}
    assert titles["04_welsh_context"] == "Cyd-destun Cymru"


def test_loader_reads_english_on_an_english_page() -> None:
    assert content.localised_path("chapters.yaml") == "chapters.yaml"
    assert {c.slug: c.title for c in load_chapters()}["04_welsh_context"] == "Welsh context"


def test_a_broken_welsh_file_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                      welsh_page: None) -> None:
    (tmp_path / "chapters.yaml").write_text("chapters: []\n", encoding="utf-8")
    (tmp_path / "chapters.cy.yaml").write_text("chapters: [\n", encoding="utf-8")
    monkeypatch.setattr(content, "ASSETS_DIR", tmp_path)
    with pytest.raises(content.ContentError) as caught:
        content.load_yaml("chapters.yaml")
    assert "chapters.cy.yaml" in str(caught.value)


# ---- blocks in Welsh ----

def test_content_note_in_welsh(welsh_page: None) -> None:
    html = content_note(["suicide"], cy=["hunanladdiad"]).data
    assert "hunanladdiad" in html and "suicide" not in html
    assert i18n.t("content_note.heading", "cy") in html


def test_content_note_without_welsh_marks_english_topics(welsh_page: None) -> None:
    html = content_note(["suicide"]).data
    assert '<ul lang="en-GB"><li>suicide</li>' in html


def test_content_note_in_english_ignores_welsh() -> None:
    html = content_note(["suicide"], cy=["hunanladdiad"]).data
    assert "suicide" in html and "hunanladdiad" not in html and "lang=" not in html


def test_chapter_links_keep_welsh(welsh_page: None) -> None:
    html = chapter_links("02_safety").data
    assert 'href="03_trust.ipynb?lang=cy"' in html
    assert 'href="00_start.ipynb?lang=cy"' in html
    assert "Nesaf" in html or "nesaf" in html


def test_chapter_links_in_english_have_no_language() -> None:
    assert "lang=" not in chapter_links("02_safety").data


def test_chapter_list_in_welsh(welsh_page: None) -> None:
    html = blocks.chapter_list().data
    assert "Cyd-destun Cymru" in html and "?lang=cy" in html


def test_page_frame_words_come_from_both_catalogues() -> None:
    from peer_support.server.frame_text import chrome_text

    words = chrome_text()
    assert set(words["strings"]["cy"]) == set(words["strings"]["en"])
    assert words["strings"]["cy"]["chrome.exit"] == "Gadael y dudalen hon"
    assert words["parts"]["chrome.samaritans_how"] == ["call ", "{number}",
                                                       ", free, any time, day or night."]
    assert words["draft"] == {"en": False, "cy": i18n.is_draft("cy")}
