"""A lesson's explanation, one step per screen."""

from __future__ import annotations

from collections.abc import Iterable

from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import Button

from tutor.core.content.models import Lesson, Step
from tutor.core.text import common as strings
from tutor.ui.frame import TutorScreen, action_button
from tutor.ui.messages import StepsFinished, StepShown
from tutor.ui.widgets.diagrams import CascadeView
from tutor.ui.widgets.step import step_widgets


class LessonScreen(TutorScreen):
    """Steps through a lesson; after the last step the quiz starts."""

    BINDINGS = [
        Binding("right,enter,space", "next", "Volgende"),
        Binding("left,backspace", "previous", "Vorige"),
        Binding("g", "app.glossary", "Begrippen"),
        Binding("b", "app.source", "Bron"),
    ]

    def __init__(self, lesson: Lesson, step_index: int = 0) -> None:
        super().__init__(classes="lesson-screen")
        self.lesson = lesson
        self.step_index = step_index

    @property
    def step(self) -> Step:
        """The step on screen."""
        return self.lesson.steps[self.step_index]

    def title_text(self) -> str:
        return self.lesson.title

    def counter_text(self) -> str:
        return strings.STEP_COUNTER.format(number=self.step_index + 1, total=len(self.lesson.steps))

    def compose_body(self) -> Iterable[Widget]:
        return step_widgets(self.lesson, self.step)

    def compose_buttons(self) -> Iterable[Button]:
        yield action_button(strings.BUTTON_PREVIOUS, "previous", id="previous")
        yield action_button(strings.BUTTON_GLOSSARY, "glossary_click", id="glossary")
        yield action_button(strings.BUTTON_SOURCE, "source_click", id="source")
        last = self.step_index == len(self.lesson.steps) - 1
        label = strings.BUTTON_TO_QUIZ if last else strings.BUTTON_NEXT
        yield action_button(label, "next", variant="primary", id="next")

    def on_mount(self) -> None:
        self.query_one("#previous", Button).disabled = self.step_index == 0
        self.post_message(StepShown(self.lesson, self.step_index))

    async def action_glossary_click(self) -> None:
        """Open the glossary (from the button)."""
        await self.run_action("app.glossary")

    async def action_source_click(self) -> None:
        """Open the source (from the button)."""
        await self.run_action("app.source")

    def action_next(self) -> None:
        """Go to the next cascade link, the next step, or the quiz."""
        cascades = self.query(CascadeView)
        if cascades and cascades.first().step(+1):
            return
        if self.step_index + 1 < len(self.lesson.steps):
            self.app.switch_screen(LessonScreen(self.lesson, self.step_index + 1))
        else:
            self.post_message(StepsFinished(self.lesson))

    def action_previous(self) -> None:
        """Go to the previous cascade link or step."""
        cascades = self.query(CascadeView)
        if cascades and cascades.first().step(-1):
            return
        if self.step_index > 0:
            self.app.switch_screen(LessonScreen(self.lesson, self.step_index - 1))
