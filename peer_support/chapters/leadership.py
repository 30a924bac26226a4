"""The Leadership chapter's own exercises.

- :class:`LeadershipSort`: the leadership qualities sort (a kit
  :class:`~peer_support.kit.sort.ColumnSort`) with column presets ("My strengths", or "Leaders
  and peers" for group talk) and a downloadable "my leadership strengths" card.
- :func:`leadership_questions`: questions to discuss, one at a time in large type (a CardDeck).
- :class:`StrengthSpotting`: how to give specific, positive, consent-first feedback, with a
  quality chooser. There is no name field: nothing says who a strength belongs to.

The shared roles rota is a kit rota and the private "me and leadership" prompts a kit
reflection (each only a content file). Nothing
typed is written on the server; downloads are built in the page.
"""

from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as widgets

from ..content import rules
from ..i18n import t
from ..kit.base import Exercise, from_files
from ..kit.card_sort import PRESETS, PresetsFile, PresetSort
from ..kit.deck import CardDeck, plain_card
from ..kit.handout import Handout
from ..kit.html import bullets, button
from ..kit.sort import CARD_LIMIT
from ..text import escape

__all__ = [
    "PRESETS",
    "QUALITIES",
    "QUESTIONS",
    "SPOTTING",
    "LeadershipSort",
    "StrengthSpotting",
    "leadership_questions",
    "leadership_sort",
    "strength_spotting",
]

KINDS = ("quiet", "relational", "visible")
MINIMUM_QUALITIES = 24
MINIMUM_QUESTIONS = 6


# ---- content ----


@dataclass(frozen=True)
class Quality:
    """One card in the qualities sort. ``kind`` is quiet, relational or visible."""

    id: str = rules.identifier()
    text: str = rules.text(CARD_LIMIT, "The quality, as it shows on its card.", unique=True)
    kind: str = rules.one_of(KINDS, "What kind of leadership it shows.")


@dataclass(frozen=True)
class QualitiesFile:
    qualities: list[Quality] = rules.items(Quality, "quality", "The cards, in the order they "
                                           "come up.", minimum=MINIMUM_QUALITIES)


@dataclass(frozen=True)
class Question:
    id: str = rules.identifier()
    text: str = rules.text(200, "The question.")


@dataclass(frozen=True)
class QuestionsFile:
    intro: str = rules.text(300, "A line above the questions.")
    questions: list[Question] = rules.items(Question, "question", "The questions.",
                                            minimum=MINIMUM_QUESTIONS)


@dataclass(frozen=True)
class SpottingGuide:
    intro: str = rules.text(300, "What strength spotting is.")
    steps: list[str] = rules.texts(3, 300, "How to give the feedback, in order.")
    starters: list[str] = rules.texts(1, 120, "Sentence starters.")


QUALITIES = rules.Kind(QualitiesFile, "Leadership qualities (cards)")
QUESTIONS = rules.Kind(QuestionsFile, "Questions to discuss, one at a time")
SPOTTING = rules.Kind(SpottingGuide, "The strength spotting guide")


# ---- 1. the leadership qualities sort ----


class LeadershipSort(PresetSort):
    """The qualities sort: a kit :class:`~peer_support.kit.card_sort.PresetSort` of the
    qualities, with the column presets from their file and the leadership card's words."""

    prepare_key = "leadership.prepare_card"

    def __init__(self, qualities: QualitiesFile, presets: PresetsFile, **kwargs):
        self.qualities = qualities.qualities
        super().__init__([q.text for q in self.qualities], presets.presets,
                         label=t("leadership.sort_label"), heading=t("leadership.card_heading"),
                         basename="leadership-strengths", css="qa-leadership", **kwargs)
        self.add_class("pack-leadership-sort")


def leadership_sort(qualities: str = "leadership/qualities.yaml",
                    presets: str = "leadership/sort-presets.yaml"):
    """The leadership qualities sort; a clear message if a content file is broken."""
    return from_files(LeadershipSort, QUALITIES.at(qualities), PRESETS.at(presets))


# ---- 2. leadership questions ----


def _question_deck(content: QuestionsFile) -> widgets.VBox:
    deck = CardDeck([{"text": q.text, "id": q.id} for q in content.questions], render=plain_card,
                    shuffle_button=True, label=t("leadership.question"))
    deck.add_class("qa-leadership-questions")
    box = widgets.VBox([widgets.HTML(f'<p class="pack-message">{escape(content.intro)}</p>'),
                        deck])
    box.add_class("pack-leadership-questions")
    return box


def leadership_questions(path: str = "leadership/questions.yaml"):
    """Questions one at a time in large type, with Previous, Next and Shuffle."""
    return from_files(_question_deck, QUESTIONS.at(path))


# ---- 3. strength spotting ----


class StrengthSpotting(Exercise):
    """A facilitator-led strength spotting round.

    The screen shows how to give feedback, then a quality chooser. "Show on screen" puts the
    chosen quality up in large type with sentence starters. "Add to our list" collects the
    qualities the group spotted today, as a poster to download. There is no name field.
    """

    clear_key = "leadership.spot_clear"
    cleared_key = "leadership.spot_cleared"

    def __init__(self, guide: SpottingGuide, qualities: QualitiesFile, **kwargs):
        self.guide = guide
        self.qualities = [q.text for q in qualities.qualities]
        self.spotted: list[str] = []
        self.chooser = widgets.Dropdown(
            options=[(t("leadership.spot_choose"), None)] + [(q, q) for q in self.qualities],
            value=None, description=t("leadership.spot_label"),
            layout=widgets.Layout(width="auto", max_width="100%"),
            style={"description_width": "initial"})
        self.chooser.add_class("qa-spot-chooser")
        self.show_button = button(t("leadership.spot_show"), "qa-spot-show",
                                  lambda: self.show(self.chooser.value))
        self.add_button = button(t("leadership.spot_add"), "qa-spot-add",
                                 lambda: self.add(self.chooser.value))
        self.screen = widgets.HTML()
        self.screen.add_class("qa-spot-screen")
        self.list_view = widgets.HTML()
        self.list_view.add_class("qa-spot-list")
        super().__init__(download="strengths-we-spotted", **kwargs)
        self.clear_button.add_class("qa-spot-clear")
        self.add_class("pack-strength-spotting")
        self._draw_list()

    def build(self) -> list[widgets.Widget]:
        how = widgets.HTML(f"<p>{escape(self.guide.intro)}</p>"
                           f"<h3>{escape(t('leadership.spot_how'))}</h3>"
                           f"{bullets(self.guide.steps, ordered=True)}")
        buttons = widgets.HBox([self.show_button, self.add_button])
        buttons.add_class("pack-choice-row")
        list_box = widgets.VBox([
            widgets.HTML(f"<h3>{escape(t('leadership.spot_list_heading'))}</h3>"),
            self.list_view, self.download, self.clear_button,
        ])
        list_box.add_class("pack-our-words")
        return [how, self.chooser, buttons, self.status, self.screen, list_box]

    def _check(self, quality: str | None) -> str | None:
        if quality is None:
            self.status.say(t("leadership.spot_none"))
            return None
        if quality not in self.qualities:
            raise KeyError(quality)
        return quality

    def show(self, quality: str | None) -> None:
        """Put ``quality`` on screen in large type, with the sentence starters."""
        quality = self._check(quality)
        if quality is None:
            return
        starters = "".join(f"<li>{escape(s)}</li>" for s in self.guide.starters)
        self.screen.value = (
            f'<div class="pack-card"><p>{escape(t("leadership.spot_noticed"))}</p>'
            f'<p class="pack-card__term">{escape(quality)}</p>'
            f"<p>{escape(t('leadership.spot_starters'))}</p><ul>{starters}</ul></div>")
        self.status.say(t("leadership.spot_shown", quality=quality))

    def add(self, quality: str | None) -> None:
        """Add ``quality`` to the list of strengths spotted today (no names, repeats kept
        once with a count)."""
        quality = self._check(quality)
        if quality is None:
            return
        self.spotted.append(quality)
        self.status.say(t("leadership.spot_added", quality=quality))
        self._draw_list()
        self.changed()

    def counts(self) -> list[tuple[str, int]]:
        """Each quality spotted, in the order first spotted, with how often."""
        counts: dict[str, int] = {}
        for quality in self.spotted:
            counts[quality] = counts.get(quality, 0) + 1
        return list(counts.items())

    def _describe(self, quality: str, count: int) -> str:
        return quality if count == 1 else t("leadership.spot_times", quality=quality,
                                              count=count)

    def _draw_list(self) -> None:
        if not self.spotted:
            self.list_view.value = f"<p>{escape(t('leadership.spot_list_empty'))}</p>"
        else:
            items = "".join(f"<li>{escape(self._describe(q, n))}</li>" for q, n in self.counts())
            self.list_view.value = f"<ul>{items}</ul>"

    def reset_answers(self) -> None:
        """Empty the list and the screen."""
        self.spotted = []
        self.screen.value = ""
        self.chooser.value = None
        self._draw_list()

    def handout(self) -> Handout:
        """A poster of the strengths spotted today, in large type, with no names."""
        handout = Handout(t("leadership.spot_list_heading"), t("leadership.spot_poster_intro"),
                          large_print=True)
        handout.add(t("leadership.spot_poster_section"),
                    [self._describe(q, n) for q, n in self.counts()])
        return handout


def strength_spotting(guide: str = "leadership/strength-spotting.yaml",
                      qualities: str = "leadership/qualities.yaml"):
    """The strength spotting round; a clear message if a content file is broken."""
    return from_files(StrengthSpotting, SPOTTING.at(guide), QUALITIES.at(qualities))
