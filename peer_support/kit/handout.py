"""Handouts built in the page from a person's own answers, downloaded straight to her device.

Nothing is written on the server: the file travels inside the download link itself (a
``data:`` URI). A handout contains exactly the items it is given; empty and passed answers
are left out by the exercise before they get here.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import ipywidgets as widgets

from ..i18n import HTML_LANG, current_language, t
from ..text import escape
from .html import button
from .status import LiveStatus

__all__ = ["DownloadPanel", "Handout"]

_MARKDOWN_INLINE = re.compile(r"([\\`*_\[\]<>|~])")
_MARKDOWN_LINE_MARK = re.compile(r"^(\s*)([#+=-])", re.MULTILINE)
_MARKDOWN_LINE_NUMBER = re.compile(r"^(\s*\d+)([.)])", re.MULTILINE)


def escape_markdown(text: str) -> str:
    """Backslash-escape Markdown punctuation, so typed text shows as typed, not as formatting.

    ``<`` is escaped too, so ``<script>`` stays text in viewers that allow raw HTML.
    """
    text = _MARKDOWN_INLINE.sub(r"\\\1", text)
    text = _MARKDOWN_LINE_MARK.sub(r"\1\\\2", text)
    return _MARKDOWN_LINE_NUMBER.sub(r"\1\\\2", text)


@dataclass
class Section:
    """One titled list in a handout. Items are plain text."""

    heading: str
    items: list[str] = field(default_factory=list)


@dataclass
class Handout:
    """A printable handout.

    Parameters
    ----------
    title : str
        Shown at the top of the page and used as the document title.
    intro : str
        An optional sentence under the title.
    sections : list of Section
        The content, in order. Sections with no items are left out.
    large_print : bool
        Poster-sized type, for a group agreement or "our words" on the wall.
    figure : str
        A drawing (SVG markup from :mod:`peer_support.kit.charts`, already escaped there)
        placed after the intro, in the printable web page only; the sections must say the
        same in words, which is what the Markdown file carries.
    figure_class : str
        The figure's class, styled by ``css``.
    css : str
        Extra CSS for the printable page (for example to fit a plan on one A4 page).
    columns : tuple of str
        Headings of sections to print in two columns.
    """

    title: str
    intro: str = ""
    sections: list[Section] = field(default_factory=list)
    large_print: bool = False
    figure: str = ""
    figure_class: str = "pack-handout-figure"
    css: str = ""
    columns: tuple[str, ...] = ()

    def add(self, heading: str, items: list[str]) -> None:
        """Add a section (kept only if it has items)."""
        self.sections.append(Section(heading, list(items)))

    @property
    def filled_sections(self) -> list[Section]:
        return [section for section in self.sections if section.items]

    @property
    def item_count(self) -> int:
        return sum(len(section.items) for section in self.filled_sections)

    def to_markdown(self) -> str:
        """The handout as Markdown text."""
        lines = [f"# {escape_markdown(self.title)}", ""]
        if self.intro:
            lines += [escape_markdown(self.intro), ""]
        for section in self.filled_sections:
            lines += [f"## {escape_markdown(section.heading)}", ""]
            for item in section.items:
                body = escape_markdown(item).replace("\n", "\n  ")
                lines.append(f"- {body}")
            lines.append("")
        lines.append(f"_{escape_markdown(t('handout.made_with'))}_")
        return "\n".join(lines) + "\n"

    def to_html(self) -> str:
        """The handout as a standalone web page that prints cleanly on A4."""
        size = "28pt" if self.large_print else "13pt"
        parts = [
            "<!DOCTYPE html>",
            f'<html lang="{HTML_LANG[current_language()]}">',
            "<head>",
            '<meta charset="utf-8">',
            f"<title>{escape(self.title)}</title>",
            "<style>",
            "@page { size: A4; margin: 15mm; }",
            f"body {{ font-family: Arial, Helvetica, sans-serif; font-size: {size};"
            " line-height: 1.5; color: #0b0c0c; background: #fff; max-width: 46em;"
            " margin: 1em auto; padding: 0 1em; }",
            "h1 { font-size: 1.8em; margin: 0 0 0.4em; }",
            "h2 { font-size: 1.3em; margin: 1.2em 0 0.3em; break-after: avoid; }",
            "li { margin-bottom: 0.4em; white-space: pre-wrap; overflow-wrap: anywhere;"
            " break-inside: avoid; }",
            "footer { margin-top: 2em; font-size: 0.8em; color: #505a5f; }",
            ".pack-handout-figure { margin: 1em 0; break-inside: avoid; }",
            ".pack-handout-columns { columns: 2; column-gap: 2em; }",
            self.css,
            "</style>",
            "</head>",
            "<body>",
            f"<h1>{escape(self.title)}</h1>",
        ]
        if self.intro:
            parts.append(f"<p>{escape(self.intro)}</p>")
        if self.figure:
            parts.append(f'<figure class="{self.figure_class}">{self.figure}</figure>')
        for section in self.filled_sections:
            parts.append(f"<h2>{escape(section.heading)}</h2>")
            in_columns = ' class="pack-handout-columns"' if section.heading in self.columns else ""
            parts.append(f"<ul{in_columns}>")
            parts += [f"<li>{escape(item)}</li>" for item in section.items]
            parts.append("</ul>")
        parts += [f"<footer>{escape(t('handout.made_with'))}</footer>", "</body>", "</html>"]
        return "\n".join(parts) + "\n"


def data_uri(text: str, mime: str) -> str:
    """Pack ``text`` (UTF-8) into a ``data:`` URI for a download link."""
    encoded = base64.b64encode(text.encode("utf-8")).decode("ascii")
    return f"data:{mime};charset=utf-8;base64,{encoded}"


def download_links(handout: Handout, basename: str) -> str:
    """HTML for two download links: a printable web page and a Markdown file."""
    html_link = data_uri(handout.to_html(), "text/html")
    markdown_link = data_uri(handout.to_markdown(), "text/markdown")
    return (
        '<p class="pack-download-links">'
        f'<a download="{escape(basename)}.html" href="{html_link}" class="qa-download-html">'
        f"{escape(t('handout.download_html'))}</a>"
        f'<a download="{escape(basename)}.md" href="{markdown_link}" class="qa-download-markdown">'
        f"{escape(t('handout.download_markdown'))}</a>"
        "</p>"
    )


class DownloadPanel(widgets.VBox):
    """A "Prepare my download" button that builds the handout from the answers as they are now.

    Building on request (rather than on every key press) means the download always holds the
    latest answers, including one still being typed when the button is pressed.

    Parameters
    ----------
    build : callable
        Returns the :class:`Handout` to offer, or a message string when it cannot be built yet
        (for example an answer is too long).
    basename : str
        File name without extension. Keep it neutral: it is visible in the downloads folder.
    button_label : str, optional
        Text of the prepare button.
    """

    def __init__(self, build: Callable[[], Handout | str], basename: str = "workshop-notes",
                 button_label: str | None = None, **kwargs):
        self.build = build
        self.basename = basename
        self.prepare_button = button(button_label or t("handout.prepare"), "qa-prepare-download",
                                     lambda: self.prepare())
        self.links = widgets.HTML()
        self.status = LiveStatus()
        self.handout: Handout | None = None
        super().__init__([self.prepare_button, self.status, self.links], **kwargs)
        self.add_class("pack-download")

    def prepare(self) -> Handout | None:
        """Build the handout now and offer it; return it, or None if there is nothing to offer."""
        result = self.build()
        if isinstance(result, str) or result.item_count == 0:
            self.reset()
            self.status.say(result if isinstance(result, str) else t("handout.nothing"))
            return None
        self.handout = result
        self.links.value = download_links(result, self.basename)
        self.status.say(t("handout.ready", count=result.item_count))
        return result

    def reset(self) -> None:
        """Withdraw the links (for example after answers are cleared)."""
        self.handout = None
        self.links.value = ""
