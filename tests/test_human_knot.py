"""Tests for chapters.human_knot (in the Safety chapter): the human knot card and the
"untangle the circle" puzzle, and their content files."""

import re
from html import unescape
from pathlib import Path

import pytest
import yaml
from conftest import load_error, write_yaml
from IPython.display import HTML

from peer_support import content
from peer_support.chapters.human_knot import (
    KNOT_CARD,
    KNOT_PUZZLE,
    KnotCard,
    KnotPuzzle,
    PuzzleFile,
    knot_card,
    knot_puzzle,
)
from peer_support.i18n import t

SCRIPT = "<script>alert(1)</script>"
IMG = '<img src=x onerror="alert(1)">'
REAL = content.ASSETS_DIR


def html_items(html: str) -> list[str]:
    return [unescape(item) for item in re.findall(r"<li>(.*?)</li>", html, re.S)]


def real(name: str) -> dict:
    return yaml.safe_load((REAL / "safety" / name).read_text(encoding="utf-8"))


# ======================================================================================
# Human knot card
# ======================================================================================


def test_knot_card_shows_the_no_touch_version_first() -> None:
    card = knot_card("safety/human-knot.yaml")
    assert isinstance(card, KnotCard)
    assert card.shown.id == "no-touch"
    assert "scarves" in card.steps_view.value


def test_knot_card_shows_another_version_on_request() -> None:
    card = knot_card("safety/human-knot.yaml")
    card.show_version("seated")
    assert card.shown.id == "seated"
    assert "Seated version" in card.steps_view.value
    card.chooser.buttons["hands"].click()
    assert card.shown.id == "hands"
    with pytest.raises(KeyError):
        card.show_version("nope")


def test_knot_card_has_no_pass_button() -> None:
    card = knot_card("safety/human-knot.yaml")
    assert "pass" not in card.chooser.buttons


def test_knot_card_content_covers_consent_stop_and_sitting_out() -> None:
    loaded = KNOT_CARD.load("safety/human-knot.yaml")
    everything = " ".join([loaded.sitting_out, *loaded.safety,
                           *[s for v in loaded.versions for s in v.steps]]).casefold()
    assert "sitting out is always fine" in loaded.sitting_out.casefold()
    for needed in ("stop", "scarves", "observer", "director", "chairs", "opt in"):
        assert needed in everything, needed
    assert loaded.versions[0].id == "no-touch"


def test_knot_card_printable_copy_has_every_version_and_section() -> None:
    card = knot_card("safety/human-knot.yaml")
    handout = card.handout()
    headings = [s.heading for s in handout.filled_sections]
    loaded = card.content
    assert headings == [t("safety.knot_sitting_out"), *[v.title for v in loaded.versions],
                        t("safety.knot_safety"), t("safety.knot_debrief")]
    seated = next(s for s in handout.filled_sections if s.heading == loaded.versions[2].title)
    assert seated.items[0].startswith("1. ")
    assert card.download.prepare() is not None


def test_knot_card_escapes_its_content(assets: Path) -> None:
    data = real("human-knot.yaml")
    data["purpose"] = SCRIPT
    data["versions"][0]["title"] = IMG
    card = knot_card(write_yaml(assets, "safety/human-knot.yaml", data))
    page = card.children[0].value + card.steps_view.value
    assert "<script>" not in page and "<img" not in page
    assert "&lt;script&gt;" in page
    assert card.chooser.buttons[data["versions"][0]["id"]].description.endswith(IMG)


@pytest.mark.parametrize(("change", "problem"), [
    (lambda d: d.pop("sitting_out"), "needs 'sitting_out'"),
    (lambda d: d.update(versions=d["versions"][:1]), "at least 2"),
    (lambda d: d["versions"][1].update(steps=["one"]), "Version 2 needs 'steps'"),
    (lambda d: d.update(debrief=[]), "needs 'debrief'"),
])
def test_broken_knot_card_file_names_file_and_problem(assets: Path, change, problem) -> None:
    data = real("human-knot.yaml")
    change(data)
    path = write_yaml(assets, "safety/human-knot.yaml", data)
    error = load_error(lambda: KNOT_CARD.load(path))
    assert error.path.endswith("safety/human-knot.yaml")
    assert problem in error.problem
    assert isinstance(knot_card(path), HTML)


# ======================================================================================
# Untangle the circle
# ======================================================================================


def square() -> PuzzleFile:
    # A-C, C-B, B-D, D-A: in the order A B C D, A-C and B-D cross.
    return PuzzleFile(["A", "B", "C", "D"], [("A", "C"), ("C", "B"), ("B", "D"), ("D", "A")])


def test_puzzle_counts_side_by_side_and_crossings() -> None:
    puzzle = KnotPuzzle(square())
    assert puzzle.side_by_side() == 2
    assert puzzle.crossings() == 1
    assert not puzzle.solved
    assert puzzle.status.message == t("safety.knot_progress", joined=2, total=4, crossings=1)


def test_puzzle_move_swaps_neighbours_and_can_solve_it() -> None:
    puzzle = KnotPuzzle(square())
    assert puzzle.move("C", -1) == 1
    assert puzzle.order == ["A", "C", "B", "D"]
    assert puzzle.solved and puzzle.crossings() == 0
    assert puzzle.status.message.endswith(t("safety.knot_solved"))


def test_puzzle_move_at_the_ends_stays_and_says_so() -> None:
    puzzle = KnotPuzzle(square())
    assert puzzle.move("A", -1) == 0
    assert puzzle.status.message == t("safety.at_top", text="A")
    assert puzzle.move("D", 1) == 3
    assert puzzle.status.message == t("safety.at_bottom", text="D")


def test_puzzle_move_rejects_unknown_people_and_steps() -> None:
    puzzle = KnotPuzzle(square())
    with pytest.raises(KeyError):
        puzzle.move("Z", 1)
    with pytest.raises(ValueError):
        puzzle.move("A", 3)


def place_text(puzzle: KnotPuzzle, position: int) -> str:
    """The words on the row at ``position``, as a reader sees them."""
    return unescape(re.sub(r"<[^>]+>", "", puzzle.list._rows[position]["view"].value))


def test_puzzle_buttons_move_their_person_and_keep_the_row() -> None:
    puzzle = KnotPuzzle(square())
    rows_before = list(puzzle.list.children)
    focused = []
    for position in range(4):
        button = puzzle.list.button(position, "up")
        button.focus = lambda button=button: focused.append(button)
    puzzle.list.button(2, "up").click()  # Move up, on C's row
    assert puzzle.order[1] == "C"
    # The same row widgets (not rebuilt), and focus on C's Move up button in her new place.
    assert list(puzzle.list.children) == rows_before
    assert focused == [puzzle.list.button(1, "up")]
    assert focused[0].tooltip == t("safety.move_up_named", text="C")
    assert place_text(puzzle, 1) == t("safety.knot_place", place=2, person="C")


def test_puzzle_reset_goes_back_to_the_start() -> None:
    puzzle = KnotPuzzle(square())
    puzzle.move("C", -1)
    puzzle.reset()
    assert puzzle.order == ["A", "B", "C", "D"]
    assert puzzle.status.message.startswith(t("safety.knot_reset_done"))


def test_puzzle_text_alternative_says_who_is_joined_and_beside_whom() -> None:
    puzzle = KnotPuzzle(square())
    assert puzzle.description()[0] == t("safety.knot_describe", person="A", first="C",
                                        second="D", left="D", right="B")
    assert html_items(puzzle.picture.value) == puzzle.description()


def test_puzzle_svg_is_labelled_and_escaped() -> None:
    spec = PuzzleFile(["<b>", "B", "C", "D"],
                      [("<b>", "C"), ("C", "B"), ("B", "D"), ("D", "<b>")])
    svg = KnotPuzzle(spec).svg()
    assert 'role="img"' in svg and "aria-labelledby=" in svg and "<title id=" in svg
    assert "<b>" not in svg and "&lt;b&gt;" in svg
    assert svg.count("<line") == 4


def test_real_puzzle_loads_tangled_and_is_solvable() -> None:
    puzzle = knot_puzzle("safety/knot-puzzle.yaml")
    assert isinstance(puzzle, KnotPuzzle)
    assert not puzzle.solved and puzzle.crossings() > 0
    # Walk the loop and bubble each person into place with the buttons' own moves.
    spec = puzzle.spec
    target = [spec.people[0]]
    while len(target) < len(spec.people):
        nxt = next(p for p in puzzle.linked(target[-1]) if p not in target)
        target.append(nxt)
    for place, person in enumerate(target):
        while puzzle.order.index(person) > place:
            puzzle.move(person, -1)
    assert puzzle.solved and puzzle.crossings() == 0


@pytest.mark.parametrize(("data", "problem"), [
    ({"people": ["A", "B", "C"], "links": []}, "at least 4"),
    ({"people": ["A", "B", "C", "a"], "links": [["A", "B"]] * 4}, "same name twice"),
    ({"people": list("ABCD"), "links": [["A", "Z"], ["B", "C"], ["C", "D"], ["D", "A"]]},
     "Link 1 should be two different names"),
    ({"people": list("ABCD"), "links": [["A", "A"], ["B", "C"], ["C", "D"], ["D", "B"]]},
     "Link 1 should be two different names"),
    ({"people": list("ABCDEF"),
      "links": [["A", "B"], ["B", "C"], ["C", "A"], ["D", "E"], ["E", "F"], ["F", "D"]]},
     "one loop"),
    ({"people": list("ABCD"), "links": [["A", "B"], ["B", "C"], ["C", "D"], ["D", "B"]]},
     "exactly two links"),
    ({"people": list("ABCD"), "links": [["A", "B"], ["B", "C"], ["C", "D"], ["D", "A"]]},
     "already untangled"),
])
def test_broken_puzzle_file_names_file_and_problem(assets: Path, data: dict, problem: str) -> None:
    path = write_yaml(assets, "safety/knot-puzzle.yaml", data)
    error = load_error(lambda: KNOT_PUZZLE.load(path))
    assert error.path.endswith("safety/knot-puzzle.yaml")
    assert problem in error.problem
    assert isinstance(knot_puzzle(path), HTML)
