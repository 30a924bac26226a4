"""The agenda's timing: breaks, the time available (overruns and time to spare), crossing noon
and midnight, start times and lengths that cannot be read, and the block limit."""

import pytest

from peer_support.i18n import t
from peer_support.kit.agenda import MAX_BLOCKS, Agenda, Block, clock_on
from peer_support.kit.times import parse_length, parse_time


def agenda_of(*blocks: tuple[str, int], start: str = "", available: str = "") -> Agenda:
    agenda = Agenda([Block("Break", 15)], available=True)
    for title, minutes in blocks:
        assert agenda.add_block(title, minutes)
    agenda.start.value = start
    agenda.available.value = available
    return agenda


def test_a_break_takes_its_place_in_the_times() -> None:
    agenda = agenda_of(("Welcome", 10), start="10:00")
    assert agenda.add_suggestion(0)
    assert agenda.add_block("Trust sort", 30)
    assert agenda.lines() == [
        t("agenda.row_timed", position=1, start="10:00", end="10:10", title="Welcome",
          minutes="10 min", total="10 min"),
        t("agenda.row_timed", position=2, start="10:10", end="10:25", title="Break",
          minutes="15 min", total="25 min"),
        t("agenda.row_timed", position=3, start="10:25", end="10:55", title="Trust sort",
          minutes="30 min", total="55 min"),
    ]
    assert agenda.total_text() == t("agenda.total_timed", total="55 min", start="10:00",
                                    end="10:55")


def test_moving_a_break_moves_the_times_after_it() -> None:
    agenda = agenda_of(("Welcome", 10), ("Break", 15), ("Trust sort", 30), start="10:00")
    agenda.move(1, 1)
    assert [line.split(": ", 1)[0] for line in agenda.lines()] == [
        "1. 10:00 to 10:10", "2. 10:10 to 10:40", "3. 10:40 to 10:55"]
    assert agenda.lines()[2].startswith("3. 10:40 to 10:55: Break")


def test_an_overrun_says_by_how_much_and_keeps_every_block() -> None:
    agenda = agenda_of(("Welcome", 20), ("Language game", 35), ("Closing", 20),
                       start="13:00", available="1:00")
    assert agenda.available_minutes == 60
    assert agenda.over_by() == 15
    assert agenda.fit_text() == t("agenda.over", over="15 min", available="1 hr")
    assert "15 min longer than the 1 hr you have" in agenda.over_view.value
    assert "pack-message--warning" in agenda.over_view.value
    # The block that runs past the time says so; the ones before it do not.
    assert [t("agenda.past_available") in line for line in agenda.lines()] == [
        False, False, True]
    assert [block.title for block in agenda.blocks] == ["Welcome", "Language game", "Closing"]


def test_time_to_spare_and_an_exact_fit() -> None:
    agenda = agenda_of(("Welcome", 20), available="90")
    assert agenda.fit_text() == t("agenda.spare", spare="1 hr 10 min", available="1 hr 30 min")
    assert agenda.over_by() == 0
    assert "warning" not in agenda.over_view.value
    agenda.add_block("Sort", 70)
    assert agenda.fit_text() == t("agenda.exact", available="1 hr 30 min")
    agenda.add_block("Tea", 1)
    assert agenda.over_by() == 1


def test_without_the_time_available_nothing_is_compared() -> None:
    agenda = agenda_of(("Welcome", 500 // 3))
    assert agenda.fit_text() == "" and agenda.over_by() == 0
    plain = Agenda()  # the learning event planner's agenda offers no such box
    plain.available.value = "30"
    plain.add_block("Long", 90)
    assert plain.available_minutes is None and plain.fit_text() == ""


@pytest.mark.parametrize(("start", "rows"), [
    ("11:30", ["11:30 to 12:00", "12:00 to 12:45"]),
    ("11.30am", ["11:30 to 12:00", "12:00 to 12:45"]),
    ("11:45", ["11:45 to 12:15", "12:15 to 13:00"]),
    ("12pm", ["12:00 to 12:30", "12:30 to 13:15"]),
    ("12.15pm", ["12:15 to 12:45", "12:45 to 13:30"]),
    ("12am", ["0:00 to 0:30", "0:30 to 1:15"]),
])
def test_crossing_noon(start: str, rows: list[str]) -> None:
    agenda = agenda_of(("Check-in", 30), ("Wheel", 45), start=start)
    assert [line.split(": ", 1)[0].split(". ", 1)[1] for line in agenda.lines()] == rows


def test_crossing_midnight_says_next_day() -> None:
    agenda = agenda_of(("Online catch-up", 30), ("Closing", 45), start="23:15")
    assert agenda.lines()[0].startswith("1. 23:15 to 23:45:")
    assert agenda.lines()[1] == t("agenda.row_timed", position=2, start="23:45",
                                  end=t("agenda.next_day", time="0:30"), title="Closing",
                                  minutes="45 min", total="1 hr 15 min")
    assert "0:30 (next day)" in agenda.lines()[1]
    assert agenda.total_text().endswith("from 23:15 to 0:30 (next day).")


def test_clock_on_later_days() -> None:
    assert clock_on(615) == "10:15"
    assert clock_on(24 * 60 + 30) == "0:30 (next day)"
    assert clock_on(2 * 24 * 60 + 5) == t("agenda.later_day", time="0:05", days=2)


@pytest.mark.parametrize("typed", ["10", "25:00", "12:60", "ten", "13pm", "9:5", "half nine",
                                   "<b>10:00</b>", "10:00:00", "١٠:٣٠"])
def test_a_start_that_is_not_a_time_is_said_and_nothing_is_lost(typed: str) -> None:
    agenda = agenda_of(("Welcome", 10), ("Sort", 30))
    agenda.start.value = typed
    assert parse_time(typed) is None
    assert agenda.start_minutes is None
    assert agenda.status.message == t("agenda.start_invalid")
    assert agenda.start.value == typed  # what was typed stays, to be corrected
    assert agenda.lines() == [
        t("agenda.row", position=1, title="Welcome", minutes="10 min", total="10 min"),
        t("agenda.row", position=2, title="Sort", minutes="30 min", total="40 min")]
    agenda.start.value = "9:30"
    assert agenda.status.message == t("agenda.start_set", time="9:30")
    assert agenda.lines()[1].startswith("2. 9:40 to 10:10")


@pytest.mark.parametrize(("typed", "minutes"), [
    ("90", 90), ("90 min", 90), ("1:30", 90), ("1.30", 90), ("1h 30", 90), ("2 hours", 120),
    ("2hr", 120), ("2 awr 15 munud", 135), ("45 munud", 45), ("24:00", 1440)])
def test_lengths_people_type(typed: str, minutes: int) -> None:
    assert parse_length(typed) == minutes


@pytest.mark.parametrize("typed", ["", "0", "lots", "1h 75", "25:00", "1.5", "-30", "2 days",
                                   "99999"])
def test_a_time_available_that_cannot_be_read_is_said(typed: str) -> None:
    assert parse_length(typed) is None
    agenda = agenda_of(("Welcome", 10))
    agenda.available.value = typed
    assert agenda.available_minutes is None and agenda.fit_text() == ""
    if typed:
        assert agenda.status.message == t("agenda.available_invalid")
    assert [block.title for block in agenda.blocks] == ["Welcome"]


def test_the_block_limit_is_said_and_keeps_what_is_there() -> None:
    agenda = Agenda(available=True, max_blocks=3)
    assert [agenda.add_block(f"Block {n}", 10) for n in range(5)] == [
        True, True, True, False, False]
    assert agenda.status.message == t("agenda.full", limit=3)
    assert [block.title for block in agenda.blocks] == ["Block 0", "Block 1", "Block 2"]
    assert Agenda().max_blocks == MAX_BLOCKS


def test_editing_keeps_what_a_block_carries() -> None:
    from dataclasses import dataclass

    @dataclass(frozen=True)
    class Tagged(Block):
        tag: str = ""

    agenda = Agenda()
    agenda.add_item(Tagged("Sort", 30, tag="trust"))
    assert agenda.update(0, "Sort, shorter", "20")
    assert agenda.blocks == [Tagged("Sort, shorter", 20, tag="trust")]
