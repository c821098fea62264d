"""The shared state says where the group is (lesson id, index, sub), and nothing more."""

from __future__ import annotations

import json

from conftest import GOOD_ROOT
from tutor.core.content.loader import load_content
from tutor.group.wire import SessionContent, own_state, shared_state
from tutor.store.group import Position

GOOD = load_content(GOOD_ROOT)
LESSON = GOOD.lesson("mini-les")
CONTENT = SessionContent(LESSON, GOOD.quizzes["mini-les"].questions)


def test_position_is_in_the_shared_state() -> None:
    state = shared_state(CONTENT, "123456", Position(LESSON.id, "step", 1, 2), away=False)
    assert (state["lesson_id"], state["kind"], state["index"], state["sub"]) == (
        "mini-les",
        "step",
        1,
        2,
    )
    question = shared_state(CONTENT, "123456", Position(LESSON.id, "question", 0), away=False)
    assert (question["index"], question["sub"]) == (0, 0)
    assert "key" not in question["question"] and "quotes" not in question["question"]  # type: ignore[operator]


def test_a_place_past_the_content_is_the_lobby() -> None:
    state = shared_state(CONTENT, "123456", Position(LESSON.id, "step", 99, 3), away=False)
    assert (state["kind"], state["index"], state["sub"]) == ("lobby", 0, 0)


def test_no_trainer_note_in_any_step() -> None:
    for index, step in enumerate(LESSON.steps):
        state = shared_state(CONTENT, "123456", Position(LESSON.id, "step", index), away=False)
        if step.trainer_note:
            assert step.trainer_note not in json.dumps(state, ensure_ascii=False)


def test_a_session_ended_at_a_question_still_gives_the_score() -> None:
    questions = CONTENT.questions
    right = next(index for index, option in enumerate(questions[0].options) if option.correct)  # type: ignore[union-attr]
    ended = Position(LESSON.id, "question", 0, ended=True)
    mine = own_state(CONTENT, "123456", ended, {0: f"[{right}]"})
    assert mine == {"score": f"Jij had 1 van {len(questions)} vragen goed."}
