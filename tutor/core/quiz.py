"""Quiz runs: scoring and retrying wrong questions.

Pure Python; the app only shows what this module decides. Never imports Textual.
What each question type means (its response, check and right answer) lives in
`tutor.core.questions`; `check`, `Verdict` and `Response` are re-exported here.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from tutor.core.content.models import Question
from tutor.core.leitner import (  # noqa: F401  (the review queue is part of the quiz logic)
    BOX_INTERVALS_DAYS,
    CONFIDENCE_LEVELS,
    ReviewItem,
    due_after,
    next_box,
    review_queue,
)
from tutor.core.questions import Response, Verdict, check, kind_of, shuffled

__all__ = ["QuizRun", "Response", "Verdict", "check", "item_count", "shuffled"]


def item_count(question: Question) -> int:
    """How many things the learner chooses between or places."""
    return kind_of(question).item_count(question)


@dataclass
class QuizRun:
    """One pass through (some of) a quiz's questions.

    Attributes:
        questions: The questions of this pass, in order.
        pass_mark: Fraction of right answers needed to pass.
        is_retry: True when this pass repeats questions that were wrong.
        verdicts: The verdict per question id, once answered.
        index: The position of the current question.
    """

    questions: Sequence[Question]
    pass_mark: float = 0.7
    is_retry: bool = False
    verdicts: dict[str, Verdict] = field(default_factory=dict)
    index: int = 0
    lesson_ids: Sequence[str] | None = None
    """For a review across lessons: the lesson of each question (else None)."""

    @property
    def is_review(self) -> bool:
        """True for a "Herhalen" run with questions from several lessons."""
        return self.lesson_ids is not None

    def key(self, index: int) -> str:
        """The id under which the answer to question `index` is kept."""
        question_id = self.questions[index].id
        return f"{self.lesson_ids[index]}/{question_id}" if self.lesson_ids else question_id

    @property
    def current(self) -> Question:
        """The question being asked now."""
        return self.questions[self.index]

    @property
    def finished(self) -> bool:
        """True once every question has been answered and the run moved past the last."""
        return self.index >= len(self.questions)

    def answer(self, response: Response) -> Verdict:
        """Record the answer to the current question and return its verdict."""
        verdict = check(self.current, response)
        self.verdicts[self.key(self.index)] = verdict
        return verdict

    def advance(self) -> None:
        """Move to the next question."""
        self.index += 1

    @property
    def right(self) -> int:
        """How many questions were answered right."""
        return sum(verdict.correct for verdict in self.verdicts.values())

    @property
    def total(self) -> int:
        """How many questions this run has."""
        return len(self.questions)

    @property
    def needed(self) -> int:
        """How many right answers are needed to pass."""
        return math.ceil(self.pass_mark * self.total - 1e-9)

    @property
    def passed(self) -> bool:
        """Whether enough questions were answered right."""
        return self.right >= self.needed

    def _wrong_indices(self) -> list[int]:
        return [
            i
            for i in range(len(self.questions))
            if not (self.key(i) in self.verdicts and self.verdicts[self.key(i)].correct)
        ]

    def wrong_questions(self) -> list[Question]:
        """The questions answered wrongly (or not at all), in quiz order."""
        return [self.questions[i] for i in self._wrong_indices()]

    def retry(self) -> QuizRun:
        """A new run with only the questions that were wrong."""
        wrong = self._wrong_indices()
        lesson_ids = [self.lesson_ids[i] for i in wrong] if self.lesson_ids else None
        return QuizRun(
            [self.questions[i] for i in wrong], self.pass_mark, is_retry=True, lesson_ids=lesson_ids
        )
