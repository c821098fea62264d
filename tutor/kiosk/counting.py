"""What the kiosk counts about an answer: the whole question and each part, right or wrong.

A "part" is an option (`single`, `multiple`), an item (`order`), a pair (`match`)
or a statement (`evidence`), numbered from 1 in the order of the quiz file. Part 0
is the whole question. Only these numbers and right/wrong are counted; never what
someone typed, never when. Never imports Textual.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from tutor.core.content.models import (
    EvidenceQuestion,
    MatchQuestion,
    MultipleQuestion,
    OrderQuestion,
    Question,
    SingleQuestion,
)
from tutor.core.quiz import QuizRun, Response, Verdict

WHOLE_QUESTION = 0


def answer_parts(question: Question, response: Response) -> list[tuple[int, bool]]:
    """Each part of the question with whether the learner got that part right.

    For options: right when the learner chose it exactly if it is correct (a wrong
    option that was chosen, or a right one that was missed, counts as wrong). For
    items, pairs and statements: right when put in the right place or level.
    `true_false` has no parts besides the whole question.
    """
    if isinstance(question, SingleQuestion | MultipleQuestion):
        chosen = frozenset(response)
        return [
            (number, (index in chosen) == option.correct)
            for number, (index, option) in enumerate(enumerate(question.options), 1)
        ]
    if isinstance(question, OrderQuestion | MatchQuestion):
        placed = tuple(response)
        return [(index + 1, placed[index] == index) for index in range(len(placed))]
    if isinstance(question, EvidenceQuestion):
        pairs = zip(question.statements, tuple(response), strict=False)
        return [
            (index + 1, level == statement.level) for index, (statement, level) in enumerate(pairs)
        ]
    return []


def part_label(question: Question, part: int) -> str | None:
    """The text of a part, for the `tutor stats` table (None if the quiz changed)."""
    if isinstance(question, SingleQuestion | MultipleQuestion):
        texts = [option.text for option in question.options]
    elif isinstance(question, OrderQuestion):
        texts = list(question.items)
    elif isinstance(question, MatchQuestion):
        texts = [pair.term for pair in question.pairs]
    elif isinstance(question, EvidenceQuestion):
        texts = [statement.text for statement in question.statements]
    else:
        texts = []
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
