"""The package's layout shows its architecture, and keeps it: imports run one way (notebooks ->
chapters -> kit -> content, i18n, text), shared patterns live once in the kit, and no module
grows too big to read."""

import ast
import json
from pathlib import Path

import pytest
from conftest import REPO

PACKAGE = REPO / "peer_support"
LAYERS = {"chapters": 3, "kit": 2, "content": 1, "i18n": 0, "text": 0, "errors": 1}
MODULES = sorted(path for path in PACKAGE.rglob("*.py") if "catalogue" not in path.parts)
MAX_MODULE_LINES = 500
MAX_CHAPTER_LINES = 4300  # 4000 for the twelve chapters, and the session planner page's own 300


def layer(module: str) -> int | None:
    """How high a ``peer_support`` module sits (None for the server, which sits apart)."""
    parts = module.split(".")
    if len(parts) < 2 or parts[0] != "peer_support":
        return None
    return LAYERS.get(parts[1])


def module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(name: str, source: str, is_package: bool = False) -> set[str]:
    """The peer_support modules the module ``name`` imports, relative imports resolved."""
    package = name if is_package else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[:len(package.split(".")) - node.level + 1]
                found.add(".".join(base + ([node.module] if node.module else [])))
            else:
                found.add(node.module or "")
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {module for module in found if module.startswith("peer_support")}


def upward_imports(name: str, source: str, is_package: bool = False) -> list[str]:
    """Imports of ``name`` that point up the layers, or into the server."""
    own = layer(name)
    if own is None:
        return []  # the server and the package root may use anything below them
    upward = []
    for module in sorted(imports(name, source, is_package)):
        parts = module.split(".")
        other = layer(module)
        if (len(parts) > 1 and parts[1] == "server") or (other is not None and other > own):
            upward.append(module)
    return upward


@pytest.mark.parametrize("path", MODULES, ids=lambda path: module_name(path))
def test_imports_run_one_way(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    found = upward_imports(module_name(path), source, path.name == "__init__.py")
    assert found == [], f"{module_name(path)} imports from a higher layer: {found}"


def test_the_layer_check_catches_an_upward_import() -> None:
    source = "from ..chapters import language\nfrom .status import LiveStatus\n"
    assert upward_imports("peer_support.kit.choice", source) == ["peer_support.chapters"]
    assert upward_imports("peer_support.content.rules", "from ..kit import base\n") == [
        "peer_support.kit"]
    assert upward_imports("peer_support.chapters.trust", "from ..kit import base\n") == []


@pytest.mark.parametrize("path", MODULES, ids=lambda path: module_name(path))
def test_no_module_is_too_long_to_read(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_MODULE_LINES, f"{module_name(path)} has {lines} lines"


def test_chapter_modules_hold_only_their_own() -> None:
    total = sum(len(path.read_text(encoding="utf-8").splitlines())
                for path in (PACKAGE / "chapters").glob("*.py"))
    assert total <= MAX_CHAPTER_LINES, f"chapter modules hold {total} lines"


def test_only_the_base_withdraws_a_download() -> None:
    """Exercises never withdraw a download by hand: a watched change does it, in one place."""
    hand_wired = [module_name(path) for path in MODULES
                  if ".download.reset(" in path.read_text(encoding="utf-8")
                  and path.name != "base.py"]
    assert hand_wired == []


def test_front_end_code_lives_in_files_not_python_strings() -> None:
    for path in MODULES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Assign) and any(
                    isinstance(target, ast.Name) and target.id in ("_esm", "_css")
                    for target in node.targets):
                assert not isinstance(node.value, ast.Constant), module_name(path)


@pytest.mark.parametrize("path", sorted((REPO / "notebooks").glob("*.ipynb")),
                         ids=lambda path: path.name)
def test_notebooks_call_chapters_and_kit_only(path: Path) -> None:
    for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
        if cell["cell_type"] != "code":
            continue
        for node in ast.walk(ast.parse("".join(cell["source"]))):
            if isinstance(node, ast.ImportFrom):
                assert (node.module or "").split(".")[:2] in (
                    ["peer_support", "kit"], ["peer_support", "chapters"]), node.module
