"""Shared fixtures: content roots, and data/config folders kept out of the user's home."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

# The browser tests' fixtures (tests/browser/browser_fixtures.py), a plugin so that
# tests/browser needs no conftest.py of its own: two modules named `conftest` would
# shadow each other for `from conftest import ...`.
pytest_plugins = ["browser_fixtures"]

TESTS = Path(__file__).parent
PROJECT = TESTS.parent
GOOD_ROOT = TESTS / "fixtures" / "good"
BAD = TESTS / "fixtures" / "bad"
SNAPSHOT_ROOT = TESTS / "fixtures" / "snapshot_content"
"""Small invented content the snapshot tests run on, so lesson edits never change a snapshot."""


@pytest.fixture(autouse=True)
def _private_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Never read or write the real user's data, config or a content override."""
    monkeypatch.setenv("TUTOR_DATA_DIR", str(tmp_path_factory.mktemp("data")))
    monkeypatch.setenv("TUTOR_CONFIG_DIR", str(tmp_path_factory.mktemp("config")))
    monkeypatch.delenv("TUTOR_CONTENT", raising=False)


@pytest.fixture
def good_copy(tmp_path: Path) -> Path:
    """A writable copy of the small, valid fixture content root."""
    root = tmp_path / "content"
    shutil.copytree(GOOD_ROOT, root)
    return root
