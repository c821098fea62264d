"""Layer 1 for group sessions: the shared store, response JSON, tallies and the summary."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import GOOD_ROOT, PROJECT
from tutor.core.content.loader import load_content
from tutor.core.content.models import Question
from tutor.core.quiz import check
from tutor.group.answers import (
    answer_key,
    decode_response,
    display_order,
    encode_response,
    summarise,
    summary_markdown,
    tally_groups,
)
from tutor.group.session import TrainerSession
from tutor.store.group import (
    MAX_RESPONSE_BYTES,
    SESSION_LIFETIME,
    AnswerClosed,
    EndedSession,
    ExpiredSession,
    InvalidInput,
    SQLiteGroupStore,
    UnknownSession,
    normalise_code,
)
from tutor.ui.widgets.questions import make_view

GOOD = load_content(GOOD_ROOT)
LESSON = GOOD.lesson("mini-les")
QUESTIONS = GOOD.quizzes["mini-les"].questions


def by_type(kind: str) -> Question:
    return next(q for q in QUESTIONS if q.type == kind)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(tmp_path: Path, clock: Clock) -> SQLiteGroupStore:
    return SQLiteGroupStore(tmp_path / "groups.sqlite3", clock=clock)


def test_session_code_position_and_wal(store: SQLiteGroupStore) -> None:
    code = store.create_session("mini-les")
    assert len(code) == 6 and code.isdigit()
    mode = store._db.execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"
    position = store.position(code)
    assert (position.lesson_id, position.kind, position.index) == ("mini-les", "lobby", 0)
    store.set_position(code, "question", 2, discuss=True)
    position = store.position(code)
    assert (position.kind, position.index, position.discuss, position.revealed) == (
        "question",
        2,
        True,
        False,
    )
    store.set_position(code, "question", 2, revealed=True)
    assert store.position(code).revealed
    store.set_position(code, "question", 3)
    assert not store.position(code).revealed
    store.set_position(code, "question", 2)
    assert store.position(code).revealed, "a reveal stays for good"


def test_codes_are_unique_among_live_sessions(
    store: SQLiteGroupStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    numbers = iter([42, 42, 43])
    monkeypatch.setattr("tutor.store.group.secrets.randbelow", lambda _: next(numbers))
    assert store.create_session("a") == "000042"
    assert store.create_session("b") == "000043"


def test_second_process_sees_the_same_session(tmp_path: Path) -> None:
    one = SQLiteGroupStore(tmp_path / "g.sqlite3")
    two = SQLiteGroupStore(tmp_path / "g.sqlite3")
    code = one.create_session("mini-les")
    token = two.join(code)
    two.answer(code, token, 0, "[0]")
    assert one.answer_count(code, 0) == 1
    assert one.present_count(code) == 1


def test_wrong_expired_and_ended_codes(store: SQLiteGroupStore, clock: Clock) -> None:
    with pytest.raises(InvalidInput):
        normalise_code("12345")
    with pytest.raises(InvalidInput):
        store.join("abcdef")
    assert normalise_code(" 123 456 ") == "123456"
    with pytest.raises(UnknownSession):
        store.join("999999" if store.create_session("x") != "999999" else "999998")
    code = store.create_session("mini-les")
    store.end_session(code)
    with pytest.raises(EndedSession):
        store.join(code)
    assert store.position(code).ended
    live = store.create_session("mini-les")
    clock.now += SESSION_LIFETIME + 1
    with pytest.raises(ExpiredSession):
        store.position(live)
    store.create_session("other")  # purges what expired
    with pytest.raises(UnknownSession):
        store.position(live)


def test_activity_keeps_a_session_alive(store: SQLiteGroupStore, clock: Clock) -> None:
    code = store.create_session("mini-les")
    clock.now += SESSION_LIFETIME * 0.9
    store.set_position(code, "step", 1)
    clock.now += SESSION_LIFETIME * 0.9
    assert store.position(code).kind == "step"


def test_one_answer_per_participant_changeable_until_reveal(store: SQLiteGroupStore) -> None:
    code = store.create_session("mini-les")
    anna, bob = store.join(code), store.join(code)
    assert anna != bob
    store.answer(code, anna, 0, "[0]")
    store.answer(code, anna, 0, "[1]")  # changes, does not add
    store.answer(code, bob, 0, "[1]")
    assert store.answer_count(code, 0) == 2
    assert store.tally(code, 0) == {"[1]": 2}
    store.withdraw(code, bob, 0)
    assert store.tally(code, 0) == {"[1]": 1}
    store.set_position(code, "question", 0, revealed=True)
    with pytest.raises(AnswerClosed):
        store.answer(code, anna, 0, "[0]")
    with pytest.raises(AnswerClosed):
        store.withdraw(code, anna, 0)
    assert store.tally(code, 0) == {"[1]": 1}
    with pytest.raises(UnknownSession):
        store.answer(code, "not-a-participant", 1, "[0]")


def test_input_is_bounded(store: SQLiteGroupStore) -> None:
    code = store.create_session("mini-les")
    token = store.join(code)
    with pytest.raises(InvalidInput):
        store.answer(code, token, 0, "[" + "1," * MAX_RESPONSE_BYTES + "1]")
    with pytest.raises(InvalidInput):
        store.answer(code, token, 10_000, "[0]")
    with pytest.raises(InvalidInput):
        store.answer(code, "x" * 100, 0, "[0]")
    with pytest.raises(InvalidInput):
        store.create_session("x" * 100)
    with pytest.raises(InvalidInput):
        store.add_hand(code, 0, 9)
    with pytest.raises(InvalidInput):
        store.announce_address("http://" + "x" * 300)


def test_hands_add_and_remove(store: SQLiteGroupStore) -> None:
    code = store.create_session("mini-les")
    store.add_hand(code, 0, 1)
    store.add_hand(code, 0, 1)
    store.add_hand(code, 0, 0)
    store.add_hand(code, 0, 0, -1)
    store.add_hand(code, 0, 2, -1)  # never below zero
    assert store.hands(code, 0) == {1: 2}


def test_announced_address_goes_stale(store: SQLiteGroupStore, clock: Clock) -> None:
    assert store.announced_address() is None
    store.announce_address("http://127.0.0.1:8123")
    assert store.announced_address() == "http://127.0.0.1:8123"
    clock.now += 60
    assert store.announced_address() is None
    store.announce_address("http://127.0.0.1:8123")
    store.withdraw_address("http://127.0.0.1:8123")
    assert store.announced_address() is None


@pytest.mark.parametrize("question", QUESTIONS, ids=[q.id for q in QUESTIONS])
def test_response_json_round_trip_and_shared_order(question: Question) -> None:
    view = make_view(question, random.Random(f"123456:{question.id}"))
    order = display_order("123456", question)
    assert getattr(view, "order", [0, 1]) == order
    # A right response in quiz form survives the JSON round trip.
    right: object
    if question.type in ("single", "multiple"):
        right = frozenset(i for i, o in enumerate(question.options) if o.correct)  # type: ignore[union-attr]
    elif question.type == "true_false":
        right = question.answer  # type: ignore[union-attr]
    elif question.type == "evidence":
        right = tuple(s.level for s in question.statements)  # type: ignore[union-attr]
    else:
        right = tuple(range(len(order)))
    text = encode_response(right)
    json.loads(text)
    back = decode_response(question, text)
    assert back == right
    assert check(question, back).correct


def test_decode_refuses_what_does_not_fit() -> None:
    single, order = by_type("single"), by_type("order")
    assert decode_response(single, "[0,1]") is None
    assert decode_response(single, "[7]") is None
    assert decode_response(single, "not json") is None
    assert decode_response(single, "[true]") is None
    assert decode_response(order, "[0,0,1]") is None
    assert decode_response(by_type("true_false"), "1") is None
    assert decode_response(by_type("evidence"), '["animal","nope"]') is None


def test_tally_hides_the_right_answer_until_revealed() -> None:
    question = by_type("single")
    order = display_order("123456", question)
    counts = {"[0]": 2, "[1]": 1}
    hidden = tally_groups(question, order, counts, {1: 2}, revealed=False)
    assert all(bar.correct is None for bar in hidden[0].bars)
    shown = tally_groups(question, order, counts, {1: 2}, revealed=True)
    by_label = {bar.label.split("  ", 1)[1]: bar for bar in shown[0].bars}
    assert by_label["Op glutamaat"].count == 2 and by_label["Op glutamaat"].correct
    assert by_label["Op serotonine"].count == 3 and by_label["Op serotonine"].correct is False
    labels = [bar.label for bar in shown[0].bars]
    assert [label.split("  ")[0] for label in labels] == ["1", "2"]


def test_tally_of_order_and_evidence_questions() -> None:
    order_q = by_type("order")
    groups = tally_groups(order_q, [0, 1, 2], {"[0,1,2]": 2, "[1,0,2]": 1}, {}, revealed=True)
    assert [(bar.count, bar.correct) for bar in groups[0].bars] == [(2, True), (1, False)]
    evidence = by_type("evidence")
    groups = tally_groups(evidence, [0, 1], {'["animal","unknown"]': 1}, {}, revealed=False)
    assert len(groups) == 2 and all(len(g.bars) == 4 for g in groups)


def test_summary_counts_devices_and_hands_without_names() -> None:
    single = by_type("single")
    row = summarise(1, single, {"[0]": 1, "[1]": 2}, {1: 1, 0: 3})
    assert (row.answered, row.right) == (7, 4)
    assert (row.most_wrong, row.most_wrong_count) == ("Op serotonine", 3)
    multiple = by_type("multiple")
    row = summarise(2, multiple, {"[0,1]": 1, "[0,2]": 1}, {2: 4})
    assert (row.answered, row.right, row.most_wrong) == (2, 1, "Het werkt pas na weken")
    empty = summarise(3, by_type("order"), {}, {})
    assert (empty.answered, empty.right, empty.most_wrong) == (0, 0, None)
    text = summary_markdown("Een | kleine les", [row, empty], "2025-01-01 10:00")
    assert "| Vraag | Beantwoord | Goed | Vaakst gekozen fout |" in text
    assert "Een \\| kleine les" in text
    assert "113" in text and "geen medisch advies" in text


def test_answer_key_numbers_follow_the_display_order() -> None:
    question = by_type("single")
    lines = answer_key(question, [1, 0])
    assert lines[0].startswith("1 ✗ Op serotonine") and lines[2].startswith("2 ✓ Op glutamaat")


def test_trainer_session_walks_and_publishes(store: SQLiteGroupStore) -> None:
    session = TrainerSession(store, LESSON, QUESTIONS)
    stops = [(session.kind, session.index)]
    while session.next():
        stops.append((session.kind, session.index))
        assert store.position(session.code).kind == session.kind
    assert stops[0] == ("lobby", 0) and stops[-1] == ("summary", 0)
    assert len(stops) == 1 + len(LESSON.steps) + len(QUESTIONS) + len(LESSON.unknowns) + 1
    assert not session.next()
    while session.previous():
        pass
    assert (session.kind, session.index) == ("lobby", 0)
    assert not session.reveal() and not session.add_hand(1)


def test_trainer_hands_only_for_choice_questions(store: SQLiteGroupStore) -> None:
    session = TrainerSession(store, LESSON, QUESTIONS)
    while session.kind != "question":
        session.next()
    assert session.add_hand(1) and session.add_hand(2) and not session.add_hand(3)
    assert session.answer_count() == (2, 2)
    assert session.remove_hand()
    assert session.answer_count() == (1, 1)
    assert session.reveal()
    assert not session.add_hand(1), "no votes after the reveal"
    while session.question is not None and session.question.type != "order":
        session.next()
    assert not session.add_hand(1)


def test_tally_of_match_questions_per_term() -> None:
    match = by_type("match")
    groups = tally_groups(match, [1, 0], {"[0,1]": 2, "[1,0]": 1}, {}, revealed=True)
    assert [group.title for group in groups] == ["glutamaat", "rat"]
    first = groups[0].bars  # meanings in display order: 1 = proefdier, 2 = signaalstof
    assert [(bar.count, bar.correct) for bar in first] == [(1, False), (2, True)]


def test_group_logic_and_store_do_not_import_textual() -> None:
    code = (
        "import sys\n"
        "import tutor.store.group, tutor.group.answers, tutor.group.session\n"
        "import tutor.group.commands, tutor.core.text.group\n"
        "sys.exit(1 if any(m.split('.')[0] == 'textual' for m in sys.modules) else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=PROJECT, check=False)
    assert result.returncode == 0
