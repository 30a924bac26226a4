"""Private reflection: labelled text areas with a clear length limit, and a set of prompts
with a download of the answers.

What a woman types stays in this page's memory only. It is never written to disk, never
shown as HTML, and is gone when she closes the page or presses "Clear my answers".
"""

from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as widgets
import traitlets

from ..content import Checker, load_yaml
from ..i18n import t
from ..text import DEFAULT_LIMIT, CheckedText, check_text, escape
from .handout import DownloadPanel, Handout
from .status import LiveStatus

__all__ = ["Reflection", "ReflectionBox", "load_reflection"]


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
    id: str
    label: str
    hint: str


def load_reflection(path: str) -> tuple[str, str, list[Prompt]]:
    """Read and check a reflection file: its title, intro and prompts."""
    check = Checker(path)
    data = check.mapping(load_yaml(path), "The file")
    title = check.text(data, "title", "The file", 120)
    intro = check.text(data, "intro", "The file", 400, required=False)
    seen: set[str] = set()
    prompts = []
    for number, entry in enumerate(check.items(data.get("prompts"), "'prompts'"), start=1):
        where = f"Prompt {number}"
        check.mapping(entry, where)
        prompts.append(Prompt(
            id=check.identifier(entry, where, seen),
            label=check.text(entry, "label", where, 120),
            hint=check.text(entry, "hint", where, 300, required=False),
        ))
    return title, intro, prompts


class Reflection(widgets.VBox):
    """Private prompts with a download of the answers and a "Clear my answers" button.

    Parameters
    ----------
    title, intro : str
        Shown above the prompts and at the top of the download.
    prompts : list of Prompt
        One reflection box each.
    """

    def __init__(self, title: str, intro: str, prompts: list[Prompt], **kwargs):
        self.title = title
        self.intro = intro
        self.boxes = [ReflectionBox(p.label, p.hint) for p in prompts]
        for prompt, box in zip(prompts, self.boxes, strict=True):
            box.text_area.add_class(f"qa-prompt-{prompt.id}")
        self.download = DownloadPanel(self.handout, basename="workshop-notes")
        for box in self.boxes:
            # A link prepared earlier would hold old answers: withdraw it on any change.
            box.text_area.observe(lambda _: self.download.reset(), names="value")
        self.clear_button = widgets.Button(description=t("reflection.clear"))
        self.clear_button.add_class("qa-clear-answers")
        self.clear_button.on_click(lambda _: self.clear())
        self.status = LiveStatus()
        header = widgets.HTML(f"<p>{escape(intro or t('reflection.empty_note'))}</p>")
        super().__init__([header, *self.boxes, self.download, self.clear_button, self.status],
                         **kwargs)
        self.add_class("pack-reflection-set")

    def handout(self) -> Handout | str:
        """The answers given, prompt by prompt; empty answers are left out."""
        if any(box.checked.too_long for box in self.boxes):
            return t("handout.waiting")
        handout = Handout(self.title, self.intro)
        for box in self.boxes:
            answer = box.checked.usable
            handout.add(box.label, [answer] if answer else [])
        return handout

    def clear(self) -> None:
        """Empty every box and withdraw any download link."""
        for box in self.boxes:
            box.clear()
        self.download.reset()
        self.status.say(t("reflection.cleared"))
