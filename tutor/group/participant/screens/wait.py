"""The participant's screen after joining, until the trainer starts."""

from __future__ import annotations

from collections.abc import Iterable

from textual.widget import Widget
from textual.widgets import Static

from tutor.core.content.models import Lesson
from tutor.core.text import group as gs
from tutor.group.participant.screens.base import ParticipantScreen
from tutor.store.group import Position


class ParticipantWaitScreen(ParticipantScreen):
    """Joined; waiting until the trainer starts."""

    def __init__(self, lesson: Lesson, position: Position) -> None:
        super().__init__(lesson, position, classes="participant-wait")

    def compose_body(self) -> Iterable[Widget]:
        name = self.nickname
        if name:
            yield Static(gs.HELLO.format(name=name), id="hello", markup=False)
        yield Static(gs.WAITING, id="waiting", markup=False)
        yield Static(gs.FOLLOWING, classes="participant-hint", markup=False)
