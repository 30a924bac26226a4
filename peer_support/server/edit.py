"""JupyterLab on the pack, for adapting it: ``python -m peer_support.server.edit``.

``make edit`` runs this (after installing JupyterLab, pinned in ``requirements-edit.txt``). It
opens JupyterLab on this computer only (127.0.0.1), with a random access code, and prints the
address the way ``make serve`` does. The pack's JupyterLab settings are in
``jupyter_edit_config.py`` beside this file:

- **Saved clean, always.** Every notebook is saved without outputs or execution counts, whatever
  was run (:func:`save_clean`, the server's pre-save hook). Cell ids, tags and metadata stay.
- **Welsh twins marked.** Cells tagged ``lang-cy`` carry a "Cymraeg" band, ``lang-en`` an
  "English" one (``.jupyter-edit/custom/custom.css``).
- **The preview is the page.** "Render with Voilà" (or ``/voila/render/notebooks/<name>.ipynb``)
  draws the chapter with the pack's frame, as in ``make serve``: ``voila.json`` is read from
  the repository and the template found through ``JUPYTER_PATH``.

EDIT_PORT (default 8888) chooses the port; EDIT_TOKEN fixes the access code (tests use it).
"""

from __future__ import annotations

import os
import secrets
import sys
from collections.abc import Sequence
from pathlib import Path

from ..notebook_rules import clean_notebook
from . import frame_text

REPO = Path(__file__).resolve().parents[2]
CONFIG = Path(__file__).resolve().with_name("jupyter_edit_config.py")
#: JupyterLab's configuration folder while adapting the pack: the authoring view's CSS
#: (custom/custom.css, kept in git) and JupyterLab's own settings and layout (not kept).
CONFIG_DIR = REPO / ".jupyter-edit"
FIRST_PAGE = "lab/tree/notebooks/00_start.ipynb"
DEFAULT_PORT = 8888


def save_clean(model: dict, path: str = "", **_ignored) -> None:
    """The server's pre-save hook: a notebook is written without outputs or execution counts.

    JupyterLab keeps showing the outputs in the open notebook; only the file is clean.
    """
    if model.get("type") == "notebook" and isinstance(model.get("content"), dict):
        clean_notebook(model["content"])


def trust_pack_notebooks(notebooks: Path = REPO / "notebooks") -> list[str]:
    """Record the pack's own clean notebooks as trusted, so the preview does not ask.

    Trust in Jupyter is about outputs (HTML and scripts a notebook brings with it); a notebook
    stored clean has none. A notebook with outputs, or one added later, is not signed here and
    the preview asks about it as usual. Returns the names signed.
    """
    import nbformat
    from nbformat.sign import NotebookNotary

    notary = NotebookNotary(data_dir=str(CONFIG_DIR))
    signed = []
    for path in sorted(notebooks.glob("*.ipynb")):
        notebook = nbformat.read(path, as_version=4)
        if any(cell.get("outputs") for cell in notebook.cells):
            continue
        if not notary.check_signature(notebook):
            notary.sign(notebook)
        signed.append(path.name)
    return signed


def lab_command(port: int, token: str, extra: Sequence[str] = ()) -> list[str]:
    """The JupyterLab command line: this computer only, on ``port``, with ``token``."""
    return [sys.executable, "-m", "jupyterlab", f"--config={CONFIG}",
            "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}",
            "--ServerApp.port_retries=0", f"--ServerApp.root_dir={REPO}",
            f"--IdentityProvider.token={token}", *extra]


def edit_url(port: int, token: str) -> str:
    return f"http://127.0.0.1:{port}/{FIRST_PAGE}?token={token}"


def main() -> None:
    port = int(os.environ.get("EDIT_PORT") or DEFAULT_PORT)
    token = os.environ.get("EDIT_TOKEN") or secrets.token_urlsafe(16)
    frame_text.write_partial()
    CONFIG_DIR.mkdir(exist_ok=True)
    trust_pack_notebooks()
    os.environ["JUPYTER_PATH"] = str(REPO / "assets" / "jupyter")
    os.environ["JUPYTER_CONFIG_DIR"] = str(CONFIG_DIR)
    os.chdir(REPO)  # the Voilà preview reads voila.json from the current folder
    print()
    print("  Women's peer support workshop pack: adapting it in JupyterLab")
    print(f"  Open this address: {edit_url(port, token)}")
    print("  Notebooks are saved without their outputs, whatever you run.")
    print("  To see a page as participants do: open it, then press 'Render with Voila'.")
    print("  Press Ctrl+C twice to stop.")
    print(flush=True)
    os.execv(sys.executable, lab_command(port, token, sys.argv[1:]))


if __name__ == "__main__":
    main()
