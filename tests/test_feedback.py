"""Tests for kit.feedback: the anonymous feedback form, whose totals wait for a threshold
(used by the Evaluation chapter)."""

import re
from html import unescape
from pathlib import Path

import pytest
import yaml
from conftest import decoded_link, load_error, write_yaml
from IPython.display import HTML

from peer_support import content
from peer_support.i18n import t
from peer_support.kit.choice import PASS
from peer_support.kit.feedback import FEEDBACK as FEEDBACK_KIND
from peer_support.kit.feedback import FeedbackFile, FeedbackForm, feedback_form

REAL = content.ASSETS_DIR
FEEDBACK = "evaluation/feedback.yaml"
REAL_FEEDBACK = yaml.safe_load((REAL / FEEDBACK).read_text(encoding="utf-8"))
SCRIPT = "<script>alert(1)</script>"
IMG = '<img src=x onerror="alert(1)">'
WELSH = "Grŵp Merched y Cwm ŷ 😊"


def copy(data: dict) -> dict:
    return yaml.safe_load(yaml.safe_dump(data, allow_unicode=True))


def load_feedback(path: str) -> FeedbackFile:
    return FEEDBACK_KIND.load(path)


def sections(handout) -> dict[str, list[str]]:
    return {section.heading: section.items for section in handout.filled_sections}


# ==== the feedback form ============================================================


def form(threshold: int | None = None) -> FeedbackForm:
    loaded = load_feedback(FEEDBACK)
    if threshold is not None:
        loaded = type(loaded)(loaded.title, loaded.intro, threshold, loaded.threshold_reason,
                              loaded.questions)
    return FeedbackForm(loaded)


def add(built: FeedbackForm, **answers: str) -> bool:
    for question, option in answers.items():
        built.answer(question, option)
    return built.add_answers()


def test_real_feedback_file_threshold_is_five_and_explained() -> None:
    loaded = load_feedback(FEEDBACK)
    assert loaded.threshold == 5
    assert "5" in loaded.threshold_reason


@pytest.mark.parametrize("threshold", [2, 0, -1, 31, "5", True, None, 4.5])
def test_feedback_bad_threshold_names_file(assets: Path, threshold) -> None:
    data = copy(REAL_FEEDBACK)
    data["threshold"] = threshold
    error = load_error(lambda: load_feedback(write_yaml(assets, FEEDBACK, data)))
    assert error.path.endswith("feedback.yaml")
    assert "'threshold'" in error.problem


def test_feedback_option_named_pass_is_refused(assets: Path) -> None:
    data = copy(REAL_FEEDBACK)
    data["questions"][0]["options"][0]["id"] = "pass"
    error = load_error(lambda: load_feedback(write_yaml(assets, FEEDBACK, data)))
    assert "'pass'" in error.problem


def test_feedback_question_with_one_option_names_file(assets: Path) -> None:
    data = copy(REAL_FEEDBACK)
    data["questions"][1]["options"] = data["questions"][1]["options"][:1]
    error = load_error(lambda: load_feedback(write_yaml(assets, FEEDBACK, data)))
    assert "Question 2's 'options'" in error.problem


def test_feedback_form_broken_file_returns_error_block(assets: Path) -> None:
    write_yaml(assets, FEEDBACK, {"title": "x"})
    block = feedback_form(FEEDBACK)
    assert isinstance(block, HTML)
    assert "feedback.yaml" in block.data


def test_feedback_every_question_can_be_passed() -> None:
    built = form()
    for scale in built.scales.values():
        assert PASS in scale.buttons


def test_feedback_add_clears_form_for_next_person() -> None:
    built = form()
    built.answer("welcome", "yes")
    built.answer("safe", "partly")
    assert built.add_answers()
    assert built.form_answers() == {qid: None for qid in built.scales}
    assert built.responses == 1
    assert built.status.message == t("feedback.added", count=1)
    assert all(button.button_style == "" for scale in built.scales.values()
               for button in scale.buttons.values())


def test_feedback_add_button_adds() -> None:
    built = form()
    built.scales["welcome"].buttons["no"].click()
    built.add_button.click()
    assert built.responses == 1


def test_feedback_blank_form_can_be_added() -> None:
    built = form()
    assert built.add_answers()
    assert built.status.message == t("feedback.added_empty", count=1)


def test_feedback_clear_form_adds_nothing() -> None:
    built = form()
    built.answer("welcome", "yes")
    built.form_clear_button.click()
    assert built.form_answers()["welcome"] is None
    assert built.responses == 0


def test_feedback_totals_hidden_below_threshold() -> None:
    built = form()
    for _ in range(4):
        add(built, welcome="yes")
    assert built.show_totals() is False
    assert built.totals() is None
    assert built.totals_view.value == ""
    assert built.totals_status.message == t("feedback.too_few", count=4,
                                            threshold=5, more=1)
    assert built.handout() == t("feedback.not_yet", threshold=5)
    assert built.download.prepare() is None


def test_feedback_totals_shown_at_threshold() -> None:
    built = form()
    for option in ["yes", "yes", "partly", "no", "yes"]:
        add(built, welcome=option, again="maybe")
    assert built.show_totals()
    totals = built.totals()
    assert totals["welcome"] == {"yes": 3, "partly": 1, "no": 1}
    assert totals["again"] == {"yes": 0, "maybe": 5, "no": 0}
    assert totals["safe"] is None  # nobody answered it
    view = unescape(built.totals_view.value)
    assert "Yes</strong>: 3 out of 5" in view
    assert t("feedback.hidden", threshold=5) in view


def test_feedback_question_answered_by_too_few_stays_hidden() -> None:
    built = form()
    for number in range(6):
        add(built, welcome="yes", **({"safe": "no"} if number < 4 else {}))
    built.show_totals()
    assert built.totals()["welcome"] == {"yes": 6, "partly": 0, "no": 0}
    assert built.totals()["safe"] is None


def test_feedback_passes_are_not_counted_as_answers() -> None:
    built = form()
    for _ in range(5):
        add(built, welcome=PASS, useful="a-lot")
    built.show_totals()
    assert built.totals()["welcome"] is None
    assert built.totals()["useful"]["a-lot"] == 5


def test_feedback_showing_totals_closes_the_round() -> None:
    built = form()
    for _ in range(5):
        add(built, welcome="yes")
    built.show_totals()
    assert add(built, welcome="no") is False
    assert built.responses == 5
    assert built.totals()["welcome"]["no"] == 0
    assert built.status.message == t("feedback.closed")


def test_feedback_export_has_totals_only() -> None:
    built = form()
    for option in ["yes", "no", "partly", "yes", "yes"]:
        add(built, welcome=option, length="about-right")
    built.show_totals()
    found = sections(built.handout())
    assert found["Did you feel welcome today?"] == ["Yes: 3 of 5", "Partly: 1 of 5", "No: 1 of 5"]
    assert found["How was the length of the session?"] == [
        "Too short: 0 of 5", "About right: 5 of 5", "Too long: 0 of 5"]
    assert found["Would you come again?"] == [t("feedback.hidden", threshold=5)]
    built.download.prepare_button.click()
    assert 'download="feedback-totals.html"' in built.download.links.value
    items = re.findall(r"<li>(.*?)</li>", decoded_link(built.download.links.value, "html"))
    assert all(re.fullmatch(r".+: \d+ of \d+", item) or "Fewer than" in item for item in items)


def test_feedback_keeps_no_individual_responses() -> None:
    built = form()
    add(built, welcome="yes", safe="no")
    add(built, welcome="no", safe="yes")
    # The Exercise base's change listeners (functions, not answers) are the only list allowed.
    assert all(callable(listener) for listener in built._listeners)
    stored = [value for name, value in vars(built).items()
              if isinstance(value, list) and name != "_listeners"]
    assert stored == []
    assert built._counts["welcome"] == {"yes": 1, "partly": 0, "no": 1}


def test_feedback_new_round_button_asks_first_then_clears() -> None:
    built = form()
    for _ in range(5):
        add(built, welcome="yes")
    built.show_totals()
    built.new_round_button.click()
    assert built.responses == 5
    assert built.totals_status.message == t("feedback.new_round_confirm")
    built.new_round_button.click()
    assert built.responses == 0
    assert built.finished is False
    assert built.totals_view.value == ""
    assert built.totals() is None
    assert add(built, welcome="no")


def test_feedback_new_round_confirmation_resets_after_other_action() -> None:
    built = form()
    add(built, welcome="yes")
    built.new_round_button.click()
    add(built, welcome="yes")
    built.new_round_button.click()
    assert built.responses == 2


def test_feedback_threshold_comes_from_content() -> None:
    built = form(threshold=3)
    for _ in range(3):
        add(built, welcome="yes")
    assert built.show_totals()


def test_feedback_add_button_moves_focus_to_first_question(monkeypatch) -> None:
    built = form()
    focused = []
    monkeypatch.setattr(built.scales["welcome"], "focus_first", lambda: focused.append(1))
    built.add_button.click()
    assert focused == [1]


