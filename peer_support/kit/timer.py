"""An advisory activity timer for facilitators: a guide to pace, never a deadline."""

from __future__ import annotations

from pathlib import Path

import anywidget
import traitlets

from ..i18n import t

__all__ = ["ActivityTimer"]


class ActivityTimer(anywidget.AnyWidget):
    """A count-down of the suggested minutes, with Start/Pause and Reset buttons.

    It keeps time in the browser. At zero it shows a gentle note and keeps counting the
    extra time; nothing stops or locks (WCAG 2.2.1: no time limits on people).

    Parameters
    ----------
    minutes : int
        Suggested length of the activity, 1 to 240.
    """

    _esm = Path(__file__).parent / "static" / "activity_timer.js"
    _css = Path(__file__).parent / "static" / "activity_timer.css"

    minutes = traitlets.Int(10, help="Suggested minutes.").tag(sync=True)
    label = traitlets.Unicode(help="Accessible name of the timer group.").tag(sync=True)
    start_text = traitlets.Unicode(help="Start button text.").tag(sync=True)
    pause_text = traitlets.Unicode(help="Pause button text.").tag(sync=True)
    reset_text = traitlets.Unicode(help="Reset button text.").tag(sync=True)
    running_text = traitlets.Unicode(help="Announced on start.").tag(sync=True)
    paused_text = traitlets.Unicode(help="Announced on pause.").tag(sync=True)
    reset_done_text = traitlets.Unicode(help="Announced on reset.").tag(sync=True)
    done_text = traitlets.Unicode(help="Shown when the suggested time is up.").tag(sync=True)

    def __init__(self, minutes: int = 10, **kwargs):
        if isinstance(minutes, bool) or not isinstance(minutes, int) or not 1 <= minutes <= 240:
            raise ValueError("minutes should be a whole number from 1 to 240")
        super().__init__(
            minutes=minutes,
            label=t("timer.label_minutes", label=t("timer.label"), minutes=minutes),
            start_text=t("timer.start"),
            pause_text=t("timer.pause"),
            reset_text=t("timer.reset"),
            running_text=t("timer.running", minutes=minutes),
            paused_text=t("timer.paused"),
            reset_done_text=t("timer.reset_done", minutes=minutes),
            done_text=t("timer.done"),
            **kwargs,
        )
