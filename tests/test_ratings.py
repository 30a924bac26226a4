"""Tests for kit.ratings: several items rated on one scale, Pass always offered."""

import pytest

from peer_support.i18n import t
from peer_support.kit.choice import ChoiceScale
from peer_support.kit.ratings import PASS, RatingSet

ITEMS = [("rest", "Rest"), ("company", "Company"), ("peace", "Peace")]
OPTIONS = [("not", "Not met"), ("partly", "Partly met"), ("met", "Met")]


def make(**kwargs) -> RatingSet:
    return RatingSet("How met is this need today?", ITEMS, OPTIONS, **kwargs)


@pytest.fixture(params=[False, True], ids=["list", "one-at-a-time"])
def rating(request) -> RatingSet:
    return make(one_at_a_time=request.param, item_noun="Need")


def test_ratings_start_unanswered(rating: RatingSet) -> None:
    assert rating.ratings == {"rest": None, "company": None, "peace": None}
    assert rating.answered() == {}


def test_rate_records_the_option(rating: RatingSet) -> None:
    rating.rate("company", "met")
    assert rating.ratings["company"] == "met"
    assert rating.answered() == {"company": "met"}


def test_rate_again_changes_the_option(rating: RatingSet) -> None:
    rating.rate("rest", "met")
    rating.rate("rest", "not")
    assert rating.answered() == {"rest": "not"}


def test_pass_is_recorded_but_left_out_of_answered(rating: RatingSet) -> None:
    rating.rate("rest", PASS)
    rating.rate("peace", "partly")
    assert rating.ratings["rest"] == PASS
    assert rating.answered() == {"peace": "partly"}
    assert rating.passed() == ["rest"]


def test_score_counts_from_one_at_the_lowest(rating: RatingSet) -> None:
    rating.rate("rest", "not")
    rating.rate("company", "partly")
    rating.rate("peace", "met")
    assert [rating.score(key) for key, _ in ITEMS] == [1, 2, 3]
    assert rating.maximum == 3


def test_score_is_none_when_passed_or_unanswered(rating: RatingSet) -> None:
    rating.rate("rest", PASS)
    assert rating.score("rest") is None
    assert rating.score("company") is None


def test_chart_values_pair_labels_with_scores(rating: RatingSet) -> None:
    rating.rate("rest", "met")
    rating.rate("company", PASS)
    assert rating.chart_values() == [("Rest", 3), ("Company", None), ("Peace", None)]


def test_rate_unknown_item_or_option_raises(rating: RatingSet) -> None:
    with pytest.raises(KeyError):
        rating.rate("sleep", "met")
    with pytest.raises(KeyError):
        rating.rate("rest", "brilliant")
    assert rating.answered() == {}


def test_ratings_is_a_copy(rating: RatingSet) -> None:
    rating.ratings["rest"] = "met"
    assert rating.ratings["rest"] is None


def test_on_change_is_called_after_each_rating_and_clear(rating: RatingSet) -> None:
    calls = []
    rating.on_change(lambda: calls.append(rating.ratings))
    rating.rate("rest", "met")
    rating.rate("company", PASS)
    rating.clear()
    assert [call["rest"] for call in calls] == ["met", "met", None]
    assert calls[1]["company"] == PASS


def test_clear_forgets_everything(rating: RatingSet) -> None:
    rating.rate("rest", "met")
    rating.rate("peace", PASS)
    rating.clear()
    assert rating.ratings == {"rest": None, "company": None, "peace": None}
    assert rating.progress.message == t("ratings.cleared")


def test_progress_is_announced_and_counts_passes(rating: RatingSet) -> None:
    rating.rate("rest", "met")
    rating.rate("company", PASS)
    assert rating.progress.message == t("ratings.progress", done=2, total=3)


def test_list_mode_has_a_choice_scale_per_item_with_pass() -> None:
    rating = make()
    assert list(rating.scales) == ["rest", "company", "peace"]
    for scale in rating.scales.values():
        assert isinstance(scale, ChoiceScale)
        assert list(scale.buttons) == ["not", "partly", "met", PASS]


def test_list_mode_buttons_do_the_rating() -> None:
    rating = make()
    rating.scales["company"].buttons["partly"].click()
    rating.scales["peace"].buttons[PASS].click()
    assert rating.ratings == {"rest": None, "company": "partly", "peace": PASS}


def test_list_mode_marks_only_the_chosen_button() -> None:
    rating = make()
    rating.rate("rest", "partly")
    chosen = [key for key, button in rating.scales["rest"].buttons.items()
              if button.button_style == "primary"]
    assert chosen == ["partly"]


def test_list_mode_passing_looks_like_answering() -> None:
    rating = make()
    rating.rate("rest", PASS)
    rating.rate("company", "met")
    passed = rating.scales["rest"].buttons[PASS]
    answered = rating.scales["company"].buttons["met"]
    assert passed.button_style == answered.button_style == "primary"
    assert passed.description.startswith("✓") and answered.description.startswith("✓")


def test_list_mode_buttons_name_their_item_in_a_tooltip() -> None:
    rating = make()
    assert rating.scales["peace"].buttons["met"].tooltip == "Peace: Met"


def test_list_mode_shows_hints_as_text() -> None:
    rating = make(hints={"rest": "<b>Sleep</b> and breaks"})
    html = rating.scales["rest"].children[1].value
    assert "&lt;b&gt;Sleep&lt;/b&gt;" in html


def test_items_and_options_are_escaped_in_one_at_a_time_cards() -> None:
    rating = RatingSet("Q", [("x", "<script>x</script>")], OPTIONS, one_at_a_time=True,
                       hints={"x": "<img src=y>"})
    html = rating.deck.card_view.value
    assert "<script>" not in html and "<img" not in html


def test_one_at_a_time_moves_through_items_and_remembers_answers() -> None:
    rating = make(one_at_a_time=True, item_noun="Need")
    rating.scale.buttons["met"].click()
    assert rating.ratings["rest"] == "met"
    rating.deck.next_button.click()
    assert rating.current_item == "company"
    assert rating.scale.choice is None
    rating.scale.buttons[PASS].click()
    rating.deck.previous_button.click()
    assert rating.scale.choice == "met"
    assert rating.ratings == {"rest": "met", "company": PASS, "peace": None}
    assert rating.deck.position.message == "Need 1 of 3"


def test_one_at_a_time_buttons_name_the_item_noun() -> None:
    rating = make(one_at_a_time=True, item_noun="Need")
    assert rating.deck.next_button.description == t("ratings.next", noun="need")
    assert rating.deck.previous_button.description == t("ratings.previous", noun="need")
    assert "qa-ratings-next" in rating.deck.next_button._dom_classes


def test_one_at_a_time_without_noun_keeps_plain_buttons() -> None:
    rating = make(one_at_a_time=True)
    assert rating.deck.next_button.description == t("deck.next")


def test_one_at_a_time_rate_shows_the_item_it_rates() -> None:
    rating = make(one_at_a_time=True)
    rating.rate("peace", "partly")
    assert rating.current_item == "peace"
    assert rating.scale.choice == "partly"


def test_one_at_a_time_says_so_at_the_last_item() -> None:
    rating = make(one_at_a_time=True)
    for _ in range(5):
        rating.deck.next_button.click()
    assert rating.current_item == "peace"
    assert rating.deck.position.message == t("deck.last")


@pytest.mark.parametrize("items, options", [
    ([], OPTIONS),
    ([("a", "A"), ("a", "B")], OPTIONS),
    (ITEMS, []),
    (ITEMS, [("pass", "Pass")]),
    (ITEMS, [("x", "X"), ("x", "Y")]),
])
def test_bad_items_or_options_are_refused(items, options) -> None:
    with pytest.raises(ValueError):
        RatingSet("Q", items, options)
