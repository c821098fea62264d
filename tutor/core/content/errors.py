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
    """

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class ContentError(Exception):
    """A content file could not be loaded; carries every problem found in it."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(problem) for problem in problems))
        self.problems = problems
