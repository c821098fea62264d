"""Problems found in content files, reported as `file:line: message` in Dutch."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in one content file.

    Attributes:
        path: The file, relative to the content root where possible.
        line: 1-based line number (0 when the whole file is meant).
        message: What is wrong, in Dutch.
        warning: True for a warning: shown, but `tutor lint` does not fail on it.
    """

    path: str
    line: int
    message: str
    warning: bool = False

    def __str__(self) -> str:
        kind = "waarschuwing: " if self.warning else ""
        return f"{self.path}:{self.line}: {kind}{self.message}"


class ContentError(Exception):
    """A content file could not be loaded; carries every problem found in it."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(problem) for problem in problems))
        self.problems = problems
