"""The built-in diagrams, drawn from data in the lesson (never from code).

`CascadeView` draws a chain of links and highlights the one the learner is
on; `TimelineView` draws periods on a log time axis (hours after treatment).
Both fit in 80 columns.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from tutor.core.content.models import CascadeLink, TimelineBar, TimelineMark
from tutor.core.text import common as strings

FALLBACK_WIDTH = 76


class CascadeView(Widget):
    """A chain such as NMDA-blokkade → glutamaatgolf → … → nieuwe synapsen."""

    current: reactive[int] = reactive(0)

    def __init__(self, links: Sequence[CascadeLink]) -> None:
        super().__init__(classes="diagram cascade")
        self.links = list(links)

    def step(self, delta: int) -> bool:
        """Move the highlight; return False when already at that end of the chain."""
        target = self.current + delta
        if 0 <= target < len(self.links):
            self.current = target
            return True
        return False

    def render(self) -> Text:
        width = self.content_size.width or FALLBACK_WIDTH
        text = Text()
        text.append(
            strings.CASCADE_TITLE.format(number=self.current + 1, total=len(self.links)) + "\n",
            style="bold",
        )
        line_length = 0
        for index, link in enumerate(self.links):
            box = f"[{link.label}]"
            arrow = " → " if index < len(self.links) - 1 else ""
            if line_length and line_length + len(box) + len(arrow) > width:
                text.append("\n")
                line_length = 0
            if index == self.current:
                style = "bold reverse"
            elif index < self.current:
                style = "bold"
            else:
                style = "dim"
            text.append(box, style=style)
            text.append(arrow, style="dim" if index >= self.current else "")
            line_length += len(box) + len(arrow)
        current = self.links[self.current]
        text.append("\n")
        text.append(f"{current.label}: ", style="bold")
        text.append(current.text)
        # Say what → does here: it moves through the diagram before it moves to the next step.
        total = len(self.links)
        if self.current + 1 < total:
            hint = strings.CASCADE_HINT.format(number=self.current + 2, total=total)
        else:
            hint = strings.CASCADE_HINT_LAST
        text.append(f"\n{hint}", style="dim italic")
        return text


LABEL_WIDTH = 16


class TimelineView(Widget):
    """Bars on a logarithmic time axis: when effects appear and fade."""

    def __init__(self, marks: Sequence[TimelineMark], bars: Sequence[TimelineBar]) -> None:
        super().__init__(classes="diagram timeline")
        self.marks = list(marks)
        self.bars = list(bars)

    def render(self) -> Text:
        width = max(30, self.content_size.width or FALLBACK_WIDTH)
        plot = width - LABEL_WIDTH - 2
        hours = [m.hours for m in self.marks] + [b.start_hours for b in self.bars]
        hours += [b.end_hours for b in self.bars]
        low, high = math.log(min(hours)), math.log(max(hours))

        def column(value: float) -> int:
            if high == low:
                return 0
            return round((math.log(value) - low) / (high - low) * (plot - 1))

        text = Text(no_wrap=True, overflow="crop")
        text.append(strings.TIMELINE_TITLE + "\n", style="bold")
        for bar in self.bars:
            start, end = column(bar.start_hours), column(bar.end_hours)
            text.append(bar.label[:LABEL_WIDTH].ljust(LABEL_WIDTH) + " ", style="bold")
            text.append("\u00a0" * start)
            length = max(1, end - start + 1)
            text.append("█" * length, style="bold green")
            if start + length + 1 + len(bar.text) <= plot:
                text.append(" " + bar.text + "\n", style="italic")
            else:
                indent = LABEL_WIDTH + 1 + min(start, max(0, plot - len(bar.text)))
                text.append("\n" + "\u00a0" * indent)
                text.append(bar.text + "\n", style="italic")
        axis = ["─"] * plot
        labels = ["\u00a0"] * plot
        for mark in self.marks:
            at = column(mark.hours)
            axis[at] = "┼"
            begin = min(max(0, at - len(mark.label) // 2), plot - len(mark.label))
            if all(
                ch == "\u00a0" for ch in labels[max(0, begin - 1) : begin + len(mark.label) + 1]
            ):
                labels[begin : begin + len(mark.label)] = list(mark.label)
        # Non-breaking spaces: Textual drops leading plain spaces on a line.
        margin = "\u00a0" * (LABEL_WIDTH + 1)
        text.append(margin)
        text.append("".join(axis) + "\n", style="dim")
        text.append(margin)
        text.append("".join(labels))
        return text
