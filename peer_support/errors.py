"""Calm failure: a cell that raises shows a short message; the details go to the server log."""

from __future__ import annotations

import logging
import os
import sys
import traceback

from IPython.display import HTML, display

from .i18n import t
from .platform import draws_app_page, in_browser
from .text import escape

log = logging.getLogger("peer_support")


def _write_to_server(text: str) -> None:
    """Write to the kernel process's own stderr, which the Voilà server's terminal shows.

    ipykernel forwards ``sys.stderr`` (and file descriptor 2) into the page, so write to the
    copy of the original stream it keeps, when there is one.
    """
    original = getattr(sys.stderr, "_original_stdstream_copy", None)
    if isinstance(original, int):
        os.write(original, text.encode("utf-8", "replace"))
    elif sys.__stderr__ is not None:
        sys.__stderr__.write(text)


def _show_calm_error(shell, etype, value, tb, tb_offset=None):
    _write_to_server("".join(traceback.format_exception(etype, value, tb)))
    display(HTML(f'<div class="pack-error" role="alert"><p>{escape(t("error.general"))}</p></div>'))
    return None


def install_calm_errors() -> None:
    """In a kernel that draws a page for a person, replace tracebacks with a calm message.

    Only under Voilà or on the static site (``platform.draws_app_page``): in JupyterLab and
    under nbval a failing cell must still fail loudly, or the tests could not catch it. On the
    static site the details go to the browser's console, the nearest thing to a server log.
    """
    if not draws_app_page():
        return
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is not None and (shell.__class__.__name__ == "ZMQInteractiveShell" or in_browser()):
        shell.set_custom_exc((Exception,), _show_calm_error)
        if not log.handlers:
            handler = logging.StreamHandler(_ServerLogStream())
            handler.setFormatter(logging.Formatter("[peer_support] %(levelname)s %(message)s"))
            log.addHandler(handler)
            log.propagate = False


class _ServerLogStream:
    """A file-like object for the logging module that writes to the server log."""

    def write(self, text: str) -> None:
        _write_to_server(text)

    def flush(self) -> None:
        pass
