"""Scenario cards: a situation, a choice of responses, and the trade-offs of each.

One situation is shown at a time. The person (or the group, with one person at the keyboard)
chooses a response, or passes, and then sees what that response can help with and what to
watch out for, with pointers to other chapters. She can choose again to look at another
response, or show every response's trade-offs side by side. There is no scoring and no
"right answer": every response has something for it and something to watch.

A situation with a content note shows only the note at first, with a "Show this situation"
button; moving on to the next card skips it.

The printable handout holds every situation with all its responses and trade-offs, so a
group can run the cards on paper when the technology fails, plus what she chose where she
chose (never what she passed on).

Content file (YAML in ``assets/``)::

    title: Troubleshooting scenario cards      # optional, used for the handout
    intro: A sentence or two shown above the cards.
    scenarios:
      - title: The group runs over time
        note: ""                               # optional: a specific content note
        situation: What is happening, in a few sentences.
        responses:
          - text: What you might do (a short sentence; it becomes a button)
            helps: [what this can help with, ...]
            watch_out: [what to watch out for, ...]
            links: ["Safety: your group agreement", ...]   # optional, shown as text
"""

from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as widgets

from ..content import rules
from ..i18n import t
from ..text import escape
from .base import Exercise, from_files
from .choice import PASS, ChoiceScale
from .deck import CardDeck
from .handout import Handout
from .html import bullets, button

__all__ = ["SCENARIOS", "Response", "Scenario", "ScenarioCards", "ScenarioFile",
           "scenario_cards"]

#: Fewest responses a situation offers: with one, it would look like the "right answer".
MINIMUM_RESPONSES = 2
#: Most responses a situation offers, so the buttons stay readable on a projector.
MAXIMUM_RESPONSES = 6
LETTERS = "ABCDEF"


@dataclass(frozen=True)
class Response:
    """One possible response to a situation."""

    text: str = rules.text(200, "What she might do, as a short sentence; it becomes a button.")
    helps: list[str] = rules.texts(1, 300, "What this response can help with.")
    watch_out: list[str] = rules.texts(1, 300, "What to watch out for with it.")
    links: list[str] = rules.texts(0, 120, "Pointers to other chapters, shown as text, such "
                                   "as 'Safety: your group agreement'.", required=False)


@dataclass(frozen=True)
class Scenario:
    """One situation and the responses offered for it."""

    title: str = rules.text(120, "A short name for the situation.")
    situation: str = rules.text(1000, "What is happening, in a few sentences.")
    responses: list[Response] = rules.items(
        Response, "response", "The responses offered, called A, B, C… (2 to 6).",
        minimum=MINIMUM_RESPONSES, maximum=MAXIMUM_RESPONSES, letters=True)
    note: str = rules.text(300, "A specific content note shown before the situation; the "
                           "situation stays hidden until she chooses to see it.", required=False)


@dataclass(frozen=True)
class ScenarioFile:
    intro: str = rules.text(600, "A sentence or two shown above the cards.")
    scenarios: list[Scenario] = rules.items(Scenario, "scenario", "The cards, in order.")
    title: str = rules.text(120, "The handout's title (default: Scenario cards).",
                            required=False)


SCENARIOS = rules.Kind(ScenarioFile, "Scenario cards")


def response_label(index: int, response: Response) -> str:
    """The label of a response's button and its name in the handout: "A. Pause the group"."""
    return f"{LETTERS[index]}. {response.text}"


def trade_offs_html(index: int, response: Response, heading_key: str) -> str:
    """One response's trade-offs as HTML (every value escaped)."""
    parts = [
        f"<h4>{escape(t(heading_key, label=response_label(index, response)))}</h4>",
        f"<p><strong>{escape(t('scenarios.helps'))}</strong></p>{bullets(response.helps)}",
        f"<p><strong>{escape(t('scenarios.watch_out'))}</strong></p>"
        f"{bullets(response.watch_out)}",
    ]
    if response.links:
        parts.append(f"<p><strong>{escape(t('scenarios.links'))}</strong></p>"
                     f"{bullets(response.links)}")
    return '<div class="pack-card pack-trade-offs">' + "".join(parts) + "</div>"


def trade_offs_text(index: int, response: Response) -> str:
    """One response and its trade-offs as plain text lines, for the handout."""
    lines = [t("scenarios.handout_response", label=response_label(index, response)),
             t("scenarios.handout_helps", items="; ".join(response.helps)),
             t("scenarios.handout_watch_out", items="; ".join(response.watch_out))]
    if response.links:
        lines.append(t("scenarios.handout_links", items="; ".join(response.links)))
    return "\n".join(lines)


class ScenarioCards(Exercise):
    """Scenario cards. See the module docstring.

    Parameters
    ----------
    content : ScenarioFile
        The intro shown above the cards, the situations in the order shown, and the handout's
        title (default "Scenario cards").
    basename : str
        File name (without extension) of the printable handout. Keep it neutral.
    """

    prepare_key = "scenarios.prepare"

    def __init__(self, content: ScenarioFile, basename: str, **kwargs):
        self.intro = content.intro
        self.title = content.title or t("scenarios.handout_title")
        self.scenarios = list(content.scenarios)
        self._chosen: dict[int, int | str] = {}
        self._opened: set[int] = set()

        self.deck = CardDeck([{"index": n} for n in range(len(self.scenarios))],
                             render=self._render_card, label=t("scenarios.word"),
                             show_buttons=False)
        self.deck.previous_button.description = t("scenarios.previous")
        self.deck.next_button.description = t("scenarios.next")
        self.deck.previous_button.add_class("qa-scenario-previous")
        self.deck.next_button.add_class("qa-scenario-next")
        self.deck.previous_button.on_click(lambda _: self.focus_card())
        self.deck.next_button.on_click(lambda _: self.focus_card())
        self.deck.observe(lambda _: self._show_current(), names="index")

        self.open_button = button(t("scenarios.open"), "qa-scenario-open",
                                  lambda: self._open_and_focus())

        # One scale per situation, made when its card or a neighbour is first shown, and kept
        # drawn but hidden afterwards: focus can then move to the next card's first button at
        # once (a freshly drawn widget may miss it), without drawing every card up front.
        self.scales: dict[int, ChoiceScale] = {}
        self.scale_box = widgets.VBox()
        self.trade_offs = widgets.HTML()
        self.trade_offs.add_class("qa-scenario-trade-offs")
        self.all_button = button(t("scenarios.show_all"), "qa-scenario-show-all",
                                 lambda: self.show_all(not self.showing_all))
        self.all_view = widgets.HTML()
        self.all_view.add_class("qa-scenario-all")
        self.showing_all = False
        super().__init__(download=basename, **kwargs)
        self.add_class("pack-scenario-cards")
        self._show_current()

    def build(self) -> list[widgets.Widget]:
        download_box = widgets.VBox([
            widgets.HTML(f"<h3>{escape(t('scenarios.download_heading'))}</h3>"
                         f"<p>{escape(t('scenarios.download_hint'))}</p>"),
            self.download,
        ])
        download_box.add_class("pack-scenario-download")
        return [
            widgets.HTML(f"<p>{escape(self.intro)}</p>"),
            self.deck,
            self.open_button,
            self.scale_box,
            self.trade_offs,
            self.all_button,
            self.all_view,
            self.status,
            self.deck.buttons,
            download_box,
        ]

    # ---- moving between cards ----

    def _scale(self, number: int) -> ChoiceScale:
        """The response buttons for situation ``number``, made on first use."""
        if number not in self.scales:
            scenario = self.scenarios[number]
            scale = ChoiceScale(t("scenarios.question"),
                                [(str(i), response_label(i, r))
                                 for i, r in enumerate(scenario.responses)])
            scale.children[1].layout.flex_flow = "column"
            scale.children[1].layout.align_items = "flex-start"
            for response in scale.buttons.values():
                response.add_class("qa-scenario-response")
            scale.on_choice(lambda key, number=number: self._on_choice(number, key))
            scale.layout.display = "none"
            self.scales[number] = scale
            self.scale_box.children = [*self.scale_box.children, scale]
        return self.scales[number]

    @property
    def index(self) -> int:
        """Position of the situation on show, from 0."""
        return self.deck.index

    @property
    def current(self) -> Scenario:
        return self.scenarios[self.deck.index]

    def go_to(self, index: int) -> None:
        """Show the situation at ``index`` (kept within the deck)."""
        self.deck.go_to(index)

    def next(self) -> None:
        """Show the next situation (at the last, stay and say so)."""
        self.deck.next()

    def previous(self) -> None:
        """Show the previous situation (at the first, stay and say so)."""
        self.deck.previous()

    def is_open(self, index: int | None = None) -> bool:
        """Whether the situation at ``index`` (default: on show) is on view: it has no
        content note, or she chose to see it."""
        index = self.deck.index if index is None else index
        return not self.scenarios[index].note or index in self._opened

    def open_situation(self) -> None:
        """Show the situation behind a content note, as "Show this situation" does."""
        self._opened.add(self.deck.index)
        self._show_current()
        self.status.say(t("scenarios.opened"))

    def _open_and_focus(self) -> None:
        self.open_situation()
        self.focus_card()

    def focus_card(self) -> None:
        """Move keyboard focus to the first thing to do on the card on show."""
        if not self.scenarios:
            return
        if self.is_open():
            self._scale(self.deck.index).focus_first()
        else:
            self.open_button.focus()

    # ---- choosing ----

    def choose(self, response_index: int | str) -> None:
        """Choose a response to the situation on show by its index (from 0), or ``"pass"``.

        Raises
        ------
        KeyError
            For an index the situation does not have, or any other text.
        """
        if isinstance(response_index, bool):
            raise KeyError(response_index)
        key = str(response_index)
        scale = self._scale(self.deck.index)
        if key not in scale.labels:
            raise KeyError(response_index)
        if key != PASS and not self.is_open():
            self._opened.add(self.deck.index)
            self._show_current()
        scale.choose(key)

    def chosen(self) -> dict[int, int | str]:
        """Situation index -> chosen response index, or ``"pass"``. Unvisited ones are absent."""
        return dict(self._chosen)

    def _on_choice(self, number: int, key: str) -> None:
        self._chosen[number] = PASS if key == PASS else int(key)
        self._draw_trade_offs()
        if key == PASS:
            self.status.say(t("scenarios.passed_status"))
        else:
            self.status.say(t("scenarios.shown", letter=LETTERS[int(key)]))
        self.changed()

    def show_all(self, show: bool = True) -> None:
        """Show (or hide) the trade-offs of every response to the situation on show."""
        self.showing_all = show
        self._draw_all()
        self.status.say(t("scenarios.all_shown") if show else t("scenarios.all_hidden"))

    # ---- drawing ----

    def _render_card(self, card: dict) -> str:
        index = card["index"]
        scenario = self.scenarios[index]
        parts = [f'<div class="pack-card pack-scenario"><h3>{escape(scenario.title)}</h3>']
        if scenario.note:
            parts.append(f'<p class="pack-message pack-message--warning"><strong>'
                         f"{escape(t('scenarios.note'))}</strong> {escape(scenario.note)}</p>")
        if self.is_open(index):
            parts.append(f"<p>{escape(scenario.situation)}</p>")
        else:
            parts.append(f"<p>{escape(t('scenarios.note_hint'))}</p>")
        parts.append("</div>")
        return "".join(parts)

    def _show_current(self) -> None:
        if not self.scenarios:
            for widget in (self.open_button, self.all_button):
                widget.layout.display = "none"
            return
        index = self.deck.index
        self.deck.card_view.value = self._render_card({"index": index})
        opened = self.is_open(index)
        self.open_button.layout.display = "none" if opened else None
        self.all_button.layout.display = None if opened else "none"
        for number in (index - 1, index, index + 1):
            if 0 <= number < len(self.scenarios):
                self._scale(number)
        for number, scale in self.scales.items():
            scale.layout.display = None if number == index and opened else "none"
        choice = self._chosen.get(index)
        self.scales[index].show(None if choice is None else str(choice))
        self.scales[index].status.say("")
        self.showing_all = False
        self._draw_trade_offs()
        self._draw_all()

    def _draw_trade_offs(self) -> None:
        index = self.deck.index
        choice = self._chosen.get(index)
        if choice is None or not self.is_open(index):
            self.trade_offs.value = ""
        elif choice == PASS:
            self.trade_offs.value = f"<p>{escape(t('scenarios.passed'))}</p>"
        else:
            response = self.scenarios[index].responses[choice]
            self.trade_offs.value = trade_offs_html(choice, response, "scenarios.if_you_choose")

    def _draw_all(self) -> None:
        self.all_button.description = t("scenarios.hide_all" if self.showing_all
                                        else "scenarios.show_all")
        if not self.showing_all or not self.is_open():
            self.all_view.value = ""
            return
        responses = self.current.responses
        self.all_view.value = (f"<h4>{escape(t('scenarios.all_heading'))}</h4>"
                               + "".join(trade_offs_html(i, r, "scenarios.response")
                                         for i, r in enumerate(responses)))

    # ---- the handout ----

    def handout(self) -> Handout:
        """Printable cards: every situation with all its responses and trade-offs, and what
        she chose where she chose. Passed and unvisited situations show no choice."""
        handout = Handout(self.title, f"{self.intro} {t('scenarios.handout_intro')}")
        for number, scenario in enumerate(self.scenarios):
            items = []
            if scenario.note:
                items.append(t("scenarios.handout_note", note=scenario.note))
            items.append(t("scenarios.handout_situation", situation=scenario.situation))
            items += [trade_offs_text(i, r) for i, r in enumerate(scenario.responses)]
            choice = self._chosen.get(number)
            if isinstance(choice, int):
                label = response_label(choice, scenario.responses[choice])
                items.append(t("scenarios.handout_chosen", label=label))
            handout.add(f"{number + 1}. {scenario.title}", items)
        return handout


    def reset_answers(self) -> None:
        self._chosen.clear()
        self._show_current()


def scenario_cards(path: str, basename: str):
    """Scenario cards from a file in ``assets/``; a calm message if the file is broken."""
    return from_files(ScenarioCards, SCENARIOS.at(path), basename=basename)
