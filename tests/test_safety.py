"""Tests for chapters.safety: the group agreement builder and the safety check-in, plus the
chapter's venue checklist and facilitator notes. The human knot is in test_human_knot.py."""

import re
from html import unescape
from pathlib import Path

import pytest
import yaml
from conftest import load_error, write_yaml
from IPython.display import HTML

from peer_support import content
from peer_support.chapters.safety import (
    AGREEMENT_LIMIT,
    AGREEMENTS,
    AgreementBuilder,
    AgreementsFile,
    Suggestion,
    agreement_builder,
)
from peer_support.i18n import t
from peer_support.kit.blocks import load_activity_notes
from peer_support.kit.checklist import CHECKLIST, Checklist

SCRIPT = "<script>alert(1)</script>"
IMG = '<img src=x onerror="alert(1)">'
WELSH = "Rydyn ni'n dod â bisgedi: ŵ ŷ 🍪"
REAL = content.ASSETS_DIR


def suggestions() -> list[Suggestion]:
    return [Suggestion("pass", "Anyone can pass."),
            Suggestion("one-voice", "One voice at a time."),
            Suggestion("phones", "Phones on silent.")]


def builder(extra=()) -> AgreementBuilder:
    return AgreementBuilder(AgreementsFile(title="Our group agreement", intro="Made together.",
                                           suggestions=suggestions()), suggestions=extra)


def html_items(html: str) -> list[str]:
    return [unescape(item) for item in re.findall(r"<li>(.*?)</li>", html, re.S)]


def markdown_items(markdown: str) -> list[str]:
    return [line[2:] for line in markdown.splitlines() if line.startswith("- ")]


def real(name: str) -> dict:
    return yaml.safe_load((REAL / "safety" / name).read_text(encoding="utf-8"))


def record_focus(buttons) -> list:
    """Replace each button's ``focus`` with one that notes which button was focused."""
    focused = []
    for button in buttons:
        button.focus = lambda button=button: focused.append(button)
    return focused


# ======================================================================================
# Group agreement builder
# ======================================================================================


def test_builder_starts_empty_with_every_suggestion_unticked() -> None:
    made = builder()
    assert made.agreements == []
    assert [box.value for box in made.checkboxes.values()] == [False, False, False]
    assert made.handout().item_count == 0


def test_choose_adds_in_the_order_ticked() -> None:
    made = builder()
    made.choose("phones")
    made.choose("pass")
    assert made.texts() == ["Phones on silent.", "Anyone can pass."]
    assert made.chosen() == ["phones", "pass"]


def test_ticking_the_checkbox_is_the_same_as_choose() -> None:
    made = builder()
    made.checkboxes["one-voice"].value = True
    assert made.texts() == ["One voice at a time."]


def test_unticking_removes_the_agreement_even_after_editing() -> None:
    made = builder()
    made.choose("pass")
    made.edit(0, "Anyone can pass, always.")
    assert made.texts() == ["Anyone can pass, always."]
    made.choose("pass", chosen=False)
    assert made.texts() == []


def test_choose_unknown_suggestion_raises() -> None:
    with pytest.raises(KeyError):
        builder().choose("nope")


def test_add_own_appends_tidied_text_and_empties_the_box() -> None:
    made = builder()
    made.own_text.value = "  Tea first  "
    assert made.add_own(made.own_text.value) is True
    assert made.texts() == ["Tea first"]
    assert made.own_text.value == ""
    assert made.status.message == t("safety.added", text="Tea first", count=1)


def test_add_own_refuses_empty_text_with_a_message() -> None:
    made = builder()
    assert made.add_own("   ") is False
    assert made.status.message == t("safety.own_empty")
    assert made.agreements == []


def test_add_own_refuses_too_long_text_and_keeps_it_in_the_box() -> None:
    made = builder()
    long_text = "x" * 10_000
    made.own_text.value = long_text
    assert made.add_own(long_text) is False
    assert made.own_text.value == long_text
    assert "Nothing has been cut" in made.status.message
    assert str(AGREEMENT_LIMIT) in made.status.message


def test_add_own_refuses_a_repeat_of_any_agreement() -> None:
    made = builder()
    made.choose("phones")
    assert made.add_own("phones ON SILENT.") is False
    assert made.status.message == t("safety.duplicate", text="phones ON SILENT.")
    assert len(made.agreements) == 1


def row_text(made: AgreementBuilder, index: int) -> str:
    """The words shown on the list for agreement ``index``, as a reader sees them."""
    return unescape(re.sub(r"<[^>]+>", "", made.list._rows[index]["view"].value))


def test_edit_changes_the_words_on_the_list() -> None:
    made = builder()
    made.choose("pass")
    assert made.edit(0, "  You can always pass.  ") is True
    assert made.texts() == ["You can always pass."]
    assert row_text(made, 0) == "1. You can always pass."
    assert made.status.message == t("safety.edited", number=1)


def test_change_wording_opens_a_box_with_the_words_and_save_keeps_them() -> None:
    made = builder()
    made.choose("pass")
    area = made.list._rows[0]["area"]
    assert not made.list.editing(0)
    made.list.button(0, "change").click()
    assert made.list.editing(0)
    assert area.value == "Anyone can pass."
    assert area.description == t("safety.edit_label", number=1)
    area.value = "Pass any time."
    assert made.list.save_edit(0) is True
    assert not made.list.editing(0)
    assert made.texts() == ["Pass any time."]


def test_cancel_leaves_the_words_alone() -> None:
    made = builder()
    made.choose("pass")
    made.list.start_edit(0)
    made.list._rows[0]["area"].value = "Something else"
    made.list.cancel_edit(0)
    assert not made.list.editing(0)
    assert made.texts() == ["Anyone can pass."]
    assert made.status.message == t("safety.edit_cancelled", number=1)


def test_saving_empty_words_is_refused_and_keeps_the_old_ones() -> None:
    made = builder()
    made.choose("pass")
    made.list.start_edit(0)
    made.list._rows[0]["area"].value = "   "
    assert made.list.save_edit(0) is False
    assert made.list.editing(0)
    assert made.texts() == ["Anyone can pass."]
    assert made.status.message == t("safety.edit_empty", number=1)


def test_saving_too_long_words_is_refused_and_keeps_every_character() -> None:
    made = builder()
    made.choose("pass")
    made.list.start_edit(0)
    area = made.list._rows[0]["area"]
    long_text = "y" * 10_000
    area.value = long_text
    assert made.list.save_edit(0) is False
    assert area.value == long_text
    assert "Nothing has been cut" in made.status.message
    assert made.texts() == ["Anyone can pass."]


def test_poster_waits_for_unsaved_changes() -> None:
    made = builder()
    made.choose("pass")
    made.choose("phones")
    made.list.start_edit(1)
    made.list._rows[1]["area"].value = "Phones away."
    assert made.handout() == t("safety.poster_unsaved", number=2)
    assert made.download.prepare() is None
    made.list.save_edit(1)
    assert html_items(made.download.prepare().to_html()) == ["Anyone can pass.", "Phones away."]


def test_an_open_box_without_changes_does_not_hold_the_poster_back() -> None:
    made = builder()
    made.choose("pass")
    made.list.start_edit(0)
    assert html_items(made.handout().to_html()) == ["Anyone can pass."]


def test_edit_unknown_index_raises() -> None:
    with pytest.raises(IndexError):
        builder().edit(0, "x")


def three_chosen() -> AgreementBuilder:
    made = builder()
    for sid in ("pass", "one-voice", "phones"):
        made.choose(sid)
    return made


def test_move_up_swaps_with_the_one_above() -> None:
    made = three_chosen()
    assert made.list.move(2, -1) == 1
    assert made.texts() == ["Anyone can pass.", "Phones on silent.", "One voice at a time."]
    assert made.status.message == t("safety.moved", text="Phones on silent.", number=2, count=3)


def test_move_down_swaps_with_the_one_below() -> None:
    made = three_chosen()
    assert made.list.move(0, 1) == 1
    assert made.texts() == ["One voice at a time.", "Anyone can pass.", "Phones on silent."]


def test_move_up_at_the_top_stays_and_says_so() -> None:
    made = three_chosen()
    assert made.list.move(0, -1) == 0
    assert made.texts()[0] == "Anyone can pass."
    assert made.status.message == t("safety.at_top", text="Anyone can pass.")


def test_move_down_at_the_bottom_stays_and_says_so() -> None:
    made = three_chosen()
    assert made.list.move(2, 1) == 2
    assert made.status.message == t("safety.at_bottom", text="Phones on silent.")


def test_move_rejects_bad_steps_and_indexes() -> None:
    made = three_chosen()
    with pytest.raises(ValueError):
        made.list.move(1, 2)
    with pytest.raises(IndexError):
        made.list.move(3, -1)


def test_move_buttons_move_their_own_agreement_and_keep_rows() -> None:
    made = three_chosen()
    rows_before = list(made.list.children)
    focused = record_focus([made.list.button(n, "up") for n in range(3)])
    made.list.button(2, "up").click()  # Move up, on the row of "Phones on silent."
    assert made.texts()[1] == "Phones on silent."
    # The same row widgets (not rebuilt), and focus on the moved agreement's Move up button.
    assert list(made.list.children) == rows_before
    assert focused == [made.list.button(1, "up")]
    assert focused[0].tooltip == t("safety.move_up_named", text="Phones on silent.")


def test_moving_renumbers_the_list_and_names_the_buttons() -> None:
    made = three_chosen()
    made.list.move(2, -1)
    assert [row_text(made, n) for n in range(3)] == [
        "1. Anyone can pass.", "2. Phones on silent.", "3. One voice at a time."]
    up = made.list.button(1, "up")
    assert up.description == t("safety.move_up")
    assert up.tooltip == t("safety.move_up_named", text="Phones on silent.")


def test_remove_takes_it_off_and_unticks_its_suggestion() -> None:
    made = three_chosen()
    made.list.remove(1)
    assert made.texts() == ["Anyone can pass.", "Phones on silent."]
    assert made.checkboxes["one-voice"].value is False
    assert made.status.message == t("safety.removed", text="One voice at a time.")


def test_remove_then_tick_again_adds_it_at_the_end() -> None:
    made = three_chosen()
    made.list.remove(0)
    made.choose("pass")
    assert made.texts()[-1] == "Anyone can pass."


def test_clear_starts_again() -> None:
    made = three_chosen()
    made.add_own("Tea first")
    made.clear()
    assert made.agreements == []
    assert not any(box.value for box in made.checkboxes.values())
    # Rows are kept for reuse, but none is shown.
    assert all(row.layout.display == "none" for row in made.list.children)


def test_empty_note_shows_only_when_the_list_is_empty() -> None:
    made = builder()
    assert made.empty_note.layout.display is None
    made.choose("pass")
    assert made.empty_note.layout.display == "none"


def test_poster_has_exactly_the_agreements_in_order_in_large_type() -> None:
    made = three_chosen()
    made.list.remove(1)
    made.add_own("Tea first")
    made.list.move(2, -1)
    handout = made.handout()
    assert handout.large_print is True
    assert handout.title == "Our group agreement"
    assert html_items(handout.to_html()) == ["Anyone can pass.", "Tea first", "Phones on silent."]
    assert markdown_items(handout.to_markdown()) == [
        "Anyone can pass.", "Tea first", "Phones on silent."]
    assert "One voice" not in handout.to_html()


def test_any_change_withdraws_a_prepared_poster() -> None:
    made = three_chosen()
    assert made.download.prepare() is not None
    made.list.move(1, -1)
    assert made.download.links.value == ""
    made.download.prepare()
    made.edit(0, "Changed")
    assert made.download.links.value == ""
    made.download.prepare()
    made.list.remove(0)
    assert made.download.links.value == ""


def test_hostile_and_welsh_text_stays_text() -> None:
    made = builder()
    assert made.add_own(SCRIPT) is True
    assert made.add_own(IMG) is True
    assert made.add_own(WELSH) is True
    handout = made.handout()
    html = handout.to_html()
    assert "<script>" not in html and "<img" not in html
    assert html_items(html) == [SCRIPT, IMG, WELSH]
    markdown = handout.to_markdown()
    assert "\\<script\\>" in markdown and WELSH in markdown
    # On the list the words are escaped, so they show as typed.
    shown = "".join(made.list._rows[n]["view"].value for n in range(3))
    assert "<script>" not in shown and "<img" not in shown
    assert [row_text(made, n) for n in range(3)] == [f"1. {SCRIPT}", f"2. {IMG}", f"3. {WELSH}"]
    tooltip = made.list.button(0, "up").tooltip
    assert tooltip == t("safety.move_up_named", text=SCRIPT)  # a title attribute: text only


def test_extra_suggestions_are_added_after_the_file_ones() -> None:
    made = builder(extra=["Keep to time", "  ", "x" * 500, "one voice at a time.", "Keep to time",
                          "Be kind ŵ"])
    texts = [s.text for s in made.suggestions]
    assert texts == ["Anyone can pass.", "One voice at a time.", "Phones on silent.",
                     "Keep to time", "Be kind ŵ"]
    ids = [s.id for s in made.suggestions]
    assert len(set(ids)) == len(ids)
    made.choose(ids[3])
    assert made.texts() == ["Keep to time"]


def test_agreement_builder_passes_extra_suggestions(assets: Path) -> None:
    path = write_yaml(assets, "safety/agreements.yaml", real("agreements.yaml"))
    made = agreement_builder(path, suggestions=["People keep to time"])
    assert isinstance(made, AgreementBuilder)
    assert made.suggestions[-1].text == "People keep to time"


def test_load_agreements_reads_the_real_file() -> None:
    loaded = AGREEMENTS.load("safety/agreements.yaml")
    assert loaded.title and loaded.intro
    ids = {s.id for s in loaded.suggestions}
    assert {"confidentiality", "limits-of-confidentiality", "right-to-pass", "one-voice",
            "speak-for-yourself", "phones", "arriving-late", "someone-at-risk"} <= ids


@pytest.mark.parametrize(("change", "problem"), [
    (lambda d: d.pop("title"), "needs 'title'"),
    (lambda d: d.update(suggestions=[]), "'suggestions' should be a list"),
    (lambda d: d["suggestions"][0].update(id="Not An Id"), "Suggestion 1 needs an 'id'"),
    (lambda d: d["suggestions"][1].update(id=d["suggestions"][0]["id"]), "repeats the id"),
    (lambda d: d["suggestions"][0].update(text="x" * 201), "longer than 200"),
    (lambda d: d["suggestions"][1].update(text=d["suggestions"][0]["text"]),
     "Suggestion 2 repeats the text"),
])
def test_broken_agreements_file_names_file_and_problem(assets: Path, change, problem) -> None:
    data = real("agreements.yaml")
    change(data)
    path = write_yaml(assets, "safety/agreements.yaml", data)
    error = load_error(lambda: AGREEMENTS.load(path))
    assert error.path.endswith("safety/agreements.yaml")
    assert problem in error.problem
    shown = agreement_builder(path)
    assert isinstance(shown, HTML) and "agreements.yaml" in shown.data


# ======================================================================================
# Venue checklist (the Checklist widget with the chapter's file)
# ======================================================================================


def test_venue_checklist_loads_and_covers_the_toolkit_tips() -> None:
    loaded = CHECKLIST.load("safety/venue-checklist.yaml")
    assert loaded.title == "Venue safety checklist"
    texts = " ".join(i.text + " " + i.detail for s in loaded.sections
                     for i in s.items).casefold()
    for tip in ("safety and confidentiality", "easy to find", "directions", "route",
                "sign", "find the room", "safe for women"):
        assert tip in texts, tip


def test_venue_checklist_prints_ticked_and_empty_boxes() -> None:
    made = Checklist(CHECKLIST.load("safety/venue-checklist.yaml"), basename="venue-checklist")
    made.tick(0, 0)
    items = html_items(made.handout().to_html())
    assert items[0].startswith("☑ ")
    assert all(item.startswith("☐ ") for item in items[1:])
    assert len(items) == made.total


# ======================================================================================
# Facilitator notes
# ======================================================================================


def test_check_in_notes_tell_the_facilitator_what_to_do_with_low_scores() -> None:
    notes = load_activity_notes("safety/facilitator-notes.yaml", "safety-check-in")
    steps = " ".join(notes.steps).casefold()
    assert "low numbers" in steps and "whole room" in steps
    assert "never" in steps  # never read out or follow up individual numbers


@pytest.mark.parametrize("activity", ["group-agreement", "safety-check-in", "venue-checklist",
                                      "human-knot"])
def test_every_activity_has_notes(activity: str) -> None:
    assert load_activity_notes("safety/facilitator-notes.yaml", activity).steps
