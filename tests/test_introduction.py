"""Tests for chapters.introduction: the "Where do I start?" route finder."""

import base64
import re
import shutil
from pathlib import Path

import pytest
import yaml
from IPython.display import HTML

from peer_support import content
from peer_support.chapters.introduction import (
    MOST_CHAPTERS,
    RouteFinder,
    chapter_number,
    load_route_guide,
    where_to_start,
)
from peer_support.i18n import t
from peer_support.kit.blocks import load_activity_notes, load_chapters
from peer_support.kit.choice import PASS

ROUTE_FILE = "introduction/route.yaml"
NOTES_FILE = "introduction/facilitator-notes.yaml"
REAL_ASSETS = content.ASSETS_DIR
SCRIPT = "<script>alert(1)</script>"


# ---- helpers ----


def small_route(**changes) -> dict:
    """A small, valid route file; ``changes`` replace top-level fields."""
    data = {
        "title": "Where I'll start",
        "intro": "A route.",
        "max_chapters": 3,
        "route_order": ["goal", "role"],
        "questions": [
            {"id": "role", "question": "Your role?", "answers": [
                {"id": "facilitator", "label": "I run a group",
                 "route": [{"chapter": "02_safety", "why": "Safety first."},
                           {"chapter": "11_troubleshooting", "why": "Hard moments."}],
                 "tip": "Use Facilitator view."},
                {"id": "alone", "label": "On my own",
                 "route": [{"chapter": "09_self_care", "why": "Look after you."}],
                 "tip": "Nothing is kept."},
            ]},
            {"id": "goal", "question": "What do you want?", "answers": [
                {"id": "words", "label": "Words",
                 "route": [{"chapter": "05_language", "why": "Words matter."},
                           {"chapter": "02_safety", "why": "Agreement."}]},
                {"id": "lead", "label": "Leading",
                 "route": [{"chapter": "06_leadership", "why": "Lead."}]},
            ]},
            {"id": "time", "question": "How long?", "answers": [
                {"id": "hour", "label": "An hour", "max_chapters": 1},
                {"id": "day", "label": "A day", "max_chapters": 6},
            ]},
        ],
        "default_route": [{"chapter": "03_trust", "why": "Trust."},
                          {"chapter": "05_language", "why": "Words."}],
    }
    data.update(changes)
    return data


@pytest.fixture
def assets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "assets"
    (folder / "introduction").mkdir(parents=True)
    shutil.copy(REAL_ASSETS / "chapters.yaml", folder / "chapters.yaml")
    monkeypatch.setattr(content, "ASSETS_DIR", folder)
    return folder


def notebooks(tmp_path: Path, slugs) -> Path:
    folder = tmp_path / "notebooks"
    folder.mkdir(exist_ok=True)
    for slug in slugs:
        (folder / f"{slug}.ipynb").write_text("{}", encoding="utf-8")
    return folder


ALL_SLUGS = [chapter.slug for chapter in load_chapters()]


@pytest.fixture
def every_notebook(tmp_path: Path) -> Path:
    return notebooks(tmp_path, ALL_SLUGS)


def write_route(assets: Path, data: object) -> str:
    (assets / ROUTE_FILE).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return ROUTE_FILE


def finder(assets: Path, folder: Path, **changes) -> RouteFinder:
    return RouteFinder(load_route_guide(write_route(assets, small_route(**changes))), folder)


def slugs(route) -> list[str]:
    return [step.chapter.slug for step in route]


def load_error(call) -> content.ContentError:
    with pytest.raises(content.ContentError) as caught:
        call()
    return caught.value


def decoded_link(html: str, kind: str) -> str:
    href = re.search(rf'href="data:[^"]*;base64,([^"]+)" class="qa-download-{kind}"', html)
    assert href is not None
    return base64.b64decode(href.group(1)).decode("utf-8")


def list_items(html: str) -> list[str]:
    return re.findall(r"<li>(.*?)</li>", html, re.S)


def is_error_block(block: object) -> bool:
    return isinstance(block, HTML) and 'role="alert"' in block.data


# ---- the real content file ----


def test_real_route_file_loads() -> None:
    guide = load_route_guide(ROUTE_FILE)
    assert 3 <= len(guide.questions) <= 4
    assert guide.default_route


def test_real_route_file_asks_role_group_goal_and_time() -> None:
    ids = [question.id for question in load_route_guide(ROUTE_FILE).questions]
    assert ids == ["role", "group", "goal", "time"]


def test_real_route_file_role_covers_facilitator_own_and_presenter() -> None:
    role = load_route_guide(ROUTE_FILE).questions[0]
    assert [answer.id for answer in role.answers] == ["facilitator", "on-my-own", "presenter"]


def test_real_route_file_every_chapter_answer_has_a_reason() -> None:
    guide = load_route_guide(ROUTE_FILE)
    steps = [step for q in guide.questions for a in q.answers for step in a.route]
    assert steps and all(step.why for step in steps)


def test_real_route_file_never_suggests_the_introduction_itself() -> None:
    guide = load_route_guide(ROUTE_FILE)
    steps = [step for q in guide.questions for a in q.answers for step in a.route]
    assert "01_introduction" not in slugs(steps + guide.default_route)


def test_real_route_file_every_goal_leads_somewhere() -> None:
    goal = next(q for q in load_route_guide(ROUTE_FILE).questions if q.id == "goal")
    assert all(answer.route for answer in goal.answers)


def test_real_route_presenter_wanting_words_starts_with_language(every_notebook: Path) -> None:
    found = RouteFinder(load_route_guide(ROUTE_FILE), every_notebook)
    found.answer("role", "presenter")
    found.answer("goal", "words")
    assert slugs(found.route())[0] == "05_language"


@pytest.mark.parametrize("activity", ["opening-round", "where-do-i-start"])
def test_real_facilitator_notes_load(activity: str) -> None:
    notes = load_activity_notes(NOTES_FILE, activity)
    assert notes.steps and notes.debrief and notes.adaptations


def test_real_facilitator_notes_say_how_to_keep_answers_private() -> None:
    notes = load_activity_notes(NOTES_FILE, "where-do-i-start")
    text = " ".join(notes.steps).lower()
    assert "slips" in text and "pass" in text


# ---- building the route ----


def test_route_without_answers_is_the_general_route(assets: Path, every_notebook: Path) -> None:
    found = finder(assets, every_notebook)
    assert slugs(found.route()) == ["03_trust", "05_language"]
    assert not found.is_fitted


def test_route_puts_goal_chapters_before_role_chapters(assets: Path, every_notebook: Path) -> None:
    found = finder(assets, every_notebook)
    found.answer("role", "facilitator")
    found.answer("goal", "words")
    assert slugs(found.route()) == ["05_language", "02_safety", "11_troubleshooting"]
    assert found.is_fitted


def test_route_lists_each_chapter_once_with_first_reason(assets: Path,
                                                         every_notebook: Path) -> None:
    found = finder(assets, every_notebook)
    found.answer("role", "facilitator")
    found.answer("goal", "words")
    safety = [step for step in found.route() if step.chapter.slug == "02_safety"]
    assert len(safety) == 1
    assert safety[0].why == "Agreement."


def test_route_leaves_out_chapters_without_a_notebook(assets: Path, tmp_path: Path) -> None:
    found = finder(assets, notebooks(tmp_path, ["11_troubleshooting", "05_language"]))
    found.answer("role", "facilitator")
    found.answer("goal", "words")
    assert slugs(found.route()) == ["05_language", "11_troubleshooting"]


def test_route_with_no_existing_chapters_says_so(assets: Path, tmp_path: Path) -> None:
    found = finder(assets, notebooks(tmp_path, []))
    found.answer("goal", "lead")
    assert found.route() == []
    assert t("introduction.none_available") in found.route_view.value
    assert found.status.message == t("introduction.none_available")


def test_route_time_answer_sets_the_number_of_chapters(assets: Path,
                                                       every_notebook: Path) -> None:
    found = finder(assets, every_notebook)
    found.answer("role", "facilitator")
    found.answer("goal", "words")
    found.answer("time", "hour")
    assert slugs(found.route()) == ["05_language"]


def test_route_without_time_answer_uses_default_limit(assets: Path,
                                                      every_notebook: Path) -> None:
    found = finder(assets, every_notebook, max_chapters=2)
    found.answer("role", "facilitator")
    found.answer("goal", "words")
    assert len(found.route()) == 2


def test_route_pass_counts_for_nothing(assets: Path, every_notebook: Path) -> None:
    found = finder(assets, every_notebook)
    found.answer("role", "facilitator")
    found.answer("goal", PASS)
    found.answer("time", PASS)
    assert slugs(found.route()) == ["02_safety", "11_troubleshooting"]
    assert found.tips() == ["Use Facilitator view."]


def test_route_all_passed_is_the_general_route(assets: Path, every_notebook: Path) -> None:
    found = finder(assets, every_notebook)
    for question in ("role", "goal", "time"):
        found.answer(question, PASS)
    assert slugs(found.route()) == ["03_trust", "05_language"]
    assert found.chosen() == []
    assert t("introduction.route_general") in found.route_view.value


def test_route_changing_an_answer_replaces_it(assets: Path, every_notebook: Path) -> None:
    found = finder(assets, every_notebook)
    found.answer("role", "facilitator")
    found.answer("role", "alone")
    assert slugs(found.route()) == ["09_self_care"]
    assert found.tips() == ["Nothing is kept."]


def test_route_unknown_answer_is_refused(assets: Path, every_notebook: Path) -> None:
    found = finder(assets, every_notebook)
    with pytest.raises(KeyError):
        found.answer("role", "nobody")


def test_route_view_links_each_chapter_to_its_notebook(assets: Path,
                                                      every_notebook: Path) -> None:
    found = finder(assets, every_notebook)
    found.answer("goal", "words")
    hrefs = re.findall(r'href="([^"]+)"', found.route_view.value)
    assert hrefs == ["05_language.ipynb", "02_safety.ipynb"]
    assert ">Language</a>: Words matter." in found.route_view.value


def test_route_view_announces_the_route(assets: Path, every_notebook: Path) -> None:
    found = finder(assets, every_notebook)
    found.answer("goal", "lead")
    assert found.status.message == t("introduction.route_status", count=1, first="Leadership")


def test_start_again_forgets_every_answer(assets: Path, every_notebook: Path) -> None:
    found = finder(assets, every_notebook)
    found.answer("role", "facilitator")
    found.answer("time", "hour")
    found.start_again()
    assert found.answers == {}
    assert all(scale.choice is None for scale in found.scales.values())
    assert slugs(found.route()) == ["03_trust", "05_language"]
    assert found.status.message == t("introduction.cleared")


def test_chapter_number_reads_slug() -> None:
    chapters = {chapter.slug: chapter for chapter in load_chapters()}
    assert chapter_number(chapters["02_safety"]) == 2
    assert chapter_number(chapters["12_acknowledgements"]) == 12


# ---- the download ----


def test_handout_holds_answers_route_and_tips(assets: Path, every_notebook: Path) -> None:
    found = finder(assets, every_notebook)
    found.answer("role", "facilitator")
    found.answer("goal", "lead")
    handout = found.handout()
    sections = {section.heading: section.items for section in handout.filled_sections}
    assert sections == {
        t("introduction.answers_heading"): ["Your role? I run a group",
                                            "What do you want? Leading"],
        t("introduction.route_download_heading"): [
            "Chapter 6, Leadership: Lead.", "Chapter 2, Safety: Safety first.",
            "Chapter 11, Troubleshooting: Hard moments."],
        t("introduction.tips_heading"): ["Use Facilitator view."],
    }


def test_handout_leaves_out_passed_questions(assets: Path, every_notebook: Path) -> None:
    found = finder(assets, every_notebook)
    found.answer("role", PASS)
    found.answer("goal", "words")
    found.answer("time", PASS)
    markdown = found.handout().to_markdown()
    assert "Your role?" not in markdown and "How long?" not in markdown
    assert "Pass" not in markdown
    assert "What do you want? Words" in markdown


def test_handout_with_no_answers_has_only_the_general_route(assets: Path,
                                                            every_notebook: Path) -> None:
    handout = finder(assets, every_notebook).handout()
    assert [section.heading for section in handout.filled_sections] == [
        t("introduction.route_download_heading")]


def test_download_link_holds_exactly_the_route(assets: Path, every_notebook: Path) -> None:
    found = finder(assets, every_notebook)
    found.answer("goal", "lead")
    found.answer("time", "hour")
    found.download.prepare()
    page = decoded_link(found.download.links.value, "html")
    assert list_items(page) == ["What do you want? Leading", "How long? An hour",
                                "Chapter 6, Leadership: Lead."]
    markdown = decoded_link(found.download.links.value, "markdown")
    assert "- Chapter 6, Leadership: Lead." in markdown


def test_download_is_withdrawn_when_an_answer_changes(assets: Path,
                                                      every_notebook: Path) -> None:
    found = finder(assets, every_notebook)
    found.answer("goal", "lead")
    found.download.prepare()
    assert found.download.links.value
    found.answer("goal", "words")
    assert found.download.links.value == ""


def test_content_text_stays_text(assets: Path, every_notebook: Path) -> None:
    data = small_route()
    data["questions"][1]["answers"][1]["label"] = SCRIPT
    data["questions"][1]["answers"][1]["route"][0]["why"] = SCRIPT
    data["questions"][1]["answers"][1]["tip"] = "<img src=x onerror=alert(1)>"
    found = RouteFinder(load_route_guide(write_route(assets, data)), every_notebook)
    found.answer("goal", "lead")
    assert "<script>" not in found.route_view.value and "<img" not in found.route_view.value
    assert "&lt;script&gt;" in found.route_view.value
    found.download.prepare()
    page = decoded_link(found.download.links.value, "html")
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "\\<script\\>" in decoded_link(found.download.links.value, "markdown")


def test_welsh_and_emoji_content_kept(assets: Path, every_notebook: Path) -> None:
    data = small_route()
    data["questions"][1]["answers"][1]["label"] = "Arwain ŵ ŷ 😊"
    found = RouteFinder(load_route_guide(write_route(assets, data)), every_notebook)
    found.answer("goal", "lead")
    assert "What do you want? Arwain ŵ ŷ 😊" in found.handout().to_markdown()


# ---- a broken content file ----


def test_missing_file_names_the_file(assets: Path) -> None:
    error = load_error(lambda: load_route_guide(ROUTE_FILE))
    assert error.path.endswith(ROUTE_FILE)
    assert "missing" in error.problem


def test_unknown_chapter_names_file_and_chapter(assets: Path) -> None:
    data = small_route()
    data["questions"][0]["answers"][0]["route"][0]["chapter"] = "99_nowhere"
    error = load_error(lambda: load_route_guide(write_route(assets, data)))
    assert error.path.endswith(ROUTE_FILE)
    assert "99_nowhere" in error.problem and "Question 1, answer 1" in error.problem


def test_repeated_answer_id_names_file(assets: Path) -> None:
    data = small_route()
    data["questions"][0]["answers"][1]["id"] = "facilitator"
    error = load_error(lambda: load_route_guide(write_route(assets, data)))
    assert error.path.endswith(ROUTE_FILE)
    assert "repeats the id 'facilitator'" in error.problem


def test_answer_id_pass_is_refused(assets: Path) -> None:
    data = small_route()
    data["questions"][0]["answers"][1]["id"] = PASS
    error = load_error(lambda: load_route_guide(write_route(assets, data)))
    assert PASS in error.problem


@pytest.mark.parametrize("bad", [0, MOST_CHAPTERS + 1, "two", True, 2.5])
def test_bad_max_chapters_names_file(assets: Path, bad: object) -> None:
    data = small_route()
    data["questions"][2]["answers"][0]["max_chapters"] = bad
    error = load_error(lambda: load_route_guide(write_route(assets, data)))
    assert error.path.endswith(ROUTE_FILE)
    assert "'max_chapters'" in error.problem


def test_missing_default_max_names_file(assets: Path) -> None:
    data = small_route()
    del data["max_chapters"]
    error = load_error(lambda: load_route_guide(write_route(assets, data)))
    assert "'max_chapters'" in error.problem


def test_route_order_unknown_question_names_file(assets: Path) -> None:
    error = load_error(lambda: load_route_guide(write_route(
        assets, small_route(route_order=["goal", "mood"]))))
    assert error.path.endswith(ROUTE_FILE)
    assert "'mood'" in error.problem


def test_empty_default_route_names_file(assets: Path) -> None:
    error = load_error(lambda: load_route_guide(write_route(assets, small_route(default_route=[]))))
    assert "'default_route'" in error.problem


def test_missing_questions_names_file(assets: Path) -> None:
    data = small_route()
    del data["questions"]
    error = load_error(lambda: load_route_guide(write_route(assets, data)))
    assert "'questions'" in error.problem


def test_missing_label_names_file(assets: Path) -> None:
    data = small_route()
    del data["questions"][1]["answers"][0]["label"]
    error = load_error(lambda: load_route_guide(write_route(assets, data)))
    assert "Question 2, answer 1" in error.problem and "'label'" in error.problem


def test_where_to_start_shows_calm_message_for_broken_file(assets: Path) -> None:
    (assets / ROUTE_FILE).write_text("questions: [unclosed", encoding="utf-8")
    block = where_to_start(ROUTE_FILE)
    assert is_error_block(block)
    assert ROUTE_FILE in block.data


def test_where_to_start_real_file_gives_the_finder() -> None:
    assert isinstance(where_to_start(ROUTE_FILE), RouteFinder)
