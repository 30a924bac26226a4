"""The questions a chapter can put to a live room, taken from its activities.

A room question is built from the same content file as the activity on the page, so a group
that adapts the YAML adapts the room too. Each kind of activity that can take part says how in
:data:`ADAPTERS`; the chapter's own notebook says which activities it has (its one-line calls,
read as :mod:`peer_support.content_files` reads them). Nothing here runs a notebook.

Kinds that take part:

- scenario cards: one question per card, "how would you respond?", no right answer;
- the feedback form: every question, with the form's own (higher) threshold;
- a check-in: one word for how you arrive, reviewed before it shows;
- the language game: where the room placed each word (passes counted with the unplaced);
- group agreements: how the room feels about each suggested agreement, and new suggestions
  (reviewed), which the room can then vote on.
"""

from __future__ import annotations

import ast
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..content import ContentError
from ..i18n import speaking, t
from ..kit.activities import code_calls

__all__ = ["ADAPTERS", "RoomItem", "RoomOption", "RoomQuestion", "chapter_questions",
           "chapters_with_rooms"]

#: Characters a word (check-in) or a suggestion (agreements) may have.
WORD_LIMIT = 30
SUGGESTION_LIMIT = 150

NOTEBOOKS_DIR = Path(__file__).resolve().parents[2] / "notebooks"


@dataclass(frozen=True)
class RoomOption:
    id: str
    label: str


@dataclass(frozen=True)
class RoomItem:
    """One thing answered within a question (a word in the game; the question itself for a
    single-item question), with its own options if they differ from the question's."""

    id: str
    label: str
    detail: str = ""
    options: tuple[RoomOption, ...] = ()


@dataclass(frozen=True)
class RoomQuestion:
    id: str
    title: str
    prompt: str
    items: tuple[RoomItem, ...] = ()
    options: tuple[RoomOption, ...] = ()
    words: bool = False
    word_limit: int = WORD_LIMIT
    note: str = ""
    content_note: str = ""
    vote_options: tuple[RoomOption, ...] = field(default=())

    def item(self, item_id: str) -> RoomItem | None:
        return next((item for item in self.items if item.id == item_id), None)

    def options_for(self, item: RoomItem) -> tuple[RoomOption, ...]:
        return item.options or self.options

    def vote(self, released: Sequence) -> RoomQuestion:
        """A question asking the room about each released suggestion."""
        return RoomQuestion(
            id=f"{self.id}-vote", title=t("room.vote_title", title=self.title),
            prompt=t("room.vote_prompt"),
            items=tuple(RoomItem(word.id, word.text) for word in released),
            options=self.vote_options)

    def for_phone(self, round_number: int) -> dict:
        """What a phone needs to show the question (all of it text; the page escapes it)."""
        return {
            "id": self.id, "round": round_number, "title": self.title, "prompt": self.prompt,
            "note": self.note, "content_note": self.content_note, "words": self.words,
            "word_limit": self.word_limit,
            "items": [{"id": item.id, "label": item.label, "detail": item.detail,
                       "options": [[o.id, o.label] for o in self.options_for(item)]}
                      for item in self.items],
        }


def _options(pairs: Sequence[tuple[str, str]]) -> tuple[RoomOption, ...]:
    return tuple(RoomOption(option_id, label) for option_id, label in pairs)


# ---- one adapter per kind of activity: (content file path) -> questions

def _scenarios(path: str) -> list[RoomQuestion]:
    from ..kit.scenarios import SCENARIOS

    content = SCENARIOS.load(path)
    stem = path.rsplit("/", 1)[-1].removesuffix(".yaml")
    questions = []
    for number, scenario in enumerate(content.scenarios, start=1):
        letters = [chr(ord("A") + index) for index in range(len(scenario.responses))]
        options = _options([(letter.lower(), f"{letter}: {response.text}")
                            for letter, response in zip(letters, scenario.responses,
                                                        strict=True)])
        questions.append(RoomQuestion(
            id=f"{stem}-{number}", title=scenario.title, prompt=t("room.scenario_prompt"),
            items=(RoomItem("choice", scenario.title, scenario.situation),),
            options=options, note=t("room.no_right_answer"), content_note=scenario.note))
    return questions


def _feedback(path: str) -> list[RoomQuestion]:
    from ..kit.feedback import FEEDBACK

    content = FEEDBACK.load(path)
    items = tuple(RoomItem(question.id, question.text,
                           options=_options([(o.id, o.label) for o in question.options]))
                  for question in content.questions)
    return [RoomQuestion(id="feedback", title=content.title, prompt=content.intro, items=items,
                         note=content.threshold_reason)]


def _check_in(path: str) -> list[RoomQuestion]:
    return [RoomQuestion(id="check-in-word", title=t("room.check_in_title"),
                         prompt=t("room.check_in_prompt"), words=True, word_limit=WORD_LIMIT,
                         note=t("room.words_reviewed"))]


def _language_game(path: str) -> list[RoomQuestion]:
    from ..chapters.language import PLACES, TERMS

    content = TERMS.load(path)
    return [RoomQuestion(
        id="language-game", title=t("room.game_title"), prompt=t("game.question"),
        items=tuple(RoomItem(term.id, term.term) for term in content.terms),
        options=_options([(place, t(f"game.{place}")) for place in PLACES]),
        note=t("room.game_note"), content_note=t("room.game_content_note"))]


def _agreements(path: str) -> list[RoomQuestion]:
    from ..chapters.safety import AGREEMENTS

    content = AGREEMENTS.load(path)
    feelings = _options([("agree", t("room.agree")), ("unsure", t("room.unsure")),
                         ("not-for-us", t("room.not_for_us"))])
    return [
        RoomQuestion(id="agreements", title=content.title, prompt=t("room.agreements_prompt"),
                     items=tuple(RoomItem(s.id, s.text) for s in content.suggestions),
                     options=feelings),
        RoomQuestion(id="agreement-ideas", title=t("room.ideas_title"),
                     prompt=t("room.ideas_prompt"), words=True, word_limit=SUGGESTION_LIMIT,
                     note=t("room.words_reviewed"), vote_options=feelings),
    ]


#: The one-line calls (as named in the notebooks) whose activity can take part in a room.
ADAPTERS: dict[str, Callable[[str], list[RoomQuestion]]] = {
    "scenario_cards": _scenarios,
    "feedback_form": _feedback,
    "check_in": _check_in,
    "language_game": _language_game,
    "agreement_builder": _agreements,
}


def notebook_calls(notebook: Path) -> list[tuple[str, str]]:
    """(call name, content file) for each one-line call in a notebook, in page order."""
    calls = []
    for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
        if cell["cell_type"] != "code":
            continue
        for name, node in code_calls("".join(cell["source"])):
            if (node.args and isinstance(node.args[0], ast.Constant)
                    and str(node.args[0].value).endswith(".yaml")):
                calls.append((name, node.args[0].value))
    return calls


def chapter_questions(chapter: str, language: str,
                      notebooks: Path = NOTEBOOKS_DIR) -> tuple[list[RoomQuestion], list[str]]:
    """The room questions of a chapter (a notebook's name, such as ``05_language``), and the
    problems of any content file that could not be read (each names its file)."""
    notebook = notebooks / f"{chapter}.ipynb"
    if "/" in chapter or not notebook.is_file():
        return [], []
    questions: list[RoomQuestion] = []
    problems: list[str] = []
    with speaking(language):
        for name, path in notebook_calls(notebook):
            if name not in ADAPTERS:
                continue
            try:
                found = ADAPTERS[name](path)
            except ContentError as error:
                problems.append(str(error))
                continue
            taken = {question.id for question in questions}
            questions += [q if q.id not in taken else replace(q, id=f"{q.id}-{len(questions)}")
                          for q in found]
    return questions, problems


def chapters_with_rooms(notebooks: Path = NOTEBOOKS_DIR) -> list[str]:
    """The chapters (notebook names) with at least one activity that can take part."""
    return [notebook.stem for notebook in sorted(notebooks.glob("*.ipynb"))
            if any(name in ADAPTERS for name, _ in notebook_calls(notebook))]
