"""A self-check: rate several things on one scale, one at a time, passing on any, and get a
summary, next steps and a download, all written in the content file.

Used for the needs inventory and the facilitator check (Self-care), the trauma-informed
self-check (Trust) and the Active Offer check (Welsh context). A new one needs only a YAML
file and one notebook line, ``self_check("chapter/file.yaml", "download-name")``.

The content file gives the options (lowest first), the items, and the summary as blocks, each
listing the items rated with some options: by name (``names``), with their rating
(``ratings``), or with the actions the file gives for that rating (``actions``)::

    title: My needs today
    question: How met does this need feel today?
    noun: Need                      # "Need 2 of 7"
    options:
      - {id: not-met, label: Not met}
      - {id: partly, label: Partly met}
      - {id: met, label: Met}
    items:
      - id: rest
        name: Rest
        hint: Sleep, breaks and quiet.
        actions: ["What would help you rest a little more this week?"]
    summary:
      - {options: [met], show: names}
      - {heading: Questions to sit with, options: [partly, not-met], show: actions}

``actions`` apply to every option an ``actions`` block lists; ``actions_for`` gives different
actions per option (``{partly: [...], not-yet: [...]}``). Passed items are never shown: a pass
looks the same as no answer.
"""

from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as widgets

from ..content import rules
from ..i18n import t
from ..text import escape
from .base import Exercise, from_files
from .charts import bar_chart_svg, figure_html, text_alternative
from .choice import Option
from .handout import Handout
from .html import bullets, button, heading, paragraph
from .ratings import RatingSet
from .reflection import Prompt, ReflectionBox

__all__ = ["SELF_CHECK", "SelfCheck", "SelfCheckFile", "self_check"]

SHOW = ("names", "ratings", "actions")


@dataclass(frozen=True)
class CheckItem:
    id: str = rules.identifier()
    name: str = rules.text(80, "What is rated, in large type.")
    hint: str = rules.text(300, "A line under it saying what it covers.", required=False)
    actions: list[str] = rules.texts(1, 300, "What to try, shown when it is rated with an "
                                     "option an 'actions' block lists.", required=False)
    actions_for: dict[str, list[str]] = rules.each_named(
        1, 300, "Different actions for different options, by option id.", required=False)


@dataclass(frozen=True)
class SummaryBlock:
    options: list[str] = rules.texts(1, 40, "The option ids whose items this block lists.")
    show: str = rules.one_of(SHOW, "names: the items' names; ratings: each item with its "
                             "rating; actions: each item's actions.")
    heading: str = rules.text(120, "The block's heading (default: the option's words).",
                              required=False)
    download_only: bool = rules.flag("Leave this block off the page (it is in the download).")


@dataclass(frozen=True)
class Chart:
    title: str = rules.text(200, "The chart's name, read out by screen readers.")
    heading: str = rules.text(120, "The heading above the chart.")
    caption: str = rules.text(120, "The line above the ratings in words.")
    no_rating: str = rules.text(60, "What the chart says for an item passed or not rated.")
    not_rated: str = rules.text(60, "The same, in the ratings in words.")


@dataclass(frozen=True)
class SelfCheckFile:
    title: str = rules.text(120, "The download's title.")
    question: str = rules.text(200, "Asked about every item.")
    noun: str = rules.text(40, "What one item is called: 'Need' gives 'Need 2 of 7'.")
    options: list[Option] = rules.items(Option, "option", "The answers, lowest "
                                             "first.", minimum=2, maximum=6)
    items: list[CheckItem] = rules.items(CheckItem, "item", "What is rated, in order.")
    summary: list[SummaryBlock] = rules.items(SummaryBlock, "block", "The summary, block by "
                                              "block; the download follows it.")
    intro: str = rules.text(400, "Shown above the check, and under the download's title.",
                            required=False)
    summary_heading: str = rules.text(120, "A heading above the summary.", required=False)
    summary_note: str = rules.text(400, "A note above the summary (for example, that this "
                                   "is not a diagnosis).", required=False)
    summary_empty: str = rules.text(300, "Shown while nothing is rated yet.", required=False)
    summary_none: str = rules.text(300, "Shown when things are rated but no block has "
                                   "anything to show.", required=False)
    show_summary: bool = rules.flag("Show the summary on the page (true), not only in the "
                                    "download.")
    chart: Chart | None = rules.record(Chart, "A bar chart of the ratings, with the ratings "
                                       "in words.", required=False)
    prompts_heading: str = rules.text(120, "A heading above the text boxes.", required=False)
    prompts: list[Prompt] = rules.items(Prompt, "prompt", "Private text boxes, whose answers "
                                        "go in the download.", required=False)
    prompt_limit: int = rules.whole(50, 2000, "The most characters a text box keeps in the "
                                    "download (default 500).", required=False)
    download_heading: str = rules.text(120, "A heading above the download button.",
                                       required=False)
    handout_intro: str = rules.text(400, "The download's first line (default: the intro).",
                                    required=False)
    prepare: str = rules.text(60, "The download button's words.", required=False)
    clear: str = rules.text(60, "The clear button's words.", required=False)

    def validate(self, fail, where: str) -> None:
        known = {option.id for option in self.options}
        for number, block in enumerate(self.summary, start=1):
            unknown = [option for option in block.options if option not in known]
            if unknown:
                fail(t("content.unknown_options", where=rules.place("block", number),
                       names=", ".join(unknown)))
        with_actions = [option for block in self.summary if block.show == "actions"
                        for option in block.options]
        for number, item in enumerate(self.items, start=1):
            place = f"{self.noun} {number}"  # as people call them: "Area 3"
            unknown = [option for option in item.actions_for if option not in known]
            if unknown:
                fail(t("content.unknown_options", where=place,
                       names=", ".join(f"'{option}'" for option in unknown)))
            # An item with nothing to suggest for a rating would vanish from the summary.
            missing = [option for option in with_actions
                       if not item.actions_for.get(option, item.actions)]
            if missing:
                fail(t("self_check.needs_actions", where=place,
                       options=", ".join(f"'{option}'" for option in missing)))


SELF_CHECK = rules.Kind(SelfCheckFile, "Self-check")

#: Longest answer in a self-check's text boxes.
PROMPT_LIMIT = 500


class SelfCheck(Exercise):
    """A self-check from its content file. See the module docstring.

    Parameters
    ----------
    content : SelfCheckFile
        Everything the check shows, from its file.
    basename : str
        The download's file name without extension (keep it neutral).
    """

    cleared_key = "self_check.cleared"

    def __init__(self, content: SelfCheckFile, basename: str = "workshop-notes", **kwargs):
        self.content = content
        self.items = {item.id: item for item in content.items}
        self.option_labels = {option.id: option.label for option in content.options}
        self.ratings = RatingSet(content.question, [(i.id, i.name) for i in content.items],
                                 [(o.id, o.label) for o in content.options],
                                 hints={i.id: i.hint for i in content.items if i.hint},
                                 one_at_a_time=True, item_noun=content.noun)
        self.ratings.add_class("qa-self-check-ratings")
        limit = content.prompt_limit or PROMPT_LIMIT
        self.boxes = [ReflectionBox(p.label, p.hint, limit=limit) for p in content.prompts]
        for prompt, box in zip(content.prompts, self.boxes, strict=True):
            box.text_area.add_class(f"qa-self-check-{prompt.id}")
        self.chart_view = widgets.HTML()
        self.chart_view.add_class("qa-self-check-chart")
        self.summary_view = widgets.HTML()
        self.summary_view.add_class("qa-self-check-summary")
        super().__init__(download=basename, **kwargs)
        if content.prepare:
            self.download.prepare_button.description = content.prepare
        self.clear_button = button(content.clear or t("self_check.clear"), "qa-self-check-clear",
                                   lambda: self._clear_pressed())
        self.children = [*self.children, self.clear_button, self.status]
        self.watch(self.ratings, *self.boxes)
        self.ratings.on_change(self._draw)
        self.add_class("pack-self-check")
        self._draw()

    def build(self) -> list[widgets.Widget]:
        content = self.content
        parts: list[widgets.Widget] = []
        if content.intro:
            parts.append(paragraph(content.intro))
        parts.append(self.ratings)
        if content.chart is not None:
            parts += [heading(content.chart.heading), self.chart_view]
        if content.show_summary:
            parts.append(self.summary_view)
        if self.boxes:
            if content.prompts_heading:
                parts.append(heading(content.prompts_heading, 4))
            parts += self.boxes
        if content.download_heading:
            parts.append(heading(content.download_heading))
        return [*parts, self.download]

    # ---- answers ----

    def rate(self, item: str, option: str) -> None:
        """Rate ``item`` with an option id, or ``"pass"``, as its button does."""
        self.ratings.rate(item, option)

    def write(self, prompt_index: int, text: str) -> None:
        """Type ``text`` into text box ``prompt_index`` (from 0)."""
        self.boxes[prompt_index].write(text)

    def reset_answers(self) -> None:
        self.ratings.clear()
        for box in self.boxes:
            box.clear()

    def focus_after_clear(self) -> None:
        self.ratings.focus_first()

    # ---- the summary ----

    def actions_of(self, item: CheckItem, option: str) -> list[str]:
        """What the file suggests for ``item`` rated ``option``."""
        return item.actions_for.get(option, item.actions)

    def blocks(self, page: bool = False) -> list[tuple[str, list[str]]]:
        """(heading, lines) for every summary block that has something to show, in order
        (``page``: only those shown on the page). Passed and unanswered items are never in
        it."""
        answered = self.ratings.answered()
        result = []
        for block in self.content.summary:
            if page and block.download_only:
                continue
            lines = []
            for item in self.content.items:
                option = answered.get(item.id)
                if option not in block.options:
                    continue
                if block.show == "names":
                    lines.append(item.name)
                elif block.show == "ratings":
                    lines.append(t("self_check.rated", name=item.name,
                                   label=self.option_labels[option]))
                else:
                    lines += [t("self_check.action", name=item.name, action=action)
                              for action in self.actions_of(item, option)]
            title = block.heading or self.option_labels[block.options[0]]
            if lines:
                result.append((title, lines))
        return result

    def describe(self, score: int) -> str:
        """A score in words, for example "Mostly (3 out of 4)"."""
        label = self.content.options[score - 1].label
        return t("self_check.score_words", label=label, value=score,
                 maximum=len(self.content.options))

    def chart_html(self) -> str:
        """The bar chart and its text alternative. Passed and unrated read the same."""
        chart = self.content.chart
        values = self.ratings.chart_values()
        maximum = len(self.content.options)
        svg = bar_chart_svg(values, maximum, chart.title, passed_label=chart.no_rating)
        alternative = text_alternative(values, maximum, chart.not_rated, describe=self.describe)
        return figure_html(svg, alternative, chart.caption)

    def _draw(self) -> None:
        content = self.content
        if content.chart is not None:
            self.chart_view.value = self.chart_html()
        parts = []
        if content.summary_heading:
            parts.append(f"<h4>{escape(content.summary_heading)}</h4>")
        if content.summary_note:
            parts.append(f'<p class="pack-message">{escape(content.summary_note)}</p>')
        blocks = self.blocks(page=True)
        if not blocks:
            empty = content.summary_none if self.ratings.answered() else ""
            empty = empty or content.summary_empty
            if empty:
                parts.append(f'<p class="pack-muted">{escape(empty)}</p>')
        for title, lines in blocks:
            parts.append(f"<h4>{escape(title)}</h4>{bullets(lines)}")
        self.summary_view.value = "".join(parts)

    # ---- the download ----

    def handout(self) -> Handout | str:
        """The summary's blocks, then her own words; passed items are left out."""
        if any(box.checked.too_long for box in self.boxes):
            return t("handout.waiting")
        content = self.content
        handout = Handout(content.title, content.handout_intro or content.intro)
        for title, lines in self.blocks():
            handout.add(title, lines)
        for box in self.boxes:
            answer = box.checked.usable
            handout.add(box.label, [answer] if answer else [])
        return handout


def self_check(path: str, basename: str):
    """A self-check from its file in ``assets/``; a calm message if the file is broken."""
    return from_files(SelfCheck, SELF_CHECK.at(path), basename=basename)
