"""The feedback after an answer: right or not, why, and the article's own words."""

from __future__ import annotations

from rich.text import Text
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
    """Fill and show a feedback panel, coloured by right or wrong, and scroll to it."""
    panel.update(verdict_text(verdict, headline))
    panel.display = True
    panel.set_class(verdict.correct, "-right")
    panel.set_class(not verdict.correct, "-wrong")
    panel.call_after_refresh(panel.scroll_visible)
