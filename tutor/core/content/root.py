"""Where the content is: `--content`, `TUTOR_CONTENT`, or the shipped lessons."""

from __future__ import annotations

import os
from pathlib import Path

CONTENT_ENV = "TUTOR_CONTENT"


def default_content_root() -> Path:
    """Return the content root: `TUTOR_CONTENT`, else the shipped content.

    In an installed wheel the content lies in `tutor/_content`; in a source
    checkout it lies next to the `tutor` package.
    """
    override = os.environ.get(CONTENT_ENV)
    if override:
        return Path(override)
    package = Path(__file__).resolve().parents[2]  # tutor/
    shipped = package / "_content"
    return shipped if shipped.is_dir() else package.parent
