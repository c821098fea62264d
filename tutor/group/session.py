"""The trainer's side of a group session: where the group is, and moving on.

`TrainerSession` walks lobby → steps → questions → open questions ("Wat we nog
niet weten") → summary, and writes every move to the store so participants
follow. Pure logic, no Textual; the trainer app draws what it says.
"""

from __future__ import annotations

from collections.abc import Sequence

from tutor.core.content.models import Lesson, Question, Step
from tutor.group.answers import (
    QuestionSummary,
    display_order,
    summarise,
    takes_hands,
)
from tutor.group.wire import cascade_length
from tutor.store.group import GroupStore, Position, PositionKind


class TrainerSession:
    """A group session led by the trainer.

    Args:
        store: The shared store.
        lesson: The lesson the group goes through.
        questions: The lesson's quiz questions (may be empty).
        code: An existing session to continue where it was (same code, same answers);
            a new session is opened when None.

    Attributes:
        code: The six-digit code participants type.
        kind: Where the group is: lobby, step, question, review or summary.
        index: Which step, question or open question.
        sub: The highlighted link of a cascade diagram.
        discuss: Whether the tally of this question is shown before the reveal.
        revealed: The questions whose right answer has been shown.
    """

    def __init__(
        self,
        store: GroupStore,
        lesson: Lesson,
        questions: Sequence[Question],
        code: str | None = None,
    ) -> None:
        self.store = store
        self.lesson = lesson
        self.questions = list(questions)
        self.code = code if code is not None else store.create_session(lesson.id)
        self.kind: PositionKind = "lobby"
        self.index = 0
        self.sub = 0
        self.discuss = False
        self.revealed: set[int] = set()
        self._hands: list[tuple[int, int]] = []
        self._stops = self._make_stops()
        if code is not None:
            self._restore()

    def _restore(self) -> None:
        """Continue where an earlier program left this session (e.g. after a crash)."""
        position = self.store.position(self.code)
        self.revealed = {i for i in self.store.revealed(self.code) if i < len(self.questions)}
        if (position.kind, position.index) in self._stops:
            self.kind, self.index = position.kind, position.index
            step = self.step
            limit = cascade_length(self.lesson, step) if step is not None else 0
            self.sub = position.sub if position.sub < limit else 0
            self.discuss = position.discuss
        self.store.touch_trainer(self.code)

    def _make_stops(self) -> list[tuple[PositionKind, int]]:
        stops: list[tuple[PositionKind, int]] = [("lobby", 0)]
        stops += [("step", i) for i in range(len(self.lesson.steps))]
        stops += [("question", i) for i in range(len(self.questions))]
        stops += [("review", i) for i in range(len(self.lesson.unknowns))]
        stops.append(("summary", 0))
        return stops

    @property
    def position(self) -> Position:
        """The trainer's position as participants see it."""
        return Position(
            self.lesson.id,
            self.kind,
            self.index,
            self.sub,
            revealed=self.kind == "question" and self.index in self.revealed,
            discuss=self.discuss,
        )

    @property
    def step(self) -> Step | None:
        """The step on screen, if the group is at a step."""
        return self.lesson.steps[self.index] if self.kind == "step" else None

    @property
    def question(self) -> Question | None:
        """The question on screen, if the group is at a question."""
        return self.questions[self.index] if self.kind == "question" else None

    def publish(self) -> None:
        """Write the position to the store, so participants follow."""
        position = self.position
        self.store.set_position(
            self.code,
            position.kind,
            position.index,
            revealed=position.revealed,
            discuss=position.discuss,
            sub=position.sub,
        )

    def _go(self, delta: int) -> bool:
        at = self._stops.index((self.kind, self.index))
        target = at + delta
        if not 0 <= target < len(self._stops):
            return False
        self.kind, self.index = self._stops[target]
        self.sub = 0
        self.discuss = False
        self.publish()
        return True

    def next(self) -> bool:
        """Go to the next cascade link or stop; False at the end."""
        step = self.step
        if step is not None and self.sub + 1 < cascade_length(self.lesson, step):
            self.sub += 1
            self.publish()
            return True
        return self._go(+1)

    def previous(self) -> bool:
        """Go back one cascade link or stop; False at the start."""
        if self.step is not None and self.sub > 0:
            self.sub -= 1
            self.publish()
            return True
        return self._go(-1)

    def reveal(self) -> bool:
        """Show the right answer of this question; answers close. False if not at a question."""
        if self.kind != "question" or self.index in self.revealed:
            return False
        self.revealed.add(self.index)
        self.discuss = False
        self.publish()
        return True

    def toggle_discuss(self) -> bool:
        """Show or hide the tally before the reveal. False if not at an open question."""
        if self.kind != "question" or self.index in self.revealed:
            return False
        self.discuss = not self.discuss
        self.publish()
        return True

    def order(self) -> list[int]:
        """The display order of the current question's options (every app uses the same)."""
        question = self.question
        return display_order(self.code, question) if question is not None else []

    def add_hand(self, number: int) -> bool:
        """Add one show-of-hands vote for the option shown as `number` (1-based).

        Returns False when that is not possible: no choice question on screen, no
        such option, or the answer is already revealed.
        """
        question = self.question
        if question is None or not takes_hands(question) or self.index in self.revealed:
            return False
        order = self.order()
        if not 1 <= number <= len(order):
            return False
        option = order[number - 1]
        self.store.add_hand(self.code, self.index, option)
        self._hands.append((self.index, option))
        return True

    def remove_hand(self) -> bool:
        """Take back the last show-of-hands vote on this question; False if there is none."""
        for at in range(len(self._hands) - 1, -1, -1):
            question_index, option = self._hands[at]
            if question_index == self.index and self.kind == "question":
                if self.index in self.revealed:
                    return False
                del self._hands[at]
                self.store.add_hand(self.code, question_index, option, -1)
                return True
        return False

    def answer_count(self) -> tuple[int, int]:
        """Answers to the current question: (all, of which hands)."""
        if self.kind != "question":
            return 0, 0
        devices = self.store.answer_count(self.code, self.index)
        hands = sum(self.store.hands(self.code, self.index).values())
        return devices + hands, hands

    def summary(self) -> list[QuestionSummary]:
        """Per question: how many answered, how many right, the most chosen wrong answer."""
        return [
            summarise(
                number,
                question,
                self.store.tally(self.code, index),
                self.store.hands(self.code, index),
            )
            for index, (number, question) in enumerate(enumerate(self.questions, 1))
        ]

    def end(self) -> None:
        """End the session; participants see that it is over."""
        self.store.end_session(self.code)
