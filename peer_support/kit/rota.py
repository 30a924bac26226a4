"""A rota: a box for each role in each session (first names or initials), and a printable
copy. Names stay in the page and go only into the download; empty boxes are left out of it.
Notebook use::

    from peer_support.kit.rota import rota
    rota("leadership/roles.yaml", "shared-roles")
"""

from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as widgets

from ..content import rules
from ..i18n import t
from ..text import check_text, escape
from .base import Exercise, from_files
from .handout import Handout
from .html import label_above

__all__ = ["ROTA", "Rota", "RotaFile", "rota"]

ROTA_NAME_LIMIT = 40
MAX_SESSIONS = 12


@dataclass(frozen=True)
class Role:
    id: str = rules.identifier()
    name: str = rules.text(40, "The role's name.")
    does: str = rules.text(300, "What the role does.")


@dataclass(frozen=True)
class RotaFile:
    intro: str = rules.text(300, "A line above the rota.")
    sessions: int = rules.whole(1, MAX_SESSIONS, "How many sessions the rota covers.")
    roles: list[Role] = rules.items(Role, "role", "The roles, in order.")


ROTA = rules.Kind(RotaFile, "A rota of roles")


class Rota(Exercise):
    """A rota of session roles: one box per role per session, and a printable download.

    Names stay in this page and go only into the download. Empty boxes are left out of it.
    """

    prepare_key = "rota.prepare"
    clear_key = "rota.clear"
    cleared_key = "rota.cleared"

    def __init__(self, content: RotaFile, basename: str = "shared-roles", **kwargs):
        self.intro = content.intro
        self.roles = content.roles
        self.sessions = content.sessions
        self.boxes: dict[tuple[int, str], widgets.Text] = {}
        self.when_boxes: dict[int, widgets.Text] = {}
        super().__init__(download=basename, **kwargs)
        self.clear_button.add_class("qa-rota-clear")
        self.watch(*self._all_boxes())
        self.add_class("pack-shared-roles")

    def build(self) -> list[widgets.Widget]:
        described = "".join(f"<li><strong>{escape(r.name)}</strong>: {escape(r.does)}</li>"
                            for r in self.roles)
        header = widgets.HTML(f"<p>{escape(self.intro)}</p><ul>{described}</ul>"
                              f"<p>{escape(t('rota.privacy'))}</p>")
        session_boxes = []
        for session in range(1, self.sessions + 1):
            when = widgets.Text(description=t("rota.when", session=session),
                                continuous_update=False, **label_above("100%"))
            when.add_class("qa-rota-when")
            self.when_boxes[session] = when
            fields: list[widgets.Widget] = [when]
            for role in self.roles:
                box = widgets.Text(description=t("rota.field", session=session,
                                                 role=role.name),
                                   continuous_update=False, **label_above("100%"))
                box.add_class(f"qa-rota-{role.id}")
                self.boxes[(session, role.id)] = box
                fields.append(box)
            for field in fields:
                field.observe(lambda _: self._on_edit(), names="value")
            panel = widgets.VBox(
                [widgets.HTML(f"<h4>{escape(t('rota.session', session=session))}</h4>"),
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
            self.status.say(t("rota.too_long", boxes="; ".join(problems),
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
                    items.append(t("rota.item", role=role.name, name=name))
            when = check_text(self.when_boxes[session].value).text
            heading = t("rota.session", session=session)
            if when:
                heading = t("rota.session_when", session=session, when=when)
            if items:
                sessions.append((heading, items))
        if not sessions:
            return t("rota.empty")
        handout = Handout(t("rota.title"), self.intro)
        handout.add(t("rota.roles_heading"),
                    [t("rota.item", role=r.name, name=r.does) for r in self.roles])
        for heading, items in sessions:
            handout.add(heading, items)
        return handout

    def reset_answers(self) -> None:
        """Empty every box."""
        for box in self._all_boxes():
            box.value = ""


def rota(path: str, basename: str = "shared-roles"):
    """A rota from its file in ``assets/``; a calm message if the file is broken."""
    return from_files(Rota, ROTA.at(path), basename=basename)
