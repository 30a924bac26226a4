"""Tests for peer_support.text: typed text is kept whole, measured fairly and shown as text."""

import unicodedata

import pytest

from peer_support.text import DEFAULT_LIMIT, check_text, escape

W_CIRCUMFLEX = "\u0175"  # ŵ as one character
W_DECOMPOSED = "w\u0302"  # w followed by a combining circumflex
Y_CIRCUMFLEX = "\u0177"  # ŷ
Y_DECOMPOSED = "y\u0302"


def test_check_text_too_long_keeps_text_whole() -> None:
    raw = "a" * 30 + "b" * 30
    checked = check_text(raw, limit=40)
    assert checked.text == raw
    assert checked.too_long is True
    assert checked.length == len(raw)


def test_check_text_too_long_default_limit_keeps_text_whole() -> None:
    raw = "word " * (DEFAULT_LIMIT // 5) + "end"
    checked = check_text(raw)
    assert checked.too_long is True
    assert checked.text == raw
    assert checked.text.endswith("end")


def test_check_text_too_long_is_left_out_of_downloads() -> None:
    checked = check_text("x" * 11, limit=10)
    assert checked.usable == ""


def test_check_text_at_limit_is_not_too_long() -> None:
    checked = check_text("x" * 10, limit=10)
    assert checked.too_long is False
    assert checked.usable == "x" * 10


def test_check_text_normalises_decomposed_welsh_w() -> None:
    checked = check_text(f"d{W_DECOMPOSED}r")
    assert checked.text == f"d{W_CIRCUMFLEX}r"
    assert checked.length == 3


def test_check_text_normalised_welsh_matches_composed_form() -> None:
    typed = f"T{Y_DECOMPOSED} bach, {W_DECOMPOSED}yn"
    composed = f"T{Y_CIRCUMFLEX} bach, {W_CIRCUMFLEX}yn"
    assert check_text(typed).text == check_text(composed).text
    assert unicodedata.is_normalized("NFC", check_text(typed).text)


def test_check_text_counts_decomposed_welsh_letter_as_one() -> None:
    assert check_text(W_DECOMPOSED * 5, limit=5).too_long is False


def test_check_text_counts_emoji_as_one() -> None:
    checked = check_text("\U0001F600")
    assert checked.length == 1


def test_check_text_emoji_at_limit_is_not_too_long() -> None:
    assert check_text("\U0001F33C" * 4, limit=4).too_long is False


@pytest.mark.parametrize("emoji", [
    "\U0001F469\U0001F3FD",  # woman: medium skin tone
    "\U0001F3F4\U000E0067\U000E0062\U000E0077\U000E006C\U000E0073\U000E007F",  # Welsh flag
])
def test_check_text_counts_code_points_in_a_multi_part_emoji(emoji: str) -> None:
    # Documented limit: the count is in code points, so a flag or skin tone counts as several.
    checked = check_text(emoji)
    assert checked.length == len(emoji) > 1
    assert checked.text == emoji


@pytest.mark.parametrize("raw", ["", "   ", "\n\t  \n", None])
def test_check_text_whitespace_only_is_empty(raw: str | None) -> None:
    checked = check_text(raw)
    assert checked.is_empty is True
    assert checked.length == 0


def test_check_text_with_words_is_not_empty() -> None:
    assert check_text("  hi  ").is_empty is False


def test_check_text_strips_outer_spaces_only() -> None:
    assert check_text("  two  words \n").text == "two  words"


def test_check_text_unifies_line_endings() -> None:
    assert check_text("one\r\ntwo").text == "one\ntwo"


def test_check_text_drops_nul_characters() -> None:
    assert "\x00" not in check_text("a\x00b").text


def test_escape_turns_script_tag_into_text() -> None:
    escaped = escape("<script>alert('hi')</script>")
    assert "<" not in escaped
    assert ">" not in escaped
    assert "&lt;script&gt;" in escaped
    assert "&lt;/script&gt;" in escaped


def test_escape_quotes_for_attributes() -> None:
    escaped = escape('" onclick="x\'')
    assert '"' not in escaped
    assert "'" not in escaped


def test_escape_keeps_ampersand_visible() -> None:
    assert escape("&lt;") == "&amp;lt;"


def test_escape_keeps_welsh_and_emoji() -> None:
    text = f"{W_CIRCUMFLEX}{Y_CIRCUMFLEX} \U0001F600"
    assert escape(text) == text
