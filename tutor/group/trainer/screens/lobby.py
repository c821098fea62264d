"""The trainer's opening screen: a QR code, the address and the code, readable from the back.

Participants scan the QR code (the page opens with the code filled in), or type
the address and the six-digit code. The screen says who can reach the address.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Button, Digits, Static

from tutor.core.text import group as gs
from tutor.group.trainer.qr import qr_text
from tutor.group.trainer.screens.base import TrainerScreen
from tutor.ui.frame import action_button

if TYPE_CHECKING:
    from tutor.group.session import TrainerSession


class TrainerLobbyScreen(TrainerScreen):
    """Shows the QR code, the address to open, `Code 123 456` large, and how many joined."""

    def __init__(self, session: TrainerSession) -> None:
        super().__init__(session, classes="trainer-lobby")
        self._lobby: tuple[str, ...] = ()

    def compose_body(self) -> Iterable[Widget]:
        yield Static(gs.LOBBY_INTRO, id="lobby-intro", markup=False)
        with Horizontal(id="lobby-join"):
            yield Static("", id="lobby-qr")
            with Vertical(id="lobby-side"):
                yield Static(gs.CODE_LABEL, id="code-label", markup=False)
                code = self.session.code
                yield Digits(f"{code[:3]} {code[3:]}", id="code-digits")
                yield Static("", id="lobby-address", markup=False)
                yield Static("", id="lobby-network", markup=False)
                yield Static("", id="lobby-terminal", markup=False)
                yield Static("", id="lobby-present", markup=False)
        yield Static(gs.LOBBY_START, id="lobby-start", markup=False)

    def compose_buttons(self) -> Iterable[Button]:
        yield action_button(gs.BUTTON_START, "next", variant="primary", id="next")

    def note_text(self) -> str:
        return gs.LOBBY_START

    def update_live(self) -> None:
        trainer = self.trainer
        address, link = trainer.address, trainer.join_link
        if address and link:
            where = f"{gs.LOBBY_OPEN}\n{address}"
            network = gs.LOBBY_LOCAL if trainer.local_only else gs.LOBBY_NETWORK
            terminal = gs.LOBBY_TERMINAL.format(url=address, code=self.session.code)
        else:
            where, network, terminal = trainer.web_status, "", ""
        present = gs.PRESENT.format(count=trainer.present)
        lobby = (where, network, terminal, present, link or "")
        if lobby == self._lobby:
            return
        self._lobby = lobby
        qr = self.query_one("#lobby-qr", Static)
        qr.display = bool(link)
        if link:
            qr.update(qr_text(link))
        self.query_one("#lobby-address", Static).update(where)
        self.query_one("#lobby-network", Static).update(network)
        self.query_one("#lobby-terminal", Static).update(terminal)
        self.query_one("#lobby-present", Static).update(present)
