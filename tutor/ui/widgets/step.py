"""The widgets of one explanation step: self-study, trainer and participant screens.

Title with evidence badge, diagram (people would rather look than read, so it
comes first), text and key point; in group sessions with the cascade highlight
set by the trainer. Never the trainer's note: that lives only in the trainer's
side panel. `show_step` puts another step in the same widgets, so a screen that
steps through a lesson need not build a new screen per step.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

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
    yield Static(key_point_text(step), id="key-point")


def key_point_text(step: Step) -> Text:
    """ "Onthoud: ..." with the step's key point."""
    text = Text(f"{strings.KEY_POINT}: ", style="bold")
    text.append(step.key_point)
    return text


def show_step(root: Widget, lesson: Lesson, step: Step, link: int = 0) -> None:
    """Show `step` in the widgets `step_widgets` made below `root`, instead of new ones.

    Only what differs is changed (title, badge, text, key point); a diagram is
    replaced only when there is one, so most steps need no new widget at all.
    """
    root.query_one("#step-title", Static).update(step.title)
    root.query_one(EvidenceBadge).show(step.evidence)
    heading = root.query_one("#step-heading")
    for old in root.query(".diagram"):
        old.remove()
    diagram = step_diagram(lesson, step, link)
    if diagram is not None and isinstance(heading.parent, Widget):
        heading.parent.mount(diagram, after=heading)
    root.query_one(StepText).update(step.text)
    root.query_one("#key-point", Static).update(key_point_text(step))


def prepare_steps(root: Widget, steps: Iterable[Step]) -> None:
    """Parse and wrap the texts of steps that may come next, while nothing else happens."""
    for text in root.query(StepText):
        for step in steps:
            text.prepare(step.text)


def show_link(root: Widget, link: int) -> None:
    """Highlight cascade link `link` in every cascade below `root`."""
    for cascade in root.query(CascadeView):
        cascade.current = max(0, min(link, len(cascade.links) - 1))
