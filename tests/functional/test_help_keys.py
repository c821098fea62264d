"""Help dialogs built from the screens' BINDINGS, so keys are typed only once."""

from __future__ import annotations

from pathlib import Path

from conftest import GOOD_ROOT
from tutor.core.content.loader import load_content
from tutor.core.text import group as gs
from tutor.group.trainer.app import TrainerApp
from tutor.group.trainer.screens.question import TrainerQuestionScreen
from tutor.store.group import SQLiteGroupStore
from tutor.ui.dialogs.help import HelpScreen, key_table

GOOD = load_content(GOOD_ROOT)


async def test_trainer_help_lists_the_question_screens_bindings(tmp_path: Path) -> None:
    store = SQLiteGroupStore(tmp_path / "groups.sqlite3")
    trainer = TrainerApp(content=GOOD, lesson_id="mini-les", store=store)
    async with trainer.run_test(size=(120, 35)) as pilot:
        while not isinstance(trainer.screen, TrainerQuestionScreen):
            await pilot.press("right")
            await pilot.pause()
        question = trainer.screen
        expected = key_table(question)
        assert expected[:4] == [
            ("r", "Onthul"),
            ("b", "Bespreek"),
            ("x", "Handstem weg"),
            ("1-9", "Handen tellen"),
        ]
        assert ("→ / Enter / spatie", "Verder") in expected
        assert ("q / Ctrl+Q", "Stoppen") in expected and ("?", "Hulp") in expected
        # Textual's own bindings (focus, copy, scrolling) are not the trainer's keys.
        assert not any("Focus" in meaning or "Scroll" in meaning for _, meaning in expected)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(trainer.screen, HelpScreen)
        assert trainer.screen.heading == gs.TRAINER_HELP_TITLE
        assert trainer.screen.rows == expected
        await pilot.press("escape")
        assert trainer.screen is question
