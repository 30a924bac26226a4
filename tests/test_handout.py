"""Tests for kit.handout: exactly the chosen items, escaped, and carried in the link."""

import base64
import re

from peer_support.i18n import t
from peer_support.kit.handout import (
    DownloadPanel,
    Handout,
    Section,
    data_uri,
    download_links,
    escape_markdown,
)

WELSH_AND_EMOJI = "d\u0175r, t\u0177 a \U0001F33C"
SCRIPT = "<script>alert('x')</script>"


def make_handout() -> Handout:
    handout = Handout("My notes", "Just for me.")
    handout.add("Words I choose", ["strong", "kind"])
    handout.add("Left empty", [])
    handout.add("Words to keep", ["steady"])
    return handout


def markdown_items(markdown: str) -> list[str]:
    return [line[2:] for line in markdown.splitlines() if line.startswith("- ")]


def html_items(html: str) -> list[str]:
    return re.findall(r"<li>(.*?)</li>", html, re.S)


def decode_data_uri(uri: str) -> str:
    prefix, _, payload = uri.partition(";base64,")
    assert prefix.startswith("data:")
    return base64.b64decode(payload).decode("utf-8")


def links_in(html: str) -> dict[str, str]:
    """Map each download's class (qa-download-html / -markdown) to its decoded content."""
    found = re.findall(r'href="([^"]+)" class="(qa-download-[a-z]+)"', html)
    return {name: decode_data_uri(href) for href, name in found}


# ---- Handout ----


def test_handout_markdown_has_exactly_the_items() -> None:
    assert markdown_items(make_handout().to_markdown()) == ["strong", "kind", "steady"]


def test_handout_html_has_exactly_the_items() -> None:
    assert html_items(make_handout().to_html()) == ["strong", "kind", "steady"]


def test_handout_markdown_leaves_out_empty_sections() -> None:
    markdown = make_handout().to_markdown()
    assert "Left empty" not in markdown
    headings = [line for line in markdown.splitlines() if line.startswith("## ")]
    assert headings == ["## Words I choose", "## Words to keep"]


def test_handout_html_leaves_out_empty_sections() -> None:
    html = make_handout().to_html()
    assert "Left empty" not in html
    assert re.findall(r"<h2>(.*?)</h2>", html) == ["Words I choose", "Words to keep"]


def test_handout_items_sit_under_their_heading() -> None:
    markdown = make_handout().to_markdown()
    assert markdown.index("## Words I choose") < markdown.index("- kind")
    assert markdown.index("- kind") < markdown.index("## Words to keep")
    assert markdown.index("## Words to keep") < markdown.index("- steady")


def test_handout_item_count_skips_empty_sections() -> None:
    handout = make_handout()
    assert handout.item_count == 3
    assert [section.heading for section in handout.filled_sections] == [
        "Words I choose", "Words to keep"]


def test_handout_markdown_has_title_and_intro() -> None:
    markdown = make_handout().to_markdown()
    assert markdown.startswith("# My notes\n")
    assert "Just for me." in markdown


def test_handout_html_without_intro_has_no_intro_paragraph() -> None:
    handout = Handout("Title only", sections=[Section("Words", ["one"])])
    assert "<p>" not in handout.to_html()


def test_handout_html_escapes_script() -> None:
    handout = Handout(SCRIPT, SCRIPT)
    handout.add(SCRIPT, [SCRIPT])
    html = handout.to_html()
    assert "<script>" not in html
    assert html.count("&lt;script&gt;") == 5  # <title>, <h1>, intro, <h2>, <li>


def test_handout_markdown_escapes_script() -> None:
    handout = Handout("Notes")
    handout.add("Words", [SCRIPT])
    markdown = handout.to_markdown()
    assert "<script>" not in markdown
    assert "\\<script\\>" in markdown


def test_escape_markdown_escapes_formatting() -> None:
    assert escape_markdown("*bold* _it_ `code` [link](x)") == (
        "\\*bold\\* \\_it\\_ \\`code\\` \\[link\\](x)")


def test_escape_markdown_escapes_line_marks() -> None:
    assert escape_markdown("# not a heading\n- not a list\n1. not numbered") == (
        "\\# not a heading\n\\- not a list\n1\\. not numbered")


def test_handout_markdown_keeps_multi_line_item_in_its_bullet() -> None:
    handout = Handout("Notes")
    handout.add("Words", ["first line\n# second line"])
    markdown = handout.to_markdown()
    assert "- first line\n  \\# second line" in markdown


def test_handout_large_print_uses_bigger_type() -> None:
    def font_size(html: str) -> int:
        return int(re.search(r"font-size: (\d+)pt", html).group(1))

    small = Handout("Words", large_print=False)
    large = Handout("Words", large_print=True)
    assert font_size(large.to_html()) > font_size(small.to_html())


def test_handout_keeps_welsh_and_emoji() -> None:
    handout = Handout("Notes")
    handout.add("Words", [WELSH_AND_EMOJI])
    assert html_items(handout.to_html()) == [WELSH_AND_EMOJI]
    assert markdown_items(handout.to_markdown()) == [WELSH_AND_EMOJI]


# ---- data URIs and links ----


def test_data_uri_round_trips_utf8() -> None:
    uri = data_uri(WELSH_AND_EMOJI, "text/markdown")
    assert uri.startswith("data:text/markdown;charset=utf-8;base64,")
    assert decode_data_uri(uri) == WELSH_AND_EMOJI


def test_data_uri_is_ascii() -> None:
    assert data_uri(WELSH_AND_EMOJI, "text/html").isascii()


def test_download_links_carry_the_handout() -> None:
    handout = make_handout()
    links = links_in(download_links(handout, "my-notes"))
    assert links == {"qa-download-html": handout.to_html(),
                     "qa-download-markdown": handout.to_markdown()}


def test_download_links_name_files_from_basename() -> None:
    html = download_links(make_handout(), "our-words")
    assert re.findall(r'download="([^"]+)"', html) == ["our-words.html", "our-words.md"]


# ---- DownloadPanel ----


def test_download_panel_starts_without_links() -> None:
    panel = DownloadPanel(make_handout)
    assert panel.links.value == ""
    assert panel.handout is None


def test_download_panel_prepare_offers_links_when_there_is_something() -> None:
    panel = DownloadPanel(make_handout)
    result = panel.prepare()
    assert result is panel.handout
    assert set(links_in(panel.links.value)) == {"qa-download-html", "qa-download-markdown"}
    assert panel.status.message == t("handout.ready", count=3)


def test_download_panel_link_content_equals_handout() -> None:
    panel = DownloadPanel(make_handout)
    handout = panel.prepare()
    links = links_in(panel.links.value)
    assert links["qa-download-html"] == handout.to_html()
    assert links["qa-download-markdown"] == handout.to_markdown()


def test_download_panel_link_keeps_welsh_and_emoji() -> None:
    def build() -> Handout:
        handout = Handout("Notes")
        handout.add("Words", [WELSH_AND_EMOJI])
        return handout

    panel = DownloadPanel(build)
    panel.prepare()
    assert WELSH_AND_EMOJI in links_in(panel.links.value)["qa-download-markdown"]


def test_download_panel_prepare_with_nothing_offers_no_links() -> None:
    panel = DownloadPanel(lambda: Handout("Empty", sections=[Section("Words", [])]))
    assert panel.prepare() is None
    assert panel.links.value == ""
    assert panel.handout is None
    assert panel.status.message == t("handout.nothing")


def test_download_panel_prepare_shows_message_string() -> None:
    panel = DownloadPanel(lambda: "Please shorten the second answer.")
    assert panel.prepare() is None
    assert panel.links.value == ""
    assert panel.status.message == "Please shorten the second answer."


def test_download_panel_message_withdraws_earlier_links() -> None:
    results: list = [make_handout(), "Not yet."]
    panel = DownloadPanel(lambda: results.pop(0))
    panel.prepare()
    panel.prepare()
    assert panel.links.value == ""
    assert panel.handout is None


def test_download_panel_builds_latest_answers() -> None:
    answers = ["first"]

    def build() -> Handout:
        handout = Handout("Notes")
        handout.add("Answers", list(answers))
        return handout

    panel = DownloadPanel(build)
    panel.prepare()
    answers.append("second")
    panel.prepare()
    assert markdown_items(links_in(panel.links.value)["qa-download-markdown"]) == [
        "first", "second"]


def test_download_panel_button_click_prepares() -> None:
    panel = DownloadPanel(make_handout)
    panel.prepare_button.click()
    assert panel.handout is not None
    assert panel.links.value != ""


def test_download_panel_reset_withdraws_links() -> None:
    panel = DownloadPanel(make_handout)
    panel.prepare()
    panel.reset()
    assert panel.links.value == ""
    assert panel.handout is None


def test_download_panel_button_label_defaults_to_catalogue() -> None:
    assert DownloadPanel(make_handout).prepare_button.description == t("handout.prepare")
    assert DownloadPanel(make_handout, button_label="Get it").prepare_button.description == (
        "Get it")
