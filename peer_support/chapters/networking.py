"""The Networking chapter's learning event planner.

An agenda of blocks with minutes (a kit :class:`~peer_support.kit.agenda.Agenda`: added from
suggestions or typed, changed, moved up and down by buttons, with a running total and clock
times once a start time is given), plus prompts and notes on access and travel costs. The plan
downloads and prints. The chapter's network map is in :mod:`peer_support.chapters.network_map`.
Nothing is stored on the server.
"""

from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as widgets

from ..content import rules
from ..i18n import t
from ..kit.agenda import Agenda, Block, clock, duration
from ..kit.base import Exercise, from_files
from ..kit.handout import Handout
from ..kit.html import bullets, label_above
from ..kit.reflection import ReflectionBox
from ..text import check_text, escape

__all__ = ["EVENT_PLANNER", "EventPlanner", "event_planner"]

EVENT_NAME_LIMIT = 100
PLAN_LIMIT = 1000


@dataclass(frozen=True)
class PlannerFile:
    """The planner's adaptable text: an intro, suggested blocks, and the two sets of prompts."""

    intro: str = rules.text(600, "What the planner is for, above it.")
    suggestions: list[Block] = rules.items(Block, "suggestion", "Blocks offered as buttons.")
    access_prompts: list[str] = rules.texts(1, 300, "Things to think about for access.")
    travel_prompts: list[str] = rules.texts(1, 300, "Things to think about for travel costs.")


EVENT_PLANNER = rules.Kind(PlannerFile, "The learning event planner")


class EventPlanner(Exercise):
    """The learning event planner. See the module docstring.

    Parameters
    ----------
    content : PlannerFile
        The intro, suggested blocks and the access and travel prompts.
    """

    def __init__(self, content: PlannerFile, **kwargs):
        self.content = content
        self.event_name = widgets.Text(description=t("networking.planner_event_name"),
                                       continuous_update=False, **label_above("36rem"))
        self.event_name.add_class("qa-planner-event-name")
        self.event_name.observe(lambda _: self._on_event_name(), names="value")
        self.agenda = Agenda(content.suggestions)
        self.access = ReflectionBox(t("networking.planner_access_label"),
                                    t("networking.planner_hint"), limit=PLAN_LIMIT)
        self.access.text_area.add_class("qa-planner-access")
        self.travel = ReflectionBox(t("networking.planner_travel_label"),
                                    t("networking.planner_hint"), limit=PLAN_LIMIT)
        self.travel.text_area.add_class("qa-planner-travel")
        super().__init__(download="learning-event-plan", **kwargs)
        self.status = self.agenda.status
        self.watch(self.event_name, self.agenda, self.access, self.travel)
        self.add_class("pack-event-planner")

    def build(self) -> list[widgets.Widget]:
        def prompts(heading: str, items: list[str]) -> widgets.HTML:
            return widgets.HTML(f"<h3>{escape(heading)}</h3>{bullets(items)}")

        return [
            widgets.HTML(f"<p>{escape(self.content.intro)}</p>"),
            self.event_name,
            self.agenda,
            prompts(t("networking.planner_access_heading"), self.content.access_prompts),
            self.access,
            prompts(t("networking.planner_travel_heading"), self.content.travel_prompts),
            self.travel,
            widgets.HTML(f"<h3>{escape(t('networking.planner_downloads'))}</h3>"),
            self.download,
        ]

    def _on_event_name(self) -> None:
        if check_text(self.event_name.value, EVENT_NAME_LIMIT).too_long:
            self.status.say(t("networking.planner_name_too_long", limit=EVENT_NAME_LIMIT))

    def reset_answers(self) -> None:
        self.event_name.value = ""
        self.agenda.clear()
        self.access.clear()
        self.travel.clear()

    # ---- download ----

    def handout(self) -> Handout | str:
        """The plan to print: the event's name and start if given, the agenda with times and
        total, and the access and travel notes if written. Nothing left empty is included.

        Returns a message instead when something typed is too long (nothing is cut).
        """
        name = check_text(self.event_name.value, EVENT_NAME_LIMIT)
        access, travel = self.access.checked, self.travel.checked
        if name.too_long or access.too_long or travel.too_long:
            return t("handout.waiting")
        handout = Handout(t("networking.planner_handout_title"),
                          t("networking.planner_handout_intro"))
        event = [name.text] if name.text else []
        start = self.agenda.start_minutes
        if start is not None:
            event.append(t("agenda.starts", time=clock(start)))
        if self.agenda.blocks:
            event.append(t("agenda.total", total=duration(self.agenda.total_minutes())))
        handout.add(t("networking.planner_handout_event"), event)
        handout.add(t("agenda.agenda"), self.agenda.lines())
        handout.add(t("networking.planner_access_label"), [access.text] if access.text else [])
        handout.add(t("networking.planner_travel_label"), [travel.text] if travel.text else [])
        return handout


def event_planner(path: str = "networking/event-planner.yaml"):
    """The learning event planner, from its content file in ``assets/``; a clear message if
    it is broken."""
    return from_files(EventPlanner, EVENT_PLANNER.at(path))
