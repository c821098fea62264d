"""The subcommands `tutor trainer` and `tutor join` (Dutch help).

Only argparse is imported at module level, so `tutor --help` stays fast; each
run function imports what it needs.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tutor.group.participant.address import JoinAddress


def add_parsers(commands: Any, content_option: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add the group-session subcommands to the `tutor` parser."""
    trainer = commands.add_parser(
        "trainer",
        help="leid een groepssessie (presentatiemodus met QR-code en code voor deelnemers)",
        description="Leid een groep door een les op een beamer. Deelnemers scannen de QR-code "
        "met hun telefoon (of openen het adres in hun browser) of doen mee met 'tutor join'. "
        "Daarvoor start de trainer een kleine webserver die bereikbaar is in het lokale "
        "netwerk (wifi) van deze computer, op poort 8000 of de eerste vrije daarna. Iedereen "
        "in dat netwerk kan de pagina openen; meedoen kan alleen met de code. De server stopt "
        "als de sessie stopt. Met --local kan alleen deze computer meedoen.",
    )
    content_option(trainer)
    trainer.add_argument("--lesson", metavar="ID", help="de les (standaard: kies uit de lijst)")
    trainer.add_argument(
        "--summary",
        metavar="BESTAND",
        type=_summary_path,
        help="bewaar de samenvatting van de sessie als Markdown (zonder namen)",
    )
    trainer.add_argument(
        "--host",
        type=_host,
        default=None,
        help="adres om op te luisteren (standaard 0.0.0.0: het hele lokale netwerk)",
    )
    trainer.add_argument(
        "--port",
        type=_port,
        default=None,
        help="poort, 1 tot en met 65535 (standaard 8000, of de eerste vrije tot 8009)",
    )
    trainer.add_argument(
        "--public-url",
        type=_public_url,
        metavar="ADRES",
        help="het adres dat deelnemers openen, als dat anders is (bijv. achter een reverse proxy)",
    )
    trainer.add_argument(
        "--local",
        action="store_true",
        help="alleen bereikbaar op deze computer (127.0.0.1), bijvoorbeeld om te oefenen",
    )
    trainer.set_defaults(run=run_trainer)

    join = commands.add_parser(
        "join",
        help="doe mee met een groepssessie",
        description="Doe mee met een groepssessie van een trainer, vanaf deze of een andere "
        "computer in hetzelfde netwerk. Je antwoorden zijn anoniem. Zonder --url gebruik je "
        "de sessie die op deze computer draait.",
    )
    content_option(join)
    join.add_argument(
        "--url",
        metavar="ADRES",
        type=_join_address,
        help="het adres op het scherm van de trainer, bijvoorbeeld http://192.168.1.20:8000/ "
        "(de link van de QR-code mag ook: die bevat de code al)",
    )
    join.add_argument("--code", metavar="CODE", help="de code van zes cijfers van de trainer")
    join.set_defaults(run=run_join)


_LABEL = r"[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_HOST_NAME = re.compile(rf"(?=.{{1,253}}$){_LABEL}(\.{_LABEL})*\.?")


def _summary_path(value: str) -> Path:
    """`--summary`: a file name; checked now, not when the session ends."""
    if not value.strip():
        raise argparse.ArgumentTypeError("geef een bestandsnaam voor de samenvatting")
    path = Path(value)
    if value.endswith(("/", os.sep)) or path.is_dir():
        raise argparse.ArgumentTypeError(
            f"'{_shown(value)}' is een map; geef een bestandsnaam, bijvoorbeeld samenvatting.md"
        )
    return path


def _shown(value: str) -> str:
    """A command-line value as a message quotes it: short, control characters escaped."""
    from tutor.core.content.guard import escape_controls

    return escape_controls(value[:40])


def _host(value: str) -> str:
    """`--host`: an IP address or a host name. An empty value would listen on every network."""
    import ipaddress

    try:
        ipaddress.ip_address(value)
        return value
    except ValueError:
        pass
    dotted_numbers = re.fullmatch(r"[0-9.]+", value) is not None
    if not value or dotted_numbers or _HOST_NAME.fullmatch(value) is None:
        shown = _shown(value)
        raise argparse.ArgumentTypeError(
            f"'{shown}' is geen geldig adres: geef bijvoorbeeld 127.0.0.1 (alleen deze computer) "
            "of 0.0.0.0 (het hele netwerk)"
        )
    return value


def _port(value: str) -> int:
    """A TCP port for `--port`; a Dutch message for anything else."""
    try:
        port = int(value, 10)
    except ValueError:
        port = 0
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(
            f"'{_shown(value)}' is geen geldige poort: kies een getal van 1 tot en met 65535"
        )
    return port


MAX_URL = 200


def _public_url(value: str) -> str:
    """`--public-url`: an http(s) address without spaces or control characters."""
    from urllib.parse import urlsplit

    parts = urlsplit(value) if len(value) <= MAX_URL else None
    if (
        parts is None
        or parts.scheme not in ("http", "https")
        or not parts.netloc
        or any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in value)
        or parts.query
        or parts.fragment
    ):
        raise argparse.ArgumentTypeError(
            f"'{_shown(value)}' is geen geldig adres: geef bijvoorbeeld https://quiz.example.nl/ "
            f"(http of https, zonder spaties, hoogstens {MAX_URL} tekens)"
        )
    return value


def _join_address(value: str) -> JoinAddress:
    """`join --url`: the trainer's http(s) address (a QR link with `?code=` too)."""
    from tutor.core.text import group as gs
    from tutor.group.participant.address import BadAddress, parse_address

    try:
        return parse_address(value)
    except BadAddress:
        raise argparse.ArgumentTypeError(gs.JOIN_BAD_URL.format(url=_shown(value))) from None


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
        message = gs.LESSON_UNKNOWN.format(lesson=_shown(args.lesson), choices=", ".join(ids))
        print(message, file=sys.stderr)
        return 2
    try:
        store = open_group_store()
    except StoreUnavailable as error:
        print(gs.STORE_UNAVAILABLE.format(error=error), file=sys.stderr)
        return 1
    from tutor.group.trainer.app import TrainerApp
    from tutor.group.trainer.web import WebOptions

    if args.local and args.host not in (None, "127.0.0.1", "::1", "localhost"):
        print(gs.LOCAL_AND_HOST, file=sys.stderr)
        return 2
    host = "127.0.0.1" if args.local else (args.host or "0.0.0.0")
    web = WebOptions(
        host=host,
        port=args.port or 8000,
        tries=1 if args.port else 10,
        public_url=args.public_url,
        content_root=_content(args),
    )
    app = TrainerApp(
        content=content, lesson_id=args.lesson, store=store, summary_path=args.summary, web=web
    )
    try:
        app.run()
    finally:
        app.end_session()
        store.close()
    return 0


def run_join(args: argparse.Namespace) -> int:
    """Start the participant's app, joined to the trainer's server at `--url`."""
    from tutor.core.text import group as gs

    address = args.url if args.url is not None else _local_server()
    if address is None:
        print(gs.JOIN_NO_URL, file=sys.stderr)
        return 2
    from tutor.group.participant.app import ParticipantApp

    code = args.code[:40] if args.code else address.code
    ParticipantApp(url=address.base, code=code, content_root=_content(args)).run()
    return 0


def _local_server() -> JoinAddress | None:
    """The address a trainer's server on this computer announced, if one runs."""
    from tutor.group.participant.address import announced_address
    from tutor.store.db import StoreUnavailable
    from tutor.store.group import GroupStoreError, default_path, open_group_store

    if not default_path().is_file():
        return None  # no session was ever led here; do not create the store
    try:
        store = open_group_store()
    except StoreUnavailable:
        return None
    try:
        return announced_address(store.announced_address())
    except GroupStoreError:
        return None
    finally:
        store.close()
    return 0
