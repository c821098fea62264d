"""Dialog: continue a session that was not closed (the trainer's program stopped), or start anew."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from tutor.core.text import group as gs
from tutor.ui.frame import action_button


class ResumeSessionDialog(ModalScreen[bool]):
    """Returns True to continue session `code` (same code, same answers), False for a new one."""

    BINDINGS = [
        Binding("enter,space,right,d", "resume", gs.BUTTON_RESUME_SESSION_KEY),
        Binding("n", "new", gs.BUTTON_NEW_SESSION),
    ]

    def __init__(self, code: str, minutes: int) -> None:
        super().__init__(classes="dialog-screen")
        self.code = code
        self.minutes = minutes

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(gs.RESUME_SESSION_TITLE, classes="dialog-title", markup=False)
            yield Static(
                gs.RESUME_SESSION_TEXT.format(code=self.code, minutes=self.minutes), markup=False
            )
            with Horizontal(classes="dialog-buttons"):
                yield action_button(
                    gs.BUTTON_RESUME_SESSION.format(code=self.code),
                    "resume",
                    variant="primary",
                    id="resume",
                )
                yield action_button(gs.BUTTON_NEW_SESSION, "new", id="new")

    def action_resume(self) -> None:
        """Continue the open session."""
        self.dismiss(True)

    def action_new(self) -> None:
        """Open a new session with a new code."""
        self.dismiss(False)
