"""Tests for kit.sort: every move, put back, reset, added cards and the buttons."""

import pytest

from peer_support.i18n import t
from peer_support.kit.sort import CARD_LIMIT, ColumnSort

CARDS = ["Listening", "Keeping time", "Welcoming newcomers", "Speaking up"]
COLUMNS = [("do", "I already do this"), ("grow", "I'd like to grow this"),
           ("not-now", "Not for me right now")]


def make_sort(**kwargs) -> ColumnSort:
    return ColumnSort(CARDS, COLUMNS, label="Sort the cards", **kwargs)


def click(button) -> None:
    button.click()


def column(sort: ColumnSort, key: str) -> dict:
    """What the browser is asked to draw for column ``key``."""
    return next(c for c in sort.columns_view.columns if c["key"] == key)


def actions(sort: ColumnSort, card: str, key: str) -> list[dict]:
    return next(c["actions"] for c in column(sort, key)["cards"] if c["text"] == card)


def press(sort: ColumnSort, card: str, to: str) -> None:
    """A press on a sorted card's button, as the browser sends it."""
    sort._on_view_message(sort.columns_view, {"card": card, "to": to}, [])


# ---- starting state ----


def test_sort_starts_with_every_card_unsorted_in_order() -> None:
    sort = make_sort()
    assert sort.unsorted() == CARDS
    assert sort.current == "Listening"
    assert all(sort.in_column(key) == [] for key, _ in COLUMNS)


def test_sort_start_announces_progress_and_shows_first_card() -> None:
    sort = make_sort()
    assert sort.status.message == t("sort.progress", sorted=0, total=4)
    assert "Listening" in sort.card_view.value


def test_sort_has_one_move_button_per_column_with_heading() -> None:
    sort = make_sort()
    assert list(sort.move_buttons) == ["do", "grow", "not-now"]
    assert sort.move_buttons["grow"].description == t("sort.move_to",
                                                       column="I'd like to grow this")
    assert "qa-sort-move-grow" in sort.move_buttons["grow"]._dom_classes


def test_sort_needs_two_columns() -> None:
    with pytest.raises(ValueError):
        ColumnSort(CARDS, [("only", "Only")], label="x")


def test_sort_refuses_repeated_column_keys() -> None:
    with pytest.raises(ValueError):
        ColumnSort(CARDS, [("a", "A"), ("a", "B")], label="x")


def test_sort_refuses_column_keys_unfit_for_css() -> None:
    with pytest.raises(ValueError):
        ColumnSort(CARDS, [("a b", "A"), ("c", "C")], label="x")


def test_sort_refuses_repeated_cards_ignoring_case() -> None:
    with pytest.raises(ValueError):
        ColumnSort(["Listening", "listening"], COLUMNS, label="x")


def test_sort_refuses_empty_card() -> None:
    with pytest.raises(ValueError):
        ColumnSort(["Listening", "  "], COLUMNS, label="x")


# ---- moving to a column ----


def test_move_puts_card_in_column_and_out_of_pile() -> None:
    sort = make_sort()
    sort.move("Keeping time", "grow")
    assert sort.in_column("grow") == ["Keeping time"]
    assert sort.unsorted() == ["Listening", "Welcoming newcomers", "Speaking up"]
    assert sort.column_of("Keeping time") == "grow"


def test_move_keeps_column_in_order_moved() -> None:
    sort = make_sort()
    sort.move("Speaking up", "do")
    sort.move("Listening", "do")
    assert sort.in_column("do") == ["Speaking up", "Listening"]


def test_move_announces_card_column_progress_and_next() -> None:
    sort = make_sort()
    sort.move("Listening", "do")
    assert sort.status.message == " ".join([
        t("sort.moved", card="Listening", column="I already do this"),
        t("sort.progress", sorted=1, total=4),
        t("sort.next", card="Keeping time"),
    ])


def test_move_last_card_announces_all_sorted() -> None:
    sort = make_sort()
    for card in CARDS:
        sort.move(card, "do")
    assert sort.is_complete()
    assert t("sort.all_sorted", total=4) in sort.status.message
    assert sort.current is None
    assert t("sort.done_card") in sort.card_view.value


def test_move_between_columns() -> None:
    sort = make_sort()
    sort.move("Listening", "do")
    sort.move("Listening", "not-now")
    assert sort.in_column("do") == []
    assert sort.in_column("not-now") == ["Listening"]
    assert sort.sorted_count() == 1


def test_move_to_same_column_changes_nothing_and_says_so() -> None:
    sort = make_sort()
    sort.move("Listening", "do")
    sort.move("Listening", "do")
    assert sort.in_column("do") == ["Listening"]
    assert sort.status.message == t("sort.already_there", card="Listening",
                                    column="I already do this")


def test_move_unknown_card_raises_keyerror() -> None:
    with pytest.raises(KeyError):
        make_sort().move("Juggling", "do")


def test_move_unknown_column_raises_keyerror() -> None:
    with pytest.raises(KeyError):
        make_sort().move("Listening", "maybe")


def test_in_column_unknown_column_raises_keyerror() -> None:
    with pytest.raises(KeyError):
        make_sort().in_column("maybe")


def test_move_shows_card_and_count_in_column_drawing() -> None:
    sort = make_sort()
    sort.move("Listening", "grow")
    sort.move("Speaking up", "grow")
    drawn = column(sort, "grow")
    assert drawn["heading"] == t("sort.column_heading", heading="I'd like to grow this", count=2)
    assert [card["text"] for card in drawn["cards"]] == ["Listening", "Speaking up"]
    assert column(sort, "do")["cards"] == []
    assert column(sort, "do")["empty"] == t("sort.empty_column")


def test_move_button_moves_card_on_show_and_shows_next() -> None:
    sort = make_sort()
    click(sort.move_buttons["grow"])
    assert sort.in_column("grow") == ["Listening"]
    assert sort.current == "Keeping time"
    assert "Keeping time" in sort.card_view.value


def test_move_button_when_all_sorted_says_nothing_left() -> None:
    sort = make_sort()
    for _ in CARDS:
        click(sort.move_buttons["do"])
    click(sort.move_buttons["grow"])
    assert sort.status.message == t("sort.nothing_left")
    assert sort.in_column("grow") == []


def test_buttons_are_never_disabled() -> None:
    sort = make_sort()
    for _ in CARDS:
        click(sort.move_buttons["do"])
    buttons = [*sort.move_buttons.values(), sort.later_button, sort.reset_button]
    assert all(button.disabled is False for button in buttons)


def test_column_button_moves_card_to_other_column() -> None:
    sort = make_sort()
    sort.move("Listening", "do")
    press(sort, "Listening", "not-now")
    assert sort.in_column("not-now") == ["Listening"]
    assert column(sort, "do")["cards"] == []
    assert [c["text"] for c in column(sort, "not-now")["cards"]] == ["Listening"]


def test_sorted_card_has_put_back_and_one_button_per_other_column() -> None:
    sort = make_sort()
    sort.move("Listening", "grow")
    assert [(a["to"], a["label"], a["css"]) for a in actions(sort, "Listening", "grow")] == [
        ("", t("sort.put_back"), "qa-sort-back"),
        ("do", t("sort.move_to", column="I already do this"), "qa-sort-to-do"),
        ("not-now", t("sort.move_to", column="Not for me right now"), "qa-sort-to-not-now"),
    ]


def test_sorted_card_buttons_name_their_card_and_contain_visible_label() -> None:
    sort = make_sort()
    sort.move("Listening", "grow")
    sort.move("Speaking up", "grow")
    for card in ("Listening", "Speaking up"):
        for action in actions(sort, card, "grow"):
            assert card in action["name"]
            assert action["name"].startswith(action["label"])  # WCAG 2.5.3 label in name


def test_stale_press_for_unknown_card_is_calm() -> None:
    sort = make_sort()
    press(sort, "Juggling", "do")
    assert sort.status.message == t("sort.gone")


# ---- moving back ----


def test_move_back_returns_card_to_pile_as_card_on_show() -> None:
    sort = make_sort()
    sort.move("Listening", "do")
    sort.move("Keeping time", "grow")
    sort.move_back("Listening")
    assert sort.in_column("do") == []
    assert sort.unsorted()[0] == "Listening"
    assert sort.current == "Listening"
    assert sort.column_of("Listening") is None


def test_move_back_announces_and_updates_progress() -> None:
    sort = make_sort()
    sort.move("Listening", "do")
    sort.move_back("Listening")
    assert sort.status.message == " ".join([t("sort.put_back_done", card="Listening"),
                                            t("sort.progress", sorted=0, total=4)])


def test_move_back_of_unsorted_card_changes_nothing() -> None:
    sort = make_sort()
    sort.move_back("Speaking up")
    assert sort.unsorted() == CARDS
    assert sort.status.message == t("sort.already_unsorted", card="Speaking up")


def test_move_back_unknown_card_raises_keyerror() -> None:
    with pytest.raises(KeyError):
        make_sort().move_back("Juggling")


def test_put_back_button_returns_card() -> None:
    sort = make_sort()
    sort.move("Welcoming newcomers", "grow")
    press(sort, "Welcoming newcomers", "")
    assert sort.current == "Welcoming newcomers"
    assert sort.in_column("grow") == []
    assert "Welcoming newcomers" in sort.card_view.value


# ---- later ----


def test_later_sends_card_on_show_to_bottom() -> None:
    sort = make_sort()
    click(sort.later_button)
    assert sort.unsorted() == ["Keeping time", "Welcoming newcomers", "Speaking up", "Listening"]
    assert sort.sorted_count() == 0


def test_later_with_one_card_left_says_so() -> None:
    sort = make_sort()
    for card in CARDS[:-1]:
        sort.move(card, "do")
    sort.later()
    assert sort.unsorted() == ["Speaking up"]
    assert sort.status.message == t("sort.only_one", card="Speaking up")


# ---- reset ----


def test_reset_puts_everything_back_in_original_order() -> None:
    sort = make_sort()
    sort.move("Speaking up", "do")
    sort.move("Listening", "grow")
    sort.later()
    sort.reset()
    assert sort.unsorted() == CARDS
    assert all(sort.in_column(key) == [] for key, _ in COLUMNS)
    assert t("sort.reset_done", total=4) in sort.status.message
    assert all(drawn["cards"] == [] for drawn in sort.columns_view.columns)


def test_reset_button_asks_first_and_changes_nothing_yet() -> None:
    sort = make_sort()
    sort.move("Listening", "do")
    click(sort.reset_button)
    assert sort.in_column("do") == ["Listening"]
    assert sort.confirm_box.layout.display is None
    assert sort.status.message == t("sort.reset_ask", count=1)


def test_reset_no_keeps_sort() -> None:
    sort = make_sort()
    sort.move("Listening", "do")
    click(sort.reset_button)
    click(sort.reset_no)
    assert sort.in_column("do") == ["Listening"]
    assert sort.confirm_box.layout.display == "none"
    assert sort.status.message == t("sort.reset_kept")


def test_reset_yes_starts_again() -> None:
    sort = make_sort()
    sort.move("Listening", "do")
    click(sort.reset_button)
    click(sort.reset_yes)
    assert sort.unsorted() == CARDS
    assert sort.confirm_box.layout.display == "none"


def test_a_move_withdraws_the_start_again_question() -> None:
    sort = make_sort()
    sort.move("Listening", "do")
    click(sort.reset_button)
    click(sort.move_buttons["grow"])
    assert sort.confirm_box.layout.display == "none"
    assert sort.in_column("do") == ["Listening"]


def test_reset_button_with_nothing_sorted_says_so() -> None:
    sort = make_sort()
    click(sort.reset_button)
    assert sort.status.message == t("sort.reset_nothing")
    assert sort.confirm_box.layout.display == "none"


# ---- on_change ----


def test_on_change_called_after_each_change() -> None:
    sort = make_sort(allow_add=True)
    calls = []
    sort.on_change(lambda: calls.append(sort.sorted_count()))
    sort.move("Listening", "do")
    sort.move("Listening", "grow")
    sort.move_back("Listening")
    sort.later()
    sort.add_card("Asking for help")
    sort.reset()
    assert calls == [1, 1, 0, 0, 0, 0]


def test_on_change_not_called_when_nothing_changes() -> None:
    sort = make_sort()
    calls = []
    sort.on_change(lambda: calls.append(1))
    sort.move_back("Listening")
    sort.move_current("do")
    sort.move("Listening", "do")
    assert calls == [1]


# ---- adding cards ----


def test_add_card_goes_to_bottom_of_pile() -> None:
    sort = make_sort(allow_add=True)
    assert sort.add_card("  Asking for help ") is True
    assert sort.unsorted()[-1] == "Asking for help"
    assert sort.cards[-1] == "Asking for help"
    assert sort.add_input.value == ""


def test_add_card_refuses_empty() -> None:
    sort = make_sort(allow_add=True)
    assert sort.add_card("   ") is False
    assert sort.status.message == t("sort.add_empty")
    assert sort.unsorted() == CARDS


def test_add_card_refuses_duplicate_ignoring_case_and_keeps_text() -> None:
    sort = make_sort(allow_add=True)
    sort.add_input.value = "LISTENING"
    assert sort.add_card(sort.add_input.value) is False
    assert sort.status.message == t("sort.add_duplicate", card="LISTENING")
    assert sort.add_input.value == "LISTENING"
    assert len(sort.cards) == 4


def test_add_card_refuses_too_long_without_cutting() -> None:
    sort = make_sort(allow_add=True)
    long_text = "ŵ" * 10_000
    sort.add_input.value = long_text
    assert sort.add_card(long_text) is False
    assert sort.status.message == t("sort.add_too_long", limit=CARD_LIMIT, length=10_000)
    assert sort.add_input.value == long_text


def test_add_card_hostile_text_stays_text() -> None:
    sort = make_sort(allow_add=True)
    for card in CARDS:
        sort.move(card, "do")
    assert sort.add_card("<script>alert(1)</script>") is True
    assert "<script>" not in sort.card_view.value
    assert "&lt;script&gt;" in sort.card_view.value
    sort.move("<script>alert(1)</script>", "grow")
    # The browser draws column text with textContent; the kernel sends it as plain data.
    assert [c["text"] for c in column(sort, "grow")["cards"]] == ["<script>alert(1)</script>"]


def test_add_card_welsh_and_emoji() -> None:
    sort = make_sort(allow_add=True)
    assert sort.add_card("Gwrando’n astud ŵ ŷ \U0001F4AA") is True
    sort.move("Gwrando’n astud ŵ ŷ \U0001F4AA", "do")
    assert sort.in_column("do") == ["Gwrando’n astud ŵ ŷ \U0001F4AA"]


def test_add_card_button_uses_text_box() -> None:
    sort = make_sort(allow_add=True)
    sort.add_input.value = "Making tea"
    click(sort.add_button)
    assert "Making tea" in sort.unsorted()


def test_add_card_without_allow_add_raises() -> None:
    with pytest.raises(RuntimeError):
        make_sort().add_card("Making tea")


def test_no_add_box_without_allow_add() -> None:
    assert not hasattr(make_sort(), "add_input")


def test_hostile_label_and_heading_are_escaped() -> None:
    sort = ColumnSort(["<img src=x onerror=alert(1)>"], [("a", "<b>A</b>"), ("b", "B")],
                      label="<script>x</script>")
    assert "<img" not in sort.card_view.value and "&lt;img" in sort.card_view.value
    sort.move("<img src=x onerror=alert(1)>", "a")
    assert "textContent" in sort.columns_view._esm and "innerHTML" not in sort.columns_view._esm
    label_html = sort.children[0].children[0].value
    assert "<script>" not in label_html
