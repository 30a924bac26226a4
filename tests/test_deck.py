"""Tests for kit.deck: one card at a time, never stuck, never a dead button."""

from peer_support.i18n import t
from peer_support.kit.deck import CardDeck, plain_card

CARDS = [{"text": "first"}, {"text": "second"}, {"text": "third"}]


def make_deck(**kwargs) -> CardDeck:
    return CardDeck([dict(card) for card in CARDS], **kwargs)


def test_deck_starts_at_first_card() -> None:
    deck = make_deck()
    assert deck.index == 0
    assert deck.current == CARDS[0]
    assert "first" in deck.card_view.value


def test_deck_next_moves_forward() -> None:
    deck = make_deck()
    deck.next()
    assert deck.index == 1
    assert "second" in deck.card_view.value


def test_deck_previous_moves_back() -> None:
    deck = make_deck()
    deck.go_to(2)
    deck.previous()
    assert deck.index == 1
    assert deck.current == CARDS[1]


def test_deck_next_at_last_card_stays_and_says_so() -> None:
    deck = make_deck()
    deck.go_to(len(CARDS) - 1)
    deck.next()
    assert deck.index == len(CARDS) - 1
    assert deck.position.message == t("deck.last")


def test_deck_previous_at_first_card_stays_and_says_so() -> None:
    deck = make_deck()
    deck.previous()
    assert deck.index == 0
    assert deck.position.message == t("deck.first")


def test_deck_buttons_stay_enabled_at_the_ends() -> None:
    deck = make_deck()
    deck.previous()
    deck.go_to(len(CARDS) - 1)
    deck.next()
    assert deck.previous_button.disabled is False
    assert deck.next_button.disabled is False


def test_deck_next_button_click_moves() -> None:
    deck = make_deck()
    deck.next_button.click()
    assert deck.index == 1


def test_deck_previous_button_click_moves() -> None:
    deck = make_deck()
    deck.go_to(1)
    deck.previous_button.click()
    assert deck.index == 0


def test_deck_go_to_clamps_high() -> None:
    deck = make_deck()
    deck.go_to(99)
    assert deck.index == len(CARDS) - 1


def test_deck_go_to_clamps_low() -> None:
    deck = make_deck()
    deck.go_to(1)
    deck.go_to(-5)
    assert deck.index == 0


def test_deck_position_line_uses_label() -> None:
    deck = make_deck(label="Question")
    deck.next()
    expected = f"Question {t('deck.position', position=2, total=len(CARDS))}"
    assert deck.position.message == expected


def test_deck_position_line_without_label_has_no_leading_space() -> None:
    deck = make_deck()
    assert deck.position.message == t("deck.position", position=1, total=len(CARDS))


def test_deck_shuffle_with_seed_keeps_the_same_cards() -> None:
    deck = make_deck()
    deck.shuffle(seed=3)
    assert sorted(card["text"] for card in deck.cards) == sorted(c["text"] for c in CARDS)
    assert len(deck.cards) == len(CARDS)


def test_deck_shuffle_with_same_seed_gives_same_order() -> None:
    one = CardDeck([{"text": str(n)} for n in range(20)])
    two = CardDeck([{"text": str(n)} for n in range(20)])
    one.shuffle(seed=42)
    two.shuffle(seed=42)
    assert one.cards == two.cards


def test_deck_shuffle_shows_first_card() -> None:
    deck = make_deck()
    deck.go_to(2)
    deck.shuffle(seed=1)
    assert deck.index == 0
    assert deck.current["text"] in deck.card_view.value


def test_deck_shuffle_button_only_when_asked() -> None:
    assert not hasattr(make_deck(), "shuffle_button")
    with_shuffle = make_deck(shuffle_button=True)
    assert with_shuffle.shuffle_button in with_shuffle.buttons.children


def test_deck_default_render_escapes_card_text() -> None:
    deck = CardDeck([{"text": "<script>alert(1)</script>"}])
    assert "<script>" not in deck.card_view.value
    assert "&lt;script&gt;" in deck.card_view.value


def test_plain_card_escapes_text() -> None:
    html = plain_card({"text": "<b>bold</b> & more"})
    assert "<b>" not in html
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; more" in html


def test_deck_custom_render_is_used() -> None:
    deck = CardDeck([{"n": 1}, {"n": 2}], render=lambda card: f"<p>card {card['n']}</p>")
    deck.next()
    assert deck.card_view.value == "<p>card 2</p>"


def test_deck_show_buttons_false_leaves_buttons_out() -> None:
    deck = make_deck(show_buttons=False)
    assert deck.buttons not in deck.children


def test_deck_empty_shows_message() -> None:
    deck = CardDeck([])
    assert deck.current is None
    assert t("deck.empty") in deck.card_view.value


def test_deck_empty_moving_does_not_crash() -> None:
    deck = CardDeck([])
    deck.next()
    deck.previous()
    deck.go_to(3)
    deck.shuffle(seed=1)
    deck.next_button.click()
    assert deck.index == 0
    assert deck.current is None
