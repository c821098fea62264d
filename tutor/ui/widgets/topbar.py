"""The bar at the top of every screen: the screen's title, and where you are on the right.

One widget, not a row of two: the counter changes on every step and question, and
a bar of a fixed height and width never needs a new layout for that, only its one
line drawn again. A title too long for the bar ends in "…" (the fit test on the
shipped content holds every title to fitting at 80 columns: `title_fits`).
"""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size
from rich.text import Text
from textual.widget import Widget


class TopBar(Widget):
    """Title at the left, counter (e.g. "Stap 3 van 9") at the right, both bold."""

    DEFAULT_CSS = """
    TopBar {
        height: 1;
        text-style: bold;
    }
    """

    def __init__(self, title: str, counter: str = "", *, id: str = "topbar") -> None:
        super().__init__(id=id)
        self._title = title
        self._counter = counter

    @property
    def title(self) -> str:
        """The title as given (before any "…")."""
        return self._title

    @property
    def counter(self) -> str:
        return self._counter

    def set_counter(self, text: str) -> None:
        """Show another counter; only this line is drawn again."""
        if text != self._counter:
            self._counter = text
            self.refresh()

    @property
    def title_fits(self) -> bool:
        """Whether the whole title fits next to the counter at the bar's width."""
        return cell_len(self._title) <= self._title_width(self.content_size.width)

    def _title_width(self, width: int) -> int:
        gap = 1 if self._counter else 0
        return max(width - cell_len(self._counter) - gap, 0)

    def render(self) -> Text:
        width = self.content_size.width
        room = self._title_width(width)
        title = self._title
        if cell_len(title) > room:
            title = set_cell_size(title, max(room - 1, 0)) + "…" if room else ""
        return Text(set_cell_size(title, room) + (" " if self._counter else "") + self._counter)
