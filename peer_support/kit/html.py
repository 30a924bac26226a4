"""Small pieces of page markup every exercise uses, each built from escaped text only."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import ipywidgets as widgets

from ..text import escape

__all__ = ["bullets", "button", "heading", "label_above", "paragraph"]


def bullets(values: Iterable[str], ordered: bool = False, css: str = "") -> str:
    """A list as HTML: ``<ul>`` (or ``<ol>``), one ``<li>`` per value, every value escaped."""
    tag = "ol" if ordered else "ul"
    attribute = f' class="{css}"' if css else ""
    return (f"<{tag}{attribute}>" + "".join(f"<li>{escape(value)}</li>" for value in values)
            + f"</{tag}>")


def heading(text: str, level: int = 3, paragraph: str = "") -> widgets.HTML:
    """A heading (and, if given, a sentence under it) as a widget."""
    extra = f"<p>{escape(paragraph)}</p>" if paragraph else ""
    return widgets.HTML(f"<h{level}>{escape(text)}</h{level}>{extra}")


def paragraph(text: str, css: str = "") -> widgets.HTML:
    """A paragraph as a widget."""
    attribute = f' class="{css}"' if css else ""
    return widgets.HTML(f"<p{attribute}>{escape(text)}</p>")


def label_above(max_width: str = "40rem") -> dict:
    """The look of a text box whose label sits on its own line above it, as wide as the page
    allows up to a comfortable line length: pass as ``**label_above()``."""
    return {"style": {"description_width": "100%"},
            "layout": widgets.Layout(width="100%", max_width=max_width)}


def button(description: str, css: str, action: Callable[[], object]) -> widgets.Button:
    """A real button with its words, a class naming it (for tests and styles), and what a
    click, a tap, Enter or Space on it does."""
    made = widgets.Button(description=description)
    made.add_class(css)
    made.on_click(lambda _: action())
    return made
