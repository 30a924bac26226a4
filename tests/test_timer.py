"""Tests for kit.timer: an advisory timer with sensible minutes and catalogue texts."""

import pytest

from peer_support import i18n
from peer_support.i18n import t
from peer_support.kit.timer import ActivityTimer


@pytest.mark.parametrize("minutes", [0, 241, -5])
def test_timer_rejects_minutes_out_of_range(minutes: int) -> None:
    with pytest.raises(ValueError):
        ActivityTimer(minutes=minutes)


@pytest.mark.parametrize("minutes", [10.0, 2.5, "10", None])
def test_timer_rejects_non_whole_number(minutes: object) -> None:
    with pytest.raises(ValueError):
        ActivityTimer(minutes=minutes)


def test_timer_rejects_bool() -> None:
    with pytest.raises(ValueError):
        ActivityTimer(minutes=True)


@pytest.mark.parametrize("minutes", [1, 35, 240])
def test_timer_accepts_whole_minutes_in_range(minutes: int) -> None:
    assert ActivityTimer(minutes=minutes).minutes == minutes


def test_timer_default_is_ten_minutes() -> None:
    assert ActivityTimer().minutes == 10


def test_timer_carries_button_texts() -> None:
    timer = ActivityTimer(minutes=20)
    assert (timer.start_text, timer.pause_text, timer.reset_text) == (
        t("timer.start"), t("timer.pause"), t("timer.reset"))


def test_timer_carries_announcements() -> None:
    timer = ActivityTimer(minutes=20)
    assert timer.paused_text == t("timer.paused")
    assert timer.done_text == t("timer.done")


def test_timer_announcements_include_minutes() -> None:
    timer = ActivityTimer(minutes=17)
    assert timer.running_text == t("timer.running", minutes=17)
    assert timer.reset_done_text == t("timer.reset_done", minutes=17)
    assert "17" in timer.running_text


def test_timer_label_names_timer_and_minutes() -> None:
    timer = ActivityTimer(minutes=25)
    assert timer.label.startswith(t("timer.label"))
    assert "25" in timer.label


def test_timer_texts_are_synced_to_the_browser() -> None:
    state = ActivityTimer(minutes=5).get_state()
    for name in ("minutes", "label", "start_text", "pause_text", "reset_text", "running_text",
                 "paused_text", "reset_done_text", "done_text"):
        assert state[name] not in ("", None)


def test_timer_texts_come_from_the_catalogue(monkeypatch: pytest.MonkeyPatch) -> None:
    english = i18n.catalogue("en")
    marked = {key: f"[{key}] {value}" for key, value in english.items()}
    monkeypatch.setattr(i18n, "catalogue", lambda language: marked)
    timer = ActivityTimer(minutes=9)
    assert timer.start_text == marked["timer.start"]
    assert timer.done_text == marked["timer.done"]
    assert timer.running_text == marked["timer.running"].format(minutes=9)
