"""A code that does not lead to the session gets the server's own clear Dutch message:
a mistyped code, a code that is not six digits, too many wrong codes (429), a session
that has ended or expired. The page never sends a participant into a dead end."""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import Page, expect

from browser_helpers import Room, Trainer, check_layout, join_by_link, press, wait_until
from tutor.core.text import group as gs
from tutor.group.web.hub import MAX_FAILED_CODES
from tutor.store.group import SESSION_LIFETIME

T = gs.WEB_TEXTS
KEEP_STREAMS = """
(() => {
  const Real = window.EventSource;
  window.__streams = [];
  window.EventSource = class extends Real {
    constructor(url, init) { super(url, init); window.__streams.push(this); }
  };
})();
"""


def type_code(page: Page, code: str) -> None:
    page.get_by_label("Code").fill(code)
    press(page, page.get_by_role("button", name="Meedoen"))


def refused(page: Page, message: str) -> None:
    expect(page.get_by_role("alert")).to_have_text(message)
    expect(page.get_by_label("Code")).to_have_attribute("aria-invalid", "true")


def other_code(code: str) -> str:
    return f"{(int(code) + 1) % 1_000_000:06d}"


def test_a_wrong_code_and_then_the_right_one(
    room: Room, trainer: Trainer, desktop: Page, shot: Callable[[Page, str], None]
) -> None:
    desktop.goto(room.url + "/")
    expect(desktop.get_by_label("Code")).to_have_value("")
    type_code(desktop, "12 34")
    refused(desktop, gs.JOIN_BAD_CODE)
    wrong = other_code(room.code)
    type_code(desktop, wrong)
    refused(desktop, gs.JOIN_UNKNOWN.format(code=wrong))
    check_layout(desktop, "wrong-code")
    shot(desktop, "wrong-code")
    type_code(desktop, f"{room.code[:3]} {room.code[3:]}")  # spaces are fine
    expect(desktop.locator("#view")).to_contain_text(T["waiting"])
    assert trainer.participants() == 1


def test_too_many_wrong_codes(room: Room, phone: Page, shot: Callable[[Page, str], None]) -> None:
    phone.goto(room.url + "/")
    wrong = other_code(room.code)
    for _ in range(MAX_FAILED_CODES):
        answer = phone.request.post(room.url + "/api/join", data={"code": wrong})
        assert answer.status == 404
    type_code(phone, room.code)  # even the right code waits now: guesses are limited
    refused(phone, gs.WEB_TOO_MANY_TRIES)
    check_layout(phone, "limited")
    shot(phone, "limited")


def test_an_ended_session(
    room: Room, trainer: Trainer, phone: Page, desktop: Page, shot: Callable[[Page, str], None]
) -> None:
    phone.add_init_script(KEEP_STREAMS)
    join_by_link(phone, room.url, room.code)
    trainer.end()
    expect(phone.locator("#view")).to_contain_text(T["end_ended"])
    # The page closed its stream itself (else the browser would keep reconnecting).
    assert phone.evaluate("() => window.__streams.every((s) => s.readyState === 2)")
    expect(phone.locator("#conn")).to_be_hidden()
    desktop.goto(f"{room.url}/?code={room.code}")  # a late scan of the QR code
    press(desktop, desktop.get_by_role("button", name="Meedoen"))
    refused(desktop, gs.JOIN_ENDED.format(code=room.code))
    shot(desktop, "ended-code")


def test_an_expired_session(room: Room, trainer: Trainer, phone: Page, desktop: Page) -> None:
    join_by_link(phone, room.url, room.code)
    trainer.go("step", 0)
    expect(phone.locator("#where")).to_contain_text("Stap 1 van 5")
    room.offset = SESSION_LIFETIME + 60
    wait_until(lambda: room.hub.expired)
    expect(phone.locator("#view h2")).to_have_text(T["end_title"])  # the joined page ends
    desktop.goto(f"{room.url}/?code={room.code}")
    press(desktop, desktop.get_by_role("button", name="Meedoen"))
    refused(desktop, gs.JOIN_EXPIRED.format(code=room.code))


def test_no_server_to_reach(room: Room, phone: Page) -> None:
    phone.goto(f"{room.url}/?code={room.code}")
    room.stop()  # say, the phone is on another network than the trainer's laptop
    press(phone, phone.get_by_role("button", name="Meedoen"))
    refused(phone, T["no_server"])
    check_layout(phone, "no-server")
