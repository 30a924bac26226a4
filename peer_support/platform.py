"""Where the pack's Python runs, and the few things that differ there. The one place that knows.

The same package draws every page in two places:

- **on a server**, in a kernel that Voilà starts for the page (``make serve``);
- **in the browser**, in Pyodide, on the static site (``make site``): Voici built the page
  ahead of time, and the page runs its Python in a web worker. ``sys.platform`` is then
  ``"emscripten"``.

What differs, and how each is met:

- *The page's address.* Voilà gives its kernel the page's query in ``QUERY_STRING``. A browser
  kernel runs in a web worker whose own address is not the page's, so the static site's page
  passes its query to the kernel under the same name, ``QUERY_STRING``, when it starts it (the
  template, ``index.html.j2``). :func:`page_query_string` reads it in both places.
- *The content files.* On a server they are the repository's ``assets/`` folder (or
  ``PACK_ASSETS``). On the static site they are the site's contents, which JupyterLite
  mounts as the kernel's drive at ``/drive``, laid out as in the repository.
- *Calm errors.* Both kinds of page show a short message instead of a traceback; see
  :func:`draws_app_page`.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

#: Where JupyterLite mounts the site's contents in a browser kernel.
BROWSER_DRIVE = Path("/drive")


def in_browser() -> bool:
    """Whether this Python runs in the browser (Pyodide), not on a server."""
    return sys.platform == "emscripten"


def page_query_string() -> str:
    """The query of the page being drawn, such as ``"lang=cy"``, or ``""``.

    Voilà sets ``QUERY_STRING`` for a kernel it starts for a request; on the static site the
    page sets it for its own kernel. A kernel that no page asked for (a preheated one,
    JupyterLab, a test) finds none.
    """
    return os.environ.get("QUERY_STRING", "")


def assets_dir() -> Path:
    """The folder of content files: ``PACK_ASSETS`` if set, else the repository's ``assets/``,
    or in the browser the copy the static site ships at ``/drive/assets``."""
    if os.environ.get("PACK_ASSETS"):
        return Path(os.environ["PACK_ASSETS"])
    if in_browser():
        return BROWSER_DRIVE / "assets"
    return Path(__file__).resolve().parent.parent / "assets"


def draws_app_page() -> bool:
    """Whether this kernel draws a page for a person: under Voilà (which sets
    ``VOILA_BASE_URL`` for its kernels) or on the static site. In JupyterLab and under nbval
    a failing cell must still fail loudly, or the tests could not catch it."""
    return "VOILA_BASE_URL" in os.environ or in_browser()
