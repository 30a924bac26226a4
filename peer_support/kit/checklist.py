"""A printable checklist: headed sections of items, each a real checkbox, with optional notes.

Used for the venue safety checklist (Safety), the online safety checklist (Online peer
support) and the Welsh context checklists. A group ticks what it has done or checked, types
notes if it wants to, and downloads a printable copy: every item with a tick box drawn ticked
(☑) or empty (☐), each item's detail under it, and the group's notes, in large type on A4.
Nothing is stored: the ticks and notes live in the page until it is closed.

Content files live in ``assets/`` as YAML::

    title: Venue safety checklist
    intro: Tick what you have checked. Nothing is saved.   # optional
    sections:
      - heading: Getting there
        items:
          - text: There is a bus stop or parking nearby.
            detail: If not, share lift plans before the first session.   # optional
          - Step-free entrance.          # a plain string is an item with no detail

Notebook use::

    from peer_support.kit.checklist import checklist
    checklist("safety/venue-checklist.yaml", basename="venue-checklist")
"""

from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as widgets
from ipywidgets.widgets.widget_bool import CheckboxStyle
from ipywidgets.widgets.widget_string import HTMLStyle

from ..content import rules
from ..i18n import t
from ..text import escape
from .base import Exercise, from_files
from .handout import Handout
from .reflection import ReflectionBox

__all__ = [
    "CHECKLIST",
    "Checklist",
    "ChecklistFile",
    "ChecklistItem",
    "ChecklistSection",
    "TICKED",
    "UNTICKED",
    "checklist",
]

#: The tick boxes drawn in the printable copy.
TICKED = "☑"
UNTICKED = "☐"
#: The longest notes kept in a download, in characters (longer notes stay in the box whole).
NOTES_LIMIT = 2000


@dataclass(frozen=True)
class ChecklistItem:
    """One thing to check. ``detail`` is an optional tip or adjustment shown under it."""

    text: str = rules.text(300, "The thing to check; it becomes the checkbox's label.")
    detail: str = rules.text(500, "A tip or adjustment shown under it.", required=False)


@dataclass(frozen=True)
class ChecklistSection:
    """A heading and the items under it, in order."""

    heading: str = rules.text(120, "The section's heading.")
    items: list[ChecklistItem] = rules.items(
        ChecklistItem, "item", "The things to check. A plain line of text is an item with no "
        "detail.", shorthand="text")


@dataclass(frozen=True)
class ChecklistFile:
    title: str = rules.text(120, "Shown above the checklist and at the top of the printed copy.")
    sections: list[ChecklistSection] = rules.items(ChecklistSection, "section",
                                                   "The checklist's parts, in order.")
    intro: str = rules.text(600, "A sentence under the title.", required=False)


CHECKLIST = rules.Kind(ChecklistFile, "Printable checklist")


class Checklist(Exercise):
    """A checklist with real checkboxes, optional notes and a printable download.

    Ticking never redraws anything, so keyboard focus stays on the checkbox; progress
    ("3 of 12 ticked") is announced each time.

    Parameters
    ----------
    content : ChecklistFile
        The title and intro (shown above the checklist and at the top of the printable copy)
        and the items, grouped under headings.
    basename : str
        Download file name without extension (keep it neutral, e.g. ``"venue-checklist"``).
    allow_notes : bool
        Offer a notes box whose text goes into the printable copy.
    """

    prepare_key = "checklist.prepare"
    clear_key = "checklist.clear"
    cleared_key = "checklist.cleared"

    def __init__(self, content: ChecklistFile, basename: str, allow_notes: bool = True,
                 **kwargs):
        self.title = content.title
        self.intro = content.intro
        self.sections = list(content.sections)
        self.basename = basename
        self.notes: ReflectionBox | None = None
        if allow_notes:
            self.notes = ReflectionBox(t("checklist.notes"), t("checklist.notes_hint"),
                                       limit=NOTES_LIMIT)
            self.notes.text_area.add_class("qa-checklist-notes")
        super().__init__(download=basename, **kwargs)
        self.status.add_class("qa-checklist-progress")
        self.clear_button.add_class("qa-checklist-clear")
        self.watch(*(box for row in self.boxes for box in row))
        if self.notes is not None:
            self.watch(self.notes)
        self.add_class("pack-checklist")
        self.status.say(self._progress())

    def build(self) -> list[widgets.Widget]:
        # Shared layout and style models: one each for all the checkboxes and all the
        # details, so a long checklist sends far fewer models and the page loads faster.
        box_layout = widgets.Layout(width="100%", height="auto")
        box_style = CheckboxStyle()
        detail_layout = widgets.Layout()
        detail_style = HTMLStyle()
        self.boxes: list[list[widgets.Checkbox]] = []
        parts: list[widgets.Widget] = [
            widgets.HTML(f"<h3>{escape(self.title)}</h3>"
                         + (f"<p>{escape(self.intro)}</p>" if self.intro else "")),
        ]
        for section_number, section in enumerate(self.sections):
            row_boxes = []
            rows: list[widgets.Widget] = [widgets.HTML(f"<h4>{escape(section.heading)}</h4>")]
            for item_number, item in enumerate(section.items):
                box = widgets.Checkbox(value=False, description=item.text, indent=False,
                                       layout=box_layout, style=box_style)
                box.add_class("qa-checklist-item")
                box.add_class(f"qa-checklist-item-{section_number}-{item_number}")
                box.observe(lambda change, s=section_number, i=item_number:
                            self._on_tick(s, i, change["new"]), names="value")
                row_boxes.append(box)
                rows.append(box)
                if item.detail:
                    detail = widgets.HTML(
                        f'<p class="pack-muted pack-checklist__detail">{escape(item.detail)}</p>',
                        layout=detail_layout, style=detail_style)
                    rows.append(detail)
            self.boxes.append(row_boxes)
            group = widgets.VBox(rows)
            group.add_class("pack-checklist__section")
            parts.append(group)
        if self.notes is not None:
            parts.append(self.notes)
        return [*parts, self.status, self.download, self.clear_button]

    # ---- state ----

    @property
    def total(self) -> int:
        return sum(len(row) for row in self.boxes)

    def _box(self, section: int, item: int) -> widgets.Checkbox:
        if not 0 <= section < len(self.boxes):
            raise IndexError(f"there is no section {section}")
        if not 0 <= item < len(self.boxes[section]):
            raise IndexError(f"section {section} has no item {item}")
        return self.boxes[section][item]

    def tick(self, section: int, item: int, done: bool = True) -> None:
        """Tick (or, with ``done=False``, untick) an item, as its checkbox does.

        Raises ``IndexError`` for a section or item that does not exist.
        """
        self._box(section, item).value = bool(done)

    def is_ticked(self, section: int, item: int) -> bool:
        return self._box(section, item).value

    def ticked(self) -> list[tuple[int, int]]:
        """The ticked items as (section, item) positions, in checklist order."""
        return [(s, i) for s, row in enumerate(self.boxes)
                for i, box in enumerate(row) if box.value]

    def reset_answers(self) -> None:
        """Untick everything and empty the notes."""
        for row in self.boxes:
            for box in row:
                box.value = False
        if self.notes is not None:
            self.notes.clear()

    def _progress(self) -> str:
        return t("checklist.progress", done=len(self.ticked()), total=self.total)

    def _on_tick(self, section: int, item: int, done: bool) -> None:
        text = self.sections[section].items[item].text
        key = "checklist.ticked" if done else "checklist.unticked"
        self.status.say(f"{t(key, item=text)} {self._progress()}")

    # ---- printing ----

    def handout(self) -> Handout | str:
        """The printable copy: every item with its box drawn ticked or empty, its detail,
        and the notes (if any). Large type on A4.

        Returns a message instead when the notes are too long to include (nothing is cut).
        """
        notes = self.notes.checked if self.notes is not None else None
        if notes is not None and notes.too_long:
            return t("handout.waiting")
        intro = " ".join(part for part in (self.intro, t("checklist.handout_intro")) if part)
        handout = Handout(self.title, intro, large_print=True)
        for s, section in enumerate(self.sections):
            lines = []
            for i, item in enumerate(section.items):
                mark = TICKED if self.boxes[s][i].value else UNTICKED
                line = f"{mark} {item.text}"
                if item.detail:
                    line += f"\n{item.detail}"
                lines.append(line)
            handout.add(section.heading, lines)
        if notes is not None and notes.usable:
            handout.add(t("checklist.notes"), [notes.usable])
        return handout


def checklist(path: str, basename: str, allow_notes: bool = True):
    """The checklist in a file in ``assets/``, or a calm message if the file is broken."""
    return from_files(Checklist, CHECKLIST.at(path), basename=basename, allow_notes=allow_notes)
