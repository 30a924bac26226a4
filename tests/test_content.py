"""Tests for peer_support.content: loading content files and checking their shape."""

from pathlib import Path

import pytest

from peer_support import content
from peer_support.content import Checker, ContentError, display_path, load_yaml


@pytest.fixture
def assets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty assets folder that the loader reads from."""
    monkeypatch.setattr(content, "ASSETS_DIR", tmp_path)
    return tmp_path


def fail_with(call) -> ContentError:
    with pytest.raises(ContentError) as caught:
        call()
    return caught.value


# ---- load_yaml ----


def test_load_yaml_reads_mapping(assets: Path) -> None:
    (assets / "good.yaml").write_text("title: Hello\nitems: [1, 2]\n", encoding="utf-8")
    assert load_yaml("good.yaml") == {"title": "Hello", "items": [1, 2]}


def test_load_yaml_reads_file_in_subfolder(assets: Path) -> None:
    (assets / "language").mkdir()
    (assets / "language" / "x.yaml").write_text("a: ŵ\n", encoding="utf-8")
    assert load_yaml("language/x.yaml") == {"a": "ŵ"}


def test_load_yaml_missing_file_raises_content_error(assets: Path) -> None:
    error = fail_with(lambda: load_yaml("nothing-here.yaml"))
    assert error.path.endswith("nothing-here.yaml")
    assert "missing" in error.problem


def test_load_yaml_invalid_yaml_names_file_and_line(assets: Path) -> None:
    (assets / "broken.yaml").write_text("title: ok\nintro: fine\nbad: a: b\n", encoding="utf-8")
    error = fail_with(lambda: load_yaml("broken.yaml"))
    assert error.path.endswith("broken.yaml")
    assert "not valid YAML" in error.problem
    assert "line 3" in error.problem


def test_load_yaml_invalid_yaml_reports_later_line(assets: Path) -> None:
    lines = [f"key_{number}: value" for number in range(1, 7)] + ["bad: a: b", "x: y"]
    (assets / "later.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    error = fail_with(lambda: load_yaml("later.yaml"))
    assert error.problem.endswith("near line 7")


def test_load_yaml_empty_file_raises_content_error(assets: Path) -> None:
    (assets / "empty.yaml").write_text("", encoding="utf-8")
    error = fail_with(lambda: load_yaml("empty.yaml"))
    assert error.path.endswith("empty.yaml")
    assert "empty" in error.problem


def test_load_yaml_comments_only_file_counts_as_empty(assets: Path) -> None:
    (assets / "comments.yaml").write_text("# nothing yet\n# still nothing\n", encoding="utf-8")
    error = fail_with(lambda: load_yaml("comments.yaml"))
    assert "empty" in error.problem


def test_load_yaml_undecodable_file_raises_content_error(assets: Path) -> None:
    (assets / "latin1.yaml").write_bytes(b"title: caf\xe9\xff\xfe\n")
    error = fail_with(lambda: load_yaml("latin1.yaml"))
    assert error.path.endswith("latin1.yaml")
    assert "could not be read" in error.problem


def test_load_yaml_folder_instead_of_file_raises_content_error(assets: Path) -> None:
    (assets / "folder.yaml").mkdir()
    error = fail_with(lambda: load_yaml("folder.yaml"))
    assert "could not be read" in error.problem


def test_content_error_message_names_path_and_problem() -> None:
    error = ContentError("language/terms.yaml", "the file is empty")
    assert error.path == "language/terms.yaml"
    assert error.problem == "the file is empty"
    assert "language/terms.yaml" in str(error)
    assert "the file is empty" in str(error)


def test_display_path_inside_repo_is_relative(assets: Path) -> None:
    shown = display_path(assets / "language" / "terms.yaml")
    assert shown == str(Path(assets.name) / "language" / "terms.yaml")


def test_display_path_outside_repo_is_unchanged(assets: Path) -> None:
    outside = Path("/") / "definitely-not-the-repo" / "x.yaml"
    assert display_path(outside) == str(outside)


# ---- Checker ----


def test_checker_error_names_the_file(assets: Path) -> None:
    error = fail_with(lambda: Checker("language/notes.yaml").fail("something is wrong"))
    assert error.path.endswith("language/notes.yaml")
    assert error.problem == "something is wrong"


def test_checker_mapping_rejects_list(assets: Path) -> None:
    error = fail_with(lambda: Checker("f.yaml").mapping(["a"], "The file"))
    assert "The file" in error.problem
    assert "named fields" in error.problem


def test_checker_mapping_returns_mapping(assets: Path) -> None:
    value = {"a": 1}
    assert Checker("f.yaml").mapping(value, "The file") is value


def test_checker_items_rejects_too_few(assets: Path) -> None:
    error = fail_with(lambda: Checker("f.yaml").items([1, 2], "'terms'", minimum=3))
    assert "'terms'" in error.problem
    assert "3" in error.problem


def test_checker_items_rejects_non_list(assets: Path) -> None:
    error = fail_with(lambda: Checker("f.yaml").items({"a": 1}, "'chapters'"))
    assert "'chapters'" in error.problem


def test_checker_text_rejects_wrong_type(assets: Path) -> None:
    error = fail_with(lambda: Checker("f.yaml").text({"title": 42}, "title", "Chapter 1"))
    assert "Chapter 1" in error.problem
    assert "'title'" in error.problem


def test_checker_text_rejects_missing_text(assets: Path) -> None:
    error = fail_with(lambda: Checker("f.yaml").text({}, "title", "Chapter 2"))
    assert "Chapter 2 needs 'title'" in error.problem


def test_checker_text_rejects_blank_text(assets: Path) -> None:
    error = fail_with(lambda: Checker("f.yaml").text({"title": "   "}, "title", "Chapter 3"))
    assert "'title'" in error.problem


def test_checker_text_rejects_over_long_text(assets: Path) -> None:
    mapping = {"title": "x" * 121}
    error = fail_with(lambda: Checker("f.yaml").text(mapping, "title", "Chapter 4", 120))
    assert "longer than 120" in error.problem


def test_checker_text_accepts_text_at_limit(assets: Path) -> None:
    value = "x" * 120
    assert Checker("f.yaml").text({"title": value}, "title", "Chapter", 120) == value


def test_checker_text_strips_outer_spaces(assets: Path) -> None:
    assert Checker("f.yaml").text({"title": "  Hello  "}, "title", "Chapter") == "Hello"


def test_checker_text_optional_missing_gives_empty(assets: Path) -> None:
    assert Checker("f.yaml").text({}, "intro", "The file", required=False) == ""


def test_checker_texts_rejects_too_few(assets: Path) -> None:
    mapping = {"steps": ["only one"]}
    error = fail_with(lambda: Checker("f.yaml").texts(mapping, "steps", "Activity", minimum=2))
    assert "'steps'" in error.problem
    assert "2" in error.problem


def test_checker_texts_rejects_missing_list(assets: Path) -> None:
    error = fail_with(lambda: Checker("f.yaml").texts({}, "alternatives", "Term 1"))
    assert "Term 1 needs 'alternatives'" in error.problem


def test_checker_texts_rejects_non_text_item(assets: Path) -> None:
    mapping = {"steps": ["fine", 7]}
    error = fail_with(lambda: Checker("f.yaml").texts(mapping, "steps", "Activity"))
    assert "item 2" in error.problem


def test_checker_texts_rejects_over_long_item(assets: Path) -> None:
    mapping = {"steps": ["fine", "fine", "x" * 11]}
    error = fail_with(lambda: Checker("f.yaml").texts(mapping, "steps", "Activity",
                                                      max_length=10))
    assert "item 3" in error.problem
    assert "longer than 10" in error.problem


def test_checker_texts_returns_stripped_items(assets: Path) -> None:
    mapping = {"steps": [" one ", "two\n"]}
    assert Checker("f.yaml").texts(mapping, "steps", "Activity") == ["one", "two"]


@pytest.mark.parametrize("bad_id", ["Capital", "has space", "-leading", "trailing-", "a--b",
                                    "under_score", "", 12, None])
def test_checker_identifier_rejects_bad_id(assets: Path, bad_id: object) -> None:
    error = fail_with(lambda: Checker("f.yaml").identifier({"id": bad_id}, "Term 5", set()))
    assert "Term 5" in error.problem
    assert "'id'" in error.problem


def test_checker_identifier_rejects_repeated_id(assets: Path) -> None:
    check = Checker("f.yaml")
    seen: set[str] = set()
    check.identifier({"id": "same-word"}, "Term 1", seen)
    error = fail_with(lambda: check.identifier({"id": "same-word"}, "Term 2", seen))
    assert "Term 2" in error.problem
    assert "same-word" in error.problem


def test_checker_identifier_remembers_accepted_id(assets: Path) -> None:
    seen: set[str] = set()
    assert Checker("f.yaml").identifier({"id": "word-2"}, "Term 1", seen) == "word-2"
    assert seen == {"word-2"}
