"""The reviewers' list (tools/welsh_review_list.py) against a small pack built in tmp_path."""

import importlib.util
import json
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SPEC = importlib.util.spec_from_file_location("welsh_review_list",
                                              REPO / "tools" / "welsh_review_list.py")
review = importlib.util.module_from_spec(SPEC)
sys.modules[SPEC.name] = review  # dataclasses look their module up here
SPEC.loader.exec_module(review)

CATALOGUE_CY = """\
chrome.support:
  text: "Cael cymorth"
  status: draft
self_care.need:
  text: "Angen"
  status: draft
  note: "Singular, as a column heading."
safety.title:
  text: "Diogelwch"
  status: reviewed
"""
CATALOGUE_EN = """\
chrome.support: "Get support"
self_care.need: "Need"
safety.title: "Safety"
"""
CHAPTERS = """\
chapters:
  - slug: 02_safety
    title: Safety
  - slug: 09_self_care
    title: Self-care
"""
DRAFT_TWIN = """\
# status: draft
# doubt: the whole title is a guess
title: "Fy anghenion heddiw"
intro: "Dim # doubt: yma, mewn dyfynodau"
needs:
  - id: autonomy
    name: "Annibyniaeth"  # doubt: "ymreolaeth" is more exact
"""
REVIEWED_TWIN = """\
# status: reviewed
title: "Diogelwch"  # doubt: an old doubt, already settled
"""


def cell(text: str, tags: list[str], review_meta: dict | None = None) -> dict:
    metadata: dict = {"tags": tags}
    if review_meta is not None:
        metadata["review"] = review_meta
    return {"cell_type": "markdown", "metadata": metadata, "source": text.splitlines(True)}


def notebook(cells: list[dict]) -> str:
    return json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5})


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    (tmp_path / "peer_support" / "catalogue").mkdir(parents=True)
    (tmp_path / "peer_support" / "catalogue" / "cy.yaml").write_text(CATALOGUE_CY, "utf-8")
    (tmp_path / "peer_support" / "catalogue" / "en.yaml").write_text(CATALOGUE_EN, "utf-8")
    (tmp_path / "assets" / "self_care").mkdir(parents=True)
    (tmp_path / "assets" / "safety").mkdir()
    (tmp_path / "assets" / "chapters.yaml").write_text(CHAPTERS, "utf-8")
    (tmp_path / "assets" / "self_care" / "needs.cy.yaml").write_text(DRAFT_TWIN, "utf-8")
    (tmp_path / "assets" / "safety" / "terms.cy.yaml").write_text(REVIEWED_TWIN, "utf-8")
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "notebooks" / "09_self_care.ipynb").write_text(notebook([
        cell("# Self-care\n\nIntro.", ["lang-en"]),
        cell("# Hunanofal\n\nCyflwyniad.", ["lang-cy"],
             {"status": "draft", "doubts": ["Is 'hunanofal' one word or two?"]}),
        cell("## Key points", ["lang-en"]),
        cell("## Pwyntiau allweddol", ["lang-cy"], {"status": "reviewed"}),
        cell("Testun heb bennawd, ond yn Gymraeg.", ["lang-cy"]),
    ]), "utf-8")
    (tmp_path / "notebooks" / "02_safety.ipynb").write_text(notebook([
        cell("# Diogelwch", ["lang-cy"], {"status": "reviewed"}),
    ]), "utf-8")
    return tmp_path


def section(text: str, heading: str) -> str:
    """The lines under a '## ' heading, up to the next one."""
    start = text.index(f"## {heading}\n")
    end = text.find("\n## ", start + 1)
    return text[start:] if end < 0 else text[start:end]


def test_lists_a_draft_label_with_its_english_and_note(pack: Path) -> None:
    labels = review.draft_labels(pack / "peer_support/catalogue/cy.yaml",
                                 pack / "peer_support/catalogue/en.yaml")
    assert [label.key for label in labels] == ["chrome.support", "self_care.need"]
    assert labels[1].english == "Need" and labels[1].note == "Singular, as a column heading."


def test_skips_a_reviewed_label_file_and_cell(pack: Path) -> None:
    text = review.render(review.collect(pack))
    assert "safety.title" not in text
    assert "terms.cy.yaml" not in text and "an old doubt" not in text
    assert "Pwyntiau allweddol" not in text
    assert "02_safety" not in text  # nothing left in draft on that page, so no section


def test_picks_up_doubt_comments_with_their_lines(pack: Path) -> None:
    doubts = review.doubts_in(DRAFT_TWIN)
    assert [(doubt.line, doubt.doubt) for doubt in doubts] == [
        (2, "the whole title is a guess"), (7, '"ymreolaeth" is more exact')]
    assert doubts[0].context == 'title: "Fy anghenion heddiw"'  # a doubt on its own line
    assert doubts[1].context == 'name: "Annibyniaeth"'


def test_a_doubt_inside_quotes_is_text_not_a_comment() -> None:
    assert review.doubts_in('intro: "Dim # doubt: yma"\n') == []
    assert review.comment_start("text: 'it''s # here'  # doubt: real") == 22


def test_picks_up_a_cell_doubt_and_a_cell_without_heading(pack: Path) -> None:
    cells = review.draft_cells(pack / "notebooks" / "09_self_care.ipynb")
    assert [(c.number, c.first_line, c.doubts) for c in cells] == [
        (2, "# Hunanofal", ["Is 'hunanofal' one word or two?"]),
        (5, "Testun heb bennawd, ond yn Gymraeg.", []),
    ]


def test_groups_by_page_with_counts_at_the_top(pack: Path) -> None:
    text = review.render(review.collect(pack))
    top = text.split("\n## ", 1)[0]
    assert "- Labels still in draft: 2" in top
    assert "- Content files still in draft: 1" in top
    assert "- Notebook cells still in draft: 2" in top
    assert "- Doubts the writers noted: 3" in top
    assert "| 09_self_care: Self-care | 1 | 1 | 2 | 3 |" in top
    page = section(text, "09_self_care: Self-care")
    assert "### Labels: self_care (1)" in page and "`self_care.need`: `Angen`" in page
    assert "Note: Singular, as a column heading." in page
    assert "`assets/self_care/needs.cy.yaml`: 2 doubt(s)" in page
    assert "Line 7: \"ymreolaeth\" is more exact" in page
    assert "Doubt: Is 'hunanofal' one word or two?" in page
    frame = section(text, review.EVERY_PAGE)
    assert "### Labels: chrome (1)" in frame and "Cael cymorth" in frame
    assert "self_care" not in frame


def test_main_writes_the_list_to_a_file(pack: Path, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "welsh-review.md"
    assert review.main(["--root", str(pack), "--output", str(output)]) == 0
    assert output.read_text(encoding="utf-8").startswith("# Welsh still in draft")
    assert "2 labels, 1 content files and 2 notebook cells" in capsys.readouterr().out


def test_the_real_pack_lists_this_branch_s_welsh_twins() -> None:
    text = review.render(review.collect(REPO))
    assert "`assets/self_care/feelings.cy.yaml`" in text
    assert "`assets/troubleshooting/scenarios.cy.yaml`" in text
