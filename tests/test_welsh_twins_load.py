"""Each Welsh twin of the Self-care, Evaluation, Online, Networking and Troubleshooting content
files loads through its chapter's own loader on a Welsh page, and the loader really reads the
Welsh file (its text differs from the English one). The loaders check lengths, ids and flags,
so a Welsh sentence that is too long for its box fails here, not in the workshop."""

from pathlib import Path

import pytest
import yaml

from peer_support import content
from peer_support.content_files import content_files
from peer_support.kit import blocks

ASSETS = Path(__file__).resolve().parent.parent / "assets"
CHAPTERS = ("self_care", "evaluation", "online", "networking", "troubleshooting")

#: Every content file of these chapters and the loader of its kind (facilitator notes apart).
LOADERS = {path: kind.load for path, kind in content_files().items()
           if path.split("/")[0] in CHAPTERS and not path.endswith("facilitator-notes.yaml")}
NOTES = [f"{chapter}/facilitator-notes.yaml" for chapter in CHAPTERS]


def english_files() -> list[str]:
    return sorted(path.relative_to(ASSETS).as_posix() for chapter in CHAPTERS
                  for path in (ASSETS / chapter).glob("*.yaml")
                  if not path.name.endswith(".cy.yaml"))


def activities(path: str) -> list[tuple[str, str]]:
    data = yaml.safe_load((ASSETS / path).read_text(encoding="utf-8"))
    return [(path, activity) for activity in data["activities"]]


@pytest.fixture
def welsh_page(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUERY_STRING", "lang=cy")


@pytest.fixture
def english_page(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QUERY_STRING", raising=False)


def test_every_content_file_of_these_chapters_has_a_loader_here_or_is_notes() -> None:
    assert sorted([*LOADERS, *NOTES]) == english_files()


@pytest.mark.parametrize("path", english_files())
def test_every_content_file_has_a_welsh_twin(path: str, welsh_page: None) -> None:
    assert content.localised_path(path) == path.replace(".yaml", ".cy.yaml")


@pytest.mark.parametrize("path", sorted(LOADERS))
def test_welsh_twin_loads_and_differs_from_the_english(path: str,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QUERY_STRING", raising=False)
    english = LOADERS[path](path)
    monkeypatch.setenv("QUERY_STRING", "lang=cy")
    welsh = LOADERS[path](path)
    assert type(welsh) is type(english)
    assert welsh != english


@pytest.mark.parametrize(("path", "activity"),
                         [pair for path in NOTES for pair in activities(path)])
def test_welsh_facilitator_notes_load_for_every_activity(path: str, activity: str,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QUERY_STRING", raising=False)
    english = blocks.load_activity_notes(path, activity)
    monkeypatch.setenv("QUERY_STRING", "lang=cy")
    welsh = blocks.load_activity_notes(path, activity)
    assert welsh.minutes == english.minutes
    assert len(welsh.steps) == len(english.steps)
    assert welsh.title != english.title and welsh.purpose != english.purpose
