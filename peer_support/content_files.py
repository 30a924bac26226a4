"""Which kind every content file is, one checker for all of them, and their documentation.

The notebooks name the files in their one-line calls; :data:`FACTORIES` says what kind each
call reads, and the kinds' rules are declared beside the widgets that read them.
``python -m peer_support.content_files`` checks every file (English and Welsh) and
writes a ``README.md`` in each folder of ``assets/``, so a facilitator adapting a file can read,
beside it, what each field means and what it may hold.
"""

from __future__ import annotations

import ast
import json
import os
import sys
from pathlib import Path

from .chapters import (
    evaluation,
    feelings,
    human_knot,
    introduction,
    language,
    leadership,
    network_map,
    networking,
    online,
    safety,
    self_care,
    session_planner,
    trust,
    welsh_context,
)
from .content import ASSETS_DIR, ContentError
from .content.rules import Kind
from .kit.activities import code_calls
from .kit.blocks import CHAPTERS, NOTEBOOKS_DIR, NOTES
from .kit.card_sort import CARD_SORT, PRESETS
from .kit.check_in import CHECK_IN
from .kit.checklist import CHECKLIST
from .kit.feedback import FEEDBACK
from .kit.reflection import REFLECTION
from .kit.rota import ROTA
from .kit.scenarios import SCENARIOS
from .kit.self_check import SELF_CHECK

__all__ = ["FACTORIES", "check_all", "content_files", "readme", "write_readmes"]

#: What each one-line call in a notebook reads: its content-file arguments' kinds, in order.
FACTORIES: dict[str, tuple[Kind, ...]] = {
    "facilitator_notes": (NOTES,),
    "checklist": (CHECKLIST,),
    "reflection": (REFLECTION,),
    "scenario_cards": (SCENARIOS,),
    "self_check": (SELF_CHECK,),
    "card_sort": (CARD_SORT,),
    "where_to_start": (introduction.ROUTE,),
    "agreement_builder": (safety.AGREEMENTS,),
    "check_in": (CHECK_IN,),
    "knot_card": (human_knot.KNOT_CARD,),
    "knot_puzzle": (human_knot.KNOT_PUZZLE,),
    "trust_sort": (trust.TRUST_CARDS,),
    "getting_there_planner": (welsh_context.PLANNER,),
    "language_game": (language.TERMS,),
    "rota": (ROTA,),
    "leadership_sort": (leadership.QUALITIES, PRESETS),
    "leadership_questions": (leadership.QUESTIONS,),
    "strength_spotting": (leadership.SPOTTING, leadership.QUALITIES),
    "network_map": (network_map.MAP,),
    "event_planner": (networking.EVENT_PLANNER,),
    "format_chooser": (online.CHOOSER,),
    "needs_inventory": (self_care.NEEDS,),
    "feelings_check_in": (feelings.FEELINGS, self_care.NEEDS),
    "facilitator_check": (self_care.FACILITATOR_CHECK,),
    "self_care_wheel": (self_care.WHEEL,),
    "evaluation_planner": (evaluation.EVALUATION_PLANNER,),
    "consent_builder": (evaluation.CONSENT,),
    "feedback_form": (FEEDBACK,),
    "session_planner": (session_planner.SESSION_PLANNER,),
}


def content_files(notebooks: Path = NOTEBOOKS_DIR) -> dict[str, Kind]:
    """Every content file the notebooks read, with its kind, plus the chapter list.

    A new exercise of an existing kind is a YAML file and one notebook line: it is found here,
    checked by :func:`check_all` and documented by :func:`write_readmes` with nothing else to do.
    """
    found: dict[str, Kind] = {"chapters.yaml": CHAPTERS}
    for notebook in sorted(notebooks.glob("*.ipynb")):
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        for cell in cells:
            if cell["cell_type"] != "code":
                continue
            for name, node in code_calls("".join(cell["source"])):
                if name not in FACTORIES:
                    continue
                for kind, argument in zip(FACTORIES[name], node.args, strict=False):
                    if isinstance(argument, ast.Constant) and str(argument.value).endswith(".yaml"):
                        found[argument.value] = kind
    return found


def check_all(assets: Path = ASSETS_DIR) -> list[str]:
    """Check every content file and its Welsh twin; one line per problem (empty: all good)."""
    problems = []
    for path, kind in content_files().items():
        for page_language in ("en", "cy"):
            twin = path.replace(".yaml", ".cy.yaml")
            if page_language == "cy" and not (assets / twin).is_file():
                continue
            os.environ["QUERY_STRING"] = f"lang={page_language}"
            try:
                kind.load(path)
            except ContentError as error:
                problems.append(str(error))
    os.environ.pop("QUERY_STRING", None)
    return problems


def readme(folder: str, files: dict[str, Kind] | None = None) -> str:
    """The README for one folder of ``assets/``: each file, its kind, and every field's rules."""
    lines = [f"# Content files: {folder or 'the pack'}", "",
             "Generated from the pack's own rules by `python -m peer_support.chapters."
             "content_files`; do not edit it by hand. A Welsh twin (`<name>.cy.yaml`) has the "
             "same fields. `make test` checks every file against these rules.", ""]
    for path, kind in sorted((files or content_files()).items()):
        parent, _, name = path.rpartition("/")
        if parent != folder:
            continue
        lines += [f"## {name}: {kind.title}", "", "| Field | What it is | Rules |", "|---|---|---|"]
        lines += [f"| `{field}` | {doc.replace('|', '/')} | {rule} |"
                  for field, doc, rule in kind.fields()]
        lines.append("")
    return "\n".join(lines)


def write_readmes(assets: Path = ASSETS_DIR) -> list[Path]:
    """Write (or refresh) the README of every folder that holds content files."""
    written = []
    for folder in sorted({path.rpartition("/")[0] for path in content_files()}):
        target = assets / folder / "README.md" if folder else assets / "README.md"
        text = readme(folder)
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
            written.append(target)
    return written


if __name__ == "__main__":
    for written in write_readmes():
        print(f"Wrote {written}")
    found = check_all()
    print("\n".join(found) if found else "Every content file follows its rules.")
    sys.exit(1 if found else 0)
