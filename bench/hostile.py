"""Time and memory of `tutor lint` on hostile content (issue 16): bombs, deep nesting, odd files.

Each case is a copy of the test fixture with one hostile lesson file, linted in
a fresh child process (`python -m tutor lint --geen-leesbaarheid`), so the peak
resident memory of the whole process is measured (`os.wait4`, the child's
`getrusage`). The parse alone is also measured in this process, with `tracemalloc`.
Goal: every case refused in under a second and under 100 MB.

Usage: python bench/hostile.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the source tree

import os
import shutil
import subprocess
import tempfile
import time
import tracemalloc
from collections.abc import Callable

from tutor.core.content.errors import ContentError
from tutor.core.content.yamlfile import parse_yaml

PROJECT = Path(__file__).resolve().parent.parent
FIXTURE = PROJECT / "tests" / "fixtures" / "good"
GOOD_LESSON = (FIXTURE / "lessons" / "mini-les.yaml").read_text(encoding="utf-8")


def alias_bomb() -> str:
    """Billion laughs: nine levels of nine aliases (9**9 = 387 million strings), ~340 bytes."""
    lines = ["a0: &a0 [" + ", ".join(['"lol"'] * 9) + "]"]
    lines += [f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 9) + "]" for n in range(1, 9)]
    return "\n".join(lines) + "\n"


def merge_bomb() -> str:
    """The same through `<<:` merge keys."""
    keys = ", ".join(f"k{j}: lol" for j in range(9))
    lines = [f"m0: &m0 {{{keys}}}"]
    for n in range(1, 9):
        lines.append(f"s{n}: &s{n} {{" + ", ".join(f"k{j}: *m{n - 1}" for j in range(9)) + "}")
        lines.append(f"m{n}: &m{n} {{<<: [*s{n}, *m{n - 1}]}}")
    return "\n".join(lines) + "\n"


def big_lesson(path: Path, megabytes: int = 50) -> None:
    """A lesson padded with a comment to `megabytes` MB, written in 1 MB pieces."""
    with path.open("w", encoding="utf-8") as file:
        file.write(GOOD_LESSON + "# ")
        for _ in range(megabytes):
            file.write("x" * 1_000_000)
        file.write("\n")


TEXTS: dict[str, Callable[[], str]] = {
    "alias bomb": lambda: GOOD_LESSON + alias_bomb(),
    "merge-key bomb": lambda: GOOD_LESSON + merge_bomb(),
    "30,000 levels [[[": lambda: "x: " + "[" * 30_000 + "]" * 30_000 + "\n",
    "1,000,000 levels [[[": lambda: "x: " + "[" * 1_000_000 + "]" * 1_000_000 + "\n",
    "30,000 levels - - -": lambda: "- " * 30_000 + "x\n",
    "1,400 indented levels": lambda: "".join(" " * n + "a:\n" for n in range(1_400)) + "x\n",
}


def child_lint(root: Path) -> tuple[float, float, int, str]:
    """Seconds, peak resident MB, exit code and first line of `tutor lint` in a child."""
    command = [sys.executable, "-m", "tutor", "lint", "--content", str(root), "--geen-leesbaarheid"]
    env = {**os.environ, "PYTHONPATH": str(PROJECT)}
    with tempfile.TemporaryFile("w+") as out:
        start = time.perf_counter()
        child = subprocess.Popen(command, cwd=PROJECT, env=env, stdout=out, stderr=out, text=True)
        _, status, usage = os.wait4(child.pid, 0)  # the rusage of this one child
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        first = (out.read().strip().splitlines() or [""])[0]
    return seconds, usage.ru_maxrss / 1024, child.returncode, first


def in_process(text: str) -> tuple[float, float]:
    """Seconds and peak traced MB of parsing the text alone."""
    tracemalloc.start()
    start = time.perf_counter()
    try:
        parse_yaml(text, "x.yaml")
    except ContentError:
        pass
    seconds = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return seconds, peak / 1e6


def baseline(base: Path) -> None:
    root = base / "baseline"
    shutil.copytree(FIXTURE, root)
    seconds, megabytes, code, first = child_lint(root)
    name = "good fixture (baseline)"
    print(f"{name:24} {seconds:7.2f} s {megabytes:7.1f} MB  exit {code}  {first}")


def main() -> None:
    print("tutor lint in a child process (whole process: start-up, imports, lint):")
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        baseline(base)
        writers: dict[str, Callable[[Path], object]] = {
            name: (lambda path, make=make: path.write_text(make(), encoding="utf-8"))
            for name, make in TEXTS.items()
        }
        writers["50 MB lesson"] = big_lesson
        for name, write in writers.items():
            root = base / name.replace(" ", "_").replace(",", "")
            shutil.copytree(FIXTURE, root)
            # Nothing big stays in this process: a child's peak memory counts the
            # parent's pages at the moment it is spawned.
            write(root / "lessons" / "mini-les.yaml")
            seconds, megabytes, code, first = child_lint(root)
            print(f"{name:24} {seconds:7.2f} s {megabytes:7.1f} MB  exit {code}  {first[:90]}")
    print()
    print("parse_yaml alone, in this process (tracemalloc peak):")
    for name, make in TEXTS.items():
        seconds, megabytes = in_process(make())
        print(f"{name:24} {seconds * 1000:9.1f} ms {megabytes:7.1f} MB")


if __name__ == "__main__":
    main()
