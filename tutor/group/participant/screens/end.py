"""The participant's last screen: the session is over."""

from __future__ import annotations

from collections.abc import Iterable

from textual.widget import Widget
from textual.widgets import Static

from tutor.core.content.models import Lesson
from tutor.core.text import group as gs
from tutor.group.participant.screens.base import ParticipantScreen
from tutor.store.group import Position


class ParticipantEndScreen(ParticipantScreen):
    """The session is over: thanks, and how this participant did (only they see it)."""

    def __init__(self, lesson: Lesson, position: Position, message: str, score: str) -> None:
        super().__init__(lesson, position, classes="participant-end")
        self.message = message
        self.score = score

    def place_text(self) -> str:
        return gs.END_TITLE

    def compose_body(self) -> Iterable[Widget]:
        yield Static(gs.END_TITLE, id="end-title", markup=False)
        yield Static(self.message, id="end-message", markup=False)
        if self.score:
            yield Static(self.score, id="end-score", markup=False)
        yield Static(gs.END_CLOSE, classes="participant-hint", markup=False)
