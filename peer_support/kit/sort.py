"""Sort cards into columns, one card at a time, by keyboard, click or tap.

A ``ColumnSort`` shows the card on show in large type with one "Move to <column>" button per
column, so a keyboard user sorts the whole pile from the same few buttons: focus stays on the
button she pressed while the next card comes up. Below that, each column lists its cards; every
sorted card has a "Put back" button and a "Move to <other column>" button for each other column
(:class:`SortedColumns` draws them in the browser, so each button's accessible name also names
its card: "Put back in the pile: Listening"). Nothing is dragged: every move is a single click,
tap, Enter or Space on a real button.

Tab order, top to bottom:

1. the sort's heading, "Still to sort: 19" and the card on show, in large type;
2. one "Move to …" button per column; the status line (announced: "“Listening” moved to
   “Builds trust”. 5 of 24 sorted. Next: “Keeping time”."); "Not sure yet: show it later"
   and "Start the sort again";
3. (``allow_add`` only) a text box and "Add this card";
4. the columns, each with its sorted cards and their buttons.

Starting again asks first (it puts every sorted card back), so nothing is lost by one stray
key press. The methods the buttons call (:meth:`ColumnSort.move`, :meth:`ColumnSort.move_back`,
:meth:`ColumnSort.reset`, :meth:`ColumnSort.add_card`) can be used without a browser.

Example::

    sort = ColumnSort(["Listening", "Keeping time"],
                      [("builds", "Builds trust"), ("breaks", "Breaks trust")],
                      label="Sort the cards")
    sort.move("Listening", "builds")
    sort.in_column("builds")        # ["Listening"]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path

import anywidget
import ipywidgets as widgets
import traitlets

from ..i18n import t
from ..text import check_text, escape
from .html import button
from .status import LiveStatus

__all__ = ["CARD_LIMIT", "ColumnSort", "SortedColumns"]

#: The longest card a person may add, in characters.
CARD_LIMIT = 80

_KEY_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
STATIC = Path(__file__).parent / "static"





class SortedColumns(anywidget.AnyWidget):
    """The columns of a :class:`ColumnSort`, drawn in the browser.

    ``columns`` holds, for each column, its heading (with a count), the text for an empty
    column, and its cards, each with its actions: ``{"to": <column key, or "" for put back>,
    "label": <visible text>, "name": <accessible name>, "css": <qa- class>}``. A press sends
    ``{"card": ..., "to": ...}`` back to the kernel.
    """

    # Drawn in the browser from plain data, so each button can carry a full accessible name
    # ("Put back in the pile: Listening") while its visible text stays short ("Put back"), and
    # a column of 30 cards is one widget, not 200. Text is set with textContent only.
    _esm = STATIC / "sorted_columns.js"
    _css = STATIC / "sorted_columns.css"
    columns = traitlets.List(help="What each column shows; see the class docstring.").tag(
        sync=True)


def _same(first: str, second: str) -> bool:
    return first.casefold() == second.casefold()


class ColumnSort(widgets.VBox):
    """Cards sorted into columns. See the module docstring for the layout.

    Parameters
    ----------
    cards : sequence of str
        The cards, in the order they come up. Each must be unique (ignoring case).
    columns : sequence of (key, heading) pairs
        At least two. Keys are lowercase letters, digits and hyphens (they name CSS classes
        such as ``qa-sort-move-<key>``); headings are shown and used in button labels.
    label : str
        A short heading for the whole sort, e.g. "Sort the leadership qualities".
    allow_add : bool
        Offer a text box so the group can add cards of its own (checked with ``check_text``,
        at most :data:`CARD_LIMIT` characters, no empty or repeated cards).

    Attributes
    ----------
    status : LiveStatus
        The one announced line for progress and results of every action.
    move_buttons : dict
        Column key -> the "Move to …" button for the card on show.
    """

    def __init__(self, cards: Sequence[str], columns: Sequence[tuple[str, str]], label: str,
                 allow_add: bool = False, **kwargs):
        self.columns = [(str(key), str(heading)) for key, heading in columns]
        keys = [key for key, _ in self.columns]
        if len(keys) < 2:
            raise ValueError("a sort needs at least two columns")
        if len(set(keys)) != len(keys):
            raise ValueError("column keys must be unique")
        bad = [key for key in keys if not _KEY_PATTERN.match(key)]
        if bad:
            raise ValueError(f"column keys must be lowercase letters, digits and hyphens: {bad}")
        self.headings = dict(self.columns)
        self.label = label
        self.allow_add = allow_add
        self._cards: list[str] = []
        for card in cards:
            if not isinstance(card, str) or not card.strip():
                raise ValueError("every card needs some text")
            if any(_same(card, seen) for seen in self._cards):
                raise ValueError(f"the card {card!r} appears twice")
            self._cards.append(card)
        self._pile: list[str] = list(self._cards)
        self._sorted: dict[str, list[str]] = {key: [] for key in keys}
        self._handlers: list[Callable[[], None]] = []

        self.status = LiveStatus()
        self.status.add_class("qa-sort-status")
        self.card_view = widgets.HTML()
        self.card_view.add_class("qa-sort-current")

        self.move_buttons: dict[str, widgets.Button] = {}
        for key, heading in self.columns:
            made = widgets.Button(description=t("sort.move_to", column=heading))
            made.add_class(f"qa-sort-move-{key}")
            made.on_click(lambda _, key=key: self.move_current(key))
            self.move_buttons[key] = made
        self.later_button = button(t("sort.later"), "qa-sort-later", lambda: self.later())
        self.reset_button = button(t("sort.reset"), "qa-sort-reset", lambda: self.ask_reset())
        self.reset_yes = button(t("sort.reset_yes"), "qa-sort-reset-yes",
                                lambda: self._confirm_reset())
        self.reset_no = button(t("sort.reset_no"), "qa-sort-reset-no", lambda: self._keep_sort())
        self.confirm_box = widgets.HBox([self.reset_yes, self.reset_no])
        self.confirm_box.add_class("pack-choice-row")
        self.confirm_box.layout.display = "none"

        move_row = widgets.HBox(list(self.move_buttons.values()))
        move_row.add_class("pack-choice-row")
        other_row = widgets.HBox([self.later_button, self.reset_button])
        other_row.add_class("pack-choice-row")
        on_show = widgets.VBox(
            [widgets.HTML(f"<h3>{escape(label)}</h3>"), self.card_view, move_row,
             self.status, other_row, self.confirm_box],
            layout=widgets.Layout(border="3px solid #0b0c0c", padding="0 1rem 0.5rem",
                                  margin="0.5rem 0 1rem"))
        on_show.add_class("pack-sort-on-show")

        children: list[widgets.Widget] = [on_show]
        if allow_add:
            self.add_input = widgets.Text(description=t("sort.add_label"),
                                          continuous_update=False)
            self.add_input.add_class("qa-sort-add-input")
            self.add_button = button(t("sort.add"), "qa-sort-add",
                                     lambda: self.add_card(self.add_input.value))
            add_row = widgets.HBox([self.add_input, self.add_button])
            add_row.add_class("pack-choice-row")
            children.append(add_row)

        self.columns_view = SortedColumns()
        self.columns_view.add_class("qa-sort-columns")
        self.columns_view.on_msg(self._on_view_message)
        children.append(self.columns_view)

        super().__init__(children, **kwargs)
        self.add_class("pack-sort")
        self._draw()
        self.status.say(self._progress())

    # ---- what is where ----

    @property
    def cards(self) -> list[str]:
        """Every card, in its original order (cards added later come last)."""
        return list(self._cards)

    @property
    def current(self) -> str | None:
        """The card on show: the first card still to sort, or None when all are sorted."""
        return self._pile[0] if self._pile else None

    def in_column(self, column: str) -> list[str]:
        """The cards in ``column``, in the order they were moved there."""
        if column not in self._sorted:
            raise KeyError(column)
        return list(self._sorted[column])

    def unsorted(self) -> list[str]:
        """The cards still to sort, the card on show first."""
        return list(self._pile)

    def sorted_count(self) -> int:
        return len(self._cards) - len(self._pile)

    def is_complete(self) -> bool:
        """True when every card is in a column (and there is at least one card)."""
        return bool(self._cards) and not self._pile

    def column_of(self, card: str) -> str | None:
        """The column key ``card`` is in, or None if it is still to sort."""
        card = self._find(card)
        for key, cards in self._sorted.items():
            if card in cards:
                return key
        return None

    def on_change(self, handler: Callable[[], None]) -> None:
        """Call ``handler()`` after every move, put back, reset or added card."""
        self._handlers.append(handler)

    # ---- moving ----

    def move(self, card: str, column: str) -> None:
        """Move ``card`` (still to sort, or in another column) to the end of ``column``.

        Raises
        ------
        KeyError
            For a card or column the sort does not have.
        """
        if column not in self._sorted:
            raise KeyError(column)
        card = self._find(card)
        was = self.column_of(card)
        if was == column:
            self.status.say(t("sort.already_there", card=card, column=self.headings[column]))
            return
        was_on_show = card == self.current
        self._take(card)
        self._sorted[column].append(card)
        message = [t("sort.moved", card=card, column=self.headings[column]), self._progress()]
        if was_on_show and self.current is not None:
            message.append(t("sort.next", card=self.current))
        self._changed(" ".join(message))

    def move_back(self, card: str) -> None:
        """Put ``card`` back on the pile, as the card on show. KeyError for an unknown card."""
        card = self._find(card)
        if self.column_of(card) is None:
            self.status.say(t("sort.already_unsorted", card=card))
            return
        self._take(card)
        self._pile.insert(0, card)
        self._changed(" ".join([t("sort.put_back_done", card=card), self._progress()]))

    def reset(self) -> None:
        """Put every card back on the pile, in the original order."""
        self._pile = list(self._cards)
        self._sorted = {key: [] for key in self._sorted}
        self._changed(" ".join([t("sort.reset_done", total=len(self._cards)),
                                t("sort.next", card=self.current) if self.current else ""]).strip())

    def later(self) -> None:
        """Move the card on show to the bottom of the pile ("not sure yet")."""
        if not self._pile:
            self.status.say(t("sort.nothing_left"))
            return
        if len(self._pile) == 1:
            self.status.say(t("sort.only_one", card=self._pile[0]))
            return
        card = self._pile.pop(0)
        self._pile.append(card)
        self._changed(" ".join([t("sort.later_done", card=card),
                                t("sort.next", card=self.current)]))

    def add_card(self, raw: str) -> bool:
        """Add a card of the group's own to the bottom of the pile. Returns True if added.

        Only when the sort was made with ``allow_add=True`` (otherwise RuntimeError). Empty,
        too long and repeated cards are refused with a clear message, and the typed text stays
        in the box so nothing is lost.
        """
        if not self.allow_add:
            raise RuntimeError("this sort was made without allow_add")
        checked = check_text(raw, CARD_LIMIT)
        if checked.is_empty:
            self.status.say(t("sort.add_empty"))
            return False
        if checked.too_long:
            self.status.say(t("sort.add_too_long", limit=CARD_LIMIT, length=checked.length))
            return False
        if any(_same(checked.text, card) for card in self._cards):
            self.status.say(t("sort.add_duplicate", card=checked.text))
            return False
        self._cards.append(checked.text)
        self._pile.append(checked.text)
        self.add_input.value = ""
        self._changed(" ".join([t("sort.added", card=checked.text), self._progress()]))
        return True

    # ---- what the buttons do (the same moves, plus sensible focus) ----

    def move_current(self, column: str) -> None:
        """Move the card on show to ``column``. Focus stays on the pressed button."""
        if self.current is None:
            self.status.say(t("sort.nothing_left"))
            return
        self.move(self.current, column)

    def ask_reset(self) -> None:
        """Ask before starting again; nothing is put back until she says yes."""
        if self.sorted_count() == 0:
            self.status.say(t("sort.reset_nothing"))
            return
        self.confirm_box.layout.display = None
        self.status.say(t("sort.reset_ask", count=self.sorted_count()))
        self.reset_no.focus()

    def _confirm_reset(self) -> None:
        self.reset()
        self.focus_first()

    def _keep_sort(self) -> None:
        self.confirm_box.layout.display = "none"
        self.status.say(t("sort.reset_kept"))
        self.reset_button.focus()

    def press(self, card: str, to: str) -> None:
        """What a sorted card's button does: ``to`` is a column key, or "" to put it back.

        After a move the browser keeps focus with the card, on its first button in the new
        column. After a put back the card is on show again, so focus goes to the first
        "Move to" button, the natural next step.
        """
        if to:
            self.move(card, to)
        else:
            self.move_back(card)
            self.focus_first()

    def _on_view_message(self, _view, content, _buffers) -> None:
        if isinstance(content, dict):
            try:
                self.press(str(content.get("card", "")), str(content.get("to", "")))
            except KeyError:
                self.status.say(t("sort.gone"))  # a stale button from an older drawing

    def focus_first(self) -> None:
        """Move keyboard focus to the first "Move to …" button."""
        next(iter(self.move_buttons.values())).focus()

    # ---- drawing ----

    def _find(self, card: str) -> str:
        for known in self._cards:
            if known == card:
                return known
        raise KeyError(card)

    def _take(self, card: str) -> None:
        if card in self._pile:
            self._pile.remove(card)
        for cards in self._sorted.values():
            if card in cards:
                cards.remove(card)

    def _progress(self) -> str:
        if self.is_complete():
            return t("sort.all_sorted", total=len(self._cards))
        return t("sort.progress", sorted=self.sorted_count(), total=len(self._cards))

    def _changed(self, message: str) -> None:
        self.confirm_box.layout.display = "none"  # any change answers "start again?" for now
        self._draw()
        self.status.say(message)
        for handler in self._handlers:
            handler()

    def _draw(self) -> None:
        remaining = escape(t("sort.remaining", count=len(self._pile)))
        if self.current is None:
            self.card_view.value = (
                f'<p class="pack-muted">{remaining}</p>'
                f'<div class="pack-card"><p>{escape(t("sort.done_card"))}</p></div>')
        else:
            self.card_view.value = (
                f'<p class="pack-muted">{remaining}</p>'
                f'<div class="pack-card"><p class="pack-card__term">{escape(self.current)}</p>'
                "</div>")
        self.columns_view.columns = [self._column_data(key, heading)
                                     for key, heading in self.columns]

    def _column_data(self, column: str, heading: str) -> dict:
        """What the browser draws for one column: plain text only."""
        cards = []
        for card in self._sorted[column]:
            actions = [{"to": "", "label": t("sort.put_back"),
                        "name": t("sort.put_back_name", card=card), "css": "qa-sort-back"}]
            for key, other in self.columns:
                if key != column:
                    actions.append({"to": key, "label": t("sort.move_to", column=other),
                                    "name": t("sort.move_card_name", column=other, card=card),
                                    "css": f"qa-sort-to-{key}"})
            cards.append({"text": card, "actions": actions})
        return {"key": column, "cards": cards, "empty": t("sort.empty_column"),
                "heading": t("sort.column_heading", heading=heading, count=len(cards))}
