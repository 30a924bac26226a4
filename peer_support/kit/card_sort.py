"""A card sort from a content file: cards sorted into columns (a
:class:`~peer_support.kit.sort.ColumnSort`), with a download of where they went.

A new card sort in any chapter is a YAML file and one notebook line::

    from peer_support.kit.card_sort import card_sort
    card_sort("trust/welcome-sort.yaml", "welcome-sort")
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import ipywidgets as widgets

from ..content import rules
from ..i18n import t
from ..text import escape
from .base import Exercise, from_files
from .choice import ChoiceScale
from .handout import Handout
from .html import button
from .reflection import ReflectionBox
from .sort import CARD_LIMIT, ColumnSort

__all__ = ["CARD_SORT", "PRESETS", "CardSort", "CardSortFile", "PresetSort", "PresetsFile",
           "card_sort"]

#: Longest small step of her own, in characters.
STEP_LIMIT = 200


@dataclass(frozen=True)
class SortColumn:
    id: str = rules.identifier()
    heading: str = rules.text(60, "The column's heading, also used on its buttons.")
    on_handout: bool = rules.flag("Put this column's cards in the download.")
    handout_heading: str = rules.text(80, "The column's heading in the download (default: "
                                      "its heading).", required=False)


@dataclass(frozen=True)
class SortCard:
    id: str = rules.identifier()
    text: str = rules.text(CARD_LIMIT, "What the card says.", unique=True)


@dataclass(frozen=True)
class CardSortFile:
    label: str = rules.text(120, "The sort's heading, for example 'Sort the cards'.")
    columns: list[SortColumn] = rules.items(SortColumn, "column", "The columns, in order.",
                                            minimum=2, maximum=5)
    cards: list[SortCard] = rules.items(SortCard, "card", "The cards, in the order they come "
                                        "up.", minimum=2)
    handout_title: str = rules.text(120, "The download's title.")
    intro: str = rules.text(600, "A sentence or two above the sort.", required=False)
    allow_add: bool = rules.flag("Let the group add cards of its own.")
    handout_intro: str = rules.text(400, "The download's first line.", required=False)
    download_heading: str = rules.text(120, "A heading above the download button.",
                                       required=False)

    def validate(self, fail, where: str) -> None:
        if not any(column.on_handout for column in self.columns):
            fail(t("content.needs_handout_column", where=where))


CARD_SORT = rules.Kind(CardSortFile, "Card sort")


class CardSort(Exercise):
    """A :class:`ColumnSort` from a content file, with a download of where the cards went.

    Parameters
    ----------
    content : CardSortFile
        The heading, columns and cards; which columns go in the download.
    basename : str
        The download's file name without extension (keep it neutral).
    """

    def __init__(self, content: CardSortFile, basename: str = "card-sort", **kwargs):
        self.content = content
        self.sort = ColumnSort([card.text for card in content.cards],
                               [(column.id, column.heading) for column in content.columns],
                               label=content.label, allow_add=content.allow_add)
        super().__init__(download=basename, **kwargs)
        self.watch(self.sort)
        self.add_class("pack-card-sort")

    def build(self) -> list[widgets.Widget]:
        parts: list[widgets.Widget] = []
        if self.content.intro:
            parts.append(widgets.HTML(f"<p>{escape(self.content.intro)}</p>"))
        parts += [self.sort, *self.extra_parts()]
        if self.content.download_heading:
            parts.append(widgets.HTML(f"<h3>{escape(self.content.download_heading)}</h3>"))
        return [*parts, self.download]

    def extra_parts(self) -> list[widgets.Widget]:
        """What a chapter's own sort adds between the sort and the download."""
        return []

    def in_column(self, column: str) -> list[str]:
        return self.sort.in_column(column)

    def reset_answers(self) -> None:
        self.sort.reset()

    def columns_to_keep(self) -> list[tuple[str, list[str]]]:
        """(heading, cards) for each column marked for the download, in order."""
        return [(column.handout_heading or column.heading, self.sort.in_column(column.id))
                for column in self.content.columns if column.on_handout]

    def handout(self) -> Handout | str:
        """The cards in each column marked for the download; cards still in the pile are left
        out."""
        handout = Handout(self.content.handout_title, self.content.handout_intro)
        for heading, cards in self.columns_to_keep():
            handout.add(heading, cards)
        return handout


def card_sort(path: str, basename: str = "card-sort"):
    """A card sort from its file in ``assets/``; a calm message if the file is broken."""
    return from_files(CardSort, CARD_SORT.at(path), basename=basename)


# ---- a sort whose columns can be switched ----


@dataclass(frozen=True)
class Column:
    """A column of the sort. ``card_heading`` is its heading on the download."""

    id: str = rules.identifier()
    heading: str = rules.text(60, "The column's heading, also used on its buttons.")
    on_card: bool = rules.flag("Put this column's qualities on the download.")
    card_heading: str = rules.text(80, "The column's heading on the download (needed when "
                                   "on_card is true).", required=False)

    def validate(self, fail, where: str) -> None:
        if self.on_card and not self.card_heading:
            fail(t("content.needs_text", where=where, field="card_heading"))


@dataclass(frozen=True)
class Preset:
    """A set of columns, with the words for its download."""

    id: str = rules.identifier()
    name: str = rules.text(60, "The preset's name on its button.")
    card_title: str = rules.text(80, "The download's title.")
    step_label: str = rules.text(120, "The label of the 'small step' box.")
    step_heading: str = rules.text(80, "The small step's heading on the download.")
    columns: list[Column] = rules.items(Column, "column", "The columns, in order.", minimum=2,
                                        maximum=5)
    card_intro: str = rules.text(300, "The download's first line.", required=False)
    step_hint: str = rules.text(300, "A line under the small step box.", required=False)

    def validate(self, fail, where: str) -> None:
        if not any(column.on_card for column in self.columns):
            fail(t("sort.needs_on_card", where=where))


@dataclass(frozen=True)
class PresetsFile:
    presets: list[Preset] = rules.items(Preset, "preset", "Column sets; the first is used at "
                                        "the start.")


PRESETS = rules.Kind(PresetsFile, "Column presets for a card sort")


class PresetSort(Exercise):
    """A card sort whose columns can be switched between presets, with a download of the
    columns a preset puts on it and a small step of her own.

    Parameters
    ----------
    cards : sequence of str
        The cards, in the order they come up.
    presets : sequence of Preset
        Column sets; the first is used at the start.
    label, heading : str
        The sort's heading, and the download box's.
    css : str
        Names the parts for tests and styles (``<css>-preset-<id>``, ``<css>-step`` …).

    Switching preset starts the sort again. If anything is sorted, it asks first and says so;
    nothing is put back until she confirms.
    """

    def __init__(self, cards: Sequence[str], presets: Sequence[Preset], label: str,
                 heading: str, basename: str = "card-sort", css: str = "qa-preset-sort",
                 **kwargs):
        self.cards = list(cards)
        self.label = label
        self.heading = heading
        self.css = css
        self.presets = {preset.id: preset for preset in presets}
        self.preset = presets[0]
        self._pending: str | None = None
        self._was_complete = False

        self.chooser = ChoiceScale(t("sort.preset_question"),
                                   [(p.id, p.name) for p in presets], allow_pass=False)
        for key, choice in self.chooser.buttons.items():
            choice.add_class(f"{css}-preset-{key}")
        self.chooser.on_choice(self.choose_preset)
        self.switch_yes = button(t("sort.switch_yes"), f"{css}-switch-yes",
                                 lambda: self._confirm_switch())
        self.switch_no = button(t("sort.switch_no"), f"{css}-switch-no",
                                lambda: self._cancel_switch())
        self.confirm_box = widgets.HBox([self.switch_yes, self.switch_no])
        self.confirm_box.add_class("pack-choice-row")
        self.confirm_box.layout.display = "none"
        self.sort_holder = widgets.VBox()
        # The hint is set per preset; a placeholder makes the box include its hint line.
        self.step_box = ReflectionBox(self.preset.step_label, hint=" ", limit=STEP_LIMIT)
        self.step_box.text_area.add_class(f"{css}-step")
        self.card_note = widgets.HTML()
        super().__init__(download=basename, **kwargs)
        self.status.add_class(f"{css}-sort-status")
        self.watch(self.step_box)
        self.add_class("pack-preset-sort")
        self._build_sort()
        self.chooser.show(self.preset.id)
        self.chooser.status.say("")

    def build(self) -> list[widgets.Widget]:
        card_box = widgets.VBox([
            widgets.HTML(f"<h3>{escape(self.heading)}</h3>"),
            self.card_note, self.step_box, self.download,
        ])
        card_box.add_class("pack-our-words")
        card_box.add_class(f"{self.css}-card")
        return [self.chooser, self.status, self.confirm_box, self.sort_holder, card_box]

    # ---- presets ----

    def choose_preset(self, preset_id: str) -> None:
        """Switch to the preset ``preset_id``, asking first if anything is sorted.

        KeyError for an unknown preset.
        """
        if preset_id not in self.presets:
            raise KeyError(preset_id)
        self.chooser.status.say("")  # this status line speaks for the chooser
        if preset_id == self.preset.id:
            self._pending = None
            self.confirm_box.layout.display = "none"
            self.chooser.show(preset_id)
            self.status.say(t("sort.preset_same", name=self.preset.name))
            return
        if self.sort.sorted_count() == 0:
            self.switch_preset(preset_id)
            return
        self._pending = preset_id
        self.chooser.show(self.preset.id)  # nothing changes until she says yes
        self.confirm_box.layout.display = None
        self.status.say(t("sort.switch_ask", name=self.presets[preset_id].name,
                          count=self.sort.sorted_count()))
        self.switch_no.focus()

    def switch_preset(self, preset_id: str) -> None:
        """Use the preset ``preset_id`` now: new columns, and the sort starts again."""
        self.preset = self.presets[preset_id]
        self._pending = None
        self.confirm_box.layout.display = "none"
        self.chooser.show(preset_id)
        self._build_sort()
        self.changed()
        columns = ", ".join(f"“{column.heading}”" for column in self.preset.columns)
        self.status.say(t("sort.switched", name=self.preset.name, columns=columns))

    def _confirm_switch(self) -> None:
        if self._pending is not None:
            self.switch_preset(self._pending)
        self.sort.focus_first()

    def _cancel_switch(self) -> None:
        self._pending = None
        self.confirm_box.layout.display = "none"
        self.status.say(t("sort.switch_kept", name=self.preset.name))
        self.chooser.buttons[self.preset.id].focus()

    def _build_sort(self) -> None:
        self.sort = ColumnSort(self.cards, [(c.id, c.heading) for c in self.preset.columns],
                               label=self.label)
        self.sort.add_class(f"{self.css}-sort")
        self.sort.on_change(self._on_sort_change)
        self.sort.on_change(self.changed)
        self.sort_holder.children = [self.sort]
        self._was_complete = False
        self.step_box.text_area.description = self.preset.step_label
        self.step_box.hint.value = self.preset.step_hint
        on_card = [c.heading for c in self.preset.columns if c.on_card]
        left_off = [c.heading for c in self.preset.columns if not c.on_card]
        note = t("sort.card_has", columns=", ".join(f"“{h}”" for h in on_card))
        if left_off:
            note += " " + t("sort.card_leaves_off",
                            columns=", ".join(f"“{h}”" for h in left_off))
        self.card_note.value = f"<p>{escape(note)}</p>"

    def _on_sort_change(self) -> None:
        complete = self.sort.is_complete()
        if complete and not self._was_complete:
            # The last card was just sorted from the "Move to" buttons: the card is next.
            self.step_box.text_area.focus()
        self._was_complete = complete

    # ---- moves (what the buttons do) ----

    def move(self, card: str, column: str) -> None:
        self.sort.move(card, column)

    def move_back(self, card: str) -> None:
        self.sort.move_back(card)

    def reset(self) -> None:
        self.sort.reset()

    def reset_answers(self) -> None:
        self.sort.reset()
        self.step_box.clear()

    # ---- the card ----

    def handout(self) -> Handout | str:
        """The download: the cards in each on-card column, in the order sorted, and the small
        step if she wrote one. Unsorted cards and off-card columns are left out."""
        step = self.step_box.checked
        if step.too_long:
            return t("handout.waiting")
        handout = Handout(self.preset.card_title, self.preset.card_intro)
        for column in self.preset.columns:
            if column.on_card:
                handout.add(column.card_heading, self.sort.in_column(column.id))
        handout.add(self.preset.step_heading, [step.text] if step.text else [])
        return handout
