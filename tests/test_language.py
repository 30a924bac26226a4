"""Tests for chapters.language: the language game and the private "words about me"."""

import re
from pathlib import Path

import pytest
import yaml
from conftest import decoded_link, load_error, write_yaml
from IPython.display import HTML

from peer_support import content
from peer_support.chapters.language import (
    CONTENT_TAGS,
    MINIMUM_TERMS,
    OWN_WORD_LIMIT,
    PLACES,
    TERMS,
    LanguageGame,
    OurWord,
    Term,
    TermsFile,
    language_game,
)
from peer_support.i18n import t
from peer_support.kit import reflection as kit_reflection
from peer_support.kit.choice import PASS
from peer_support.kit.reflection import REFLECTION, Prompt, Reflection, ReflectionFile

TERMS_FILE = "language/terms.yaml"
REFLECTION_FILE = "language/reflection.yaml"
REAL_ASSETS = content.ASSETS_DIR
REAL_REFLECTION = yaml.safe_load((REAL_ASSETS / REFLECTION_FILE).read_text(encoding="utf-8"))
SCRIPT = "<script>alert(1)</script>"
EMOJI_WORD = "strong \U0001F4AA"


# ---- helpers ----


def term_entry(number: int, **changes) -> dict:
    entry = {
        "id": f"word-{number}",
        "term": f"word {number}",
        "alternatives": [f"other {number}", f"kinder {number}"],
        "reason": f"Reason {number}.",
        "source": f"Source {number}",
        "content": [],
    }
    entry.update(changes)
    return entry


def make_terms(count: int = 5) -> list[Term]:
    return [Term(id=f"word-{n}", term=f"word {n}", alternatives=[f"other {n}", f"kinder {n}"],
                 reason=f"Reason {n}.", source=f"Source {n}", content=[])
            for n in range(1, count + 1)]


def make_game(count: int = 5) -> LanguageGame:
    return LanguageGame(TermsFile(terms=make_terms(count)))


def load_terms(path: str) -> list[Term]:
    return TERMS.load(path).terms


def write_terms(assets: Path, entries: list) -> str:
    return write_yaml(assets, TERMS_FILE, {"terms": entries})


def write_reflection(assets: Path, data: object) -> str:
    return write_yaml(assets, REFLECTION_FILE, data)


def valid_entries(count: int = MINIMUM_TERMS) -> list[dict]:
    return [term_entry(n) for n in range(1, count + 1)]


def list_items(html: str) -> list[str]:
    return re.findall(r"<li>(.*?)</li>", html, re.S)


def is_error_block(block: object) -> bool:
    return isinstance(block, HTML) and 'role="alert"' in block.data


# ---- the terms file ----


def test_load_terms_real_file_has_enough_terms() -> None:
    assert len(load_terms(TERMS_FILE)) >= MINIMUM_TERMS >= 20


def test_load_terms_real_file_has_unique_ids() -> None:
    ids = [term.id for term in load_terms(TERMS_FILE)]
    assert len(ids) == len(set(ids))


def test_load_terms_real_file_every_term_is_complete() -> None:
    incomplete = [term.id for term in load_terms(TERMS_FILE)
                  if not (term.term and term.alternatives and term.reason and term.source)]
    assert incomplete == []


def test_load_terms_real_file_content_tags_are_known() -> None:
    tags = {tag for term in load_terms(TERMS_FILE) for tag in term.content}
    assert tags <= set(CONTENT_TAGS)


def test_load_terms_valid_file_keeps_order(assets: Path) -> None:
    terms = load_terms(write_terms(assets, valid_entries()))
    assert [term.id for term in terms] == [f"word-{n}" for n in range(1, MINIMUM_TERMS + 1)]


def test_load_terms_missing_alternatives_names_file(assets: Path) -> None:
    entries = valid_entries()
    del entries[4]["alternatives"]
    error = load_error(lambda: load_terms(write_terms(assets, entries)))
    assert error.path.endswith(TERMS_FILE)
    assert "Term 5" in error.problem
    assert "'alternatives'" in error.problem


def test_load_terms_empty_alternatives_names_file(assets: Path) -> None:
    entries = valid_entries()
    entries[0]["alternatives"] = []
    error = load_error(lambda: load_terms(write_terms(assets, entries)))
    assert error.path.endswith(TERMS_FILE)
    assert "'alternatives'" in error.problem


def test_load_terms_too_few_terms_names_file(assets: Path) -> None:
    error = load_error(lambda: load_terms(write_terms(assets, valid_entries(MINIMUM_TERMS - 1))))
    assert error.path.endswith(TERMS_FILE)
    assert str(MINIMUM_TERMS) in error.problem


def test_load_terms_bad_content_tag_names_file(assets: Path) -> None:
    entries = valid_entries()
    entries[2]["content"] = ["mental-health", "gossip"]
    error = load_error(lambda: load_terms(write_terms(assets, entries)))
    assert error.path.endswith(TERMS_FILE)
    assert "Term 3" in error.problem
    assert "'content'" in error.problem


def test_load_terms_content_not_a_list_names_file(assets: Path) -> None:
    entries = valid_entries()
    entries[0]["content"] = "abuse"
    error = load_error(lambda: load_terms(write_terms(assets, entries)))
    assert "'content'" in error.problem


def test_load_terms_nested_content_tag_names_file(assets: Path) -> None:
    entries = valid_entries()
    entries[0]["content"] = [["mental-health"]]
    error = load_error(lambda: load_terms(write_terms(assets, entries)))
    assert error.path.endswith(TERMS_FILE)


def test_load_terms_repeated_id_names_file(assets: Path) -> None:
    entries = valid_entries()
    entries[7]["id"] = entries[3]["id"]
    error = load_error(lambda: load_terms(write_terms(assets, entries)))
    assert "Term 8" in error.problem
    assert entries[3]["id"] in error.problem


def test_load_terms_over_long_alternative_names_file(assets: Path) -> None:
    entries = valid_entries()
    entries[0]["alternatives"] = ["x" * 121]
    error = load_error(lambda: load_terms(write_terms(assets, entries)))
    assert "longer than 120" in error.problem


def test_load_terms_not_a_mapping_names_file(assets: Path) -> None:
    (assets / TERMS_FILE).write_text("- just a list\n", encoding="utf-8")
    error = load_error(lambda: load_terms(TERMS_FILE))
    assert error.path.endswith(TERMS_FILE)


def test_language_game_broken_file_returns_error_block(assets: Path) -> None:
    (assets / TERMS_FILE).write_text("terms: [\n", encoding="utf-8")
    block = language_game(TERMS_FILE)
    assert is_error_block(block)
    assert "terms.yaml" in block.data


def test_language_game_missing_file_returns_error_block(assets: Path) -> None:
    block = language_game("language/missing.yaml")
    assert is_error_block(block)
    assert "missing.yaml" in block.data


def test_language_game_too_few_terms_returns_error_block(assets: Path) -> None:
    block = language_game(write_terms(assets, valid_entries(3)))
    assert is_error_block(block)


def test_language_game_nested_content_tag_returns_error_block(assets: Path) -> None:
    entries = valid_entries()
    entries[0]["content"] = [{"tag": "abuse"}]
    assert is_error_block(language_game(write_terms(assets, entries)))


def test_language_game_real_file_builds_game() -> None:
    game = language_game(TERMS_FILE)
    assert isinstance(game, LanguageGame)
    assert len(game.terms) == len(load_terms(TERMS_FILE))


# ---- placing words ----


def test_game_starts_on_first_word_with_reveal_hidden() -> None:
    game = make_game()
    assert game.current.id == "word-1"
    assert game.reveal.layout.display == "none"
    assert game.reveal_text.value == ""


def test_game_shows_word_position() -> None:
    game = make_game(5)
    expected = f"{t('game.word')} {t('deck.position', position=1, total=5)}"
    assert game.deck.position.message == expected


def test_game_place_records_placement() -> None:
    game = make_game()
    game.place("hurtful")
    assert game.placements == {"word-1": "hurtful"}


def test_game_place_button_click_records_placement() -> None:
    game = make_game()
    game.scale.buttons["depends"].click()
    assert game.placements == {"word-1": "depends"}


def test_game_place_reveals_alternatives_reason_and_source() -> None:
    game = make_game()
    game.place("fine")
    html = game.reveal_text.value
    assert list_items(html) == ["other 1", "kinder 1"]
    assert "Reason 1." in html
    assert "Source 1" in html
    assert game.reveal.layout.display is None


def test_game_pass_reveals_too() -> None:
    game = make_game()
    game.place(PASS)
    assert game.placements == {"word-1": PASS}
    assert list_items(game.reveal_text.value) == ["other 1", "kinder 1"]


def test_game_reveal_escapes_file_text() -> None:
    term = Term(id="x", term=SCRIPT, alternatives=[SCRIPT, "<b>bold</b>"], reason=SCRIPT,
                source=SCRIPT, content=[])
    game = LanguageGame(TermsFile(terms=[term]))
    game.place("unsure")
    assert "<script>" not in game.reveal_text.value
    assert "<b>" not in game.reveal_text.value
    assert game.reveal_text.value.count("&lt;script&gt;") == 3


def test_game_card_escapes_term() -> None:
    term = Term(id="x", term=SCRIPT, alternatives=["a"], reason="r", source="s", content=[])
    game = LanguageGame(TermsFile(terms=[term]))
    assert "<script>" not in game.deck.card_view.value
    assert "&lt;script&gt;" in game.deck.card_view.value


def test_game_summary_escapes_terms() -> None:
    term = Term(id="x", term=SCRIPT, alternatives=["a"], reason="r", source="s", content=[])
    game = LanguageGame(TermsFile(terms=[term]))
    game.place("fine")
    assert "<script>" not in game.summary.value
    assert "&lt;script&gt;" in game.summary.value


def test_game_reveal_offers_a_toggle_per_alternative() -> None:
    game = make_game()
    game.place("fine")
    assert [b.description for b in game.word_buttons.children] == [
        t("game.add_word", word="other 1"), t("game.add_word", word="kinder 1")]


def test_game_summary_counts_passes_with_unplaced() -> None:
    game = make_game(5)
    game.place(PASS)
    game.deck.next()
    game.place("fine")
    game.deck.next()
    game.place("fine")
    counts = game.summary_counts()
    assert counts == {"fine": 2, "unsure": 0, "hurtful": 0, "depends": 0, PASS: 3}


def test_game_summary_does_not_list_passed_words() -> None:
    game = make_game(3)
    game.place(PASS)
    game.deck.next()
    game.place("hurtful")
    assert "word 1" not in game.summary.value
    assert "word 2" in game.summary.value


def test_game_summary_shows_counts() -> None:
    game = make_game(3)
    game.place("unsure")
    assert f"{t('game.unsure')}: 1" in game.summary.value
    assert f"{t('game.not_placed')}: 2" in game.summary.value


def test_game_replacing_a_placement_moves_the_word() -> None:
    game = make_game(3)
    game.place("fine")
    game.place("hurtful")
    counts = game.summary_counts()
    assert (counts["fine"], counts["hurtful"]) == (0, 1)


def test_game_next_word_starts_unplaced() -> None:
    game = make_game()
    game.place("fine")
    game.deck.next()
    assert game.current.id == "word-2"
    assert game.scale.choice is None
    assert game.reveal.layout.display == "none"


def test_game_going_back_shows_saved_placement() -> None:
    game = make_game()
    game.place("depends")
    game.deck.next()
    game.deck.previous()
    assert game.scale.choice == "depends"
    assert game.scale.buttons["depends"].button_style == "primary"
    assert game.scale.buttons["depends"].description.startswith("✓ ")
    assert list_items(game.reveal_text.value) == ["other 1", "kinder 1"]


def test_game_going_back_does_not_replace_placement() -> None:
    game = make_game()
    game.place("fine")
    game.deck.next()
    game.place("hurtful")
    game.deck.previous()
    assert game.placements == {"word-1": "fine", "word-2": "hurtful"}
    assert game.scale.status.message == ""


def test_game_next_button_moves_to_next_word() -> None:
    game = make_game()
    game.deck.next_button.click()
    assert game.current.id == "word-2"


def test_game_next_at_last_word_says_so() -> None:
    game = make_game(2)
    game.deck.next()
    game.deck.next()
    assert game.current.id == "word-2"
    assert game.deck.position.message == t("deck.last")


def test_game_can_be_played_to_the_end_with_real_terms() -> None:
    game = language_game(TERMS_FILE)
    keys = [*PLACES, PASS]
    expected = {key: 0 for key in keys}
    for number in range(len(game.terms)):
        key = keys[number % len(keys)]
        game.place(key)
        expected[key] += 1
        game.deck.next_button.click()
    assert len(game.placements) == len(game.terms)
    assert game.summary_counts() == expected
    assert sum(game.summary_counts().values()) == len(game.terms)
    assert game.deck.position.message == t("deck.last")


# ---- our words ----


def test_game_toggle_word_adds_with_term() -> None:
    game = make_game()
    game.toggle_word("other 1", game.current)
    assert game.our_words == [OurWord("other 1", "word 1")]
    assert game.words_status.message == t("game.added", word="other 1")


def test_game_toggle_word_again_removes() -> None:
    game = make_game()
    game.toggle_word("other 1", game.current)
    game.toggle_word("other 1", game.current)
    assert game.our_words == []
    assert game.words_status.message == t("game.removed", word="other 1")


def test_game_reveal_toggle_button_click_adds_word() -> None:
    game = make_game()
    game.place("hurtful")
    game.word_buttons.children[1].click()
    assert game.our_words == [OurWord("kinder 1", "word 1")]
    assert game.word_buttons.children[1].description == "✓ " + t("game.remove_word",
                                                                  word="kinder 1")


def test_game_reveal_toggle_button_click_twice_removes_word() -> None:
    game = make_game()
    game.place("hurtful")
    game.word_buttons.children[0].click()
    game.word_buttons.children[0].click()
    assert game.our_words == []


def test_game_remove_button_removes_word() -> None:
    game = make_game()
    game.add_own_word("peers")
    game.add_own_word("members")
    game.word_list.button(0, "remove").click()
    assert game.our_words == [OurWord("members")]


def test_game_our_words_view_lists_words() -> None:
    game = make_game()
    game.toggle_word("other 1", game.current)
    game.add_own_word("peers")
    assert list_items(game.our_words_view.value) == [
        f"other 1 ({t('game.instead_of', term='word 1')})", "peers"]


def test_game_our_words_view_says_when_empty() -> None:
    game = make_game()
    assert t("game.our_words_empty") in game.our_words_view.value


def test_add_own_word_adds_and_empties_box() -> None:
    game = make_game()
    game.own_word.value = "  peers  "
    game.add_own_button.click()
    assert game.our_words == [OurWord("peers")]
    assert game.own_word.value == ""


@pytest.mark.parametrize("typed", ["", "   ", "\t"])
def test_add_own_word_empty_is_rejected(typed: str) -> None:
    game = make_game()
    assert game.add_own_word(typed) is False
    assert game.our_words == []
    assert game.words_status.message == t("game.own_empty")


def test_add_own_word_ten_thousand_characters_is_rejected() -> None:
    game = make_game()
    typed = "w" * 10_000
    game.own_word.value = typed
    game.add_own_button.click()
    assert game.our_words == []
    assert game.words_status.message == t("game.own_too_long", limit=OWN_WORD_LIMIT)


def test_add_own_word_too_long_text_stays_in_box() -> None:
    game = make_game()
    typed = "w" * 10_000
    game.own_word.value = typed
    game.add_own_button.click()
    assert game.own_word.value == typed


def test_add_own_word_at_limit_is_accepted() -> None:
    game = make_game()
    assert game.add_own_word("w" * OWN_WORD_LIMIT) is True


def test_add_own_word_duplicate_is_rejected_case_insensitively() -> None:
    game = make_game()
    game.add_own_word("Peers")
    game.own_word.value = "PEERS"
    game.add_own_button.click()
    assert game.our_words == [OurWord("Peers")]
    assert game.words_status.message == t("game.own_duplicate", word="PEERS")
    assert game.own_word.value == "PEERS"


def test_add_own_word_duplicate_of_game_word_is_rejected() -> None:
    game = make_game()
    game.toggle_word("other 1", game.current)
    assert game.add_own_word("Other 1") is False
    assert len(game.our_words) == 1


def test_add_own_word_script_is_stored_as_text() -> None:
    game = make_game()
    assert game.add_own_word(SCRIPT) is True
    assert game.our_words == [OurWord(SCRIPT)]


def test_add_own_word_script_is_escaped_in_view() -> None:
    game = make_game()
    game.add_own_word(SCRIPT)
    assert "<script>" not in game.our_words_view.value
    assert "&lt;script&gt;" in game.our_words_view.value


def test_add_own_word_script_is_escaped_in_handout() -> None:
    game = make_game()
    game.add_own_word(SCRIPT)
    game.download.prepare()
    html = decoded_link(game.download.links.value, "html")
    markdown = decoded_link(game.download.links.value, "markdown")
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "<script>" not in markdown
    assert "\\<script\\>" in markdown


def test_add_own_word_keeps_welsh_letters_composed() -> None:
    game = make_game()
    assert game.add_own_word("cw\u0302tsh") is True
    assert game.our_words == [OurWord("c\u0175tsh")]


def test_add_own_word_welsh_duplicate_in_other_form_is_rejected() -> None:
    game = make_game()
    game.add_own_word("c\u0175tsh")
    assert game.add_own_word("CW\u0302TSH") is False


def test_add_own_word_keeps_emoji() -> None:
    game = make_game()
    game.add_own_word(EMOJI_WORD)
    game.download.prepare()
    assert EMOJI_WORD in decoded_link(game.download.links.value, "markdown")


def test_add_own_word_welsh_reaches_download_intact() -> None:
    game = make_game()
    game.add_own_word("d\u0175r a th\u0177")
    game.download.prepare()
    assert list_items(decoded_link(game.download.links.value, "html")) == ["d\u0175r a th\u0177"]


def test_game_changing_words_withdraws_old_download() -> None:
    game = make_game()
    game.add_own_word("peers")
    game.download.prepare()
    game.add_own_word("members")
    assert game.download.links.value == ""


def test_game_handout_has_exactly_the_chosen_words() -> None:
    game = make_game()
    game.toggle_word("kinder 1", game.current)
    game.deck.next()
    game.toggle_word("other 2", game.current)
    game.add_own_word("women in the group")
    handout = game.handout()
    assert [(s.heading, s.items) for s in handout.filled_sections] == [(t("game.our_words"), [
        f"kinder 1 ({t('game.instead_of', term='word 1')})",
        f"other 2 ({t('game.instead_of', term='word 2')})",
        "women in the group",
    ])]


def test_game_handout_download_has_exactly_the_chosen_words() -> None:
    game = make_game()
    game.toggle_word("other 1", game.current)
    game.add_own_word("peers")
    game.download.prepare_button.click()
    assert list_items(decoded_link(game.download.links.value, "html")) == [
        f"other 1 ({t('game.instead_of', term='word 1')})", "peers"]


def test_game_handout_leaves_out_removed_words() -> None:
    game = make_game()
    game.add_own_word("peers")
    game.add_own_word("members")
    game.remove_word("PEERS")
    assert game.handout().filled_sections[0].items == ["members"]


def test_game_handout_is_large_print() -> None:
    assert make_game().handout().large_print is True


def test_game_download_with_no_words_offers_nothing() -> None:
    game = make_game()
    game.place("fine")
    assert game.download.prepare() is None
    assert game.download.status.message == t("handout.nothing")


# ---- language reflection ----


def make_reflection() -> Reflection:
    prompts = [Prompt("one", "First prompt", ""), Prompt("two", "Second prompt", "A hint"),
               Prompt("three", "Third prompt", "")]
    return Reflection(ReflectionFile(title="Words about me", prompts=prompts,
                                     intro="Just for you."))


def test_load_reflection_real_file() -> None:
    loaded = REFLECTION.load(REFLECTION_FILE)
    assert loaded.title == REAL_REFLECTION["title"]
    assert [p.label for p in loaded.prompts] == [p["label"] for p in REAL_REFLECTION["prompts"]]


def test_language_reflection_real_file_has_a_box_per_prompt() -> None:
    reflection = kit_reflection.reflection(REFLECTION_FILE)
    assert isinstance(reflection, Reflection)
    assert [box.label for box in reflection.boxes] == [
        p["label"] for p in REAL_REFLECTION["prompts"]]


def test_reflection_handout_has_only_non_empty_answers() -> None:
    reflection = make_reflection()
    reflection.boxes[0].write("resilient")
    reflection.boxes[1].write("   ")
    reflection.boxes[2].write("still deciding")
    handout = reflection.handout()
    assert [(s.heading, s.items) for s in handout.filled_sections] == [
        ("First prompt", ["resilient"]), ("Third prompt", ["still deciding"])]


def test_reflection_handout_title_is_the_exercise_title() -> None:
    assert make_reflection().handout().title == "Words about me"


def test_reflection_handout_has_intro() -> None:
    reflection = make_reflection()
    reflection.boxes[0].write("resilient")
    assert reflection.handout().intro == "Just for you."


def test_reflection_download_has_answers_under_prompt_labels() -> None:
    reflection = make_reflection()
    reflection.boxes[1].write("my own <words>")
    reflection.download.prepare()
    markdown = decoded_link(reflection.download.links.value, "markdown")
    assert "## Second prompt\n\n- my own \\<words\\>" in markdown
    assert "First prompt" not in markdown


def test_reflection_download_with_no_answers_offers_nothing() -> None:
    reflection = make_reflection()
    assert reflection.download.prepare() is None
    assert reflection.download.status.message == t("handout.nothing")


def test_reflection_too_long_answer_blocks_download() -> None:
    reflection = make_reflection()
    reflection.boxes[0].write("fine")
    reflection.boxes[2].write("x" * (reflection.boxes[2].limit + 1))
    assert reflection.download.prepare() is None
    assert reflection.download.links.value == ""
    assert reflection.download.status.message == t("handout.waiting")


def test_reflection_too_long_answer_stays_in_box() -> None:
    reflection = make_reflection()
    typed = "x" * (reflection.boxes[0].limit + 10)
    reflection.boxes[0].write(typed)
    reflection.download.prepare()
    assert reflection.boxes[0].text_area.value == typed


def test_reflection_shortened_answer_unblocks_download() -> None:
    reflection = make_reflection()
    reflection.boxes[0].write("x" * (reflection.boxes[0].limit + 1))
    reflection.download.prepare()
    reflection.boxes[0].write("short")
    assert reflection.download.prepare() is not None


def test_reflection_clear_empties_every_box() -> None:
    reflection = make_reflection()
    for box in reflection.boxes:
        box.write("private")
    reflection.clear()
    assert [box.text_area.value for box in reflection.boxes] == [""] * len(reflection.boxes)


def test_reflection_clear_withdraws_links() -> None:
    reflection = make_reflection()
    reflection.boxes[0].write("private")
    reflection.download.prepare()
    reflection.clear()
    assert reflection.download.links.value == ""
    assert reflection.download.handout is None
    assert reflection.status.message == t("reflection.cleared")


def test_reflection_clear_button_clears() -> None:
    reflection = make_reflection()
    reflection.boxes[1].write("private")
    reflection.download.prepare()
    reflection.clear_button.click()
    assert reflection.boxes[1].text_area.value == ""
    assert reflection.download.links.value == ""


def test_reflection_editing_answer_withdraws_stale_link() -> None:
    reflection = make_reflection()
    reflection.boxes[0].write("something I regret writing")
    reflection.download.prepare()
    reflection.boxes[0].write("")
    links = reflection.download.links.value
    assert links == "" or "regret" not in decoded_link(links, "markdown")


def test_reflection_boxes_have_prompt_classes() -> None:
    reflection = make_reflection()
    assert "qa-prompt-two" in reflection.boxes[1].text_area._dom_classes


def test_language_reflection_broken_file_returns_error_block(assets: Path) -> None:
    (assets / REFLECTION_FILE).write_text("title: [\n", encoding="utf-8")
    block = kit_reflection.reflection(REFLECTION_FILE)
    assert is_error_block(block)
    assert "reflection.yaml" in block.data


def test_language_reflection_missing_prompts_returns_error_block(assets: Path) -> None:
    path = write_reflection(assets, {"title": "Words", "prompts": []})
    block = kit_reflection.reflection(path)
    assert is_error_block(block)
    assert "prompts" in block.data


def test_language_reflection_repeated_prompt_id_returns_error_block(assets: Path) -> None:
    prompts = [{"id": "same", "label": "One"}, {"id": "same", "label": "Two"}]
    path = write_reflection(assets, {"title": "Words", "prompts": prompts})
    block = kit_reflection.reflection(path)
    assert is_error_block(block)
    assert "same" in block.data


def test_load_reflection_optional_intro_and_hint(assets: Path) -> None:
    path = write_reflection(assets, {"title": "Words", "prompts": [{"id": "a", "label": "A"}]})
    assert REFLECTION.load(path) == ReflectionFile(title="Words", prompts=[Prompt("a", "A", "")],
                                                   intro="")
