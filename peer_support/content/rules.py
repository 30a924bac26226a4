"""Content rules, declared once per kind of content file.

A kind of content file is a frozen dataclass whose fields carry their rules and a one-line
description. The same declaration checks a file, builds the objects an exercise uses, and
writes the documentation a facilitator reads beside the YAML::

    from peer_support.content import rules

    @dataclass(frozen=True)
    class Prompt:
        id: str = rules.identifier()
        label: str = rules.text(120, "The question, shown as the box's label.")
        hint: str = rules.text(300, "A sentence under the question.", required=False)

    @dataclass(frozen=True)
    class ReflectionFile:
        title: str = rules.text(120, "Shown above the prompts and at the top of the download.")
        prompts: list[Prompt] = rules.items(Prompt, "prompt", "The questions, in order.")

    REFLECTION = rules.Kind(ReflectionFile, "Private reflection prompts")
    REFLECTION.load("language/reflection.yaml")       # a ReflectionFile, or ContentError

Use the functions through the module's name (``rules.text``): a dataclass field may itself be
called ``text``, and inside the class body that name would hide the function.

A problem names the file and says plainly where and what, for example ``Term 5 needs
'alternatives' as a list with at least 1 item(s)``. Rules that a field cannot say alone (two
fields that must agree) go in the dataclass's ``validate(self, fail, where)`` method.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import MISSING, dataclass
from typing import Any, NoReturn

from ..i18n import DEFAULT_LANGUAGE, catalogue, t
from . import ContentError, load_yaml, shown_path

__all__ = [
    "Kind", "each_named", "each_of", "flag", "identifier", "items", "keyed", "one_of", "pairs",
    "record", "tags", "text", "texts", "whole",
]

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
Fail = Callable[[str], NoReturn]


# ---- the rules ----

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
    required: bool = False

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


# ---- declaring fields ----

def _field(rule: Rule, doc: str, default: Any = MISSING, factory: Any = MISSING):
    metadata = {"rule": rule, "doc": doc}
    if factory is not MISSING:
        return dataclasses.field(default_factory=factory, metadata=metadata)
    return dataclasses.field(default=default, metadata=metadata)


def text(max_length: int, doc: str = "", *, required: bool = True, unique: bool = False):
    """Some text, at most ``max_length`` characters; outer spaces are trimmed."""
    return _field(Text(max_length, required, unique), doc, MISSING if required else "")


def texts(minimum: int, max_length: int, doc: str = "", *, maximum: int | None = None,
          required: bool = True):
    """A list of at least ``minimum`` texts, each at most ``max_length`` characters."""
    rule = Texts(minimum, max_length, maximum, required)
    return _field(rule, doc, factory=MISSING if required else list)


def pairs(minimum: int, max_length: int, doc: str = ""):
    """A list of pairs of texts, each a two-item list."""
    return _field(Pairs(minimum, max_length), doc)


def whole(low: int, high: int, doc: str = "", *, required: bool = True):
    """A whole number from ``low`` to ``high``."""
    return _field(Whole(low, high, required), doc, MISSING if required else None)


def flag(doc: str = ""):
    """true or false; false when left out."""
    return _field(Flag(), doc, False)


def one_of(values: Iterable[str], doc: str = ""):
    """One of a fixed set of words."""
    return _field(OneOf(tuple(values)), doc)


def tags(allowed: Iterable[str], doc: str = ""):
    """A list of words from a fixed set (may be empty or left out)."""
    return _field(Tags(tuple(allowed)), doc, factory=list)


def identifier(doc: str = "", *, reserved: Iterable[str] = (), unique_in: str = "list"):
    """An id: lowercase letters, digits and hyphens, never the same twice."""
    rule = Identifier(tuple(reserved), unique_in)
    return _field(rule, doc or "A short name for this entry, used by the pack.")


def items(of: type, each: str, doc: str = "", *, minimum: int = 1, maximum: int | None = None,
          letters: bool = False, shorthand: str = "", required: bool = True):
    """A list of records of type ``of``, each called ``each`` in messages."""
    rule = Items(of, each, minimum, maximum, letters, shorthand, required)
    return _field(rule, doc, factory=MISSING if required else list)


def keyed(of: type, each: str, doc: str = ""):
    """Named records, for example the activities of a facilitator-notes file."""
    return _field(Keyed(of, each), doc)


def each_of(names: Iterable[str], minimum: int, max_length: int, doc: str = ""):
    """For each of a fixed set of names, a list of texts (``examples: {faith: [...]}``)."""
    return _field(Keyed(None, "", tuple(names), Texts(minimum, max_length)), doc)


def each_named(minimum: int, max_length: int, doc: str = "", *, required: bool = True):
    """Lists of texts under names the file chooses (``actions_for: {partly: [...]}``)."""
    rule = Keyed(None, "", (), Texts(minimum, max_length), required)
    return _field(rule, doc, factory=MISSING if required else dict)


def record(of: type, doc: str = "", *, required: bool = True):
    """One record of type ``of`` inside this one (None when optional and left out)."""
    return _field(Nested(of, required), doc, MISSING if required else None)


# ---- checking ----

class Walk:
    """One pass over one file: where we are, what has been seen, and how to fail."""

    def __init__(self, shown: str):
        self.shown = shown
        self.lists: list[dict[str, set]] = []  # what each open list has seen, innermost last
        self.whole_file: dict[str, set] = {}

    def fail(self, key: str, **values) -> NoReturn:
        raise ContentError(self.shown, t(key, **values))

    def problem(self, message: str) -> NoReturn:
        raise ContentError(self.shown, message)

    # Places, as people read them: "The file", "'terms'", "Term 5", "Part 2's 'suggestions'",
    # "Part 2, suggestion 3", "Activity 'warm-up'".
    def top(self) -> str:
        return t("content.the_file")

    def list_place(self, key: str, where: str) -> str:
        return f"'{key}'" if where == self.top() else t("content.place_of", where=where, field=key)

    def item_place(self, each: str, label: str, where: str) -> str:
        name = _word(each)
        if where == self.top():
            return f"{name[:1].upper()}{name[1:]} {label}"
        return f"{where}, {name} {label}"

    def named_place(self, each: str, name: str, where: str) -> str:
        word = _word(each)
        place = f"{word[:1].upper()}{word[1:]} '{name}'"
        return place if where == self.top() else f"{where}, {place}"

    # Ids are unique within their list (or the whole file); some texts within their list.
    def open_list(self) -> None:
        self.lists.append({})

    def close_list(self) -> None:
        self.lists.pop()

    def first_time(self, name: str, value: str, whole_file: bool = False) -> bool:
        if whole_file:
            seen = self.whole_file.setdefault(name, set())
        elif self.lists:
            seen = self.lists[-1].setdefault(name, set())
        else:
            return True
        if value in seen:
            return False
        seen.add(value)
        return True

    def record(self, of: type, value: Any, where: str) -> Any:
        if not isinstance(value, dict):
            self.fail("content.needs_mapping", where=where)
        fields = {field.name: field for field in dataclasses.fields(of) if field.init}
        unknown = sorted(str(key) for key in value if key not in fields)
        if unknown:
            self.fail("content.unknown_fields", where=where, names=", ".join(unknown))
        built = {}
        for name, field in fields.items():
            rule: Rule = field.metadata["rule"]
            built[name] = (rule.check(value[name], name, where, self) if name in value
                           else rule.missing(name, where, self))
        made = of(**built)
        validate = getattr(made, "validate", None)
        if validate is not None:
            validate(self.problem, where)
        return made


def _word(each: str) -> str:
    """What one item is called in messages, in the page's language where translated."""
    if f"content.each.{each}" in catalogue(DEFAULT_LANGUAGE):
        return t(f"content.each.{each}")
    return each


class Kind:
    """A kind of content file: its dataclass (with the rules), a title, and its loader.

    Parameters
    ----------
    of : type
        The frozen dataclass describing the whole file.
    title : str
        What this kind of file is, for the documentation ("Private reflection prompts").
    """

    registry: list[Kind] = []

    def __init__(self, of: type, title: str):
        self.of = of
        self.title = title
        Kind.registry.append(self)

    def load(self, path: str) -> Any:
        """Read and check the file at ``path`` (inside ``assets/``), in the page's language.

        Raises
        ------
        ContentError
            Naming the file and the first problem found.
        """
        walk = Walk(shown_path(path))
        return walk.record(self.of, load_yaml(path), walk.top())

    def at(self, path: str) -> functools.partial:
        """A loader for the file at ``path`` (its ``args[0]``), for
        :func:`peer_support.kit.base.from_files`."""
        return functools.partial(self.load, path)

    @staticmethod
    def fail(path: str, problem: str) -> NoReturn:
        """Raise the problem ``problem`` for the file at ``path`` (a rule across files)."""
        raise ContentError(shown_path(path), problem)

    def fields(self) -> list[tuple[str, str, str]]:
        """(path of the field, what it is, its rules) for every field, nested ones included."""
        return list(_describe(self.of, ""))


def _describe(of: type, prefix: str):
    for field in dataclasses.fields(of):
        if "rule" not in field.metadata:
            continue
        rule: Rule = field.metadata["rule"]
        rules = rule.describe()
        if not rule.required:
            rules += " (optional)"
        name = f"{prefix}{field.name}"
        yield name, field.metadata["doc"], rules
        nested = getattr(rule, "of", None)
        if isinstance(rule, Items):
            suffix = "[]"
            yield from _describe(nested, f"{name}{suffix}.")
        elif isinstance(rule, Keyed) and nested is not None:
            yield from _describe(nested, f"{name}.<{rule.each}>.")
        elif isinstance(rule, Nested):
            yield from _describe(nested, f"{name}.")
