"""Tests for kit.choice: one real button per option, and Pass looks like any answer."""

import ipywidgets as widgets
import pytest

from peer_support.i18n import t
from peer_support.kit.choice import PASS, ChoiceScale

OPTIONS = [("yes", "Yes"), ("no", "No"), ("maybe", "Maybe")]


def make_scale(**kwargs) -> ChoiceScale:
    return ChoiceScale("How do you feel?", OPTIONS, **kwargs)


def looks(button: widgets.Button) -> dict:
    """Everything about a button's appearance except its own text and class name."""
    state = button.get_state()
    for private in ("description", "_dom_classes", "layout", "style"):
        state.pop(private)
    layout = button.layout.get_state()
    style = button.style.get_state()
    return {"button": state, "layout": layout, "style": style}


def test_choice_starts_unchosen() -> None:
    scale = make_scale()
    assert scale.choice is None
    assert all(button.button_style == "" for button in scale.buttons.values())


def test_choice_has_a_button_per_option_and_pass() -> None:
    scale = make_scale()
    assert list(scale.buttons) == ["yes", "no", "maybe", PASS]
    assert [button.description for button in scale.buttons.values()] == [
        "Yes", "No", "Maybe", t("choice.pass")]


def test_choice_without_pass_has_no_pass_button() -> None:
    scale = make_scale(allow_pass=False)
    assert PASS not in scale.buttons


def test_choice_choose_sets_choice() -> None:
    scale = make_scale()
    scale.choose("no")
    assert scale.choice == "no"


def test_choice_choose_marks_only_that_button() -> None:
    scale = make_scale()
    scale.choose("no")
    styles = {key: button.button_style for key, button in scale.buttons.items()}
    assert styles == {"yes": "", "no": "primary", "maybe": "", PASS: ""}
    ticked = [key for key, button in scale.buttons.items() if button.description.startswith("✓")]
    assert ticked == ["no"]


def test_choice_choose_again_moves_the_mark() -> None:
    scale = make_scale()
    scale.choose("no")
    scale.choose("maybe")
    marked = [key for key, button in scale.buttons.items() if button.button_style == "primary"]
    assert marked == ["maybe"]
    assert scale.buttons["no"].description == "No"


def test_choice_choose_announces_noted() -> None:
    scale = make_scale()
    scale.choose("maybe")
    assert scale.status.message == t("choice.noted", label="Maybe")
    assert scale.status.message.startswith("Noted: ")


def test_choice_pass_looks_like_other_buttons_before_choosing() -> None:
    scale = make_scale()
    pass_looks = looks(scale.buttons[PASS])
    for key in ("yes", "no", "maybe"):
        assert looks(scale.buttons[key]) == pass_looks


def test_choice_pass_has_class_like_other_buttons() -> None:
    scale = make_scale()
    assert scale.buttons[PASS]._dom_classes == (f"qa-choice-{PASS}",)
    assert scale.buttons["yes"]._dom_classes == ("qa-choice-yes",)


def test_choice_pass_is_marked_like_other_buttons() -> None:
    scale = make_scale()
    scale.choose(PASS)
    assert scale.buttons[PASS].button_style == "primary"
    assert scale.buttons[PASS].description == "✓ " + t("choice.pass")


def test_choice_pass_is_announced_in_the_same_format() -> None:
    scale = make_scale()
    scale.choose("yes")
    answered = scale.status.message
    scale.choose(PASS)
    passed = scale.status.message
    assert answered == t("choice.noted", label="Yes")
    assert passed == t("choice.noted", label=t("choice.pass"))
    assert passed.replace(t("choice.pass"), "Yes") == answered


def test_choice_button_click_chooses() -> None:
    scale = make_scale()
    scale.buttons["maybe"].click()
    assert scale.choice == "maybe"
    assert scale.buttons["maybe"].button_style == "primary"


def test_choice_pass_button_click_chooses_pass() -> None:
    scale = make_scale()
    scale.buttons[PASS].click()
    assert scale.choice == PASS


def test_choice_unknown_key_raises() -> None:
    scale = make_scale()
    with pytest.raises(KeyError):
        scale.choose("never")


def test_choice_unknown_key_keeps_previous_choice() -> None:
    scale = make_scale()
    scale.choose("yes")
    with pytest.raises(KeyError):
        scale.choose("never")
    assert scale.choice == "yes"


def test_choice_handlers_are_called_with_key() -> None:
    scale = make_scale()
    calls: list[str] = []
    scale.on_choice(calls.append)
    scale.choose("yes")
    scale.buttons[PASS].click()
    assert calls == ["yes", PASS]


def test_choice_every_handler_is_called() -> None:
    scale = make_scale()
    first: list[str] = []
    second: list[str] = []
    scale.on_choice(first.append)
    scale.on_choice(second.append)
    scale.choose("no")
    assert first == second == ["no"]


def test_choice_show_does_not_call_handlers() -> None:
    scale = make_scale()
    calls: list[str] = []
    scale.on_choice(calls.append)
    scale.show("yes")
    assert calls == []


def test_choice_show_does_not_announce() -> None:
    scale = make_scale()
    scale.show("yes")
    assert scale.status.message == ""


def test_choice_show_marks_the_button() -> None:
    scale = make_scale()
    scale.show("maybe")
    assert scale.choice == "maybe"
    assert scale.buttons["maybe"].button_style == "primary"
    assert scale.buttons["maybe"].description.startswith("✓ ")


def test_choice_show_none_unmarks_all() -> None:
    scale = make_scale()
    scale.choose("yes")
    scale.show(None)
    assert scale.choice is None
    assert [b.button_style for b in scale.buttons.values()] == [""] * len(scale.buttons)


def test_choice_clear_forgets_choice_and_announcement() -> None:
    scale = make_scale()
    scale.choose("yes")
    scale.clear()
    assert scale.choice is None
    assert scale.status.message == ""
    assert scale.buttons["yes"].description == "Yes"


def test_choice_clear_can_change_question() -> None:
    scale = make_scale()
    scale.clear("Next question?")
    assert scale.question.value == "Next question?"


def test_choice_question_is_plain_label() -> None:
    scale = ChoiceScale("<b>Bold?</b>", OPTIONS)
    assert isinstance(scale.question, widgets.Label)
    assert scale.question.value == "<b>Bold?</b>"


def test_choice_repeated_keys_raise() -> None:
    with pytest.raises(ValueError):
        ChoiceScale("Q?", [("a", "A"), ("a", "Again")])


def test_choice_option_named_pass_clashes_with_pass_button() -> None:
    with pytest.raises(ValueError):
        ChoiceScale("Q?", [("a", "A"), (PASS, "Skip")])


@pytest.mark.parametrize(("label", "said"), [
    ("Yes", "Noted: Yes."), ("I am not sure yet.", "Noted: I am not sure yet."),
    ("Really?", "Noted: Really?"), ("Yes!", "Noted: Yes!"),
])
def test_noted_never_doubles_a_full_stop(label: str, said: str) -> None:
    from peer_support.kit.choice import noted
    assert noted(label) == said
