"""The author's checks: ``python -m peer_support.check`` (``make check``).

What catches the mistakes an author can make while adapting the pack, in a minute or two, each
problem on its own line with the file it is in and what to do:

1. every content file (``assets/``, English and Welsh) follows its rules;
2. every notebook is stored clean (no outputs or execution counts);
3. every English cell has its Welsh twin, and the twins' headings match;
4. every notebook runs from start to finish in a fresh kernel, as Voilà runs it for a page.

``python -m peer_support.check 05_language`` checks one notebook (the content files are always
all checked); ``--no-run`` skips step 4. The same rules run in ``make test``.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from .content_files import check_all
from .kit.blocks import NOTEBOOKS_DIR
from .notebook_rules import (
    cell_text,
    heading_problems,
    load_notebook,
    stored_clean_problems,
    twin_problems,
)

CELL_TIMEOUT_S = 120


def shown(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


def run_problems(path: Path) -> list[str]:
    """Run the notebook in a fresh kernel, in its own folder; the first failing cell, if any."""
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError

    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(notebook, timeout=CELL_TIMEOUT_S, kernel_name="python3",
                            extra_arguments=["--IPKernelApp.log_level=ERROR"],
                            resources={"metadata": {"path": str(path.parent)}})
    try:
        client.execute()
    except (CellExecutionError, CellTimeoutError) as error:
        failed = next((number for number, cell in enumerate(notebook.cells)
                       if cell.cell_type == "code" and any(
                           output.get("output_type") == "error" for output in cell.outputs)),
                      None)
        where = shown(path)
        if failed is not None:
            first = cell_text(notebook.cells[failed]).strip().splitlines()[0][:60]
            where += f': cell {failed + 1} ("{first}")'
        reason = (str(getattr(error, "ename", "")) + ": " + str(getattr(error, "evalue", ""))
                  if getattr(error, "ename", "") else str(error).strip().splitlines()[-1])
        return [f"{where} stops with an error: {reason}. Open the notebook in `make edit`, run "
                "it (Run > Run All Cells) to see the whole message; check the call's spelling "
                "and the content file it names."]
    except Exception as error:  # the kernel could not start, for example
        return [f"{shown(path)} could not be run: {error}"]
    return []


def notebook_problems(path: Path) -> list[str]:
    """Stored clean, Welsh twins, matched headings: every problem of one notebook."""
    notebook = load_notebook(path)
    name = shown(path)
    return (stored_clean_problems(notebook, name) + twin_problems(notebook, name)
            + heading_problems(notebook, name))


def count(number: int, what: str) -> str:
    return f"{number} {what}" if number == 1 else f"{number} {what}s"


def report(title: str, problems: list[str], good: str) -> bool:
    print(f"\n{title}")
    for problem in problems:
        print(f"  - {problem}")
    if not problems:
        print(f"  OK: {good}")
    return not problems


def main(argv: Sequence[str] | None = None,
         run: Callable[[Path], list[str]] = run_problems) -> int:
    parser = argparse.ArgumentParser(prog="make check", description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", help="only these notebooks (e.g. 05_language)")
    parser.add_argument("--no-run", action="store_true", help="do not run the notebooks")
    options = parser.parse_args(argv)
    if options.notebooks:
        paths = [NOTEBOOKS_DIR / (name.removesuffix(".ipynb") + ".ipynb")
                 for name in options.notebooks]
        missing = [path.name for path in paths if not path.is_file()]
        if missing:
            print(f"No such notebook in notebooks/: {', '.join(missing)}")
            return 2
    else:
        paths = sorted(NOTEBOOKS_DIR.glob("*.ipynb"))
    started = time.monotonic()
    good = report("1. Content files (assets/) against their rules", check_all(),
                  "every content file follows its rules.")
    good &= report("2-3. Notebooks: stored clean, Welsh twins, headings",
                   [problem for path in paths for problem in notebook_problems(path)],
                   f"{count(len(paths), 'notebook')} stored clean, every English cell "
                   "with its Welsh twin, headings matched.")
    if not options.no_run:
        print("\n4. Every notebook runs from start to finish", flush=True)
        failures = []
        for path in paths:
            print(f"  running {shown(path)}...", flush=True)
            failures += run(path)
        good &= report("   Result", failures,
                       f"{count(len(paths), 'notebook')} ran without an error.")
    seconds = time.monotonic() - started
    print(f"\n{'All checks passed' if good else 'Some checks failed (see above)'} "
          f"in {seconds:.0f} s.")
    return 0 if good else 1


if __name__ == "__main__":
    sys.exit(main())
