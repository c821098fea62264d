"""What a kiosk visitor sees must not change by accident (large, high-contrast layout).

Regenerate after a deliberate change with
`pytest tests/snapshots/test_kiosk_snapshots.py --snapshot-update` and look at the SVGs.
"""

from __future__ import annotations

import pytest

from conftest import SNAPSHOT_ROOT
from tutor.core.content.loader import load_content
from tutor.kiosk.app import KioskApp
from tutor.kiosk.pin import hash_pin

CONTENT = load_content(SNAPSHOT_ROOT)  # small fixture content, not the shipped lessons
STORED = hash_pin("2468")
SIZES = [(80, 24), (120, 40)]


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def make_app(clock: FakeClock | None = None) -> KioskApp:
    return KioskApp(content=CONTENT, pin=STORED, seed=7, idle=120, clock=clock or FakeClock())


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_attract(snap_compare, size) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_lesson_with_klaar(snap_compare, size) -> None:  # type: ignore[no-untyped-def]
    number = str([lesson.id for lesson in CONTENT.lessons].index("licht-en-stemming") + 1)
    assert snap_compare(make_app(), press=["space", number], terminal_size=size)


def test_idle_countdown(snap_compare) -> None:  # type: ignore[no-untyped-def]
    clock = FakeClock()

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press("space", "1")
        clock.now += 108
        pilot.app.tick_idle()
        await pilot.pause()

    assert snap_compare(make_app(clock), run_before=run_before, terminal_size=(80, 24))


def test_pin_dialog_after_a_wrong_pin(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("1", "1", "1", "1", "enter")
        await pilot.pause()

    assert snap_compare(make_app(), run_before=run_before, terminal_size=(80, 24))
