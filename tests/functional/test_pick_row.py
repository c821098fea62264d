"""The rows of a question, drawn as one widget: text, height, state, tones, clicks, touch.

The list skips Textual's layout when the rows take as many lines as before (the frame
that shows the verdict is the one a learner waits for), so a mark that makes a text
wrap onto one more line must still make the list taller.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.color import Color

from tutor.ui.widgets.pickrow import PickList

WIDTH = 30

KIOSK_ROWS = """
PickList > .pick-list--row { min-height: 3; padding: 0 2; margin-bottom: 1; }
"""


class RowApp(App[None]):
    CSS = "PickList { width: 30; }"

    def __init__(self, rows: int = 1, css: str = "") -> None:
        super().__init__()
        self.count = rows
        self.extra = css
        self.picked: list[int] = []

    def compose(self) -> ComposeResult:
        yield PickList(self.count)

    def on_mount(self) -> None:
        if self.extra:
            self.stylesheet.add_source(self.extra, read_from=("test", ""))
            self.stylesheet.reparse()
            self.stylesheet.update(self)

    def on_pick_list_picked(self, message: PickList.Picked) -> None:
        self.picked.append(message.number)


def lines(app: App[None]) -> list[str]:
    picks = app.query_one(PickList)
    return [picks.render_line(y).text for y in range(picks.size.height)]


def show(picks: PickList, *rows: dict[str, object]) -> None:
    for row, wanted in zip(picks.rows, rows, strict=True):
        row.show(**{"mark": "", **wanted})  # type: ignore[arg-type]
    picks.redraw()


async def test_a_mark_that_keeps_the_height_is_drawn() -> None:
    app = RowApp()
    async with app.run_test(size=(40, 10)) as pilot:
        picks = app.query_one(PickList)
        show(picks, {"mark": "( )", "text": "Op je maag"})
        await pilot.pause()
        assert picks.size.height == 1
        show(picks, {"mark": "( ) ✓", "text": "Op je maag", "tone": "right"})
        await pilot.pause()
        assert picks.size.height == 1
        assert lines(app)[0].strip() == "1 ( ) ✓ Op je maag"


async def test_a_mark_that_wraps_the_text_makes_the_list_taller() -> None:
    app = RowApp()
    async with app.run_test(size=(40, 10)) as pilot:
        picks = app.query_one(PickList)
        label = "x" * (WIDTH - 2 - len("1 ( ) "))  # exactly one line without a mark
        show(picks, {"mark": "( )", "text": label})
        await pilot.pause()
        assert picks.size.height == 1
        show(picks, {"mark": "( ) ✗", "text": label, "tone": "wrong"})
        await pilot.pause()
        assert picks.size.height == 2
        assert "✗" in "".join(lines(app))
        show(picks, {"mark": "( )", "text": label})  # and back: one line again
        await pilot.pause()
        assert picks.size.height == 1


async def test_the_verdict_tones_are_the_themes_colours() -> None:
    app = RowApp()
    async with app.run_test(size=(40, 10)) as pilot:
        picks = app.query_one(PickList)
        show(picks, {"mark": "( ) ✓", "text": "Goed", "tone": "right"})
        await pilot.pause()
        success = app.theme_variables["success"].lower()
        strip = picks.render_line(0)
        coloured = [s for s in strip if s.text.strip() and s.style and s.style.color]
        assert coloured and all(s.style.color.triplet.hex == success for s in coloured)
        assert all(s.style.bold for s in coloured)


async def test_chosen_used_and_hover_rows_look_different() -> None:
    """Chosen: the primary colour behind it, bold; used: muted text; hover: a lighter row."""
    app = RowApp(rows=3)
    async with app.run_test(size=(40, 10)) as pilot:
        picks = app.query_one(PickList)
        show(
            picks,
            {"mark": "(•)", "text": "Een", "chosen": True},
            {"mark": "1.", "text": "Twee", "used": True},
            {"mark": "( )", "text": "Drie"},
        )
        await pilot.pause()

        def first(y: int):  # type: ignore[no-untyped-def]
            """The style of the row's own text (after its digit and mark)."""
            return next(s.style for s in reversed(list(picks.render_line(y))) if s.text.strip())

        plain, chosen, used = first(2), first(0), first(1)
        primary = Color.parse(app.theme_variables["primary"])
        behind = Color.from_rich_color(plain.bgcolor).blend(primary, 0.4)
        assert Color.from_rich_color(chosen.bgcolor).hex == behind.hex  # $primary 40%
        assert chosen.bold and not plain.bold
        assert used.color != plain.color
        await pilot.hover(PickList, offset=(5, 2))
        await pilot.pause()
        assert first(2).bgcolor != plain.bgcolor  # the row under the mouse
        await pilot.hover(PickList, offset=(5, 1))
        await pilot.pause()
        assert first(2).bgcolor == plain.bgcolor


async def test_a_click_picks_the_row_it_lands_on() -> None:
    app = RowApp(rows=3)
    async with app.run_test(size=(40, 10)) as pilot:
        picks = app.query_one(PickList)
        long = "een tekst die over twee regels loopt"
        show(picks, {"mark": "( )", "text": long}, {"mark": "( )", "text": "b"}, {"text": "c"})
        await pilot.pause()
        assert picks.size.height == 4
        for y, number in ((0, 1), (1, 1), (2, 2), (3, 3)):
            await pilot.click(PickList, offset=(3, y))
            await pilot.pause(0.6)  # no double click
            assert app.picked[-1] == number
        assert app.picked == [1, 1, 2, 3]


async def test_touch_rows_are_tall_centred_and_apart() -> None:
    """With the kiosk's row CSS: 3 lines each, the text in the middle, a blank line between."""
    app = RowApp(rows=2, css=KIOSK_ROWS)
    async with app.run_test(size=(40, 12)) as pilot:
        picks = app.query_one(PickList)
        show(picks, {"mark": "( )", "text": "Ja"}, {"mark": "( )", "text": "Nee"})
        await pilot.pause()
        shown = lines(app)
        assert [line.strip() for line in shown] == ["", "1 ( ) Ja", "", "", "", "2 ( ) Nee", ""]
        assert shown[1].startswith("  1")  # the kiosk's wider padding
        first, second = picks.row_region(1), picks.row_region(2)
        assert first is not None and second is not None
        assert first.height == second.height == 3
        assert second.y - first.bottom == 1
        await pilot.click(PickList, offset=(3, 6))  # the bottom line of row 2 counts
        await pilot.pause()
        await pilot.click(PickList, offset=(3, 3))  # between the rows: nothing
        await pilot.pause()
        assert app.picked == [2]


async def test_hidden_rows_take_no_room() -> None:
    app = RowApp(rows=2)
    async with app.run_test(size=(40, 10)) as pilot:
        picks = app.query_one(PickList)
        show(picks, {"text": "a"}, {"text": "b"})
        picks.rows[0].visible = False
        picks.redraw()
        await pilot.pause()
        assert [line.strip() for line in lines(app)] == ["2 b"]
        assert picks.shown_rows() == [2]
        assert picks.row_region(1) is None
