"""What every exercise has, once: a status line, a download that is withdrawn whenever an
answer changes, a "clear" action, and a calm message when its content file is broken.

An exercise subclasses :class:`Exercise`, keeps its answers in kit widgets (or its own
state), says which widgets hold answers with :meth:`Exercise.watch`, and builds its handout in
:meth:`Exercise.handout`. It never withdraws a download itself: any watched change does that,
and so does :meth:`Exercise.changed` for answers kept in the exercise's own state. Anything
else that wants to hear about answers (a live room, say) listens with
:meth:`Exercise.on_change`.

A notebook gets an exercise in one line through :func:`from_files`, which turns a broken
content file into :func:`error_block` instead of a traceback::

    def checklist(path: str, basename: str):
        return from_files(Checklist, CHECKLIST.at(path), basename=basename)
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Any, ClassVar

import ipywidgets as widgets
from IPython.display import HTML

from ..content import ContentError
from ..i18n import t
from ..text import escape
from .handout import DownloadPanel, Handout
from .status import LiveStatus

__all__ = ["Exercise", "error_block", "from_files"]

log = logging.getLogger("peer_support")


def error_block(error: ContentError) -> HTML:
    """A calm message naming the broken file and the problem. Also logged for the server."""
    log.error("content problem: %s", error)
    message = t("error.content", path=error.path, problem=error.problem)
    return HTML(f'<div class="pack-error" role="alert"><p>{escape(message)}</p></div>')


def from_files(build: Callable[..., Any], *files: functools.partial, **options: Any):
    """``build(*contents, **options)``, each content read by a loader in ``files`` (made by
    :meth:`peer_support.content.rules.Kind.at`); a calm error block naming the file when one
    is missing or broken.

    The exercise gets a stable class from its first file, ``qa-<folder>-<name>`` (for
    ``safety/agreements.yaml``, ``qa-safety-agreements``), for tests and styles.
    """
    try:
        exercise = build(*(load() for load in files), **options)
    except ContentError as error:
        return error_block(error)
    folder, _, name = files[0].args[0].removesuffix(".yaml").rpartition("/")
    exercise.add_class(f"qa-{folder.replace('/', '-')}-{name}".replace("qa--", "qa-"))
    return exercise


class Exercise(widgets.VBox):
    """The base of every exercise.

    Class settings (catalogue keys, so every label has its Welsh twin):

    ``prepare_key``
        The download button's label; None gives "Prepare my download".
    ``clear_key``, ``cleared_key``
        The clear button's label and what is announced after clearing; None: no button.

    Parameters
    ----------
    download : str or None
        The download's file name without extension (keep it neutral: it shows in the
        downloads folder), or None for an exercise with nothing to download.
    """

    prepare_key: ClassVar[str | None] = None
    clear_key: ClassVar[str | None] = None
    cleared_key: ClassVar[str | None] = None

    def __init__(self, *, download: str | None = "workshop-notes", **kwargs: Any):
        self._listeners: list[Callable[[], None]] = []
        self.status = LiveStatus()
        self.download = (DownloadPanel(self.handout, download,
                                       t(self.prepare_key) if self.prepare_key else None)
                         if download else None)
        self.clear_button = None
        if self.clear_key:
            self.clear_button = widgets.Button(description=t(self.clear_key))
            self.clear_button.on_click(lambda _: self._clear_pressed())
        super().__init__(self.build(), **kwargs)

    # ---- what a subclass writes ----

    def build(self) -> list[widgets.Widget]:
        """The exercise's parts, in page order (place ``self.status``, ``self.download`` and
        ``self.clear_button`` where they belong)."""
        raise NotImplementedError

    def handout(self) -> Handout | str:
        """The download: a Handout, or a message saying why there is none yet. An exercise
        made with ``download=None`` keeps nothing, so it has nothing to build."""
        return ""

    def reset_answers(self) -> None:
        """Forget every answer (what the clear button does)."""
        raise NotImplementedError

    def focus_after_clear(self) -> None:
        """Where keyboard focus goes after the clear button (by default it stays)."""

    # ---- answers changing ----

    def watch(self, *holders: Any) -> None:
        """Treat every change in ``holders`` as a change of answer: kit widgets with an
        ``on_change`` method, or ipywidgets with a ``value``."""
        for holder in holders:
            if hasattr(holder, "on_change"):
                holder.on_change(lambda *_: self.changed())
            elif isinstance(holder, widgets.Widget) and holder.has_trait("value"):
                holder.observe(lambda _: self.changed(), names="value")
            else:  # a holder the exercise could not hear would leave stale downloads about
                raise TypeError(f"cannot watch {type(holder).__name__} for changes")

    def changed(self) -> None:
        """An answer changed: withdraw a download prepared earlier and tell the listeners."""
        if self.download is not None:
            self.download.reset()
        for listener in self._listeners:
            listener()

    def on_change(self, listener: Callable[[], None]) -> None:
        """Call ``listener()`` after every change of answer."""
        self._listeners.append(listener)

    # ---- clearing ----

    def clear(self) -> None:
        """Forget every answer, withdraw any download and say so."""
        self.reset_answers()
        self.changed()
        if self.cleared_key:
            self.status.say(t(self.cleared_key))

    def _clear_pressed(self) -> None:
        self.clear()
        self.focus_after_clear()
