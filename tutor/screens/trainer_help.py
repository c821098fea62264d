"""The trainer's help dialog: the keys of presenter mode."""

from __future__ import annotations

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from tutor import strings
from tutor.group import group_strings as gs
from tutor.screens.base import action_button


class KeysHelpScreen(ModalScreen[None]):
    """A list of keys with what they do (trainer or participant)."""

    BINDINGS = [Binding("escape,question_mark,enter,q", "close", strings.BUTTON_CLOSE)]

    def __init__(self, title: str, keys: tuple[tuple[str, str], ...], note: str = "") -> None:
        super().__init__(classes="dialog-screen")
        self.title_text = title
        self.keys = keys
        self.note = note

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for key, meaning in self.keys:
            table.add_row(key, meaning)
        with Vertical(classes="dialog"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            yield Static(table)
            if self.note:
                yield Static(self.note, markup=False)
            yield action_button(strings.BUTTON_CLOSE, "close", variant="primary")

    def action_close(self) -> None:
        """Close the dialog."""
        self.dismiss(None)


def trainer_help() -> KeysHelpScreen:
    """The help dialog with the trainer's keys."""
    return KeysHelpScreen(gs.TRAINER_HELP_TITLE, gs.TRAINER_KEYS)
