"""A check-in: an optional 0 to 10 scale ("how safe does this space feel today?"), with Pass,
that answers each score gently from its content file and keeps nothing.

What a facilitator does about low scores belongs in the facilitator notes (facilitator view
only); the scale never shows or counts anyone's answer but the one on its own screen. Notebook
use::

    from peer_support.kit.check_in import check_in
    check_in("safety/check-in.yaml")
"""

from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as widgets

from ..content import rules
from ..i18n import t
from ..text import escape
from .base import Exercise, from_files
from .choice import PASS, ChoiceScale

__all__ = ["CHECK_IN", "CheckIn", "CheckInFile", "check_in"]

SCORES = tuple(range(0, 11))


@dataclass(frozen=True)
class Band:
    """A range of scores (inclusive) and the gentle reply shown for them."""

    low: int = rules.whole(0, 10, "The lowest score in the band.")
    high: int = rules.whole(0, 10, "The highest score in the band.")
    message: str = rules.text(400, "The gentle reply for these scores.")

    def validate(self, fail, where: str) -> None:
        if self.low > self.high:
            fail(t("check_in.band_order", where=where))


@dataclass(frozen=True)
class CheckInFile:
    question: str = rules.text(150, "The question above the numbers.")
    pass_message: str = rules.text(300, "The reply when she passes.")
    bands: list[Band] = rules.items(Band, "band", "Replies for ranges of scores; together they "
                                    "cover every score from 0 to 10 once.")
    hint: str = rules.text(300, "A line between the question and the numbers.",
                           required=False)

    def validate(self, fail, where: str) -> None:
        covered = sorted(score for band in self.bands for score in range(band.low, band.high + 1))
        if covered != list(SCORES):
            fail(t("check_in.bands_cover"))

    def reply(self, score: int) -> str:
        return next(b.message for b in self.bands if b.low <= score <= b.high)


CHECK_IN = rules.Kind(CheckInFile, "A check-in: a 0 to 10 scale with gentle replies")


class CheckIn(Exercise):
    """An optional 0 to 10 scale with Pass. It replies gently and keeps nothing.

    What to do about low scores is for the facilitator notes (facilitator view only); the
    scale itself never shows or counts anyone's answer but the one on this screen.
    """

    clear_key = "check_in.clear"
    cleared_key = "check_in.cleared"

    def __init__(self, content: CheckInFile, **kwargs):
        self.content = content
        self.scale = ChoiceScale(content.question, [(str(n), str(n)) for n in SCORES])
        self.scale.add_class("qa-check-in")
        self.scale.on_choice(self._on_choice)
        self.hint = widgets.HTML(f'<p class="pack-muted">{escape(content.hint)}</p>')
        # The hint explains the scale, so it goes between the question and the numbers.
        question, numbers, noted = self.scale.children
        self.scale.children = [question, self.hint, numbers, noted]
        super().__init__(download=None, **kwargs)
        self.reply = self.status
        self.reply.add_class("qa-check-in-reply")
        self.clear_button.add_class("qa-check-in-clear")
        self.add_class("pack-check-in")

    def build(self) -> list[widgets.Widget]:
        return [self.scale, self.status, self.clear_button]

    def rate(self, score: int | str) -> None:
        """Choose a score from 0 to 10, or ``"pass"``, as its button does."""
        key = PASS if score == PASS else str(score)
        if key != PASS and (not isinstance(score, int) or isinstance(score, bool)
                            or score not in SCORES):
            raise ValueError(f"a score is a whole number from 0 to 10, or 'pass', not {score!r}")
        self.scale.choose(key)

    @property
    def score(self) -> int | None:
        """The score chosen, or None if she passed or hasn't answered."""
        choice = self.scale.choice
        return None if choice in (None, PASS) else int(choice)

    @property
    def passed(self) -> bool:
        return self.scale.choice == PASS

    def message(self) -> str | None:
        """The reply for the current choice, or None before any choice."""
        if self.passed:
            return self.content.pass_message
        if self.score is None:
            return None
        return self.content.reply(self.score)

    def _on_choice(self, key: str) -> None:
        # One announcement, not two: "Noted: 3." and the reply together.
        noted = self.scale.status.message
        self.scale.status.say("")
        self.reply.say(f"{noted} {self.message()}")

    def reset_answers(self) -> None:
        self.scale.clear()



def check_in(path: str):
    """A check-in from a file in ``assets/``; a calm message if it is broken."""
    return from_files(CheckIn, CHECK_IN.at(path))
