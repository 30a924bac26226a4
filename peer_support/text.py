"""Handle text a person types: keep it whole, limit it clearly, and show it only as text."""

from __future__ import annotations

import html
import unicodedata
from dataclasses import dataclass

#: The longest answer a reflection box takes, in characters.
DEFAULT_LIMIT = 2000


def escape(text: str) -> str:
    """Return ``text`` safe to put inside HTML: tags and entities show as typed."""
    return html.escape(text, quote=True)


@dataclass(frozen=True)
class CheckedText:
    """The result of checking typed text.

    Attributes
    ----------
    text : str
        The text, tidied (Unicode normalised to NFC, outer spaces removed). Never cut short.
    too_long : bool
        True when the text is over the limit; it is then left out of downloads until shortened.
    length : int
        Length in Unicode code points. A Welsh ŵ counts as one, as does a simple emoji;
        emoji built from several code points (skin tones, flags) count as several.
    """

    text: str
    too_long: bool
    length: int

    @property
    def is_empty(self) -> bool:
        return not self.text

    @property
    def usable(self) -> str:
        """The text to put in a download: empty when there is none or it is too long."""
        return "" if self.too_long else self.text


def check_text(raw: str | None, limit: int = DEFAULT_LIMIT) -> CheckedText:
    """Tidy typed text and compare it with ``limit``, without losing any of it.

    NFC normalisation makes a Welsh "ŵ" typed as "w" plus a combining circumflex count, show
    and compare the same as the single-character form.
    """
    text = unicodedata.normalize("NFC", raw or "").strip()
    text = text.replace("\r\n", "\n").replace("\x00", "")
    length = len(text)
    return CheckedText(text=text, too_long=length > limit, length=length)
