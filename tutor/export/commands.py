"""`tutor export handout|gift|questions`: take-home and interchange files.

Only argparse is imported at module level (see `tutor.cli.COMMAND_MODULES`);
each run function imports what it needs. Bad input gets a Dutch message on
stderr and exit code 2 (a wrong argument, such as an unknown lesson) or 1 (the
file cannot be written, the data cannot be read); never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tutor.core.files import write_atomically
from tutor.core.text import export as text

if TYPE_CHECKING:
    from tutor.core.content.errors import Problem
    from tutor.core.content.loader import Content

MAX_PROBLEMS_SHOWN = 10
"""How many problems of a lesson `export handout` lists before "en nog ..."."""
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
            "--output",
            "-o",
            metavar="BESTAND",
            type=_output_path,
            required=True,
            help=text.OUTPUT_HELP,
        )
        parser.add_argument("--force", action="store_true", help=text.FORCE_HELP)
        content_option(parser)
        parser.set_defaults(run=run)


def _output_path(value: str) -> Path:
    """`--output`: a file name (or `-`); an empty value or one ending in `/` is refused."""
    if not value.strip():
        raise argparse.ArgumentTypeError(text.OUTPUT_EMPTY)
    if value != STDOUT and value.endswith(("/", os.sep)):
        from tutor.core.content.guard import escape_controls

        raise argparse.ArgumentTypeError(text.OUTPUT_IS_FOLDER.format(path=escape_controls(value)))
    return Path(value)


def run_handout(args: argparse.Namespace) -> int:
    """Write the handout of one lesson as Markdown or HTML.

    Only that lesson's file is loaded, and it is checked as `tutor lint` checks
    it (its source article included): a lesson with any problem is not exported.
    The B1 reading-level advice is left to `tutor lint`: it would make every
    export take 2 s and 100 MB more (textstat), and it is advice, not a defect.
    """
    from tutor.core.content.lint import lint_lesson
    from tutor.export.article import article_source
    from tutor.export.handout import render_handout

    lesson_id = str(args.lesson)
    content, problems = lint_lesson(getattr(args, "content", None), lesson_id, readability=False)
    if not content.lessons:
        return _lesson_not_found(content, lesson_id, problems)
    if problems:
        _error(text.LESSON_HAS_PROBLEMS.format(lesson=lesson_id, count=len(problems)))
        for problem in problems[:MAX_PROBLEMS_SHOWN]:
            _error(f"  {problem}")
        if len(problems) > MAX_PROBLEMS_SHOWN:
            _error(text.MORE_PROBLEMS.format(count=len(problems) - MAX_PROBLEMS_SHOWN))
        return EXIT_FAILED
    lesson = content.lesson(lesson_id)
    fmt = args.format or _format_from_suffix(args.output)
    document = render_handout(lesson, article_source(content, lesson), fmt)
    done = text.WROTE_HANDOUT.format(path=args.output)
    return _write(args.output, document, done, force=args.force)


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
    return _write(args.output, gift_export(content), done, force=args.force)


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
    return _write(args.output, questions_markdown(saved, content), done, force=args.force)


def _load(args: argparse.Namespace) -> Content:
    from tutor.core.content.loader import load_content

    return load_content(getattr(args, "content", None))


def _lesson_not_found(content: Content, lesson_id: str, problems: list[Problem]) -> int:
    """Say which lessons there are; a lesson file that failed to load is named as such."""
    from tutor.core.content.loader import lesson_ids

    if problems:
        _error(text.BROKEN_LESSON.format(lesson=lesson_id))
        for problem in problems[:MAX_PROBLEMS_SHOWN]:
            _error(f"  {problem}")
        return EXIT_FAILED
    ids = lesson_ids(content.root)
    if not ids:
        _error(text.NO_LESSONS.format(root=content.root))
        return EXIT_BAD_INPUT
    _error(text.UNKNOWN_LESSON.format(lesson=lesson_id[:80], choices=", ".join(ids)))
    return EXIT_BAD_INPUT


def _format_from_suffix(output: Path) -> str:
    return "html" if output.suffix.lower() in (".html", ".htm") else "md"


def _warn_skipped(content: Content) -> None:
    files = {problem.path for problem in content.problems}
    if files:
        _error(text.SKIPPED_FILES.format(count=len(files)))


def _write(output: Path, document: str, done: str, *, force: bool = False) -> int:
    """Write the document (or print it for `-`); a Dutch message if that fails.

    Control characters from the content are written as visible escapes. An
    existing file is replaced only with `--force`, a symlink then replaced itself
    (never the file it points to), and something that is not a regular file
    never. The document goes to a temporary file in the same folder first, which
    then takes the place of the output: a failed or interrupted export leaves the
    old file as it was, never half a file.
    """
    from tutor.core.content.guard import escape_controls

    document = escape_controls(document)
    if str(output) == STDOUT:
        sys.stdout.write(document)
        return 0
    refusal = _refusal(output, force)
    if refusal is not None:
        _error(refusal)
        return EXIT_FAILED
    try:
        write_atomically(output, document, replace=force)
    except FileExistsError:
        _error(text.OUTPUT_EXISTS.format(path=output))
        return EXIT_FAILED
    except OSError as error:
        _error(text.CANNOT_WRITE.format(path=output, reason=_reason(error)))
        return EXIT_FAILED
    print(escape_controls(done))
    return 0


def _refusal(output: Path, force: bool) -> str | None:
    """Why the output may not be written (it exists, it is a symlink, ...), or None."""
    import stat

    try:
        info = output.lstat()
    except FileNotFoundError:
        return None
    except OSError:
        return None  # let the write itself say what is wrong (a part of the path is a file, ...)
    if stat.S_ISLNK(info.st_mode):
        if force:
            return None  # os.replace replaces the link itself
        return text.OUTPUT_IS_SYMLINK.format(path=output, target=_link_target(output))
    if stat.S_ISDIR(info.st_mode):
        return text.CANNOT_WRITE.format(path=output, reason=text.WRITE_REASONS["EISDIR"])
    if not stat.S_ISREG(info.st_mode):
        return text.OUTPUT_NOT_REGULAR.format(path=output)
    if not force:
        return text.OUTPUT_EXISTS.format(path=output)
    return None


def _link_target(path: Path) -> str:
    try:
        return os.readlink(path)
    except OSError:
        return "?"


def _reason(error: OSError) -> str:
    import errno

    name = errno.errorcode.get(error.errno or 0, "")
    if name in text.WRITE_REASONS:
        return text.WRITE_REASONS[name]
    return text.WRITE_REASON_OTHER.format(detail=error.strerror or error)


def _error(message: str) -> None:
    from tutor.core.content.guard import escape_controls

    print(escape_controls(message), file=sys.stderr)
