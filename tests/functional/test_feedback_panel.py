"""A complete answer's feedback and marked rows are drawn ahead, and shown exactly so.

The frame that shows the verdict is the one a learner waits for after Enter. Once the
answer is complete, the question screen wraps and draws its feedback and the rows as
the verdict marks them ahead (`FeedbackPanel.prepare`, `QuestionView.prepare_verdict`);
these tests hold that the learner then sees the same
screen as without it, that it is the feedback of the answer confirmed (not of an
earlier pick), and that the shortcut is taken for every kind of question.
"""

from __future__ import annotations

import random
import re

import pytest
from textual.pilot import Pilot

from conftest import PROJECT
from pilot_helpers import answer_keys
from tutor.core.content.loader import load_content
from tutor.core.quiz import QuizRun
from tutor.core.text import common as strings
from tutor.selfstudy.app import TutorApp
from tutor.ui.screens.question import QuestionScreen
from tutor.ui.widgets.feedback import FeedbackPanel
from tutor.ui.widgets.questions import ChoiceView, ExplainView

SHIPPED = load_content(PROJECT)
KINDS = ("single", "multiple", "true_false", "order", "match", "evidence", "explain")
FIRST_OF_KIND = {
    kind: next(
        (lesson, question)
        for lesson in SHIPPED.lessons
        for question in SHIPPED.quizzes[lesson.id].questions
        if question.type == kind
    )
    for kind in KINDS
}
"""The first shipped question of every kind, with its lesson."""


def panel_text(panel: FeedbackPanel) -> str:
    """What the panel shows, its left bar and padding left out, lines joined by spaces."""
    lines = [strip.text[2:].strip() for strip in panel.render_lines(panel.outer_size.region)]
    return " ".join(line for line in lines if line)


async def answered(pilot: Pilot, kind: str, *, right: bool, ahead: bool) -> QuestionScreen:
    """Push a question of `kind` and answer it: by keys (drawn ahead) or not, then Enter.

    Sets `rows_drawn_at_verdict` on the screen: how many rows Enter had to draw anew.
    """
    lesson, question = FIRST_OF_KIND[kind]
    screen = QuestionScreen(lesson, QuizRun([question]), random.Random(3))
    await pilot.app.push_screen(screen)
    await pilot.pause()
    keys = answer_keys(screen.view, right=right)
    if ahead:
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
    else:  # the view's own picks: the screen does not hear of them, nothing is drawn ahead
        if isinstance(screen.view, ExplainView):
            screen.view.confirm_step()
            keys = keys[1:]
        for key in keys:
            screen.view.pick(int(key))
    await pilot.pause()
    drawn = screen.view.pick_list.drawn
    await pilot.press("enter")
    await pilot.pause()
    await pilot.wait_for_animation()  # the body scrolls the panel into view
    screen.rows_drawn_at_verdict = screen.view.pick_list.drawn - drawn  # type: ignore[attr-defined]
    return screen


@pytest.mark.parametrize("size", [(80, 24), (100, 30)], ids=["80x24", "100x30"])
async def test_feedback_drawn_ahead_looks_the_same(size: tuple[int, int]) -> None:
    """Every question, right and wrong: the same screen as a panel drawn at the verdict."""
    app = TutorApp(content=SHIPPED, seed=1)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        for kind in KINDS:
            for right in (True, False):
                screens = []
                for ahead in (True, False):
                    screen = await answered(pilot, kind, right=right, ahead=ahead)
                    panel = screen.query_one(FeedbackPanel)
                    assert panel.display
                    assert panel.drawn_ahead is ahead, (kind, right, ahead)
                    drawn = screen.rows_drawn_at_verdict  # type: ignore[attr-defined]
                    assert (drawn == 0) is ahead, (kind, right, ahead, drawn)
                    # The SVG's id is not a function of what it shows: leave it out.
                    screens.append(re.sub(r"terminal-\d+", "", app.export_screenshot()))
                    app.pop_screen()
                    await pilot.pause()
                assert screens[0] == screens[1], (kind, right)


async def test_the_feedback_is_that_of_the_answer_confirmed() -> None:
    """A wrong pick is drawn ahead, then the right one is picked: the panel says "Goed!"."""
    lesson, question = FIRST_OF_KIND["single"]
    app = TutorApp(content=SHIPPED, seed=1)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = QuestionScreen(lesson, QuizRun([question]), random.Random(3))
        await app.push_screen(screen)
        await pilot.pause()
        assert isinstance(screen.view, ChoiceView)
        await pilot.press(*answer_keys(screen.view, right=False))
        await pilot.pause()
        await pilot.press(*answer_keys(screen.view, right=True))
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        panel = screen.query_one(FeedbackPanel)
        shown = panel_text(panel)
        assert shown.startswith(f"✓ {strings.ANSWER_RIGHT}")
        assert strings.ANSWER_WRONG not in shown
        assert panel.drawn_ahead


async def test_a_resize_after_the_verdict_redraws_the_panel() -> None:
    """The lines drawn ahead fit one width: at another the panel is drawn again, whole."""
    app = TutorApp(content=SHIPPED, seed=1)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = await answered(pilot, "single", right=True, ahead=True)
        panel = screen.query_one(FeedbackPanel)
        assert panel.drawn_ahead
        before = panel_text(panel)
        await pilot.resize_terminal(70, 30)
        await pilot.pause()
        assert panel.size.width < 70
        assert not panel.drawn_ahead
        assert panel_text(panel) == before  # the same words, wrapped anew
        assert before.startswith(f"✓ {strings.ANSWER_RIGHT}")
        assert strings.ANSWER_QUOTE in before


async def test_the_verdict_is_in_sight_at_once_on_a_small_terminal() -> None:
    """At 80×24 the panel's first line ("Goed!"/"Niet goed.") is in sight after Enter.

    On every kind of question; the learner need not scroll to see the verdict.
    """
    app = TutorApp(content=SHIPPED, seed=1)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for kind in KINDS:
            lesson, question = FIRST_OF_KIND[kind]
            screen = QuestionScreen(lesson, QuizRun([question]), random.Random(3))
            await app.push_screen(screen)
            await pilot.pause()
            await pilot.press(*answer_keys(screen.view, right=False), "enter")
            await pilot.pause()
            panel = screen.query_one(FeedbackPanel)
            geometry = screen.find_widget(panel)
            first_line = geometry.region.y
            assert geometry.clip.y <= first_line < geometry.clip.bottom, kind
            app.pop_screen()
            await pilot.pause()


@pytest.mark.parametrize("kiosk", [False, True], ids=["self-study", "kiosk"])
async def test_the_buttons_stay_put_when_the_verdict_relabels_them(kiosk: bool) -> None:
    """ "Verder" appears where "Controleer" was, "Bron" where "Ongedaan maken" was.

    A mouse or a finger can press twice in the same place, and the verdict's frame
    needs no new layout for the buttons.
    """
    app = TutorApp(content=SHIPPED, seed=1)
    async with app.run_test(size=(80, 24)) as pilot:
        if kiosk:
            app.add_class("-kiosk")
        await pilot.pause()
        lesson, question = FIRST_OF_KIND["single"]
        screen = QuestionScreen(lesson, QuizRun([question]), random.Random(3))
        await app.push_screen(screen)
        await pilot.pause()
        before = [(str(b.label), b.region) for b in (screen.undo_source, screen.confirm_button)]
        await pilot.press(*answer_keys(screen.view, right=True), "enter")
        await pilot.pause()
        after = [(str(b.label), b.region) for b in (screen.undo_source, screen.confirm_button)]
        assert [label for label, _ in before] == [strings.BUTTON_UNDO, strings.BUTTON_CHECK]
        assert [label for label, _ in after] == [strings.BUTTON_SOURCE, strings.BUTTON_CONTINUE]
        assert [region for _, region in after] == [region for _, region in before]
        for button in (screen.undo_source, screen.confirm_button):  # each label shows whole
            assert len(str(button.label)) <= button.content_region.width
