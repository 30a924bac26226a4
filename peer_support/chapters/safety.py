"""The Safety chapter's exercises.

- :class:`AgreementBuilder`: the group picks suggested agreements, edits them, adds its own, puts
  them in order with Move up / Move down, and downloads a large-print poster.
- :class:`SafetyCheckIn`: an optional 0 to 10 "how safe does this space feel today?" scale with
  Pass. It answers gently and stores nothing.
- :class:`KnotCard`: the human knot as a facilitator card, no-touch version first, with a
  printable copy.
- :class:`KnotPuzzle`: an on-screen "untangle the circle" puzzle for remote or seated groups,
  worked entirely with buttons, with a drawing and a text description of the circle.

The venue safety checklist uses :func:`peer_support.checklist.checklist`.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass

import ipywidgets as widgets
from ipywidgets.widgets.widget_bool import CheckboxStyle
from ipywidgets.widgets.widget_string import LabelStyle

from ..content import Checker, ContentError, load_yaml
from ..i18n import t
from ..kit.blocks import error_block
from ..kit.choice import PASS, ChoiceScale
from ..kit.handout import DownloadPanel, Handout
from ..kit.status import LiveStatus
from ..text import check_text, escape

__all__ = [
    "AgreementBuilder",
    "KnotCard",
    "KnotPuzzle",
    "SafetyCheckIn",
    "agreement_builder",
    "knot_card",
    "knot_puzzle",
    "load_agreements",
    "load_check_in",
    "load_knot_card",
    "load_knot_puzzle",
    "safety_check_in",
]

#: The longest agreement kept on the poster, in characters (longer text stays in its box whole).
AGREEMENT_LIMIT = 200
SCORES = tuple(range(0, 11))

# ======================================================================================
# Group agreement builder
# ======================================================================================


@dataclass(frozen=True)
class Suggestion:
    """A suggested agreement the group can pick."""

    id: str
    text: str


@dataclass(eq=False)
class Agreement:
    """One agreement on the group's list (tidied text). ``suggestion`` is the id it came from."""

    text: str
    suggestion: str | None = None


def load_agreements(path: str) -> tuple[str, str, list[Suggestion]]:
    """Read and check the suggested agreements file: poster title, poster intro, suggestions."""
    check = Checker(path)
    data = check.mapping(load_yaml(path), "The file")
    title = check.text(data, "title", "The file", 80)
    intro = check.text(data, "intro", "The file", 300, required=False)
    seen: set[str] = set()
    suggestions = []
    for number, entry in enumerate(check.items(data.get("suggestions"), "'suggestions'"),
                                   start=1):
        where = f"Suggestion {number}"
        check.mapping(entry, where)
        suggestions.append(Suggestion(
            id=check.identifier(entry, where, seen),
            text=check.text(entry, "text", where, AGREEMENT_LIMIT),
        ))
    texts = [s.text.casefold() for s in suggestions]
    if len(set(texts)) != len(texts):
        check.fail("two suggestions have the same text")
    return title, intro, suggestions


def extra_suggestions(extra: Sequence[str | Suggestion], existing: Sequence[Suggestion],
                      ) -> list[Suggestion]:
    """Turn extra suggested agreements (for example "builds trust" cards from the Trust
    chapter) into suggestions: tidied, without empty, over-long or repeated ones."""
    seen = {s.text.casefold() for s in existing}
    ids = {s.id for s in existing}
    result = []
    for number, raw in enumerate(extra, start=1):
        text = raw.text if isinstance(raw, Suggestion) else raw
        checked = check_text(text if isinstance(text, str) else "", AGREEMENT_LIMIT)
        if checked.is_empty or checked.too_long or checked.text.casefold() in seen:
            continue
        seen.add(checked.text.casefold())
        suggestion_id = raw.id if isinstance(raw, Suggestion) and raw.id not in ids \
            else f"extra-{number}"
        ids.add(suggestion_id)
        result.append(Suggestion(suggestion_id, checked.text))
    return result


@dataclass
class _Row:
    """The widgets for one agreement on the list."""

    box: widgets.VBox
    view: widgets.HTML
    up: widgets.Button
    down: widgets.Button
    change: widgets.Button
    remove: widgets.Button
    editor: widgets.VBox
    area: widgets.Textarea

    @property
    def editing(self) -> bool:
        return self.editor.layout.display != "none"


class AgreementBuilder(widgets.VBox):
    """Build a group agreement and download it as a large-print poster.

    Each agreement on the list shows its words (large and wrapped, so it reads well on a
    projector) with Move up, Move down, Change wording and Remove buttons. Change wording
    opens a text box with Save and Cancel. Every agreement on the list is always usable:
    empty or over-long wording is refused with a message, and stays in the box.

    Parameters
    ----------
    title, intro : str
        The poster's title and the sentence under it.
    suggestions : sequence of Suggestion or str
        Agreements the group can pick, in the order shown. Plain strings are accepted too, so
        another exercise (for example the Trust chapter's "builds trust" cards) can pass in
        extra suggestions; empty, over-long and repeated ones are left out.
    """

    def __init__(self, title: str, intro: str, suggestions: Sequence[Suggestion | str],
                 **kwargs):
        self.title = title
        self.intro = intro
        given = [s for s in suggestions if isinstance(s, Suggestion)]
        self.suggestions = given + extra_suggestions(
            [s for s in suggestions if not isinstance(s, Suggestion)], given)
        self.agreements: list[Agreement] = []
        self._rows: dict[int, _Row] = {}
        self._syncing = False

        # Shared layout and style models (one per kind of widget, not one per widget), so
        # the page sends far fewer models and loads faster on a slow laptop.
        box_layout = widgets.Layout(width="100%", height="auto")
        box_style = CheckboxStyle()
        self._button_layout = widgets.Layout()
        self._button_style = widgets.ButtonStyle()
        self.checkboxes: dict[str, widgets.Checkbox] = {}
        for suggestion in self.suggestions:
            box = widgets.Checkbox(value=False, description=suggestion.text, indent=False,
                                   layout=box_layout, style=box_style)
            box.add_class("qa-agreement-suggestion")
            box.observe(lambda change, sid=suggestion.id: self._on_choose(sid, change["new"]),
                        names="value")
            self.checkboxes[suggestion.id] = box
        suggestions_box = widgets.VBox([
            widgets.HTML(f"<h4>{escape(t('safety.suggestions_heading'))}</h4>"
                         f"<p>{escape(t('safety.suggestions_hint'))}</p>"),
            *self.checkboxes.values(),
        ])
        suggestions_box.add_class("pack-agreement-suggestions")

        self.list_heading = widgets.HTML(f"<h4>{escape(t('safety.list_heading'))}</h4>")
        self.empty_note = widgets.HTML(f"<p>{escape(t('safety.list_empty'))}</p>")
        self.list_box = widgets.VBox()
        self.list_box.add_class("qa-agreement-list")
        self.own_text = widgets.Textarea(description=t("safety.own_label"), rows=2,
                                         continuous_update=False)
        self.own_text.add_class("qa-agreement-own")
        self.add_button = widgets.Button(description=t("safety.own_add"))
        self.add_button.add_class("qa-agreement-add")
        self.add_button.on_click(lambda _: self.add_own(self.own_text.value))
        self.status = LiveStatus()
        self.status.add_class("qa-agreement-status")
        self.download = DownloadPanel(self.handout, basename="group-agreement",
                                      button_label=t("safety.poster_prepare"))
        self.start_again_button = widgets.Button(description=t("safety.start_again"))
        self.start_again_button.add_class("qa-agreement-start-again")
        self.start_again_button.on_click(lambda _: self.clear())

        our_box = widgets.VBox([
            self.list_heading,
            self.empty_note,
            self.list_box,
            self.own_text,
            self.add_button,
            self.status,
            widgets.HTML(f"<h4>{escape(t('safety.poster_heading'))}</h4>"),
            self.download,
            self.start_again_button,
        ])
        our_box.add_class("pack-agreement-ours")
        super().__init__([suggestions_box, our_box], **kwargs)
        self.add_class("pack-agreement-builder")
        self._draw()

    # ---- state ----

    def texts(self) -> list[str]:
        """The agreements that will go on the poster, in order."""
        return [a.text for a in self.agreements]

    def chosen(self) -> list[str]:
        """Ids of the suggestions on the list, in list order."""
        return [a.suggestion for a in self.agreements if a.suggestion]

    def _find(self, suggestion_id: str) -> Agreement | None:
        return next((a for a in self.agreements if a.suggestion == suggestion_id), None)

    def _check_index(self, index: int) -> Agreement:
        if not 0 <= index < len(self.agreements):
            raise IndexError(f"there is no agreement {index}")
        return self.agreements[index]

    # ---- picking suggestions ----

    def choose(self, suggestion_id: str, chosen: bool = True) -> None:
        """Tick (or untick) a suggestion, as its checkbox does. ``KeyError`` if unknown."""
        self.checkboxes[suggestion_id].value = chosen

    def _on_choose(self, suggestion_id: str, chosen: bool) -> None:
        if self._syncing:
            return
        existing = self._find(suggestion_id)
        if chosen and existing is None:
            text = next(s.text for s in self.suggestions if s.id == suggestion_id)
            self.agreements.append(Agreement(text, suggestion_id))
            self.status.say(t("safety.added", text=text, count=len(self.agreements)))
        elif not chosen and existing is not None:
            self.agreements.remove(existing)
            self.status.say(t("safety.removed", text=existing.text))
        self._draw()

    def _untick(self, suggestion_id: str | None) -> None:
        if suggestion_id and suggestion_id in self.checkboxes:
            self._syncing = True
            try:
                self.checkboxes[suggestion_id].value = False
            finally:
                self._syncing = False

    # ---- the group's own agreements ----

    def add_own(self, raw: str) -> bool:
        """Add an agreement the group wrote. Returns True if it was added.

        Empty, too long or repeated text gets a clear message, and the typed text stays in the
        box so nothing is lost.
        """
        checked = check_text(raw, AGREEMENT_LIMIT)
        if checked.is_empty:
            self.status.say(t("safety.own_empty"))
            return False
        if checked.too_long:
            self.status.say(t("safety.too_long", limit=AGREEMENT_LIMIT, length=checked.length))
            return False
        if any(a.text.casefold() == checked.text.casefold() for a in self.agreements):
            self.status.say(t("safety.duplicate", text=checked.text))
            return False
        self.agreements.append(Agreement(checked.text))
        self.own_text.value = ""
        self.status.say(t("safety.added", text=checked.text, count=len(self.agreements)))
        self._draw()
        return True

    def edit(self, index: int, raw: str) -> bool:
        """Change the words of agreement ``index`` (from 0). Returns True if changed.

        Empty or too-long wording is refused with a clear message; the agreement keeps its
        old words, and whatever was typed stays in the box.
        """
        agreement = self._check_index(index)
        checked = check_text(raw, AGREEMENT_LIMIT)
        if checked.is_empty:
            self.status.say(t("safety.edit_empty", number=index + 1))
            return False
        if checked.too_long:
            self.status.say(t("safety.too_long", limit=AGREEMENT_LIMIT, length=checked.length))
            return False
        agreement.text = checked.text
        self._describe_rows()
        self.download.reset()
        self.status.say(t("safety.edited", number=index + 1))
        return True

    def start_edit(self, index: int) -> None:
        """Open the "change wording" box for agreement ``index`` and put focus in it."""
        agreement = self._check_index(index)
        row = self._rows[id(agreement)]
        row.area.value = agreement.text
        row.editor.layout.display = None
        row.area.focus()
        self.status.say(t("safety.editing", number=index + 1))

    def save_edit(self, index: int) -> bool:
        """Save what is in agreement ``index``'s box; close the box if it was accepted."""
        agreement = self._check_index(index)
        row = self._rows[id(agreement)]
        if not self.edit(index, row.area.value):
            row.area.focus()
            return False
        row.editor.layout.display = "none"
        row.change.focus()
        return True

    def cancel_edit(self, index: int) -> None:
        """Close agreement ``index``'s box without changing its words."""
        agreement = self._check_index(index)
        row = self._rows[id(agreement)]
        row.editor.layout.display = "none"
        row.area.value = agreement.text
        row.change.focus()
        self.status.say(t("safety.edit_cancelled", number=index + 1))

    # ---- ordering and removing ----

    def move(self, index: int, step: int) -> int:
        """Move agreement ``index`` up (``step=-1``) or down (``step=1``); return where it is now.

        At the top or bottom it stays put and says so. Keyboard focus stays on the moved
        agreement's button, so pressing again keeps moving it.
        """
        agreement = self._check_index(index)
        target = index + step
        if step not in (-1, 1):
            raise ValueError("step must be -1 or 1")
        if not 0 <= target < len(self.agreements):
            self.status.say(t("safety.at_top" if step < 0 else "safety.at_bottom",
                              text=agreement.text))
            return index
        self.agreements[index], self.agreements[target] = (self.agreements[target],
                                                           agreement)
        self.status.say(t("safety.moved", text=agreement.text, number=target + 1,
                          count=len(self.agreements)))
        self._draw()
        row = self._rows[id(agreement)]
        (row.up if step < 0 else row.down).focus()
        return target

    def move_up(self, index: int) -> int:
        return self.move(index, -1)

    def move_down(self, index: int) -> int:
        return self.move(index, 1)

    def remove(self, index: int) -> None:
        """Take agreement ``index`` off the list (and untick its suggestion)."""
        agreement = self._check_index(index)
        self.agreements.remove(agreement)
        self._untick(agreement.suggestion)
        self.status.say(t("safety.removed", text=agreement.text))
        self._draw()
        # The pressed button is gone: focus the agreement that took its place, or the box.
        if self.agreements:
            nearest = self.agreements[min(index, len(self.agreements) - 1)]
            self._rows[id(nearest)].change.focus()
        else:
            self.own_text.focus()

    def clear(self) -> None:
        """Start again: an empty list, every suggestion unticked, no poster."""
        for agreement in list(self.agreements):
            self._untick(agreement.suggestion)
        self.agreements.clear()
        self.status.say(t("safety.cleared"))
        self._draw()

    # ---- drawing ----

    def _make_row(self, agreement: Agreement) -> _Row:
        def at() -> int:
            return self.agreements.index(agreement)

        view = widgets.HTML()
        view.add_class("qa-agreement-text")
        buttons = {}
        for key, label, action in (
                ("up", t("safety.move_up"), lambda: self.move(at(), -1)),
                ("down", t("safety.move_down"), lambda: self.move(at(), 1)),
                ("change", t("safety.change"), lambda: self.start_edit(at())),
                ("remove", t("safety.remove"), lambda: self.remove(at()))):
            button = widgets.Button(description=label, layout=self._button_layout,
                                    style=self._button_style)
            button.add_class(f"qa-agreement-{key}")
            button.on_click(lambda _, action=action: action())
            buttons[key] = button
        button_row = widgets.HBox(list(buttons.values()))
        button_row.add_class("pack-row-buttons")
        area = widgets.Textarea(continuous_update=False, rows=3)
        area.add_class("qa-agreement-edit")
        save = widgets.Button(description=t("safety.save"), layout=self._button_layout,
                              style=self._button_style)
        save.add_class("qa-agreement-save")
        save.on_click(lambda _: self.save_edit(at()))
        cancel = widgets.Button(description=t("safety.cancel"), layout=self._button_layout,
                                style=self._button_style)
        cancel.add_class("qa-agreement-cancel")
        cancel.on_click(lambda _: self.cancel_edit(at()))
        editor = widgets.VBox([area, widgets.HBox([save, cancel])],
                              layout=widgets.Layout(display="none"))
        editor.add_class("pack-agreement-editor")
        box = widgets.VBox([view, button_row, editor])
        box.add_class("pack-agreement-row")
        return _Row(box, view, buttons["up"], buttons["down"], buttons["change"],
                    buttons["remove"], editor, area)

    def _describe_rows(self) -> None:
        """Show each agreement's number and words, and name its buttons after it."""
        for number, agreement in enumerate(self.agreements, start=1):
            row = self._rows[id(agreement)]
            row.view.value = (f'<p class="pack-agreement-text"><strong>{number}.</strong> '
                              f"{escape(agreement.text)}</p>")
            row.area.description = t("safety.edit_label", number=number)
            row.up.tooltip = t("safety.move_up_named", text=agreement.text)
            row.down.tooltip = t("safety.move_down_named", text=agreement.text)
            row.change.tooltip = t("safety.change_named", text=agreement.text)
            row.remove.tooltip = t("safety.remove_named", text=agreement.text)

    def _draw(self) -> None:
        keep = {id(a) for a in self.agreements}
        self._rows = {key: row for key, row in self._rows.items() if key in keep}
        for agreement in self.agreements:
            if id(agreement) not in self._rows:
                self._rows[id(agreement)] = self._make_row(agreement)
        self.list_box.children = [self._rows[id(a)].box for a in self.agreements]
        self.empty_note.layout.display = "none" if self.agreements else None
        self._describe_rows()
        self.download.reset()

    # ---- the poster ----

    def handout(self) -> Handout | str:
        """The poster: the agreements in order, in large type.

        Returns a message instead while a "change wording" box holds words not yet saved, so
        the poster never leaves out a change someone made.
        """
        for number, agreement in enumerate(self.agreements, start=1):
            row = self._rows[id(agreement)]
            if row.editing and check_text(row.area.value).text != agreement.text:
                return t("safety.poster_unsaved", number=number)
        handout = Handout(self.title, self.intro, large_print=True)
        handout.add(t("safety.poster_section"), self.texts())
        return handout


def agreement_builder(path: str = "safety/agreements.yaml",
                      suggestions: Sequence[str] = ()):
    """The group agreement builder from a suggestions file in ``assets/``.

    ``suggestions`` adds extra suggested agreements after the file's own (for example the
    "builds trust" cards a group sorted in the Trust chapter).
    """
    try:
        title, intro, loaded = load_agreements(path)
    except ContentError as error:
        return error_block(error)
    return AgreementBuilder(title, intro, [*loaded, *suggestions])


# ======================================================================================
# Safety check-in
# ======================================================================================


@dataclass(frozen=True)
class Band:
    """A range of scores (inclusive) and the gentle reply shown for them."""

    low: int
    high: int
    message: str


@dataclass(frozen=True)
class CheckInContent:
    question: str
    hint: str
    pass_message: str
    bands: list[Band]


def load_check_in(path: str) -> CheckInContent:
    """Read and check the check-in file. Its bands must cover 0 to 10, each score once."""
    check = Checker(path)
    data = check.mapping(load_yaml(path), "The file")
    bands = []
    for number, entry in enumerate(check.items(data.get("bands"), "'bands'"), start=1):
        where = f"Band {number}"
        check.mapping(entry, where)
        low, high = entry.get("low"), entry.get("high")
        if not all(isinstance(v, int) and not isinstance(v, bool) and v in SCORES
                   for v in (low, high)) or low > high:
            check.fail(f"{where} needs 'low' and 'high' as whole numbers from 0 to 10, "
                       "with low no bigger than high")
        bands.append(Band(low, high, check.text(entry, "message", where, 400)))
    covered = sorted(score for band in bands for score in range(band.low, band.high + 1))
    if covered != list(SCORES):
        check.fail("the bands should cover every score from 0 to 10 exactly once")
    return CheckInContent(
        question=check.text(data, "question", "The file", 150),
        hint=check.text(data, "hint", "The file", 300, required=False),
        pass_message=check.text(data, "pass_message", "The file", 300),
        bands=sorted(bands, key=lambda band: band.low),
    )


class SafetyCheckIn(widgets.VBox):
    """An optional 0 to 10 scale with Pass. It replies gently and keeps nothing.

    What to do about low scores is for the facilitator notes (facilitator view only); the
    scale itself never shows or counts anyone's answer but the one on this screen.
    """

    def __init__(self, content: CheckInContent, **kwargs):
        self.content = content
        self.scale = ChoiceScale(content.question, [(str(n), str(n)) for n in SCORES])
        self.scale.add_class("qa-check-in")
        self.scale.on_choice(self._on_choice)
        self.hint = widgets.HTML(f'<p class="pack-muted">{escape(content.hint)}</p>')
        # The hint explains the scale, so it goes between the question and the numbers.
        question, numbers, noted = self.scale.children
        self.scale.children = [question, self.hint, numbers, noted]
        self.reply = LiveStatus()
        self.reply.add_class("qa-check-in-reply")
        self.clear_button = widgets.Button(description=t("safety.check_in_clear"))
        self.clear_button.add_class("qa-check-in-clear")
        self.clear_button.on_click(lambda _: self.clear())
        super().__init__([self.scale, self.reply, self.clear_button], **kwargs)
        self.add_class("pack-check-in")

    def rate(self, score: int | str) -> None:
        """Choose a score from 0 to 10, or ``"pass"``, as its button does."""
        key = PASS if score == PASS else str(score)
        if key != PASS and (not isinstance(score, int) or isinstance(score, bool)
                            or score not in SCORES):
            raise ValueError(f"a score is a whole number from 0 to 10, or 'pass', not {score!r}")
        self.scale.choose(key)

    @property
    def score(self) -> int | None:
        """The score chosen, or None if she passed or hasn't answered."""
        choice = self.scale.choice
        return None if choice in (None, PASS) else int(choice)

    @property
    def passed(self) -> bool:
        return self.scale.choice == PASS

    def message(self) -> str | None:
        """The reply for the current choice, or None before any choice."""
        if self.passed:
            return self.content.pass_message
        if self.score is None:
            return None
        return next(b.message for b in self.content.bands if b.low <= self.score <= b.high)

    def _on_choice(self, key: str) -> None:
        # One announcement, not two: "Noted: 3." and the reply together.
        noted = self.scale.status.message
        self.scale.status.say("")
        self.reply.say(f"{noted} {self.message()}")

    def clear(self) -> None:
        """Forget the answer."""
        self.scale.clear()
        self.reply.say(t("safety.check_in_cleared"))


def safety_check_in(path: str = "safety/check-in.yaml"):
    """The safety check-in from a file in ``assets/``; a calm message if it is broken."""
    try:
        return SafetyCheckIn(load_check_in(path))
    except ContentError as error:
        return error_block(error)


# ======================================================================================
# Human knot: facilitator card
# ======================================================================================


@dataclass(frozen=True)
class KnotVersion:
    id: str
    title: str
    steps: list[str]


@dataclass(frozen=True)
class KnotCardContent:
    title: str
    purpose: str
    sitting_out: str
    versions: list[KnotVersion]
    safety: list[str]
    debrief: list[str]


def load_knot_card(path: str) -> KnotCardContent:
    """Read and check the human knot card file."""
    check = Checker(path)
    data = check.mapping(load_yaml(path), "The file")
    seen: set[str] = set()
    versions = []
    for number, entry in enumerate(check.items(data.get("versions"), "'versions'", 2), start=1):
        where = f"Version {number}"
        check.mapping(entry, where)
        versions.append(KnotVersion(
            id=check.identifier(entry, where, seen),
            title=check.text(entry, "title", where, 80),
            steps=check.texts(entry, "steps", where, 2, 400),
        ))
    return KnotCardContent(
        title=check.text(data, "title", "The file", 80),
        purpose=check.text(data, "purpose", "The file", 500),
        sitting_out=check.text(data, "sitting_out", "The file", 300),
        versions=versions,
        safety=check.texts(data, "safety", "The file", 1, 400),
        debrief=check.texts(data, "debrief", "The file", 1, 300),
    )


def _list_html(items: Sequence[str], ordered: bool = False) -> str:
    tag = "ol" if ordered else "ul"
    return f"<{tag}>" + "".join(f"<li>{escape(item)}</li>" for item in items) + f"</{tag}>"


class KnotCard(widgets.VBox):
    """The human knot as a card: purpose, that sitting out is fine, one version's steps at a
    time (the first version, no-touch, is shown at the start), safety and debrief, and a
    printable copy of the whole card."""

    def __init__(self, content: KnotCardContent, **kwargs):
        self.content = content
        self.versions = {v.id: v for v in content.versions}
        header = widgets.HTML(
            f'<div class="pack-card"><h3>{escape(content.title)}</h3>'
            f"<p>{escape(content.purpose)}</p>"
            f'<p class="pack-message"><strong>{escape(content.sitting_out)}</strong></p></div>')
        self.chooser = ChoiceScale(t("safety.knot_choose"),
                                   [(v.id, v.title) for v in content.versions], allow_pass=False)
        self.chooser.add_class("qa-knot-versions")
        self.chooser.on_choice(lambda key: self._draw_steps())
        self.steps_view = widgets.HTML()
        self.steps_view.add_class("qa-knot-steps")
        rest = widgets.HTML(
            f"<h4>{escape(t('safety.knot_safety'))}</h4>{_list_html(content.safety)}"
            f"<h4>{escape(t('safety.knot_debrief'))}</h4>{_list_html(content.debrief)}")
        self.download = DownloadPanel(self.handout, basename="human-knot-card",
                                      button_label=t("safety.knot_prepare"))
        super().__init__([header, self.chooser, self.steps_view, rest, self.download], **kwargs)
        self.add_class("pack-knot-card")
        self.chooser.show(content.versions[0].id)
        self._draw_steps()

    @property
    def shown(self) -> KnotVersion:
        return self.versions[self.chooser.choice]

    def show_version(self, version_id: str) -> None:
        """Show one version's steps, as its button does. ``KeyError`` if unknown."""
        if version_id not in self.versions:
            raise KeyError(version_id)
        self.chooser.choose(version_id)

    def _draw_steps(self) -> None:
        version = self.shown
        self.steps_view.value = (f"<h4>{escape(version.title)}</h4>"
                                 f"{_list_html(version.steps, ordered=True)}")

    def handout(self) -> Handout:
        """The whole card, every version, ready to print."""
        content = self.content
        handout = Handout(content.title, content.purpose)
        handout.add(t("safety.knot_sitting_out"), [content.sitting_out])
        for version in content.versions:
            handout.add(version.title,
                        [f"{n}. {step}" for n, step in enumerate(version.steps, start=1)])
        handout.add(t("safety.knot_safety"), content.safety)
        handout.add(t("safety.knot_debrief"), content.debrief)
        return handout


def knot_card(path: str = "safety/human-knot.yaml"):
    """The human knot card from a file in ``assets/``; a calm message if it is broken."""
    try:
        return KnotCard(load_knot_card(path))
    except ContentError as error:
        return error_block(error)


# ======================================================================================
# Human knot: "untangle the circle" puzzle
# ======================================================================================


@dataclass(frozen=True)
class PuzzleSpec:
    """People in their starting order around the circle, and the pairs joined by a scarf."""

    people: list[str]
    links: list[tuple[str, str]]


def load_knot_puzzle(path: str) -> PuzzleSpec:
    """Read and check the puzzle file. The links must join everyone into one loop, and the
    starting circle must not be untangled already."""
    check = Checker(path)
    data = check.mapping(load_yaml(path), "The file")
    people = check.texts(data, "people", "The file", 4, 20)
    if len(people) > 10:
        check.fail("'people' should have 10 names or fewer")
    if len({p.casefold() for p in people}) != len(people):
        check.fail("'people' has the same name twice")
    links = []
    for number, pair in enumerate(check.items(data.get("links"), "'links'", 4), start=1):
        if (not isinstance(pair, list) or len(pair) != 2
                or not all(isinstance(p, str) and p.strip() in people for p in pair)
                or pair[0].strip() == pair[1].strip()):
            check.fail(f"Link {number} should be two different names from 'people'")
        links.append((pair[0].strip(), pair[1].strip()))
    if any(sum(person in link for link in links) != 2 for person in people):
        check.fail("every person should be in exactly two links")
    if not _one_loop(people, links):
        check.fail("the links should join everyone into one loop")
    spec = PuzzleSpec(people, links)
    if _side_by_side(people, links) == len(links):
        check.fail("the starting circle is already untangled")
    return spec


def _one_loop(people: Sequence[str], links: Sequence[tuple[str, str]]) -> bool:
    reached, frontier = {people[0]}, [people[0]]
    while frontier:
        person = frontier.pop()
        for a, b in links:
            for x, y in ((a, b), (b, a)):
                if x == person and y not in reached:
                    reached.add(y)
                    frontier.append(y)
    return len(reached) == len(people) and len(links) == len(people)


def _adjacent(order: Sequence[str], a: str, b: str) -> bool:
    gap = abs(order.index(a) - order.index(b))
    return gap in (1, len(order) - 1)


def _side_by_side(order: Sequence[str], links: Sequence[tuple[str, str]]) -> int:
    return sum(_adjacent(order, a, b) for a, b in links)


def _crossings(order: Sequence[str], links: Sequence[tuple[str, str]]) -> int:
    """How many pairs of scarves cross, with people evenly spaced around the circle."""
    count = 0
    for (a, b), (c, d) in itertools.combinations(links, 2):
        if {a, b} & {c, d}:
            continue
        low, high = sorted((order.index(a), order.index(b)))
        inside = [low < order.index(x) < high for x in (c, d)]
        count += inside[0] != inside[1]
    return count


class KnotPuzzle(widgets.VBox):
    """Untangle the circle: move people round until each stands beside the two she is
    joined to. Worked with Move up / Move down buttons; the drawing has a text description
    beside it, and progress is announced."""

    _ids = itertools.count(1)

    def __init__(self, spec: PuzzleSpec, **kwargs):
        self.spec = spec
        self.order = list(spec.people)
        self.number = next(self._ids)
        self.picture = widgets.HTML()
        self.picture.add_class("qa-knot-picture")
        self.rows: dict[str, tuple[widgets.HBox, widgets.Label, widgets.Button,
                                   widgets.Button]] = {}
        # Shared layout and style models for the rows (see AgreementBuilder).
        label_layout = widgets.Layout(min_width="5.5em")
        label_style = LabelStyle()
        button_layout = widgets.Layout()
        button_style = widgets.ButtonStyle()
        row_layout = widgets.Layout(align_items="center")
        for person in spec.people:
            label = widgets.Label(layout=label_layout, style=label_style)
            label.add_class("pack-knot-place")
            up = widgets.Button(description=t("safety.move_up"),
                                tooltip=t("safety.move_up_named", text=person),
                                layout=button_layout, style=button_style)
            up.add_class("qa-knot-up")
            up.on_click(lambda _, p=person: self.move(p, -1))
            down = widgets.Button(description=t("safety.move_down"),
                                  tooltip=t("safety.move_down_named", text=person),
                                  layout=button_layout, style=button_style)
            down.add_class("qa-knot-down")
            down.on_click(lambda _, p=person: self.move(p, 1))
            row = widgets.HBox([label, up, down], layout=row_layout)
            row.add_class("pack-knot-row")
            self.rows[person] = (row, label, up, down)
        self.list_box = widgets.VBox()
        self.list_box.add_class("qa-knot-order")
        self.status = LiveStatus()
        self.status.add_class("qa-knot-status")
        self.reset_button = widgets.Button(description=t("safety.knot_reset"))
        self.reset_button.add_class("qa-knot-reset")
        self.reset_button.on_click(lambda _: self.reset())
        intro = widgets.HTML(f"<p>{escape(t('safety.knot_puzzle_intro'))}</p>")
        heading = widgets.HTML(f"<h4>{escape(t('safety.knot_order_heading'))}</h4>")
        super().__init__([intro, self.picture, heading, self.list_box, self.status,
                          self.reset_button], **kwargs)
        self.add_class("pack-knot-puzzle")
        self._draw()
        self.status.say(self.progress())

    # ---- state ----

    def side_by_side(self) -> int:
        """How many scarves join people who stand next to each other."""
        return _side_by_side(self.order, self.spec.links)

    def crossings(self) -> int:
        return _crossings(self.order, self.spec.links)

    @property
    def solved(self) -> bool:
        return self.side_by_side() == len(self.spec.links)

    def progress(self) -> str:
        if self.solved:
            return t("safety.knot_solved")
        return t("safety.knot_progress", joined=self.side_by_side(), total=len(self.spec.links),
                 crossings=self.crossings())

    def move(self, person: str, step: int) -> int:
        """Move ``person`` one place up (``-1``) or down (``1``) the list, swapping with her
        neighbour; return her new place (from 0). At either end she stays and it says so."""
        if person not in self.order:
            raise KeyError(person)
        if step not in (-1, 1):
            raise ValueError("step must be -1 or 1")
        index = self.order.index(person)
        target = index + step
        if not 0 <= target < len(self.order):
            self.status.say(t("safety.at_top" if step < 0 else "safety.at_bottom", text=person))
            return index
        self.order[index], self.order[target] = self.order[target], person
        self._draw()
        self.status.say(f"{t('safety.knot_moved', person=person, place=target + 1)} "
                        f"{self.progress()}")
        _, _, up, down = self.rows[person]
        (up if step < 0 else down).focus()
        return target

    def reset(self) -> None:
        """Back to the starting knot."""
        self.order = list(self.spec.people)
        self._draw()
        self.status.say(f"{t('safety.knot_reset_done')} {self.progress()}")

    # ---- drawing ----

    def neighbours(self, person: str) -> tuple[str, str]:
        index = self.order.index(person)
        return self.order[index - 1], self.order[(index + 1) % len(self.order)]

    def linked(self, person: str) -> list[str]:
        return [b if a == person else a for a, b in self.spec.links if person in (a, b)]

    def description(self) -> list[str]:
        """The text alternative: for each person, who she is joined to and who is beside her."""
        lines = []
        for person in self.order:
            first, second = self.linked(person)
            left, right = self.neighbours(person)
            lines.append(t("safety.knot_describe", person=person, first=first, second=second,
                           left=left, right=right))
        return lines

    def svg(self) -> str:
        """The circle as an accessible SVG drawing (every name escaped)."""
        size, centre, radius = 320, 160, 118
        points = {}
        for place, person in enumerate(self.order):
            angle = -math.pi / 2 + 2 * math.pi * place / len(self.order)
            points[person] = (centre + radius * math.cos(angle), centre + radius * math.sin(angle))
        title_id = f"pack-knot-title-{self.number}"
        desc_id = f"pack-knot-desc-{self.number}"
        parts = [
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" role="img" '
            f'aria-labelledby="{title_id} {desc_id}" class="pack-knot-svg" '
            'style="width:100%;max-width:22em;height:auto;display:block">',
            f'<title id="{title_id}">{escape(t("safety.knot_picture_title"))}</title>',
            f'<desc id="{desc_id}">{escape(self.progress())}</desc>',
            f'<circle cx="{centre}" cy="{centre}" r="{radius}" fill="none" stroke="#505a5f" '
            'stroke-width="1" stroke-dasharray="4 6"/>',
        ]
        for a, b in self.spec.links:
            (x1, y1), (x2, y2) = points[a], points[b]
            parts.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
                         'stroke="#003078" stroke-width="4" stroke-linecap="round"/>')
        for person, (x, y) in points.items():
            parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="27" fill="#ffffff" '
                         'stroke="#0b0c0c" stroke-width="3"/>')
            parts.append(f'<text x="{x:.1f}" y="{y + 6:.1f}" text-anchor="middle" '
                         'font-size="17" font-weight="700" fill="#0b0c0c" '
                         f'font-family="Arial, sans-serif">{escape(person)}</text>')
        parts.append("</svg>")
        return "".join(parts)

    def _draw(self) -> None:
        items = "".join(f"<li>{escape(line)}</li>" for line in self.description())
        self.picture.value = (
            '<div class="pack-knot-figure">'
            f"{self.svg()}"
            f"<h4>{escape(t('safety.knot_text_heading'))}</h4><ul>{items}</ul></div>")
        for place, person in enumerate(self.order, start=1):
            self.rows[person][1].value = t("safety.knot_place", place=place, person=person)
        self.list_box.children = [self.rows[p][0] for p in self.order]


def knot_puzzle(path: str = "safety/knot-puzzle.yaml"):
    """The "untangle the circle" puzzle from a file in ``assets/``; a calm message if broken."""
    try:
        return KnotPuzzle(load_knot_puzzle(path))
    except ContentError as error:
        return error_block(error)
