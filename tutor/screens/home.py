"""The home screen: the lessons in learning order, and any file that broke."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.text import Text
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import Label, ListItem, ListView, Static

from tutor import strings
from tutor.content.cards import LessonCard
from tutor.content.errors import Problem
from tutor.screens.base import TutorScreen


class LessonItem(ListItem):
    """One lesson in the list: number, title and summary."""

    def __init__(self, number: int, card: LessonCard, status: str | None) -> None:
        heading = Text(f"{number}  ", style="bold")
        heading.append(card.title, style="bold")
        labels = [
            Label(heading, markup=False),
            Label(card.summary, classes="lesson-summary", markup=False),
        ]
        if status:
            labels.append(Label(status, classes="lesson-status", markup=False))
        super().__init__(*labels, classes="lesson-item")
        self.lesson_id = card.id


class HomeScreen(TutorScreen):
    """Lists the lessons; digits 1-9, arrows + Enter, or a click open one."""

    BINDINGS = [
        Binding("q", "app.quit", "Stoppen"),
        Binding("h", "app.start_review", "Herhalen"),
        *[Binding(str(n), f"open({n})", show=False) for n in range(1, 10)],
    ]

    def __init__(self, cards: Sequence[LessonCard], problems: Sequence[Problem]) -> None:
        super().__init__(id="home")
        self.cards = list(cards)
        self.problems = list(problems)
        self._shown = False

    def compose_body(self) -> Iterable[Widget]:
        yield Static(strings.HOME_INTRO, id="home-intro", markup=False)
        app = self.app
        notice = getattr(app, "notice", None)
        if notice:
            yield Static(notice, id="notice", markup=False)
        if not self.cards:
            yield Static(strings.HOME_NO_LESSONS, classes="warning", markup=False)
        if self.problems:
            lines = [strings.HOME_BROKEN, *(f"• {problem}" for problem in self.problems)]
            yield Static("\n".join(lines), classes="warning", id="broken", markup=False)
        review = getattr(app, "review_line", lambda: None)()
        if review:
            yield Static(review, id="review-due", markup=False)
        status = getattr(app, "lesson_status", lambda _: None)
        yield ListView(
            *[
                LessonItem(number, card, status(card.id))
                for number, card in enumerate(self.cards, 1)
            ],
            id="lessons",
        )

    async def show_lessons(self, cards: Sequence[LessonCard], problems: Sequence[Problem]) -> None:
        """Show the validated lessons and the files that broke, if that changes anything."""
        if list(cards) == self.cards and list(problems) == self.problems:
            return
        self.cards, self.problems = list(cards), list(problems)
        await self._recompose_keeping_place()

    async def on_screen_resume(self) -> None:
        """Coming back from a lesson: show the new progress (not on the first showing)."""
        if not self._shown:
            self._shown = True
            return
        if getattr(self.app, "progress", None) is not None:
            await self._recompose_keeping_place()

    async def _recompose_keeping_place(self) -> None:
        index = self.query_one("#lessons", ListView).index
        await self.recompose()
        lessons = self.query_one("#lessons", ListView)
        lessons.index = min(index or 0, max(0, len(self.cards) - 1))
        lessons.focus()

    def on_list_view_selected(self, event: ListView.Selected) -> None:
        """Open the lesson that was chosen with Enter or a click."""
        assert isinstance(event.item, LessonItem)
        self.app.open_lesson(event.item.lesson_id)  # type: ignore[attr-defined]

    def action_open(self, number: int) -> None:
        """Open lesson `number` (1-based)."""
        if 1 <= number <= len(self.cards):
            self.app.open_lesson(self.cards[number - 1].id)  # type: ignore[attr-defined]
