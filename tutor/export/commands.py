"""`tutor export handout|gift|questions`: take-home and interchange files.

Only argparse is imported at module level (see `tutor.cli.COMMAND_MODULES`);
each run function imports what it needs. Bad input gets a Dutch message on
stderr and exit code 2 (a wrong argument, such as an unknown lesson) or 1 (the
file cannot be written, the data cannot be read); never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tutor.core.text import export as text

if TYPE_CHECKING:
    from tutor.core.content.loader import Content

EXIT_FAILED = 1
"""The file could not be made (unwritable output, unreadable data)."""
EXIT_BAD_INPUT = 2
"""The user asked for something that does not exist (like argparse's own errors)."""
STDOUT = "-"
"""`--output -` writes to the terminal instead of a file."""


def add_parsers(commands: Any, content_option: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add `export` with its three kinds: `handout`, `gift` and `questions`."""
    export = commands.add_parser(
        "export", help=text.EXPORT_HELP, description=text.EXPORT_DESCRIPTION
    )
    content_option(export)
    kinds = export.add_subparsers(
        dest="export_kind",
        metavar=text.EXPORT_KIND_METAVAR,
        title=text.EXPORT_KINDS_TITLE,
        required=True,
    )
    handout = kinds.add_parser(
        "handout", help=text.HANDOUT_HELP, description=text.HANDOUT_DESCRIPTION
    )
    handout.add_argument("lesson", metavar="LES", help=text.HANDOUT_LESSON_HELP)
    handout.add_argument(
        "--format", choices=("md", "html"), default=None, help=text.HANDOUT_FORMAT_HELP
    )
    gift = kinds.add_parser("gift", help=text.GIFT_HELP, description=text.GIFT_DESCRIPTION)
    questions = kinds.add_parser(
        "questions", help=text.QUESTIONS_HELP, description=text.QUESTIONS_DESCRIPTION
    )
    for parser, run in ((handout, run_handout), (gift, run_gift), (questions, run_questions)):
        parser.add_argument(
            "--output", "-o", metavar="BESTAND", type=Path, required=True, help=text.OUTPUT_HELP
        )
        content_option(parser)
        parser.set_defaults(run=run)


def run_handout(args: argparse.Namespace) -> int:
    """Write the handout of one lesson as Markdown or HTML."""
    from tutor.export.article import article_source
    from tutor.export.handout import render_handout

    content = _load(args)
    lesson_id = str(args.lesson)
    if lesson_id not in {lesson.id for lesson in content.lessons}:
        return _lesson_not_found(content, lesson_id)
    lesson = content.lesson(lesson_id)
    fmt = args.format or _format_from_suffix(args.output)
    document = render_handout(lesson, article_source(content, lesson), fmt)
    return _write(args.output, document, text.WROTE_HANDOUT.format(path=args.output))


def run_gift(args: argparse.Namespace) -> int:
    """Write every quiz as one Moodle GIFT file."""
    from tutor.export.gift import gift_export

    content = _load(args)
    if not content.quizzes:
        _error(text.NO_QUIZZES.format(root=content.root))
        return EXIT_FAILED
    _warn_skipped(content)
    count = sum(len(quiz.questions) for quiz in content.quizzes.values())
    done = text.WROTE_GIFT.format(count=count, quizzes=len(content.quizzes), path=args.output)
    return _write(args.output, gift_export(content), done)


def run_questions(args: argparse.Namespace) -> int:
    """Write the learner's saved questions ("Vragen voor mijn behandelaar") as Markdown."""
    from tutor.export.questions import questions_markdown
    from tutor.store.db import StoreUnavailable
    from tutor.store.progress import open_progress

    content = _load(args)
    try:
        store = open_progress(read_only=True)  # an export never changes the progress file
    except StoreUnavailable as error:
        _error(text.STORE_UNAVAILABLE.format(detail=error))
        return EXIT_FAILED
    try:
        saved = store.saved_questions()
    finally:
        store.close()
    if not saved:
        _error(text.NO_SAVED_QUESTIONS_NOTE)
    wrote = text.WROTE_QUESTION if len(saved) == 1 else text.WROTE_QUESTIONS
    done = wrote.format(count=len(saved), path=args.output)
    return _write(args.output, questions_markdown(saved, content), done)


def _load(args: argparse.Namespace) -> Content:
    from tutor.core.content.loader import load_content

    return load_content(getattr(args, "content", None))


def _lesson_not_found(content: Content, lesson_id: str) -> int:
    """Say which lessons there are; a lesson file that failed to load is named as such."""
    broken = (Path(problem.path) for problem in content.problems)
    if any(path.parent.name == "lessons" and path.stem == lesson_id for path in broken):
        _error(text.BROKEN_LESSON.format(lesson=lesson_id))
        return EXIT_FAILED
    if not content.lessons:
        _error(text.NO_LESSONS.format(root=content.root))
        return EXIT_BAD_INPUT
    choices = ", ".join(lesson.id for lesson in content.lessons)
    _error(text.UNKNOWN_LESSON.format(lesson=lesson_id, choices=choices))
    return EXIT_BAD_INPUT


def _format_from_suffix(output: Path) -> str:
    return "html" if output.suffix.lower() in (".html", ".htm") else "md"


def _warn_skipped(content: Content) -> None:
    files = {problem.path for problem in content.problems}
    if files:
        _error(text.SKIPPED_FILES.format(count=len(files)))


def _write(output: Path, document: str, done: str) -> int:
    """Write the document (or print it for `-`); a Dutch message if that fails."""
    if str(output) == STDOUT:
        sys.stdout.write(document)
        return 0
    try:
        with output.open("w", encoding="utf-8", newline="\n") as handle:
            handle.write(document)
    except OSError as error:
        _error(text.CANNOT_WRITE.format(path=output, reason=_reason(error)))
        return EXIT_FAILED
    print(done)
    return 0


def _reason(error: OSError) -> str:
    import errno

    name = errno.errorcode.get(error.errno or 0, "")
    if name in text.WRITE_REASONS:
        return text.WRITE_REASONS[name]
    return text.WRITE_REASON_OTHER.format(detail=error.strerror or error)


def _error(message: str) -> None:
    print(message, file=sys.stderr)
