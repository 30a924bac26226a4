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
from collections.abc import Callable, Iterable
from dataclasses import MISSING
from typing import Any, NoReturn

from ..i18n import t
from . import ContentError, load_yaml, shown_path
from .checks import (
    Flag,
    Identifier,
    Items,
    Keyed,
    Nested,
    OneOf,
    Pairs,
    Rule,
    Tags,
    Text,
    Texts,
    Whole,
)

__all__ = [
    "Kind", "each_named", "each_of", "field", "flag", "identifier", "items", "keyed", "one_of",
    "pairs", "record", "tags", "text", "texts", "whole",
]

Fail = Callable[[str], NoReturn]


# ---- declaring fields ----

def _field(rule: Rule, doc: str, default: Any = MISSING, factory: Any = MISSING):
    metadata = {"rule": rule, "doc": doc}
    if factory is not MISSING:
        return dataclasses.field(default_factory=factory, metadata=metadata)
    return dataclasses.field(default=default, metadata=metadata)


def field(rule: Rule, doc: str, *, required: bool = True):
    """A field with a rule of the caller's own (a subclass of one in :mod:`.checks`)."""
    return _field(rule, doc) if required else _field(rule, doc, None)


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
        return place(each, label) if where == self.top() else f"{where}, {word(each)} {label}"

    def named_place(self, each: str, name: str, where: str) -> str:
        name_word = word(each)
        place = f"{name_word[:1].upper()}{name_word[1:]} '{name}'"
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


#: What one item of each kind of list is called, for messages in the page's language.
EACH_KEYS = {each: "content.each." + each for each in (
    "activity", "answer", "band", "block", "card", "chapter", "column", "cost", "effect",
    "feeling", "format", "item", "option", "part", "preset", "prompt", "quality", "question",
    "response", "role", "scenario", "section", "source", "step", "suggestion", "term", "tool",
    "version")}


def word(each: str) -> str:
    """What one item is called in messages, in the page's language where translated."""
    return t(EACH_KEYS[each]) if each in EACH_KEYS else each


def place(each: str, number: int) -> str:
    """Where an item of a list is, as messages say it: "Item 3"."""
    name = word(each)
    return f"{name[:1].upper()}{name[1:]} {number}"


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
