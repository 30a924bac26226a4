"""Tests for kit.editable_list: rows made once and reused, and one focus rule for every list."""

import ipywidgets as widgets
import pytest

from peer_support.kit.editable_list import Action, EditableList, Refusal
from peer_support.text import escape

SCRIPT = "<script>alert(1)</script>"


def make(**options) -> tuple[EditableList, widgets.Text, list]:
    home = widgets.Text()
    focused: list = []
    home.focus = lambda: focused.append(("home", None))
    words = EditableList(
        [Action("up", lambda n, w: f"Up {n + 1}", "qa-up", lambda n, w: f"Move up: {w}"),
         Action("down", lambda n, w: f"Down {n + 1}", "qa-down"),
         Action("change", lambda n, w: "Change", "qa-change"),
         Action("remove", lambda n, w: f"Remove {w}", "qa-remove")],
        describe=lambda n, word: f"<p>{n + 1}. {escape(word)}</p>",
        announce=lambda event, n, word: f"{event} {n + 1} {word}",
        home=home, check=lambda text, n: text.strip() or Refusal("Needs words"),
        inline_edit=lambda n: f"New words for {n + 1}", **options)
    return words, home, focused


def watch_focus(words: EditableList, focused: list) -> None:
    """Record which row button gets focus (the browser does the rest)."""
    for row_number, row in enumerate(words._rows):
        for key, button in row["buttons"].items():
            button.focus = lambda row_number=row_number, key=key: focused.append((key, row_number))


def filled(*items: str) -> tuple[EditableList, widgets.Text, list]:
    words, home, focused = make()
    for item in items:
        words.add(item)
    watch_focus(words, focused)
    return words, home, focused


def test_rows_show_each_item_with_its_buttons() -> None:
    words, _, _ = filled("tea", "cake")
    assert words.items == ["tea", "cake"]
    assert words._rows[1]["view"].value == "<p>2. cake</p>"
    assert words.button(1, "up").description == "Up 2"
    assert words.button(0, "up").tooltip == "Move up: tea"
    assert words.button(1, "remove").description == "Remove cake"


def test_moving_keeps_focus_on_the_moved_items_button() -> None:
    words, _, focused = filled("tea", "cake", "jam")
    assert words.move(2, -1) == 1
    assert words.items == ["tea", "jam", "cake"]
    assert focused[-1] == ("up", 1)
    assert words.status.message == "moved 2 jam"
    words.button(1, "up").click()
    assert words.items == ["jam", "tea", "cake"] and focused[-1] == ("up", 0)


def test_moving_past_an_end_stays_and_says_so() -> None:
    words, _, focused = filled("tea", "cake")
    assert words.move(0, -1) == 0
    assert words.status.message == "at_top 1 tea"
    assert words.move(1, 1) == 1
    assert words.status.message == "at_bottom 2 cake"
    assert focused == []


def test_rows_are_reused_never_rebuilt() -> None:
    words, _, _ = filled("tea", "cake", "jam")
    before = list(words.children)
    words.move(0, 1)
    words.remove(1)
    assert list(words.children) == before  # the same widgets; the last is hidden
    assert words.children[2].layout.display == "none"
    # ...and keeps nothing of what it showed.
    assert words._rows[2]["view"].value == "" and words.button(2, "remove").description == ""


def test_removing_focuses_the_item_that_took_its_place() -> None:
    words, _, focused = filled("tea", "cake", "jam")
    words.button(1, "remove").click()
    assert words.items == ["tea", "jam"]
    assert focused[-1] == ("remove", 1)


def test_removing_the_last_focuses_the_new_last() -> None:
    words, _, focused = filled("tea", "cake")
    words.remove(1)
    assert focused[-1] == ("remove", 0)


def test_removing_the_only_item_focuses_home() -> None:
    words, _, focused = filled("tea")
    words.remove(0)
    assert focused[-1] == ("home", None)


def test_adding_from_the_form_focuses_home() -> None:
    words, _, focused = filled()
    words.add("tea", from_form=True)
    assert focused[-1] == ("home", None)
    assert words.status.message == "added 1 tea"


def test_inline_change_saves_and_focuses_change_button() -> None:
    words, _, focused = filled("tea", "cake")
    words.button(1, "change").click()
    assert words.editing(1)
    assert words._rows[1]["area"].value == "cake"
    assert words._rows[1]["area"].description == "New words for 2"
    words.type_in_edit(1, "  lemon cake ")
    assert words.save_edit(1) is True
    assert words.items == ["tea", "lemon cake"] and not words.editing(1)
    assert focused[-1] == ("change", 1)


def test_inline_change_refused_keeps_the_words_typed() -> None:
    words, _, _ = filled("tea")
    words.start_edit(0)
    words.type_in_edit(0, "   ")
    assert words.save_edit(0) is False
    assert words.status.message == "Needs words"
    assert words.editing(0) and words.items == ["tea"]


def test_unsaved_words_move_with_their_item() -> None:
    words, _, _ = filled("tea", "cake")
    words.start_edit(1)
    words.type_in_edit(1, "half typed")
    words.move(1, -1)
    assert words.items == ["cake", "tea"]
    assert words.drafts == ["half typed", None]
    assert words._rows[0]["area"].value == "half typed"
    assert words._rows[1]["editor"].layout.display == "none"


def test_cancel_closes_without_change() -> None:
    words, _, focused = filled("tea")
    words.start_edit(0)
    words.type_in_edit(0, "coffee")
    words.cancel_edit(0)
    assert words.items == ["tea"] and not words.editing(0)
    assert focused[-1] == ("change", 0)


def test_text_is_escaped_by_describe() -> None:
    words, _, _ = filled(SCRIPT)
    assert "<script>" not in words._rows[0]["view"].value


def test_change_and_removal_handlers_are_called() -> None:
    words, _, _ = filled("tea", "cake")
    changes, removed = [], []
    words.on_change(lambda: changes.append(list(words.items)))
    words.on_removed(removed.append)
    words.move(0, 1)
    words.remove(0)
    assert changes == [["cake", "tea"], ["tea"]]
    assert removed == ["cake"]


def test_own_actions_go_to_the_exercise() -> None:
    words, _, _ = make()
    words.actions.append(Action("star", lambda n, w: "Star", "qa-star"))
    words.add("tea")
    pressed = []
    words.on_action(lambda key, n: pressed.append((key, n)))
    words.button(0, "star").click()
    assert pressed == [("star", 0)]


def test_a_hidden_rows_button_does_nothing() -> None:
    words, _, _ = filled("tea", "cake")
    words.remove(1)
    hidden = words._rows[1]["buttons"]["remove"]
    hidden.click()
    assert words.items == ["tea"]


def test_unknown_position_is_refused() -> None:
    words, _, _ = filled("tea")
    with pytest.raises(IndexError):
        words.remove(3)
    with pytest.raises(ValueError):
        words.move(0, 2)
