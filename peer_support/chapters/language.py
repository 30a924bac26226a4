"""The Language chapter's own exercise: the language game.

The language game shows one word at a time. The person or group places it on fine / unsure /
hurtful / depends who says it, or passes; then the words some people prefer, and why, are
shown. A summary shows where the words went, and the group builds an "our words" list to keep.

The private "words about me" prompts are a kit reflection (only a content file).
"""

from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as widgets

from ..content import rules
from ..i18n import t
from ..kit.base import Exercise, from_files
from ..kit.choice import PASS
from ..kit.deck import DeckScale
from ..kit.editable_list import Action, EditableList
from ..kit.handout import Handout
from ..kit.html import bullets, button
from ..kit.status import LiveStatus
from ..text import check_text, escape

__all__ = ["TERMS", "LanguageGame", "Term", "TermsFile", "language_game"]

PLACES = ("fine", "unsure", "hurtful", "depends")
CONTENT_TAGS = ("abuse", "mental-health", "self-harm", "slurs", "substances", "suicide")
OWN_WORD_LIMIT = 80
MINIMUM_TERMS = 20


@dataclass(frozen=True)
class Term:
    """One card in the language game."""

    id: str = rules.identifier()
    term: str = rules.text(120, "The word or phrase on the card.")
    alternatives: list[str] = rules.texts(1, 120, "Words some people prefer instead.")
    reason: str = rules.text(300, "Why some people prefer them.")
    source: str = rules.text(300, "Where this comes from.")
    content: list[str] = rules.tags(CONTENT_TAGS, "What the word touches on, for content "
                                    "notes.")


@dataclass(frozen=True)
class TermsFile:
    terms: list[Term] = rules.items(Term, "term", "The cards, in the order they are shown.",
                                    minimum=MINIMUM_TERMS)


TERMS = rules.Kind(TermsFile, "The language game's words")


def term_card(term: Term) -> str:
    """The word on show, in large type."""
    return (f'<div class="pack-card"><p class="pack-card__term" lang="en">'
            f"{escape(term.term)}</p></div>")


@dataclass(frozen=True)
class OurWord:
    """A word the group chose, and the term it replaces (None for the group's own words)."""

    word: str
    instead_of: str | None = None


class LanguageGame(Exercise):
    """The language game. See the module docstring.

    Parameters
    ----------
    content : TermsFile
        The cards, in the order they are shown.
    """

    def __init__(self, content: TermsFile, **kwargs):
        self.terms = content.terms
        self.placements: dict[str, str] = {}
        self.reveal_text = widgets.HTML()
        self.word_buttons = widgets.HBox()
        self.word_toggles: dict[str, widgets.Button] = {}
        self.reveal = widgets.VBox([self.reveal_text, self.word_buttons])
        self.reveal.add_class("pack-reveal")
        self.game = DeckScale(
            [(term.id, term.term, term_card(term)) for term in self.terms],
            t("game.question"), [(key, t(f"game.{key}")) for key in PLACES],
            noun=t("game.word"), previous_label=t("game.previous"), next_label=t("game.next"),
            below_scale=[self.reveal])
        self.deck, self.scale = self.game.deck, self.game.scale
        self.game.on_choice(self._on_place)
        self.deck.observe(lambda _: self._draw_reveal(), names="index")

        self.summary = widgets.HTML()
        self.summary.add_class("qa-game-summary")
        self.our_words_view = widgets.HTML()
        self.our_words_view.add_class("qa-our-words")
        self.own_word = widgets.Text(description=t("game.own_word"), continuous_update=False)
        self.own_word.add_class("qa-own-word")
        self.add_own_button = button(t("game.add_own"), "qa-add-own-word",
                                     lambda: self.add_own_word(self.own_word.value))
        self.words_status = LiveStatus()
        self.word_list = EditableList(
            [Action("remove", lambda _n, chosen: t("game.remove_word", word=chosen.word),
                    "qa-remove-word")],
            announce=self._announce_word, home=self.own_word, status=self.words_status)
        self.word_list.on_change(self._draw_our_words)
        self.word_list.on_change(self._draw_reveal)
        super().__init__(download="our-words", **kwargs)
        self.watch(self.word_list)
        self.add_class("pack-language-game")
        self._draw_reveal()
        self._draw_summary()
        self._draw_our_words()

    def build(self) -> list[widgets.Widget]:
        our_words_box = widgets.VBox([
            widgets.HTML(f"<h3>{escape(t('game.our_words'))}</h3>"),
            self.our_words_view,
            self.word_list,
            widgets.HBox([self.own_word, self.add_own_button]),
            self.words_status,
            widgets.HTML(f"<h4>{escape(t('game.downloads'))}</h4>"),
            self.download,
        ])
        our_words_box.add_class("pack-our-words")
        return [self.game, self.summary, our_words_box]

    # ---- the game ----

    @property
    def current(self) -> Term:
        return self.terms[self.deck.index]

    def place(self, key: str) -> None:
        """Place the word on show (``"fine"``, ``"unsure"``, ``"hurtful"``, ``"depends"``
        or ``"pass"``), as pressing its button does."""
        self.scale.choose(key)

    def _on_place(self, term_id: str, key: str) -> None:
        self.placements[term_id] = key
        self._draw_reveal()
        self._draw_summary()

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
        made = button(("✓ " if chosen else "") + t(key, word=word), "qa-toggle-word",
                        lambda: self.toggle_word(word, term))
        return made

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

    @property
    def our_words(self) -> list[OurWord]:
        return list(self.word_list.items)

    def _has_word(self, word: str) -> bool:
        return any(chosen.word.casefold() == word.casefold() for chosen in self.our_words)

    def _position(self, word: str) -> int:
        return next(n for n, chosen in enumerate(self.our_words)
                    if chosen.word.casefold() == word.casefold())

    def toggle_word(self, word: str, term: Term | None = None) -> None:
        """Add ``word`` to our words, or take it out if it is already there."""
        if self._has_word(word):
            self.word_list.remove(self._position(word), focus=False)
        else:
            self.word_list.add(OurWord(word, term.term if term else None))
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
        self.own_word.value = ""
        self.word_list.add(OurWord(checked.text), from_form=True)
        return True

    def remove_word(self, word: str) -> None:
        """Take ``word`` out of our words, as its Remove button does."""
        self.word_list.remove(self._position(word))

    def _announce_word(self, event: str, _position: int, chosen: OurWord) -> str | None:
        if event == "added":
            return t("game.added", word=chosen.word)
        if event == "removed":
            return t("game.removed", word=chosen.word)
        return None

    def _describe(self, chosen: OurWord) -> str:
        if chosen.instead_of:
            return f"{chosen.word} ({t('game.instead_of', term=chosen.instead_of)})"
        return chosen.word

    def _draw_our_words(self) -> None:
        if not self.our_words:
            self.our_words_view.value = f"<p>{escape(t('game.our_words_empty'))}</p>"
        else:
            self.our_words_view.value = bullets(self._describe(w) for w in self.our_words)

    def reset_answers(self) -> None:
        self.placements.clear()
        self.game.clear()
        self.word_list.clear()
        self._draw_reveal()
        self._draw_summary()

    def handout(self) -> Handout:
        """The "our words" handout: exactly the words chosen, in poster-sized type."""
        handout = Handout(t("game.handout_title"), t("game.handout_intro"), large_print=True)
        handout.add(t("game.our_words"), [self._describe(w) for w in self.our_words])
        return handout


def language_game(terms: str = "language/terms.yaml"):
    """The language game, from a terms file in ``assets/``; a clear message if it is broken."""
    return from_files(LanguageGame, TERMS.at(terms))
