"""A card sort from a content file: cards sorted into columns (a
:class:`~peer_support.kit.sort.ColumnSort`), with a download of where they went.

A new card sort in any chapter is a YAML file and one notebook line::

    from peer_support.kit.card_sort import card_sort
    card_sort("trust/welcome-sort.yaml", "welcome-sort")
"""

from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as widgets

from ..content import rules
from ..i18n import t
from ..text import escape
from .base import Exercise, from_files
from .handout import Handout
from .sort import CARD_LIMIT, ColumnSort

__all__ = ["CARD_SORT", "CardSort", "CardSortFile", "card_sort"]


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
