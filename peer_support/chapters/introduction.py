"""The Introduction chapter's exercise: "Where do I start?".

A few questions (her role, where her group is at, what she wants from today, how much time
she has) each have an answer or Pass. The answers lead to a suggested route through the
chapters, with links, which she can download or print. Only chapters whose notebook exists
are suggested, so a link never leads nowhere. Passed questions count for nothing and are
left out of the download.

The questions, answers and the chapters each answer suggests live in a content file
(``assets/introduction/route.yaml``), so a facilitator can change them without code.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import ipywidgets as widgets

from ..content import checks, rules
from ..i18n import t
from ..kit.base import Exercise, from_files
from ..kit.blocks import NOTEBOOKS_DIR, Chapter, load_chapters
from ..kit.choice import PASS, ChoiceScale
from ..kit.handout import Handout
from ..text import escape

__all__ = ["ROUTE", "RouteFinder", "load_route_guide", "where_to_start"]

MOST_CHAPTERS = 12


@dataclass(frozen=True)
class ChapterSlug(checks.Text):
    """A chapter's slug, looked up in ``chapters.yaml``: the step holds the chapter itself."""

    def check(self, value, key, where, walk) -> Chapter:
        slug = super().check(value, key, where, walk)
        chapters = {chapter.slug: chapter for chapter in load_chapters()}
        if slug not in chapters:
            walk.fail("introduction.unknown_chapter", slug=slug, where=where)
        return chapters[slug]

    def describe(self) -> str:
        return "a chapter's slug, as in chapters.yaml"


@dataclass(frozen=True)
class Step:
    """One chapter in a route, and why it is suggested."""

    chapter: Chapter = rules.field(ChapterSlug(80), "The chapter, by its slug in chapters.yaml.")
    why: str = rules.text(200, "Why it is suggested, in a sentence.")


@dataclass(frozen=True)
class Answer:
    """One possible answer to a question."""

    id: str = rules.identifier(reserved=(PASS,))
    label: str = rules.text(80, "The answer's words on its button.")
    route: list[Step] = rules.items(Step, "step", "Chapters this answer suggests, most "
                                    "important first.", required=False)
    tip: str = rules.text(300, "A tip that comes with this answer.", required=False)
    max_chapters: int | None = rules.whole(1, MOST_CHAPTERS, "The most chapters to suggest "
                                           "(for example for a short session).", required=False)


@dataclass(frozen=True)
class Question:
    id: str = rules.identifier()
    question: str = rules.text(120, "The question.")
    answers: list[Answer] = rules.items(Answer, "answer", "Its answers; Pass is added.")

    def answer(self, answer_id: str) -> Answer:
        return next(answer for answer in self.answers if answer.id == answer_id)


@dataclass(frozen=True)
class RouteGuide:
    """Everything the route finder reads from its content file."""

    title: str = rules.text(120, "The download's title.")
    questions: list[Question] = rules.items(Question, "question", "The questions, in order.")
    route_order: list[str] = rules.texts(1, 40, "Question ids, most important first: whose "
                                         "suggestions come first in the route.")
    default_route: list[Step] = rules.items(Step, "step", "The route before anything is "
                                            "answered.")
    max_chapters: int = rules.whole(1, MOST_CHAPTERS, "The most chapters to suggest unless an "
                                    "answer says otherwise.")
    intro: str = rules.text(300, "The download's first line.", required=False)

    def validate(self, fail, where: str) -> None:
        ids = {question.id for question in self.questions}
        for question_id in self.route_order:
            if question_id not in ids:
                fail(t("introduction.unknown_question", id=question_id))


ROUTE = rules.Kind(RouteGuide, "The \"Where do I start?\" route finder")


def load_route_guide(path: str = "introduction/route.yaml") -> RouteGuide:
    """Read and check the route finder's content file (its chapters looked up in
    ``chapters.yaml``); ContentError naming the file and the first problem found."""
    return ROUTE.load(path)


def chapter_number(chapter: Chapter) -> int:
    """The number at the start of a chapter's slug, e.g. 2 for ``02_safety``."""
    digits = chapter.slug.split("_", 1)[0]
    return int(digits) if digits.isdigit() else 0


class RouteFinder(Exercise):
    """The "Where do I start?" questions, a live suggested route and its download.

    Parameters
    ----------
    guide : RouteGuide
        The questions and routes, from :func:`load_route_guide`.
    notebooks_dir : Path
        Where the chapter notebooks are; chapters without a notebook are never suggested.
    """

    clear_key = "introduction.start_again"
    cleared_key = "introduction.cleared"

    def __init__(self, guide: RouteGuide, notebooks_dir: Path = NOTEBOOKS_DIR, **kwargs):
        self.guide = guide
        self.notebooks_dir = Path(notebooks_dir)
        self.answers: dict[str, str] = {}
        self.scales: dict[str, ChoiceScale] = {}
        for question in guide.questions:
            scale = ChoiceScale(question.question,
                                [(answer.id, answer.label) for answer in question.answers])
            scale.add_class(f"qa-introduction-question-{question.id}")
            # Space between questions, and the question in bold, so each reads as one group.
            scale.layout.margin = "0 0 1.2em 0"
            scale.question.style.font_weight = "bold"
            scale.on_choice(lambda key, question_id=question.id: self._on_answer(question_id, key))
            self.scales[question.id] = scale
        self.route_view = widgets.HTML()
        self.route_view.add_class("qa-route-view")
        super().__init__(download="workshop-route", **kwargs)
        self.start_again_button = self.clear_button
        self.start_again_button.add_class("qa-introduction-start-again")
        self.watch(*self.scales.values())
        self.add_class("pack-introduction-finder")
        self._draw()

    def build(self) -> list[widgets.Widget]:
        route_box = widgets.VBox([
            self.route_view,
            self.status,
            widgets.HTML(f"<h4>{escape(t('introduction.keep_heading'))}</h4>"),
            self.download,
            self.clear_button,
        ])
        route_box.add_class("pack-introduction-route")
        return [*self.scales.values(), route_box]

    # ---- answering ----

    def answer(self, question_id: str, key: str) -> None:
        """Answer a question with an answer's id, or ``"pass"``, as pressing its button does."""
        self.scales[question_id].choose(key)

    def _on_answer(self, question_id: str, key: str) -> None:
        self.answers[question_id] = key
        self._draw()

    def chosen(self) -> list[tuple[Question, Answer]]:
        """The questions she answered (not passed), with her answers, in question order."""
        pairs = []
        for question in self.guide.questions:
            key = self.answers.get(question.id)
            if key and key != PASS:
                pairs.append((question, question.answer(key)))
        return pairs

    def start_again(self) -> None:
        """Forget every answer; the route goes back to the general one."""
        self.clear()

    def reset_answers(self) -> None:
        self.answers = {}
        for scale in self.scales.values():
            scale.clear()
        self._draw()

    def focus_after_clear(self) -> None:
        next(iter(self.scales.values())).focus_first()

    # ---- the route ----

    @property
    def is_fitted(self) -> bool:
        """True when an answer suggests chapters, so the route fits her answers."""
        chosen = dict((question.id, answer) for question, answer in self.chosen())
        return any(chosen[q].route for q in self.guide.route_order if q in chosen)

    def max_chapters(self) -> int:
        """The most chapters to suggest: from an answer that sets it (such as time), or the
        guide's default."""
        limits = [answer.max_chapters for _, answer in self.chosen() if answer.max_chapters]
        return limits[-1] if limits else self.guide.max_chapters

    def route(self) -> list[Step]:
        """The suggested chapters, most important first, each once, only those that exist."""
        chosen = dict((question.id, answer) for question, answer in self.chosen())
        steps: list[Step] = []
        for question_id in self.guide.route_order:
            if question_id in chosen:
                steps += chosen[question_id].route
        if not steps:
            steps = list(self.guide.default_route)
        route: list[Step] = []
        seen: set[str] = set()
        for step in steps:
            if step.chapter.slug in seen or not step.chapter.exists(self.notebooks_dir):
                continue
            seen.add(step.chapter.slug)
            route.append(step)
        return route[:self.max_chapters()]

    def tips(self) -> list[str]:
        """Tips that come with her answers, in question order."""
        return [answer.tip for _, answer in self.chosen() if answer.tip]

    def _draw(self) -> None:
        route = self.route()
        note = t("introduction.route_fitted") if self.is_fitted else t("introduction.route_general")
        parts = [f"<h3>{escape(t('introduction.route_heading'))}</h3>", f"<p>{escape(note)}</p>"]
        if route:
            items = "".join(
                f'<li><a href="{escape(step.chapter.href)}" class="pack-route-link">'
                f"{escape(step.chapter.title)}</a>: {escape(step.why)}</li>"
                for step in route)
            parts.append(f"<ol>{items}</ol>")
            self.status.say(t("introduction.route_status", count=len(route),
                              first=route[0].chapter.title))
        else:
            parts.append(f"<p>{escape(t('introduction.none_available'))}</p>")
            self.status.say(t("introduction.none_available"))
        tips = self.tips()
        if tips:
            parts.append(f"<h4>{escape(t('introduction.tips_heading'))}</h4>")
            parts.append("<ul>" + "".join(f"<li>{escape(tip)}</li>" for tip in tips) + "</ul>")
        self.route_view.value = "".join(parts)

    def handout(self) -> Handout:
        """The route to keep: her answers (never the passed ones), the route and the tips."""
        handout = Handout(self.guide.title, self.guide.intro)
        handout.add(t("introduction.answers_heading"),
                    [t("introduction.answer_item", question=question.question, answer=answer.label)
                     for question, answer in self.chosen()])
        handout.add(t("introduction.route_download_heading"),
                    [t("introduction.route_item", number=chapter_number(step.chapter),
                       title=step.chapter.title, why=step.why) for step in self.route()])
        handout.add(t("introduction.tips_heading"), self.tips())
        return handout


def where_to_start(route: str = "introduction/route.yaml"):
    """The "Where do I start?" route finder, from a file in ``assets/``; a calm message if the
    file is broken."""
    return from_files(RouteFinder, ROUTE.at(route))
