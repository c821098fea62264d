"""A participants' server inside a test: the real aiohttp app, a Hub following a temporary store.

Runs in the test's own event loop, next to the Pilots (`served`), or in a thread
of its own for tests that run the app with `App.run` (`ServerThread`).
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import AsyncIterator, Callable, Sequence
from pathlib import Path

from aiohttp import web

from tutor.core.content.models import Lesson, Question
from tutor.group.web.hub import Hub
from tutor.group.web.server import start, stop
from tutor.group.wire import SessionContent
from tutor.store.group import SQLiteGroupStore

POLL_SECONDS = 0.02


class Served:
    """One session's server on loopback; `restart()` stops it and starts a new one.

    A restart builds a new Hub on a new store connection, as a restarted server
    process does, on the same port.
    """

    def __init__(
        self,
        db: Path,
        lesson: Lesson,
        questions: Sequence[Question],
        code: str,
        clock: Callable[[], float] | None = None,
    ) -> None:
        self.db = db
        self.content = SessionContent(lesson, questions)
        self.code = code
        self.clock = clock
        self.port = 0
        self.hub: Hub | None = None
        self._runner: web.AppRunner | None = None
        self._follow: asyncio.Task[None] | None = None
        self._stores: list[SQLiteGroupStore] = []

    @property
    def url(self) -> str:
        """The address a participant is given."""
        return f"http://127.0.0.1:{self.port}/"

    async def start(self) -> None:
        """Serve (again) on the same port; the first start picks a free one."""
        store = SQLiteGroupStore(self.db)
        self._stores.append(store)
        kwargs = {"clock": self.clock} if self.clock is not None else {}
        self.hub = Hub(store, self.content, self.code, **kwargs)
        self._runner, self.port = await start(self.hub, "127.0.0.1", self.port)
        self._follow = asyncio.ensure_future(self.hub.follow(poll_seconds=POLL_SECONDS))

    async def stop(self) -> None:
        """Stop serving: open streams break, new connections are refused."""
        if self._follow is not None:
            self._follow.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._follow
            self._follow = None
        if self._runner is not None:
            await stop(self._runner)
            self._runner = None

    async def restart(self, pause: float = 0.3) -> None:
        """Stop, wait a moment, start again on the same port."""
        await self.stop()
        await asyncio.sleep(pause)
        await self.start()

    def close(self) -> None:
        for store in self._stores:
            store.close()


@contextlib.asynccontextmanager
async def served(
    db: Path,
    lesson: Lesson,
    questions: Sequence[Question],
    code: str,
    clock: Callable[[], float] | None = None,
) -> AsyncIterator[Served]:
    """Serve session `code` of the store at `db` in this event loop while the block runs."""
    server = Served(db, lesson, questions, code, clock)
    await server.start()
    try:
        yield server
    finally:
        await server.stop()
        server.close()


class ServerThread:
    """`served` in a thread with its own event loop (for `App.run`-driven tests)."""

    def __init__(self, db: Path, lesson: Lesson, questions: Sequence[Question], code: str):
        self._args = (db, lesson, questions, code)
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._done: asyncio.Event | None = None
        self._thread = threading.Thread(target=self._run, daemon=True)
        self.url = ""

    def _run(self) -> None:
        self._loop.run_until_complete(self._serve())
        self._loop.close()

    async def _serve(self) -> None:
        self._done = asyncio.Event()
        async with served(*self._args) as server:
            self.url = server.url
            self._ready.set()
            await self._done.wait()

    def __enter__(self) -> ServerThread:
        self._thread.start()
        if not self._ready.wait(10):
            raise RuntimeError("server did not start")
        return self

    def __exit__(self, *_: object) -> None:
        done = self._done
        assert done is not None
        self._loop.call_soon_threadsafe(done.set)
        self._thread.join(10)
