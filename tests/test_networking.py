"""Tests for chapters.networking: the network map and the learning event planner."""

from __future__ import annotations

import base64
import itertools
import re
from pathlib import Path

import pytest
import yaml
from IPython.display import HTML

from peer_support import content
from peer_support.chapters.networking import (
    CENTRE_SIZE,
    DIRECTIONS,
    KINDS,
    MAX_BLOCKS,
    MAX_LINKS,
    MAX_MINUTES,
    NAME_LIMIT,
    RING_MAX,
    SVG_WIDTH,
    TITLE_LIMIT,
    Block,
    EventPlanner,
    Link,
    MapHandout,
    NetworkMap,
    all_statutory,
    clock,
    describe_link,
    duration,
    event_planner,
    line_ends,
    load_map_content,
    load_planner_content,
    map_layout,
    map_svg,
    network_map,
    parse_minutes,
    parse_start,
    summary_lines,
    wrap_label,
)
from peer_support.i18n import t
from peer_support.kit.blocks import load_activity_notes
from peer_support.kit.handout import Handout

MAP_FILE = "networking/network-map.yaml"
PLANNER_FILE = "networking/event-planner.yaml"
NOTES_FILE = "networking/facilitator-notes.yaml"
REAL_ASSETS = content.ASSETS_DIR
REAL_MAP = yaml.safe_load((REAL_ASSETS / MAP_FILE).read_text(encoding="utf-8"))
REAL_PLANNER = yaml.safe_load((REAL_ASSETS / PLANNER_FILE).read_text(encoding="utf-8"))
SCRIPT = "<script>alert(1)</script>"
IMG = '<img src=x onerror="alert(1)">'
WELSH = "Canolfan Menywod Ŵyr ŷ 😊"


# ---- helpers ----


@pytest.fixture
def assets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "assets"
    (folder / "networking").mkdir(parents=True)
    monkeypatch.setattr(content, "ASSETS_DIR", folder)
    return folder


def write(assets: Path, relative: str, data: object) -> str:
    (assets / relative).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return relative


def load_error(call) -> content.ContentError:
    with pytest.raises(content.ContentError) as caught:
        call()
    return caught.value


def is_error_block(block: object) -> bool:
    return isinstance(block, HTML) and 'role="alert"' in block.data


def decoded_link(html: str, kind: str) -> str:
    href = re.search(rf'href="data:[^"]*;base64,([^"]+)" class="qa-download-{kind}"', html)
    assert href is not None
    return base64.b64decode(href.group(1)).decode("utf-8")


def new_map() -> NetworkMap:
    return NetworkMap(load_map_content(MAP_FILE))


def new_planner() -> EventPlanner:
    return EventPlanner(load_planner_content(PLANNER_FILE))


def said(widget) -> str:
    return widget.status.message


# ---- content files ----


def test_map_content_real_file_has_examples_for_every_kind() -> None:
    loaded = load_map_content(MAP_FILE)
    assert set(loaded.examples) == set(KINDS)
    assert all(loaded.examples[kind] for kind in KINDS)
    assert "statutory" in loaded.statutory_prompt


def test_map_content_missing_kind_names_file(assets: Path) -> None:
    data = {**REAL_MAP, "examples": {k: v for k, v in REAL_MAP["examples"].items()
                                     if k != "faith"}}
    error = load_error(lambda: load_map_content(write(assets, MAP_FILE, data)))
    assert error.path.endswith(MAP_FILE)
    assert "faith" in error.problem


def test_map_content_unknown_kind_names_file(assets: Path) -> None:
    data = {**REAL_MAP, "examples": {**REAL_MAP["examples"], "private": ["a shop"]}}
    error = load_error(lambda: load_map_content(write(assets, MAP_FILE, data)))
    assert error.path.endswith(MAP_FILE)
    assert "private" in error.problem


def test_map_content_missing_prompt_names_file(assets: Path) -> None:
    data = {k: v for k, v in REAL_MAP.items() if k != "statutory_prompt"}
    error = load_error(lambda: load_map_content(write(assets, MAP_FILE, data)))
    assert "'statutory_prompt'" in error.problem


def test_network_map_broken_file_gives_calm_error_block(assets: Path) -> None:
    (assets / MAP_FILE).write_text("intro: [unclosed", encoding="utf-8")
    block = network_map(MAP_FILE)
    assert is_error_block(block)
    assert MAP_FILE in block.data


def test_network_map_missing_file_gives_error_block(assets: Path) -> None:
    assert is_error_block(network_map(MAP_FILE))


def test_planner_content_real_file_loads() -> None:
    loaded = load_planner_content(PLANNER_FILE)
    assert len(loaded.suggestions) >= 5
    assert loaded.access_prompts and loaded.travel_prompts
    assert any("self-care" in block.title.lower() for block in loaded.suggestions)


@pytest.mark.parametrize("minutes", [0, 241, "20", 2.5, True, None])
def test_planner_content_bad_minutes_names_file(assets: Path, minutes) -> None:
    data = {**REAL_PLANNER, "suggestions": [{"title": "Tea", "minutes": minutes}]}
    error = load_error(lambda: load_planner_content(write(assets, PLANNER_FILE, data)))
    assert error.path.endswith(PLANNER_FILE)
    assert "Suggestion 1" in error.problem and "'minutes'" in error.problem


def test_planner_content_missing_travel_prompts_names_file(assets: Path) -> None:
    data = {k: v for k, v in REAL_PLANNER.items() if k != "travel_prompts"}
    error = load_error(lambda: load_planner_content(write(assets, PLANNER_FILE, data)))
    assert "'travel_prompts'" in error.problem


def test_event_planner_broken_file_gives_error_block(assets: Path) -> None:
    write(assets, PLANNER_FILE, {"intro": "x"})
    assert is_error_block(event_planner(PLANNER_FILE))


@pytest.mark.parametrize("activity", ["network-map", "event-planner"])
def test_facilitator_notes_load(activity: str) -> None:
    notes = load_activity_notes(NOTES_FILE, activity)
    assert notes.steps and notes.debrief and notes.adaptations
    assert any("projector" in a.lower() or "paper" in a.lower() for a in notes.adaptations)


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
    assert isinstance(handout, MapHandout)
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
    with_map = MapHandout("T", "I", figure="")
    with_map.add("S", ["x"])
    assert with_map.to_html() == plain.to_html()


# ---- planner: small pieces ----


@pytest.mark.parametrize(("raw", "expected"), [
    ("20", 20), (" 45 ", 45), (1, 1), (MAX_MINUTES, MAX_MINUTES), ("0", None), ("241", None),
    ("abc", None), ("1.5", None), ("-5", None), ("", None), (None, None), (True, None),
    ("２０", 20), ("9" * 50, None),
])
def test_parse_minutes(raw, expected) -> None:
    assert parse_minutes(raw) == expected


@pytest.mark.parametrize(("raw", "expected"), [
    ("10:00", 600), ("9.30", 570), (" 13:45 ", 825), ("0:05", 5), ("23:59", 1439),
    ("24:00", None), ("10:60", None), ("10", None), ("ten", None), ("", None), (None, None),
])
def test_parse_start(raw, expected) -> None:
    assert parse_start(raw) == expected


def test_clock_wraps_past_midnight() -> None:
    assert clock(615) == "10:15"
    assert clock(24 * 60 + 30) == "0:30"


@pytest.mark.parametrize(("minutes", "expected"), [
    (45, "45 min"), (60, "1 hr"), (130, "2 hr 10 min"), (0, "0 min"),
])
def test_duration(minutes: int, expected: str) -> None:
    assert duration(minutes) == expected


# ---- planner widget ----


def test_planner_adds_blocks_with_a_running_total() -> None:
    planner = new_planner()
    assert planner.add_block("Arrival", "20")
    assert planner.add_block("Share", 30)
    assert planner.blocks == [Block("Arrival", 20), Block("Share", 30)]
    assert planner.total_minutes() == 50
    assert [(b.title, s, e) for b, s, e in planner.schedule()] == [("Arrival", 0, 20),
                                                                  ("Share", 20, 50)]
    assert planner.row_text(1) == "2. Share: 30 min. Running total 50 min."
    assert "Total time: 50 min." in planner.total_view.value
    assert "Total time: 50 min" in said(planner)


def test_planner_suggestion_buttons_add_that_block() -> None:
    planner = new_planner()
    first = planner.content.suggestions[0]
    assert planner.add_suggestion(0)
    assert planner.blocks == [first]


def test_planner_start_time_gives_clock_times() -> None:
    planner = new_planner()
    planner.add_block("Arrival", 20)
    planner.add_block("Share", 30)
    planner.start.value = "9:45"
    assert planner.row_text(1) == "2. 10:05 to 10:35: Share (30 min). Running total 50 min."
    assert "from 9:45 to 10:35" in planner.total_view.value
    assert said(planner) == t("networking.planner_start_set", time="9:45")


def test_planner_bad_start_time_says_so_and_keeps_counting_minutes() -> None:
    planner = new_planner()
    planner.add_block("Arrival", 20)
    planner.start.value = "half ten"
    assert said(planner) == t("networking.planner_start_invalid")
    assert planner.row_text(0) == "1. Arrival: 20 min. Running total 20 min."
    assert planner.start.value == "half ten"


@pytest.mark.parametrize(("title", "minutes", "message"), [
    ("", "20", "networking.planner_title_empty"),
    ("Tea", "", "networking.planner_minutes_invalid"),
    ("Tea", "0", "networking.planner_minutes_invalid"),
    ("Tea", "lots", "networking.planner_minutes_invalid"),
])
def test_planner_refuses_bad_blocks(title, minutes, message) -> None:
    planner = new_planner()
    assert not planner.add_block(title, minutes)
    assert planner.blocks == []
    assert said(planner).startswith(t(message, limit=MAX_MINUTES).split("{")[0][:20])


def test_planner_refuses_long_title_without_losing_it() -> None:
    planner = new_planner()
    planner.title.value = "y" * 10_000
    planner.minutes.value = "10"
    assert not planner.submit()
    assert planner.title.value == "y" * 10_000 and planner.minutes.value == "10"
    assert str(TITLE_LIMIT) in said(planner)


def test_planner_submit_clears_the_form_after_adding() -> None:
    planner = new_planner()
    planner.title.value = WELSH
    planner.minutes.value = "15"
    assert planner.submit()
    assert planner.blocks == [Block(WELSH, 15)]
    assert planner.title.value == "" and planner.minutes.value == ""


def test_planner_holds_at_most_max_blocks() -> None:
    planner = new_planner()
    for n in range(MAX_BLOCKS):
        assert planner.add_block(f"B{n}", 5)
    assert not planner.add_block("One more", 5)
    assert len(planner.blocks) == MAX_BLOCKS


def test_planner_moves_blocks_up_and_down() -> None:
    planner = new_planner()
    for name in "ABC":
        planner.add_block(name, 10)
    assert planner.move(2, -1)
    assert [b.title for b in planner.blocks] == ["A", "C", "B"]
    assert said(planner) == t("networking.planner_moved", title="C", position=2)
    assert planner.move(0, 1)
    assert [b.title for b in planner.blocks] == ["C", "A", "B"]


def test_planner_move_at_an_edge_stays_put_and_says_so() -> None:
    planner = new_planner()
    planner.add_block("A", 10)
    planner.add_block("B", 10)
    assert not planner.move(0, -1)
    assert said(planner) == t("networking.planner_at_top", title="A")
    assert not planner.move(1, 1)
    assert said(planner) == t("networking.planner_at_bottom", title="B")
    assert [b.title for b in planner.blocks] == ["A", "B"]


def test_planner_row_buttons_call_the_right_block() -> None:
    planner = new_planner()
    for name in "AB":
        planner.add_block(name, 10)
    up, down, edit, remove = planner.rows.children[1].children[1].children
    assert up.description == "Move 2 up" and remove.description == "Remove 2"
    up.click()
    assert [b.title for b in planner.blocks] == ["B", "A"]
    planner.rows.children[1].children[1].children[3].click()
    assert [b.title for b in planner.blocks] == ["B"]
    assert planner.rows.children[1].layout.display == "none"
    assert planner.rows.children[0].children[1].children[0].description == "Move 1 up"


def test_planner_edit_and_save() -> None:
    planner = new_planner()
    planner.add_block("A", 10)
    planner.add_block("B", 10)
    planner.edit(1)
    assert planner.title.value == "B" and planner.minutes.value == "10"
    planner.minutes.value = "25"
    assert planner.submit()
    assert planner.blocks == [Block("A", 10), Block("B", 25)]
    assert planner.total_minutes() == 35
    assert planner.editing is None


def test_planner_edit_with_bad_minutes_keeps_the_old_block() -> None:
    planner = new_planner()
    planner.add_block("A", 10)
    planner.edit(0)
    planner.minutes.value = "999"
    assert not planner.submit()
    assert planner.blocks == [Block("A", 10)]
    assert planner.editing == 0 and planner.minutes.value == "999"


def test_planner_cancel_edit_changes_nothing() -> None:
    planner = new_planner()
    planner.add_block("A", 10)
    planner.edit(0)
    planner.title.value = "Z"
    planner.cancel_edit()
    assert planner.blocks == [Block("A", 10)] and planner.title.value == ""


def test_planner_handout_holds_exactly_what_was_planned() -> None:
    planner = new_planner()
    planner.event_name.value = "Spring get-together"
    planner.start.value = "10:00"
    planner.add_block("Arrival", 20)
    planner.add_block("Share", 40)
    planner.access.write("Step-free hall booked.")
    handout = planner.handout()
    headings = [section.heading for section in handout.filled_sections]
    assert headings == [t("networking.planner_handout_event"), t("networking.planner_agenda"),
                        t("networking.planner_access_label")]
    assert handout.filled_sections[0].items == ["Spring get-together", "Starts at 10:00",
                                                "Total time: 1 hr."]
    assert handout.filled_sections[1].items == [
        "1. 10:00 to 10:20: Arrival (20 min). Running total 20 min.",
        "2. 10:20 to 11:00: Share (40 min). Running total 1 hr."]
    assert handout.filled_sections[2].items == ["Step-free hall booked."]
    assert not any(prompt in handout.to_markdown() for prompt in planner.content.access_prompts)


def test_planner_with_nothing_offers_nothing_to_download() -> None:
    planner = new_planner()
    assert planner.download.prepare() is None


def test_planner_long_notes_wait_rather_than_being_cut() -> None:
    planner = new_planner()
    planner.add_block("A", 10)
    planner.travel.write("z" * 10_000)
    assert planner.handout() == t("handout.waiting")
    assert planner.download.prepare() is None
    assert planner.travel.text_area.value == "z" * 10_000


def test_planner_long_event_name_waits_and_says_so() -> None:
    planner = new_planner()
    planner.event_name.value = "n" * 500
    assert "Nothing has been cut" in said(planner)
    assert planner.handout() == t("handout.waiting")


def test_planner_hostile_text_stays_text_everywhere() -> None:
    planner = new_planner()
    planner.event_name.value = IMG
    planner.add_block(SCRIPT, 10)
    planner.access.write(SCRIPT)
    row_html = planner.rows.children[0].children[0].value
    assert "<script>" not in row_html and "&lt;script&gt;" in row_html
    page = planner.handout().to_html()
    assert "<script>" not in page and "<img" not in page
    markdown = planner.handout().to_markdown()
    assert "\\<script\\>" in markdown and "\\<img" in markdown


def test_planner_changes_withdraw_an_old_download() -> None:
    planner = new_planner()
    planner.add_block("A", 10)
    planner.download.prepare()
    assert planner.download.links.value
    planner.access.write("New note")
    assert planner.download.links.value == ""
