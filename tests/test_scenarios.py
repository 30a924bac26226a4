"""Tests for kit.scenarios: scenario cards with trade-offs, no scoring, printable cards."""

import base64
import re
from html import unescape
from pathlib import Path

import pytest
import yaml
from conftest import write_yaml
from IPython.display import HTML

from peer_support import content
from peer_support.content import ContentError
from peer_support.i18n import t
from peer_support.kit.choice import PASS
from peer_support.kit.scenarios import (
    MAXIMUM_RESPONSES,
    SCENARIOS,
    Response,
    Scenario,
    ScenarioCards,
    ScenarioFile,
    scenario_cards,
)

FILE = "troubleshooting/test-scenarios.yaml"
SCRIPT = "<script>alert(1)</script>"
WELSH = "Mae'r grŵp yn cwrdd ŷ 😊"


# ---- helpers ----


def response_entry(letter: str, **changes) -> dict:
    entry = {"text": f"Do {letter}", "helps": [f"helps {letter}"],
             "watch_out": [f"watch {letter}"], "links": [f"Safety: link {letter}"]}
    entry.update(changes)
    return entry


def scenario_entry(number: int, responses: int = 3, **changes) -> dict:
    entry = {"title": f"Situation {number}", "situation": f"What happens {number}.",
             "responses": [response_entry(letter) for letter in "abcdef"[:responses]]}
    entry.update(changes)
    return entry


def valid_data(**changes) -> dict:
    data = {"title": "Cards", "intro": "Try these.",
            "scenarios": [scenario_entry(1), scenario_entry(2, note="talk of harm")]}
    data.update(changes)
    return data


def make_scenarios() -> list[Scenario]:
    def responses(count: int) -> list[Response]:
        return [Response(f"Do {n}", [f"helps {n}"], [f"watch {n}"], [f"Trust: link {n}"])
                for n in range(count)]
    return [
        Scenario("Running late", "The group runs over.", responses(3)),
        Scenario("Risk", "Someone says something worrying.", responses(2), note="suicide"),
        Scenario("Tech fails", "The projector stops.", responses(4)),
    ]


def make_cards() -> ScenarioCards:
    return ScenarioCards(ScenarioFile(intro="Intro text.", scenarios=make_scenarios()),
                         "scenario-cards")


def write(assets: Path, data: object) -> str:
    return write_yaml(assets, FILE, data)


def load_scenario_deck(path: str) -> tuple[str, str, list[Scenario]]:
    loaded = SCENARIOS.load(path)
    return loaded.title, loaded.intro, loaded.scenarios


def load_scenarios(path: str) -> tuple[str, list[Scenario]]:
    return load_scenario_deck(path)[1:]


def cards_of(intro: str, scenarios: list[Scenario], basename: str,
             title: str = "") -> ScenarioCards:
    return ScenarioCards(ScenarioFile(intro=intro, scenarios=scenarios, title=title), basename)


def fails_naming_file(assets: Path, data: object, problem: str) -> None:
    path = write(assets, data)
    with pytest.raises(ContentError) as error:
        load_scenarios(path)
    assert error.value.path.endswith("test-scenarios.yaml")
    assert problem in error.value.problem


def decode(uri: str) -> str:
    return base64.b64decode(uri.partition(";base64,")[2]).decode("utf-8")


# ---- loading ----


def test_load_scenarios_reads_intro_and_scenarios(assets: Path) -> None:
    intro, scenarios = load_scenarios(write(assets, valid_data()))
    assert intro == "Try these."
    assert [s.title for s in scenarios] == ["Situation 1", "Situation 2"]
    assert scenarios[0].note == ""
    assert scenarios[1].note == "talk of harm"
    first = scenarios[0].responses[0]
    assert first == Response("Do a", ["helps a"], ["watch a"], ["Safety: link a"])


def test_load_scenario_deck_reads_optional_title(assets: Path) -> None:
    title, _intro, _scenarios = load_scenario_deck(write(assets, valid_data()))
    assert title == "Cards"
    data = valid_data()
    del data["title"]
    assert load_scenario_deck(write(assets, data))[0] == ""


def test_load_scenarios_links_are_optional(assets: Path) -> None:
    data = valid_data()
    del data["scenarios"][0]["responses"][1]["links"]
    _intro, scenarios = load_scenarios(write(assets, data))
    assert scenarios[0].responses[1].links == []


def test_load_scenarios_missing_file_names_file(assets: Path) -> None:
    with pytest.raises(ContentError) as error:
        load_scenarios(FILE)
    assert "test-scenarios.yaml" in error.value.path
    assert "missing" in error.value.problem


def test_load_scenarios_invalid_yaml_names_file(assets: Path) -> None:
    (assets / FILE).write_text("intro: [unclosed\n", encoding="utf-8")
    with pytest.raises(ContentError) as error:
        load_scenarios(FILE)
    assert "test-scenarios.yaml" in error.value.path
    assert "not valid YAML" in error.value.problem


def test_load_scenarios_not_a_mapping_names_file(assets: Path) -> None:
    fails_naming_file(assets, ["a", "list"], "The file should be a set of named fields")


def test_load_scenarios_missing_intro_names_file(assets: Path) -> None:
    fails_naming_file(assets, valid_data(intro=""), "'intro'")


def test_load_scenarios_no_scenarios_names_file(assets: Path) -> None:
    fails_naming_file(assets, valid_data(scenarios=[]), "'scenarios'")


def test_load_scenarios_one_response_names_file(assets: Path) -> None:
    data = valid_data(scenarios=[scenario_entry(1, responses=1)])
    fails_naming_file(assets, data, "Scenario 1 needs 'responses'")


def test_load_scenarios_too_many_responses_names_file(assets: Path) -> None:
    entry = scenario_entry(1, responses=6)
    entry["responses"].append(response_entry("g"))
    assert len(entry["responses"]) == MAXIMUM_RESPONSES + 1
    fails_naming_file(assets, valid_data(scenarios=[entry]), "Scenario 1 needs 'responses'")


def test_load_scenarios_response_without_helps_names_file(assets: Path) -> None:
    data = valid_data()
    data["scenarios"][1]["responses"][2]["helps"] = []
    fails_naming_file(assets, data, "Scenario 2, response C needs 'helps'")


def test_load_scenarios_response_without_watch_out_names_file(assets: Path) -> None:
    data = valid_data()
    del data["scenarios"][0]["responses"][0]["watch_out"]
    fails_naming_file(assets, data, "Scenario 1, response A needs 'watch_out'")


def test_load_scenarios_links_not_a_list_names_file(assets: Path) -> None:
    data = valid_data()
    data["scenarios"][0]["responses"][0]["links"] = "Safety"
    fails_naming_file(assets, data, "'links'")


def test_load_scenarios_response_text_too_long_names_file(assets: Path) -> None:
    data = valid_data()
    data["scenarios"][0]["responses"][0]["text"] = "x" * 201
    fails_naming_file(assets, data, "longer than 200")


def test_load_scenarios_missing_situation_names_file(assets: Path) -> None:
    data = valid_data()
    del data["scenarios"][1]["situation"]
    fails_naming_file(assets, data, "Scenario 2 needs 'situation'")


def test_scenario_cards_broken_file_returns_error_block(assets: Path) -> None:
    write(assets, valid_data(scenarios="none"))
    block = scenario_cards(FILE, "cards")
    assert isinstance(block, HTML)
    assert "test-scenarios.yaml" in block.data
    assert 'role="alert"' in block.data


def test_scenario_cards_missing_file_returns_error_block(assets: Path) -> None:
    block = scenario_cards("troubleshooting/nothing.yaml", "cards")
    assert isinstance(block, HTML)
    assert "nothing.yaml" in block.data


def test_scenario_cards_valid_file_builds_cards_with_title(assets: Path) -> None:
    cards = scenario_cards(write(assets, valid_data()), "cards")
    assert isinstance(cards, ScenarioCards)
    assert cards.title == "Cards"
    assert cards.download.basename == "cards"


def test_scenario_cards_without_title_uses_default(assets: Path) -> None:
    data = valid_data()
    del data["title"]
    cards = scenario_cards(write(assets, data), "cards")
    assert cards.title == t("scenarios.handout_title")


# ---- the cards ----


def test_cards_start_on_first_situation_with_nothing_chosen() -> None:
    cards = make_cards()
    assert cards.index == 0
    assert cards.chosen() == {}
    assert "The group runs over." in cards.deck.card_view.value
    assert cards.trade_offs.value == ""
    assert cards.deck.position.message == "Situation 1 of 3"


def test_cards_show_only_the_current_scale() -> None:
    cards = make_cards()
    shown = {number: scale.layout.display != "none" for number, scale in cards.scales.items()}
    assert shown == {0: True, 1: False}


def test_cards_make_buttons_for_the_card_and_its_neighbours_only() -> None:
    cards = make_cards()
    assert sorted(cards.scales) == [0, 1]
    cards.next()
    assert sorted(cards.scales) == [0, 1, 2]
    assert list(cards.scale_box.children) == [cards.scales[0], cards.scales[1], cards.scales[2]]


def test_cards_response_buttons_have_letters_and_pass() -> None:
    cards = make_cards()
    labels = [button.description for button in cards.scales[0].buttons.values()]
    assert labels == ["A. Do 0", "B. Do 1", "C. Do 2", t("choice.pass")]


def test_choose_records_and_shows_trade_offs() -> None:
    cards = make_cards()
    cards.choose(1)
    assert cards.chosen() == {0: 1}
    shown = cards.trade_offs.value
    assert "B. Do 1" in shown and "helps 1" in shown and "watch 1" in shown
    assert "Trust: link 1" in shown
    assert "helps 0" not in shown
    assert cards.status.message == t("scenarios.shown", letter="B")


def test_choose_by_button_click_records() -> None:
    cards = make_cards()
    cards.scales[0].buttons["2"].click()
    assert cards.chosen() == {0: 2}
    assert cards.scales[0].choice == "2"


def test_choose_again_replaces_choice() -> None:
    cards = make_cards()
    cards.choose(0)
    cards.choose(2)
    assert cards.chosen() == {0: 2}
    assert "helps 2" in cards.trade_offs.value
    assert "helps 0" not in cards.trade_offs.value


def test_choose_pass_records_pass_and_shows_no_trade_offs() -> None:
    cards = make_cards()
    cards.choose(PASS)
    assert cards.chosen() == {0: "pass"}
    assert "helps" not in cards.trade_offs.value
    assert t("scenarios.passed") in cards.trade_offs.value


def test_pass_button_looks_like_the_others() -> None:
    cards = make_cards()
    cards.scales[0].buttons[PASS].click()
    styles = {button.button_style for key, button in cards.scales[0].buttons.items()
              if key != PASS}
    assert styles == {""}
    assert cards.scales[0].buttons[PASS].button_style == "primary"


@pytest.mark.parametrize("wrong", [3, -1, "x", "", True, None, 1.0])
def test_choose_unknown_response_raises_key_error(wrong) -> None:
    cards = make_cards()
    with pytest.raises(KeyError):
        cards.choose(wrong)
    assert cards.chosen() == {}


def test_choose_accepts_digit_text() -> None:
    cards = make_cards()
    cards.choose("1")
    assert cards.chosen() == {0: 1}


def test_chosen_returns_a_copy() -> None:
    cards = make_cards()
    cards.choose(0)
    cards.chosen()[0] = 2
    assert cards.chosen() == {0: 0}


def test_there_is_no_score_or_right_answer() -> None:
    cards = make_cards()
    cards.choose(0)
    text = (cards.trade_offs.value + cards.status.message).lower()
    for word in ("correct", "wrong", "score", "right answer", "points"):
        assert word not in text
    assert not hasattr(cards, "score")


def test_on_change_is_called_after_each_choice() -> None:
    cards = make_cards()
    calls = []
    cards.on_change(lambda: calls.append(cards.chosen()))
    cards.choose(0)
    cards.choose(PASS)
    assert calls == [{0: 0}, {0: "pass"}]


def test_next_shows_next_situation_unchosen() -> None:
    cards = make_cards()
    cards.choose(0)
    cards.next()
    cards.next()
    assert cards.index == 2
    assert cards.scales[2].choice is None
    assert cards.trade_offs.value == ""
    assert "The projector stops." in cards.deck.card_view.value


def test_going_back_shows_saved_choice() -> None:
    cards = make_cards()
    cards.choose(2)
    cards.next()
    cards.previous()
    assert cards.scales[0].choice == "2"
    assert "helps 2" in cards.trade_offs.value
    assert cards.chosen() == {0: 2}


def test_next_at_last_situation_says_so() -> None:
    cards = make_cards()
    cards.go_to(2)
    cards.next()
    assert cards.index == 2
    assert cards.deck.position.message == t("deck.last")


def test_next_button_moves_and_focuses_first_response(monkeypatch) -> None:
    cards = make_cards()
    cards.go_to(1)
    cards.open_situation()
    focused = []
    monkeypatch.setattr(cards.scales[2], "focus_first", lambda: focused.append(2))
    cards.deck.next_button.click()
    assert cards.index == 2
    assert focused == [2]


def test_next_button_to_noted_situation_focuses_open_button(monkeypatch) -> None:
    cards = make_cards()
    focused = []
    monkeypatch.setattr(cards.open_button, "focus", lambda: focused.append("open"))
    cards.deck.next_button.click()
    assert focused == ["open"]


# ---- content notes ----


def test_noted_situation_is_hidden_until_opened() -> None:
    cards = make_cards()
    cards.next()
    card = cards.deck.card_view.value
    assert "suicide" in card
    assert "Someone says something worrying." not in card
    assert cards.open_button.layout.display is None
    assert cards.scales[1].layout.display == "none"
    assert not cards.is_open()


def test_open_button_shows_the_situation_and_responses() -> None:
    cards = make_cards()
    cards.next()
    cards.open_button.click()
    assert cards.is_open()
    assert "Someone says something worrying." in cards.deck.card_view.value
    assert "suicide" in cards.deck.card_view.value
    assert cards.open_button.layout.display == "none"
    assert cards.scales[1].layout.display is None


def test_opened_situation_stays_open_on_return() -> None:
    cards = make_cards()
    cards.next()
    cards.open_situation()
    cards.next()
    cards.previous()
    assert "Someone says something worrying." in cards.deck.card_view.value


def test_skipping_noted_situation_leaves_no_choice() -> None:
    cards = make_cards()
    cards.next()
    cards.next()
    assert 1 not in cards.chosen()
    assert not cards.is_open(1)


def test_choosing_a_response_opens_a_noted_situation() -> None:
    cards = make_cards()
    cards.next()
    cards.choose(0)
    assert cards.is_open()


def test_situation_without_note_is_open() -> None:
    assert make_cards().is_open(0)


# ---- every response side by side ----


def test_show_all_lists_every_response() -> None:
    cards = make_cards()
    cards.all_button.click()
    shown = cards.all_view.value
    assert all(f"helps {n}" in shown for n in range(3))
    assert cards.all_button.description == t("scenarios.hide_all")
    cards.all_button.click()
    assert cards.all_view.value == ""
    assert cards.all_button.description == t("scenarios.show_all")


def test_show_all_works_without_choosing() -> None:
    cards = make_cards()
    cards.show_all()
    assert "watch 2" in cards.all_view.value
    assert cards.chosen() == {}


def test_show_all_resets_on_next_card() -> None:
    cards = make_cards()
    cards.show_all()
    cards.go_to(2)
    assert cards.all_view.value == ""
    assert not cards.showing_all


def test_show_all_hidden_for_unopened_noted_situation() -> None:
    cards = make_cards()
    cards.next()
    assert cards.all_button.layout.display == "none"
    cards.show_all()
    assert cards.all_view.value == ""


# ---- escaping ----


def test_content_text_is_escaped_everywhere() -> None:
    response = Response(SCRIPT, [SCRIPT], [SCRIPT], [SCRIPT])
    scenario = Scenario(SCRIPT, SCRIPT, [response, response], note="")
    cards = cards_of(SCRIPT, [scenario], "cards")
    cards.choose(0)
    cards.show_all()
    for html in (cards.deck.card_view.value, cards.trade_offs.value, cards.all_view.value,
                 cards.children[0].value):
        assert "<script>" not in html
        assert "&lt;script&gt;" in html
    assert "<script>" not in cards.handout().to_html()


def test_welsh_and_emoji_reach_the_handout() -> None:
    response = Response(WELSH, ["a"], ["b"])
    cards = cards_of("Intro", [Scenario(WELSH, WELSH, [response, response])], "cards")
    cards.choose(1)
    assert WELSH in unescape(cards.handout().to_html())
    assert WELSH in cards.handout().to_markdown()


# ---- the printable cards ----


def handout_sections(cards: ScenarioCards) -> dict[str, list[str]]:
    return {section.heading: section.items for section in cards.handout().filled_sections}


def test_handout_has_every_situation_and_response_without_choices() -> None:
    cards = make_cards()
    sections = handout_sections(cards)
    assert list(sections) == ["1. Running late", "2. Risk", "3. Tech fails"]
    assert len(sections["3. Tech fails"]) == 1 + 4
    assert sections["2. Risk"][0] == t("scenarios.handout_note", note="suicide")
    assert sections["2. Risk"][1] == t("scenarios.handout_situation",
                                       situation="Someone says something worrying.")
    first = sections["1. Running late"][1]
    assert first.splitlines() == [
        t("scenarios.handout_response", label="A. Do 0"),
        t("scenarios.handout_helps", items="helps 0"),
        t("scenarios.handout_watch_out", items="watch 0"),
        t("scenarios.handout_links", items="Trust: link 0"),
    ]
    assert not any(item.startswith("Our choice") for items in sections.values()
                   for item in items)


def test_handout_adds_exactly_the_choices_made_not_passes() -> None:
    cards = make_cards()
    cards.choose(2)
    cards.go_to(1)
    cards.choose(PASS)
    cards.go_to(2)
    cards.choose(0)
    sections = handout_sections(cards)
    chosen = {heading: [item for item in items if item.startswith("Our choice")]
              for heading, items in sections.items()}
    assert chosen == {
        "1. Running late": [t("scenarios.handout_chosen", label="C. Do 2")],
        "2. Risk": [],
        "3. Tech fails": [t("scenarios.handout_chosen", label="A. Do 0")],
    }


def test_handout_title_and_intro() -> None:
    cards = make_cards()
    handout = cards.handout()
    assert handout.title == t("scenarios.handout_title")
    assert handout.intro.startswith("Intro text.")
    assert t("scenarios.handout_intro") in handout.intro


def test_handout_without_links_has_no_see_also_line() -> None:
    response = Response("Do", ["h"], ["w"])
    cards = cards_of("Intro", [Scenario("S", "s", [response, response])], "cards")
    assert "See also" not in cards.handout().to_markdown()


def test_download_holds_the_printable_cards() -> None:
    cards = make_cards()
    cards.choose(1)
    cards.download.prepare_button.click()
    links = dict((name, decode(href)) for href, name in re.findall(
        r'href="([^"]+)" class="(qa-download-[a-z]+)"', cards.download.links.value))
    assert 'download="scenario-cards.html"' in cards.download.links.value
    page = links["qa-download-html"]
    assert "Running late" in page and "Tech fails" in page
    assert "Our choice: B. Do 1" in page
    assert "Our choice: B. Do 1" in links["qa-download-markdown"]


def test_new_choice_withdraws_old_download() -> None:
    cards = make_cards()
    cards.download.prepare()
    assert cards.download.links.value
    cards.choose(0)
    assert cards.download.links.value == ""


def test_empty_deck_does_not_break() -> None:
    cards = cards_of("Intro", [], "cards")
    assert cards.chosen() == {}
    assert cards.download.prepare() is None


# ---- the Troubleshooting chapter's cards and notebook ----

REAL_FILE = "troubleshooting/scenarios.yaml"
NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "11_troubleshooting.ipynb"


def test_real_troubleshooting_cards_load() -> None:
    title, intro, scenarios = load_scenario_deck(REAL_FILE)
    assert title and intro
    assert len(scenarios) >= 6


def test_real_cards_include_risk_disclosure_with_specific_note() -> None:
    _, _, scenarios = load_scenario_deck(REAL_FILE)
    risk = next(s for s in scenarios if s.title == "Someone discloses risk in the group")
    assert "ending her life" in risk.note
    assert "does not describe any methods" in risk.note
    assert any("999" in item for r in risk.responses for item in r.watch_out)


def test_real_cards_include_technology_failing_with_paper_fallback() -> None:
    _, _, scenarios = load_scenario_deck(REAL_FILE)
    tech = next(s for s in scenarios if s.title == "The technology fails")
    assert any("printed cards" in r.text for r in tech.responses)


def test_real_cards_link_back_to_safety_trust_and_self_care() -> None:
    _, _, scenarios = load_scenario_deck(REAL_FILE)
    links = {link.split(":")[0] for s in scenarios for r in s.responses for link in r.links}
    assert {"Safety", "Trust", "Self-care"} <= links


def test_real_cards_have_no_scores_or_phone_numbers() -> None:
    text = (content.ASSETS_DIR / REAL_FILE).read_text(encoding="utf-8")
    assert set(re.findall(r"\d[\d ]{2,}\d", text)) <= {"999"}
    data = yaml.safe_load(text)
    keys = {key for s in data["scenarios"] for r in s["responses"] for key in r}
    assert keys <= {"text", "helps", "watch_out", "links"}
    lowered = text.lower()
    assert "correct answer" not in lowered and "score:" not in lowered


def test_real_cards_full_paper_set_has_every_card() -> None:
    title, intro, scenarios = load_scenario_deck(REAL_FILE)
    handout = cards_of(intro, scenarios, "scenario-cards", title=title).handout()
    assert len(handout.filled_sections) == len(scenarios)
    assert handout.title == title


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


def test_troubleshooting_notebook_has_the_asked_for_sections_in_order() -> None:
    headings = [text.splitlines()[0] for kind, text in notebook_cells()
                if kind == "markdown" and text.startswith("## ")]
    assert headings == ["## When things get bumpy",
                        "## Ensuring peer support remains accessible to all",
                        "## Taking time", "## Challenging behaviour", "## Timekeeping",
                        "## Feeling exhausted", "## Scenario cards", "## Key points",
                        "## Sources"]


def test_troubleshooting_notebook_prose_is_at_least_700_words() -> None:
    prose = section_prose()
    assert len(re.findall(r"[\w’'-]+", "\n".join(prose))) >= 700


def test_troubleshooting_notebook_lists_no_phone_numbers() -> None:
    text = "\n".join(text for kind, text in notebook_cells() if kind == "markdown")
    assert re.findall(r"\b\d{3}[\d ]{3,}\d\b", text) == []


def test_troubleshooting_notebook_notes_come_before_the_cards() -> None:
    code = [text for kind, text in notebook_cells() if kind == "code"]
    position = next(n for n, text in enumerate(code) if text.startswith("scenario_cards("))
    assert code[position - 1] == (
        'facilitator_notes("troubleshooting/facilitator-notes.yaml", "scenario-cards")')
    assert code[-1] == 'chapter_links("11_troubleshooting")'
