"""Clock times as people type them, and lengths of time in plain words.

A time can be typed the 24-hour way ("9:05", "09.05", "13:10") or the 12-hour way, in English or
Welsh ("2.15pm", "10am", "2.15yh", "10yb"). A bare number such as "10" is refused: it could be
morning or evening. A time that cannot be read gives None, so the caller can say so kindly.
"""

from __future__ import annotations

import re

from ..i18n import t

__all__ = ["clock", "duration", "parse_length", "parse_time"]

_TIME = re.compile(r"^([0-9]{1,2})(?:[:.]([0-9]{2}))?(am|pm|yb|yh)?$")
#: Welsh writes "yb" (yn y bore) for am and "yh" (yr hwyr / y prynhawn) for pm.
_AFTERNOON = ("pm", "yh")


def parse_time(raw: str | None) -> int | None:
    """Read a clock time (see the module) as minutes after midnight; None if it cannot be
    read."""
    text = re.sub(r"\s+", "", (raw or "").strip().lower()).replace("a.m.", "am")
    text = text.replace("p.m.", "pm").replace("y.b.", "yb").replace("y.h.", "yh")
    match = _TIME.match(text)
    if not match:
        return None
    hours, minutes, half = int(match[1]), match[2], match[3]
    if minutes is None and half is None:
        return None
    minutes = int(minutes or 0)
    if minutes > 59:
        return None
    if half:
        if not 1 <= hours <= 12:
            return None
        hours = hours % 12 + (12 if half in _AFTERNOON else 0)
    elif hours > 23:
        return None
    return hours * 60 + minutes


_LENGTH_HOURS_MINUTES = re.compile(r"^([0-9]{1,2})[:.]([0-5][0-9])$")
_LENGTH_WORDS = re.compile(
    r"^(?:([0-9]{1,2})(?:h|hr|hrs|hour|hours|awr|oriau))?"
    r"(?:([0-9]{1,4})(?:m|min|mins|minute|minutes|munud|mun)?)?$")
#: The longest length of time the pack reads: a long day (24 hours).
MAX_LENGTH = 24 * 60


def parse_length(raw: str | None) -> int | None:
    """Read a length of time as whole minutes: "90", "90 min", "1:30", "1h 30", "2 hours",
    "2 awr 15 munud". None if it cannot be read, is nothing, or is longer than a day."""
    text = re.sub(r"\s+", "", (raw or "").strip().lower())
    if not text:
        return None
    match = _LENGTH_HOURS_MINUTES.match(text)
    if match:
        minutes = int(match[1]) * 60 + int(match[2])
    else:
        match = _LENGTH_WORDS.match(text)
        if not match or (match[1] is None and match[2] is None):
            return None
        if match[1] is not None and match[2] is not None and int(match[2]) > 59:
            return None  # "1h 75" is more likely a slip than 2 hr 15 min
        minutes = int(match[1] or 0) * 60 + int(match[2] or 0)
    return minutes if 1 <= minutes <= MAX_LENGTH else None


def clock(minutes: int, padded: bool = False) -> str:
    """Minutes after midnight as a 24-hour clock time: 615 gives "10:15", 545 gives "9:05"
    (or "09:05" ``padded``)."""
    minutes %= 24 * 60
    hours = f"{minutes // 60:02d}" if padded else f"{minutes // 60}"
    return f"{hours}:{minutes % 60:02d}"


def duration(minutes: int) -> str:
    """A length of time in plain words, e.g. 130 -> "2 hr 10 min"."""
    hours, rest = divmod(minutes, 60)
    if hours and rest:
        return t("agenda.duration_both", hours=hours, minutes=rest)
    if hours:
        return t("agenda.duration_hours", hours=hours)
    return t("agenda.duration_minutes", minutes=rest)
