"""A waiting-room kiosk is a touch screen: every path of a visit works with taps alone.

No key is pressed in these tests: attract screen, lesson list, every step (diagrams
included), every question type (ordering, matching and teach-back among them), the
result, "Wat we nog niet weten" and back to the attract screen.
"""

from __future__ import annotations

from textual.pilot import Pilot

from conftest import SNAPSHOT_ROOT
from pilot_helpers import answer_keys
from tutor.core.content.loader import load_content
from tutor.kiosk.app import KioskApp
from tutor.kiosk.screens.attract import AttractScreen
from tutor.kiosk.screens.lessons import KioskHomeScreen
from tutor.ui.screens.home import LessonItem
from tutor.ui.screens.lesson import LessonScreen
from tutor.ui.screens.question import QuestionScreen
from tutor.ui.screens.result import ResultScreen
from tutor.ui.screens.unknowns import UnknownsScreen
from tutor.ui.widgets.pickrow import PickRow
from tutor.ui.widgets.questions import ExplainView

FIXTURE = load_content(SNAPSHOT_ROOT)


async def _tap(pilot: Pilot, selector: str) -> None:  # type: ignore[type-arg]
    await pilot.click(selector)
    await pilot.pause()


async def _answer_by_taps(pilot: Pilot, screen: QuestionScreen) -> str:  # type: ignore[type-arg]
    view = screen.view
    kind = type(view).__name__
    if isinstance(view, ExplainView):
        await _tap(pilot, "#explain-think")  # no typing on a touch screen
    for key in answer_keys(view, right=True):
        row = next(r for r in screen.query(PickRow) if r.number == int(key))
        await pilot.click(row)
        await pilot.pause()
    await _tap(pilot, "#confirm")  # check
    assert screen.verdict is not None and screen.verdict.correct, kind
    # Two taps on one spot within Textual's double-click time are one double click.
    await pilot.pause(0.6)
    await _tap(pilot, "#confirm")  # go on
    for _ in range(20):  # the next screen replaces this one
        if pilot.app.screen is not screen:
            break
        await pilot.pause(0.05)
    return kind


async def test_a_whole_visit_by_taps_alone() -> None:
    from test_kiosk_app import STORED, FakeClock

    lesson = next(
        ls for ls in FIXTURE.lessons if len({q.type for q in FIXTURE.quizzes[ls.id].questions}) == 7
    )
    number = FIXTURE.lessons.index(lesson)
    app = KioskApp(content=FIXTURE, pin=STORED, seed=7, idle=600, clock=FakeClock())
    kinds: set[str] = set()
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, AttractScreen)
        await _tap(pilot, "#attract-start")
        assert isinstance(app.screen, KioskHomeScreen)
        await pilot.click(list(app.screen.query(LessonItem))[number])
        await pilot.pause()
        steps_seen = set()
        while isinstance(app.screen, LessonScreen):
            steps_seen.add(app.screen.step_index)
            await _tap(pilot, "#next")
            await pilot.pause()
        assert steps_seen == set(range(len(lesson.steps)))
        while isinstance(app.screen, QuestionScreen):
            kinds.add(await _answer_by_taps(pilot, app.screen))
        assert isinstance(app.screen, UnknownsScreen)
        await _tap(pilot, "#next")
        assert isinstance(app.screen, ResultScreen)
        await _tap(pilot, "#home-button")
        assert isinstance(app.screen, KioskHomeScreen)
        await _tap(pilot, "#kiosk-done")
        assert isinstance(app.screen, AttractScreen)
    assert {"ChoiceView", "OrderView", "MatchView", "EvidenceView", "ExplainView"} <= kinds
