"""A list the group builds: each item a row with its words and its buttons (move up, move
down, change, remove, or whatever the exercise needs).

Rows are made once and reused, never rebuilt: row 3 always shows the third item. So a button
that keyboard focus is sent to already exists in the page. Every list follows one focus rule:

- after **moving** an item, focus stays on the same button of the moved item, so pressing
  again keeps moving it;
- after **removing** one, focus goes to the same button of the item that took its place (or
  of the new last item); when the list is empty, to ``home`` (the box where items are made);
- after **adding** one from the form, focus goes back to ``home``, ready for the next;
- after **saving or cancelling** a change of wording, focus goes back to that item's
  "change" button.

An item can be changed in place (``inline_edit``): its row opens a text box with Save and
Cancel. What is typed there stays with its item if the list is reordered, so nothing is lost.

Example::

    words = EditableList(
        [Action("remove", lambda n, word: f"Remove {word}", "qa-remove-word")],
        describe=lambda n, word: escape(word), announce=lambda event, n, word: f"{event}: {word}")
    words.add("peer")
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import ipywidgets as widgets

from ..i18n import t
from .status import LiveStatus

__all__ = ["Action", "EditableList", "Refusal"]

Describe = Callable[[int, Any], str]


@dataclass(frozen=True)
class Refusal:
    """What ``check`` returns when typed words cannot be used: the message to say."""

    message: str


@dataclass(frozen=True)
class Action:
    """One button on every row.

    ``key`` is ``"up"``, ``"down"``, ``"remove"`` or ``"change"`` (handled by the list), or
    any other word, which calls the list's ``on_action`` handler. ``label`` and ``tooltip``
    take the item's position (from 0) and the item.
    """

    key: str
    label: Describe
    css: str
    tooltip: Describe | None = None


class EditableList(widgets.VBox):
    """Items in rows, with buttons; see the module docstring for the focus rule.

    Parameters
    ----------
    actions : sequence of Action
        The buttons of every row, in order.
    describe : callable, optional
        ``describe(position, item)`` gives the row's words as HTML (escape what you include);
        None for rows with buttons only.
    announce : callable
        ``announce(event, position, item)`` gives what to say after ``"added"``, ``"moved"``,
        ``"at_top"``, ``"at_bottom"``, ``"removed"``, ``"editing"``, ``"edited"`` or
        ``"edit_cancelled"``; None says nothing.
    home : widget, optional
        Where focus goes when the list is empty, and after adding from the form.
    check : callable, optional
        For ``inline_edit``: ``check(text, position)`` returns the new item, or a
        :class:`Refusal` saying why the words cannot be used (the box keeps them).
    inline_edit : callable, optional
        ``inline_edit(position)`` gives the change box's label; None: no change box.
    row_classes : sequence of str
        CSS classes for every row.
    beside : bool
        Put each row's words and buttons side by side (for short words), not one above the
        other.
    css_prefix : str
        Names the parts' classes for tests and styles: ``<prefix>-text`` (the words),
        ``<prefix>-edit``, ``<prefix>-save`` and ``<prefix>-cancel`` (the change box).
    status : LiveStatus, optional
        Where announcements go; the list makes its own if not given.
    """

    def __init__(self, actions: Sequence[Action], *, describe: Describe | None = None,
                 announce: Callable[[str, int, Any], str | None] = lambda *_: None,
                 home: widgets.Widget | None = None,
                 check: Callable[[str, int], Any] | None = None,
                 inline_edit: Callable[[int], str] | None = None,
                 edit_text: Callable[[Any], str] = str,
                 row_classes: Sequence[str] = (), beside: bool = False,
                 css_prefix: str = "pack-list", status: LiveStatus | None = None, **kwargs):
        self.actions = list(actions)
        self.describe = describe
        self.announce = announce
        self.home = home
        self.check = check
        self.inline_edit = inline_edit
        self.edit_text = edit_text
        self.row_classes = list(row_classes)
        self.css_prefix = css_prefix
        self.beside = beside
        self.status = status or LiveStatus()
        self.items: list[Any] = []
        self.drafts: list[str | None] = []  # the open change box's words, per item
        self._rows: list[dict] = []
        self._handlers: list[Callable[[], None]] = []
        self._action_handlers: list[Callable[[str, int], None]] = []
        self._removed_handlers: list[Callable[[Any], None]] = []
        # One layout and style model for all the buttons: far fewer models to send.
        self._button_layout = widgets.Layout()
        self._button_style = widgets.ButtonStyle()
        super().__init__(**kwargs)
        self.add_class("pack-editable-list")

    # ---- listening ----

    def on_change(self, handler: Callable[[], None]) -> None:
        """Call ``handler()`` after every change to the items."""
        self._handlers.append(handler)

    def on_removed(self, handler: Callable[[Any], None]) -> None:
        """Call ``handler(item)`` after an item is taken out (not after :meth:`clear`)."""
        self._removed_handlers.append(handler)

    def on_action(self, handler: Callable[[str, int], None]) -> None:
        """Call ``handler(key, position)`` when a button of the exercise's own is pressed."""
        self._action_handlers.append(handler)

    def _changed(self, event: str, position: int, item: Any) -> None:
        self._draw()
        message = self.announce(event, position, item)
        if message:
            self.status.say(message)
        for handler in self._handlers:
            handler()

    # ---- changing the items ----

    def add(self, item: Any, from_form: bool = False) -> None:
        """Add ``item`` at the end. From the form, focus goes back to ``home``."""
        self.items.append(item)
        self.drafts.append(None)
        self._changed("added", len(self.items) - 1, item)
        if from_form:
            self.focus_home()

    def replace(self, position: int, item: Any) -> None:
        """Put ``item`` in place of the one at ``position``."""
        self._check_position(position)
        self.items[position] = item
        self._changed("edited", position, item)

    def move(self, position: int, step: int) -> int:
        """Move the item at ``position`` up (``step=-1``) or down (``step=1``); return where
        it is now. At the top or bottom it stays put and says so."""
        if step not in (-1, 1):
            raise ValueError("step must be -1 or 1")
        item = self._check_position(position)
        target = position + step
        if not 0 <= target < len(self.items):
            message = self.announce("at_top" if step < 0 else "at_bottom", position, item)
            if message:
                self.status.say(message)
            return position
        for values in (self.items, self.drafts):
            values[position], values[target] = values[target], values[position]
        self._changed("moved", target, item)
        self.focus(target, "up" if step < 0 else "down")
        return target

    def remove(self, position: int, focus: bool = True) -> Any:
        """Take out the item at ``position``; focus goes by the rule (see the module), unless
        ``focus`` is False (the item was taken out from elsewhere, where focus stays)."""
        item = self._check_position(position)
        del self.items[position]
        del self.drafts[position]
        for handler in self._removed_handlers:
            handler(item)
        self._changed("removed", position, item)
        if not focus:
            return item
        if self.items:
            self.focus(min(position, len(self.items) - 1), "remove")
        else:
            self.focus_home()
        return item

    def clear(self) -> None:
        """Empty the list (no announcement; the exercise says what it cleared)."""
        self.set_items([])

    def set_items(self, items: Sequence[Any]) -> None:
        """Put ``items`` in the list instead of what it holds (no announcement)."""
        self.items[:] = list(items)
        self.drafts[:] = [None] * len(self.items)
        self._draw()
        for handler in self._handlers:
            handler()

    def _check_position(self, position: int) -> Any:
        if not 0 <= position < len(self.items):
            raise IndexError(f"there is no item {position}")
        return self.items[position]

    # ---- changing wording in place ----

    def start_edit(self, position: int) -> None:
        """Open the change box of the item at ``position``, with its words, and focus it."""
        item = self._check_position(position)
        self.drafts[position] = self.edit_text(item)
        self._draw()
        self._rows[position]["area"].focus()
        message = self.announce("editing", position, item)
        if message:
            self.status.say(message)

    def editing(self, position: int) -> bool:
        return self.drafts[position] is not None

    def save_edit(self, position: int) -> bool:
        """Use the words in the change box, if ``check`` accepts them; True if saved."""
        self._check_position(position)
        result = self.check(self.drafts[position] or "", position)
        if isinstance(result, Refusal):
            self.status.say(result.message)
            self._rows[position]["area"].focus()
            return False
        self.drafts[position] = None
        self.items[position] = result
        self._changed("edited", position, result)
        self.focus(position, "change")
        return True

    def cancel_edit(self, position: int) -> None:
        """Close the change box without changing the item."""
        item = self._check_position(position)
        self.drafts[position] = None
        self._draw()
        message = self.announce("edit_cancelled", position, item)
        if message:
            self.status.say(message)
        self.focus(position, "change")

    def type_in_edit(self, position: int, text: str) -> None:
        """Type ``text`` into the open change box (as the browser does)."""
        self._rows[position]["area"].value = text

    # ---- focus ----

    def focus(self, position: int, action: str) -> None:
        """Move keyboard focus to button ``action`` of the row at ``position``."""
        if 0 <= position < len(self.items):
            button = self._rows[position]["buttons"].get(action)
            if button is not None:
                button.focus()

    def focus_home(self) -> None:
        if self.home is not None:
            self.home.focus()

    def button(self, position: int, action: str) -> widgets.Button:
        """The button ``action`` of the row at ``position`` (for tests and exercises)."""
        return self._rows[position]["buttons"][action]

    # ---- drawing ----

    def redraw(self) -> None:
        """Draw every row again (for words that depend on something outside the list)."""
        self._draw()

    def _press(self, row: int, action: str) -> None:
        if row >= len(self.items):
            return  # a hidden row's button: nothing to do
        if action == "up":
            self.move(row, -1)
        elif action == "down":
            self.move(row, 1)
        elif action == "remove":
            self.remove(row)
        elif action == "change" and self.inline_edit is not None:
            self.start_edit(row)
        else:
            for handler in self._action_handlers:
                handler(action, row)

    def _make_row(self, number: int) -> dict:
        buttons = {}
        for action in self.actions:
            button = widgets.Button(layout=self._button_layout, style=self._button_style)
            button.add_class(action.css)
            button.on_click(lambda _, key=action.key: self._press(number, key))
            buttons[action.key] = button
        parts: list[widgets.Widget] = []
        row = {"buttons": buttons, "view": None, "area": None, "editor": None}
        if self.describe is not None:
            row["view"] = widgets.HTML()
            row["view"].add_class(f"{self.css_prefix}-text")
            parts.append(row["view"])
        if self.beside:
            parts += list(buttons.values())
        else:
            button_row = widgets.HBox(list(buttons.values()))
            button_row.add_class("pack-row-buttons")
            parts.append(button_row)
        if self.inline_edit is not None:
            area = widgets.Textarea(continuous_update=False, rows=3)
            area.add_class(f"{self.css_prefix}-edit")
            area.observe(lambda change: self._typed(number, change["new"]), names="value")
            save = widgets.Button(description=t("list.save"), layout=self._button_layout,
                                  style=self._button_style)
            save.add_class(f"{self.css_prefix}-save")
            save.on_click(lambda _: self.save_edit(number))
            cancel = widgets.Button(description=t("list.cancel"), layout=self._button_layout,
                                    style=self._button_style)
            cancel.add_class(f"{self.css_prefix}-cancel")
            cancel.on_click(lambda _: self.cancel_edit(number))
            editor = widgets.VBox([area, widgets.HBox([save, cancel])],
                                  layout=widgets.Layout(display="none"))
            editor.add_class("pack-list-editor")
            row.update(area=area, editor=editor, save=save, cancel=cancel)
            parts.append(editor)
        box = (widgets.HBox(parts, layout=widgets.Layout(align_items="center")) if self.beside
               else widgets.VBox(parts))
        for css in self.row_classes:
            box.add_class(css)
        row["box"] = box
        return row

    def _typed(self, number: int, text: str) -> None:
        if number < len(self.drafts) and self.drafts[number] is not None:
            self.drafts[number] = text

    def _draw(self) -> None:
        while len(self._rows) < len(self.items):
            self._rows.append(self._make_row(len(self._rows)))
        if len(self.children) != len(self._rows):
            self.children = tuple(row["box"] for row in self._rows)
        for number, row in enumerate(self._rows):
            if number >= len(self.items):
                # A spare row keeps nothing of what it showed: no stale words in the page.
                row["box"].layout.display = "none"
                if row["view"] is not None:
                    row["view"].value = ""
                for button in row["buttons"].values():
                    button.description = button.tooltip = ""
                if row["area"] is not None:
                    row["area"].value = ""
                continue
            item = self.items[number]
            if row["view"] is not None:
                row["view"].value = self.describe(number, item)
            for action in self.actions:
                button = row["buttons"][action.key]
                button.description = action.label(number, item)
                if action.tooltip is not None:
                    button.tooltip = action.tooltip(number, item)
            if row["editor"] is not None:
                draft = self.drafts[number]
                row["editor"].layout.display = None if draft is not None else "none"
                row["area"].description = self.inline_edit(number)
                if draft is not None and row["area"].value != draft:
                    row["area"].value = draft
            row["box"].layout.display = None
