"""The Language chapter's exercises: the language game and the private "words about me".

The language game shows one word at a time. The person or group places it on fine / unsure /
hurtful / depends who says it, or passes; then the words some people prefer, and why, are
shown. A summary shows where the words went, and the group builds an "our words" list to keep.
"""

from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as widgets

from ..content import Checker, ContentError, load_yaml
from ..i18n import t
from ..kit.blocks import error_block
from ..kit.choice import PASS, ChoiceScale
from ..kit.deck import CardDeck
from ..kit.handout import DownloadPanel, Handout
from ..kit.reflection import Reflection, load_reflection
from ..kit.status import LiveStatus
from ..text import check_text, escape

__all__ = ["LanguageGame", "language_game", "language_reflection"]

PLACES = ("fine", "unsure", "hurtful", "depends")
CONTENT_TAGS = {"abuse", "suicide", "self-harm", "substances", "mental-health", "slurs"}
OWN_WORD_LIMIT = 80
MINIMUM_TERMS = 20


@dataclass(frozen=True)
class Term:
    """One card in the language game."""

    id: str
    term: str
    alternatives: list[str]
    reason: str
    source: str
    content: list[str]


def load_terms(path: str) -> list[Term]:
    """Read and check the language game's terms file.

    Raises
    ------
    ContentError
        Naming the file and the first problem found.
    """
    check = Checker(path)
    data = check.mapping(load_yaml(path), "The file")
    entries = check.items(data.get("terms"), "'terms'", minimum=MINIMUM_TERMS)
    seen: set[str] = set()
    terms = []
    for number, entry in enumerate(entries, start=1):
        where = f"Term {number}"
        check.mapping(entry, where)
        term_id = check.identifier(entry, where, seen)
        content = entry.get("content", [])
        if not isinstance(content, list) or not all(
                isinstance(tag, str) and tag in CONTENT_TAGS for tag in content):
            check.fail(f"{where} has 'content' tags outside {sorted(CONTENT_TAGS)}")
        terms.append(Term(
            id=term_id,
            term=check.text(entry, "term", where, 120),
            alternatives=check.texts(entry, "alternatives", where, 1, 120),
            reason=check.text(entry, "reason", where, 300),
            source=check.text(entry, "source", where, 300),
            content=list(content),
        ))
    return terms


def term_card(card: dict) -> str:
    """The word on show, in large type."""
    return (f'<div class="pack-card"><p class="pack-card__term" lang="en">'
            f"{escape(card['term'].term)}</p></div>")


@dataclass(frozen=True)
class OurWord:
    """A word the group chose, and the term it replaces (None for the group's own words)."""

    word: str
    instead_of: str | None = None


class LanguageGame(widgets.VBox):
    """The language game. See the module docstring.

    Parameters
    ----------
    terms : list of Term
        The cards, in the order they are shown.
    """

    def __init__(self, terms: list[Term], **kwargs):
        self.terms = terms
        self.placements: dict[str, str] = {}
        self.our_words: list[OurWord] = []

        self.deck = CardDeck([{"term": term} for term in terms], render=term_card,
                             label=t("game.word"),
                             show_buttons=False)
        self.deck.previous_button.description = t("game.previous")
        self.deck.next_button.description = t("game.next")
        self.deck.previous_button.on_click(lambda _: self.scale.focus_first())
        self.deck.next_button.on_click(lambda _: self.scale.focus_first())
        self.deck.observe(lambda _: self._show_current(), names="index")

        self.scale = ChoiceScale(t("game.question"), [(key, t(f"game.{key}")) for key in PLACES])
        self.scale.on_choice(self._on_place)

        self.reveal_text = widgets.HTML()
        self.word_buttons = widgets.HBox()
        self.reveal = widgets.VBox([self.reveal_text, self.word_buttons])
        self.reveal.add_class("pack-reveal")

        self.summary = widgets.HTML()
        self.summary.add_class("qa-game-summary")

        self.our_words_view = widgets.HTML()
        self.our_words_view.add_class("qa-our-words")
        self.remove_buttons = widgets.VBox()
        self.own_word = widgets.Text(description=t("game.own_word"), continuous_update=False)
        self.own_word.add_class("qa-own-word")
        self.add_own_button = widgets.Button(description=t("game.add_own"))
        self.add_own_button.add_class("qa-add-own-word")
        self.add_own_button.on_click(lambda _: self.add_own_word(self.own_word.value))
        self.words_status = LiveStatus()
        self.download = DownloadPanel(self.handout, basename="our-words")

        our_words_box = widgets.VBox([
            widgets.HTML(f"<h3>{escape(t('game.our_words'))}</h3>"),
            self.our_words_view,
            self.remove_buttons,
            widgets.HBox([self.own_word, self.add_own_button]),
            self.words_status,
            widgets.HTML(f"<h4>{escape(t('game.downloads'))}</h4>"),
            self.download,
        ])
        our_words_box.add_class("pack-our-words")

        super().__init__([
            self.deck,
            self.scale,
            self.reveal,
            self.deck.buttons,
            self.summary,
            our_words_box,
        ], **kwargs)
        self.add_class("pack-language-game")
        self._show_current()
        self._draw_summary()
        self._draw_our_words()

    # ---- the game ----

    @property
    def current(self) -> Term:
        return self.terms[self.deck.index]

    def place(self, key: str) -> None:
        """Place the word on show (``"fine"``, ``"unsure"``, ``"hurtful"``, ``"depends"``
        or ``"pass"``), as pressing its button does."""
        self.scale.choose(key)

    def _on_place(self, key: str) -> None:
        self.placements[self.current.id] = key
        self._draw_reveal()
        self._draw_summary()

    def _show_current(self) -> None:
        self.scale.show(self.placements.get(self.current.id))
        self.scale.status.say("")
        self._draw_reveal()

    def _draw_reveal(self) -> None:
        term = self.current
        if term.id not in self.placements:
            self.reveal.layout.display = "none"
            self.reveal_text.value = ""
            self.word_toggles = {}
            self.word_buttons.children = ()
            return
        alternatives = "".join(f"<li>{escape(a)}</li>" for a in term.alternatives)
        self.reveal_text.value = (
            f"<h3>{escape(t('game.prefer'))}</h3><ul>{alternatives}</ul>"
            f"<p><strong>{escape(t('game.why'))}:</strong> {escape(term.reason)}</p>"
            f'<p class="pack-card__meta"><strong>{escape(t("game.source"))}:</strong> '
            f"{escape(term.source)}</p>"
        )
        self.word_toggles = {word: self._word_toggle(word, term) for word in term.alternatives}
        self.word_buttons.children = list(self.word_toggles.values())
        self.reveal.layout.display = None

    def _word_toggle(self, word: str, term: Term) -> widgets.Button:
        chosen = self._has_word(word)
        key = "game.remove_word" if chosen else "game.add_word"
        button = widgets.Button(description=("✓ " if chosen else "") + t(key, word=word))
        button.add_class("qa-toggle-word")
        button.on_click(lambda _: self.toggle_word(word, term))
        return button

    def summary_counts(self) -> dict[str, int]:
        """How many words sit in each place; passes and unplaced words are counted together,
        so the summary never shows who passed."""
        counts = {key: 0 for key in PLACES}
        for key in self.placements.values():
            if key in counts:
                counts[key] += 1
        counts[PASS] = len(self.terms) - sum(counts.values())
        return counts

    def _draw_summary(self) -> None:
        counts = self.summary_counts()
        rows = []
        for key in PLACES:
            words = [term.term for term in self.terms if self.placements.get(term.id) == key]
            listed = ", ".join(escape(w) for w in words) if words else escape(t("game.none_yet"))
            rows.append(f"<li><strong>{escape(t(f'game.{key}'))}: {counts[key]}</strong>"
                        f" <span>{listed}</span></li>")
        rows.append(f"<li><strong>{escape(t('game.not_placed'))}: {counts[PASS]}</strong></li>")
        self.summary.value = f"<h3>{escape(t('game.summary'))}</h3><ul>{''.join(rows)}</ul>"

    # ---- our words ----

    def _has_word(self, word: str) -> bool:
        return any(chosen.word.casefold() == word.casefold() for chosen in self.our_words)

    def toggle_word(self, word: str, term: Term | None = None) -> None:
        """Add ``word`` to our words, or take it out if it is already there."""
        if self._has_word(word):
            self.remove_word(word)
        else:
            self.our_words.append(OurWord(word, term.term if term else None))
            self.words_status.say(t("game.added", word=word))
            self._draw_our_words()
        self._draw_reveal()
        # Keep keyboard focus where it was: the redrawn toggle for the same word.
        if word in self.word_toggles:
            self.word_toggles[word].focus()

    def add_own_word(self, raw: str) -> bool:
        """Add a word the group chose itself. Returns True if it was added.

        Empty, too long or repeated words get a clear message; the typed text stays in the
        box so nothing is lost.
        """
        checked = check_text(raw, OWN_WORD_LIMIT)
        if checked.is_empty:
            self.words_status.say(t("game.own_empty"))
            return False
        if checked.too_long:
            self.words_status.say(t("game.own_too_long", limit=OWN_WORD_LIMIT))
            return False
        if self._has_word(checked.text):
            self.words_status.say(t("game.own_duplicate", word=checked.text))
            return False
        self.our_words.append(OurWord(checked.text))
        self.own_word.value = ""
        self.words_status.say(t("game.added", word=checked.text))
        self._draw_our_words()
        return True

    def remove_word(self, word: str) -> None:
        """Take ``word`` out of our words."""
        self.our_words = [w for w in self.our_words if w.word.casefold() != word.casefold()]
        self.words_status.say(t("game.removed", word=word))
        self._draw_our_words()
        self._draw_reveal()

    def _describe(self, chosen: OurWord) -> str:
        if chosen.instead_of:
            return f"{chosen.word} ({t('game.instead_of', term=chosen.instead_of)})"
        return chosen.word

    def _draw_our_words(self) -> None:
        if not self.our_words:
            self.our_words_view.value = f"<p>{escape(t('game.our_words_empty'))}</p>"
        else:
            items = "".join(f"<li>{escape(self._describe(w))}</li>" for w in self.our_words)
            self.our_words_view.value = f"<ul>{items}</ul>"
        buttons = []
        for chosen in self.our_words:
            button = widgets.Button(description=t("game.remove_word", word=chosen.word))
            button.add_class("qa-remove-word")
            button.on_click(lambda _, word=chosen.word: self._remove_and_refocus(word))
            buttons.append(button)
        self.remove_buttons.children = buttons
        self.download.reset()

    def _remove_and_refocus(self, word: str) -> None:
        self.remove_word(word)
        # The pressed button is gone; give focus somewhere sensible nearby.
        if self.remove_buttons.children:
            self.remove_buttons.children[0].focus()
        else:
            self.own_word.focus()

    def handout(self) -> Handout:
        """The "our words" handout: exactly the words chosen, in poster-sized type."""
        handout = Handout(t("game.handout_title"), t("game.handout_intro"), large_print=True)
        handout.add(t("game.our_words"), [self._describe(w) for w in self.our_words])
        return handout


def language_game(terms: str = "language/terms.yaml"):
    """The language game, from a terms file in ``assets/``; a clear message if it is broken."""
    try:
        return LanguageGame(load_terms(terms))
    except ContentError as error:
        return error_block(error)


def language_reflection(prompts: str = "language/reflection.yaml"):
    """The private "words about me" reflection, from a prompts file in ``assets/``."""
    try:
        return Reflection(*load_reflection(prompts))
    except ContentError as error:
        return error_block(error)
