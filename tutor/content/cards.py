"""What the home screen needs from each lesson, read fast without validation.

Validating all content needs pydantic, which costs more start-up time than the
whole home screen. The app shows these cards at once and validates the content
in the background; lessons that fail validation are then taken off the list.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

try:
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # PyYAML without libyaml
    from yaml import SafeLoader  # type: ignore[assignment]


@dataclass(frozen=True)
class LessonCard:
    """A lesson as listed on the home screen."""

    id: str
    title: str
    summary: str
    order: int = 100


def read_cards(root: Path) -> list[LessonCard]:
    """Read id, title, summary and order of every lesson file that parses.

    Files that cannot be read or lack these fields are skipped here; the full
    validation reports them.
    """
    folder = root / "lessons"
    if not folder.is_dir():
        return []
    cards = []
    for path in sorted(folder.iterdir()):
        if path.suffix not in (".yaml", ".yml"):
            continue
        try:
            data = yaml.load(path.read_bytes().decode("utf-8"), Loader=SafeLoader)  # noqa: S506
        except (OSError, UnicodeDecodeError, yaml.YAMLError, ValueError, TypeError, RecursionError):
            continue
        if not isinstance(data, dict):
            continue
        fields = [data.get(key) for key in ("id", "title", "summary")]
        order = data.get("order", 100)
        if all(isinstance(value, str) for value in fields) and type(order) is int:
            cards.append(LessonCard(*fields, order=order))  # type: ignore[arg-type,misc]
    return sorted(cards, key=lambda card: (card.order, card.id))
