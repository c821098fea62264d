"""The QR code on the projector: segno encodes it, this draws it with half-block characters.

Every character holds two rows of modules ("▀" with the upper module as its
colour and the lower one as its background), always dark on white with a quiet
zone, so it scans whatever the terminal's colours are.
"""

from __future__ import annotations

import segno
from rich.style import Style
from rich.text import Text

DARK = "#000000"
LIGHT = "#ffffff"
BORDER = 3
"""Quiet zone around the code, in modules."""


def qr_text(data: str) -> Text:
    """`data` (a link) as a QR code drawn in text, two module rows per line."""
    code = segno.make_qr(data, error="m")
    rows = [list(row) for row in code.matrix_iter(scale=1, border=BORDER)]
    if len(rows) % 2:
        rows.append([0] * len(rows[0]))
    text = Text(no_wrap=True, overflow="crop")
    styles = {
        (top, bottom): Style(color=DARK if top else LIGHT, bgcolor=DARK if bottom else LIGHT)
        for top in (0, 1)
        for bottom in (0, 1)
    }
    for upper, lower in zip(rows[0::2], rows[1::2], strict=True):
        for top, bottom in zip(upper, lower, strict=True):
            text.append("▀", styles[(int(bool(top)), int(bool(bottom)))])
        text.append("\n")
    text.rstrip()
    return text


def qr_size(data: str) -> tuple[int, int]:
    """Columns and lines `qr_text(data)` takes."""
    width, height = segno.make_qr(data, error="m").symbol_size(scale=1, border=BORDER)
    return int(width), (int(height) + 1) // 2
