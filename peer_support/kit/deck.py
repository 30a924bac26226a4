"""A deck of cards shown one at a time, with Previous, Next and (optionally) Shuffle.

The buttons are never disabled: a disabled button drops keyboard focus. At either end the
deck stays put and says so instead.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence

import ipywidgets as widgets
import traitlets

from ..i18n import t
from ..text import escape
from .status import LiveStatus

__all__ = ["CardDeck"]


def plain_card(card: dict) -> str:
    """Draw a card from its ``"text"`` field, escaped, in large type."""
    return f'<div class="pack-card"><p class="pack-card__term">{escape(card["text"])}</p></div>'


class CardDeck(widgets.VBox):
    """Shows one card at a time; the person moves through by keyboard, click or tap.

    Parameters
    ----------
    cards : sequence of dict
        The cards. Each is passed to ``render``.
    render : callable, optional
        Turns a card into HTML. It must escape any text it includes. Defaults to
        :func:`plain_card`.
    shuffle_button : bool
        Show a "Shuffle" button (for question decks; not for a game's fixed order).
    label : str
        Word used in the position line, for example "Question" gives "Question 2 of 9".
    show_buttons : bool
        Put the Previous/Next buttons under the card. An exercise that wants them elsewhere
        (after its own controls, for a natural Tab order) passes False and places them itself.
    """

    index = traitlets.Int(0, help="Position of the card on show, from 0.")

    def __init__(self, cards: Sequence[dict], render: Callable[[dict], str] = plain_card,
                 shuffle_button: bool = False, label: str = "", show_buttons: bool = True,
                 **kwargs):
        self.cards = list(cards)
        self.render = render
        self.label = label
        self.card_view = widgets.HTML()
        self.position = LiveStatus()
        self.previous_button = widgets.Button(description=t("deck.previous"))
        self.next_button = widgets.Button(description=t("deck.next"))
        self.previous_button.on_click(lambda _: self.previous())
        self.next_button.on_click(lambda _: self.next())
        buttons = [self.previous_button, self.next_button]
        if shuffle_button:
            self.shuffle_button = widgets.Button(description=t("deck.shuffle"))
            self.shuffle_button.on_click(lambda _: self.shuffle())
            buttons.append(self.shuffle_button)
        self.buttons = widgets.HBox(buttons)
        children = [self.position, self.card_view] + ([self.buttons] if show_buttons else [])
        super().__init__(children, **kwargs)
        self.add_class("pack-deck")
        self._draw()

    @property
    def current(self) -> dict | None:
        """The card on show, or None for an empty deck."""
        return self.cards[self.index] if self.cards else None

    def go_to(self, index: int) -> None:
        """Show the card at ``index`` (kept within the deck)."""
        if not self.cards:
            return
        self.index = max(0, min(index, len(self.cards) - 1))
        self._draw()

    def next(self) -> None:
        """Show the next card; at the last card, stay there and say so."""
        if self.cards and self.index == len(self.cards) - 1:
            self.position.say(t("deck.last"))
            return
        self.go_to(self.index + 1)

    def previous(self) -> None:
        """Show the previous card; at the first card, stay there and say so."""
        if self.cards and self.index == 0:
            self.position.say(t("deck.first"))
            return
        self.go_to(self.index - 1)

    def shuffle(self, seed: int | None = None) -> None:
        """Put the cards in a new random order and show the first."""
        random.Random(seed).shuffle(self.cards)
        self.index = 0
        self._draw()

    def _draw(self) -> None:
        if not self.cards:
            self.card_view.value = f"<p>{escape(t('deck.empty'))}</p>"
            return
        position = t("deck.position", position=self.index + 1, total=len(self.cards))
        self.position.say(f"{self.label} {position}".strip())
        self.card_view.value = self.render(self.current)
