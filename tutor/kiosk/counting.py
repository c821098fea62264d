"""What the kiosk counts about an answer: the whole question and each part, right or wrong.

A "part" is an option (`single`, `multiple`), an item (`order`), a pair (`match`)
or a statement (`evidence`), numbered from 1 in the order of the quiz file. Part 0
is the whole question. Only these numbers and right/wrong are counted; never what
someone typed, never when. Never imports Textual.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from tutor.core.content.models import Question
from tutor.core.questions import kind_of
from tutor.core.quiz import QuizRun, Response, Verdict

WHOLE_QUESTION = 0


def answer_parts(question: Question, response: Response) -> list[tuple[int, bool]]:
    """Each part of the question with whether the learner got that part right.

    For options: right when the learner chose it exactly if it is correct (a wrong
    option that was chosen, or a right one that was missed, counts as wrong). For
    items, pairs and statements: right when put in the right place or level.
    `true_false` and `explain` have no parts besides the whole question. Each
    question kind says what its parts are (`QuestionKind.parts`).
    """
    return kind_of(question).parts(question, response)


def part_label(question: Question, part: int) -> str | None:
    """The text of a part, for the `tutor stats` table (None if the quiz changed)."""
    texts = kind_of(question).part_labels(question)
    return texts[part - 1] if 1 <= part <= len(texts) else None


AnswerHook = Callable[[Question, Response, Verdict], None]


@dataclass
class CountedRun(QuizRun):
    """A quiz run that reports every answer as it is checked (for the anonymous counts).

    Attributes:
        on_answer: Called with the question, the response and the verdict.
    """

    on_answer: AnswerHook | None = None

    def answer(self, response: Response) -> Verdict:
        """Check and record the answer, then report it."""
        question = self.current
        verdict = super().answer(response)
        if self.on_answer is not None:
            self.on_answer(question, response, verdict)
        return verdict
