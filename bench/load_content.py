"""Load and validate all content: shipped lessons, then 5, 50 and 500 generated ones.

Reports milliseconds (median of several runs) and milliseconds per lesson, to
show the cost grows linearly. Goal: <= 30 ms for the shipped lessons.

Usage: python bench/load_content.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the source tree

import shutil
import statistics
import tempfile
import time
from pathlib import Path

from tutor.core.content.cards import is_glossary_file
from tutor.core.content.loader import load_content

PROJECT = Path(__file__).resolve().parent.parent


def timed_load(root: Path, runs: int) -> tuple[float, int]:
    times = []
    lessons = 0
    for _ in range(runs):
        start = time.perf_counter()
        content = load_content(root)
        times.append(time.perf_counter() - start)
        lessons = len(content.lessons)
        assert not content.problems, content.problems
    return statistics.median(times) * 1000, lessons


def generated_root(base: Path, count: int) -> Path:
    """A content root with `count` lessons (and quizzes) copied from the shipped ones."""
    root = base / f"n{count}"
    for folder in ("lessons", "quizzes"):
        (root / folder).mkdir(parents=True)
    shutil.copytree(PROJECT / "seeds", root / "seeds")
    lessons = sorted((PROJECT / "lessons").glob("*.yaml"))
    shipped = [path for path in lessons if not is_glossary_file(path)]
    for glossary in (path for path in lessons if is_glossary_file(path)):
        shutil.copy(glossary, root / "lessons" / glossary.name)  # the shared glossary
    for n in range(count):
        source = shipped[n % len(shipped)]
        new_id = f"{source.stem}-{n}"
        lesson = source.read_text().replace(f"id: {source.stem}\n", f"id: {new_id}\n", 1)
        quiz = (PROJECT / "quizzes" / source.name).read_text()
        quiz = quiz.replace(f"lesson: {source.stem}\n", f"lesson: {new_id}\n", 1)
        (root / "lessons" / f"{new_id}.yaml").write_text(lesson)
        (root / "quizzes" / f"{new_id}.yaml").write_text(quiz)
    return root


def main() -> None:
    import pydantic  # noqa: F401  (import cost is start-up, not loading)

    load_content(PROJECT)  # warm-up: model schemas are built on first use
    ms, lessons = timed_load(PROJECT, runs=20)
    print(f"shipped content: {lessons} lessons + quizzes in {ms:6.1f} ms (goal <= 30 ms)")
    with tempfile.TemporaryDirectory() as tmp:
        for count in (5, 50, 500):
            root = generated_root(Path(tmp), count)
            ms, lessons = timed_load(root, runs=5 if count < 500 else 3)
            print(
                f"{count:4d} generated lessons: {ms:8.1f} ms  = {ms / lessons:5.2f} ms per lesson"
            )


if __name__ == "__main__":
    main()
