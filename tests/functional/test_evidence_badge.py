"""The evidence badge keeps its level's colours when a step of another level follows.

The colours are inline styles (a class per level restyled the badge through the
whole stylesheet on every step), so this checks what the badge draws, level after
level, against the theme: the background is the level's theme colour and the text
is black on the orange "Gezien bij dieren" and the theme's text colour elsewhere.
"""

from __future__ import annotations

import pytest
from rich.segment import Segment
from textual.app import App, ComposeResult
from textual.color import Color

from tutor.core.text import common as strings
from tutor.ui import BASE_CSS
from tutor.ui.widgets.evidence import EvidenceBadge

THEME_COLOUR = {
    "established": "success",
    "human-early": "primary",
    "animal": "warning",
    "unknown": "panel",
}


class BadgeApp(App[None]):
    CSS_PATH = BASE_CSS

    def __init__(self, level: str | None) -> None:
        super().__init__()
        self.level = level

    def compose(self) -> ComposeResult:
        yield EvidenceBadge(self.level)


def _drawn(badge: EvidenceBadge) -> list[Segment]:
    return [segment for segment in badge.render_line(0) if segment.text.strip()]


def _expected(app: App[None], level: str) -> tuple[Color, Color]:
    """The level's background, and its text colour as Textual derives `$text` from it."""
    background = Color.parse(app.theme_variables[THEME_COLOUR[level]])
    if level == "animal":
        return background, Color.parse("black")
    return background, background + background.get_contrast_text(0.87)


def _assert_colours(app: App[None], badge: EvidenceBadge, level: str) -> None:
    segments = _drawn(badge)
    assert "".join(s.text for s in segments).strip() == strings.EVIDENCE_LABELS[level]
    background, text = _expected(app, level)
    for segment in segments:
        assert segment.style is not None
        assert segment.style.bgcolor == background.rich_color
        assert segment.style.color == text.rich_color
        assert segment.style.bold


@pytest.mark.parametrize("first", ["animal", None])
async def test_the_badge_takes_each_level_s_colours_in_turn(first: str | None) -> None:
    app = BadgeApp(first)
    async with app.run_test(size=(60, 5)) as pilot:
        badge = app.query_one(EvidenceBadge)
        await pilot.pause()
        if first is not None:
            _assert_colours(app, badge, first)
        for level in ["established", "animal", "human-early", "unknown", "established"]:
            badge.show(level)
            await pilot.pause()
            assert badge.display
            assert badge.size.width == len(strings.EVIDENCE_LABELS[level]) + 2
            _assert_colours(app, badge, level)
        badge.show(None)
        await pilot.pause()
        assert not badge.display
