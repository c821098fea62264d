"""What a participant sees of an explanation step (never the trainer's note)."""

from __future__ import annotations

from collections.abc import Iterable

from textual.widget import Widget

from tutor.core.content.models import Lesson, Step
from tutor.core.text import common as strings
from tutor.group.participant.screens.base import ParticipantScreen
from tutor.store.group import Position
from tutor.ui.widgets.step import StepParts


class ParticipantStepScreen(ParticipantScreen):
    """The step the trainer is on, with the cascade link the trainer highlights."""

    def __init__(self, lesson: Lesson, position: Position) -> None:
        super().__init__(lesson, position, classes="participant-step")
        step = self.step
        assert step is not None
        self.parts = StepParts(lesson, step, position.sub, follower=True)

    @property
    def step(self) -> Step | None:
        return self.lesson.steps[self.position.index]

    def place_text(self) -> str:
        return strings.STEP_COUNTER.format(
            number=self.position.index + 1, total=len(self.lesson.steps)
        )

    def compose_body(self) -> Iterable[Widget]:
        return self.parts

    def follow(self, position: Position) -> None:
        super().follow(position)
        self.parts.show_link(position.sub)
