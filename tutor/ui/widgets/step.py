"""The widgets of one explanation step: self-study, trainer and participant screens.

Title with evidence badge, diagram (people would rather look than read, so it
comes first), text and key point; in group sessions with the cascade highlight
set by the trainer. Never the trainer's note: that lives only in the trainer's
side panel.
"""

from __future__ import annotations

from collections.abc import Iterator

from rich.text import Text
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Static

from tutor.core.content.models import Lesson, Step
from tutor.core.text import common as strings
from tutor.ui.widgets.diagrams import CascadeView, TimelineView
from tutor.ui.widgets.evidence import EvidenceBadge
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


def step_widgets(
    lesson: Lesson, step: Step, link: int = 0, *, follower: bool = False
) -> Iterator[Widget]:
    """Title with evidence badge, diagram, text and key point of a step."""
    heading = Horizontal(
        Static(step.title, id="step-title", markup=False),
        EvidenceBadge(step.evidence),
        id="step-heading",
    )
    yield heading
    diagram = step_diagram(lesson, step, link, follower=follower)
    if diagram is not None:
        yield diagram
    yield StepText(step.text, id="step-text")
    key_point = Text(f"{strings.KEY_POINT}: ", style="bold")
    key_point.append(step.key_point)
    yield Static(key_point, id="key-point")


def show_link(root: Widget, link: int) -> None:
    """Highlight cascade link `link` in every cascade below `root`."""
    for cascade in root.query(CascadeView):
        cascade.current = max(0, min(link, len(cascade.links) - 1))
