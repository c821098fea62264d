"""The subcommands `tutor trainer`, `tutor join` and `tutor serve` (Dutch help).

Only argparse is imported at module level, so `tutor --help` stays fast; each
run function imports what it needs.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any


def add_parsers(commands: Any, content_option: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add the group-session subcommands to the `tutor` parser."""
    trainer = commands.add_parser(
        "trainer",
        help="leid een groepssessie (presentatiemodus met code voor deelnemers)",
        description="Leid een groep door een les op een beamer. Deelnemers doen mee met "
        "'tutor join' of in de browser via 'tutor serve'.",
    )
    content_option(trainer)
    trainer.add_argument("--lesson", metavar="ID", help="de les (standaard: kies uit de lijst)")
    trainer.add_argument(
        "--summary",
        metavar="BESTAND",
        type=Path,
        help="bewaar de samenvatting van de sessie als Markdown (zonder namen)",
    )
    trainer.add_argument(
        "--url",
        metavar="ADRES",
        help="het adres dat deelnemers openen (standaard: wat 'tutor serve' meldt)",
    )
    trainer.set_defaults(run=run_trainer)

    join = commands.add_parser(
        "join",
        help="doe mee met een groepssessie",
        description="Doe mee met een groepssessie van een trainer. Je antwoorden zijn anoniem.",
    )
    content_option(join)
    join.add_argument("--code", metavar="CODE", help="de code van zes cijfers van de trainer")
    join.set_defaults(run=run_join)

    serve = commands.add_parser(
        "serve",
        help="laat deelnemers meedoen in hun browser",
        description="Biedt 'tutor join' aan in de browser (textual-serve). Standaard alleen "
        "op deze computer bereikbaar (127.0.0.1).",
    )
    content_option(serve)
    serve.add_argument("--host", default="127.0.0.1", help="adres om op te luisteren")
    serve.add_argument("--port", type=int, default=8000, help="poort (standaard 8000)")
    serve.add_argument(
        "--public-url",
        metavar="ADRES",
        help="het adres dat deelnemers openen, als dat anders is (bijv. achter een proxy)",
    )
    serve.set_defaults(run=run_serve)


def _content(args: argparse.Namespace) -> Path | None:
    from tutor.cli import content_root

    return content_root(args)


def run_trainer(args: argparse.Namespace) -> int:
    """Start presenter mode."""
    from tutor.core.content.loader import load_content
    from tutor.core.text import group as gs
    from tutor.store.db import StoreUnavailable
    from tutor.store.group import open_group_store

    content = load_content(_content(args))
    ids = [lesson.id for lesson in content.lessons]
    if args.lesson is not None and args.lesson not in ids:
        print(gs.LESSON_UNKNOWN.format(lesson=args.lesson, choices=", ".join(ids)), file=sys.stderr)
        return 2
    try:
        store = open_group_store()
    except StoreUnavailable as error:
        print(gs.STORE_UNAVAILABLE.format(error=error), file=sys.stderr)
        return 1
    from tutor.group.trainer.app import TrainerApp

    app = TrainerApp(
        content=content,
        lesson_id=args.lesson,
        store=store,
        summary_path=args.summary,
        address=args.url,
    )
    try:
        app.run()
    finally:
        app.end_session()
        store.close()
    return 0


def run_join(args: argparse.Namespace) -> int:
    """Start the participant's app."""
    from tutor.core.text import group as gs
    from tutor.store.db import StoreUnavailable
    from tutor.store.group import open_group_store

    try:
        store = open_group_store()
    except StoreUnavailable as error:
        print(gs.STORE_UNAVAILABLE.format(error=error), file=sys.stderr)
        return 1
    from tutor.group.participant.app import ParticipantApp

    code = args.code[:40] if args.code else None
    try:
        ParticipantApp(code=code, content_root=_content(args), store=store).run()
    finally:
        store.close()
    return 0


def run_serve(args: argparse.Namespace) -> int:
    """Serve `tutor join` to browsers."""
    from tutor.group.serve import serve

    return serve(args.host, args.port, content=_content(args), url=args.public_url)
