"""`questions_markdown`: the learner's saved questions as a Markdown file (pure function)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from conftest import GOOD_ROOT
from tutor.core.content.loader import load_content
from tutor.core.text import common as strings
from tutor.export.questions import dutch_date, questions_markdown

SHIPPED = load_content()


@dataclass(frozen=True)
class Saved:
    """Shaped like `tutor.store.progress.SavedQuestion`."""

    lesson_id: str
    kind: str
    text: str
    saved_on: datetime.date


def test_questions_are_grouped_per_lesson_in_learning_order() -> None:
    kap = SHIPPED.lesson("ketamine-en-psychotherapie")
    how = SHIPPED.lesson("hoe-werkt-ketamine")
    saved = [
        Saved(kap.id, "provider", kap.actions[0].text, datetime.date(2025, 3, 4)),
        Saved(how.id, "unknown", how.unknowns[1].question, datetime.date(2025, 3, 2)),
        Saved(kap.id, "unknown", kap.unknowns[0].question, datetime.date(2025, 3, 5)),
    ]
    document = questions_markdown(saved, SHIPPED)
    assert document.startswith("# Vragen voor mijn behandelaar\n")
    assert "Neem deze lijst mee naar je volgende afspraak" in document
    assert document.index(f"## {how.title}") < document.index(f"## {kap.title}")
    for question in saved:
        assert question.text in document
    # An open question carries the lesson's explanation; every question its date.
    assert " ".join(how.unknowns[1].explanation.split()) in document
    assert " ".join(kap.unknowns[0].explanation.split()) in document
    assert "Bewaard op 2 maart 2025" in document and "Bewaard op 4 maart 2025" in document
    assert document.count(strings.HELP_LINE) == 2 and document.count(strings.CAUTION) == 2


def test_duplicates_unknown_lessons_and_datetimes_are_handled() -> None:
    how = SHIPPED.lesson("hoe-werkt-ketamine")
    question = how.unknowns[0].question
    saved = [
        Saved(how.id, "unknown", question, datetime.datetime(2025, 1, 9, 12, 0)),
        Saved(how.id, "unknown", f"  {question.upper()} ", datetime.date(2025, 1, 10)),
        Saved("verdwenen-les", "unknown", "Een vraag uit een oude les?", datetime.date(2025, 1, 1)),
    ]
    document = questions_markdown(saved, SHIPPED)
    assert document.count(question) == 1 and question.upper() not in document
    assert "Bewaard op 9 januari 2025" in document
    assert "## Les 'verdwenen-les'" in document
    assert document.index(how.title) < document.index("verdwenen-les")


def test_an_empty_list_says_how_to_save_questions() -> None:
    document = questions_markdown([], load_content(GOOD_ROOT))
    assert "Je hebt nog geen vragen bewaard" in document
    assert strings.HELP_LINE in document and strings.CAUTION in document


def test_dutch_dates_do_not_depend_on_the_locale() -> None:
    assert dutch_date(datetime.date(2025, 12, 31)) == "31 december 2025"
