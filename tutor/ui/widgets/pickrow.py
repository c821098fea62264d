"""A clickable row in a question: one option, item, meaning or level."""

from __future__ import annotations

from rich.text import Text
from textual.message import Message
from textual.widgets import Static


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
        self._shown: tuple[str, str, str] | None = None

    def show(self, mark: str, text: str, *, style: str = "") -> None:
        """Show the row as `digit  mark text`, with CSS state classes set by the caller."""
        if self._shown == (mark, text, style):
            return  # unchanged: nothing to lay out or draw again
        self._shown = (mark, text, style)
        line = Text()
        line.append(f"{self.number} ", style="bold")
        line.append(f"{mark} " if mark else "")
        line.append(text, style=style)
        self.update(line)

    def on_click(self) -> None:
        """Pick this row."""
        self.post_message(self.Picked(self.number))
