"""The Self-care chapter's feelings check-in: a core feeling, then a more exact word, then (if
she likes) a need that might be behind it, offered from the needs inventory's file. Nothing is
kept and nothing can be downloaded.
"""

from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as widgets

from ..content import rules
from ..i18n import t
from ..kit.base import Exercise, from_files
from ..kit.choice import PASS, ChoiceScale
from ..text import escape
from .self_care import NEEDS, NeedsFile

__all__ = ["FEELINGS", "FeelingsCheckIn", "FeelingsFile", "feelings_check_in"]

CORE_FEELINGS = ("mad", "sad", "scared", "joyful", "powerful", "peaceful")


@dataclass(frozen=True)
class Feeling:
    """A core feeling and the more exact words under it."""

    id: str = rules.identifier()
    label: str = rules.text(40, "The feeling's name on its button.")
    words: list[str] = rules.texts(2, 40, "Closer words for it.")


@dataclass(frozen=True)
class FeelingsFile:
    question: str = rules.text(200, "Asked first: the core feeling.")
    word_question: str = rules.text(200, "Asked next: a closer word.")
    need_question: str = rules.text(200, "Asked last: a need that might be behind it.")
    feelings: list[Feeling] = rules.items(Feeling, "feeling", "The six core feelings, in order: "
                                          + ", ".join(CORE_FEELINGS) + ".")

    def validate(self, fail, where: str) -> None:
        if tuple(f.id for f in self.feelings) != CORE_FEELINGS:
            fail(t("self_care.core_feelings", feelings=", ".join(CORE_FEELINGS)))


FEELINGS = rules.Kind(FeelingsFile, "The feelings check-in")


class FeelingsCheckIn(Exercise):
    """Pick a core feeling, then a closer word, then (optionally) a need. Nothing is kept.

    There is deliberately no download and no history: "Start again" forgets everything.

    Parameters
    ----------
    content : FeelingsFile
        The questions and the core feelings with their closer words.
    needs : NeedsFile
        The needs inventory's file: its needs are offered as the need behind the feeling.
    """

    clear_key = "self_care.feelings_restart"
    cleared_key = "self_care.feelings_restarted"

    def __init__(self, content: FeelingsFile, needs: NeedsFile, **kwargs):
        self.content = content
        self.feelings = {feeling.id: feeling for feeling in content.feelings}
        self.needs = {need.id: need for need in needs.items}
        self.feeling: str | None = None
        self.word: str | None = None
        self.need: str | None = None

        self.core = ChoiceScale(content.question, [(f.id, f.label) for f in content.feelings])
        self.core.add_class("qa-feelings-core")
        self.core.on_choice(self._on_feeling)
        # The closer words are made when their feeling is first chosen: fewer widgets to load.
        self.word_scales: dict[str, ChoiceScale] = {}
        self.word_area = widgets.VBox()
        self.need_scale = ChoiceScale(content.need_question,
                                      [(n.id, n.name) for n in needs.items])
        self.need_scale.add_class("qa-feelings-need")
        self.need_scale.layout.display = "none"
        self.need_scale.on_choice(self._on_need)
        self.summary = widgets.HTML()
        self.summary.add_class("qa-feelings-summary")
        super().__init__(download=None, **kwargs)
        self.restart_button = self.clear_button
        self.restart_button.add_class("qa-feelings-restart")
        self.add_class("pack-feelings-check-in")
        self._draw()

    def build(self) -> list[widgets.Widget]:
        return [self.core, self.word_area, self.need_scale, self.summary, self.clear_button,
                self.status]

    def choose_feeling(self, key: str) -> None:
        """Choose a core feeling (or ``"pass"``), as its button does."""
        self.core.choose(key)

    def choose_word(self, word: str) -> None:
        """Choose a closer word (its text, or ``"pass"``) under the chosen core feeling."""
        if self.feeling is None or self.feeling == PASS:
            raise ValueError("choose a core feeling first")
        scale = self.word_scales[self.feeling]
        keys = {label: key for key, label in scale.options}
        scale.choose(keys.get(word, word))

    def choose_need(self, key: str) -> None:
        """Choose the need that might be behind the feeling (or ``"pass"``)."""
        self.need_scale.choose(key)

    def _word_scale(self, feeling_id: str) -> ChoiceScale:
        if feeling_id not in self.word_scales:
            words = self.feelings[feeling_id].words
            options = [(f"w{number}", word) for number, word in enumerate(words, 1)]
            scale = ChoiceScale(self.content.word_question, options)
            scale.add_class("qa-feelings-words")
            scale.add_class(f"qa-feelings-words-{feeling_id}")
            scale.on_choice(self._on_word)
            self.word_scales[feeling_id] = scale
        return self.word_scales[feeling_id]

    def _on_feeling(self, key: str) -> None:
        self.feeling = key
        self.word = None
        self.need = None
        self.need_scale.clear()
        self.need_scale.layout.display = "none"
        if key == PASS:
            self.word_area.children = ()
        else:
            scale = self._word_scale(key)
            scale.clear()
            self.word_area.children = (scale,)
        self._draw()
        if key != PASS:
            self.word_scales[key].focus_first()

    def _on_word(self, key: str) -> None:
        scale = self.word_scales[self.feeling]
        self.word = key if key == PASS else scale.labels[key]
        self.need = None
        self.need_scale.clear()
        self.need_scale.layout.display = None
        self._draw()
        self.need_scale.focus_first()

    def _on_need(self, key: str) -> None:
        self.need = key
        self._draw()

    def reflection(self) -> str:
        """What she chose, put back to her gently, as plain text."""
        if self.feeling is None:
            return t("self_care.feelings_start")
        if self.feeling == PASS:
            return t("self_care.feelings_passed")
        feeling = self.feelings[self.feeling].label
        if self.word is None:
            parts = [t("self_care.feelings_chose", feeling=feeling.lower())]
        elif self.word == PASS:
            parts = [t("self_care.feelings_chose_only", feeling=feeling.lower())]
        else:
            parts = [t("self_care.feelings_word", word=self.word, feeling=feeling.lower())]
        if self.need and self.need != PASS:
            parts.append(t("self_care.feelings_need", need=self.needs[self.need].name))
        parts.append(t("self_care.feelings_allowed"))
        return " ".join(parts)

    def _draw(self) -> None:
        self.summary.value = f'<p class="pack-message">{escape(self.reflection())}</p>'

    def reset_answers(self) -> None:
        self.feeling = self.word = self.need = None
        self.core.clear()
        self.word_area.children = ()
        self.need_scale.clear()
        self.need_scale.layout.display = "none"
        self._draw()

    def focus_after_clear(self) -> None:
        self.core.focus_first()

    def restart(self) -> None:
        """Forget everything and start again, as "Start again" does."""
        self._clear_pressed()



def feelings_check_in(feelings: str = "self_care/feelings.yaml",
                      needs: str = "self_care/needs.yaml"):
    """The feelings check-in, from its files in ``assets/``; a calm message if broken."""
    return from_files(FeelingsCheckIn, FEELINGS.at(feelings), NEEDS.at(needs))
