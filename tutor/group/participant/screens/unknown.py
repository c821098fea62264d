"""What a participant sees of one open question ("Wat we nog niet weten")."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.widget import Widget
from textual.widgets import Static

from tutor.core.content.models import Lesson
from tutor.core.text import common as strings
from tutor.core.text import group as gs
from tutor.group.participant.screens.base import ParticipantScreen
from tutor.store.group import Position


class ParticipantUnknownScreen(ParticipantScreen):
    """One open question of the article ("Wat we nog niet weten")."""

    def __init__(self, lesson: Lesson, position: Position) -> None:
        super().__init__(lesson, position, classes="participant-review")

    def place_text(self) -> str:
        return strings.REVIEW_TITLE

    def compose_body(self) -> Iterable[Widget]:
        index = self.position.index
        unknown = self.lesson.unknowns[index]
        title = gs.TRAINER_UNKNOWN_TITLE.format(number=index + 1, total=len(self.lesson.unknowns))
        yield Static(title, id="review-title", markup=False)
        text = Text(unknown.question, style="bold")
        text.append(f"\n{unknown.explanation}", style="")
        yield Static(text, classes="unknown")
