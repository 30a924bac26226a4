"""The women's peer support workshop pack: page helpers, reusable widgets and exercises.

Chapters import what they need, for example::

    from peer_support import content_note, facilitator_notes, language_game
"""

from .blocks import chapter_links, chapter_list, content_note, facilitator_notes
from .choice import ChoiceScale
from .deck import CardDeck
from .errors import install_calm_errors
from .handout import DownloadPanel, Handout
from .language import language_game, language_reflection
from .reflection import ReflectionBox
from .status import LiveStatus
from .timer import ActivityTimer

__all__ = [
    "ActivityTimer",
    "CardDeck",
    "ChoiceScale",
    "DownloadPanel",
    "Handout",
    "LiveStatus",
    "ReflectionBox",
    "chapter_links",
    "chapter_list",
    "content_note",
    "facilitator_notes",
    "language_game",
    "language_reflection",
]

install_calm_errors()
