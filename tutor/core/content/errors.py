"""Problems found in content files, reported as `file:line: message` in Dutch."""

from __future__ import annotations

from dataclasses import dataclass

from tutor.core.content.guard import escape_controls


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in one content file.

    Attributes:
        path: The file, relative to the content root where possible.
        line: 1-based line number (0 when the whole file is meant; then no line is shown).
        message: What is wrong, in Dutch.
        warning: True for a warning: shown, but `tutor lint` does not fail on it.

    `str()` shows control characters of the path and message as visible escapes,
    so a hostile file name or quoted text cannot steer the terminal.
    """

    path: str
    line: int
    message: str
    warning: bool = False

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        kind = "waarschuwing: " if self.warning else ""
        return escape_controls(f"{where}: {kind}{self.message}")


class ContentError(Exception):
    """A content file could not be loaded; carries every problem found in it."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(problem) for problem in problems))
        self.problems = problems
