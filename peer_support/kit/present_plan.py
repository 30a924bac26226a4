"""A "Present this plan" button: it hands a session plan to present mode, in the browser.

Present mode is part of the page frame (template JavaScript), so the plan travels to it
through the browser's ``sessionStorage`` (this tab only, gone when the tab closes) under
:data:`STORAGE_KEY`, as JSON::

    {"title": str,
     "blocks": [{"notebook": "05_language", "section": "<h2 id>", "title": str,
                 "minutes": int, "kind": "activity" | "break"}],
     "index": 0, "started": null, "lang": "en" | "cy"}

Pressing the button writes the plan, then opens the first block's page at
``<notebook>.ipynb?lang=cy#present=<section>`` beside the current page (so the same link
works under Voilà's ``/voila/render/`` and on the static site, where pages end in ``.html``).
A ``section`` is the id the rendered page gives the block's ``h2`` heading, exactly as it is
in the page (Voilà percent-encodes letters such as ŵ in ids: compare it raw, undecoded).

The plan holds activity titles, minutes and places in the pack, and the session's name if
one was typed: nothing about a person. Python cannot reach ``sessionStorage``, so the button is
a small anywidget whose script does the writing; it needs no kernel once drawn.
"""

from __future__ import annotations

from pathlib import Path

import anywidget
import traitlets

__all__ = ["STORAGE_KEY", "PresentPlanButton"]

#: Where present mode reads the plan (agreed with the page frame's present mode).
STORAGE_KEY = "pack-present-plan"


class PresentPlanButton(anywidget.AnyWidget):
    """The button, its status line, and the plan it will hand over.

    Attributes
    ----------
    plan : dict
        The plan in the shape above (kept up to date by the planner).
    refusal : str
        When not empty, pressing the button only says this (for example "add an activity
        first"), and nothing is written or opened.
    """

    _esm = Path(__file__).parent / "static" / "present_plan.js"

    plan = traitlets.Dict(help="The plan handed to present mode.").tag(sync=True)
    refusal = traitlets.Unicode("", help="Why the plan cannot be presented yet.").tag(sync=True)
    storage_key = traitlets.Unicode(STORAGE_KEY).tag(sync=True)
    label = traitlets.Unicode(help="The button's words.").tag(sync=True)
    opening_text = traitlets.Unicode(help="Said while the first page opens.").tag(sync=True)
    blocked_text = traitlets.Unicode(help="Said when the browser will not keep the plan.").tag(
        sync=True)
