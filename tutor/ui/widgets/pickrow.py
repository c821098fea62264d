"""A clickable row in a question: one option, item, meaning or level."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.color import Color
from textual.message import Message
from textual.visual import visualize
from textual.widgets import Static

TONES = {"right": ("success", True), "wrong": ("error", None)}
"""The verdict's tones: theme colour, and bold for the right answer (None: as the CSS says)."""


class PickRow(Static):
    """A row the learner picks with its digit, a click or a tap."""

    class Picked(Message):
        """The row was clicked."""

        def __init__(self, number: int) -> None:
            super().__init__()
            self.number = number

    def __init__(self, number: int) -> None:
        super().__init__(classes="pick-row")
        self.number = number
        self._shown: tuple[str, str, str, str] | None = None
        self._line: Text | None = None
        self._measured: tuple[Text, int, int] | None = None
        """(line, content width, lines): the last line measured, so it is measured once."""

    def show(self, mark: str, text: str, *, style: str = "", tone: str = "") -> None:
        """Show the row as `digit  mark text`.

        Args:
            mark: Drawn between the digit and the text (a box, a number, ✓).
            text: The option itself.
            style: A Rich style for the text.
            tone: "right" or "wrong" after the verdict: the whole row in the theme's
                colour. A text style, not a CSS class: restyling a row through the
                stylesheet costs more than the rest of its redraw.
        """
        if self._shown == (mark, text, style, tone):
            return  # unchanged: nothing to lay out or draw again
        self._shown = (mark, text, style, tone)
        line = Text()
        line.append(f"{self.number} ", style="bold")
        line.append(f"{mark} " if mark else "")
        line.append(text, style=style)
        if tone:
            name, bold = TONES[tone]
            colour = Color.parse(self.app.theme_variables[name]).rich_color
            line.stylize(Style(color=colour, bold=bold))
        self.update(line, layout=self._needs_layout(line))

    def _needs_layout(self, line: Text) -> bool:
        """Whether the new line may change the row's height (then Textual lays it out)."""
        width = self.content_size.width
        before, self._line = self._line, line
        if not width or before is None:
            return True
        return self._lines(before, width) != self._lines(line, width)

    def _lines(self, line: Text, width: int) -> int:
        """How many lines `line` takes at `width`, measured as Textual lays it out."""
        if self._measured is not None and self._measured[0] is line and self._measured[1] == width:
            return self._measured[2]
        # As Widget.get_content_height measures (its styles are the RulesMap it passes).
        lines = visualize(self, line, markup=False).get_height(self.styles, width)  # type: ignore[arg-type]
        self._measured = (line, width, lines)
        return lines

    def on_click(self) -> None:
        """Pick this row."""
        self.post_message(self.Picked(self.number))
