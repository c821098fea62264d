"""The trainer's address as a participant gives it: `http://host:port/`, or the QR link.

Pure Python (no aiohttp), so `tutor join --url` is checked before anything loads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

MAX_ADDRESS_LENGTH = 300
"""Longer addresses are refused (the trainer's screen shows a short one)."""
_ALLOWED = re.compile(r"[!-~]+")  # printable ASCII, no spaces or control characters
_WILDCARDS = {"0.0.0.0": "127.0.0.1", "::": "[::1]"}


class BadAddress(ValueError):
    """The text is not an http(s) address of a trainer's server."""


@dataclass(frozen=True)
class JoinAddress:
    """Where the trainer's server is, and the code if the link carried one.

    Attributes:
        base: The server's address, ending in "/" (the API paths are added to it).
        code: The six digits of a QR link's `?code=`, or None.
    """

    base: str
    code: str | None = None


def parse_address(text: str) -> JoinAddress:
    """Read a trainer's address; raise `BadAddress` unless it is a plain http(s) address."""
    text = text.strip()
    if not 0 < len(text) <= MAX_ADDRESS_LENGTH or _ALLOWED.fullmatch(text) is None:
        raise BadAddress(text)
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        raise BadAddress(text) from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname or "@" in parts.netloc:
        raise BadAddress(text)
    if port == 0:
        raise BadAddress(text)
    path = parts.path.rstrip("/") + "/"
    codes = parse_qs(parts.query).get("code", [])
    digits = "".join(ch for ch in codes[0] if ch.isdigit())[:6] if codes else ""
    return JoinAddress(f"{scheme}://{parts.netloc}{path}", digits or None)


def announced_address(url: str | None) -> JoinAddress | None:
    """The address a server on this computer announced, as this computer reaches it.

    A server listening on every network (0.0.0.0) is reached on loopback here.
    """
    if url is None:
        return None
    try:
        address = parse_address(url)
    except BadAddress:
        return None
    parts = urlsplit(address.base)
    loopback = _WILDCARDS.get(parts.hostname or "")
    if loopback is None:
        return address
    port = f":{parts.port}" if parts.port else ""
    return JoinAddress(f"{parts.scheme}://{loopback}{port}{parts.path}", address.code)
