"""A step's heading: the title and the evidence badge in its level's colours, step after step.

The heading is one widget (`StepHeading`) that draws the title and, at the right of
its first line, the badge. This checks what it draws, level after level, against
the theme: the badge's background is the level's theme colour and its text black
on the orange "Gezien bij dieren" and the theme's text colour elsewhere; the title
wraps in the room the badge leaves; the trainer's boxed title keeps its padding.
"""

from __future__ import annotations

import pytest
from rich.segment import Segment
from textual.app import App, ComposeResult
from textual.color import Color

from tutor.core.text import common as strings
from tutor.ui import BASE_CSS
from tutor.ui.widgets.heading import StepHeading

THEME_COLOUR = {
    "established": "success",
    "human-early": "primary",
    "animal": "warning",
    "unknown": "panel",
}
TITLE = "Meer dan een feestdrug"


class HeadingApp(App[None]):
    CSS_PATH = BASE_CSS

    def __init__(self, title: str, level: str | None) -> None:
        super().__init__()
        self.heading = StepHeading(title, level, id="step-heading")

    def compose(self) -> ComposeResult:
        yield self.heading


def line(heading: StepHeading, y: int = 0) -> str:
    return "".join(segment.text for segment in heading.render_line(y))


def _badge_segments(heading: StepHeading) -> list[Segment]:
    label = strings.EVIDENCE_LABELS[heading.level] if heading.level else ""
    return [s for s in heading.render_line(0) if label and s.text.strip() == label]


def _expected(app: App[None], level: str) -> tuple[Color, Color]:
    """The level's background, and its text colour as Textual derives `$text` from it."""
    background = Color.parse(app.theme_variables[THEME_COLOUR[level]])
    if level == "animal":
        return background, Color.parse("black")
    return background, background + background.get_contrast_text(0.87)


def _assert_colours(app: App[None], heading: StepHeading, level: str) -> None:
    segments = _badge_segments(heading)
    assert len(segments) == 1, line(heading)
    background, text = _expected(app, level)
    style = segments[0].style
    assert style is not None
    assert style.bgcolor == background.rich_color
    assert style.color == text.rich_color
    assert style.bold


@pytest.mark.parametrize("first", ["animal", None])
async def test_the_badge_takes_each_level_s_colours_in_turn(first: str | None) -> None:
    app = HeadingApp(TITLE, first)
    async with app.run_test(size=(70, 5)) as pilot:
        heading = app.heading
        await pilot.pause()
        if first is not None:
            _assert_colours(app, heading, first)
        for level in ["established", "animal", "human-early", "unknown", "established"]:
            heading.show(f"{TITLE} ({level})", level)
            await pilot.pause()
            shown = line(heading)
            assert shown.startswith(f"{TITLE} ({level})")
            assert shown.endswith(f" {strings.EVIDENCE_LABELS[level]} ")  # at the right edge
            assert len(shown) == 70
            _assert_colours(app, heading, level)
        heading.show(TITLE, None)
        await pilot.pause()
        assert line(heading).rstrip() == TITLE
        assert not _badge_segments(heading)


async def test_the_title_is_bold_in_the_accent_colour() -> None:
    app = HeadingApp(TITLE, "unknown")
    async with app.run_test(size=(60, 5)) as pilot:
        await pilot.pause()
        first = list(app.heading.render_line(0))[0]
        assert first.text.startswith("Meer")
        assert first.style is not None and first.style.bold
        assert first.style.color == Color.parse(app.theme_variables["accent"]).rich_color


async def test_a_long_title_wraps_beside_the_badge_and_the_height_follows() -> None:
    long_title = "Wat een nieuwe hersenscan-studie liet zien over ketamine en verbindingen"
    app = HeadingApp(TITLE, "human-early")
    async with app.run_test(size=(70, 8)) as pilot:
        heading = app.heading
        await pilot.pause()
        assert heading.size.height == 1
        heading.show(long_title, "human-early")
        await pilot.pause()
        badge = len(strings.EVIDENCE_LABELS["human-early"]) + 2
        assert heading.size.height >= 2
        lines = [line(heading, y) for y in range(heading.size.height)]
        words = " ".join(text[: 70 - badge].strip() for text in lines)
        assert words == long_title  # every word, in the room the badge leaves
        assert lines[0].endswith(f" {strings.EVIDENCE_LABELS['human-early']} ")
        assert all(text[70 - badge :].strip() == "" for text in lines[1:])
        heading.show(TITLE, "human-early")
        await pilot.pause()
        assert heading.size.height == 1


async def test_the_trainer_s_boxed_title_keeps_a_cell_of_padding() -> None:
    class Boxed(HeadingApp):
        CSS = """
        StepHeading > .step-heading--title { padding: 0 1; background: $accent 25%; }
        """

    app = Boxed(TITLE, "animal")
    async with app.run_test(size=(60, 5)) as pilot:
        await pilot.pause()
        shown = line(app.heading)
        assert shown.startswith(f" {TITLE}")
        box = list(app.heading.render_line(0))[0]
        assert box.style is not None and box.style.bgcolor is not None  # the box's background
        _assert_colours(app, app.heading, "animal")
