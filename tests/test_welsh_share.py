"""Every chapter is in Welsh: each English prose cell has a Welsh twin of about its length, no
English prose is left untagged, Welsh cells name the page's controls by their Welsh labels, and
the Welsh keeps to the pack's glossary terms."""

import json
import re
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))
NAMES = [path.name for path in NOTEBOOKS]
CATALOGUE = REPO / "peer_support" / "catalogue"
WORD = re.compile(r"[\w’'-]+")
# A Welsh page may quote English where English is the point: a source's own title, or a
# service's English name, marked <span lang="en-GB">…</span>. That text is not Welsh prose.
ENGLISH_SPAN = re.compile(r'<span lang="en-GB">.*?</span>', re.S)
SHARE = 0.9  # Welsh words per English word, per chapter
TWIN_SHARE = 0.6  # per cell: a twin much shorter than its English cell has left something out
# Untagged English Markdown cells allowed to show in English on a Welsh page. None are needed:
# even the Sources lists have Welsh twins that keep only the sources' own titles in English.
UNTAGGED_ALLOWED: dict[str, set[str]] = {}
# Words that break the pack's Welsh glossary, and the glossary word to use instead.
OFF_GLOSSARY = {r"\bhwb\b": "hyb", r"\bhybau\b": "hybiau", r"\bllywio gan drawma\b":
                "ystyriol o drawma", r"\bwybodus am drawma\b": "ystyriol o drawma",
                r"\bcefnogaeth cymheiriaid\b": "cymorth cymheiriaid",
                r"\bcytundeb y grŵp\b": "cytundeb grŵp", r"\brhybudd cynnwys\b": "nodyn cynnwys"}


def cells(name: str) -> list[dict]:
    return json.loads((REPO / "notebooks" / name).read_text(encoding="utf-8"))["cells"]


def text(cell: dict) -> str:
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def tags(cell: dict) -> list[str]:
    return cell.get("metadata", {}).get("tags", [])


def words(source: str) -> int:
    return len(WORD.findall(ENGLISH_SPAN.sub(" ", source)))


def english_and_twins(name: str) -> tuple[list[dict], list[tuple[dict, dict | None]]]:
    """Every English prose cell (tagged or not), and each tagged one with its Welsh twin."""
    all_cells = cells(name)
    english = [cell for cell in all_cells if cell["cell_type"] == "markdown"
               and "lang-cy" not in tags(cell)]
    pairs = []
    for index, cell in enumerate(all_cells):
        if "lang-en" in tags(cell):
            after = all_cells[index + 1] if index + 1 < len(all_cells) else None
            pairs.append((cell, after if after and "lang-cy" in tags(after) else None))
    return english, pairs


def welsh_share(name: str) -> float:
    english, pairs = english_and_twins(name)
    welsh = sum(words(text(twin)) for _, twin in pairs if twin)
    return welsh / max(1, sum(words(text(cell)) for cell in english))


def catalogue(language: str) -> dict[str, str]:
    data = yaml.safe_load((CATALOGUE / f"{language}.yaml").read_text(encoding="utf-8"))
    return {key: value["text"] if isinstance(value, dict) else value
            for key, value in data.items()}


EN, CY = catalogue("en"), catalogue("cy")
# The page frame's controls and names, where the Welsh label differs from the English one.
CHROME_LABELS = sorted({value for key, value in EN.items() if key.startswith("chrome.")
                        and "{" not in value and CY[key] != value}, key=len, reverse=True)
QUOTED = re.compile(r"\*\*(.+?)\*\*|“(.+?)”|\"(.+?)\"")


def english_labels_in(source: str) -> list[str]:
    stripped = ENGLISH_SPAN.sub(" ", source)
    return [label for label in CHROME_LABELS
            if re.search(rf"(?<![\w-]){re.escape(label)}(?![\w-])", stripped)]


def welsh_labels_for(english: str) -> set[str]:
    return {CY[key] for key, value in EN.items() if value == english}


# ---- every chapter in Welsh ----

@pytest.mark.parametrize("name", NAMES)
def test_welsh_is_at_least_nine_tenths_of_the_english(name: str) -> None:
    assert welsh_share(name) >= SHARE, f"{name}: Welsh is {welsh_share(name):.0%} of the English"


@pytest.mark.parametrize("name", NAMES)
def test_no_english_prose_is_left_without_a_welsh_twin(name: str) -> None:
    allowed = UNTAGGED_ALLOWED.get(name, set())
    untagged = [cell["id"] for cell in cells(name) if cell["cell_type"] == "markdown"
                and not set(tags(cell)) & {"lang-en", "lang-cy"} and cell["id"] not in allowed]
    assert untagged == []


@pytest.mark.parametrize("name", NAMES)
def test_each_welsh_twin_is_close_to_its_english_in_length(name: str) -> None:
    _, pairs = english_and_twins(name)
    short = [english["id"] for english, twin in pairs if twin is None
             or (words(text(english)) >= 20  # a heading may well be shorter in Welsh
                 and words(text(twin)) < TWIN_SHARE * words(text(english)))]
    assert short == []


def test_share_counts_only_welsh_twins_and_not_english_titles() -> None:
    english = {"cell_type": "markdown", "metadata": {"tags": ["lang-en"]},
               "source": "one two three four"}
    welsh = {"cell_type": "markdown", "metadata": {"tags": ["lang-cy"]},
             "source": 'un dau <span lang="en-GB">three four five six seven</span>'}
    assert words(text(english)) == 4 and words(text(welsh)) == 2


# ---- Welsh controls ----

@pytest.mark.parametrize("name", NAMES)
def test_welsh_cells_never_name_an_english_control(name: str) -> None:
    found = {cell["id"]: english_labels_in(text(cell)) for cell in cells(name)
             if "lang-cy" in tags(cell)}
    assert {cell: labels for cell, labels in found.items() if labels} == {}


@pytest.mark.parametrize("name", NAMES)
def test_welsh_twins_name_the_controls_their_english_names(name: str) -> None:
    """A button named in English (in bold or quotes) is named by its Welsh label in the twin."""
    _, pairs = english_and_twins(name)
    missing = []
    for english, twin in pairs:
        for groups in QUOTED.findall(text(english)):
            quoted = next(group for group in groups if group).strip(" .,:")
            welsh = welsh_labels_for(quoted)
            if welsh and twin and not any(label in text(twin) for label in welsh):
                missing.append((english["id"], quoted))
    assert missing == []


def test_english_control_labels_are_found() -> None:
    assert "Get support" in CHROME_LABELS and "Exit this page" in CHROME_LABELS
    assert english_labels_in('Pwyswch "Get support" ar frig y dudalen.') == ["Get support"]
    assert english_labels_in('Mae "Cael cymorth" ar frig y dudalen.') == []
    assert english_labels_in('<span lang="en-GB">Projector view</span>') == []
    assert welsh_labels_for("Pass") == {"Pasio"}


# ---- glossary ----

@pytest.mark.parametrize("name", NAMES)
def test_welsh_keeps_to_the_glossary(name: str) -> None:
    found = [(cell["id"], pattern, OFF_GLOSSARY[pattern]) for cell in cells(name)
             if "lang-cy" in tags(cell) for pattern in OFF_GLOSSARY
             if re.search(pattern, ENGLISH_SPAN.sub(" ", text(cell)), re.IGNORECASE)]
    assert found == []


# ---- notes for the Welsh reviewer ----

@pytest.mark.parametrize("name", NAMES)
def test_review_notes_have_the_shape_the_reviewers_list_reads(name: str) -> None:
    for cell in cells(name):
        review = cell.get("metadata", {}).get("review")
        if review is None:
            continue
        assert "lang-cy" in tags(cell), cell["id"]
        assert set(review) == {"status", "doubts"} and review["status"] in ("draft", "reviewed")
        assert review["doubts"] and all(isinstance(doubt, str) and doubt.strip()
                                        for doubt in review["doubts"])
