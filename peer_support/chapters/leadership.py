"""The Leadership chapter's own exercises.

- :class:`LeadershipSort`: the leadership qualities sort (a kit
  :class:`~peer_support.kit.sort.ColumnSort`) with column presets ("My strengths", or "Leaders
  and peers" for group talk) and a downloadable "my leadership strengths" card.
- :func:`leadership_questions`: questions to discuss, one at a time in large type (a CardDeck).
- :class:`StrengthSpotting`: how to give specific, positive, consent-first feedback, with a
  quality chooser. There is no name field: nothing says who a strength belongs to.
- :class:`SharedRoles`: a rota of session roles the group fills in and prints.

The private "me and leadership" prompts are a kit reflection (only a content file). Nothing
typed is written on the server; downloads are built in the page.
"""

from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as widgets

from ..content import rules
from ..i18n import t
from ..kit.base import Exercise, from_files
from ..kit.choice import ChoiceScale
from ..kit.deck import CardDeck, plain_card
from ..kit.handout import Handout
from ..kit.html import bullets, label_above
from ..kit.reflection import ReflectionBox
from ..kit.sort import CARD_LIMIT, ColumnSort
from ..text import check_text, escape

__all__ = [
    "PRESETS",
    "QUALITIES",
    "QUESTIONS",
    "ROLES",
    "SPOTTING",
    "LeadershipSort",
    "SharedRoles",
    "StrengthSpotting",
    "leadership_questions",
    "leadership_sort",
    "shared_roles",
    "strength_spotting",
]

KINDS = ("quiet", "relational", "visible")
MINIMUM_QUALITIES = 24
MINIMUM_QUESTIONS = 6
STEP_LIMIT = 200
ROTA_NAME_LIMIT = 40
MAX_SESSIONS = 12


# ---- content ----


@dataclass(frozen=True)
class Quality:
    """One card in the qualities sort. ``kind`` is quiet, relational or visible."""

    id: str = rules.identifier()
    text: str = rules.text(CARD_LIMIT, "The quality, as it shows on its card.", unique=True)
    kind: str = rules.one_of(KINDS, "What kind of leadership it shows.")


@dataclass(frozen=True)
class QualitiesFile:
    qualities: list[Quality] = rules.items(Quality, "quality", "The cards, in the order they "
                                           "come up.", minimum=MINIMUM_QUALITIES)


@dataclass(frozen=True)
class Column:
    """A column of the sort. ``card_heading`` is its heading on the download."""

    id: str = rules.identifier()
    heading: str = rules.text(60, "The column's heading, also used on its buttons.")
    on_card: bool = rules.flag("Put this column's qualities on the download.")
    card_heading: str = rules.text(80, "The column's heading on the download (needed when "
                                   "on_card is true).", required=False)

    def validate(self, fail, where: str) -> None:
        if self.on_card and not self.card_heading:
            fail(t("content.needs_text", where=where, field="card_heading"))


@dataclass(frozen=True)
class Preset:
    """A set of columns, with the words for its download."""

    id: str = rules.identifier()
    name: str = rules.text(60, "The preset's name on its button.")
    card_title: str = rules.text(80, "The download's title.")
    step_label: str = rules.text(120, "The label of the 'small step' box.")
    step_heading: str = rules.text(80, "The small step's heading on the download.")
    columns: list[Column] = rules.items(Column, "column", "The columns, in order.", minimum=2,
                                        maximum=5)
    card_intro: str = rules.text(300, "The download's first line.", required=False)
    step_hint: str = rules.text(300, "A line under the small step box.", required=False)

    def validate(self, fail, where: str) -> None:
        if not any(column.on_card for column in self.columns):
            fail(t("leadership.needs_on_card", where=where))


@dataclass(frozen=True)
class PresetsFile:
    presets: list[Preset] = rules.items(Preset, "preset", "Column sets; the first is used at "
                                        "the start.")


@dataclass(frozen=True)
class Question:
    id: str = rules.identifier()
    text: str = rules.text(200, "The question.")


@dataclass(frozen=True)
class QuestionsFile:
    intro: str = rules.text(300, "A line above the questions.")
    questions: list[Question] = rules.items(Question, "question", "The questions.",
                                            minimum=MINIMUM_QUESTIONS)


@dataclass(frozen=True)
class SpottingGuide:
    intro: str = rules.text(300, "What strength spotting is.")
    steps: list[str] = rules.texts(3, 300, "How to give the feedback, in order.")
    starters: list[str] = rules.texts(1, 120, "Sentence starters.")


@dataclass(frozen=True)
class Role:
    id: str = rules.identifier()
    name: str = rules.text(40, "The role's name.")
    does: str = rules.text(300, "What the role does.")


@dataclass(frozen=True)
class RolesFile:
    intro: str = rules.text(300, "A line above the rota.")
    sessions: int = rules.whole(1, MAX_SESSIONS, "How many sessions the rota covers.")
    roles: list[Role] = rules.items(Role, "role", "The roles, in order.")


QUALITIES = rules.Kind(QualitiesFile, "Leadership qualities (cards)")
PRESETS = rules.Kind(PresetsFile, "Column presets for the qualities sort")
QUESTIONS = rules.Kind(QuestionsFile, "Questions to discuss, one at a time")
SPOTTING = rules.Kind(SpottingGuide, "The strength spotting guide")
ROLES = rules.Kind(RolesFile, "The shared roles rota")


# ---- 1. the leadership qualities sort ----


class LeadershipSort(Exercise):
    """The qualities sort with switchable column presets and a downloadable card.

    Parameters
    ----------
    qualities : QualitiesFile
        The cards, in the order they come up.
    presets : PresetsFile
        Column sets; the first is used at the start.

    Switching preset starts the sort again. If anything is sorted, it asks first and says so;
    nothing is put back until she confirms.
    """

    prepare_key = "leadership.prepare_card"

    def __init__(self, qualities: QualitiesFile, presets: PresetsFile, **kwargs):
        self.qualities = qualities.qualities
        self.presets = {preset.id: preset for preset in presets.presets}
        self.preset = presets.presets[0]
        self._pending: str | None = None
        self._was_complete = False

        self.chooser = ChoiceScale(t("leadership.preset_question"),
                                   [(p.id, p.name) for p in presets.presets], allow_pass=False)
        for key, button in self.chooser.buttons.items():
            button.add_class(f"qa-leadership-preset-{key}")
        self.chooser.on_choice(self.choose_preset)
        self.switch_yes = widgets.Button(description=t("leadership.switch_yes"))
        self.switch_yes.add_class("qa-leadership-switch-yes")
        self.switch_yes.on_click(lambda _: self._confirm_switch())
        self.switch_no = widgets.Button(description=t("leadership.switch_no"))
        self.switch_no.add_class("qa-leadership-switch-no")
        self.switch_no.on_click(lambda _: self._cancel_switch())
        self.confirm_box = widgets.HBox([self.switch_yes, self.switch_no])
        self.confirm_box.add_class("pack-choice-row")
        self.confirm_box.layout.display = "none"
        self.sort_holder = widgets.VBox()
        # The hint is set per preset; a placeholder makes the box include its hint line.
        self.step_box = ReflectionBox(self.preset.step_label, hint=" ", limit=STEP_LIMIT)
        self.step_box.text_area.add_class("qa-leadership-step")
        self.card_note = widgets.HTML()
        super().__init__(download="leadership-strengths", **kwargs)
        self.status.add_class("qa-leadership-sort-status")
        self.watch(self.step_box)
        self.add_class("pack-leadership-sort")
        self._build_sort()
        self.chooser.show(self.preset.id)
        self.chooser.status.say("")

    def build(self) -> list[widgets.Widget]:
        card_box = widgets.VBox([
            widgets.HTML(f"<h3>{escape(t('leadership.card_heading'))}</h3>"),
            self.card_note, self.step_box, self.download,
        ])
        card_box.add_class("pack-our-words")
        card_box.add_class("qa-leadership-card")
        return [self.chooser, self.status, self.confirm_box, self.sort_holder, card_box]

    # ---- presets ----

    def choose_preset(self, preset_id: str) -> None:
        """Switch to the preset ``preset_id``, asking first if anything is sorted.

        KeyError for an unknown preset.
        """
        if preset_id not in self.presets:
            raise KeyError(preset_id)
        self.chooser.status.say("")  # this status line speaks for the chooser
        if preset_id == self.preset.id:
            self._pending = None
            self.confirm_box.layout.display = "none"
            self.chooser.show(preset_id)
            self.status.say(t("leadership.preset_same", name=self.preset.name))
            return
        if self.sort.sorted_count() == 0:
            self.switch_preset(preset_id)
            return
        self._pending = preset_id
        self.chooser.show(self.preset.id)  # nothing changes until she says yes
        self.confirm_box.layout.display = None
        self.status.say(t("leadership.switch_ask", name=self.presets[preset_id].name,
                          count=self.sort.sorted_count()))
        self.switch_no.focus()

    def switch_preset(self, preset_id: str) -> None:
        """Use the preset ``preset_id`` now: new columns, and the sort starts again."""
        self.preset = self.presets[preset_id]
        self._pending = None
        self.confirm_box.layout.display = "none"
        self.chooser.show(preset_id)
        self._build_sort()
        self.changed()
        columns = ", ".join(f"“{column.heading}”" for column in self.preset.columns)
        self.status.say(t("leadership.switched", name=self.preset.name, columns=columns))

    def _confirm_switch(self) -> None:
        if self._pending is not None:
            self.switch_preset(self._pending)
        self.sort.focus_first()

    def _cancel_switch(self) -> None:
        self._pending = None
        self.confirm_box.layout.display = "none"
        self.status.say(t("leadership.switch_kept", name=self.preset.name))
        self.chooser.buttons[self.preset.id].focus()

    def _build_sort(self) -> None:
        self.sort = ColumnSort([q.text for q in self.qualities],
                               [(c.id, c.heading) for c in self.preset.columns],
                               label=t("leadership.sort_label"))
        self.sort.add_class("qa-leadership-sort")
        self.sort.on_change(self._on_sort_change)
        self.sort.on_change(self.changed)
        self.sort_holder.children = [self.sort]
        self._was_complete = False
        self.step_box.text_area.description = self.preset.step_label
        self.step_box.hint.value = self.preset.step_hint
        on_card = [c.heading for c in self.preset.columns if c.on_card]
        left_off = [c.heading for c in self.preset.columns if not c.on_card]
        note = t("leadership.card_has", columns=", ".join(f"“{h}”" for h in on_card))
        if left_off:
            note += " " + t("leadership.card_leaves_off",
                            columns=", ".join(f"“{h}”" for h in left_off))
        self.card_note.value = f"<p>{escape(note)}</p>"

    def _on_sort_change(self) -> None:
        complete = self.sort.is_complete()
        if complete and not self._was_complete:
            # The last card was just sorted from the "Move to" buttons: the card is next.
            self.step_box.text_area.focus()
        self._was_complete = complete

    # ---- moves (what the buttons do) ----

    def move(self, quality: str, column: str) -> None:
        self.sort.move(quality, column)

    def move_back(self, quality: str) -> None:
        self.sort.move_back(quality)

    def reset(self) -> None:
        self.sort.reset()

    def reset_answers(self) -> None:
        self.sort.reset()
        self.step_box.clear()

    # ---- the card ----

    def handout(self) -> Handout | str:
        """The card: the qualities in each on-card column, in the order sorted, and the
        small step if she wrote one. Unsorted qualities and off-card columns are left out."""
        step = self.step_box.checked
        if step.too_long:
            return t("handout.waiting")
        handout = Handout(self.preset.card_title, self.preset.card_intro)
        for column in self.preset.columns:
            if column.on_card:
                handout.add(column.card_heading, self.sort.in_column(column.id))
        handout.add(self.preset.step_heading, [step.text] if step.text else [])
        return handout


def leadership_sort(qualities: str = "leadership/qualities.yaml",
                    presets: str = "leadership/sort-presets.yaml"):
    """The leadership qualities sort; a clear message if a content file is broken."""
    return from_files(LeadershipSort, QUALITIES.at(qualities), PRESETS.at(presets))


# ---- 2. leadership questions ----


def _question_deck(content: QuestionsFile) -> widgets.VBox:
    deck = CardDeck([{"text": q.text, "id": q.id} for q in content.questions], render=plain_card,
                    shuffle_button=True, label=t("leadership.question"))
    deck.add_class("qa-leadership-questions")
    box = widgets.VBox([widgets.HTML(f'<p class="pack-message">{escape(content.intro)}</p>'),
                        deck])
    box.add_class("pack-leadership-questions")
    return box


def leadership_questions(path: str = "leadership/questions.yaml"):
    """Questions one at a time in large type, with Previous, Next and Shuffle."""
    return from_files(_question_deck, QUESTIONS.at(path))


# ---- 3. strength spotting ----


class StrengthSpotting(Exercise):
    """A facilitator-led strength spotting round.

    The screen shows how to give feedback, then a quality chooser. "Show on screen" puts the
    chosen quality up in large type with sentence starters. "Add to our list" collects the
    qualities the group spotted today, as a poster to download. There is no name field.
    """

    clear_key = "leadership.spot_clear"
    cleared_key = "leadership.spot_cleared"

    def __init__(self, guide: SpottingGuide, qualities: QualitiesFile, **kwargs):
        self.guide = guide
        self.qualities = [q.text for q in qualities.qualities]
        self.spotted: list[str] = []
        self.chooser = widgets.Dropdown(
            options=[(t("leadership.spot_choose"), None)] + [(q, q) for q in self.qualities],
            value=None, description=t("leadership.spot_label"),
            layout=widgets.Layout(width="auto", max_width="100%"),
            style={"description_width": "initial"})
        self.chooser.add_class("qa-spot-chooser")
        self.show_button = widgets.Button(description=t("leadership.spot_show"))
        self.show_button.add_class("qa-spot-show")
        self.show_button.on_click(lambda _: self.show(self.chooser.value))
        self.add_button = widgets.Button(description=t("leadership.spot_add"))
        self.add_button.add_class("qa-spot-add")
        self.add_button.on_click(lambda _: self.add(self.chooser.value))
        self.screen = widgets.HTML()
        self.screen.add_class("qa-spot-screen")
        self.list_view = widgets.HTML()
        self.list_view.add_class("qa-spot-list")
        super().__init__(download="strengths-we-spotted", **kwargs)
        self.clear_button.add_class("qa-spot-clear")
        self.add_class("pack-strength-spotting")
        self._draw_list()

    def build(self) -> list[widgets.Widget]:
        how = widgets.HTML(f"<p>{escape(self.guide.intro)}</p>"
                           f"<h3>{escape(t('leadership.spot_how'))}</h3>"
                           f"{bullets(self.guide.steps, ordered=True)}")
        buttons = widgets.HBox([self.show_button, self.add_button])
        buttons.add_class("pack-choice-row")
        list_box = widgets.VBox([
            widgets.HTML(f"<h3>{escape(t('leadership.spot_list_heading'))}</h3>"),
            self.list_view, self.download, self.clear_button,
        ])
        list_box.add_class("pack-our-words")
        return [how, self.chooser, buttons, self.status, self.screen, list_box]

    def _check(self, quality: str | None) -> str | None:
        if quality is None:
            self.status.say(t("leadership.spot_none"))
            return None
        if quality not in self.qualities:
            raise KeyError(quality)
        return quality

    def show(self, quality: str | None) -> None:
        """Put ``quality`` on screen in large type, with the sentence starters."""
        quality = self._check(quality)
        if quality is None:
            return
        starters = "".join(f"<li>{escape(s)}</li>" for s in self.guide.starters)
        self.screen.value = (
            f'<div class="pack-card"><p>{escape(t("leadership.spot_noticed"))}</p>'
            f'<p class="pack-card__term">{escape(quality)}</p>'
            f"<p>{escape(t('leadership.spot_starters'))}</p><ul>{starters}</ul></div>")
        self.status.say(t("leadership.spot_shown", quality=quality))

    def add(self, quality: str | None) -> None:
        """Add ``quality`` to the list of strengths spotted today (no names, repeats kept
        once with a count)."""
        quality = self._check(quality)
        if quality is None:
            return
        self.spotted.append(quality)
        self.status.say(t("leadership.spot_added", quality=quality))
        self._draw_list()
        self.changed()

    def counts(self) -> list[tuple[str, int]]:
        """Each quality spotted, in the order first spotted, with how often."""
        counts: dict[str, int] = {}
        for quality in self.spotted:
            counts[quality] = counts.get(quality, 0) + 1
        return list(counts.items())

    def _describe(self, quality: str, count: int) -> str:
        return quality if count == 1 else t("leadership.spot_times", quality=quality,
                                              count=count)

    def _draw_list(self) -> None:
        if not self.spotted:
            self.list_view.value = f"<p>{escape(t('leadership.spot_list_empty'))}</p>"
        else:
            items = "".join(f"<li>{escape(self._describe(q, n))}</li>" for q, n in self.counts())
            self.list_view.value = f"<ul>{items}</ul>"

    def reset_answers(self) -> None:
        """Empty the list and the screen."""
        self.spotted = []
        self.screen.value = ""
        self.chooser.value = None
        self._draw_list()

    def handout(self) -> Handout:
        """A poster of the strengths spotted today, in large type, with no names."""
        handout = Handout(t("leadership.spot_list_heading"), t("leadership.spot_poster_intro"),
                          large_print=True)
        handout.add(t("leadership.spot_poster_section"),
                    [self._describe(q, n) for q, n in self.counts()])
        return handout


def strength_spotting(guide: str = "leadership/strength-spotting.yaml",
                      qualities: str = "leadership/qualities.yaml"):
    """The strength spotting round; a clear message if a content file is broken."""
    return from_files(StrengthSpotting, SPOTTING.at(guide), QUALITIES.at(qualities))


# ---- 4. shared leadership roles ----


class SharedRoles(Exercise):
    """A rota of session roles: one box per role per session, and a printable download.

    Names stay in this page and go only into the download. Empty boxes are left out of it.
    """

    prepare_key = "leadership.rota_prepare"
    clear_key = "leadership.rota_clear"
    cleared_key = "leadership.rota_cleared"

    def __init__(self, content: RolesFile, **kwargs):
        self.intro = content.intro
        self.roles = content.roles
        self.sessions = content.sessions
        self.boxes: dict[tuple[int, str], widgets.Text] = {}
        self.when_boxes: dict[int, widgets.Text] = {}
        super().__init__(download="shared-roles", **kwargs)
        self.clear_button.add_class("qa-rota-clear")
        self.watch(*self._all_boxes())
        self.add_class("pack-shared-roles")

    def build(self) -> list[widgets.Widget]:
        described = "".join(f"<li><strong>{escape(r.name)}</strong>: {escape(r.does)}</li>"
                            for r in self.roles)
        header = widgets.HTML(f"<p>{escape(self.intro)}</p><ul>{described}</ul>"
                              f"<p>{escape(t('leadership.rota_privacy'))}</p>")
        session_boxes = []
        for session in range(1, self.sessions + 1):
            when = widgets.Text(description=t("leadership.rota_when", session=session),
                                continuous_update=False, **label_above("100%"))
            when.add_class("qa-rota-when")
            self.when_boxes[session] = when
            fields: list[widgets.Widget] = [when]
            for role in self.roles:
                box = widgets.Text(description=t("leadership.rota_field", session=session,
                                                 role=role.name),
                                   continuous_update=False, **label_above("100%"))
                box.add_class(f"qa-rota-{role.id}")
                self.boxes[(session, role.id)] = box
                fields.append(box)
            for field in fields:
                field.observe(lambda _: self._on_edit(), names="value")
            panel = widgets.VBox(
                [widgets.HTML(f"<h4>{escape(t('leadership.rota_session', session=session))}</h4>"),
                 *fields],
                layout=widgets.Layout(border="2px solid #0b0c0c", padding="0 1rem 0.5rem"))
            panel.add_class("qa-rota-session")
            session_boxes.append(panel)
        # Side by side where there is room; one column on a projector or a phone.
        grid = widgets.GridBox(session_boxes, layout=widgets.Layout(
            grid_template_columns="repeat(auto-fit, minmax(min(100%, 20em), 1fr))",
            grid_gap="0.75rem", margin="0 0 0.75rem"))
        return [header, grid, self.status, self.download, self.clear_button]

    def fill(self, session: int, role: str, name: str) -> None:
        """Type ``name`` into the box for ``role`` in ``session``. KeyError if there is none."""
        self.boxes[(session, role)].value = name

    def set_when(self, session: int, when: str) -> None:
        self.when_boxes[session].value = when

    def problems(self) -> list[str]:
        """A message for each box over the limit (nothing is cut)."""
        return [box.description for box in self._all_boxes()
                if check_text(box.value, ROTA_NAME_LIMIT).too_long]

    def _all_boxes(self) -> list[widgets.Text]:
        """Every box, in page order: each session's date, then its roles."""
        return [box for session in range(1, self.sessions + 1)
                for box in [self.when_boxes[session],
                            *(self.boxes[(session, role.id)] for role in self.roles)]]

    def _on_edit(self) -> None:
        problems = self.problems()
        if problems:
            self.status.say(t("leadership.rota_too_long", boxes="; ".join(problems),
                              limit=ROTA_NAME_LIMIT))
        else:
            self.status.say("")

    def handout(self) -> Handout | str:
        """The rota: what each role does, then each session with the names typed in.

        Empty boxes, and sessions with no names, are left out.
        """
        if self.problems():
            return t("handout.waiting")
        sessions = []
        for session in range(1, self.sessions + 1):
            items = []
            for role in self.roles:
                name = check_text(self.boxes[(session, role.id)].value).text
                if name:
                    items.append(t("leadership.rota_item", role=role.name, name=name))
            when = check_text(self.when_boxes[session].value).text
            heading = t("leadership.rota_session", session=session)
            if when:
                heading = t("leadership.rota_session_when", session=session, when=when)
            if items:
                sessions.append((heading, items))
        if not sessions:
            return t("leadership.rota_empty")
        handout = Handout(t("leadership.rota_title"), self.intro)
        handout.add(t("leadership.rota_roles_heading"),
                    [t("leadership.rota_item", role=r.name, name=r.does) for r in self.roles])
        for heading, items in sessions:
            handout.add(heading, items)
        return handout

    def reset_answers(self) -> None:
        """Empty every box."""
        for box in self._all_boxes():
            box.value = ""


def shared_roles(path: str = "leadership/roles.yaml"):
    """The shared leadership rota; a clear message if the roles file is broken."""
    return from_files(SharedRoles, ROLES.at(path))
