"""`tutor kiosk` and `tutor stats`. Imports only argparse at module level (fast `--help`)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tutor.core.text import kiosk as text

DEFAULT_IDLE = 120.0
MIN_IDLE = 15.0
"""Shorter, and the countdown (a quarter of the time) would swallow every key."""
MAX_IDLE = 3600.0
"""Longer, and a visitor's answers stay on the screen for the next one."""


def _seconds(value: str) -> float:
    from tutor.core.content.guard import escape_controls

    try:
        seconds = float(value)
    except ValueError:
        seconds = 0.0
    if not MIN_IDLE <= seconds <= MAX_IDLE:  # also refuses nan and inf
        raise argparse.ArgumentTypeError(
            text.IDLE_INVALID.format(
                value=escape_controls(value[:20]), low=int(MIN_IDLE), high=int(MAX_IDLE)
            )
        )
    return seconds


def _screen(value: str) -> str:
    from tutor.core.content.guard import escape_controls
    from tutor.kiosk.unit import SCREENS

    if value not in SCREENS:
        raise argparse.ArgumentTypeError(text.UNIT_BAD_SCREEN.format(value=escape_controls(value)))
    return value


def _user(value: str) -> str:
    from tutor.kiosk.unit import USER_NAME

    if not USER_NAME.fullmatch(value):
        raise argparse.ArgumentTypeError(text.UNIT_BAD_USER.format(value=ascii(value)))
    return value


def add_parsers(commands: Any, content_option: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add `kiosk` and `stats` to the `tutor` command line."""
    kiosk = commands.add_parser("kiosk", help=text.KIOSK_HELP, description=text.KIOSK_DESCRIPTION)
    content_option(kiosk)
    kiosk.add_argument(
        "--idle", type=_seconds, default=None, metavar="SECONDEN", help=text.IDLE_OPTION
    )
    kiosk.add_argument("--stats", action="store_true", help=text.STATS_OPTION)
    kiosk.add_argument("--set-pin", action="store_true", help=text.SET_PIN_OPTION)
    kiosk.add_argument("--systemd-unit", action="store_true", help=text.SYSTEMD_UNIT_OPTION)
    kiosk.add_argument(
        "--scherm", type=_screen, default=None, metavar="cage|console", help=text.SCREEN_OPTION
    )
    kiosk.add_argument("--user", type=_user, default=None, metavar="NAAM", help=text.USER_OPTION)
    kiosk.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    kiosk.set_defaults(run=run_kiosk)

    stats = commands.add_parser("stats", help=text.STATS_HELP, description=text.STATS_DESCRIPTION)
    content_option(stats)
    stats.add_argument("--per-dag", action="store_true", help=text.STATS_PER_DAY_OPTION)
    stats.set_defaults(run=run_stats)


def _content_root(args: argparse.Namespace) -> Path | None:
    content = getattr(args, "content", None)
    return Path(content) if content is not None else None


def run_kiosk(args: argparse.Namespace) -> int:
    """Set the PIN, run the kiosk app (child), or supervise it (what staff start)."""
    from tutor.kiosk.pin import load_pin, set_pin_interactive

    if args.systemd_unit:
        return _print_unit(args)
    if args.scherm is not None or args.user is not None:
        print(text.UNIT_ONLY_OPTIONS, file=sys.stderr)
        return 2
    if args.set_pin:
        return set_pin_interactive()
    root = _content_root(args)
    idle = args.idle if args.idle is not None else DEFAULT_IDLE
    if args.child:
        from tutor.kiosk.child import run_child

        return run_child(root, idle=idle, stats=args.stats)
    if load_pin() is None:
        print(text.NO_PIN, file=sys.stderr)
        return 2
    if not (sys.stdin.isatty() and sys.stderr.isatty()):
        print(text.NOT_A_TERMINAL, file=sys.stderr)
        return 2
    from tutor.kiosk.child import EXIT_NO_PIN
    from tutor.kiosk.supervisor import child_command, supervise

    code = supervise(child_command(root, idle=idle, stats=args.stats))
    if code == EXIT_NO_PIN:
        print(text.NO_PIN, file=sys.stderr)
        return 2
    return code


def _print_unit(args: argparse.Namespace) -> int:
    """Print only the unit on stdout, so it can be redirected into a file."""
    from tutor.kiosk.unit import DEFAULT_SCREEN, DEFAULT_USER, render_unit

    try:
        unit = render_unit(
            screen=args.scherm or DEFAULT_SCREEN,
            user=args.user or DEFAULT_USER,
            content_root=_content_root(args),
            idle=args.idle,
            stats=args.stats,
        )
    except ValueError as error:
        print(error, file=sys.stderr)
        return 2
    sys.stdout.write(unit)
    return 0


def run_stats(args: argparse.Namespace) -> int:
    """Print the anonymous kiosk counts as a table."""
    from tutor.kiosk.stats_table import print_stats

    return print_stats(_content_root(args), per_day=args.per_dag)
