"""The home screen: the lessons in learning order, and any file that broke."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import Label, ListItem, ListView, Static

from tutor import strings
from tutor.content.loader import Content
from tutor.screens.base import TutorScreen


class LessonItem(ListItem):
    """One lesson in the list: number, title and summary."""

    def __init__(self, number: int, lesson_id: str, title: str, summary: str) -> None:
        heading = Text(f"{number}  ", style="bold")
        heading.append(title, style="bold")
        super().__init__(
            Label(heading, markup=False),
            Label(summary, classes="lesson-summary", markup=False),
            classes="lesson-item",
        )
        self.lesson_id = lesson_id


class HomeScreen(TutorScreen):
    """Lists the lessons; digits 1-9, arrows + Enter, or a click open one."""

    BINDINGS = [
        Binding("q", "app.quit", "Stoppen"),
        *[Binding(str(n), f"open({n})", show=False) for n in range(1, 10)],
    ]

    def __init__(self, content: Content) -> None:
        super().__init__(id="home")
        self.content = content

    def compose_body(self) -> Iterable[Widget]:
        yield Static(strings.HOME_INTRO, id="home-intro", markup=False)
        if not self.content.lessons:
            yield Static(strings.HOME_NO_LESSONS, classes="warning", markup=False)
        yield ListView(
            *[
                LessonItem(number, lesson.id, lesson.title, lesson.summary)
                for number, lesson in enumerate(self.content.lessons, 1)
            ],
            id="lessons",
        )
        if self.content.problems:
            lines = [strings.HOME_BROKEN, *(f"• {problem}" for problem in self.content.problems)]
            yield Static("\n".join(lines), classes="warning", id="broken", markup=False)

    def on_list_view_selected(self, event: ListView.Selected) -> None:
        """Open the lesson that was chosen with Enter or a click."""
        assert isinstance(event.item, LessonItem)
        self.app.open_lesson(event.item.lesson_id)  # type: ignore[attr-defined]

    def action_open(self, number: int) -> None:
        """Open lesson `number` (1-based)."""
        if 1 <= number <= len(self.content.lessons):
            self.app.open_lesson(self.content.lessons[number - 1].id)  # type: ignore[attr-defined]
