"""On the wire: everything a participant's browser receives (the page, its script and
style, every JSON answer and every pushed state) never holds a trainer note, another
participant's answer or token, or before the reveal which option is right or why."""

from __future__ import annotations

import json
import urllib.request

from playwright.sync_api import Page, Response, expect

from browser_helpers import Room, Trainer, join_by_link, press, token_of
from tutor.group.wire import SessionContent

RECORD_EVENTS = """
(() => {
  const Real = window.EventSource;
  window.__pushed = [];
  window.EventSource = class extends Real {
    constructor(url, init) {
      super(url, init);
      this.addEventListener("state", (event) => window.__pushed.push(event.data));
    }
  };
})();
"""
"""Keeps a copy of every pushed state's data (an init script: not subject to the page's CSP)."""


def post(url: str, body: dict[str, object]) -> dict[str, object]:
    request = urllib.request.Request(
        url, json.dumps(body).encode(), {"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        answer: dict[str, object] = json.loads(response.read())
    return answer


def secrets_of(content: SessionContent) -> list[str]:
    """Texts only the trainer, or only the reveal, may show."""
    found = [step.trainer_note for step in content.lesson.steps if step.trainer_note]

    def walk(value: object) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if key in ("feedback", "feedback_true", "feedback_false", "explanation"):
                    if isinstance(item, str) and item.strip():
                        found.append(item)
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for question in content.questions:
        walk(question.model_dump())
    return found


def test_nothing_secret_reaches_the_browser(
    room: Room, trainer: Trainer, content: SessionContent, phone: Page
) -> None:
    responses: list[Response] = []
    phone.on("response", lambda response: responses.append(response))
    phone.add_init_script(RECORD_EVENTS)
    join_by_link(phone, room.url, room.code)
    mine = token_of(phone, room.code)
    other = post(room.url + "/api/join", {"code": room.code})["token"]

    for index in range(len(content.lesson.steps)):
        trainer.go("step", index)
        expect(phone.locator("#where")).to_contain_text(f"Stap {index + 1} van")
    for index in range(len(content.questions)):
        trainer.go("question", index)
        expect(phone.locator("#where")).to_contain_text(f"Vraag {index + 1} van")
        # Another participant answers first, with the first option's whole answer.
        shown = json.loads(phone.evaluate("() => window.__pushed.at(-1)"))
        theirs = _some_answer(shown["shared"]["question"]["form"])
        body = {"code": room.code, "token": other, "question": index, "answer": theirs}
        assert post(room.url + "/api/answer", body)["ok"] is True
        # This participant taps the last button of the question (never revealed).
        think = phone.locator("#view .primary:visible")  # teach-back: "Toon het antwoord"
        if think.count():
            press(phone, think)
        press(phone, phone.locator("#view .option:visible").last)

    pushed: list[str] = phone.evaluate("() => window.__pushed")
    bodies = [
        response.text()
        for response in responses
        if "text/event-stream" not in (response.headers.get("content-type") or "")
    ]
    received = pushed + bodies
    assert len(pushed) > len(content.lesson.steps) + len(content.questions)
    assert any("<html" in body for body in bodies) and any("EventSource" in b for b in bodies)
    everything = "\n".join(received)
    for secret in secrets_of(content):
        assert secret not in everything, secret
    assert str(other) not in everything
    for data in pushed:
        state = json.loads(data)
        assert set(state["mine"]) <= {"answer"}, state["mine"]
        question = state["shared"].get("question")
        if question is not None:
            assert set(question) == {"index", "prompt", "form", "revealed"}, question
            assert question["revealed"] is False
        for forbidden in ('"correct"', '"verdict"', '"key"', '"quotes"', "tally", "count"):
            assert forbidden not in data, forbidden
    assert mine not in "\n".join(pushed)

    # The recording does see what the reveal sends: the checks above would have caught it.
    trainer.reveal()
    expect(phone.locator("#reveal .verdict")).to_be_visible()
    last = json.loads(phone.evaluate("() => window.__pushed.at(-1)"))
    assert "verdict" in last["mine"] and "key" in last["shared"]["question"]


def _some_answer(form: dict[str, object]) -> object:
    """A valid answer for any form mode: the first option, or every row's first choice."""
    mode = form["mode"]
    if mode == "one":
        return form["options"][0]["answer"]  # type: ignore[index]
    if mode == "many":
        return [form["options"][0]["value"]]  # type: ignore[index]
    if mode == "order":
        return [option["value"] for option in form["options"]]  # type: ignore[attr-defined]
    rows, choices = form["rows"], form["choices"]
    if form.get("unique"):
        return [choice["value"] for choice in choices][: len(rows)]  # type: ignore[arg-type]
    return [choices[0]["value"]] * len(rows)  # type: ignore[index, arg-type]
