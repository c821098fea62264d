"""`hold_width`: a button that will get a longer label is wide enough for it from the start."""

from __future__ import annotations

from textual.app import App, ComposeResult

from tutor.ui.frame import action_button, hold_width

SHORT, LONG = "Kort", "Een veel langer label"


class OneButton(App[None]):
    def compose(self) -> ComposeResult:
        yield action_button(SHORT, "nothing", id="b")


async def test_the_longer_label_fits_without_a_new_layout() -> None:
    app = OneButton()
    async with app.run_test(size=(60, 5)) as pilot:
        button = app.query_one("#b")
        hold_width(button, SHORT, LONG)  # type: ignore[arg-type]
        await pilot.pause()
        width = button.region.width
        assert button.content_region.width >= len(LONG)
        button.label = LONG  # type: ignore[attr-defined]
        await pilot.pause()
        assert button.region.width == width
        assert LONG in "".join(s.text for s in app.screen._compositor.render_strips()[0])


async def test_a_wider_stylesheet_minimum_is_kept() -> None:
    app = OneButton()
    async with app.run_test(size=(60, 5)) as pilot:
        button = app.query_one("#b")
        button.styles.min_width = 40
        hold_width(button, SHORT, LONG)  # type: ignore[arg-type]
        await pilot.pause()
        assert button.region.width == 40
