"""What reaches a participant of a group session, for every position of every shipped lesson.

The hub's `state_for` is the exact text the server writes into a participant's
event stream and `/api/state` answer; the page is the exact HTML `GET /` serves.
Neither may hold a trainer note, another participant's answer, or anything that
gives the right answer away before the reveal (feedback, `correct`, the key, the
article's quotes, or option values that follow the content's order).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tutor.core.content.loader import load_content
from tutor.core.content.models import Lesson, Question, quote_texts
from tutor.core.questions import decode_response, kind_of
from tutor.group.answers import display_order, encode_response
from tutor.group.session import TrainerSession
from tutor.group.web.hub import Hub
from tutor.group.web.server import _shipped, render_page
from tutor.group.wire import SessionContent, cascade_length, wire_form
from tutor.store.group import SQLiteGroupStore

SHIPPED = load_content(None)
LESSONS = [lesson for lesson in SHIPPED.lessons if lesson.steps]
CODE = "482913"


def questions_of(lesson: Lesson) -> list[Question]:
    quiz = SHIPPED.quizzes.get(lesson.id)
    return list(quiz.questions) if quiz else []


def strings_in(data: object) -> Iterator[str]:
    """Every string in a JSON value, keys included."""
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield key
            yield from strings_in(value)
    elif isinstance(data, list):
        for item in data:
            yield from strings_in(item)


def keys_in(data: object) -> set[str]:
    if isinstance(data, dict):
        return set(data) | {k for value in data.values() for k in keys_in(value)}
    if isinstance(data, list):
        return {k for item in data for k in keys_in(item)}
    return set()


def secrets_of(question: Question) -> list[str]:
    """Texts that would give the answer away before the reveal (long enough to be unique)."""
    texts: list[str] = list(quote_texts(question.quotes))
    for option in getattr(question, "options", []):
        texts.append(option.feedback)
    for name in ("feedback_true", "feedback_false", "explanation"):
        if getattr(question, name, None):
            texts.append(getattr(question, name))
    for statement in getattr(question, "statements", []):
        if statement.feedback:
            texts.append(statement.feedback)
    return [" ".join(t.split()) for t in texts if len(t) >= 20]


def visible(text: str) -> str:
    """Whitespace as the check compares it."""
    return " ".join(text.split())


def some_answer(hub: Hub, index: int, pick: int) -> object:
    """A valid answer in the wire form's places, different for different `pick`s."""
    form = hub.content.form(hub.code, index)
    count = len(form.values)
    if form.mode == "one":
        return pick % count
    if form.mode == "many":
        return [pick % count]
    if form.mode == "order":
        return [(p + pick) % count for p in range(count)]
    return [(row + pick) % count for row in range(len(form.rows))]


def walk(session: TrainerSession) -> Iterator[str]:
    """Move the trainer through every stop (cascade links, reveals included); yield a label."""
    yield "lobby"
    while session.next():
        if session.kind == "question":
            yield f"question {session.index} open"
            session.reveal()
            yield f"question {session.index} revealed"
        else:
            yield f"{session.kind} {session.index}.{session.sub}"
    session.end()
    yield "ended"


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.id)
def test_nothing_secret_reaches_a_participant(lesson: Lesson, tmp_path: Path) -> None:
    store = SQLiteGroupStore(tmp_path / "groups.sqlite3")
    questions = questions_of(lesson)
    session = TrainerSession(store, lesson, questions)
    hub = Hub(store, SessionContent(lesson, questions), session.code)
    alone = hub.join("10.0.0.1", session.code, None)
    first = hub.join("10.0.0.2", session.code, None)
    second = hub.join("10.0.0.3", session.code, None)
    notes = [visible(s.trainer_note) for s in lesson.steps if s.trainer_note]
    assert notes, "the shipped lessons have trainer notes to look for"
    seen_kinds: set[str] = set()
    for label in walk(session):
        hub.refresh()
        kind = hub.position.kind if not hub.ended else "ended"
        seen_kinds.add(kind)
        if kind == "question" and not hub.position.revealed:
            index = hub.position.index
            for token, pick in ((first, 0), (second, 1)):
                text = hub.validate_answer(token, index, some_answer(hub, index, pick))[1]
                hub.store.answer_many(hub.code, [(token, index, text)])
                hub._answers[token][index] = text  # as the hub's batch does after storing
        states = {token: hub.state(token) for token in (alone, first, second)}
        for state in states.values():
            texts = [visible(s) for s in strings_in(state)]
            for note in notes:
                assert not any(note in t for t in texts), (label, "trainer note", note)
            question = state["shared"].get("question")  # type: ignore[union-attr]
            if question is not None and not question["revealed"]:
                # An option may quote the article word for word: that text is meant to show.
                shown = [visible(t) for t in strings_in(question["form"])]
                secret = [
                    s
                    for s in secrets_of(questions[question["index"]])
                    if not any(s in t for t in shown)
                ]
                assert not any(s in t for s in secret for t in texts), (label, "feedback")
                assert not {"correct", "key", "quotes", "verdict"} & keys_in(state), label
        # Nobody sees another's answer: the shared part is the same for all, and each
        # participant's own part is what they would see alone with their own answers.
        shared = {json.dumps(s["shared"], sort_keys=True) for s in states.values()}
        assert len(shared) == 1, label
        if kind == "question":
            index = hub.position.index
            mine = {t: states[t]["mine"].get("answer") for t in states}  # type: ignore[union-attr]
            assert mine[alone] is None, label
            assert mine[first] == hub.wire_answer(index, hub._answers[first].get(index))
            assert mine[second] == hub.wire_answer(index, hub._answers[second].get(index))
            assert mine[first] != mine[second], label
    assert {"lobby", "step", "question", "summary", "ended"} <= seen_kinds
    if lesson.unknowns:
        assert "review" in seen_kinds
    store.close()


def test_a_cascade_step_is_walked_link_by_link() -> None:
    """The walk above covers cascade links (`sub`), where a shipped lesson has them."""
    links = [cascade_length(lesson, step) for lesson in LESSONS for step in lesson.steps]
    assert any(links)


def test_the_page_holds_no_lesson_text() -> None:
    page = render_page(_shipped("index.html").decode("utf-8")).decode("utf-8")
    for lesson in LESSONS:
        for step in lesson.steps:
            if step.trainer_note:
                assert visible(step.trainer_note) not in visible(page)
        for question in questions_of(lesson):
            for secret in secrets_of(question):
                assert secret not in visible(page)


QUESTIONS = [
    pytest.param(lesson, index, id=f"{lesson.id}-{index}-{question.type}")
    for lesson in LESSONS
    for index, question in enumerate(questions_of(lesson))
]


@pytest.mark.parametrize(("lesson", "index"), QUESTIONS)
def test_form_values_are_places_on_screen(lesson: Lesson, index: int) -> None:
    """Every value on the wire is the option's place on screen: the content order (right
    option first, items in the right order) does not leak through the numbers."""
    question = questions_of(lesson)[index]
    form = wire_form(question, display_order(CODE, question)).form
    if form["mode"] == "grid":
        for part in ("rows", "choices"):
            assert [item["value"] for item in form[part]] == list(range(len(form[part])))
    else:
        key = "answer" if form["mode"] == "one" else "value"
        options = form["options"]
        assert [option[key] for option in options] == list(range(len(options)))
    assert "correct" not in keys_in(form)


@pytest.mark.parametrize(("lesson", "index"), QUESTIONS)
def test_wire_answers_translate_both_ways(lesson: Lesson, index: int) -> None:
    """The right answer (and any answer) goes from places to the kind's JSON and back."""
    question = questions_of(lesson)[index]
    wire = wire_form(question, display_order(CODE, question))
    kind = kind_of(question)
    right = json.loads(encode_response(kind.right_answer(question), question))
    places = wire.shown(right)
    assert places is not None
    back = decode_response(question, json.dumps(wire.response(places)))
    assert back == kind.right_answer(question)
    assert wire.response(True) is None and wire.response([True]) is None
    assert wire.response(-1) is None and wire.response([len(wire.values)]) is None
