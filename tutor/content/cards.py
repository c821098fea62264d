"""What the home screen needs from each lesson, read fast without validation.

Validating all content needs pydantic, which costs more start-up time than the
whole home screen. The app shows these cards at once and validates the content
in the background; lessons that fail validation are then taken off the list.

Even PyYAML is too slow for start-up, so `scan_card` first reads the four card
fields (`id`, `title`, `summary`, `order`) from the top-level lines of a lesson
with a small, conservative scanner. It understands only simple forms (plain and
quoted one-line scalars, `>`, `>-`, `|`, `|-` blocks, a plain decimal `order`)
and declines (returns None) whenever it is not certain, e.g. on tabs, anchors,
tags, flow collections, multi-line plain scalars, values PyYAML would read as
numbers, booleans or null, duplicate top-level keys (of any key: the loader
refuses those), or extra documents. Only then is the file loaded with the
content loader's YAML reader (imported lazily in `_card_from_yaml`). When the
scanner answers, its card equals the one PyYAML gives. Indented (nested)
content such as the steps is skipped, not parsed: a file whose steps PyYAML
cannot parse may still get a card here, and the full validation after start-up
takes it off the list again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tutor.content.guard import CONTROL_CHARACTERS, UnreadableFile, read_limited


@dataclass(frozen=True)
class LessonCard:
    """A lesson as listed on the home screen."""

    id: str
    title: str
    summary: str
    order: int = 100


def read_cards(root: Path) -> list[LessonCard]:
    """Read id, title, summary and order of every lesson file that parses.

    Files that cannot be read or lack these fields are skipped here; the full
    validation reports them. Only regular files of at most 1 MB are read (a
    FIFO named `x.yaml` is never opened), and a card with a control character
    in a field is left out, as the validation will leave out its lesson.
    """
    folder = root / "lessons"
    if not folder.is_dir():
        return []
    cards = []
    for path in sorted(folder.iterdir()):
        if path.suffix not in (".yaml", ".yml"):
            continue
        try:
            text = read_limited(path).decode("utf-8")
        except (UnreadableFile, UnicodeDecodeError):
            continue
        card = scan_card(text)
        if card is None:
            card = _card_from_yaml(text)
        if card is not None and not CONTROL_CHARACTERS.search(card.id + card.title + card.summary):
            cards.append(card)
    return sorted(cards, key=lambda card: (card.order, card.id))


def _card_from_yaml(text: str) -> LessonCard | None:
    """Return the card PyYAML reads from `text`, or None if the file is skipped.

    The content loader's own YAML reader is used (`tutor.content.yamlfile`), with
    its limits on nesting and aliases: PyYAML's composer would crash the process on
    very deep nesting. It is imported here, not at the top, so start-up does not
    pay for PyYAML when the scanner reads every lesson.
    """
    from tutor.content.errors import ContentError
    from tutor.content.yamlfile import parse_yaml

    try:
        data, _lines = parse_yaml(text, "")
    except ContentError:
        return None
    if not isinstance(data, dict):
        return None
    try:
        return _card(data)
    except _Decline:
        return None


class _Decline(Exception):
    """The scanner is not certain what PyYAML would read."""


_TARGETS = frozenset({"id", "title", "summary", "order"})
_BOM = "\ufeff"
# Characters PyYAML rejects as non-printable, characters that YAML (unlike
# `str.split("\n")`) treats as line breaks (\r, \x85, \u2028, \u2029), and a
# BOM that is not at the very start. (A negated class of the allowed ranges
# would say the same but takes milliseconds to compile.)
_UNSURE_CHAR = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]"
)
_KEY_LINE = re.compile(r"([A-Za-z_][A-Za-z0-9_-]{0,99}):(?: +(.*))?")
_ORDER = re.compile(r"0|[1-9][0-9]*")
_SINGLE_QUOTED = re.compile(r"'((?:[^']|'')*)'")
_BLOCK_HEADER = re.compile(r"[|>](?:[+-]?[1-9]?|[1-9][+-])(?: +#.*)?")
# Block headers the scanner reads for target keys: (folded, keeps the final line break).
_TARGET_BLOCK_HEADERS = {
    ">": (True, True),
    ">-": (True, False),
    "|": (False, True),
    "|-": (False, False),
}
# PyYAML (YAML 1.1) resolves these plain scalars to booleans, null, merge or value.
_NOT_STRINGS = frozenset(
    """yes Yes YES no No NO true True TRUE false False FALSE on On ON off Off OFF
    null Null NULL << =""".split()
)
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
# Plain scalars starting with these may be numbers, null or timestamps to PyYAML.
_NUMBER_START = frozenset("0123456789+-.~")
# Plain scalars PyYAML may resolve to a merge or value tag, a date or a hex or
# binary int, whose construction can fail.
_FAILING_PLAIN = re.compile(r"<<$|=$|[0-9]{4}-|[-+]?0[xb]")

# What the lines after a top-level key may be.
_START = "start"  # before the first key: no indented or `-` lines
_OPEN = "open"  # empty value: nested block or column-0 `-` items may follow
_SEQUENCE = "sequence"  # column-0 `-` items have begun
_NESTED = "nested"  # indented lines are nested content, skipped
_CLOSED = "closed"  # a one-line value: any indented line → decline


@dataclass
class _Scan:
    """State of one scan over the lines of a lesson file."""

    lines: list[str]
    found: dict[str, str | int] = field(default_factory=dict)
    keys: set[str] = field(default_factory=set)
    mode: str = _START
    started: bool = False


def scan_card(text: str) -> LessonCard | None:
    """Read the card from simple top-level YAML lines; None when not certain.

    When this returns a card, PyYAML (with the safe loader) gives the same
    card for `text`, unless PyYAML fails on content the scanner skips.
    """
    try:
        return _scan(text)
    except _Decline:
        return None


def _scan(text: str) -> LessonCard:
    """Scan `text`; raise `_Decline` when not certain."""
    if text.startswith(_BOM):
        text = text[1:]
    text = text.replace("\r\n", "\n")
    if _UNSURE_CHAR.search(text):
        raise _Decline
    scan = _Scan(text.split("\n"))
    index = 0
    while index < len(scan.lines):
        index = _scan_line(scan, index)
    return _card(scan.found)


def _card(found: dict[Any, Any]) -> LessonCard:
    """Build the card from the fields found (by the scanner or PyYAML); decline if any
    is missing or of the wrong type."""
    id_, title, summary = (found.get(key) for key in ("id", "title", "summary"))
    order = found.get("order", 100)
    if not (isinstance(id_, str) and isinstance(title, str) and isinstance(summary, str)):
        raise _Decline
    if type(order) is not int:
        raise _Decline
    return LessonCard(id_, title, summary, order)


def _scan_line(scan: _Scan, index: int) -> int:
    """Interpret the line at `index`; return the index of the next line to scan."""
    line = scan.lines[index]
    if line.strip(" ") == "":
        return index + 1
    if line.lstrip(" ")[0] == "\t":
        raise _Decline  # a tab in the indentation or on a blank line
    if line[0] == " ":
        _indented_line(scan)
        return index + 1
    if line[0] == "#":
        return index + 1
    if "\t" in line:
        raise _Decline
    line = line.rstrip(" ")
    if line == "---" and not scan.started:
        scan.started = True
        return index + 1
    scan.started = True
    if line == "-" or line.startswith("- "):
        _sequence_item(scan)
        return index + 1
    match = _KEY_LINE.fullmatch(line)
    if match is None:
        raise _Decline
    key, value = match.group(1), (match.group(2) or "").lstrip(" ")
    if key in scan.keys:
        raise _Decline  # a duplicate key: the loader refuses the file
    scan.keys.add(key)
    if key not in _TARGETS:
        scan.mode = _other_value_mode(value)
        return index + 1
    if key in scan.found or value == "":
        raise _Decline
    scan.mode = _CLOSED
    if value in _TARGET_BLOCK_HEADERS and key != "order":
        scan.found[key], next_index = _block_scalar(scan.lines, index, value)
        return next_index
    scan.found[key] = _order(value) if key == "order" else _string(value)
    return index + 1


def _indented_line(scan: _Scan) -> None:
    """Accept an indented line only as nested content of a non-target key."""
    if scan.mode == _OPEN:
        scan.mode = _NESTED
    elif scan.mode not in (_NESTED, _SEQUENCE):
        raise _Decline


def _sequence_item(scan: _Scan) -> None:
    """Accept a column-0 `-` item only right under a key with an empty value."""
    if scan.mode == _OPEN:
        scan.mode = _SEQUENCE
    elif scan.mode != _SEQUENCE:
        raise _Decline


def _other_value_mode(value: str) -> str:
    """Check the one-line part of a non-target value; return the mode it leaves."""
    if value == "" or value[0] == "#":
        return _OPEN
    first = value[0]
    if first in "|>":
        if _BLOCK_HEADER.fullmatch(value) is None:
            raise _Decline
        return _NESTED
    if first == '"':
        _double_quoted(value)
    elif first == "'":
        _single_quoted(value)
    elif first in "[{":
        raise _Decline  # flow collections (none at the top of a lesson) go to PyYAML
    elif first in _INDICATORS and not (first in "-?:" and value[1:2] not in ("", " ")):
        raise _Decline  # `-x`, `?x` and `:x` are plain scalars; other indicators are not
    else:
        _check_plain_text(value.split(" #", 1)[0].rstrip(" "))
    return _CLOSED


def _check_plain_text(value: str) -> None:
    """Decline a one-line plain scalar that PyYAML may fail on.

    Such a scalar may end early (`: `) or resolve to a tag SafeLoader cannot
    build: `<<` (merge), `=` (value), a bad date, or `0x_`.
    """
    if ": " in value or value.endswith(":") or _FAILING_PLAIN.match(value):
        raise _Decline


def _order(value: str) -> int:
    """Read `order`: only `0` or a decimal without leading zeros or `_`."""
    if _ORDER.fullmatch(value) is None:
        raise _Decline
    return int(value)


def _string(value: str) -> str:
    """Read a one-line scalar that PyYAML certainly reads as this string."""
    if value[0] == '"':
        return _double_quoted(value)
    if value[0] == "'":
        return _single_quoted(value)
    return _plain_string(value)


def _double_quoted(value: str) -> str:
    """Read `"..."` with no escapes and no inner quote."""
    inner = value[1:-1]
    if len(value) < 2 or value[-1] != '"' or '"' in inner or "\\" in inner:
        raise _Decline
    return inner


def _single_quoted(value: str) -> str:
    """Read `'...'` where `''` stands for one `'`."""
    match = _SINGLE_QUOTED.fullmatch(value)
    if match is None:
        raise _Decline
    return match.group(1).replace("''", "'")


def _plain_string(value: str) -> str:
    """Read a plain one-line scalar that PyYAML resolves to a string."""
    if value[0] in _INDICATORS or value[0] in _NUMBER_START or value in _NOT_STRINGS:
        raise _Decline
    if ": " in value or " #" in value or value.endswith(":"):
        raise _Decline
    return value


def _block_scalar(lines: list[str], index: int, header: str) -> tuple[str, int]:
    """Read a `>`, `>-`, `|` or `|-` block whose body starts after `index`.

    Return the text and the index of the first line after the body. The body
    must be one or more lines of the same indentation with no blank line
    between them; empty lines may only follow it.
    """
    end = index + 1
    while end < len(lines) and (lines[end] == "" or lines[end][0] == " "):
        end += 1
    last = end - 1
    while last > index and lines[last] == "":
        last -= 1
    body = lines[index + 1 : last + 1]
    if not body:
        raise _Decline
    indent = len(body[0]) - len(body[0].lstrip(" "))
    for line in body:
        if line.strip(" ") == "" or "\t" in line:
            raise _Decline
        if len(line) - len(line.lstrip(" ")) != indent:
            raise _Decline
    folded, keep_break = _TARGET_BLOCK_HEADERS[header]
    text = (" " if folded else "\n").join(line[indent:] for line in body)
    if keep_break and last < len(lines) - 1:
        text += "\n"
    return text, end
