"""How long → takes until the next step is on screen, against a bare Textual app.

Drives the real programs in a real terminal (tmux) and a bare Textual app (one
`Static` updated on →) in the same run, so the ratio depends less on how busy the
machine is (on a loaded machine both figures still spread). For every press: the
time from `tmux send-keys` to the moment `tmux capture-pane` shows what the press
should bring, polled in a loop. Presses alternate between the bare app and the
program measured, and each figure is the median of its presses.

`--poll spawn` (default) starts a `tmux` process for every key and every look, as
issue 15 measured (a bare app then takes 8-12 ms, most of it tmux processes).
`--poll control` sends the same commands over one tmux control-mode client per
pane and looks every half a millisecond: both figures lose that overhead, so the
ratios come out larger and closer to what the programs themselves cost.

1. step: self-study (`python -m tutor`, 100×30), → on a step until the next
   step's counter, title and first words are on screen.
2. feedback: self-study, the press that checks an answer until "✓ Goed!" or
   "✗ Niet goed." is on screen.
3. trainer: `python -m tutor trainer --lesson ID` at projector size 160×45,
   → until the group's next step is on screen.

Data and config go to a temporary folder; tmux runs its own server (`-L`), which
is ended at the end.

Usage: python bench/step_latency.py [--lesson hersenscan-studie] [--presses 16]
                                   [--poll spawn|control]

Steps and trainer steps take `--presses` presses; the feedback takes one press per
question of the lesson's quiz, up to `--presses` (12 for the default lesson).

Last line: `step_ratio N feedback_ratio N trainer_ratio N` (tutor ÷ bare app).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import shlex
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent
sys.path.insert(0, str(PROJECT))

SETTLE = 0.25
"""Seconds to wait after a press has shown, so the next press starts from a quiet app."""
TIMEOUT = 10.0
POLL = 0.0005
"""Seconds between two looks at the screen (tmux also has to take in the program's output)."""


# --- the bare app -------------------------------------------------------------------------


def run_bare_app() -> None:
    """A Textual app with one `Static`; → shows the next "step" in it."""
    from textual.app import App, ComposeResult
    from textual.binding import Binding
    from textual.widgets import Static

    class Bare(App[None]):
        BINDINGS = [Binding("right", "next")]

        def __init__(self) -> None:
            super().__init__()
            self.number = 1

        def compose(self) -> ComposeResult:
            yield Static(self.line(), id="step")

        def line(self) -> str:
            return f"Stap {self.number} van 999\n\nDe tekst van stap {self.number}."

        def action_next(self) -> None:
            self.number += 1
            self.query_one("#step", Static).update(self.line())

    Bare().run()


# --- tmux ----------------------------------------------------------------------------------


class Control:
    """A tmux control-mode client: commands go over a pipe, no tmux process per poll.

    Starting `tmux capture-pane` as a process costs several milliseconds on a busy
    machine, which would be most of what we measure. Each command's output comes
    back between `%begin` and `%end`; pane output itself is not sent (`no-output`).
    """

    def __init__(self, server: str, session: str) -> None:
        self.process = subprocess.Popen(
            ["tmux", "-L", server, "-C", "attach-session", "-f", "no-output", "-t", session],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        while "READY" not in self.command("display-message -p READY"):
            pass  # skips the reply to the attach itself

    def command(self, line: str) -> str:
        """Run one tmux command; its output."""
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(line.encode() + b"\n")
        self.process.stdin.flush()
        read = self.process.stdout.readline
        while not read().startswith(b"%begin"):
            pass  # notifications
        output: list[bytes] = []
        while not (answer := read()).startswith((b"%end", b"%error")):
            if not answer:
                raise RuntimeError("tmux control client ended")
            output.append(answer)
        return b"".join(output).decode("utf-8", "replace")

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        self.process.wait(timeout=5)


class Pane:
    """One program in its own tmux session of a fixed size.

    Keys and looks at the screen go through a `tmux` process each (`spawn`, as in
    issue 15) or through one control-mode client (`control`).
    """

    def __init__(
        self, server: str, name: str, size: tuple[int, int], argv: list[str], poll: str
    ) -> None:
        self.server, self.name = server, name
        width, height = size
        command = " ".join(shlex.quote(part) for part in argv)
        self.tmux("new-session", "-d", "-s", name, "-x", str(width), "-y", str(height), command)
        self.tmux("set-option", "-t", name, "remain-on-exit", "on")
        self.tmux("set-option", "-w", "-t", name, "window-size", "manual")
        self.control = Control(server, name) if poll == "control" else None

    def tmux(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.server, *args], capture_output=True, text=True, check=True
        )
        return result.stdout

    def screen(self) -> str:
        """What the pane shows now."""
        if self.control is None:
            return self.tmux("capture-pane", "-p", "-t", self.name)
        return self.control.command(f"capture-pane -p -t {self.name}")

    def send(self, key: str) -> None:
        if self.control is None:
            self.tmux("send-keys", "-t", self.name, key)
        else:
            self.control.command(f"send-keys -t {self.name} {key}")

    def wait(self, shows: Callable[[str], bool], timeout: float = TIMEOUT) -> str:
        """Poll until the screen `shows` what we wait for; return it."""
        deadline = time.perf_counter() + timeout
        while True:
            screen = self.screen()
            if shows(screen):
                return screen
            if time.perf_counter() > deadline:
                raise TimeoutError(f"{self.name}: timed out; the screen shows:\n{screen}")
            if self.control is not None:
                time.sleep(POLL)  # a spawned tmux process takes longer than this anyway

    def press(self, key: str, shows: Callable[[str], bool]) -> float:
        """Press `key`; milliseconds until the screen `shows` its result."""
        start = time.perf_counter()
        self.send(key)
        self.wait(shows)
        elapsed = (time.perf_counter() - start) * 1000
        time.sleep(SETTLE)
        return elapsed


def contains(*parts: str) -> Callable[[str], bool]:
    """A check that every part is on screen (spaces folded: text may wrap)."""
    folded = [" ".join(part.split()) for part in parts]
    return lambda screen: all(part in " ".join(screen.split()) for part in folded)


class Bare:
    """The bare app, pressed before each press of the program measured."""

    def __init__(self, pane: Pane) -> None:
        self.pane = pane
        self.number = 1
        pane.wait(contains("Stap 1 van 999"))

    def press(self) -> float:
        self.number += 1
        return self.pane.press("Right", contains(f"Stap {self.number} van 999"))


# --- what the tutor should show -------------------------------------------------------------


def first_words(markdown: str, count: int = 4) -> str:
    """The first words of a step text as the screen shows them (markup stripped)."""
    plain = re.sub(r"[*_`]", "", markdown)
    plain = re.sub(r"^\s*([-+]|\d+[.)])\s+", "", plain, flags=re.MULTILINE)
    return " ".join(plain.split()[:count])


def step_shown(step: Any, number: int, total: int) -> Callable[[str], bool]:
    """A check that step `number` of `total` is on screen."""
    return contains(f"Stap {number} van {total}", step.title, first_words(step.text))


FEEDBACK = re.compile(r"✓ Goed!|✗ Niet goed\.")


def answer_keys(question: Any) -> list[str]:
    """Keys that give a complete answer to a question, before the one that checks it."""
    kind = question.type
    if kind == "order":
        return [str(n) for n in range(1, len(question.items) + 1)]
    if kind == "match":
        return [str(n) for n in range(1, len(question.pairs) + 1)]
    if kind == "evidence":
        return ["1"] * len(question.statements)
    if kind == "explain":
        return ["Right"]  # shows the model answer and the key points to tick
    return ["1"]


def show(label: str, tutor: list[float], bare: list[float]) -> float:
    """Print the medians and every press; return the ratio of the medians."""
    median = statistics.median
    ratio = median(tutor) / median(bare)
    print(
        f"{label:9} tutor {median(tutor):6.1f} ms  bare {median(bare):5.1f} ms  "
        f"ratio {ratio:.2f}   (tutor {' '.join(f'{v:.0f}' for v in tutor)}; "
        f"bare {' '.join(f'{v:.0f}' for v in bare)})",
        flush=True,
    )
    return ratio


def walk_steps(
    pane: Pane, bare: Bare, steps: list[Any], presses: int
) -> tuple[list[float], list[float], int]:
    """Press → `presses` times from step 1, going back with ← at the last step.

    The bare app is pressed before each press. Returns the times of both and the
    index of the step the program is on at the end.
    """
    total = len(steps)
    tutor_times: list[float] = []
    bare_times: list[float] = []
    index = 0
    while len(tutor_times) < presses:
        if index == total - 1:
            while index > 0:
                index -= 1
                pane.press("Left", step_shown(steps[index], index + 1, total))
        bare_times.append(bare.press())
        index += 1
        tutor_times.append(pane.press("Right", step_shown(steps[index], index + 1, total)))
    return tutor_times, bare_times, index


def stop_group_servers(data: Path) -> None:
    """Stop the participants' servers the trainer started (they outlive a killed trainer)."""
    for marker in data.glob("group-server-*.json"):
        with contextlib.suppress(OSError, ValueError, KeyError):
            os.kill(int(json.loads(marker.read_text(encoding="utf-8"))["pid"]), signal.SIGTERM)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lesson", default="hersenscan-studie")
    parser.add_argument("--presses", type=int, default=16, help="presses per figure (>= 6)")
    parser.add_argument(
        "--poll",
        choices=["spawn", "control"],
        default="spawn",
        help="a tmux process per key and per look (as issue 15 measured), or one "
        "control-mode client (finer: less overhead in both figures, so larger ratios)",
    )
    parser.add_argument("--bare-app", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.bare_app:
        run_bare_app()
        return 0

    from tutor.core.content.loader import load_content

    content = load_content(PROJECT)
    lesson = content.lesson(args.lesson)
    questions = content.quizzes[lesson.id].questions
    number = [item.id for item in content.lessons].index(lesson.id) + 1
    steps, total = list(lesson.steps), len(lesson.steps)
    presses = max(args.presses, 6)
    if any(step.diagram == "cascade" for step in steps) or number > 9 or total < 2:
        parser.error("pick a lesson among the first nine, with no cascade diagram")
    answers = min(presses, len(questions))
    if answers < 6:
        parser.error(f"the quiz of {lesson.id} has fewer than 6 questions")

    server = f"step-latency-{os.getpid()}"
    tmp = Path(tempfile.mkdtemp(prefix="step-latency-"))
    env = [
        "env",
        f"PYTHONPATH={PROJECT}",
        f"TUTOR_DATA_DIR={tmp / 'data'}",
        f"TUTOR_CONFIG_DIR={tmp / 'config'}",
    ]
    python = [*env, sys.executable]
    bare_app = [*python, str(HERE / "step_latency.py"), "--bare-app"]
    try:
        bare = Bare(Pane(server, "bare", (100, 30), bare_app, args.poll))
        big_bare = Bare(Pane(server, "bare-big", (160, 45), bare_app, args.poll))

        # 1 and 2: self-study, the steps of the lesson, then its quiz.
        tutor = Pane(server, "tutor", (100, 30), [*python, "-m", "tutor"], args.poll)
        tutor.wait(contains(lesson.title))
        time.sleep(SETTLE)
        tutor.send(str(number))
        tutor.wait(step_shown(steps[0], 1, total))
        time.sleep(SETTLE)
        step_times, step_bare, last = walk_steps(tutor, bare, steps, presses)
        for index in range(last + 1, total):
            tutor.press("Right", step_shown(steps[index], index + 1, total))
        tutor.press("Right", contains(f"Vraag 1 van {len(questions)}"))
        feedback_times, feedback_bare = [], []
        for index, question in enumerate(questions[:answers]):
            for key in answer_keys(question):
                tutor.send(key)
                time.sleep(0.05)
            time.sleep(SETTLE)
            feedback_bare.append(bare.press())
            feedback_times.append(tutor.press("Right", lambda s: FEEDBACK.search(s) is not None))
            if index + 1 < answers:
                tutor.press("Right", contains(f"Vraag {index + 2} van {len(questions)}"))

        # 3: the trainer, from its lobby to the first step, then on.
        trainer_argv = [*python, "-m", "tutor", "trainer", "--lesson", lesson.id, "--local"]
        trainer = Pane(server, "trainer", (160, 45), trainer_argv, args.poll)
        trainer.wait(contains(lesson.title))
        time.sleep(1.0)  # the lobby's QR code and address
        trainer.press("Right", step_shown(steps[0], 1, total))
        trainer_times, trainer_bare, _ = walk_steps(trainer, big_bare, steps, presses)
    finally:
        subprocess.run(["tmux", "-L", server, "kill-server"], capture_output=True, check=False)
        stop_group_servers(tmp / "data")

    step_ratio = show("step", step_times, step_bare)
    feedback_ratio = show("feedback", feedback_times, feedback_bare)
    trainer_ratio = show("trainer", trainer_times, trainer_bare)
    print(
        f"step_ratio {step_ratio:.2f} feedback_ratio {feedback_ratio:.2f} "
        f"trainer_ratio {trainer_ratio:.2f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
