"""The `tutor` command line. Help and messages are Dutch.

Heavy modules (Textual, pydantic, textstat) are imported inside the command that
needs them, so `tutor --help` and start-up stay fast.
"""

from __future__ import annotations

import argparse
import os
import sys
from importlib import import_module
from pathlib import Path
from typing import NoReturn

_ARGPARSE_DUTCH = {
    "usage: ": "gebruik: ",
    "positional arguments": "argumenten",
    "options": "opties",
    "show this help message and exit": "toon deze hulp en stop",
    "the following arguments are required: %s": "deze argumenten zijn verplicht: %s",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "ongeldige keuze: %(value)r (kies uit %(choices)s)",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "expected one argument": "verwacht één waarde",
    "invalid %(type)s value: %(value)r": "ongeldige waarde: %(value)r",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
    "ambiguous option: %(option)s could match %(matches)s": "dubbelzinnige optie: %(option)s kan %(matches)s zijn",
}  # fmt: skip


def _dutch(message: str) -> str:
    return _ARGPARSE_DUTCH.get(message, message)


vars(argparse)["_"] = _dutch  # argparse looks its messages up through its module-level `_`


def _existing_dir(value: str) -> Path:
    from tutor.core.content.guard import escape_controls

    shown = escape_controls(value)
    if not value:
        raise argparse.ArgumentTypeError("geef een map (die leeg laten kan niet)")
    path = Path(value)
    if path.is_dir():
        return path
    if path.is_file():
        raise argparse.ArgumentTypeError(f"'{shown}' is een bestand, geen map")
    if path.exists():
        raise argparse.ArgumentTypeError(f"'{shown}' is geen map")
    raise argparse.ArgumentTypeError(f"map '{shown}' bestaat niet")


class _Parser(argparse.ArgumentParser):
    """argparse, but an error never prints control characters from the command line.

    "onbekende argumenten: %s" quotes the arguments as typed, so
    `tutor lint $'\\e]0;...'` would have reached the terminal raw.
    """

    def error(self, message: str) -> NoReturn:
        from tutor.core.content.guard import escape_controls

        super().error(escape_controls(message))


class _CommandParser(_Parser):
    """A subcommand's parser: an unknown option is reported with this command's usage.

    Plain argparse hands unknown options of a subcommand up to the top-level
    parser, so `tutor lint --bogus` would show the usage of `tutor` instead of
    the usage of `tutor lint`.
    """

    def parse_known_args(  # type: ignore[override]
        self, args: list[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        parsed, extras = super().parse_known_args(args, namespace)
        if extras:
            self.error(_dutch("unrecognized arguments: %s") % " ".join(extras))
        return parsed, extras


# Modules that add subcommands: each has `add_parsers(commands, content_option)` and
# sets `run=<function(args) -> int>` on its parsers. They import only argparse at
# module level, so `tutor --help` stays fast.
COMMAND_MODULES: tuple[str, ...] = (
    "tutor.kiosk.commands",
    "tutor.group.commands",
    "tutor.export.commands",
    # one module per line
    "tutor.selfstudy.commands",
)


def content_option(parser: argparse.ArgumentParser) -> None:
    """Give a subcommand the `--content MAP` option (DESIGN.md: every command takes it)."""
    _content_option(parser, argparse.SUPPRESS)


def _content_option(parser: argparse.ArgumentParser, default: object = None) -> None:
    parser.add_argument(
        "--content",
        metavar="MAP",
        type=_existing_dir,
        default=default,
        help="inhoudsmap met lessons/, quizzes/ en seeds/ (standaard: de meegeleverde lessen; "
        "of TUTOR_CONTENT)",
    )


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser with Dutch help texts."""
    parser = _Parser(
        prog="tutor",
        description="Leer wat vijf zorgvuldige artikelen zeggen over ketamine, NMDA-receptoren, "
        "neuroplasticiteit en ketamine-ondersteunde psychotherapie. Zonder opdracht start de les-app.",
        epilog="Denk je aan zelfdoding? Bel gratis 113 of 0800-0113, of chat via 113.nl. "
        "Bij direct gevaar: 112.",
    )
    _content_option(parser)
    commands = parser.add_subparsers(
        dest="command", metavar="OPDRACHT", title="opdrachten", parser_class=_CommandParser
    )
    lint = commands.add_parser(
        "lint",
        help="controleer alle lessen en quizzen",
        description="Controleer alle lessen en quizzen. Elke fout als 'bestand:regel: melding'; "
        "exitcode 1 als er fouten zijn.",
    )
    _content_option(lint, argparse.SUPPRESS)
    lint.add_argument(
        "--geen-leesbaarheid",
        dest="readability",
        action="store_false",
        help="sla de B1-leesbaarheidscontrole over",
    )
    for module in COMMAND_MODULES:
        import_module(module).add_parsers(commands, content_option)
    return parser


def content_root(args: argparse.Namespace) -> Path | None:
    """Return the content root the user asked for, or None for the default.

    The default honours `TUTOR_CONTENT` (see `tutor.core.content.root`).
    """
    return Path(args.content) if args.content is not None else None


def main(argv: list[str] | None = None) -> int:
    """Run the `tutor` command line and return the exit code."""
    args = build_parser().parse_args(argv)
    root = content_root(args)
    try:
        if args.command == "lint":
            return run_lint(root, readability=args.readability)
        if getattr(args, "run", None) is not None:
            return int(args.run(args))
        return run_app(root)
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # never a traceback in front of a user
        if os.environ.get("TUTOR_DEBUG"):
            raise
        from tutor.core.content.guard import escape_controls

        print(
            escape_controls(f"Er ging iets mis: {error.__class__.__name__}: {error}\n")
            + "Zet TUTOR_DEBUG=1 om de details te zien (voor de beheerder).",
            file=sys.stderr,
        )
        return 1


def run_lint(root: Path | None, *, readability: bool = True) -> int:
    """Print every content problem and the notes; return 1 if there are errors.

    Warnings and notes (e.g. how often a quiz's right answer is its longest
    option) are printed but do not make the exit code 1.
    """
    from tutor.core.content.lint import lint_report

    report = lint_report(root, readability=readability)
    for problem in report.problems:
        print(problem)
    for note in report.notes:
        print(note)
    errors = len(report.errors)
    warnings = len(report.problems) - errors
    if errors:
        print(f"{errors} probleem/problemen gevonden.", file=sys.stderr)
        if warnings:
            print(f"{warnings} waarschuwing(en).", file=sys.stderr)
        return 1
    if warnings:
        print(f"Geen fouten, wel {warnings} waarschuwing(en).")
        return 0
    print("Alle lessen en quizzen zijn in orde.")
    return 0


def run_app(root: Path | None) -> int:
    """Start the self-study app, with progress saved in the data folder.

    Returns 1 when some progress could not be saved (the app said so; this says it again).
    """
    from tutor.selfstudy.app import TutorApp
    from tutor.store.progress import GuardedProgress, open_progress_for_app

    opened = open_progress_for_app(on_wait=lambda message: print(message, file=sys.stderr))
    try:
        TutorApp(content_root=root, progress=opened.store, notice=opened.notice).run()
    finally:
        lost = opened.store.finish() if isinstance(opened.store, GuardedProgress) else None
    if lost:
        print(lost, file=sys.stderr)
        return 1
    return 0
