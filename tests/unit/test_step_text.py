"""`StepText`: a step's Markdown drawn as one block of text (parsed once, wrapped per width)."""

from __future__ import annotations

from rich.console import Console
from rich.style import Style

from tutor.ui.widgets.step_text import Paragraph, step_document


def screen_lines(markdown: str, width: int) -> list[str]:
    console = Console(width=width, color_system=None)
    return ["".join(s.text for s in line) for line in step_document(markdown).lines(console, width)]


def test_paragraphs_flow_and_are_separated_by_a_blank_line() -> None:
    text = "Eerste zin.\nTweede zin.\n\nNieuwe alinea."
    assert screen_lines(text, 40) == ["Eerste zin. Tweede zin.", "", "Nieuwe alinea."]


def test_a_list_follows_its_sentence_and_wraps_under_its_first_word() -> None:
    text = (
        "Vooral bij deze:\n- **Depressie** waarbij gewone middelen niet hielpen.\n- PTSS\n\nDaarna."
    )
    assert screen_lines(text, 30) == [
        "Vooral bij deze:",
        "• Depressie waarbij gewone",
        "  middelen niet hielpen.",
        "• PTSS",
        "",
        "Daarna.",
    ]


def test_numbered_list_as_the_markdown_widget_showed_it() -> None:
    text = "Drie fasen:\n\n1. Voorbereiding\n2. Sessie\n3. Integratie"
    assert screen_lines(text, 40) == [
        "Drie fasen:",
        " 1. Voorbereiding",
        " 2. Sessie",
        " 3. Integratie",
    ]


def test_bold_and_italic_keep_their_style() -> None:
    (paragraph,) = step_document("Een **vet** en *schuin* woord.").blocks
    assert isinstance(paragraph, Paragraph)
    text = paragraph.text
    styles = {text.plain[span.start : span.end]: str(span.style) for span in text.spans}
    assert styles == {"vet": "bold", "schuin": "italic"}


def test_parsed_once_and_lines_kept_per_width() -> None:
    text = "Een tekst die maar één keer wordt gelezen."
    document = step_document(text)
    assert step_document(text) is document
    console = Console(width=20, color_system=None)
    assert document.lines(console, 20) is document.lines(console, 20)
    assert document.lines(console, 20) != document.lines(console, 80)


def test_marker_style_colours_only_the_bullet() -> None:
    document = step_document("- punt").with_marker_style(Style(color="blue"))
    console = Console(width=20, color_system=None)
    (line,) = document.lines(console, 20)
    assert line[0].text == "• " and line[0].style == Style(color="blue")
    assert all(segment.style != Style(color="blue") for segment in line[1:])


def test_unusual_markdown_still_shows_its_words() -> None:
    text = "# Kop\n\n> Een citaat\n\n`code` en [een link](https://example.org)"
    plain = step_document(text).plain
    for words in ("Kop", "Een citaat", "code en een link"):
        assert words in plain
