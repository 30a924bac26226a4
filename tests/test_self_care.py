"""Tests for chapters.self_care: the self-care wheel and plan, the feelings check-in, the
needs inventory and the facilitator self-care check."""

import copy
import re
from html import unescape
from pathlib import Path

import pytest
import yaml
from conftest import decoded_link, load_error, write_yaml
from IPython.display import HTML

from peer_support import content
from peer_support.chapters import feelings as feelings_module
from peer_support.chapters import self_care
from peer_support.chapters.feelings import CORE_FEELINGS, FeelingsCheckIn, feelings_check_in
from peer_support.chapters.self_care import (
    OWN_IDEA_LIMIT,
    PLAN_NOTE_LIMIT,
    WEEK_LIMIT,
    SelfCarePlan,
    facilitator_check,
    needs_inventory,
    self_care_wheel,
)
from peer_support.i18n import t
from peer_support.kit.choice import PASS
from peer_support.kit.handout import DownloadPanel, Handout
from peer_support.kit.self_check import PROMPT_LIMIT, SelfCheck

WHEEL = "self_care/wheel.yaml"
FEELINGS = "self_care/feelings.yaml"
NEEDS = "self_care/needs.yaml"
CHECK = "self_care/facilitator-check.yaml"
NOTES = "self_care/facilitator-notes.yaml"
REAL = content.ASSETS_DIR
HOSTILE = '<img src=x onerror="alert(1)"><script>alert(2)</script>'
WELSH = "Galw Mam-gu ar ddydd Sul ŵ ŷ 😊"
DOMAINS = ["physical", "psychological", "emotional", "spiritual", "personal", "professional"]


def real(relative: str) -> dict:
    return yaml.safe_load((REAL / relative).read_text(encoding="utf-8"))


def load_wheel(path: str) -> self_care.WheelFile:
    return self_care.WHEEL.load(path)


def load_feelings(path: str) -> feelings_module.FeelingsFile:
    return feelings_module.FEELINGS.load(path)


def load_needs(path: str) -> self_care.NeedsFile:
    return self_care.NEEDS.load(path)


def load_facilitator_check(path: str) -> self_care.FacilitatorCheckFile:
    return self_care.FACILITATOR_CHECK.load(path)


def is_error_block(block: object) -> bool:
    return isinstance(block, HTML) and 'role="alert"' in block.data


def items(html: str) -> list[str]:
    return [unescape(item) for item in re.findall(r"<li>(.*?)</li>", html, re.S)]


def sections(handout) -> dict[str, list[str]]:
    return {section.heading: section.items for section in handout.filled_sections}


def page_blocks(html: str) -> dict[str, list[str]]:
    """A self-check summary on the page: each ``<h4>`` heading with the list under it."""
    return {unescape(heading): items(listed)
            for heading, listed in re.findall(r"<h4>([^<]*)</h4><ul>(.*?)</ul>", html, re.S)}


@pytest.fixture
def plan() -> SelfCarePlan:
    return SelfCarePlan(load_wheel(WHEEL))


# ---------------------------------------------------------------------------
# Content files
# ---------------------------------------------------------------------------


def test_wheel_file_has_the_six_parts_in_order() -> None:
    assert [domain.id for domain in load_wheel(WHEEL).domains] == DOMAINS


def test_wheel_file_every_part_has_free_and_low_energy_ideas() -> None:
    for domain in load_wheel(WHEEL).domains:
        assert any(s.free for s in domain.suggestions), domain.id
        assert any(s.low_energy for s in domain.suggestions), domain.id
        assert any(s.free and s.low_energy for s in domain.suggestions), domain.id


def test_wheel_file_credits_olga_phoenix_and_saakvitne_and_pearlman() -> None:
    credit = load_wheel(WHEEL).credit
    assert "after Olga Phoenix's Self-Care Wheel (adapted from Saakvitne and Pearlman)" in credit


def test_wheel_file_ideas_fit_the_own_idea_limit() -> None:
    lengths = [len(s.text) for d in load_wheel(WHEEL).domains for s in d.suggestions]
    assert max(lengths) <= OWN_IDEA_LIMIT


def test_feelings_file_has_the_six_core_feelings() -> None:
    feelings = load_feelings(FEELINGS).feelings
    assert tuple(f.id for f in feelings) == CORE_FEELINGS
    assert all(len(f.words) >= 4 for f in feelings)


def test_feelings_file_explains_mad_means_angry() -> None:
    assert load_feelings(FEELINGS).feelings[0].label == "Mad (angry)"


def test_needs_file_has_the_seven_confirmed_categories() -> None:
    names = [need.name for need in load_needs(NEEDS).items]
    assert names == ["Connection", "Physical well-being", "Honesty", "Play", "Peace",
                     "Autonomy", "Meaning"]


def test_facilitator_check_file_covers_the_four_areas_asked_for() -> None:
    areas = {area.id for area in load_facilitator_check(CHECK).items}
    assert {"boundaries", "supervision", "debriefs", "availability"} <= areas


@pytest.mark.parametrize("activity", ["self-care-wheel", "feelings-check-in", "needs-inventory",
                                      "facilitator-check", "promoting-self-care"])
def test_facilitator_notes_say_how_to_keep_answers_private_on_a_projector(activity) -> None:
    from peer_support.kit.blocks import load_activity_notes

    notes = load_activity_notes(NOTES, activity)
    text = " ".join(notes.steps + notes.adaptations).lower()
    assert notes.debrief and notes.materials
    assert any(word in text for word in ("screen", "projector", "paper", "no names"))


def test_broken_wheel_file_names_the_file(assets: Path) -> None:
    (assets / WHEEL).write_text("domains: [unclosed", encoding="utf-8")
    error = load_error(lambda: load_wheel(WHEEL))
    assert "self_care/wheel.yaml" in error.path
    assert "not valid YAML" in error.problem


def test_missing_wheel_file_gives_a_calm_block(assets: Path) -> None:
    block = self_care_wheel(WHEEL)
    assert is_error_block(block)
    assert "self_care/wheel.yaml" in block.data


def test_wheel_part_without_a_free_idea_is_refused(assets: Path) -> None:
    data = real(WHEEL)
    for idea in data["domains"][2]["suggestions"]:
        idea["free"] = False
    error = load_error(lambda: load_wheel(write_yaml(assets, WHEEL, data)))
    assert error.problem == "Part 3 needs at least one suggestion marked 'free: true'"


def test_wheel_part_without_a_low_energy_idea_is_refused(assets: Path) -> None:
    data = real(WHEEL)
    for idea in data["domains"][0]["suggestions"]:
        idea.pop("low_energy", None)
    error = load_error(lambda: load_wheel(write_yaml(assets, WHEEL, data)))
    assert "low_energy" in error.problem and "Part 1" in error.problem


def test_wheel_with_five_parts_is_refused(assets: Path) -> None:
    data = real(WHEEL)
    data["domains"] = data["domains"][:5]
    error = load_error(lambda: load_wheel(write_yaml(assets, WHEEL, data)))
    assert "domains" in error.problem


def test_wheel_flag_that_is_not_true_or_false_is_refused(assets: Path) -> None:
    data = real(WHEEL)
    data["domains"][1]["suggestions"][0]["free"] = "yes"
    error = load_error(lambda: load_wheel(write_yaml(assets, WHEEL, data)))
    assert "'free' as true or false" in error.problem


def test_wheel_scale_using_the_pass_id_is_refused(assets: Path) -> None:
    data = real(WHEEL)
    data["scale"][0]["id"] = "pass"
    error = load_error(lambda: load_wheel(write_yaml(assets, WHEEL, data)))
    assert "pass" in error.problem


def test_feelings_file_with_other_core_feelings_is_refused(assets: Path) -> None:
    data = real(FEELINGS)
    data["feelings"][3]["id"] = "glad"
    error = load_error(lambda: load_feelings(write_yaml(assets, FEELINGS, data)))
    assert "six core feelings" in error.problem


def test_needs_file_with_six_needs_is_refused(assets: Path) -> None:
    data = real(NEEDS)
    data["items"].pop()
    error = load_error(lambda: load_needs(write_yaml(assets, NEEDS, data)))
    assert "7" in error.problem and "'items'" in error.problem  # the needs' list in the file


def test_broken_needs_file_breaks_both_exercises_calmly(assets: Path) -> None:
    write_yaml(assets, FEELINGS, real(FEELINGS))
    (assets / NEEDS).write_text("needs: 3\n", encoding="utf-8")
    assert is_error_block(needs_inventory(NEEDS))
    assert is_error_block(feelings_check_in(FEELINGS, NEEDS))


def test_broken_facilitator_check_gives_a_calm_block(assets: Path) -> None:
    data = real(CHECK)
    data["options"] = data["options"][:2]
    block = facilitator_check(write_yaml(assets, CHECK, data))
    assert is_error_block(block)
    assert "facilitator-check.yaml" in block.data


# ---------------------------------------------------------------------------
# 1. The self-care wheel and plan
# ---------------------------------------------------------------------------


def test_notebook_function_gives_the_plan() -> None:
    assert isinstance(self_care_wheel(WHEEL), SelfCarePlan)


def test_plan_rating_a_part_redraws_the_wheel(plan: SelfCarePlan) -> None:
    plan.rate("physical", "mostly")
    wheel = plan.wheel_view.value
    assert 'role="img"' in wheel
    assert "<strong>Physical</strong>: Mostly (4 out of 5)" in wheel
    assert wheel.count('class="pack-wheel-fill"') == 1


def test_plan_passed_part_is_drawn_empty_and_said_in_words(plan: SelfCarePlan) -> None:
    plan.rate("emotional", PASS)
    wheel = plan.wheel_view.value
    assert "<strong>Emotional</strong>: " + t("self_care.no_rating") in wheel
    assert 'class="pack-wheel-fill"' not in wheel


def test_plan_rates_one_part_at_a_time(plan: SelfCarePlan) -> None:
    assert plan.rating.one_at_a_time
    assert "Physical" in plan.rating.deck.card_view.value
    plan.rating.deck.next_button.click()
    assert "Psychological" in plan.rating.deck.card_view.value
    assert plan.rating.deck.position.message == "Part 2 of 6"
    assert plan.rating.deck.next_button.description == "Next part"


def test_plan_rating_and_passing_are_recorded(plan: SelfCarePlan) -> None:
    plan.rate("physical", "hardly")
    plan.rate("spiritual", "well")
    plan.rate("professional", PASS)
    assert plan.rating.score("physical") == 1
    assert plan.rating.score("spiritual") == 5
    assert plan.rating.score("professional") is None
    assert plan.rating.answered() == {"physical": "hardly", "spiritual": "well"}


def test_plan_ticking_an_idea_lists_it_for_the_week(plan: SelfCarePlan) -> None:
    key = plan.idea_key("physical", "Dance to one song you love")
    plan.pick(key)
    assert plan.picked == [key]
    assert [b.description for b in plan.week_box.children] == [
        t("self_care.week_choose", idea="Dance to one song you love", domain="Physical")]


def test_plan_unticking_an_idea_takes_it_off_the_list_and_the_week(plan: SelfCarePlan) -> None:
    key = plan.idea_key("spiritual", "Listen to music that moves you")
    plan.pick(key)
    plan.toggle_week(key)
    plan.pick(key, False)
    assert plan.picked == [] and plan.week == []
    assert "come off this week" in plan.week_status.message


def test_plan_idea_labels_say_free_and_low_energy(plan: SelfCarePlan) -> None:
    key = plan.idea_key("emotional", "Let yourself cry if you need to")
    assert plan.checkboxes[key].description.endswith("(free, low energy)")
    key = plan.idea_key("physical", "Book a health check you have been putting off")
    assert plan.checkboxes[key].description == "Book a health check you have been putting off"


def test_plan_week_takes_up_to_the_limit_and_kindly_refuses_more(plan: SelfCarePlan) -> None:
    keys = [f"{domain}-1" for domain in DOMAINS[:WEEK_LIMIT + 1]]
    for key in keys:
        plan.pick(key)
    assert [plan.toggle_week(key) for key in keys] == [True] * WEEK_LIMIT + [False]
    assert plan.week == keys[:WEEK_LIMIT]
    assert plan.week_status.message == t("self_care.week_full", limit=WEEK_LIMIT)
    assert keys[-1] in plan.picked  # nothing she ticked is lost
    assert WEEK_LIMIT == 3


def test_plan_week_can_be_swapped_after_taking_one_off(plan: SelfCarePlan) -> None:
    keys = [f"{domain}-2" for domain in DOMAINS[:4]]
    for key in keys:
        plan.pick(key)
    for key in keys[:3]:
        plan.toggle_week(key)
    assert plan.toggle_week(keys[0]) is False  # taken off
    assert plan.toggle_week(keys[3]) is True
    assert plan.week == keys[1:4]


def test_plan_week_buttons_show_which_are_chosen(plan: SelfCarePlan) -> None:
    plan.pick("personal-1")
    plan.pick("personal-2")
    plan.week_buttons["personal-2"].click()
    chosen = [b.button_style for b in plan.week_box.children]
    assert chosen == ["", "primary"]
    assert plan.week_buttons["personal-2"].description.startswith("✓ ")


def test_plan_week_toggle_keeps_the_same_button_so_focus_stays(plan: SelfCarePlan) -> None:
    plan.pick("personal-1")
    button = plan.week_buttons["personal-1"]
    plan.toggle_week("personal-1")
    assert plan.week_box.children[0] is button


def test_plan_week_needs_the_idea_ticked_first(plan: SelfCarePlan) -> None:
    with pytest.raises(KeyError):
        plan.toggle_week("physical-1")


def test_plan_own_idea_is_added_ticked(plan: SelfCarePlan) -> None:
    assert plan.add_own("personal", f"  {WELSH}  ") is True
    key = plan.picked[-1]
    assert plan.ideas[key].text == WELSH and plan.ideas[key].own
    assert plan.checkboxes[key].value is True
    assert plan.checkboxes[key] in plan.idea_boxes["personal"].children
    assert plan.own_inputs["personal"].value == ""


@pytest.mark.parametrize("raw, message", [
    ("", "self_care.own_empty"),
    ("   ", "self_care.own_empty"),
])
def test_plan_own_idea_refuses_empty(plan: SelfCarePlan, raw: str, message: str) -> None:
    plan.own_inputs["physical"].value = raw
    assert plan.add_own("physical", raw) is False
    assert plan.own_status["physical"].message == t(message)


def test_plan_own_idea_too_long_keeps_every_character(plan: SelfCarePlan) -> None:
    raw = "x" * 10_000
    plan.own_inputs["physical"].value = raw
    assert plan.add_own("physical", raw) is False
    assert plan.own_inputs["physical"].value == raw
    assert "Nothing has been cut" in plan.own_status["physical"].message
    assert str(OWN_IDEA_LIMIT) in plan.own_status["physical"].message
    assert plan.picked == []


def test_plan_own_idea_duplicate_is_refused(plan: SelfCarePlan) -> None:
    assert plan.add_own("physical", "dance to one song you LOVE") is False
    assert "already on your list" in plan.own_status["physical"].message
    assert plan.add_own("emotional", "Dance to one song you love") is True


def test_plan_handout_holds_exactly_what_she_chose(plan: SelfCarePlan) -> None:
    plan.rate("physical", "mostly")
    plan.rate("emotional", PASS)
    plan.rate("personal", "a-little")
    for key in ("physical-5", "spiritual-1", "professional-2", "personal-1"):
        plan.pick(key)
    plan.add_own("personal", HOSTILE)
    plan.toggle_week("spiritual-1")
    plan.toggle_week("physical-5")
    plan.signs.write(WELSH)
    handout = plan.handout()
    assert isinstance(handout, Handout)
    assert sections(handout) == {
        t("self_care.plan_wheel"): ["Physical: Mostly (4 out of 5)",
                                    "Personal: A little (2 out of 5)"],
        t("self_care.plan_week"): [
            "Spiritual: Sit outside, or by an open window, for five minutes",
            "Physical: Walk to the end of the road and back"],
        t("self_care.plan_ideas"): [
            "Personal: Write down three things you like about yourself",
            f"Personal: {HOSTILE}",
            "Professional: Turn off message alerts outside the hours you have set"],
        "My early warning signs": [WELSH],
    }


def test_plan_handout_leaves_out_passed_parts_everywhere(plan: SelfCarePlan) -> None:
    plan.rate("physical", "well")
    plan.rate("emotional", PASS)
    plan.rate("spiritual", PASS)
    page = plan.handout().to_html()
    assert "Emotional" not in page and "Spiritual" not in page
    assert "Physical" in page
    assert "passed" not in page.lower()


def test_plan_handout_wheel_has_only_the_rated_parts(plan: SelfCarePlan) -> None:
    plan.rate("physical", "well")
    plan.rate("personal", "hardly")
    plan.rate("professional", PASS)
    handout = plan.handout()
    assert handout.figure.count('class="pack-wheel-segment"') == 2
    assert 'class="pack-wheel-passed"' not in handout.figure
    assert 'role="img"' in handout.figure


def test_plan_handout_without_ratings_has_no_wheel(plan: SelfCarePlan) -> None:
    plan.pick("physical-1")
    handout = plan.handout()
    assert handout.figure == ""
    assert "<svg" not in handout.to_html()


def test_plan_empty_offers_nothing_to_download(plan: SelfCarePlan) -> None:
    plan.rate("physical", PASS)
    plan.signs.write("   ")
    assert plan.download.prepare() is None
    assert plan.download.status.message == t("handout.nothing")


def test_plan_download_shows_hostile_text_as_text(plan: SelfCarePlan) -> None:
    plan.rate("physical", "somewhat")
    plan.add_own("physical", HOSTILE)
    plan.contacts.write(HOSTILE)
    plan.download.prepare()
    page = decoded_link(plan.download.links.value, "html")
    markdown = decoded_link(plan.download.links.value, "markdown")
    assert "<script>" not in page and "<img" not in page
    assert items(page).count(HOSTILE) == 1
    assert items(page).count("Physical: " + HOSTILE) == 1
    assert "\\<script\\>" in markdown


def test_plan_download_html_prints_on_a4_with_the_wheel(plan: SelfCarePlan) -> None:
    plan.rate("physical", "mostly")
    page = plan.handout().to_html()
    assert "@page { size: A4; margin: 12mm; }" in page
    assert page.index('class="pack-plan-wheel"') < page.index("<h2>")
    assert page.count("</style>") == 1


def test_plan_notes_too_long_hold_back_the_download_and_keep_the_text(plan: SelfCarePlan) -> None:
    long = "y" * (PLAN_NOTE_LIMIT + 1)
    plan.rate("physical", "mostly")
    plan.signs.write(long)
    assert plan.handout() == t("handout.waiting")
    assert plan.download.prepare() is None
    assert plan.signs.text_area.value == long


def test_plan_changes_withdraw_an_old_download(plan: SelfCarePlan) -> None:
    plan.rate("physical", "mostly")
    plan.download.prepare()
    assert plan.download.links.value
    plan.rate("physical", "well")
    assert plan.download.links.value == ""
    plan.download.prepare()
    plan.pick("physical-1")
    assert plan.download.links.value == ""
    plan.download.prepare()
    plan.contacts.write("Jo")
    assert plan.download.links.value == ""


def test_plan_clear_forgets_everything_including_her_own_ideas(plan: SelfCarePlan) -> None:
    plan.rate("physical", "mostly")
    plan.pick("physical-1")
    plan.toggle_week("physical-1")
    plan.add_own("physical", "My own thing")
    plan.signs.write("tired")
    plan.clear()
    assert plan.rating.answered() == {}
    assert plan.picked == [] and plan.week == []
    assert not any(idea.own for idea in plan.ideas.values())
    suggestions = load_wheel(WHEEL).domains[0].suggestions
    assert len(plan.idea_boxes["physical"].children) == len(suggestions)
    assert plan.signs.text_area.value == ""
    assert plan.handout().item_count == 0
    assert plan.status.message == t("self_care.plan_cleared")


def test_plan_buttons_and_boxes_do_the_work() -> None:
    plan = SelfCarePlan(load_wheel(WHEEL))
    plan.rating.scale.buttons["well"].click()  # the first part, Physical, is on show
    plan.checkboxes["physical-2"].value = True
    plan.own_inputs["emotional"].value = "Sing in the kitchen"
    panel = [w for w in plan.children if "qa-self-care-domain-emotional" in w._dom_classes][0]
    [b for b in panel.children if "qa-self-care-add-own" in b._dom_classes][0].click()
    plan.week_buttons["physical-2"].click()
    assert sections(plan.handout())[t("self_care.plan_week")] == [
        "Physical: Go to bed half an hour earlier one night this week"]
    assert "Emotional: Sing in the kitchen" in sections(plan.handout())[t("self_care.plan_ideas")]


# ---------------------------------------------------------------------------
# 2. The feelings check-in
# ---------------------------------------------------------------------------


@pytest.fixture
def check_in() -> FeelingsCheckIn:
    return FeelingsCheckIn(load_feelings(FEELINGS), load_needs(NEEDS))


def test_check_in_starts_with_only_the_core_feelings(check_in: FeelingsCheckIn) -> None:
    assert check_in.word_area.children == ()
    assert check_in.need_scale.layout.display == "none"
    assert list(check_in.core.buttons) == [*CORE_FEELINGS, PASS]


def test_check_in_core_feeling_shows_its_words(check_in: FeelingsCheckIn) -> None:
    check_in.core.buttons["scared"].click()
    shown = check_in.word_area.children[0]
    assert [label for _, label in shown.options][:-1] == load_feelings(FEELINGS).feelings[2].words
    assert "you chose scared" in check_in.reflection().lower()


def test_check_in_word_then_need_are_put_back_gently(check_in: FeelingsCheckIn) -> None:
    check_in.choose_feeling("peaceful")
    check_in.choose_word("Settled")
    assert check_in.need_scale.layout.display is None
    check_in.choose_need("peace")
    assert check_in.reflection() == " ".join([
        t("self_care.feelings_word", word="Settled", feeling="peaceful"),
        t("self_care.feelings_need", need="Peace"),
        t("self_care.feelings_allowed")])


def test_check_in_passing_the_need_leaves_it_out(check_in: FeelingsCheckIn) -> None:
    check_in.choose_feeling("mad")
    check_in.choose_word("Fed up")
    check_in.choose_need(PASS)
    assert "need" not in check_in.reflection().lower()
    assert "mad (angry)" in check_in.reflection()


def test_check_in_passing_the_core_feeling_is_fine(check_in: FeelingsCheckIn) -> None:
    check_in.choose_feeling(PASS)
    assert check_in.reflection() == t("self_care.feelings_passed")
    assert check_in.word_area.children == ()
    with pytest.raises(ValueError):
        check_in.choose_word("Low")


def test_check_in_passing_the_word_still_offers_the_need(check_in: FeelingsCheckIn) -> None:
    check_in.choose_feeling("sad")
    check_in.choose_word(PASS)
    assert check_in.reflection().startswith(t("self_care.feelings_chose_only", feeling="sad"))
    assert check_in.need_scale.layout.display is None


def test_check_in_new_core_feeling_forgets_the_old_word_and_need(check_in: FeelingsCheckIn) -> None:
    check_in.choose_feeling("sad")
    check_in.choose_word("Low")
    check_in.choose_need("connection")
    check_in.choose_feeling("joyful")
    assert (check_in.word, check_in.need) == (None, None)
    assert check_in.word_area.children[0].choice is None
    assert check_in.need_scale.layout.display == "none"


def test_check_in_start_again_forgets_everything(check_in: FeelingsCheckIn) -> None:
    check_in.choose_feeling("sad")
    check_in.choose_word("Low")
    check_in.restart_button.click()
    assert (check_in.feeling, check_in.word, check_in.need) == (None, None, None)
    assert check_in.core.choice is None
    assert check_in.word_area.children == ()
    assert check_in.status.message == t("self_care.feelings_restarted")


def test_check_in_keeps_nothing_and_offers_no_download(check_in: FeelingsCheckIn) -> None:
    assert check_in.download is None
    assert not any(isinstance(child, DownloadPanel) for child in check_in.children)
    assert check_in.handout() == ""


def test_check_in_shows_words_from_the_file_as_text(assets: Path) -> None:
    feelings = real(FEELINGS)
    feelings["feelings"][0]["words"][0] = HOSTILE[:40]
    write_yaml(assets, FEELINGS, feelings)
    write_yaml(assets, NEEDS, real(NEEDS))
    check_in = feelings_check_in(FEELINGS, NEEDS)
    check_in.choose_feeling("mad")
    check_in.choose_word(HOSTILE[:40])
    assert "<script>" not in check_in.summary.value
    assert "&lt;script&gt;" in check_in.summary.value


# ---------------------------------------------------------------------------
# 3. The needs inventory
# ---------------------------------------------------------------------------


NEEDS_FILE = load_needs(NEEDS)
#: The heading of the needs file's block of gentle questions (its "actions" block).
QUESTIONS_HEADING = next(b.heading for b in NEEDS_FILE.summary if b.show == "actions")


@pytest.fixture
def inventory() -> SelfCheck:
    built = needs_inventory(NEEDS)
    assert isinstance(built, SelfCheck)
    return built


def test_inventory_summary_is_clearly_not_a_diagnosis(inventory: SelfCheck) -> None:
    assert NEEDS_FILE.summary_note in unescape(inventory.summary_view.value)
    assert "not a test" in NEEDS_FILE.handout_intro and "diagnosis" in NEEDS_FILE.handout_intro


def test_inventory_marks_and_groups_needs(inventory: SelfCheck) -> None:
    inventory.rate("connection", "met")
    inventory.rate("play", "partly")
    inventory.rate("peace", "not-met")
    inventory.rate("meaning", PASS)
    assert inventory.blocks()[:3] == [("Met", ["Connection"]), ("Partly met", ["Play"]),
                                      ("Not met", ["Peace"])]
    summary = unescape(inventory.summary_view.value)
    assert page_blocks(inventory.summary_view.value)["Met"] == ["Connection"]
    assert "Meaning" not in summary


def test_inventory_questions_only_for_needs_below_met(inventory: SelfCheck) -> None:
    inventory.rate("connection", "met")
    inventory.rate("autonomy", "partly")
    inventory.rate("honesty", "not-met")
    inventory.rate("peace", PASS)
    assert dict(inventory.blocks())[QUESTIONS_HEADING] == [
        "Honesty: Is there somewhere you could be a little more yourself, safely?",
        "Autonomy: What is one small choice that is yours to make this week?"]


def test_inventory_download_holds_exactly_the_answers(inventory: SelfCheck) -> None:
    inventory.rate("play", "met")
    inventory.rate("peace", "not-met")
    inventory.rate("meaning", PASS)
    assert sections(inventory.handout()) == {
        "Met": ["Play"],
        "Not met": ["Peace"],
        QUESTIONS_HEADING: [
            "Peace: Where, or when, do you feel even slightly calmer?"],
    }
    inventory.download.prepare()
    page = decoded_link(inventory.download.links.value, "html")
    assert "Meaning" not in page
    assert "not a test or a diagnosis" in page


def test_inventory_all_passed_offers_nothing(inventory: SelfCheck) -> None:
    for need in NEEDS_FILE.items:
        inventory.rate(need.id, PASS)
    assert inventory.download.prepare() is None
    assert NEEDS_FILE.summary_empty in unescape(inventory.summary_view.value)


def test_inventory_change_withdraws_old_download(inventory: SelfCheck) -> None:
    inventory.rate("play", "met")
    inventory.download.prepare()
    inventory.rate("play", "partly")
    assert inventory.download.links.value == ""


def test_inventory_clear_forgets_the_answers(inventory: SelfCheck) -> None:
    inventory.rate("play", "met")
    inventory.clear_button.click()
    assert inventory.ratings.answered() == {}
    assert inventory.handout().item_count == 0


def test_inventory_buttons_mark_the_need_on_show(inventory: SelfCheck) -> None:
    for _ in range(5):
        inventory.ratings.deck.next_button.click()
    assert inventory.ratings.deck.card_view.value.count("Autonomy") == 1
    inventory.ratings.scale.buttons["partly"].click()
    assert inventory.ratings.answered() == {"autonomy": "partly"}
    assert inventory.ratings.deck.next_button.description == "Next need"


# ---------------------------------------------------------------------------
# 4. The facilitator self-care check
# ---------------------------------------------------------------------------


@pytest.fixture
def check() -> SelfCheck:
    built = facilitator_check(CHECK)
    assert isinstance(built, SelfCheck)
    return built


def test_check_card_groups_areas_and_keeps_her_words(check: SelfCheck) -> None:
    check.rate("boundaries", "in-place")
    check.rate("availability", "not-yet")
    check.rate("debriefs", "partly")
    check.rate("supervision", PASS)
    check.write(1, WELSH)
    check.write(4, HOSTILE)
    card = check.handout()
    # The card's headings are the file's summary blocks, one for each answer.
    heading = {block.options[0]: block.heading
               for block in load_facilitator_check(CHECK).summary}
    assert card.title == "Keeping myself well while I support others"
    assert sections(card) == {
        heading["in-place"]: ["Boundaries"],
        heading["partly"]: ["Debriefs"],
        heading["not-yet"]: ["Availability"],
        "When I'm available to the group": [WELSH],
        "One thing I'll do this month to keep myself well": [HOSTILE],
    }


def test_check_card_leaves_out_passes_and_empty_boxes(check: SelfCheck) -> None:
    check.rate("triggers", PASS)
    check.write(0, "   ")
    assert check.handout().item_count == 0
    assert check.download.prepare() is None


def test_check_card_download_shows_hostile_text_as_text(check: SelfCheck) -> None:
    check.write(0, HOSTILE)
    check.download.prepare()
    page = decoded_link(check.download.links.value, "html")
    assert "<script>" not in page
    assert items(page) == [HOSTILE]


def test_check_too_long_answer_holds_back_the_card_and_keeps_text(check: SelfCheck) -> None:
    long = "z" * ((load_facilitator_check(CHECK).prompt_limit or PROMPT_LIMIT) + 5)
    check.write(2, long)
    assert check.handout() == t("handout.waiting")
    assert check.boxes[2].text_area.value == long


def test_check_change_withdraws_old_download(check: SelfCheck) -> None:
    check.rate("boundaries", "partly")
    check.download.prepare()
    check.rate("boundaries", "in-place")
    assert check.download.links.value == ""


def test_check_clear_forgets_everything(check: SelfCheck) -> None:
    check.rate("boundaries", "partly")
    check.write(0, "no lending")
    check.clear_button.click()
    assert check.ratings.answered() == {}
    assert all(box.text_area.value == "" for box in check.boxes)
    assert check.status.message == t("self_check.cleared")


def test_real_files_are_not_changed_by_tests() -> None:
    before = copy.deepcopy(real(WHEEL))
    SelfCarePlan(load_wheel(WHEEL)).clear()
    assert real(WHEEL) == before
