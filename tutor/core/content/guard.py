"""Defences against hostile or careless content: odd files, huge files, control characters.

Everything here is cheap and imports only the standard library, so the home
screen's card reader (`tutor.core.content.cards`) can use it at start-up too.

- `read_limited` reads a file only when it is a regular file of at most
  `MAX_FILE_BYTES`; a FIFO, a device, a directory or a symlink loop is refused
  with a Dutch reason, without opening it (and opening never blocks).
- `read_source` reads a lesson's `source:` only from inside the content root's
  `seeds/` folder.
- `control_characters` finds characters that can steer a terminal or reverse
  the direction of text; `escape_controls` makes them visible for plain-text
  output.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

MAX_FILE_BYTES = 1_000_000
"""The largest lesson, quiz or source file that is read (1 MB)."""

SEEDS = "seeds"
"""The folder of the content root that holds the source articles."""

# C0 controls except tab and newline, DEL, C1 controls, the Unicode line and
# paragraph separators, and the marks that change the direction of text
# (embeddings, overrides, isolates, LRM/RLM/ALM).
CONTROL_CHARACTERS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)

_CONTROL_NAMES = {
    0x00: "NUL",
    0x07: "BEL",
    0x08: "backspace",
    0x0D: "carriage return",
    0x1B: "ESC",
    0x7F: "DEL",
    0x9B: "CSI",
    0x9D: "OSC",
}


class UnreadableFile(OSError):
    """A file that is not read; `reason` says why, in Dutch."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def describe_character(char: str) -> str:
    """Name a character for a Dutch message, e.g. `U+001B (ESC)`."""
    code = ord(char)
    name = _CONTROL_NAMES.get(code)
    if name is None and (0x202A <= code <= 0x202E or 0x2066 <= code <= 0x2069):
        name = "tekstrichting"
    elif code in (0x85, 0x2028, 0x2029):
        name = "regeleinde"
    return f"U+{code:04X}" + (f" ({name})" if name else "")


def escape_controls(text: str) -> str:
    r"""Show control characters as visible escapes (`\x1b`, `\u202e`); tab and newline stay."""
    if CONTROL_CHARACTERS.search(text) is None:
        return text
    return CONTROL_CHARACTERS.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def control_characters(data: Any) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Yield the key path and a Dutch message for every string in `data` with a control character.

    Mapping keys are checked as well as values: a key is shown in messages
    ("onbekend veld ...").
    """
    stack: list[tuple[tuple[str | int, ...], Any]] = [((), data)]
    while stack:
        loc, value = stack.pop()
        if isinstance(value, str):
            found = CONTROL_CHARACTERS.search(value)
            if found is not None:
                yield loc, control_message(found.group(), loc)
        elif isinstance(value, dict):
            for key, item in value.items():
                name = str(key)
                found = CONTROL_CHARACTERS.search(name)
                if found is not None:
                    yield loc + (name,), control_message(found.group(), None)
                stack.append((loc + (name,), item))
        elif isinstance(value, list):
            stack.extend((loc + (index,), item) for index, item in enumerate(value))


def control_message(char: str, loc: tuple[str | int, ...] | None) -> str:
    """The Dutch message for a control character in the value at `loc` (None: in a key)."""
    names = [part for part in loc or () if isinstance(part, str)]
    what = "een sleutel" if loc is None else f"'{names[-1]}'" if names else "een tekst"
    return (
        f"{what} bevat een onzichtbaar stuurteken {describe_character(char)}; haal het weg "
        "(zulke tekens kunnen de terminal besturen of de leesrichting omdraaien)"
    )


def file_kind(mode: int) -> str | None:
    """Say in Dutch what a non-regular file is; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "is een map, geen bestand"
    if stat.S_ISFIFO(mode):
        return "is een pipe (FIFO), geen gewoon bestand"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is een apparaat, geen gewoon bestand"
    if stat.S_ISSOCK(mode):
        return "is een socket, geen gewoon bestand"
    return "is geen gewoon bestand"


def os_reason(error: OSError) -> str:
    """Say in Dutch why a file cannot be opened."""
    if isinstance(error, UnreadableFile):
        return error.reason
    if error.errno == errno.ELOOP:
        return "is een symlink die in een kring naar zichzelf verwijst"
    if error.errno == errno.ENOENT:
        return "bestaat niet"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "mag niet gelezen worden (geen leesrechten)"
    if error.errno == errno.ENOTDIR:
        return "bestaat niet: een deel van het pad is geen map"
    if error.errno == errno.ENAMETOOLONG:
        return "heeft een te lange naam"
    return f"kan niet gelezen worden ({error.strerror or error.__class__.__name__})"


def too_big(size: int, limit: int) -> str:
    """The Dutch reason for a file over the size limit."""
    return f"is te groot ({_megabytes(size)}; hoogstens {_megabytes(limit)})"


def _megabytes(size: int) -> str:
    if size >= 10_000_000:
        return f"{size // 1_000_000} MB"
    return f"{size / 1_000_000:.1f} MB".replace(".", ",").replace(",0 MB", " MB")


def skip_reason(path: Path) -> str | None:
    """Why a directory entry named like a content file is not read; None to read it.

    Returns an empty string for entries skipped without a word: an editor's lock
    file (Emacs makes `.#name.yaml`, a dangling symlink) while a file is edited.
    Uses `stat` only, so a FIFO is never opened.
    """
    try:
        info = os.stat(path)
    except OSError as error:
        if path.name.startswith(".#"):
            return ""
        if error.errno == errno.ENOENT and path.is_symlink():
            return "is een symlink naar een bestand dat niet bestaat"
        return os_reason(error)
    return file_kind(info.st_mode)


def read_limited(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """Read a regular file of at most `limit` bytes.

    The kind and size are checked with `stat` before the file is opened, so a
    FIFO or a device is never opened; the file is opened non-blocking and
    checked again, in case it was swapped in between.

    Raises:
        UnreadableFile: With a Dutch reason ("is een map, geen bestand", ...).
    """
    try:
        info = os.stat(path)
    except OSError as error:
        raise UnreadableFile(os_reason(error)) from None
    _check_regular(info, limit)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        raise UnreadableFile(os_reason(error)) from None
    try:
        _check_regular(os.fstat(fd), limit)
        chunks: list[bytes] = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as error:
        raise UnreadableFile(os_reason(error)) from None
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > limit:
        raise UnreadableFile(too_big(len(data), limit))
    return data


def _check_regular(info: os.stat_result, limit: int) -> None:
    kind = file_kind(info.st_mode)
    if kind is not None:
        raise UnreadableFile(kind)
    if info.st_size > limit:
        raise UnreadableFile(too_big(info.st_size, limit))


def source_path(root: Path, source: str) -> Path:
    """The file a lesson's `source:` names, if it lies inside the root's `seeds/`.

    Symlinks are followed, and the real file must still lie inside `seeds/`.

    Raises:
        UnreadableFile: With a Dutch reason.
    """
    outside = UnreadableFile(f"moet een bestand in {SEEDS}/ van de inhoudsmap zijn")
    if "\x00" in source or Path(source).is_absolute() or Path(source).drive:
        raise outside
    seeds = root / SEEDS
    try:
        real_seeds = seeds.resolve(strict=True)
        real = (root / source).resolve(strict=True)
    except (OSError, RuntimeError) as error:  # RuntimeError: a symlink loop (Python < 3.13)
        if isinstance(error, OSError) and error.errno not in (errno.ELOOP, None):
            raise UnreadableFile(os_reason(error)) from None
        raise UnreadableFile("is een symlink die in een kring naar zichzelf verwijst") from None
    if real == real_seeds or not real.is_relative_to(real_seeds):
        raise outside
    return real


def read_source(root: Path, source: str, limit: int = MAX_FILE_BYTES) -> str:
    """Read the text of a lesson's source article (see `source_path`).

    Raises:
        UnreadableFile: With a Dutch reason.
    """
    data = read_limited(source_path(root, source), limit)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise UnreadableFile("is geen geldige UTF-8-tekst") from None
