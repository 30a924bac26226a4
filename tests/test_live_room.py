"""The live room's rules, without a server: threshold, reveal, review queue, anonymity, wipe,
idle end, limits; and the questions each chapter's activities give a room."""

from __future__ import annotations

import pytest
from conftest import write_yaml

from peer_support.i18n import speaking, t
from peer_support.room import model
from peer_support.room.model import Refusal, Room
from peer_support.room.questions import (
    RoomItem,
    RoomOption,
    RoomQuestion,
    chapter_questions,
    chapters_with_rooms,
)

OPTIONS = (RoomOption("fine", "Fine"), RoomOption("hurtful", "Hurtful"))


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def game() -> RoomQuestion:
    return RoomQuestion("game", "Words", "Place each word",
                        items=(RoomItem("a", "word A"), RoomItem("b", "word B")),
                        options=OPTIONS)


def words() -> RoomQuestion:
    return RoomQuestion("arrive", "Arriving", "One word", words=True, word_limit=30,
                        vote_options=OPTIONS)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def room(clock) -> Room:
    return Room("05_language", "en", [game(), words()], clock=clock)


def seats(room: Room, count: int) -> list[str]:
    return [room.join() for _ in range(count)]


def refused(call, *args) -> str:
    with pytest.raises(Refusal) as caught:
        call(*args)
    return caught.value.key


# ---- threshold and reveal


def test_totals_wait_for_the_threshold_and_say_how_many_more(room) -> None:
    room.ask("game")
    first, second, third = seats(room, 3)
    room.answer(first, "game", 1, {"a": "fine"})
    room.answer(second, "game", 1, {"a": "hurtful"})
    room.reveal("game")
    shown = room.screen_state()["showing"]
    assert shown["results"] is None and shown["more_needed"] == 1
    assert room.kept() == []


def test_totals_show_once_enough_answered_and_passes_hide_among_the_unplaced(room) -> None:
    room.ask("game")
    a, b, c = seats(room, 3)
    room.answer(a, "game", 1, {"a": "fine", "b": "fine"})
    room.answer(b, "game", 1, {"a": "hurtful", "b": "pass"})
    room.answer(c, "game", 1, {"a": "fine"})  # b simply not placed
    assert "showing" not in room.screen_state()  # hidden until revealed
    room.reveal("game")
    results = room.screen_state()["showing"]["results"]
    word_a, word_b = results["items"]
    assert word_a["counts"] == [["Fine", 2], ["Hurtful", 1]] and word_a["not_placed"] == 0
    # One pass and one word left unplaced look the same: 2 not placed, no "pass" total.
    assert word_b["counts"] == [["Fine", 1], ["Hurtful", 0]] and word_b["not_placed"] == 2


def test_the_facilitator_can_raise_the_threshold_but_never_below_three(room) -> None:
    assert refused(room.set_threshold, 2) == "room.threshold_range"
    assert refused(room.set_threshold, model.THRESHOLD_MAX + 1) == "room.threshold_range"
    room.set_threshold(5)
    room.ask("game")
    for seat in seats(room, 4):
        room.answer(seat, "game", 1, {"a": "fine"})
    room.reveal("game")
    assert room.screen_state()["showing"]["results"] is None
    assert room.screen_state()["showing"]["more_needed"] == 1


def test_revealing_closes_the_question_and_asking_again_starts_afresh(room) -> None:
    room.ask("game")
    people = seats(room, 4)
    for seat in people[:3]:
        room.answer(seat, "game", 1, {"a": "fine"})
    room.reveal("game")
    # A late answer cannot change totals already on screen (it could point at one person).
    assert refused(room.answer, people[3], "game", 1, {"a": "hurtful"}) == "room.question_closed"
    room.ask_again("game")
    assert room.phone_state(people[0])["question"]["round"] == 2
    assert room.results("game") is None  # the old totals are gone
    assert refused(room.answer, people[0], "game", 1, {"a": "fine"}) == "room.question_closed"
    room.answer(people[0], "game", 2, {"a": "fine"})


# ---- anonymity


def test_a_page_answers_once_and_its_choice_is_never_kept_with_its_seat(room) -> None:
    room.ask("game")
    seat = room.join()
    room.answer(seat, "game", 1, {"a": "hurtful"})
    assert refused(room.answer, seat, "game", 1, {"a": "fine"}) == "room.already_answered"
    round_ = room.rounds["game"]
    # The seat is kept only as "answered"; the count holds the choice, with no seat.
    assert round_.answered == {seat}
    assert all(seat not in str(counter) for counter in round_.totals.values())
    assert room.phone_state(seat)["answered"] is True


def test_the_projector_never_sees_seats_or_unreleased_words(room) -> None:
    room.ask("arrive")
    people = seats(room, 3)
    for number, seat in enumerate(people):
        room.send_words(seat, "arrive", 1, f"secret-{number}")
    room.reveal("arrive")
    screen = str(room.screen_state())
    assert "secret" not in screen and not any(seat in screen for seat in people)
    assert room.screen_state()["showing"]["results"] == {"words": []}
    host = room.host_state()
    queue = next(q for q in host["questions"] if q["id"] == "arrive")["queue"]
    assert sorted(word["text"] for word in queue) == ["secret-0", "secret-1", "secret-2"]
    assert not any(seat in str(host) for seat in people)


def test_released_words_show_grouped_a_to_z_only_with_enough_senders(room) -> None:
    room.ask("arrive")
    first, second = seats(room, 2)
    room.send_words(first, "arrive", 1, "Tired")
    room.send_words(second, "arrive", 1, "hopeful")
    for word in list(room.rounds["arrive"].words):
        room.release("arrive", word.id)
    room.reveal("arrive")
    assert room.screen_state()["showing"]["results"] is None  # two senders: too few
    room.ask_again("arrive")
    people = seats(room, 3)
    for seat, text in zip(people, ["tired", "Hopeful", "TIRED"], strict=True):
        room.send_words(seat, "arrive", 2, text)
    queued = room.rounds["arrive"].words
    room.leave_out("arrive", queued[1].id)
    for word in list(room.rounds["arrive"].words):
        room.release("arrive", word.id)
    room.reveal("arrive")
    assert room.screen_state()["showing"]["results"] == {"words": [["tired", 2]]}
    assert room.rounds["arrive"].left_out == 1
    assert "Hopeful" not in str(room.host_state())  # a word left out is gone, not hidden


def test_released_suggestions_become_a_question_the_room_answers(room) -> None:
    room.ask("arrive")
    seat = room.join()
    assert refused(room.vote_on, "arrive") == "room.nothing_to_vote_on"
    room.send_words(seat, "arrive", 1, "Phones on silent")
    room.release("arrive", room.rounds["arrive"].words[0].id)
    with speaking("en"):
        vote_id = room.vote_on("arrive")
    question = room.phone_state(seat)["question"]
    assert question["id"] == vote_id and question["items"][0]["label"] == "Phones on silent"
    room.answer(seat, vote_id, 1, {question["items"][0]["id"]: "fine"})


# ---- bad input and limits


@pytest.mark.parametrize("text, key", [
    ("", "room.words_empty"), ("   ", "room.words_empty"), ("x" * 10_000, "room.words_too_long"),
    (None, "room.words_empty"), (["list"], "room.words_empty")])
def test_words_that_cannot_be_taken_get_a_clear_refusal(room, text, key) -> None:
    room.ask("arrive")
    assert refused(room.send_words, room.join(), "arrive", 1, text) == key
    assert room.rounds["arrive"].words == []


def test_hostile_and_welsh_words_are_kept_exactly_as_text(room) -> None:
    room.ask("arrive")
    for text in ["<script>alert(1)</script>", "ŵ ŷ", "🙂🙂"]:
        room.send_words(room.join(), "arrive", 1, text)
    assert [w.text for w in room.rounds["arrive"].words] == [
        "<script>alert(1)</script>", "ŵ ŷ", "🙂🙂"]


def test_each_page_may_send_only_a_few_words_per_round(room) -> None:
    room.ask("arrive")
    seat = room.join()
    for number in range(model.WORDS_PER_SEAT):
        room.send_words(seat, "arrive", 1, f"w{number}")
    assert refused(room.send_words, seat, "arrive", 1, "more") == "room.words_enough"


@pytest.mark.parametrize("choices", [
    {"zzz": "fine"}, {"a": "nope"}, {"a": 3}, {"a": "fine", "b": "fine", "c": "fine"}])
def test_answers_that_do_not_fit_the_question_are_refused(room, choices) -> None:
    room.ask("game")
    assert refused(room.answer, room.join(), "game", 1, choices) == "room.bad_answer"
    assert room.rounds["game"].answered == set()


def test_a_flood_from_one_page_is_limited_and_the_others_carry_on(room, clock) -> None:
    room.ask("arrive")
    flooder, other = seats(room, 2)
    taken = 0
    for _ in range(200):
        try:
            room.seen(flooder)
            room.send_words(flooder, "arrive", 1, "x")
            taken += 1
        except Refusal as refusal:
            assert refusal.key in ("room.too_fast", "room.words_enough")
    assert taken == model.WORDS_PER_SEAT
    assert refused(room.answer, flooder, "game", 1, {}) == "room.too_fast"
    room.send_words(other, "arrive", 1, "calm")  # the other page is not slowed
    clock.now += 10
    room.ask("game")
    room.answer(flooder, "game", 1, {"a": "fine"})  # and the flooder recovers with time


def test_joining_is_limited_and_a_room_has_a_size(room, clock) -> None:
    joined = 0
    with pytest.raises(Refusal) as caught:
        for _ in range(1000):
            room.join()
            joined += 1
    assert caught.value.key == "room.too_fast" and joined == model.JOIN_BURST
    room.seats = {f"s{n}": clock.now for n in range(model.SEATS_MAX)}
    clock.now += 100
    assert refused(room.join) == "room.full"


def test_pages_not_in_the_room_cannot_answer(room) -> None:
    room.ask("game")
    assert refused(room.answer, "made-up-seat", "game", 1, {"a": "fine"}) == "room.not_joined"
    assert refused(room.ask, "nope") == "room.no_such_question"


# ---- wipe and idle end


def test_end_wipes_everything_and_refuses_what_comes_after(room) -> None:
    room.ask("arrive")
    seat = room.join()
    room.send_words(seat, "arrive", 1, "private words")
    room.end()
    assert room.seats == {} and room.rounds == {} and room.current is None
    assert "private" not in str(room.host_state()) and room.screen_state()["ended"] is True
    assert refused(room.send_words, seat, "arrive", 1, "again") == "room.ended"
    assert refused(room.join) == "room.ended"


def test_a_room_is_idle_after_the_stated_minutes_with_nothing_happening(room, clock) -> None:
    clock.now += model.IDLE_MINUTES * 60 - 1
    assert not room.idle()
    room.ask("game")  # anything happening keeps it open
    clock.now += model.IDLE_MINUTES * 60 + 1
    assert room.idle()


def test_here_counts_only_pages_heard_from_lately(room, clock) -> None:
    first, second = seats(room, 2)
    clock.now += model.HERE_SECONDS + 1
    room.seen(first)
    assert room.here() == 1
    room.leave(first)
    assert room.here() == 0 and second in room.seats


def test_what_the_group_keeps_is_only_what_was_shown(room) -> None:
    room.ask("game")
    for seat in seats(room, 3):
        room.answer(seat, "game", 1, {"a": "fine"})
    assert room.kept() == []  # not revealed yet
    room.reveal("game")
    (question, results), = room.kept()
    assert question.id == "game" and results["items"][0]["counts"][0] == ["Fine", 3]


# ---- the questions chapters give a room


def test_at_least_five_kinds_of_activity_take_part() -> None:
    chapters = chapters_with_rooms()
    assert {"02_safety", "03_trust", "05_language", "10_evaluation",
            "11_troubleshooting"} <= set(chapters)
    ids = {question.id for chapter in chapters for question in chapter_questions(chapter, "en")[0]}
    assert {"language-game", "check-in-word", "agreements", "agreement-ideas",
            "feedback"} <= ids
    assert any(i.startswith("scenarios-") for i in ids)


def test_the_language_game_question_comes_from_its_content_file_in_each_language() -> None:
    for language in ("en", "cy"):
        questions, problems = chapter_questions("05_language", language)
        (game_question,) = questions
        assert problems == [] and len(game_question.items) >= 20
        assert [option.label for option in game_question.options] == [
            t(f"game.{place}", language) for place in ("fine", "unsure", "hurtful", "depends")]
        assert game_question.content_note == t("room.game_content_note", language)
    english, welsh = (chapter_questions("05_language", lang)[0][0].title for lang in ("en", "cy"))
    assert english != welsh


def test_a_scenario_has_no_right_answer_and_keeps_its_content_note() -> None:
    questions, _ = chapter_questions("11_troubleshooting", "en")
    assert all(q.note == t("room.no_right_answer") for q in questions)
    assert all(q.options[0].label.startswith("A: ") for q in questions)


def test_the_feedback_form_keeps_each_questions_own_answers() -> None:
    (question,), _ = chapter_questions("10_evaluation", "en")
    assert len(question.items) >= 3 and all(item.options for item in question.items)


def test_a_broken_content_file_names_the_file_and_the_rest_of_the_room_works(assets) -> None:
    (assets / "safety" / "agreements.yaml").write_text("suggestions: [unclosed\n",
                                                       encoding="utf-8")
    write_yaml(assets, "safety/check-in.yaml", {"question": "How are you?"})
    questions, problems = chapter_questions("02_safety", "en")
    assert [q.id for q in questions] == ["check-in-word"]
    assert len(problems) == 1 and "agreements.yaml" in problems[0]


def test_a_chapter_that_is_not_there_gives_no_questions() -> None:
    assert chapter_questions("../etc/passwd", "en") == ([], [])
    assert chapter_questions("99_nothing", "en") == ([], [])
