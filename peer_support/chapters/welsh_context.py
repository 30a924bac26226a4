"""The Welsh context chapter's own exercise: the "getting there" planner.

:class:`GettingTherePlanner` is for rural groups. A facilitator types her group's times and the
real bus or train times for her area (the pack invents none), and the planner says which
journeys fit. She weighs ways of joining (lift shares, a discreet pick-up point, phone,
online) and the costs women face (fares, data, childcare), one card at a time (a kit
:class:`~peer_support.kit.deck.DeckScale`), then prints an access plan.

The barriers checklist is a kit checklist and the Active Offer check a kit self-check: both are
only content files. Nothing is stored: everything lives in the page until it is closed.
"""

from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as widgets

from ..content import rules
from ..i18n import t
from ..kit.base import Exercise, from_files
from ..kit.deck import DeckScale
from ..kit.editable_list import Action, EditableList
from ..kit.handout import Handout
from ..kit.html import bullets, label_above
from ..kit.reflection import ReflectionBox
from ..kit.status import LiveStatus
from ..kit.times import clock, parse_time
from ..text import check_text, escape

__all__ = [
    "PLANNER",
    "GettingTherePlanner",
    "Journey",
    "format_time",
    "getting_there_planner",
    "parse_time",
]

PLANNER_FILE = "welsh_context/getting-there.yaml"

#: How a group can use each way of joining, and how much it can help with each cost.
OPTION_CHOICES = ("offer", "maybe", "not_for_us")
COST_CHOICES = ("cover", "partly", "not_yet")

TIME_LIMIT = 20        # characters in a time box
PLACE_LIMIT = 80       # characters in "where from"
NOTES_LIMIT = 1000     # characters in the plan's notes
#: A bus that gets in, or leaves, this close to the group's times is tight.
TIGHT_MINUTES = 10
#: A wait longer than this, before or after the group, is worth planning for.
LONG_WAIT_MINUTES = 60



# ---- times ----


def format_time(minutes: int) -> str:
    """Minutes after midnight as a 24-hour time, e.g. ``630`` gives ``"10:30"``."""
    return clock(minutes, padded=True)


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


#: The words for a time that fits, is tight, has a long wait or misses, getting in and leaving.
NOTE_KEYS = {
    "arrives": ("welsh_context.arrives", "welsh_context.arrives_late",
                "welsh_context.arrives_just", "welsh_context.arrives_tight",
                "welsh_context.arrives_long_wait", "welsh_context.arrives_before"),
    "leaves": ("welsh_context.leaves", "welsh_context.leaves_early",
               "welsh_context.leaves_just", "welsh_context.leaves_tight",
               "welsh_context.leaves_long_wait", "welsh_context.leaves_after"),
}


def _note(way: str, when: int, spare: int | None) -> str:
    """One sentence: a bus getting in (or leaving) at ``when``, with ``spare`` minutes before
    the group starts (or after it ends); None when the group's time is not given."""
    unknown, misses, just, tight, long_wait, fine = NOTE_KEYS[way]
    time = format_time(when)
    if spare is None:
        return t(unknown, time=time)
    if spare < 0:
        return t(misses, time=time, minutes=-spare)
    if spare == 0:
        return t(just, time=time)
    if spare < TIGHT_MINUTES:
        return t(tight, time=time, minutes=spare)
    return t(long_wait if spare > LONG_WAIT_MINUTES else fine, time=time, minutes=spare)


def journey_notes(journey: Journey, start: int | None, end: int | None) -> list[str]:
    """Plain sentences comparing the journey with the group's start and finish times."""
    notes = []
    if journey.arrives is not None:
        notes.append(_note("arrives", journey.arrives,
                           None if start is None else start - journey.arrives))
    if journey.leaves is not None:
        notes.append(_note("leaves", journey.leaves,
                           None if end is None else journey.leaves - end))
    return notes


# ---- the planner's content ----


@dataclass(frozen=True)
class WayToJoin:
    """A way of joining the group, with what it helps with and what to weigh."""

    id: str = rules.identifier(unique_in="file")
    label: str = rules.text(80, "The way of joining, as a short name.")
    helps: list[str] = rules.texts(1, 300, "What it helps with.")
    watch_out: list[str] = rules.texts(1, 300, "What to weigh up.")


@dataclass(frozen=True)
class Cost:
    """A cost women face, with ideas for lowering it."""

    id: str = rules.identifier(unique_in="file")
    label: str = rules.text(80, "The cost, as a short name.")
    ideas: list[str] = rules.texts(1, 300, "Ideas for lowering it.")


@dataclass(frozen=True)
class PlannerFile:
    title: str = rules.text(120, "The access plan's title.")
    options: list[WayToJoin] = rules.items(WayToJoin, "option", "Ways of joining, one card "
                                           "each.")
    costs: list[Cost] = rules.items(Cost, "cost", "Costs women face, one card each.")
    intro: str = rules.text(400, "The plan's first line.", required=False)


PLANNER = rules.Kind(PlannerFile, "The getting-there planner")


def _points(heading: str, values: list[str]) -> str:
    return f"<p>{escape(heading)}:</p>{bullets(values)}"


# ---- the planner ----


class GettingTherePlanner(Exercise):
    """The "getting there" planner. See the module docstring.

    Parameters
    ----------
    content : PlannerFile
        Ways of joining and costs, from the content file.
    """

    prepare_key = "welsh_context.prepare_plan"

    def __init__(self, content: PlannerFile, **kwargs):
        self.content = content
        self.start: int | None = None
        self.end: int | None = None

        # 1. The group's own times.
        self.start_box = widgets.Text(description=t("welsh_context.start"),
                                      continuous_update=False, **label_above())
        self.end_box = widgets.Text(description=t("welsh_context.end"),
                                    continuous_update=False, **label_above())
        self.start_box.add_class("qa-planner-start")
        self.end_box.add_class("qa-planner-end")
        self.times_status = LiveStatus()
        self.times_status.add_class("qa-planner-times-status")
        self.start_box.observe(lambda _: self._read_times(), names="value")
        self.end_box.observe(lambda _: self._read_times(), names="value")

        # 2. Real bus and train times, typed in.
        self.place_box = widgets.Text(description=t("welsh_context.place"),
                                      continuous_update=False, **label_above())
        self.arrives_box = widgets.Text(description=t("welsh_context.arrives_box"),
                                        continuous_update=False, **label_above())
        self.leaves_box = widgets.Text(description=t("welsh_context.leaves_box"),
                                       continuous_update=False, **label_above())
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
        self.journey_list = EditableList(
            [Action("remove", lambda _n, journey: t("welsh_context.remove_journey",
                                                   place=journey.place),
                    "qa-planner-remove-journey")],
            announce=self._announce_journey, home=self.place_box,
            status=self.journey_status)
        self.journey_list.on_change(self._draw_journeys)

        # 3. Ways of joining, and 4. costs: one card at a time, Pass always offered.
        self.options = DeckScale(
            [(o.id, o.label, f'<div class="pack-card"><h4>{escape(o.label)}</h4>'
              + _points(t("welsh_context.helps"), o.helps)
              + _points(t("welsh_context.watch_out"), o.watch_out) + "</div>")
             for o in content.options],
            t("welsh_context.option_question"),
            [(key, t(OPTION_LABEL_KEYS[key])) for key in OPTION_CHOICES],
            noun=t("welsh_context.option_noun"),
            previous_label=t("welsh_context.option_previous"),
            next_label=t("welsh_context.option_next"),
            summary_heading=t("welsh_context.option_summary"))
        self.options.add_class("qa-planner-options")
        self.costs = DeckScale(
            [(c.id, c.label, f'<div class="pack-card"><h4>{escape(c.label)}</h4>'
              + _points(t("welsh_context.ideas"), c.ideas) + "</div>") for c in content.costs],
            t("welsh_context.cost_question"),
            [(key, t(COST_LABEL_KEYS[key])) for key in COST_CHOICES],
            noun=t("welsh_context.cost_noun"),
            previous_label=t("welsh_context.cost_previous"),
            next_label=t("welsh_context.cost_next"),
            summary_heading=t("welsh_context.cost_summary"))
        self.costs.add_class("qa-planner-costs")
        for deck in (self.options, self.costs):
            deck.deck.previous_button.add_class("qa-choice-deck-previous")
            deck.deck.next_button.add_class("qa-choice-deck-next")

        # 5. Notes, and the plan to print.
        self.notes = ReflectionBox(t("welsh_context.plan_notes"),
                                   t("welsh_context.plan_notes_hint"), limit=NOTES_LIMIT)
        self.notes.text_area.add_class("qa-planner-notes")
        super().__init__(download="access-plan", **kwargs)
        self.watch(self.start_box, self.end_box, self.journey_list, self.options, self.costs,
                   self.notes)
        self.add_class("pack-welsh-planner")
        self._draw_journeys()

    def build(self) -> list[widgets.Widget]:
        def step(key: str) -> widgets.HTML:
            return widgets.HTML(f"<h3>{escape(t(key))}</h3>")

        def hint(key: str) -> widgets.HTML:
            return widgets.HTML(f'<p class="pack-muted">{escape(t(key))}</p>')

        return [
            step("welsh_context.step_times"), hint("welsh_context.times_hint"),
            self.start_box, self.end_box, self.times_status,
            step("welsh_context.step_journeys"), hint("welsh_context.journeys_hint"),
            self.place_box, self.arrives_box, self.leaves_box, self.add_button,
            self.journey_status, self.journeys_view, self.journey_list,
            step("welsh_context.step_options"), self.options,
            step("welsh_context.step_costs"), self.costs,
            step("welsh_context.step_plan"), self.notes, self.download,
        ]

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

    @property
    def journeys(self) -> list[Journey]:
        return list(self.journey_list.items)

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
        self.place_box.value = self.arrives_box.value = self.leaves_box.value = ""
        self.journey_list.add(Journey(checked_place.text, *times), from_form=True)
        return True

    def _refuse(self, message: str) -> bool:
        self.journey_status.say(message)
        return False

    def _announce_journey(self, event: str, _position: int, journey: Journey) -> str | None:
        if event == "added":
            return t("welsh_context.journey_added", place=journey.place,
                     count=len(self.journey_list.items))
        if event == "removed":
            return t("welsh_context.journey_removed", place=journey.place)
        return None

    def remove_journey(self, index: int) -> None:
        """Take out the journey at ``index`` (from 0), as its button does."""
        self.journey_list.remove(index)

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
            return
        rows = [f"<li><strong>{escape(self.journey_mark(journey))}</strong> "
                f"{escape(self.journey_line(journey))}</li>" for journey in self.journeys]
        fit, problems = self.fit_counts()
        summary = t("welsh_context.fit_summary", fit=fit, problems=problems,
                    total=len(self.journeys))
        self.journeys_view.value = f"<ul>{''.join(rows)}</ul><p>{escape(summary)}</p>"

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
                if self.options.choices.get(option.id) != key:
                    continue
                if key == "not_for_us":
                    lines.append(option.label)
                else:
                    lines.append("\n".join([option.label, f"{t('welsh_context.watch_out')}:",
                                             *(f"• {line}" for line in option.watch_out)]))
            plan.add(t(OPTION_HEADING_KEYS[key]), lines)
        costs = []
        for cost in self.content.costs:
            key = self.costs.choices.get(cost.id)
            if key in COST_CHOICES:
                costs.append("\n".join([f"{cost.label}: {t(COST_PLAN_KEYS[key])}",
                                         f"{t('welsh_context.ideas')}:",
                                         *(f"• {idea}" for idea in cost.ideas)]))
        plan.add(t("welsh_context.plan_costs"), costs)
        plan.add(t("welsh_context.plan_notes"), [notes.usable] if notes.usable else [])
        return plan


    def reset_answers(self) -> None:
        self.set_times("", "")
        self.journey_list.clear()
        self.options.clear()
        self.costs.clear()
        self.notes.clear()


OPTION_LABEL_KEYS = {"offer": "welsh_context.choice_offer", "maybe": "welsh_context.choice_maybe",
                     "not_for_us": "welsh_context.choice_not_for_us"}
COST_LABEL_KEYS = {"cover": "welsh_context.choice_cover",
                   "partly": "welsh_context.choice_cost_partly",
                   "not_yet": "welsh_context.choice_cost_not_yet"}
OPTION_HEADING_KEYS = {"offer": "welsh_context.plan_offer", "maybe": "welsh_context.plan_maybe",
                       "not_for_us": "welsh_context.plan_not_for_us"}
COST_PLAN_KEYS = {"cover": "welsh_context.plan_cover", "partly": "welsh_context.plan_cost_partly",
                  "not_yet": "welsh_context.plan_cost_not_yet"}


def getting_there_planner(path: str = PLANNER_FILE):
    """The "getting there" planner, from its content file; a calm message if it is broken."""
    return from_files(GettingTherePlanner, PLANNER.at(path))
