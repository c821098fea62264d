"""The feedback after an answer: right or not, why, and the article's own words."""

from __future__ import annotations

from rich.text import Text
from textual.color import Color
from textual.widgets import Static

from tutor.core.quiz import Verdict
from tutor.core.text import common as strings


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


def show_feedback(panel: Static, verdict: Verdict, headline: str | None = None) -> None:
    """Fill and show a feedback panel, coloured by right or wrong, and scroll to it.

    The border's colour is an inline style, not a CSS class: a class change restyles
    the panel through the whole stylesheet, in the frame that must show the verdict.
    """
    panel.update(verdict_text(verdict, headline))
    colour = panel.app.theme_variables["success" if verdict.correct else "error"]
    panel.styles.border_left = ("thick", Color.parse(colour))
    panel.display = True
    panel.call_after_refresh(panel.scroll_visible)
