"""Kiosk soak: many simulated visitors in one process; memory and speed must not drift.

Each visitor leaves the attract screen, opens a lesson (1-5 in turn), steps through
three steps, answers two quiz questions and walks away: the idle clock (a fake
one) runs out and the kiosk wipes the visit. The app runs headless through
Textual's Pilot, as in the tests, with the shipped lessons.

Reported: resident memory (RSS, from /proc/self/statm, after a garbage collection)
after the first 10 visitors and after the last, and the time of one visitor's
path (median) over the first 10 and the last 10. Goals: <= 5 MB growth, no slowdown.

Usage: python bench/kiosk_soak.py [--visitors N] [--stats]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).parent
sys.path[:0] = [str(HERE.parent), str(HERE.parent / "tests")]

IDLE = 120.0
STEPS = 3
QUESTIONS = 2


def rss_mb() -> float:
    """Resident memory of this process in MB (Linux)."""
    with open("/proc/self/statm", encoding="ascii") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


class FakeClock:
    """Monotonic seconds that move only when the visitor walks away."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


async def soak(visitors: int, stats: bool) -> None:
    from pilot_helpers import answer_keys
    from tutor.core.content.loader import load_content
    from tutor.kiosk.app import KioskApp
    from tutor.kiosk.pin import hash_pin
    from tutor.kiosk.screens.attract import AttractScreen
    from tutor.store.kiosk_stats import KioskStats
    from tutor.ui.screens.lesson import LessonScreen
    from tutor.ui.screens.question import QuestionScreen

    content = load_content()
    lessons = len(content.lessons)
    clock = FakeClock()
    store = KioskStats.open() if stats else None
    app = KioskApp(
        content=content, pin=hash_pin("2468"), seed=1, idle=IDLE, clock=clock, stats=store
    )
    times: list[float] = []
    memory: dict[int, float] = {}
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for visitor in range(1, visitors + 1):
            start = time.perf_counter()
            assert isinstance(app.screen, AttractScreen)
            await pilot.press("space", str((visitor - 1) % lessons + 1))
            assert isinstance(app.screen, LessonScreen)
            lesson = app.screen.lesson
            await pilot.press(*["right"] * STEPS)
            app.start_quiz(lesson)
            await pilot.pause()
            for _ in range(QUESTIONS):
                screen = app.screen
                assert isinstance(screen, QuestionScreen)
                await pilot.press(*answer_keys(screen.view, right=visitor % 2 == 0), "enter")
                await pilot.press("enter")
            clock.now += IDLE + 1  # walks away
            app.tick_idle()
            await pilot.pause()
            assert len(app.screen_stack) == 2 and isinstance(app.screen, AttractScreen)
            times.append(time.perf_counter() - start)
            if visitor in (10, visitors):
                gc.collect()
                memory[visitor] = rss_mb()
            if visitor % 100 == 0:
                print(f"  {visitor} visitors, RSS {rss_mb():.1f} MB", flush=True)
    if store is not None:
        store.close()
    first, last = statistics.median(times[:10]), statistics.median(times[-10:])
    growth = memory[visitors] - memory[10]
    last_label = f"RSS after {visitors} visitors"
    print(f"visitors                      : {visitors}{' (with --stats)' if stats else ''}")
    print(f"RSS after 10 visitors         : {memory[10]:7.1f} MB")
    print(f"{last_label:<30}: {memory[visitors]:7.1f} MB")
    print(f"growth                        : {growth:+7.1f} MB  (goal <= 5 MB)")
    print(f"visitor path, first 10 median : {first * 1000:7.0f} ms")
    print(f"visitor path, last 10 median  : {last * 1000:7.0f} ms  (ratio {last / first:.2f})")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--visitors", type=int, default=1000)
    parser.add_argument("--stats", action="store_true", help="also count answers (in a temp dir)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        os.environ["TUTOR_DATA_DIR"] = folder
        os.environ["TUTOR_CONFIG_DIR"] = folder
        asyncio.run(soak(max(args.visitors, 20), args.stats))


if __name__ == "__main__":
    main()
