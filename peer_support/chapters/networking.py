"""The Networking chapter's exercises: the network map and the learning event planner.

The network map: a group lists the organisations it links with, says what kind each is
(voluntary, statutory, community or faith) and which way referrals go, and sees a map drawn
as an SVG picture with the same information in words beside it. A gentle note appears when
every link is with a statutory service, as the toolkit's Troubleshooting chapter warns against
relying on that one route. Links can be edited and removed; the map and list download together.

The learning event planner: agenda blocks with minutes, added from suggestions or typed, edited,
moved up and down by buttons, with a running total (and clock times when a start time is
given), plus prompts and notes on access and travel costs. The plan downloads and prints.

Everything is worked by real buttons and text boxes. Nothing is stored on the server.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import ipywidgets as widgets

from ..content import Checker, ContentError, load_yaml
from ..i18n import t
from ..kit.blocks import error_block
from ..kit.choice import ChoiceScale
from ..kit.handout import DownloadPanel, Handout
from ..kit.reflection import ReflectionBox
from ..kit.status import LiveStatus
from ..text import check_text, escape

__all__ = [
    "EventPlanner",
    "NetworkMap",
    "event_planner",
    "map_svg",
    "network_map",
]

# ---------------------------------------------------------------------------------------------
# The network map
# ---------------------------------------------------------------------------------------------

#: Kinds of organisation, in the order the buttons show them.
KINDS = ("voluntary", "statutory", "community", "faith")
KIND_KEYS = {
    "voluntary": "networking.kind_voluntary",
    "statutory": "networking.kind_statutory",
    "community": "networking.kind_community",
    "faith": "networking.kind_faith",
}
#: Which way referrals go: we refer women to them, they refer women to us, both, or neither yet.
DIRECTIONS = ("we_refer", "they_refer", "both", "none")
DIRECTION_KEYS = {
    "we_refer": "networking.direction_we_refer",
    "they_refer": "networking.direction_they_refer",
    "both": "networking.direction_both",
    "none": "networking.direction_none",
}
LINE_KEYS = {
    "we_refer": "networking.line_we_refer",
    "they_refer": "networking.line_they_refer",
    "both": "networking.line_both",
    "none": "networking.line_none",
}
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
class MapContent:
    """The network map's adaptable text: an intro, examples per kind, the statutory note."""

    intro: str
    examples: dict[str, list[str]]
    statutory_prompt: str


def load_map_content(path: str) -> MapContent:
    """Read and check the network map's content file.

    Raises
    ------
    ContentError
        Naming the file and the first problem found.
    """
    check = Checker(path)
    data = check.mapping(load_yaml(path), "The file")
    examples = check.mapping(data.get("examples"), "'examples'")
    unknown = sorted(str(key) for key in examples if key not in KINDS)
    if unknown:
        check.fail(f"'examples' has kinds outside {list(KINDS)}: {', '.join(unknown)}")
    return MapContent(
        intro=check.text(data, "intro", "The file", 600),
        examples={kind: check.texts(examples, kind, f"'examples' for {kind}", 1, 120)
                  for kind in KINDS},
        statutory_prompt=check.text(data, "statutory_prompt", "The file", 600),
    )


def stacked(max_width: str = "36rem") -> widgets.Layout:
    """A text box's layout with its label above it, as wide as the page allows."""
    return widgets.Layout(width="100%", max_width=max_width, flex_flow="column",
                          align_items="stretch")


def kind_label(kind: str) -> str:
    return t(KIND_KEYS[kind])


def describe_link(link: Link) -> str:
    """One sentence saying what the link is, e.g. "Women's Centre (voluntary): we refer ..."."""
    return t(LINE_KEYS[link.direction], name=link.name, kind=kind_label(link.kind).lower())


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


@dataclass
class MapHandout(Handout):
    """A handout with the map drawn above the list (in the printable web page only; the
    Markdown file carries the list, which says everything the map shows).

    ``figure`` is SVG markup built by :func:`map_svg`, which escapes every label.
    """

    figure: str = ""

    def to_html(self) -> str:
        page = super().to_html()
        if not self.figure or self.item_count == 0:
            return page
        lines = page.split("\n")
        after = lines.index(f"<h1>{escape(self.title)}</h1>") + (2 if self.intro else 1)
        figure = f'<figure style="margin:1em 0;break-inside:avoid">{self.figure}</figure>'
        lines.insert(after, figure)
        return "\n".join(lines)


class NetworkMap(widgets.VBox):
    """The network map. See the module docstring.

    Parameters
    ----------
    content : MapContent
        The intro, examples per kind and the statutory note.
    """

    def __init__(self, content: MapContent, **kwargs):
        self.content = content
        self.links: list[Link] = []
        self.editing: int | None = None
        self.prefix = f"pack-netmap-{next(_ids)}"

        examples = "".join(
            f"<li><strong>{escape(kind_label(kind))}:</strong> "
            f"{escape(', '.join(content.examples[kind]))}</li>" for kind in KINDS)
        intro = widgets.HTML(
            f"<p>{escape(content.intro)}</p>"
            f"<h3>{escape(t('networking.examples_heading'))}</h3><ul>{examples}</ul>")

        self.form_heading = widgets.HTML(f"<h3>{escape(t('networking.form_heading'))}</h3>")
        self.name = widgets.Text(description=t("networking.name_label"), continuous_update=False,
                                 layout=stacked())
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
        self.status = LiveStatus()
        self.status.add_class("qa-networking-status")

        self.map_view = widgets.HTML()
        self.map_view.add_class("qa-networking-map")
        self.nudge = widgets.HTML()
        self.nudge.add_class("qa-networking-nudge")
        self.change_heading = widgets.HTML(f"<h4>{escape(t('networking.change_heading'))}</h4>")
        self.rows = widgets.VBox()
        self.rows.add_class("qa-networking-rows")
        self.row_pool: list[widgets.HBox] = []
        self.download = DownloadPanel(self.handout, basename="our-network-map")

        super().__init__([
            intro,
            self.form_heading,
            self.name,
            self.kind,
            self.direction,
            widgets.HBox([self.submit_button, self.cancel_button]),
            self.status,
            self.map_view,
            self.nudge,
            self.change_heading,
            self.rows,
            widgets.HTML(f"<h3>{escape(t('networking.downloads'))}</h3>"),
            self.download,
        ], **kwargs)
        self.add_class("pack-network-map")
        self._redraw()

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

    def add(self, name: str, kind: str | None, direction: str | None) -> bool:
        """Add an organisation. Returns True if it was added; otherwise the status says why
        and the form keeps what was typed."""
        if len(self.links) >= MAX_LINKS:
            self.status.say(t("networking.full", limit=MAX_LINKS))
            return False
        link = self._check(name, kind, direction)
        if link is None:
            return False
        self.links.append(link)
        self._reset_form()
        self._redraw()
        message = t("networking.added", name=link.name, count=len(self.links))
        if all_statutory(self.links):
            message += " " + t("networking.nudge_short")
        self.status.say(message)
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
        self.links[index] = link
        self._reset_form()
        self._redraw()
        self.status.say(t("networking.updated", name=link.name))
        self._focus_row(index, "edit")
        return True

    def cancel_edit(self) -> None:
        """Leave the organisation being edited as it was."""
        index = self.editing
        self._reset_form()
        self.status.say(t("networking.edit_cancelled"))
        if index is not None:
            self._focus_row(index, "edit")

    def remove(self, index: int) -> None:
        """Take organisation ``index`` off the map."""
        link = self.links.pop(index)
        if self.editing is not None:
            self._reset_form()
        self._redraw()
        self.status.say(t("networking.removed", name=link.name))
        if self.links:
            self._focus_row(min(index, len(self.links) - 1), "remove")
        else:
            self.name.focus()

    def submit(self) -> bool:
        """What the Add (or Save changes) button does with the form as it is now."""
        if self.editing is not None:
            return self.update(self.editing, self.name.value, self.kind.choice,
                               self.direction.choice)
        added = self.add(self.name.value, self.kind.choice, self.direction.choice)
        if added:
            self.name.focus()
        return added

    def _reset_form(self) -> None:
        self.editing = None
        self.name.value = ""
        self.kind.clear()
        self.direction.clear()
        self.submit_button.description = t("networking.add")
        self.cancel_button.layout.display = "none"
        self.form_heading.value = f"<h3>{escape(t('networking.form_heading'))}</h3>"

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
        items = "".join(f"<li>{escape(describe_link(link))}</li>" for link in self.links)
        summary = " ".join(summary_lines(self.links))
        return (f"<h4>{escape(t('networking.links_heading'))}</h4><ul>{items}</ul>"
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
        # Rows are kept and reused (extra ones hidden), never rebuilt, so a row's buttons
        # already exist in the page when focus is sent to them after a change.
        while len(self.row_pool) < len(self.links):
            number = len(self.row_pool)
            edit = widgets.Button()
            edit.add_class("qa-networking-edit")
            edit.on_click(lambda _, n=number: self.edit(n))
            remove = widgets.Button()
            remove.add_class("qa-networking-remove")
            remove.on_click(lambda _, n=number: self.remove(n))
            self.row_pool.append(widgets.HBox([edit, remove]))
        if len(self.rows.children) != len(self.row_pool):
            self.rows.children = tuple(self.row_pool)
        for number, row in enumerate(self.row_pool):
            edit, remove = row.children
            if number < len(self.links):
                name = self.links[number].name
                edit.description = t("networking.edit_button", name=name)
                remove.description = t("networking.remove_button", name=name)
                row.layout.display = None
            else:
                row.layout.display = "none"
        self.change_heading.layout.display = None if self.links else "none"
        self.download.reset()

    def _focus_row(self, index: int, which: str) -> None:
        if 0 <= index < len(self.links):
            edit, remove = self.row_pool[index].children
            (edit if which == "edit" else remove).focus()

    # ---- download ----

    def handout(self) -> MapHandout:
        """The map and the list: every organisation on the map, and nothing else typed."""
        handout = MapHandout(t("networking.handout_title"), t("networking.handout_intro"),
                             figure=map_svg(self.links, t("networking.map_title"),
                                            t("networking.map_desc", count=len(self.links)),
                                            t("networking.our_group"),
                                            prefix="pack-netmap-print"))
        handout.add(t("networking.handout_links"), [describe_link(link) for link in self.links])
        handout.add(t("networking.handout_summary"), summary_lines(self.links))
        return handout


def network_map(path: str = "networking/network-map.yaml"):
    """The network map, from its content file in ``assets/``; a clear message if it is broken."""
    try:
        return NetworkMap(load_map_content(path))
    except ContentError as error:
        return error_block(error)


# ---------------------------------------------------------------------------------------------
# The learning event planner
# ---------------------------------------------------------------------------------------------

TITLE_LIMIT = 80
EVENT_NAME_LIMIT = 100
PLAN_LIMIT = 1000
MAX_MINUTES = 240
MAX_BLOCKS = 30
_TIME = re.compile(r"^\s*([01]?\d|2[0-3])\s*[:.]\s*([0-5]\d)\s*$")


@dataclass(frozen=True)
class Block:
    """One block of the agenda."""

    title: str
    minutes: int


@dataclass(frozen=True)
class PlannerContent:
    """The planner's adaptable text: an intro, suggested blocks, and the two sets of prompts."""

    intro: str
    suggestions: list[Block]
    access_prompts: list[str]
    travel_prompts: list[str] = field(default_factory=list)


def load_planner_content(path: str) -> PlannerContent:
    """Read and check the planner's content file.

    Raises
    ------
    ContentError
        Naming the file and the first problem found.
    """
    check = Checker(path)
    data = check.mapping(load_yaml(path), "The file")
    suggestions = []
    for number, entry in enumerate(check.items(data.get("suggestions"), "'suggestions'"), 1):
        where = f"Suggestion {number}"
        check.mapping(entry, where)
        minutes = entry.get("minutes")
        if not isinstance(minutes, int) or isinstance(minutes, bool) or \
                not 1 <= minutes <= MAX_MINUTES:
            check.fail(f"{where} needs 'minutes' as a whole number from 1 to {MAX_MINUTES}")
        suggestions.append(Block(check.text(entry, "title", where, TITLE_LIMIT), minutes))
    return PlannerContent(
        intro=check.text(data, "intro", "The file", 600),
        suggestions=suggestions,
        access_prompts=check.texts(data, "access_prompts", "The file", 1, 300),
        travel_prompts=check.texts(data, "travel_prompts", "The file", 1, 300),
    )


def parse_minutes(raw: str | int | None) -> int | None:
    """Whole minutes from 1 to MAX_MINUTES, from a number or typed text; None if not valid."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        value = raw
    else:
        text = check_text(str(raw or ""), 10)
        if text.too_long or not re.fullmatch(r"\d+", text.text):
            return None
        value = int(text.text)
    return value if 1 <= value <= MAX_MINUTES else None


def parse_start(raw: str | None) -> int | None:
    """A clock time such as "10:00", "9.30" or "13:45" as minutes after midnight, or None."""
    match = _TIME.match(raw or "")
    if not match:
        return None
    return int(match.group(1)) * 60 + int(match.group(2))


def clock(minutes: int) -> str:
    """Minutes after midnight as a 24-hour clock time, e.g. 615 -> "10:15"."""
    minutes %= 24 * 60
    return f"{minutes // 60}:{minutes % 60:02d}"


def duration(minutes: int) -> str:
    """A length of time in plain words, e.g. 130 -> "2 hr 10 min"."""
    hours, rest = divmod(minutes, 60)
    if hours and rest:
        return t("networking.duration_both", hours=hours, minutes=rest)
    if hours:
        return t("networking.duration_hours", hours=hours)
    return t("networking.duration_minutes", minutes=rest)


class EventPlanner(widgets.VBox):
    """The learning event planner. See the module docstring.

    Parameters
    ----------
    content : PlannerContent
        The intro, suggested blocks and the access and travel prompts.
    """

    def __init__(self, content: PlannerContent, **kwargs):
        self.content = content
        self.blocks: list[Block] = []
        self.editing: int | None = None

        wide = stacked()
        self.event_name = widgets.Text(description=t("networking.planner_event_name"),
                                       continuous_update=False, layout=wide)
        self.event_name.add_class("qa-planner-event-name")
        self.event_name.observe(lambda _: self._on_event_name(), names="value")
        self.start = widgets.Text(description=t("networking.planner_start"),
                                  continuous_update=False, layout=wide)
        self.start.add_class("qa-planner-start")
        self.start.observe(lambda _: self._on_start(), names="value")

        suggestion_buttons = []
        for number, block in enumerate(content.suggestions):
            button = widgets.Button(description=t("networking.planner_add_suggestion",
                                                  title=block.title,
                                                  minutes=duration(block.minutes)))
            button.add_class("qa-planner-suggestion")
            button.on_click(lambda _, n=number: self.add_suggestion(n))
            suggestion_buttons.append(button)
        suggestions = widgets.HBox(suggestion_buttons)
        suggestions.add_class("pack-choice-row")

        self.form_heading = widgets.HTML()
        self.title = widgets.Text(description=t("networking.planner_block_title"),
                                  continuous_update=False, layout=wide)
        self.title.add_class("qa-planner-title")
        self.minutes = widgets.Text(description=t("networking.planner_block_minutes"),
                                    continuous_update=False,
                                    layout=stacked("12rem"))
        self.minutes.add_class("qa-planner-minutes")
        self.submit_button = widgets.Button(description=t("networking.planner_add"))
        self.submit_button.add_class("qa-planner-add")
        self.submit_button.on_click(lambda _: self.submit())
        self.cancel_button = widgets.Button(description=t("networking.planner_cancel"))
        self.cancel_button.add_class("qa-planner-cancel")
        self.cancel_button.on_click(lambda _: self.cancel_edit())
        self.status = LiveStatus()
        self.status.add_class("qa-planner-status")

        self.agenda_view = widgets.HTML()
        self.agenda_view.add_class("qa-planner-agenda")
        self.rows = widgets.VBox()
        self.rows.add_class("qa-planner-rows")
        self.row_pool: list[widgets.VBox] = []
        self.total_view = widgets.HTML()
        self.total_view.add_class("qa-planner-total")

        self.access = ReflectionBox(t("networking.planner_access_label"),
                                    t("networking.planner_hint"), limit=PLAN_LIMIT)
        self.access.text_area.add_class("qa-planner-access")
        self.travel = ReflectionBox(t("networking.planner_travel_label"),
                                    t("networking.planner_hint"), limit=PLAN_LIMIT)
        self.travel.text_area.add_class("qa-planner-travel")
        for box in (self.access, self.travel, self.event_name):
            box.observe(lambda _: self.download.reset(),
                        names="answer_text" if isinstance(box, ReflectionBox) else "value")
        self.download = DownloadPanel(self.handout, basename="learning-event-plan")

        def prompts(heading: str, items: list[str]) -> widgets.HTML:
            listed = "".join(f"<li>{escape(item)}</li>" for item in items)
            return widgets.HTML(f"<h3>{escape(heading)}</h3><ul>{listed}</ul>")

        super().__init__([
            widgets.HTML(f"<p>{escape(content.intro)}</p>"),
            self.event_name,
            self.start,
            widgets.HTML(f"<h3>{escape(t('networking.planner_suggestions'))}</h3>"),
            suggestions,
            self.form_heading,
            self.title,
            self.minutes,
            widgets.HBox([self.submit_button, self.cancel_button]),
            self.status,
            widgets.HTML(f"<h3>{escape(t('networking.planner_agenda'))}</h3>"),
            self.agenda_view,
            self.rows,
            self.total_view,
            prompts(t("networking.planner_access_heading"), content.access_prompts),
            self.access,
            prompts(t("networking.planner_travel_heading"), content.travel_prompts),
            self.travel,
            widgets.HTML(f"<h3>{escape(t('networking.planner_downloads'))}</h3>"),
            self.download,
        ], **kwargs)
        self.add_class("pack-event-planner")
        self._reset_form()
        self._redraw()

    # ---- times ----

    @property
    def start_minutes(self) -> int | None:
        return parse_start(self.start.value)

    def total_minutes(self) -> int:
        return sum(block.minutes for block in self.blocks)

    def schedule(self) -> list[tuple[Block, int, int]]:
        """Each block with its start and end, in minutes from the start of the event."""
        rows, elapsed = [], 0
        for block in self.blocks:
            rows.append((block, elapsed, elapsed + block.minutes))
            elapsed += block.minutes
        return rows

    def row_text(self, position: int) -> str:
        """A block as a line of the agenda, with clock times if a start time is set."""
        block, begins, ends = self.schedule()[position]
        start = self.start_minutes
        if start is None:
            return t("networking.planner_row", position=position + 1, title=block.title,
                     minutes=duration(block.minutes), total=duration(ends))
        return t("networking.planner_row_timed", position=position + 1,
                 start=clock(start + begins), end=clock(start + ends), title=block.title,
                 minutes=duration(block.minutes), total=duration(ends))

    def _on_start(self) -> None:
        text = self.start.value.strip()
        if text and self.start_minutes is None:
            self.status.say(t("networking.planner_start_invalid"))
        elif text:
            self.status.say(t("networking.planner_start_set", time=clock(self.start_minutes)))
        self._redraw()

    def _on_event_name(self) -> None:
        if check_text(self.event_name.value, EVENT_NAME_LIMIT).too_long:
            self.status.say(t("networking.planner_name_too_long", limit=EVENT_NAME_LIMIT))

    # ---- changing the agenda ----

    def _check(self, raw_title: str, raw_minutes: str | int) -> Block | None:
        checked = check_text(raw_title, TITLE_LIMIT)
        if checked.is_empty:
            self.status.say(t("networking.planner_title_empty"))
            return None
        if checked.too_long:
            self.status.say(t("networking.planner_title_too_long", limit=TITLE_LIMIT))
            return None
        minutes = parse_minutes(raw_minutes)
        if minutes is None:
            self.status.say(t("networking.planner_minutes_invalid", limit=MAX_MINUTES))
            return None
        return Block(" ".join(checked.text.split()), minutes)

    def add_block(self, title: str, minutes: str | int) -> bool:
        """Add a block at the end. Returns True if added; otherwise the status says why and
        the form keeps what was typed."""
        if len(self.blocks) >= MAX_BLOCKS:
            self.status.say(t("networking.planner_full", limit=MAX_BLOCKS))
            return False
        block = self._check(title, minutes)
        if block is None:
            return False
        self.blocks.append(block)
        self._redraw()
        self.status.say(t("networking.planner_added", title=block.title,
                          total=duration(self.total_minutes())))
        return True

    def add_suggestion(self, index: int) -> bool:
        """Add suggested block ``index`` (its button). The same block may be added twice."""
        block = self.content.suggestions[index]
        return self.add_block(block.title, block.minutes)

    def edit(self, index: int) -> None:
        """Put block ``index`` into the form to change it."""
        block = self.blocks[index]
        self.editing = index
        self.title.value = block.title
        self.minutes.value = str(block.minutes)
        self.submit_button.description = t("networking.planner_save")
        self.cancel_button.layout.display = None
        self.form_heading.value = (
            f"<h3>{escape(t('networking.planner_form_heading_edit', position=index + 1))}</h3>")
        self.status.say(t("networking.planner_editing", title=block.title))
        self.title.focus()

    def update(self, index: int, title: str, minutes: str | int) -> bool:
        """Change block ``index``. Returns True if saved."""
        if not 0 <= index < len(self.blocks):
            raise IndexError(index)
        block = self._check(title, minutes)
        if block is None:
            return False
        self.blocks[index] = block
        self._reset_form()
        self._redraw()
        self.status.say(t("networking.planner_updated", title=block.title,
                          total=duration(self.total_minutes())))
        self._focus_row(index, 2)
        return True

    def cancel_edit(self) -> None:
        index = self.editing
        self._reset_form()
        self.status.say(t("networking.planner_cancelled"))
        if index is not None:
            self._focus_row(index, 2)

    def move(self, index: int, step: int) -> bool:
        """Move block ``index`` up (step -1) or down (step 1). At an end it stays put and the
        status says so. Returns True if it moved."""
        block = self.blocks[index]
        target = index + step
        if not 0 <= target < len(self.blocks):
            key = "networking.planner_at_top" if step < 0 else "networking.planner_at_bottom"
            self.status.say(t(key, title=block.title))
            return False
        self.blocks[index], self.blocks[target] = self.blocks[target], self.blocks[index]
        if self.editing in (index, target):
            self._reset_form()
        self._redraw()
        self.status.say(t("networking.planner_moved", title=block.title, position=target + 1))
        self._focus_row(target, 0 if step < 0 else 1)
        return True

    def remove(self, index: int) -> None:
        block = self.blocks.pop(index)
        if self.editing is not None:
            self._reset_form()
        self._redraw()
        self.status.say(t("networking.planner_removed", title=block.title,
                          total=duration(self.total_minutes())))
        if self.blocks:
            self._focus_row(min(index, len(self.blocks) - 1), 3)
        else:
            self.title.focus()

    def submit(self) -> bool:
        """What the Add (or Save changes) button does with the form as it is now."""
        if self.editing is not None:
            return self.update(self.editing, self.title.value, self.minutes.value)
        added = self.add_block(self.title.value, self.minutes.value)
        if added:
            self.title.value = ""
            self.minutes.value = ""
            self.title.focus()
        return added

    def _reset_form(self) -> None:
        self.editing = None
        self.title.value = ""
        self.minutes.value = ""
        self.submit_button.description = t("networking.planner_add")
        self.cancel_button.layout.display = "none"
        self.form_heading.value = f"<h3>{escape(t('networking.planner_form_heading'))}</h3>"

    def _redraw(self) -> None:
        if not self.blocks:
            self.agenda_view.value = f"<p>{escape(t('networking.planner_empty'))}</p>"
        else:
            self.agenda_view.value = ""
        # Rows are kept and reused (extra ones hidden), never rebuilt, so a row's buttons
        # already exist in the page when focus is sent to them after a move.
        while len(self.row_pool) < len(self.blocks):
            number = len(self.row_pool)
            buttons = []
            for css, action in (
                    ("qa-planner-up", lambda _, n=number: self.move(n, -1)),
                    ("qa-planner-down", lambda _, n=number: self.move(n, 1)),
                    ("qa-planner-edit", lambda _, n=number: self.edit(n)),
                    ("qa-planner-remove", lambda _, n=number: self.remove(n))):
                button = widgets.Button()
                button.add_class(css)
                button.on_click(action)
                buttons.append(button)
            row = widgets.VBox([widgets.HTML(), widgets.HBox(buttons)])
            row.add_class("pack-card")
            row.add_class("qa-planner-row")
            self.row_pool.append(row)
        if len(self.rows.children) != len(self.row_pool):
            self.rows.children = tuple(self.row_pool)
        labels = ("networking.planner_up_button", "networking.planner_down_button",
                  "networking.planner_edit_button", "networking.planner_remove_button")
        for number, row in enumerate(self.row_pool):
            if number >= len(self.blocks):
                row.layout.display = "none"
                continue
            text, buttons = row.children
            text.value = (f'<p class="pack-card__term" style="font-size:1em;margin:0">'
                          f"{escape(self.row_text(number))}</p>")
            for key, button in zip(labels, buttons.children, strict=True):
                button.description = t(key, position=number + 1)
            row.layout.display = None
        total = duration(self.total_minutes())
        start = self.start_minutes
        if self.blocks and start is not None:
            text = t("networking.planner_total_timed", total=total, start=clock(start),
                     end=clock(start + self.total_minutes()))
            self.total_view.value = f"<p><strong>{escape(text)}</strong></p>"
        else:
            self.total_view.value = (
                f"<p><strong>{escape(t('networking.planner_total', total=total))}</strong></p>")
        self.download.reset()

    def _focus_row(self, index: int, button: int) -> None:
        if 0 <= index < len(self.blocks):
            self.row_pool[index].children[1].children[button].focus()

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
        start = self.start_minutes
        if start is not None:
            event.append(t("networking.planner_starts", time=clock(start)))
        if self.blocks:
            event.append(t("networking.planner_total", total=duration(self.total_minutes())))
        handout.add(t("networking.planner_handout_event"), event)
        handout.add(t("networking.planner_agenda"),
                    [self.row_text(number) for number in range(len(self.blocks))])
        handout.add(t("networking.planner_access_label"), [access.text] if access.text else [])
        handout.add(t("networking.planner_travel_label"), [travel.text] if travel.text else [])
        return handout


def event_planner(path: str = "networking/event-planner.yaml"):
    """The learning event planner, from its content file in ``assets/``; a clear message if
    it is broken."""
    try:
        return EventPlanner(load_planner_content(path))
    except ContentError as error:
        return error_block(error)
