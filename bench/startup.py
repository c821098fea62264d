"""Start-up time: process start to the first frame of the home screen.

Reported as a ratio against a bare Textual app (one Static) started the same
way, in the same run, alternating runs to share machine noise. Goal: <= 1.3x.

Usage: python bench/startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).parent
DATA_DIR = tempfile.mkdtemp(prefix="tutor-bench-")  # progress store, as `tutor` opens it


def first_frame_seconds(which: str) -> float:
    """Seconds from spawning the child to its READY line."""
    env = {**os.environ, "TUTOR_DATA_DIR": DATA_DIR}
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, str(HERE / "first_frame_child.py"), which],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        cwd=HERE.parent,
        env=env,
        text=True,
    )
    assert child.stdout is not None
    line = child.stdout.readline()
    elapsed = time.perf_counter() - start
    child.wait(timeout=30)
    if line.strip() != "READY":
        raise SystemExit(f"{which}: no first frame")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    first_frame_seconds("tutor")  # warm the file cache and bytecode
    first_frame_seconds("bare")
    bare, tutor = [], []
    for _ in range(args.runs):
        bare.append(first_frame_seconds("bare"))
        tutor.append(first_frame_seconds("tutor"))
    b, t = statistics.median(bare), statistics.median(tutor)
    print(f"bare Textual app : {b * 1000:7.1f} ms (median of {args.runs})")
    print(f"tutor home screen: {t * 1000:7.1f} ms (median of {args.runs})")
    print(f"ratio            : {t / b:7.2f}x  (goal <= 1.30x)")


if __name__ == "__main__":
    main()
