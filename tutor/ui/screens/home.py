"""The home screen: the lessons in learning order, and any file that broke."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from tutor.core.content.cards import LessonCard
from tutor.core.content.errors import Problem
from tutor.core.text import common as strings
from tutor.ui.frame import TutorScreen
from tutor.ui.messages import LessonChosen


class LessonItem(Static, can_focus=True):
    """One lesson in the list: number, title, summary and progress, in one widget.

    One widget per lesson (not a ListView of items with labels) keeps the home
    screen cheap to build, which is most of the tutor's start-up time. Arrows move
    between lessons, Enter or a click opens one.
    """

    BINDINGS = [
        Binding("enter", "choose", show=False),
        Binding("up", "move(-1)", show=False),
        Binding("down", "move(1)", show=False),
    ]

    def __init__(self, number: int, card: LessonCard, status: str | None) -> None:
        self.number, self.card, self.status = number, card, status
        super().__init__(self._content(highlighted=False), classes="lesson-item")

    @property
    def lesson_id(self) -> str:
        """The id of the lesson this item opens."""
        return self.card.id

    def _content(self, *, highlighted: bool) -> Content:
        """Title in bold, the summary in the item's (muted) colour, then the progress."""
        parts: list[str | tuple[str, str]] = [
            (f"{self.number}  {self.card.title}", "bold $foreground"),
            "\n",
            self.card.summary,
        ]
        if self.status:
            # On the highlight the item's own colour reads better than the accent.
            parts += ["\n", (self.status, "bold" if highlighted else "$accent")]
        return Content.assemble(*parts)

    def on_focus(self) -> None:
        self.update(self._content(highlighted=True))

    def on_blur(self) -> None:
        self.update(self._content(highlighted=False))

    def action_choose(self) -> None:
        """Open this lesson."""
        self.post_message(LessonChosen(self.lesson_id))

    def on_click(self) -> None:
        self.action_choose()

    def action_move(self, step: int) -> None:
        """Move the focus to the lesson above or below."""
        items = list(self.screen.query(LessonItem))
        index = items.index(self) + step
        if 0 <= index < len(items):
            items[index].focus()


class LearnerStatus(Protocol):
    """What the lesson list shows about one learner's progress (self-study only)."""

    @property
    def notice(self) -> str | None:
        """A message to show above the lessons (e.g. progress is not saved), or None."""

    def lesson_status(self, lesson_id: str) -> str | None:
        """ "Nog niet begonnen", "Bezig: ..." or "Klaar: ..." for one lesson."""

    def review_line(self) -> str | None:
        """The line about questions due for "Herhalen", or None."""


class HomeScreen(TutorScreen):
    """Lists the lessons; digits 1-9, arrows + Enter, or a click open one."""

    AUTO_FOCUS = None  # the first lesson gets the focus, without scrolling the intro away
    BINDINGS = [
        Binding("q", "app.quit", "Stoppen"),
        Binding("h", "app.start_review", "Herhalen"),
        *[Binding(str(n), f"open({n})", "Les openen", show=False) for n in range(1, 10)],
    ]

    def __init__(
        self,
        cards: Sequence[LessonCard],
        problems: Sequence[Problem],
        learner: LearnerStatus | None = None,
    ) -> None:
        """Create the list.

        Args:
            cards: The lessons to list.
            problems: Lesson files that did not load (shown to the learner as broken).
            learner: Where progress lines come from; None shows none (kiosk, trainer).
        """
        super().__init__(id="home")
        self.learner = learner
        self.cards = list(cards)
        self.problems = list(problems)
        self._shown = False

    def compose_body(self) -> Iterable[Widget]:
        yield Static(strings.HOME_INTRO, id="home-intro", markup=False)
        notice = self.learner.notice if self.learner is not None else None
        if notice:
            yield Static(notice, id="notice", markup=False)
        if not self.cards:
            yield Static(strings.HOME_NO_LESSONS, classes="warning", markup=False)
        if self.problems:
            lines = [strings.HOME_BROKEN, *(f"• {problem}" for problem in self.problems)]
            yield Static("\n".join(lines), classes="warning", id="broken", markup=False)
        review = self.learner.review_line() if self.learner is not None else None
        if review:
            yield Static(review, id="review-due", markup=False)
        learner = self.learner
        status = learner.lesson_status if learner is not None else (lambda _: None)
        yield Vertical(
            *[
                LessonItem(number, card, status(card.id))
                for number, card in enumerate(self.cards, 1)
            ],
            id="lessons",
        )

    def on_mount(self) -> None:
        items = self.query(LessonItem)
        if items:
            items.first().focus(scroll_visible=False)

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
        if self.learner is not None:
            await self._recompose_keeping_place()

    async def _recompose_keeping_place(self) -> None:
        items = list(self.query(LessonItem))
        focused = self.focused
        index = items.index(focused) if isinstance(focused, LessonItem) else 0
        await self.recompose()
        items = list(self.query(LessonItem))
        if items:
            items[min(index, len(items) - 1)].focus()

    def action_open(self, number: int) -> None:
        """Open lesson `number` (1-based)."""
        if 1 <= number <= len(self.cards):
            self.post_message(LessonChosen(self.cards[number - 1].id))
