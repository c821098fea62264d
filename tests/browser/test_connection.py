"""Getting stuck is what live-quiz players complain about most. Here the page finds its
way back by itself: after the network drops, after the server restarts on the same port,
after a reload, and when the server no longer knows its token; an answer tapped while
offline is sent once the connection is back, and nobody gets a second slot."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Browser, Page, expect

from browser_helpers import (
    Cable,
    Room,
    ServerProcess,
    Trainer,
    check_layout,
    join_by_link,
    new_context,
    option,
    press,
    token_of,
    wait_until,
)
from tutor.core.text import group as gs
from tutor.group.web import server

T = gs.WEB_TEXTS
RIGHT = "Op je biologische klok"  # question 1 (one)
TICKS = ["Je zit elke ochtend voor een lamp", "Het licht remt melatonine"]  # question 2 (many)


def tap(page: Page, label: str) -> None:
    press(page, option(page, label))


def at_question(page: Page, number: int) -> None:
    expect(page.locator("#where")).to_contain_text(f"Vraag {number} van 8")


def pressed(page: Page, label: str) -> None:
    expect(option(page, label)).to_have_attribute("aria-pressed", "true")


def answer_question_1(page: Page, url: str, code: str, trainer: Trainer) -> str:
    """Join by the QR link, answer the first question (sent); the page's token."""
    join_by_link(page, url, code)
    token = token_of(page, code)
    trainer.go("question", 0)
    at_question(page, 1)
    tap(page, RIGHT)
    expect(page.locator("#status")).to_have_text(T["sent"])
    return token


def test_the_network_drops_and_comes_back(
    room: Room, trainer: Trainer, cable: Cable, phone: Page, shot: Callable[[Page, str], None]
) -> None:
    token = answer_question_1(phone, cable.url, room.code, trainer)

    cable.unplug()  # Wi-Fi gone: the phone knows it (offline), the stream breaks
    phone.context.set_offline(True)
    expect(phone.locator("#conn")).to_have_text(T["lost"])
    check_layout(phone, "lost")
    shot(phone, "lost")
    trainer.go("question", 1)  # the group moves on while this phone is offline
    expect(phone.locator("#where")).to_contain_text("Vraag 1 van 8")
    tap(phone, "Op je maag")  # a tap without a connection waits, then goes by itself
    expect(phone.locator("#status")).to_have_text(T["send_later"])
    cable.plug()
    phone.context.set_offline(False)
    at_question(phone, 2)  # straight to where the group is now
    expect(phone.locator("#conn")).not_to_have_text(T["lost"])
    assert trainer.answer_of(token, 0) == [0]  # the offline tap came too late for that question

    tap(phone, TICKS[0])
    wait_until(lambda: trainer.answer_of(token, 1) == [0])
    trainer.go("question", 0)  # back to the first question: its answer is still there
    at_question(phone, 1)
    pressed(phone, RIGHT)
    expect(phone.locator("#status")).to_have_text(T["sent"])
    assert trainer.participants() == 1


def test_an_answer_tapped_offline_is_sent_when_the_network_is_back(
    room: Room, trainer: Trainer, cable: Cable, phone: Page
) -> None:
    join_by_link(phone, cable.url, room.code)
    token = token_of(phone, room.code)
    trainer.go("question", 1)
    at_question(phone, 2)
    cable.unplug()
    phone.context.set_offline(True)
    expect(phone.locator("#conn")).to_have_text(T["lost"])
    tap(phone, TICKS[0])
    expect(phone.locator("#status")).to_have_text(T["send_later"])
    cable.plug()
    phone.context.set_offline(False)
    expect(phone.locator("#status")).to_have_text(T["sent"])
    wait_until(lambda: trainer.answer_of(token, 1) == [0])


def test_the_stream_breaks_without_the_phone_noticing(
    room: Room, trainer: Trainer, cable: Cable, phone: Page
) -> None:
    """No offline event (say, the Wi-Fi access point lost its uplink): the browser's own
    EventSource retries find the server again once the network is back."""
    join_by_link(phone, cable.url, room.code)
    trainer.go("step", 0)
    expect(phone.locator("#where")).to_contain_text("Stap 1 van 5")
    cable.unplug()
    expect(phone.locator("#conn")).to_have_text(T["lost"])
    trainer.go("step", 2)
    cable.plug()
    expect(phone.locator("#where")).to_contain_text("Stap 3 van 5")
    expect(phone.locator("#conn")).not_to_have_text(T["lost"])


def test_the_server_crashes_and_restarts_on_the_same_port(
    server_process: ServerProcess, trainer: Trainer, phone: Page
) -> None:
    token = answer_question_1(phone, server_process.url, server_process.code, trainer)

    server_process.stop(crash=True)
    expect(phone.locator("#conn")).to_have_text(T["lost"])
    trainer.go("question", 1)
    server_process.start()  # same port: the page's own retries find it
    at_question(phone, 2)
    expect(phone.locator("#conn")).not_to_have_text(T["lost"])
    tap(phone, TICKS[1])
    wait_until(lambda: trainer.answer_of(token, 1) == [1])

    trainer.go("question", 0)
    at_question(phone, 1)
    pressed(phone, RIGHT)
    assert token_of(phone, server_process.code) == token
    assert trainer.participants() == 1


def test_a_reload_keeps_the_answer_and_the_slot(room: Room, trainer: Trainer, phone: Page) -> None:
    join_by_link(phone, room.url, room.code)
    token = token_of(phone, room.code)
    trainer.go("question", 1)
    at_question(phone, 2)
    for label in TICKS:
        tap(phone, label)
    wait_until(lambda: trainer.answer_of(token, 1) == [0, 1])
    expect(phone.locator("#status")).to_have_text(T["sent"])

    phone.reload()  # no tap needed: the page rejoins with the token it kept
    at_question(phone, 2)
    for label in TICKS:
        pressed(phone, label)
    expect(phone.locator("#status")).to_have_text(T["sent"])
    assert "code=" in phone.url

    trainer.reveal()
    expect(phone.locator("#reveal .verdict")).to_have_text(T["right"])
    phone.reload()
    expect(phone.locator("#reveal .verdict")).to_have_text(T["right"])
    pressed(phone, TICKS[0])
    assert token_of(phone, room.code) == token
    assert trainer.participants() == 1


def test_a_token_the_server_forgot_rejoins_by_itself(
    room: Room, trainer: Trainer, phone: Page
) -> None:
    join_by_link(phone, room.url, room.code)
    old = token_of(phone, room.code)
    trainer.go("question", 0)
    at_question(phone, 1)

    phone.context.set_offline(True)
    with trainer.store._write():  # noqa: SLF001 - the store lost this participant
        trainer.store._db.execute("DELETE FROM participants WHERE token = ?", (old,))  # noqa: SLF001
    room.hub._known.discard(old)  # noqa: SLF001 - and so did the server
    phone.context.set_offline(False)  # the stream comes back with 404 unknown: join again

    expect(phone.locator("#conn")).not_to_have_text(T["lost"])
    wait_until(lambda: token_of(phone, room.code) != old)
    tap(phone, RIGHT)
    expect(phone.locator("#status")).to_have_text(T["sent"])
    new = token_of(phone, room.code)
    wait_until(lambda: trainer.answer_of(new, 0) == [0])
    assert trainer.participants() == 1


def test_the_page_says_when_the_trainer_is_away(
    room: Room, trainer: Trainer, phone: Page, shot: Callable[[Page, str], None]
) -> None:
    join_by_link(phone, room.url, room.code)
    trainer.go("step", 0)
    expect(phone.locator("#where")).to_contain_text("Stap 1 van 5")
    room.offset = 60.0  # a minute without the trainer's heartbeat
    expect(phone.locator("#conn")).to_have_text(T["away"])
    check_layout(phone, "away")
    shot(phone, "away")
    room.offset = 0.0
    expect(phone.locator("#conn")).to_be_hidden()


def test_an_answer_sent_twice_counts_once(room: Room, trainer: Trainer, phone: Page) -> None:
    join_by_link(phone, room.url, room.code)
    token = token_of(phone, room.code)
    trainer.go("question", 0)
    at_question(phone, 1)
    # A `one` form's answer is the option's place on screen (see tutor.group.wire).
    body = {"code": room.code, "token": token, "question": 0, "answer": 0}
    for _ in range(2):  # a retry after a lost reply sends the same answer again
        answer = phone.request.post(room.url + "/api/answer", data=body)
        assert answer.status == 200 and answer.json() == {"ok": True, "answer": 0}
    assert trainer.store.answer_count(trainer.code, 0) == 1
    tap(phone, RIGHT)  # tapping the chosen answer again sends nothing new
    tap(phone, RIGHT)
    expect(phone.locator("#status")).to_have_text(T["sent"])
    assert trainer.store.answer_count(trainer.code, 0) == 1


def test_a_busy_server_is_not_hammered(
    room: Room, trainer: Trainer, phone: Page, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(server, "MAX_STREAMS", 0)  # every stream is refused: 503 busy
    streams: list[str] = []
    phone.on("request", lambda request: streams.append(request.url))
    trainer.go("step", 0)
    join_by_link(phone, room.url, room.code, waiting=False)
    expect(phone.locator("#where")).to_contain_text("Stap 1 van 5")  # the state, fetched once
    phone.wait_for_timeout(1500)  # a page that retried at once would have asked dozens of times
    assert len([url for url in streams if "/api/events" in url]) <= 2


def test_the_messages_fit_a_small_phone(
    room: Room,
    trainer: Trainer,
    cable: Cable,
    browser: Browser,
    shot: Callable[[Page, str], None],
) -> None:
    context = new_context(browser, "small")
    page = context.new_page()
    try:
        page.goto(room.url + "/")
        page.get_by_label("Code").fill("000000" if room.code != "000000" else "000001")
        press(page, page.get_by_role("button", name="Meedoen"))
        expect(page.get_by_role("alert")).to_contain_text("Er is geen sessie met code")
        check_layout(page, "wrong-code")
        shot(page, "wrong-code")
        join_by_link(page, cable.url, room.code)
        trainer.go("question", 5)  # the longest view: a grid
        at_question(page, 6)
        room.offset = 60.0
        expect(page.locator("#conn")).to_have_text(T["away"])
        check_layout(page, "away")
        room.offset = 0.0
        expect(page.locator("#conn")).to_be_hidden()
        cable.unplug()
        expect(page.locator("#conn")).to_have_text(T["lost"])
        check_layout(page, "lost")
        shot(page, "lost")
        cable.plug()
        expect(page.locator("#conn")).not_to_have_text(T["lost"])
    finally:
        context.close()
