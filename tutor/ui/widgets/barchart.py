"""A horizontal bar chart of a group's answers, drawn with block characters.

Bars are neutral until the trainer reveals the answer; then right answers are
marked ✓ in green and the others are dimmed. No names, only counts.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text
from textual.widget import Widget

from tutor.core.questions import BarGroup

FALLBACK_WIDTH = 76
MAX_LABEL_LINES = 3
MATRIX_BLOCKS = 3
MATRIX_CELL = 8
COUNT_WIDTH = 12
"""Room after a bar for e.g. " 12  (40%) ✓"."""


class BarChart(Widget):
    """Bars per option (or per different answer), with counts and percentages."""

    DEFAULT_CLASSES = "bar-chart"

    def __init__(
        self, groups: Sequence[BarGroup] = (), *, empty: str = "", id: str | None = None
    ) -> None:
        """Create the chart.

        Args:
            groups: The bars, in groups.
            empty: What to say while there are no bars at all.
            id: The widget id.
        """
        super().__init__(id=id)
        self.groups = list(groups)
        self.empty = empty

    def show(self, groups: Sequence[BarGroup]) -> None:
        """Draw new bars (only redraws when something changed)."""
        if list(groups) != self.groups:
            self.groups = list(groups)
            self.refresh(layout=True)

    def render(self) -> RenderableType:
        width = max(30, self.content_size.width or FALLBACK_WIDTH)
        if not any(group.bars for group in self.groups):
            return Text(self.empty)
        if self.is_matrix():
            return self._matrix()
        text = Text(no_wrap=True, overflow="ellipsis")
        for number, group in enumerate(self.groups):
            if number:
                text.append("\n")
            if group.title:
                text.append(group.title[: width - 1] + "\n", style="bold")
            self._draw_group(text, group, width)
        text.rstrip()
        return text

    def is_matrix(self) -> bool:
        """Several groups with the same choices (evidence levels): drawn as one compact table."""
        if len(self.groups) < 2:
            return False
        labels = [tuple(bar.label for bar in group.bars) for group in self.groups]
        return all(label == labels[0] for label in labels)

    def _matrix(self) -> Table:
        """One row per group (statement), one column per choice, a small bar and count per cell."""
        choices = [bar.label.split(maxsplit=1) for bar in self.groups[0].bars]
        table = Table(
            box=None,
            expand=True,
            padding=(0, 1),
            title="\n".join(f"{number} = {name}" for number, name in choices),
            title_justify="left",
            title_style="",
        )
        table.add_column(ratio=1)
        for number, _ in choices:
            table.add_column(number, justify="left", no_wrap=True, width=MATRIX_CELL)
        for group in self.groups:
            total = sum(bar.count for bar in group.bars)
            cells: list[Text] = []
            for bar in group.bars:
                blocks = round(bar.count / total * MATRIX_BLOCKS) if total else 0
                cell = Text("█" * blocks or "▏", style=_colour(bar.correct))
                cell.append(f" {bar.count}", style="bold")
                if bar.correct:
                    cell.append(" ✓", style="bold green")
                cells.append(cell)
            table.add_row(Text(group.title or ""), *cells)
        return table

    def _draw_group(self, text: Text, group: BarGroup, width: int) -> None:
        total = sum(bar.count for bar in group.bars)
        top = max([bar.count for bar in group.bars] + [1])
        longest = max([len(bar.label) for bar in group.bars] + [1])
        one_line = longest + 2 <= width * 0.5
        label_width = longest + 2 if one_line else 3
        room = max(5, width - label_width - COUNT_WIDTH)
        for bar in group.bars:
            style = "bold" if bar.correct else ("dim" if bar.correct is False else "")
            if one_line:
                text.append(bar.label.ljust(label_width), style=style)
            else:
                lines = textwrap.wrap(bar.label, width - 4, max_lines=MAX_LABEL_LINES) or [""]
                text.append(lines[0] + "\n", style=style)
                for line in lines[1:]:
                    text.append("\u00a0" * label_width + line + "\n", style=style)
                text.append("\u00a0" * label_width)
            length = round(bar.count / top * room)
            text.append("█" * length or "▏", style=_colour(bar.correct))
            percent = f" ({round(100 * bar.count / total)}%)" if total else ""
            text.append(f" {bar.count}{percent}", style="bold")
            if bar.correct:
                text.append(" ✓", style="bold green")
            text.append("\n")


def _colour(correct: bool | None) -> str:
    """Neutral before the reveal; then green for right and grey for the rest."""
    return "green" if correct else ("grey50" if correct is False else "cyan")
