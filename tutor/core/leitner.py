"""The review of mistakes ("Herhalen"): Leitner boxes and the order of the queue.

Kept apart from `tutor.core.quiz` so the store can use it without importing pydantic
(start-up time). Never imports Textual.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

BOX_INTERVALS_DAYS = (0, 1, 3, 7)
"""Days until a question in box 1, 2, 3 or 4 comes back."""
CONFIDENCE_LEVELS = ("zeker", "twijfel", "gok")


def next_box(box: int | None, correct: bool) -> int | None:
    """The Leitner box after an answer; None when the question leaves the review.

    Wrong always goes (back) to box 1. Right moves one box up; right in the last
    box means the question is mastered. A question that was never wrong (box None)
    stays out of the review when answered right.
    """
    if not correct:
        return 1
    if box is None or box >= len(BOX_INTERVALS_DAYS):
        return None
    return box + 1


def due_after(box: int, today: date) -> date:
    """The day a question in `box` is due again."""
    return today + timedelta(days=BOX_INTERVALS_DAYS[box - 1])


@dataclass(frozen=True, order=True)
class ReviewItem:
    """A question waiting in the review queue.

    Ordered so that confidently wrong answers come first, then lower boxes,
    then the oldest due date.
    """

    sort_key: tuple[int, int, str] = field(init=False, repr=False)
    lesson_id: str = field(compare=False)
    question_id: str = field(compare=False)
    box: int = field(compare=False)
    due: date = field(compare=False)
    confident_wrong: bool = field(compare=False, default=False)

    def __post_init__(self) -> None:
        key = (0 if self.confident_wrong else 1, self.box, self.due.isoformat())
        object.__setattr__(self, "sort_key", key)


def review_queue(items: Sequence[ReviewItem], today: date) -> list[ReviewItem]:
    """The items due today or earlier, in the order they should be asked."""
    return sorted(item for item in items if item.due <= today)
