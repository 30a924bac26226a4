"""Tests for peer_support.i18n: every label comes from the catalogue, with placeholders filled."""

import ast
import re
import string
from pathlib import Path

import pytest
import yaml

from peer_support import i18n
from peer_support.chapters.language import PLACES
from peer_support.i18n import DEFAULT_LANGUAGE, LANGUAGES, language_from_query, t

PACKAGE = Path(i18n.__file__).resolve().parent
SOURCES = sorted(PACKAGE.rglob("*.py"))
ENGLISH = yaml.safe_load((PACKAGE / "catalogue" / "en.yaml").read_text(encoding="utf-8"))
KEY_CALL = re.compile(r"""\bt\(\s*["']([a-z_.]+)["']""")
FSTRING_KEY_CALL = re.compile(r"""\bt\(\s*f["']([a-z_.]*)\{""")
GROUPS = {key.split(".")[0] for key in ENGLISH}


def keys_used() -> set[str]:
    found: set[str] = set()
    for source in SOURCES:
        found |= set(KEY_CALL.findall(source.read_text(encoding="utf-8")))
    return found


def fstring_prefixes() -> set[str]:
    found: set[str] = set()
    for source in SOURCES:
        found |= set(FSTRING_KEY_CALL.findall(source.read_text(encoding="utf-8")))
    return found


def key_like_literals() -> set[str]:
    """String literals shaped like catalogue keys, e.g. a key held in a variable first."""
    found: set[str] = set()
    for source in SOURCES:
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                if re.fullmatch(r"[a-z_]+\.[a-z_]+", node.value):
                    if node.value.split(".")[0] in GROUPS:
                        found.add(node.value)
    return found


def calls_with_values() -> list[tuple[str, str, set[str]]]:
    """(file, key, keyword names) for every t("literal", name=...) call in the package."""
    calls = []
    for source in SOURCES:
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == "t" and node.args
                    and isinstance(node.args[0], ast.Constant)):
                names = {keyword.arg for keyword in node.keywords if keyword.arg != "language"}
                calls.append((source.name, node.args[0].value, names))
    return calls


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_catalogue_keys_found_in_source() -> None:
    assert len(keys_used()) >= 20


def test_catalogue_has_every_key_used_in_source() -> None:
    missing = sorted(keys_used() - set(ENGLISH))
    assert missing == []


def test_catalogue_has_every_key_held_in_a_variable() -> None:
    literals = key_like_literals()
    assert {"game.add_word", "game.remove_word"} <= literals
    assert sorted(literals - set(ENGLISH)) == []


def test_fstring_keys_are_only_game_places() -> None:
    assert fstring_prefixes() == {"game."}


@pytest.mark.parametrize("place", PLACES)
def test_catalogue_has_game_place_key(place: str) -> None:
    assert isinstance(ENGLISH.get(f"game.{place}"), str)


def test_catalogue_placeholders_match_values_passed() -> None:
    calls = calls_with_values()
    assert calls
    mismatched = [(name, key, values, placeholders(ENGLISH[key]))
                  for name, key, values in calls
                  if key in ENGLISH and values != placeholders(ENGLISH[key])]
    assert mismatched == []


def test_catalogue_values_are_non_empty_text() -> None:
    bad = [key for key, value in ENGLISH.items() if not isinstance(value, str) or not value.strip()]
    assert bad == []


def test_catalogue_loads_english_file() -> None:
    assert i18n.catalogue("en") == ENGLISH


def test_t_returns_catalogue_text() -> None:
    assert t("choice.pass", "en") == ENGLISH["choice.pass"]


def test_t_fills_placeholders() -> None:
    expected = ENGLISH["deck.position"].replace("{position}", "2").replace("{total}", "9")
    result = t("deck.position", "en", position=2, total=9)
    assert result == expected
    assert "{" not in result


def test_t_fills_placeholder_with_welsh_and_emoji() -> None:
    word = "c\u0175tsh \U0001F600"
    assert word in t("game.added", "en", word=word)


def test_t_unknown_key_raises_key_error() -> None:
    with pytest.raises(KeyError):
        t("no_such.key", "en")


def test_t_falls_back_to_english_for_key_missing_in_other_language(
        monkeypatch: pytest.MonkeyPatch) -> None:
    welsh = {"choice.pass": "Pasio"}
    monkeypatch.setattr(i18n, "catalogue",
                        lambda language: welsh if language == "cy" else ENGLISH)
    assert t("choice.pass", "cy") == "Pasio"
    assert t("deck.next", "cy") == ENGLISH["deck.next"]


def test_t_returns_welsh_from_the_welsh_catalogue() -> None:
    assert t("chrome.exit", "cy") == "Gadael y dudalen hon"
    assert t("choice.pass", "cy") != ENGLISH["choice.pass"]


@pytest.mark.parametrize("query", ["lang=xx", "lang=fr", "lang=", "", "foo=bar", "lang=EN"])
def test_language_from_query_picks_english_for_unknown(query: str) -> None:
    assert language_from_query(query) == "en"


def test_language_from_query_picks_welsh() -> None:
    assert "cy" in LANGUAGES
    assert language_from_query("x=1&lang=cy") == "cy"
    assert language_from_query("lang=cy&token=abc") == "cy"


def test_current_language_reads_the_page_query(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUERY_STRING", "lang=cy")
    assert i18n.current_language() == "cy"
    assert t("chrome.support") == "Cael cymorth"
    monkeypatch.setenv("QUERY_STRING", "")
    assert i18n.current_language() == DEFAULT_LANGUAGE
    assert t("chrome.support") == "Get support"


def test_page_query_carries_welsh_only() -> None:
    assert i18n.page_query("en") == ""
    assert i18n.page_query("cy") == "?lang=cy"


# ---- the Welsh catalogue: complete, same placeholders, review status recorded ----

WELSH_RAW = yaml.safe_load((PACKAGE / "catalogue" / "cy.yaml").read_text(encoding="utf-8"))


def test_every_english_key_has_a_welsh_entry() -> None:
    assert sorted(set(ENGLISH) - set(WELSH_RAW)) == []


def test_welsh_has_no_entry_english_lacks() -> None:
    assert sorted(set(WELSH_RAW) - set(ENGLISH)) == []


def test_welsh_entries_keep_the_english_order() -> None:
    assert list(WELSH_RAW) == list(ENGLISH)


def test_every_welsh_entry_has_text_and_a_review_status() -> None:
    bad = [key for key, entry in WELSH_RAW.items()
           if not isinstance(entry, dict) or not str(entry.get("text", "")).strip()
           or entry.get("status") not in i18n.REVIEW_STATUSES
           or set(entry) - {"text", "status", "source", "note"}]
    assert bad == []


def test_welsh_placeholders_match_english() -> None:
    mismatched = [key for key, entry in WELSH_RAW.items()
                  if placeholders(entry["text"]) != placeholders(ENGLISH[key])]
    assert mismatched == []


def test_welsh_is_marked_draft_until_reviewed() -> None:
    assert i18n.is_draft("cy") is any(entry["status"] == "draft" for entry in WELSH_RAW.values())
    assert i18n.is_draft("en") is False


def test_exit_wording_is_gov_uk_welsh() -> None:
    assert WELSH_RAW["chrome.exit"]["text"] == "Gadael y dudalen hon"
    assert "source" in WELSH_RAW["chrome.exit"]


def test_a_broken_welsh_entry_falls_back_to_english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(i18n, "catalogue",
                        lambda language: {} if language == "cy" else ENGLISH)
    assert t("deck.next", "cy") == ENGLISH["deck.next"]
