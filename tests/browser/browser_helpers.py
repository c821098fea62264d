"""What the real-browser tests share: the trainer, the server, browser profiles, checks.

Every test gets its own session and server (a fresh code, a fresh wrong-code limit), on a
temporary store, with a `TrainerSession` the test moves as a trainer would. The server runs
in-process on its own thread and event loop (`Room`), or as `python -m tutor.group.web`
(`ServerProcess`) where a real restart matters. One browser serves the whole test session.

Set `TUTOR_SHOTS=DIR` to save a screenshot of every view into DIR (and the measured sizes
into DIR/measurements-*.json).
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect

from tutor.group.session import TrainerSession
from tutor.group.web.hub import Hub
from tutor.group.web.server import start, stop
from tutor.group.wire import SessionContent
from tutor.store.group import PositionKind, SQLiteGroupStore

PROJECT = Path(__file__).resolve().parents[2]
SNAPSHOT_ROOT = PROJECT / "tests" / "fixtures" / "snapshot_content"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LESSON = "licht-en-stemming"
"""The fixture lesson: five steps (one with a cascade), all seven question types, three unknowns."""

PROFILES: dict[str, dict[str, Any]] = {
    "phone": {
        "viewport": {"width": 390, "height": 844},
        "is_mobile": True,
        "has_touch": True,
        "device_scale_factor": 2,
    },
    "small": {
        "viewport": {"width": 320, "height": 568},
        "is_mobile": True,
        "has_touch": True,
        "device_scale_factor": 2,
    },
    "desktop": {"viewport": {"width": 1280, "height": 800}},
}

needs_chromium = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="Debian's Chromium (/usr/bin/chromium) is not installed"
)

expect.set_options(timeout=10_000)


def wait_until(condition: Callable[[], object], timeout: float = 10.0) -> None:
    """Poll `condition` (store state, not the page) until it holds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.02)


class Trainer:
    """The trainer side of a test session: moves written to the shared store."""

    def __init__(self, store_path: Path, content: SessionContent) -> None:
        self.store = SQLiteGroupStore(store_path)
        self.session = TrainerSession(self.store, content.lesson, content.questions)
        self.code = self.session.code
        self.store.touch_trainer(self.code)  # before the server starts, as `tutor trainer` does
        self._beat = threading.Event()
        self._heart = threading.Thread(target=self._heartbeat, daemon=True)
        self._heart.start()

    def _heartbeat(self) -> None:
        while not self._beat.wait(2.0):  # as the trainer app does: "still here"
            try:
                self.store.touch_trainer(self.code)
            except Exception:  # noqa: BLE001 - a closed store at teardown
                return

    def go(self, kind: PositionKind, index: int = 0, sub: int = 0) -> None:
        """Put the group at a stop (a step's cascade link `sub`)."""
        self.session.kind, self.session.index, self.session.sub = kind, index, sub
        self.session.publish()

    def reveal(self) -> None:
        """Show the right answer of the question on screen."""
        assert self.session.reveal()

    def end(self) -> None:
        """End the session."""
        self.session.end()

    def participants(self) -> int:
        """How many participants the store has for this session."""
        with self.store._read():  # noqa: SLF001 - a count the interface does not offer
            row = self.store._db.execute(  # noqa: SLF001
                "SELECT COUNT(*) FROM participants WHERE code = ?", (self.code,)
            ).fetchone()
        return int(row[0])

    def answer_of(self, token: str, index: int) -> object:
        """A participant's stored answer to question `index` (None if none)."""
        text = self.store.answers_of(self.code, token).get(index)
        return None if text is None else json.loads(text)

    def close(self) -> None:
        self._beat.set()
        self._heart.join(timeout=5)
        self.store.close()


class Room:
    """A participants' server on its own thread and event loop, as `__main__` runs it.

    Attributes:
        offset: Seconds added to the server's clock (away trainer, expired session).
    """

    def __init__(self, store_path: Path, content: SessionContent, code: str) -> None:
        self.store_path = store_path
        self.content = content
        self.code = code
        self.port = 0
        self.offset = 0.0
        self.loop: asyncio.AbstractEventLoop | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def clock(self) -> float:
        return time.time() + self.offset

    def start(self) -> None:
        loop = asyncio.new_event_loop()
        self.loop = loop
        self.thread = threading.Thread(target=loop.run_forever, daemon=True)
        self.thread.start()
        asyncio.run_coroutine_threadsafe(self._start(), loop).result(10)

    async def _start(self) -> None:
        self.store = SQLiteGroupStore(self.store_path, clock=self.clock)
        self.hub = Hub(self.store, self.content, self.code, clock=self.clock)
        self.runner, self.port = await start(self.hub, "127.0.0.1", self.port)
        # The store is polled faster than the real 0.1 s: each move shows up sooner.
        self.follow = asyncio.ensure_future(self.hub.follow(poll_seconds=0.02))

    async def _stop(self) -> None:
        self.follow.cancel()
        await stop(self.runner)

    def stop(self) -> None:
        if self.loop is None:
            return
        asyncio.run_coroutine_threadsafe(self._stop(), self.loop).result(10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout=10)
        self.loop.close()
        self.loop = None
        self.store.close()


class Cable:
    """The network between the phone and the server: a TCP relay the test can unplug.

    Chromium's offline emulation keeps an open event stream flowing, so a real drop needs
    this: `unplug` cuts every open connection and refuses new ones until `plug`.
    """

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self.port = 0
        self.plugged = True
        self._open: set[asyncio.StreamWriter] = set()
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        asyncio.run_coroutine_threadsafe(self._start(), self.loop).result(10)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def _start(self) -> None:
        self.server = await asyncio.start_server(self._relay, "127.0.0.1", 0)
        self.port = int(self.server.sockets[0].getsockname()[1])

    async def _relay(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if not self.plugged:
            writer.transport.abort()
            return
        try:
            up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.target_port)
        except OSError:
            writer.transport.abort()
            return
        self._open |= {writer, up_writer}

        async def pipe(source: asyncio.StreamReader, sink: asyncio.StreamWriter) -> None:
            try:
                while chunk := await source.read(65536):
                    sink.write(chunk)
                    await sink.drain()
            except (ConnectionError, OSError):
                pass
            finally:
                sink.transport.abort()

        await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))
        self._open -= {writer, up_writer}

    def _cut(self) -> None:
        self.plugged = False
        for writer in list(self._open):
            writer.transport.abort()

    def unplug(self) -> None:
        """The network is gone: open connections break, new ones fail."""
        self.loop.call_soon_threadsafe(self._cut)

    def plug(self) -> None:
        """The network is back."""
        self.plugged = True

    def close(self) -> None:
        asyncio.run_coroutine_threadsafe(self._close(), self.loop).result(10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout=10)
        self.loop.close()

    async def _close(self) -> None:
        self._cut()
        self.server.close()
        await self.server.wait_closed()


class ServerProcess:
    """`python -m tutor.group.web` for one session, as `tutor trainer` starts it."""

    def __init__(self, store_path: Path, code: str) -> None:
        self.store_path = store_path
        self.code = code
        self.port = 0
        self.process: subprocess.Popen[str] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        command = [sys.executable, "-m", "tutor.group.web", "--code", self.code]
        command += ["--host", "127.0.0.1", "--port", str(self.port)]
        command += ["--content", str(SNAPSHOT_ROOT), "--store", str(self.store_path)]
        path = os.pathsep.join(filter(None, [str(PROJECT), os.environ.get("PYTHONPATH")]))
        self.process = subprocess.Popen(
            command,
            cwd=PROJECT,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env={**os.environ, "PYTHONPATH": path, "PYTHONUNBUFFERED": "1"},
        )
        assert self.process.stdout is not None
        line = self.process.stdout.readline().strip()
        assert line.startswith("READY "), line
        self.port = int(line.split()[1])

    def stop(self, *, crash: bool = False) -> None:
        """Stop the server (SIGTERM), or with `crash` kill it (SIGKILL) as a crash would."""
        if self.process is None:
            return
        if crash:
            self.process.kill()
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None


def new_context(browser: Browser, profile: str) -> BrowserContext:
    """A fresh browser profile (its own localStorage) for a phone or a desktop."""
    # Reduced motion: no transitions half-way in a screenshot.
    context = browser.new_context(**PROFILES[profile], locale="nl-NL", reduced_motion="reduce")
    context.set_default_timeout(10_000)
    return context


MEASURED: list[dict[str, Any]] = []
"""Sizes measured on every checked view (written next to the screenshots)."""

LAYOUT = """() => {
  const shown = (node) => { const r = node.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  const boxes = [...document.querySelectorAll("button")].filter(shown).map((b) => {
    const r = b.getBoundingClientRect();
    return { w: r.width, h: r.height, top: r.top, bottom: r.bottom, left: r.left, right: r.right,
             text: b.textContent.trim().slice(0, 40), spills: b.scrollWidth > b.clientWidth + 1 };
  });
  let gap = Infinity;
  for (const a of boxes) for (const b of boxes) {
    if (a === b) continue;
    const across = Math.max(a.left, b.left) - Math.min(a.right, b.right);
    const down = Math.max(a.top, b.top) - Math.min(a.bottom, b.bottom);
    gap = Math.min(gap, Math.max(across, down));
  }
  const fonts = [];
  const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walk.nextNode()) {
    const parent = walk.currentNode.parentElement;
    if (!walk.currentNode.textContent.trim() || !shown(parent) || parent.closest(".sr, script")) continue;
    fonts.push(parseFloat(getComputedStyle(parent).fontSize));
  }
  const help = document.querySelector("footer .help"), box = help.getBoundingClientRect();
  // The 113 line is on screen and on top: what is drawn at its middle is the line itself.
  const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  return { helpOnTop: help.contains(top), caution: document.querySelector(".caution").textContent, scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth,
           innerHeight: window.innerHeight, body: parseFloat(getComputedStyle(document.body).fontSize),
           minFont: Math.min(...fonts), buttons: boxes, minGap: gap, helpTop: box.top, helpBottom: box.bottom };
}"""


def check_layout(page: Page, view: str) -> dict[str, Any]:
    """Assert the phone-first rules on the view on screen; return what was measured.

    No horizontal scrolling, body text and every visible text at least 16 px, every
    button at least 44×44 px with space between them, the 113 line on screen and the
    caution in the page.
    """
    measured: dict[str, Any] = page.evaluate(LAYOUT)
    assert "geen medisch advies" in measured.pop("caution"), view
    assert measured.pop("helpOnTop"), (view, "the 113 line is covered")
    width = page.viewport_size["width"] if page.viewport_size else 0
    assert measured["scrollWidth"] <= measured["innerWidth"], (view, measured["scrollWidth"])
    assert measured["body"] >= 16, view
    assert measured["minFont"] >= 16, (view, measured["minFont"])
    small = [b for b in measured["buttons"] if b["w"] < 44 or b["h"] < 44]
    assert not small, (view, small)
    spilling = [b["text"] for b in measured["buttons"] if b["spills"]]
    assert not spilling, (view, "text wider than its button", spilling)
    assert measured["minGap"] >= 8, (view, measured["minGap"])
    assert 0 <= measured["helpTop"] and measured["helpBottom"] <= measured["innerHeight"], view
    buttons = measured.pop("buttons")
    MEASURED.append(
        {
            "width": width,
            "view": view,
            **measured,
            "minButtonWidth": min((b["w"] for b in buttons), default=None),
            "minButtonHeight": min((b["h"] for b in buttons), default=None),
        }
    )
    return measured


def press(page: Page, target: Locator) -> None:
    """Tap on a touch screen, click otherwise."""
    if page.evaluate("() => navigator.maxTouchPoints > 0"):
        target.tap()
    else:
        target.click()


def option(page: Page, label: str) -> Locator:
    """The answer button with exactly this label in the view."""
    return page.locator("#view").get_by_role("button", name=label, exact=True)


def token_of(page: Page, code: str) -> str:
    """The participant token the page keeps for this code."""
    token = page.evaluate("(code) => localStorage.getItem('tutor-group-' + code)", code)
    assert isinstance(token, str) and token
    return token


def join_by_link(page: Page, url: str, code: str, *, waiting: bool = True) -> None:
    """Open the QR code's address and tap Meedoen, as a participant does (and with
    `waiting`, see the lobby's "Je doet mee")."""
    page.goto(f"{url}/?code={code}")
    expect(page.get_by_label("Code")).to_have_value(code)
    expect(page.locator("footer .help")).to_be_in_viewport()
    press(page, page.get_by_role("button", name="Meedoen"))
    if waiting:
        expect(page.locator("#view")).to_contain_text("Je doet mee")
