"""The widgets of one explanation step: self-study, trainer and participant screens.

Title with evidence badge, diagram (people would rather look than read, so it
comes first), text and key point; in group sessions with the cascade highlight
set by the trainer. Never the trainer's note: that lives only in the trainer's
side panel. `StepParts.show` puts another step in the same widgets, so a screen
that steps through a lesson need not build a new screen per step.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from rich.text import Text
from textual.widget import Widget
from textual.widgets import Static

from tutor.core.content.models import Lesson, Step
from tutor.core.text import common as strings
from tutor.ui.widgets.diagrams import CascadeView, TimelineView
from tutor.ui.widgets.heading import StepHeading
from tutor.ui.widgets.step_text import StepText


class FollowedCascade(CascadeView):
    """A cascade the trainer steps through: no key hint, the participant only watches."""

    def render(self) -> Text:
        lines = list(super().render().split("\n"))
        if lines and lines[-1].plain == strings.CASCADE_HINT:
            lines.pop()
        return Text("\n").join(lines)


def step_diagram(
    lesson: Lesson, step: Step, link: int = 0, *, follower: bool = False
) -> Widget | None:
    """The step's diagram, built from the lesson's data, with cascade link `link` highlighted.

    A follower (participant) gets a cascade without the key hint: the trainer moves it.
    """
    data = lesson.diagrams
    if data is None or step.diagram is None:
        return None
    if step.diagram == "cascade" and data.cascade:
        view = (FollowedCascade if follower else CascadeView)(data.cascade)
        view.current = max(0, min(link, len(data.cascade) - 1))
        return view
    if step.diagram == "timeline" and data.timeline and data.timeline_marks:
        return TimelineView(data.timeline_marks, data.timeline)
    return None


class StepParts:
    """The widgets of one step (title with badge, diagram, text, key point), kept.

    A screen that steps through a lesson shows the next step in the same widgets
    (`show`) instead of building a new screen, and holds them here rather than
    querying for them: a query walks the whole screen, in the frame of the step.
    """

    def __init__(self, lesson: Lesson, step: Step, link: int = 0, *, follower: bool = False):
        self.lesson = lesson
        self.follower = follower
        self.heading = StepHeading(step.title, step.evidence, id="step-heading")
        self.diagram = step_diagram(lesson, step, link, follower=follower)
        self.text = StepText(step.text, id="step-text")
        self.key_point = Static(key_point_text(step), id="key-point")

    def __iter__(self) -> Iterator[Widget]:
        """The widgets to compose, in the order they are shown."""
        yield self.heading
        if self.diagram is not None:
            yield self.diagram
        yield self.text
        yield self.key_point

    @property
    def cascade(self) -> CascadeView | None:
        """The step's cascade diagram, if it has one (→ and ← step through its links)."""
        return self.diagram if isinstance(self.diagram, CascadeView) else None

    def show(self, step: Step, link: int = 0) -> None:
        """Show `step` in these widgets; only a diagram is replaced, when there is one."""
        self.heading.show(step.title, step.evidence)
        if self.diagram is not None:
            self.diagram.remove()
        self.diagram = step_diagram(self.lesson, step, link, follower=self.follower)
        parent = self.heading.parent
        if self.diagram is not None and isinstance(parent, Widget):
            parent.mount(self.diagram, after=self.heading)
        self.text.update(step.text)
        self.key_point.update(key_point_text(step))

    def prepare(self, steps: Iterable[Step]) -> None:
        """Parse and wrap the texts of steps that may come next, while nothing else happens."""
        for step in steps:
            self.text.prepare(step.text)

    def show_link(self, link: int) -> None:
        """Highlight cascade link `link` (the trainer moves it in group sessions)."""
        cascade = self.cascade
        if cascade is not None:
            cascade.current = max(0, min(link, len(cascade.links) - 1))


def key_point_text(step: Step) -> Text:
    """ "Onthoud: ..." with the step's key point."""
    text = Text(f"{strings.KEY_POINT}: ", style="bold")
    text.append(step.key_point)
    return text
