"""The Trust chapter's exercises: the trust sort and the trauma-informed self-check.

**Trust sort.** Cards about things that happen in a group are sorted into "Builds trust" or
"Breaks trust" with the shared :class:`~peer_support.sort.ColumnSort` (buttons, never drag
only). The group can add cards of its own. Then it picks up to :data:`TOP_LIMIT` "top
builders"; each becomes a draft group agreement (the card's ``agreement`` wording from the
content file, or the group's own words for a card it added). The download lists the draft
agreements first, ready to carry into the Safety chapter's agreement builder, then where the
cards went. Cards left in the pile are not in the download.

**Trauma-informed self-check.** A group or service rates itself against the six principles of
the UK working definition of trauma-informed practice with the shared
:class:`~peer_support.ratings.RatingSet` (Pass always offered). A bar chart with a text
alternative (:mod:`peer_support.charts`) shows the result, and each area rated "Not yet" or
"Partly" gets two or three next steps from the content file. The download holds exactly the
ratings given and the next steps for the low areas; passed principles are left out.

The boundaries scenarios use :func:`peer_support.scenarios.scenario_cards` directly.

Nothing is stored anywhere: answers live in this page's memory and downloads are made in the
page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import ipywidgets as widgets

from ..content import Checker, ContentError, load_yaml
from ..i18n import t
from ..kit.blocks import error_block
from ..kit.charts import bar_chart_svg, figure_html, text_alternative
from ..kit.handout import DownloadPanel, Handout
from ..kit.ratings import RatingSet
from ..kit.sort import ColumnSort
from ..kit.status import LiveStatus
from ..text import escape

__all__ = [
    "LOW_SCORE",
    "OPTIONS",
    "TOP_LIMIT",
    "Principle",
    "TrustCard",
    "TrustSelfCheck",
    "TrustSort",
    "agreement_suggestions",
    "load_principles",
    "load_trust_cards",
    "trauma_self_check",
    "trust_sort",
]

CARDS_FILE = "trust/trust-cards.yaml"
PRINCIPLES_FILE = "trust/principles.yaml"

#: The sort's columns, by key. Headings come from the catalogue.
COLUMNS = ("builds", "breaks")
COLUMN_HEADING_KEYS = {"builds": "trust.builds", "breaks": "trust.breaks"}
#: Most cards the group can pick as top builders (each becomes a draft agreement).
TOP_LIMIT = 5
#: Fewest cards a cards file must have, so the sort is worth doing.
MINIMUM_CARDS = 8
CARD_LENGTH = 80
AGREEMENT_LENGTH = 200

#: The self-check's answers, lowest first. Labels come from the catalogue.
OPTIONS = ("not-yet", "partly", "mostly", "fully")
OPTION_LABEL_KEYS = {"not-yet": "trust.option_not_yet", "partly": "trust.option_partly",
                     "mostly": "trust.option_mostly", "fully": "trust.option_fully"}
#: A principle scored this or lower (1 = "Not yet") counts as a low area with next steps.
LOW_SCORE = 2


# ---- content ----


@dataclass(frozen=True)
class TrustCard:
    """One card in the trust sort, and its wording as a draft group agreement."""

    id: str
    text: str
    agreement: str


def load_trust_cards(path: str = CARDS_FILE) -> list[TrustCard]:
    """Read and check the trust sort's cards file.

    Raises
    ------
    ContentError
        Naming the file and the first problem found.
    """
    check = Checker(path)
    data = check.mapping(load_yaml(path), "The file")
    entries = check.items(data.get("cards"), "'cards'", minimum=MINIMUM_CARDS)
    seen_ids: set[str] = set()
    seen_texts: set[str] = set()
    cards = []
    for number, entry in enumerate(entries, start=1):
        where = f"Card {number}"
        check.mapping(entry, where)
        card_id = check.identifier(entry, where, seen_ids)
        text = check.text(entry, "text", where, CARD_LENGTH)
        if text.casefold() in seen_texts:
            check.fail(f"{where} repeats the text of an earlier card")
        seen_texts.add(text.casefold())
        cards.append(TrustCard(id=card_id, text=text,
                               agreement=check.text(entry, "agreement", where, AGREEMENT_LENGTH)))
    return cards


def agreement_suggestions(path: str = CARDS_FILE) -> list[str]:
    """Every card's draft agreement wording, in file order.

    For the Safety chapter's agreement builder to offer as extra suggestions. Raises
    ContentError if the file is broken (the caller shows ``error_block`` or leaves them out).
    """
    return [card.agreement for card in load_trust_cards(path)]


@dataclass(frozen=True)
class Principle:
    """One principle of trauma-informed practice, as rated in the self-check."""

    id: str
    name: str
    samhsa: str
    question: str
    next_steps: list[str]


def load_principles(path: str = PRINCIPLES_FILE) -> tuple[str, list[Principle]]:
    """Read and check the self-check's file: its intro (the question asked) and principles.

    Raises
    ------
    ContentError
        Naming the file and the first problem found.
    """
    check = Checker(path)
    data = check.mapping(load_yaml(path), "The file")
    intro = check.text(data, "intro", "The file", 300)
    seen: set[str] = set()
    principles = []
    for number, entry in enumerate(check.items(data.get("principles"), "'principles'"), start=1):
        where = f"Principle {number}"
        check.mapping(entry, where)
        principle_id = check.identifier(entry, where, seen)
        steps = check.texts(entry, "next_steps", where, 2, 300)
        if len(steps) > 3:
            check.fail(f"{where} has more than 3 'next_steps'; keep the two or three that "
                       "matter most")
        principles.append(Principle(
            id=principle_id,
            name=check.text(entry, "name", where, 60),
            samhsa=check.text(entry, "samhsa", where, 120),
            question=check.text(entry, "question", where, 300),
            next_steps=steps,
        ))
    return intro, principles


# ---- the trust sort ----


class TrustSort(widgets.VBox):
    """The builds / breaks trust sort, top builders and draft agreements. See the module
    docstring.

    Parameters
    ----------
    cards : list of TrustCard
        The cards, in the order they come up.

    Attributes
    ----------
    sort : ColumnSort
        The shared sort widget (moving, putting back, adding cards).
    top : list of str
        The cards chosen as top builders, in the order chosen.
    """

    def __init__(self, cards: Sequence[TrustCard], **kwargs):
        self.cards = list(cards)
        self._agreements = {card.text: card.agreement for card in self.cards}
        self.top: list[str] = []
        self.sort = ColumnSort([card.text for card in self.cards],
                               [(key, t(COLUMN_HEADING_KEYS[key])) for key in COLUMNS],
                               label=t("trust.sort_label"), allow_add=True)
        self.sort.add_class("qa-trust-sort")
        self.sort.on_change(self._on_sort_change)

        self.top_hint = widgets.HTML()
        self.top_buttons = widgets.VBox()
        self.top_buttons.add_class("qa-trust-top-buttons")
        self._toggles: dict[str, widgets.Button] = {}
        self.top_status = LiveStatus()
        self.agreements_view = widgets.HTML()
        self.agreements_view.add_class("qa-trust-agreements")
        self.download = DownloadPanel(self.handout, basename="trust-cards")

        top_box = widgets.VBox([
            widgets.HTML(f"<h3>{escape(t('trust.top_heading'))}</h3>"),
            self.top_hint,
            self.top_buttons,
            self.top_status,
            widgets.HTML(f"<h4>{escape(t('trust.agreements_heading'))}</h4>"),
            self.agreements_view,
            widgets.HTML(f"<h4>{escape(t('trust.download_heading'))}</h4>"
                         f"<p>{escape(t('trust.download_hint'))}</p>"),
            self.download,
        ], layout=widgets.Layout(border="2px solid #0b0c0c", padding="0 1rem 0.5rem",
                                 margin="0 0 0.75rem"))
        top_box.add_class("pack-trust-top")
        super().__init__([self.sort, top_box], **kwargs)
        self.add_class("pack-trust-sort")
        self._draw_top()

    # ---- what the group has done ----

    def builders(self) -> list[str]:
        """The cards in "Builds trust", in the order they were put there."""
        return self.sort.in_column("builds")

    def breakers(self) -> list[str]:
        """The cards in "Breaks trust", in the order they were put there."""
        return self.sort.in_column("breaks")

    def agreement_for(self, card: str) -> str:
        """The draft agreement for ``card``: the file's wording, or the group's own words for
        a card it added."""
        return self._agreements.get(card, card)

    def agreements(self) -> list[str]:
        """The draft agreements made from the top builders, in the order chosen."""
        return [self.agreement_for(card) for card in self.top]

    # ---- choosing top builders ----

    def choose_top(self, card: str) -> bool:
        """Make ``card`` a top builder. Returns True if it was added.

        Only cards in "Builds trust" can be chosen, and at most :data:`TOP_LIMIT`; otherwise
        a clear message is announced and nothing changes. KeyError for an unknown card.
        """
        if card not in self.sort.cards:
            raise KeyError(card)
        if card in self.top:
            self.top_status.say(t("trust.top_already", card=card))
            return False
        if card not in self.builders():
            self.top_status.say(t("trust.top_not_builder", card=card))
            return False
        if len(self.top) >= TOP_LIMIT:
            self.top_status.say(t("trust.top_full", limit=TOP_LIMIT))
            return False
        self.top.append(card)
        self.top_status.say(t("trust.top_added", card=card, count=len(self.top),
                              limit=TOP_LIMIT))
        self._draw_top()
        return True

    def unchoose_top(self, card: str) -> None:
        """Take ``card`` out of the top builders (it stays in "Builds trust")."""
        if card not in self.top:
            self.top_status.say(t("trust.top_not_chosen", card=card))
            return
        self.top.remove(card)
        self.top_status.say(t("trust.top_removed", card=card, count=len(self.top),
                              limit=TOP_LIMIT))
        self._draw_top()

    def toggle_top(self, card: str) -> None:
        """Choose ``card`` as a top builder, or take it out if it is one already."""
        if card in self.top:
            self.unchoose_top(card)
        else:
            self.choose_top(card)

    def _on_sort_change(self) -> None:
        # A top builder moved out of "Builds trust" (or put back) is no longer a top builder.
        builders = set(self.builders())
        dropped = [card for card in self.top if card not in builders]
        if dropped:
            self.top = [card for card in self.top if card in builders]
            self.top_status.say(t("trust.top_dropped", cards="; ".join(dropped)))
        self._draw_top()

    # ---- drawing ----

    def _toggle(self, card: str) -> widgets.Button:
        """The card's top-builder button, made once and reused so focus stays on it."""
        if card not in self._toggles:
            button = widgets.Button()
            button.add_class("qa-trust-top-toggle")
            button.on_click(lambda _, card=card: self.toggle_top(card))
            self._toggles[card] = button
        button = self._toggles[card]
        chosen = card in self.top
        button.description = (t("trust.top_remove", card=card) if chosen
                              else t("trust.top_choose", card=card))
        button.button_style = "primary" if chosen else ""
        return button

    def _draw_top(self) -> None:
        builders = self.builders()
        hint = t("trust.top_hint", limit=TOP_LIMIT) if builders else t("trust.top_none")
        self.top_hint.value = f"<p>{escape(hint)}</p>"
        self.top_buttons.children = [self._toggle(card) for card in builders]
        agreements = self.agreements()
        if agreements:
            items = "".join(f"<li>{escape(text)}</li>" for text in agreements)
            self.agreements_view.value = f"<ol>{items}</ol>"
        else:
            self.agreements_view.value = (f'<p class="pack-muted">'
                                          f"{escape(t('trust.agreements_empty'))}</p>")
        self.download.reset()

    # ---- the download ----

    def handout(self) -> Handout:
        """Draft agreements from the top builders, then the cards in each column. Cards still
        in the pile are left out."""
        handout = Handout(t("trust.handout_title"), t("trust.handout_intro"))
        handout.add(t("trust.handout_agreements"), self.agreements())
        handout.add(t("trust.builds"), self.builders())
        handout.add(t("trust.breaks"), self.breakers())
        return handout


def trust_sort(cards: str = CARDS_FILE):
    """The trust sort, from a cards file in ``assets/``; a clear message if it is broken."""
    try:
        return TrustSort(load_trust_cards(cards))
    except ContentError as error:
        return error_block(error)


# ---- the trauma-informed self-check ----


class TrustSelfCheck(widgets.VBox):
    """Rate a group or service against the principles; chart, next steps and download.

    Parameters
    ----------
    question : str
        Asked about every principle.
    principles : list of Principle
        In the order shown.

    Attributes
    ----------
    ratings : RatingSet
        The shared rating widget, one principle at a time in large type (it suits a
        projector), with Previous / Next and Pass always offered.
    """

    def __init__(self, question: str, principles: Sequence[Principle], **kwargs):
        self.principles = list(principles)
        self.by_id = {p.id: p for p in self.principles}
        self.option_labels = {key: t(OPTION_LABEL_KEYS[key]) for key in OPTIONS}
        hints = {p.id: f"{p.question} {t('trust.samhsa', name=p.samhsa)}"
                 for p in self.principles}
        self.ratings = RatingSet(question, [(p.id, p.name) for p in self.principles],
                                 list(self.option_labels.items()), hints=hints,
                                 one_at_a_time=True, item_noun=t("trust.principle_noun"))
        self.ratings.add_class("qa-trust-ratings")
        self.ratings.on_change(self._draw)

        self.chart = widgets.HTML()
        self.chart.add_class("qa-trust-chart")
        self.next_steps_view = widgets.HTML()
        self.next_steps_view.add_class("qa-trust-next-steps")
        self.clear_button = widgets.Button(description=t("trust.check_clear"))
        self.clear_button.add_class("qa-trust-check-clear")
        self.clear_button.on_click(lambda _: self._clear_and_focus())
        self.download = DownloadPanel(self.handout, basename="group-self-check")

        super().__init__([
            self.ratings,
            widgets.HTML(f"<h3>{escape(t('trust.chart_heading'))}</h3>"),
            self.chart,
            widgets.HTML(f"<h3>{escape(t('trust.next_steps_heading'))}</h3>"),
            self.next_steps_view,
            widgets.HTML(f"<h3>{escape(t('trust.check_download_heading'))}</h3>"),
            self.download,
            self.clear_button,
        ], **kwargs)
        self.add_class("pack-trust-check")
        self._draw()

    def rate(self, principle: str, option: str) -> None:
        """Rate ``principle`` with one of :data:`OPTIONS`, or ``"pass"``."""
        self.ratings.rate(principle, option)

    def describe(self, score: int) -> str:
        """A score in words, for example "Mostly (3 out of 4)"."""
        label = self.option_labels[OPTIONS[score - 1]]
        return t("trust.score_words", label=label, value=score, maximum=len(OPTIONS))

    def low_areas(self) -> list[Principle]:
        """The principles rated :data:`LOW_SCORE` or lower, in order (never passed ones)."""
        return [p for p in self.principles
                if (score := self.ratings.score(p.id)) is not None and score <= LOW_SCORE]

    def chart_html(self) -> str:
        """The bar chart and its text alternative. Passed and unrated read the same."""
        values = self.ratings.chart_values()
        svg = bar_chart_svg(values, len(OPTIONS), t("trust.chart_title"),
                            passed_label=t("trust.chart_no_rating"), chart_id="pack-trust-chart")
        alternative = text_alternative(values, len(OPTIONS), t("trust.passed_or_not_rated"),
                                       describe=self.describe)
        return figure_html(svg, alternative, t("trust.chart_caption"))

    def _draw(self) -> None:
        self.chart.value = self.chart_html()
        low = self.low_areas()
        if low:
            blocks = []
            for principle in low:
                steps = "".join(f"<li>{escape(step)}</li>" for step in principle.next_steps)
                blocks.append(f"<h4>{escape(principle.name)}</h4><ul>{steps}</ul>")
            self.next_steps_view.value = "".join(blocks)
        else:
            key = "trust.no_low_areas" if self.ratings.answered() else "trust.next_steps_empty"
            self.next_steps_view.value = f'<p class="pack-muted">{escape(t(key))}</p>'
        self.download.reset()

    def _clear_and_focus(self) -> None:
        self.ratings.clear()
        self.ratings.focus_first()

    def handout(self) -> Handout:
        """The ratings given, then next steps for each low area. Passed principles are left
        out."""
        handout = Handout(t("trust.check_handout_title"), t("trust.check_handout_intro"))
        answered = self.ratings.answered()
        rated = [t("trust.rated_item", name=p.name, label=self.option_labels[answered[p.id]])
                 for p in self.principles if p.id in answered]
        handout.add(t("trust.check_handout_ratings"), rated)
        for principle in self.low_areas():
            handout.add(t("trust.next_steps_for", name=principle.name), principle.next_steps)
        return handout


def trauma_self_check(principles: str = PRINCIPLES_FILE):
    """The trauma-informed self-check, from a file in ``assets/``; a clear message if it is
    broken."""
    try:
        return TrustSelfCheck(*load_principles(principles))
    except ContentError as error:
        return error_block(error)
