"""Layer 1: scoring, feedback and retry, without any UI."""

from __future__ import annotations

import random

import pytest

from conftest import GOOD_ROOT
from tutor.core.content.loader import load_content
from tutor.core.quiz import QuizRun, check, shuffled

QUIZ = load_content(GOOD_ROOT).quizzes["mini-les"]
Q = {question.id: question for question in QUIZ.questions}

RIGHT = {
    "waarop": frozenset({0}),
    "wat-klopt": frozenset({0, 1}),
    "snel": False,
    "keten": (0, 1, 2),
    "begrippen": (0, 1),
    "hoe-zeker": ("animal", "unknown"),
    "hoe-lang": frozenset({0}),
    "iedereen": False,
}
WRONG = {
    "waarop": frozenset({1}),
    "wat-klopt": frozenset({0}),
    "snel": True,
    "keten": (1, 0, 2),
    "begrippen": (1, 0),
    "hoe-zeker": ("animal", "established"),
    "hoe-lang": frozenset({2}),
    "iedereen": True,
}


@pytest.mark.parametrize("question_id", list(RIGHT))
def test_right_and_wrong_answers_are_told_apart(question_id: str) -> None:
    question = Q[question_id]
    right, wrong = check(question, RIGHT[question_id]), check(question, WRONG[question_id])
    assert right.correct and not wrong.correct
    assert wrong.feedback and right.feedback
    assert right.quotes == tuple(question.quotes)


def test_feedback_is_the_chosen_options_feedback() -> None:
    verdict = check(Q["waarop"], frozenset({1}))
    assert verdict.feedback == ("Nee, dat doen andere middelen.",)


def test_multiple_names_the_right_options_that_were_missed() -> None:
    verdict = check(Q["wat-klopt"], frozenset({0}))
    assert any("Bij ratten zag men meer verbindingen" in line for line in verdict.feedback)


def test_true_false_feedback_follows_the_answer_given() -> None:
    assert check(Q["snel"], True).feedback == (Q["snel"].feedback_true,)
    assert check(Q["snel"], False).feedback == (Q["snel"].feedback_false,)


def test_order_wrong_shows_the_right_order() -> None:
    verdict = check(Q["keten"], (2, 1, 0))
    assert "1. Blokkade" in verdict.feedback


def test_evidence_marks_each_statement() -> None:
    verdict = check(Q["hoe-zeker"], ("animal", "established"))
    assert verdict.feedback[0].startswith("✓") and verdict.feedback[1].startswith("✗")


def test_run_scores_passes_and_retries_only_wrong_questions() -> None:
    run = QuizRun(QUIZ.questions, QUIZ.pass_mark)
    for index, question in enumerate(QUIZ.questions):
        run.answer(RIGHT[question.id] if index % 4 else WRONG[question.id])
        run.advance()
    assert run.finished
    assert (run.right, run.total, run.needed) == (6, 8, 6)
    assert run.passed
    retry = run.retry()
    assert retry.is_retry
    assert [q.id for q in retry.questions] == ["waarop", "begrippen"]
    retry.answer(RIGHT["waarop"])
    retry.advance()
    retry.answer(WRONG["begrippen"])
    retry.advance()
    assert (retry.right, retry.total, retry.passed) == (1, 2, False)


def test_shuffled_is_a_permutation_and_repeatable() -> None:
    order = shuffled(6, random.Random(3))
    assert sorted(order) == list(range(6))
    assert order != list(range(6))
    assert order == shuffled(6, random.Random(3))


def test_explain_is_right_when_every_key_point_is_covered() -> None:
    from tutor.core.content.models import ExplainQuestion
    from tutor.core.quiz import item_count

    question = ExplainQuestion.model_validate(
        {
            "id": "leg-uit",
            "type": "explain",
            "prompt": "Leg uit.",
            "model_answer": "Zo werkt het.",
            "key_points": [
                {"text": "Eerste punt", "quotes": ["a"]},
                {"text": "Tweede punt", "quotes": ["b"]},
            ],
            "quotes": ["c"],
        }
    )
    assert item_count(question) == 2
    assert check(question, frozenset({0, 1})).correct
    verdict = check(question, frozenset({1}))
    assert not verdict.correct
    assert verdict.feedback == (
        "Een goede uitleg: Zo werkt het.",
        "✗ Eerste punt",
        "✓ Tweede punt",
    )
    assert verdict.quotes == ("c",)
    assert not check(question, frozenset()).correct
