"""The top bar: title at the left, counter at the right, one line, whatever their lengths."""

from __future__ import annotations

from textual.app import App, ComposeResult

from tutor.ui.widgets.topbar import TopBar


class BarApp(App[None]):
    def __init__(self, title: str, counter: str) -> None:
        super().__init__()
        self.bar = TopBar(title, counter)

    def compose(self) -> ComposeResult:
        yield self.bar


def top_line(app: App[None]) -> str:
    return "".join(segment.text for segment in app.screen._compositor.render_strips()[0])


async def test_title_left_counter_right_and_the_counter_changes_in_place() -> None:
    app = BarApp("Wat is ketamine?", "Stap 1 van 9")
    async with app.run_test(size=(40, 3)) as pilot:
        line = top_line(app)
        assert line.startswith("Wat is ketamine?")
        assert line.endswith("Stap 1 van 9")
        assert app.bar.title_fits
        app.bar.set_counter("Stap 10 van 12")
        await pilot.pause()
        line = top_line(app)
        assert line.endswith("Stap 10 van 12") and line.startswith("Wat is ketamine?")
        assert len(line) == 40


async def test_a_title_too_long_ends_in_an_ellipsis_and_the_counter_stays_whole() -> None:
    title = "Wat een nieuwe hersenscan-studie liet zien over ketamine"
    app = BarApp(title, "Vraag 12 van 12")
    async with app.run_test(size=(40, 3)):
        line = top_line(app)
        assert line.endswith(" Vraag 12 van 12")
        assert line.startswith(title[:20]) and "…" in line
        assert len(line) == 40
        assert not app.bar.title_fits  # the fit test on shipped content reports it


async def test_no_counter_gives_the_title_the_whole_line() -> None:
    app = BarApp("Ketamine, uitgelegd", "")
    async with app.run_test(size=(19, 3)):
        assert top_line(app) == "Ketamine, uitgelegd"
        assert app.bar.title_fits
