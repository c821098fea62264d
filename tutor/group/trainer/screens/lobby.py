"""The trainer's opening screen: the session code in large digits and how to join."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual.widget import Widget
from textual.widgets import Button, Digits, Static

from tutor.core.text import group as gs
from tutor.group.trainer.screens.base import TrainerScreen
from tutor.ui.frame import action_button

if TYPE_CHECKING:
    from tutor.group.session import TrainerSession


class TrainerLobbyScreen(TrainerScreen):
    """Shows `Code 123456` large, the address to open, and how many joined."""

    def __init__(self, session: TrainerSession) -> None:
        super().__init__(session, classes="trainer-lobby")
        self._lobby = ("", "")

    def compose_body(self) -> Iterable[Widget]:
        yield Static(gs.LOBBY_INTRO, id="lobby-intro", markup=False)
        yield Static(gs.CODE_LABEL, id="code-label", markup=False)
        code = self.session.code
        yield Digits(f"{code[:3]} {code[3:]}", id="code-digits")
        yield Static("", id="lobby-address", markup=False)
        yield Static(
            gs.LOBBY_TERMINAL.format(code=self.session.code), id="lobby-terminal", markup=False
        )
        yield Static("", id="lobby-present", markup=False)
        yield Static(gs.LOBBY_START, id="lobby-start", markup=False)

    def compose_buttons(self) -> Iterable[Button]:
        yield action_button(gs.BUTTON_START, "next", variant="primary", id="next")

    def note_text(self) -> str:
        return gs.LOBBY_START

    def update_live(self) -> None:
        address = self.trainer.address
        text = f"{gs.LOBBY_OPEN} {address}" if address else gs.LOBBY_NO_SERVER
        present = gs.PRESENT.format(count=self.trainer.present)
        if (text, present) != self._lobby:
            self._lobby = (text, present)
            self.query_one("#lobby-address", Static).update(text)
            self.query_one("#lobby-present", Static).update(present)
