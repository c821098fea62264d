"""Layer 2: Pilot tests that walk lessons the way a learner does."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Button, Static

from conftest import GOOD_ROOT, PROJECT, SNAPSHOT_ROOT
from pilot_helpers import answer_current, click_row, top_bar
from tutor.core.content.cards import read_cards
from tutor.core.content.loader import load_content
from tutor.core.content.models import quote_text
from tutor.core.text import common as strings
from tutor.selfstudy.app import TutorApp
from tutor.ui.dialogs.glossary import GlossaryScreen
from tutor.ui.dialogs.help import HelpScreen
from tutor.ui.dialogs.source import SourceScreen
from tutor.ui.screens.home import HomeScreen
from tutor.ui.screens.lesson import LessonScreen
from tutor.ui.screens.question import QuestionScreen
from tutor.ui.screens.result import ResultScreen
from tutor.ui.screens.unknowns import UnknownsScreen
from tutor.ui.widgets.diagrams import CascadeView

SHIPPED = load_content(PROJECT)
GOOD = load_content(GOOD_ROOT)
FIXTURE = load_content(SNAPSHOT_ROOT)
SIZES = [(80, 24), (120, 40)]


def text_of(app: TutorApp, selector: str) -> str:
    """The plain text of a Static on the current screen."""
    return str(app.screen.query_one(selector, Static).render())


def safety_visible(app: TutorApp) -> bool:
    text = str(app.screen.query_one("#safety", Static).render())
    return "113" in text and "geen medisch advies" in text


async def walk_steps(pilot, lesson) -> None:  # type: ignore[no-untyped-def]
    """Go through every step (and every cascade link) to the first question."""
    app = pilot.app
    for number in range(1, len(lesson.steps) + 1):
        assert isinstance(app.screen, LessonScreen)
        assert top_bar(app).counter == f"Stap {number} van {len(lesson.steps)}"
        assert safety_visible(app)
        cascades = app.screen.query(CascadeView)
        presses = len(cascades.first().links) if cascades else 1
        for _ in range(presses):
            await pilot.press("right")


@pytest.mark.parametrize("lesson_id", [lesson.id for lesson in SHIPPED.lessons])
@pytest.mark.parametrize("right", [True, False], ids=["right", "wrong"])
async def test_walk_a_whole_lesson(lesson_id: str, right: bool) -> None:
    lesson = SHIPPED.lesson(lesson_id)
    quiz = SHIPPED.quizzes[lesson_id]
    app = TutorApp(content=SHIPPED, seed=7)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, HomeScreen)
        number = [lesson.id for lesson in SHIPPED.lessons].index(lesson_id) + 1
        await pilot.press(str(number))
        await walk_steps(pilot, lesson)
        for index, question in enumerate(quiz.questions, 1):
            assert top_bar(app).counter == f"Vraag {index} van {len(quiz.questions)}"
            screen = await answer_current(pilot, right=right)
            feedback = text_of(app, "#feedback")
            assert (strings.ANSWER_RIGHT if right else strings.ANSWER_WRONG) in feedback
            assert strings.ANSWER_QUOTE in feedback
            assert quote_text(question.quotes[0]).split()[0] in feedback
            assert screen.run.verdicts[question.id].correct is right
            assert safety_visible(app)
            await pilot.press("enter")
        assert isinstance(app.screen, UnknownsScreen)
        review = " ".join(str(w.render()) for w in app.screen.query(".unknown").results(Static))
        for unknown in lesson.unknowns:
            assert unknown.question in review
        await pilot.press("enter")
        assert isinstance(app.screen, ResultScreen)
        total = len(quiz.questions)
        expected = f"{total if right else 0} van {total} goed"
        assert text_of(app, "#score") == expected
        assert safety_visible(app)
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_retry_asks_only_the_wrong_questions() -> None:
    app = TutorApp(content=GOOD, seed=1)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1", "right", "right")
        wrong_ids = []
        for index in range(8):
            screen = await answer_current(pilot, right=index % 3 != 0)
            if index % 3 == 0:
                wrong_ids.append(screen.run.current.id)
            await pilot.press("enter")
        assert isinstance(app.screen, UnknownsScreen)
        await pilot.press("enter")
        assert text_of(app, "#score") == "5 van 8 goed"
        assert text_of(app, "#verdict") == strings.RESULT_NOT_PASSED.format(needed=6)  # 5 < 6
        assert strings.BUTTON_RETRY in text_of(app, "#keys")
        await pilot.press("r")
        assert isinstance(app.screen, QuestionScreen)
        asked = []
        for _ in wrong_ids:
            asked.append(app.screen.run.current.id)
            assert top_bar(app).counter.endswith(f"van {len(wrong_ids)}")
            await answer_current(pilot, right=True)
            await pilot.press("enter")
        assert asked == wrong_ids
        assert isinstance(app.screen, ResultScreen)
        assert text_of(app, "#score") == f"{len(wrong_ids)} van {len(wrong_ids)} goed"
        assert strings.RESULT_RETRY_TITLE in top_bar(app).title
        assert not app.screen.query("#retry")  # nothing wrong left to retry
        assert strings.BUTTON_RETRY not in text_of(app, "#keys")  # nor its key
        await pilot.press("r")
        assert isinstance(app.screen, ResultScreen)


async def test_confirm_without_an_answer_asks_for_one() -> None:
    app = TutorApp(content=GOOD, seed=1)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1", "right", "right", "enter")
        assert isinstance(app.screen, QuestionScreen)
        assert app.screen.verdict is None
        hint = app.screen.query_one("#answer-hint", Static)
        assert hint.display and strings.ANSWER_INCOMPLETE in str(hint.render())


async def test_previous_step_and_glossary_and_help() -> None:
    app = TutorApp(content=GOOD, seed=1)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1", "right")
        assert top_bar(app).counter == "Stap 2 van 2"
        await pilot.press("left")
        assert top_bar(app).counter == "Stap 1 van 2"
        await pilot.press("g")
        assert isinstance(app.screen, GlossaryScreen)
        body = " ".join(str(w.render()) for w in app.screen.query(Static).results())
        assert "glutamaat" in body and "signalen" in body
        await pilot.press("escape")
        assert isinstance(app.screen, LessonScreen)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_mouse_opens_a_lesson_and_answers() -> None:
    app = TutorApp(content=GOOD, seed=1)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.click(".lesson-item")
        assert isinstance(app.screen, LessonScreen)
        await pilot.click("#next")
        # The steps share one screen and its buttons; a button ignores a second click
        # within its 0.2 s press effect (a double click is one press), so wait it out.
        await pilot.pause(0.25)
        await pilot.click("#next")
        assert isinstance(app.screen, QuestionScreen)
        view = app.screen.view
        correct_position = view.order.index(next(iter(view.correct)))
        await click_row(pilot, correct_position + 1)
        await pilot.click("#confirm")
        assert app.screen.verdict is not None and app.screen.verdict.correct


async def _to_the_order_question(pilot: Pilot[None]) -> None:
    """Open the first lesson of GOOD and answer the questions before its order question."""
    await pilot.press("1", "right", "right")
    for _ in range(3):
        await answer_current(pilot, right=True)
        await pilot.press("enter")


async def test_undo_takes_back_an_order_pick() -> None:
    app = TutorApp(content=GOOD, seed=1)
    async with app.run_test(size=(80, 24)) as pilot:
        await _to_the_order_question(pilot)
        view = app.screen.view
        await pilot.press("1", "2")
        assert len(view.picked) == 2
        await pilot.press("left")
        assert len(view.picked) == 1
        assert view.response() is None


async def test_a_broken_lesson_file_does_not_stop_the_app(good_copy: Path) -> None:
    (good_copy / "lessons" / "kapot.yaml").write_text("id: kapot\nsteps:\n  - [\n")
    app = TutorApp(content_root=good_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, HomeScreen)
        await app.content_ready.wait()  # validated in the background after the first frame
        await pilot.pause()
        assert len(app.screen.query(".lesson-item")) == 1
        broken = text_of(app, "#broken")
        assert "lessons/kapot.yaml:" in broken
        assert "overgeslagen" in broken
        await pilot.press("1")
        assert isinstance(app.screen, LessonScreen)


@pytest.mark.parametrize("size", SIZES)
async def test_home_lists_every_lesson_in_order(size: tuple[int, int]) -> None:
    app = TutorApp(content=SHIPPED)
    async with app.run_test(size=size):
        items = app.screen.query(".lesson-item")
        assert [item.lesson_id for item in items] == [lesson.id for lesson in SHIPPED.lessons]
        assert safety_visible(app)


async def test_home_arrows_enter_and_click_open_lessons_and_keep_the_place() -> None:
    app = TutorApp(content=SHIPPED)
    ids = [lesson.id for lesson in SHIPPED.lessons]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        body = app.screen.query_one("#body")
        assert app.focused is app.screen.query(".lesson-item").first()
        assert body.scroll_y == 0  # the intro stays in view
        await pilot.press("down", "down", "down", "up", "down", "down", "down", "down")
        assert getattr(app.focused, "lesson_id", None) == ids[-1]
        assert body.scroll_y > 0  # scrolled along to the last lesson
        await pilot.press("enter")
        assert isinstance(app.screen, LessonScreen) and app.screen.lesson.id == ids[-1]
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)
        assert getattr(app.focused, "lesson_id", None) == ids[-1]
        await pilot.press("up", "up", "up", "up", "up")
        await pilot.click(app.screen.query(".lesson-item")[1])
        assert isinstance(app.screen, LessonScreen) and app.screen.lesson.id == ids[1]


async def test_key_line_lists_the_screens_keys_and_a_click_presses_one() -> None:
    app = TutorApp(content=SHIPPED)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert text_of(app, "#keys").split() == ["?", "Hulp", "q", "Stoppen", "h", "Herhalen"]
        await pilot.press("1")
        await pilot.pause()
        assert "Volgende" in text_of(app, "#keys") and "Stoppen" not in text_of(app, "#keys")
        await pilot.click("#keys", offset=(4, 0))  # on "Hulp"
        assert isinstance(app.screen, HelpScreen)


async def test_home_shows_cards_first_then_validated_lessons(good_copy: Path) -> None:
    """A lesson that parses but fails validation is listed at first, then taken off."""
    lesson = good_copy / "lessons" / "mini-les.yaml"
    broken = good_copy / "lessons" / "half-kapot.yaml"
    broken.write_text(
        lesson.read_text()
        .replace("id: mini-les", "id: half-kapot")
        .replace("evidence: animal", "evidence: zeker")
    )
    # A warm card cache, as on every start but the first: the cold one reads the YAML on
    # the main thread, and validation may then finish before the key press below.
    read_cards(good_copy)
    app = TutorApp(content_root=good_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        assert [item.lesson_id for item in app.screen.query(".lesson-item")] == [
            "half-kapot",
            "mini-les",
        ]
        await pilot.press("2")  # before validation finished: opened as soon as it is done
        await app.content_ready.wait()
        await pilot.pause()
        assert isinstance(app.screen, LessonScreen)
        assert app.screen.lesson.id == "mini-les"
        await pilot.press("escape")
        assert [item.lesson_id for item in app.screen.query(".lesson-item")] == ["mini-les"]
        assert "lessons/half-kapot.yaml:" in text_of(app, "#broken")


async def test_opening_a_lesson_that_failed_validation_says_so(good_copy: Path) -> None:
    lesson = good_copy / "lessons" / "mini-les.yaml"
    (good_copy / "lessons" / "half-kapot.yaml").write_text(
        lesson.read_text()
        .replace("id: mini-les", "id: half-kapot")
        .replace("evidence: animal", "evidence: zeker")
    )
    app = TutorApp(content_root=good_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1")
        await app.content_ready.wait()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert any(strings.LESSON_BROKEN in str(n.message) for n in app._notifications)


@pytest.mark.parametrize("kind", ["cascade", "timeline"])
async def test_diagrams_fit_80_columns(kind: str) -> None:
    from tutor.ui.widgets.diagrams import TimelineView

    lessons = [lesson for lesson in SHIPPED.lessons if any(s.diagram == kind for s in lesson.steps)]
    assert lessons, f"no lesson has a {kind} diagram"
    for lesson in lessons:
        index = next(i for i, s in enumerate(lesson.steps) if s.diagram == kind)
        app = TutorApp(content=SHIPPED, seed=1)
        async with app.run_test(size=(80, 24)) as pilot:
            app.push_screen(LessonScreen(lesson, index))
            await pilot.pause()
            view = app.screen.query_one(CascadeView if kind == "cascade" else TimelineView)
            lines = view.render().plain.splitlines()
            assert lines and max(len(line) for line in lines) <= 78, lesson.id
            if kind == "cascade":
                for link in lesson.diagrams.cascade:  # type: ignore[union-attr]
                    assert link.label in view.render().plain


EXPLAIN = """  - id: leg-uit
    type: explain
    prompt: Leg in je eigen woorden uit waarom ketamine anders is.
    model_answer: Ketamine werkt op glutamaat. Het effect kan binnen uren komen.
    key_points:
      - {text: Het werkt op glutamaat., quotes: ["Ketamine werkt op het glutamaatsysteem."]}
      - {text: Het kan snel werken., quotes: ["Het effect kan binnen uren merkbaar zijn, niet na weken."]}
    quotes: ["Ketamine werkt op het glutamaatsysteem."]
"""


@pytest.mark.parametrize("right", [True, False], ids=["all-points", "one-missing"])
async def test_an_explain_question_is_answered_by_ticking_key_points(
    good_copy: Path, right: bool
) -> None:
    quiz = good_copy / "quizzes" / "mini-les.yaml"
    quiz.write_text(quiz.read_text() + EXPLAIN)
    content = load_content(good_copy)
    assert content.problems == []
    app = TutorApp(content=content, seed=1)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1", "right", "right")
        for _ in range(8):
            await answer_current(pilot, right=True)
            await pilot.press("enter")
        assert isinstance(app.screen, QuestionScreen)
        assert app.screen.run.current.id == "leg-uit"
        assert strings.EXPLAIN_HINT in " ".join(
            str(w.render()) for w in app.screen.query(".question-hint").results(Static)
        )
        screen = await answer_current(pilot, right=right)
        assert screen.run.verdicts["leg-uit"].correct is right
        feedback = text_of(app, "#feedback")
        assert "Een goede uitleg: Ketamine werkt op glutamaat." in feedback
        await pilot.press("enter")
        assert isinstance(app.screen, UnknownsScreen)


async def test_the_review_lists_the_actions_to_save() -> None:
    lesson = GOOD.lessons[0]
    app = TutorApp(content=GOOD, seed=1)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1", "right", "right")
        for _ in range(8):
            await answer_current(pilot, right=True)
            await pilot.press("enter")
        assert isinstance(app.screen, UnknownsScreen)
        assert text_of(app, "#provider-title") == "Wat kun je hiermee?"
        shown = " ".join(str(w.render()) for w in app.screen.query(".unknown").results(Static))
        for action in lesson.actions:
            assert action.text in shown


async def test_a_cascade_step_says_what_right_does_until_the_next_step() -> None:
    lesson = next(ls for ls in FIXTURE.lessons if any(s.diagram == "cascade" for s in ls.steps))
    index = next(i for i, s in enumerate(lesson.steps) if s.diagram == "cascade")
    links = lesson.diagrams.cascade  # type: ignore[union-attr]
    assert links is not None
    app = TutorApp(content=FIXTURE, seed=1)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(LessonScreen(lesson, index))
        await pilot.pause()
        view = app.screen.query_one(CascadeView)
        assert f"volgende deel van het schema, 2 van {len(links)}" in view.render().plain
        for _ in range(len(links) - 1):
            await pilot.press("right")
        assert isinstance(app.screen, LessonScreen) and app.screen.step_index == index
        assert "verder met de les" in app.screen.query_one(CascadeView).render().plain
        await pilot.press("right")
        await pilot.pause()
        assert not isinstance(app.screen, LessonScreen) or app.screen.step_index == index + 1


async def test_stepping_in_the_same_screen_shows_what_a_new_screen_would() -> None:
    """→ and ← reuse the lesson screen; each step must look as if it was opened afresh."""
    import re

    def screen_of(app: TutorApp) -> str:
        return re.sub(r"terminal-\d+", "", app.export_screenshot())

    for lesson in FIXTURE.lessons:
        app = TutorApp(content=FIXTURE, seed=1)
        async with app.run_test(size=(80, 24)) as pilot:
            fresh = []
            for index in range(len(lesson.steps)):
                await app.push_screen(LessonScreen(lesson, index))
                await pilot.pause()
                fresh.append(screen_of(app))
                await app.pop_screen()
            screen = LessonScreen(lesson)
            await app.push_screen(screen)
            last = len(lesson.steps) - 1
            for index in [*range(1, last + 1), *range(last - 1, -1, -1)]:
                screen.go_to_step(index)
                await pilot.pause()
                assert app.screen is screen
                assert screen_of(app) == fresh[index], f"{lesson.id} step {index + 1}"


async def test_the_undo_button_becomes_the_source_button_with_the_feedback() -> None:
    """Clicks only: "Ongedaan" takes a pick back; with the feedback the same place opens "Bron"."""
    app = TutorApp(content=GOOD, seed=1)
    async with app.run_test(size=(80, 24)) as pilot:
        await _to_the_order_question(pilot)
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        side = screen.query_one("#undo-source", Button)
        assert str(side.label) == strings.BUTTON_UNDO
        width = side.size.width
        await pilot.press("1", "2")
        await pilot.click(side)
        assert len(screen.view.picked) == 1
        await pilot.pause(0.25)  # a button ignores a second click within its press effect
        await pilot.click(side)  # still undo: no source before the answer is checked
        assert isinstance(app.screen, QuestionScreen) and screen.view.picked == []
        await answer_current(pilot, right=False)
        await pilot.pause()
        assert str(side.label) == strings.BUTTON_SOURCE
        assert side.size.width == width  # held: the same place, wide enough for both labels
        assert side.content_region.width >= len(strings.BUTTON_SOURCE) + 2
        await pilot.pause(0.25)
        await pilot.click(side)
        assert isinstance(app.screen, SourceScreen)
