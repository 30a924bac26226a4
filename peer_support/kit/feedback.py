"""An anonymous feedback form for one shared device, or for a facilitator typing in slips.

Each person answers (every question can be passed or left), then presses "Add my answers": her
answers go into running totals and the form clears for the next person. Only the totals are
kept, never anyone's set of answers, and only in the page's memory. They are shown only once the
round is finished and at least ``threshold`` people have added answers (never fewer than 3, the
smallest group in which a total does not simply reveal the other people's answers). Notebook
use::

    from peer_support.kit.feedback import feedback_form
    feedback_form("evaluation/feedback.yaml")
"""

from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as widgets

from ..content import rules
from ..i18n import t
from ..text import escape
from .base import Exercise, from_files
from .charts import bar_chart_svg, text_alternative
from .choice import PASS, ChoiceScale, Option
from .handout import Handout
from .html import button
from .html import heading as heading_widget
from .status import LiveStatus

__all__ = ["FEEDBACK", "FeedbackFile", "FeedbackForm", "feedback_form"]

#: The threshold a content file may set: never below 3.
THRESHOLD_RANGE = (3, 30)


@dataclass(frozen=True)
class Question:
    id: str = rules.identifier()
    text: str = rules.text(200, "The question.")
    options: list[Option] = rules.items(Option, "option", "Its answers; Pass is "
                                              "added for every question.", minimum=2)


@dataclass(frozen=True)
class FeedbackFile:
    title: str = rules.text(120, "The totals' title.")
    intro: str = rules.text(600, "What the form is for, above it.")
    threshold: int = rules.whole(*THRESHOLD_RANGE, "How many people must answer before any "
                                 "totals show (never below 3).")
    threshold_reason: str = rules.text(600, "Why totals wait, in plain words.")
    questions: list[Question] = rules.items(Question, "question", "The questions, in order.")


FEEDBACK = rules.Kind(FeedbackFile, "The anonymous feedback form")


class FeedbackForm(Exercise):
    """An anonymous feedback form for one shared device, or for a facilitator typing in slips.

    Each person answers (every question can be passed or left), then presses "Add my
    answers": her answers go into running totals and the form clears for the next person.
    Only the totals are kept, never anyone's set of answers, and they are shown only once
    the round is finished and at least ``threshold`` people have added answers. A question
    answered by fewer than ``threshold`` people keeps its totals hidden. Once the totals are
    shown the round is closed, so later answers cannot be worked out by comparing totals;
    "Start a new round" clears everything.

    Parameters
    ----------
    content : FeedbackFile
        The questions, the threshold and the words around them.
    """

    prepare_key = "feedback.prepare"

    def __init__(self, content: FeedbackFile, **kwargs):
        self.content = content
        self.threshold = content.threshold
        self.scales: dict[str, ChoiceScale] = {}
        for question in content.questions:
            scale = ChoiceScale(question.text, [(o.id, o.label) for o in question.options])
            scale.add_class(f"qa-feedback-{question.id}")
            self.scales[question.id] = scale
        self.add_button = button(t("feedback.add"), "qa-feedback-add",
                                 lambda: self._add_and_refocus())
        self.form_clear_button = button(t("feedback.clear"), "qa-feedback-clear",
                                        lambda: self.clear_form())
        self.show_button = button(t("feedback.show"), "qa-feedback-show",
                                  lambda: self.show_totals())
        self.totals_view = widgets.HTML()
        self.totals_view.add_class("qa-feedback-totals")
        self.totals_status = LiveStatus()
        self.totals_status.add_class("qa-feedback-totals-status")
        self.new_round_button = button(t("feedback.new_round"), "qa-feedback-new-round",
                                       lambda: self._new_round_pressed())
        super().__init__(download="feedback-totals", **kwargs)
        self.status.add_class("qa-feedback-status")
        self.add_class("pack-feedback")
        self._start_round()

    def build(self) -> list[widgets.Widget]:
        form = widgets.VBox([*self.scales.values(),
                             widgets.HBox([self.add_button, self.form_clear_button]),
                             self.status])
        form.add_class("pack-feedback-form")
        totals = widgets.VBox([
            heading_widget(t("feedback.totals_heading"), 3,
                    t("feedback.totals_hint", threshold=self.threshold)),
            self.show_button, self.totals_status, self.totals_view, self.download,
            self.new_round_button,
        ])
        totals.add_class("pack-feedback-totals")
        return [
            widgets.HTML(f"<p>{escape(self.content.intro)}</p>"
                         f"<p><strong>{escape(t('feedback.why_threshold'))}</strong> "
                         f"{escape(self.content.threshold_reason)}</p>"),
            form,
            totals,
        ]

    # ---- collecting ----

    def _start_round(self) -> None:
        self.responses = 0
        self.finished = False
        self._confirming_new_round = False
        self._counts = {q.id: {o.id: 0 for o in q.options} for q in self.content.questions}
        self._answered = {q.id: 0 for q in self.content.questions}
        for scale in self.scales.values():
            scale.clear()
        self.totals_view.value = ""
        self.changed()

    def answer(self, question_id: str, option: str) -> None:
        """Answer a question on the form (an option key or ``"pass"``). KeyError if unknown."""
        self.scales[question_id].choose(option)

    def form_answers(self) -> dict[str, str | None]:
        """What is on the form right now, before it is added (None: not answered)."""
        return {qid: scale.choice for qid, scale in self.scales.items()}

    def add_answers(self) -> bool:
        """Add the answers on the form to the totals and clear the form for the next person.

        Passed and unanswered questions count as skipped. Returns False (and says why) once
        the round is finished.
        """
        self._confirming_new_round = False
        if self.finished:
            self.status.say(t("feedback.closed"))
            return False
        answered_any = False
        for question_id, choice in self.form_answers().items():
            if choice is not None and choice != PASS:
                self._counts[question_id][choice] += 1
                self._answered[question_id] += 1
                answered_any = True
        self.responses += 1
        for scale in self.scales.values():
            scale.clear()
        key = "feedback.added" if answered_any else "feedback.added_empty"
        self.status.say(t(key, count=self.responses))
        return True

    def _add_and_refocus(self) -> None:
        if self.add_answers() and self.scales:
            next(iter(self.scales.values())).focus_first()

    def clear_form(self) -> None:
        """Clear the form without adding anything."""
        for scale in self.scales.values():
            scale.clear()
        self.status.say(t("feedback.cleared"))

    # ---- totals ----

    def show_totals(self) -> bool:
        """Finish the round and show the totals, if at least ``threshold`` people answered."""
        self._confirming_new_round = False
        if not self.finished and self.responses < self.threshold:
            self.totals_status.say(t("feedback.too_few", count=self.responses,
                                     threshold=self.threshold,
                                     more=self.threshold - self.responses))
            return False
        self.finished = True
        self._draw_totals()
        self.changed()
        self.totals_status.say(t("feedback.shown", count=self.responses))
        return True

    def totals(self) -> dict[str, dict[str, int] | None] | None:
        """Question -> option -> count, once the round is finished; a question answered by
        fewer than ``threshold`` people is None. Before the round is finished: None."""
        if not self.finished:
            return None
        return {qid: (dict(counts) if self._answered[qid] >= self.threshold else None)
                for qid, counts in self._counts.items()}

    def _draw_totals(self) -> None:
        totals = self.totals() or {}
        parts = [f"<p>{escape(t('feedback.total_people', count=self.responses))}</p>"]
        for question in self.content.questions:
            counts = totals.get(question.id)
            parts.append(f"<h4>{escape(question.text)}</h4>")
            if counts is None:
                hidden = t("feedback.hidden", threshold=self.threshold)
                parts.append(f"<p>{escape(hidden)}</p>")
                continue
            answered = self._answered[question.id]
            values = [(o.label, counts[o.id]) for o in question.options]
            parts.append(bar_chart_svg(values, answered, question.text))
            parts.append(text_alternative(values, answered))
        self.totals_view.value = "".join(parts)

    def handout(self) -> Handout | str:
        """The group totals to keep: counts per answer only. Nothing before the round ends."""
        if not self.finished:
            return t("feedback.not_yet", threshold=self.threshold)
        totals = self.totals() or {}
        handout = Handout(self.content.title,
                          t("feedback.total_people", count=self.responses))
        for question in self.content.questions:
            counts = totals.get(question.id)
            if counts is None:
                items = [t("feedback.hidden", threshold=self.threshold)]
            else:
                answered = self._answered[question.id]
                items = [t("feedback.count", label=o.label, count=counts[o.id],
                           answered=answered) for o in question.options]
            handout.add(question.text, items)
        return handout

    # ---- a new round ----

    def new_round(self) -> None:
        """Clear every total and the form, and start collecting again."""
        self._start_round()
        self.totals_status.say(t("feedback.new_round_done"))

    def _new_round_pressed(self) -> None:
        """The button asks once before clearing totals that have not been cleared yet."""
        if self.responses and not self._confirming_new_round:
            self._confirming_new_round = True
            self.totals_status.say(t("feedback.new_round_confirm"))
            return
        self.new_round()


    def reset_answers(self) -> None:
        self._start_round()


def feedback_form(path: str = "evaluation/feedback.yaml"):
    """The anonymous feedback form from a file in ``assets/``; a calm message if broken."""
    return from_files(FeedbackForm, FEEDBACK.at(path))
