"""Anonymous kiosk counts: only counts per day, question and part; `tutor stats` shows them."""

from __future__ import annotations

import datetime
import os
import sqlite3
from pathlib import Path

import pytest

from conftest import GOOD_ROOT
from pilot_helpers import answer_current
from tutor.cli import main
from tutor.core.content.loader import load_content
from tutor.kiosk.app import KioskApp
from tutor.kiosk.counting import answer_parts, part_label
from tutor.kiosk.pin import hash_pin
from tutor.store.kiosk_stats import KioskStats, stats_path
from tutor.ui.screens.question import QuestionScreen

GOOD = load_content(GOOD_ROOT)
LESSON = GOOD.lessons[0]
QUIZ = GOOD.quizzes[LESSON.id]
DAY = datetime.date(2025, 3, 4)


def question(kind: str):  # type: ignore[no-untyped-def]
    return next(q for q in QUIZ.questions if q.type == kind)


@pytest.mark.parametrize(
    ("kind", "response", "expected"),
    [
        ("single", frozenset({1}), [(1, False), (2, False)]),
        ("single", frozenset({0}), [(1, True), (2, True)]),
        ("multiple", frozenset({0, 2}), [(1, True), (2, False), (3, False)]),
        ("true_false", False, []),
        ("order", (1, 0, 2), [(1, False), (2, False), (3, True)]),
        ("match", (0, 1), [(1, True), (2, True)]),
        ("evidence", ("animal", "animal"), [(1, True), (2, False)]),
    ],
)
def test_answer_parts(kind: str, response: object, expected: list[tuple[int, bool]]) -> None:
    assert answer_parts(question(kind), response) == expected


def test_part_labels_come_from_the_content() -> None:
    assert part_label(question("single"), 2) == "Op serotonine"
    assert part_label(question("order"), 1) == "Blokkade"
    assert part_label(question("match"), 2) == "rat"
    assert part_label(question("single"), 9) is None


def test_the_store_adds_up_per_day() -> None:
    stats = KioskStats.open()
    for day, ok in ((DAY, True), (DAY, False), (DAY + datetime.timedelta(days=1), True)):
        stats.record(day=day, lesson="les", question="v", correct=ok, parts=[(1, ok)])
    totals = stats.rows()
    assert [(r.part, r.right, r.wrong) for r in totals] == [(0, 2, 1), (1, 2, 1)]
    assert len(stats.rows(per_day=True)) == 4
    assert stats.days() == ("2025-03-04", "2025-03-05")
    stats.close()


async def test_with_stats_only_anonymous_counts_are_stored() -> None:
    stats = KioskStats.open()
    app = KioskApp(content=GOOD, pin=hash_pin("2468"), seed=3, stats=stats, today=lambda: DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("space", "1")
        app.start_quiz(LESSON)
        await pilot.pause()
        for index in range(3):
            assert isinstance(app.screen, QuestionScreen)
            await answer_current(pilot, right=index != 1)
            await pilot.press("enter")
        await pilot.click("#kiosk-done")
    stats.close()

    data = Path(os.environ["TUTOR_DATA_DIR"])
    names = {path.name for path in data.rglob("*") if path.is_file()}
    assert names <= {"kiosk-stats.sqlite3", "kiosk-stats.sqlite3-wal", "kiosk-stats.sqlite3-shm"}
    connection = sqlite3.connect(stats_path())
    tables = connection.execute("SELECT type, name FROM sqlite_master").fetchall()
    assert tables == [("table", "kiosk_counts")]
    columns = [row[1] for row in connection.execute("PRAGMA table_info(kiosk_counts)")]
    assert columns == ["day", "lesson", "question", "part", "right_count", "wrong_count"]
    rows = connection.execute("SELECT * FROM kiosk_counts").fetchall()
    connection.close()
    ids = {q.id for q in QUIZ.questions[:3]}
    assert {row[2] for row in rows} == ids
    for day, lesson, question_id, part, right, wrong in rows:
        assert day == "2025-03-04"  # no time finer than a day
        assert lesson == LESSON.id and question_id in ids  # ids from the content, no free text
        assert isinstance(part, int) and right + wrong == 1
    whole = {row[2]: (row[4], row[5]) for row in rows if row[3] == 0}
    first, second, third = (q.id for q in QUIZ.questions[:3])
    assert whole == {first: (1, 0), second: (0, 1), third: (1, 0)}


def test_stats_command_without_counts(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats"]) == 0
    assert "nog geen tellingen" in capsys.readouterr().out
    assert not stats_path().exists()  # reading never creates anything


def test_stats_command_prints_a_table(capsys: pytest.CaptureFixture[str]) -> None:
    stats = KioskStats.open()
    stats.record(
        day=DAY,
        lesson=LESSON.id,
        question="waarop",
        correct=False,
        parts=answer_parts(question("single"), frozenset({1})),
    )
    stats.record(day=DAY, lesson=LESSON.id, question="verdwenen", correct=True, parts=[(2, True)])
    stats.close()
    assert main(["stats", "--content", str(GOOD_ROOT)]) == 0
    out = capsys.readouterr().out
    assert "2025-03-04 t/m 2025-03-04" in out
    assert LESSON.title in out and "Waarop werkt ketamine?" in out
    assert "hele vraag" in out and "Op serotonine" in out and "100%" in out
    assert "verdwenen" in out and "onderdeel 2" in out  # a question no longer in the quiz
    assert main(["stats", "--per-dag", "--content", str(GOOD_ROOT)]) == 0
    assert "Dag" in capsys.readouterr().out
