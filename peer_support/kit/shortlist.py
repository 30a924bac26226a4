"""A shortlist: choose up to a few of what is on offer, one toggle button each.

Pressing a button chooses its item, and pressing it again takes it off; a choice past the limit
is kindly refused and nothing changes. Each button is made once and reused, so keyboard focus
stays on the one pressed. When something is no longer on offer (a card moved out of its column,
an idea unticked), it drops off the shortlist and that is said.

The words come from the exercise: ``label(key, chosen)`` for a button and
``announce(event, keys, count)`` for what to say after ``"added"``, ``"removed"``, ``"full"``,
``"already"``, ``"not_offered"``, ``"not_chosen"`` or ``"dropped"``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import ipywidgets as widgets

from ..text import escape
from .status import LiveStatus

__all__ = ["Shortlist"]


class Shortlist(widgets.VBox):
    """Up to ``limit`` of the items on offer; see the module docstring.

    Parameters
    ----------
    limit : int
        The most that can be chosen.
    label : callable
        ``label(key, chosen)``: a button's words.
    announce : callable
        ``announce(event, keys, count)``: what to say (see the module docstring).
    empty : str
        Shown while nothing is on offer.
    css : str
        The buttons' class, for tests and styles.
    """

    def __init__(self, limit: int, label: Callable[[str, bool], str],
                 announce: Callable[[str, list[str], int], str], empty: str = "",
                 css: str = "qa-shortlist-toggle", status: LiveStatus | None = None, **kwargs):
        self.limit = limit
        self.label = label
        self.announce = announce
        self.empty = empty
        self.css = css
        self.status = status or LiveStatus()
        self.offered: list[str] = []
        self.chosen: list[str] = []
        self.buttons: dict[str, widgets.Button] = {}
        self._handlers: list[Callable[[], None]] = []
        super().__init__(**kwargs)
        self.add_class("pack-shortlist")
        self._draw()

    def on_change(self, handler: Callable[[], None]) -> None:
        """Call ``handler()`` after every change to what is chosen."""
        self._handlers.append(handler)

    def offer(self, keys: Sequence[str]) -> None:
        """What is on offer now, in order; anything chosen that is no longer on offer drops
        off the list, and that is said."""
        self.offered = list(keys)
        dropped = [key for key in self.chosen if key not in self.offered]
        if dropped:
            self.chosen = [key for key in self.chosen if key in self.offered]
            self.status.say(self.announce("dropped", dropped, len(self.chosen)))
            self._changed()
        self._draw()

    def choose(self, key: str) -> bool:
        """Put ``key`` on the list; False (and a message) if it cannot be."""
        if key in self.chosen:
            return self._refuse("already", key)
        if key not in self.offered:
            return self._refuse("not_offered", key)
        if len(self.chosen) >= self.limit:
            return self._refuse("full", key)
        self.chosen.append(key)
        self.status.say(self.announce("added", [key], len(self.chosen)))
        self._changed()
        return True

    def unchoose(self, key: str) -> None:
        """Take ``key`` off the list (it stays on offer)."""
        if key not in self.chosen:
            self._refuse("not_chosen", key)
            return
        self.chosen.remove(key)
        self.status.say(self.announce("removed", [key], len(self.chosen)))
        self._changed()

    def toggle(self, key: str) -> bool:
        """Choose ``key``, or take it off if it is chosen; True if it is chosen now."""
        if key in self.chosen:
            self.unchoose(key)
            return False
        return self.choose(key)

    def clear(self) -> None:
        self.chosen = []
        self._changed()

    def _refuse(self, event: str, key: str) -> bool:
        self.status.say(self.announce(event, [key], len(self.chosen)))
        return False

    def _changed(self) -> None:
        self._draw()
        for handler in self._handlers:
            handler()

    def _button(self, key: str) -> widgets.Button:
        if key not in self.buttons:
            button = widgets.Button(layout=widgets.Layout(width="auto"))
            button.add_class(self.css)
            button.on_click(lambda _, key=key: self.toggle(key))
            self.buttons[key] = button
        button = self.buttons[key]
        chosen = key in self.chosen
        button.description = self.label(key, chosen)
        button.button_style = "primary" if chosen else ""
        return button

    def _draw(self) -> None:
        if self.offered:
            self.children = [self._button(key) for key in self.offered]
        elif self.empty:
            self.children = [widgets.HTML(f"<p>{escape(self.empty)}</p>")]
        else:
            self.children = []
