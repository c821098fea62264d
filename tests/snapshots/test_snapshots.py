"""Layer 3: what the learner sees must not change by accident.

Regenerate after a deliberate change with `pytest tests/snapshots/test_snapshots.py --snapshot-update`
and look at the SVGs in `__snapshots__/`.
"""

from __future__ import annotations

import pytest

from conftest import SNAPSHOT_ROOT
from pilot_helpers import answer_current, answer_keys
from tutor.core.content.loader import load_content
from tutor.core.quiz import QuizRun
from tutor.selfstudy.app import TutorApp
from tutor.ui.screens.lesson import LessonScreen

CONTENT = load_content(SNAPSHOT_ROOT)  # small fixture content, not the shipped lessons
LESSON = CONTENT.lesson("licht-en-stemming")
QUIZ = CONTENT.quizzes["licht-en-stemming"]
SIZES = [(80, 24), (120, 40)]


def make_app() -> TutorApp:
    return TutorApp(content=CONTENT, seed=7)


def step_index(kind: str) -> int:
    return next(i for i, step in enumerate(LESSON.steps) if step.diagram == kind)


def question_of(kind: str):  # type: ignore[no-untyped-def]
    return next(q for q in QUIZ.questions if q.type == kind)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_home(snap_compare, size) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_first_step(snap_compare, size) -> None:  # type: ignore[no-untyped-def]
    number = str([lesson.id for lesson in CONTENT.lessons].index(LESSON.id) + 1)
    assert snap_compare(make_app(), press=[number], terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_question_with_feedback(snap_compare, size) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        pilot.app.start_run(LESSON, QuizRun([question_of("single")]))
        await pilot.pause()
        await answer_current(pilot, right=False)

    assert snap_compare(make_app(), run_before=run_before, terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_review(snap_compare, size) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        pilot.app.open_lesson(LESSON.id)
        await pilot.pause()
        pilot.app.after_question(LESSON, QuizRun([], QUIZ.pass_mark))
        await pilot.pause()

    assert snap_compare(make_app(), run_before=run_before, terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_result(snap_compare, size) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        pilot.app.open_lesson(LESSON.id)
        await pilot.pause()
        run = QuizRun(QUIZ.questions, QUIZ.pass_mark)
        pilot.app.start_run(LESSON, run)
        await pilot.pause()
        for index in range(run.total):
            await answer_current(pilot, right=index % 3 != 0)
            await pilot.press("enter")
        await pilot.press("enter")  # past the review

    assert snap_compare(make_app(), run_before=run_before, terminal_size=size)


@pytest.mark.parametrize(
    "kind", ["single", "multiple", "true_false", "order", "match", "evidence", "explain"]
)
def test_question_types_half_answered(snap_compare, kind: str) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        pilot.app.open_lesson(LESSON.id)
        await pilot.pause()
        pilot.app.start_run(LESSON, QuizRun([question_of(kind)]))
        await pilot.pause()
        keys = answer_keys(pilot.app.screen.view, right=True)
        await pilot.press(*keys[: max(1, len(keys) // 2)])

    assert snap_compare(make_app(), run_before=run_before, terminal_size=(80, 24))


@pytest.mark.parametrize("kind", ["cascade", "timeline"])
def test_diagrams(snap_compare, kind: str) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        pilot.app.open_lesson(LESSON.id)
        await pilot.pause()
        pilot.app.switch_screen(LessonScreen(LESSON, step_index(kind)))
        await pilot.pause()
        if kind == "cascade":
            await pilot.press("right", "right")  # third link highlighted

    assert snap_compare(make_app(), run_before=run_before, terminal_size=(80, 24))


def test_home_with_mixed_progress(snap_compare, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from datetime import datetime

    from tutor.store.progress import open_progress

    store = open_progress(tmp_path, clock=lambda: datetime(2026, 11, 2, 10, 0))
    first, second = CONTENT.lessons[0], CONTENT.lessons[1]
    store.reach_step(first.id, len(first.steps) - 1, len(first.steps))
    store.finish_quiz(first.id, 9, 11)
    store.reach_step(second.id, 3, len(second.steps))
    store.record_answer(first.id, CONTENT.quizzes[first.id].questions[0].id, correct=False)
    app = TutorApp(content=CONTENT, seed=7, progress=store)
    assert snap_compare(app, terminal_size=(80, 24))
