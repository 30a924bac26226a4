"""A hub map drawn as SVG: something in the middle (a group) and the people, places or
organisations it links with in boxes round it, each joined by a line with arrows for the way
things go. Pure functions from labels to markup; every label is escaped and nothing is fetched.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass

from ..text import escape

__all__ = ["CENTRE_SIZE", "NODE_WIDTH", "RING_MAX", "SVG_WIDTH", "Spoke", "boxes_apart",
           "hub_layout", "hub_svg", "line_ends", "wrap_label"]

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
class Spoke:
    """One box round the centre: its words, its border, and how its line meets the centre.

    ``lines`` are (text, font style) pairs; ``style`` is the border's colour, dash pattern and
    corner radius, so kinds differ by more than colour. ``outward`` and ``inward`` put an arrow
    at the box's end or the centre's; ``pending`` draws a dashed line with no arrows.
    """

    lines: list[tuple[str, str]]
    style: tuple[str, str, int]
    outward: bool = False
    inward: bool = False
    pending: bool = False


@dataclass(frozen=True)
class Node:
    """A spoke's box: its centre, height and lines of text (text, font style)."""

    spoke: Spoke
    x: float
    y: float
    height: float
    lines: list[tuple[str, str]]

    @property
    def box(self) -> tuple[float, float, float, float]:
        """Left, top, right, bottom."""
        return (self.x - NODE_WIDTH / 2, self.y - self.height / 2,
                self.x + NODE_WIDTH / 2, self.y + self.height / 2)


@dataclass(frozen=True)
class MapLayout:
    """Where everything sits: the picture's height, the centre, one box per spoke, and whether
    the boxes stand in two columns (otherwise they sit round an oval)."""

    height: float
    centre: tuple[float, float]
    nodes: list[Node]
    columns: bool


def hub_layout(spokes: Sequence[Spoke]) -> MapLayout:
    """Where everything sits: the picture's height, the centre, and one box per spoke.

    Up to eight boxes sit round an oval, clockwise from the top. More than that (or words so
    long that the oval would crowd) sit in two columns either side of the centre (left, right,
    left, ...), and the picture grows taller, so boxes never overlap and no line runs under
    another box.
    """
    lines = [spoke.lines for spoke in spokes]
    heights = [LINE_HEIGHT * len(text) + 14 for text in lines]
    if len(spokes) <= RING_MAX:
        height = MIN_HEIGHT
        cx, cy = SVG_WIDTH / 2, height / 2
        rx = SVG_WIDTH / 2 - NODE_WIDTH / 2 - EDGE
        ry = height / 2 - max(heights, default=0) / 2 - EDGE
        nodes = []
        for number, spoke in enumerate(spokes):
            angle = -math.pi / 2 + 2 * math.pi * number / len(spokes)
            nodes.append(Node(spoke, cx + rx * math.cos(angle), cy + ry * math.sin(angle),
                              heights[number], lines[number]))
        if boxes_apart(nodes, (cx, cy)):
            return MapLayout(height, (cx, cy), nodes, columns=False)
    rows = [heights[start:start + 2] for start in range(0, len(spokes), 2)]
    row_heights = [max(row) for row in rows]
    height = max(MIN_HEIGHT, sum(row_heights) + ROW_GAP * (len(rows) - 1) + 2 * EDGE)
    top = (height - sum(row_heights) - ROW_GAP * (len(rows) - 1)) / 2
    nodes = []
    for number, spoke in enumerate(spokes):
        row = number // 2
        y = top + sum(row_heights[:row]) + ROW_GAP * row + row_heights[row] / 2
        x = EDGE + NODE_WIDTH / 2 if number % 2 == 0 else SVG_WIDTH - EDGE - NODE_WIDTH / 2
        nodes.append(Node(spoke, x, y, heights[number], lines[number]))
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


def hub_svg(spokes: Sequence[Spoke], title: str, description: str, centre_label: str,
            prefix: str | None = None) -> str:
    """An accessible SVG map: the centre (a group, say) in the middle, one box per spoke round
    it, and a line to each, with its arrows.

    Every label is escaped. The SVG has ``role="img"`` and is named by its ``<title>`` and
    described by its ``<desc>``; always show a text alternative next to it.
    """
    prefix = prefix or f"pack-hub-{next(_ids)}"
    layout = hub_layout(spokes)
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
        if node.spoke.outward:
            attributes += f' marker-end="url(#{marker})"'
        if node.spoke.inward:
            attributes += f' marker-start="url(#{marker})"'
        if node.spoke.pending:
            attributes = 'stroke="#505a5f" stroke-width="3" stroke-dasharray="10 8"'
        parts.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
                     f"{attributes}/>")
    width, tall = CENTRE_SIZE
    parts.append(
        f'<rect x="{cx - width / 2:.1f}" y="{cy - tall / 2:.1f}" width="{width}" '
        f'height="{tall}" rx="{tall / 2:.0f}" fill="{TEXT_COLOUR}"/>')
    parts.append(_text([(centre_label, "")], cx, cy - LINE_HEIGHT / 2, "#ffffff", bold=True))
    for node in nodes:
        colour, dashes, radius = node.spoke.style
        dash = f' stroke-dasharray="{dashes}"' if dashes else ""
        left, top, _right, _bottom = node.box
        parts.append(
            f'<rect x="{left:.1f}" y="{top:.1f}" width="{NODE_WIDTH}" height="{node.height}" '
            f'rx="{radius}" fill="#ffffff" stroke="{colour}" stroke-width="4"{dash}/>')
        parts.append(_text(node.lines, node.x, top + 7, TEXT_COLOUR))
    parts.append("</svg>")
    return "".join(parts)
