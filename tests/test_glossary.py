"""The Welsh glossary (assets/glossary.cy.yaml): its agreed choices, and no Welsh text in the pack
(notebook cells tagged lang-cy, Welsh content files, the Welsh catalogue) uses a form it avoids."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
ASSETS = REPO / "assets"
GLOSSARY_FILE = ASSETS / "glossary.cy.yaml"
CATALOGUE = REPO / "peer_support" / "catalogue" / "cy.yaml"
NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))
GLOSSARY = yaml.safe_load(GLOSSARY_FILE.read_text(encoding="utf-8"))
TERMS = GLOSSARY["terms"]

# The choices the notebook, content and catalogue helpers all use (issue 17).
AGREED = {
    "peer support": "cymorth cymheiriaid",
    "facilitator": "hwylusydd",
    "hub (the programme's learning hubs)": "hyb",
    "trauma-informed": "ystyriol o drawma",
    "content note": "nodyn cynnwys",
    "pass (a choice in every activity)": "pasio",
    "group agreement": "cytundeb grŵp",
    "women": "menywod",
}


def plain(text: str) -> str:
    """Curly apostrophes as straight ones, so "wedi’i" and "wedi'i" match alike."""
    return text.replace("\u2019", "'").replace("\u2018", "'")


def avoided_pattern(form: str) -> re.Pattern:
    """A whole-word, any-case match for ``form`` (Welsh letters such as ŵ count as letters)."""
    return re.compile(rf"(?<![\w'-]){re.escape(plain(form))}(?![\w'-])", re.IGNORECASE)


AVOIDED = [(term["cy"], form, avoided_pattern(form)) for term in TERMS for form in term["avoid"]]


def strings(value, where: str):
    """Every string inside a YAML value, with where it is."""
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from strings(inner, f"{where}.{key}")
    elif isinstance(value, list):
        for number, inner in enumerate(value):
            yield from strings(inner, f"{where}[{number}]")
    elif isinstance(value, str):
        yield where, value


def notebook_texts() -> list[tuple[str, str]]:
    """The Welsh cells of every notebook."""
    texts = []
    for path in NOTEBOOKS:
        for number, cell in enumerate(json.loads(path.read_text(encoding="utf-8"))["cells"]):
            if "lang-cy" in cell.get("metadata", {}).get("tags", []):
                source = cell["source"]
                texts.append((f"{path.name} cell {number}",
                              "".join(source) if isinstance(source, list) else source))
    return texts


def content_texts() -> list[tuple[str, str]]:
    """Every text value in the Welsh content files (YAML comments are not text)."""
    return [(f"{path.relative_to(ASSETS)}{where}", text)
            for path in sorted(ASSETS.rglob("*.cy.yaml")) if path != GLOSSARY_FILE
            for where, text in strings(yaml.safe_load(path.read_text(encoding="utf-8")), "")]


def catalogue_texts() -> list[tuple[str, str]]:
    """The Welsh catalogue's shown text (its 'source' and 'note' fields are English notes)."""
    catalogue = yaml.safe_load(CATALOGUE.read_text(encoding="utf-8"))
    return [(key, entry["text"] if isinstance(entry, dict) else entry)
            for key, entry in catalogue.items()
            if isinstance(entry, str) or isinstance(entry.get("text"), str)]


def avoided_uses(texts: list[tuple[str, str]]) -> list[str]:
    """Each place a text uses a form the glossary avoids, and the term to use instead."""
    return [f"{where}: '{form}' (use '{chosen}')"
            for where, text in texts for chosen, form, pattern in AVOIDED
            if pattern.search(plain(text))]


# ---- the glossary itself ----

def test_glossary_records_its_review_status() -> None:
    assert GLOSSARY_FILE.read_text(encoding="utf-8").splitlines()[0] in (
        "# status: draft", "# status: reviewed")


def test_glossary_entries_have_every_field() -> None:
    problems = [term.get("en", "?") for term in TERMS
                if not (isinstance(term.get("en"), str) and isinstance(term.get("cy"), str)
                        and isinstance(term.get("accept"), list) and term["accept"]
                        and isinstance(term.get("avoid"), list)
                        and isinstance(term.get("note"), str))]
    assert problems == []


def test_glossary_has_the_agreed_choices() -> None:
    chosen = {term["en"]: term["cy"] for term in TERMS}
    assert {en: chosen.get(en) for en in AGREED} == AGREED


def test_glossary_avoids_hwb_and_the_other_trauma_wording() -> None:
    avoided = {form for term in TERMS for form in term["avoid"]}
    assert {"hwb", "wedi'i lywio gan drawma"} <= avoided


def test_no_form_is_both_accepted_and_avoided() -> None:
    clashes = [(term["en"], form) for term in TERMS for form in term["accept"]
               if any(pattern.search(form) for _, _, pattern in AVOIDED)]
    assert clashes == []


# ---- Welsh text across the pack ----

def test_there_is_welsh_text_to_check() -> None:
    assert len(notebook_texts()) > 50 and len(content_texts()) > 200
    assert len(catalogue_texts()) > 200


# The notebooks' Welsh is fixed on the welsh-prose branch (chapter 04 says "hwb" for the hubs
# today); this test is right as it stands and passes once that branch is merged.
def test_notebooks_use_no_avoided_form() -> None:
    assert avoided_uses(notebook_texts()) == []


def test_welsh_content_files_use_no_avoided_form() -> None:
    assert avoided_uses(content_texts()) == []


def test_welsh_catalogue_uses_no_avoided_form() -> None:
    assert avoided_uses(catalogue_texts()) == []


@pytest.mark.parametrize(("text", "found"), [
    ("Roedd gan y rhaglen bum hwb.", "hwb"),
    ("Roedd yr Hwbiau yn ganolfannau dysgu.", "hwbiau"),
    ("Mae'r grŵp wedi’i lywio gan drawma.", "wedi'i lywio gan drawma"),
    ("Gall unrhyw un sgipio unrhyw gwestiwn.", "sgipio"),
])
def test_checker_catches_a_planted_wrong_term(text: str, found: str) -> None:
    uses = avoided_uses([("planted", text)])
    assert len(uses) >= 1 and f"'{found}'" in uses[0]


@pytest.mark.parametrize("text", [
    "Roedd gan y rhaglen bum hyb, a'r hybiau oedd canolfannau dysgu.",
    "Mae hyn yn hybu'r Gymraeg.",
    "Grŵp sy'n ystyriol o drawma.",
])
def test_checker_passes_the_chosen_terms(text: str) -> None:
    assert avoided_uses([("fine", text)]) == []


def test_checker_finds_a_planted_term_in_a_content_file(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    planted = tmp_path / "x.cy.yaml"
    planted.write_text("# status: draft\nsteps:\n  - \"Cyfarfod yn yr hwb.\"\n", encoding="utf-8")
    monkeypatch.setattr(f"{__name__}.ASSETS", tmp_path)
    assert avoided_uses(content_texts()) == ["x.cy.yaml.steps[0]: 'hwb' (use 'hyb')"]
