"""Every shipped step, question, "Wat we nog niet weten" and result fits the smallest
standard terminal and a large one.

Runs on the shipped lessons on purpose (unlike the snapshots): a lesson edit that no
longer fits fails here. No widget may reach past the screen's right edge, the top bar's
title is not cut off, and a question's options and confidence row must be visible
without scrolling.
"""

from __future__ import annotations

import random

import pytest
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from conftest import PROJECT
from tutor.core.content.loader import load_content
from tutor.core.content.models import Question
from tutor.core.quiz import QuizRun, Verdict
from tutor.selfstudy.app import TutorApp
from tutor.ui.screens.lesson import LessonScreen
from tutor.ui.screens.question import QuestionScreen
from tutor.ui.screens.result import ResultScreen
from tutor.ui.screens.unknowns import UnknownsScreen

SHIPPED = load_content(PROJECT)
SIZES = [(80, 24), (200, 60)]


def _clipped(screen: Screen[object], width: int) -> list[str]:
    problems = [
        f"{widget.__class__.__name__}#{widget.id} reaches column {widget.region.right}"
        for widget in screen.query("*")
        if widget.region.width and widget.region.right > width
    ]
    for title in screen.query("#screen-title").results(Static):
        if title.region.width and len(str(title.render())) > title.content_region.width:
            problems.append(
                f"de titel '{title.render()}' past niet in {title.content_region.width}"
            )
    return problems


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lesson_id", [lesson.id for lesson in SHIPPED.lessons])
async def test_every_step_and_question_fits(lesson_id: str, size: tuple[int, int]) -> None:
    lesson = SHIPPED.lesson(lesson_id)
    quiz = SHIPPED.quizzes[lesson_id]
    width = size[0]
    problems: list[str] = []
    app = TutorApp(content=SHIPPED, seed=1)
    async with app.run_test(size=size) as pilot:
        for index, step in enumerate(lesson.steps):
            await app.push_screen(LessonScreen(lesson, index))
            await pilot.pause()
            problems += [f"stap {step.id}: {p}" for p in _clipped(app.screen, width)]
            app.pop_screen()
            await pilot.pause()
        for index, question in enumerate(quiz.questions):
            run = QuizRun(quiz.questions, quiz.pass_mark, index=index)
            screen = QuestionScreen(lesson, run, random.Random(1), ask_confidence=True)
            await app.push_screen(screen)
            await pilot.pause()
            problems += [f"vraag {question.id}: {p}" for p in _clipped(screen, width)]
            scrolls = [s.max_scroll_y for s in screen.query(VerticalScroll) if s.max_scroll_y]
            if scrolls:
                problems.append(f"vraag {question.id}: scrolt {max(scrolls)} regel(s)")
            confidence = screen.query_one("#confidence").region
            if confidence.bottom > size[1]:
                problems.append(f"vraag {question.id}: de zeker/twijfel/gok-rij valt buiten beeld")
            app.pop_screen()
            await pilot.pause()
    assert problems == []


def _results(quiz_questions: list[Question], pass_mark: float) -> list[QuizRun]:
    """The runs whose result screens differ most: none right, all right, and a retry."""
    nothing_right = QuizRun(quiz_questions, pass_mark, index=len(quiz_questions))
    all_right = QuizRun(quiz_questions, pass_mark, index=len(quiz_questions))
    all_right.verdicts = {q.id: Verdict(True, (), ()) for q in quiz_questions}
    retry = nothing_right.retry()
    retry.index = retry.total
    return [nothing_right, all_right, retry]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lesson_id", [lesson.id for lesson in SHIPPED.lessons])
async def test_unknowns_and_result_fit(lesson_id: str, size: tuple[int, int]) -> None:
    lesson = SHIPPED.lesson(lesson_id)
    quiz = SHIPPED.quizzes[lesson_id]
    width = size[0]
    problems: list[str] = []
    app = TutorApp(content=SHIPPED, seed=1)
    async with app.run_test(size=size) as pilot:
        runs = _results(list(quiz.questions), quiz.pass_mark)
        await app.push_screen(UnknownsScreen(lesson, runs[0], app.saved_questions))
        await pilot.pause()
        problems += [f"wat we nog niet weten: {p}" for p in _clipped(app.screen, width)]
        app.pop_screen()
        for run in runs:
            await app.push_screen(ResultScreen(lesson, run))
            await pilot.pause()
            name = f"uitslag {run.right} van {run.total}{' (herkansing)' if run.is_retry else ''}"
            problems += [f"{name}: {p}" for p in _clipped(app.screen, width)]
            app.pop_screen()
            await pilot.pause()
    assert problems == []
