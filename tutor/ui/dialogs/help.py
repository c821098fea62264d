"""The help dialog: which key does what (self-study, trainer, participant, kiosk)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from tutor.core.text import common as strings
from tutor.ui.frame import action_button


class HelpScreen(ModalScreen[None]):
    """A list of keys with what they do, and a note (by default: the self-study keys)."""

    BINDINGS = [Binding("escape,question_mark,enter,q", "close", strings.BUTTON_CLOSE)]

    def __init__(
        self,
        title: str = strings.HELP_TITLE,
        keys: Sequence[tuple[str, str]] = strings.HELP_KEYS,
        note: str = strings.HELP_MOUSE,
    ) -> None:
        super().__init__(classes="dialog-screen")
        self.heading = title
        self.keys = keys
        self.note = note

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for key, meaning in self.keys:
            table.add_row(key, meaning)
        with Vertical(classes="dialog"):
            yield Static(self.heading, classes="dialog-title", markup=False)
            yield Static(table)
            if self.note:
                yield Static(self.note, markup=False)
            yield action_button(strings.BUTTON_CLOSE, "close", variant="primary")

    def action_close(self) -> None:
        """Close the dialog."""
        self.dismiss(None)
