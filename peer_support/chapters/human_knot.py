"""The human knot, in the Safety chapter: a facilitator card and an on-screen puzzle.

- :class:`KnotCard`: the human knot as a card, the no-touch version first, with a printable
  copy. Sitting out is always fine.
- :class:`KnotPuzzle`: "untangle the circle" for remote or seated groups, worked entirely with
  Move up / Move down buttons (a kit :class:`~peer_support.kit.editable_list.EditableList`),
  with a drawing and a text description of the circle.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass

import ipywidgets as widgets

from ..content import rules
from ..i18n import t
from ..kit.base import Exercise, from_files
from ..kit.choice import ChoiceScale
from ..kit.editable_list import Action, EditableList
from ..kit.handout import Handout
from ..kit.html import bullets
from ..text import escape

__all__ = ["KNOT_CARD", "KNOT_PUZZLE", "KnotCard", "KnotPuzzle", "knot_card", "knot_puzzle"]

# ======================================================================================
# The facilitator card
# ======================================================================================


@dataclass(frozen=True)
class KnotVersion:
    id: str = rules.identifier()
    title: str = rules.text(80, "The version's name on its button.")
    steps: list[str] = rules.texts(2, 400, "How to run it, in order.")


@dataclass(frozen=True)
class KnotCardFile:
    title: str = rules.text(80, "The card's title.")
    purpose: str = rules.text(500, "What the game is for.")
    sitting_out: str = rules.text(300, "That sitting out is always fine, said plainly.")
    versions: list[KnotVersion] = rules.items(KnotVersion, "version", "Ways to play; the first "
                                              "(no touch) is shown at the start.", minimum=2)
    safety: list[str] = rules.texts(1, 400, "Keeping it safe.")
    debrief: list[str] = rules.texts(1, 300, "Questions for afterwards.")


KNOT_CARD = rules.Kind(KnotCardFile, "The human knot card")


class KnotCard(Exercise):
    """The human knot as a card: purpose, that sitting out is fine, one version's steps at a
    time (the first version, no-touch, is shown at the start), safety and debrief, and a
    printable copy of the whole card."""

    prepare_key = "safety.knot_prepare"

    def __init__(self, content: KnotCardFile, **kwargs):
        self.content = content
        self.versions = {v.id: v for v in content.versions}
        self.chooser = ChoiceScale(t("safety.knot_choose"),
                                   [(v.id, v.title) for v in content.versions], allow_pass=False)
        self.chooser.add_class("qa-knot-versions")
        self.chooser.on_choice(lambda key: self._draw_steps())
        self.steps_view = widgets.HTML()
        self.steps_view.add_class("qa-knot-steps")
        super().__init__(download="human-knot-card", **kwargs)
        self.add_class("pack-knot-card")
        self.chooser.show(content.versions[0].id)
        self._draw_steps()

    def build(self) -> list[widgets.Widget]:
        content = self.content
        header = widgets.HTML(
            f'<div class="pack-card"><h3>{escape(content.title)}</h3>'
            f"<p>{escape(content.purpose)}</p>"
            f'<p class="pack-message"><strong>{escape(content.sitting_out)}</strong></p></div>')
        rest = widgets.HTML(
            f"<h4>{escape(t('safety.knot_safety'))}</h4>{bullets(content.safety)}"
            f"<h4>{escape(t('safety.knot_debrief'))}</h4>{bullets(content.debrief)}")
        return [header, self.chooser, self.steps_view, rest, self.download]

    @property
    def shown(self) -> KnotVersion:
        return self.versions[self.chooser.choice]

    def show_version(self, version_id: str) -> None:
        """Show one version's steps, as its button does. ``KeyError`` if unknown."""
        if version_id not in self.versions:
            raise KeyError(version_id)
        self.chooser.choose(version_id)

    def _draw_steps(self) -> None:
        version = self.shown
        self.steps_view.value = (f"<h4>{escape(version.title)}</h4>"
                                 f"{bullets(version.steps, ordered=True)}")

    def reset_answers(self) -> None:
        self.chooser.show(self.content.versions[0].id)
        self._draw_steps()

    def handout(self) -> Handout:
        """The whole card, every version, ready to print."""
        content = self.content
        handout = Handout(content.title, content.purpose)
        handout.add(t("safety.knot_sitting_out"), [content.sitting_out])
        for version in content.versions:
            handout.add(version.title,
                        [f"{n}. {step}" for n, step in enumerate(version.steps, start=1)])
        handout.add(t("safety.knot_safety"), content.safety)
        handout.add(t("safety.knot_debrief"), content.debrief)
        return handout


def knot_card(path: str = "safety/human-knot.yaml"):
    """The human knot card from a file in ``assets/``; a calm message if it is broken."""
    return from_files(KnotCard, KNOT_CARD.at(path))


# ======================================================================================
# "Untangle the circle"
# ======================================================================================


@dataclass(frozen=True)
class PuzzleFile:
    """People in their starting order around the circle, and the pairs joined by a scarf."""

    people: list[str] = rules.texts(4, 20, "Names round the circle, in their starting order "
                                    "(4 to 10, each different).", maximum=10)
    links: list[tuple[str, str]] = rules.pairs(4, 20, "Pairs of names joined by a scarf, "
                                               "written [Ana, Cath]; together they make one "
                                               "loop, with everyone in exactly two pairs.")

    def validate(self, fail, where: str) -> None:
        if len({p.casefold() for p in self.people}) != len(self.people):
            fail(t("safety.knot_same_name"))
        pairs = self.links
        for number, pair in enumerate(pairs, start=1):
            if not all(p in self.people for p in pair) or pair[0] == pair[1]:
                fail(t("safety.knot_bad_link", number=number))
        if any(sum(person in pair for pair in pairs) != 2 for person in self.people):
            fail(t("safety.knot_two_links"))
        if not _one_loop(self.people, pairs):
            fail(t("safety.knot_one_loop"))
        if _side_by_side(self.people, pairs) == len(pairs):
            fail(t("safety.knot_untangled"))


KNOT_PUZZLE = rules.Kind(PuzzleFile, "The untangle-the-circle puzzle")


def _one_loop(people: Sequence[str], links: Sequence[tuple[str, str]]) -> bool:
    reached, frontier = {people[0]}, [people[0]]
    while frontier:
        person = frontier.pop()
        for a, b in links:
            for x, y in ((a, b), (b, a)):
                if x == person and y not in reached:
                    reached.add(y)
                    frontier.append(y)
    return len(reached) == len(people) and len(links) == len(people)


def _adjacent(order: Sequence[str], a: str, b: str) -> bool:
    gap = abs(order.index(a) - order.index(b))
    return gap in (1, len(order) - 1)


def _side_by_side(order: Sequence[str], links: Sequence[tuple[str, str]]) -> int:
    return sum(_adjacent(order, a, b) for a, b in links)


def _crossings(order: Sequence[str], links: Sequence[tuple[str, str]]) -> int:
    """How many pairs of scarves cross, with people evenly spaced around the circle."""
    count = 0
    for (a, b), (c, d) in itertools.combinations(links, 2):
        if {a, b} & {c, d}:
            continue
        low, high = sorted((order.index(a), order.index(b)))
        inside = [low < order.index(x) < high for x in (c, d)]
        count += inside[0] != inside[1]
    return count


class KnotPuzzle(Exercise):
    """Untangle the circle: move people round until each stands beside the two she is
    joined to. Worked with Move up / Move down buttons; the drawing has a text description
    beside it, and progress is announced."""

    clear_key = "safety.knot_reset"
    _ids = itertools.count(1)

    def __init__(self, content: PuzzleFile, **kwargs):
        self.spec = content
        self.links = content.links
        self.number = next(self._ids)
        self.picture = widgets.HTML()
        self.picture.add_class("qa-knot-picture")
        super().__init__(download=None, **kwargs)
        self.status.add_class("qa-knot-status")
        self.reset_button = self.clear_button
        self.reset_button.add_class("qa-knot-reset")
        self.add_class("pack-knot-puzzle")
        self.list.set_items(content.people)
        self.status.say(self.progress())

    def build(self) -> list[widgets.Widget]:
        def named(key: str):
            return lambda _n, person: t(key, text=person)

        self.list = EditableList(
            [Action("up", lambda *_: t("safety.move_up"), "qa-knot-up",
                    named("safety.move_up_named")),
             Action("down", lambda *_: t("safety.move_down"), "qa-knot-down",
                    named("safety.move_down_named"))],
            describe=lambda n, person: ('<span class="pack-knot-place">' + escape(
                t("safety.knot_place", place=n + 1, person=person)) + "</span>"),
            announce=self._announce, row_classes=("pack-knot-row",), beside=True,
            status=self.status)
        self.list.add_class("qa-knot-order")
        self.list.on_change(self._draw)
        intro = widgets.HTML(f"<p>{escape(t('safety.knot_puzzle_intro'))}</p>")
        heading = widgets.HTML(f"<h4>{escape(t('safety.knot_order_heading'))}</h4>")
        return [intro, self.picture, heading, self.list, self.status, self.clear_button]

    @property
    def order(self) -> list[str]:
        return list(self.list.items)

    # ---- state ----

    def side_by_side(self) -> int:
        """How many scarves join people who stand next to each other."""
        return _side_by_side(self.order, self.links)

    def crossings(self) -> int:
        return _crossings(self.order, self.links)

    @property
    def solved(self) -> bool:
        return self.side_by_side() == len(self.links)

    def progress(self) -> str:
        if self.solved:
            return t("safety.knot_solved")
        return t("safety.knot_progress", joined=self.side_by_side(), total=len(self.links),
                 crossings=self.crossings())

    def move(self, person: str, step: int) -> int:
        """Move ``person`` one place up (``-1``) or down (``1``) the list, swapping with her
        neighbour; return her new place (from 0). At either end she stays and it says so."""
        if person not in self.order:
            raise KeyError(person)
        return self.list.move(self.order.index(person), step)

    def _announce(self, event: str, position: int, person: str) -> str | None:
        if event == "moved":
            return f"{t('safety.knot_moved', person=person, place=position + 1)} {self.progress()}"
        if event == "at_top":
            return t("safety.at_top", text=person)
        if event == "at_bottom":
            return t("safety.at_bottom", text=person)
        return None

    def reset(self) -> None:
        """Back to the starting knot."""
        self._clear_pressed()

    def reset_answers(self) -> None:
        self.list.set_items(self.spec.people)

    def clear(self) -> None:
        self.reset_answers()
        self.status.say(f"{t('safety.knot_reset_done')} {self.progress()}")


    # ---- drawing ----

    def neighbours(self, person: str) -> tuple[str, str]:
        index = self.order.index(person)
        return self.order[index - 1], self.order[(index + 1) % len(self.order)]

    def linked(self, person: str) -> list[str]:
        return [b if a == person else a for a, b in self.links if person in (a, b)]

    def description(self) -> list[str]:
        """The text alternative: for each person, who she is joined to and who is beside her."""
        lines = []
        for person in self.order:
            first, second = self.linked(person)
            left, right = self.neighbours(person)
            lines.append(t("safety.knot_describe", person=person, first=first, second=second,
                           left=left, right=right))
        return lines

    def svg(self) -> str:
        """The circle as an accessible SVG drawing (every name escaped)."""
        size, centre, radius = 320, 160, 118
        points = {}
        for place, person in enumerate(self.order):
            angle = -math.pi / 2 + 2 * math.pi * place / len(self.order)
            points[person] = (centre + radius * math.cos(angle), centre + radius * math.sin(angle))
        title_id = f"pack-knot-title-{self.number}"
        desc_id = f"pack-knot-desc-{self.number}"
        parts = [
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" role="img" '
            f'aria-labelledby="{title_id} {desc_id}" class="pack-knot-svg" '
            'style="width:100%;max-width:22em;height:auto;display:block">',
            f'<title id="{title_id}">{escape(t("safety.knot_picture_title"))}</title>',
            f'<desc id="{desc_id}">{escape(self.progress())}</desc>',
            f'<circle cx="{centre}" cy="{centre}" r="{radius}" fill="none" stroke="#505a5f" '
            'stroke-width="1" stroke-dasharray="4 6"/>',
        ]
        for a, b in self.links:
            (x1, y1), (x2, y2) = points[a], points[b]
            parts.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
                         'stroke="#003078" stroke-width="4" stroke-linecap="round"/>')
        for person, (x, y) in points.items():
            parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="27" fill="#ffffff" '
                         'stroke="#0b0c0c" stroke-width="3"/>')
            parts.append(f'<text x="{x:.1f}" y="{y + 6:.1f}" text-anchor="middle" '
                         'font-size="17" font-weight="700" fill="#0b0c0c" '
                         f'font-family="Arial, sans-serif">{escape(person)}</text>')
        parts.append("</svg>")
        return "".join(parts)

    def _draw(self) -> None:
        items = "".join(f"<li>{escape(line)}</li>" for line in self.description())
        self.picture.value = (
            '<div class="pack-knot-figure">'
            f"{self.svg()}"
            f"<h4>{escape(t('safety.knot_text_heading'))}</h4><ul>{items}</ul></div>")


def knot_puzzle(path: str = "safety/knot-puzzle.yaml"):
    """The "untangle the circle" puzzle from a file in ``assets/``; a calm message if broken."""
    return from_files(KnotPuzzle, KNOT_PUZZLE.at(path))
