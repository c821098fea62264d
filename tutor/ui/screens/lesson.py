"""A lesson's explanation, one step at a time.

The screen stays while the learner steps through the lesson: → and ← put the
next step into the same widgets (`StepParts.show`), which shows it at once, where a
new screen per step cost tens of milliseconds of building and restyling. The
app hears of the new step (`StepShown`, which self-study saves) once the step is
drawn, so a slow disk does not hold up the drawing.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import Button

from tutor.core.content.models import Lesson, Step
from tutor.core.text import common as strings
from tutor.ui.frame import TutorScreen, action_button
from tutor.ui.messages import StepsFinished, StepShown
from tutor.ui.widgets.step import StepParts


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
        self.parts = StepParts(lesson, self.step)
        self._untold: int | None = None
        """A step on screen that the app has not been told of yet (`StepShown`)."""
        # Kept, not queried: a query walks the whole screen, in the frame of a step.
        self.previous_button = action_button(strings.BUTTON_PREVIOUS, "previous", id="previous")
        self.next_button = action_button(self.next_label(), "next", variant="primary", id="next")

    @property
    def step(self) -> Step:
        """The step on screen."""
        return self.lesson.steps[self.step_index]

    def next_label(self) -> str:
        """ "Volgende", or on the last step the way to the quiz."""
        last = self.step_index == len(self.lesson.steps) - 1
        return strings.BUTTON_TO_QUIZ if last else strings.BUTTON_NEXT

    def title_text(self) -> str:
        return self.lesson.title

    def counter_text(self) -> str:
        return strings.STEP_COUNTER.format(number=self.step_index + 1, total=len(self.lesson.steps))

    def compose_body(self) -> Iterable[Widget]:
        return self.parts

    def compose_buttons(self) -> Iterable[Button]:
        yield self.previous_button
        yield action_button(strings.BUTTON_GLOSSARY, "glossary_click", id="glossary")
        yield action_button(strings.BUTTON_SOURCE, "source_click", id="source")
        yield self.next_button

    def on_mount(self) -> None:
        self.show_buttons()
        self.post_message(StepShown(self.lesson, self.step_index))
        self.call_after_refresh(self.prepare_neighbours)

    def prepare_neighbours(self) -> None:
        """Get the steps before and after this one ready to show (after this one is drawn)."""
        steps = self.lesson.steps
        self.parts.prepare(steps[max(0, self.step_index - 1) : self.step_index + 2])

    def show_buttons(self) -> None:
        """ "Vorige" only after the first step; the last step's button leads to the quiz."""
        self.previous_button.disabled = self.step_index == 0
        button = self.next_button
        label = self.next_label()
        if str(button.label) != label:
            button.label = label
            button.refresh(layout=True)  # a longer label needs a wider button

    def go_to_step(self, index: int) -> None:
        """Show step `index` in this screen, from its top."""
        self.step_index = index
        self.parts.show(self.step)
        self.set_counter(self.counter_text())
        self.show_buttons()
        body = self.body
        body.scroll_home(animate=False)
        # Lay the step out as on a new screen: without the previous step's scrollbar,
        # which would stay if the narrower text then needed it too.
        body.show_vertical_scrollbar = False
        self._untold = index
        self.call_after_refresh(self.tell_step_shown)
        self.call_after_refresh(self.prepare_neighbours)

    def tell_step_shown(self) -> None:
        """Tell the app which step is on screen, if it has not heard yet."""
        if self._untold is not None:
            self.post_message(StepShown(self.lesson, self._untold))
            self._untold = None

    def on_screen_suspend(self) -> None:
        # Leaving (Esc, a dialog) before the step was drawn: tell the app now, directly,
        # as this screen may not process its own messages any more.
        if self._untold is not None:
            self.app.post_message(StepShown(self.lesson, self._untold))
            self._untold = None

    async def action_glossary_click(self) -> None:
        """Open the glossary (from the button)."""
        await self.run_action("app.glossary")

    async def action_source_click(self) -> None:
        """Open the source (from the button)."""
        await self.run_action("app.source")

    def action_next(self) -> None:
        """Go to the next cascade link, the next step, or the quiz."""
        cascade = self.parts.cascade
        if cascade is not None and cascade.step(+1):
            return
        if self.step_index + 1 < len(self.lesson.steps):
            self.go_to_step(self.step_index + 1)
        else:
            self.tell_step_shown()  # the last step is saved before the quiz starts
            self.post_message(StepsFinished(self.lesson))

    def action_previous(self) -> None:
        """Go to the previous cascade link or step."""
        cascade = self.parts.cascade
        if cascade is not None and cascade.step(-1):
            return
        if self.step_index > 0:
            self.go_to_step(self.step_index - 1)
