"""A private reflection box: a labelled text area with a clear length limit.

What a woman types stays in this page's memory only. It is never written to disk, never
shown as HTML, and is gone when she closes the page or presses "Clear my answers".
"""

from __future__ import annotations

import ipywidgets as widgets
import traitlets

from .i18n import t
from .status import LiveStatus
from .text import DEFAULT_LIMIT, CheckedText, check_text


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
