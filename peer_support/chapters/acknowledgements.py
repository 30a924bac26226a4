"""The Launch and acknowledgements chapter's exercise: a short, private "what will you take
from this pack?" reflection with a download.

It reuses :class:`~peer_support.reflection.Reflection` whole; only the prompts are this
chapter's own (``assets/acknowledgements/reflection.yaml``).
"""

from __future__ import annotations

from ..content import ContentError
from ..kit.blocks import error_block
from ..kit.reflection import Reflection, load_reflection

__all__ = ["take_away_reflection"]


def take_away_reflection(prompts: str = "acknowledgements/reflection.yaml"):
    """The "what will you take from this pack?" reflection, from a prompts file in
    ``assets/``; a calm message naming the file if it is broken."""
    try:
        reflection = Reflection(*load_reflection(prompts))
    except ContentError as error:
        return error_block(error)
    reflection.add_class("qa-acknowledgements-reflection")
    return reflection
