"""The women's peer support workshop pack: page helpers, reusable widgets and exercises.

A chapter imports only the modules it uses, so its kernel stays light, for example::

    from peer_support.blocks import chapter_links, content_note, facilitator_notes
    from peer_support.language import language_game

Each module lists its public names in ``__all__``.
"""

from .errors import install_calm_errors

install_calm_errors()
