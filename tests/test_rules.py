"""Tests for peer_support.content.rules: one declaration checks a file, builds its objects and
documents it. (The old Checker's tests, with the same assertions, plus the newer rules.)"""

from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import load_error, write_yaml

from peer_support.content import rules
from peer_support.i18n import t

# ---- small kinds to check against ----


@dataclass(frozen=True)
class Chapter:
    slug: str = rules.text(80, "The slug.")
    title: str = rules.text(120, "The title.")


@dataclass(frozen=True)
class ChapterFile:
    chapters: list[Chapter] = rules.items(Chapter, "chapter", "The chapters.")
    intro: str = rules.text(300, "An intro.", required=False)


@dataclass(frozen=True)
class Term:
    id: str = rules.identifier()
    alternatives: list[str] = rules.texts(1, 10, "Other words.")


@dataclass(frozen=True)
class TermFile:
    terms: list[Term] = rules.items(Term, "term", "The terms.", minimum=3)


@dataclass(frozen=True)
class Activity:
    minutes: int = rules.whole(1, 240, "Minutes.")
    steps: list[str] = rules.texts(2, 500, "Steps.")
    kind: str = rules.one_of(("quiet", "loud"), "Kind.")
    seated: bool = rules.flag("Can be done seated.")
    topics: list[str] = rules.tags(("abuse", "grief"), "Topics.")


@dataclass(frozen=True)
class Pair:
    text: str = rules.text(20, "A word.", unique=True)
    note: str = rules.text(20, "A note.", required=False)


@dataclass(frozen=True)
class Section:
    id: str = rules.identifier(unique_in="file", reserved=("pass",))
    items: list[Pair] = rules.items(Pair, "item", "Items.", shorthand="text")


@dataclass(frozen=True)
class Everything:
    activities: dict[str, Activity] = rules.keyed(Activity, "activity", "Activities.")
    sections: list[Section] = rules.items(Section, "section", "Sections.", minimum=2,
                                          maximum=3, letters=True)
    examples: dict[str, list[str]] = rules.each_of(("a", "b"), 1, 20, "Examples.")
    links: list[tuple[str, str]] = rules.pairs(1, 10, "Links.")
    extra: dict[str, list[str]] = rules.each_named(1, 20, "Extra.", required=False)
    nested: Pair | None = rules.record(Pair, "Nested.", required=False)

    def validate(self, fail, where: str) -> None:
        if "x" in self.examples["a"]:
            fail("'x' is not allowed")


CHAPTERS = rules.Kind(ChapterFile, "Test chapters")
TERMS = rules.Kind(TermFile, "Test terms")
EVERYTHING = rules.Kind(Everything, "Test everything")


def good_everything() -> dict:
    activity = {"minutes": 5, "steps": ["one", "two"], "kind": "quiet"}
    return {
        "activities": {"warm-up": activity},
        "sections": [{"id": "a", "items": ["Tea", {"text": "Cake", "note": "n"}]},
                     {"id": "b", "items": ["Tea"]}],
        "examples": {"a": ["one"], "b": ["two"]},
        "links": [["Ana", "Bea"]],
    }


def check(assets: Path, kind: rules.Kind, data: object) -> object:
    return kind.load(write_yaml(assets, "safety/f.yaml", data))


def problem(assets: Path, kind: rules.Kind, data: object) -> str:
    error = load_error(lambda: check(assets, kind, data))
    assert error.path.endswith("safety/f.yaml")
    return error.problem


# ---- what the old Checker did, same assertions ----


def test_error_names_the_file(assets: Path) -> None:
    error = load_error(lambda: rules.Kind.fail("language/notes.yaml", "something is wrong"))
    assert error.path.endswith("language/notes.yaml")
    assert error.problem == "something is wrong"


def test_mapping_rejects_list(assets: Path) -> None:
    found = problem(assets, CHAPTERS, ["a"])
    assert "The file" in found
    assert "named fields" in found


def test_mapping_gives_the_record(assets: Path) -> None:
    loaded = check(assets, CHAPTERS, {"chapters": [{"slug": "a", "title": "A"}]})
    assert loaded == ChapterFile([Chapter("a", "A")], "")


def test_items_rejects_too_few(assets: Path) -> None:
    found = problem(assets, TERMS, {"terms": [{"id": "a", "alternatives": ["x"]}] * 2})
    assert "'terms'" in found
    assert "3" in found


def test_items_rejects_non_list(assets: Path) -> None:
    assert "'chapters'" in problem(assets, CHAPTERS, {"chapters": {"a": 1}})


def test_text_rejects_wrong_type(assets: Path) -> None:
    found = problem(assets, CHAPTERS, {"chapters": [{"slug": "a", "title": 42}]})
    assert "Chapter 1" in found
    assert "'title'" in found


def test_text_rejects_missing_text(assets: Path) -> None:
    found = problem(assets, CHAPTERS, {"chapters": [{"slug": "a", "title": "A"}, {"slug": "b"}]})
    assert "Chapter 2 needs 'title'" in found


def test_text_rejects_blank_text(assets: Path) -> None:
    assert "'title'" in problem(assets, CHAPTERS, {"chapters": [{"slug": "a", "title": "   "}]})


def test_text_rejects_over_long_text(assets: Path) -> None:
    found = problem(assets, CHAPTERS, {"chapters": [{"slug": "a", "title": "x" * 121}]})
    assert "longer than 120" in found


def test_text_accepts_text_at_limit(assets: Path) -> None:
    loaded = check(assets, CHAPTERS, {"chapters": [{"slug": "a", "title": "x" * 120}]})
    assert loaded.chapters[0].title == "x" * 120


def test_text_strips_outer_spaces(assets: Path) -> None:
    loaded = check(assets, CHAPTERS, {"chapters": [{"slug": "a", "title": "  Hello  "}]})
    assert loaded.chapters[0].title == "Hello"


def test_text_optional_missing_gives_empty(assets: Path) -> None:
    assert check(assets, CHAPTERS, {"chapters": [{"slug": "a", "title": "A"}]}).intro == ""


def terms(*alternatives) -> dict:
    return {"terms": [{"id": f"w{n}", "alternatives": alt} for n, alt in enumerate(alternatives)]}


def test_texts_rejects_too_few(assets: Path) -> None:
    data = good_everything()
    data["activities"]["warm-up"]["steps"] = ["only one"]
    found = problem(assets, EVERYTHING, data)
    assert "'steps'" in found
    assert "2" in found


def test_texts_rejects_missing_list(assets: Path) -> None:
    data = terms(["a"], ["b"], ["c"])
    del data["terms"][0]["alternatives"]
    assert "Term 1 needs 'alternatives'" in problem(assets, TERMS, data)


def test_texts_rejects_non_text_item(assets: Path) -> None:
    assert "item 2" in problem(assets, TERMS, terms(["fine", 7], ["b"], ["c"]))


def test_texts_rejects_over_long_item(assets: Path) -> None:
    found = problem(assets, TERMS, terms(["fine", "fine", "x" * 11], ["b"], ["c"]))
    assert "item 3" in found
    assert "longer than 10" in found


def test_texts_gives_stripped_items(assets: Path) -> None:
    loaded = check(assets, TERMS, terms([" one ", "two\n"], ["b"], ["c"]))
    assert loaded.terms[0].alternatives == ["one", "two"]


@pytest.mark.parametrize("bad_id", ["Capital", "has space", "-leading", "trailing-", "a--b",
                                    "under_score", "", 12, None])
def test_identifier_rejects_bad_id(assets: Path, bad_id: object) -> None:
    data = terms(["a"], ["b"], ["c"], ["d"], ["e"])
    data["terms"][4]["id"] = bad_id
    found = problem(assets, TERMS, data)
    assert "Term 5" in found
    assert "'id'" in found


def test_identifier_rejects_repeated_id(assets: Path) -> None:
    data = terms(["a"], ["b"], ["c"])
    data["terms"][1]["id"] = data["terms"][0]["id"] = "same-word"
    found = problem(assets, TERMS, data)
    assert "Term 2" in found
    assert "same-word" in found


def test_unique_text_is_unique_within_its_own_list_only(assets: Path) -> None:
    data = good_everything()
    data["sections"][1]["items"] = ["Tea"]  # the same text, in another list: fine
    assert len(check(assets, EVERYTHING, data).sections) == 2


# ---- the newer rules ----


def test_unknown_fields_are_named(assets: Path) -> None:
    data = good_everything()
    data["activities"]["warm-up"]["tip"] = "x"
    assert "Activity 'warm-up' has unknown fields: tip" in problem(assets, EVERYTHING, data)


@pytest.mark.parametrize(("change", "expected"), [
    (lambda d: d["activities"]["warm-up"].update(minutes=0), "needs 'minutes' as a whole number"),
    (lambda d: d["activities"]["warm-up"].update(minutes=True), "'minutes'"),
    (lambda d: d["activities"]["warm-up"].update(seated="yes"), "'seated' as true or false"),
    (lambda d: d["activities"]["warm-up"].update(kind="shy"), "one of quiet, loud"),
    (lambda d: d["activities"]["warm-up"].update(topics=["war"]), "'topics' tags outside"),
    (lambda d: d["sections"].append(d["sections"][0]), "repeats the id 'a'"),
    (lambda d: d["sections"].pop(), "needs 'sections' as a list of 2 to 3 items"),
    (lambda d: d["sections"][1].update(id="pass"), "keeps for itself"),
    (lambda d: d["sections"][0]["items"].append("tea"), "Section A, item 3 repeats the text"),
    (lambda d: d["sections"][1]["items"].append(7), "Section B, item 2 should be"),
    (lambda d: d["examples"].update(c=["x"]), "'examples' has names outside"),
    (lambda d: d["examples"].pop("b"), "'examples' needs 'b' as a list"),
    (lambda d: d["links"].append(["Ana"]), "'links' item 2 should be two names"),
    (lambda d: d.update(nested={"note": "n"}), "'nested' needs 'text'"),
    (lambda d: d["examples"]["a"].append("x"), "'x' is not allowed"),
])
def test_each_rule_refuses_what_it_should(assets: Path, change, expected: str) -> None:
    data = good_everything()
    change(data)
    assert expected in problem(assets, EVERYTHING, data)


def test_section_ids_are_unique_in_the_whole_file(assets: Path) -> None:
    data = good_everything()
    data["sections"].append({"id": "a", "items": ["x"]})
    assert "Section C repeats the id 'a'" in problem(assets, EVERYTHING, data)


def test_everything_builds(assets: Path) -> None:
    data = good_everything()
    data["extra"] = {"whatever": ["x"]}
    loaded = check(assets, EVERYTHING, data)
    assert loaded.activities["warm-up"].steps == ["one", "two"]
    assert loaded.activities["warm-up"].seated is False
    assert loaded.activities["warm-up"].topics == []
    assert loaded.sections[0].items == [Pair("Tea"), Pair("Cake", "n")]
    assert loaded.links == [("Ana", "Bea")]
    assert loaded.extra == {"whatever": ["x"]}
    assert loaded.nested is None


def test_fixed_length_list_says_exactly(assets: Path) -> None:
    @dataclass(frozen=True)
    class Six:
        parts: list[Pair] = rules.items(Pair, "part", "Parts.", minimum=6, maximum=6)

    found = problem(assets, rules.Kind(Six, "six"), {"parts": [{"text": "a"}]})
    assert "needs 'parts' as a list of exactly 6 items" in found


def test_problems_are_welsh_on_a_welsh_page(assets: Path, monkeypatch) -> None:
    monkeypatch.setenv("QUERY_STRING", "lang=cy")
    found = problem(assets, CHAPTERS, {"chapters": [{"slug": "a"}]})
    assert found == t("content.needs_text", where="Pennod 1", field="title", language="cy")
    assert "Y ffeil" in problem(assets, CHAPTERS, ["a"])
    assert found.startswith("Pennod 1:")  # what an item is called is Welsh too


def test_documentation_lists_every_field_with_its_rule() -> None:
    fields = dict((name, rule) for name, _doc, rule in EVERYTHING.fields())
    assert fields["activities.<activity>.minutes"] == "whole number from 1 to 240"
    assert fields["sections"] == "list of 2 to 3 items, each as below"
    assert fields["sections[].items[].note"] == "text, up to 20 characters (optional)"
    assert fields["sections[].id"].endswith("unique in the whole file; not pass")
    assert "nested.text" in fields
