"""The teach-back view: type (or not), see the model answer, tick the key points."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Button, Static

from pilot_helpers import answer_current, click_row
from tutor.core.content.loader import load_content
from tutor.core.text import common as strings
from tutor.selfstudy.app import TutorApp
from tutor.store.progress import open_progress
from tutor.ui.screens.question import QuestionScreen
from tutor.ui.widgets.questions import ExplainView
from tutor.ui.widgets.questions.explain import AnswerBox

EXPLAIN = """  - id: leg-uit
    type: explain
    prompt: Leg in je eigen woorden uit waarom ketamine anders is.
    model_answer: Ketamine werkt op glutamaat. Het effect kan binnen uren komen.
    key_points:
      - {text: Het werkt op glutamaat., quotes: ["Ketamine werkt op het glutamaatsysteem."]}
      - {text: Het kan snel werken., quotes: ["Het effect kan binnen uren merkbaar zijn, niet na weken."]}
    quotes: ["Ketamine werkt op het glutamaatsysteem."]
"""


async def _to_explain(pilot, app: TutorApp) -> tuple[QuestionScreen, ExplainView]:  # type: ignore[no-untyped-def]
    await pilot.press("1", "right", "right")
    for _ in range(8):
        await answer_current(pilot, right=True)
        await pilot.press("enter")
    screen = app.screen
    assert isinstance(screen, QuestionScreen)
    assert isinstance(screen.view, ExplainView)
    return screen, screen.view


def _content(good_copy: Path):  # type: ignore[no-untyped-def]
    quiz = good_copy / "quizzes" / "mini-les.yaml"
    quiz.write_text(quiz.read_text() + EXPLAIN)
    return load_content(good_copy)


async def test_type_reveal_tick_all_is_right_and_the_text_can_be_saved(
    good_copy: Path, tmp_path: Path
) -> None:
    store = open_progress(tmp_path / "data")
    app = TutorApp(content=_content(good_copy), seed=1, progress=store)
    async with app.run_test(size=(100, 40)) as pilot:
        screen, view = await _to_explain(pilot, app)
        box = view.query_one(AnswerBox)
        assert view.pick_list.shown_rows() == []  # the key points wait
        await pilot.click(AnswerBox)
        assert box.has_focus
        await pilot.press(*"Het remt glutamaat af")
        assert box.text == "Het remt glutamaat af"
        await pilot.press("escape")
        assert not box.has_focus
        assert isinstance(app.screen, QuestionScreen)  # Esc left the box, not the lesson
        await pilot.click("#explain-reveal")
        assert view.revealed
        model = str(view.query_one(".explain-model", Static).render())
        assert "Een goede uitleg: Ketamine werkt op glutamaat." in model
        save = view.query_one("#explain-save", Button)
        assert save.display
        await pilot.click("#explain-save")
        await pilot.pause()
        saved = store.saved_questions()
        assert [(q.kind, q.text) for q in saved] == [("explain", "Het remt glutamaat af")]
        assert view.saved
        await pilot.press("1", "2", "enter")
        assert screen.run.verdicts["leg-uit"].correct


async def test_reveal_without_typing_works_by_clicks_only(good_copy: Path) -> None:
    app = TutorApp(content=_content(good_copy), seed=1)
    async with app.run_test(size=(100, 40)) as pilot:
        screen, view = await _to_explain(pilot, app)
        await pilot.click("#explain-think")
        assert view.revealed
        assert not view.query_one(AnswerBox).display  # nothing typed, nothing shown
        assert not view.query_one("#explain-save").display  # nothing to save
        await pilot.pause()
        shown = view.pick_list.shown_rows()
        assert shown == [row.number for row in view.rows]
        for number in shown:
            await click_row(pilot, number)
        await pilot.click("#confirm")
        verdict = screen.run.verdicts["leg-uit"]
        assert verdict.correct
        assert strings.ANSWER_RIGHT in str(app.screen.query_one("#feedback", Static).render())


async def test_enter_reveals_and_one_point_missing_is_wrong(good_copy: Path) -> None:
    app = TutorApp(content=_content(good_copy), seed=1)
    async with app.run_test(size=(100, 40)) as pilot:
        screen, view = await _to_explain(pilot, app)
        await pilot.press("enter")
        assert view.revealed
        assert "leg-uit" not in screen.run.verdicts  # Enter only showed the model answer
        await pilot.press("1", "enter")
        assert not screen.run.verdicts["leg-uit"].correct
