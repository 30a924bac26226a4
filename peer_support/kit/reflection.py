"""Private reflection: labelled text areas with a clear length limit, and a set of prompts
with a download of the answers.

What a woman types stays in this page's memory only. It is never written to disk, never
shown as HTML, and is gone when she closes the page or presses "Clear my answers".
"""

from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as widgets
import traitlets

from ..content import rules
from ..i18n import t
from ..text import DEFAULT_LIMIT, CheckedText, check_text, escape
from .base import Exercise, from_files
from .handout import Handout
from .status import LiveStatus

__all__ = ["REFLECTION", "Prompt", "Reflection", "ReflectionBox", "ReflectionFile", "reflection"]


class ReflectionBox(widgets.VBox):
    """One prompt with a text area, a gentle hint and a characters-left count.

    Parameters
    ----------
    label : str
        The question. It becomes the text area's real ``<label>``.
    hint : str
        A sentence under the question (plain text).
    limit : int
        Most characters kept in a download. Longer text stays in the box, untouched, with a
        message asking to shorten it; it is left out of downloads until then.
    """

    answer_text = traitlets.Unicode("", help="What she has typed, as typed.")

    def __init__(self, label: str, hint: str = "", limit: int = DEFAULT_LIMIT, **kwargs):
        self.limit = limit
        self.text_area = widgets.Textarea(
            description=label,
            continuous_update=False,
            layout=widgets.Layout(width="100%"),
        )
        self.text_area.add_class("pack-reflection-input")
        self.hint = widgets.Label(hint)
        self.hint.add_class("pack-muted")
        self.status = LiveStatus()
        self.text_area.observe(self._on_change, names="value")
        children = [self.text_area] + ([self.hint] if hint else []) + [self.status]
        super().__init__(children, **kwargs)
        self.add_class("pack-reflection")
        self._update_status()

    @property
    def label(self) -> str:
        return self.text_area.description

    @property
    def checked(self) -> CheckedText:
        """The answer, tidied and measured against the limit."""
        return check_text(self.text_area.value, self.limit)

    def write(self, text: str) -> None:
        """Put ``text`` in the box, as typing does."""
        self.text_area.value = text

    def clear(self) -> None:
        """Empty the box."""
        self.text_area.value = ""

    def on_change(self, handler) -> None:
        """Call ``handler()`` whenever the text changes."""
        self.text_area.observe(lambda _: handler(), names="value")

    def _on_change(self, change) -> None:
        self.answer_text = change["new"]
        self._update_status()

    def _update_status(self) -> None:
        checked = self.checked
        if checked.too_long:
            self.status.say(t("reflection.too_long", limit=f"{self.limit:,}",
                              length=f"{checked.length:,}"))
        else:
            self.status.say(t("reflection.left", left=f"{self.limit - checked.length:,}"))


@dataclass(frozen=True)
class Prompt:
    """One private question."""

    id: str = rules.identifier()
    label: str = rules.text(120, "The question; it becomes the box's label.")
    hint: str = rules.text(300, "A sentence under the question.", required=False)


@dataclass(frozen=True)
class ReflectionFile:
    """A set of private reflection prompts."""

    title: str = rules.text(120, "Shown above the prompts and at the top of the download.")
    prompts: list[Prompt] = rules.items(Prompt, "prompt", "The questions, in order.")
    intro: str = rules.text(400, "A sentence under the title.", required=False)


REFLECTION = rules.Kind(ReflectionFile, "Private reflection prompts")


class Reflection(Exercise):
    """Private prompts with a download of the answers and a "Clear my answers" button.

    Parameters
    ----------
    content : ReflectionFile
        The title and intro (shown above the prompts and at the top of the download) and the
        prompts, one reflection box each.
    """

    clear_key = "reflection.clear"
    cleared_key = "reflection.cleared"

    def __init__(self, content: ReflectionFile, **kwargs):
        self.title = content.title
        self.intro = content.intro
        self.boxes = [ReflectionBox(p.label, p.hint) for p in content.prompts]
        for prompt, box in zip(content.prompts, self.boxes, strict=True):
            box.text_area.add_class(f"qa-prompt-{prompt.id}")
        super().__init__(**kwargs)
        self.clear_button.add_class("qa-clear-answers")
        self.watch(*self.boxes)
        self.add_class("pack-reflection-set")

    def build(self) -> list[widgets.Widget]:
        header = widgets.HTML(f"<p>{escape(self.intro or t('reflection.empty_note'))}</p>")
        return [header, *self.boxes, self.download, self.clear_button, self.status]

    def handout(self) -> Handout | str:
        """The answers given, prompt by prompt; empty answers are left out."""
        if any(box.checked.too_long for box in self.boxes):
            return t("handout.waiting")
        handout = Handout(self.title, self.intro)
        for box in self.boxes:
            answer = box.checked.usable
            handout.add(box.label, [answer] if answer else [])
        return handout

    def reset_answers(self) -> None:
        for box in self.boxes:
            box.clear()


def reflection(path: str):
    """Private reflection prompts from a file in ``assets/``; a calm message if it is broken."""
    return from_files(Reflection, REFLECTION.at(path))
