"""Every shipped step and question fits the smallest standard terminal and a large one.

Runs on the shipped lessons on purpose (unlike the snapshots): a lesson edit that no
longer fits fails here. No widget may reach past the screen's right edge, and a
question's options and confidence row must be visible without scrolling.
"""

from __future__ import annotations

import random

import pytest
from textual.containers import VerticalScroll
from textual.screen import Screen

from conftest import PROJECT
from tutor.core.content.loader import load_content
from tutor.core.quiz import QuizRun
from tutor.selfstudy.app import TutorApp
from tutor.ui.screens.lesson import LessonScreen
from tutor.ui.screens.question import QuestionScreen

SHIPPED = load_content(PROJECT)
SIZES = [(80, 24), (200, 60)]


def _clipped(screen: Screen[object], width: int) -> list[str]:
    return [
        f"{widget.__class__.__name__}#{widget.id} reaches column {widget.region.right}"
        for widget in screen.query("*")
        if widget.region.width and widget.region.right > width
    ]


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
