"""The staff PIN: a salted scrypt hash in the config folder, and the lockout after wrong tries.

Only the hash and its salt are stored (`kiosk-pin.json` in `tutor.core.paths.config_dir()`),
never the PIN itself. The lockout (how many wrong PINs in a row, and until when the
dialog is locked) is kept next to it in `kiosk-pin-lock.json`, so restarting the kiosk
child does not reset it; nothing about visitors is in it. Never imports Textual.
"""

from __future__ import annotations

import enum
import getpass
import hashlib
import hmac
import json
import math
import os
import re
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tutor.core import paths
from tutor.core.text import kiosk as text

PIN_FILE = "kiosk-pin.json"
LOCK_FILE = "kiosk-pin-lock.json"
PIN_PATTERN = re.compile(r"[0-9]{4,8}")
MAX_TRIES = 3
LOCK_SECONDS = 60.0

# scrypt cost: about 50 ms and 16 MB per check, so guessing all 10^8 PINs offline is slow.
_N, _R, _P, _LENGTH = 2**14, 8, 1, 32


def valid_pin(pin: str) -> bool:
    """True for 4 to 8 ASCII digits."""
    return PIN_PATTERN.fullmatch(pin) is not None


@dataclass(frozen=True)
class StoredPin:
    """A salted scrypt hash of the PIN, with the cost parameters it was made with.

    Attributes:
        salt: Random salt (16 bytes).
        digest: scrypt(pin, salt).
        n: scrypt CPU/memory cost.
        r: scrypt block size.
        p: scrypt parallelism.
    """

    salt: bytes
    digest: bytes
    n: int = _N
    r: int = _R
    p: int = _P

    def matches(self, pin: str) -> bool:
        """Whether `pin` is the PIN this hash was made from (constant-time compare)."""
        if not valid_pin(pin):
            return False
        return hmac.compare_digest(_scrypt(pin, self.salt, self.n, self.r, self.p), self.digest)

    def to_json(self) -> str:
        """The file contents: scheme, parameters, salt and hash (hex)."""
        return json.dumps(
            {
                "scheme": "scrypt",
                "n": self.n,
                "r": self.r,
                "p": self.p,
                "salt": self.salt.hex(),
                "hash": self.digest.hex(),
            },
            indent=2,
        )

    @classmethod
    def from_json(cls, data: str) -> StoredPin:
        """Read the file contents written by `to_json`.

        Raises:
            ValueError: The contents are not a valid PIN hash.
        """
        try:
            raw = json.loads(data)
            if raw.get("scheme") != "scrypt":
                raise ValueError("unknown scheme")
            stored = cls(
                salt=bytes.fromhex(raw["salt"]),
                digest=bytes.fromhex(raw["hash"]),
                n=int(raw["n"]),
                r=int(raw["r"]),
                p=int(raw["p"]),
            )
        except (AttributeError, KeyError, TypeError, json.JSONDecodeError) as error:
            raise ValueError(str(error)) from error
        if len(stored.salt) < 8 or len(stored.digest) < 16 or stored.n < 2:
            raise ValueError("hash too weak")
        return stored


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    maxmem = 128 * r * (n + p + 2) + 1024 * 1024
    return hashlib.scrypt(pin.encode("ascii"), salt=salt, n=n, r=r, p=p, maxmem=maxmem, dklen=32)


def hash_pin(pin: str, *, salt: bytes | None = None) -> StoredPin:
    """Hash a PIN with a fresh random salt.

    Raises:
        ValueError: The PIN is not 4 to 8 digits.
    """
    if not valid_pin(pin):
        raise ValueError("a PIN has 4 to 8 digits")
    salt = salt if salt is not None else secrets.token_bytes(16)
    return StoredPin(salt, _scrypt(pin, salt, _N, _R, _P))


def pin_path() -> Path:
    """Where the PIN hash is kept."""
    return paths.config_dir() / PIN_FILE


def lock_path() -> Path:
    """Where the lockout state (wrong tries, locked until) is kept."""
    return paths.config_dir() / LOCK_FILE


def save_pin(stored: StoredPin, path: Path | None = None) -> Path:
    """Write the hash atomically, readable by the owner only; return the path."""
    path = path if path is not None else pin_path()
    _write_private(path, stored.to_json())
    return path


def _write_private(path: Path, data: str) -> None:
    """Write a file atomically (temporary file, fsync, rename), readable by the owner only."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write(data)
        file.flush()
        os.fsync(file.fileno())
    temporary.replace(path)


def load_pin(path: Path | None = None) -> StoredPin | None:
    """The stored PIN hash, or None when none is set (or the file is unreadable)."""
    path = path if path is not None else pin_path()
    try:
        return StoredPin.from_json(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        return None


def set_pin_interactive(
    ask: Callable[[str], str] | None = None,
    say: Callable[[str], None] = print,
    path: Path | None = None,
) -> int:
    """Ask for a new PIN twice and store its hash (`tutor kiosk --set-pin`).

    Args:
        ask: Asks a question and returns the answer without echo; default `getpass.getpass`.
        say: Shows a message.
        path: Where to store the hash; default `pin_path()`.

    Returns:
        The exit code: 0 when the PIN was stored, 1 otherwise.
    """
    ask = ask if ask is not None else getpass.getpass
    try:
        first = ask(text.PIN_ASK).strip()
        if not valid_pin(first):
            say(text.PIN_INVALID)
            return 1
        second = ask(text.PIN_ASK_AGAIN).strip()
    except (EOFError, KeyboardInterrupt):
        say(text.PIN_ABORTED)
        return 1
    if not hmac.compare_digest(first, second):
        say(text.PIN_MISMATCH)
        return 1
    try:
        saved = save_pin(hash_pin(first), path)
    except OSError as error:
        say(text.PIN_NOT_SAVED.format(error=error))
        return 1
    say(text.PIN_SAVED.format(path=saved))
    return 0


class PinCheck(enum.Enum):
    """The outcome of entering a PIN."""

    RIGHT = "right"
    WRONG = "wrong"
    LOCKED = "locked"


class PinGuard:
    """Checks PINs; after `max_tries` wrong ones in a row it refuses all for `lock_seconds`.

    The count and the end of the lock survive a restart of the kiosk child: they are kept
    in `state_path` (`kiosk-pin-lock.json` in the config folder), as the number of wrong
    tries and a wall-clock time. If that file cannot be written the lock still holds for
    this process.
    """

    def __init__(
        self,
        stored: StoredPin,
        *,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], float] = time.time,
        max_tries: int = MAX_TRIES,
        lock_seconds: float = LOCK_SECONDS,
        persist: bool = True,
        state_path: Path | None = None,
    ) -> None:
        """Create a guard for one stored PIN, continuing the lockout a previous kiosk left.

        Args:
            stored: The hash to check against.
            clock: Monotonic seconds (a fake clock in tests); times the lock while running.
            wall_clock: Seconds since the epoch; carries the lock over a restart.
            max_tries: Wrong PINs in a row before the lock.
            lock_seconds: How long the lock lasts.
            persist: Keep the lockout in `state_path` (False: in memory only).
            state_path: Default `lock_path()`.
        """
        self.stored = stored
        self.clock = clock
        self.wall_clock = wall_clock
        self.max_tries = max_tries
        self.lock_seconds = lock_seconds
        self.state_path = (state_path or lock_path()) if persist else None
        self.wrong = 0
        self._locked_until: float | None = None
        self._load()

    def _load(self) -> None:
        if self.state_path is None:
            return
        try:
            raw = json.loads(self.state_path.read_text(encoding="utf-8"))
            wrong = int(raw.get("wrong", 0))
            until = raw.get("locked_until")
            left = float(until) - self.wall_clock() if until is not None else 0.0
        except (OSError, ValueError, TypeError, AttributeError):
            return  # no state (or unreadable): no lock
        self.wrong = min(max(wrong, 0), self.max_tries)
        if left > 0:
            # Never longer than one lock, even if the wall clock was set back.
            self._locked_until = self.clock() + min(left, self.lock_seconds)
        elif self.wrong >= self.max_tries:
            self.wrong = 0  # the lock ran out while the kiosk was down

    def _save(self) -> None:
        if self.state_path is None:
            return
        until = None
        if self._locked_until is not None:
            until = self.wall_clock() + max(0.0, self._locked_until - self.clock())
        state = {"wrong": self.wrong, "locked_until": until}
        try:
            _write_private(self.state_path, json.dumps(state))
        except OSError:
            pass  # the lock still holds in this process

    def locked_for(self) -> int:
        """Whole seconds left on the lock (0 when not locked)."""
        if self._locked_until is None:
            return 0
        left = self._locked_until - self.clock()
        if left <= 0:
            self._locked_until = None
            self.wrong = 0
            self._save()
            return 0
        return math.ceil(left)

    @property
    def tries_left(self) -> int:
        """Wrong PINs still allowed before the lock."""
        return self.max_tries - self.wrong

    def check(self, pin: str) -> PinCheck:
        """Check a PIN; a wrong one counts towards the lock, a right one resets the count."""
        if self.locked_for():
            return PinCheck.LOCKED
        if self.stored.matches(pin):
            if self.wrong:
                self.wrong = 0
                self._save()
            return PinCheck.RIGHT
        self.wrong += 1
        if self.wrong >= self.max_tries:
            self._locked_until = self.clock() + self.lock_seconds
            self._save()
            return PinCheck.LOCKED
        self._save()
        return PinCheck.WRONG
