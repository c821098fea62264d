"""The trainer's view of one explanation step: large text, note, key point, diagram."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual.widget import Widget
from textual.widgets import Button

from tutor.core.content.models import Step
from tutor.core.text import common as strings
from tutor.core.text import group as gs
from tutor.group.trainer.screens.base import TrainerScreen
from tutor.ui.frame import action_button
from tutor.ui.widgets.step import StepParts

if TYPE_CHECKING:
    from tutor.group.session import TrainerSession


class TrainerStepScreen(TrainerScreen):
    """A step for the projector; the trainer note sits in the side panel."""

    def __init__(self, session: TrainerSession) -> None:
        super().__init__(session, classes="trainer-step")
        self.step_index = session.index
        self.parts = StepParts(self.lesson, self.step, session.sub)

    @property
    def step(self) -> Step:
        """The step on screen (the glossary highlights its terms)."""
        return self.lesson.steps[self.step_index]

    def place_text(self) -> str:
        return strings.STEP_COUNTER.format(number=self.step_index + 1, total=len(self.lesson.steps))

    def note_text(self) -> str:
        return self.step.trainer_note or gs.NOTE_NONE

    def compose_body(self) -> Iterable[Widget]:
        return self.parts

    def compose_buttons(self) -> Iterable[Button]:
        yield action_button(strings.BUTTON_PREVIOUS, "previous", id="previous")
        yield action_button(gs.BUTTON_NOTE, "toggle_note", id="note-button")
        yield action_button(strings.BUTTON_NEXT, "next", variant="primary", id="next")

    def sync(self) -> None:
        self.parts.show_link(self.session.sub)

    def show_current(self) -> None:
        """Show the session's step in this screen's widgets (faster than a new screen)."""
        self.step_index = self.session.index
        self.parts.show(self.step, self.session.sub)
        self.note.update(self.note_text())
        self.body.scroll_home(animate=False)
        self.refresh_live()
