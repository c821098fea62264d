"""Dialog: continue a lesson where you left it, or start again."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from tutor.core.text import common as strings
from tutor.ui.frame import action_button


class ResumeDialog(ModalScreen[bool]):
    """Returns True to resume at the saved step, False to start again."""

    BINDINGS = [
        Binding("enter,space,right,v", "resume", strings.BUTTON_RESUME),
        Binding("o", "restart", strings.BUTTON_RESTART),
        Binding("escape", "app.go_home", strings.BUTTON_HOME, show=False),
    ]

    def __init__(self, step: int, total: int, *, text: str | None = None) -> None:
        super().__init__(classes="dialog-screen")
        self.step = step
        self.total = total
        self.text = text  # instead of "Je was bij stap …" (e.g. a question of the quiz)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(strings.RESUME_TITLE, classes="dialog-title", markup=False)
            yield Static(
                self.text or strings.RESUME_TEXT.format(step=self.step + 1, total=self.total),
                markup=False,
            )
            with Horizontal(classes="dialog-buttons"):
                yield action_button(strings.BUTTON_RESUME, "resume", variant="primary", id="resume")
                yield action_button(strings.BUTTON_RESTART, "restart", id="restart")

    def action_resume(self) -> None:
        """Continue at the saved step."""
        self.dismiss(True)

    def action_restart(self) -> None:
        """Start the lesson again at step 1."""
        self.dismiss(False)
