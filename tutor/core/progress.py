"""The learner's progress in words: status lines per lesson and the "Herhalen" line.

Plain Python, shared by the self-study home screen and `tutor progress`; the numbers
come from the progress store (`tutor.store.progress`), which this module does not import.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import TYPE_CHECKING, Protocol

from tutor.core.leitner import ReviewItem, review_queue
from tutor.core.text import common as strings

if TYPE_CHECKING:
    from tutor.core.content.loader import Content
    from tutor.core.content.models import Lesson, Question


class SavedProgress(Protocol):
    """What the store keeps about one lesson."""

    @property
    def step(self) -> int:
        """The step last on screen (0-based)."""
        ...

    @property
    def steps_total(self) -> int:
        """How many steps the lesson had then."""
        ...

    @property
    def finished(self) -> bool:
        """Whether the quiz was finished once."""
        ...

    @property
    def best_right(self) -> int | None:
        """The best score, if any."""
        ...

    @property
    def best_total(self) -> int | None:
        """Out of how many questions."""
        ...

    @property
    def best_on(self) -> datetime.date | None:
        """The day of the best score."""
        ...


def status_line(saved: SavedProgress | None, steps_total: int | None = None) -> str:
    """ "Nog niet begonnen", "Bezig: stap x van y" or "Klaar: ..." for one lesson."""
    if saved is None:
        return strings.STATUS_NOT_STARTED
    if saved.finished and saved.best_right is not None and saved.best_on is not None:
        return strings.STATUS_DONE.format(
            right=saved.best_right, total=saved.best_total, day=saved.best_on.strftime("%d-%m-%Y")
        )
    total = steps_total or saved.steps_total
    return strings.STATUS_IN_PROGRESS.format(step=saved.step + 1, total=total)


def review_line(count: int, *, when_none: bool = False) -> str | None:
    """The line about `count` questions due for "Herhalen" (None for 0 unless `when_none`)."""
    if count == 0:
        return strings.REVIEW_NONE if when_none else None
    return strings.REVIEW_DUE_ONE if count == 1 else strings.REVIEW_DUE.format(count=count)


def due_questions(
    content: Content, items: Iterable[ReviewItem], today: datetime.date
) -> list[tuple[Lesson, Question]]:
    """The questions due for review today that still exist, in the order to ask them."""
    found = []
    for item in review_queue(list(items), today):
        quiz = content.quizzes.get(item.lesson_id)
        question = (
            next((q for q in quiz.questions if q.id == item.question_id), None) if quiz else None
        )
        if question is not None:
            found.append((content.lesson(item.lesson_id), question))
    return found
