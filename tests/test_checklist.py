"""Tests for kit.checklist: loading, ticking, notes and the printable copy."""

import re
from html import unescape
from pathlib import Path

import pytest
from conftest import write_yaml
from IPython.display import HTML

from peer_support.content import ContentError
from peer_support.i18n import t
from peer_support.kit.checklist import (
    CHECKLIST,
    NOTES_LIMIT,
    TICKED,
    UNTICKED,
    Checklist,
    ChecklistFile,
    ChecklistItem,
    ChecklistSection,
    checklist,
)

SCRIPT = "<script>alert(1)</script>"
IMG = '<img src=x onerror="alert(1)">'
WELSH = "Mae'r drws ar agor: ŵ ŷ 🌼"
FILE = "safety/check.yaml"


def sections() -> list[ChecklistSection]:
    return [
        ChecklistSection("Getting there", [
            ChecklistItem("Bus stop nearby", "Share lift plans if not."),
            ChecklistItem("Step-free entrance"),
        ]),
        ChecklistSection("In the room", [
            ChecklistItem("Private room with a door"),
        ]),
    ]


def make(**kwargs) -> Checklist:
    return Checklist(ChecklistFile(title="Venue check", intro="Tick what you have checked.",
                                   sections=sections()),
                     basename="venue-check", **kwargs)


def html_items(html: str) -> list[str]:
    return [unescape(item) for item in re.findall(r"<li>(.*?)</li>", html, re.S)]


def write(assets: Path, data: object) -> str:
    return write_yaml(assets, FILE, data)


def good_data() -> dict:
    return {
        "title": "Venue check",
        "intro": "Tick as you go.",
        "sections": [
            {"heading": "Getting there", "items": [
                {"text": "Bus stop nearby", "detail": "Share lift plans if not."},
                "Step-free entrance",
            ]},
            {"heading": "In the room", "items": [{"text": "Private room"}]},
        ],
    }


# ---- loading ----


def test_load_checklist_reads_title_intro_and_sections(assets: Path) -> None:
    loaded = CHECKLIST.load(write(assets, good_data()))
    assert loaded.title == "Venue check"
    assert loaded.intro == "Tick as you go."
    assert [s.heading for s in loaded.sections] == ["Getting there", "In the room"]
    assert loaded.sections[0].items[0] == ChecklistItem("Bus stop nearby",
                                                        "Share lift plans if not.")


def test_load_checklist_accepts_a_plain_string_item(assets: Path) -> None:
    loaded = CHECKLIST.load(write(assets, good_data())).sections
    assert loaded[0].items[1] == ChecklistItem("Step-free entrance", "")


def test_load_checklist_intro_is_optional(assets: Path) -> None:
    data = good_data()
    del data["intro"]
    assert CHECKLIST.load(write(assets, data)).intro == ""


@pytest.mark.parametrize(("change", "problem"), [
    (lambda d: d.pop("title"), "needs 'title'"),
    (lambda d: d.update(sections=[]), "'sections' should be a list"),
    (lambda d: d["sections"][0].pop("heading"), "Section 1 needs 'heading'"),
    (lambda d: d["sections"][1].update(items=[]), "Section 2's 'items' should be a list"),
    (lambda d: d["sections"][0]["items"].append({"detail": "no text"}),
     "Section 1, item 3 needs 'text'"),
    (lambda d: d["sections"][0]["items"].append(7), "Section 1, item 3 should be"),
    (lambda d: d["sections"][0]["items"].append({"text": "x", "tip": "y"}),
     "unknown fields: tip"),
    (lambda d: d["sections"][0]["items"].append({"text": "x" * 301}), "longer than 300"),
])
def test_load_checklist_names_the_file_and_problem(assets: Path, change, problem) -> None:
    data = good_data()
    change(data)
    with pytest.raises(ContentError) as caught:
        CHECKLIST.load(write(assets, data))
    assert caught.value.path.endswith(FILE)
    assert problem in caught.value.problem


def test_load_checklist_missing_file_names_it(assets: Path) -> None:
    with pytest.raises(ContentError) as caught:
        CHECKLIST.load("safety/nowhere.yaml")
    assert "nowhere.yaml" in str(caught.value)


def test_checklist_function_gives_calm_error_for_broken_file(assets: Path) -> None:
    (assets / FILE).write_text("title: [unclosed", encoding="utf-8")
    shown = checklist(FILE, basename="x")
    assert isinstance(shown, HTML)
    assert "check.yaml" in shown.data and "not valid YAML" in shown.data


def test_checklist_function_builds_a_checklist(assets: Path) -> None:
    shown = checklist(write(assets, good_data()), basename="venue-check")
    assert isinstance(shown, Checklist)
    assert shown.total == 3


# ---- ticking ----


def test_nothing_is_ticked_at_first() -> None:
    assert make().ticked() == []


def test_tick_marks_the_item_in_order() -> None:
    box = make()
    box.tick(1, 0)
    box.tick(0, 1)
    assert box.ticked() == [(0, 1), (1, 0)]


def test_tick_false_unticks() -> None:
    box = make()
    box.tick(0, 0)
    box.tick(0, 0, done=False)
    assert box.ticked() == []


def test_checkbox_click_is_the_same_as_tick() -> None:
    box = make()
    box.boxes[0][1].value = True
    assert box.ticked() == [(0, 1)]


@pytest.mark.parametrize(("section", "item"), [(2, 0), (0, 2), (-1, 0), (0, -1)])
def test_tick_unknown_item_raises(section: int, item: int) -> None:
    with pytest.raises(IndexError):
        make().tick(section, item)


def test_progress_is_announced_with_the_item() -> None:
    box = make()
    box.tick(0, 0)
    assert box.status.message == (t("checklist.ticked", item="Bus stop nearby") + " "
                                  + t("checklist.progress", done=1, total=3))


def test_untick_is_announced() -> None:
    box = make()
    box.tick(0, 0)
    box.tick(0, 0, done=False)
    assert box.status.message.startswith(t("checklist.unticked", item="Bus stop nearby"))
    assert box.status.message.endswith(t("checklist.progress", done=0, total=3))


def test_on_change_handler_is_called() -> None:
    box = make()
    calls = []
    box.on_change(lambda: calls.append(box.ticked()))
    box.tick(1, 0)
    assert calls == [[(1, 0)]]


def test_clear_unticks_everything_and_empties_notes() -> None:
    box = make()
    box.tick(0, 0)
    box.notes.write("Ask about the lift")
    box.clear()
    assert box.ticked() == []
    assert box.notes.text_area.value == ""
    assert box.status.message == t("checklist.cleared")


def test_every_checkbox_has_a_qa_class_and_real_label() -> None:
    box = make()
    flat = [b for row in box.boxes for b in row]
    assert all("qa-checklist-item" in b._dom_classes for b in flat)
    assert [b.description for b in flat] == [
        "Bus stop nearby", "Step-free entrance", "Private room with a door"]


def test_no_notes_box_when_not_allowed() -> None:
    box = make(allow_notes=False)
    assert box.notes is None
    assert "Our notes" not in str(box.handout().to_html())


# ---- the printable copy ----


def test_handout_lists_every_item_with_its_box() -> None:
    box = make()
    box.tick(0, 1)
    items = html_items(box.handout().to_html())
    assert items == [
        f"{UNTICKED} Bus stop nearby\nShare lift plans if not.",
        f"{TICKED} Step-free entrance",
        f"{UNTICKED} Private room with a door",
    ]


def test_handout_is_large_print_with_headings_and_intro() -> None:
    handout = make().handout()
    assert handout.large_print is True
    assert [s.heading for s in handout.filled_sections] == ["Getting there", "In the room"]
    assert handout.intro.startswith("Tick what you have checked.")
    assert t("checklist.handout_intro") in handout.intro


def test_handout_includes_notes_only_when_typed() -> None:
    box = make()
    assert t("checklist.notes") not in [s.heading for s in box.handout().filled_sections]
    box.notes.write("  Ask about the lift  ")
    last = box.handout().filled_sections[-1]
    assert (last.heading, last.items) == (t("checklist.notes"), ["Ask about the lift"])


def test_handout_waits_when_notes_are_too_long_and_keeps_them() -> None:
    box = make()
    long_notes = "n" * (NOTES_LIMIT + 1)
    box.notes.write(long_notes)
    assert box.handout() == t("handout.waiting")
    assert box.download.prepare() is None
    assert box.notes.text_area.value == long_notes


def test_hostile_text_stays_text_in_every_output() -> None:
    hostile = Checklist(ChecklistFile(title=SCRIPT, intro=IMG, sections=[
        ChecklistSection(SCRIPT, [ChecklistItem(IMG, SCRIPT)])]),
                        basename="x")
    hostile.notes.write(IMG + " " + WELSH)
    handout = hostile.handout()
    html = handout.to_html()
    markdown = handout.to_markdown()
    assert "<script>" not in html and "<img" not in html
    assert "\\<script\\>" in markdown and "\\<img" in markdown
    assert WELSH in unescape(html) and WELSH in markdown
    shown = " ".join(child.value for child in hostile.children if hasattr(child, "value")
                     and isinstance(child.value, str))
    assert "<script>" not in shown and "&lt;script&gt;" in shown
    section_html = hostile.children[1].children
    assert all("<img" not in w.value for w in section_html if hasattr(w, "value")
               and isinstance(w.value, str))
    assert hostile.boxes[0][0].description == IMG  # a label shows it as typed text
    assert hostile.boxes[0][0].description_allow_html is False


def test_prepare_download_offers_both_files() -> None:
    box = make()
    box.tick(1, 0)
    assert box.download.prepare() is not None
    assert "qa-download-html" in box.download.links.value
    assert "qa-download-markdown" in box.download.links.value


def test_ticking_withdraws_an_old_download_link() -> None:
    box = make()
    box.download.prepare()
    box.tick(0, 0)
    assert box.download.links.value == ""


def test_typing_notes_withdraws_an_old_download_link() -> None:
    box = make()
    box.download.prepare()
    box.notes.write("new note")
    assert box.download.links.value == ""
