"""A question row redrawn after the verdict: the mark shows, and its height follows its text.

The row skips Textual's layout when the new text takes as many lines as the old one
(the frame that shows the verdict is the one a learner waits for), so a mark that makes
the text wrap onto one more line must still make the row taller.
"""

from __future__ import annotations

from textual.app import App, ComposeResult

from tutor.ui.widgets.pickrow import PickRow

WIDTH = 30


class RowApp(App[None]):
    CSS = "PickRow { width: 30; height: auto; }"

    def compose(self) -> ComposeResult:
        yield PickRow(1)


def _text_on_screen(app: App[None]) -> str:
    return "\n".join(
        "".join(segment.text for segment in app.screen.get_widget_at(0, 0)[0].render_line(y))
        for y in range(app.query_one(PickRow).size.height)
    )


async def test_a_mark_that_keeps_the_height_is_drawn() -> None:
    app = RowApp()
    async with app.run_test(size=(40, 10)) as pilot:
        row = app.query_one(PickRow)
        row.show("( )", "Op je maag")
        await pilot.pause()
        assert row.size.height == 1
        row.show("( ) ✓", "Op je maag", tone="right")
        await pilot.pause()
        assert row.size.height == 1
        assert "( ) ✓ Op je maag" in _text_on_screen(app)


async def test_a_mark_that_wraps_the_text_makes_the_row_taller() -> None:
    app = RowApp()
    async with app.run_test(size=(40, 10)) as pilot:
        row = app.query_one(PickRow)
        label = "x" * (WIDTH - len("1 ( ) "))  # exactly one line without a mark
        row.show("( )", label)
        await pilot.pause()
        assert row.size.height == 1
        row.show("( ) ✗", label, tone="wrong")
        await pilot.pause()
        assert row.size.height == 2
        assert "✗" in _text_on_screen(app)
        row.show("( )", label)  # and back: one line again
        await pilot.pause()
        assert row.size.height == 1


async def test_the_verdict_tones_are_the_themes_colours() -> None:
    app = RowApp()
    async with app.run_test(size=(40, 10)) as pilot:
        row = app.query_one(PickRow)
        row.show("( ) ✓", "Goed", tone="right")
        await pilot.pause()
        success = app.theme_variables["success"].lower()
        strip = row.render_line(0)
        coloured = [s for s in strip if s.text.strip() and s.style and s.style.color]
        assert coloured and all(s.style.color.triplet.hex == success for s in coloured)
        assert all(s.style.bold for s in coloured)
