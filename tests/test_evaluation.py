"""Tests for chapters.evaluation: the planner, the consent-script builder and the
anonymous feedback form (totals only, shown only above the threshold)."""

import re
from html import unescape
from pathlib import Path

import pytest
import yaml
from conftest import decoded_link, load_error, write_yaml
from IPython.display import HTML

from peer_support import content
from peer_support.chapters import evaluation
from peer_support.chapters.evaluation import (
    EVALUATION_PLANNER,
    OWN_SENTENCE_LIMIT,
    PURPOSE_LIMIT,
    REQUIRED_SECTIONS,
    ConsentBuilder,
    EvaluationPlanner,
    consent_builder,
    evaluation_planner,
)
from peer_support.i18n import t

REAL = content.ASSETS_DIR
PLANNER = "evaluation/planner.yaml"
CONSENT = "evaluation/consent.yaml"
REAL_PLANNER = yaml.safe_load((REAL / PLANNER).read_text(encoding="utf-8"))
REAL_CONSENT = yaml.safe_load((REAL / CONSENT).read_text(encoding="utf-8"))
SCRIPT = "<script>alert(1)</script>"
IMG = '<img src=x onerror="alert(1)">'
WELSH = "Grŵp Merched y Cwm ŷ 😊"


def copy(data: dict) -> dict:
    return yaml.safe_load(yaml.safe_dump(data, allow_unicode=True))


def load_planner(path: str) -> evaluation.PlannerFile:
    return EVALUATION_PLANNER.load(path)


def load_consent(path: str) -> tuple[str, str, list[evaluation.ConsentSection]]:
    """The old loader's (title, intro, sections)."""
    loaded = evaluation.CONSENT.load(path)
    return loaded.title, loaded.intro, loaded.sections


def sections(handout) -> dict[str, list[str]]:
    return {section.heading: section.items for section in handout.filled_sections}


# ==== the planner ==================================================================


def planner() -> EvaluationPlanner:
    return EvaluationPlanner(load_planner(PLANNER))


def test_real_planner_file_loads() -> None:
    loaded = load_planner(PLANNER)
    assert len(loaded.sources) >= 5
    assert {tool.access for tool in loaded.tools} == {"free", "registration", "licence"}


def test_real_planner_never_lists_licensed_questions() -> None:
    for tool in load_planner(PLANNER).tools:
        if tool.access != "free":
            assert tool.questions == []
    for entry in REAL_PLANNER["tools"]:
        if entry["access"] != "free":
            assert "questions" not in entry


def test_real_planner_ons4_has_four_questions_and_citation() -> None:
    ons4 = next(tool for tool in load_planner(PLANNER).tools if tool.id == "ons4")
    assert len(ons4.questions) == 4
    assert ons4.access == "free"
    notes = " ".join(ons4.notes)
    assert "ONS personal well-being questions" in notes
    assert "qualityoflife@ons.gov.uk" in notes


def test_planner_licensed_tool_with_questions_is_refused(assets: Path) -> None:
    data = copy(REAL_PLANNER)
    wemwbs = next(tool for tool in data["tools"] if tool["id"] == "wemwbs")
    wemwbs["questions"] = ["An item that must not be here"]
    error = load_error(lambda: load_planner(write_yaml(assets, PLANNER, data)))
    assert error.path.endswith("planner.yaml")
    assert "must not be written in the pack" in error.problem


def test_planner_unknown_access_names_file(assets: Path) -> None:
    data = copy(REAL_PLANNER)
    data["tools"][0]["access"] = "maybe"
    error = load_error(lambda: load_planner(write_yaml(assets, PLANNER, data)))
    assert "'access'" in error.problem


def test_planner_plain_http_link_is_refused(assets: Path) -> None:
    data = copy(REAL_PLANNER)
    data["tools"][1]["url"] = "http://example.org/"
    error = load_error(lambda: load_planner(write_yaml(assets, PLANNER, data)))
    assert "https://" in error.problem


def test_planner_source_without_indicators_names_file(assets: Path) -> None:
    data = copy(REAL_PLANNER)
    data["sources"][2]["indicators"] = []
    error = load_error(lambda: load_planner(write_yaml(assets, PLANNER, data)))
    assert "Source 3 needs 'indicators'" in error.problem


def test_evaluation_planner_broken_file_returns_error_block(assets: Path) -> None:
    (assets / PLANNER).write_text("sources: [", encoding="utf-8")
    block = evaluation_planner(PLANNER)
    assert isinstance(block, HTML)
    assert "planner.yaml" in block.data


def test_evaluation_planner_real_file_builds() -> None:
    assert isinstance(evaluation_planner(), EvaluationPlanner)


def test_planner_starts_with_nothing_ticked() -> None:
    built = planner()
    assert built.ticked() == [] and built.tools() == [] and built.indicators() == []
    assert t("evaluation.none_ticked") in built.indicator_view.value


def test_planner_tick_suggests_indicators_and_cautions() -> None:
    built = planner()
    built.tick("register")
    register = REAL_PLANNER["sources"][0]
    assert built.indicators() == register["indicators"]
    view = unescape(built.indicator_view.value)
    assert all(indicator in view for indicator in register["indicators"])
    assert register["caution"] in view
    assert str(len(register["indicators"])) in built.status.message


def test_planner_checkbox_click_ticks() -> None:
    built = planner()
    built.source_boxes["routes"].value = True
    assert [s.id for s in built.ticked()] == ["routes"]


def test_planner_untick_removes_indicators() -> None:
    built = planner()
    built.tick("register")
    built.tick("register", False)
    assert built.indicators() == []


def test_planner_unknown_source_raises_key_error() -> None:
    with pytest.raises(KeyError):
        planner().tick("nothing")


def test_planner_indicators_are_not_repeated() -> None:
    built = planner()
    for source in built.content.sources:
        built.tick(source.id)
    assert len(built.indicators()) == len(set(built.indicators()))


def test_planner_with_nothing_chosen_offers_no_download() -> None:
    built = planner()
    assert built.download.prepare() is None
    assert built.download.status.message == t("evaluation.planner_nothing")


def test_planner_handout_has_exactly_what_was_chosen() -> None:
    built = planner()
    built.tick("register")
    built.tick("reflections")
    built.add_tool("ons4")
    built.purpose.write("To show our funder why women value a women-only space.")
    found = sections(built.handout())
    by_id = {source["id"]: source for source in REAL_PLANNER["sources"]}
    assert found[t("evaluation.plan_purpose")] == [
        "To show our funder why women value a women-only space."]
    assert found[t("evaluation.plan_collect")] == [by_id["register"]["label"],
                                                   by_id["reflections"]["label"]]
    assert found[t("evaluation.indicators_heading")] == (
        by_id["register"]["indicators"] + by_id["reflections"]["indicators"])
    assert found[t("evaluation.take_care")] == [by_id["register"]["caution"],
                                                by_id["reflections"]["caution"]]
    ons4 = [heading for heading in found if heading.startswith("ONS personal")]
    assert len(ons4) == 1
    assert found[ons4[0]][:4] == REAL_PLANNER["tools"][0]["questions"]
    assert not any(heading.startswith("Warwick") for heading in found)
    assert not any(heading.startswith("Outcomes Star") for heading in found)
    assert found[t("evaluation.plan_good_practice")] == REAL_PLANNER["good_practice"]


def test_planner_licensed_tool_adds_reminder_and_link_not_items() -> None:
    built = planner()
    built.add_tool("wemwbs")
    built.add_tool("outcomes-star")
    found = sections(built.handout())
    wemwbs = next(items for heading, items in found.items() if heading.startswith("Warwick"))
    assert any("https://warwick.ac.uk/fac/sci/med/research/platform/wemwbs/using" in item
               for item in wemwbs)
    star = next(items for heading, items in found.items() if heading.startswith("Outcomes"))
    assert any("https://www.outcomesstar.org.uk/" in item for item in star)
    assert t("evaluation.plan_collect") not in found


def test_planner_tools_link_out_in_the_same_tab() -> None:
    html = "".join(child.value for child in planner().children
                   if hasattr(child, "value") and isinstance(child.value, str))
    assert 'href="https://warwick.ac.uk/fac/sci/med/research/platform/wemwbs/using"' in html
    assert 'rel="noopener noreferrer"' in html
    assert 'target="_blank"' not in html  # a second tab would survive the exit button


def test_planner_purpose_too_long_blocks_download_and_keeps_text() -> None:
    built = planner()
    built.tick("register")
    built.purpose.write("x" * (PURPOSE_LIMIT + 1))
    assert built.handout() == t("handout.waiting")
    assert len(built.purpose.text_area.value) == PURPOSE_LIMIT + 1


def test_planner_purpose_hostile_text_stays_text() -> None:
    built = planner()
    built.purpose.write(SCRIPT + " " + WELSH)
    built.download.prepare()
    page = decoded_link(built.download.links.value, "html")
    assert "<script>" not in page
    assert "&lt;script&gt;" in page
    assert WELSH in decoded_link(built.download.links.value, "markdown")


def test_planner_change_withdraws_old_download() -> None:
    built = planner()
    built.tick("register")
    built.download.prepare()
    assert built.download.links.value
    built.add_tool("ons4")
    assert built.download.links.value == ""


def test_planner_download_via_button_holds_plan() -> None:
    built = planner()
    built.tick("activities")
    built.download.prepare_button.click()
    assert 'download="evaluation-plan.html"' in built.download.links.value
    page = decoded_link(built.download.links.value, "html")
    assert REAL_PLANNER["sources"][6]["indicators"][0] in unescape(page)


# ==== the consent builder ==========================================================


def builder() -> ConsentBuilder:
    return ConsentBuilder(evaluation.CONSENT.load(CONSENT))


def defaults() -> list[str]:
    return [option["text"] for section in REAL_CONSENT["sections"]
            for option in section["options"] if option.get("default")]


def test_real_consent_file_has_required_sections() -> None:
    _title, _intro, loaded = load_consent(CONSENT)
    assert set(REQUIRED_SECTIONS) <= {section.id for section in loaded}


def test_consent_missing_required_section_names_file(assets: Path) -> None:
    data = copy(REAL_CONSENT)
    data["sections"] = [s for s in data["sections"] if s["id"] != "confidentiality"]
    error = load_error(lambda: load_consent(write_yaml(assets, CONSENT, data)))
    assert error.path.endswith("consent.yaml")
    assert "confidentiality" in error.problem


def test_consent_bad_default_names_file(assets: Path) -> None:
    data = copy(REAL_CONSENT)
    data["sections"][0]["options"][0]["default"] = "yes"
    error = load_error(lambda: load_consent(write_yaml(assets, CONSENT, data)))
    assert "'default'" in error.problem


def test_consent_repeated_option_id_names_file(assets: Path) -> None:
    data = copy(REAL_CONSENT)
    data["sections"][1]["options"][0]["id"] = data["sections"][0]["options"][0]["id"]
    error = load_error(lambda: load_consent(write_yaml(assets, CONSENT, data)))
    assert "repeats the id" in error.problem


def test_consent_builder_broken_file_returns_error_block(assets: Path) -> None:
    block = consent_builder(CONSENT)
    assert isinstance(block, HTML)
    assert "consent.yaml" in block.data


def test_consent_starts_with_defaults_only() -> None:
    built = builder()
    chosen = [s for _heading, sentences in built.script() for s in sentences]
    assert chosen == defaults()


def test_consent_reminds_about_required_sections_still_empty() -> None:
    built = builder()
    headings = {s["id"]: s["heading"] for s in REAL_CONSENT["sections"]}
    assert built.missing() == [headings[name] for name in REQUIRED_SECTIONS]
    assert "does not yet say anything about" in unescape(built.preview.value)
    for name in REQUIRED_SECTIONS:
        first = next(s for s in REAL_CONSENT["sections"] if s["id"] == name)["options"][0]
        built.toggle(name, first["id"])
    assert built.missing() == []
    assert "does not yet say anything about" not in unescape(built.preview.value)


def test_consent_handout_has_exactly_the_chosen_and_typed_sentences() -> None:
    built = builder()
    built.toggle("collect", "first-name")
    built.toggle("confidentiality", "risk-exception")
    built.toggle("your-choices", "skip", False)
    built.write_own("who-sees", "Only Jo and Sam see the sign-in sheet.")
    found = sections(built.handout())
    texts = {o["id"]: o["text"] for s in REAL_CONSENT["sections"] for o in s["options"]}
    headings = {s["id"]: s["heading"] for s in REAL_CONSENT["sections"]}
    assert found == {
        headings["collect"]: [texts["first-name"]],
        headings["who-sees"]: ["Only Jo and Sam see the sign-in sheet."],
        headings["confidentiality"]: [texts["risk-exception"]],
        headings["your-choices"]: [texts["optional"], texts["change-mind"]],
    }


def test_consent_preview_shows_the_script() -> None:
    built = builder()
    built.toggle("how-long", "slips-shredded")
    texts = {o["id"]: o["text"] for s in REAL_CONSENT["sections"] for o in s["options"]}
    assert texts["slips-shredded"] in unescape(built.preview.value)
    assert texts["slips-shredded"] in built.status.message


def test_consent_group_name_goes_in_title() -> None:
    built = builder()
    built.set_group_name(WELSH)
    assert built.handout().title == f"{REAL_CONSENT['title']}: {WELSH}"


def test_consent_hostile_text_stays_text() -> None:
    built = builder()
    built.set_group_name(IMG[:60])
    built.write_own("collect", SCRIPT)
    assert "<script>" not in built.preview.value and "<img" not in built.preview.value
    assert "&lt;script&gt;" in built.preview.value
    built.download.prepare()
    page = decoded_link(built.download.links.value, "html")
    assert "<script>" not in page and "<img" not in page
    assert "\\<script\\>" in decoded_link(built.download.links.value, "markdown")


def test_consent_too_long_own_sentence_blocks_print_and_keeps_text() -> None:
    built = builder()
    built.write_own("collect", "y" * 10_000)
    assert built.handout() == t("handout.waiting")
    assert built.download.prepare() is None
    assert len(built.own["collect"].text_area.value) == 10_000
    assert t("handout.waiting") in unescape(built.preview.value)
    built.write_own("collect", "y" * OWN_SENTENCE_LIMIT)
    assert "y" * OWN_SENTENCE_LIMIT in sections(built.handout())[
        REAL_CONSENT["sections"][0]["heading"]]


def test_consent_too_long_group_name_blocks_print() -> None:
    built = builder()
    built.set_group_name("z" * 500)
    result = built.handout()
    assert isinstance(result, str) and "Nothing has been cut" in result
    assert built.group_name.value == "z" * 500


def test_consent_change_withdraws_old_download() -> None:
    built = builder()
    built.download.prepare()
    assert built.download.links.value
    built.toggle("collect", "attendance")
    assert built.download.links.value == ""


def test_consent_unknown_option_raises_key_error() -> None:
    with pytest.raises(KeyError):
        builder().toggle("collect", "nothing")


def test_consent_with_everything_unticked_offers_nothing() -> None:
    built = builder()
    for section in REAL_CONSENT["sections"]:
        for option in section["options"]:
            built.toggle(section["id"], option["id"], False)
    assert built.download.prepare() is None


# ==== the chapter's notebook ======================================================

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "10_evaluation.ipynb"


def notebook_cells() -> list[tuple[str, str]]:
    import json
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    # English cells only: Welsh twins (tag lang-cy) repeat the headings in Welsh.
    return [(c["cell_type"], "".join(c["source"])) for c in cells
            if "lang-cy" not in c.get("metadata", {}).get("tags", [])]


def section_prose() -> list[str]:
    """The English Markdown from the first section heading up to the Key points."""
    prose, started = [], False
    for kind, text in notebook_cells():
        if kind != "markdown":
            continue
        if text.startswith(("## Key points", "## Sources")):
            break
        started = started or text.startswith("## ")
        if started:
            prose.append(text)
    return prose


def test_evaluation_notebook_has_the_asked_for_sections() -> None:
    headings = [text.splitlines()[0] for kind, text in notebook_cells()
                if kind == "markdown" and text.startswith("## ")]
    for wanted in ("## Evaluation issues specific to women",
                   "## What the programme learnt about evaluation and its barriers",
                   "## Summary"):
        assert wanted in headings
    assert headings[-2:] == ["## Key points", "## Sources"]


def test_evaluation_notebook_prose_is_at_least_700_words() -> None:
    prose = section_prose()
    assert len(re.findall(r"[\w’'-]+", "\n".join(prose))) >= 700


def test_evaluation_notebook_each_exercise_follows_its_notes() -> None:
    code = [text for kind, text in notebook_cells() if kind == "code"]
    for call, activity in (("evaluation_planner(", "evaluation-planner"),
                           ("consent_builder(", "consent-script"),
                           ("feedback_form(", "feedback-form")):
        position = next(n for n, text in enumerate(code) if text.startswith(call))
        assert code[position - 1] == (
            f'facilitator_notes("evaluation/facilitator-notes.yaml", "{activity}")')


def test_evaluation_notebook_links_out_to_licensed_tools() -> None:
    text = NOTEBOOK.read_text(encoding="utf-8")
    assert "https://warwick.ac.uk/fac/sci/med/research/platform/wemwbs/using" in text
    assert "https://www.outcomesstar.org.uk/" in text
    assert "never shows the WEMWBS statements" in text


def test_evaluation_notebook_lists_no_phone_numbers() -> None:
    text = "\n".join(text for kind, text in notebook_cells() if kind == "markdown")
    assert re.findall(r"\b\d{3}[\d ]{3,}\d\b", text) == []
