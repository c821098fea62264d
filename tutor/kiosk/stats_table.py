"""`tutor stats`: the anonymous kiosk counts as a table, with the texts from the content."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path
from typing import TextIO

from tutor.core.text import kiosk as text
from tutor.store.kiosk_stats import CountRow

MAX_TEXT = 48


def _short(value: str, limit: int = MAX_TEXT) -> str:
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"


def print_stats(root: Path | None, *, per_day: bool = False, out: TextIO | None = None) -> int:
    """Print the counts; return the exit code (0, or 1 if they cannot be read)."""
    from tutor.store.db import StoreError
    from tutor.store.kiosk_stats import KioskStats, stats_path

    out = out if out is not None else sys.stdout
    path = stats_path()
    if not path.exists():
        print(text.STATS_NONE, file=out)
        return 0
    try:
        stats = KioskStats.open(path, read_only=True)  # never changes the counts file
        try:
            rows, days = stats.rows(per_day=per_day), stats.days()
        finally:
            stats.close()
    except (sqlite3.Error, StoreError) as error:
        print(text.STATS_UNREADABLE.format(error=error), file=sys.stderr)
        return 1
    if not rows or days is None:
        print(text.STATS_NONE, file=out)
        return 0
    _print_table(root, rows, days, per_day=per_day, out=out)
    return 0


def _print_table(
    root: Path | None, rows: list[CountRow], days: tuple[str, str], *, per_day: bool, out: TextIO
) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from tutor.core.content.guard import escape_controls
    from tutor.core.content.loader import load_content
    from tutor.kiosk.counting import part_label

    content = load_content(root)
    titles = {lesson.id: lesson.title for lesson in content.lessons}
    questions = {
        (lesson_id, question.id): question
        for lesson_id, quiz in content.quizzes.items()
        for question in quiz.questions
    }
    table = Table(title=text.STATS_TITLE.format(first=days[0], last=days[1]), title_justify="left")
    columns = text.STATS_COLUMNS if per_day else text.STATS_COLUMNS[1:]
    for column in columns:
        numeric = column in text.STATS_COLUMNS[4:]
        table.add_column(column, justify="right" if numeric else "left", overflow="fold")
    previous: tuple[str, str] | None = None
    for row in rows:
        question = questions.get((row.lesson, row.question))
        first_of_question = (row.lesson, row.question) != previous
        previous = (row.lesson, row.question)
        lesson_cell = _short(titles.get(row.lesson, row.lesson), 30) if first_of_question else ""
        question_cell = ""
        if first_of_question:
            prompt = f"{row.question}: {question.prompt}" if question else row.question
            question_cell = _short(prompt)
        if row.part == 0:
            part_cell = text.STATS_WHOLE
        else:
            label = part_label(question, row.part) if question is not None else None
            part_cell = (
                f"{row.part}. {_short(label)}" if label else text.STATS_PART.format(number=row.part)
            )
        total = row.right + row.wrong
        share = f"{round(100 * row.wrong / total)}%" if total else "-"
        cells = [lesson_cell, question_cell, part_cell, str(row.right), str(row.wrong), share]
        if per_day:
            cells.insert(0, row.day or "")
        # Text, not markup; control characters (from the counts database) shown as escapes.
        table.add_row(*(Text(escape_controls(cell)) for cell in cells), end_section=False)
    console = Console(file=out, width=max(100, Console(file=out).width), highlight=False)
    console.print(table)
    console.print(text.STATS_NOTE)
