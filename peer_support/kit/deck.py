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
from .choice import ChoiceScale
from .status import LiveStatus

__all__ = ["CardDeck", "DeckScale"]


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


class DeckScale(widgets.VBox):
    """Cards one at a time with one :class:`~peer_support.kit.choice.ChoiceScale` under them.

    The choice made for each card is kept, and shown again when the card comes back. After
    Previous or Next, focus goes to the card's first option, the natural next key press. One
    set of buttons serves every card, which keeps the page light and suits a projector.

    Parameters
    ----------
    cards : sequence of (key, label, html)
        Each card's key, its name in plain text, and its face as HTML (already escaped).
    question : str
        Asked about every card, above the options.
    options : sequence of (key, label)
        The choices; Pass is added unless ``allow_pass`` is False.
    noun : str
        The word in the position line ("Word" gives "Word 2 of 20").
    previous_label, next_label : str, optional
        The two buttons' words (default "Previous" and "Next").
    below_scale : sequence of widgets
        Shown between the options and the Previous/Next buttons.
    summary_heading : str, optional
        If given, a list of every card with its choice so far follows the buttons.
    """

    def __init__(self, cards: Sequence[tuple[str, str, str]], question: str,
                 options: Sequence[tuple[str, str]], *, noun: str = "",
                 previous_label: str | None = None, next_label: str | None = None,
                 below_scale: Sequence[widgets.Widget] = (), summary_heading: str | None = None,
                 allow_pass: bool = True, **kwargs):
        self.card_keys = [key for key, _, _ in cards]
        self.card_labels = {key: label for key, label, _ in cards}
        self.summary_heading = summary_heading
        self.choices: dict[str, str] = {}
        self._handlers: list[Callable[[str, str], None]] = []
        self._change_handlers: list[Callable[[], None]] = []
        faces = {key: face for key, _, face in cards}
        self.deck = CardDeck([{"key": key} for key in self.card_keys],
                             render=lambda card: faces[card["key"]], label=noun,
                             show_buttons=False)
        self.scale = ChoiceScale(question, options, allow_pass=allow_pass)
        self.scale.on_choice(self._on_choice)
        if previous_label:
            self.deck.previous_button.description = previous_label
        if next_label:
            self.deck.next_button.description = next_label
        self.deck.previous_button.on_click(lambda _: self.scale.focus_first())
        self.deck.next_button.on_click(lambda _: self.scale.focus_first())
        self.deck.observe(lambda _: self._show_current(), names="index")
        self.summary = widgets.HTML()
        self.summary.add_class("qa-choice-deck-summary")
        children = [self.deck, self.scale, *below_scale, self.deck.buttons]
        if summary_heading is not None:
            children.append(self.summary)
        super().__init__(children, **kwargs)
        self._draw_summary()

    @property
    def current(self) -> str:
        """The key of the card on show."""
        return self.card_keys[self.deck.index]

    def choose(self, key: str, option: str) -> None:
        """Show card ``key`` and choose ``option`` for it (or ``"pass"``), as its buttons do.

        Raises ``KeyError`` for an unknown card or option.
        """
        if key not in self.card_labels:
            raise KeyError(key)
        if option not in self.scale.labels:
            raise KeyError(option)
        self.go_to(key)
        self.scale.choose(option)

    def go_to(self, key: str) -> None:
        """Show card ``key``."""
        self.deck.go_to(self.card_keys.index(key))

    def on_choice(self, handler: Callable[[str, str], None]) -> None:
        """Call ``handler(card_key, option_key)`` after every choice."""
        self._handlers.append(handler)

    def on_change(self, handler: Callable[[], None]) -> None:
        """Call ``handler()`` after every choice and after :meth:`clear`."""
        self._change_handlers.append(handler)

    def clear(self) -> None:
        """Forget every choice."""
        self.choices.clear()
        self.scale.clear()
        self._draw_summary()
        for handler in self._change_handlers:
            handler()

    def focus_first(self) -> None:
        self.scale.focus_first()

    def _on_choice(self, option: str) -> None:
        self.choices[self.current] = option
        self._draw_summary()
        for handler in self._handlers:
            handler(self.current, option)
        for handler in self._change_handlers:
            handler()

    def _show_current(self) -> None:
        self.scale.show(self.choices.get(self.current))
        self.scale.status.say("")

    def _draw_summary(self) -> None:
        if self.summary_heading is None:
            return
        rows = []
        for key in self.card_keys:
            option = self.choices.get(key)
            chosen = self.scale.labels[option] if option else t("deck.not_chosen")
            rows.append(f"<li>{escape(self.card_labels[key])}: {escape(chosen)}</li>")
        self.summary.value = (f"<p><strong>{escape(self.summary_heading)}</strong></p>"
                              f"<ul>{''.join(rows)}</ul>")
