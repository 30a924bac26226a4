"""Rate several things on the same scale, passing on any of them.

A :class:`RatingSet` asks one question (for example "How looked-after does this part of your
life feel?") about several items (for example the six parts of a self-care wheel). Each item
gets a :class:`~peer_support.choice.ChoiceScale`: one real button per option, plus a Pass
button that looks just like the others. It works by keyboard (Tab, then Enter or Space) and
by a single click or tap, and announces each choice and the progress.

Items can be shown all at once, as a list (the default), or one at a time with Previous and
Next buttons (``one_at_a_time=True``), which suits a projector.

Nothing is stored anywhere: the ratings live in this page's memory only. Typical use::

    rating = RatingSet("How met does this need feel today?",
                       [("rest", "Rest"), ("company", "Company")],
                       [("not", "Not met"), ("partly", "Partly met"), ("met", "Met")])
    rating.on_change(redraw_my_chart)
    rating.rate("rest", "partly")
    rating.score("rest")      # 2: the second option, counting from 1 at the lowest
    rating.rate("company", "pass")
    rating.answered()         # {"rest": "partly"}: passes are left out
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import ipywidgets as widgets

from ..i18n import t
from ..text import escape
from .choice import PASS, ChoiceScale
from .deck import DeckScale
from .status import LiveStatus

__all__ = ["PASS", "RatingSet"]


def _item_card(label: str, hint: str) -> str:
    """The item on show in one-at-a-time mode, with its hint (both escaped)."""
    hint = f'<p class="pack-card__meta">{escape(hint)}</p>' if hint else ""
    return (f'<div class="pack-card"><p class="pack-card__term">{escape(label)}</p>'
            f"{hint}</div>")


class RatingSet(widgets.VBox):
    """One question, several items, the same options for each, and Pass always offered.

    Parameters
    ----------
    question : str
        Asked about every item (plain text, shown above them).
    items : sequence of (key, label)
        The things to rate, in order. Keys must be unique.
    options : sequence of (key, label)
        The answers, from lowest to highest. ``"pass"`` is added by the set; do not use it
        as an option key.
    hints : mapping of item key to str, optional
        A short line shown with an item, for example what "Emotional" covers.
    one_at_a_time : bool
        Show one item at a time with Previous and Next, instead of a list.
    item_noun : str, optional
        In one-at-a-time mode, the word for the position line ("Part" gives "Part 2 of 6")
        and the buttons ("Previous part", "Next part").

    Attributes
    ----------
    ratings : dict
        Item key to option key, ``"pass"``, or None (not answered yet). A copy: change it
        with :meth:`rate` and :meth:`clear`.
    scales : dict
        Item key to its :class:`ChoiceScale` (list mode only; empty in one-at-a-time mode).
    """

    def __init__(self, question: str, items: Sequence[tuple[str, str]],
                 options: Sequence[tuple[str, str]], *, hints: Mapping[str, str] | None = None,
                 one_at_a_time: bool = False, item_noun: str = "", **kwargs):
        self.question = question
        self.items = list(items)
        self.options = list(options)
        self.hints = dict(hints or {})
        self.one_at_a_time = one_at_a_time
        keys = [key for key, _ in self.items]
        if not keys or len(set(keys)) != len(keys):
            raise ValueError("items need unique keys, and at least one item")
        option_keys = [key for key, _ in self.options]
        if not option_keys or PASS in option_keys or len(set(option_keys)) != len(option_keys):
            raise ValueError(f"options need unique keys other than {PASS!r}")
        self.labels = dict(self.items)
        self.option_labels = dict(self.options)
        self._ratings: dict[str, str | None] = {key: None for key in keys}
        self._handlers: list[Callable[[], None]] = []
        self.progress = LiveStatus()
        self.progress.add_class("qa-ratings-progress")
        self.scales: dict[str, ChoiceScale] = {}
        if one_at_a_time:  # the scale itself asks the question, under the item on show
            body = self._build_one_at_a_time(item_noun)
        else:
            heading = f'<p class="pack-question"><strong>{escape(question)}</strong></p>'
            body = [widgets.HTML(heading), *self._build_list()]
        super().__init__([*body, self.progress], **kwargs)
        self.add_class("pack-ratings")

    # ---- building ----

    def _build_list(self) -> list[widgets.Widget]:
        rows = []
        for key, label in self.items:
            scale = ChoiceScale(label, self.options)
            scale.add_class(f"qa-rate-{key}")
            scale.question.style.font_weight = "bold"  # the item's name stands out
            scale.layout.margin = "0 0 1em 0"
            for option_key, button in scale.buttons.items():
                button.tooltip = f"{label}: {scale.labels[option_key]}"
            scale.on_choice(lambda option, key=key: self._record(key, option))
            self.scales[key] = scale
            hint = self.hints.get(key)
            if hint:
                note = widgets.HTML(f'<p class="pack-muted">{escape(hint)}</p>')
                scale.children = (scale.children[0], note, *scale.children[1:])
            rows.append(scale)
        return rows

    def _build_one_at_a_time(self, item_noun: str) -> list[widgets.Widget]:
        cards = [(key, label, _item_card(label, self.hints.get(key, "")))
                 for key, label in self.items]
        noun = item_noun.lower()
        # "Next part" says more than "Next" when a page has several sets.
        self.deck_scale = DeckScale(
            cards, self.question, self.options, noun=item_noun,
            previous_label=t("ratings.previous", noun=noun) if item_noun else None,
            next_label=t("ratings.next", noun=noun) if item_noun else None)
        self.deck, self.scale = self.deck_scale.deck, self.deck_scale.scale
        self.deck.add_class("qa-ratings-deck")
        self.scale.add_class("qa-ratings-scale")
        self.deck.previous_button.add_class("qa-ratings-previous")
        self.deck.next_button.add_class("qa-ratings-next")
        self.deck_scale.on_choice(self._record)
        return [self.deck_scale]

    # ---- state ----

    @property
    def ratings(self) -> dict[str, str | None]:
        return dict(self._ratings)

    @property
    def maximum(self) -> int:
        """The score of the highest option (the number of options)."""
        return len(self.options)

    @property
    def current_item(self) -> str:
        """In one-at-a-time mode, the key of the item on show."""
        return self.deck_scale.current if self.one_at_a_time else self.items[0][0]

    def rate(self, item: str, option: str) -> None:
        """Rate ``item`` with ``option`` (or ``"pass"``), as pressing its button does.

        Raises
        ------
        KeyError
            For an unknown item or option.
        """
        if item not in self._ratings:
            raise KeyError(item)
        if option != PASS and option not in self.option_labels:
            raise KeyError(option)
        if self.one_at_a_time:
            self.deck_scale.choose(item, option)
        else:
            self.scales[item].choose(option)

    def _record(self, item: str, option: str) -> None:
        self._ratings[item] = option
        done = sum(1 for value in self._ratings.values() if value is not None)
        self.progress.say(t("ratings.progress", done=done, total=len(self._ratings)))
        self._changed()

    def answered(self) -> dict[str, str]:
        """Item key to option key for the items rated, leaving out passed and unanswered."""
        return {item: option for item, option in self._ratings.items()
                if option is not None and option != PASS}

    def passed(self) -> list[str]:
        """Keys of the items passed on, in order."""
        return [item for item, option in self._ratings.items() if option == PASS]

    def score(self, item: str) -> int | None:
        """The position of ``item``'s option, 1 for the lowest; None if passed or unanswered."""
        option = self._ratings[item]
        if option is None or option == PASS:
            return None
        return [key for key, _ in self.options].index(option) + 1

    def chart_values(self) -> list[tuple[str, int | None]]:
        """(label, score) for every item, in order, ready for :mod:`peer_support.charts`."""
        return [(label, self.score(key)) for key, label in self.items]

    def clear(self) -> None:
        """Forget every rating."""
        self._ratings = {key: None for key in self._ratings}
        if self.one_at_a_time:
            self.deck_scale.clear()
        else:
            for scale in self.scales.values():
                scale.clear()
        self.progress.say(t("ratings.cleared"))
        self._changed()

    def on_change(self, handler: Callable[[], None]) -> None:
        """Call ``handler()`` after every rating and after :meth:`clear`."""
        self._handlers.append(handler)

    def _changed(self) -> None:
        for handler in self._handlers:
            handler()

    def focus_first(self) -> None:
        """Move keyboard focus to the first option of the first item (or the item on show)."""
        if self.one_at_a_time:
            self.scale.focus_first()
        else:
            self.scales[self.items[0][0]].focus_first()
