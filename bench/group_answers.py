"""Group sessions: how fast the trainer sees answers, and what a served participant costs.

1. Latency. The real trainer app runs headless (Textual `run_test`) on a fresh
   group database and polls it as in a session (every 0.25 s). N participant
   processes (default 30) join, follow the trainer's position by polling the
   store as the participant app does, and when a question comes up they all
   answer at once (a barrier). For every answer we take the time from its
   commit to the first moment the trainer's `Antwoorden: N` label shows it.
   Goal: p95 <= 1 s on a 2-core machine.
2. Memory. `tutor serve` runs on a free loopback port; K browser sessions are
   opened over its websocket (as the page's JavaScript does) and join with the
   code. We read VmRSS and PSS of each `tutor join` process it started.

The count is read right after the trainer's poll updates the label; the paint
to a real terminal follows within one frame.

Usage: python bench/group_answers.py [--participants 30] [--rounds 7] [--served 3]
"""

from __future__ import annotations

import argparse
import asyncio
import math
import multiprocessing as mp
import os
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
PROJECT = HERE.parent
sys.path.insert(0, str(PROJECT))

LESSON = "hoe-werkt-ketamine"
COUNT = re.compile(r"Antwoorden: (\d+)")


# 1. Latency ------------------------------------------------------------------------


def participant(db: str, codes: Any, rounds: list[int], barrier: Any, commits: Any) -> None:
    """One simulated participant process: follow the trainer, answer each round's question."""
    from tutor.store.group import SQLiteGroupStore

    code = codes.get(timeout=60)
    store = SQLiteGroupStore(Path(db))
    token = store.join(code)
    done: set[int] = set()
    time.sleep(random.random() * 0.25)  # participants' timers are not in step
    while len(done) < len(rounds):
        position = store.position(code)
        if position.ended:
            return
        if position.kind == "question" and position.index in rounds and position.index not in done:
            barrier.wait(timeout=30)  # everybody has the question: answer at once
            store.answer(code, token, position.index, "[0]")
            commits.put((position.index, time.monotonic()))
            done.add(position.index)
        time.sleep(0.25)


def percentile(values: list[float], fraction: float) -> float:
    """The value below which `fraction` of the values lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


async def measure_latency(participants: int, rounds: int) -> list[float]:
    """Seconds from each answer's commit to the trainer's count showing it."""
    from tutor.core.content.loader import load_content
    from tutor.group.trainer.app import TrainerApp
    from tutor.store.group import SQLiteGroupStore

    content = load_content(PROJECT)
    questions = content.quizzes[LESSON].questions
    chosen = [i for i, q in enumerate(questions) if q.type in ("single", "multiple")][:rounds]
    print(f"{len(chosen)} questions of '{LESSON}', all participants answering at once")
    folder = tempfile.TemporaryDirectory(prefix="group-bench-")
    db = Path(folder.name) / "groups.sqlite3"
    samples: list[tuple[int, float, int]] = []

    class TimedTrainer(TrainerApp):
        def poll(self) -> None:
            super().poll()
            session = self.session
            if session is None or session.kind != "question":
                return
            try:
                label = str(self.screen.query_one("#answers-live").render())
            except Exception:  # the question screen is still being built
                return
            found = COUNT.search(label)
            if found:
                samples.append((session.index, time.monotonic(), int(found.group(1))))

    app = TimedTrainer(content=content, lesson_id=LESSON, store=SQLiteGroupStore(db))
    latencies: list[float] = []
    # Processes start before Textual takes over the terminal's file descriptors.
    spawn = mp.get_context("spawn")
    codes, barrier, commits = spawn.Queue(), spawn.Barrier(participants), spawn.Queue()
    workers = [
        spawn.Process(target=participant, args=(str(db), codes, chosen, barrier, commits))
        for _ in range(participants)
    ]
    for worker in workers:
        worker.start()
    async with app.run_test(size=(120, 35)) as pilot:
        assert app.session is not None
        code = app.session.code
        for _ in workers:
            codes.put(code)
        while app.session.store.present_count(code) < participants:
            await asyncio.sleep(0.1)
        for index in chosen:
            while not (app.session.kind == "question" and app.session.index == index):
                await pilot.press("right")
            times = sorted(
                [(await asyncio.to_thread(commits.get, True, 30))[1] for _ in range(participants)]
            )
            deadline = time.monotonic() + 10
            while not any(i == index and n >= participants for i, _, n in samples):
                if time.monotonic() > deadline:
                    raise SystemExit("the trainer never showed all answers")
                await asyncio.sleep(0.05)
            shown = [(t, n) for i, t, n in samples if i == index]
            for rank, committed in enumerate(times, 1):
                seen = next(t for t, n in shown if n >= rank and t >= committed)
                latencies.append(seen - committed)
            spread = times[-1] - times[0]
            print(f"  question {index + 1}: {participants} answers within {spread * 1000:.0f} ms")
        app.end_session()
        for worker in workers:
            worker.join(timeout=10)
    folder.cleanup()
    return latencies


# 2. Memory of served participant processes -----------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def descendants(pid: int) -> list[int]:
    """All processes below `pid` (Linux /proc)."""
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        children = (task / "children").read_text().split()
        for child in map(int, children):
            found += [child, *descendants(child)]
    return found


def is_join(pid: int) -> bool:
    """Whether the process is a Python running `tutor join` (not the shell around it)."""
    argv = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    return b"python" in Path(argv[0].decode()).name.encode() and b"join" in argv


def memory_kib(pid: int) -> tuple[int, int]:
    """(VmRSS, Pss) of a process in KiB."""
    status = Path(f"/proc/{pid}/status").read_text()
    rss = int(re.search(r"VmRSS:\s+(\d+)", status).group(1))  # type: ignore[union-attr]
    rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
    pss = int(re.search(r"Pss:\s+(\d+)", rollup).group(1))  # type: ignore[union-attr]
    return rss, pss


async def browser_session(port: int, code: str, stop: asyncio.Event) -> None:
    """Open the app's websocket like the page does, join with the code, stay until `stop`."""
    import aiohttp

    url = f"http://127.0.0.1:{port}/ws?width=80&height=24"
    async with aiohttp.ClientSession() as client, client.ws_connect(url) as ws:
        await ws.send_json(["resize", {"width": 80, "height": 24}])
        seen = b""
        while b"Meedoen" not in seen:
            message = await asyncio.wait_for(ws.receive(), 20)
            if message.type == aiohttp.WSMsgType.BINARY:
                seen += message.data
        await ws.send_json(["stdin", code + "\r"])
        await asyncio.sleep(0.3)
        await ws.send_json(["stdin", "\r"])
        while not stop.is_set():
            try:
                await asyncio.wait_for(ws.receive(), 0.5)
            except TimeoutError:
                pass


async def measure_memory(served: int) -> tuple[list[tuple[int, int]], tuple[int, int]]:
    """Memory of each served `tutor join` process, and of the server itself."""
    from tutor.store.group import SQLiteGroupStore

    folder = tempfile.TemporaryDirectory(prefix="group-bench-serve-")
    data = folder.name
    env = {**os.environ, "TUTOR_DATA_DIR": data}
    store = SQLiteGroupStore(Path(data) / "groups.sqlite3")
    code = store.create_session(LESSON)
    store.set_position(code, "step", 0)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "tutor", "serve", "--port", str(port)],
        cwd=PROJECT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    stop = asyncio.Event()
    try:
        for _ in range(100):
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            await asyncio.sleep(0.2)
        sessions = [asyncio.create_task(browser_session(port, code, stop)) for _ in range(served)]
        deadline = time.monotonic() + 60
        while store.present_count(code) < served:
            if time.monotonic() > deadline:
                raise SystemExit("the served participants did not join")
            await asyncio.sleep(0.2)
        await asyncio.sleep(2)  # settle: content loaded, step drawn
        joins = [pid for pid in descendants(server.pid) if is_join(pid)]
        result = [memory_kib(pid) for pid in joins], memory_kib(server.pid)
        stop.set()
        await asyncio.gather(*sessions, return_exceptions=True)
        return result
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        store.close()
        folder.cleanup()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--participants", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=7, help="questions (choice only)")
    parser.add_argument("--served", type=int, default=3)
    args = parser.parse_args()
    print(f"{os.cpu_count()} CPU cores; {args.participants} participants")
    latencies = asyncio.run(measure_latency(args.participants, args.rounds))
    ms = [value * 1000 for value in latencies]
    print(
        f"answer -> trainer count: p50 {statistics.median(ms):6.0f} ms   "
        f"p95 {percentile(ms, 0.95):6.0f} ms   max {max(ms):6.0f} ms   "
        f"(n={len(ms)}, goal p95 <= 1000 ms)"
    )
    joins, server = asyncio.run(measure_memory(args.served))
    if not joins:
        raise SystemExit("no served participant processes found")
    rss = [r / 1024 for r, _ in joins]
    pss = [p / 1024 for _, p in joins]
    print(
        f"served participant process (tutor join, {len(joins)} measured): "
        f"RSS {statistics.mean(rss):.1f} MB (max {max(rss):.1f}), "
        f"PSS {statistics.mean(pss):.1f} MB"
    )
    print(f"tutor serve itself: RSS {server[0] / 1024:.1f} MB, PSS {server[1] / 1024:.1f} MB")


if __name__ == "__main__":
    main()
