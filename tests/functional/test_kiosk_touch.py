"""A waiting-room kiosk is a touch screen: every path of a visit works with taps alone,
and every target is big enough for a finger.

No key is pressed in the visit: attract screen, lesson list, every step (diagrams
included) with its glossary, source and help dialogs, every question type (ordering,
matching and teach-back among them), the result, "Wat we nog niet weten" and back to
the attract screen. On every screen of the way every target is at least 3 rows high
with at least one blank row or column between two targets (docs/KIOSK.md, "Touch
targets"), at the kiosk size the guide sets up. Only staff use a key: Ctrl+Q opens
the PIN pad, which is then tapped.
"""

from __future__ import annotations

from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget

from conftest import SNAPSHOT_ROOT
from pilot_helpers import answer_keys, click_row, gap, touch_check
from tutor.core.content.loader import load_content
from tutor.kiosk.app import KioskApp
from tutor.kiosk.screens.attract import AttractScreen
from tutor.kiosk.screens.idle import IdleCountdown
from tutor.kiosk.screens.lessons import KioskHelpScreen, KioskHomeScreen
from tutor.kiosk.screens.pin_pad import PinDialog
from tutor.ui.dialogs.glossary import GlossaryScreen
from tutor.ui.dialogs.source import SourceScreen
from tutor.ui.screens.home import LessonItem
from tutor.ui.screens.lesson import LessonScreen
from tutor.ui.screens.question import QuestionScreen
from tutor.ui.screens.result import ResultScreen
from tutor.ui.screens.unknowns import UnknownsScreen
from tutor.ui.widgets.questions import ExplainView

FIXTURE = load_content(SNAPSHOT_ROOT)
KIOSK_SIZE = (120, 40)
"""The smallest screen the kiosk is set up for (docs/KIOSK.md, "Touch targets")."""


class Measured:
    """The lowest target and the smallest gap seen per kind of screen."""

    def __init__(self) -> None:
        self.heights: dict[str, int] = {}
        self.gaps: dict[str, int] = {}

    def check(self, pilot: Pilot, name: str) -> None:  # type: ignore[type-arg]
        """Assert the touch rules on the screen on top, and note what was measured."""
        result = touch_check(pilot.app.screen)
        assert result.targets, name
        assert result.problems == [], name
        self.heights[name] = min(self.heights.get(name, 99), result.min_height)
        if result.min_gap is not None:
            self.gaps[name] = min(self.gaps.get(name, 99), result.min_gap)

    def report(self) -> str:
        return "\n".join(
            f"{name}: hoogte >= {height}, ruimte >= {self.gaps.get(name, '-')}"
            for name, height in self.heights.items()
        )


def _middle(widget: Widget) -> tuple[int, int]:
    region = widget.region
    return region.width // 2, region.height // 2


async def _tap(pilot: Pilot, target: str | Widget, *, row: int | None = None) -> None:  # type: ignore[type-arg]
    """Tap a target in its middle, or on `row` of it (0 = its top row)."""
    widget = pilot.app.screen.query_one(target) if isinstance(target, str) else target
    x, y = _middle(widget)
    await pilot.click(widget, offset=(x, y if row is None else row))
    await pilot.pause()


async def _leave(pilot: Pilot, screen: object) -> None:  # type: ignore[type-arg]
    for _ in range(20):  # the next screen replaces this one
        if pilot.app.screen is not screen:
            return
        await pilot.pause(0.05)


async def _close_dialog(pilot: Pilot, measured: Measured, name: str) -> None:  # type: ignore[type-arg]
    dialog = pilot.app.screen
    await pilot.pause()
    measured.check(pilot, name)
    await _tap(pilot, dialog.query_one("Button"))  # Sluiten
    await _leave(pilot, dialog)
    assert pilot.app.screen is not dialog, name


async def _answer_by_taps(
    pilot: Pilot,  # type: ignore[type-arg]
    screen: QuestionScreen,
    measured: Measured,
    *,
    right: bool,
) -> str:
    view = screen.view
    kind = type(view).__name__
    measured.check(pilot, f"vraag {kind}")
    if isinstance(view, ExplainView):
        await _tap(pilot, "#explain-think")  # no typing on a touch screen
        measured.check(pilot, f"vraag {kind} (kernpunten)")
    for key in answer_keys(view, right=right):
        if key == "enter":
            continue  # the explain view was opened by the tap above
        region = screen.view.pick_list.row_region(int(key))
        assert region is not None
        await click_row(pilot, int(key), line=region.height - 1)  # its bottom line counts too
        await pilot.pause()
        await pilot.pause(0.6)  # the same row twice (matching) is no double click
    measured.check(pilot, f"vraag {kind} (gekozen)")
    await _tap(pilot, "#confirm")  # check
    assert screen.verdict is not None and screen.verdict.correct is right, kind
    measured.check(pilot, f"vraag {kind} (uitleg)")
    # Two taps on one spot within Textual's double-click time are one double click.
    await pilot.pause(0.6)
    await _tap(pilot, "#confirm")  # go on
    await _leave(pilot, screen)
    return kind


async def test_a_whole_visit_by_taps_alone_with_big_targets() -> None:
    from test_kiosk_app import STORED, FakeClock

    lesson = next(
        ls for ls in FIXTURE.lessons if len({q.type for q in FIXTURE.quizzes[ls.id].questions}) == 7
    )
    number = FIXTURE.lessons.index(lesson)
    app = KioskApp(content=FIXTURE, pin=STORED, seed=7, idle=600, clock=FakeClock())
    kinds: set[str] = set()
    measured = Measured()
    async with app.run_test(size=KIOSK_SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, AttractScreen)
        measured.check(pilot, "begin")
        await _tap(pilot, "#attract-start")
        assert isinstance(app.screen, KioskHomeScreen)
        await pilot.pause()
        measured.check(pilot, "lessen")
        item = list(app.screen.query(LessonItem))[number]
        await _tap(pilot, item, row=item.region.height - 1)
        steps_seen = set()
        while isinstance(app.screen, LessonScreen):
            step_screen = app.screen
            await pilot.pause()
            measured.check(pilot, "stap")
            if step_screen.step_index == 0:
                for button, dialog, name in (
                    ("#glossary", GlossaryScreen, "begrippen"),
                    ("#source", SourceScreen, "bron"),
                    ("#kiosk-help", KioskHelpScreen, "hulp"),
                ):
                    await _tap(pilot, button)
                    assert isinstance(app.screen, dialog), name
                    await _close_dialog(pilot, measured, name)
                    assert app.screen is step_screen
            steps_seen.add(step_screen.step_index)
            await _tap(pilot, "#next")
            await pilot.pause()
        assert steps_seen == set(range(len(lesson.steps)))
        first = True
        while isinstance(app.screen, QuestionScreen):
            # The first answer is wrong, so the result offers the retry.
            kinds.add(await _answer_by_taps(pilot, app.screen, measured, right=not first))
            first = False
        assert isinstance(app.screen, UnknownsScreen)
        await pilot.pause()
        measured.check(pilot, "wat we nog niet weten")
        await _tap(pilot, "#next")
        assert isinstance(app.screen, ResultScreen)
        await pilot.pause()
        assert app.screen.query("#retry")
        measured.check(pilot, "uitslag")
        await _tap(pilot, "#kiosk-help")
        assert isinstance(app.screen, KioskHelpScreen)
        await _close_dialog(pilot, measured, "hulp")
        await _tap(pilot, "#home-button")
        assert isinstance(app.screen, KioskHomeScreen)
        await _tap(pilot, "#kiosk-done")
        assert isinstance(app.screen, AttractScreen)
    assert {"ChoiceView", "OrderView", "MatchView", "EvidenceView", "ExplainView"} <= kinds
    print(measured.report())  # shown with pytest -s


async def test_the_pin_pad_and_the_countdown_by_taps() -> None:
    from test_kiosk_app import PIN, STORED, FakeClock

    clock = FakeClock()
    app = KioskApp(content=FIXTURE, pin=STORED, seed=7, idle=120, clock=clock)
    measured = Measured()
    async with app.run_test(size=KIOSK_SIZE) as pilot:
        await pilot.pause()
        await _tap(pilot, "#attract-start")
        clock.now += 110
        app.tick_idle()
        await pilot.pause()
        assert isinstance(app.screen, IdleCountdown)
        measured.check(pilot, "ben je er nog")
        await _tap(pilot, "#still-here")
        assert isinstance(app.screen, KioskHomeScreen)
        await pilot.press("ctrl+q")  # staff, with the keyboard kept at hand
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, PinDialog)
        measured.check(pilot, "pincode")
        previous = ""
        for digit in PIN:
            if digit == previous:
                await pilot.pause(0.6)
            await _tap(pilot, f"#pin-digit-{digit}")
            previous = digit
        assert dialog.pin_input.value == PIN
        await _tap(pilot, "#pin-ok")
    assert app.pin_accepted and app.return_code == 0
    print(measured.report())


def test_gap_counts_blank_cells_and_corners_touch() -> None:
    a = Region(0, 0, 10, 3)
    assert gap(a, Region(0, 4, 10, 3)) == 1  # one blank row
    assert gap(a, Region(0, 3, 10, 3)) == 0  # directly below
    assert gap(a, Region(12, 0, 5, 3)) == 2  # two blank columns
    assert gap(a, Region(10, 3, 5, 3)) == 0  # corner to corner
    assert gap(a, Region(5, 1, 10, 3)) < 0  # overlapping
