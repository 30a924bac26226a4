"""A status line that screen readers announce politely (``role="status"``)."""

from __future__ import annotations

from pathlib import Path

import anywidget
import traitlets

__all__ = ["LiveStatus"]


class LiveStatus(anywidget.AnyWidget):
    """Shows a short message and has it announced without moving focus.

    Parameters
    ----------
    message : str
        The text to show. It is always shown as text, never as HTML.
    """

    _esm = Path(__file__).parent / "static" / "live_status.js"
    message = traitlets.Unicode("", help="The text shown and announced.").tag(sync=True)

    def say(self, message: str) -> None:
        """Show and announce ``message``."""
        self.message = message
