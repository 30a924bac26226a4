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

from ..content import Checker, ContentError, load_yaml
from ..i18n import t
from ..kit.blocks import NOTEBOOKS_DIR, Chapter, error_block, load_chapters
from ..kit.choice import PASS, ChoiceScale
from ..kit.handout import DownloadPanel, Handout
from ..kit.status import LiveStatus
from ..text import escape

__all__ = ["RouteFinder", "load_route_guide", "where_to_start"]

MOST_CHAPTERS = 12


@dataclass(frozen=True)
class Step:
    """One chapter in a route, and why it is suggested."""

    chapter: Chapter
    why: str


@dataclass(frozen=True)
class Answer:
    """One possible answer to a question."""

    id: str
    label: str
    route: list[Step]
    tip: str
    max_chapters: int | None


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    answers: list[Answer]

    def answer(self, answer_id: str) -> Answer:
        return next(answer for answer in self.answers if answer.id == answer_id)


@dataclass(frozen=True)
class RouteGuide:
    """Everything the route finder reads from its content file."""

    title: str
    intro: str
    questions: list[Question]
    route_order: list[str]
    default_route: list[Step]
    default_max: int


def _max_chapters(check: Checker, entry: dict, where: str, required: bool) -> int | None:
    value = entry.get("max_chapters")
    if value is None and not required:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= MOST_CHAPTERS:
        check.fail(f"{where} needs 'max_chapters' as a whole number from 1 to {MOST_CHAPTERS}")
    return value


def _steps(check: Checker, entries: object, where: str, chapters: dict[str, Chapter],
           required: bool = False) -> list[Step]:
    if entries is None and not required:
        return []
    steps = []
    for number, entry in enumerate(check.items(entries, where), start=1):
        place = f"{where}, step {number}"
        check.mapping(entry, place)
        slug = check.text(entry, "chapter", place, 80)
        if slug not in chapters:
            check.fail(f"{place} names the chapter '{slug}', which is not in chapters.yaml")
        steps.append(Step(chapters[slug], check.text(entry, "why", place, 200)))
    return steps


def load_route_guide(path: str = "introduction/route.yaml") -> RouteGuide:
    """Read and check the route finder's content file.

    Raises
    ------
    ContentError
        Naming the file and the first problem found.
    """
    chapters = {chapter.slug: chapter for chapter in load_chapters()}
    check = Checker(path)
    data = check.mapping(load_yaml(path), "The file")
    question_ids: set[str] = set()
    questions = []
    for number, entry in enumerate(check.items(data.get("questions"), "'questions'"), start=1):
        where = f"Question {number}"
        check.mapping(entry, where)
        question_id = check.identifier(entry, where, question_ids)
        answer_ids: set[str] = set()
        answers = []
        for count, item in enumerate(check.items(entry.get("answers"), f"{where}'s 'answers'"),
                                     start=1):
            place = f"{where}, answer {count}"
            check.mapping(item, place)
            answer_id = check.identifier(item, place, answer_ids)
            if answer_id == PASS:
                check.fail(f"{place} uses the id '{PASS}', which the pack keeps for Pass")
            answers.append(Answer(
                id=answer_id,
                label=check.text(item, "label", place, 80),
                route=_steps(check, item.get("route"), place, chapters),
                tip=check.text(item, "tip", place, 300, required=False),
                max_chapters=_max_chapters(check, item, place, required=False),
            ))
        questions.append(Question(question_id, check.text(entry, "question", where, 120), answers))
    route_order = check.texts(data, "route_order", "The file", 1, 40)
    for question_id in route_order:
        if question_id not in question_ids:
            check.fail(f"'route_order' names the question '{question_id}', "
                       "which is not in the file")
    return RouteGuide(
        title=check.text(data, "title", "The file", 120),
        intro=check.text(data, "intro", "The file", 300, required=False),
        questions=questions,
        route_order=route_order,
        default_route=_steps(check, data.get("default_route"), "'default_route'", chapters,
                             required=True),
        default_max=_max_chapters(check, data, "The file", required=True),
    )


def chapter_number(chapter: Chapter) -> int:
    """The number at the start of a chapter's slug, e.g. 2 for ``02_safety``."""
    digits = chapter.slug.split("_", 1)[0]
    return int(digits) if digits.isdigit() else 0


class RouteFinder(widgets.VBox):
    """The "Where do I start?" questions, a live suggested route and its download.

    Parameters
    ----------
    guide : RouteGuide
        The questions and routes, from :func:`load_route_guide`.
    notebooks_dir : Path
        Where the chapter notebooks are; chapters without a notebook are never suggested.
    """

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
        self.route_view.add_class("qa-introduction-route")
        self.status = LiveStatus()
        self.download = DownloadPanel(self.handout, basename="workshop-route")
        self.start_again_button = widgets.Button(description=t("introduction.start_again"))
        self.start_again_button.add_class("qa-introduction-start-again")
        self.start_again_button.on_click(lambda _: self._start_again_and_refocus())
        route_box = widgets.VBox([
            self.route_view,
            self.status,
            widgets.HTML(f"<h4>{escape(t('introduction.keep_heading'))}</h4>"),
            self.download,
            self.start_again_button,
        ])
        route_box.add_class("pack-introduction-route")
        super().__init__([*self.scales.values(), route_box], **kwargs)
        self.add_class("pack-introduction-finder")
        self._draw()

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
        self.answers = {}
        for scale in self.scales.values():
            scale.clear()
        self._draw()
        self.status.say(t("introduction.cleared"))

    def _start_again_and_refocus(self) -> None:
        self.start_again()
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
        return limits[-1] if limits else self.guide.default_max

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
        self.download.reset()

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
    try:
        return RouteFinder(load_route_guide(route))
    except ContentError as error:
        return error_block(error)
