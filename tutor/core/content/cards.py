"""What the home screen needs from each lesson, read fast without validation.

Validating all content needs pydantic, which costs more start-up time than the
whole home screen. The app shows these cards at once and validates the content
in the background; lessons that fail validation are then taken off the list.

Even PyYAML is too slow for start-up, so the cards are kept in a JSON cache in
`tutor.core.paths.cache_dir()`, per lesson file with its size and modification
time. Only a file that is new or changed is read, with the loader's own YAML
reader (imported only then). A missing, corrupt or unwritable cache just means
the files are read again.
"""

from __future__ import annotations

import json
import os
from contextlib import suppress
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from tutor.core import paths

GLOSSARY_FILE = "begrippen"
"""The shared glossary `lessons/begrippen.yaml`: in the lessons folder, but no lesson."""


def is_glossary_file(path: Path) -> bool:
    """True for the shared glossary (`lessons/begrippen.yaml` or `.yml`)."""
    return path.stem == GLOSSARY_FILE and path.suffix in (".yaml", ".yml")


@dataclass(frozen=True)
class LessonCard:
    """A lesson as listed on the home screen."""

    id: str
    title: str
    summary: str
    order: int = 100


CACHE_FILE = "cards.json"
_CACHE_VERSION = 1
# Per lesson file name: ([size, mtime in ns], its card or None when it has none).
_Entries = dict[str, tuple[list[int], LessonCard | None]]


def read_cards(root: Path) -> list[LessonCard]:
    """Read id, title, summary and order of every lesson file that parses.

    Files that cannot be read or lack these fields are skipped here; the full
    validation reports them. The shared glossary (`begrippen.yaml`) is no lesson.
    """
    folder = root / "lessons"
    if not folder.is_dir():
        return []
    cache = paths.cache_dir() / CACHE_FILE
    folders = _read_cache(cache)
    key = str(folder.resolve())
    known = _parse_entries(folders.get(key))
    entries: _Entries = {}
    for path in sorted(folder.iterdir()):
        if path.suffix not in (".yaml", ".yml") or is_glossary_file(path):
            continue
        try:
            stat = path.stat()
        except OSError:
            continue
        stamp = [stat.st_size, stat.st_mtime_ns]
        cached = known.get(path.name)
        entries[path.name] = cached if cached and cached[0] == stamp else (stamp, _read_card(path))
    if entries != known:
        folders[key] = {
            name: [stamp, asdict(card) if card else None] for name, (stamp, card) in entries.items()
        }
        _write_cache(cache, folders)
    cards = [card for _, card in entries.values() if card is not None]
    return sorted(cards, key=lambda card: (card.order, card.id))


def _read_cache(cache: Path) -> dict[str, Any]:
    """The cached entries of every lessons folder; empty when missing or unreadable."""
    try:
        data = json.loads(cache.read_bytes())
        if isinstance(data, dict) and data.get("version") == _CACHE_VERSION:
            folders = data.get("folders")
            return folders if isinstance(folders, dict) else {}
    except (OSError, ValueError):
        pass
    return {}


def _parse_entries(raw: Any) -> _Entries:
    """One folder's entries from the cache; empty when anything in them is damaged."""
    entries: _Entries = {}
    try:
        for name, (stamp, found) in raw.items():
            card = _card(found)
            if not isinstance(stamp, list) or (found is not None and card is None):
                return {}
            entries[name] = (stamp, card)
    except (AttributeError, TypeError, ValueError):
        return {}
    return entries


def _write_cache(cache: Path, folders: dict[str, Any]) -> None:
    """Replace the cache atomically (readers see the old or the new file); never raises."""
    temporary = cache.with_name(f"{cache.name}.{os.getpid()}.tmp")
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_text(json.dumps({"version": _CACHE_VERSION, "folders": folders}))
        os.replace(temporary, cache)
    except OSError:
        with suppress(OSError):
            temporary.unlink(missing_ok=True)


def _read_card(path: Path) -> LessonCard | None:
    """The card of one lesson file as the loader reads its YAML; None if it has none."""
    from tutor.core.content.errors import ContentError
    from tutor.core.content.yamlfile import read_yaml

    try:
        data, _ = read_yaml(path, path.name)
    except ContentError:
        return None
    return _card(data)


def _card(found: Any) -> LessonCard | None:
    """The card from a lesson's top-level mapping; None if a field is missing or mistyped."""
    if not isinstance(found, dict):
        return None
    id_, title, summary = (found.get(key) for key in ("id", "title", "summary"))
    order = found.get("order", 100)
    if not (isinstance(id_, str) and isinstance(title, str) and isinstance(summary, str)):
        return None
    return LessonCard(id_, title, summary, order) if type(order) is int else None
