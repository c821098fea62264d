"""The kiosk's countdown before an idle visit is wiped, with "Ik ben er nog"."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from tutor.core.text import kiosk as text


class IdleCountdown(ModalScreen[None]):
    """Shown in the last part of the idle time. Any input keeps the visit going.

    The app owns the clock: it updates the seconds and closes this dialog.
    """

    def __init__(self, seconds: int) -> None:
        """Create the dialog showing `seconds` left."""
        super().__init__(classes="dialog-screen kiosk-screen")
        self.seconds = seconds

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="idle-dialog"):
            yield Static(text.IDLE_TITLE, classes="dialog-title", markup=False)
            yield Static(self._message(), id="idle-text", markup=False)
            button = Button(
                text.IDLE_STILL_HERE, variant="primary", action="app.still_here", id="still-here"
            )
            button.can_focus = False
            yield button

    def _message(self) -> str:
        return text.IDLE_TEXT.format(seconds=self.seconds)

    def show_seconds(self, seconds: int) -> None:
        """Update the countdown."""
        if seconds != self.seconds:
            self.seconds = seconds
            if self.is_mounted:
                self.query_one("#idle-text", Static).update(self._message())
