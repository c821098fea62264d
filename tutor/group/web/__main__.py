"""Run the participants' server for one session: `python -m tutor.group.web --code C ...`.

Started by `tutor trainer` (not meant to be typed). Prints `READY <port>` once it
listens, or `ERROR <reason>`; logs one line per problem on stderr; stops when the
session ends, when the trainer has been away too long, or on SIGTERM.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import os
import resource
import signal
import sys
from pathlib import Path

LINGER_SECONDS = 3.0
"""After the session ends, streams get this long to tell every page so."""
ANNOUNCE_SECONDS = 10.0
MAX_TRIES = 100
"""At most this many ports are tried from `--port` on."""
WANTED_FILES = 8192
"""Open files the server asks for: two connections per participant, and room for a flood."""


class OneLineFormatter(logging.Formatter):
    """Every log record as one line: a traceback becomes the error's name and message."""

    def formatException(self, ei: object) -> str:  # noqa: N802 - logging's name
        error = ei[1] if isinstance(ei, tuple) and len(ei) == 3 else None
        return f"({type(error).__name__}: {error})" if error is not None else ""

    def format(self, record: logging.LogRecord) -> str:
        return " | ".join(super().format(record).splitlines())


def raise_file_limit(wanted: int = WANTED_FILES) -> int:
    """Raise this process's open-file limit towards `wanted` (a desktop's 1,024 is too few
    for a thousand participants with a stream and an answer connection each)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    if soft != resource.RLIM_INFINITY and soft < target:
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


def port_number(text: str) -> int:
    """A TCP port for argparse (0 lets the system choose)."""
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError("geen poortnummer") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError("een poort ligt tussen 0 en 65535")
    return port


def try_count(text: str) -> int:
    """How many ports to try, for argparse."""
    try:
        tries = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError("geen getal") from None
    if not 1 <= tries <= MAX_TRIES:
        raise argparse.ArgumentTypeError(f"tussen 1 en {MAX_TRIES}")
    return tries


def say(line: str) -> None:
    """Tell the trainer's program (stdout); one that is gone does not stop the server."""
    try:
        print(line, flush=True)
    except OSError:  # a closed pipe: the participants are still served
        sys.stdout = open(os.devnull, "w")  # for the rest of the process


async def serve(args: argparse.Namespace) -> int:
    from tutor.core.content.loader import load_content
    from tutor.group.web.hub import Hub
    from tutor.group.web.marker import pid_file, write_marker
    from tutor.group.web.server import start, stop
    from tutor.group.wire import SessionContent
    from tutor.store.group import GroupStoreError, SQLiteGroupStore

    # Signals are handled from the start: a SIGTERM right after READY is a clean stop.
    stopping = asyncio.Event()
    loop = asyncio.get_running_loop()
    for number in (signal.SIGTERM, signal.SIGINT):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(number, stopping.set)
    store = SQLiteGroupStore(Path(args.store) if args.store else None)
    try:
        position = store.position(args.code)
        content = load_content(Path(args.content) if args.content else None)
        lesson = content.lesson(position.lesson_id)
        quiz = content.quizzes.get(lesson.id)
        hub = Hub(store, SessionContent(lesson, quiz.questions if quiz else []), args.code)
    except (GroupStoreError, KeyError) as error:
        say(f"ERROR session {type(error).__name__}")
        store.close()
        return 2
    runner = None
    last = args.port if args.port == 0 else min(65535, args.port + args.tries - 1)
    for port in range(args.port, last + 1):
        try:
            runner, bound = await start(hub, args.host, port)
            break
        except (OSError, OverflowError):
            continue
    if runner is None:
        say("ERROR port")
        store.close()
        return 2
    marker = pid_file(hub.code)
    with contextlib.suppress(OSError):
        write_marker(hub.code, bound)
    say(f"READY {bound}")
    follow = asyncio.ensure_future(hub.follow())
    stopped = asyncio.ensure_future(stopping.wait())
    url = args.public_url or f"http://{args.host}:{bound}/"

    async def announce() -> None:
        while True:
            with contextlib.suppress(GroupStoreError):
                store.announce_address(url)
            await asyncio.sleep(ANNOUNCE_SECONDS)

    announcing = asyncio.ensure_future(announce())
    await asyncio.wait({follow, stopped}, return_when=asyncio.FIRST_COMPLETED)
    follow.cancel()
    if follow.done() and not follow.cancelled() and follow.exception() is not None:
        logging.getLogger("tutor.group.web").error("following the trainer failed: %r", follow)
    if hub.ended and not stopping.is_set():
        await asyncio.wait({stopped}, timeout=LINGER_SECONDS)
    stopped.cancel()
    announcing.cancel()
    with contextlib.suppress(GroupStoreError):
        store.withdraw_address(url)
    await stop(runner)
    with contextlib.suppress(OSError):
        marker.unlink()
    store.close()
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tutor.group.web")
    parser.add_argument("--code", required=True)
    parser.add_argument("--host", default="0.0.0.0")
    parser.add_argument("--port", type=port_number, default=8000)
    parser.add_argument("--tries", type=try_count, default=1, help="ports to try from --port on")
    parser.add_argument("--content")
    parser.add_argument("--store")
    parser.add_argument("--public-url")
    args = parser.parse_args(argv)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(OneLineFormatter("%(asctime)s %(name)s %(message)s"))
    logging.basicConfig(level=logging.INFO, handlers=[handler])
    logging.getLogger("aiohttp").setLevel(logging.ERROR)
    raise_file_limit()
    return asyncio.run(serve(args))


if __name__ == "__main__":
    sys.exit(main())
