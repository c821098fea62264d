"""`tutor kiosk` and `tutor stats`. Imports only argparse at module level (fast `--help`)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tutor.core.text import kiosk as text

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


def add_parsers(commands: Any, content_option: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add `kiosk` and `stats` to the `tutor` command line."""
    kiosk = commands.add_parser("kiosk", help=text.KIOSK_HELP, description=text.KIOSK_DESCRIPTION)
    content_option(kiosk)
    kiosk.add_argument(
        "--idle", type=_seconds, default=120.0, metavar="SECONDEN", help=text.IDLE_OPTION
    )
    kiosk.add_argument("--stats", action="store_true", help=text.STATS_OPTION)
    kiosk.add_argument("--set-pin", action="store_true", help=text.SET_PIN_OPTION)
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

    if args.set_pin:
        return set_pin_interactive()
    root = _content_root(args)
    if args.child:
        from tutor.kiosk.child import run_child

        return run_child(root, idle=args.idle, stats=args.stats)
    if load_pin() is None:
        print(text.NO_PIN, file=sys.stderr)
        return 2
    if not (sys.stdin.isatty() and sys.stderr.isatty()):
        print(text.NOT_A_TERMINAL, file=sys.stderr)
        return 2
    from tutor.kiosk.child import EXIT_NO_PIN
    from tutor.kiosk.supervisor import child_command, supervise

    code = supervise(child_command(root, idle=args.idle, stats=args.stats))
    if code == EXIT_NO_PIN:
        print(text.NO_PIN, file=sys.stderr)
        return 2
    return code


def run_stats(args: argparse.Namespace) -> int:
    """Print the anonymous kiosk counts as a table."""
    from tutor.kiosk.stats_table import print_stats

    return print_stats(_content_root(args), per_day=args.per_dag)
