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
import math
from collections.abc import Sequence
from dataclasses import dataclass

import ipywidgets as widgets

from ..content import rules
from ..i18n import t
from ..kit.base import Exercise, from_files
from ..kit.choice import ChoiceScale
from ..kit.editable_list import Action, EditableList
from ..kit.handout import Handout
from ..kit.html import bullets, label_above
from ..text import check_text, escape

__all__ = ["MAP", "Link", "NetworkMap", "map_svg", "network_map"]

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

SVG_WIDTH = 1000
MIN_HEIGHT = 800
NODE_WIDTH = 230
CENTRE_SIZE = (240, 68)
LINE_HEIGHT = 30
FONT_SIZE = 26
WRAP = 13
RING_MAX = 8
ROW_GAP = 26
EDGE = 12
TEXT_COLOUR = "#0b0c0c"
#: Each kind's border: colour, dash pattern and corner radius, so kinds differ by more than
#: colour; every box also names its kind in words. Colours have at least 4.5:1 on white.
KIND_STYLE = {
    "voluntary": ("#003078", "", 18),
    "statutory": ("#0b0c0c", "", 0),
    "community": ("#00703c", "14 7", 18),
    "faith": ("#4c2c92", "4 5", 0),
}
_ids = itertools.count(1)


def wrap_label(text: str, width: int = WRAP) -> list[str]:
    """Split a name into lines of at most ``width`` characters, keeping every character."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        while len(word) > width:
            if current:
                lines.append(current)
                current = ""
            lines.append(word[:width])
            word = word[width:]
        if not current:
            current = word
        elif len(current) + 1 + len(word) <= width:
            current = f"{current} {word}"
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines or [""]


@dataclass(frozen=True)
class Node:
    """An organisation's box: its centre, height and lines of text (text, font style)."""

    link: Link
    x: float
    y: float
    height: float
    lines: list[tuple[str, str]]

    @property
    def box(self) -> tuple[float, float, float, float]:
        """Left, top, right, bottom."""
        return (self.x - NODE_WIDTH / 2, self.y - self.height / 2,
                self.x + NODE_WIDTH / 2, self.y + self.height / 2)


def node_lines(link: Link) -> list[tuple[str, str]]:
    lines = [(line, "") for line in wrap_label(link.name)]
    return lines + [(f"({kind_label(link.kind).lower()})", "italic")]


@dataclass(frozen=True)
class MapLayout:
    """Where everything sits: the picture's height, the group's centre, one box per link,
    and whether the boxes stand in two columns (otherwise they sit round an oval)."""

    height: float
    centre: tuple[float, float]
    nodes: list[Node]
    columns: bool


def map_layout(links: Sequence[Link]) -> MapLayout:
    """Where everything sits: the picture's height, the group's centre, and one box per link.

    Up to eight organisations sit round an oval, clockwise from the top. More than that (or
    names so long that the oval would crowd) sit in two columns either side of the group
    (left, right, left, ...), and the picture grows taller, so boxes never overlap and no line
    runs under another box.
    """
    lines = [node_lines(link) for link in links]
    heights = [LINE_HEIGHT * len(text) + 14 for text in lines]
    if len(links) <= RING_MAX:
        height = MIN_HEIGHT
        cx, cy = SVG_WIDTH / 2, height / 2
        rx = SVG_WIDTH / 2 - NODE_WIDTH / 2 - EDGE
        ry = height / 2 - max(heights, default=0) / 2 - EDGE
        nodes = []
        for number, link in enumerate(links):
            angle = -math.pi / 2 + 2 * math.pi * number / len(links)
            nodes.append(Node(link, cx + rx * math.cos(angle), cy + ry * math.sin(angle),
                              heights[number], lines[number]))
        if boxes_apart(nodes, (cx, cy)):
            return MapLayout(height, (cx, cy), nodes, columns=False)
    rows = [heights[start:start + 2] for start in range(0, len(links), 2)]
    row_heights = [max(row) for row in rows]
    height = max(MIN_HEIGHT, sum(row_heights) + ROW_GAP * (len(rows) - 1) + 2 * EDGE)
    top = (height - sum(row_heights) - ROW_GAP * (len(rows) - 1)) / 2
    nodes = []
    for number, link in enumerate(links):
        row = number // 2
        y = top + sum(row_heights[:row]) + ROW_GAP * row + row_heights[row] / 2
        x = EDGE + NODE_WIDTH / 2 if number % 2 == 0 else SVG_WIDTH - EDGE - NODE_WIDTH / 2
        nodes.append(Node(link, x, y, heights[number], lines[number]))
    return MapLayout(height, (SVG_WIDTH / 2, height / 2), nodes, columns=True)


def boxes_apart(nodes: Sequence[Node], centre: tuple[float, float], gap: float = 10) -> bool:
    """True when no two boxes (the group's included) touch or overlap."""
    cx, cy = centre
    half_w, half_h = CENTRE_SIZE[0] / 2, CENTRE_SIZE[1] / 2
    boxes = [node.box for node in nodes] + [(cx - half_w, cy - half_h, cx + half_w, cy + half_h)]
    return not any(
        a[0] < b[2] + gap and b[0] < a[2] + gap and a[1] < b[3] + gap and b[1] < a[3] + gap
        for a, b in itertools.combinations(boxes, 2))


def _edge_point(cx: float, cy: float, half_w: float, half_h: float,
                tx: float, ty: float, gap: float = 6) -> tuple[float, float]:
    """The point where the line from a box's centre towards (tx, ty) leaves the box."""
    dx, dy = tx - cx, ty - cy
    if dx == 0 and dy == 0:
        return cx, cy
    scale = min(half_w / abs(dx) if dx else math.inf, half_h / abs(dy) if dy else math.inf)
    length = math.hypot(dx, dy)
    scale += gap / length
    return cx + dx * scale, cy + dy * scale


def line_ends(centre: tuple[float, float], node: Node, columns: bool,
              gap: float = 6) -> tuple[float, float, float, float]:
    """Where a link's line starts (at the group's box) and ends (at the organisation's box).

    In the two-column layout a line ends at the middle of the box's inner side, so it never
    passes under another box in the same column.
    """
    cx, cy = centre
    if columns:
        side = 1 if node.x < cx else -1
        x2, y2 = node.x + side * (NODE_WIDTH / 2 + gap), node.y
    else:
        x2, y2 = _edge_point(node.x, node.y, NODE_WIDTH / 2, node.height / 2, cx, cy, gap)
    x1, y1 = _edge_point(cx, cy, CENTRE_SIZE[0] / 2, CENTRE_SIZE[1] / 2, x2, y2, gap)
    return x1, y1, x2, y2


def _text(lines: Sequence[tuple[str, str]], x: float, top: float, colour: str,
          bold: bool = False) -> str:
    """Centred lines of text starting at ``top``; each pair is (text, font style)."""
    spans = []
    for number, (text, style) in enumerate(lines):
        italic = ' font-style="italic"' if style == "italic" else ""
        y = top + LINE_HEIGHT * (number + 1) - 7
        spans.append(f'<tspan x="{x:.1f}" y="{y:.1f}"{italic}>{escape(text)}</tspan>')
    weight = ' font-weight="bold"' if bold else ""
    return (f'<text text-anchor="middle" font-family="Arial, Helvetica, sans-serif" '
            f'font-size="{FONT_SIZE}"{weight} fill="{colour}">{"".join(spans)}</text>')


def map_svg(links: Sequence[Link], title: str, description: str, centre_label: str,
            prefix: str | None = None) -> str:
    """An accessible SVG map: the group in the middle, one box per organisation around it,
    and a line to each, with arrows pointing the way women are referred (both ways: two arrows;
    no referrals yet: a dashed line without arrows).

    Every label is escaped. The SVG has ``role="img"`` and is named by its ``<title>`` and
    described by its ``<desc>``; show a text alternative next to it (see :func:`describe_link`).
    """
    prefix = prefix or f"pack-netmap-{next(_ids)}"
    layout = map_layout(links)
    height, centre, nodes, columns = layout.height, layout.centre, layout.nodes, layout.columns
    cx, cy = centre
    marker = f"{prefix}-arrow"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" focusable="false" '
        f'aria-labelledby="{prefix}-title {prefix}-desc" viewBox="0 0 {SVG_WIDTH} {height:.0f}" '
        f'width="100%" style="max-width:100%;height:auto;display:block;background:#ffffff">',
        f'<title id="{prefix}-title">{escape(title)}</title>',
        f'<desc id="{prefix}-desc">{escape(description)}</desc>',
        f'<defs><marker id="{marker}" viewBox="0 0 10 10" refX="10" refY="5" '
        f'markerUnits="userSpaceOnUse" markerWidth="22" markerHeight="22" '
        f'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{TEXT_COLOUR}"/>'
        f"</marker></defs>",
    ]
    for node in nodes:
        x1, y1, x2, y2 = line_ends(centre, node, columns)
        attributes = f'stroke="{TEXT_COLOUR}" stroke-width="3"'
        if node.link.direction in ("we_refer", "both"):
            attributes += f' marker-end="url(#{marker})"'
        if node.link.direction in ("they_refer", "both"):
            attributes += f' marker-start="url(#{marker})"'
        if node.link.direction == "none":
            attributes = 'stroke="#505a5f" stroke-width="3" stroke-dasharray="10 8"'
        parts.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
                     f"{attributes}/>")
    width, tall = CENTRE_SIZE
    parts.append(
        f'<rect x="{cx - width / 2:.1f}" y="{cy - tall / 2:.1f}" width="{width}" '
        f'height="{tall}" rx="{tall / 2:.0f}" fill="{TEXT_COLOUR}"/>')
    parts.append(_text([(centre_label, "")], cx, cy - LINE_HEIGHT / 2, "#ffffff", bold=True))
    for node in nodes:
        colour, dashes, radius = KIND_STYLE[node.link.kind]
        dash = f' stroke-dasharray="{dashes}"' if dashes else ""
        left, top, _right, _bottom = node.box
        parts.append(
            f'<rect x="{left:.1f}" y="{top:.1f}" width="{NODE_WIDTH}" height="{node.height}" '
            f'rx="{radius}" fill="#ffffff" stroke="{colour}" stroke-width="4"{dash}/>')
        parts.append(_text(node.lines, node.x, top + 7, TEXT_COLOUR))
    parts.append("</svg>")
    return "".join(parts)


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
        self.submit_button = widgets.Button(description=t("networking.add"))
        self.submit_button.add_class("qa-networking-add")
        self.submit_button.on_click(lambda _: self.submit())
        self.cancel_button = widgets.Button(description=t("networking.cancel"))
        self.cancel_button.add_class("qa-networking-cancel")
        self.cancel_button.on_click(lambda _: self.cancel_edit())
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
