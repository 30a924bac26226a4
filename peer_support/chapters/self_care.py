"""The Self-care chapter's exercises.

- :class:`SelfCarePlan`, the self-care wheel and plan (the chapter's heart). A woman rates how
  looked-after each of six parts of her life feels, or passes, and sees her own wheel drawn.
  She ticks ideas that might help (every part has free and low-energy ones) and can add her
  own, chooses up to :data:`WEEK_LIMIT` small steps for this week, writes her early warning
  signs and who she can turn to, and downloads a one-page plan holding exactly what she chose.
- :class:`FeelingsCheckIn`: a core feeling, then a more exact word, then (if she likes) a
  need that might be behind it. Nothing is kept and nothing can be downloaded.
- :class:`NeedsInventory`: seven needs, each marked met, partly met, not met, or passed, with
  a gentle summary that is not a diagnosis, and a download.
- :class:`FacilitatorCheck`: a private check for peer leaders on boundaries, supervision,
  debriefs and availability, giving a "keeping myself well" card to download.

Everything lives in this page's memory only. Downloads are built in the page
(:class:`~peer_support.handout.DownloadPanel`); nothing is written on the server.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import ipywidgets as widgets
from ipywidgets.widgets.widget_bool import CheckboxStyle

from ..content import Checker, ContentError, load_yaml
from ..i18n import t
from ..kit.blocks import error_block
from ..kit.charts import figure_html, text_alternative, wheel_svg
from ..kit.choice import PASS, ChoiceScale
from ..kit.handout import DownloadPanel, Handout
from ..kit.ratings import RatingSet
from ..kit.reflection import Prompt, ReflectionBox
from ..kit.status import LiveStatus
from ..text import check_text, escape

__all__ = [
    "FacilitatorCheck",
    "FeelingsCheckIn",
    "NeedsInventory",
    "SelfCarePlan",
    "facilitator_check",
    "feelings_check_in",
    "needs_inventory",
    "self_care_wheel",
]

#: The most small steps she can choose for one week. More is refused kindly; nothing is lost.
WEEK_LIMIT = 3
#: Longest idea of her own, in characters.
OWN_IDEA_LIMIT = 120
#: Longest answer in the plan's two text boxes, so the plan still fits on one A4 page.
PLAN_NOTE_LIMIT = 400
#: Longest answer in the facilitator check's boxes.
CHECK_NOTE_LIMIT = 500
DOMAIN_COUNT = 6
NEEDS_COUNT = 7
CORE_FEELINGS = ("mad", "sad", "scared", "joyful", "powerful", "peaceful")


# ---------------------------------------------------------------------------
# Content files
# ---------------------------------------------------------------------------


def _options(check: Checker, value: object, where: str, minimum: int = 2) -> list[tuple[str, str]]:
    """A list of ``{id, label}`` entries, as (id, label) pairs."""
    seen: set[str] = set()
    options = []
    for number, entry in enumerate(check.items(value, where, minimum=minimum), start=1):
        place = f"{where} item {number}"
        check.mapping(entry, place)
        option_id = check.identifier(entry, place, seen)
        if option_id == PASS:
            check.fail(f"{place} uses the id '{PASS}', which the pack keeps for passing")
        options.append((option_id, check.text(entry, "label", place, 40)))
    return options


def _prompt(check: Checker, data: dict, key: str) -> Prompt:
    entry = check.mapping(data.get(key), f"'{key}'")
    return Prompt(id=key.replace("_", "-"), label=check.text(entry, "label", f"'{key}'", 80),
                  hint=check.text(entry, "hint", f"'{key}'", 300, required=False))


def _flag(check: Checker, entry: dict, key: str, where: str) -> bool:
    value = entry.get(key, False)
    if not isinstance(value, bool):
        check.fail(f"{where} needs '{key}' as true or false")
    return value


@dataclass(frozen=True)
class Suggestion:
    """One idea on the self-care wheel."""

    text: str
    free: bool = False
    low_energy: bool = False


@dataclass(frozen=True)
class Domain:
    """One part of the self-care wheel."""

    id: str
    name: str
    description: str
    suggestions: list[Suggestion]


@dataclass(frozen=True)
class WheelContent:
    """Everything the self-care wheel and plan read from ``self_care/wheel.yaml``."""

    title: str
    intro: str
    question: str
    credit: str
    scale: list[tuple[str, str]]
    domains: list[Domain]
    warning_signs: Prompt
    contacts: Prompt


def load_wheel(path: str) -> WheelContent:
    """Read and check the self-care wheel's file.

    Every part must have at least one suggestion marked ``free`` and one marked
    ``low_energy``, because many women are short of money, time or energy.

    Raises
    ------
    ContentError
        Naming the file and the first problem found.
    """
    check = Checker(path)
    data = check.mapping(load_yaml(path), "The file")
    seen: set[str] = set()
    domains = []
    entries = check.items(data.get("domains"), "'domains'", minimum=DOMAIN_COUNT)
    if len(entries) != DOMAIN_COUNT:
        check.fail(f"'domains' should have exactly {DOMAIN_COUNT} parts, one per part of the wheel")
    for number, entry in enumerate(entries, start=1):
        where = f"Part {number}"
        check.mapping(entry, where)
        domain_id = check.identifier(entry, where, seen)
        suggestions = []
        for count, idea in enumerate(check.items(entry.get("suggestions"),
                                                 f"{where}'s 'suggestions'", minimum=2), start=1):
            place = f"{where}, suggestion {count}"
            check.mapping(idea, place)
            suggestions.append(Suggestion(
                text=check.text(idea, "text", place, OWN_IDEA_LIMIT),
                free=_flag(check, idea, "free", place),
                low_energy=_flag(check, idea, "low_energy", place),
            ))
        if not any(s.free for s in suggestions):
            check.fail(f"{where} needs at least one suggestion marked 'free: true'")
        if not any(s.low_energy for s in suggestions):
            check.fail(f"{where} needs at least one suggestion marked 'low_energy: true'")
        domains.append(Domain(
            id=domain_id,
            name=check.text(entry, "name", where, 40),
            description=check.text(entry, "description", where, 200),
            suggestions=suggestions,
        ))
    return WheelContent(
        title=check.text(data, "title", "The file", 80),
        intro=check.text(data, "intro", "The file", 300, required=False),
        question=check.text(data, "question", "The file", 200),
        credit=check.text(data, "credit", "The file", 300),
        scale=_options(check, data.get("scale"), "'scale'", minimum=3),
        domains=domains,
        warning_signs=_prompt(check, data, "warning_signs"),
        contacts=_prompt(check, data, "contacts"),
    )


@dataclass(frozen=True)
class Feeling:
    """A core feeling and the more exact words under it."""

    id: str
    label: str
    words: list[str]


@dataclass(frozen=True)
class FeelingsContent:
    question: str
    word_question: str
    need_question: str
    feelings: list[Feeling]


def load_feelings(path: str) -> FeelingsContent:
    """Read and check the feelings check-in's file: the six core feelings and their words."""
    check = Checker(path)
    data = check.mapping(load_yaml(path), "The file")
    seen: set[str] = set()
    feelings = []
    for number, entry in enumerate(check.items(data.get("feelings"), "'feelings'"), start=1):
        where = f"Feeling {number}"
        check.mapping(entry, where)
        feelings.append(Feeling(
            id=check.identifier(entry, where, seen),
            label=check.text(entry, "label", where, 40),
            words=check.texts(entry, "words", where, 2, 40),
        ))
    if tuple(f.id for f in feelings) != CORE_FEELINGS:
        check.fail(f"'feelings' should be the six core feelings in this order: "
                   f"{', '.join(CORE_FEELINGS)}")
    return FeelingsContent(
        question=check.text(data, "question", "The file", 200),
        word_question=check.text(data, "word_question", "The file", 200),
        need_question=check.text(data, "need_question", "The file", 200),
        feelings=feelings,
    )


@dataclass(frozen=True)
class Need:
    """One needs category, described in the pack's own words."""

    id: str
    name: str
    description: str
    question: str


@dataclass(frozen=True)
class NeedsContent:
    title: str
    intro: str
    question: str
    options: list[tuple[str, str]]
    needs: list[Need]


def load_needs(path: str) -> NeedsContent:
    """Read and check the needs inventory's file: seven needs, and met / partly / not met."""
    check = Checker(path)
    data = check.mapping(load_yaml(path), "The file")
    seen: set[str] = set()
    needs = []
    entries = check.items(data.get("needs"), "'needs'", minimum=NEEDS_COUNT)
    if len(entries) != NEEDS_COUNT:
        check.fail(f"'needs' should have exactly {NEEDS_COUNT} needs")
    for number, entry in enumerate(entries, start=1):
        where = f"Need {number}"
        check.mapping(entry, where)
        needs.append(Need(
            id=check.identifier(entry, where, seen),
            name=check.text(entry, "name", where, 40),
            description=check.text(entry, "description", where, 200),
            question=check.text(entry, "question", where, 200),
        ))
    options = _options(check, data.get("options"), "'options'", minimum=3)
    if len(options) != 3:
        check.fail("'options' should be three answers, from not met to met")
    return NeedsContent(
        title=check.text(data, "title", "The file", 80),
        intro=check.text(data, "intro", "The file", 300),
        question=check.text(data, "question", "The file", 200),
        options=options,
        needs=needs,
    )


@dataclass(frozen=True)
class Area:
    id: str
    name: str
    description: str


@dataclass(frozen=True)
class CheckContent:
    title: str
    intro: str
    question: str
    options: list[tuple[str, str]]
    areas: list[Area]
    prompts: list[Prompt] = field(default_factory=list)


def load_facilitator_check(path: str) -> CheckContent:
    """Read and check the facilitator self-care check's file."""
    check = Checker(path)
    data = check.mapping(load_yaml(path), "The file")
    seen: set[str] = set()
    areas = []
    for number, entry in enumerate(check.items(data.get("areas"), "'areas'", minimum=4),
                                   start=1):
        where = f"Area {number}"
        check.mapping(entry, where)
        areas.append(Area(
            id=check.identifier(entry, where, seen),
            name=check.text(entry, "name", where, 60),
            description=check.text(entry, "description", where, 200),
        ))
    options = _options(check, data.get("options"), "'options'", minimum=3)
    if len(options) != 3:
        check.fail("'options' should be three answers, from not yet to in place")
    prompts = []
    prompt_ids: set[str] = set()
    for number, entry in enumerate(check.items(data.get("prompts"), "'prompts'"), start=1):
        where = f"Prompt {number}"
        check.mapping(entry, where)
        prompts.append(Prompt(
            id=check.identifier(entry, where, prompt_ids),
            label=check.text(entry, "label", where, 120),
            hint=check.text(entry, "hint", where, 300, required=False),
        ))
    return CheckContent(
        title=check.text(data, "title", "The file", 80),
        intro=check.text(data, "intro", "The file", 300),
        question=check.text(data, "question", "The file", 200),
        options=options,
        areas=areas,
        prompts=prompts,
    )


# ---------------------------------------------------------------------------
# Shared pieces
# ---------------------------------------------------------------------------


def _heading(text: str, level: int = 3) -> widgets.HTML:
    return widgets.HTML(f"<h{level}>{escape(text)}</h{level}>")


def _paragraph(text: str, css_class: str = "") -> widgets.HTML:
    attribute = f' class="{css_class}"' if css_class else ""
    return widgets.HTML(f"<p{attribute}>{escape(text)}</p>")


def _bullets(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>"


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
.pack-plan-columns { columns: 2; column-gap: 2em; clear: both; }
@media print { body { max-width: none; padding: 0; } }
"""


@dataclass
class PlanHandout(Handout):
    """A :class:`Handout` with a drawing beside the lists, laid out to fit one A4 page.

    ``figure`` is SVG markup from :mod:`peer_support.charts` (already escaped there); the
    lists and Markdown version are the Handout's own, so the text alternative is always in.
    """

    figure: str = ""
    columns: tuple[str, ...] = ()  # headings of sections to print in two columns

    def to_html(self) -> str:
        page = super().to_html().replace("</style>", PLAN_CSS + "</style>", 1)
        for heading in self.columns:
            page = page.replace(f"<h2>{escape(heading)}</h2>\n<ul>",
                                f'<h2>{escape(heading)}</h2>\n<ul class="pack-plan-columns">', 1)
        if self.figure and "<h2>" in page:
            drawing = f'<div class="pack-plan-wheel">{self.figure}</div>\n'
            page = page.replace("<h2>", drawing + "<h2>", 1)
        return page


# ---------------------------------------------------------------------------
# 1. The self-care wheel and plan
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Idea:
    """Something she might do: one of the suggestions, or her own."""

    key: str
    domain: str
    text: str
    free: bool = False
    low_energy: bool = False
    own: bool = False


class SelfCarePlan(widgets.VBox):
    """The self-care wheel and plan. See the module docstring.

    The buttons and boxes call the same methods a test can call: :meth:`rate`, :meth:`pick`,
    :meth:`add_own`, :meth:`toggle_week`, :meth:`handout` and :meth:`clear`.
    """

    def __init__(self, content: WheelContent, **kwargs):
        self.content = content
        self.domains = {domain.id: domain for domain in content.domains}
        self.ideas: dict[str, Idea] = {}
        self.picked: list[str] = []
        self.week: list[str] = []
        self._own_count = 0

        # Step 1: rate each part, and see the wheel.
        # One part at a time: a calm pace, and far fewer widgets for a slow laptop to draw.
        self.rating = RatingSet(content.question,
                                [(d.id, d.name) for d in content.domains], content.scale,
                                hints={d.id: d.description for d in content.domains},
                                one_at_a_time=True, item_noun=t("self_care.part"))
        self.rating.add_class("qa-self-care-rating")
        self.rating.on_change(self._rating_changed)
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
        domain_panels = [self._domain_panel(domain) for domain in content.domains]

        # Step 3: up to WEEK_LIMIT small steps for this week.
        self.week_buttons: dict[str, widgets.Button] = {}
        self.week_box = widgets.VBox()
        self.week_box.add_class("qa-self-care-week")
        self.week_status = LiveStatus()
        self.week_status.add_class("qa-self-care-week-status")

        # Step 4: warning signs and people.
        self.signs = ReflectionBox(content.warning_signs.label, content.warning_signs.hint,
                                   limit=PLAN_NOTE_LIMIT)
        self.signs.text_area.add_class("qa-self-care-signs")
        self.contacts = ReflectionBox(content.contacts.label, content.contacts.hint,
                                      limit=PLAN_NOTE_LIMIT)
        self.contacts.text_area.add_class("qa-self-care-contacts")

        # Step 5: the plan.
        self.download = DownloadPanel(self.handout, basename="my-plan",
                                      button_label=t("self_care.prepare_plan"))
        for box in (self.signs, self.contacts):
            box.text_area.observe(lambda _: self.download.reset(), names="value")
        self.clear_button = widgets.Button(description=t("self_care.clear_plan"))
        self.clear_button.add_class("qa-self-care-clear")
        self.clear_button.on_click(lambda _: self.clear())
        self.status = LiveStatus()

        super().__init__([
            _heading(t("self_care.step_rate")),
            _paragraph(t("self_care.step_rate_help")),
            self.rating,
            _heading(t("self_care.your_wheel"), 4),
            self.wheel_view,
            _paragraph(content.credit, "pack-muted"),
            _heading(t("self_care.step_pick")),
            _paragraph(t("self_care.step_pick_help")),
            *domain_panels,
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
        ], **kwargs)
        self.add_class("pack-self-care-plan")
        self._draw_wheel()
        self._draw_week()

    # ---- step 1: rating and the wheel ----

    def rate(self, domain: str, option: str) -> None:
        """Rate a part of the wheel (an option id from the scale, or ``"pass"``)."""
        self.rating.rate(domain, option)

    def _rating_changed(self) -> None:
        self._draw_wheel()
        self.download.reset()

    def _describe(self, score: int) -> str:
        label = self.content.scale[score - 1][1]
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
        idea = self.ideas[key]
        if picked and key not in self.picked:
            self.picked.append(key)
        elif not picked and key in self.picked:
            self.picked.remove(key)
            if key in self.week:
                self.week.remove(key)
                self.week_status.say(t("self_care.week_removed_unticked", idea=idea.text))
        self.download.reset()
        self._draw_week()

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

    # ---- step 3: this week ----

    def _week_label(self, key: str) -> str:
        idea = self.ideas[key]
        name = self.domains[idea.domain].name
        if key in self.week:
            return "✓ " + t("self_care.week_chosen", domain=name, idea=idea.text)
        return t("self_care.week_choose", domain=name, idea=idea.text)

    def _draw_week(self) -> None:
        buttons = []
        for key in self.picked:
            button = self.week_buttons.get(key)
            if button is None:
                button = widgets.Button(layout=widgets.Layout(width="auto"))
                button.add_class("qa-self-care-week-toggle")
                button.on_click(lambda _, key=key: self.toggle_week(key))
                self.week_buttons[key] = button
            button.description = self._week_label(key)
            button.button_style = "primary" if key in self.week else ""
            buttons.append(button)
        if buttons:
            self.week_box.children = buttons
        else:
            self.week_box.children = [_paragraph(t("self_care.week_nothing_picked"))]

    def toggle_week(self, key: str) -> bool:
        """Choose a ticked idea for this week, or take it off if it is already chosen.

        Returns True if the idea is now chosen. A choice past :data:`WEEK_LIMIT` is kindly
        refused and nothing changes.
        """
        if key not in self.picked:
            raise KeyError(key)
        idea = self.ideas[key]
        if key in self.week:
            self.week.remove(key)
            self.week_status.say(t("self_care.week_removed", idea=idea.text,
                                   count=len(self.week), limit=WEEK_LIMIT))
            chosen = False
        elif len(self.week) >= WEEK_LIMIT:
            self.week_status.say(t("self_care.week_full", limit=WEEK_LIMIT))
            return False
        else:
            self.week.append(key)
            self.week_status.say(t("self_care.week_added", idea=idea.text,
                                   count=len(self.week), limit=WEEK_LIMIT))
            chosen = True
        self.download.reset()
        self._draw_week()
        return chosen

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

    def handout(self) -> PlanHandout | str:
        """Her plan: exactly what she chose. Passed parts, unticked ideas and empty boxes are
        left out."""
        if self.signs.checked.too_long or self.contacts.checked.too_long:
            return t("handout.waiting")
        plan = PlanHandout(self.content.title, self.content.intro,
                           columns=(t("self_care.plan_ideas"),))
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

    def clear(self) -> None:
        """Clear everything from this page: ratings, ticks, her own ideas and her notes."""
        self.week = []
        for key in list(self.picked):
            self.checkboxes[key].value = False
        for key in [key for key, idea in self.ideas.items() if idea.own]:
            del self.ideas[key]
            del self.checkboxes[key]
            self.week_buttons.pop(key, None)
        for domain in self.domains.values():
            kept = [box for box in self.idea_boxes[domain.id].children
                    if box in self.checkboxes.values()]
            self.idea_boxes[domain.id].children = kept
            self.own_inputs[domain.id].value = ""
        self.rating.clear()
        self.signs.clear()
        self.contacts.clear()
        self._draw_week()
        self.download.reset()
        self.status.say(t("self_care.plan_cleared"))


def self_care_wheel(path: str = "self_care/wheel.yaml"):
    """The self-care wheel and plan, from its file in ``assets/``; a calm message if broken."""
    try:
        return SelfCarePlan(load_wheel(path))
    except ContentError as error:
        return error_block(error)


# ---------------------------------------------------------------------------
# 2. The feelings check-in
# ---------------------------------------------------------------------------


class FeelingsCheckIn(widgets.VBox):
    """Pick a core feeling, then a closer word, then (optionally) a need. Nothing is kept.

    There is deliberately no download and no history: "Start again" forgets everything.
    """

    def __init__(self, content: FeelingsContent, needs: list[Need], **kwargs):
        self.content = content
        self.feelings = {feeling.id: feeling for feeling in content.feelings}
        self.needs = {need.id: need for need in needs}
        self.feeling: str | None = None
        self.word: str | None = None
        self.need: str | None = None

        self.core = ChoiceScale(content.question, [(f.id, f.label) for f in content.feelings])
        self.core.add_class("qa-feelings-core")
        self.core.on_choice(self._on_feeling)
        # The closer words are made when their feeling is first chosen: fewer widgets to load.
        self.word_scales: dict[str, ChoiceScale] = {}
        self.word_area = widgets.VBox()
        self.need_scale = ChoiceScale(content.need_question, [(n.id, n.name) for n in needs])
        self.need_scale.add_class("qa-feelings-need")
        self.need_scale.layout.display = "none"
        self.need_scale.on_choice(self._on_need)
        self.summary = widgets.HTML()
        self.summary.add_class("qa-feelings-summary")
        self.restart_button = widgets.Button(description=t("self_care.feelings_restart"))
        self.restart_button.add_class("qa-feelings-restart")
        self.restart_button.on_click(lambda _: self.restart())
        self.status = LiveStatus()
        super().__init__([self.core, self.word_area, self.need_scale, self.summary,
                          self.restart_button, self.status], **kwargs)
        self.add_class("pack-feelings-check-in")
        self._draw()

    def choose_feeling(self, key: str) -> None:
        """Choose a core feeling (or ``"pass"``), as its button does."""
        self.core.choose(key)

    def choose_word(self, word: str) -> None:
        """Choose a closer word (its text, or ``"pass"``) under the chosen core feeling."""
        if self.feeling is None or self.feeling == PASS:
            raise ValueError("choose a core feeling first")
        scale = self.word_scales[self.feeling]
        keys = {label: key for key, label in scale.options}
        scale.choose(keys.get(word, word))

    def choose_need(self, key: str) -> None:
        """Choose the need that might be behind the feeling (or ``"pass"``)."""
        self.need_scale.choose(key)

    def _word_scale(self, feeling_id: str) -> ChoiceScale:
        if feeling_id not in self.word_scales:
            words = self.feelings[feeling_id].words
            options = [(f"w{number}", word) for number, word in enumerate(words, 1)]
            scale = ChoiceScale(self.content.word_question, options)
            scale.add_class("qa-feelings-words")
            scale.add_class(f"qa-feelings-words-{feeling_id}")
            scale.on_choice(self._on_word)
            self.word_scales[feeling_id] = scale
        return self.word_scales[feeling_id]

    def _on_feeling(self, key: str) -> None:
        self.feeling = key
        self.word = None
        self.need = None
        self.need_scale.clear()
        self.need_scale.layout.display = "none"
        if key == PASS:
            self.word_area.children = ()
        else:
            scale = self._word_scale(key)
            scale.clear()
            self.word_area.children = (scale,)
        self._draw()
        if key != PASS:
            self.word_scales[key].focus_first()

    def _on_word(self, key: str) -> None:
        scale = self.word_scales[self.feeling]
        self.word = key if key == PASS else scale.labels[key]
        self.need = None
        self.need_scale.clear()
        self.need_scale.layout.display = None
        self._draw()
        self.need_scale.focus_first()

    def _on_need(self, key: str) -> None:
        self.need = key
        self._draw()

    def reflection(self) -> str:
        """What she chose, put back to her gently, as plain text."""
        if self.feeling is None:
            return t("self_care.feelings_start")
        if self.feeling == PASS:
            return t("self_care.feelings_passed")
        feeling = self.feelings[self.feeling].label
        if self.word is None:
            parts = [t("self_care.feelings_chose", feeling=feeling.lower())]
        elif self.word == PASS:
            parts = [t("self_care.feelings_chose_only", feeling=feeling.lower())]
        else:
            parts = [t("self_care.feelings_word", word=self.word, feeling=feeling.lower())]
        if self.need and self.need != PASS:
            parts.append(t("self_care.feelings_need", need=self.needs[self.need].name))
        parts.append(t("self_care.feelings_allowed"))
        return " ".join(parts)

    def _draw(self) -> None:
        self.summary.value = f'<p class="pack-message">{escape(self.reflection())}</p>'

    def restart(self) -> None:
        """Forget everything and start again."""
        self.feeling = self.word = self.need = None
        self.core.clear()
        self.word_area.children = ()
        self.need_scale.clear()
        self.need_scale.layout.display = "none"
        self._draw()
        self.status.say(t("self_care.feelings_restarted"))
        self.core.focus_first()


def feelings_check_in(feelings: str = "self_care/feelings.yaml",
                      needs: str = "self_care/needs.yaml"):
    """The feelings check-in, from its files in ``assets/``; a calm message if broken."""
    try:
        return FeelingsCheckIn(load_feelings(feelings), load_needs(needs).needs)
    except ContentError as error:
        return error_block(error)


# ---------------------------------------------------------------------------
# 3. The needs inventory
# ---------------------------------------------------------------------------


class NeedsInventory(widgets.VBox):
    """Seven needs, each met / partly met / not met / pass, a gentle summary and a download."""

    def __init__(self, content: NeedsContent, **kwargs):
        self.content = content
        self.needs = {need.id: need for need in content.needs}
        self.rating = RatingSet(content.question, [(n.id, n.name) for n in content.needs],
                                content.options,
                                hints={n.id: n.description for n in content.needs},
                                one_at_a_time=True, item_noun=t("self_care.need"))
        self.rating.add_class("qa-needs-rating")
        self.rating.on_change(self._changed)
        self.summary = widgets.HTML()
        self.summary.add_class("qa-needs-summary")
        self.download = DownloadPanel(self.handout, basename="my-notes")
        self.clear_button = widgets.Button(description=t("self_care.needs_clear"))
        self.clear_button.add_class("qa-needs-clear")
        self.clear_button.on_click(lambda _: self.clear())
        super().__init__([self.rating, self.summary, self.download, self.clear_button],
                         **kwargs)
        self.add_class("pack-needs-inventory")
        self._draw()

    def mark(self, need: str, option: str) -> None:
        """Mark a need with an option id (for example ``"partly"``) or ``"pass"``."""
        self.rating.rate(need, option)

    def groups(self) -> list[tuple[str, list[str]]]:
        """(option label, need names) for each option, highest first; passes left out."""
        answered = self.rating.answered()
        return [(label, [self.needs[need].name for need, chosen in answered.items()
                         if chosen == key])
                for key, label in reversed(self.content.options)]

    def questions(self) -> list[str]:
        """A gentle question for each need marked below "met", in order."""
        highest = self.content.options[-1][0]
        return [f"{self.needs[need].name}: {self.needs[need].question}"
                for need, chosen in self.rating.answered().items() if chosen != highest]

    def _changed(self) -> None:
        self.download.reset()
        self._draw()

    def _draw(self) -> None:
        parts = [f"<h4>{escape(t('self_care.needs_summary'))}</h4>",
                 f'<p class="pack-message">{escape(t("self_care.needs_not_diagnosis"))}</p>']
        if not self.rating.answered():
            parts.append(f"<p>{escape(t('self_care.needs_nothing'))}</p>")
        for label, names in self.groups():
            if names:
                parts.append(f"<p><strong>{escape(label)}:</strong> "
                             f"{escape(', '.join(names))}</p>")
        questions = self.questions()
        if questions:
            parts.append(f"<p>{escape(t('self_care.needs_questions'))}</p>{_bullets(questions)}")
        self.summary.value = "".join(parts)

    def handout(self) -> Handout:
        """Her snapshot: each option with the needs she gave it, and the gentle questions."""
        handout = Handout(self.content.title, self.content.intro)
        for label, names in self.groups():
            handout.add(label, names)
        handout.add(t("self_care.needs_questions_heading"), self.questions())
        return handout

    def clear(self) -> None:
        self.rating.clear()


def needs_inventory(path: str = "self_care/needs.yaml"):
    """The needs inventory, from its file in ``assets/``; a calm message if broken."""
    try:
        return NeedsInventory(load_needs(path))
    except ContentError as error:
        return error_block(error)


# ---------------------------------------------------------------------------
# 4. The facilitator self-care check
# ---------------------------------------------------------------------------


class FacilitatorCheck(widgets.VBox):
    """A private check for peer leaders, and a "keeping myself well" card to download."""

    def __init__(self, content: CheckContent, **kwargs):
        self.content = content
        self.areas = {area.id: area for area in content.areas}
        self.rating = RatingSet(content.question, [(a.id, a.name) for a in content.areas],
                                content.options,
                                hints={a.id: a.description for a in content.areas},
                                one_at_a_time=True, item_noun=t("self_care.area"))
        self.rating.add_class("qa-check-rating")
        self.boxes = [ReflectionBox(p.label, p.hint, limit=CHECK_NOTE_LIMIT)
                      for p in content.prompts]
        for prompt, box in zip(content.prompts, self.boxes, strict=True):
            box.text_area.add_class(f"qa-check-{prompt.id}")
        self.download = DownloadPanel(self.handout, basename="my-card",
                                      button_label=t("self_care.prepare_card"))
        self.rating.on_change(self.download.reset)
        for box in self.boxes:
            box.text_area.observe(lambda _: self.download.reset(), names="value")
        self.clear_button = widgets.Button(description=t("self_care.check_clear"))
        self.clear_button.add_class("qa-check-clear")
        self.clear_button.on_click(lambda _: self.clear())
        self.status = LiveStatus()
        super().__init__([
            _paragraph(content.intro),
            self.rating,
            _heading(t("self_care.check_write"), 4),
            *self.boxes,
            self.download,
            self.clear_button,
            self.status,
        ], **kwargs)
        self.add_class("pack-facilitator-check")

    def rate(self, area: str, option: str) -> None:
        self.rating.rate(area, option)

    def write(self, prompt_index: int, text: str) -> None:
        self.boxes[prompt_index].write(text)

    def handout(self) -> Handout | str:
        """The card: areas grouped by answer (passes left out), then her own words."""
        if any(box.checked.too_long for box in self.boxes):
            return t("handout.waiting")
        card = Handout(self.content.title, t("self_care.card_intro"))
        answered = self.rating.answered()
        headings = {self.content.options[0][0]: t("self_care.card_not_yet"),
                    self.content.options[1][0]: t("self_care.card_partly"),
                    self.content.options[2][0]: t("self_care.card_in_place")}
        for key, _label in reversed(self.content.options):
            card.add(headings[key], [self.areas[area].name for area, chosen in answered.items()
                                     if chosen == key])
        for box in self.boxes:
            answer = box.checked.usable
            card.add(box.label, [answer] if answer else [])
        return card

    def clear(self) -> None:
        self.rating.clear()
        for box in self.boxes:
            box.clear()
        self.download.reset()
        self.status.say(t("self_care.check_cleared"))


def facilitator_check(path: str = "self_care/facilitator-check.yaml"):
    """The facilitator self-care check, from its file in ``assets/``; a calm message if broken."""
    try:
        return FacilitatorCheck(load_facilitator_check(path))
    except ContentError as error:
        return error_block(error)
