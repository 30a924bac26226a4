"""The Self-care chapter's own exercises.

- :class:`SelfCarePlan`, the self-care wheel and plan (the chapter's heart). A woman rates how
  looked-after each of six parts of her life feels, or passes, and sees her own wheel drawn.
  She ticks ideas that might help (every part has free and low-energy ones) and can add her
  own, chooses up to :data:`WEEK_LIMIT` small steps for this week, writes her early warning
  signs and who she can turn to, and downloads a one-page plan holding exactly what she chose.
- The feelings check-in is in :mod:`peer_support.chapters.feelings`; the needs inventory and
  the facilitator check are kit self-checks
  (:mod:`peer_support.kit.self_check`); this module only adds the rules their files keep
  (seven needs; three answers).

Everything lives in this page's memory only. Downloads are built in the page; nothing is
written on the server.
"""

from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as widgets
from ipywidgets.widgets.widget_bool import CheckboxStyle

from ..content import rules
from ..i18n import t
from ..kit.base import Exercise, from_files
from ..kit.charts import figure_html, text_alternative, wheel_svg
from ..kit.choice import Option
from ..kit.handout import Handout
from ..kit.html import heading as _heading
from ..kit.html import paragraph as _paragraph
from ..kit.ratings import RatingSet
from ..kit.reflection import ReflectionBox
from ..kit.self_check import SelfCheck, SelfCheckFile
from ..kit.shortlist import Shortlist
from ..kit.status import LiveStatus
from ..text import check_text, escape

__all__ = [
    "FACILITATOR_CHECK",
    "NEEDS",
    "WHEEL",
    "SelfCarePlan",
    "facilitator_check",
    "needs_inventory",
    "self_care_wheel",
]

#: The most small steps she can choose for one week. More is refused kindly; nothing is lost.
WEEK_LIMIT = 3
#: Longest idea of her own, in characters.
OWN_IDEA_LIMIT = 120
#: Longest answer in the plan's two text boxes, so the plan still fits on one A4 page.
PLAN_NOTE_LIMIT = 400
DOMAIN_COUNT = 6
NEEDS_COUNT = 7


# ---------------------------------------------------------------------------
# Content files
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Suggestion:
    """One idea on the self-care wheel."""

    text: str = rules.text(OWN_IDEA_LIMIT, "The idea, as she would say it.")
    free: bool = rules.flag("It costs nothing.")
    low_energy: bool = rules.flag("It can be done on a day with little energy.")


@dataclass(frozen=True)
class Domain:
    """One part of the self-care wheel."""

    id: str = rules.identifier()
    name: str = rules.text(40, "The part's name, on the wheel and its panel.")
    description: str = rules.text(200, "What the part covers.")
    suggestions: list[Suggestion] = rules.items(Suggestion, "suggestion", "Ideas that might "
                                                "help: at least one free and one low-energy.",
                                                minimum=2)

    def validate(self, fail, where: str) -> None:
        if not any(s.free for s in self.suggestions):
            fail(t("self_care.needs_free", where=where))
        if not any(s.low_energy for s in self.suggestions):
            fail(t("self_care.needs_low_energy", where=where))


@dataclass(frozen=True)
class PlanPrompt:
    label: str = rules.text(80, "The question; it becomes the box's label.")
    hint: str = rules.text(300, "A sentence under the question.", required=False)


@dataclass(frozen=True)
class WheelFile:
    """Everything the self-care wheel and plan read from ``self_care/wheel.yaml``."""

    title: str = rules.text(80, "The plan's title.")
    question: str = rules.text(200, "Asked about each part of the wheel.")
    credit: str = rules.text(300, "Where the wheel's parts come from.")
    scale: list[Option] = rules.items(Option, "option", "The answers, lowest first.",
                                           minimum=3)
    domains: list[Domain] = rules.items(Domain, "part", "The six parts of the wheel.",
                                        minimum=DOMAIN_COUNT, maximum=DOMAIN_COUNT)
    warning_signs: PlanPrompt = rules.record(PlanPrompt, "The early warning signs box.")
    contacts: PlanPrompt = rules.record(PlanPrompt, "The 'who I can turn to' box.")
    intro: str = rules.text(300, "The plan's first line.", required=False)


WHEEL = rules.Kind(WheelFile, "The self-care wheel and plan")


@dataclass(frozen=True)
class NeedsFile(SelfCheckFile):
    """The needs inventory: a self-check with the seven needs and three answers."""

    def validate(self, fail, where: str) -> None:
        super().validate(fail, where)
        if len(self.items) != NEEDS_COUNT:
            fail(t("self_care.needs_count", count=NEEDS_COUNT))
        if len(self.options) != 3:
            fail(t("self_care.three_answers"))


@dataclass(frozen=True)
class FacilitatorCheckFile(SelfCheckFile):
    """The facilitator check: a self-check of at least four areas and three answers."""

    def validate(self, fail, where: str) -> None:
        super().validate(fail, where)
        if len(self.items) < 4:
            fail(t("content.needs_items", where="'items'", minimum=4))
        if len(self.options) != 3:
            fail(t("self_care.three_answers"))


NEEDS = rules.Kind(NeedsFile, "The needs inventory (a self-check of seven needs)")
FACILITATOR_CHECK = rules.Kind(FacilitatorCheckFile, "The facilitator check (a self-check)")


def needs_inventory(path: str = "self_care/needs.yaml"):
    """The needs inventory, from its file in ``assets/``; a calm message if broken."""
    return from_files(SelfCheck, NEEDS.at(path), basename="my-notes")


def facilitator_check(path: str = "self_care/facilitator-check.yaml"):
    """The facilitator self-care check, from its file in ``assets/``; a calm message if
    broken."""
    return from_files(SelfCheck, FACILITATOR_CHECK.at(path), basename="my-card")


# ---------------------------------------------------------------------------
# 1. The self-care wheel and plan
# ---------------------------------------------------------------------------


#: Room for ideas that wrap onto two lines, and checkboxes big enough to see on a projector.
PLAN_CSS = """
@page { size: A4; margin: 12mm; }
body { font-size: 11pt; line-height: 1.3; margin: 0 auto; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2 { font-size: 1.12em; margin: 0.7em 0 0.15em; }
ul { margin: 0.2em 0; padding-left: 1.3em; }
li { margin-bottom: 0.1em; }
.pack-plan-wheel { float: right; width: 52%; margin: 0 0 0.4em 0.5em; }
.pack-plan-wheel svg { max-width: 100% !important; }
.pack-handout-columns { clear: both; }
@media print { body { max-width: none; padding: 0; } }
"""


@dataclass(frozen=True)
class Idea:
    """Something she might do: one of the suggestions, or her own."""

    key: str
    domain: str
    text: str
    free: bool = False
    low_energy: bool = False
    own: bool = False


class SelfCarePlan(Exercise):
    """The self-care wheel and plan. See the module docstring.

    The buttons and boxes call the same methods a test can call: :meth:`rate`, :meth:`pick`,
    :meth:`add_own`, :meth:`toggle_week`, :meth:`handout` and :meth:`clear`.
    """

    prepare_key = "self_care.prepare_plan"
    clear_key = "self_care.clear_plan"
    cleared_key = "self_care.plan_cleared"

    def __init__(self, content: WheelFile, **kwargs):
        self.content = content
        self.domains = {domain.id: domain for domain in content.domains}
        self.ideas: dict[str, Idea] = {}
        self.picked: list[str] = []
        self._own_count = 0

        # Step 1: rate each part, and see the wheel.
        # One part at a time: a calm pace, and far fewer widgets for a slow laptop to draw.
        self.rating = RatingSet(content.question,
                                [(d.id, d.name) for d in content.domains],
                                [(o.id, o.label) for o in content.scale],
                                hints={d.id: d.description for d in content.domains},
                                one_at_a_time=True, item_noun=t("self_care.part"))
        self.rating.add_class("qa-self-care-rating")
        self.rating.on_change(self._draw_wheel)
        self.wheel_view = widgets.HTML()
        self.wheel_view.add_class("qa-self-care-wheel")

        # Step 2: ideas for each part, ticked, and her own. The ideas share one layout and
        # one style, so the page has fewer widget models to load.
        self._idea_layout = widgets.Layout(width="auto")
        self._idea_style = CheckboxStyle()
        self.checkboxes: dict[str, widgets.Checkbox] = {}
        self.idea_boxes: dict[str, widgets.VBox] = {}
        self.own_inputs: dict[str, widgets.Text] = {}
        self.own_status: dict[str, LiveStatus] = {}
        self.domain_panels = [self._domain_panel(domain) for domain in content.domains]

        # Step 3: up to WEEK_LIMIT small steps for this week, from the ideas she ticked.
        self.week_box = Shortlist(WEEK_LIMIT, self._week_label, self._announce_week,
                                  empty=t("self_care.week_nothing_picked"),
                                  css="qa-self-care-week-toggle")
        self.week_box.add_class("qa-self-care-week")
        self.week_buttons = self.week_box.buttons
        self.week_status = self.week_box.status
        self.week_status.add_class("qa-self-care-week-status")

        # Step 4: warning signs and people.
        self.signs = ReflectionBox(content.warning_signs.label, content.warning_signs.hint,
                                   limit=PLAN_NOTE_LIMIT)
        self.signs.text_area.add_class("qa-self-care-signs")
        self.contacts = ReflectionBox(content.contacts.label, content.contacts.hint,
                                      limit=PLAN_NOTE_LIMIT)
        self.contacts.text_area.add_class("qa-self-care-contacts")

        # Step 5: the plan.
        super().__init__(download="my-plan", **kwargs)
        self.clear_button.add_class("qa-self-care-clear")
        self.watch(self.rating, self.signs, self.contacts, self.week_box)
        self.add_class("pack-self-care-plan")
        self._draw_wheel()

    def build(self) -> list[widgets.Widget]:
        return [
            _heading(t("self_care.step_rate")),
            _paragraph(t("self_care.step_rate_help")),
            self.rating,
            _heading(t("self_care.your_wheel"), 4),
            self.wheel_view,
            _paragraph(self.content.credit, "pack-muted"),
            _heading(t("self_care.step_pick")),
            _paragraph(t("self_care.step_pick_help")),
            *self.domain_panels,
            _heading(t("self_care.step_week", limit=WEEK_LIMIT)),
            _paragraph(t("self_care.step_week_help", limit=WEEK_LIMIT)),
            self.week_box,
            self.week_status,
            _heading(t("self_care.step_notes")),
            self.signs,
            self.contacts,
            _heading(t("self_care.step_plan")),
            _paragraph(t("self_care.step_plan_help")),
            self.download,
            self.clear_button,
            self.status,
        ]

    # ---- step 1: rating and the wheel ----

    def rate(self, domain: str, option: str) -> None:
        """Rate a part of the wheel (an option id from the scale, or ``"pass"``)."""
        self.rating.rate(domain, option)

    def _describe(self, score: int) -> str:
        label = self.content.scale[score - 1].label
        return t("self_care.rating_words", label=label, value=score,
                 maximum=len(self.content.scale))

    def _draw_wheel(self) -> None:
        values = self.rating.chart_values()
        maximum = self.rating.maximum
        no_rating = t("self_care.no_rating")
        svg = wheel_svg(values, maximum, t("self_care.wheel_title"), passed_label=no_rating)
        alternative = text_alternative(values, maximum, no_rating, describe=self._describe)
        self.wheel_view.value = figure_html(svg, alternative)

    # ---- step 2: ideas ----

    def _domain_panel(self, domain: Domain) -> widgets.VBox:
        checkboxes = []
        for number, suggestion in enumerate(domain.suggestions, start=1):
            idea = Idea(key=f"{domain.id}-{number}", domain=domain.id, text=suggestion.text,
                        free=suggestion.free, low_energy=suggestion.low_energy)
            checkboxes.append(self._add_idea(idea))
        self.idea_boxes[domain.id] = widgets.VBox(checkboxes)
        own = widgets.Text(description=t("self_care.own_idea", domain=domain.name),
                           continuous_update=False, style={"description_width": "initial"},
                           layout=widgets.Layout(width="100%", max_width="40rem"))
        own.add_class(f"qa-self-care-own-{domain.id}")
        self.own_inputs[domain.id] = own
        add = widgets.Button(description=t("self_care.add_own", domain=domain.name))
        add.add_class("qa-self-care-add-own")
        add.on_click(lambda _, d=domain.id: self.add_own(d, self.own_inputs[d].value))
        status = LiveStatus()
        self.own_status[domain.id] = status
        panel = widgets.VBox([
            widgets.HTML(f"<h4>{escape(domain.name)}</h4>"
                         f'<p class="pack-muted">{escape(domain.description)}</p>'),
            self.idea_boxes[domain.id],
            own, add, status,
        ])
        panel.add_class("pack-self-care-domain")
        panel.add_class(f"qa-self-care-domain-{domain.id}")
        return panel

    def _idea_label(self, idea: Idea) -> str:
        tags = [t("self_care.tag_free")] if idea.free else []
        tags += [t("self_care.tag_low_energy")] if idea.low_energy else []
        return f"{idea.text} ({', '.join(tags)})" if tags else idea.text

    def _add_idea(self, idea: Idea, ticked: bool = False) -> widgets.Checkbox:
        self.ideas[idea.key] = idea
        box = widgets.Checkbox(value=ticked, description=self._idea_label(idea), indent=False,
                               layout=self._idea_layout, style=self._idea_style)
        box.add_class("qa-self-care-idea")
        box.observe(lambda change, key=idea.key: self._set_picked(key, change["new"]),
                    names="value")
        self.checkboxes[idea.key] = box
        if ticked:
            self._set_picked(idea.key, True)
        return box

    def pick(self, key: str, picked: bool = True) -> None:
        """Tick (or untick) an idea, as its checkbox does. ``KeyError`` for an unknown idea."""
        self.checkboxes[key].value = picked

    def _set_picked(self, key: str, picked: bool) -> None:
        if picked and key not in self.picked:
            self.picked.append(key)
        elif not picked and key in self.picked:
            self.picked.remove(key)
        self.changed()
        self.week_box.offer(self.picked)

    def add_own(self, domain: str, raw: str) -> bool:
        """Add an idea of her own to a part of the wheel, ticked. Returns True if added.

        Empty, too long or repeated ideas get a clear message, and what she typed stays in
        the box, whole.
        """
        status = self.own_status[domain]
        checked = check_text(raw, OWN_IDEA_LIMIT)
        if checked.is_empty:
            status.say(t("self_care.own_empty"))
            return False
        if checked.too_long:
            status.say(t("self_care.own_too_long", limit=OWN_IDEA_LIMIT, length=checked.length))
            return False
        for idea in self.ideas.values():
            if idea.domain == domain and idea.text.casefold() == checked.text.casefold():
                status.say(t("self_care.own_duplicate", idea=checked.text))
                return False
        self._own_count += 1
        idea = Idea(key=f"{domain}-own-{self._own_count}", domain=domain, text=checked.text,
                    own=True)
        box = self._add_idea(idea, ticked=True)
        self.idea_boxes[domain].children = (*self.idea_boxes[domain].children, box)
        self.own_inputs[domain].value = ""
        status.say(t("self_care.own_added", idea=checked.text))
        return True

    # ---- step 3: this week (a kit Shortlist of the ticked ideas) ----

    @property
    def week(self) -> list[str]:
        return list(self.week_box.chosen)

    def _week_label(self, key: str, chosen: bool) -> str:
        idea = self.ideas[key]
        name = self.domains[idea.domain].name
        if chosen:
            return "✓ " + t("self_care.week_chosen", domain=name, idea=idea.text)
        return t("self_care.week_choose", domain=name, idea=idea.text)

    def _announce_week(self, event: str, keys: list[str], count: int) -> str:
        idea = "; ".join(self.ideas[key].text for key in keys if key in self.ideas)
        if event == "added":
            return t("self_care.week_added", idea=idea, count=count, limit=WEEK_LIMIT)
        if event == "removed":
            return t("self_care.week_removed", idea=idea, count=count, limit=WEEK_LIMIT)
        if event == "dropped":
            return t("self_care.week_removed_unticked", idea=idea)
        return t("self_care.week_full", limit=WEEK_LIMIT)

    def toggle_week(self, key: str) -> bool:
        """Choose a ticked idea for this week, or take it off if it is already chosen.

        Returns True if the idea is now chosen. A choice past :data:`WEEK_LIMIT` is kindly
        refused and nothing changes. KeyError for an idea that is not ticked.
        """
        if key not in self.picked:
            raise KeyError(key)
        return self.week_box.toggle(key)

    def idea_key(self, domain: str, text: str) -> str:
        """The key of the idea with this text in this part of the wheel (for tests)."""
        for idea in self.ideas.values():
            if idea.domain == domain and idea.text == text:
                return idea.key
        raise KeyError(text)

    # ---- step 5: the plan ----

    def _item(self, key: str) -> str:
        idea = self.ideas[key]
        return f"{self.domains[idea.domain].name}: {idea.text}"

    def handout(self) -> Handout | str:
        """Her plan: exactly what she chose. Passed parts, unticked ideas and empty boxes are
        left out."""
        if self.signs.checked.too_long or self.contacts.checked.too_long:
            return t("handout.waiting")
        plan = Handout(self.content.title, self.content.intro, css=PLAN_CSS,
                       figure_class="pack-plan-wheel", columns=(t("self_care.plan_ideas"),))
        rated = [(self.domains[key].name, self.rating.score(key))
                 for key in self.rating.answered()]
        if rated:
            maximum = self.rating.maximum
            plan.figure = wheel_svg(rated, maximum, t("self_care.wheel_title"),
                                    chart_id="my-plan-wheel")
        plan.add(t("self_care.plan_wheel"),
                 [f"{name}: {self._describe(score)}" for name, score in rated])
        plan.add(t("self_care.plan_week"), [self._item(key) for key in self.week])
        order = list(self.ideas)  # by part of the wheel, suggestions before her own
        others = sorted((key for key in self.picked if key not in self.week),
                        key=lambda key: (list(self.domains).index(self.ideas[key].domain),
                                         order.index(key)))
        plan.add(t("self_care.plan_ideas"), [self._item(key) for key in others])
        signs, contacts = self.signs.checked.usable, self.contacts.checked.usable
        plan.add(self.content.warning_signs.label, [signs] if signs else [])
        plan.add(self.content.contacts.label, [contacts] if contacts else [])
        return plan

    def reset_answers(self) -> None:
        """Ratings, ticks, her own ideas and her notes: all gone from this page."""
        self.week_box.clear()
        for key in list(self.picked):
            self.checkboxes[key].value = False
        for key in [key for key, idea in self.ideas.items() if idea.own]:
            del self.ideas[key]
            del self.checkboxes[key]
            self.week_box.buttons.pop(key, None)
        for domain in self.domains.values():
            kept = [box for box in self.idea_boxes[domain.id].children
                    if box in self.checkboxes.values()]
            self.idea_boxes[domain.id].children = kept
            self.own_inputs[domain.id].value = ""
        self.rating.clear()
        self.signs.clear()
        self.contacts.clear()


def self_care_wheel(path: str = "self_care/wheel.yaml"):
    """The self-care wheel and plan, from its file in ``assets/``; a calm message if broken."""
    return from_files(SelfCarePlan, WHEEL.at(path))
