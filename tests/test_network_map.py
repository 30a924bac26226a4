"""Tests for chapters.network_map: the network map, its picture and its download."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
import yaml
from conftest import decoded_link, load_error, write_yaml
from IPython.display import HTML

from peer_support import content
from peer_support.chapters.network_map import (
    CENTRE_SIZE,
    DIRECTIONS,
    KINDS,
    MAP,
    MAX_LINKS,
    NAME_LIMIT,
    RING_MAX,
    SVG_WIDTH,
    Link,
    NetworkMap,
    all_statutory,
    describe_link,
    line_ends,
    map_layout,
    map_svg,
    network_map,
    summary_lines,
    wrap_label,
)
from peer_support.i18n import t
from peer_support.kit.handout import Handout

MAP_FILE = "networking/network-map.yaml"
REAL_ASSETS = content.ASSETS_DIR
REAL_MAP = yaml.safe_load((REAL_ASSETS / MAP_FILE).read_text(encoding="utf-8"))
SCRIPT = "<script>alert(1)</script>"
IMG = '<img src=x onerror="alert(1)">'
WELSH = "Canolfan Menywod Ŵyr ŷ 😊"


# ---- helpers ----


def is_error_block(block: object) -> bool:
    return isinstance(block, HTML) and 'role="alert"' in block.data


def new_map() -> NetworkMap:
    return NetworkMap(MAP.load(MAP_FILE))


def said(widget) -> str:
    return widget.status.message


# ---- content file ----


def test_map_content_real_file_has_examples_for_every_kind() -> None:
    loaded = MAP.load(MAP_FILE)
    assert set(loaded.examples) == set(KINDS)
    assert all(loaded.examples[kind] for kind in KINDS)
    assert "statutory" in loaded.statutory_prompt


def test_map_content_missing_kind_names_file(assets: Path) -> None:
    data = {**REAL_MAP, "examples": {k: v for k, v in REAL_MAP["examples"].items()
                                     if k != "faith"}}
    error = load_error(lambda: MAP.load(write_yaml(assets, MAP_FILE, data)))
    assert error.path.endswith(MAP_FILE)
    assert "faith" in error.problem


def test_map_content_unknown_kind_names_file(assets: Path) -> None:
    data = {**REAL_MAP, "examples": {**REAL_MAP["examples"], "private": ["a shop"]}}
    error = load_error(lambda: MAP.load(write_yaml(assets, MAP_FILE, data)))
    assert error.path.endswith(MAP_FILE)
    assert "private" in error.problem


def test_map_content_missing_prompt_names_file(assets: Path) -> None:
    data = {k: v for k, v in REAL_MAP.items() if k != "statutory_prompt"}
    error = load_error(lambda: MAP.load(write_yaml(assets, MAP_FILE, data)))
    assert "'statutory_prompt'" in error.problem


def test_network_map_broken_file_gives_calm_error_block(assets: Path) -> None:
    (assets / MAP_FILE).write_text("intro: [unclosed", encoding="utf-8")
    block = network_map(MAP_FILE)
    assert is_error_block(block)
    assert MAP_FILE in block.data


def test_network_map_missing_file_gives_error_block(assets: Path) -> None:
    assert is_error_block(network_map(MAP_FILE))


# ---- links and the map ----


def test_link_refuses_unknown_kind_and_direction() -> None:
    with pytest.raises(ValueError):
        Link("A", "private", "both")
    with pytest.raises(ValueError):
        Link("A", "faith", "sideways")


def test_describe_link_names_kind_and_direction() -> None:
    assert describe_link(Link("Food bank", "community", "we_refer")) == \
        "Food bank (community): we refer women to them."
    assert "both ways" in describe_link(Link("A", "faith", "both"))
    assert "they refer women to us" in describe_link(Link("A", "faith", "they_refer"))
    assert "no referrals yet" in describe_link(Link("A", "faith", "none"))


def test_all_statutory_only_when_every_link_is_statutory() -> None:
    assert not all_statutory([])
    assert all_statutory([Link("GP", "statutory", "both")])
    assert not all_statutory([Link("GP", "statutory", "both"), Link("C", "faith", "none")])


def test_summary_lines_count_both_ways_in_each_direction() -> None:
    lines = summary_lines([Link("A", "voluntary", "both"), Link("B", "voluntary", "we_refer"),
                           Link("C", "faith", "none")])
    assert lines[0].endswith("3.")
    assert "2 voluntary, 1 faith" in lines[1]
    assert lines[2].endswith(": 2.")  # we refer to A and B
    assert lines[3].endswith(": 1.")  # A refers to us


def test_wrap_label_keeps_every_character() -> None:
    name = "Supercalifragilisticexpialidocious women's centre of Wrexham"
    lines = wrap_label(name, 16)
    assert all(len(line) <= 16 for line in lines)
    assert "".join(lines).replace(" ", "") == name.replace(" ", "")


def test_map_svg_is_accessible_and_escapes_labels() -> None:
    svg = map_svg([Link(SCRIPT, "voluntary", "we_refer")], "Our <map>", "desc & more",
                  "Our group", prefix="p1")
    assert 'role="img"' in svg and 'aria-labelledby="p1-title p1-desc"' in svg
    assert '<title id="p1-title">Our &lt;map&gt;</title>' in svg
    assert "desc &amp; more" in svg
    assert "<script>" not in svg
    assert "&lt;script&gt;" in svg


@pytest.mark.parametrize(("direction", "end", "start", "dashed"), [
    ("we_refer", True, False, False),
    ("they_refer", False, True, False),
    ("both", True, True, False),
    ("none", False, False, True),
])
def test_map_svg_arrows_follow_referral_direction(direction, end, start, dashed) -> None:
    svg = map_svg([Link("A", "faith", direction)], "T", "D", "Our group", prefix="p")
    line = re.search(r"<line [^>]*/>", svg).group(0)
    assert ("marker-end" in line) is end
    assert ("marker-start" in line) is start
    assert ("stroke-dasharray" in line) is dashed


def test_map_svg_draws_one_box_per_link_plus_the_group() -> None:
    links = [Link(f"Org {n}", KINDS[n % 4], DIRECTIONS[n % 4]) for n in range(MAX_LINKS)]
    svg = map_svg(links, "T", "D", "Our group", prefix="p")
    assert svg.count("<rect ") == MAX_LINKS + 1
    assert svg.count("<line ") == MAX_LINKS
    assert all(f"Org {n}" in svg for n in range(MAX_LINKS))


def overlaps(a, b, gap: float = 8) -> bool:
    return a[0] < b[2] + gap and b[0] < a[2] + gap and a[1] < b[3] + gap and b[1] < a[3] + gap


def crosses(x1, y1, x2, y2, box, pad: float = 2) -> bool:
    """Whether the segment passes through ``box`` (sampled finely)."""
    for step in range(1, 200):
        f = step / 200
        x, y = x1 + (x2 - x1) * f, y1 + (y2 - y1) * f
        if box[0] + pad < x < box[2] - pad and box[1] + pad < y < box[3] - pad:
            return True
    return False


@pytest.mark.parametrize("count", range(1, MAX_LINKS + 1))
@pytest.mark.parametrize("name_length", [4, 30, NAME_LIMIT])
def test_map_layout_keeps_boxes_apart_inside_the_picture(count: int, name_length: int) -> None:
    names = [(f"Organisation {n} " + "word " * 20)[:name_length] for n in range(count)]
    links = [Link(name, KINDS[n % 4], "both") for n, name in enumerate(names)]
    layout = map_layout(links)
    height, centre, nodes = layout.height, layout.centre, layout.nodes
    half_w, half_h = CENTRE_SIZE[0] / 2, CENTRE_SIZE[1] / 2
    boxes = [node.box for node in nodes]
    group = (centre[0] - half_w, centre[1] - half_h, centre[0] + half_w, centre[1] + half_h)
    for box in [*boxes, group]:
        assert box[0] >= 0 and box[1] >= 0 and box[2] <= SVG_WIDTH and box[3] <= height
    for first, second in itertools.combinations([*boxes, group], 2):
        assert not overlaps(first, second)
    for number, node in enumerate(nodes):
        x1, y1, x2, y2 = line_ends(centre, node, layout.columns)
        assert not any(crosses(x1, y1, x2, y2, box)
                       for other, box in enumerate(boxes) if other != number)


def test_map_layout_is_an_oval_for_a_few_short_names_and_columns_beyond() -> None:
    assert not map_layout([Link(f"O{n}", "faith", "both") for n in range(RING_MAX)]).columns
    assert map_layout([Link(f"O{n}", "faith", "both") for n in range(RING_MAX + 1)]).columns
    long_names = [Link((f"{n} " + "word " * 20)[:NAME_LIMIT], "faith", "both")
                  for n in range(RING_MAX)]
    assert map_layout(long_names).columns


def test_map_svg_grows_taller_for_many_links() -> None:
    few = map_svg([Link("A", "faith", "both")], "T", "D", "Our group", prefix="p")
    many = map_svg([Link(f"O{n}", "faith", "both") for n in range(MAX_LINKS)], "T", "D",
                   "Our group", prefix="p")
    assert 'viewBox="0 0 1000 800"' in few
    assert int(re.search(r'viewBox="0 0 1000 (\d+)"', many).group(1)) > 800


# ---- the network map widget ----


def test_network_map_adds_a_link_and_draws_it() -> None:
    widget = new_map()
    assert widget.add("Women's Centre", "voluntary", "we_refer")
    assert widget.links == [Link("Women's Centre", "voluntary", "we_refer")]
    assert "Women&#x27;s Centre (voluntary): we refer women to them." in widget.map_view.value
    assert "<svg" in widget.map_view.value
    assert "Added “Women's Centre”" in said(widget)
    assert widget.name.value == "" and widget.kind.choice is None


def test_network_map_form_submit_uses_the_buttons_choices() -> None:
    widget = new_map()
    widget.name.value = "Library"
    widget.kind.choose("community")
    widget.direction.choose("none")
    assert widget.submit()
    assert widget.links == [Link("Library", "community", "none")]


@pytest.mark.parametrize(("name", "kind", "direction", "message"), [
    ("", "voluntary", "both", "networking.name_empty"),
    ("   ", "voluntary", "both", "networking.name_empty"),
    ("Clinic", None, "both", "networking.kind_missing"),
    ("Clinic", "voluntary", None, "networking.direction_missing"),
])
def test_network_map_refuses_incomplete_entries(name, kind, direction, message) -> None:
    widget = new_map()
    assert not widget.add(name, kind, direction)
    assert widget.links == []
    assert said(widget) == t(message)


def test_network_map_refuses_too_long_name_without_losing_it() -> None:
    widget = new_map()
    long_name = "x" * 10_000
    widget.name.value = long_name
    widget.kind.choose("faith")
    widget.direction.choose("both")
    assert not widget.submit()
    assert widget.name.value == long_name
    assert str(NAME_LIMIT) in said(widget) and "Nothing has been cut" in said(widget)


def test_network_map_refuses_duplicates_ignoring_case_and_spaces() -> None:
    widget = new_map()
    widget.add("Food Bank", "community", "both")
    assert not widget.add("  food   bank ", "faith", "none")
    assert len(widget.links) == 1
    assert "already on the map" in said(widget)


def test_network_map_holds_at_most_max_links() -> None:
    widget = new_map()
    for n in range(MAX_LINKS):
        assert widget.add(f"Org {n}", "voluntary", "both")
    assert not widget.add("One more", "voluntary", "both")
    assert len(widget.links) == MAX_LINKS
    assert str(MAX_LINKS) in said(widget)


def test_network_map_shows_typed_html_as_text() -> None:
    widget = new_map()
    widget.add(SCRIPT, "voluntary", "both")
    widget.add(IMG, "faith", "none")
    html = widget.map_view.value
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html
    assert widget.rows.children[0].children[0].description == f"Edit “{SCRIPT}”"


def test_network_map_keeps_welsh_letters_and_emoji() -> None:
    widget = new_map()
    assert widget.add(WELSH, "community", "they_refer")
    assert WELSH in widget.map_view.value
    assert widget.handout().sections[0].items == [f"{WELSH} (community): they refer women to us."]


def test_network_map_nudges_only_when_every_link_is_statutory() -> None:
    widget = new_map()
    assert widget.nudge.value == ""
    widget.add("GP surgery", "statutory", "they_refer")
    assert widget.content.statutory_prompt.split(".")[0] in widget.nudge.value
    assert t("networking.nudge_short") in said(widget)
    widget.add("Women's Centre", "voluntary", "both")
    assert widget.nudge.value == ""
    widget.remove(1)
    assert widget.nudge.value != ""
    widget.update(0, "GP surgery", "community", "they_refer")
    assert widget.nudge.value == ""


def test_network_map_edit_fills_the_form_and_saves_in_place() -> None:
    widget = new_map()
    widget.add("A", "voluntary", "both")
    widget.add("B", "faith", "none")
    widget.edit(0)
    assert widget.name.value == "A" and widget.kind.choice == "voluntary"
    assert widget.direction.choice == "both"
    assert widget.submit_button.description == t("networking.save")
    assert widget.cancel_button.layout.display is None
    widget.name.value = "A renamed"
    widget.direction.choose("we_refer")
    assert widget.submit()
    assert widget.links == [Link("A renamed", "voluntary", "we_refer"), Link("B", "faith", "none")]
    assert widget.editing is None
    assert widget.submit_button.description == t("networking.add")
    assert widget.cancel_button.layout.display == "none"


def test_network_map_update_may_keep_its_own_name_but_not_take_another() -> None:
    widget = new_map()
    widget.add("A", "voluntary", "both")
    widget.add("B", "faith", "none")
    assert widget.update(0, "a", "statutory", "both")
    assert not widget.update(0, "B", "statutory", "both")
    assert widget.links[0].name == "a"


def test_network_map_cancel_edit_changes_nothing() -> None:
    widget = new_map()
    widget.add("A", "voluntary", "both")
    widget.edit(0)
    widget.name.value = "Changed"
    widget.cancel_edit()
    assert widget.links == [Link("A", "voluntary", "both")]
    assert widget.name.value == "" and widget.editing is None


def test_network_map_remove_takes_it_off_the_map_and_list() -> None:
    widget = new_map()
    widget.add("A", "voluntary", "both")
    widget.add("B", "faith", "none")
    widget.remove(0)
    assert [link.name for link in widget.links] == ["B"]
    assert "A (voluntary)" not in widget.map_view.value
    visible = [row for row in widget.rows.children if row.layout.display != "none"]
    assert [row.children[1].description for row in visible] == ["Remove “B”"]
    assert "Removed “A”" in said(widget)


def test_network_map_remove_while_editing_resets_the_form() -> None:
    widget = new_map()
    widget.add("A", "voluntary", "both")
    widget.edit(0)
    widget.remove(0)
    assert widget.editing is None and widget.name.value == ""


def test_network_map_handout_holds_exactly_the_links() -> None:
    widget = new_map()
    widget.add("A", "voluntary", "both")
    widget.add("B", "statutory", "we_refer")
    handout = widget.handout()
    assert isinstance(handout, Handout) and "<svg" in handout.figure
    assert handout.sections[0].items == ["A (voluntary): referrals go both ways.",
                                         "B (statutory): we refer women to them."]
    assert handout.sections[1].items == summary_lines(widget.links)


def test_network_map_printable_page_has_the_map_after_the_intro() -> None:
    widget = new_map()
    widget.add(SCRIPT, "voluntary", "both")
    page = widget.handout().to_html()
    assert page.index("<figure") > page.index(escape_intro())
    assert page.index("<figure") < page.index("<h2>")
    assert page.count("<svg") == 1 and "<script>" not in page
    markdown = widget.handout().to_markdown()
    assert "<svg" not in markdown and "\\<script\\>" in markdown


def escape_intro() -> str:
    return t("networking.handout_intro")


def test_network_map_with_no_links_offers_nothing_to_download() -> None:
    widget = new_map()
    assert widget.download.prepare() is None
    assert widget.download.status.message == t("handout.nothing")
    assert "<figure" not in widget.handout().to_html()


def test_network_map_download_link_holds_the_map_and_list() -> None:
    widget = new_map()
    widget.add("Mosque women's group", "faith", "they_refer")
    widget.download.prepare()
    page = decoded_link(widget.download.links.value, "html")
    assert "<svg" in page and "Mosque women&#x27;s group (faith)" in page


def test_network_map_changes_withdraw_an_old_download() -> None:
    widget = new_map()
    widget.add("A", "voluntary", "both")
    widget.download.prepare()
    assert widget.download.links.value
    widget.add("B", "voluntary", "both")
    assert widget.download.links.value == ""


def test_map_handout_without_figure_is_a_plain_handout() -> None:
    plain = Handout("T", "I")
    plain.add("S", ["x"])
    with_map = Handout("T", "I", figure="")
    with_map.add("S", ["x"])
    assert with_map.to_html() == plain.to_html()
