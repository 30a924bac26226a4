"""The session planner: every activity in the pack listed (minutes, group size, materials,
content notes), a timed plan with breaks, what the plan gathers, its download, the plan handed
to present mode, and bad input (empty plan, overruns, 100 activities) met with a clear message
and nothing lost."""

from __future__ import annotations

import json
import re
from html import escape
from pathlib import Path

import pytest
import yaml
from conftest import decoded_link
from nbconvert.filters.markdown_mistune import markdown2html_mistune

from peer_support.chapters.session_planner import (
    MAX_PLAN_BLOCKS,
    SESSION_PLANNER,
    PlannedBlock,
    SessionPlanner,
    session_planner,
)
from peer_support.i18n import t
from peer_support.kit.activities import Activity, heading_id, pack_activities
from peer_support.kit.agenda import Block, duration
from peer_support.kit.blocks import ActivityNotes
from peer_support.kit.present_plan import STORAGE_KEY

REPO = Path(__file__).resolve().parent.parent
NOTEBOOKS = REPO / "notebooks"
NOTES_FILES = sorted((REPO / "assets").glob("*/facilitator-notes.yaml"))
HOSTILE = '<img src=x onerror="alert(1)"> **bold** #heading'


def every_activity_in_the_files(suffix: str = ".yaml") -> dict[tuple[str, str], dict]:
    found = {}
    for path in NOTES_FILES:
        twin = path.with_name(path.name.replace(".yaml", suffix))
        for key, notes in yaml.safe_load(twin.read_text(encoding="utf-8"))["activities"].items():
            found[(f"{path.parent.name}/{path.name}", key)] = notes
    return found


@pytest.fixture(scope="module")
def activities() -> list[Activity]:
    return pack_activities()


@pytest.fixture
def planner(activities: list[Activity]) -> SessionPlanner:
    return SessionPlanner(SESSION_PLANNER.load("session_planner/session-planner.yaml"),
                          activities)


@pytest.fixture
def welsh_page(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUERY_STRING", "lang=cy")


def number_of(planner: SessionPlanner, key: str) -> int:
    return next(n for n, activity in enumerate(planner.activities) if activity.key == key)


def fake_activity(number: int, materials: list[str] | None = None, minutes: int = 10,
                  notebook: str = "02_safety") -> Activity:
    notes = ActivityNotes(f"Activity {number}", "To test.", minutes, "Any size",
                          materials or [f"Thing {number}"], ["One", "Two"], ["Why?"], ["Seated"])
    return Activity("test/facilitator-notes.yaml", f"activity-{number}", notebook, "Safety",
                    f"Section-{number}", notes, ("a topic",))


# ---- the list of every activity ----

def test_every_activity_in_every_notes_file_is_listed_once(activities) -> None:
    listed = [(activity.notes_file, activity.key) for activity in activities]
    assert len(listed) == len(set(listed))
    assert set(listed) == set(every_activity_in_the_files())
    assert len(listed) >= 30


def test_every_activity_is_listed_with_its_minutes_group_and_materials(planner) -> None:
    files = every_activity_in_the_files()
    for number, activity in enumerate(planner.activities):
        notes = files[(activity.notes_file, activity.key)]
        assert activity.minutes == notes["minutes"]
        assert planner.add_buttons[number].description == t(
            "session.add", title=notes["title"], minutes=duration(notes["minutes"]))
        card = planner.chapter_boxes[activity.notebook]
        html = "".join(child.value for box in card.children[1:] for child in box.children[:1])
        assert escape(notes["group_size"], quote=True) in html
        for material in notes["materials"]:
            assert escape(material, quote=True) in html


def test_activities_follow_the_chapters_and_each_chapter_order(activities) -> None:
    order = [activity.notebook for activity in activities]
    assert order == sorted(order)
    safety = [activity.key for activity in activities if activity.notebook == "02_safety"]
    assert safety == ["group-agreement", "safety-check-in", "venue-checklist", "human-knot"]


def test_content_notes_come_from_the_activity_chapter(activities) -> None:
    by_key = {activity.key: activity for activity in activities}
    assert "words about suicide and self-harm" in by_key["language-game"].content_notes
    assert any("human knot" in topic for topic in by_key["human-knot"].content_notes)
    assert by_key["closing-circle"].content_notes == ()  # the acknowledgements have none


def test_each_chapter_shows_its_content_notes_once(planner) -> None:
    safety = planner.chapter_boxes["02_safety"].children[0].value
    assert "Content notes for this chapter: trauma, domestic abuse" in safety
    thanks = planner.chapter_boxes["12_acknowledgements"].children[0].value
    assert t("session.chapter_no_notes") in thanks


def test_showing_one_chapter_hides_the_others(planner) -> None:
    planner.chapter_filter.value = "05_language"
    shown = [notebook for notebook, box in planner.chapter_boxes.items()
             if box.layout.display != "none"]
    assert shown == ["05_language"]
    planner.chapter_filter.value = ""
    assert all(box.layout.display is None for box in planner.chapter_boxes.values())


# ---- where present mode opens each activity ----

def rendered_h2_ids(markdown: str) -> list[str]:
    return re.findall(r'<h2 id="([^"]*)"', markdown2html_mistune(markdown))


def test_heading_ids_are_the_ones_the_rendered_page_gives() -> None:
    headings = []
    for notebook in sorted(NOTEBOOKS.glob("*.ipynb")):
        for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
            if cell["cell_type"] == "markdown":
                headings += [line for line in "".join(cell["source"]).splitlines()
                             if line.startswith("## ")]
    assert len(headings) > 200
    mismatched = [(heading, heading_id(heading), rendered_h2_ids(heading))
                  for heading in headings if rendered_h2_ids(heading) != [heading_id(heading)]]
    assert mismatched == []
    # Percent-encoded letters, kept as the page keeps them.
    assert heading_id("## Creu man diogel a chynhwysol gyda'ch grŵp") == (
        "Creu-man-diogel-a-chynhwysol-gyda'ch-gr%C5%B5p")
    assert heading_id("## A *bold* [link](x.ipynb) here") == "A-bold-link-here"


def test_each_activity_opens_at_the_h2_above_its_notes(activities) -> None:
    by_key = {activity.key: activity for activity in activities}
    # The group agreement sits under an h3, inside the h2 about a safe space.
    assert by_key["group-agreement"].section == (
        "Creating-a-safe-and-inclusive-space-with-your-group")
    assert by_key["language-game"].section == "The-language-game"
    assert by_key["where-do-i-start"].section == "Where-do-I-start?"
    for activity in activities:
        page = json.loads((NOTEBOOKS / f"{activity.notebook}.ipynb").read_text("utf-8"))
        ids = [identifier for cell in page["cells"] if cell["cell_type"] == "markdown"
               for identifier in rendered_h2_ids("".join(cell["source"]))]
        assert activity.section in ids, activity.key


def test_on_a_welsh_page_activities_are_welsh_and_open_at_welsh_headings(welsh_page) -> None:
    welsh = pack_activities()
    files = every_activity_in_the_files(".cy.yaml")
    assert {(a.notes_file, a.key): a.title for a in welsh} == {
        key: notes["title"] for key, notes in files.items()}
    by_key = {activity.key: activity for activity in welsh}
    assert by_key["group-agreement"].section == "Creu-man-diogel-a-chynhwysol-gyda'ch-gr%C5%B5p"
    assert by_key["language-game"].content_notes[1] == "geiriau am hunanladdiad a hunan-niwed"
    assert by_key["language-game"].chapter == "Iaith"


# ---- building a plan ----

def test_a_plan_with_breaks_has_times_and_a_total_against_the_time_available(planner) -> None:
    planner.agenda.start.value = "11:30"
    planner.agenda.available.value = "1:30"
    assert planner.add_activity(number_of(planner, "safety-check-in"))
    assert planner.agenda.add_suggestion(1)  # a short break, 10 minutes
    assert planner.add_activity(number_of(planner, "language-game"))
    assert planner.agenda.lines() == [
        "1. 11:30 to 11:35: The safety check-in (5 min). Running total 5 min.",
        "2. 11:35 to 11:45: Short break (10 min). Running total 15 min.",
        "3. 11:45 to 12:20: Running the language game (35 min). Running total 50 min.",
    ]
    assert planner.agenda.fit_text() == t("agenda.spare", spare="40 min",
                                          available="1 hr 30 min")
    assert planner.places[number_of(planner, "language-game")].value.count("number 3") == 1


def test_an_activity_is_added_once_and_the_status_says_where_it_is(planner) -> None:
    number = number_of(planner, "trust-sort")
    assert planner.add_activity(number)
    assert not planner.add_activity(number)
    assert planner.status.message == t("session.already", title="Running the trust sort",
                                       position=1)
    assert len(planner.agenda.blocks) == 1


def test_changing_an_activity_minutes_keeps_it_an_activity(planner) -> None:
    planner.add_activity(number_of(planner, "language-game"))
    planner.agenda.update(0, "The language game, short version", "20")
    block = planner.planned[0]
    assert isinstance(block, PlannedBlock) and block.activity.key == "language-game"
    assert planner.plan()["blocks"][0] == {
        "notebook": "05_language", "section": "The-language-game",
        "title": "The language game, short version", "minutes": 20, "kind": "activity"}


def test_an_overrun_says_by_how_much_and_the_plan_stays(planner) -> None:
    planner.agenda.available.value = "45"
    for key in ("group-agreement", "human-knot"):
        planner.add_activity(number_of(planner, key))
    assert planner.agenda.over_by() == 10
    assert "10 min longer than the 45 min you have" in planner.agenda.over_view.value
    handout = planner.handout()
    sections = {section.heading: section.items for section in handout.filled_sections}
    assert t("agenda.over", over="10 min", available="45 min") in sections[
        t("session.handout_session")]
    assert len(sections[t("session.plan")]) == 2


# ---- what the plan gathers ----

def test_content_notes_are_gathered_once_per_chapter_in_plan_order(planner) -> None:
    for key in ("language-game", "group-agreement", "language-reflection", "closing-circle"):
        planner.add_activity(number_of(planner, key))
    lines = planner.content_note_lines()
    assert len(lines) == 3
    assert lines[0].startswith("Language, for “Running the language game”, “Running the private")
    assert "words about suicide and self-harm" in lines[0]
    assert lines[1].startswith("Safety, for “Building your group agreement”: trauma")
    assert lines[2].endswith(": " + t("session.none") + ".")
    assert "Content notes to tell the group in advance" in planner.gathered.value


def test_materials_are_listed_once_with_the_activities_that_need_them() -> None:
    shared = "Pens and paper"
    activities = [fake_activity(1, [shared, "Sticky notes"]),
                  fake_activity(2, ["pens and  paper.", "A ball of wool"]),
                  fake_activity(3, [shared])]
    planner = SessionPlanner(SESSION_PLANNER.load("session_planner/session-planner.yaml"),
                             activities)
    for number in range(3):
        planner.add_activity(number)
    assert planner.material_lines() == [
        t("session.material_line", material=shared,
          titles="“Activity 1”, “Activity 2”, “Activity 3”"),
        t("session.material_line", material="Sticky notes", titles="“Activity 1”"),
        t("session.material_line", material="A ball of wool", titles="“Activity 2”"),
    ]


# ---- the download ----

def test_the_download_holds_times_content_notes_and_materials(planner) -> None:
    planner.session_name.value = HOSTILE
    planner.agenda.start.value = "9:30"
    planner.add_activity(number_of(planner, "human-knot"))
    planner.agenda.add_suggestion(2)
    planner.download.prepare()
    markdown = decoded_link(planner.download.links.value, "markdown")
    printable = decoded_link(planner.download.links.value, "html")
    assert "1\\. 9:30 to 9:55: Running the human knot (25 min)." in markdown
    assert "2\\. 9:55 to 10:10: Break (15 min). Running total 40 min." in markdown
    assert "a game with close physical contact (the human knot)" in markdown
    assert "## What to bring" in markdown and "## Content notes to tell the group" in markdown
    assert "<img" not in printable and "&lt;img src=x" in printable
    assert "\\*\\*bold\\*\\*" in markdown and "\n#heading" not in markdown
    assert "@page { size: A4" in printable
    assert "Running the human knot" in printable


def test_an_empty_plan_says_so_everywhere_and_offers_nothing(planner) -> None:
    assert planner.handout() == t("session.empty_message")
    planner.download.prepare()
    assert planner.download.links.value == ""
    assert planner.download.status.message == t("session.empty_message")
    assert planner.present.refusal == t("session.empty_message")
    assert planner.present.plan == {}
    assert t("session.empty_plan") in planner.agenda.agenda_view.value


def test_a_plan_of_breaks_only_downloads_but_cannot_be_presented(planner) -> None:
    planner.agenda.add_suggestion(0)
    assert planner.present.refusal == t("session.no_activity")
    assert planner.handout().item_count >= 1


def test_a_name_too_long_holds_the_download_back_and_is_kept(planner) -> None:
    planner.add_activity(0)
    planner.session_name.value = "x" * 101
    assert planner.status.message == t("session.name_too_long", limit=100)
    assert planner.handout() == t("handout.waiting")
    assert planner.session_name.value == "x" * 101


def test_a_hundred_activities_are_all_listed_and_the_plan_stops_at_its_limit() -> None:
    activities = [fake_activity(number) for number in range(100)]
    planner = SessionPlanner(SESSION_PLANNER.load("session_planner/session-planner.yaml"),
                             activities)
    assert len(planner.add_buttons) == 100
    added = [planner.add_activity(number) for number in range(100)]
    assert added == [True] * MAX_PLAN_BLOCKS + [False] * (100 - MAX_PLAN_BLOCKS)
    assert planner.status.message == t("agenda.full", limit=MAX_PLAN_BLOCKS)
    assert [block.title for block in planner.agenda.blocks] == [
        f"Activity {number}" for number in range(MAX_PLAN_BLOCKS)]
    assert planner.agenda.total_minutes() == 10 * MAX_PLAN_BLOCKS
    assert len(planner.handout().sections[1].items) == MAX_PLAN_BLOCKS


# ---- the plan handed to present mode ----

def test_the_plan_for_present_mode_has_the_agreed_shape(planner) -> None:
    planner.session_name.value = "Week 3"
    planner.agenda.add_suggestion(0)  # a break first opens where the first activity is
    planner.add_activity(number_of(planner, "trust-sort"))
    planner.agenda.add_suggestion(1)
    planner.add_activity(number_of(planner, "language-game"))
    plan = planner.present.plan
    assert json.loads(json.dumps(plan)) == plan
    assert plan == {"title": "Week 3", "index": 0, "started": None, "lang": "en", "blocks": [
        {"notebook": "03_trust", "section": "A-trust-building-activity",
         "title": "Arrival and a cup of tea", "minutes": 15, "kind": "break"},
        {"notebook": "03_trust", "section": "A-trust-building-activity",
         "title": "Running the trust sort", "minutes": 30, "kind": "activity"},
        {"notebook": "03_trust", "section": "A-trust-building-activity",
         "title": "Short break", "minutes": 10, "kind": "break"},
        {"notebook": "05_language", "section": "The-language-game",
         "title": "Running the language game", "minutes": 35, "kind": "activity"}]}
    assert planner.present.refusal == ""
    assert planner.present.storage_key == STORAGE_KEY == "pack-present-plan"
    assert planner.present.opening_text == t("session.present_opening",
                                             title="Arrival and a cup of tea")


def test_a_welsh_plan_says_so(welsh_page) -> None:
    planner = session_planner()
    assert isinstance(planner, SessionPlanner)
    planner.add_activity(0)
    assert planner.present.plan["lang"] == "cy"
    assert planner.present.plan["title"] == "Cynllun sesiwn"
    assert planner.present.label == "Cyflwyno'r cynllun hwn"


def test_a_broken_content_file_gives_a_calm_message(assets) -> None:
    (assets / "session_planner").mkdir(exist_ok=True)
    (assets / "session_planner" / "session-planner.yaml").write_text("intro: [\n", "utf-8")
    shown = session_planner()
    assert "pack-error" in shown.data and "session-planner.yaml" in shown.data


def test_plain_blocks_count_as_breaks(planner) -> None:
    planner.agenda.add_block("Welcome and tea", 20)
    assert planner.planned == [PlannedBlock("Welcome and tea", 20)]
    assert planner.planned[0].kind == "break"
    assert isinstance(planner.agenda.blocks[0], Block)
