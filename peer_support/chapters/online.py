"""The Online peer support chapter's exercise: "Which format suits our group?".

Four questions about the group as a whole (digital access, reading and writing, privacy at
home, confidence with technology), each a row of buttons with Pass. Every answer nudges some
formats up or down, with a reason, as the content file sets out. The page then suggests a mix of
phone calls, messaging, video calls with cameras optional, and meeting in person, each marked
"a strong fit", "worth trying" or "go carefully, with another way in", with the reasons from the
answers given. Passed questions change nothing. The suggestion downloads.

The chapter's other exercise, the online session safety checklist, uses
:mod:`peer_support.checklist` with its content in ``assets/online/safety-checklist.yaml``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import ipywidgets as widgets

from ..content import Checker, ContentError, load_yaml
from ..i18n import t
from ..kit.blocks import error_block
from ..kit.choice import PASS, ChoiceScale
from ..kit.handout import DownloadPanel, Handout
from ..kit.status import LiveStatus
from ..text import escape

__all__ = ["FormatChooser", "format_chooser", "suggest"]

#: A format's total score decides its suggestion.
STRONG_FROM = 2
TRY_FROM = 0
BANDS = ("strong", "try", "careful")
BAND_KEYS = {
    "strong": "online.band_strong",
    "try": "online.band_try",
    "careful": "online.band_careful",
}
MAX_SCORE = 3


@dataclass(frozen=True)
class Format:
    """A way of meeting: phone, messaging, video, in person."""

    id: str
    name: str
    description: str


@dataclass(frozen=True)
class Effect:
    """What one answer does to one format: a score and the reason shown for it."""

    format: str
    score: int
    reason: str


@dataclass(frozen=True)
class Option:
    id: str
    label: str
    effects: list[Effect]


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    options: list[Option]

    def option(self, option_id: str) -> Option:
        for option in self.options:
            if option.id == option_id:
                return option
        raise KeyError(option_id)


@dataclass(frozen=True)
class ChooserContent:
    intro: str
    formats: list[Format]
    questions: list[Question]


def load_chooser(path: str) -> ChooserContent:
    """Read and check the chooser's content file.

    Raises
    ------
    ContentError
        Naming the file and the first problem found.
    """
    check = Checker(path)
    data = check.mapping(load_yaml(path), "The file")
    intro = check.text(data, "intro", "The file", 600)
    formats, format_ids = [], set()
    for number, entry in enumerate(check.items(data.get("formats"), "'formats'", 2), 1):
        where = f"Format {number}"
        check.mapping(entry, where)
        formats.append(Format(check.identifier(entry, where, format_ids),
                              check.text(entry, "name", where, 80),
                              check.text(entry, "description", where, 300)))
    questions, question_ids = [], set()
    for number, entry in enumerate(check.items(data.get("questions"), "'questions'"), 1):
        where = f"Question {number}"
        check.mapping(entry, where)
        question_id = check.identifier(entry, where, question_ids)
        text = check.text(entry, "question", where, 200)
        options, option_ids = [], {PASS}
        for option_number, raw in enumerate(
                check.items(entry.get("options"), f"{where}'s 'options'", 2), 1):
            option_where = f"{where}, option {option_number}"
            check.mapping(raw, option_where)
            option_id = check.identifier(raw, option_where, option_ids)
            label = check.text(raw, "label", option_where, 60)
            effects = []
            for effect_number, effect in enumerate(
                    check.items(raw.get("effects"), f"{option_where}'s 'effects'"), 1):
                effect_where = f"{option_where}, effect {effect_number}"
                check.mapping(effect, effect_where)
                if effect.get("format") not in format_ids:
                    check.fail(f"{effect_where} names a format that is not in 'formats'")
                score = effect.get("score")
                if not isinstance(score, int) or isinstance(score, bool) or \
                        not -MAX_SCORE <= score <= MAX_SCORE:
                    check.fail(f"{effect_where} needs 'score' as a whole number from "
                               f"-{MAX_SCORE} to {MAX_SCORE}")
                effects.append(Effect(effect["format"], score,
                                      check.text(effect, "reason", effect_where, 300)))
            options.append(Option(option_id, label, effects))
        questions.append(Question(question_id, text, options))
    return ChooserContent(intro, formats, questions)


def band(score: int) -> str:
    """"strong" from 2 up, "try" for 0 and 1, "careful" below 0."""
    if score >= STRONG_FROM:
        return "strong"
    if score >= TRY_FROM:
        return "try"
    return "careful"


@dataclass(frozen=True)
class Suggestion:
    """What the answers suggest for one format."""

    format: Format
    score: int
    band: str
    reasons: list[str]

    @property
    def band_label(self) -> str:
        return t(BAND_KEYS[self.band])


def suggest(content: ChooserContent, answers: Mapping[str, str | None]) -> list[Suggestion]:
    """The suggestion for every format, in the content file's order.

    ``answers`` maps a question id to an option id, ``"pass"`` or None. Passed and unanswered
    questions add nothing. Returns an empty list when no question has a real answer.
    """
    chosen = []
    for question in content.questions:
        answer = answers.get(question.id)
        if answer not in (None, PASS):
            chosen.append(question.option(answer))
    if not chosen:
        return []
    suggestions = []
    for fmt in content.formats:
        effects = [e for option in chosen for e in option.effects if e.format == fmt.id]
        score = sum(e.score for e in effects)
        suggestions.append(Suggestion(fmt, score, band(score), [e.reason for e in effects]))
    return suggestions


class FormatChooser(widgets.VBox):
    """The "which format suits our group?" chooser. See the module docstring."""

    def __init__(self, content: ChooserContent, **kwargs):
        self.content = content
        self.scales: dict[str, ChoiceScale] = {}
        for question in content.questions:
            scale = ChoiceScale(question.question,
                                [(option.id, option.label) for option in question.options])
            scale.add_class(f"qa-online-question-{question.id}")
            scale.on_choice(lambda _key: self._redraw())
            self.scales[question.id] = scale
        self.result = widgets.HTML()
        self.result.add_class("qa-online-suggestion")
        self.clear_button = widgets.Button(description=t("online.start_again"))
        self.clear_button.add_class("qa-online-clear")
        self.clear_button.on_click(lambda _: self.clear())
        self.status = LiveStatus()
        self.download = DownloadPanel(self.handout, basename="our-online-mix")
        super().__init__([
            widgets.HTML(f"<p>{escape(content.intro)}</p>"),
            *self.scales.values(),
            self.result,
            widgets.HTML(f"<h4>{escape(t('online.downloads'))}</h4>"),
            self.download,
            self.clear_button,
            self.status,
        ], **kwargs)
        self.add_class("pack-format-chooser")
        self._redraw()

    @property
    def answers(self) -> dict[str, str | None]:
        """Question id -> option id, "pass", or None if not answered yet."""
        return {question_id: scale.choice for question_id, scale in self.scales.items()}

    def answer(self, question_id: str, option_id: str) -> None:
        """Answer a question (``option_id`` may be "pass"), as its button does."""
        self.scales[question_id].choose(option_id)

    def suggestions(self) -> list[Suggestion]:
        return suggest(self.content, self.answers)

    def clear(self) -> None:
        """Forget every answer."""
        for scale in self.scales.values():
            scale.clear()
        self._redraw()
        self.status.say(t("online.cleared"))
        next(iter(self.scales.values())).focus_first()

    def passed_count(self) -> int:
        return sum(1 for answer in self.answers.values() if answer == PASS)

    def try_first(self) -> list[str]:
        return [s.format.name for s in self.suggestions() if s.band == "strong"]

    def _redraw(self) -> None:
        suggestions = self.suggestions()
        heading = f"<h3>{escape(t('online.suggestion_heading'))}</h3>"
        if not suggestions:
            self.result.value = f"{heading}<p>{escape(t('online.no_answers'))}</p>"
            self.download.reset()
            return
        parts = [heading]
        first = self.try_first()
        if first:
            parts.append(f"<p><strong>{escape(t('online.try_first', formats=', '.join(first)))}"
                         f"</strong></p>")
        for suggestion in suggestions:
            reasons = suggestion.reasons or [t("online.no_reasons")]
            listed = "".join(f"<li>{escape(reason)}</li>" for reason in reasons)
            parts.append(
                f'<div class="pack-card"><h4>{escape(suggestion.format.name)}: '
                f"{escape(suggestion.band_label)}</h4>"
                f"<p>{escape(suggestion.format.description)}</p><ul>{listed}</ul></div>")
        if self.passed_count():
            parts.append(f"<p>{escape(t('online.passed_note'))}</p>")
        parts.append(f"<p>{escape(t('online.mix_note'))}</p>")
        self.result.value = "".join(parts)
        self.download.reset()

    def handout(self) -> Handout:
        """The answers given (passed ones left out) and the suggestion for each format."""
        handout = Handout(t("online.handout_title"), t("online.handout_intro"))
        answers = []
        for question in self.content.questions:
            answer = self.answers.get(question.id)
            if answer not in (None, PASS):
                answers.append(t("online.answer_line", question=question.question,
                                 answer=question.option(answer).label))
        handout.add(t("online.handout_answers"), answers)
        suggestions = self.suggestions()
        handout.add(t("online.try_first_heading"), self.try_first())
        for suggestion in suggestions:
            handout.add(f"{suggestion.format.name}: {suggestion.band_label}",
                        suggestion.reasons or [t("online.no_reasons")])
        if suggestions:
            handout.add(t("online.remember"), [t("online.mix_note")])
        return handout


def format_chooser(path: str = "online/format-chooser.yaml"):
    """The chooser, from its content file in ``assets/``; a clear message if it is broken."""
    try:
        return FormatChooser(load_chooser(path))
    except ContentError as error:
        return error_block(error)
