"""Tests for chapters.networking: the learning event planner (its agenda is a kit Agenda)
and the chapter's facilitator notes. The network map's tests are in test_network_map.py."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import load_error, write_yaml
from IPython.display import HTML

from peer_support import content
from peer_support.chapters.networking import EVENT_PLANNER, EventPlanner, event_planner
from peer_support.i18n import t
from peer_support.kit.agenda import (
    MAX_BLOCKS,
    MAX_MINUTES,
    TITLE_LIMIT,
    Block,
    clock,
    duration,
    parse_minutes,
    parse_start,
)
from peer_support.kit.blocks import load_activity_notes

PLANNER_FILE = "networking/event-planner.yaml"
NOTES_FILE = "networking/facilitator-notes.yaml"
REAL_ASSETS = content.ASSETS_DIR
REAL_PLANNER = yaml.safe_load((REAL_ASSETS / PLANNER_FILE).read_text(encoding="utf-8"))
SCRIPT = "<script>alert(1)</script>"
IMG = '<img src=x onerror="alert(1)">'
WELSH = "Canolfan Menywod Ŵyr ŷ 😊"


# ---- helpers ----


def is_error_block(block: object) -> bool:
    return isinstance(block, HTML) and 'role="alert"' in block.data


def new_planner() -> EventPlanner:
    return EventPlanner(EVENT_PLANNER.load(PLANNER_FILE))


def said(widget) -> str:
    return widget.status.message


# ---- content file and notes ----


def test_planner_content_real_file_loads() -> None:
    loaded = EVENT_PLANNER.load(PLANNER_FILE)
    assert len(loaded.suggestions) >= 5
    assert loaded.access_prompts and loaded.travel_prompts
    assert any("self-care" in block.title.lower() for block in loaded.suggestions)


@pytest.mark.parametrize("minutes", [0, 241, "20", 2.5, True, None])
def test_planner_content_bad_minutes_names_file(assets: Path, minutes) -> None:
    data = {**REAL_PLANNER, "suggestions": [{"title": "Tea", "minutes": minutes}]}
    error = load_error(lambda: EVENT_PLANNER.load(write_yaml(assets, PLANNER_FILE, data)))
    assert error.path.endswith(PLANNER_FILE)
    assert "Suggestion 1" in error.problem and "'minutes'" in error.problem


def test_planner_content_missing_travel_prompts_names_file(assets: Path) -> None:
    data = {k: v for k, v in REAL_PLANNER.items() if k != "travel_prompts"}
    error = load_error(lambda: EVENT_PLANNER.load(write_yaml(assets, PLANNER_FILE, data)))
    assert "'travel_prompts'" in error.problem


def test_event_planner_broken_file_gives_error_block(assets: Path) -> None:
    write_yaml(assets, PLANNER_FILE, {"intro": "x"})
    assert is_error_block(event_planner(PLANNER_FILE))


@pytest.mark.parametrize("activity", ["network-map", "event-planner"])
def test_facilitator_notes_load(activity: str) -> None:
    notes = load_activity_notes(NOTES_FILE, activity)
    assert notes.steps and notes.debrief and notes.adaptations
    assert any("projector" in a.lower() or "paper" in a.lower() for a in notes.adaptations)


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
    assert planner.agenda.add_block("Arrival", "20")
    assert planner.agenda.add_block("Share", 30)
    assert planner.agenda.blocks == [Block("Arrival", 20), Block("Share", 30)]
    assert planner.agenda.total_minutes() == 50
    assert [(b.title, s, e) for b, s, e in planner.agenda.schedule()] == [("Arrival", 0, 20),
                                                                  ("Share", 20, 50)]
    assert planner.agenda.row_text(1) == "2. Share: 30 min. Running total 50 min."
    assert "Total time: 50 min." in planner.agenda.total_view.value
    assert "Total time: 50 min" in said(planner)


def test_planner_suggestion_buttons_add_that_block() -> None:
    planner = new_planner()
    first = planner.content.suggestions[0]
    assert planner.agenda.add_suggestion(0)
    assert planner.agenda.blocks == [first]


def test_planner_start_time_gives_clock_times() -> None:
    planner = new_planner()
    planner.agenda.add_block("Arrival", 20)
    planner.agenda.add_block("Share", 30)
    planner.agenda.start.value = "9:45"
    assert planner.agenda.row_text(1) == "2. 10:05 to 10:35: Share (30 min). Running total 50 min."
    assert "from 9:45 to 10:35" in planner.agenda.total_view.value
    assert said(planner) == t("agenda.start_set", time="9:45")


def test_planner_bad_start_time_says_so_and_keeps_counting_minutes() -> None:
    planner = new_planner()
    planner.agenda.add_block("Arrival", 20)
    planner.agenda.start.value = "half ten"
    assert said(planner) == t("agenda.start_invalid")
    assert planner.agenda.row_text(0) == "1. Arrival: 20 min. Running total 20 min."
    assert planner.agenda.start.value == "half ten"


@pytest.mark.parametrize(("title", "minutes", "message"), [
    ("", "20", "agenda.title_empty"),
    ("Tea", "", "agenda.minutes_invalid"),
    ("Tea", "0", "agenda.minutes_invalid"),
    ("Tea", "lots", "agenda.minutes_invalid"),
])
def test_planner_refuses_bad_blocks(title, minutes, message) -> None:
    planner = new_planner()
    assert not planner.agenda.add_block(title, minutes)
    assert planner.agenda.blocks == []
    assert said(planner).startswith(t(message, limit=MAX_MINUTES).split("{")[0][:20])


def test_planner_refuses_long_title_without_losing_it() -> None:
    planner = new_planner()
    planner.agenda.title.value = "y" * 10_000
    planner.agenda.minutes.value = "10"
    assert not planner.agenda.submit()
    assert planner.agenda.title.value == "y" * 10_000 and planner.agenda.minutes.value == "10"
    assert str(TITLE_LIMIT) in said(planner)


def test_planner_submit_clears_the_form_after_adding() -> None:
    planner = new_planner()
    planner.agenda.title.value = WELSH
    planner.agenda.minutes.value = "15"
    assert planner.agenda.submit()
    assert planner.agenda.blocks == [Block(WELSH, 15)]
    assert planner.agenda.title.value == "" and planner.agenda.minutes.value == ""


def test_planner_holds_at_most_max_blocks() -> None:
    planner = new_planner()
    for n in range(MAX_BLOCKS):
        assert planner.agenda.add_block(f"B{n}", 5)
    assert not planner.agenda.add_block("One more", 5)
    assert len(planner.agenda.blocks) == MAX_BLOCKS


def test_planner_moves_blocks_up_and_down() -> None:
    planner = new_planner()
    for name in "ABC":
        planner.agenda.add_block(name, 10)
    assert planner.agenda.move(2, -1)
    assert [b.title for b in planner.agenda.blocks] == ["A", "C", "B"]
    assert said(planner) == t("agenda.moved", title="C", position=2)
    assert planner.agenda.move(0, 1)
    assert [b.title for b in planner.agenda.blocks] == ["C", "A", "B"]


def test_planner_move_at_an_edge_stays_put_and_says_so() -> None:
    planner = new_planner()
    planner.agenda.add_block("A", 10)
    planner.agenda.add_block("B", 10)
    assert not planner.agenda.move(0, -1)
    assert said(planner) == t("agenda.at_top", title="A")
    assert not planner.agenda.move(1, 1)
    assert said(planner) == t("agenda.at_bottom", title="B")
    assert [b.title for b in planner.agenda.blocks] == ["A", "B"]


def test_planner_row_buttons_call_the_right_block() -> None:
    planner = new_planner()
    for name in "AB":
        planner.agenda.add_block(name, 10)
    up, down, edit, remove = planner.agenda.list.children[1].children[1].children
    assert up.description == "Move 2 up" and remove.description == "Remove 2"
    up.click()
    assert [b.title for b in planner.agenda.blocks] == ["B", "A"]
    planner.agenda.list.children[1].children[1].children[3].click()
    assert [b.title for b in planner.agenda.blocks] == ["B"]
    assert planner.agenda.list.children[1].layout.display == "none"
    assert planner.agenda.list.children[0].children[1].children[0].description == "Move 1 up"


def test_planner_edit_and_save() -> None:
    planner = new_planner()
    planner.agenda.add_block("A", 10)
    planner.agenda.add_block("B", 10)
    planner.agenda.edit(1)
    assert planner.agenda.title.value == "B" and planner.agenda.minutes.value == "10"
    planner.agenda.minutes.value = "25"
    assert planner.agenda.submit()
    assert planner.agenda.blocks == [Block("A", 10), Block("B", 25)]
    assert planner.agenda.total_minutes() == 35
    assert planner.agenda.editing is None


def test_planner_edit_with_bad_minutes_keeps_the_old_block() -> None:
    planner = new_planner()
    planner.agenda.add_block("A", 10)
    planner.agenda.edit(0)
    planner.agenda.minutes.value = "999"
    assert not planner.agenda.submit()
    assert planner.agenda.blocks == [Block("A", 10)]
    assert planner.agenda.editing == 0 and planner.agenda.minutes.value == "999"


def test_planner_cancel_edit_changes_nothing() -> None:
    planner = new_planner()
    planner.agenda.add_block("A", 10)
    planner.agenda.edit(0)
    planner.agenda.title.value = "Z"
    planner.agenda.cancel_edit()
    assert planner.agenda.blocks == [Block("A", 10)] and planner.agenda.title.value == ""


def test_planner_handout_holds_exactly_what_was_planned() -> None:
    planner = new_planner()
    planner.event_name.value = "Spring get-together"
    planner.agenda.start.value = "10:00"
    planner.agenda.add_block("Arrival", 20)
    planner.agenda.add_block("Share", 40)
    planner.access.write("Step-free hall booked.")
    handout = planner.handout()
    headings = [section.heading for section in handout.filled_sections]
    assert headings == [t("networking.planner_handout_event"), t("agenda.agenda"),
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
    planner.agenda.add_block("A", 10)
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
    planner.agenda.add_block(SCRIPT, 10)
    planner.access.write(SCRIPT)
    row_html = planner.agenda.list.children[0].children[0].value
    assert "<script>" not in row_html and "&lt;script&gt;" in row_html
    page = planner.handout().to_html()
    assert "<script>" not in page and "<img" not in page
    markdown = planner.handout().to_markdown()
    assert "\\<script\\>" in markdown and "\\<img" in markdown


def test_planner_changes_withdraw_an_old_download() -> None:
    planner = new_planner()
    planner.agenda.add_block("A", 10)
    planner.download.prepare()
    assert planner.download.links.value
    planner.access.write("New note")
    assert planner.download.links.value == ""
