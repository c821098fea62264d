"""Fixtures of the real-browser tests (a plugin the root conftest loads): a Chromium,
a fresh session, trainer and server per test. Without /usr/bin/chromium every test here is skipped."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Playwright, sync_playwright

from browser_helpers import (
    CHROMIUM,
    CHROMIUM_ARGS,
    LESSON,
    MEASURED,
    SNAPSHOT_ROOT,
    Cable,
    Room,
    ServerProcess,
    Trainer,
    needs_chromium,
    new_context,
)
from tutor.core.content.loader import load_content
from tutor.group.wire import SessionContent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Skip every browser test when there is no Chromium to drive."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(needs_chromium)


@pytest.fixture(scope="session")
def content() -> SessionContent:
    loaded = load_content(SNAPSHOT_ROOT)
    lesson = loaded.lesson(LESSON)
    return SessionContent(lesson, loaded.quizzes[lesson.id].questions)


@pytest.fixture
def trainer(tmp_path: Path, content: SessionContent) -> Iterator[Trainer]:
    made = Trainer(tmp_path / "groups.sqlite3", content)
    yield made
    made.close()


@pytest.fixture
def room(trainer: Trainer, content: SessionContent, tmp_path: Path) -> Iterator[Room]:
    served = Room(tmp_path / "groups.sqlite3", content, trainer.code)
    served.start()
    yield served
    served.stop()


@pytest.fixture
def cable(room: Room) -> Iterator[Cable]:
    """The room's server behind a network the test can unplug."""
    made = Cable(room.port)
    yield made
    made.close()


@pytest.fixture
def server_process(trainer: Trainer, tmp_path: Path) -> Iterator[ServerProcess]:
    served = ServerProcess(tmp_path / "groups.sqlite3", trainer.code)
    served.start()
    yield served
    served.stop()


@pytest.fixture
def playwright() -> Iterator[Playwright]:
    # Per test, not per session: while Playwright's sync API is open, its event loop
    # counts as running in this thread, and the async tests that share the xdist
    # worker could not start theirs.
    with sync_playwright() as driver:
        yield driver


@pytest.fixture
def browser(playwright: Playwright) -> Iterator[Browser]:
    launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield launched
    launched.close()


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    context = new_context(browser, "phone")
    yield context.new_page()
    context.close()


@pytest.fixture
def desktop(browser: Browser) -> Iterator[Page]:
    context = new_context(browser, "desktop")
    yield context.new_page()
    context.close()


@pytest.fixture(scope="session")
def shots_dir() -> Iterator[Path | None]:
    wanted = os.environ.get("TUTOR_SHOTS")
    folder = Path(wanted) if wanted else None
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
    yield folder
    if folder is not None:
        worker = os.environ.get("PYTEST_XDIST_WORKER", "main")  # one file per xdist worker
        (folder / f"measurements-{worker}.json").write_text(json.dumps(MEASURED, indent=1))


@pytest.fixture
def shot(shots_dir: Path | None) -> Callable[[Page, str], None]:
    """Save a full-page screenshot of the view (only with `TUTOR_SHOTS`)."""

    def take(page: Page, name: str) -> None:
        if shots_dir is None:
            return
        width = page.viewport_size["width"] if page.viewport_size else 0
        page.screenshot(path=str(shots_dir / f"{width}-{name}.png"))  # the first screenful
        if page.evaluate("() => document.documentElement.scrollHeight > innerHeight"):
            # The whole page, with the 113 line where it ends up after scrolling down.
            footer = page.locator("footer")
            footer.evaluate("(node) => { node.style.position = 'static'; }")
            page.screenshot(path=str(shots_dir / f"{width}-{name}-full.png"), full_page=True)
            footer.evaluate("(node) => { node.style.position = ''; }")

    return take
