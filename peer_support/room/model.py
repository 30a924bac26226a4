"""A live room's rules, kept in memory only: who may see what, and when.

The rules here are the privacy promises the README makes, enforced by the server whatever a
page does:

- No names and no accounts. A phone that joins gets a random *seat* that lives only in this
  process. A seat is used for one thing: stopping the same page answering a question twice.
  What a seat chose is never stored with it: an answer goes straight into a count.
- **Totals wait for a threshold** (default 3, never below 3): below it the projector says how
  many more answers are needed.
- **Results stay hidden until the facilitator reveals them**, question by question. Revealing
  closes the question, so nobody can learn one person's answer by watching totals change.
- **Words wait in a review queue** that only the host sees; only released words reach the
  projector, and only once enough people have sent words in that round.
- **Ending a room erases it.** An idle room ends on its own after :data:`IDLE_MINUTES`.
  Nothing is written to disk.
"""

from __future__ import annotations

import secrets
import time
from collections import Counter
from dataclasses import dataclass, field

from ..text import check_text
from .questions import RoomQuestion

THRESHOLD_DEFAULT = 3
THRESHOLD_MIN = 3
THRESHOLD_MAX = 50
IDLE_MINUTES = 60
SEATS_MAX = 120
#: A seat counts as "here" if its page was heard from in this many seconds.
HERE_SECONDS = 90
#: Suggestions one seat may send in one round of a words question.
WORDS_PER_SEAT = 3
#: Rate limits: a burst, then so many per second (answers per seat; joins per room).
ANSWER_BURST, ANSWER_RATE = 20, 4.0
JOIN_BURST, JOIN_RATE = 60, 2.0


class Refusal(Exception):
    """Something a page asked for that the room will not do; ``key`` is the catalogue key of
    the calm message the page shows, ``status`` the HTTP status the server sends."""

    def __init__(self, key: str, status: int = 400, **values: object):
        super().__init__(key)
        self.key = key
        self.status = status
        self.values = values


class Bucket:
    """A token bucket: ``burst`` at once, then ``rate`` a second."""

    def __init__(self, burst: float, rate: float, clock=time.monotonic):
        self.burst, self.rate, self.clock = burst, rate, clock
        self.tokens = burst
        self.stamp = clock()

    def take(self) -> bool:
        now = self.clock()
        self.tokens = min(self.burst, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        if self.tokens < 1:
            return False
        self.tokens -= 1
        return True


@dataclass
class Word:
    """A word or suggestion sent to a words question. It carries no seat."""

    id: str
    text: str
    released: bool = False


@dataclass
class Round:
    """One asking of a question. Counts only: who answered is kept, what each chose is not."""

    number: int
    answered: set[str] = field(default_factory=set)
    totals: dict[str, Counter] = field(default_factory=dict)
    words: list[Word] = field(default_factory=list)
    sent: Counter = field(default_factory=Counter)  # seat -> how many words (limit only)
    left_out: int = 0
    revealed: bool = False

    @property
    def respondents(self) -> int:
        return len(self.answered) if self.answered else len(self.sent)


class Room:
    """A room for one chapter, in one language, with its questions."""

    def __init__(self, chapter: str, language: str, questions: list[RoomQuestion],
                 clock=time.monotonic):
        self.code = secrets.token_urlsafe(6)
        self.chapter = chapter
        self.language = language
        self.questions = {question.id: question for question in questions}
        self.clock = clock
        self.threshold = THRESHOLD_DEFAULT
        self.seats: dict[str, float] = {}
        self.seat_buckets: dict[str, Bucket] = {}
        self.join_bucket = Bucket(JOIN_BURST, JOIN_RATE, clock)
        self.rounds: dict[str, Round] = {}
        self.current: str | None = None
        self.shown: str | None = None  # a question whose revealed totals are on screen
        self.ended = False
        self.version = 0  # goes up on every change; pages long-poll on it
        self.touched = clock()

    # ---- housekeeping

    def changed(self) -> None:
        self.version += 1
        self.touched = self.clock()

    def idle(self) -> bool:
        return self.clock() - self.touched > IDLE_MINUTES * 60

    def end(self) -> None:
        """Erase everything the room holds."""
        self.seats.clear()
        self.seat_buckets.clear()
        self.rounds.clear()
        self.current = self.shown = None
        self.ended = True
        self.changed()

    def _open(self) -> None:
        if self.ended:
            raise Refusal("room.ended", 410)

    def _question(self, question_id: str) -> RoomQuestion:
        question = self.questions.get(question_id)
        if question is None:
            raise Refusal("room.no_such_question", 404)
        return question

    # ---- seats

    def join(self) -> str:
        self._open()
        if not self.join_bucket.take():
            raise Refusal("room.too_fast", 429)
        if len(self.seats) >= SEATS_MAX:
            raise Refusal("room.full", 403, limit=SEATS_MAX)
        seat = secrets.token_urlsafe(12)
        self.seats[seat] = self.clock()
        self.seat_buckets[seat] = Bucket(ANSWER_BURST, ANSWER_RATE, self.clock)
        self.changed()
        return seat

    def seen(self, seat: str) -> None:
        """Note that a seat's page is still there (it asked for news)."""
        self._open()
        if seat not in self.seats:
            raise Refusal("room.not_joined", 403)
        self.seats[seat] = self.clock()

    def leave(self, seat: str) -> None:
        if self.seats.pop(seat, None) is not None:
            self.seat_buckets.pop(seat, None)
            self.changed()

    def here(self) -> int:
        now = self.clock()
        return sum(1 for seen in self.seats.values() if now - seen <= HERE_SECONDS)

    def _seat(self, seat: str) -> None:
        self._open()
        if seat not in self.seats:
            raise Refusal("room.not_joined", 403)
        if not self.seat_buckets[seat].take():
            raise Refusal("room.too_fast", 429)
        self.seats[seat] = self.clock()

    # ---- the facilitator's controls

    def set_threshold(self, value: int) -> None:
        self._open()
        if not THRESHOLD_MIN <= value <= THRESHOLD_MAX:
            raise Refusal("room.threshold_range", 400, low=THRESHOLD_MIN, high=THRESHOLD_MAX)
        self.threshold = value
        self.changed()

    def ask(self, question_id: str) -> None:
        """Put a question to the room: its open round, or a first one."""
        self._open()
        self._question(question_id)
        if question_id not in self.rounds:
            self.rounds[question_id] = Round(1)
        self.current = question_id
        self.changed()

    def ask_again(self, question_id: str) -> None:
        """A fresh round of a question: the old totals and words are gone."""
        self._open()
        self._question(question_id)
        old = self.rounds.get(question_id)
        self.rounds[question_id] = Round(old.number + 1 if old else 1)
        self.current = question_id
        if self.shown == question_id:
            self.shown = None
        self.changed()

    def stop(self) -> None:
        """Phones go back to waiting; nothing is lost."""
        self._open()
        self.current = None
        self.changed()

    def reveal(self, question_id: str) -> None:
        """Show a question's totals on the projector (if the threshold is met) and close it."""
        self._open()
        self._question(question_id)
        round_ = self.rounds.get(question_id)
        if round_ is None:
            raise Refusal("room.not_asked", 409)
        round_.revealed = True
        self.shown = question_id
        if self.current == question_id:
            self.current = None
        self.changed()

    def hide(self) -> None:
        self._open()
        self.shown = None
        self.changed()

    def _word(self, question_id: str, word_id: str) -> tuple[Round, Word]:
        round_ = self.rounds.get(question_id)
        word = next((w for w in round_.words if w.id == word_id), None) if round_ else None
        if word is None:
            raise Refusal("room.no_such_word", 404)
        return round_, word

    def release(self, question_id: str, word_id: str) -> None:
        self._open()
        _, word = self._word(question_id, word_id)
        word.released = True
        self.changed()

    def leave_out(self, question_id: str, word_id: str) -> None:
        """Drop a word unseen; only the number left out is kept."""
        self._open()
        round_, word = self._word(question_id, word_id)
        round_.words.remove(word)
        round_.left_out += 1
        self.changed()

    def vote_on(self, question_id: str) -> str:
        """Turn a words question's released suggestions into a question the room answers."""
        self._open()
        question = self._question(question_id)
        round_ = self.rounds.get(question_id)
        released = [w for w in round_.words if w.released] if round_ else []
        if not question.vote_options or not released:
            raise Refusal("room.nothing_to_vote_on", 409)
        vote = question.vote(released)
        self.questions[vote.id] = vote
        self.ask_again(vote.id)
        return vote.id

    # ---- answers

    def answer(self, seat: str, question_id: str, round_number: int,
               choices: dict[str, str]) -> None:
        """Count one page's answer: an option (or a pass) for each item. Once per round."""
        self._seat(seat)
        question = self._question(question_id)
        round_ = self._round_open(question_id, round_number)
        if question.words:
            raise Refusal("room.wrong_kind", 400)
        if seat in round_.answered:
            raise Refusal("room.already_answered", 409)
        if not isinstance(choices, dict) or len(choices) > len(question.items):
            raise Refusal("room.bad_answer", 400)
        checked = {}
        for item_id, option_id in choices.items():
            item = question.item(item_id)
            if item is None or not isinstance(option_id, str):
                raise Refusal("room.bad_answer", 400)
            if option_id == "pass":
                continue
            if option_id not in {option.id for option in question.options_for(item)}:
                raise Refusal("room.bad_answer", 400)
            checked[item_id] = option_id
        round_.answered.add(seat)
        for item_id, option_id in checked.items():
            round_.totals.setdefault(item_id, Counter())[option_id] += 1
        self.changed()

    def send_words(self, seat: str, question_id: str, round_number: int, text: object) -> None:
        """Put a word or suggestion in the review queue, without the seat that sent it."""
        self._seat(seat)
        question = self._question(question_id)
        round_ = self._round_open(question_id, round_number)
        if not question.words:
            raise Refusal("room.wrong_kind", 400)
        checked = check_text(text if isinstance(text, str) else "", question.word_limit)
        if checked.is_empty:
            raise Refusal("room.words_empty", 400)
        if checked.too_long:
            raise Refusal("room.words_too_long", 400, limit=question.word_limit)
        if round_.sent[seat] >= WORDS_PER_SEAT:
            raise Refusal("room.words_enough", 409, limit=WORDS_PER_SEAT)
        round_.sent[seat] += 1
        round_.words.append(Word(secrets.token_urlsafe(6), checked.text))
        self.changed()

    def _round_open(self, question_id: str, round_number: int) -> Round:
        round_ = self.rounds.get(question_id)
        if self.current != question_id or round_ is None or round_.revealed:
            raise Refusal("room.question_closed", 409)
        if round_number != round_.number:
            raise Refusal("room.question_closed", 409)
        return round_

    # ---- what each view may see

    def enough(self, round_: Round) -> bool:
        return round_.respondents >= self.threshold

    def results(self, question_id: str) -> dict | None:
        """The totals (or released words) of a question, if the threshold is met; else None.

        Passes are counted with the unplaced, so no one's pass shows: for each item,
        ``not_placed`` is everyone who answered the round minus those who placed it.
        """
        question = self.questions[question_id]
        round_ = self.rounds.get(question_id)
        if round_ is None or not self.enough(round_):
            return None
        if question.words:
            released = Counter(word.text.casefold() for word in round_.words if word.released)
            shown = {}
            for word in round_.words:
                if word.released:
                    shown.setdefault(word.text.casefold(), word.text)
            return {"words": sorted(([shown[key], count] for key, count in released.items()),
                                    key=lambda pair: pair[0].casefold())}
        items = []
        for item in question.items:
            counts = round_.totals.get(item.id, Counter())
            placed = sum(counts.values())
            items.append({"id": item.id, "label": item.label,
                          "counts": [[option.label, counts.get(option.id, 0)]
                                     for option in question.options_for(item)],
                          "not_placed": round_.respondents - placed})
        return {"items": items}

    def screen_state(self) -> dict:
        """What the projector may show: never a single answer, never unreleased words."""
        state = {"ended": self.ended, "version": self.version, "here": self.here(),
                 "threshold": self.threshold}
        if self.ended:
            return state
        current = self.questions.get(self.current) if self.current else None
        if current:
            round_ = self.rounds[current.id]
            state["asking"] = {"title": current.title, "prompt": current.prompt,
                               "answered": round_.respondents,
                               "more_needed": max(0, self.threshold - round_.respondents),
                               "words": current.words}
        if self.shown:
            question = self.questions[self.shown]
            round_ = self.rounds[self.shown]
            state["showing"] = {"title": question.title, "words": question.words,
                                "answered": round_.respondents,
                                "more_needed": max(0, self.threshold - round_.respondents),
                                "results": self.results(self.shown)}
        return state

    def phone_state(self, seat: str) -> dict:
        """What one phone needs: the open question, and whether this page has answered it."""
        state = {"ended": self.ended, "version": self.version}
        if self.ended or not self.current:
            return state
        question = self.questions[self.current]
        round_ = self.rounds[self.current]
        state["question"] = question.for_phone(round_.number)
        state["answered"] = seat in round_.answered
        state["words_sent"] = round_.sent.get(seat, 0)
        state["words_limit"] = WORDS_PER_SEAT
        return state

    def host_state(self) -> dict:
        """The facilitator's view: everything the projector has, plus the review queue."""
        state = self.screen_state()
        state.update({"code": self.code, "chapter": self.chapter, "current": self.current,
                      "shown": self.shown, "joined": len(self.seats)})
        if self.ended:
            return state
        questions = []
        for question in self.questions.values():
            round_ = self.rounds.get(question.id)
            questions.append({
                "id": question.id, "title": question.title, "words": question.words,
                "can_vote": bool(question.vote_options), "note": question.note,
                "asked": round_ is not None, "round": round_.number if round_ else 0,
                "answered": round_.respondents if round_ else 0,
                "revealed": bool(round_ and round_.revealed),
                "enough": bool(round_ and self.enough(round_)),
                "queue": [{"id": w.id, "text": w.text} for w in round_.words
                          if not w.released] if round_ and question.words else [],
                "released": [w.text for w in round_.words if w.released]
                if round_ and question.words else [],
                "left_out": round_.left_out if round_ else 0,
            })
        state["questions"] = questions
        return state

    def kept(self) -> list[tuple[RoomQuestion, dict]]:
        """What the group can keep: each question's released words or totals, where shown."""
        return [(self.questions[question_id], results)
                for question_id, round_ in self.rounds.items()
                if round_.revealed and (results := self.results(question_id))]
