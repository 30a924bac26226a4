"""Tests for chapters.welsh_context: the "getting there" planner (and the deck with a scale it
uses), and the chapter's barriers checklist and Active Offer self-check (kit exercises made from
the chapter's content files)."""

import re
from html import unescape
from pathlib import Path

import pytest
import yaml
from conftest import decoded_link, load_error, write_yaml
from IPython.display import HTML

from peer_support import content
from peer_support.chapters.welsh_context import (
    NOTES_LIMIT,
    PLACE_LIMIT,
    PLANNER,
    PLANNER_FILE,
    GettingTherePlanner,
    Journey,
    format_time,
    getting_there_planner,
    journey_fits,
    journey_notes,
    parse_time,
)
from peer_support.i18n import t
from peer_support.kit.checklist import CHECKLIST, TICKED, UNTICKED, Checklist, checklist
from peer_support.kit.deck import DeckScale
from peer_support.kit.self_check import SELF_CHECK, SelfCheck, self_check

REAL_ASSETS = content.ASSETS_DIR
BARRIERS_FILE = "welsh_context/barriers.yaml"
ACTIVE_OFFER_FILE = "welsh_context/active-offer.yaml"
#: The Active Offer self-check's answers, from lowest to highest.
OFFER_LEVELS = ("not-yet", "partly", "yes")
SCRIPT = "<script>alert(1)</script>"
IMG = '<img src=x onerror="alert(1)">'
WELSH = "Llanfair ŵ ŷ Ŵ Ŷ 😊"
LONG = "x" * 10_000


# ---- helpers ----


def real(path: str) -> dict:
    return yaml.safe_load((REAL_ASSETS / path).read_text(encoding="utf-8"))


OFFER_DATA = real(ACTIVE_OFFER_FILE)
#: The Active Offer's summary headings, as its file gives them.
START_HERE, BUILD_ON, IN_PLACE = [block["heading"] for block in OFFER_DATA["summary"]]


def is_error_block(block: object, path: str) -> bool:
    return isinstance(block, HTML) and 'role="alert"' in block.data and path in block.data


def shown_rows(editable_list) -> list:
    """The rows of an editable list that are on show (rows are kept, hidden, for reuse)."""
    return [row for row in editable_list.children if row.layout.display != "none"]


def section_items(handout, heading: str) -> list[str]:
    for section in handout.filled_sections:
        if section.heading == heading:
            return section.items
    return []


@pytest.fixture
def planner() -> GettingTherePlanner:
    return GettingTherePlanner(PLANNER.load(PLANNER_FILE))


@pytest.fixture
def offer() -> SelfCheck:
    return SelfCheck(SELF_CHECK.load(ACTIVE_OFFER_FILE), basename="active-offer-actions")


# ---- times ----


@pytest.mark.parametrize(("raw", "minutes"), [
    ("10:30", 630), ("9:05", 545), ("09.05", 545), ("13.10", 790), ("0:00", 0), ("23:59", 1439),
    ("2.15pm", 855), ("2:15 PM", 855), ("10am", 600), ("12am", 0), ("12pm", 720),
    ("2.15yh", 855), ("2:15 y.h.", 855), ("10yb", 600), ("12yh", 720),
    ("12.30pm", 750), (" 10:30 ", 630), ("9.45 a.m.", 585), ("1.10 p.m.", 790),
])
def test_parse_time_reads_clock_times(raw: str, minutes: int) -> None:
    assert parse_time(raw) == minutes


@pytest.mark.parametrize("raw", [
    "", None, "10", "25:00", "24:00", "10:60", "13pm", "0am", "10:5", "half ten", "10-30",
    "10:30:00", SCRIPT, "ŵ", LONG, "١٠:٣٠",
])
def test_parse_time_refuses_what_it_cannot_read(raw) -> None:
    assert parse_time(raw) is None


@pytest.mark.parametrize(("minutes", "text"), [(0, "00:00"), (545, "09:05"), (790, "13:10")])
def test_format_time_is_24_hour(minutes: int, text: str) -> None:
    assert format_time(minutes) == text


# ---- journeys against the group's times ----


def test_journey_fits_when_it_gets_in_before_and_leaves_after() -> None:
    assert journey_fits(Journey("A", 600, 760), 630, 750) is True


def test_journey_does_not_fit_when_it_gets_in_after_the_start() -> None:
    assert journey_fits(Journey("A", 640, 760), 630, 750) is False


def test_journey_does_not_fit_when_the_last_one_back_leaves_before_the_end() -> None:
    assert journey_fits(Journey("A", 600, 740), 630, 750) is False


def test_journey_fit_is_unknown_without_group_times() -> None:
    assert journey_fits(Journey("A", 600, 760), None, None) is None


def test_journey_fit_uses_only_the_times_it_has() -> None:
    assert journey_fits(Journey("A", None, 700), 630, 750) is False
    assert journey_fits(Journey("A", 600, None), 630, None) is True


def test_journey_notes_late_arrival_says_how_late() -> None:
    notes = journey_notes(Journey("A", 645), 630, 750)
    assert notes == [t("welsh_context.arrives_late", time="10:45", minutes=15)]


def test_journey_notes_early_departure_says_how_early() -> None:
    notes = journey_notes(Journey("A", None, 735), 630, 750)
    assert notes == [t("welsh_context.leaves_early", time="12:15", minutes=15)]


def test_journey_notes_cover_every_case() -> None:
    cases = [
        (Journey("A", 630), "welsh_context.arrives_just", {"time": "10:30"}),
        (Journey("A", 625), "welsh_context.arrives_tight", {"time": "10:25", "minutes": 5}),
        (Journey("A", 605), "welsh_context.arrives_before", {"time": "10:05", "minutes": 25}),
        (Journey("A", 540), "welsh_context.arrives_long_wait", {"time": "09:00", "minutes": 90}),
        (Journey("A", None, 750), "welsh_context.leaves_just", {"time": "12:30"}),
        (Journey("A", None, 755), "welsh_context.leaves_tight", {"time": "12:35", "minutes": 5}),
        (Journey("A", None, 780), "welsh_context.leaves_after", {"time": "13:00", "minutes": 30}),
        (Journey("A", None, 840), "welsh_context.leaves_long_wait",
         {"time": "14:00", "minutes": 90}),
    ]
    for journey, key, values in cases:
        assert journey_notes(journey, 630, 750) == [t(key, **values)], key


def test_journey_notes_without_group_times_only_state_the_times() -> None:
    notes = journey_notes(Journey("A", 605, 790), None, None)
    assert notes == [t("welsh_context.arrives", time="10:05"),
                     t("welsh_context.leaves", time="13:10")]


# ---- the planner's content file ----


def test_load_planner_real_file_has_the_four_ways_and_the_costs() -> None:
    planner_content = PLANNER.load(PLANNER_FILE)
    assert [o.id for o in planner_content.options] == [
        "lift-share", "pick-up-point", "phone-in", "online"]
    assert {"fares", "data", "childcare"} <= {c.id for c in planner_content.costs}
    assert all(o.helps and o.watch_out for o in planner_content.options)
    assert all(c.ideas for c in planner_content.costs)


def test_load_planner_real_file_invents_no_times() -> None:
    text = (REAL_ASSETS / PLANNER_FILE).read_text(encoding="utf-8")
    assert not re.search(r"\b\d{1,2}[:.]\d\d\b", text)


def test_load_planner_missing_watch_out_names_file(assets: Path) -> None:
    data = real(PLANNER_FILE)
    del data["options"][1]["watch_out"]
    error = load_error(lambda: PLANNER.load(write_yaml(assets, PLANNER_FILE, data)))
    assert error.path.endswith(PLANNER_FILE)
    assert "Option 2" in error.problem and "'watch_out'" in error.problem


def test_load_planner_repeated_id_names_file(assets: Path) -> None:
    data = real(PLANNER_FILE)
    data["costs"][0]["id"] = data["options"][0]["id"]
    error = load_error(lambda: PLANNER.load(write_yaml(assets, PLANNER_FILE, data)))
    assert error.path.endswith(PLANNER_FILE)
    assert "repeats the id" in error.problem


def test_load_planner_no_costs_names_file(assets: Path) -> None:
    data = real(PLANNER_FILE)
    data["costs"] = []
    error = load_error(lambda: PLANNER.load(write_yaml(assets, PLANNER_FILE, data)))
    assert "'costs'" in error.problem


def test_getting_there_planner_broken_file_gives_calm_message(assets: Path) -> None:
    (assets / PLANNER_FILE).write_text("options: [unclosed", encoding="utf-8")
    assert is_error_block(getting_there_planner(), PLANNER_FILE)


def test_getting_there_planner_missing_file_gives_calm_message(assets: Path) -> None:
    assert is_error_block(getting_there_planner(), PLANNER_FILE)


def test_getting_there_planner_real_file_builds() -> None:
    assert isinstance(getting_there_planner(), GettingTherePlanner)


# ---- the planner: group times ----


def test_planner_notes_group_times(planner: GettingTherePlanner) -> None:
    planner.set_times("10:30", "12.30")
    assert (planner.start, planner.end) == (630, 750)
    assert planner.times_status.message == t("welsh_context.times_noted", start="10:30",
                                             end="12:30")


def test_planner_unclear_time_says_so_and_keeps_the_text(planner: GettingTherePlanner) -> None:
    planner.set_times("half ten", "12:30")
    assert planner.start is None and planner.end == 750
    assert planner.times_status.message == t("welsh_context.time_unclear_start")
    assert planner.start_box.value == "half ten"


def test_planner_long_time_is_refused_without_echo(planner: GettingTherePlanner) -> None:
    planner.set_times(LONG, "")
    assert planner.times_status.message == t("welsh_context.time_unclear_start")
    assert len(planner.start_box.value) == 10_000


def test_planner_end_before_start_blocks_the_plan(planner: GettingTherePlanner) -> None:
    planner.set_times("13:00", "12:00")
    assert planner.times_status.message == t("welsh_context.times_order")
    assert planner.handout() == t("welsh_context.times_order")
    assert planner.download.prepare() is None
    assert planner.download.status.message == t("welsh_context.times_order")


def test_planner_changing_times_rechecks_journeys(planner: GettingTherePlanner) -> None:
    planner.add_journey("Village", "10:05", "13:10")
    planner.set_times("10:30", "12:30")
    assert planner.fit_counts() == (1, 0)
    planner.set_times("10:00", "12:30")
    assert planner.fit_counts() == (0, 1)
    assert "Needs a look." in planner.journeys_view.value


# ---- the planner: journeys ----


def test_planner_add_journey_by_button_clears_boxes(planner: GettingTherePlanner) -> None:
    planner.place_box.value = "Village square"
    planner.arrives_box.value = "10:05"
    planner.leaves_box.value = "1.10pm"
    planner.add_button.click()
    assert planner.journeys == [Journey("Village square", 605, 790)]
    assert (planner.place_box.value, planner.arrives_box.value, planner.leaves_box.value) == (
        "", "", "")
    assert len(shown_rows(planner.journey_list)) == 1


@pytest.mark.parametrize(("place", "arrives", "leaves", "key"), [
    ("", "10:05", "", "welsh_context.place_empty"),
    ("   ", "10:05", "", "welsh_context.place_empty"),
    ("Village", "", "", "welsh_context.journey_no_time"),
    ("Village", "ten past", "", "welsh_context.arrives_unclear"),
    ("Village", "10:05", "25:00", "welsh_context.leaves_unclear"),
    ("Village", LONG, "", "welsh_context.arrives_unclear"),
])
def test_planner_refuses_bad_journey_and_keeps_typing(planner: GettingTherePlanner, place: str,
                                                      arrives: str, leaves: str,
                                                      key: str) -> None:
    planner.place_box.value, planner.arrives_box.value, planner.leaves_box.value = (
        place, arrives, leaves)
    planner.add_button.click()
    assert planner.journeys == []
    assert planner.journey_status.message == t(key)
    assert (planner.place_box.value, planner.arrives_box.value, planner.leaves_box.value) == (
        place, arrives, leaves)


def test_planner_refuses_long_place_without_cutting(planner: GettingTherePlanner) -> None:
    planner.place_box.value = LONG
    planner.arrives_box.value = "10:05"
    planner.add_button.click()
    assert planner.journeys == []
    assert planner.journey_status.message == t("welsh_context.place_too_long", limit=PLACE_LIMIT)
    assert planner.place_box.value == LONG


def test_planner_hostile_place_stays_text(planner: GettingTherePlanner) -> None:
    assert planner.add_journey(IMG, "10:05")
    assert planner.add_journey(SCRIPT, "10:05")
    view = planner.journeys_view.value
    assert "<img" not in view and "<script>" not in view
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in view
    assert planner.journey_list.button(1, "remove").description == t(
        "welsh_context.remove_journey", place=SCRIPT)
    markdown = planner.handout().to_markdown()
    assert "\\<script\\>" in markdown
    assert "<script>" not in planner.handout().to_html()


def test_planner_keeps_welsh_letters(planner: GettingTherePlanner) -> None:
    assert planner.add_journey(WELSH, "9.45am")
    assert planner.journeys[0].place == WELSH
    assert WELSH in planner.journeys_view.value
    assert WELSH in planner.handout().to_html()


def test_planner_welsh_letters_typed_as_two_characters_are_joined(
        planner: GettingTherePlanner) -> None:
    assert planner.add_journey("Pen-y-bont w\u0302", "10:00")
    assert planner.journeys[0].place == "Pen-y-bont ŵ"


def test_planner_remove_journey_takes_out_only_that_one(planner: GettingTherePlanner) -> None:
    planner.add_journey("First", "10:00")
    planner.add_journey("Second", "10:10")
    planner.add_journey("Third", "10:20")
    planner.journey_list.button(1, "remove").click()
    assert [j.place for j in planner.journeys] == ["First", "Third"]
    assert planner.journey_status.message == t("welsh_context.journey_removed", place="Second")
    assert len(shown_rows(planner.journey_list)) == 2


def test_planner_summary_counts_fits_and_problems(planner: GettingTherePlanner) -> None:
    planner.set_times("10:30", "12:30")
    planner.add_journey("Fits", "10:05", "13:10")
    planner.add_journey("Late", "10:45", "13:10")
    planner.add_journey("Early", "10:05", "12:00")
    assert planner.fit_counts() == (1, 2)
    assert t("welsh_context.fit_summary", fit=1, problems=2, total=3).replace(
        "'", "&#x27;") in planner.journeys_view.value


# ---- the planner: ways of joining, costs and the plan ----


def test_planner_handout_holds_exactly_what_was_chosen(planner: GettingTherePlanner) -> None:
    planner.set_times("10:30", "12:30")
    planner.add_journey("Village", "10:05", "13:10")
    planner.options.choose("lift-share", "offer")
    planner.options.choose("pick-up-point", "maybe")
    planner.options.choose("phone-in", "not_for_us")
    planner.options.choose("online", "pass")
    planner.costs.choose("fares", "cover")
    planner.costs.choose("data", "pass")
    planner.costs.choose("childcare", "not_yet")
    plan = planner.handout()
    headings = [section.heading for section in plan.filled_sections]
    assert headings == [t("welsh_context.plan_when"), t("welsh_context.plan_journeys"),
                        t("welsh_context.plan_offer"), t("welsh_context.plan_maybe"),
                        t("welsh_context.plan_not_for_us"), t("welsh_context.plan_costs")]
    assert section_items(plan, t("welsh_context.plan_when")) == [
        t("welsh_context.plan_starts", time="10:30"), t("welsh_context.plan_ends", time="12:30")]
    assert section_items(plan, t("welsh_context.plan_journeys")) == [
        f"{t('welsh_context.fits')} Village: "
        f"{t('welsh_context.arrives_before', time='10:05', minutes=25)} "
        f"{t('welsh_context.leaves_after', time='13:10', minutes=40)}"]
    (offered,) = section_items(plan, t("welsh_context.plan_offer"))
    assert offered.startswith("Lift shares\n")
    assert "Agree fuel money in advance" in offered
    assert section_items(plan, t("welsh_context.plan_maybe"))[0].startswith(
        "A discreet pick-up point\n")
    assert section_items(plan, t("welsh_context.plan_not_for_us")) == ["Joining by phone"]
    costs = section_items(plan, t("welsh_context.plan_costs"))
    assert [c.split(":")[0] for c in costs] == ["Bus and train fares", "Childcare"]
    markdown = plan.to_markdown()
    assert "Joining online" not in markdown
    assert "Phone data" not in markdown


def test_planner_changing_a_choice_replaces_it(planner: GettingTherePlanner) -> None:
    planner.options.choose("online", "offer")
    planner.options.choose("online", "pass")
    assert planner.handout().item_count == 0


def test_planner_plan_marks_journeys_that_need_a_look(planner: GettingTherePlanner) -> None:
    planner.add_journey("Station", "10:45")
    assert section_items(planner.handout(), t("welsh_context.plan_journeys"))[0].startswith(
        f"{t('welsh_context.not_checked')} Station: ")
    planner.set_times("10:30", "12:30")
    assert section_items(planner.handout(), t("welsh_context.plan_journeys"))[0].startswith(
        f"{t('welsh_context.needs_a_look')} Station: ")


def test_planner_unknown_option_or_choice_raises(planner: GettingTherePlanner) -> None:
    with pytest.raises(KeyError):
        planner.options.choose("helicopter", "offer")
    with pytest.raises(KeyError):
        planner.costs.choose("fares", "maybe")


def test_planner_empty_plan_offers_nothing_to_download(planner: GettingTherePlanner) -> None:
    assert planner.download.prepare() is None
    assert planner.download.status.message == t("handout.nothing")


def test_planner_notes_go_in_the_plan(planner: GettingTherePlanner) -> None:
    planner.notes.write(f"  {WELSH}\n{SCRIPT}  ")
    assert section_items(planner.handout(), t("welsh_context.plan_notes")) == [
        f"{WELSH}\n{SCRIPT}"]


def test_planner_long_notes_hold_back_the_plan(planner: GettingTherePlanner) -> None:
    planner.options.choose("online", "offer")
    planner.notes.write("y" * (NOTES_LIMIT + 1))
    assert planner.handout() == t("handout.waiting")
    assert len(planner.notes.text_area.value) == NOTES_LIMIT + 1


def test_planner_download_link_holds_the_plan_and_is_withdrawn_on_change(
        planner: GettingTherePlanner) -> None:
    planner.add_journey(WELSH, "10:05")
    planner.download.prepare()
    html = decoded_link(planner.download.links.value, "html")
    assert WELSH in html and "<!DOCTYPE html>" in html
    planner.options.choose("online", "offer")
    assert planner.download.links.value == ""


# ---- the one-at-a-time deck with a scale (the planner's ways of joining and costs) ----


def small_deck() -> DeckScale:
    return DeckScale([("a", "First <b>", "<h4>First</h4>"), ("b", "Second", "<h4>Second</h4>")],
                      "Will you?", [("yes", "Yes"), ("no", "No")], noun="Card",
                      previous_label="Back", next_label="On", summary_heading="So far")


def test_choice_deck_shows_one_card_and_moves_with_its_buttons() -> None:
    deck = small_deck()
    assert deck.current == "a" and "<h4>First</h4>" in deck.deck.card_view.value
    deck.deck.next_button.click()
    assert deck.current == "b" and deck.deck.position.message == "Card 2 of 2"
    deck.deck.next_button.click()
    assert deck.current == "b" and deck.deck.position.message == t("deck.last")
    assert deck.deck.previous_button.description == "Back"


def test_choice_deck_remembers_each_card_s_choice() -> None:
    deck = small_deck()
    deck.choose("b", "no")
    assert deck.current == "b" and deck.scale.choice == "no"
    deck.deck.previous_button.click()
    assert deck.scale.choice is None
    deck.scale.choose("pass")
    deck.deck.next_button.click()
    assert deck.scale.choice == "no"
    assert deck.choices == {"b": "no", "a": "pass"}


def test_choice_deck_summary_lists_every_card_escaped() -> None:
    deck = small_deck()
    deck.choose("b", "yes")
    summary = deck.summary.value
    assert f"<li>First &lt;b&gt;: {t('deck.not_chosen')}</li>" in summary
    assert "<li>Second: Yes</li>" in summary


def test_choice_deck_calls_handlers_and_refuses_unknown_keys() -> None:
    deck = small_deck()
    seen = []
    deck.on_choice(lambda key, option: seen.append((key, option)))
    deck.choose("a", "yes")
    assert seen == [("a", "yes")]
    with pytest.raises(KeyError):
        deck.choose("c", "yes")
    with pytest.raises(KeyError):
        deck.choose("a", "maybe")
    assert seen == [("a", "yes")]


# ---- the barriers checklist ----


def test_barriers_file_has_the_three_sections_with_adjustments() -> None:
    loaded = CHECKLIST.load(BARRIERS_FILE)
    sections = loaded.sections
    assert loaded.title and loaded.intro
    assert [s.heading for s in sections] == [
        "Poverty", "Discrimination", "Past poor treatment by services"]
    assert all(len(s.items) >= 3 for s in sections)
    assert all(item.detail for s in sections for item in s.items)


def test_barriers_checklist_prints_ticks_and_adjustments() -> None:
    barriers = checklist(BARRIERS_FILE, "barriers-checklist")
    assert isinstance(barriers, Checklist)
    barriers.tick(0, 0)
    barriers.tick(2, 1)
    assert barriers.ticked() == [(0, 0), (2, 1)]
    handout = barriers.handout()
    poverty = section_items(handout, "Poverty")
    first = barriers.sections[0].items[0]
    assert poverty[0] == f"{TICKED} {first.text}\n{first.detail}"
    assert poverty[1].startswith(UNTICKED)
    assert handout.item_count == barriers.total
    assert barriers.download.basename == "barriers-checklist"


def test_barriers_checklist_broken_file_gives_calm_message(assets: Path) -> None:
    write_yaml(assets, BARRIERS_FILE, {"title": "Barriers", "sections": [{"heading": "Poverty"}]})
    assert is_error_block(checklist(BARRIERS_FILE, "barriers-checklist"), BARRIERS_FILE)


# ---- the Active Offer self-check: content ----


def test_load_active_offer_real_file_covers_the_areas_named_in_the_issue() -> None:
    offer_content = SELF_CHECK.load(ACTIVE_OFFER_FILE)
    ids = [area.id for area in offer_content.items]
    assert {"sign-up", "in-the-room", "materials", "facilitators"} <= set(ids)
    assert all(area.actions_for["partly"] and area.actions_for["not-yet"]
               for area in offer_content.items)


def test_load_active_offer_unknown_level_names_file(assets: Path) -> None:
    data = real(ACTIVE_OFFER_FILE)
    data["items"][2]["actions_for"]["maybe"] = ["Something"]
    error = load_error(lambda: SELF_CHECK.load(write_yaml(assets, ACTIVE_OFFER_FILE, data)))
    assert error.path.endswith(ACTIVE_OFFER_FILE)
    assert "Area 3" in error.problem and "maybe" in error.problem


def test_load_active_offer_missing_actions_names_file(assets: Path) -> None:
    data = real(ACTIVE_OFFER_FILE)
    del data["items"][0]["actions_for"]["not-yet"]
    error = load_error(lambda: SELF_CHECK.load(write_yaml(assets, ACTIVE_OFFER_FILE, data)))
    assert "Area 1" in error.problem
    assert "'not-yet'" in error.problem


def test_load_active_offer_missing_question_names_file(assets: Path) -> None:
    data = real(ACTIVE_OFFER_FILE)
    del data["question"]
    error = load_error(lambda: SELF_CHECK.load(write_yaml(assets, ACTIVE_OFFER_FILE, data)))
    assert "'question'" in error.problem


def test_active_offer_check_broken_file_gives_calm_message(assets: Path) -> None:
    write_yaml(assets, ACTIVE_OFFER_FILE, ["not", "a", "mapping"])
    assert is_error_block(self_check(ACTIVE_OFFER_FILE, "active-offer-actions"),
                          ACTIVE_OFFER_FILE)


def test_active_offer_check_real_file_builds() -> None:
    assert isinstance(self_check(ACTIVE_OFFER_FILE, "active-offer-actions"), SelfCheck)


# ---- the Active Offer self-check: answers and actions ----


def test_active_offer_options_are_not_yet_partly_yes_and_pass(offer: SelfCheck) -> None:
    scale = offer.ratings.scale
    assert list(scale.labels) == [*OFFER_LEVELS, "pass"]
    assert [scale.labels[key] for key in OFFER_LEVELS] == ["Not yet", "Partly", "Yes"]


def test_active_offer_actions_follow_the_answers(offer: SelfCheck) -> None:
    areas = offer.items
    offer.rate("sign-up", "not-yet")
    offer.rate("materials", "partly")
    offer.rate("facilitators", "yes")
    offer.rate("first-contact", "pass")
    groups = dict(offer.blocks())
    assert groups[START_HERE] == [
        f"Sign-up forms: {action}" for action in areas["sign-up"].actions_for["not-yet"]]
    assert groups[BUILD_ON] == [
        f"Materials: {action}" for action in areas["materials"].actions_for["partly"]]
    assert groups[IN_PLACE] == ["Who facilitates"]
    everything = "\n".join(line for lines in groups.values() for line in lines)
    assert "First contact" not in everything


def test_active_offer_action_list_shows_on_the_page(offer: SelfCheck) -> None:
    assert unescape(offer.summary_view.value) == (
        f"<h4>{OFFER_DATA['summary_heading']}</h4>"
        f'<p class="pack-muted">{OFFER_DATA["summary_empty"]}</p>')
    offer.rate("in-the-room", "not-yet")
    assert "In the room: " in offer.summary_view.value
    assert offer.ratings.progress.message == t("ratings.progress", done=1, total=6)


def test_active_offer_all_passed_gives_nothing_to_download(offer: SelfCheck) -> None:
    for area in offer.items:
        offer.rate(area, "pass")
    assert offer.blocks() == []
    assert offer.download.prepare() is None


def test_active_offer_download_holds_exactly_the_actions(offer: SelfCheck) -> None:
    offer.rate("local-welsh", "partly")
    offer.rate("sign-up", "yes")
    offer.write(0, f"{IMG} {WELSH}")  # the box for an action of the group's own
    offer.download.prepare()
    markdown = decoded_link(offer.download.links.value, "markdown")
    html = decoded_link(offer.download.links.value, "html")
    items = re.findall(r"<li>(.*?)</li>", html, re.S)
    expected = [f"Welsh that fits the area: {a}"
                for a in offer.items["local-welsh"].actions_for["partly"]]
    assert items[:len(expected)] == expected
    assert items[len(expected):] == [
        "Sign-up forms", "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; " + WELSH]
    assert "<img" not in html
    assert "\\<img src=x" in markdown and WELSH in markdown


def test_active_offer_long_own_action_holds_back_the_list(offer: SelfCheck) -> None:
    limit = offer.content.prompt_limit
    assert limit == 300
    offer.rate("sign-up", "not-yet")
    offer.write(0, "z" * (limit + 1))
    assert offer.handout() == t("handout.waiting")
    assert len(offer.boxes[0].text_area.value) == limit + 1


def test_active_offer_changing_an_answer_withdraws_the_download(offer: SelfCheck) -> None:
    offer.rate("sign-up", "not-yet")
    offer.download.prepare()
    assert offer.download.links.value
    offer.rate("sign-up", "yes")
    assert offer.download.links.value == ""
    assert dict(offer.blocks()) == {IN_PLACE: ["Sign-up forms"]}


def test_active_offer_clear_forgets_everything(offer: SelfCheck) -> None:
    offer.rate("sign-up", "not-yet")
    offer.write(0, "Ask the choir")
    offer.clear_button.click()
    assert offer.ratings.answered() == {}
    assert offer.boxes[0].text_area.value == ""
    assert offer.handout().item_count == 0


def test_active_offer_unknown_area_or_level_raises(offer: SelfCheck) -> None:
    with pytest.raises(KeyError):
        offer.rate("car-park", "yes")
    with pytest.raises(KeyError):
        offer.rate("sign-up", "maybe")
