"""Tests for the kit's generic exercises: the Exercise base and its factory, the deck with a
scale, the self-check, the card sort and the agenda."""

import ipywidgets as widgets
import pytest
from conftest import decoded_link, load_error, write_yaml
from IPython.display import HTML

from peer_support.i18n import t
from peer_support.kit.agenda import Agenda, Block, clock, duration, parse_start
from peer_support.kit.base import Exercise, from_files
from peer_support.kit.card_sort import CARD_SORT, CardSort, card_sort
from peer_support.kit.deck import DeckScale
from peer_support.kit.handout import Handout
from peer_support.kit.reflection import REFLECTION
from peer_support.kit.self_check import SELF_CHECK, SelfCheck, self_check

SCRIPT = "<script>alert(1)</script>"
WELSH = "Mae'n braf: ŵ ŷ 🌼"


# ---- the Exercise base ----


class Notes(Exercise):
    clear_key = "reflection.clear"
    cleared_key = "reflection.cleared"

    def __init__(self, **kwargs):
        self.box = widgets.Text()
        super().__init__(download="notes", **kwargs)
        self.watch(self.box)

    def build(self):
        return [self.box, self.download, self.clear_button, self.status]

    def handout(self):
        handout = Handout("Notes")
        handout.add("Said", [self.box.value] if self.box.value else [])
        return handout

    def reset_answers(self):
        self.box.value = ""


def test_any_change_withdraws_a_prepared_download() -> None:
    notes = Notes()
    notes.box.value = "first"
    notes.download.prepare()
    assert "first" in decoded_link(notes.download.links.value, "markdown")
    notes.box.value = "second"
    assert notes.download.links.value == ""


def test_listeners_hear_every_change() -> None:
    notes = Notes()
    heard = []
    notes.on_change(lambda: heard.append(notes.box.value))
    notes.box.value = "a"
    notes.box.value = "b"
    assert heard == ["a", "b"]


def test_clear_empties_withdraws_and_says_so() -> None:
    notes = Notes()
    notes.box.value = "x"
    notes.download.prepare()
    notes.clear_button.click()
    assert notes.box.value == "" and notes.download.links.value == ""
    assert notes.status.message == t("reflection.cleared")


def test_factory_gives_a_calm_error_naming_the_file(assets) -> None:
    (assets / "language" / "reflection.yaml").write_text("title: [unclosed", encoding="utf-8")
    shown = from_files(lambda content: content, REFLECTION.at("language/reflection.yaml"))
    assert isinstance(shown, HTML)
    assert "language/reflection.yaml" in shown.data and 'role="alert"' in shown.data


def test_factory_names_the_exercise_after_its_file(assets) -> None:
    write_yaml(assets, "language/reflection.yaml",
               {"title": "T", "prompts": [{"id": "a", "label": "A"}]})
    made = from_files(lambda content: widgets.VBox(), REFLECTION.at("language/reflection.yaml"))
    assert "qa-language-reflection" in made._dom_classes


# ---- the deck with one scale ----


def deck() -> DeckScale:
    return DeckScale([("a", "First", "<p>First</p>"), ("b", SCRIPT, "<p>Second</p>")],
                     "Where does it go?", [("yes", "Yes"), ("no", "No")], noun="Card",
                     summary_heading="So far")


def test_deck_keeps_each_cards_choice() -> None:
    cards = deck()
    heard = []
    cards.on_choice(lambda key, option: heard.append((key, option)))
    cards.choose("b", "no")
    cards.choose("a", "yes")
    assert cards.choices == {"b": "no", "a": "yes"}
    cards.deck.next()
    assert cards.scale.choice == "no"
    assert heard == [("b", "no"), ("a", "yes")]


def test_deck_summary_escapes_and_clears() -> None:
    cards = deck()
    cards.choose("b", "pass")
    assert "&lt;script&gt;" in cards.summary.value and "<script>" not in cards.summary.value
    cards.clear()
    assert cards.choices == {} and t("deck.not_chosen") in cards.summary.value


def test_deck_refuses_unknown_cards_and_options() -> None:
    with pytest.raises(KeyError):
        deck().choose("c", "yes")
    with pytest.raises(KeyError):
        deck().choose("a", "maybe")


# ---- the self-check ----


CHECK = {
    "title": "Our check",
    "question": "How is this?",
    "noun": "Area",
    "options": [{"id": "not-yet", "label": "Not yet"}, {"id": "partly", "label": "Partly"},
                {"id": "yes", "label": "Yes"}],
    "items": [
        {"id": "one", "name": "One", "hint": "First", "actions": ["Try one."]},
        {"id": "two", "name": SCRIPT, "actions_for": {"not-yet": ["Start two."],
                                                      "partly": ["Build two."]}},
    ],
    "summary": [
        {"heading": "Start here", "options": ["not-yet"], "show": "actions"},
        {"heading": "Build on", "options": ["partly"], "show": "actions"},
        {"heading": "In place", "options": ["yes"], "show": "names"},
        {"heading": "Ratings", "options": ["not-yet", "partly", "yes"], "show": "ratings",
         "download_only": True},
    ],
    "show_summary": True,
    "summary_empty": "Nothing yet.",
    "prompts": [{"id": "own", "label": "Our own action"}],
    "prompt_limit": 50,
}


def check(assets) -> SelfCheck:
    return SelfCheck(SELF_CHECK.load(write_yaml(assets, "trust/check.yaml", CHECK)), "our-check")


def test_self_check_gives_actions_per_rating(assets) -> None:
    made = check(assets)
    made.rate("one", "partly")
    made.rate("two", "not-yet")
    assert made.blocks(page=True) == [("Start here", [f"{SCRIPT}: Start two."]),
                                      ("Build on", ["One: Try one."])]
    assert ("Ratings", ["One: Partly", f"{SCRIPT}: Not yet"]) in made.blocks()
    assert "<script>" not in made.summary_view.value


def test_self_check_leaves_passes_out(assets) -> None:
    made = check(assets)
    made.rate("one", "pass")
    assert made.blocks() == []
    assert "Nothing yet." in made.summary_view.value


def test_self_check_download_holds_exactly_what_was_given(assets) -> None:
    made = check(assets)
    made.rate("one", "yes")
    made.write(0, WELSH)
    made.download.prepare()
    markdown = decoded_link(made.download.links.value, "markdown")
    assert "## In place" in markdown and "- One" in markdown
    assert WELSH in markdown and "Start here" not in markdown


def test_self_check_waits_for_a_too_long_answer(assets) -> None:
    made = check(assets)
    made.write(0, "x" * 51)
    assert made.handout() == t("handout.waiting")
    assert made.boxes[0].text_area.value == "x" * 51


def test_self_check_clear_forgets_everything(assets) -> None:
    made = check(assets)
    made.rate("one", "yes")
    made.write(0, "ours")
    made.clear_button.click()
    assert made.ratings.answered() == {} and made.boxes[0].text_area.value == ""


def test_self_check_refuses_a_summary_naming_an_unknown_option(assets) -> None:
    data = {**CHECK, "summary": [{"options": ["maybe"], "show": "names"}]}
    shown = self_check(write_yaml(assets, "trust/check.yaml", data), "x")
    assert isinstance(shown, HTML) and "maybe" in shown.data


# ---- the card sort ----


SORT = {
    "label": "Sort these",
    "columns": [{"id": "keep", "heading": "Keep", "on_handout": True},
                {"id": "drop", "heading": "Drop"}],
    "cards": [{"id": "a", "text": "Alpha"}, {"id": "b", "text": SCRIPT}],
    "handout_title": "What we kept",
    "allow_add": True,
}


def test_card_sort_downloads_only_the_marked_columns(assets) -> None:
    made = card_sort(write_yaml(assets, "trust/sort.yaml", SORT), "kept")
    made.sort.move("Alpha", "keep")
    made.sort.move(SCRIPT, "drop")
    markdown = made.handout().to_markdown()
    assert "Alpha" in markdown and "script" not in markdown


def test_card_sort_needs_a_column_for_the_download(assets) -> None:
    columns = [{**column, "on_handout": False} for column in SORT["columns"]]
    shown = card_sort(write_yaml(assets, "trust/sort.yaml", {**SORT, "columns": columns}), "x")
    assert isinstance(shown, HTML) and "on_handout" in shown.data


def test_card_sort_refuses_a_repeated_card(assets) -> None:
    cards = [{"id": "a", "text": "Alpha"}, {"id": "b", "text": "alpha"}]
    error = load_error(lambda: CARD_SORT.load(
        write_yaml(assets, "trust/sort.yaml", {**SORT, "cards": cards})))
    assert "Card 2 repeats the text 'alpha'" in error.problem


def test_card_sort_clear_puts_every_card_back(assets) -> None:
    made = CardSort(CARD_SORT.load(write_yaml(assets, "trust/sort.yaml", SORT)))
    made.sort.move("Alpha", "keep")
    made.clear()
    assert made.sort.unsorted() == ["Alpha", SCRIPT]


# ---- the agenda ----


def test_agenda_times_and_totals() -> None:
    agenda = Agenda([Block("Welcome", 15)])
    agenda.add_suggestion(0)
    assert agenda.add_block("Tea", "20") is True
    agenda.start.value = "9.30"
    assert agenda.lines() == [
        t("agenda.row_timed", position=1, start="9:30", end="9:45", title="Welcome",
          minutes=duration(15), total=duration(15)),
        t("agenda.row_timed", position=2, start="9:45", end="10:05", title="Tea",
          minutes=duration(20), total=duration(35))]
    assert "10:05" in agenda.total_view.value


@pytest.mark.parametrize(("title", "minutes", "message"), [
    ("", "10", "agenda.title_empty"), ("x" * 81, "10", "agenda.title_too_long"),
    ("Tea", "0", "agenda.minutes_invalid"), ("Tea", "ten", "agenda.minutes_invalid"),
    ("Tea", "241", "agenda.minutes_invalid")])
def test_agenda_refuses_bad_blocks_and_keeps_what_was_typed(title, minutes, message) -> None:
    agenda = Agenda()
    agenda.title.value, agenda.minutes.value = title, minutes
    assert agenda.submit() is False
    assert agenda.blocks == [] and agenda.title.value == title
    assert agenda.status.message.startswith(t(message, limit=80 if "title" in message
                                              else 240)[:20])


def test_agenda_edit_saves_in_place() -> None:
    agenda = Agenda()
    agenda.add_block("Tea", 10)
    agenda.add_block("Talk", 30)
    agenda.edit(1)
    agenda.title.value = "Long talk"
    agenda.minutes.value = "45"
    assert agenda.submit() is True
    assert agenda.blocks == [Block("Tea", 10), Block("Long talk", 45)]
    assert agenda.editing is None


def test_agenda_start_time_that_cannot_be_read_says_so() -> None:
    agenda = Agenda()
    agenda.start.value = "half nine"
    assert agenda.status.message == t("agenda.start_invalid")
    assert agenda.start_minutes is None


def test_clock_and_duration_words() -> None:
    assert parse_start("13:45") == 825 and parse_start("25:00") is None
    assert clock(24 * 60 + 5) == "0:05"
    assert duration(130) == t("agenda.duration_both", hours=2, minutes=10)
