"""The session planner: every activity in the pack, chosen and put in order as a timed plan.

The activities come from the pack itself (:mod:`peer_support.kit.activities`): their minutes,
group size and materials from the facilitator-notes files, their content notes from their
chapter's content note.

The plan itself is a kit :class:`~peer_support.kit.agenda.Agenda` with the time available
set: the facilitator adds activities from the list, breaks (or her own blocks) from the
agenda's buttons and form, moves and changes them, and sees clock times and the running total
against the time she has. The plan gathers the chosen activities' content notes and one
materials list, downloads as a handout, and "Present this plan" hands it to present mode (see
:mod:`peer_support.kit.present_plan`). Nothing is stored on the server.
"""

from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as widgets

from .. import content
from ..content import rules
from ..i18n import current_language, t
from ..kit.activities import Activity, pack_activities
from ..kit.agenda import Agenda, Block, clock, duration
from ..kit.base import Exercise, error_block
from ..kit.blocks import START_PAGE
from ..kit.handout import Handout
from ..kit.html import bullets, label_above
from ..kit.present_plan import PresentPlanButton
from ..text import check_text, escape

__all__ = ["SESSION_PLANNER", "PlannedBlock", "SessionPlanner", "session_planner"]

SESSION_NAME_LIMIT = 100
#: The most blocks a plan holds: more than a long day of the pack's activities and breaks.
MAX_PLAN_BLOCKS = 30


@dataclass(frozen=True)
class PlannerFile:
    """The planner's adaptable text: a sentence above it and the breaks it offers."""

    intro: str = rules.text(600, "What the planner is for, above it.")
    breaks: list[Block] = rules.items(Block, "suggestion",
                                      "Breaks (or other blocks) offered as buttons.")


SESSION_PLANNER = rules.Kind(PlannerFile, "The session planner")


@dataclass(frozen=True)
class PlannedBlock(Block):
    """A block of the plan: one of the pack's activities, or (``activity`` None) a break or
    a block of the facilitator's own."""

    activity: Activity | None = None

    @property
    def kind(self) -> str:
        return "break" if self.activity is None else "activity"


# ---- the planner ----

def _material_key(text: str) -> str:
    return " ".join(text.casefold().split()).rstrip(".")


class SessionPlanner(Exercise):
    """The session planner. See the module docstring.

    Parameters
    ----------
    content : PlannerFile
        The intro and the breaks offered as buttons.
    activities : list of Activity
        Every activity the facilitator may choose (see :func:`pack_activities`).
    """

    prepare_key = "session.prepare"

    def __init__(self, content: PlannerFile, activities: list[Activity], **kwargs):
        self.content = content
        self.activities = list(activities)
        self.session_name = widgets.Text(description=t("session.name"),
                                         continuous_update=False, **label_above("36rem"))
        self.session_name.add_class("qa-session-name")
        self.session_name.observe(lambda _: self._on_name(), names="value")
        self.agenda = Agenda(content.breaks, css_prefix="qa-session", available=True,
                             max_blocks=MAX_PLAN_BLOCKS,
                             words={"suggestions": "session.breaks",
                                    "form_heading": "session.own_block",
                                    "agenda": "session.plan", "empty": "session.empty_plan",
                                    "add": "session.add_own"})
        self.gathered = widgets.HTML()
        self.gathered.add_class("qa-session-gathered")
        self.present = PresentPlanButton(label=t("session.present"),
                                         blocked_text=t("session.present_blocked"))
        self.chapter_filter = widgets.Dropdown(
            description=t("session.show"),
            options=[(t("session.show_all"), "")] + list(dict.fromkeys(
                (activity.chapter, activity.notebook) for activity in self.activities)),
            **label_above("30rem"))
        self.chapter_filter.add_class("qa-session-filter")
        self.chapter_filter.observe(lambda _: self._filter(), names="value")
        self.add_buttons: list[widgets.Button] = []
        self.places: list[widgets.HTML] = []
        self.chapter_boxes: dict[str, widgets.VBox] = {}
        for number, activity in enumerate(self.activities):
            add = widgets.Button(description=t("session.add", title=activity.title,
                                               minutes=duration(activity.minutes)))
            add.add_class("qa-session-add-activity")
            add.on_click(lambda _, n=number: self.add_activity(n))
            self.add_buttons.append(add)
            self.places.append(widgets.HTML())
        super().__init__(download="session-plan", **kwargs)
        self.status = self.agenda.status
        self.watch(self.session_name, self.agenda)
        self.on_change(self._refresh)
        self.add_class("pack-session-planner")
        self._refresh()

    def build(self) -> list[widgets.Widget]:
        for notebook in dict.fromkeys(activity.notebook for activity in self.activities):
            members = [n for n, a in enumerate(self.activities) if a.notebook == notebook]
            first = self.activities[members[0]]
            notes = (t("session.chapter_notes", topics="; ".join(first.content_notes))
                     if first.content_notes else t("session.chapter_no_notes"))
            box = widgets.VBox(
                [widgets.HTML(f'<h4 style="font-size:1.3em">{escape(first.chapter)}</h4>'
                              f"<p>{escape(notes)}</p>")]
                + [self._card(n) for n in members])
            box.add_class("qa-session-chapter")
            self.chapter_boxes[notebook] = box
        return [
            widgets.HTML(f"<p>{escape(self.content.intro)}</p>"),
            self.session_name,
            self.agenda,
            widgets.HTML(f"<h3>{escape(t('session.gathered'))}</h3>"),
            self.gathered,
            widgets.HTML(f"<h3>{escape(t('session.print_or_present'))}</h3>"),
            self.download,
            self.present,
            widgets.HTML(f"<h3>{escape(t('session.activities'))}</h3>"
                         f"<p>{escape(t('session.activities_intro', count=len(self.activities)))}"
                         "</p>"),
            self.chapter_filter,
            *self.chapter_boxes.values(),
        ]

    def _card(self, number: int) -> widgets.VBox:
        activity = self.activities[number]
        notes = activity.notes
        html = widgets.HTML(
            f'<h5 style="font-size:1.15em;margin:0.2em 0">{escape(notes.title)}</h5>'
            f'<p class="pack-card__meta">{escape(t("session.card_meta", minutes=duration(notes.minutes), group=notes.group_size))}</p>'  # noqa: E501
            f"<p>{escape(notes.purpose)}</p>"
            f"<p><strong>{escape(t('notes.materials'))}</strong></p>{bullets(notes.materials)}")
        card = widgets.VBox([html, self.places[number], self.add_buttons[number]])
        card.add_class("pack-card")
        card.add_class("qa-session-activity")
        card.add_class(f"qa-session-activity-{activity.key}")
        return card

    # ---- choosing ----

    @property
    def planned(self) -> list[PlannedBlock]:
        return [block if isinstance(block, PlannedBlock) else PlannedBlock(block.title,
                                                                           block.minutes)
                for block in self.agenda.blocks]

    def chosen(self) -> list[Activity]:
        """The chosen activities, in the plan's order."""
        return [block.activity for block in self.planned if block.activity is not None]

    def add_activity(self, number: int) -> bool:
        """Add activity ``number`` (its button) at the end of the plan. Returns True if added;
        an activity already in the plan stays where it is, and the status says where."""
        activity = self.activities[number]
        for position, block in enumerate(self.planned):
            if block.activity == activity:
                self.status.say(t("session.already", title=activity.title,
                                  position=position + 1))
                return False
        return self.agenda.add_item(PlannedBlock(activity.title, activity.minutes, activity))

    def _filter(self) -> None:
        wanted = self.chapter_filter.value
        for notebook, box in self.chapter_boxes.items():
            box.layout.display = None if wanted in ("", notebook) else "none"

    def _on_name(self) -> None:
        if check_text(self.session_name.value, SESSION_NAME_LIMIT).too_long:
            self.status.say(t("session.name_too_long", limit=SESSION_NAME_LIMIT))

    def reset_answers(self) -> None:
        self.session_name.value = ""
        self.agenda.clear()

    # ---- what the plan gathers ----

    def content_note_lines(self) -> list[str]:
        """For each chapter the chosen activities come from (in plan order): its content
        notes, and which chosen activities they are for."""
        by_chapter: dict[str, list[Activity]] = {}
        for activity in self.chosen():
            by_chapter.setdefault(activity.notebook, []).append(activity)
        lines = []
        for activities in by_chapter.values():
            first = activities[0]
            titles = ", ".join(f"“{activity.title}”" for activity in activities)
            topics = "; ".join(first.content_notes) or t("session.none")
            lines.append(t("session.content_note_line", chapter=first.chapter, titles=titles,
                           topics=topics))
        return lines

    def materials(self) -> list[tuple[str, list[str]]]:
        """Every material the chosen activities need, once each (the same words, ignoring
        case and a closing full stop, count as one), with the activities that need it."""
        gathered: dict[str, tuple[str, list[str]]] = {}
        for activity in self.chosen():
            for material in activity.notes.materials:
                text, titles = gathered.setdefault(_material_key(material), (material, []))
                if activity.title not in titles:
                    titles.append(activity.title)
        return list(gathered.values())

    def material_lines(self) -> list[str]:
        return [t("session.material_line", material=material,
                  titles=", ".join(f"“{title}”" for title in titles))
                for material, titles in self.materials()]

    def session_lines(self) -> list[str]:
        name = check_text(self.session_name.value, SESSION_NAME_LIMIT)
        lines = [name.text] if name.text and not name.too_long else []
        start = self.agenda.start_minutes
        if start is not None:
            lines.append(t("agenda.starts", time=clock(start)))
        available = self.agenda.available_minutes
        if available is not None:
            lines.append(t("session.available_line", available=duration(available)))
        if self.agenda.blocks:
            lines.append(self.agenda.total_text())
        fit = self.agenda.fit_text()
        if fit:
            lines.append(fit)
        return lines

    def plan(self) -> dict:
        """The plan present mode plays (see :mod:`peer_support.kit.present_plan`). A break
        opens on the page of the activity before it (or after it, at the start), so every
        block has a page."""
        blocks, pages = [], []
        for block in self.planned:
            pages.append((block.activity.notebook, block.activity.section)
                         if block.activity else None)
        for number, block in enumerate(self.planned):
            page = pages[number] or next(
                (p for p in [*reversed(pages[:number]), *pages[number + 1:]] if p),
                (START_PAGE, ""))
            blocks.append({"notebook": page[0], "section": page[1], "title": block.title,
                           "minutes": block.minutes, "kind": block.kind})
        name = check_text(self.session_name.value, SESSION_NAME_LIMIT)
        title = name.text if name.text and not name.too_long else t("session.handout_title")
        return {"title": title, "blocks": blocks, "index": 0, "started": None,
                "lang": current_language()}

    def present_refusal(self) -> str:
        """Why the plan cannot be presented yet, or "" if it can."""
        if not self.agenda.blocks:
            return t("session.empty_message")
        if not self.chosen():
            return t("session.no_activity")
        return ""

    def _refresh(self) -> None:
        for number, activity in enumerate(self.activities):
            position = next((p for p, block in enumerate(self.planned)
                             if block.activity == activity), None)
            self.places[number].value = (
                "" if position is None else
                f'<p class="pack-card__meta"><strong>'
                f'{escape(t("session.in_plan", position=position + 1))}</strong></p>')
        sections = [(t("session.content_notes"), self.content_note_lines()),
                    (t("session.materials"), self.material_lines())]
        self.gathered.value = ("".join(f"<h4>{escape(heading)}</h4>{bullets(lines)}"
                                       for heading, lines in sections if lines)
                               or f"<p>{escape(t('session.gathered_empty'))}</p>")
        refusal = self.present_refusal()
        self.present.refusal = refusal
        self.present.plan = self.plan() if not refusal else {}
        first = self.plan()["blocks"][0]["title"] if self.agenda.blocks else ""
        self.present.opening_text = t("session.present_opening", title=first) if first else ""

    # ---- download ----

    def handout(self) -> Handout | str:
        """The plan to print: the session, the timed agenda, the content notes to tell the
        group in advance, and what to bring. A message instead when the plan is empty or the
        name is too long (nothing is cut)."""
        if not self.agenda.blocks:
            return t("session.empty_message")
        if check_text(self.session_name.value, SESSION_NAME_LIMIT).too_long:
            return t("handout.waiting")
        handout = Handout(t("session.handout_title"), t("session.handout_intro"))
        handout.add(t("session.handout_session"), self.session_lines())
        handout.add(t("session.plan"), self.agenda.lines())
        handout.add(t("session.content_notes"), self.content_note_lines())
        handout.add(t("session.materials"), self.material_lines())
        return handout


def session_planner(path: str = "session_planner/session-planner.yaml"):
    """The session planner, with every activity in the pack; a calm message naming the file
    if a content file is broken."""
    try:
        return SessionPlanner(SESSION_PLANNER.load(path), pack_activities())
    except content.ContentError as error:
        return error_block(error)
