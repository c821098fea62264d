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
import signal
import sys
from pathlib import Path

LINGER_SECONDS = 3.0
"""After the session ends, streams get this long to tell every page so."""
ANNOUNCE_SECONDS = 10.0


async def serve(args: argparse.Namespace) -> int:
    from tutor.core.content.loader import load_content
    from tutor.group.web.hub import Hub
    from tutor.group.web.marker import pid_file, write_marker
    from tutor.group.web.server import start, stop
    from tutor.group.wire import SessionContent
    from tutor.store.group import GroupStoreError, SQLiteGroupStore

    store = SQLiteGroupStore(Path(args.store) if args.store else None)
    try:
        position = store.position(args.code)
        content = load_content(Path(args.content) if args.content else None)
        lesson = content.lesson(position.lesson_id)
        quiz = content.quizzes.get(lesson.id)
        hub = Hub(store, SessionContent(lesson, quiz.questions if quiz else []), args.code)
    except (GroupStoreError, KeyError) as error:
        print(f"ERROR session {type(error).__name__}", flush=True)
        return 2
    runner = None
    for port in range(args.port, args.port + max(1, args.tries)):
        try:
            runner, bound = await start(hub, args.host, port)
            break
        except OSError:
            continue
    if runner is None:
        print("ERROR port", flush=True)
        return 2
    marker = pid_file(hub.code)
    with contextlib.suppress(OSError):
        write_marker(hub.code, bound)
    print(f"READY {bound}", flush=True)
    follow = asyncio.ensure_future(hub.follow())
    loop = asyncio.get_running_loop()
    for number in (signal.SIGTERM, signal.SIGINT):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(number, follow.cancel)
    url = args.public_url or f"http://{args.host}:{bound}/"

    async def announce() -> None:
        while True:
            with contextlib.suppress(GroupStoreError):
                store.announce_address(url)
            await asyncio.sleep(ANNOUNCE_SECONDS)

    announcing = asyncio.ensure_future(announce())
    with contextlib.suppress(asyncio.CancelledError):
        await follow
    if hub.ended:
        await asyncio.sleep(LINGER_SECONDS)
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
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--tries", type=int, default=1, help="ports to try from --port on")
    parser.add_argument("--content")
    parser.add_argument("--store")
    parser.add_argument("--public-url")
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO, stream=sys.stderr, format="%(asctime)s %(name)s %(message)s"
    )
    logging.getLogger("aiohttp").setLevel(logging.ERROR)
    return asyncio.run(serve(args))


if __name__ == "__main__":
    sys.exit(main())
