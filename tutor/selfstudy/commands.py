"""`tutor progress`: the learner's progress as a table in the terminal."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any


def add_parsers(commands: Any, content_option: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add the `progress` subcommand."""
    parser = commands.add_parser(
        "progress",
        help="toon je voortgang per les",
        description="Toon per les: nog niet begonnen, bezig (stap x van y), of klaar met je "
        "beste score en de datum.",
    )
    content_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the progress table; 1 when it cannot be read."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from tutor.core.content.guard import escape_controls
    from tutor.core.content.loader import load_content
    from tutor.core.progress import due_questions, review_line, status_line
    from tutor.core.text import common as strings
    from tutor.store.progress import open_progress_to_show

    content = load_content(args.content)
    opened = open_progress_to_show()  # read-only: never creates or moves a file
    console = Console()
    if opened.notice:
        console.print(escape_controls(opened.notice), style="yellow", markup=False)
    if opened.store is None:
        return 1
    store = opened.store  # the same status lines as the home screen shows (tutor.core.progress)
    table = Table(title=strings.PROGRESS_TABLE_TITLE)
    for column in strings.PROGRESS_COLUMNS:
        table.add_column(column)
    # Text cells, not strings: Rich would read "[...]" in a title as markup. Control
    # characters are shown as escapes, so no text can steer the terminal.
    for lesson in content.lessons:
        status = status_line(store.progress(lesson.id), len(lesson.steps))
        table.add_row(Text(escape_controls(lesson.title)), Text(escape_controls(status)))
    console.print(table)
    review = review_line(
        len(due_questions(content, store.review_items(), store.today())), when_none=True
    )
    if review:
        console.print(escape_controls(review.replace(" (h)", "")), markup=False)
    return 0
