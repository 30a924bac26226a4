"""Tests for kit.charts: accessible SVG wheels and bars, with a text alternative."""

import math
import re
import xml.etree.ElementTree as ET

import pytest

from peer_support.i18n import t
from peer_support.kit.charts import (
    bar_chart_svg,
    figure_html,
    text_alternative,
    value_text,
    wheel_svg,
    wrap_label,
)

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = '<img src=x onerror="alert(1)"><script>alert(2)</script>'
WELSH = "Llesiant ŵ ŷ 😊"
SEGMENTS = [("Physical", 4), ("Psychological", None), ("Emotional", 0), ("Spiritual", 5),
            ("Personal", 2), ("Professional", 3)]


def parse(svg: str) -> ET.Element:
    """The chart as XML: this fails if any label broke the markup."""
    return ET.fromstring(svg)


def texts(root: ET.Element) -> list[str]:
    return ["".join(node.itertext()) for node in root.iter(f"{SVG}text")]


def paths(root: ET.Element, css_class: str) -> list[ET.Element]:
    return [node for node in root.iter(f"{SVG}path") if node.get("class") == css_class]


# ---- the wheel ----


def test_wheel_is_an_image_named_by_its_title() -> None:
    root = parse(wheel_svg(SEGMENTS, 5, "My self-care wheel"))
    title = root.find(f"{SVG}title")
    assert root.get("role") == "img"
    assert title is not None and title.text == "My self-care wheel"
    assert root.get("aria-labelledby") == title.get("id")


def test_wheel_ids_are_unique_so_charts_can_share_a_page() -> None:
    first = parse(wheel_svg(SEGMENTS, 5, "One"))
    second = parse(wheel_svg(SEGMENTS, 5, "Two"))
    assert first.get("id") != second.get("id")
    assert first.get("aria-labelledby") != second.get("aria-labelledby")


def test_wheel_takes_a_given_id() -> None:
    root = parse(wheel_svg(SEGMENTS, 5, "One", chart_id="my-wheel"))
    assert root.get("id") == "my-wheel"
    assert root.get("aria-labelledby") == "my-wheel-title"


def test_wheel_fills_only_segments_with_a_value_above_nothing() -> None:
    root = parse(wheel_svg(SEGMENTS, 5, "Wheel"))
    assert len(paths(root, "pack-wheel-fill")) == 4  # 4, 5, 2 and 3; not 0, not passed


def test_wheel_fill_reaches_in_proportion_to_the_value() -> None:
    root = parse(wheel_svg([("A", 1), ("B", 4)], 4, "Wheel"))
    radii = []
    for path in paths(root, "pack-wheel-fill"):
        numbers = [float(n) for n in re.findall(r"-?\d+\.?\d*", path.get("d"))]
        centre, edge = numbers[0:2], numbers[2:4]
        radii.append(math.dist(centre, edge))
    assert radii[1] == pytest.approx(radii[0] * 4, rel=0.01)


def test_wheel_draws_passed_segment_empty_and_dashed() -> None:
    root = parse(wheel_svg(SEGMENTS, 5, "Wheel"))
    passed = paths(root, "pack-wheel-passed")
    assert len(passed) == 1
    assert passed[0].get("stroke-dasharray")
    assert passed[0].get("fill") == "#ffffff"


def test_wheel_labels_every_segment_with_its_value_in_words() -> None:
    labels = texts(parse(wheel_svg(SEGMENTS, 5, "Wheel")))
    assert len(labels) == len(SEGMENTS)
    assert labels[0] == "Physical4 out of 5"
    assert labels[1] == "Psychological" + t("charts.passed")
    assert labels[2] == "Emotional0 out of 5"


def test_wheel_uses_a_given_passed_label() -> None:
    labels = texts(parse(wheel_svg([("A", None)], 3, "Wheel", passed_label="skipped")))
    assert labels == ["Askipped"]


def test_wheel_shows_hostile_labels_as_text() -> None:
    svg = wheel_svg([(HOSTILE, 2), (WELSH, None)], 5, HOSTILE)
    root = parse(svg)
    assert "<script>" not in svg and "<img" not in svg
    assert root.find(f"{SVG}title").text == HOSTILE
    assert HOSTILE.split()[0] in texts(root)[0]
    assert WELSH in texts(root)[1]


def test_wheel_never_cuts_a_long_label() -> None:
    label = "A very long label that keeps going " * 5
    root = parse(wheel_svg([(label, 1)], 2, "W"))
    lines = [span.text for span in root.iter(f"{SVG}tspan")]
    assert " ".join(lines[:-1]) == label.strip()
    assert lines[-1] == "1 out of 2"


def test_wheel_with_one_segment_is_a_whole_circle() -> None:
    root = parse(wheel_svg([("Only", 2)], 2, "Wheel"))
    fill = paths(root, "pack-wheel-fill")[0].get("d")
    assert fill.count(" A ") == 2


def test_wheel_with_no_segments_is_still_valid() -> None:
    root = parse(wheel_svg([], 5, "Empty"))
    assert root.find(f"{SVG}title").text == "Empty"


@pytest.mark.parametrize("value", [-1, 6, 2.5, True, "3"])
def test_wheel_refuses_values_outside_the_scale(value) -> None:
    with pytest.raises(ValueError):
        wheel_svg([("A", value)], 5, "Wheel")


@pytest.mark.parametrize("maximum", [0, -3, 1.5])
def test_wheel_refuses_a_maximum_below_one(maximum) -> None:
    with pytest.raises(ValueError):
        wheel_svg([("A", 1)], maximum, "Wheel")


def test_wheel_refuses_a_label_that_is_not_text() -> None:
    with pytest.raises(TypeError):
        wheel_svg([(3, 1)], 5, "Wheel")


# ---- bars ----


def test_bars_are_an_image_named_by_its_title() -> None:
    root = parse(bar_chart_svg(SEGMENTS, 5, "Needs"))
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == root.find(f"{SVG}title").get("id")


def test_bars_have_lengths_in_proportion() -> None:
    root = parse(bar_chart_svg([("A", 1), ("B", 2), ("C", None), ("D", 0)], 2, "Bars"))
    bars = [node for node in root.iter(f"{SVG}rect") if node.get("class") == "pack-bar"]
    widths = [float(node.get("width")) for node in bars]
    assert len(widths) == 2
    assert widths[1] == pytest.approx(widths[0] * 2)


def test_bars_write_each_label_and_value() -> None:
    labels = texts(parse(bar_chart_svg([("A", 1), ("B", None)], 2, "Bars")))
    assert labels == ["A", "1 out of 2", "B", t("charts.passed")]


def test_bars_show_hostile_labels_as_text() -> None:
    svg = bar_chart_svg([(HOSTILE, 1), (WELSH, 2)], 2, HOSTILE)
    root = parse(svg)
    assert "<script>" not in svg
    assert WELSH in texts(root)


def test_bars_grow_taller_for_more_bars() -> None:
    short = parse(bar_chart_svg([("A", 1)], 2, "Bars"))
    tall = parse(bar_chart_svg([("A", 1)] * 5, 2, "Bars"))
    height = lambda root: float(root.get("viewBox").split()[3])  # noqa: E731
    assert height(tall) > height(short)


# ---- the text alternative ----


def test_text_alternative_lists_each_label_and_value() -> None:
    html = text_alternative(SEGMENTS, 5, "passed")
    items = re.findall(r"<li>(.*?)</li>", html)
    assert items[0] == "<strong>Physical</strong>: 4 out of 5"
    assert items[1] == "<strong>Psychological</strong>: passed"
    assert len(items) == len(SEGMENTS)
    assert html.startswith("<ul")


def test_text_alternative_uses_describe_for_values_not_passes() -> None:
    html = text_alternative([("A", 3), ("B", None)], 5, "skipped",
                            describe=lambda value: f"Mostly ({value})")
    assert re.findall(r"<li>(.*?)</li>", html) == [
        "<strong>A</strong>: Mostly (3)", "<strong>B</strong>: skipped"]


def test_text_alternative_escapes_labels_and_words() -> None:
    html = text_alternative([(HOSTILE, 1)], 2, HOSTILE)
    html += text_alternative([(HOSTILE, None)], 2, HOSTILE)
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html


def test_figure_holds_chart_and_alternative_and_escapes_caption() -> None:
    svg = wheel_svg(SEGMENTS, 5, "Wheel")
    alternative = text_alternative(SEGMENTS, 5)
    html = figure_html(svg, alternative, caption=HOSTILE)
    assert svg in html and alternative in html
    assert "<script>" not in html.replace(svg, "").replace(alternative, "")


# ---- helpers ----


def test_value_text_reads_in_words() -> None:
    assert value_text(3, 5) == "3 out of 5"
    assert value_text(None, 5) == t("charts.passed")
    assert value_text(None, 5, "skipped") == "skipped"


def test_wrap_label_keeps_every_word() -> None:
    label = "Physical well-being and a good night's sleep"
    lines = wrap_label(label, 12)
    assert " ".join(lines) == label
    assert len(lines) > 1


def test_wrap_label_keeps_a_single_long_word_whole() -> None:
    assert wrap_label("x" * 40, 10) == ["x" * 40]
