"""Tests for kit.reflection: long answers are kept whole and the count is fair."""

from peer_support.i18n import t
from peer_support.kit.reflection import ReflectionBox
from peer_support.text import DEFAULT_LIMIT

W_DECOMPOSED = "w\u0302"
EMOJI = "\U0001F33B"


def test_reflection_over_limit_text_stays_untouched() -> None:
    box = ReflectionBox("Words I choose", limit=10)
    typed = "  far more than ten characters  "
    box.write(typed)
    assert box.text_area.value == typed


def test_reflection_over_limit_status_says_too_long() -> None:
    box = ReflectionBox("Words I choose", limit=10)
    box.write("x" * 15)
    assert box.status.message == t("reflection.too_long", limit="10", length="15")


def test_reflection_over_limit_status_says_nothing_cut() -> None:
    box = ReflectionBox("Words I choose", limit=10)
    box.write("x" * 15)
    assert "Nothing has been cut" in box.status.message


def test_reflection_over_limit_is_left_out_of_download() -> None:
    box = ReflectionBox("Words I choose", limit=10)
    box.write("x" * 11)
    assert box.checked.too_long is True
    assert box.checked.usable == ""


def test_reflection_default_limit_uses_thousands_separator() -> None:
    box = ReflectionBox("Words I choose")
    box.write("y" * (DEFAULT_LIMIT + 500))
    expected = t("reflection.too_long", limit=f"{DEFAULT_LIMIT:,}",
                 length=f"{DEFAULT_LIMIT + 500:,}")
    assert box.status.message == expected
    assert "," in box.status.message


def test_reflection_characters_left_when_empty() -> None:
    box = ReflectionBox("Words I choose", limit=50)
    assert box.status.message == t("reflection.left", left="50")


def test_reflection_characters_left_counts_down() -> None:
    box = ReflectionBox("Words I choose", limit=50)
    box.write("hello")
    assert box.status.message == t("reflection.left", left="45")


def test_reflection_characters_left_ignores_outer_spaces() -> None:
    box = ReflectionBox("Words I choose", limit=50)
    box.write("   hello   ")
    assert box.status.message == t("reflection.left", left="45")


def test_reflection_at_limit_is_not_too_long() -> None:
    box = ReflectionBox("Words I choose", limit=5)
    box.write("abcde")
    assert box.checked.too_long is False
    assert box.status.message == t("reflection.left", left="0")


def test_reflection_welsh_decomposed_letter_counts_as_one() -> None:
    box = ReflectionBox("Words I choose", limit=10)
    box.write(W_DECOMPOSED * 4)
    assert box.status.message == t("reflection.left", left="6")


def test_reflection_welsh_text_is_kept_in_composed_form() -> None:
    box = ReflectionBox("Words I choose")
    box.write(f"Rwy'n d{W_DECOMPOSED}r")
    assert box.checked.text == "Rwy'n d\u0175r"


def test_reflection_emoji_counts_as_one() -> None:
    box = ReflectionBox("Words I choose", limit=10)
    box.write(EMOJI * 3)
    assert box.status.message == t("reflection.left", left="7")


def test_reflection_emoji_answer_is_usable() -> None:
    box = ReflectionBox("Words I choose", limit=3)
    box.write(EMOJI * 3)
    assert box.checked.usable == EMOJI * 3


def test_reflection_shortening_clears_too_long_message() -> None:
    box = ReflectionBox("Words I choose", limit=5)
    box.write("x" * 8)
    box.write("x" * 4)
    assert box.status.message == t("reflection.left", left="1")


def test_reflection_answer_text_follows_typing() -> None:
    box = ReflectionBox("Words I choose")
    box.write("strong")
    assert box.answer_text == "strong"


def test_reflection_clear_empties_box() -> None:
    box = ReflectionBox("Words I choose", limit=20)
    box.write("something private")
    box.clear()
    assert box.text_area.value == ""
    assert box.answer_text == ""
    assert box.status.message == t("reflection.left", left="20")


def test_reflection_label_is_text_area_description() -> None:
    box = ReflectionBox("Words I choose for myself")
    assert box.label == "Words I choose for myself"
    assert box.text_area.description == "Words I choose for myself"


def test_reflection_hint_shown_when_given() -> None:
    box = ReflectionBox("Words", hint="Any words at all")
    assert box.hint in box.children
    assert box.hint.value == "Any words at all"


def test_reflection_hint_left_out_when_empty() -> None:
    box = ReflectionBox("Words")
    assert box.hint not in box.children
