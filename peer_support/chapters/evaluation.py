"""The Evaluation chapter's own exercises: a low-burden evaluation planner and a
plain-language consent-script builder. (The anonymous session feedback form, which shows group
totals only, is the kit's :mod:`peer_support.kit.feedback`.)

Nothing here is written on the server. Plans and scripts are downloaded from the page.
"""

from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as widgets

from ..content import rules
from ..i18n import t
from ..kit.base import Exercise, from_files
from ..kit.handout import Handout
from ..kit.html import bullets
from ..kit.html import heading as heading_widget
from ..kit.reflection import ReflectionBox
from ..text import check_text, escape

__all__ = [
    "CONSENT",
    "EVALUATION_PLANNER",
    "ConsentBuilder",
    "EvaluationPlanner",
    "consent_builder",
    "evaluation_planner",
]

#: How a standard tool may be used. Only "free" tools may carry question wording in the pack.
ACCESS = ("free", "registration", "licence")
ACCESS_KEYS = {"free": "evaluation.access_free", "registration": "evaluation.access_registration",
               "licence": "evaluation.access_licence"}
PURPOSE_LIMIT = 300
GROUP_NAME_LIMIT = 80
OWN_SENTENCE_LIMIT = 400
#: The consent script must be able to say something about each of these.
REQUIRED_SECTIONS = ("collect", "who-sees", "how-long", "confidentiality")


def _checkbox(label: str, css_class: str, value: bool = False) -> widgets.Checkbox:
    box = widgets.Checkbox(value=value, description=label, indent=False,
                           layout=widgets.Layout(width="100%", height="auto"))
    box.add_class(css_class)
    return box


# ====================================================================================
# The low-burden evaluation planner
# ====================================================================================


@dataclass(frozen=True)
class DataSource:
    """Something a group may already collect, and what it can show."""

    id: str = rules.identifier(unique_in="file")
    label: str = rules.text(160, "What the group may already collect.")
    indicators: list[str] = rules.texts(1, 200, "What it can show.")
    caution: str = rules.text(300, "A word of care about collecting it.", required=False)


@dataclass(frozen=True)
class Tool:
    """A standard wellbeing tool. Only a ``free`` tool may list its questions."""

    id: str = rules.identifier(unique_in="file")
    name: str = rules.text(120, "The tool's name.")
    access: str = rules.one_of(ACCESS, "How it may be used: free, or needing registration or "
                               "a licence (then its questions are never written here).")
    summary: str = rules.text(600, "What it is, in plain words.")
    url: str = rules.text(300, "Its own page, starting https://.")
    link_text: str = rules.text(120, "The words of the link to it.")
    notes: list[str] = rules.texts(1, 300, "Things to know before using it.")
    questions: list[str] = rules.texts(1, 200, "Its questions, only for a free tool.",
                                       required=False)

    def validate(self, fail, where: str) -> None:
        if not self.url.startswith("https://"):
            fail(t("evaluation.needs_https", where=where))
        if self.access != "free" and self.questions:
            fail(t("evaluation.no_questions", where=where, access=self.access))
        if self.access == "free" and not self.questions:
            fail(t("content.needs_texts", where=where, field="questions", minimum=1))


@dataclass(frozen=True)
class PlannerFile:
    title: str = rules.text(120, "The plan's title.")
    intro: str = rules.text(600, "The plan's first line.")
    sources: list[DataSource] = rules.items(DataSource, "source", "What groups often collect "
                                            "already.", minimum=2)
    tools: list[Tool] = rules.items(Tool, "tool", "Standard tools the group might add.")
    good_practice: list[str] = rules.texts(1, 300, "Good practice, at the end of the plan.")


EVALUATION_PLANNER = rules.Kind(PlannerFile, "The low-burden evaluation planner")


def tool_html(tool: Tool) -> str:
    """A standard tool's card: its name, what using it needs, a summary and a link out."""
    questions = ""
    if tool.questions:
        questions = ("<ol>" + "".join(f"<li>{escape(q)}</li>" for q in tool.questions)
                     + "</ol>")
    notes = "<ul>" + "".join(f"<li>{escape(n)}</li>" for n in tool.notes) + "</ul>"
    access = t(ACCESS_KEYS[tool.access])
    return (
        f'<div class="pack-card pack-tool"><h4>{escape(tool.name)}</h4>'
        f"<p><strong>{escape(access)}</strong></p><p>{escape(tool.summary)}</p>"
        f"{questions}{notes}"
        f'<p><a href="{escape(tool.url)}" rel="noopener noreferrer">'
        f"{escape(tool.link_text)}</a> {escape(t('evaluation.leaves_page'))}</p></div>"
    )


class EvaluationPlanner(Exercise):
    """Tick what you already collect; see suggested indicators; add standard tools; download.

    Parameters
    ----------
    content : PlannerFile
        The sources, tools and good practice, from the planner's file.
    """

    prepare_key = "evaluation.planner_prepare"

    def __init__(self, content: PlannerFile, **kwargs):
        self.content = content
        self.source_boxes = {}
        for source in content.sources:
            box = _checkbox(source.label, f"qa-planner-source-{source.id}")
            box.add_class("qa-planner-source")
            box.observe(lambda change, s=source: self._on_source(s, change["new"]),
                        names="value")
            self.source_boxes[source.id] = box
        self.indicator_view = widgets.HTML()
        self.indicator_view.add_class("qa-planner-indicators")
        self.tool_boxes = {}
        self.tool_parts: list[widgets.Widget] = []
        for tool in content.tools:
            key = "evaluation.add_free_tool" if tool.access == "free" else "evaluation.add_reminder"
            box = _checkbox(t(key, name=tool.name), f"qa-planner-tool-{tool.id}")
            box.add_class("qa-planner-tool")
            box.observe(lambda change, tool=tool: self._on_tool(tool, change["new"]),
                        names="value")
            self.tool_boxes[tool.id] = box
            self.tool_parts += [widgets.HTML(tool_html(tool)), box]
        self.purpose = ReflectionBox(t("evaluation.purpose_label"), t("evaluation.purpose_hint"),
                                     limit=PURPOSE_LIMIT)
        self.purpose.text_area.add_class("qa-planner-purpose")
        super().__init__(download="evaluation-plan", **kwargs)
        self.watch(*self.source_boxes.values(), *self.tool_boxes.values(), self.purpose)
        self.add_class("pack-evaluation-planner")
        self._draw_indicators()

    def build(self) -> list[widgets.Widget]:
        return [
            heading_widget(t("evaluation.collect_heading"), 3, t("evaluation.collect_hint")),
            *self.source_boxes.values(),
            self.indicator_view,
            heading_widget(t("evaluation.tools_heading"), 3, t("evaluation.tools_hint")),
            *self.tool_parts,
            self.purpose,
            self.status,
            self.download,
        ]

    # ---- state ----

    def tick(self, source_id: str, on: bool = True) -> None:
        """Tick (or untick) something the group already collects. KeyError if unknown."""
        self.source_boxes[source_id].value = bool(on)

    def add_tool(self, tool_id: str, on: bool = True) -> None:
        """Add (or take out) a standard tool. KeyError if unknown."""
        self.tool_boxes[tool_id].value = bool(on)

    def ticked(self) -> list[DataSource]:
        return [s for s in self.content.sources if self.source_boxes[s.id].value]

    def tools(self) -> list[Tool]:
        return [tool for tool in self.content.tools if self.tool_boxes[tool.id].value]

    def indicators(self) -> list[str]:
        """Suggested indicators for what is ticked, in order, without repeats."""
        found: list[str] = []
        for source in self.ticked():
            found += [i for i in source.indicators if i not in found]
        return found

    def _on_source(self, source: DataSource, on: bool) -> None:
        self._draw_indicators()
        key = "evaluation.source_ticked" if on else "evaluation.source_unticked"
        self.status.say(t(key, label=source.label, count=len(self.indicators())))

    def _on_tool(self, tool: Tool, on: bool) -> None:
        key = "evaluation.tool_added" if on else "evaluation.tool_removed"
        self.status.say(t(key, name=tool.name))

    def _draw_indicators(self) -> None:
        heading = f"<h4>{escape(t('evaluation.indicators_heading'))}</h4>"
        indicators = self.indicators()
        if not indicators:
            self.indicator_view.value = heading + f"<p>{escape(t('evaluation.none_ticked'))}</p>"
            return
        cautions = [s.caution for s in self.ticked() if s.caution]
        care = ""
        if cautions:
            care = (f"<p><strong>{escape(t('evaluation.take_care'))}</strong></p>"
                    f"{bullets(cautions)}")
        self.indicator_view.value = f"{heading}{bullets(indicators)}{care}"

    # ---- the download ----

    def reset_answers(self) -> None:
        for box in (*self.source_boxes.values(), *self.tool_boxes.values()):
            box.value = False
        self.purpose.clear()

    def handout(self) -> Handout | str:
        """The plan: exactly what was ticked and typed, with the tools chosen."""
        purpose = self.purpose.checked
        if purpose.too_long:
            return t("handout.waiting")
        ticked, tools = self.ticked(), self.tools()
        if not ticked and not tools and purpose.is_empty:
            return t("evaluation.planner_nothing")
        handout = Handout(self.content.title, self.content.intro)
        handout.add(t("evaluation.plan_purpose"), [purpose.text] if purpose.text else [])
        handout.add(t("evaluation.plan_collect"), [s.label for s in ticked])
        handout.add(t("evaluation.indicators_heading"), self.indicators())
        handout.add(t("evaluation.take_care"), [s.caution for s in ticked if s.caution])
        for tool in tools:
            items = list(tool.questions) + list(tool.notes)
            items.append(t("evaluation.plan_link", text=tool.link_text, url=tool.url))
            access = t(ACCESS_KEYS[tool.access])
            handout.add(f"{tool.name} ({access})", items)
        handout.add(t("evaluation.plan_good_practice"), self.content.good_practice)
        return handout


def evaluation_planner(path: str = "evaluation/planner.yaml"):
    """The evaluation planner from a file in ``assets/``; a calm message if it is broken."""
    return from_files(EvaluationPlanner, EVALUATION_PLANNER.at(path))


# ====================================================================================
# The consent-script builder
# ====================================================================================


@dataclass(frozen=True)
class ConsentOption:
    id: str = rules.identifier(unique_in="file")
    text: str = rules.text(400, "A plain-language sentence for the script.")
    default: bool = rules.flag("Ticked at the start.")


@dataclass(frozen=True)
class ConsentSection:
    id: str = rules.identifier()
    heading: str = rules.text(120, "The section's heading.")
    options: list[ConsentOption] = rules.items(ConsentOption, "option", "Sentences to choose "
                                               "from.")
    hint: str = rules.text(300, "A line under the heading.", required=False)


@dataclass(frozen=True)
class ConsentFile:
    title: str = rules.text(120, "The script's title.")
    intro: str = rules.text(600, "A note above the builder.")
    sections: list[ConsentSection] = rules.items(ConsentSection, "section", "The script's "
                                                 "parts; these ids are needed: "
                                                 + ", ".join(REQUIRED_SECTIONS) + ".")

    def validate(self, fail, where: str) -> None:
        missing = [name for name in REQUIRED_SECTIONS
                   if name not in {section.id for section in self.sections}]
        if missing:
            fail(t("evaluation.needs_sections", ids=", ".join(missing)))


CONSENT = rules.Kind(ConsentFile, "The consent-script builder")


class ConsentBuilder(Exercise):
    """Choose plain-language sentences for each part of a consent script, add your own, see
    the script as it stands, and download it to print.

    Parameters
    ----------
    content : ConsentFile
        The script's title, the note above the builder, and its sections.
    """

    prepare_key = "evaluation.consent_prepare"

    def __init__(self, content: ConsentFile, **kwargs):
        self.title = content.title
        self.intro = content.intro
        self.sections = content.sections
        self.group_name = widgets.Text(description=t("evaluation.group_name"),
                                       continuous_update=False,
                                       style={"description_width": "initial"},
                                       layout=widgets.Layout(width="100%", max_width="40rem"))
        self.group_name.add_class("qa-consent-group")
        self.boxes: dict[str, dict[str, widgets.Checkbox]] = {}
        self.own: dict[str, ReflectionBox] = {}
        self.preview = widgets.HTML()
        self.preview.add_class("qa-consent-preview")
        super().__init__(download="how-we-use-information", **kwargs)
        self.watch(self.group_name, *self.own.values(),
                   *(box for boxes in self.boxes.values() for box in boxes.values()))
        self.on_change(self._draw_preview)
        self.add_class("pack-consent-builder")
        self._draw_preview()

    def build(self) -> list[widgets.Widget]:
        parts: list[widgets.Widget] = [widgets.HTML(f"<p>{escape(self.intro)}</p>"),
                                       self.group_name]
        for section in self.sections:
            parts.append(heading_widget(section.heading, 4, section.hint))
            boxes = {}
            for option in section.options:
                box = _checkbox(option.text, f"qa-consent-{option.id}", option.default)
                box.add_class("qa-consent-option")
                box.observe(lambda change, o=option: self._on_tick(o, change["new"]),
                            names="value")
                boxes[option.id] = box
                parts.append(box)
            self.boxes[section.id] = boxes
            own = ReflectionBox(t("evaluation.own_sentence", heading=section.heading),
                                limit=OWN_SENTENCE_LIMIT)
            own.text_area.add_class(f"qa-consent-own-{section.id}")
            self.own[section.id] = own
            parts.append(own)
        return [*parts, self.status, self.preview, self.download]

    def toggle(self, section_id: str, option_id: str, on: bool = True) -> None:
        """Put a sentence in (or take it out of) the script. KeyError if unknown."""
        self.boxes[section_id][option_id].value = bool(on)

    def write_own(self, section_id: str, text: str) -> None:
        """Type a sentence of the group's own into a section. KeyError if unknown."""
        self.own[section_id].write(text)

    def set_group_name(self, text: str) -> None:
        self.group_name.value = text

    def script_title(self) -> str:
        name = check_text(self.group_name.value, GROUP_NAME_LIMIT)
        if name.text and not name.too_long:
            return t("evaluation.consent_title_named", title=self.title, name=name.text)
        return self.title

    def script(self) -> list[tuple[str, list[str]]]:
        """Each section's heading with its chosen sentences, then the group's own sentence."""
        result = []
        for section in self.sections:
            sentences = [option.text for option in section.options
                         if self.boxes[section.id][option.id].value]
            own = self.own[section.id].checked.usable
            if own:
                sentences.append(own)
            result.append((section.heading, sentences))
        return result

    def missing(self) -> list[str]:
        """Headings of the required sections that say nothing yet."""
        return [heading for section, (heading, sentences) in zip(self.sections, self.script(),
                                                                  strict=True)
                if section.id in REQUIRED_SECTIONS and not sentences]

    def _on_tick(self, option: ConsentOption, on: bool) -> None:
        key = "evaluation.sentence_added" if on else "evaluation.sentence_removed"
        self.status.say(t(key, text=option.text))

    def _too_long(self) -> str:
        name = check_text(self.group_name.value, GROUP_NAME_LIMIT)
        if name.too_long:
            return t("evaluation.group_name_too_long", limit=GROUP_NAME_LIMIT)
        if any(box.checked.too_long for box in self.own.values()):
            return t("handout.waiting")
        return ""

    def _draw_preview(self) -> None:
        parts = [f"<h4>{escape(t('evaluation.preview_heading'))}</h4>",
                 f'<div class="pack-card"><h3>{escape(self.script_title())}</h3>']
        for heading, sentences in self.script():
            if sentences:
                parts.append(f"<h4>{escape(heading)}</h4>{bullets(sentences)}")
        parts.append("</div>")
        missing = self.missing()
        if missing:
            parts.append(f'<p class="pack-message pack-message--warning">'
                         f"{escape(t('evaluation.still_to_cover', sections='; '.join(missing)))}"
                         "</p>")
        problem = self._too_long()
        if problem:
            parts.append(f'<p class="pack-message">{escape(problem)}</p>')
        self.preview.value = "".join(parts)

    def reset_answers(self) -> None:
        self.group_name.value = ""
        for section in self.sections:
            for option in section.options:
                self.boxes[section.id][option.id].value = option.default
            self.own[section.id].clear()

    def handout(self) -> Handout | str:
        """The script to print: exactly the chosen and typed sentences, section by section."""
        problem = self._too_long()
        if problem:
            return problem
        handout = Handout(self.script_title())
        for heading, sentences in self.script():
            handout.add(heading, sentences)
        return handout


def consent_builder(path: str = "evaluation/consent.yaml"):
    """The consent-script builder from a file in ``assets/``; a calm message if broken."""
    return from_files(ConsentBuilder, CONSENT.at(path))
