"""Where the tutor keeps data and configuration (platformdirs; env vars override).

`TUTOR_DATA_DIR` and `TUTOR_CONFIG_DIR` override the platform folders for every
command (the state and cache folders then live inside the data folder); tests and
the kiosk use them.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "ketamine-tutor"


def data_dir() -> Path:
    """The folder for progress, kiosk counts and group sessions (not created here)."""
    override = os.environ.get("TUTOR_DATA_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """The folder for configuration such as the kiosk PIN hash (not created here)."""
    override = os.environ.get("TUTOR_CONFIG_DIR")
    if override:
        return Path(override)
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME, appauthor=False))


def state_dir() -> Path:
    """The folder for logs (e.g. kiosk crash logs); inside the data dir when overridden."""
    override = os.environ.get("TUTOR_DATA_DIR")
    if override:
        return Path(override) / "state"
    from platformdirs import user_state_dir

    return Path(user_state_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """The folder for caches that may be deleted at any time (not created here)."""
    override = os.environ.get("TUTOR_DATA_DIR")
    if override:
        return Path(override) / "cache"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir(APP_NAME, appauthor=False))
