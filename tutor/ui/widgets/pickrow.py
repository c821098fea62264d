"""The rows of a question the learner picks from: options, items, meanings or levels.

All rows of a question are one widget (`PickList`) that draws them line by line: the
frame that shows the verdict redraws every row, and one widget per row cost Textual a
layout, a restyle and a redraw each. A `PickRow` is what one row shows; the view
fills it (`PickRow.show`) and the list redraws what changed.

How a row looks is CSS on the list's component classes (`pick-list--row`, and on top
of it `--hover`, `--chosen`, `--used`). The row class also gives each row its padding,
its least height (text centred in it) and the blank lines under it (`margin-bottom`):
the kiosk makes rows tall touch targets with space between them that way.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style as RichStyle
from rich.text import Text
from textual import events
from textual.color import Color
from textual.containers import ScrollableContainer
from textual.geometry import Region, Size
from textual.message import Message
from textual.strip import Strip
from textual.visual import Visual, visualize
from textual.widget import Widget

TONES = {"right": ("success", True), "wrong": ("error", None)}
"""The verdict's tones: theme colour, and bold for the right answer (None: as the CSS says)."""


@dataclass
class PickRow:
    """What one row shows: `digit  mark text`, its state and the verdict's tone.

    Attributes:
        number: The digit that picks it (1-based).
        visible: Whether the row is shown at all (teach-back points wait for the reveal).
    """

    number: int
    mark: str = ""
    text: str = ""
    style: str = ""
    tone: str = ""
    chosen: bool = False
    used: bool = False
    visible: bool = True

    def show(
        self,
        mark: str,
        text: str,
        *,
        style: str = "",
        tone: str = "",
        chosen: bool = False,
        used: bool = False,
    ) -> None:
        """Show the row as `digit  mark text`.

        Args:
            mark: Drawn between the digit and the text (a box, a number, ✓).
            text: The option itself.
            style: A Rich style for the text.
            tone: "right" or "wrong" after the verdict: the whole row in the theme's colour.
            chosen: Picked (the list's `--chosen` style).
            used: Placed or done with (the list's `--used` style).
        """
        self.mark, self.text, self.style, self.tone = mark, text, style, tone
        self.chosen, self.used = chosen, used

    def state(self) -> tuple[str, str, str, str, bool, bool, bool]:
        """Everything the row shows (`restore` puts it back)."""
        return (self.mark, self.text, self.style, self.tone, self.chosen, self.used, self.visible)

    def restore(self, state: tuple[str, str, str, str, bool, bool, bool]) -> None:
        """Show what `state` says again."""
        self.mark, self.text, self.style, self.tone, self.chosen, self.used, self.visible = state


class PickList(Widget):
    """The rows of a question in one widget, picked by digit, click or tap."""

    COMPONENT_CLASSES = {
        "pick-list--row",
        "pick-list--hover",
        "pick-list--chosen",
        "pick-list--used",
    }

    DEFAULT_CSS = """
    PickList { height: auto; }
    PickList > .pick-list--row { padding: 0 1; }
    PickList > .pick-list--hover { background: $boost; }
    PickList > .pick-list--chosen { background: $primary 40%; text-style: bold; }
    PickList > .pick-list--used { color: $text-muted; }
    """

    class Picked(Message):
        """Row `number` was clicked or tapped."""

        def __init__(self, number: int) -> None:
            super().__init__()
            self.number = number

    def __init__(self, count: int) -> None:
        super().__init__(classes="pick-list")
        self.rows = [PickRow(number) for number in range(1, count + 1)]
        self.hovered: int | None = None
        self.drawn = 0
        """How many times a row was drawn anew (not found drawn): for tests and benchmarks."""
        self._blocks: dict[tuple[object, ...], list[Strip]] = {}
        """Each row's lines by what it shows, its hover and the width."""
        self._drawn: tuple[object, int, list[Strip], list[tuple[int, int, int]]] | None = None
        """(key, width, lines, (number, first line, height) per row): the last drawing."""

    # --- drawing ---------------------------------------------------------------------------

    def redraw(self) -> None:
        """Draw rows that show something new; lay out only if the list's height changes.

        The view calls this once it has filled all its rows (`PickRow.show`).
        """
        before = self._drawn
        width = self.size.width
        if not width or before is None:
            self.refresh(layout=True)
            return
        lines, _ = self._draw(width)
        if self._drawn is not before:  # the rows show something new
            self.refresh(layout=len(lines) != len(before[2]))

    def notify_style_update(self) -> None:
        self._drawn = None  # new CSS or theme: the rows' colours change
        self._blocks.clear()
        super().notify_style_update()

    def _geometry(self) -> tuple[int, int, int, int]:
        """The rows' left and right padding, least height and blank lines under each."""
        styles = self.get_component_styles("pick-list--row")
        padding = styles.padding
        min_height = styles.min_height
        least = int(min_height.value) if min_height is not None and min_height.is_cells else 1
        return padding.left, padding.right, max(least, 1), styles.margin.bottom

    def _line(self, row: PickRow) -> Text:
        line = Text()
        line.append(f"{row.number} ", style="bold")
        line.append(f"{row.mark} " if row.mark else "")
        line.append(row.text, style=row.style)
        if row.tone:
            name, bold = TONES[row.tone]
            colour = Color.parse(self.app.theme_variables[name]).rich_color
            line.stylize(RichStyle(color=colour, bold=bold))
        return line

    def _block(self, row: PickRow, width: int, geometry: tuple[int, int, int, int]) -> list[Strip]:
        """The lines of one row at `width` (kept: a row drawn once is not drawn again)."""
        key = (*row.state(), row.number == self.hovered, width)
        block = self._blocks.get(key)
        if block is not None:
            return block
        self.drawn += 1
        left, right, least, _ = geometry
        names = ["pick-list--row"]
        names += ["pick-list--hover"] if row.number == self.hovered else []
        names += ["pick-list--chosen"] if row.chosen else []
        names += ["pick-list--used"] if row.used else []
        style = self.get_visual_style(*names)
        rich_style = style.rich_style
        inner = max(width - left - right, 1)
        visual = visualize(self, self._line(row), markup=False)
        text = Visual.to_strips(self, visual, inner, None, style, pad=True)
        edge_left = [Segment(" " * left, rich_style)] if left else []
        edge_right = [Segment(" " * right, rich_style)] if right else []
        body = [Strip([*edge_left, *strip, *edge_right], width) for strip in text]
        height = max(len(body), least)
        filler = Strip.blank(width, rich_style)
        top = (height - len(body)) // 2
        block = [filler] * top + body + [filler] * (height - len(body) - top)
        if len(self._blocks) > 256:
            self._blocks.clear()
        self._blocks[key] = block
        return block

    def _draw(self, width: int) -> tuple[list[Strip], list[tuple[int, int, int]]]:
        """All lines at `width`, and where each visible row is."""
        key = (tuple(row.state() for row in self.rows), self.hovered)
        drawn = self._drawn
        if drawn is not None and drawn[0] == key and drawn[1] == width:
            return drawn[2], drawn[3]
        geometry = self._geometry()
        gap = geometry[3]
        blank = Strip.blank(width, self.rich_style)
        lines: list[Strip] = []
        places: list[tuple[int, int, int]] = []
        for row in self.rows:
            if row.visible:
                block = self._block(row, width, geometry)
                places.append((row.number, len(lines), len(block)))
                lines += block + [blank] * gap
        if gap and lines:
            del lines[-gap:]  # the last row's margin would only push the next widget down
        self._drawn = (key, width, lines, places)
        return lines, places

    def prepare(self) -> None:
        """Draw the rows as they now stand ahead, at the widths the list may get.

        The widths: as now, and one scrollbar narrower or wider (the feedback under
        the rows may make the body scroll, a complete answer may end its scrolling;
        a scrollbar that just came or went may not be laid out yet).
        """
        width = self.size.width
        if not width:
            return
        scrolling = (node for node in self.ancestors if isinstance(node, ScrollableContainer))
        body = next(scrolling, None)
        scrollbar = body.styles.scrollbar_size_vertical if body is not None else 0
        widths = {width - scrollbar, width, width + scrollbar}
        geometry = self._geometry()
        for each in widths:
            for row in self.rows:
                if row.visible and each > 0:
                    self._block(row, each, geometry)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._draw(width)[0])

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        lines, _ = self._draw(width)
        return lines[y] if y < len(lines) else Strip.blank(width, self.rich_style)

    # --- where the rows are ----------------------------------------------------------------

    def row_at(self, y: int) -> int | None:
        """The number of the row on line `y` of the list, None between rows."""
        for number, first, height in self._draw(self.size.width)[1]:
            if first <= y < first + height:
                return number
        return None

    def row_region(self, number: int) -> Region | None:
        """Where row `number` is on the screen (None: not shown)."""
        for shown, first, height in self._draw(self.size.width)[1]:
            if shown == number:
                x, y, width, _ = self.content_region
                return Region(x, y + first, width, height)
        return None

    def shown_rows(self) -> list[int]:
        """The numbers of the rows on show, top to bottom."""
        return [number for number, _, _ in self._draw(self.size.width)[1]]

    # --- mouse and touch -------------------------------------------------------------------

    def on_click(self, event: events.Click) -> None:
        """Pick the row under the click or tap."""
        number = self.row_at(event.y)
        if number is not None:
            self.post_message(self.Picked(number))

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._hover(self.row_at(event.y))

    def on_leave(self, event: events.Leave) -> None:
        self._hover(None)

    def _hover(self, number: int | None) -> None:
        if number != self.hovered:
            self.hovered = number
            self.refresh()
