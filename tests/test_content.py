"""Tests for peer_support.content: loading content files and checking their shape."""

from pathlib import Path

import pytest

from peer_support import content
from peer_support.content import ContentError, display_path, load_yaml


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
