"""Every shipped step, question, "Wat we nog niet weten" and result fits the smallest
standard terminal and a large one, and the kiosk's screen with its tall touch targets.

Runs on the shipped lessons on purpose (unlike the snapshots): a lesson edit that no
longer fits fails here. No widget may reach past the screen's right edge, the top bar's
title is not cut off, and a question's options and confidence row must be visible
without scrolling.
"""

from __future__ import annotations

import random
from typing import Any

import pytest
from textual.containers import VerticalScroll
from textual.errors import NoWidget
from textual.pilot import Pilot
from textual.screen import Screen

from conftest import PROJECT
from pilot_helpers import row_targets, target_name, touch_check
from tutor.core.content.loader import load_content
from tutor.core.content.models import Question
from tutor.core.quiz import QuizRun, Verdict
from tutor.kiosk.app import KioskApp
from tutor.selfstudy.app import TutorApp
from tutor.ui.screens.lesson import LessonScreen
from tutor.ui.screens.question import QuestionScreen
from tutor.ui.screens.result import ResultScreen
from tutor.ui.screens.unknowns import UnknownsScreen
from tutor.ui.widgets.questions import ExplainView
from tutor.ui.widgets.topbar import TopBar

SHIPPED = load_content(PROJECT)
SIZES = [(80, 24), (200, 60)]


def _clipped(screen: Screen[Any], width: int) -> list[str]:
    problems = [
        f"{widget.__class__.__name__}#{widget.id} reaches column {widget.region.right}"
        for widget in screen.query("*")
        if widget.region.width and widget.region.right > width
    ]
    for bar in screen.query(TopBar):
        if bar.region.width and not bar.title_fits:
            problems.append(f"de titel '{bar.title}' past niet naast '{bar.counter}'")
    return problems


async def _clipped_when_shown(
    app: TutorApp, pilot: Pilot[Any], screen: Screen[Any], name: str, width: int
) -> list[str]:
    """Show `screen`, and what on it is clipped (each named `name: ...`); then close it."""
    await app.push_screen(screen)
    await pilot.pause()
    problems = [f"{name}: {p}" for p in _clipped(screen, width)]
    app.pop_screen()
    await pilot.pause()
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
            screen = LessonScreen(lesson, index)
            problems += await _clipped_when_shown(app, pilot, screen, f"stap {step.id}", width)
        for index, question in enumerate(quiz.questions):
            run = QuizRun(quiz.questions, quiz.pass_mark, index=index)
            question_screen = QuestionScreen(lesson, run, random.Random(1), ask_confidence=True)
            await app.push_screen(question_screen)
            await pilot.pause()
            problems += [f"vraag {question.id}: {p}" for p in _clipped(question_screen, width)]
            scrolls = [
                s.max_scroll_y for s in question_screen.query(VerticalScroll) if s.max_scroll_y
            ]
            if scrolls:
                problems.append(f"vraag {question.id}: scrolt {max(scrolls)} regel(s)")
            confidence = question_screen.query_one("#confidence").region
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
        unknowns = UnknownsScreen(lesson, runs[0], app.saved_questions)
        problems += await _clipped_when_shown(app, pilot, unknowns, "wat we nog niet weten", width)
        for run in runs:
            name = f"uitslag {run.right} van {run.total}{' (herkansing)' if run.is_retry else ''}"
            problems += await _clipped_when_shown(
                app, pilot, ResultScreen(lesson, run), name, width
            )
    assert problems == []


KIOSK_SIZE = (120, 40)
"""The smallest screen the kiosk is set up for (docs/KIOSK.md, "Touch targets")."""


def _out_of_sight(screen: Screen[Any], selector: str) -> list[str]:
    """Targets of `selector` that are shown but not wholly in sight (they need scrolling)."""
    problems = []
    for widget in screen.query(selector):
        try:
            geometry = screen.find_widget(widget)
        except NoWidget:
            continue
        if not geometry.clip.contains_region(geometry.region):
            problems.append(f"{target_name(widget)} is niet helemaal te zien zonder scrollen")
    return problems


def _rows_out_of_sight(screen: Screen[Any]) -> list[str]:
    """Question rows that are shown but not wholly in sight (they need scrolling)."""
    return [
        f"{name} is niet helemaal te zien zonder scrollen"
        for name, region, seen in row_targets(screen)
        if seen != region
    ]


async def _kiosk_screen(pilot: Pilot[None], screen: Screen[Any]) -> Screen[Any]:
    await pilot.app.push_screen(screen)
    for _ in range(3):  # Hulp and Klaar come one refresh later
        await pilot.pause()
    return screen


@pytest.mark.parametrize("lesson_id", [lesson.id for lesson in SHIPPED.lessons])
async def test_every_step_and_question_fits_the_kiosk_with_big_targets(lesson_id: str) -> None:
    """Tall touch targets leave room: no clipping, options in sight, targets apart."""
    from test_kiosk_app import STORED

    lesson = SHIPPED.lesson(lesson_id)
    quiz = SHIPPED.quizzes[lesson_id]
    width = KIOSK_SIZE[0]
    problems: list[str] = []
    app = KioskApp(content=SHIPPED, pin=STORED, seed=1, idle=6000)
    async with app.run_test(size=KIOSK_SIZE) as pilot:
        await pilot.pause()
        for index, step in enumerate(lesson.steps):
            screen = await _kiosk_screen(pilot, LessonScreen(lesson, index))
            found = _clipped(screen, width) + touch_check(screen).problems
            problems += [f"stap {step.id}: {p}" for p in found]
            app.pop_screen()
        for index, question in enumerate(quiz.questions):
            run = QuizRun(quiz.questions, quiz.pass_mark, index=index)
            question_screen = QuestionScreen(lesson, run, random.Random(1))
            screen = await _kiosk_screen(pilot, question_screen)
            found = _clipped(screen, width) + touch_check(screen).problems
            found += _out_of_sight(screen, ".explain-buttons Button") + _rows_out_of_sight(screen)
            view = question_screen.view
            if isinstance(view, ExplainView):  # the key points to tick, once shown
                view.reveal()
                await pilot.pause()
                found += touch_check(screen).problems + _rows_out_of_sight(screen)
            problems += [f"vraag {question.id}: {p}" for p in found]
            app.pop_screen()
        run = QuizRun(quiz.questions, quiz.pass_mark, index=len(quiz.questions))
        for screen in (UnknownsScreen(lesson, run), ResultScreen(lesson, run)):
            await _kiosk_screen(pilot, screen)
            found = _clipped(screen, width) + touch_check(screen).problems
            problems += [f"{type(screen).__name__}: {p}" for p in found]
            app.pop_screen()
    assert problems == []


@pytest.mark.parametrize("width", [80, 100, 111, 112, 120])
async def test_the_kiosk_cuts_no_button_off_on_a_smaller_screen(width: int) -> None:
    """Below the kiosk size the buttons get narrower, so the widest rows still fit."""
    from test_kiosk_app import STORED

    lesson = max(SHIPPED.lessons, key=lambda ls: len(ls.title))
    quiz = SHIPPED.quizzes[lesson.id]
    problems: list[str] = []
    app = KioskApp(content=SHIPPED, pin=STORED, seed=1, idle=6000)
    async with app.run_test(size=(width, 30)) as pilot:
        await pilot.pause()
        last = len(lesson.steps) - 1
        for screen in (
            LessonScreen(lesson, 0),
            LessonScreen(lesson, last),
            QuestionScreen(lesson, QuizRun(quiz.questions, quiz.pass_mark), random.Random(1)),
            ResultScreen(
                lesson, QuizRun(quiz.questions, quiz.pass_mark, index=len(quiz.questions))
            ),
        ):
            await _kiosk_screen(pilot, screen)
            problems += [f"{type(screen).__name__}: {p}" for p in _clipped(screen, width)]
            if isinstance(screen, QuestionScreen):  # after the answer: Bron and Verder
                screen.show_feedback(Verdict(True, (), ()))
                await pilot.pause()
                problems += [f"uitleg: {p}" for p in _clipped(screen, width)]
            app.pop_screen()
    assert problems == []


@pytest.mark.parametrize(
    "program, size",
    [("tutor", (80, 24)), ("tutor", (200, 60)), ("kiosk", (80, 24)), ("kiosk", KIOSK_SIZE)],
    ids=lambda value: value if isinstance(value, str) else f"{value[0]}x{value[1]}",
)
async def test_the_dialogs_keep_sluiten_in_sight(program: str, size: tuple[int, int]) -> None:
    """Begrippen, Bron and Hulp scroll their text, never their Sluiten button off screen."""
    from test_kiosk_app import STORED

    problems: list[str] = []
    app: TutorApp | KioskApp = (
        TutorApp(content=SHIPPED, seed=1)
        if program == "tutor"
        else KioskApp(content=SHIPPED, pin=STORED, seed=1, idle=6000)
    )
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        for lesson in SHIPPED.lessons:
            await _kiosk_screen(pilot, LessonScreen(lesson, 0))
            for open_dialog in (app.action_glossary, app.action_source, app.action_help):
                open_dialog()
                await pilot.pause()
                name = f"{lesson.id} {type(app.screen).__name__}"
                problems += [f"{name}: {p}" for p in _clipped(app.screen, size[0])]
                problems += [f"{name}: {p}" for p in _out_of_sight(app.screen, "Button")]
                app.pop_screen()
                await pilot.pause()
            app.pop_screen()
    assert problems == []
