"""Quiz logic: checking answers, scoring and retrying wrong questions.

Pure Python; the app only shows what this module decides. Never imports Textual.

Responses per question type (indices refer to the order in the YAML file):
    single, multiple: frozenset of chosen option indices.
    true_false: bool.
    order: tuple of item indices in the order the learner put them.
    match: tuple with, for every pair, the index of the meaning the learner chose.
    evidence: tuple with, for every statement, the level the learner chose.
    explain: frozenset of the key-point indices the learner says they covered.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from tutor.core.content.models import (
    EvidenceQuestion,
    ExplainQuestion,
    MatchQuestion,
    MultipleQuestion,
    OrderQuestion,
    Question,
    SingleQuestion,
    TrueFalseQuestion,
    quote_texts,
)
from tutor.core.leitner import (  # noqa: F401  (the review queue is part of the quiz logic)
    BOX_INTERVALS_DAYS,
    CONFIDENCE_LEVELS,
    ReviewItem,
    due_after,
    next_box,
    review_queue,
)
from tutor.core.text import common as strings

Response = Any


@dataclass(frozen=True)
class Verdict:
    """The outcome of one answer.

    Attributes:
        correct: Whether the answer was right.
        feedback: Lines that say why, for the chosen option(s) or items.
        quotes: The passages of the article that hold the answer.
    """

    correct: bool
    feedback: tuple[str, ...]
    quotes: tuple[str, ...]


def item_count(question: Question) -> int:
    """How many things the learner chooses between or places."""
    if isinstance(question, SingleQuestion | MultipleQuestion):
        return len(question.options)
    if isinstance(question, TrueFalseQuestion):
        return 2
    if isinstance(question, OrderQuestion):
        return len(question.items)
    if isinstance(question, MatchQuestion):
        return len(question.pairs)
    if isinstance(question, ExplainQuestion):
        return len(question.key_points)
    return len(question.statements)


def shuffled(count: int, rng: random.Random) -> list[int]:
    """Return a presentation order for `count` items (never the given order if avoidable)."""
    order = list(range(count))
    if count < 2:
        return order
    for _ in range(5):
        rng.shuffle(order)
        if order != sorted(order):
            break
    return order


def check(question: Question, response: Response) -> Verdict:
    """Check a response to a question and explain the outcome."""
    quotes = quote_texts(question.quotes)
    if isinstance(question, SingleQuestion | MultipleQuestion):
        return _check_choice(question, frozenset(response), quotes)
    if isinstance(question, TrueFalseQuestion):
        said = bool(response)
        text = question.feedback_true if said else question.feedback_false
        return Verdict(said == question.answer, (text,), quotes)
    if isinstance(question, OrderQuestion):
        right = tuple(response) == tuple(range(len(question.items)))
        lines = [question.explanation]
        if not right:
            lines.append(strings.ANSWER_RIGHT_ORDER)
            lines += [f"{n}. {item}" for n, item in enumerate(question.items, 1)]
        return Verdict(right, tuple(lines), quotes)
    if isinstance(question, MatchQuestion):
        chosen = tuple(response)
        right = chosen == tuple(range(len(question.pairs)))
        lines = [question.explanation]
        if not right:
            lines.append(strings.ANSWER_RIGHT_PAIRS)
            lines += [f"{pair.term} = {pair.meaning}" for pair in question.pairs]
        return Verdict(right, tuple(lines), quotes)
    if isinstance(question, ExplainQuestion):
        return _check_explain(question, frozenset(response), quotes)
    return _check_evidence(question, tuple(response), quotes)


def _check_explain(
    question: ExplainQuestion, covered: frozenset[int], quotes: tuple[str, ...]
) -> Verdict:
    """Teach-back: right when the learner covered every key point."""
    lines = [strings.ANSWER_MODEL.format(text=" ".join(question.model_answer.split()))]
    lines += [
        f"{'✓' if i in covered else '✗'} {point.text}"
        for i, point in enumerate(question.key_points)
    ]
    return Verdict(covered >= set(range(len(question.key_points))), tuple(lines), quotes)


def _check_choice(
    question: SingleQuestion | MultipleQuestion, chosen: frozenset[int], quotes: tuple[str, ...]
) -> Verdict:
    correct = frozenset(i for i, option in enumerate(question.options) if option.correct)
    lines = [question.options[i].feedback for i in sorted(chosen)]
    if isinstance(question, MultipleQuestion):
        lines += [
            strings.ANSWER_ALSO_RIGHT.format(option=question.options[i].text)
            + f" {question.options[i].feedback}"
            for i in sorted(correct - chosen)
        ]
    return Verdict(chosen == correct, tuple(lines), quotes)


def _check_evidence(
    question: EvidenceQuestion, levels: tuple[str, ...], quotes: tuple[str, ...]
) -> Verdict:
    lines = []
    right = len(levels) == len(question.statements)
    for statement, level in zip(question.statements, levels, strict=False):
        mark = "✓" if level == statement.level else "✗"
        right = right and level == statement.level
        line = f"{mark} " + strings.ANSWER_LEVEL.format(
            text=statement.text, level=strings.EVIDENCE_LABELS[statement.level]
        )
        if statement.feedback:
            line += f" {statement.feedback}"
        lines.append(line)
    lines.append(question.explanation)
    return Verdict(right, tuple(lines), quotes)


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
