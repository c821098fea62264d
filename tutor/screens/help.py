"""The help dialog: keys and mouse."""

from __future__ import annotations

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from tutor import strings
from tutor.screens.base import action_button


class HelpScreen(ModalScreen[None]):
    """Which key does what."""

    BINDINGS = [Binding("escape,question_mark,enter,q", "close", strings.BUTTON_CLOSE)]

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for key, meaning in strings.HELP_KEYS:
            table.add_row(key, meaning)
        with Vertical(classes="dialog"):
            yield Static(strings.HELP_TITLE, classes="dialog-title", markup=False)
            yield Static(table)
            yield Static(strings.HELP_MOUSE, markup=False)
            yield action_button(strings.BUTTON_CLOSE, "close", variant="primary")

    def action_close(self) -> None:
        """Close the dialog."""
        self.dismiss(None)
