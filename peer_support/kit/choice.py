"""An accessible single-choice scale: one real button per option, plus "Pass".

Every option, including Pass, is a plain button of the same style, so passing looks just like
answering. It works by keyboard (Tab, then Enter or Space) and by a single click or tap.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import ipywidgets as widgets
import traitlets

from ..content import rules
from ..i18n import t
from .status import LiveStatus

__all__ = ["ChoiceScale", "Option"]

PASS = "pass"


@dataclass(frozen=True)
class Option:
    """An answer in a content file: its id (never "pass": Pass is added) and its words."""

    id: str = rules.identifier(reserved=(PASS,))
    label: str = rules.text(60, "The answer's words on its button.")



def noted(label: str) -> str:
    """"Noted: <label>." without a doubled stop when the label ends its own sentence."""
    text = t("choice.noted", label=label)
    return text[:-1] if text.endswith(("..", "?.", "!.")) else text

class ChoiceScale(widgets.VBox):
    """A question with a row of option buttons.

    Parameters
    ----------
    question : str
        The question shown above the buttons (plain text).
    options : sequence of (key, label) pairs
        The choices, in order. Keys are what :attr:`choice` holds.
    allow_pass : bool
        Add a "Pass" button, styled like the others, whose key is ``"pass"``.
    """

    choice = traitlets.Unicode(None, allow_none=True, help="Key of the chosen option, or None.")

    def __init__(self, question: str, options: Sequence[tuple[str, str]],
                 allow_pass: bool = True, **kwargs):
        self.options = list(options) + ([(PASS, t("choice.pass"))] if allow_pass else [])
        keys = [key for key, _ in self.options]
        if len(set(keys)) != len(keys):
            raise ValueError("option keys must be unique")
        self.labels = dict(self.options)
        self.question = widgets.Label(question)
        self.question.add_class("pack-question")
        self.buttons = {}
        for key, label in self.options:
            button = widgets.Button(description=label)
            button.add_class(f"qa-choice-{key}")
            button.on_click(lambda _button, key=key: self.choose(key))
            self.buttons[key] = button
        self.status = LiveStatus()
        self._handlers: list[Callable[[str], None]] = []
        row = widgets.HBox(list(self.buttons.values()))
        row.add_class("pack-choice-row")
        super().__init__([self.question, row, self.status], **kwargs)
        self.add_class("pack-choice")

    def choose(self, key: str) -> None:
        """Choose the option ``key``, as a click on its button does."""
        if key not in self.labels:
            raise KeyError(key)
        self.show(key)
        self.status.say(noted(self.labels[key]))
        for handler in self._handlers:
            handler(key)

    def clear(self, question: str | None = None) -> None:
        """Forget the choice, for example when the next card comes up."""
        if question is not None:
            self.question.value = question
        self.show(None)
        self.status.say("")

    def show(self, key: str | None) -> None:
        """Show ``key`` as chosen without announcing or calling handlers (going back a card)."""
        self.choice = key
        for option_key, button in self.buttons.items():
            chosen = option_key == key
            button.button_style = "primary" if chosen else ""
            button.description = ("✓ " if chosen else "") + self.labels[option_key]

    def on_choice(self, handler: Callable[[str], None]) -> None:
        """Call ``handler(key)`` whenever an option is chosen."""
        self._handlers.append(handler)

    def on_change(self, handler: Callable[[], None]) -> None:
        """Call ``handler()`` whenever the choice changes: chosen, or cleared."""
        self.observe(lambda _: handler(), names="choice")

    def focus_first(self) -> None:
        """Move keyboard focus to the first option."""
        next(iter(self.buttons.values())).focus()
