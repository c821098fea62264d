"""The content the snapshot tests run on (tests/fixtures/snapshot_content) is valid and
still shows everything the snapshots are meant to show."""

from __future__ import annotations

import pytest

from conftest import SNAPSHOT_ROOT
from tutor.cli import main
from tutor.core.content.lint import lint
from tutor.core.content.loader import load_content
from tutor.core.content.models import QUESTION_TYPES


def test_snapshot_fixture_content_lints_clean(capsys: pytest.CaptureFixture[str]) -> None:
    problems = lint(SNAPSHOT_ROOT)
    assert problems == [], "\n".join(str(p) for p in problems)
    assert main(["lint", "--content", str(SNAPSHOT_ROOT)]) == 0
    assert "in orde" in capsys.readouterr().out


def test_snapshot_fixture_content_exercises_every_feature() -> None:
    content = load_content(SNAPSHOT_ROOT)
    assert len(content.lessons) >= 2
    assert content.glossary is not None and content.glossary.terms  # lessons/begrippen.yaml
    lesson = content.lesson("licht-en-stemming")
    assert {q.type for q in content.quizzes[lesson.id].questions} == set(QUESTION_TYPES)
    assert {step.diagram for step in lesson.steps} >= {"cascade", "timeline"}
    assert lesson.steps[0].evidence is not None  # the first step shows a badge
    assert all(step.evidence_quote for step in lesson.steps if step.evidence)
    assert all(step.trainer_note for step in lesson.steps)
    assert lesson.unknowns and lesson.actions
    group = content.lessons[1]  # the group snapshots' lesson
    assert group.id == "licht-in-de-praktijk"
    assert len(group.steps) >= 4  # test_home_with_mixed_progress reaches step 4
    assert all(step.diagram is None for step in group.steps)  # → never stops in a cascade
    assert group.steps[0].evidence is not None and group.steps[0].trainer_note
    assert content.quizzes[group.id].questions[0].type == "single"  # answered "[0]", "[1]"
