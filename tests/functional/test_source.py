"""'Bron' (b): the article's passage behind a step or an answer, with the quote highlighted."""

from __future__ import annotations

from textual.widgets import Button, Static

from conftest import PROJECT, SNAPSHOT_ROOT
from pilot_helpers import answer_current
from tutor.core.content.lint import fold
from tutor.core.content.loader import load_content
from tutor.core.content.source import article_date, article_title, find_passage
from tutor.core.text import common as strings
from tutor.selfstudy.app import TutorApp
from tutor.ui.dialogs.source import SourceScreen
from tutor.ui.screens.lesson import LessonScreen
from tutor.ui.screens.question import QuestionScreen

SHIPPED = load_content(PROJECT)
FIXTURE = load_content(SNAPSHOT_ROOT)


def test_every_shipped_quote_is_found_in_its_article_with_context() -> None:
    from tutor.core.content.source import passage_in

    for lesson in SHIPPED.lessons:
        for step in lesson.steps:
            for source, quote in lesson.quote_pairs(step.quotes):
                passage = passage_in(SHIPPED.root, source, quote)
                assert passage is not None, (lesson.id, step.id, quote)
                assert fold(passage.quote) == fold(quote)


def test_title_and_date_of_a_saved_web_page() -> None:
    text = "Ga naar hoofdinhoud\nBlog\n\nHoe werkt het? Uitleg\n30 december 2025\nTekst."
    assert article_title(text) == "Hoe werkt het? Uitleg"
    assert article_date(text) == "30 december 2025"
    assert article_title(" date 2025-06 Een lange eerste zin zonder titel erboven.") is None
    assert article_date(" date 2025-06 Een zin.") == "2025-06"


def test_passage_folds_quotes_and_whitespace_and_cuts_at_words() -> None:
    text = "Begin. " + "woord " * 100 + "Hij zei \u201cdit  klopt\u201d echt. " + "rest " * 100
    passage = find_passage(text, 'Hij zei "dit klopt" echt.', context=30)
    assert passage is not None
    assert passage.quote == "Hij zei \u201cdit  klopt\u201d echt."
    assert passage.before.startswith("…") and passage.after.endswith("…")
    assert " woord" in passage.before and "wo " not in passage.before.split("…")[1][:3]
    assert find_passage(text, "staat er niet") is None


def _dialog_text(app: TutorApp) -> str:
    screen = app.screen
    assert isinstance(screen, SourceScreen)
    return str(screen.query_one("#source-text", Static).render())


async def test_b_on_a_step_shows_the_badge_quote_highlighted() -> None:
    lesson = next(ls for ls in FIXTURE.lessons if any(s.evidence_quote for s in ls.steps))
    index = next(i for i, s in enumerate(lesson.steps) if s.evidence_quote)
    app = TutorApp(content=FIXTURE, seed=1)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.push_screen(LessonScreen(lesson, index))
        await pilot.pause()
        assert isinstance(app.screen, LessonScreen) and app.screen.step_index == index
        await pilot.press("b")
        await pilot.pause()
        shown = _dialog_text(app)
        step = lesson.steps[index]
        assert fold(step.evidence_quote or "") in fold(shown)
        static = app.screen.query_one("#source-text", Static)
        rendered = static.render()
        highlighted = [
            rendered.plain[span.start : span.end]  # type: ignore[union-attr]
            for span in rendered.spans  # type: ignore[union-attr]
            if "yellow" in str(span.style)
        ]
        assert [fold(h) for h in highlighted] == [fold(step.evidence_quote or "")]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LessonScreen)


async def test_the_source_button_on_a_step_opens_it_by_click() -> None:
    lesson = FIXTURE.lessons[0]
    app = TutorApp(content=FIXTURE, seed=1)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_lesson(lesson.id)
        await pilot.pause()
        await pilot.click("#source")
        await pilot.pause()
        assert isinstance(app.screen, SourceScreen)
        assert (article_title((SNAPSHOT_ROOT / lesson.source).read_text()) or "") in _dialog_text(
            app
        )


async def test_source_of_an_answer_only_after_checking_and_hint_instead_of_toasts() -> None:
    lesson = FIXTURE.lessons[0]
    app = TutorApp(content=FIXTURE, seed=1)
    async with app.run_test(size=(100, 30)) as pilot:
        app.start_quiz(lesson)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        await pilot.press("b")
        await pilot.pause()
        assert app.screen is screen  # nothing to show before the answer is checked
        for _ in range(5):
            await pilot.press("enter")
        await pilot.pause()
        assert not app._notifications, "no toast per press"
        hint = screen.query_one("#answer-hint", Static)
        assert hint.display and strings.ANSWER_INCOMPLETE in str(hint.render())
        side = screen.query_one("#undo-source", Button)
        assert str(side.label) == strings.BUTTON_UNDO  # no "Bron" before the answer is checked
        await answer_current(pilot, right=True)
        assert not hint.display
        assert str(side.label) == strings.BUTTON_SOURCE
        await pilot.press("b")
        await pilot.pause()
        question = screen.run.questions[0]
        first = lesson.quote_pairs(question.quotes)[0][1]
        assert fold(first) in fold(_dialog_text(app))
