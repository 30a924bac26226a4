"""An agenda: blocks of time, added from suggestions or typed, changed, moved and removed by
buttons, with a running total, and clock times once a start time is given.

The learning event planner (Networking) is an agenda with notes on access and travel; a
session plan is an agenda of the pack's activities. The blocks are a kit
:class:`~peer_support.kit.editable_list.EditableList`, so focus follows the list's one rule.

Times are typed as a person writes them ("10:00", "9.30", "13:45"); a time that cannot be read
gets a clear message and counts as not given, so nothing is lost. An agenda may also be given
the time available ("90", "1:30", "2 hr"): the total is then set against it, and a plan that
runs over says by how much. A block that ends after midnight says "next day".
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import ipywidgets as widgets

from ..content import rules
from ..i18n import t
from ..text import check_text, escape
from .editable_list import Action, EditableList
from .html import button, label_above
from .status import LiveStatus
from .times import clock, duration, parse_length, parse_time

__all__ = ["Agenda", "Block", "clock", "clock_on", "duration", "parse_minutes", "parse_start"]

TITLE_LIMIT = 80
MAX_MINUTES = 240
MAX_BLOCKS = 30


@dataclass(frozen=True)
class Block:
    """One block of the agenda."""

    title: str = rules.text(TITLE_LIMIT, "What happens in the block.")
    minutes: int = rules.whole(1, MAX_MINUTES, "How long it takes, in minutes.")


def parse_minutes(raw: str | int | None) -> int | None:
    """Whole minutes from 1 to MAX_MINUTES, from a number or typed text; None if not valid."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        value = raw
    else:
        text = check_text(str(raw or ""), 10)
        if text.too_long or not re.fullmatch(r"\d+", text.text):
            return None
        value = int(text.text)
    return value if 1 <= value <= MAX_MINUTES else None


#: The agenda's start time is read like any other time a person types (see kit.times).
parse_start = parse_time

DAY = 24 * 60


def clock_on(minutes: int) -> str:
    """A clock time that says when it falls on a later day: 1470 gives "0:30 (next day)"."""
    days = minutes // DAY
    if days <= 0:
        return clock(minutes)
    if days == 1:
        return t("agenda.next_day", time=clock(minutes))
    return t("agenda.later_day", time=clock(minutes), days=days)


class Agenda(widgets.VBox):
    """Blocks of time with a form, a start time, the agenda in words and its total.

    Parameters
    ----------
    suggestions : sequence of Block
        Blocks offered as buttons ("Add 'Welcome' (15 min)"); each may be added more than once.
    css_prefix : str
        Names the parts for tests and styles (``<prefix>-title``, ``<prefix>-add`` …).
    available : bool
        Offer a box for the time available, and set the total against it.
    max_blocks : int
        How many blocks the agenda holds; one more gets a clear message.
    words : dict, optional
        Catalogue keys to use instead of the agenda's own for its headings and its empty
        message and its form's button: ``suggestions``, ``form_heading``, ``agenda``,
        ``empty``, ``add``.

    Attributes
    ----------
    start, title, minutes : ipywidgets.Text
        The start time and the form's two boxes.
    list : EditableList
        The blocks, one row each, with Move up, Move down, Edit and Remove.
    """

    def __init__(self, suggestions: Sequence[Block] = (), css_prefix: str = "qa-planner",
                 available: bool = False, max_blocks: int = MAX_BLOCKS,
                 words: dict[str, str] | None = None, **kwargs):
        self.suggestions = list(suggestions)
        self.max_blocks = max_blocks
        self.words = {"suggestions": "agenda.suggestions", "form_heading": "agenda.form_heading",
                      "agenda": "agenda.agenda", "empty": "agenda.empty", "add": "agenda.add",
                      **(words or {})}
        self.editing: int | None = None
        self._handlers: list[Callable[[], None]] = []
        self.start = widgets.Text(description=t("agenda.start"), continuous_update=False,
                                  **label_above("36rem"))
        self.start.add_class(f"{css_prefix}-start")
        self.start.observe(lambda _: self._on_start(), names="value")
        self.available = widgets.Text(description=t("agenda.available"),
                                      continuous_update=False, **label_above("36rem"))
        self.available.add_class(f"{css_prefix}-available")
        self.available.observe(lambda _: self._on_available(), names="value")
        if not available:
            self.available.layout.display = "none"
        suggestion_buttons = []
        for number, block in enumerate(self.suggestions):
            made = widgets.Button(description=t("agenda.add_suggestion", title=block.title,
                                                  minutes=duration(block.minutes)))
            made.add_class(f"{css_prefix}-suggestion")
            made.on_click(lambda _, n=number: self.add_suggestion(n))
            suggestion_buttons.append(made)
        self.suggestion_row = widgets.HBox(suggestion_buttons)
        self.suggestion_row.add_class("pack-choice-row")
        self.form_heading = widgets.HTML()
        self.title = widgets.Text(description=t("agenda.block_title"), continuous_update=False,
                                  **label_above("36rem"))
        self.title.add_class(f"{css_prefix}-title")
        self.minutes = widgets.Text(description=t("agenda.block_minutes"),
                                    continuous_update=False, **label_above("12rem"))
        self.minutes.add_class(f"{css_prefix}-minutes")
        self.submit_button = button(t(self.words["add"]), f"{css_prefix}-add",
                                    lambda: self.submit())
        self.cancel_button = button(t("agenda.cancel"), f"{css_prefix}-cancel",
                                    lambda: self.cancel_edit())
        self.status = LiveStatus()
        self.status.add_class(f"{css_prefix}-status")
        self.agenda_view = widgets.HTML()
        self.agenda_view.add_class(f"{css_prefix}-agenda")
        self.list = EditableList(
            [Action("up", lambda n, _b: t("agenda.up_button", position=n + 1), f"{css_prefix}-up"),
             Action("down", lambda n, _b: t("agenda.down_button", position=n + 1),
                    f"{css_prefix}-down"),
             Action("edit", lambda n, _b: t("agenda.edit_button", position=n + 1),
                    f"{css_prefix}-edit"),
             Action("remove", lambda n, _b: t("agenda.remove_button", position=n + 1),
                    f"{css_prefix}-remove")],
            describe=lambda n, _b: (f'<p class="pack-card__term" style="font-size:1em;margin:0">'
                                    f"{escape(self.row_text(n))}</p>"),
            announce=self._announce, home=self.title, status=self.status,
            row_classes=("pack-card", f"{css_prefix}-row"))
        self.list.add_class(f"{css_prefix}-rows")
        self.list.on_action(lambda key, n: self.edit(n) if key == "edit" else None)
        self.list.on_change(self._changed)
        self.total_view = widgets.HTML()
        self.total_view.add_class(f"{css_prefix}-total")
        self.over_view = widgets.HTML()
        self.over_view.add_class(f"{css_prefix}-over")
        super().__init__([
            self.start, self.available,
            widgets.HTML(f"<h3>{escape(t(self.words['suggestions']))}</h3>"),
            self.suggestion_row,
            self.form_heading, self.title, self.minutes,
            widgets.HBox([self.submit_button, self.cancel_button]),
            self.status,
            widgets.HTML(f"<h3>{escape(t(self.words['agenda']))}</h3>"),
            self.agenda_view, self.list, self.total_view, self.over_view,
        ], **kwargs)
        self.add_class("pack-agenda")
        self._reset_form()
        self._draw()

    # ---- what is planned ----

    @property
    def blocks(self) -> list[Block]:
        return list(self.list.items)

    @property
    def start_minutes(self) -> int | None:
        return parse_start(self.start.value)

    @property
    def available_minutes(self) -> int | None:
        """The time available, if one is offered and typed so it can be read."""
        if self.available.layout.display == "none":
            return None
        return parse_length(self.available.value)

    def total_minutes(self) -> int:
        return sum(block.minutes for block in self.list.items)

    def over_by(self) -> int:
        """How many minutes the agenda runs past the time available (0: it fits, or no time
        available is set)."""
        available = self.available_minutes
        return max(0, self.total_minutes() - available) if available is not None else 0

    def schedule(self) -> list[tuple[Block, int, int]]:
        """Each block with its start and end, in minutes from the start of the agenda."""
        rows, elapsed = [], 0
        for block in self.list.items:
            rows.append((block, elapsed, elapsed + block.minutes))
            elapsed += block.minutes
        return rows

    def row_text(self, position: int) -> str:
        """A block as a line of the agenda, with clock times if a start time is set."""
        block, begins, ends = self.schedule()[position]
        start = self.start_minutes
        if start is None:
            text = t("agenda.row", position=position + 1, title=block.title,
                     minutes=duration(block.minutes), total=duration(ends))
        else:
            text = t("agenda.row_timed", position=position + 1, start=clock_on(start + begins),
                     end=clock_on(start + ends), title=block.title,
                     minutes=duration(block.minutes), total=duration(ends))
        available = self.available_minutes
        if available is not None and ends > available:
            text += " " + t("agenda.past_available")
        return text

    def lines(self) -> list[str]:
        """Every block as a line, in order (for a download)."""
        return [self.row_text(number) for number in range(len(self.list.items))]

    def total_text(self) -> str:
        total = duration(self.total_minutes())
        start = self.start_minutes
        if self.list.items and start is not None:
            return t("agenda.total_timed", total=total, start=clock(start),
                     end=clock_on(start + self.total_minutes()))
        return t("agenda.total", total=total)

    def fit_text(self) -> str:
        """The total against the time available: how much is spare, or how much too long.
        Empty when no time available is set or nothing is planned."""
        available = self.available_minutes
        if available is None or not self.list.items:
            return ""
        total = self.total_minutes()
        if total > available:
            return t("agenda.over", over=duration(total - available),
                     available=duration(available))
        if total == available:
            return t("agenda.exact", available=duration(available))
        return t("agenda.spare", spare=duration(available - total),
                 available=duration(available))

    def on_change(self, handler: Callable[[], None]) -> None:
        """Call ``handler()`` after any change to the blocks or the start time."""
        self._handlers.append(handler)

    # ---- changing it ----

    def _check(self, raw_title: str, raw_minutes: str | int) -> Block | None:
        checked = check_text(raw_title, TITLE_LIMIT)
        if checked.is_empty:
            self.status.say(t("agenda.title_empty"))
            return None
        if checked.too_long:
            self.status.say(t("agenda.title_too_long", limit=TITLE_LIMIT))
            return None
        minutes = parse_minutes(raw_minutes)
        if minutes is None:
            self.status.say(t("agenda.minutes_invalid", limit=MAX_MINUTES))
            return None
        return Block(" ".join(checked.text.split()), minutes)

    def add_block(self, title: str, minutes: str | int, from_form: bool = False) -> bool:
        """Add a block at the end. Returns True if added; otherwise the status says why and
        the form keeps what was typed."""
        if self.is_full():
            return False
        block = self._check(title, minutes)
        if block is None:
            return False
        self.list.add(block, from_form=from_form)
        return True

    def is_full(self) -> bool:
        """Whether the agenda holds all the blocks it can (the status then says so)."""
        if len(self.list.items) >= self.max_blocks:
            self.status.say(t("agenda.full", limit=self.max_blocks))
            return True
        return False

    def add_item(self, block: Block) -> bool:
        """Add a ready-made block (a subclass may carry more than a title and minutes).
        Returns True if added; at the limit the status says why."""
        if self.is_full():
            return False
        self.list.add(block)
        return True

    def add_suggestion(self, index: int) -> bool:
        """Add suggested block ``index`` (its button). The same block may be added twice."""
        block = self.suggestions[index]
        return self.add_block(block.title, block.minutes)

    def edit(self, index: int) -> None:
        """Put block ``index`` into the form to change it."""
        block = self.list.items[index]
        self.editing = index
        self.title.value = block.title
        self.minutes.value = str(block.minutes)
        self.submit_button.description = t("agenda.save")
        self.cancel_button.layout.display = None
        self.form_heading.value = (
            f"<h3>{escape(t('agenda.form_heading_edit', position=index + 1))}</h3>")
        self.status.say(t("agenda.editing", title=block.title))
        self.title.focus()

    def update(self, index: int, title: str, minutes: str | int) -> bool:
        """Change block ``index``. Returns True if saved."""
        if not 0 <= index < len(self.list.items):
            raise IndexError(index)
        checked = self._check(title, minutes)
        if checked is None:
            return False
        # A block may carry more than its title and minutes; a change keeps the rest.
        block = dataclasses.replace(self.list.items[index], title=checked.title,
                                    minutes=checked.minutes)
        self._reset_form()
        self.list.replace(index, block)
        self.list.focus(index, "edit")
        return True

    def cancel_edit(self) -> None:
        index = self.editing
        self._reset_form()
        self.status.say(t("agenda.cancelled"))
        if index is not None:
            self.list.focus(index, "edit")

    def move(self, index: int, step: int) -> bool:
        """Move block ``index`` up (step -1) or down (step 1). At an end it stays put and the
        status says so. Returns True if it moved."""
        if self.editing is not None and self.editing in (index, index + step):
            self._reset_form()
        return self.list.move(index, step) != index

    def remove(self, index: int) -> None:
        if self.editing is not None:
            self._reset_form()
        self.list.remove(index)

    def submit(self) -> bool:
        """What the Add (or Save changes) button does with the form as it is now."""
        if self.editing is not None:
            return self.update(self.editing, self.title.value, self.minutes.value)
        title, minutes = self.title.value, self.minutes.value
        if len(self.list.items) < self.max_blocks and self._check(title, minutes) is not None:
            self.title.value = ""
            self.minutes.value = ""
        return self.add_block(title, minutes, from_form=True)

    def clear(self) -> None:
        """Take every block out and forget the start time."""
        self._reset_form()
        self.start.value = ""
        self.available.value = ""
        self.list.clear()

    # ---- drawing ----

    def _announce(self, event: str, position: int, block: Block) -> str | None:
        total = duration(self.total_minutes())
        if event == "added":
            return t("agenda.added", title=block.title, total=total)
        if event == "removed":
            return t("agenda.removed", title=block.title, total=total)
        if event == "edited":
            return t("agenda.updated", title=block.title, total=total)
        if event == "moved":
            return t("agenda.moved", title=block.title, position=position + 1)
        if event == "at_top":
            return t("agenda.at_top", title=block.title)
        if event == "at_bottom":
            return t("agenda.at_bottom", title=block.title)
        return None

    def _on_start(self) -> None:
        text = self.start.value.strip()
        if text and self.start_minutes is None:
            self.status.say(t("agenda.start_invalid"))
        elif text:
            self.status.say(t("agenda.start_set", time=clock(self.start_minutes)))
        self.list.redraw()
        self._changed()

    def _on_available(self) -> None:
        text = self.available.value.strip()
        if text and self.available_minutes is None:
            self.status.say(t("agenda.available_invalid"))
        elif text:
            self.status.say(t("agenda.available_set", available=duration(self.available_minutes)))
        self.list.redraw()
        self._changed()

    def _reset_form(self) -> None:
        self.editing = None
        self.title.value = ""
        self.minutes.value = ""
        self.submit_button.description = t(self.words["add"])
        self.cancel_button.layout.display = "none"
        self.form_heading.value = f"<h3>{escape(t(self.words['form_heading']))}</h3>"

    def _changed(self) -> None:
        self._draw()
        for handler in self._handlers:
            handler()

    def _draw(self) -> None:
        self.agenda_view.value = ("" if self.list.items
                                  else f"<p>{escape(t(self.words['empty']))}</p>")
        self.total_view.value = f"<p><strong>{escape(self.total_text())}</strong></p>"
        fit, over = self.fit_text(), self.over_by()
        css = "pack-message pack-message--warning" if over else "pack-message"
        self.over_view.value = f'<p class="{css}">{escape(fit)}</p>' if fit else ""
