"""The Networking chapter's network map.

A group lists the organisations it links with, says what kind each is (voluntary, statutory,
community or faith) and which way referrals go, and sees a map drawn as an SVG picture with the
same information in words beside it. A gentle note appears when every link is with a statutory
service, as the toolkit's Troubleshooting chapter warns against relying on that one route. Links
are changed and removed from a kit :class:`~peer_support.kit.editable_list.EditableList`; the map
and list download together. Nothing is stored on the server.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

import ipywidgets as widgets

from ..content import rules
from ..i18n import t
from ..kit.base import Exercise, from_files
from ..kit.choice import ChoiceScale
from ..kit.editable_list import Action, EditableList
from ..kit.handout import Handout
from ..kit.html import bullets, button, label_above
from ..kit.hub_map import (
    CENTRE_SIZE,
    NODE_WIDTH,
    RING_MAX,
    SVG_WIDTH,
    MapLayout,
    Spoke,
    boxes_apart,
    hub_layout,
    hub_svg,
    line_ends,
    wrap_label,
)
from ..text import check_text, escape

__all__ = ["CENTRE_SIZE", "MAP", "NODE_WIDTH", "RING_MAX", "SVG_WIDTH", "Link", "NetworkMap",
           "boxes_apart", "line_ends", "map_layout", "map_svg", "network_map", "wrap_label"]
_ids = itertools.count(1)

#: Kinds of organisation, in the order the buttons show them.
KINDS = ("voluntary", "statutory", "community", "faith")
#: Which way referrals go: we refer women to them, they refer women to us, both, or neither yet.
DIRECTIONS = ("we_refer", "they_refer", "both", "none")
KIND_KEYS = {"voluntary": "networking.kind_voluntary", "statutory": "networking.kind_statutory",
             "community": "networking.kind_community", "faith": "networking.kind_faith"}
DIRECTION_KEYS = {"we_refer": "networking.direction_we_refer",
                  "they_refer": "networking.direction_they_refer",
                  "both": "networking.direction_both", "none": "networking.direction_none"}
LINE_KEYS = {"we_refer": "networking.line_we_refer", "they_refer": "networking.line_they_refer",
             "both": "networking.line_both", "none": "networking.line_none"}
NAME_LIMIT = 60
MAX_LINKS = 20


@dataclass(frozen=True)
class Link:
    """One organisation on the map."""

    name: str
    kind: str
    direction: str

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown kind of organisation: {self.kind!r}")
        if self.direction not in DIRECTIONS:
            raise ValueError(f"unknown referral direction: {self.direction!r}")


@dataclass(frozen=True)
class MapFile:
    """The network map's adaptable text: an intro, examples per kind, the statutory note."""

    intro: str = rules.text(600, "What the map is for, above it.")
    examples: dict[str, list[str]] = rules.each_of(KINDS, 1, 120, "Examples of each kind of "
                                                   "organisation.")
    statutory_prompt: str = rules.text(600, "The gentle note shown when every link is with a "
                                       "statutory service.")


MAP = rules.Kind(MapFile, "The network map")


def kind_label(kind: str) -> str:
    return t(KIND_KEYS[kind])


def describe_link(link: Link) -> str:
    """One sentence saying what the link is, e.g. "Women's Centre (voluntary): we refer ..."."""
    return t(LINE_KEYS[link.direction], name=link.name,
             kind=kind_label(link.kind).lower())


def all_statutory(links: Sequence[Link]) -> bool:
    """True when there is at least one link and every one is with a statutory service."""
    return bool(links) and all(link.kind == "statutory" for link in links)


def summary_lines(links: Sequence[Link]) -> list[str]:
    """Counts for the text alternative and the download: total, by kind, by direction."""
    if not links:
        return []
    kinds = [t("networking.kind_count", count=sum(1 for link in links if link.kind == kind),
               kind=kind_label(kind).lower())
             for kind in KINDS if any(link.kind == kind for link in links)]
    we_refer = sum(1 for link in links if link.direction in ("we_refer", "both"))
    they_refer = sum(1 for link in links if link.direction in ("they_refer", "both"))
    return [
        t("networking.summary_total", count=len(links)),
        t("networking.summary_kinds", kinds=", ".join(kinds)),
        t("networking.summary_we_refer", count=we_refer),
        t("networking.summary_they_refer", count=they_refer),
    ]


# ---- drawing the map ----

#: Each kind's border: colour, dash pattern and corner radius, so kinds differ by more than
#: colour; every box also names its kind in words. Colours have at least 4.5:1 on white.
KIND_STYLE = {
    "voluntary": ("#003078", "", 18),
    "statutory": ("#0b0c0c", "", 0),
    "community": ("#00703c", "14 7", 18),
    "faith": ("#4c2c92", "4 5", 0),
}


def spoke(link: Link) -> Spoke:
    """A link as a box on the map: its name and kind in words, arrows the way women are
    referred (both ways: two arrows; no referrals yet: a dashed line without arrows)."""
    lines = [(line, "") for line in wrap_label(link.name)]
    lines.append((f"({kind_label(link.kind).lower()})", "italic"))
    return Spoke(lines, KIND_STYLE[link.kind], outward=link.direction in ("we_refer", "both"),
                 inward=link.direction in ("they_refer", "both"),
                 pending=link.direction == "none")


def map_layout(links: Sequence[Link]) -> MapLayout:
    return hub_layout([spoke(link) for link in links])


def map_svg(links: Sequence[Link], title: str, description: str, centre_label: str,
            prefix: str | None = None) -> str:
    """The map as an accessible SVG picture; show :func:`describe_link`'s words beside it."""
    return hub_svg([spoke(link) for link in links], title, description, centre_label,
                   prefix or f"pack-netmap-{next(_ids)}")


class NetworkMap(Exercise):
    """The network map. See the module docstring.

    Parameters
    ----------
    content : MapFile
        The intro, examples per kind and the statutory note.
    """

    def __init__(self, content: MapFile, **kwargs):
        self.content = content
        self.editing: int | None = None
        self.prefix = f"pack-netmap-{next(_ids)}"
        self.form_heading = widgets.HTML(f"<h3>{escape(t('networking.form_heading'))}</h3>")
        self.name = widgets.Text(description=t("networking.name_label"), continuous_update=False,
                                 **label_above("36rem"))
        self.name.add_class("qa-networking-name")
        self.kind = ChoiceScale(t("networking.kind_question"),
                                [(kind, kind_label(kind)) for kind in KINDS], allow_pass=False)
        self.kind.add_class("qa-networking-kind")
        self.direction = ChoiceScale(t("networking.direction_question"),
                                     [(d, t(DIRECTION_KEYS[d])) for d in DIRECTIONS],
                                     allow_pass=False)
        self.direction.add_class("qa-networking-direction")
        self.submit_button = button(t("networking.add"), "qa-networking-add", lambda: self.submit())
        self.cancel_button = button(t("networking.cancel"), "qa-networking-cancel",
                                    lambda: self.cancel_edit())
        self.cancel_button.layout.display = "none"
        self.map_view = widgets.HTML()
        self.map_view.add_class("qa-networking-map")
        self.nudge = widgets.HTML()
        self.nudge.add_class("qa-networking-nudge")
        self.change_heading = widgets.HTML(f"<h4>{escape(t('networking.change_heading'))}</h4>")
        super().__init__(download="our-network-map", **kwargs)
        self.status.add_class("qa-networking-status")
        self.watch(self.rows)
        self.add_class("pack-network-map")
        self._redraw()

    def build(self) -> list[widgets.Widget]:
        self.rows = EditableList(
            [Action("edit", lambda _n, link: t("networking.edit_button", name=link.name),
                    "qa-networking-edit"),
             Action("remove", lambda _n, link: t("networking.remove_button", name=link.name),
                    "qa-networking-remove")],
            announce=self._announce, home=self.name, status=self.status, beside=True)
        self.rows.add_class("qa-networking-rows")
        self.rows.on_action(lambda key, n: self.edit(n))
        self.rows.on_change(self._redraw)
        examples = "".join(
            f"<li><strong>{escape(kind_label(kind))}:</strong> "
            f"{escape(', '.join(self.content.examples[kind]))}</li>" for kind in KINDS)
        intro = widgets.HTML(
            f"<p>{escape(self.content.intro)}</p>"
            f"<h3>{escape(t('networking.examples_heading'))}</h3><ul>{examples}</ul>")
        return [
            intro, self.form_heading, self.name, self.kind, self.direction,
            widgets.HBox([self.submit_button, self.cancel_button]),
            self.status, self.map_view, self.nudge, self.change_heading, self.rows,
            widgets.HTML(f"<h3>{escape(t('networking.downloads'))}</h3>"),
            self.download,
        ]

    @property
    def links(self) -> list[Link]:
        return list(self.rows.items)

    # ---- changing the list ----

    def _check(self, raw: str, kind: str | None, direction: str | None,
               ignore: int | None = None) -> Link | None:
        """A Link from the form's values, or None after saying what needs fixing."""
        checked = check_text(raw, NAME_LIMIT)
        if checked.is_empty:
            self.status.say(t("networking.name_empty"))
            return None
        if checked.too_long:
            self.status.say(t("networking.name_too_long", limit=NAME_LIMIT))
            return None
        name = " ".join(checked.text.split())
        for number, link in enumerate(self.links):
            if number != ignore and link.name.casefold() == name.casefold():
                self.status.say(t("networking.name_duplicate", name=link.name))
                return None
        if kind not in KINDS:
            self.status.say(t("networking.kind_missing"))
            return None
        if direction not in DIRECTIONS:
            self.status.say(t("networking.direction_missing"))
            return None
        return Link(name, kind, direction)

    def add(self, name: str, kind: str | None, direction: str | None,
            from_form: bool = False) -> bool:
        """Add an organisation. Returns True if it was added; otherwise the status says why
        and the form keeps what was typed."""
        if len(self.links) >= MAX_LINKS:
            self.status.say(t("networking.full", limit=MAX_LINKS))
            return False
        link = self._check(name, kind, direction)
        if link is None:
            return False
        self._reset_form()
        self.rows.add(link, from_form=from_form)
        return True

    def edit(self, index: int) -> None:
        """Put organisation ``index`` into the form to change it (its Edit button)."""
        link = self.links[index]
        self.editing = index
        self.name.value = link.name
        self.kind.show(link.kind)
        self.direction.show(link.direction)
        self.submit_button.description = t("networking.save")
        self.cancel_button.layout.display = None
        self.form_heading.value = (
            f"<h3>{escape(t('networking.form_heading_edit', name=link.name))}</h3>")
        self.status.say(t("networking.editing", name=link.name))
        self.name.focus()

    def update(self, index: int, name: str, kind: str | None, direction: str | None) -> bool:
        """Change organisation ``index``. Returns True if the change was saved."""
        if not 0 <= index < len(self.links):
            raise IndexError(index)
        link = self._check(name, kind, direction, ignore=index)
        if link is None:
            return False
        self._reset_form()
        self.rows.replace(index, link)
        self.rows.focus(index, "edit")
        return True

    def cancel_edit(self) -> None:
        """Leave the organisation being edited as it was."""
        index = self.editing
        self._reset_form()
        self.status.say(t("networking.edit_cancelled"))
        if index is not None:
            self.rows.focus(index, "edit")

    def remove(self, index: int) -> None:
        """Take organisation ``index`` off the map."""
        if self.editing is not None:
            self._reset_form()
        self.rows.remove(index)

    def submit(self) -> bool:
        """What the Add (or Save changes) button does with the form as it is now."""
        if self.editing is not None:
            return self.update(self.editing, self.name.value, self.kind.choice,
                               self.direction.choice)
        return self.add(self.name.value, self.kind.choice, self.direction.choice,
                        from_form=True)

    def _reset_form(self) -> None:
        self.editing = None
        self.name.value = ""
        self.kind.clear()
        self.direction.clear()
        self.submit_button.description = t("networking.add")
        self.cancel_button.layout.display = "none"
        self.form_heading.value = f"<h3>{escape(t('networking.form_heading'))}</h3>"

    def reset_answers(self) -> None:
        self._reset_form()
        self.rows.clear()

    def _announce(self, event: str, _position: int, link: Link) -> str | None:
        if event == "added":
            message = t("networking.added", name=link.name, count=len(self.links))
            if all_statutory(self.links):
                message += " " + t("networking.nudge_short")
            return message
        if event == "edited":
            return t("networking.updated", name=link.name)
        if event == "removed":
            return t("networking.removed", name=link.name)
        return None

    # ---- what is drawn ----

    @property
    def statutory_only(self) -> bool:
        return all_statutory(self.links)

    def svg(self) -> str:
        description = (t("networking.map_desc", count=len(self.links)) if self.links
                       else t("networking.map_empty"))
        return map_svg(self.links, t("networking.map_title"), description,
                       t("networking.our_group"), prefix=self.prefix)

    def text_alternative(self) -> str:
        """The map in words: one line per organisation, then the counts."""
        if not self.links:
            return f"<p>{escape(t('networking.map_empty'))}</p>"
        summary = " ".join(summary_lines(self.links))
        return (f"<h4>{escape(t('networking.links_heading'))}</h4>"
                f"{bullets(describe_link(link) for link in self.links)}"
                f"<p>{escape(summary)}</p>")

    def _redraw(self) -> None:
        self.map_view.value = (
            f"<h3>{escape(t('networking.map_title'))}</h3>"
            f'<figure style="margin:0.5rem 0;border:2px solid #0b0c0c;padding:0.5rem">'
            f"{self.svg()}<figcaption>{escape(t('networking.key'))}</figcaption></figure>"
            f"{self.text_alternative()}")
        self.nudge.value = (
            f'<div class="pack-message" role="note"><p>{escape(self.content.statutory_prompt)}'
            f"</p></div>" if self.statutory_only else "")
        self.change_heading.layout.display = None if self.links else "none"

    # ---- download ----

    def handout(self) -> Handout:
        """The map and the list: every organisation on the map, and nothing else typed."""
        figure = ""
        if self.links:
            figure = map_svg(self.links, t("networking.map_title"),
                             t("networking.map_desc", count=len(self.links)),
                             t("networking.our_group"), prefix="pack-netmap-print")
        handout = Handout(t("networking.handout_title"), t("networking.handout_intro"),
                          figure=figure)
        handout.add(t("networking.handout_links"), [describe_link(link) for link in self.links])
        handout.add(t("networking.handout_summary"), summary_lines(self.links))
        return handout


def network_map(path: str = "networking/network-map.yaml"):
    """The network map, from its content file in ``assets/``; a clear message if it is broken."""
    return from_files(NetworkMap, MAP.at(path))
