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

from ..content import rules
from ..i18n import t
from ..kit.base import Exercise, from_files
from ..kit.choice import PASS, ChoiceScale
from ..kit.handout import Handout
from ..kit.html import bullets
from ..text import escape

__all__ = ["CHOOSER", "FormatChooser", "format_chooser", "suggest"]

#: A format's total score decides its suggestion.
STRONG_FROM = 2
TRY_FROM = 0
BANDS = ("strong", "try", "careful")
BAND_KEYS = {"strong": "online.band_strong", "try": "online.band_try",
             "careful": "online.band_careful"}
MAX_SCORE = 3


@dataclass(frozen=True)
class Format:
    """A way of meeting: phone, messaging, video, in person."""

    id: str = rules.identifier()
    name: str = rules.text(80, "The format's name.")
    description: str = rules.text(300, "What it is, in a sentence.")


@dataclass(frozen=True)
class Effect:
    """What one answer does to one format: a score and the reason shown for it."""

    format: str = rules.text(40, "The id of a format in 'formats'.")
    score: int = rules.whole(-MAX_SCORE, MAX_SCORE, "How much this answer counts for (or, "
                             "below 0, against) the format.")
    reason: str = rules.text(300, "Why, shown with the suggestion.")


@dataclass(frozen=True)
class Option:
    id: str = rules.identifier(reserved=(PASS,))
    label: str = rules.text(60, "The answer's words on its button.")
    effects: list[Effect] = rules.items(Effect, "effect", "What this answer does to formats.")


@dataclass(frozen=True)
class Question:
    id: str = rules.identifier()
    question: str = rules.text(200, "The question, about the group as a whole.")
    options: list[Option] = rules.items(Option, "option", "Its answers; Pass is added.",
                                        minimum=2)

    def option(self, option_id: str) -> Option:
        for option in self.options:
            if option.id == option_id:
                return option
        raise KeyError(option_id)


@dataclass(frozen=True)
class ChooserContent:
    intro: str = rules.text(600, "What the chooser is for, above it.")
    formats: list[Format] = rules.items(Format, "format", "The ways of meeting.", minimum=2)
    questions: list[Question] = rules.items(Question, "question", "The questions, in order.")

    def validate(self, fail, where: str) -> None:
        known = {fmt.id for fmt in self.formats}
        for q, question in enumerate(self.questions, start=1):
            for o, option in enumerate(question.options, start=1):
                for e, effect in enumerate(option.effects, start=1):
                    if effect.format not in known:
                        fail(t("online.unknown_format",
                               where=f"Question {q}, option {o}, effect {e}"))


CHOOSER = rules.Kind(ChooserContent, "Which format suits our group?")


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


class FormatChooser(Exercise):
    """The "which format suits our group?" chooser. See the module docstring."""

    clear_key = "online.start_again"
    cleared_key = "online.cleared"

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
        super().__init__(download="our-online-mix", **kwargs)
        self.clear_button.add_class("qa-online-clear")
        self.watch(*self.scales.values())
        self.add_class("pack-format-chooser")
        self._redraw()

    def build(self) -> list[widgets.Widget]:
        return [
            widgets.HTML(f"<p>{escape(self.content.intro)}</p>"),
            *self.scales.values(),
            self.result,
            widgets.HTML(f"<h4>{escape(t('online.downloads'))}</h4>"),
            self.download,
            self.clear_button,
            self.status,
        ]

    @property
    def answers(self) -> dict[str, str | None]:
        """Question id -> option id, "pass", or None if not answered yet."""
        return {question_id: scale.choice for question_id, scale in self.scales.items()}

    def answer(self, question_id: str, option_id: str) -> None:
        """Answer a question (``option_id`` may be "pass"), as its button does."""
        self.scales[question_id].choose(option_id)

    def suggestions(self) -> list[Suggestion]:
        return suggest(self.content, self.answers)

    def reset_answers(self) -> None:
        """Forget every answer."""
        for scale in self.scales.values():
            scale.clear()
        self._redraw()

    def focus_after_clear(self) -> None:
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
            return
        parts = [heading]
        first = self.try_first()
        if first:
            parts.append(f"<p><strong>{escape(t('online.try_first', formats=', '.join(first)))}"
                         f"</strong></p>")
        for suggestion in suggestions:
            reasons = suggestion.reasons or [t("online.no_reasons")]
            parts.append(
                f'<div class="pack-card"><h4>{escape(suggestion.format.name)}: '
                f"{escape(suggestion.band_label)}</h4>"
                f"<p>{escape(suggestion.format.description)}</p>{bullets(reasons)}</div>")
        if self.passed_count():
            parts.append(f"<p>{escape(t('online.passed_note'))}</p>")
        parts.append(f"<p>{escape(t('online.mix_note'))}</p>")
        self.result.value = "".join(parts)

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
    return from_files(FormatChooser, CHOOSER.at(path))
