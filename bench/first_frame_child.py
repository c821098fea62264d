"""Child process for bench/startup.py: start an app headless, print READY at its first frame.

Usage: python bench/first_frame_child.py tutor|bare

"First frame" = the first screen refresh after the main screen (the tutor's
home screen with its lesson list, or the bare app's one Static) is mounted.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the source tree

which = sys.argv[1]
if which == "tutor":
    from tutor.selfstudy.app import TutorApp as Base
else:
    from textual.app import App as Base  # type: ignore[assignment]
    from textual.widgets import Static

    class Base(Base):  # type: ignore[no-redef]
        def compose(self):  # type: ignore[no-untyped-def]
            yield Static("Hallo")


def make_app() -> Base:  # type: ignore[valid-type]
    """The app as the `tutor` command starts it (with the progress store), or the bare one."""
    if which != "tutor":
        return Timed()
    from tutor.store.progress import open_progress_for_app

    opened = open_progress_for_app()
    return Timed(progress=opened.store, notice=opened.notice)


class Timed(Base):  # type: ignore[misc,valid-type]
    """Prints READY once the main screen is mounted and has been refreshed."""

    def on_load(self) -> None:
        self._bench_timer = self.set_interval(0.001, self._bench_check)

    def _bench_check(self) -> None:
        screen = self.screen
        main_screen_up = screen.id == "home" if which == "tutor" else bool(screen.children)
        if main_screen_up and screen.is_mounted:
            self._bench_timer.stop()
            self.call_after_refresh(self._bench_done)

    def _bench_done(self) -> None:
        sys.__stdout__.write("READY\n")
        sys.__stdout__.flush()
        self.exit()


make_app().run(headless=True)
