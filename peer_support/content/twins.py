"""Welsh twins of content files: ``<name>.cy.yaml`` beside ``<name>.yaml``, with the same shape.

A Welsh page reads the twin instead of the English file, so the two must hold the same things:
the same keys, the same number of items in every list, the same ids and numbers. Only the
free text may differ (and must not be empty). The tests and the author's checks (``make
check``) use this one definition.
"""

from __future__ import annotations

from pathlib import Path

import yaml

__all__ = ["WELSH_ONLY", "same_shape", "welsh_file_problems", "welsh_twins"]

#: Welsh-only data files, not the twin of an English file (the Welsh glossary).
WELSH_ONLY = {"glossary.cy.yaml"}
FIRST_LINES = ("# status: draft", "# status: reviewed")


def same_shape(english, welsh, where: str = "") -> list[str]:
    """Differences in structure: keys, list lengths, ids, numbers. Only free text may differ."""
    if isinstance(english, dict):
        if not isinstance(welsh, dict) or set(english) != set(welsh):
            return [f"{where}: keys differ"]
        problems = []
        for key, value in english.items():
            if key in ("id", "key", "slug") and welsh[key] != value:
                problems.append(f"{where}.{key}: {welsh[key]!r} is not {value!r}")
            else:
                problems += same_shape(value, welsh[key], f"{where}.{key}")
        return problems
    if isinstance(english, list):
        if not isinstance(welsh, list) or len(english) != len(welsh):
            return [f"{where}: list lengths differ"]
        return [problem for number, (left, right) in enumerate(zip(english, welsh, strict=True))
                for problem in same_shape(left, right, f"{where}[{number}]")]
    if isinstance(english, (bool, int, float)) or english is None:
        return [] if welsh == english else [f"{where}: {welsh!r} is not {english!r}"]
    return [] if isinstance(welsh, str) and welsh.strip() else [f"{where}: no Welsh text"]


def welsh_twins(assets: Path) -> list[Path]:
    """Every Welsh twin of a content file under ``assets``."""
    return sorted(path for path in assets.rglob("*.cy.yaml") if path.name not in WELSH_ONLY)


def welsh_file_problems(assets: Path) -> list[str]:
    """One line per Welsh twin that has lost its English file, its shape or its status line."""
    problems = []
    for twin in welsh_twins(assets):
        shown = twin.relative_to(assets.parent).as_posix()
        english = twin.with_name(twin.name.replace(".cy.yaml", ".yaml"))
        if not english.is_file():
            problems.append(f"{shown}: there is no English {english.name} beside it.")
            continue
        text = twin.read_text(encoding="utf-8")
        if (text.splitlines() or [""])[0] not in FIRST_LINES:
            problems.append(f"{shown}: its first line must be '# status: draft' (or "
                            "'# status: reviewed' once a Welsh speaker has checked it).")
        try:
            differences = same_shape(yaml.safe_load(english.read_text(encoding="utf-8")),
                                     yaml.safe_load(text))
        except yaml.YAMLError:
            continue  # the content-file check names the broken file
        if differences:
            problems.append(
                f"{shown} no longer matches {english.name}: {'; '.join(differences[:3])}"
                f"{' ...' if len(differences) > 3 else ''}. Give the Welsh file the same items "
                "in the same order (an item added to the English file needs its Welsh version "
                "too, with '# doubt:' comments if unsure).")
    return problems
