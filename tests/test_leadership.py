"""Tests for chapters.leadership: the qualities sort and its card, the questions, strength
spotting and the reflection."""

from pathlib import Path

import ipywidgets as widgets
import pytest
import yaml
from conftest import decoded_link, load_error, write_yaml
from IPython.display import HTML

from peer_support import content
from peer_support.chapters import leadership
from peer_support.chapters.leadership import (
    KINDS,
    MINIMUM_QUALITIES,
    LeadershipSort,
    QualitiesFile,
    Quality,
    StrengthSpotting,
    leadership_questions,
    leadership_sort,
    strength_spotting,
)
from peer_support.i18n import t
from peer_support.kit.card_sort import PRESETS as PRESETS_KIND
from peer_support.kit.card_sort import STEP_LIMIT
from peer_support.kit.deck import CardDeck
from peer_support.kit.handout import Handout
from peer_support.kit.reflection import Reflection, reflection

REAL_ASSETS = content.ASSETS_DIR
QUALITIES = "leadership/qualities.yaml"
PRESETS = "leadership/sort-presets.yaml"
QUESTIONS = "leadership/questions.yaml"
GUIDE = "leadership/strength-spotting.yaml"
REFLECTION = "leadership/reflection.yaml"
SCRIPT = "<script>alert(1)</script>"
IMG = '<img src=x onerror="alert(1)">'
WELSH = "Siân ŵ ŷ \U0001F4AA"


def real(name: str):
    return yaml.safe_load((REAL_ASSETS / name).read_text(encoding="utf-8"))


# The content files, read the way the chapter reads them.
def load_qualities(path: str) -> list[Quality]:
    return leadership.QUALITIES.load(path).qualities


def load_presets(path: str) -> list:
    return PRESETS_KIND.load(path).presets


def load_questions(path: str) -> tuple:
    loaded = leadership.QUESTIONS.load(path)
    return loaded.intro, loaded.questions


def load_spotting_guide(path: str):
    return leadership.SPOTTING.load(path)


def is_error_block(block: object, name: str) -> bool:
    return isinstance(block, HTML) and 'role="alert"' in block.data and name in block.data


def make_sort() -> LeadershipSort:
    return LeadershipSort(leadership.QUALITIES.load(QUALITIES), PRESETS_KIND.load(PRESETS))


def texts() -> list[str]:
    return [q.text for q in load_qualities(QUALITIES)]


def sections(handout: Handout) -> list[tuple[str, list[str]]]:
    return [(s.heading, s.items) for s in handout.filled_sections]


def all_widgets(widget) -> list:
    found = [widget]
    for child in getattr(widget, "children", ()):
        found += all_widgets(child)
    return found


# ---- the qualities file ----


def test_real_qualities_have_at_least_24() -> None:
    assert len(load_qualities(QUALITIES)) >= MINIMUM_QUALITIES >= 24


def test_real_qualities_mix_quiet_relational_and_visible() -> None:
    kinds = [q.kind for q in load_qualities(QUALITIES)]
    assert all(kinds.count(kind) >= 5 for kind in KINDS)


def test_real_qualities_include_the_quiet_ones_the_issue_names() -> None:
    joined = " | ".join(texts()).casefold()
    for words in ("listening", "keeping time", "welcoming newcomers", "noticing who is left out"):
        assert words in joined


def test_real_qualities_texts_unique_ignoring_case() -> None:
    lowered = [text.casefold() for text in texts()]
    assert len(lowered) == len(set(lowered))


def quality_entries(count: int = MINIMUM_QUALITIES) -> list[dict]:
    return [{"id": f"q-{n}", "text": f"Quality {n}", "kind": KINDS[n % 3]}
            for n in range(1, count + 1)]


def test_missing_qualities_file_names_the_file(assets: Path) -> None:
    error = load_error(lambda: load_qualities(QUALITIES))
    assert "leadership/qualities.yaml" in error.path
    assert "missing" in error.problem


def test_too_few_qualities_is_refused(assets: Path) -> None:
    write_yaml(assets, QUALITIES, {"qualities": quality_entries(MINIMUM_QUALITIES - 1)})
    assert "at least 24" in load_error(lambda: load_qualities(QUALITIES)).problem


def test_unknown_kind_is_refused(assets: Path) -> None:
    entries = quality_entries()
    entries[3]["kind"] = "loud"
    write_yaml(assets, QUALITIES, {"qualities": entries})
    error = load_error(lambda: load_qualities(QUALITIES))
    assert "Quality 4" in error.problem and "kind" in error.problem


def test_repeated_quality_text_is_refused(assets: Path) -> None:
    entries = quality_entries()
    entries[5]["text"] = "QUALITY 1"
    write_yaml(assets, QUALITIES, {"qualities": entries})
    error = load_error(lambda: load_qualities(QUALITIES))
    assert "Quality 6 repeats" in error.problem


def test_too_long_quality_is_refused(assets: Path) -> None:
    entries = quality_entries()
    entries[0]["text"] = "x" * 81
    write_yaml(assets, QUALITIES, {"qualities": entries})
    error = load_error(lambda: load_qualities(QUALITIES))
    assert "longer than 80" in error.problem


def test_broken_qualities_file_gives_error_block(assets: Path) -> None:
    (assets / QUALITIES).write_text("qualities: [unclosed", encoding="utf-8")
    write_yaml(assets, PRESETS, real(PRESETS))
    assert is_error_block(leadership_sort(QUALITIES, PRESETS), "leadership/qualities.yaml")


# ---- the presets file ----


def test_real_presets_start_with_my_strengths() -> None:
    presets = load_presets(PRESETS)
    assert [c.heading for c in presets[0].columns] == [
        "I already do this", "I'd like to grow this", "Not for me right now"]
    assert [c.on_card for c in presets[0].columns] == [True, True, False]


def test_real_presets_offer_leaders_and_peers() -> None:
    group = load_presets(PRESETS)[1]
    assert [c.heading for c in group.columns] == ["What leaders do", "What peers do", "Both"]


def preset_data() -> dict:
    return real(PRESETS)


def test_preset_with_one_column_is_refused(assets: Path) -> None:
    data = preset_data()
    data["presets"][0]["columns"] = data["presets"][0]["columns"][:1]
    error = load_error(lambda: load_presets(write_yaml(assets, PRESETS, data)))
    assert "Preset 1" in error.problem and "2 to 5" in error.problem


def test_preset_on_card_must_be_true_or_false(assets: Path) -> None:
    data = preset_data()
    data["presets"][1]["columns"][0]["on_card"] = "yes"
    error = load_error(lambda: load_presets(write_yaml(assets, PRESETS, data)))
    assert "Preset 2, column 1" in error.problem and "on_card" in error.problem


def test_preset_on_card_column_needs_card_heading(assets: Path) -> None:
    data = preset_data()
    del data["presets"][0]["columns"][0]["card_heading"]
    error = load_error(lambda: load_presets(write_yaml(assets, PRESETS, data)))
    assert "card_heading" in error.problem


def test_preset_needs_a_column_on_the_card(assets: Path) -> None:
    data = preset_data()
    for column in data["presets"][0]["columns"]:
        column["on_card"] = False
    error = load_error(lambda: load_presets(write_yaml(assets, PRESETS, data)))
    assert "on_card: true" in error.problem


def test_preset_column_ids_must_be_unique(assets: Path) -> None:
    data = preset_data()
    data["presets"][0]["columns"][1]["id"] = "already"
    error = load_error(lambda: load_presets(write_yaml(assets, PRESETS, data)))
    assert "repeats the id 'already'" in error.problem


def test_broken_presets_file_gives_error_block(assets: Path) -> None:
    write_yaml(assets, QUALITIES, real(QUALITIES))
    write_yaml(assets, PRESETS, {"presets": "none"})
    assert is_error_block(leadership_sort(QUALITIES, PRESETS), "leadership/sort-presets.yaml")


# ---- the sort: every move ----


def test_sort_starts_with_every_quality_in_the_pile() -> None:
    sort = make_sort()
    assert sort.sort.unsorted() == texts()
    assert [key for key, _ in sort.sort.columns] == ["already", "grow", "not-now"]
    assert sort.chooser.choice == "me"


def test_sort_move_to_a_column() -> None:
    sort = make_sort()
    sort.move("Welcoming newcomers", "already")
    assert sort.sort.in_column("already") == ["Welcoming newcomers"]
    assert "Welcoming newcomers" not in sort.sort.unsorted()


def test_sort_move_back() -> None:
    sort = make_sort()
    sort.move("Welcoming newcomers", "already")
    sort.move_back("Welcoming newcomers")
    assert sort.sort.in_column("already") == []
    assert sort.sort.current == "Welcoming newcomers"


def test_sort_move_between_columns() -> None:
    sort = make_sort()
    sort.move("Sharing the credit", "grow")
    sort.move("Sharing the credit", "already")
    assert sort.sort.in_column("grow") == [] and sort.sort.in_column("already") == [
        "Sharing the credit"]


def test_sort_reset() -> None:
    sort = make_sort()
    for text in texts()[:5]:
        sort.move(text, "grow")
    sort.reset()
    assert sort.sort.unsorted() == texts()
    assert sort.sort.in_column("grow") == []


def test_sort_completed_with_move_buttons() -> None:
    sort = make_sort()
    keys = ["already", "grow", "not-now"]
    for number in range(len(texts())):
        sort.sort.move_buttons[keys[number % 3]].click()
    assert sort.sort.is_complete()
    assert t("sort.all_sorted", total=len(texts())) in sort.sort.status.message


# ---- the card ----


def test_card_holds_exactly_the_on_card_columns_in_sorted_order() -> None:
    sort = make_sort()
    sort.move("Speaking up in a meeting", "already")
    sort.move("Welcoming newcomers", "already")
    sort.move("Noticing who is left out", "grow")
    sort.move("Suggesting a new idea", "not-now")
    handout = sort.handout()
    assert handout.title == "My leadership strengths"
    assert sections(handout) == [
        ("Strengths I already use", ["Speaking up in a meeting", "Welcoming newcomers"]),
        ("Strengths I'd like to grow", ["Noticing who is left out"]),
    ]


def test_card_leaves_out_not_for_me_and_unsorted() -> None:
    sort = make_sort()
    sort.move("Suggesting a new idea", "not-now")
    sort.move("Sharing the credit", "grow")
    markdown = sort.handout().to_markdown()
    assert "Suggesting a new idea" not in markdown
    assert "Not for me right now" not in markdown
    assert "Welcoming newcomers" not in markdown  # still in the pile


def test_card_includes_small_step_when_written() -> None:
    sort = make_sort()
    sort.move("Sharing the credit", "grow")
    sort.step_box.write("  Keep time next week  ")
    assert sections(sort.handout())[-1] == ("A small step I'd like to try",
                                            ["Keep time next week"])


def test_card_leaves_out_empty_step() -> None:
    sort = make_sort()
    sort.move("Sharing the credit", "grow")
    sort.step_box.write("   ")
    assert [heading for heading, _ in sections(sort.handout())] == ["Strengths I'd like to grow"]


def test_card_with_nothing_chosen_offers_nothing() -> None:
    sort = make_sort()
    sort.move("Sharing the credit", "not-now")
    assert sort.download.prepare() is None
    assert sort.download.status.message == t("handout.nothing")


def test_card_step_too_long_waits_and_keeps_text() -> None:
    sort = make_sort()
    sort.move("Sharing the credit", "grow")
    sort.step_box.write("ŵ" * (STEP_LIMIT + 1))
    assert sort.handout() == t("handout.waiting")
    assert sort.download.prepare() is None
    assert len(sort.step_box.text_area.value) == STEP_LIMIT + 1


def test_card_hostile_step_stays_text() -> None:
    sort = make_sort()
    sort.move("Sharing the credit", "grow")
    sort.step_box.write(SCRIPT + IMG)
    sort.download.prepare()
    page = decoded_link(sort.download.links.value, "html")
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;" in page
    markdown = decoded_link(sort.download.links.value, "markdown")
    assert "\\<script\\>" in markdown


def test_card_keeps_welsh_and_emoji() -> None:
    sort = make_sort()
    sort.move("Sharing the credit", "grow")
    sort.step_box.write(WELSH)
    sort.download.prepare()
    assert WELSH in decoded_link(sort.download.links.value, "html")


def test_card_link_withdrawn_after_a_move() -> None:
    sort = make_sort()
    sort.move("Sharing the credit", "grow")
    sort.download.prepare()
    assert sort.download.links.value
    sort.move("Welcoming newcomers", "grow")
    assert sort.download.links.value == ""


def test_card_note_says_what_goes_on_it() -> None:
    note = make_sort().card_note.value
    assert "I already do this" in note and "Not for me right now" in note


# ---- presets on the page ----


def test_switch_with_nothing_sorted_switches_and_says_sort_starts_again() -> None:
    sort = make_sort()
    sort.chooser.choose("group")
    assert sort.preset.id == "group"
    assert [key for key, _ in sort.sort.columns] == ["leaders", "peers", "both"]
    assert sort.status.message == t(
        "sort.switched", name=sort.preset.name,
        columns="“What leaders do”, “What peers do”, “Both”")
    assert "starts again" in sort.status.message


def test_switch_with_cards_sorted_asks_and_changes_nothing_yet() -> None:
    sort = make_sort()
    sort.move("Sharing the credit", "grow")
    sort.chooser.buttons["group"].click()
    assert sort.preset.id == "me"
    assert sort.sort.in_column("grow") == ["Sharing the credit"]
    assert sort.chooser.choice == "me"
    assert sort.confirm_box.layout.display is None
    assert sort.status.message == t("sort.switch_ask",
                                    name="Leaders and peers (for group talk)", count=1)


def test_switch_no_keeps_the_sort() -> None:
    sort = make_sort()
    sort.move("Sharing the credit", "grow")
    sort.chooser.buttons["group"].click()
    sort.switch_no.click()
    assert sort.preset.id == "me"
    assert sort.sort.in_column("grow") == ["Sharing the credit"]
    assert sort.confirm_box.layout.display == "none"
    assert sort.status.message == t("sort.switch_kept", name="My strengths")


def test_switch_yes_starts_again_with_new_columns() -> None:
    sort = make_sort()
    sort.move("Sharing the credit", "grow")
    sort.chooser.buttons["group"].click()
    sort.switch_yes.click()
    assert sort.preset.id == "group"
    assert sort.chooser.choice == "group"
    assert sort.sort.unsorted() == texts()
    assert sort.sort in sort.sort_holder.children


def test_switch_to_same_preset_says_so() -> None:
    sort = make_sort()
    sort.move("Sharing the credit", "grow")
    sort.chooser.choose("me")
    assert sort.sort.in_column("grow") == ["Sharing the credit"]
    assert sort.status.message == t("sort.preset_same", name="My strengths")


def test_switch_unknown_preset_raises() -> None:
    with pytest.raises(KeyError):
        make_sort().choose_preset("nobody")


def test_group_preset_card_has_all_three_columns() -> None:
    sort = make_sort()
    sort.switch_preset("group")
    sort.move("Keeping time, so everyone gets a turn", "leaders")
    sort.move("Listening without rushing in to fix things", "peers")
    sort.move("Welcoming newcomers", "both")
    sort.step_box.write("Take turns to open")
    handout = sort.handout()
    assert handout.title == "Leaders and peers: our sort"
    assert sections(handout) == [
        ("What leaders do", ["Keeping time, so everyone gets a turn"]),
        ("What peers do", ["Listening without rushing in to fix things"]),
        ("What leaders and peers both do", ["Welcoming newcomers"]),
        ("Something we'd like to try", ["Take turns to open"]),
    ]


def test_switch_updates_step_label() -> None:
    sort = make_sort()
    sort.switch_preset("group")
    assert sort.step_box.text_area.description == load_presets(PRESETS)[1].step_label


# ---- leadership questions ----


def test_questions_real_file() -> None:
    intro, questions = load_questions(QUESTIONS)
    assert len(questions) >= 8 and "pass" in intro


def deck_of(block) -> CardDeck:
    return next(w for w in all_widgets(block) if isinstance(w, CardDeck))


def test_questions_deck_shows_one_at_a_time_with_shuffle() -> None:
    block = leadership_questions(QUESTIONS)
    deck = deck_of(block)
    _, questions = load_questions(QUESTIONS)
    assert len(deck.cards) == len(questions)
    assert "pack-card__term" in deck.card_view.value
    assert hasattr(deck, "shuffle_button")
    deck.next()
    assert deck.position.message == f"{t('leadership.question')} 2 of {len(questions)}"
    deck.shuffle(seed=3)
    assert deck.index == 0 and len(deck.cards) == len(questions)


def test_broken_questions_file_gives_error_block(assets: Path) -> None:
    write_yaml(assets, QUESTIONS, {"intro": "Hi", "questions": [{"id": "a", "text": "One?"}]})
    assert is_error_block(leadership_questions(QUESTIONS), "leadership/questions.yaml")


def test_question_text_is_escaped(assets: Path) -> None:
    questions = [{"id": f"q{n}", "text": f"{SCRIPT} {n}"} for n in range(6)]
    write_yaml(assets, QUESTIONS, {"intro": IMG, "questions": questions})
    block = leadership_questions(QUESTIONS)
    assert "<script>" not in deck_of(block).card_view.value
    assert "<img" not in block.children[0].value


# ---- strength spotting ----


def make_spotting() -> StrengthSpotting:
    return StrengthSpotting(load_spotting_guide(GUIDE), leadership.QUALITIES.load(QUALITIES))


def test_spotting_has_no_name_field() -> None:
    spotting = make_spotting()
    kinds = {type(w) for w in all_widgets(spotting)}
    assert widgets.Text not in kinds and widgets.Textarea not in kinds


def test_spotting_guide_asks_consent_first() -> None:
    guide = load_spotting_guide(GUIDE)
    assert guide.steps[0].startswith("Ask first")


def test_spotting_show_puts_quality_on_screen() -> None:
    spotting = make_spotting()
    spotting.chooser.value = "Welcoming newcomers"
    spotting.show_button.click()
    assert "Welcoming newcomers" in spotting.screen.value
    assert "I noticed that you" in spotting.screen.value
    assert spotting.status.message == t("leadership.spot_shown", quality="Welcoming newcomers")
    assert spotting.spotted == []


def test_spotting_nothing_chosen_says_so() -> None:
    spotting = make_spotting()
    spotting.show_button.click()
    spotting.add_button.click()
    assert spotting.status.message == t("leadership.spot_none")
    assert spotting.spotted == [] and spotting.screen.value == ""


def test_spotting_unknown_quality_raises() -> None:
    with pytest.raises(KeyError):
        make_spotting().add("Juggling")


def test_spotting_list_and_poster_count_repeats() -> None:
    spotting = make_spotting()
    for quality in ["Sharing the credit", "Welcoming newcomers", "Sharing the credit"]:
        spotting.chooser.value = quality
        spotting.add_button.click()
    handout = spotting.handout()
    assert handout.large_print
    assert sections(handout) == [(t("leadership.spot_poster_section"), [
        t("leadership.spot_times", quality="Sharing the credit", count=2),
        "Welcoming newcomers"])]
    assert "Welcoming newcomers" in spotting.list_view.value


def test_spotting_clear() -> None:
    spotting = make_spotting()
    spotting.add("Sharing the credit")
    spotting.show("Sharing the credit")
    spotting.clear()
    assert spotting.spotted == [] and spotting.screen.value == ""
    assert spotting.download.prepare() is None


def test_spotting_escapes_quality_text() -> None:
    qualities = [Quality(id="a", text=SCRIPT, kind="quiet")]
    spotting = StrengthSpotting(load_spotting_guide(GUIDE), QualitiesFile(qualities=qualities))
    spotting.show(SCRIPT)
    assert "<script>" not in spotting.screen.value
    spotting.add(SCRIPT)
    assert "<script>" not in spotting.list_view.value


def test_broken_spotting_guide_gives_error_block(assets: Path) -> None:
    write_yaml(assets, GUIDE, {"intro": "x", "steps": ["only one"], "starters": ["a"]})
    write_yaml(assets, QUALITIES, real(QUALITIES))
    assert is_error_block(strength_spotting(GUIDE, QUALITIES), "strength-spotting.yaml")


# ---- reflection ----


def test_reflection_real_file() -> None:
    assert isinstance(reflection(REFLECTION), Reflection)


def test_reflection_broken_gives_error_block(assets: Path) -> None:
    write_yaml(assets, REFLECTION, {"title": "x", "prompts": []})
    assert is_error_block(reflection(REFLECTION), "leadership/reflection.yaml")


# ---- facilitator notes ----


@pytest.mark.parametrize("activity", ["leadership-sort", "leadership-questions",
                                      "strength-spotting", "shared-roles",
                                      "leadership-reflection"])
def test_facilitator_notes_exist_and_mention_passing(activity: str) -> None:
    from peer_support.kit.blocks import load_activity_notes
    notes = load_activity_notes("leadership/facilitator-notes.yaml", activity)
    text = " ".join([notes.purpose, *notes.steps, *notes.adaptations]).casefold()
    assert notes.minutes >= 10
    assert any(word in text for word in ("pass", "private", "offered", "never assigned"))
