"""`tutor kiosk --systemd-unit`: a systemd service that starts the kiosk on boot.

Two variants (`--scherm`): `cage` runs the kiosk in the `foot` terminal inside the
`cage` Wayland kiosk compositor on tty7 (the layout of cage's own example unit), and
`console` runs it straight on the text console tty1. Both run as a dedicated user,
keep their data under that user's home and are restarted by systemd if they stop
with an error. The right PIN ends the kiosk with status 0; `RestartPreventExitStatus=0`
keeps systemd from starting it again, so staff can reach the machine.

Never imports Textual; `docs/KIOSK.md` explains every line to the clinic's IT staff.
"""

from __future__ import annotations

import os
import pwd
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from tutor.core.paths import APP_NAME
from tutor.core.text import kiosk as text

SCREENS = ("cage", "console")
DEFAULT_SCREEN = "cage"
DEFAULT_USER = "kiosk"
CAGE = Path("/usr/bin/cage")
FOOT = Path("/usr/bin/foot")
SETTERM = Path("/usr/bin/setterm")
CAGE_TTY = "tty7"
CONSOLE_TTY = "tty1"

USER_NAME = re.compile(r"[a-z_][a-z0-9_-]{0,31}")
"""A portable Linux user name (what `adduser` accepts without --allow-bad-names)."""

_PLAIN = re.compile(r"[A-Za-z0-9_./:=+,@-]+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def tutor_command(argv0: str | None = None, executable: str | None = None) -> list[str]:
    """The absolute command that starts this installation of `tutor`.

    The `tutor` script itself when it was started that way (pip or pipx put it in a
    venv's bin folder, next to the right Python); else this Python with `-m tutor`.
    The Python path is not resolved: a venv's `python` is a symlink that must stay one.
    """
    script = Path(sys.argv[0] if argv0 is None else argv0)
    if script.name == "tutor" and script.is_file() and os.access(script, os.X_OK):
        return [str(script.resolve())]
    return [os.path.abspath(sys.executable if executable is None else executable), "-m", "tutor"]


def home_of(user: str) -> Path:
    """The user's home folder; `/home/<user>` for a user that does not exist (yet)."""
    try:
        return Path(pwd.getpwnam(user).pw_dir)
    except KeyError:
        return Path("/home") / user


def quote(argument: str) -> str:
    """One argument of a systemd command line: quoted if needed, `%` and `$` kept literal."""
    if _CONTROL.search(argument):
        raise ValueError(text.UNIT_BAD_CHARACTER.format(value=ascii(argument)))
    escaped = argument.replace("%", "%%").replace("$", "$$")
    if _PLAIN.fullmatch(argument):
        return escaped
    return '"' + escaped.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _environment(name: str, value: str) -> str:
    if _CONTROL.search(value):
        raise ValueError(text.UNIT_BAD_CHARACTER.format(value=ascii(value)))
    pair = f"{name}={value}".replace("%", "%%").replace("\\", "\\\\").replace('"', '\\"')
    return f'Environment="{pair}"'


def kiosk_arguments(content_root: Path | None, idle: float | None, stats: bool) -> list[str]:
    """The `kiosk ...` part of the command line: only the options given now."""
    arguments = ["kiosk"]
    if content_root is not None:
        arguments += ["--content", str(Path(content_root).resolve())]
    if idle is not None:
        arguments += ["--idle", f"{idle:g}"]
    if stats:
        arguments.append("--stats")
    return arguments


def render_unit(
    *,
    screen: str = DEFAULT_SCREEN,
    user: str = DEFAULT_USER,
    content_root: Path | None = None,
    idle: float | None = None,
    stats: bool = False,
    command: Sequence[str] | None = None,
    home: Path | None = None,
    cage: Path = CAGE,
    foot: Path = FOOT,
    setterm: Path = SETTERM,
) -> str:
    """The text of `tutor-kiosk.service` for this installation.

    Args:
        screen: "cage" (Wayland kiosk compositor with the foot terminal) or "console".
        user: The dedicated user the kiosk runs as.
        content_root: `--content`, made absolute; None for the default content.
        idle: `--idle` if given; None leaves the kiosk's default.
        stats: `--stats`.
        command: How to start `tutor` (default: `tutor_command()`).
        home: The user's home (default: from the user database, else /home/<user>).
        cage, foot, setterm: The programs' paths (tests pass ones that exist here).

    Raises:
        ValueError: An unknown screen, a bad user name, or a control character in a path.
    """
    if screen not in SCREENS:
        raise ValueError(text.UNIT_BAD_SCREEN.format(value=screen))
    if not USER_NAME.fullmatch(user):
        raise ValueError(text.UNIT_BAD_USER.format(value=ascii(user)))
    tutor = list(command) if command is not None else tutor_command()
    home = home if home is not None else home_of(user)
    kiosk = tutor + kiosk_arguments(content_root, idle, stats)
    tty = CAGE_TTY if screen == "cage" else CONSOLE_TTY
    if screen == "cage":
        exec_start = [str(cage), "--", str(foot), "--", *kiosk]
    else:
        exec_start = kiosk
    data = home / ".local" / "share" / APP_NAME
    config = home / ".config" / APP_NAME

    lines = [f"# {line}".rstrip() for line in text.UNIT_HEADER.format(user=user).splitlines()]
    lines += [
        "",
        "[Unit]",
        f"Description={text.UNIT_DESCRIPTION}",
        "After=systemd-user-sessions.service plymouth-quit-wait.service",
        "Wants=dbus.socket systemd-logind.service",
        "After=dbus.socket systemd-logind.service",
        f"Conflicts=getty@{tty}.service",
        f"After=getty@{tty}.service",
        "ConditionPathExists=/dev/tty0",
        "StartLimitIntervalSec=0",
        "",
        "[Service]",
        "Type=simple",
        f"User={user}",
        f"WorkingDirectory={quote(str(home))}",
        _environment("TUTOR_DATA_DIR", str(data)),
        _environment("TUTOR_CONFIG_DIR", str(config)),
    ]
    if screen == "console":
        lines.append(_environment("TERM", "linux"))
        # The leading "-": a missing setterm must not keep the kiosk from starting.
        lines.append(f"ExecStartPre=-{quote(str(setterm))} --blank 0 --powerdown 0")
    lines += [
        f"ExecStart={' '.join(quote(argument) for argument in exec_start)}",
        "Restart=always",
        "RestartSec=2",
        "RestartPreventExitStatus=0",
        f"TTYPath=/dev/{tty}",
        "TTYReset=yes",
        "TTYVHangup=yes",
        "TTYVTDisallocate=yes",
        "StandardInput=tty-fail",
        "StandardOutput=tty",
        # The console kiosk draws on stderr (it must be the terminal); cage logs there.
        "StandardError=journal" if screen == "cage" else "StandardError=tty",
        f"UtmpIdentifier={tty}",
        "UtmpMode=user",
        "PAMName=login",
        "",
        "[Install]",
        "WantedBy=graphical.target" if screen == "cage" else "WantedBy=multi-user.target",
        "",
    ]
    return "\n".join(lines)
