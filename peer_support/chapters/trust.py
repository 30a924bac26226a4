"""The Trust chapter's own exercise: the trust sort with its top builders.

**Trust sort.** Cards about things that happen in a group are sorted into "Builds trust" or
"Breaks trust" (a :class:`~peer_support.kit.sort.CardSort`: buttons, never drag only). The
group can add cards of its own. Then it picks up to :data:`TOP_LIMIT` "top builders"; each
becomes a draft group agreement (the card's ``agreement`` wording from the content file, or the
group's own words for a card it added). The download lists the draft agreements first, ready to
carry into the Safety chapter's agreement builder, then where the cards went. Cards left in the
pile are not in the download.

The trauma-informed self-check is a kit self-check
(``self_check("trust/principles.yaml", ...)``) and the boundaries scenarios are kit scenario
cards; both are only content files.
"""

from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as widgets

from ..content import rules
from ..i18n import t
from ..kit.base import from_files
from ..kit.card_sort import CardSort, CardSortFile
from ..kit.handout import Handout
from ..kit.html import bullets
from ..kit.shortlist import Shortlist
from ..kit.sort import CARD_LIMIT
from ..text import escape

__all__ = ["TOP_LIMIT", "TRUST_CARDS", "TrustCard", "TrustSort", "TrustSortFile",
           "agreement_suggestions", "trust_sort"]

CARDS_FILE = "trust/trust-cards.yaml"
#: Most cards the group can pick as top builders (each becomes a draft agreement).
TOP_LIMIT = 5
#: Fewest cards a cards file must have, so the sort is worth doing.
MINIMUM_CARDS = 8
BUILDS = "builds"


@dataclass(frozen=True)
class TrustCard:
    """One card in the trust sort, and its wording as a draft group agreement."""

    id: str = rules.identifier()
    text: str = rules.text(CARD_LIMIT, "What the card says.", unique=True)
    agreement: str = rules.text(200, "The card as a draft group agreement, in the group's "
                                "voice.")


@dataclass(frozen=True)
class TrustSortFile(CardSortFile):
    cards: list[TrustCard] = rules.items(TrustCard, "card", "The cards, in the order they "
                                         "come up.", minimum=MINIMUM_CARDS)

    def validate(self, fail, where: str) -> None:
        super().validate(fail, where)
        if BUILDS not in {column.id for column in self.columns}:
            fail(t("trust.needs_builds_column", where=where))


TRUST_CARDS = rules.Kind(TrustSortFile, "The trust sort: a card sort whose cards are also "
                         "draft agreements")


def agreement_suggestions(path: str = CARDS_FILE) -> list[str]:
    """Every card's draft agreement wording, in file order.

    For the Safety chapter's agreement builder to offer as extra suggestions. Raises
    ContentError if the file is broken.
    """
    return [card.agreement for card in TRUST_CARDS.load(path).cards]


class TrustSort(CardSort):
    """The builds / breaks trust sort, top builders and draft agreements. See the module
    docstring.

    Attributes
    ----------
    sort : ColumnSort
        The shared sort widget (moving, putting back, adding cards).
    top : list of str
        The cards chosen as top builders, in the order chosen.
    """

    def __init__(self, content: TrustSortFile, basename: str = "trust-cards", **kwargs):
        self._agreements = {card.text: card.agreement for card in content.cards}
        self.top_hint = widgets.HTML()
        self.top_buttons = Shortlist(TOP_LIMIT, self._top_label, self._announce_top,
                                     css="qa-trust-top-toggle")
        self.top_buttons.add_class("qa-trust-top-buttons")
        self.top_buttons.on_change(self._draw_top)
        self.top_status = self.top_buttons.status
        self.agreements_view = widgets.HTML()
        self.agreements_view.add_class("qa-trust-agreements")
        super().__init__(content, basename, **kwargs)
        self.sort.add_class("qa-trust-sort")
        self.sort.on_change(lambda: self.top_buttons.offer(self.builders()))
        self.sort.on_change(self._draw_top)
        self.watch(self.top_buttons)
        self.add_class("pack-trust-sort")
        self._draw_top()

    def extra_parts(self) -> list[widgets.Widget]:
        top_box = widgets.VBox([
            widgets.HTML(f"<h3>{escape(t('trust.top_heading'))}</h3>"),
            self.top_hint,
            self.top_buttons,
            self.top_status,
            widgets.HTML(f"<h4>{escape(t('trust.agreements_heading'))}</h4>"),
            self.agreements_view,
            widgets.HTML(f"<h4>{escape(t('trust.download_heading'))}</h4>"
                         f"<p>{escape(t('trust.download_hint'))}</p>"),
        ], layout=widgets.Layout(border="2px solid #0b0c0c", padding="0 1rem 0.5rem",
                                 margin="0 0 0.75rem"))
        top_box.add_class("pack-trust-top")
        return [top_box]

    # ---- what the group has done ----

    def builders(self) -> list[str]:
        """The cards in "Builds trust", in the order they were put there."""
        return self.sort.in_column(BUILDS)

    def agreement_for(self, card: str) -> str:
        """The draft agreement for ``card``: the file's wording, or the group's own words for
        a card it added."""
        return self._agreements.get(card, card)

    def agreements(self) -> list[str]:
        """The draft agreements made from the top builders, in the order chosen."""
        return [self.agreement_for(card) for card in self.top]

    # ---- choosing top builders (a kit Shortlist of the cards in "Builds trust") ----

    @property
    def top(self) -> list[str]:
        """The cards chosen as top builders, in the order chosen."""
        return list(self.top_buttons.chosen)

    def choose_top(self, card: str) -> bool:
        """Make ``card`` a top builder. Returns True if it was added.

        Only cards in "Builds trust" can be chosen, and at most :data:`TOP_LIMIT`; otherwise
        a clear message is announced and nothing changes. KeyError for an unknown card.
        """
        if card not in self.sort.cards:
            raise KeyError(card)
        return self.top_buttons.choose(card)

    def unchoose_top(self, card: str) -> None:
        """Take ``card`` out of the top builders (it stays in "Builds trust")."""
        self.top_buttons.unchoose(card)

    def toggle_top(self, card: str) -> None:
        """Choose ``card`` as a top builder, or take it out if it is one already."""
        self.top_buttons.toggle(card)

    def _top_label(self, card: str, chosen: bool) -> str:
        return t("trust.top_remove", card=card) if chosen else t("trust.top_choose", card=card)

    def _announce_top(self, event: str, cards: list[str], count: int) -> str:
        card = cards[0]
        return {
            "added": lambda: t("trust.top_added", card=card, count=count, limit=TOP_LIMIT),
            "removed": lambda: t("trust.top_removed", card=card, count=count, limit=TOP_LIMIT),
            "full": lambda: t("trust.top_full", limit=TOP_LIMIT),
            "already": lambda: t("trust.top_already", card=card),
            "not_offered": lambda: t("trust.top_not_builder", card=card),
            "not_chosen": lambda: t("trust.top_not_chosen", card=card),
            "dropped": lambda: t("trust.top_dropped", cards="; ".join(cards)),
        }[event]()

    def _draw_top(self) -> None:
        hint = t("trust.top_hint", limit=TOP_LIMIT) if self.builders() else t("trust.top_none")
        self.top_hint.value = f"<p>{escape(hint)}</p>"
        agreements = self.agreements()
        self.agreements_view.value = (
            bullets(agreements, ordered=True) if agreements else
            f'<p class="pack-muted">{escape(t("trust.agreements_empty"))}</p>')

    # ---- the download ----

    def reset_answers(self) -> None:
        self.top_buttons.clear()
        super().reset_answers()

    def handout(self) -> Handout:
        """Draft agreements from the top builders, then the cards in each column. Cards still
        in the pile are left out."""
        handout = Handout(self.content.handout_title, self.content.handout_intro)
        handout.add(t("trust.handout_agreements"), self.agreements())
        for heading, cards in self.columns_to_keep():
            handout.add(heading, cards)
        return handout


def trust_sort(cards: str = CARDS_FILE):
    """The trust sort, from a cards file in ``assets/``; a clear message if it is broken."""
    return from_files(TrustSort, TRUST_CARDS.at(cards))
