"""Tests for chapters.trust (the trust sort), the Trust chapter's trauma-informed self-check
(a kit self-check) and scenarios file, and the chapter notebook's text."""

import dataclasses
import json
import re
from html import unescape
from pathlib import Path

import pytest
import yaml
from conftest import decoded_link, load_error, write_yaml
from IPython.display import HTML

from peer_support import content
from peer_support.chapters.trust import (
    MINIMUM_CARDS,
    TOP_LIMIT,
    TRUST_CARDS,
    TrustCard,
    TrustSort,
    agreement_suggestions,
    trust_sort,
)
from peer_support.i18n import t
from peer_support.kit.choice import PASS
from peer_support.kit.scenarios import SCENARIOS, ScenarioCards
from peer_support.kit.self_check import SELF_CHECK, CheckItem, SelfCheck, self_check
from peer_support.kit.sort import CARD_LIMIT

CARDS_FILE = "trust/trust-cards.yaml"
PRINCIPLES_FILE = "trust/principles.yaml"
SCENARIOS_FILE = "trust/scenarios.yaml"
NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "03_trust.ipynb"
UK_PRINCIPLES = ["Safety", "Trust", "Choice", "Collaboration", "Empowerment",
                 "Cultural consideration"]
#: The self-check's answers, lowest first.
OPTIONS = ("not-yet", "partly", "mostly", "fully")
SCRIPT = "<script>alert(1)</script>"
IMAGE = '<img src=x onerror="alert(1)">'
WELSH = "Croeso cynnes i bawb ŵ ŷ 😊"
REAL = content.ASSETS_DIR


# ---- helpers ----


def real(path: str) -> dict:
    """A real content file as written (the words the pack should show)."""
    return yaml.safe_load((REAL / path).read_text(encoding="utf-8"))


CARDS_DATA = real(CARDS_FILE)
PRINCIPLES_DATA = real(PRINCIPLES_FILE)
#: The trust sort's column headings, by column id, as the cards file gives them.
HEADINGS = {column["id"]: column["heading"] for column in CARDS_DATA["columns"]}
#: The self-check's summary headings: the ratings (download only), then the next steps.
RATINGS_HEADING, NEXT_STEPS_HEADING = [block["heading"] for block in PRINCIPLES_DATA["summary"]]


def make_cards(count: int = 10) -> list[TrustCard]:
    return [TrustCard(id=f"card-{n}", text=f"Card {n}", agreement=f"We agree {n}.")
            for n in range(1, count + 1)]


def make_items(names=UK_PRINCIPLES) -> list[CheckItem]:
    return [CheckItem(id=name.lower().replace(" ", "-"), name=name,
                      hint=f"Question about {name}? (Closest SAMHSA principle: S {name}.)",
                      actions=[f"{name} step 1", f"{name} step 2"])
            for name in names]


def card_entry(number: int, **changes) -> dict:
    entry = {"id": f"card-{number}", "text": f"Card {number}", "agreement": f"We agree {number}."}
    entry.update(changes)
    return entry


def cards_data(entries: list[dict]) -> dict:
    """The real cards file with ``entries`` as its cards."""
    return {**real(CARDS_FILE), "cards": entries}


def item_entry(number: int, **changes) -> dict:
    entry = {"id": f"p-{number}", "name": f"Principle {number}",
             "hint": f"Question {number}? (Closest SAMHSA principle: Safety.)",
             "actions": ["One.", "Two."]}
    entry.update(changes)
    return entry


def is_error_block(block: object) -> bool:
    return isinstance(block, HTML) and 'role="alert"' in block.data


def sections(markdown: str) -> dict[str, list[str]]:
    """Markdown handout -> {section heading: [items]} (escapes left as they are)."""
    found: dict[str, list[str]] = {}
    heading = None
    for line in markdown.splitlines():
        if line.startswith("## "):
            heading = line[3:]
            found[heading] = []
        elif line.startswith("- ") and heading is not None:
            found[heading].append(line[2:])
    return found


def next_step_names(check: SelfCheck) -> list[str]:
    """The principles that got next steps, in order (from the summary's lines)."""
    lines = dict(check.blocks()).get(NEXT_STEPS_HEADING, [])
    return list(dict.fromkeys(line.split(": ", 1)[0] for line in lines))


@pytest.fixture
def sort() -> TrustSort:
    return TrustSort(dataclasses.replace(TRUST_CARDS.load(CARDS_FILE), cards=make_cards()))


@pytest.fixture
def check() -> SelfCheck:
    return SelfCheck(dataclasses.replace(SELF_CHECK.load(PRINCIPLES_FILE),
                                         question="How well do we do this?", items=make_items()),
                     basename="group-self-check")


# ---- the cards file ----


def test_real_cards_file_has_enough_cards() -> None:
    assert len(TRUST_CARDS.load(CARDS_FILE).cards) >= MINIMUM_CARDS >= 8


def test_real_cards_fit_the_sort_card_limit() -> None:
    cards = TRUST_CARDS.load(CARDS_FILE).cards
    assert [c.id for c in cards if len(c.text) > CARD_LIMIT] == []


def test_real_cards_have_unique_texts() -> None:
    texts = [card.text.casefold() for card in TRUST_CARDS.load(CARDS_FILE).cards]
    assert len(texts) == len(set(texts))


def test_real_cards_all_make_a_trust_sort() -> None:
    block = trust_sort(CARDS_FILE)
    assert isinstance(block, TrustSort)
    assert block.sort.unsorted() == [card.text for card in TRUST_CARDS.load(CARDS_FILE).cards]


def test_agreement_suggestions_are_every_cards_agreement_in_order() -> None:
    cards = TRUST_CARDS.load(CARDS_FILE).cards
    assert agreement_suggestions() == [card.agreement for card in cards]
    assert all(text.endswith(".") for text in agreement_suggestions())


def test_cards_missing_agreement_names_file_and_card(assets: Path) -> None:
    entries = [card_entry(n) for n in range(1, 11)]
    del entries[3]["agreement"]
    error = load_error(lambda: TRUST_CARDS.load(
        write_yaml(assets, CARDS_FILE, cards_data(entries))))
    assert error.path.endswith(CARDS_FILE)
    assert "Card 4" in error.problem and "'agreement'" in error.problem


def test_cards_repeated_text_is_refused(assets: Path) -> None:
    entries = [card_entry(n) for n in range(1, 11)]
    entries[5]["text"] = "card 1"
    error = load_error(lambda: TRUST_CARDS.load(
        write_yaml(assets, CARDS_FILE, cards_data(entries))))
    assert "Card 6" in error.problem and "repeats" in error.problem


def test_cards_too_long_for_the_sort_is_refused(assets: Path) -> None:
    entries = [card_entry(n) for n in range(1, 11)]
    entries[0]["text"] = "x" * (CARD_LIMIT + 1)
    error = load_error(lambda: TRUST_CARDS.load(
        write_yaml(assets, CARDS_FILE, cards_data(entries))))
    assert "Card 1" in error.problem and str(CARD_LIMIT) in error.problem


def test_cards_too_few_names_the_minimum(assets: Path) -> None:
    entries = [card_entry(n) for n in range(1, MINIMUM_CARDS)]
    error = load_error(lambda: TRUST_CARDS.load(
        write_yaml(assets, CARDS_FILE, cards_data(entries))))
    assert str(MINIMUM_CARDS) in error.problem


def test_cards_bad_id_is_refused(assets: Path) -> None:
    entries = [card_entry(n) for n in range(1, 11)]
    entries[2]["id"] = "Not An Id"
    error = load_error(lambda: TRUST_CARDS.load(
        write_yaml(assets, CARDS_FILE, cards_data(entries))))
    assert "Card 3" in error.problem and "'id'" in error.problem


def test_trust_sort_with_missing_file_shows_calm_error(assets: Path) -> None:
    block = trust_sort(CARDS_FILE)
    assert is_error_block(block)
    assert CARDS_FILE in block.data and "missing" in block.data


def test_trust_sort_with_invalid_yaml_shows_calm_error(assets: Path) -> None:
    (assets / CARDS_FILE).write_text("cards: [\n  - id: a\n  text: :", encoding="utf-8")
    block = trust_sort(CARDS_FILE)
    assert is_error_block(block) and "not valid YAML" in block.data


# ---- the trust sort ----


def test_sort_has_builds_and_breaks_columns(sort: TrustSort) -> None:
    assert [key for key, _ in sort.sort.columns] == ["builds", "breaks"]
    assert sort.sort.headings == {"builds": "Builds trust", "breaks": "Breaks trust"} == HEADINGS
    assert sort.sort.allow_add


def test_moving_cards_fills_builders_and_breakers_in_order(sort: TrustSort) -> None:
    sort.sort.move("Card 3", "builds")
    sort.sort.move("Card 1", "breaks")
    sort.sort.move("Card 2", "builds")
    assert sort.builders() == ["Card 3", "Card 2"]
    assert sort.in_column("breaks") == ["Card 1"]


def test_choose_top_makes_a_draft_agreement(sort: TrustSort) -> None:
    sort.sort.move("Card 2", "builds")
    assert sort.choose_top("Card 2") is True
    assert sort.top == ["Card 2"]
    assert sort.agreements() == ["We agree 2."]
    assert "We agree 2." in sort.agreements_view.value


def test_choose_top_refuses_a_card_not_in_builds(sort: TrustSort) -> None:
    sort.sort.move("Card 1", "breaks")
    assert sort.choose_top("Card 1") is False
    assert sort.choose_top("Card 4") is False  # still in the pile
    assert sort.top == []
    assert sort.top_status.message == t("trust.top_not_builder", card="Card 4")


def test_choose_top_unknown_card_raises(sort: TrustSort) -> None:
    with pytest.raises(KeyError):
        sort.choose_top("No such card")


def test_choose_top_stops_at_the_limit_with_a_message(sort: TrustSort) -> None:
    for number in range(1, TOP_LIMIT + 2):
        sort.sort.move(f"Card {number}", "builds")
    for number in range(1, TOP_LIMIT + 1):
        assert sort.choose_top(f"Card {number}")
    assert sort.choose_top(f"Card {TOP_LIMIT + 1}") is False
    assert len(sort.top) == TOP_LIMIT
    assert sort.top_status.message == t("trust.top_full", limit=TOP_LIMIT)


def test_choose_top_twice_keeps_one(sort: TrustSort) -> None:
    sort.sort.move("Card 1", "builds")
    sort.choose_top("Card 1")
    assert sort.choose_top("Card 1") is False
    assert sort.top == ["Card 1"]


def test_toggle_top_adds_then_removes(sort: TrustSort) -> None:
    sort.sort.move("Card 1", "builds")
    sort.toggle_top("Card 1")
    assert sort.top == ["Card 1"]
    sort.toggle_top("Card 1")
    assert sort.top == []
    assert sort.builders() == ["Card 1"]


def test_top_buttons_follow_the_builds_column_and_keep_the_same_widget(sort: TrustSort) -> None:
    sort.sort.move("Card 1", "builds")
    sort.sort.move("Card 2", "builds")
    buttons = list(sort.top_buttons.children)
    assert [b.description for b in buttons] == [t("trust.top_choose", card="Card 1"),
                                                t("trust.top_choose", card="Card 2")]
    buttons[1].click()
    assert sort.top == ["Card 2"]
    assert sort.top_buttons.children[1] is buttons[1]  # same widget, so focus stays on it
    assert buttons[1].description == t("trust.top_remove", card="Card 2")
    assert all("qa-trust-top-toggle" in b._dom_classes for b in buttons)


def test_moving_a_top_builder_to_breaks_drops_it_from_the_top(sort: TrustSort) -> None:
    sort.sort.move("Card 1", "builds")
    sort.sort.move("Card 2", "builds")
    sort.choose_top("Card 1")
    sort.choose_top("Card 2")
    sort.sort.move("Card 1", "breaks")
    assert sort.top == ["Card 2"]
    assert "Card 1" in sort.top_status.message


def test_putting_a_top_builder_back_drops_it_from_the_top(sort: TrustSort) -> None:
    sort.sort.move("Card 1", "builds")
    sort.choose_top("Card 1")
    sort.sort.move_back("Card 1")
    assert sort.top == [] and sort.agreements() == []


def test_reset_clears_the_top_builders(sort: TrustSort) -> None:
    sort.sort.move("Card 1", "builds")
    sort.choose_top("Card 1")
    sort.sort.reset()
    assert sort.top == [] and sort.builders() == []
    assert sort.top_buttons.children == ()


def test_own_card_becomes_an_agreement_in_the_groups_own_words(sort: TrustSort) -> None:
    assert sort.sort.add_card("  We bring biscuits  ")
    sort.sort.move("We bring biscuits", "builds")
    sort.choose_top("We bring biscuits")
    assert sort.agreements() == ["We bring biscuits"]


def test_handout_holds_exactly_agreements_then_columns(sort: TrustSort) -> None:
    sort.sort.move("Card 1", "builds")
    sort.sort.move("Card 2", "breaks")
    sort.sort.move("Card 3", "builds")
    sort.choose_top("Card 3")
    handout = sort.handout()
    assert [(s.heading, s.items) for s in handout.filled_sections] == [
        (t("trust.handout_agreements"), ["We agree 3."]),
        (HEADINGS["builds"], ["Card 1", "Card 3"]),
        (HEADINGS["breaks"], ["Card 2"]),
    ]
    assert handout.item_count == 4


def test_handout_leaves_out_cards_still_in_the_pile(sort: TrustSort) -> None:
    sort.sort.move("Card 1", "builds")
    text = sort.handout().to_markdown()
    assert "Card 1" in text
    assert "Card 2" not in text and "Card 10" not in text


def test_handout_without_top_builders_has_no_agreements_section(sort: TrustSort) -> None:
    sort.sort.move("Card 1", "builds")
    headings = [s.heading for s in sort.handout().filled_sections]
    assert headings == [HEADINGS["builds"]]


def test_download_with_nothing_sorted_offers_nothing(sort: TrustSort) -> None:
    assert sort.download.prepare() is None
    assert sort.download.links.value == ""
    assert sort.download.status.message == t("handout.nothing")


def test_download_link_holds_the_draft_agreements(sort: TrustSort) -> None:
    sort.sort.move("Card 4", "builds")
    sort.choose_top("Card 4")
    sort.download.prepare()
    markdown = decoded_link(sort.download.links.value, "markdown")
    assert sections(markdown)[t("trust.handout_agreements")] == ["We agree 4."]


def test_download_is_withdrawn_when_the_sort_changes(sort: TrustSort) -> None:
    sort.sort.move("Card 4", "builds")
    sort.download.prepare()
    assert sort.download.links.value
    sort.sort.move("Card 5", "breaks")
    assert sort.download.links.value == ""


# ---- hostile and unusual text in the trust sort ----


@pytest.mark.parametrize("typed", [SCRIPT, IMAGE])
def test_typed_markup_stays_text_everywhere(sort: TrustSort, typed: str) -> None:
    assert sort.sort.add_card(typed)
    sort.sort.move(typed, "builds")
    sort.choose_top(typed)
    assert typed not in sort.agreements_view.value
    assert unescape(sort.agreements_view.value).count(typed) == 1
    assert sort.top_buttons.children[0].description == t("trust.top_remove", card=typed)
    html = sort.handout().to_html()
    assert typed not in html and "&lt;" in html
    markdown = sort.handout().to_markdown()
    assert "\\<" in markdown and typed not in markdown


def test_welsh_and_emoji_card_is_kept_whole(sort: TrustSort) -> None:
    assert sort.sort.add_card(WELSH)
    sort.sort.move(WELSH, "builds")
    sort.choose_top(WELSH)
    assert sort.agreements() == [WELSH]
    assert WELSH in sort.handout().to_html()


def test_very_long_card_is_refused_and_kept_in_the_box(sort: TrustSort) -> None:
    typed = "x" * 10_000
    sort.sort.add_input.value = typed
    assert sort.sort.add_card(typed) is False
    assert sort.sort.add_input.value == typed
    assert "Nothing has been cut" in sort.sort.status.message
    assert typed not in sort.sort.cards


def test_empty_card_is_refused(sort: TrustSort) -> None:
    assert sort.sort.add_card("   ") is False
    assert sort.sort.status.message == t("sort.add_empty")


# ---- the principles file ----


def test_real_principles_are_the_uk_six_in_order() -> None:
    loaded = SELF_CHECK.load(PRINCIPLES_FILE)
    assert loaded.question
    assert [p.name for p in loaded.items] == UK_PRINCIPLES


def test_real_principles_each_have_two_or_three_next_steps() -> None:
    loaded = SELF_CHECK.load(PRINCIPLES_FILE)
    assert all(2 <= len(p.actions) <= 3 for p in loaded.items)


def test_real_principles_name_a_samhsa_principle() -> None:
    samhsa = {"Safety", "Trustworthiness and transparency", "Peer support",
              "Collaboration and mutuality", "Empowerment, voice and choice",
              "Cultural, historical and gender issues"}
    loaded = SELF_CHECK.load(PRINCIPLES_FILE)
    matches = [re.search(r"\(Closest SAMHSA principle: (.+)\.\)$", p.hint) for p in loaded.items]
    assert all(match and any(name in match.group(1) for name in samhsa) for match in matches)


def test_principles_missing_name_names_the_field(assets: Path) -> None:
    entry = item_entry(1)
    del entry["name"]
    error = load_error(lambda: SELF_CHECK.load(
        write_yaml(assets, PRINCIPLES_FILE, {**real(PRINCIPLES_FILE), "items": [entry]})))
    assert error.path.endswith(PRINCIPLES_FILE)
    assert "Item 1" in error.problem and "'name'" in error.problem


def test_principles_missing_question_is_refused(assets: Path) -> None:
    data = {**real(PRINCIPLES_FILE), "items": [item_entry(1)]}
    del data["question"]
    error = load_error(lambda: SELF_CHECK.load(write_yaml(assets, PRINCIPLES_FILE, data)))
    assert "'question'" in error.problem


def test_self_check_with_broken_file_shows_calm_error(assets: Path) -> None:
    block = self_check(write_yaml(assets, PRINCIPLES_FILE, {"question": "Q?"}),
                       "group-self-check")
    assert is_error_block(block) and PRINCIPLES_FILE in block.data


def test_real_self_check_builds() -> None:
    block = self_check(PRINCIPLES_FILE, "group-self-check")
    assert isinstance(block, SelfCheck)
    assert list(block.ratings.ratings) == [p.id for p in SELF_CHECK.load(PRINCIPLES_FILE).items]


# ---- the self-check ----


def test_self_check_offers_four_options_and_pass(check: SelfCheck) -> None:
    scale = check.ratings.scale
    assert list(scale.labels) == [*OPTIONS, PASS]
    assert [scale.labels[key] for key in OPTIONS] == ["Not yet", "Partly", "Mostly", "Fully"]


def test_self_check_shows_one_principle_at_a_time_with_its_samhsa_match(
        check: SelfCheck) -> None:
    card = check.ratings.deck.card_view.value
    assert "Safety" in card and "Question about Safety?" in card and "S Safety" in card
    assert "Trust" not in card
    check.ratings.deck.next()
    assert "Question about Trust?" in check.ratings.deck.card_view.value
    assert check.ratings.deck.position.message == "Principle 2 of 6"


def test_rating_records_and_scores(check: SelfCheck) -> None:
    check.rate("safety", "mostly")
    check.rate("trust", "pass")
    assert check.ratings.answered() == {"safety": "mostly"}
    assert check.ratings.score("safety") == 3
    assert check.ratings.score("trust") is None


def test_rating_unknown_option_raises(check: SelfCheck) -> None:
    with pytest.raises(KeyError):
        check.rate("safety", "brilliant")
    with pytest.raises(KeyError):
        check.rate("kindness", "mostly")


def test_low_areas_are_not_yet_and_partly_only(check: SelfCheck) -> None:
    check.rate("safety", "not-yet")
    check.rate("trust", "partly")
    check.rate("choice", "mostly")
    check.rate("collaboration", "fully")
    check.rate("empowerment", "pass")
    # Next steps are for the two lowest answers only.
    assert check.content.summary[1].options == list(OPTIONS[:2])
    assert next_step_names(check) == ["Safety", "Trust"]


def test_next_steps_show_for_low_areas_only(check: SelfCheck) -> None:
    check.rate("trust", "not-yet")
    check.rate("safety", "fully")
    view = check.summary_view.value
    assert "Trust step 1" in view and "Trust step 2" in view
    assert "Safety step" not in view


def test_next_steps_say_so_when_nothing_is_low(check: SelfCheck) -> None:
    assert unescape(check.summary_view.value) == (
        f'<p class="pack-muted">{PRINCIPLES_DATA["summary_empty"]}</p>')
    check.rate("safety", "fully")
    assert unescape(check.summary_view.value) == (
        f'<p class="pack-muted">{PRINCIPLES_DATA["summary_none"]}</p>')


def test_chart_is_an_accessible_svg_with_a_text_alternative(check: SelfCheck) -> None:
    check.rate("safety", "partly")
    check.rate("trust", "pass")
    chart = check.chart_view.value
    labelled_by = re.search(r'<svg [^>]*role="img"[^>]*aria-labelledby="([^"]+)"', chart)
    assert labelled_by is not None
    title = PRINCIPLES_DATA["chart"]["title"]
    assert f'<title id="{labelled_by.group(1)}">{title}</title>' in chart
    alternative = re.search(r'<ul class="pack-chart-text">(.*?)</ul>', chart).group(1)
    items = re.findall(r"<li>(.*?)</li>", alternative)
    assert items[0] == "<strong>Safety</strong>: Partly (2 out of 4)"
    assert items[1] == f"<strong>Trust</strong>: {PRINCIPLES_DATA['chart']['not_rated']}"
    assert len(items) == len(UK_PRINCIPLES)


def test_chart_passed_and_unrated_look_the_same(check: SelfCheck) -> None:
    check.rate("trust", "pass")
    items = re.findall(r"<li>(.*?)</li>", check.chart_view.value)
    assert items[1].split(": ", 1)[1] == items[2].split(": ", 1)[1]


def test_self_check_handout_holds_exactly_what_was_rated(check: SelfCheck) -> None:
    check.rate("safety", "partly")
    check.rate("trust", "pass")
    check.rate("choice", "fully")
    handout = check.handout()
    assert [(s.heading, s.items) for s in handout.filled_sections] == [
        (RATINGS_HEADING, ["Safety: Partly", "Choice: Fully"]),
        (NEXT_STEPS_HEADING, ["Safety: Safety step 1", "Safety: Safety step 2"]),
    ]
    assert "Trust" not in handout.to_markdown().split("## ", 1)[1]


def test_self_check_handout_leaves_out_a_passed_low_area(check: SelfCheck) -> None:
    check.rate("safety", "not-yet")
    check.rate("safety", "pass")
    assert check.handout().item_count == 0
    assert check.download.prepare() is None


def test_self_check_download_link_holds_the_ratings(check: SelfCheck) -> None:
    check.rate("empowerment", "not-yet")
    check.download.prepare()
    html = decoded_link(check.download.links.value, "html")
    items = re.findall(r"<li>(.*?)</li>", html)
    assert items == ["Empowerment: Not yet", "Empowerment: Empowerment step 1",
                     "Empowerment: Empowerment step 2"]


def test_clear_forgets_every_rating(check: SelfCheck) -> None:
    check.rate("safety", "not-yet")
    check.download.prepare()
    check.clear_button.click()
    assert check.ratings.answered() == {}
    assert next_step_names(check) == []
    assert check.download.links.value == ""
    assert check.handout().item_count == 0


def test_self_check_escapes_content_text() -> None:
    items = [CheckItem(id="p", name=SCRIPT, hint=IMAGE + SCRIPT, actions=[IMAGE, SCRIPT])]
    check = SelfCheck(dataclasses.replace(SELF_CHECK.load(PRINCIPLES_FILE), question=SCRIPT,
                                          items=items))
    check.rate("p", "not-yet")
    for html in (check.chart_view.value, check.summary_view.value):
        assert "<script>" not in html and "<img" not in html


# ---- the scenarios file ----


def test_scenarios_file_loads_in_the_shared_format() -> None:
    loaded = SCENARIOS.load(SCENARIOS_FILE)
    assert loaded.title and loaded.intro
    assert len(loaded.scenarios) >= 5
    assert all(2 <= len(s.responses) <= 6 for s in loaded.scenarios)


def test_scenarios_cover_the_issues_named_in_the_chapter() -> None:
    scenarios = SCENARIOS.load(SCENARIOS_FILE).scenarios
    text = " ".join(f"{s.title} {s.situation}" for s in scenarios).lower()
    for topic in ("money", "midnight", "friend", "social media", "frightened", "sort things out"):
        assert topic in text, topic


def test_scenarios_have_notes_before_the_hard_ones() -> None:
    scenarios = SCENARIOS.load(SCENARIOS_FILE).scenarios
    noted = {s.title for s in scenarios if s.note}
    assert {"Messages at midnight", "A worry about safety"} <= noted


def test_every_response_has_something_for_it_and_something_to_watch() -> None:
    scenarios = SCENARIOS.load(SCENARIOS_FILE).scenarios
    assert all(r.helps and r.watch_out for s in scenarios for r in s.responses)


def test_scenarios_file_has_no_phone_numbers_except_999() -> None:
    text = (content.ASSETS_DIR / SCENARIOS_FILE).read_text(encoding="utf-8")
    numbers = re.findall(r"\d[\d ]{2,}\d", text)
    assert set(numbers) <= {"999"}


def test_scenarios_have_no_score_or_right_answer() -> None:
    data = yaml.safe_load((content.ASSETS_DIR / SCENARIOS_FILE).read_text(encoding="utf-8"))
    keys = {key for s in data["scenarios"] for r in s["responses"] for key in r}
    assert keys <= {"text", "helps", "watch_out", "links"}


def test_scenarios_handout_is_a_full_paper_set() -> None:
    loaded = SCENARIOS.load(SCENARIOS_FILE)
    scenarios = loaded.scenarios
    cards = ScenarioCards(loaded, "scenario-cards")
    cards.choose(1)
    handout = cards.handout()
    assert len(handout.filled_sections) == len(scenarios)
    for section, scenario in zip(handout.filled_sections, scenarios, strict=True):
        assert scenario.title in section.heading
        body = "\n".join(section.items)
        assert all(response.text in body for response in scenario.responses)
    chosen = t("scenarios.handout_chosen", label=f"B. {scenarios[0].responses[1].text}")
    assert handout.filled_sections[0].items[-1] == chosen
    assert not any(item.startswith(chosen[:10]) for s in handout.filled_sections[1:]
                   for item in s.items)


# ---- the notebook's words ----


def notebook_cells() -> list[tuple[str, str]]:
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


def test_notebook_prose_is_at_least_700_words() -> None:
    prose = section_prose()
    words = re.findall(r"[\w’'-]+", "\n".join(prose))
    assert len(words) >= 700


def test_notebook_has_the_asked_for_sections_in_order() -> None:
    headings = [text.splitlines()[0] for kind, text in notebook_cells()
                if kind == "markdown" and text.startswith("## ")]
    assert headings == ["## Why trust matters", "## How you can establish trust",
                        "## A trust-building activity", "## Becoming trauma-informed",
                        "## Encouraging healthy relationships between peers",
                        "## Key points", "## Sources"]


def test_notebook_gives_both_frameworks_with_dates() -> None:
    text = "\n".join(text for kind, text in notebook_cells() if kind == "markdown")
    assert "July 2014" in text and "2 November 2022" in text
    for principle in ("trustworthiness and transparency", "empowerment, voice and choice",
                      "cultural, historical and gender issues"):
        assert principle in text
    assert "safety, trust, choice, collaboration, empowerment and cultural consideration" in text
    assert ("https://www.gov.uk/government/publications/"
            "working-definition-of-trauma-informed-practice") in text


def test_notebook_lists_no_phone_numbers_of_its_own() -> None:
    text = "\n".join(text for kind, text in notebook_cells() if kind == "markdown")
    assert set(re.findall(r"\b\d{3}[\d ]{3,}\d\b", text)) == set()


def test_notebook_each_exercise_follows_its_facilitator_notes() -> None:
    code = [text for kind, text in notebook_cells() if kind == "code"]
    for call, activity in (("trust_sort(", "trust-sort"),
                           (f'self_check("{PRINCIPLES_FILE}"', "trauma-self-check"),
                           ("scenario_cards(", "boundaries-scenarios")):
        position = next(n for n, text in enumerate(code) if text.startswith(call))
        assert f'"{activity}"' in code[position - 1]
