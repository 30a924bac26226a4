"""The Safety chapter's own exercises.

- :class:`AgreementBuilder`: the group picks suggested agreements, edits them, adds its own, puts
  them in order with Move up / Move down (a kit :class:`~peer_support.kit.editable_list.
  EditableList`), and downloads a large-print poster.
The human knot's card and puzzle are in :mod:`peer_support.chapters.human_knot`; the safety
check-in ("how safe does this space feel today?") is a kit check-in and the venue safety
checklist a kit checklist (each only a content file).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import ipywidgets as widgets
from ipywidgets.widgets.widget_bool import CheckboxStyle

from ..content import rules
from ..i18n import t
from ..kit.base import Exercise, from_files
from ..kit.editable_list import Action, EditableList, Refusal
from ..kit.handout import Handout
from ..kit.html import button
from ..text import check_text, escape

__all__ = [
    "AGREEMENTS",
    "AgreementBuilder",
    "agreement_builder",
]

#: What the list says after each event (each key takes the text and the number it needs).
EVENT_KEYS = {"at_top": "safety.at_top", "at_bottom": "safety.at_bottom",
              "editing": "safety.editing", "edited": "safety.edited",
              "edit_cancelled": "safety.edit_cancelled"}
#: The longest agreement kept on the poster, in characters (longer text stays in its box whole).
AGREEMENT_LIMIT = 200

# ======================================================================================
# Group agreement builder
# ======================================================================================


@dataclass(frozen=True)
class Suggestion:
    """A suggested agreement the group can pick."""

    id: str = rules.identifier()
    text: str = rules.text(AGREEMENT_LIMIT, "The agreement, in the group's voice.", unique=True)


@dataclass(frozen=True)
class AgreementsFile:
    title: str = rules.text(80, "The poster's title.")
    suggestions: list[Suggestion] = rules.items(Suggestion, "suggestion", "Agreements the group "
                                                "can pick, in the order shown.")
    intro: str = rules.text(300, "The sentence under the poster's title.", required=False)


AGREEMENTS = rules.Kind(AgreementsFile, "Suggested group agreements")


@dataclass(eq=False)
class Agreement:
    """One agreement on the group's list (tidied text). ``suggestion`` is the id it came from."""

    text: str
    suggestion: str | None = None


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


class AgreementBuilder(Exercise):
    """Build a group agreement and download it as a large-print poster.

    Each agreement on the list shows its words (large and wrapped, so it reads well on a
    projector) with Move up, Move down, Change wording and Remove buttons. Change wording
    opens a text box with Save and Cancel. Every agreement on the list is always usable:
    empty or over-long wording is refused with a message, and stays in the box.

    Parameters
    ----------
    content : AgreementsFile
        The poster's title and intro, and the suggestions the group can pick.
    suggestions : sequence of str
        Extra suggested agreements after the file's own (for example the Trust chapter's
        "builds trust" cards); empty, over-long and repeated ones are left out.
    """

    prepare_key = "safety.poster_prepare"
    clear_key = "safety.start_again"
    cleared_key = "safety.cleared"

    def __init__(self, content: AgreementsFile, suggestions: Sequence[str] = (), **kwargs):
        self.title = content.title
        self.intro = content.intro
        given = list(content.suggestions)
        self.suggestions = given + extra_suggestions(list(suggestions), given)
        self._syncing = False

        # Shared layout and style models (one per kind of widget, not one per widget), so
        # the page sends far fewer models and loads faster on a slow laptop.
        box_layout = widgets.Layout(width="100%", height="auto")
        box_style = CheckboxStyle()
        self.checkboxes: dict[str, widgets.Checkbox] = {}
        for suggestion in self.suggestions:
            box = widgets.Checkbox(value=False, description=suggestion.text, indent=False,
                                   layout=box_layout, style=box_style)
            box.add_class("qa-agreement-suggestion")
            box.observe(lambda change, sid=suggestion.id: self._on_choose(sid, change["new"]),
                        names="value")
            self.checkboxes[suggestion.id] = box
        self.empty_note = widgets.HTML(f"<p>{escape(t('safety.list_empty'))}</p>")
        self.own_text = widgets.Textarea(description=t("safety.own_label"), rows=2,
                                         continuous_update=False)
        self.own_text.add_class("qa-agreement-own")
        self.add_button = button(t("safety.own_add"), "qa-agreement-add",
                                 lambda: self.add_own(self.own_text.value))
        super().__init__(download="group-agreement", **kwargs)
        self.status.add_class("qa-agreement-status")
        self.clear_button.add_class("qa-agreement-start-again")
        self.watch(self.list)
        self.add_class("pack-agreement-builder")
        self._draw()

    def build(self) -> list[widgets.Widget]:
        def named(key: str):
            return lambda _n, agreement: t(key, text=agreement.text)

        self.list = EditableList(
            [Action("up", lambda *_: t("safety.move_up"), "qa-agreement-up",
                    named("safety.move_up_named")),
             Action("down", lambda *_: t("safety.move_down"), "qa-agreement-down",
                    named("safety.move_down_named")),
             Action("change", lambda *_: t("safety.change"), "qa-agreement-change",
                    named("safety.change_named")),
             Action("remove", lambda *_: t("safety.remove"), "qa-agreement-remove",
                    named("safety.remove_named"))],
            describe=lambda n, agreement: (f'<p class="pack-agreement-text"><strong>{n + 1}.'
                                           f"</strong> {escape(agreement.text)}</p>"),
            announce=self._announce, home=self.own_text, check=self._check_edit,
            inline_edit=lambda n: t("safety.edit_label", number=n + 1),
            edit_text=lambda agreement: agreement.text, row_classes=("pack-agreement-row",),
            css_prefix="qa-agreement", status=self.status)
        self.list.add_class("qa-agreement-list")
        self.list.on_change(self._draw)
        self.list.on_removed(lambda agreement: self._untick(agreement.suggestion))
        suggestions_box = widgets.VBox([
            widgets.HTML(f"<h4>{escape(t('safety.suggestions_heading'))}</h4>"
                         f"<p>{escape(t('safety.suggestions_hint'))}</p>"),
            *self.checkboxes.values(),
        ])
        suggestions_box.add_class("pack-agreement-suggestions")
        our_box = widgets.VBox([
            widgets.HTML(f"<h4>{escape(t('safety.list_heading'))}</h4>"),
            self.empty_note,
            self.list,
            self.own_text,
            self.add_button,
            self.status,
            widgets.HTML(f"<h4>{escape(t('safety.poster_heading'))}</h4>"),
            self.download,
            self.clear_button,
        ])
        our_box.add_class("pack-agreement-ours")
        return [suggestions_box, our_box]

    # ---- state ----

    @property
    def agreements(self) -> list[Agreement]:
        return self.list.items

    def texts(self) -> list[str]:
        """The agreements that will go on the poster, in order."""
        return [a.text for a in self.agreements]

    def chosen(self) -> list[str]:
        """Ids of the suggestions on the list, in list order."""
        return [a.suggestion for a in self.agreements if a.suggestion]

    def _find(self, suggestion_id: str) -> int | None:
        return next((n for n, a in enumerate(self.agreements) if a.suggestion == suggestion_id),
                    None)

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
            self.list.add(Agreement(text, suggestion_id))
        elif not chosen and existing is not None:
            self.list.remove(existing, focus=False)  # focus stays on the checkbox

    def _untick(self, suggestion_id: str | None) -> None:
        if suggestion_id and suggestion_id in self.checkboxes:
            self._syncing = True
            try:
                self.checkboxes[suggestion_id].value = False
            finally:
                self._syncing = False

    # ---- the group's own agreements ----

    def _refusal(self, checked, number: int | None = None) -> str | None:
        if checked.is_empty:
            return (t("safety.own_empty") if number is None
                    else t("safety.edit_empty", number=number))
        if checked.too_long:
            return t("safety.too_long", limit=AGREEMENT_LIMIT, length=checked.length)
        return None

    def add_own(self, raw: str) -> bool:
        """Add an agreement the group wrote. Returns True if it was added.

        Empty, too long or repeated text gets a clear message, and the typed text stays in the
        box so nothing is lost.
        """
        checked = check_text(raw, AGREEMENT_LIMIT)
        problem = self._refusal(checked)
        if problem is None and any(a.text.casefold() == checked.text.casefold()
                                   for a in self.agreements):
            problem = t("safety.duplicate", text=checked.text)
        if problem:
            self.status.say(problem)
            return False
        self.own_text.value = ""
        self.list.add(Agreement(checked.text), from_form=True)
        return True

    def _check_edit(self, raw: str, position: int) -> Agreement | Refusal:
        checked = check_text(raw, AGREEMENT_LIMIT)
        problem = self._refusal(checked, position + 1)
        if problem:
            return Refusal(problem)
        agreement = self.agreements[position]
        agreement.text = checked.text
        return agreement

    def edit(self, index: int, raw: str) -> bool:
        """Change the words of agreement ``index`` (from 0). Returns True if changed.

        Empty or too-long wording is refused with a clear message; the agreement keeps its
        old words, and whatever was typed stays in the box.
        """
        self.list.start_edit(index)
        self.list.type_in_edit(index, raw)
        return self.list.save_edit(index)

    def reset_answers(self) -> None:
        """Start again: an empty list, every suggestion unticked, no poster."""
        for agreement in list(self.agreements):
            self._untick(agreement.suggestion)
        self.list.clear()

    # ---- drawing ----

    def _announce(self, event: str, position: int, agreement: Agreement) -> str | None:
        count = len(self.agreements)
        if event == "added":
            return t("safety.added", text=agreement.text, count=count)
        if event == "removed":
            return t("safety.removed", text=agreement.text)
        if event == "moved":
            return t("safety.moved", text=agreement.text, number=position + 1, count=count)
        if event in EVENT_KEYS:
            return t(EVENT_KEYS[event], text=agreement.text, number=position + 1)
        return None

    def _draw(self) -> None:
        self.empty_note.layout.display = "none" if self.agreements else None

    # ---- the poster ----

    def handout(self) -> Handout | str:
        """The poster: the agreements in order, in large type.

        Returns a message instead while a "change wording" box holds words not yet saved, so
        the poster never leaves out a change someone made.
        """
        for number, agreement in enumerate(self.agreements, start=1):
            draft = self.list.drafts[number - 1]
            if draft is not None and check_text(draft).text != agreement.text:
                return t("safety.poster_unsaved", number=number)
        handout = Handout(self.title, self.intro, large_print=True)
        handout.add(t("safety.poster_section"), self.texts())
        return handout


def agreement_builder(path: str = "safety/agreements.yaml", suggestions: Sequence[str] = ()):
    """The group agreement builder from a suggestions file in ``assets/``.

    ``suggestions`` adds extra suggested agreements after the file's own (for example the
    "builds trust" cards a group sorted in the Trust chapter).
    """
    return from_files(AgreementBuilder, AGREEMENTS.at(path), suggestions=suggestions)
