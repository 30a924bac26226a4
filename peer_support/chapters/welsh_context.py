"""The Welsh context chapter's exercises.

- :class:`GettingTherePlanner`: a "getting there" planner for rural groups. A facilitator types
  her group's times and the real bus or train times for her area (the pack invents none), and
  the planner says which journeys fit. She weighs ways of joining (lift shares, a discreet
  pick-up point, phone, online) and the costs women face (fares, data, childcare), one card
  at a time (:class:`ChoiceDeck`), then prints an access plan.
- :func:`barriers_checklist`: the barriers checklist (poverty, discrimination, past poor
  treatment by services), each barrier with the changes a group can make. It is a
  :class:`~peer_support.checklist.Checklist`.
- :class:`ActiveOfferCheck`: does our group offer Welsh without being asked? Each area is
  rated yes / partly / not yet (or passed), one area at a time, with a
  :class:`~peer_support.ratings.RatingSet`, and the answers give a short action list, written
  in the content file, to download.

Nothing is stored: everything lives in the page until it is closed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import ipywidgets as widgets

from ..content import Checker, ContentError, load_yaml
from ..i18n import t
from ..kit.blocks import error_block
from ..kit.checklist import checklist
from ..kit.choice import ChoiceScale
from ..kit.deck import CardDeck
from ..kit.handout import DownloadPanel, Handout
from ..kit.ratings import RatingSet
from ..kit.reflection import ReflectionBox
from ..kit.status import LiveStatus
from ..text import check_text, escape

__all__ = [
    "ActiveOfferCheck",
    "ChoiceDeck",
    "GettingTherePlanner",
    "Journey",
    "active_offer_check",
    "barriers_checklist",
    "format_time",
    "getting_there_planner",
    "load_active_offer",
    "load_planner",
    "parse_time",
]

PLANNER_FILE = "welsh_context/getting-there.yaml"
BARRIERS_FILE = "welsh_context/barriers.yaml"
ACTIVE_OFFER_FILE = "welsh_context/active-offer.yaml"

#: How a group can use each way of joining, and how much it can help with each cost.
OPTION_CHOICES = ("offer", "maybe", "not_for_us")
COST_CHOICES = ("cover", "partly", "not_yet")
#: The Active Offer self-check's answers, from lowest to highest.
OFFER_LEVELS = ("not_yet", "partly", "yes")

TIME_LIMIT = 20        # characters in a time box
PLACE_LIMIT = 80       # characters in "where from"
NOTES_LIMIT = 1000     # characters in the plan's notes
OWN_ACTION_LIMIT = 300
#: A bus that gets in, or leaves, this close to the group's times is tight.
TIGHT_MINUTES = 10
#: A wait longer than this, before or after the group, is worth planning for.
LONG_WAIT_MINUTES = 60

_TIME = re.compile(r"^([0-9]{1,2})(?:[:.]([0-9]{2}))?(am|pm|yb|yh)?$")
#: Welsh writes "yb" (yn y bore) for am and "yh" (yr hwyr / y prynhawn) for pm.
_AFTERNOON = ("pm", "yh")


# ---- times ----


def parse_time(raw: str | None) -> int | None:
    """Read a clock time as minutes after midnight; None if it cannot be read.

    Takes 24-hour times ("9:05", "09:05", "13.10") and 12-hour times in English or Welsh
    ("2.15pm", "10am", "2.15yh", "10yb").
    A bare number such as "10" is refused, because it could mean morning or evening.
    """
    text = re.sub(r"\s+", "", (raw or "").strip().lower()).replace("a.m.", "am")
    text = text.replace("p.m.", "pm").replace("y.b.", "yb").replace("y.h.", "yh")
    match = _TIME.match(text)
    if not match:
        return None
    hours, minutes, half = int(match[1]), match[2], match[3]
    if minutes is None and half is None:
        return None
    minutes = int(minutes or 0)
    if minutes > 59:
        return None
    if half:
        if not 1 <= hours <= 12:
            return None
        hours = hours % 12 + (12 if half in _AFTERNOON else 0)
    elif hours > 23:
        return None
    return hours * 60 + minutes


def format_time(minutes: int) -> str:
    """Minutes after midnight as a 24-hour time, e.g. ``630`` gives ``"10:30"``."""
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


@dataclass(frozen=True)
class Journey:
    """A bus or train the facilitator typed in: where from, when it gets in, and when the
    last one back leaves (either time may be missing, not both)."""

    place: str
    arrives: int | None = None
    leaves: int | None = None


def journey_fits(journey: Journey, start: int | None, end: int | None) -> bool | None:
    """True if the journey fits the group's times, False if it gets in after the start or
    leaves before the end, None if there is nothing to compare yet."""
    checks = []
    if journey.arrives is not None and start is not None:
        checks.append(journey.arrives <= start)
    if journey.leaves is not None and end is not None:
        checks.append(journey.leaves >= end)
    return all(checks) if checks else None


def journey_notes(journey: Journey, start: int | None, end: int | None) -> list[str]:
    """Plain sentences comparing the journey with the group's start and finish times."""
    notes = []
    if journey.arrives is not None:
        time = format_time(journey.arrives)
        if start is None:
            notes.append(t("welsh_context.arrives", time=time))
        else:
            early = start - journey.arrives
            if early < 0:
                notes.append(t("welsh_context.arrives_late", time=time, minutes=-early))
            elif early == 0:
                notes.append(t("welsh_context.arrives_just", time=time))
            elif early < TIGHT_MINUTES:
                notes.append(t("welsh_context.arrives_tight", time=time, minutes=early))
            elif early > LONG_WAIT_MINUTES:
                notes.append(t("welsh_context.arrives_long_wait", time=time, minutes=early))
            else:
                notes.append(t("welsh_context.arrives_before", time=time, minutes=early))
    if journey.leaves is not None:
        time = format_time(journey.leaves)
        if end is None:
            notes.append(t("welsh_context.leaves", time=time))
        else:
            after = journey.leaves - end
            if after < 0:
                notes.append(t("welsh_context.leaves_early", time=time, minutes=-after))
            elif after == 0:
                notes.append(t("welsh_context.leaves_just", time=time))
            elif after < TIGHT_MINUTES:
                notes.append(t("welsh_context.leaves_tight", time=time, minutes=after))
            elif after > LONG_WAIT_MINUTES:
                notes.append(t("welsh_context.leaves_long_wait", time=time, minutes=after))
            else:
                notes.append(t("welsh_context.leaves_after", time=time, minutes=after))
    return notes


# ---- the planner's content ----


@dataclass(frozen=True)
class WayToJoin:
    """A way of joining the group, with what it helps with and what to weigh."""

    id: str
    label: str
    helps: list[str]
    watch_out: list[str]


@dataclass(frozen=True)
class Cost:
    """A cost women face, with ideas for lowering it."""

    id: str
    label: str
    ideas: list[str]


@dataclass(frozen=True)
class PlannerContent:
    title: str
    intro: str
    options: list[WayToJoin]
    costs: list[Cost]


def load_planner(path: str = PLANNER_FILE) -> PlannerContent:
    """Read and check the planner's content file.

    Raises
    ------
    ContentError
        Naming the file and the first problem found.
    """
    check = Checker(path)
    data = check.mapping(load_yaml(path), "The file")
    title = check.text(data, "title", "The file", 120)
    intro = check.text(data, "intro", "The file", 400, required=False)
    seen: set[str] = set()
    options = []
    for number, entry in enumerate(check.items(data.get("options"), "'options'"), start=1):
        where = f"Option {number}"
        check.mapping(entry, where)
        options.append(WayToJoin(
            id=check.identifier(entry, where, seen),
            label=check.text(entry, "label", where, 80),
            helps=check.texts(entry, "helps", where, 1, 300),
            watch_out=check.texts(entry, "watch_out", where, 1, 300),
        ))
    costs = []
    for number, entry in enumerate(check.items(data.get("costs"), "'costs'"), start=1):
        where = f"Cost {number}"
        check.mapping(entry, where)
        costs.append(Cost(
            id=check.identifier(entry, where, seen),
            label=check.text(entry, "label", where, 80),
            ideas=check.texts(entry, "ideas", where, 1, 300),
        ))
    return PlannerContent(title, intro, options, costs)


def _bullets(heading: str, values: list[str]) -> str:
    items = "".join(f"<li>{escape(value)}</li>" for value in values)
    return f"<p>{escape(heading)}:</p><ul>{items}</ul>"


#: Puts a text box's label on its own line above the box.
_LABEL_ABOVE = {"description_width": "100%"}


def _wide() -> widgets.Layout:
    """A text box as wide as its column, up to a comfortable line length, so its label
    does not wrap into a narrow strip."""
    return widgets.Layout(width="100%", max_width="40rem")


class ChoiceDeck(widgets.VBox):
    """Cards shown one at a time (a CardDeck), one ChoiceScale under them, and a list of the
    choices made so far. Used for the planner's ways of joining and its costs.

    One card at a time keeps the page light (one set of buttons, not one per card) and suits
    a projector; the list underneath keeps every choice in view for comparing.

    Parameters
    ----------
    cards : sequence of (key, label, html)
        Each card's key, its plain-text label, and its body as HTML (already escaped).
    question : str
        Asked about every card, above the option buttons.
    options : sequence of (key, label)
        The choices; Pass is added by the ChoiceScale.
    noun, previous_label, next_label, summary_heading : str
        Words for the position line ("Way of joining 2 of 4"), the two buttons and the list.
    """

    def __init__(self, cards: Sequence[tuple[str, str, str]], question: str,
                 options: Sequence[tuple[str, str]], noun: str, previous_label: str,
                 next_label: str, summary_heading: str, **kwargs):
        self.card_keys = [key for key, _, _ in cards]
        self.card_labels = {key: label for key, label, _ in cards}
        self.summary_heading = summary_heading
        self.choices: dict[str, str] = {}
        self._handlers: list[Callable[[str, str], None]] = []
        self.deck = CardDeck([{"key": key, "html": body} for key, _, body in cards],
                             render=lambda card: f'<div class="pack-card">{card["html"]}</div>',
                             label=noun, show_buttons=False)
        self.scale = ChoiceScale(question, options)
        self.scale.on_choice(self._on_choice)
        self.deck.previous_button.description = previous_label
        self.deck.next_button.description = next_label
        # After moving to another card, the first choice is the natural next key press.
        self.deck.previous_button.on_click(lambda _: self.scale.focus_first())
        self.deck.next_button.on_click(lambda _: self.scale.focus_first())
        self.deck.observe(lambda _: self._show_current(), names="index")
        self.summary = widgets.HTML()
        self.summary.add_class("qa-choice-deck-summary")
        self.deck.previous_button.add_class("qa-choice-deck-previous")
        self.deck.next_button.add_class("qa-choice-deck-next")
        super().__init__([self.deck, self.scale, self.deck.buttons, self.summary], **kwargs)
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
        self.deck.go_to(self.card_keys.index(key))
        self.scale.choose(option)

    def on_choice(self, handler: Callable[[str, str], None]) -> None:
        """Call ``handler(card_key, option_key)`` after every choice."""
        self._handlers.append(handler)

    def _on_choice(self, option: str) -> None:
        self.choices[self.current] = option
        self._draw_summary()
        for handler in self._handlers:
            handler(self.current, option)

    def _show_current(self) -> None:
        self.scale.show(self.choices.get(self.current))
        self.scale.status.say("")

    def _draw_summary(self) -> None:
        rows = []
        for key in self.card_keys:
            option = self.choices.get(key)
            chosen = self.scale.labels[option] if option else t("welsh_context.not_chosen")
            rows.append(f"<li>{escape(self.card_labels[key])}: {escape(chosen)}</li>")
        self.summary.value = (f"<p><strong>{escape(self.summary_heading)}</strong></p>"
                              f"<ul>{''.join(rows)}</ul>")


# ---- the planner ----


class GettingTherePlanner(widgets.VBox):
    """The "getting there" planner. See the module docstring.

    Parameters
    ----------
    content : PlannerContent
        Ways of joining and costs, from the content file.
    """

    def __init__(self, content: PlannerContent, **kwargs):
        self.content = content
        self.start: int | None = None
        self.end: int | None = None
        self.journeys: list[Journey] = []
        # Built first: every change below withdraws a download prepared earlier.
        self.download = DownloadPanel(self.handout, basename="access-plan",
                                      button_label=t("welsh_context.prepare_plan"))

        # 1. The group's own times.
        self.start_box = widgets.Text(description=t("welsh_context.start"),
                                      continuous_update=False, layout=_wide(), style=_LABEL_ABOVE)
        self.end_box = widgets.Text(description=t("welsh_context.end"),
                                    continuous_update=False, layout=_wide(), style=_LABEL_ABOVE)
        self.start_box.add_class("qa-planner-start")
        self.end_box.add_class("qa-planner-end")
        self.times_status = LiveStatus()
        self.times_status.add_class("qa-planner-times-status")
        self.start_box.observe(lambda _: self._read_times(), names="value")
        self.end_box.observe(lambda _: self._read_times(), names="value")

        # 2. Real bus and train times, typed in.
        self.place_box = widgets.Text(description=t("welsh_context.place"),
                                      continuous_update=False, layout=_wide(), style=_LABEL_ABOVE)
        self.arrives_box = widgets.Text(description=t("welsh_context.arrives_box"),
                                        continuous_update=False, layout=_wide(), style=_LABEL_ABOVE)
        self.leaves_box = widgets.Text(description=t("welsh_context.leaves_box"),
                                       continuous_update=False, layout=_wide(), style=_LABEL_ABOVE)
        self.place_box.add_class("qa-planner-place")
        self.arrives_box.add_class("qa-planner-arrives")
        self.leaves_box.add_class("qa-planner-leaves")
        self.add_button = widgets.Button(description=t("welsh_context.add_journey"))
        self.add_button.add_class("qa-planner-add-journey")
        self.add_button.on_click(lambda _: self.add_journey(
            self.place_box.value, self.arrives_box.value, self.leaves_box.value))
        self.journey_status = LiveStatus()
        self.journey_status.add_class("qa-planner-journey-status")
        self.journeys_view = widgets.HTML()
        self.journeys_view.add_class("qa-planner-journeys")
        self.remove_buttons = widgets.VBox()

        # 3. Ways of joining, and 4. costs: one card at a time, Pass always offered.
        self.options = ChoiceDeck(
            [(o.id, o.label, f"<h4>{escape(o.label)}</h4>"
              + _bullets(t("welsh_context.helps"), o.helps)
              + _bullets(t("welsh_context.watch_out"), o.watch_out)) for o in content.options],
            t("welsh_context.option_question"),
            [(key, t(OPTION_LABEL_KEYS[key])) for key in OPTION_CHOICES],
            noun=t("welsh_context.option_noun"),
            previous_label=t("welsh_context.option_previous"),
            next_label=t("welsh_context.option_next"),
            summary_heading=t("welsh_context.option_summary"))
        self.options.add_class("qa-planner-options")
        self.options.on_choice(lambda _key, _option: self.download.reset())
        self.costs = ChoiceDeck(
            [(c.id, c.label, f"<h4>{escape(c.label)}</h4>"
              + _bullets(t("welsh_context.ideas"), c.ideas)) for c in content.costs],
            t("welsh_context.cost_question"),
            [(key, t(COST_LABEL_KEYS[key])) for key in COST_CHOICES],
            noun=t("welsh_context.cost_noun"),
            previous_label=t("welsh_context.cost_previous"),
            next_label=t("welsh_context.cost_next"),
            summary_heading=t("welsh_context.cost_summary"))
        self.costs.add_class("qa-planner-costs")
        self.costs.on_choice(lambda _key, _option: self.download.reset())

        # 5. Notes, and the plan to print.
        self.notes = ReflectionBox(t("welsh_context.plan_notes"),
                                   t("welsh_context.plan_notes_hint"), limit=NOTES_LIMIT)
        self.notes.text_area.add_class("qa-planner-notes")
        self.notes.text_area.observe(lambda _: self.download.reset(), names="value")

        def step(key: str) -> widgets.HTML:
            return widgets.HTML(f"<h3>{escape(t(key))}</h3>")

        super().__init__([
            step("welsh_context.step_times"),
            widgets.HTML(f'<p class="pack-muted">{escape(t("welsh_context.times_hint"))}</p>'),
            self.start_box, self.end_box, self.times_status,
            step("welsh_context.step_journeys"),
            widgets.HTML(f'<p class="pack-muted">{escape(t("welsh_context.journeys_hint"))}</p>'),
            self.place_box, self.arrives_box, self.leaves_box, self.add_button,
            self.journey_status, self.journeys_view, self.remove_buttons,
            step("welsh_context.step_options"), self.options,
            step("welsh_context.step_costs"), self.costs,
            step("welsh_context.step_plan"), self.notes, self.download,
        ], **kwargs)
        self.add_class("pack-welsh-planner")
        self._draw_journeys()

    # ---- the group's times ----

    def set_times(self, start: str, end: str) -> None:
        """Type the group's start and finish times into their boxes, as a person does."""
        self.start_box.value = start
        self.end_box.value = end

    def _read_times(self) -> None:
        problems = []
        values = {}
        for name, box in (("start", self.start_box), ("end", self.end_box)):
            checked = check_text(box.value, TIME_LIMIT)
            value = None if checked.too_long else parse_time(checked.text)
            if not checked.is_empty and value is None:
                problems.append(t("welsh_context.time_unclear_start" if name == "start"
                                  else "welsh_context.time_unclear_end"))
            values[name] = value
        self.start, self.end = values["start"], values["end"]
        if problems:
            message = " ".join(problems)
        elif self.start is not None and self.end is not None and self.start >= self.end:
            message = t("welsh_context.times_order")
        elif self.start is not None and self.end is not None:
            message = t("welsh_context.times_noted", start=format_time(self.start),
                        end=format_time(self.end))
        elif self.start is not None:
            message = t("welsh_context.start_noted", start=format_time(self.start))
        elif self.end is not None:
            message = t("welsh_context.end_noted", end=format_time(self.end))
        else:
            message = ""
        self.times_status.say(message)
        self._draw_journeys()

    @property
    def times_ok(self) -> bool:
        """Both times can be read (or are empty), and the start comes first."""
        return not (self.start is not None and self.end is not None and self.start >= self.end)

    # ---- journeys ----

    def add_journey(self, place: str, arrives: str = "", leaves: str = "") -> bool:
        """Add a bus or train. Returns True if it was added.

        Refuses, with a clear message and nothing typed lost, an empty or too long place,
        a time that cannot be read, or a journey with no time at all.
        """
        checked_place = check_text(place, PLACE_LIMIT)
        if checked_place.is_empty:
            return self._refuse(t("welsh_context.place_empty"))
        if checked_place.too_long:
            return self._refuse(t("welsh_context.place_too_long", limit=PLACE_LIMIT))
        times = []
        for raw, key in ((arrives, "welsh_context.arrives_unclear"),
                         (leaves, "welsh_context.leaves_unclear")):
            checked = check_text(raw, TIME_LIMIT)
            value = None if checked.too_long else parse_time(checked.text)
            if not checked.is_empty and value is None:
                return self._refuse(t(key))
            times.append(value)
        if times == [None, None]:
            return self._refuse(t("welsh_context.journey_no_time"))
        journey = Journey(checked_place.text, *times)
        self.journeys.append(journey)
        self.place_box.value = self.arrives_box.value = self.leaves_box.value = ""
        self.journey_status.say(t("welsh_context.journey_added", place=journey.place,
                                  count=len(self.journeys)))
        self._draw_journeys()
        return True

    def _refuse(self, message: str) -> bool:
        self.journey_status.say(message)
        return False

    def remove_journey(self, index: int) -> None:
        """Take out the journey at ``index`` (from 0)."""
        journey = self.journeys.pop(index)
        self.journey_status.say(t("welsh_context.journey_removed", place=journey.place))
        self._draw_journeys()

    def _remove_and_refocus(self, index: int) -> None:
        self.remove_journey(index)
        # The pressed button is gone: focus the next one, or the first box.
        buttons = self.remove_buttons.children
        if buttons:
            buttons[min(index, len(buttons) - 1)].focus()
        else:
            self.place_box.focus()

    def fit_counts(self) -> tuple[int, int]:
        """(journeys that fit, journeys that need a look); unknown ones count in neither."""
        results = [journey_fits(j, self.start, self.end) for j in self.journeys]
        return results.count(True), results.count(False)

    def journey_line(self, journey: Journey) -> str:
        """One journey as a plain sentence for the page and the plan."""
        return f"{journey.place}: " + " ".join(journey_notes(journey, self.start, self.end))

    def journey_mark(self, journey: Journey) -> str:
        """"Fits.", "Needs a look." or "Not checked yet." for one journey."""
        fits = journey_fits(journey, self.start, self.end)
        if fits is None:
            return t("welsh_context.not_checked")
        return t("welsh_context.fits") if fits else t("welsh_context.needs_a_look")

    def _draw_journeys(self) -> None:
        if not self.journeys:
            self.journeys_view.value = f"<p>{escape(t('welsh_context.no_journeys'))}</p>"
        else:
            rows = [f"<li><strong>{escape(self.journey_mark(journey))}</strong> "
                    f"{escape(self.journey_line(journey))}</li>" for journey in self.journeys]
            fit, problems = self.fit_counts()
            summary = t("welsh_context.fit_summary", fit=fit, problems=problems,
                        total=len(self.journeys))
            self.journeys_view.value = f"<ul>{''.join(rows)}</ul><p>{escape(summary)}</p>"
        buttons = []
        for index, journey in enumerate(self.journeys):
            button = widgets.Button(description=t("welsh_context.remove_journey",
                                                  place=journey.place))
            button.add_class("qa-planner-remove-journey")
            button.on_click(lambda _, index=index: self._remove_and_refocus(index))
            buttons.append(button)
        self.remove_buttons.children = buttons
        self.download.reset()

    # ---- ways of joining and costs ----

    def choose_option(self, option_id: str, key: str) -> None:
        """Choose for a way of joining: ``"offer"``, ``"maybe"``, ``"not_for_us"`` or
        ``"pass"``, as its button does. KeyError for an unknown option or key."""
        self.options.choose(option_id, key)

    def choose_cost(self, cost_id: str, key: str) -> None:
        """Choose for a cost: ``"cover"``, ``"partly"``, ``"not_yet"`` or ``"pass"``."""
        self.costs.choose(cost_id, key)

    @property
    def option_choices(self) -> dict[str, str]:
        return dict(self.options.choices)

    @property
    def cost_choices(self) -> dict[str, str]:
        return dict(self.costs.choices)

    # ---- the plan ----

    def handout(self) -> Handout | str:
        """The printable access plan: exactly what was typed and chosen. Passed and
        unanswered options and costs are left out."""
        notes = self.notes.checked
        if notes.too_long:
            return t("handout.waiting")
        if not self.times_ok:
            return t("welsh_context.times_order")
        plan = Handout(self.content.title, self.content.intro)
        when = []
        if self.start is not None:
            when.append(t("welsh_context.plan_starts", time=format_time(self.start)))
        if self.end is not None:
            when.append(t("welsh_context.plan_ends", time=format_time(self.end)))
        plan.add(t("welsh_context.plan_when"), when)
        plan.add(t("welsh_context.plan_journeys"),
                 [f"{self.journey_mark(journey)} {self.journey_line(journey)}"
                  for journey in self.journeys])
        for key in OPTION_CHOICES:
            lines = []
            for option in self.content.options:
                if self.option_choices.get(option.id) != key:
                    continue
                if key == "not_for_us":
                    lines.append(option.label)
                else:
                    lines.append("\n".join([option.label, f"{t('welsh_context.watch_out')}:",
                                             *(f"• {line}" for line in option.watch_out)]))
            plan.add(t(OPTION_HEADING_KEYS[key]), lines)
        costs = []
        for cost in self.content.costs:
            key = self.cost_choices.get(cost.id)
            if key in COST_CHOICES:
                costs.append("\n".join([f"{cost.label}: {t(COST_PLAN_KEYS[key])}",
                                         f"{t('welsh_context.ideas')}:",
                                         *(f"• {idea}" for idea in cost.ideas)]))
        plan.add(t("welsh_context.plan_costs"), costs)
        plan.add(t("welsh_context.plan_notes"), [notes.usable] if notes.usable else [])
        return plan


OPTION_LABEL_KEYS = {"offer": "welsh_context.choice_offer", "maybe": "welsh_context.choice_maybe",
                     "not_for_us": "welsh_context.choice_not_for_us"}
OPTION_HEADING_KEYS = {"offer": "welsh_context.plan_offer", "maybe": "welsh_context.plan_maybe",
                       "not_for_us": "welsh_context.plan_not_for_us"}
COST_LABEL_KEYS = {"cover": "welsh_context.choice_cover",
                   "partly": "welsh_context.choice_cost_partly",
                   "not_yet": "welsh_context.choice_cost_not_yet"}
COST_PLAN_KEYS = {"cover": "welsh_context.plan_cover", "partly": "welsh_context.plan_cost_partly",
                  "not_yet": "welsh_context.plan_cost_not_yet"}


def getting_there_planner(path: str = PLANNER_FILE):
    """The "getting there" planner, from its content file; a calm message if it is broken."""
    try:
        return GettingTherePlanner(load_planner(path))
    except ContentError as error:
        return error_block(error)


# ---- the barriers checklist ----


def barriers_checklist(path: str = BARRIERS_FILE):
    """The barriers checklist (a Checklist whose details are the changes a group can make)."""
    return checklist(path, basename="barriers-checklist")


# ---- the Active Offer self-check ----


@dataclass(frozen=True)
class OfferArea:
    """One area of the Active Offer self-check, with actions for "partly" and "not yet"."""

    id: str
    label: str
    hint: str
    actions: dict[str, list[str]]


@dataclass(frozen=True)
class ActiveOfferContent:
    title: str
    intro: str
    question: str
    areas: list[OfferArea]


def load_active_offer(path: str = ACTIVE_OFFER_FILE) -> ActiveOfferContent:
    """Read and check the Active Offer self-check's content file.

    Raises
    ------
    ContentError
        Naming the file and the first problem found.
    """
    check = Checker(path)
    data = check.mapping(load_yaml(path), "The file")
    title = check.text(data, "title", "The file", 120)
    intro = check.text(data, "intro", "The file", 400, required=False)
    question = check.text(data, "question", "The file", 200)
    seen: set[str] = set()
    areas = []
    for number, entry in enumerate(check.items(data.get("areas"), "'areas'"), start=1):
        where = f"Area {number}"
        check.mapping(entry, where)
        actions = check.mapping(entry.get("actions"), f"{where}'s 'actions'")
        unknown = set(actions) - {"partly", "not_yet"}
        if unknown:
            check.fail(f"{where}'s 'actions' should only have 'partly' and 'not_yet', "
                       f"not {', '.join(sorted(map(str, unknown)))}")
        areas.append(OfferArea(
            id=check.identifier(entry, where, seen),
            label=check.text(entry, "label", where, 80),
            hint=check.text(entry, "hint", where, 300, required=False),
            actions={level: check.texts(actions, level, f"{where}'s 'actions'", 1, 300)
                     for level in ("partly", "not_yet")},
        ))
    return ActiveOfferContent(title, intro, question, areas)


class ActiveOfferCheck(widgets.VBox):
    """The Active Offer self-check. See the module docstring.

    Parameters
    ----------
    content : ActiveOfferContent
        The areas to check and their actions, from the content file.
    """

    def __init__(self, content: ActiveOfferContent, **kwargs):
        self.content = content
        self.areas = {area.id: area for area in content.areas}
        self.ratings = RatingSet(
            content.question,
            [(area.id, area.label) for area in content.areas],
            [(level, t(OFFER_LABEL_KEYS[level])) for level in OFFER_LEVELS],
            hints={area.id: area.hint for area in content.areas if area.hint},
            one_at_a_time=True,
            item_noun=t("welsh_context.offer_noun"),
        )
        self.ratings.add_class("qa-offer-ratings")
        self.ratings.on_change(self._changed)
        self.actions_view = widgets.HTML()
        self.actions_view.add_class("qa-offer-actions")
        self.own_action = ReflectionBox(t("welsh_context.own_action"),
                                        t("welsh_context.own_action_hint"),
                                        limit=OWN_ACTION_LIMIT)
        self.own_action.text_area.add_class("qa-offer-own-action")
        self.own_action.text_area.observe(lambda _: self.download.reset(), names="value")
        self.download = DownloadPanel(self.handout, basename="active-offer-actions",
                                      button_label=t("welsh_context.prepare_actions"))
        self.clear_button = widgets.Button(description=t("welsh_context.clear_offer"))
        self.clear_button.add_class("qa-offer-clear")
        self.clear_button.on_click(lambda _: self.clear())
        super().__init__([
            self.ratings,
            widgets.HTML(f"<h3>{escape(t('welsh_context.actions_heading'))}</h3>"),
            self.actions_view,
            self.own_action,
            self.download,
            self.clear_button,
        ], **kwargs)
        self.add_class("pack-welsh-offer")
        self._draw_actions()

    def rate(self, area: str, level: str) -> None:
        """Rate an area ``"yes"``, ``"partly"``, ``"not_yet"`` or ``"pass"``, as its button
        does. KeyError for an unknown area or level."""
        self.ratings.rate(area, level)

    def clear(self) -> None:
        """Forget every answer and the typed action."""
        self.ratings.clear()
        self.own_action.clear()
        self.download.reset()

    def action_groups(self) -> list[tuple[str, list[str]]]:
        """(heading, lines) for "start here" (not yet), "build on" (partly) and "in place"
        (yes), in the areas' order. Passed and unanswered areas are left out; empty groups
        too."""
        answered = self.ratings.answered()
        groups = []
        for level in ("not_yet", "partly"):
            lines = [f"{area.label}: {action}" for area in self.content.areas
                     if answered.get(area.id) == level for action in area.actions[level]]
            groups.append((t(OFFER_HEADING_KEYS[level]), lines))
        in_place = [area.label for area in self.content.areas if answered.get(area.id) == "yes"]
        groups.append((t(OFFER_HEADING_KEYS["yes"]), in_place))
        return [(heading, lines) for heading, lines in groups if lines]

    def _changed(self) -> None:
        self._draw_actions()
        self.download.reset()

    def _draw_actions(self) -> None:
        groups = self.action_groups()
        if not groups:
            self.actions_view.value = f"<p>{escape(t('welsh_context.no_actions'))}</p>"
            return
        self.actions_view.value = "".join(
            f"<h4>{escape(heading)}</h4><ul>"
            + "".join(f"<li>{escape(line)}</li>" for line in lines) + "</ul>"
            for heading, lines in groups)

    def handout(self) -> Handout | str:
        """The action list: exactly the actions for the answers given, and her own action."""
        own = self.own_action.checked
        if own.too_long:
            return t("handout.waiting")
        handout = Handout(self.content.title, self.content.intro)
        for heading, lines in self.action_groups():
            handout.add(heading, lines)
        handout.add(t("welsh_context.own_action_heading"), [own.usable] if own.usable else [])
        return handout


OFFER_LABEL_KEYS = {"not_yet": "welsh_context.offer_not_yet",
                    "partly": "welsh_context.offer_partly", "yes": "welsh_context.offer_yes"}
OFFER_HEADING_KEYS = {"not_yet": "welsh_context.actions_start",
                      "partly": "welsh_context.actions_build", "yes": "welsh_context.actions_done"}


def active_offer_check(path: str = ACTIVE_OFFER_FILE):
    """The Active Offer self-check, from its content file; a calm message if it is broken."""
    try:
        return ActiveOfferCheck(load_active_offer(path))
    except ContentError as error:
        return error_block(error)

