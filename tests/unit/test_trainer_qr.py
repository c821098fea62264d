"""The trainer's QR code and the address participants open."""

from __future__ import annotations

import segno

from tutor.group.trainer.qr import BORDER, qr_size, qr_text
from tutor.group.trainer.web import WebOptions, base_url, join_link

LINK = "http://192.168.100.200:8000/?code=123456"


def modules_drawn(data: str) -> list[list[int]]:
    """Read the drawn QR code back into modules: '▀' is the upper one (colour), lower (bg)."""
    text = qr_text(data)
    rows: list[list[int]] = []
    for line in text.split("\n"):
        upper, lower = [], []
        for span in line.spans:
            style = span.style
            assert not isinstance(style, str)
            for _ in range(span.start, span.end):
                assert style.color is not None and style.bgcolor is not None
                upper.append(int(style.color.name == "#000000"))
                lower.append(int(style.bgcolor.name == "#000000"))
        assert set(line.plain) == {"▀"} and len(upper) == len(line.plain)
        rows += [upper, lower]
    return rows


def test_the_drawing_holds_exactly_the_modules_segno_encoded() -> None:
    expected = [
        [int(bool(m)) for m in row]
        for row in segno.make_qr(LINK, error="m").matrix_iter(scale=1, border=BORDER)
    ]
    drawn = modules_drawn(LINK)
    assert drawn[: len(expected)] == expected
    assert all(not any(row) for row in drawn[len(expected) :])  # padding row is light


def test_a_room_link_fits_the_projector_lobby() -> None:
    width, height = qr_size(LINK)
    assert (width, height) == (35, 18)
    assert len(qr_text(LINK).plain.split("\n")) == height


def test_the_address_participants_open() -> None:
    assert base_url(WebOptions(host="127.0.0.1"), 8001) == "http://127.0.0.1:8001/"
    assert base_url(WebOptions(host="::1"), 8000) == "http://[::1]:8000/"
    lan = base_url(WebOptions(host="0.0.0.0"), 8000)
    assert lan.startswith("http://") and lan.endswith(":8000/") and "0.0.0.0" not in lan
    proxied = WebOptions(public_url="https://quiz.example.nl/groep")
    assert base_url(proxied, 8000) == "https://quiz.example.nl/groep/"
    assert join_link("https://quiz.example.nl/groep/", "012345") == (
        "https://quiz.example.nl/groep/?code=012345"
    )
