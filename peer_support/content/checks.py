"""The rule types behind :mod:`peer_support.content.rules`: how each checks one value of a
content file and how it describes itself in the documentation.

Each ``check`` gets the value, the field's name, the place in the file (for messages) and the
walk over the file, which fails with a message in the page's language and remembers what each
list has seen, for ids and texts that must not repeat.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .rules import Walk

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


class Rule:
    """One field's rule: how to check a value and how to describe it to a facilitator."""

    required = True

    def check(self, value: Any, key: str, where: str, walk: Walk) -> Any:
        raise NotImplementedError

    def describe(self) -> str:
        raise NotImplementedError

    def missing(self, key: str, where: str, walk: Walk) -> Any:
        """What a field that is left out becomes (or a problem, when it is required)."""
        return self.check(None, key, where, walk)


@dataclass(frozen=True)
class Text(Rule):
    max_length: int = 500
    required: bool = True
    unique: bool = False  # no two items of the list may have the same text (ignoring case)

    def check(self, value, key, where, walk):
        if value is None and not self.required:
            return ""
        if not isinstance(value, str) or not value.strip():
            walk.fail("content.needs_text", where=where, field=key)
        if len(value) > self.max_length:
            walk.fail("content.too_long", where=where, field=key, limit=self.max_length)
        value = value.strip()
        if self.unique and not walk.first_time(f"text:{key}", value.casefold()):
            walk.fail("content.repeats_text", where=where, value=value)
        return value

    def describe(self):
        extra = "; no two the same" if self.unique else ""
        return f"text, up to {self.max_length} characters{extra}"


@dataclass(frozen=True)
class Texts(Rule):
    minimum: int = 1
    max_length: int = 500
    maximum: int | None = None
    required: bool = True

    def check(self, value, key, where, walk):
        if value is None and not self.required:
            return []
        if not isinstance(value, list) or len(value) < self.minimum:
            walk.fail("content.needs_texts", where=where, field=key, minimum=self.minimum)
        if self.maximum is not None and len(value) > self.maximum:
            walk.fail("content.too_many", where=where, field=key, maximum=self.maximum)
        for number, item in enumerate(value, start=1):
            if not isinstance(item, str) or not item.strip():
                walk.fail("content.item_text", where=where, field=key, number=number)
            if len(item) > self.max_length:
                walk.fail("content.item_too_long", where=where, field=key, number=number,
                          limit=self.max_length)
        return [item.strip() for item in value]

    def describe(self):
        most = f" and at most {self.maximum}" if self.maximum else ""
        return (f"list of texts: at least {self.minimum}{most}, each up to {self.max_length} "
                "characters")


@dataclass(frozen=True)
class Pairs(Rule):
    """A list of pairs of texts, each written as a two-item list: ``- [Ana, Cath]``."""

    minimum: int = 1
    max_length: int = 100

    def check(self, value, key, where, walk):
        if not isinstance(value, list) or len(value) < self.minimum:
            walk.fail("content.needs_texts", where=where, field=key, minimum=self.minimum)
        pairs = []
        for number, pair in enumerate(value, start=1):
            if (not isinstance(pair, list) or len(pair) != 2
                    or not all(isinstance(v, str) and v.strip() for v in pair)
                    or any(len(v) > self.max_length for v in pair)):
                walk.fail("content.needs_pair", where=where, field=key, number=number)
            pairs.append((pair[0].strip(), pair[1].strip()))
        return pairs

    def describe(self):
        return f"list of at least {self.minimum} pairs, each written [first, second]"


@dataclass(frozen=True)
class Whole(Rule):
    low: int
    high: int
    required: bool = True

    def check(self, value, key, where, walk):
        if value is None and not self.required:
            return None
        if not isinstance(value, int) or isinstance(value, bool) \
                or not self.low <= value <= self.high:
            walk.fail("content.needs_whole", where=where, field=key, low=self.low,
                      high=self.high)
        return value

    def describe(self):
        return f"whole number from {self.low} to {self.high}"


@dataclass(frozen=True)
class Flag(Rule):
    required: bool = True  # left out, a flag is simply false: nothing more to say about it

    def check(self, value, key, where, walk):
        if value is None:
            return False
        if not isinstance(value, bool):
            walk.fail("content.needs_flag", where=where, field=key)
        return value

    def describe(self):
        return "true or false (false if left out)"


@dataclass(frozen=True)
class OneOf(Rule):
    values: tuple[str, ...]

    def check(self, value, key, where, walk):
        if value not in self.values:
            walk.fail("content.needs_one_of", where=where, field=key,
                      values=", ".join(self.values))
        return value

    def describe(self):
        return "one of: " + ", ".join(self.values)


@dataclass(frozen=True)
class Tags(Rule):
    allowed: tuple[str, ...]
    required: bool = False

    def check(self, value, key, where, walk):
        if value is None:
            return []
        if not isinstance(value, list) or not all(
                isinstance(tag, str) and tag in self.allowed for tag in value):
            walk.fail("content.tags_outside", where=where, field=key,
                      allowed=str(sorted(self.allowed)))
        return list(value)

    def describe(self):
        return "list of words from: " + ", ".join(sorted(self.allowed))


@dataclass(frozen=True)
class Identifier(Rule):
    reserved: tuple[str, ...] = ()
    unique_in: str = "list"  # or "file": no other item anywhere in the file has this id

    def check(self, value, key, where, walk):
        if not isinstance(value, str) or not ID_PATTERN.match(value):
            walk.fail("content.needs_id", where=where)
        if value in self.reserved:
            walk.fail("content.reserved_id", where=where, value=value)
        if not walk.first_time(f"id:{key}", value, whole_file=self.unique_in == "file"):
            walk.fail("content.repeats_id", where=where, value=value)
        return value

    def describe(self):
        where = "in the whole file" if self.unique_in == "file" else "in its list"
        reserved = f"; not {', '.join(self.reserved)}" if self.reserved else ""
        return f"lowercase letters, digits and hyphens; unique {where}{reserved}"


@dataclass(frozen=True)
class Items(Rule):
    """A list of records (or, with ``shorthand``, of plain strings standing for one field)."""

    of: type
    each: str  # what one item is called in messages: "term" gives "Term 5" or "Part 2, term 5"
    minimum: int = 1
    maximum: int | None = None
    letters: bool = False  # call items A, B, C rather than 1, 2, 3
    shorthand: str = ""  # a plain string item stands for this field
    required: bool = True

    def check(self, value, key, where, walk):
        if value is None and not self.required:
            return []
        place = walk.list_place(key, where)
        if self.maximum is not None:
            if not isinstance(value, list) or not self.minimum <= len(value) <= self.maximum:
                if self.minimum == self.maximum:
                    walk.fail("content.needs_items_exactly", where=where, field=key,
                              count=self.minimum)
                walk.fail("content.needs_items_range", where=where, field=key,
                          minimum=self.minimum, maximum=self.maximum)
        elif not isinstance(value, list) or len(value) < self.minimum:
            walk.fail("content.needs_items", where=place, minimum=self.minimum)
        built = []
        walk.open_list()
        for number, entry in enumerate(value, start=1):
            label = LETTERS[number - 1] if self.letters else str(number)
            inside = walk.item_place(self.each, label, where)
            if self.shorthand and isinstance(entry, str):
                entry = {self.shorthand: entry}
            built.append(walk.record(self.of, entry, inside))
        walk.close_list()
        return built

    def describe(self):
        if self.maximum == self.minimum:
            return f"list of exactly {self.minimum} items, each as below"
        if self.maximum is not None:
            return f"list of {self.minimum} to {self.maximum} items, each as below"
        return f"list of at least {self.minimum} item(s), each as below"


@dataclass(frozen=True)
class Keyed(Rule):
    """A set of named records (``activities: {warm-up: {...}}``), or of texts with ``texts``."""

    of: type | None
    each: str
    allowed: tuple[str, ...] = ()  # if set, the only names allowed, and all of them needed
    texts: Texts | None = None
    required: bool = True

    def check(self, value, key, where, walk):
        if value is None and not self.required:
            return {}
        place = walk.list_place(key, where)
        if not isinstance(value, dict):
            walk.fail("content.needs_mapping", where=place)
        if self.allowed:
            unknown = sorted(str(name) for name in value if name not in self.allowed)
            if unknown:
                walk.fail("content.names_outside", where=place, allowed=str(list(self.allowed)),
                          names=", ".join(unknown))
        names = self.allowed or tuple(value)
        built = {}
        for name in names:
            inside = walk.named_place(self.each, name, where)
            if self.texts is not None:
                built[name] = self.texts.check(value.get(name), name, place, walk)
            else:
                built[name] = walk.record(self.of, value.get(name), inside)
        return built

    def describe(self):
        if self.allowed:
            return "for each of " + ", ".join(self.allowed) + ": " + self.texts.describe()
        if self.texts is not None:
            return "named lists: " + self.texts.describe()
        return "named entries, each as below"


@dataclass(frozen=True)
class Nested(Rule):
    """One record inside another (``actions: {partly: [...], not_yet: [...]}``)."""

    of: type
    required: bool = True

    def check(self, value, key, where, walk):
        if value is None and not self.required:
            return None
        return walk.record(self.of, value, walk.list_place(key, where))

    def describe(self):
        return "a set of named fields, as below"


