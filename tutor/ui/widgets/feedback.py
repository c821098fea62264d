"""The feedback after an answer: right or not, why, and the article's own words."""

from __future__ import annotations

from rich.text import Text
from textual.color import Color
from textual.geometry import Size
from textual.strip import Strip
from textual.style import Style
from textual.visual import Visual, visualize
from textual.widget import Widget
from textual.widgets import Static

from tutor.core.quiz import Verdict
from tutor.core.text import common as strings

FeedbackKey = tuple[str | None, bool, tuple[str, ...], tuple[str, ...]]
"""What a feedback panel's text is made of: headline, right or not, feedback, quotes."""


def verdict_text(verdict: Verdict, headline: str | None = None) -> Text:
    """ "Goed!"/"Niet goed.", the feedback lines and the quotes from the article.

    Args:
        verdict: The outcome of the answer.
        headline: Replaces the right/wrong headline (e.g. "you did not answer").
    """
    text = Text()
    if headline is not None:
        text.append(headline, style="bold")
    elif verdict.correct:
        text.append(f"✓ {strings.ANSWER_RIGHT}", style="bold green")
    else:
        text.append(f"✗ {strings.ANSWER_WRONG}", style="bold red")
    for line in verdict.feedback:
        text.append(f"\n{line}")
    text.append(f"\n\n{strings.ANSWER_QUOTE}", style="bold")
    for quote in verdict.quotes:
        text.append(f"\n„{quote}”", style="italic")
    return text


def feedback_key(verdict: Verdict, headline: str | None = None) -> FeedbackKey:
    """Everything `verdict_text` draws on: equal keys give the same text."""
    return (headline, verdict.correct, tuple(verdict.feedback), tuple(verdict.quotes))


class FeedbackPanel(Static):
    """The panel under a question that shows the verdict (`show`).

    Its ten or more lines of text are most of the frame that shows the verdict. A
    screen that can tell the verdict before the learner confirms (the answer is
    complete) calls `prepare`: the lines are then wrapped and drawn ahead, in the
    quiet after a pick, at the widths the panel can have, and the verdict's frame
    only places them. A prepared text that is not shown costs nothing but memory;
    a text shown without being prepared is drawn as any `Static` draws it.
    """

    def __init__(self, *, id: str = "feedback") -> None:  # noqa: A002 (Textual's name)
        super().__init__("", id=id, markup=False)
        self.shown: FeedbackKey | None = None
        self._prepared: tuple[FeedbackKey, dict[tuple[int, Style], list[Strip]]] | None = None
        self.display = False

    def prepare(self, verdict: Verdict, headline: str | None = None) -> None:
        """Wrap and draw the panel's text for `verdict` ahead of `show`."""
        key = feedback_key(verdict, headline)
        if self._prepared is not None and self._prepared[0] == key:
            return
        strips: dict[tuple[int, Style], list[Strip]] = {}
        visual = visualize(self, verdict_text(verdict, headline), markup=False)
        style = self.visual_style
        for width in self._widths():
            strips[width, style] = Visual.to_strips(self, visual, width, None, style)
        self._prepared = (key, strips)

    def _widths(self) -> set[int]:
        """The widths the panel's text may get: with and without the body's scrollbar."""
        parent = self.parent
        if not isinstance(parent, Widget) or not parent.size.width:
            return set()
        gutter = self.styles.gutter.width + self.styles.margin.width
        width = parent.size.width - gutter  # the body's content width, its scrollbar included
        scrollbar = parent.styles.scrollbar_size_vertical
        return {w for w in (width, width - scrollbar) if w > 0}

    def show(self, verdict: Verdict, headline: str | None = None) -> None:
        """Fill and show the panel, coloured by right or wrong, and scroll to it.

        The border's colour is an inline style, not a CSS class: a class change
        restyles the panel through the whole stylesheet, in the frame that must
        show the verdict.
        """
        self.shown = feedback_key(verdict, headline)
        self.update(verdict_text(verdict, headline))
        colour = self.app.theme_variables["success" if verdict.correct else "error"]
        self.styles.border_left = ("thick", Color.parse(colour))
        self.display = True
        self.call_after_refresh(self.scroll_visible)

    @property
    def drawn_ahead(self) -> bool:
        """Whether the text on show was drawn ahead (`prepare`) at the panel's width."""
        return self._ready(self.size.width) is not None

    def _ready(self, width: int) -> list[Strip] | None:
        """The prepared lines of the text shown, at `width`; None if not prepared."""
        prepared = self._prepared
        if prepared is None or prepared[0] != self.shown:
            return None
        return prepared[1].get((width, self.visual_style))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        lines = self._ready(width)
        if lines is None:
            return super().get_content_height(container, viewport, width)
        return len(lines)

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        lines = self._ready(width)
        if lines is None:
            return super().render_line(y)
        return lines[y] if y < len(lines) else Strip.blank(width, self.visual_style.rich_style)
