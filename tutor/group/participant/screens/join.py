"""The participant's first screen: type the session code and, if you like, a name."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from textual.binding import Binding
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button, Input, Static

from tutor.core.content.guard import escape_controls
from tutor.core.text import group as gs
from tutor.store.group import CODE_LENGTH
from tutor.ui.frame import TutorScreen, action_button

NAME_LENGTH = 30
"""A nickname is at most this long; it never leaves the participant's app."""


class JoinScreen(TutorScreen):
    """Asks for the six-digit code and an optional nickname that only the participant sees."""

    BINDINGS = [Binding("enter", "join", gs.JOIN_BUTTON, show=False)]

    def __init__(self, code: str | None = None, address: str = "") -> None:
        super().__init__(classes="join-screen")
        self.code = (code or "")[:CODE_LENGTH]
        self.address = address
        """The trainer's server this participant joins."""

    def title_text(self) -> str:
        return gs.JOIN_TITLE

    def compose_body(self) -> Iterable[Widget]:
        yield Static(gs.JOIN_INTRO, id="join-intro", markup=False)
        if self.address:
            address = gs.JOIN_ADDRESS.format(url=escape_controls(self.address))
            yield Static(address, id="join-address", markup=False)
        yield Static(gs.JOIN_CODE, classes="join-label", markup=False)
        yield Input(
            self.code,
            restrict=r"[0-9]*",
            max_length=CODE_LENGTH,
            id="join-code",
            compact=True,
        )
        yield Static(gs.JOIN_NAME, classes="join-label", markup=False)
        yield Input(max_length=NAME_LENGTH, id="join-name", compact=True)
        yield Static("", id="join-error", markup=False)

    def compose_buttons(self) -> Iterable[Button]:
        yield action_button(gs.JOIN_BUTTON, "join", variant="primary", id="join")

    def on_mount(self) -> None:
        self.query_one("#join-error").display = False
        target = "#join-name" if len(self.code) == CODE_LENGTH else "#join-code"
        self.query_one(target, Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the code field moves on to the name; Enter in the name joins."""
        event.stop()
        if event.input.id == "join-code" and len(event.value) == CODE_LENGTH:
            self.query_one("#join-name", Input).focus()
        else:
            self.action_join()

    def action_join(self) -> None:
        """Join the session, or say in Dutch why that is not possible."""
        code = self.query_one("#join-code", Input).value
        name = self.query_one("#join-name", Input).value.strip()[:NAME_LENGTH]
        self.post_message(self.JoinAsked(code, name))

    @dataclass
    class JoinAsked(Message):
        """The participant asks to join session `code`; the app answers with `show_problem`."""

        code: str
        name: str

    def show_problem(self, text: str) -> None:
        """Show why joining did not work."""
        error = self.query_one("#join-error", Static)
        error.remove_class("-waiting")
        error.update(text)
        error.display = True

    def show_joining(self) -> None:
        """Say that the app is asking the trainer's server (it may take a few seconds)."""
        error = self.query_one("#join-error", Static)
        error.add_class("-waiting")
        error.update(gs.JOINING)
        error.display = True
