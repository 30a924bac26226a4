"""The notebook rules shared by the tests, the author's checks (make check) and JupyterLab's save
hook (make edit): each catches what it is for, and names the file, the cell and what to do."""

from __future__ import annotations

import json
from pathlib import Path

from peer_support import check
from peer_support.notebook_rules import (
    clean_notebook,
    heading_problems,
    stored_clean_problems,
    twin_problems,
)


def markdown(text: str, *tags: str, **metadata) -> dict:
    return {"cell_type": "markdown", "id": f"m{abs(hash(text)) % 10**8}",
            "metadata": {"tags": list(tags), **metadata} if tags else dict(metadata),
            "source": text}


def code(text: str, outputs: list | None = None, count: int | None = None) -> dict:
    return {"cell_type": "code", "id": f"c{abs(hash(text)) % 10**8}", "metadata": {},
            "execution_count": count, "outputs": outputs or [], "source": text}


def notebook(*cells: dict, **metadata) -> dict:
    return {"cells": list(cells), "metadata": {"title": "T", **metadata}, "nbformat": 4,
            "nbformat_minor": 5}


GOOD = notebook(markdown("# Language\n\nIntro.", "lang-en"),
                markdown("# Iaith\n\nCyflwyniad.", "lang-cy", review={"status": "draft"}),
                code("chapter_links('05_language')"),
                markdown("Plain English on both pages."))


def test_a_good_notebook_has_no_problems() -> None:
    assert stored_clean_problems(GOOD, "good") == []
    assert twin_problems(GOOD, "good") == []
    assert heading_problems(GOOD, "good") == []


def test_outputs_counts_and_run_metadata_are_found_and_cleaned() -> None:
    ran = notebook(markdown("# A", "lang-en"), markdown("# B", "lang-cy"),
                   code("print(1)", [{"output_type": "stream", "name": "stdout", "text": "1"}],
                        count=3),
                   language_info={"name": "python"}, widgets={"state": {}})
    ran["cells"][2]["metadata"]["execution"] = {"shell.execute_reply": "2026-12-02"}
    problems = stored_clean_problems(ran, "notebooks/x.ipynb")
    assert any('notebooks/x.ipynb: cell 3 ("print(1)") is stored with its output' in problem
               for problem in problems)
    assert any("execution count" in problem for problem in problems)
    assert any("language_info" in problem and "widgets" in problem for problem in problems)
    assert "Clear Outputs" in problems[-1]
    ids = [cell["id"] for cell in ran["cells"]]
    clean_notebook(ran)
    assert stored_clean_problems(ran, "x") == []
    assert [cell["id"] for cell in ran["cells"]] == ids
    assert ran["cells"][1]["metadata"]["tags"] == ["lang-cy"]
    assert ran["metadata"] == {"title": "T"}
    assert "execution" not in ran["cells"][2]["metadata"]


def test_an_english_cell_without_its_twin_is_named() -> None:
    lonely = notebook(markdown("# A", "lang-en"), markdown("# B", "lang-cy"),
                      markdown("Words matter.", "lang-en"), code("x = 1"))
    problems = twin_problems(lonely, "notebooks/05_language.ipynb")
    assert len(problems) == 1
    assert problems[0].startswith('notebooks/05_language.ipynb: cell 3 ("Words matter.")')
    assert "tagged lang-cy straight after it" in problems[0]


def test_a_heading_with_no_welsh_twin_is_named() -> None:
    untagged = notebook(markdown("# A", "lang-en"), markdown("# B", "lang-cy"),
                        markdown("## Key points\n\n- one"))
    problems = twin_problems(untagged, "n")
    assert problems == [problems[0]] and 'cell 3 ("## Key points")' in problems[0]
    assert "heading" in problems[0]


def test_a_welsh_only_note_is_allowed() -> None:
    note = notebook(markdown("# A", "lang-en"), markdown("# B", "lang-cy"),
                    markdown("Nodyn i ddarllenwyr Cymraeg.", "lang-cy"))
    assert twin_problems(note, "n") == [] and heading_problems(note, "n") == []


def test_headings_must_match_in_number_and_level() -> None:
    uneven = notebook(markdown("# A\n\n## Part", "lang-en"), markdown("# B\n\n### Rhan", "lang-cy"))
    problems = heading_problems(uneven, "n")
    assert len(problems) == 1 and "(#, ###)" in problems[0] and "(#, ##)" in problems[0]
    missing = notebook(markdown("# A\n\n## Part", "lang-en"), markdown("# B", "lang-cy"))
    assert len(heading_problems(missing, "n")) == 2  # the pair, and the count
    assert heading_problems(notebook(markdown("Text only")), "n") != []  # no heading at all


def test_make_check_reports_each_problem_with_its_file(tmp_path: Path, monkeypatch, capsys) -> None:
    folder = tmp_path / "notebooks"
    folder.mkdir()
    (folder / "01_good.ipynb").write_text(json.dumps(GOOD), encoding="utf-8")
    bad = notebook(markdown("# A", "lang-en"), markdown("More words.", "lang-en"),
                   markdown("# B", "lang-cy"))
    (folder / "02_bad.ipynb").write_text(json.dumps(bad), encoding="utf-8")
    monkeypatch.setattr(check, "NOTEBOOKS_DIR", folder)
    monkeypatch.setattr(check, "check_all", lambda: ["assets/language/terms.yaml: oops"])
    monkeypatch.setattr(check, "welsh_file_problems", lambda assets: ["terms.cy.yaml: behind"])
    ran: list[str] = []
    status = check.main([], run=lambda path: ran.append(path.name) or [])
    printed = capsys.readouterr().out
    assert status == 1
    assert ran == ["01_good.ipynb", "02_bad.ipynb"]
    assert "assets/language/terms.yaml: oops" in printed and "terms.cy.yaml: behind" in printed
    assert 'notebooks/02_bad.ipynb: cell 1 ("# A") is tagged lang-en' in printed
    assert "01_good" not in printed.split("2-3.")[1].split("4.")[0]
    assert "Some checks failed" in printed
    monkeypatch.setattr(check, "check_all", lambda: [])
    monkeypatch.setattr(check, "welsh_file_problems", lambda assets: [])
    assert check.main(["01_good", "--no-run"], run=lambda path: ["never"]) == 0
    assert "All checks passed" in capsys.readouterr().out
    assert check.main(["99_missing"]) == 2


def test_a_notebook_that_fails_is_named_with_its_cell(tmp_path: Path) -> None:
    failing = notebook(markdown("# A", "lang-en"), markdown("# B", "lang-cy"),
                       code("language_gme('language/terms.yaml')"))
    path = tmp_path / "03_broken.ipynb"
    path.write_text(json.dumps(failing), encoding="utf-8")
    problems = check.run_problems(path)
    assert len(problems) == 1
    assert problems[0].startswith(f'{tmp_path.name}/03_broken.ipynb: cell 3 ("language_gme(')
    assert "NameError" in problems[0] and "make edit" in problems[0]

