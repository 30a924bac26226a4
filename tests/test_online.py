"""Tests for chapters.online (the format chooser) and the Online chapter's content files,
including its safety checklist, which uses kit.checklist."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml
from conftest import load_error, write_yaml
from IPython.display import HTML

from peer_support import content
from peer_support.chapters.online import (
    CHOOSER,
    MAX_SCORE,
    ChooserContent,
    Effect,
    Format,
    FormatChooser,
    Option,
    Question,
    band,
    format_chooser,
    suggest,
)
from peer_support.i18n import t
from peer_support.kit.blocks import load_activity_notes
from peer_support.kit.checklist import CHECKLIST, TICKED, UNTICKED, Checklist, checklist
from peer_support.kit.choice import PASS

CHOOSER_FILE = "online/format-chooser.yaml"
CHECKLIST_FILE = "online/safety-checklist.yaml"
NOTES_FILE = "online/facilitator-notes.yaml"
REAL_CHOOSER = yaml.safe_load((content.ASSETS_DIR / CHOOSER_FILE).read_text(encoding="utf-8"))
SCRIPT = "<script>alert(1)</script>"
WELSH = "Nodiadau ŵ ŷ 😊"


def write(assets: Path, data: object) -> str:
    return write_yaml(assets, CHOOSER_FILE, data)


def real() -> ChooserContent:
    return CHOOSER.load(CHOOSER_FILE)


def bands(chooser: FormatChooser) -> dict[str, str]:
    return {s.format.id: s.band for s in chooser.suggestions()}


# ---- the chooser's content file ----


def test_chooser_real_file_has_the_four_formats_and_questions() -> None:
    loaded = real()
    assert [f.id for f in loaded.formats] == ["phone", "messaging", "video", "in-person"]
    assert [q.id for q in loaded.questions] == ["access", "literacy", "privacy", "confidence"]
    assert "camera" in loaded.formats[2].name.lower()


def test_chooser_real_file_every_option_gives_a_reason() -> None:
    for question in real().questions:
        for option in question.options:
            assert option.effects and all(effect.reason for effect in option.effects)


def test_chooser_effect_naming_unknown_format_names_file(assets: Path) -> None:
    data = copy.deepcopy(REAL_CHOOSER)
    data["questions"][1]["options"][0]["effects"][0]["format"] = "carrier-pigeon"
    error = load_error(lambda: CHOOSER.load(write(assets, data)))
    assert error.path.endswith(CHOOSER_FILE)
    assert "Question 2, option 1, effect 1" in error.problem


@pytest.mark.parametrize("score", [MAX_SCORE + 1, -MAX_SCORE - 1, "2", 1.5, True, None])
def test_chooser_bad_score_names_file(assets: Path, score) -> None:
    data = copy.deepcopy(REAL_CHOOSER)
    data["questions"][0]["options"][0]["effects"][0]["score"] = score
    error = load_error(lambda: CHOOSER.load(write(assets, data)))
    assert "'score'" in error.problem


def test_chooser_option_may_not_be_called_pass(assets: Path) -> None:
    data = copy.deepcopy(REAL_CHOOSER)
    data["questions"][0]["options"][0]["id"] = "pass"
    error = load_error(lambda: CHOOSER.load(write(assets, data)))
    assert "'pass'" in error.problem


def test_chooser_missing_reason_names_file(assets: Path) -> None:
    data = copy.deepcopy(REAL_CHOOSER)
    del data["questions"][3]["options"][2]["effects"][0]["reason"]
    error = load_error(lambda: CHOOSER.load(write(assets, data)))
    assert "'reason'" in error.problem


def test_format_chooser_broken_file_gives_calm_error_block(assets: Path) -> None:
    (assets / CHOOSER_FILE).write_text("questions: {", encoding="utf-8")
    block = format_chooser(CHOOSER_FILE)
    assert isinstance(block, HTML) and 'role="alert"' in block.data
    assert CHOOSER_FILE in block.data


# ---- the suggestion logic ----


@pytest.mark.parametrize(("score", "expected"), [
    (-4, "careful"), (-1, "careful"), (0, "try"), (1, "try"), (2, "strong"), (8, "strong"),
])
def test_band_thresholds(score: int, expected: str) -> None:
    assert band(score) == expected


def tiny() -> ChooserContent:
    formats = [Format("a", "A", "a"), Format("b", "B", "b")]
    q1 = Question("q1", "Q1?", [
        Option("yes", "Yes", [Effect("a", 2, "a likes yes"), Effect("b", -1, "b dislikes yes")]),
        Option("no", "No", [Effect("b", 1, "b likes no")])])
    q2 = Question("q2", "Q2?", [
        Option("yes", "Yes", [Effect("a", -1, "a dislikes q2")]),
        Option("no", "No", [Effect("b", 2, "b likes q2 no")])])
    return ChooserContent("intro", formats, [q1, q2])


def test_suggest_with_no_answers_or_only_passes_is_empty() -> None:
    assert suggest(tiny(), {}) == []
    assert suggest(tiny(), {"q1": PASS, "q2": PASS}) == []
    assert suggest(tiny(), {"q1": None}) == []


def test_suggest_adds_scores_and_collects_reasons_in_order() -> None:
    result = {s.format.id: s for s in suggest(tiny(), {"q1": "yes", "q2": "yes"})}
    assert result["a"].score == 1 and result["a"].band == "try"
    assert result["a"].reasons == ["a likes yes", "a dislikes q2"]
    assert result["b"].score == -1 and result["b"].band == "careful"


def test_suggest_ignores_passed_questions() -> None:
    with_pass = suggest(tiny(), {"q1": "yes", "q2": PASS})
    without = suggest(tiny(), {"q1": "yes"})
    assert with_pass == without
    assert {s.format.id: s.band for s in with_pass} == {"a": "strong", "b": "careful"}


def test_suggest_format_untouched_by_answers_has_no_reasons() -> None:
    result = {s.format.id: s for s in suggest(tiny(), {"q1": "no"})}
    assert result["a"].score == 0 and result["a"].reasons == []


def test_suggest_unknown_option_raises() -> None:
    with pytest.raises(KeyError):
        suggest(tiny(), {"q1": "maybe"})


def test_real_content_low_access_group_is_steered_from_video_to_phone_and_in_person() -> None:
    chooser = FormatChooser(real())
    for question, option in [("access", "few"), ("literacy", "hard"), ("privacy", "few"),
                             ("confidence", "low")]:
        chooser.answer(question, option)
    assert bands(chooser) == {"phone": "strong", "messaging": "try", "video": "careful",
                              "in-person": "strong"}


def test_real_content_confident_connected_group_gets_video_and_messaging() -> None:
    chooser = FormatChooser(real())
    for question, option in [("access", "most"), ("literacy", "easy"), ("privacy", "most"),
                             ("confidence", "high")]:
        chooser.answer(question, option)
    result = bands(chooser)
    assert result["video"] == "strong" and result["messaging"] == "strong"


def test_real_content_no_private_space_marks_video_careful_with_the_toolkit_reason() -> None:
    chooser = FormatChooser(real())
    chooser.answer("privacy", "few")
    video = next(s for s in chooser.suggestions() if s.format.id == "video")
    assert video.band == "careful"
    assert any("private space" in reason for reason in video.reasons)


# ---- the chooser widget ----


def test_chooser_every_question_offers_pass() -> None:
    chooser = FormatChooser(real())
    for scale in chooser.scales.values():
        assert PASS in scale.buttons


def test_chooser_shows_a_prompt_until_something_is_answered() -> None:
    chooser = FormatChooser(real())
    assert t("online.no_answers") in chooser.result.value
    chooser.answer("access", PASS)
    assert t("online.no_answers") in chooser.result.value
    chooser.answer("confidence", "low")
    assert "Phone calls: a strong fit" in chooser.result.value
    assert t("online.passed_note") in chooser.result.value


def test_chooser_buttons_answer_the_question() -> None:
    chooser = FormatChooser(real())
    chooser.scales["access"].buttons["most"].click()
    assert chooser.answers["access"] == "most"
    assert "Video calls, with cameras optional: a strong fit" in chooser.result.value


def test_chooser_handout_leaves_out_passed_questions() -> None:
    chooser = FormatChooser(real())
    chooser.answer("access", "few")
    chooser.answer("literacy", PASS)
    chooser.answer("privacy", "some")
    handout = chooser.handout()
    answers = handout.filled_sections[0].items
    assert len(answers) == 2
    assert answers[0].endswith("Our answer: Few of them.")
    assert all("reading and writing" not in answer for answer in answers)
    assert handout.filled_sections[1].heading == t("online.try_first_heading")
    assert handout.filled_sections[1].items == ["Phone calls", "Messaging", "Meeting in person"]
    headings = [section.heading for section in handout.filled_sections]
    assert "Video calls, with cameras optional: go carefully, with another way in" in headings


def test_chooser_handout_is_empty_when_everything_is_passed() -> None:
    chooser = FormatChooser(real())
    for question in chooser.scales:
        chooser.answer(question, PASS)
    assert chooser.download.prepare() is None
    assert chooser.download.status.message == t("handout.nothing")


def test_chooser_clear_forgets_answers_and_withdraws_download() -> None:
    chooser = FormatChooser(real())
    chooser.answer("access", "few")
    chooser.download.prepare()
    assert chooser.download.links.value
    chooser.clear()
    assert set(chooser.answers.values()) == {None}
    assert chooser.download.links.value == ""
    assert chooser.status.message == t("online.cleared")


def test_chooser_changing_an_answer_withdraws_download() -> None:
    chooser = FormatChooser(real())
    chooser.answer("access", "few")
    chooser.download.prepare()
    chooser.answer("access", "most")
    assert chooser.download.links.value == ""


# ---- the safety checklist and notes ----


def test_safety_checklist_loads_with_the_topics_the_chapter_promises() -> None:
    loaded = CHECKLIST.load(CHECKLIST_FILE)
    title, intro, sections = loaded.title, loaded.intro, loaded.sections
    assert title == "Online session safety checklist" and intro
    text = " ".join(item.text + " " + item.detail for s in sections for item in s.items).lower()
    for topic in ("waiting room", "link", "records", "screenshots", "camera", "safe word",
                  "goes silent", "999", "safeguarding"):
        assert topic in text
    headings = [s.heading for s in sections]
    assert "If someone goes silent or drops out" in headings
    assert "If someone tells you she is at risk" in headings


def test_safety_checklist_names_no_video_platform() -> None:
    raw = (content.ASSETS_DIR / CHECKLIST_FILE).read_text(encoding="utf-8").lower()
    for platform in ("zoom", "teams", "google meet", "skype", "whatsapp", "facetime"):
        assert platform not in raw


def test_safety_checklist_prints_ticks_and_notes_as_text() -> None:
    widget = checklist(CHECKLIST_FILE, basename="online-session-checklist")
    assert isinstance(widget, Checklist)
    widget.tick(0, 0)
    widget.notes.write(f"{SCRIPT} {WELSH}")
    handout = widget.handout()
    first = handout.filled_sections[0].items
    assert first[0].startswith(f"{TICKED} Turn on a waiting room")
    assert first[1].startswith(UNTICKED)
    page = handout.to_html()
    assert "<script>" not in page and WELSH in page


@pytest.mark.parametrize("activity", ["online-agreement", "format-chooser", "safety-checklist"])
def test_facilitator_notes_load(activity: str) -> None:
    notes = load_activity_notes(NOTES_FILE, activity)
    assert notes.steps and notes.debrief and notes.adaptations
