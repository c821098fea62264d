"""Group sessions over HTTP: how fast the trainer sees answers, and what a participant costs.

A trainer (`TrainerSession` on a fresh temporary store) and N simulated
participants (default 200) over loopback HTTP, against the participants' server
as its own process (`python -m tutor.group.web`, as `tutor trainer` starts it).

- Every participant joins (`POST /api/join`) and keeps an event stream open
  (`GET /api/events`), read as the page's EventSource does. The participants
  live in `--workers` client processes (default 2) so the trainer's polls are
  not queued behind them; on this 2-core machine they share the cores with the
  server, which makes the figures conservative. Every join and answer opens its
  own connection, as a phone's does minutes after its last request; answers
  are written by hand on the socket (aiohttp's client costs more CPU per request
  than the server does, and the cores are shared).
- Memory: the server's VmRSS (/proc/<pid>/status) before the first join and
  after all N streams are open, divided by N.
- Latency: for each of `--questions` questions (different types) the trainer
  moves there; when every participant's stream shows it, all N answer at once.
  The trainer polls the store in a loop every `--poll` seconds (default 0.01 s,
  a tight loop; the trainer's screen polls every 0.25 s, which adds up to 0.25 s
  to every figure: try `--poll 0.25`). Each poll reads the rows its
  `Antwoorden: N` counts (the answers to the question), with their tokens, so
  every answer is timed from the moment its request was handed to the HTTP
  client to the first poll that counted it.

The last line is exactly `participants N p95_ms <n> kb_per_participant <n>`.

Usage: python bench/group_web.py [--participants 200] [--questions 5] [--poll 0.01]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import multiprocessing as mp
import os
import re
import resource
import select
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
PROJECT = HERE.parent
sys.path.insert(0, str(PROJECT))

from tutor.store.group import MAX_PARTICIPANTS  # noqa: E402

LESSON = "hoe-werkt-ketamine"
START_SECONDS = 60.0
STEP_SECONDS = 120.0
"""No single phase (joining, a question, the end) may take longer than this."""


def percentile(values: list[float], fraction: float) -> float:
    """The value below which `fraction` of the values lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def rss_kib(pid: int) -> int:
    """A process's resident memory (VmRSS) in KiB."""
    status = Path(f"/proc/{pid}/status").read_text()
    found = re.search(r"VmRSS:\s+(\d+)", status)
    assert found is not None
    return int(found.group(1))


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) a process has used, in seconds."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def python_pid(pid: int) -> int:
    """The server's own process id (its Python child when py-spy runs it)."""
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    if Path(f"/proc/{pid}/comm").read_text().strip() == "py-spy" and children:
        return int(children[0])
    return pid


def raise_file_limit(needed: int) -> int:
    """Raise this process's open-file limit to `needed` if the hard limit allows; return it."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < needed:
        target = needed if hard == resource.RLIM_INFINITY else min(needed, hard)
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


# The participants (client processes) ------------------------------------------------


def answer_for(form: dict[str, Any], pick: int) -> object:
    """A valid answer to a wire form, different for different participants."""
    if form["mode"] == "one":
        return pick % len(form["options"])
    if form["mode"] == "many":
        return [pick % len(form["options"])]
    if form["mode"] == "order":
        count = len(form["options"])
        return [(place + pick) % count for place in range(count)]
    choices = len(form["choices"])
    return [(row + pick) % choices for row in range(len(form["rows"]))]


class Participant:
    """One simulated phone: a token, an open event stream, the latest state it got."""

    def __init__(self, number: int) -> None:
        self.number = number
        self.token = ""
        self.state: dict[str, Any] = {}
        self.stream: asyncio.Task[None] | None = None

    async def join(self, client: Any, url: str, code: str) -> None:
        async with client.post(f"{url}/api/join", json={"code": code}) as response:
            assert response.status == 200, await response.text()
            self.token = (await response.json())["token"]

    async def follow(self, client: Any, url: str, code: str) -> None:
        """Read the event stream until it ends, keeping the latest state."""
        query = {"code": code, "token": self.token}
        import aiohttp

        forever = aiohttp.ClientTimeout(total=None)
        async with client.get(f"{url}/api/events", params=query, timeout=forever) as response:
            assert response.status == 200, await response.text()
            async for line in response.content:
                if line.startswith(b"data: "):
                    self.state = json.loads(line[6:])

    def at_question(self, index: int) -> dict[str, Any] | None:
        shared = self.state.get("shared", {})
        question = shared.get("question")
        if shared.get("kind") == "question" and question and question["index"] == index:
            return dict(question)
        return None

    async def answer(self, url: str, code: str, index: int) -> tuple[float, int]:
        """Send the answer as a phone does after a pause: a new connection, one request.

        Written by hand (HTTP/1.1, Connection: close) rather than with aiohttp's
        client, whose cost per request is about 1.5 times the server's: on two
        shared cores the simulated phones would otherwise slow the server down.
        """
        question = self.at_question(index)
        assert question is not None
        body = json.dumps(
            {
                "code": code,
                "token": self.token,
                "question": index,
                "answer": answer_for(question["form"], self.number),
            }
        ).encode()
        host, port = url.removeprefix("http://").split(":")
        request = (
            f"POST /api/answer HTTP/1.1\r\nHost: {host}:{port}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
            "Connection: close\r\n\r\n"
        ).encode() + body
        sent = time.monotonic()
        reader, writer = await asyncio.open_connection(host, int(port))
        writer.write(request)
        reply = await reader.read()  # until the server closes
        writer.close()
        return sent, int(reply.split(b" ", 2)[1]) if reply.startswith(b"HTTP/1.1 ") else 0


async def run_participants(url: str, code: str, numbers: list[int], pipe: Any) -> None:
    """A client process's participants; obeys the main process's commands on `pipe`."""
    import aiohttp

    loop = asyncio.get_running_loop()
    # Every request on its own connection: a phone answers minutes after its last
    # request, long after the server closed that idle connection (30 s).
    connector = aiohttp.TCPConnector(limit=0, force_close=True)
    timeout = aiohttp.ClientTimeout(total=STEP_SECONDS)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as client:
        people = [Participant(number) for number in numbers]
        gate = asyncio.Semaphore(64)  # joins in waves, as a room fills up

        async def join(person: Participant) -> None:
            async with gate:
                await person.join(client, url, code)

        await asyncio.gather(*(join(person) for person in people))
        for person in people:
            person.stream = asyncio.create_task(person.follow(client, url, code))
        while not all(person.state for person in people):
            await asyncio.sleep(0.05)
        pipe.send(("connected", len(people)))
        while True:
            command, index = await loop.run_in_executor(None, pipe.recv)
            if command == "stop":
                break
            if command == "question":  # report when every stream shows the question
                while not all(person.at_question(index) for person in people):
                    await asyncio.sleep(0.01)
                pipe.send(("ready", index))
            elif command == "go":
                cpu = time.process_time()
                results = await asyncio.gather(
                    *(person.answer(url, code, index) for person in people)
                )
                sent = [
                    (p.token, t, status) for p, (t, status) in zip(people, results, strict=True)
                ]
                pipe.send(("sent", (sent, time.process_time() - cpu)))
        for person in people:
            if person.stream is not None:
                person.stream.cancel()


def participant_process(url: str, code: str, numbers: list[int], pipe: Any) -> None:
    raise_file_limit(2 * len(numbers) + 256)
    asyncio.run(run_participants(url, code, numbers, pipe))


# The trainer (this process) ---------------------------------------------------------


class Poller(threading.Thread):
    """The trainer's count: polls the answers to one question until all are there."""

    def __init__(self, db: Path, code: str, index: int, expected: int, every: float) -> None:
        super().__init__(daemon=True)
        self.connection = sqlite3.connect(db, check_same_thread=False)
        self.code, self.index, self.expected, self.every = code, index, expected, every
        self.seen: dict[str, float] = {}
        self.polls = 0
        self.stop = threading.Event()

    def run(self) -> None:
        deadline = time.monotonic() + STEP_SECONDS
        while len(self.seen) < self.expected and not self.stop.is_set():
            rows = self.connection.execute(
                "SELECT token FROM answers WHERE code = ? AND question = ?",
                (self.code, self.index),
            ).fetchall()
            now = time.monotonic()
            self.polls += 1
            for (token,) in rows:
                self.seen.setdefault(token, now)
            if now > deadline:
                break
            time.sleep(self.every)
        self.connection.close()


def start_server(db: Path, code: str, profile: str | None) -> tuple[subprocess.Popen[str], int]:
    env = {**os.environ, "PYTHONPATH": str(PROJECT)}
    command = [sys.executable, "-m", "tutor.group.web", "--code", code, "--host", "127.0.0.1"]
    command += ["--port", str(free_port()), "--tries", "20", "--store", str(db)]
    if profile:  # py-spy samples the server for the whole run (collapsed stacks)
        command = ["py-spy", "record", "-r", "200", "-f", "raw", "-o", profile, "--", *command]
    server = subprocess.Popen(command, cwd=PROJECT, env=env, stdout=subprocess.PIPE, text=True)
    assert server.stdout is not None
    deadline = time.monotonic() + START_SECONDS
    line = ""
    while not line.startswith(("READY ", "ERROR")):  # py-spy says something first
        ready, _, _ = select.select([server.stdout], [], [], deadline - time.monotonic())
        line = server.stdout.readline().strip() if ready else "ERROR no answer"
    if not line.startswith("READY "):
        server.kill()
        raise SystemExit(f"the server did not start: {line!r}")
    return server, int(line.split()[1])


def receive(pipes: list[Any], expected: str, timeout: float = STEP_SECONDS) -> list[Any]:
    """One message of kind `expected` from every worker."""
    replies = []
    deadline = time.monotonic() + timeout
    for pipe in pipes:
        if not pipe.poll(max(0.0, deadline - time.monotonic())):
            raise SystemExit(f"a participant process did not say '{expected}' in time")
        kind, value = pipe.recv()
        assert kind == expected, (kind, expected)
        replies.append(value)
    return replies


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--participants", type=int, default=200)
    parser.add_argument("--questions", type=int, default=5)
    parser.add_argument("--poll", type=float, default=0.01, help="trainer's poll (s)")
    parser.add_argument("--workers", type=int, default=2, help="client processes")
    parser.add_argument("--profile", help="record the server with py-spy into this file")
    args = parser.parse_args()
    count = max(1, min(args.participants, MAX_PARTICIPANTS))
    if count != args.participants:
        print(f"participants capped at {count} (a session's limit)")
    workers = max(1, min(args.workers, 8, count))
    limit = raise_file_limit(2 * count // workers + 256)
    if limit < 2 * count // workers + 64:
        raise SystemExit(f"ulimit -n is {limit}: too low for {count} participants")

    from tutor.core.content.loader import load_content
    from tutor.group.session import TrainerSession
    from tutor.store.group import SQLiteGroupStore

    content = load_content(None)
    lesson = content.lesson(LESSON)
    questions = list(content.quizzes[LESSON].questions)
    chosen: list[int] = []
    for index, question in enumerate(questions):  # one question of each type first
        if question.type not in {questions[i].type for i in chosen}:
            chosen.append(index)
    chosen = sorted(chosen[: max(1, min(args.questions, len(questions)))])

    folder = tempfile.TemporaryDirectory(prefix="group-web-bench-")
    os.environ["TUTOR_DATA_DIR"] = folder.name
    db = Path(folder.name) / "groups.sqlite3"
    store = SQLiteGroupStore(db)
    session = TrainerSession(store, lesson, questions)
    server, port = start_server(db, session.code, args.profile)
    url = f"http://127.0.0.1:{port}"
    spawn = mp.get_context("spawn")
    processes, pipes = [], []
    try:
        with socket.create_connection(("127.0.0.1", port)) as warm:  # the page, once
            warm.sendall(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            warm.recv(65536)
        time.sleep(0.5)
        pid = python_pid(server.pid)
        before = rss_kib(pid)
        started = time.monotonic()
        for worker in range(workers):
            mine, theirs = spawn.Pipe()
            numbers = list(range(worker, count, workers))
            process = spawn.Process(
                target=participant_process, args=(url, session.code, numbers, theirs)
            )
            process.start()
            processes.append(process)
            pipes.append(mine)
        receive(pipes, "connected")
        deadline = time.monotonic() + 10
        while store.connected_count(session.code) < count:
            if time.monotonic() > deadline:
                raise SystemExit("the server did not count every participant as connected")
            time.sleep(0.05)
        time.sleep(0.5)
        after = rss_kib(pid)
        kb_each = (after - before) / count
        print(
            f"{count} participants joined with open streams in "
            f"{time.monotonic() - started:.1f} s; server RSS {before / 1024:.1f} MB → "
            f"{after / 1024:.1f} MB ({kb_each:.0f} KB each)"
        )
        latencies: list[float] = []
        for index in chosen:
            while not (session.kind == "question" and session.index == index):
                session.next()
            moved, cpu = time.monotonic(), cpu_seconds(pid)
            for pipe in pipes:
                pipe.send(("question", index))
            receive(pipes, "ready")
            took, cpu = time.monotonic() - moved, cpu_seconds(pid) - cpu
            spread = f"all streams had it after {took * 1000:.0f} ms (CPU {cpu * 1000:.0f} ms)"
            poller = Poller(db, session.code, index, count, args.poll)
            poller.start()
            cpu = cpu_seconds(pid)
            for pipe in pipes:
                pipe.send(("go", index))
            batches = receive(pipes, "sent")
            sent = [item for batch, _ in batches for item in batch]
            client_cpu = sum(cpu for _, cpu in batches)
            poller.join(STEP_SECONDS)
            poller.stop.set()
            cpu = cpu_seconds(pid) - cpu
            refused = [status for _, _, status in sent if status != 200]
            if refused or len(poller.seen) < count:
                raise SystemExit(
                    f"question {index + 1}: {len(refused)} refused ({sorted(set(refused))}), "
                    f"{len(poller.seen)} of {count} counted"
                )
            these = [poller.seen[token] - at for token, at, _ in sent]
            latencies += these
            print(
                f"  question {index + 1} ({questions[index].type}): p50 "
                f"{statistics.median(these) * 1000:.0f} ms, p95 "
                f"{percentile(these, 0.95) * 1000:.0f} ms, max {max(these) * 1000:.0f} ms "
                f"({poller.polls} polls; CPU server {cpu * 1000:.0f} ms, "
                f"clients {client_cpu * 1000:.0f} ms); {spread}"
            )
            assert session.answer_count() == (count, 0)
            session.reveal()
        for pipe in pipes:
            pipe.send(("stop", 0))
        session.end()
        server.wait(timeout=STEP_SECONDS)
    finally:
        for process in processes:
            process.join(timeout=10)
            if process.is_alive():
                process.kill()
        if server.poll() is None:
            server.kill()
        store.close()
        folder.cleanup()
    p95 = percentile(latencies, 0.95) * 1000
    print(f"trainer poll every {args.poll * 1000:.0f} ms; {len(chosen)} questions, all at once")
    print(f"participants {count} p95_ms {p95:.0f} kb_per_participant {kb_each:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
