"""Small accessible charts drawn as SVG markup, with a text alternative to show beside them.

These are pure functions: they take labels and whole-number values and return strings. No
plotting library is used, nothing is fetched, and every label is escaped, so text typed by a
person or read from a content file can never become markup.

Each chart is an ``<svg role="img">`` named by its own ``<title>`` (through
``aria-labelledby``). A screen reader hears the title; the values themselves are in the
text alternative (:func:`text_alternative`), which a page should always show next to the
chart, for example with :func:`figure_html`::

    values = [("Physical", 4), ("Emotional", None), ("Personal", 2)]
    html = figure_html(wheel_svg(values, 5, "My self-care wheel"),
                       text_alternative(values, 5, "passed"))

A value of ``None`` means the person passed (or has not answered yet). It is drawn as an
empty, dashed segment or a missing bar, and named "passed" in the text alternative, so a
pass is never shown as a low score.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence

from ..i18n import t
from ..text import escape

__all__ = ["bar_chart_svg", "figure_html", "text_alternative", "wheel_svg"]

Value = int | None

# Colours from the pack's palette. Against white: text 19.6:1, fill 12.4:1, guides 7.1:1.
TEXT = "#0b0c0c"
FILL = "#003078"
GUIDE = "#505a5f"
EMPTY = "#f3f2f1"
BACKGROUND = "#ffffff"

LABEL_WIDTH = 16  # characters per line before a label wraps (labels are never cut)

_ids = itertools.count(1)


def _new_id(prefix: str) -> str:
    """An id unique within this kernel, so several charts can share a page."""
    return f"pack-{prefix}-{next(_ids)}"


def _check(values: Sequence[tuple[str, Value]], maximum: int) -> None:
    if not isinstance(maximum, int) or isinstance(maximum, bool) or maximum < 1:
        raise ValueError("maximum must be a whole number of at least 1")
    for label, value in values:
        if not isinstance(label, str):
            raise TypeError("every label must be text")
        if value is None:
            continue
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= maximum:
            raise ValueError(f"the value for {label!r} must be a whole number from 0 to "
                             f"{maximum}, or None for passed")


def value_text(value: Value, maximum: int, passed_label: str | None = None) -> str:
    """How a value reads in words: "4 out of 5", or the passed label for ``None``."""
    if value is None:
        return passed_label if passed_label is not None else t("charts.passed")
    return t("charts.value", value=value, maximum=maximum)


def wrap_label(label: str, width: int = LABEL_WIDTH) -> list[str]:
    """Split a label into lines of about ``width`` characters, at spaces. Nothing is cut."""
    lines: list[str] = []
    for word in label.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def _svg_open(width: int, height: int, title: str, chart_id: str | None, kind: str) -> str:
    chart_id = chart_id or _new_id(kind)
    title_id = f"{chart_id}-title"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" id="{escape(chart_id)}" '
        f'class="pack-chart-svg pack-chart-{kind}" role="img" '
        f'aria-labelledby="{escape(title_id)}" viewBox="0 0 {width} {height}" '
        f'width="100%" preserveAspectRatio="xMidYMid meet" '
        f'style="max-width:{width / 18:.1f}em;height:auto;display:block" '
        f'font-family="Arial, Helvetica, sans-serif">'
        f'<title id="{escape(title_id)}">{escape(title)}</title>'
    )


def _point(cx: float, cy: float, radius: float, degrees: float) -> tuple[float, float]:
    angle = math.radians(degrees)
    return cx + radius * math.cos(angle), cy + radius * math.sin(angle)


def _wedge(cx: float, cy: float, radius: float, start: float, end: float) -> str:
    """Path data for a pie slice from ``start`` to ``end`` degrees (0 is east, clockwise)."""
    if end - start >= 359.999:
        # A whole circle: two half arcs, as one arc cannot start and end at the same point.
        top, bottom = _point(cx, cy, radius, -90), _point(cx, cy, radius, 90)
        return (f"M {top[0]:.2f} {top[1]:.2f} A {radius:.2f} {radius:.2f} 0 1 1 "
                f"{bottom[0]:.2f} {bottom[1]:.2f} A {radius:.2f} {radius:.2f} 0 1 1 "
                f"{top[0]:.2f} {top[1]:.2f} Z")
    x0, y0 = _point(cx, cy, radius, start)
    x1, y1 = _point(cx, cy, radius, end)
    large = 1 if end - start > 180 else 0
    return (f"M {cx:.2f} {cy:.2f} L {x0:.2f} {y0:.2f} "
            f"A {radius:.2f} {radius:.2f} 0 {large} 1 {x1:.2f} {y1:.2f} Z")


def _text_block(x: float, y: float, lines: list[str], anchor: str, size: int,
                css_class: str, bold_lines: int = 0) -> str:
    """A ``<text>`` of several lines, vertically centred on ``y``."""
    step = size * 1.2
    first = y - step * (len(lines) - 1) / 2 + size * 0.35
    spans = []
    for number, line in enumerate(lines):
        weight = ' font-weight="700"' if number < bold_lines else ""
        spans.append(f'<tspan x="{x:.1f}" y="{first + number * step:.1f}"{weight}>'
                     f"{escape(line)}</tspan>")
    return (f'<text class="{css_class}" text-anchor="{anchor}" font-size="{size}" '
            f'fill="{TEXT}">{"".join(spans)}</text>')


def wheel_svg(segments: Sequence[tuple[str, Value]], maximum: int, title: str, *,
              passed_label: str | None = None, chart_id: str | None = None) -> str:
    """A wheel with one segment per label, filled from the centre in proportion to its value.

    Parameters
    ----------
    segments : sequence of (label, value)
        In order, clockwise from the top. A value is a whole number from 0 to ``maximum``;
        ``None`` (passed or not answered) is drawn as an empty, dashed segment.
    maximum : int
        The value that fills a segment to the rim.
    title : str
        The chart's accessible name (its ``<title>``).
    passed_label : str, optional
        Written under a passed segment's label. Defaults to the catalogue's "passed".
    chart_id : str, optional
        The ``id`` of the ``<svg>``; a fresh unique one is made if not given.

    Returns
    -------
    str
        SVG markup. Show :func:`text_alternative` beside it.
    """
    _check(segments, maximum)
    width, height = 640, 460
    cx, cy, rim = width / 2, height / 2, 150
    parts = [_svg_open(width, height, title, chart_id, "wheel")]
    parts.append(f'<rect width="{width}" height="{height}" fill="{BACKGROUND}"/>')
    count = len(segments)
    if count == 0:
        parts.append(f'<circle cx="{cx}" cy="{cy}" r="{rim}" fill="{EMPTY}" '
                     f'stroke="{TEXT}" stroke-width="2"/>')
        parts.append("</svg>")
        return "".join(parts)
    span = 360 / count
    angles = [(-90 + number * span, -90 + (number + 1) * span) for number in range(count)]

    # 1. The empty wheel: a light segment per label; passed ones white with a dashed edge.
    for (_label, value), (start, end) in zip(segments, angles, strict=True):
        if value is None:
            parts.append(f'<path class="pack-wheel-passed" d="{_wedge(cx, cy, rim, start, end)}" '
                         f'fill="{BACKGROUND}" stroke="{TEXT}" stroke-width="2" '
                         f'stroke-dasharray="6 5"/>')
        else:
            parts.append(f'<path class="pack-wheel-segment" '
                         f'd="{_wedge(cx, cy, rim, start, end)}" fill="{EMPTY}"/>')
    # 2. Guide rings, one per step when there are few steps.
    if maximum <= 10:
        for step in range(1, maximum):
            parts.append(f'<circle cx="{cx}" cy="{cy}" r="{rim * step / maximum:.2f}" '
                         f'fill="none" stroke="{GUIDE}" stroke-width="1"/>')
    # 3. The filled part of each segment.
    for (_label, value), (start, end) in zip(segments, angles, strict=True):
        if value:
            radius = rim * value / maximum
            parts.append(f'<path class="pack-wheel-fill" d="{_wedge(cx, cy, radius, start, end)}" '
                         f'fill="{FILL}" stroke="{BACKGROUND}" stroke-width="1"/>')
    # 4. Dividing lines and the rim, drawn last so every segment has a clear edge.
    if count > 1:
        for start, _end in angles:
            x, y = _point(cx, cy, rim, start)
            parts.append(f'<line x1="{cx}" y1="{cy}" x2="{x:.2f}" y2="{y:.2f}" '
                         f'stroke="{TEXT}" stroke-width="2"/>')
    parts.append(f'<circle cx="{cx}" cy="{cy}" r="{rim}" fill="none" stroke="{TEXT}" '
                 f'stroke-width="2"/>')
    # 5. Labels round the outside, each with its value in words (so colour is never needed).
    for (label, value), (start, end) in zip(segments, angles, strict=True):
        middle = (start + end) / 2
        x, y = _point(cx, cy, rim + 16, middle)
        cosine = math.cos(math.radians(middle))
        anchor = "middle" if abs(cosine) < 0.3 else ("start" if cosine > 0 else "end")
        lines = wrap_label(label)
        words = value_text(value, maximum, passed_label)
        sine = math.sin(math.radians(middle))
        block_height = 20 * 1.2 * len(lines) + 20
        if abs(cosine) < 0.3:  # above or below the wheel: keep the block clear of the rim
            y += sine * block_height / 2
        parts.append(_text_block(x, y, [*lines, words], anchor, 20, "pack-wheel-label",
                                 bold_lines=len(lines)))
    parts.append("</svg>")
    return "".join(parts)


def bar_chart_svg(bars: Sequence[tuple[str, Value]], maximum: int, title: str, *,
                  passed_label: str | None = None, chart_id: str | None = None) -> str:
    """A horizontal bar chart, one bar per label, with the value written after each bar.

    Parameters
    ----------
    bars : sequence of (label, value)
        In order, top to bottom. ``None`` (passed) has no bar and reads "passed".
    maximum : int
        The value of a full-length bar.
    title : str
        The chart's accessible name (its ``<title>``).
    passed_label, chart_id : str, optional
        As for :func:`wheel_svg`.

    Returns
    -------
    str
        SVG markup. Show :func:`text_alternative` beside it.
    """
    _check(bars, maximum)
    label_x, bar_x, bar_length, size = 190, 200, 260, 20
    rows = [wrap_label(label, 18) for label, _ in bars]
    heights = [max(44, len(lines) * size * 1.2 + 12) for lines in rows]
    width, height = 600, int(sum(heights) + 20)
    parts = [_svg_open(width, height, title, chart_id, "bars")]
    parts.append(f'<rect width="{width}" height="{height}" fill="{BACKGROUND}"/>')
    top = 10.0
    for (_label, value), lines, row_height in zip(bars, rows, heights, strict=True):
        middle = top + row_height / 2
        parts.append(_text_block(label_x, middle, lines, "end", size, "pack-bar-label",
                                 bold_lines=len(lines)))
        parts.append(f'<rect class="pack-bar-track" x="{bar_x}" y="{middle - 12:.1f}" '
                     f'width="{bar_length}" height="24" fill="{EMPTY}"/>')
        if value:
            length = bar_length * value / maximum
            parts.append(f'<rect class="pack-bar" x="{bar_x}" y="{middle - 12:.1f}" '
                         f'width="{length:.1f}" height="24" fill="{FILL}"/>')
        dashes = ' stroke-dasharray="6 5"' if value is None else ""
        parts.append(f'<rect x="{bar_x}" y="{middle - 12:.1f}" width="{bar_length}" '
                     f'height="24" fill="none" stroke="{TEXT}" stroke-width="1.5"{dashes}/>')
        parts.append(_text_block(bar_x + bar_length + 8, middle,
                                 [value_text(value, maximum, passed_label)], "start", size,
                                 "pack-bar-value"))
        top += row_height
    parts.append("</svg>")
    return "".join(parts)


def text_alternative(values: Sequence[tuple[str, Value]], maximum: int,
                     passed_label: str | None = None, *,
                     describe: Callable[[int], str] | None = None) -> str:
    """The chart's values as an HTML list: each label with its value in words, or "passed".

    Parameters
    ----------
    values : sequence of (label, value)
        The same pairs given to the chart.
    maximum : int
        The highest possible value.
    passed_label : str
        Shown for ``None``. Defaults to the catalogue's "passed".
    describe : callable, optional
        Turns a value into words, for example ``3`` into "Mostly (3 out of 5)". Defaults to
        "3 out of 5".
    """
    _check(values, maximum)
    items = []
    for label, value in values:
        if value is None or describe is None:
            words = value_text(value, maximum, passed_label)
        else:
            words = describe(value)
        items.append(f"<li><strong>{escape(label)}</strong>: {escape(words)}</li>")
    return f'<ul class="pack-chart-text">{"".join(items)}</ul>'


def figure_html(svg: str, alternative: str, caption: str = "") -> str:
    """Put a chart and its text alternative together in a ``<figure>``.

    ``svg`` and ``alternative`` must come from this module (they are already escaped);
    ``caption`` is plain text and is escaped here.
    """
    heading = f'<p class="pack-chart-caption">{escape(caption)}</p>' if caption else ""
    return (f'<figure class="pack-chart" style="margin:0.5em 0">{svg}'
            f"<figcaption>{heading}{alternative}</figcaption></figure>")
