"""A step's heading: its title, with the evidence badge at the right of the first line.

One widget, not a row of a title and a badge: both change on most steps, and each
widget that changes costs its own layout and drawing in the frame of the step. How
the title and each badge look is CSS on the component classes below (the trainer
boxes its title with a background and a cell of padding either side); the title
wraps in the room the badge leaves, as a `Static` beside the badge wrapped it.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.segment import Segment
from textual.geometry import Size
from textual.strip import Strip
from textual.visual import Visual, visualize
from textual.widget import Widget

from tutor.core.text import common as strings


def badge_label(level: str | None) -> str:
    """The badge's text, e.g. " Gezien bij dieren " ("" for a step without a level)."""
    return f" {strings.EVIDENCE_LABELS[level]} " if level else ""


class StepHeading(Widget):
    """The title (bold, accent colour) and, at its right, how strong the evidence is."""

    DEFAULT_CSS = """
    StepHeading {
        height: auto;
    }
    StepHeading > .step-heading--title {
        text-style: bold;
        color: $accent;
    }
    StepHeading > .step-heading--established {
        background: $success;
        color: $text;
        text-style: bold;
    }
    StepHeading > .step-heading--human-early {
        background: $primary;
        color: $text;
        text-style: bold;
    }
    StepHeading > .step-heading--animal {
        background: $warning;
        color: black;
        text-style: bold;
    }
    StepHeading > .step-heading--unknown {
        background: $panel;
        color: $text;
        text-style: bold;
    }
    """
    COMPONENT_CLASSES = {
        "step-heading--title",
        *(f"step-heading--{level}" for level in strings.EVIDENCE_ORDER),
    }
    """`step-heading--title`: the title (its padding is kept inside its background);
    `step-heading--<level>`: the badge of each evidence level."""

    def __init__(self, title: str, level: str | None, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.title = title
        self.level = level
        self._drawn: tuple[tuple[str, str | None, int], list[Strip]] | None = None

    @property
    def badge(self) -> str:
        """The badge's text on show ("" when the step has no level)."""
        return badge_label(self.level)

    def show(self, title: str, level: str | None) -> None:
        """Show another step's title and level."""
        if (title, level) == (self.title, self.level):
            return
        height = len(self._lines(self.size.width)) if self.size.width else None
        self.title, self.level = title, level
        if height is not None and len(self._lines(self.size.width)) == height:
            self.refresh()  # the same height: no layout needed
        else:
            self.refresh(layout=True)

    def _lines(self, width: int) -> list[Strip]:
        key = (self.title, self.level, width)
        drawn = self._drawn
        if drawn is not None and drawn[0] == key:
            return drawn[1]
        badge = self.badge
        badge_width = cell_len(badge)
        styles = self.get_component_styles("step-heading--title")
        left, right = styles.padding.left, styles.padding.right
        style = self.get_visual_style("step-heading--title")
        box_style = style.rich_style
        inner = max(width - badge_width - left - right, 1)
        visual = visualize(self, self.title, markup=False)
        text = Visual.to_strips(self, visual, inner, None, style, pad=True)
        edge_left = [Segment(" " * left, box_style)] if left else []
        edge_right = [Segment(" " * right, box_style)] if right else []
        box = left + inner + right
        under_badge = [Segment(" " * badge_width, self.rich_style)] if badge else []
        first = (
            [Segment(badge, self.get_component_rich_style(f"step-heading--{self.level}"))]
            if badge
            else []
        )
        lines = [
            Strip(
                [*edge_left, *strip, *edge_right, *(first if y == 0 else under_badge)],
                box + badge_width,
            )
            for y, strip in enumerate(text)
        ]
        self._drawn = (key, lines)
        return lines

    def notify_style_update(self) -> None:
        self._drawn = None  # a new theme or stylesheet: draw again
        super().notify_style_update()

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(width))

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        lines = self._lines(width)
        return lines[y] if y < len(lines) else Strip.blank(width, self.rich_style)
