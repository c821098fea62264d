"""The note a running participants' server leaves in the data folder: its process and port.

A restarted trainer reads it to use the server that is still running for its session
(the group's pages stay connected). No web framework here.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from tutor.core.paths import data_dir


def pid_file(code: str) -> Path:
    """Where the server of session `code` notes its process id and port."""
    return data_dir() / f"group-server-{code}.json"


def write_marker(code: str, port: int) -> Path:
    """Note this process as the server of session `code` on `port`."""
    path = pid_file(code)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"pid": os.getpid(), "port": port}), encoding="utf-8")
    return path


def running_port(code: str) -> int | None:
    """The port of this session's server when its process still runs, else None."""
    try:
        data = json.loads(pid_file(code).read_text(encoding="utf-8"))
        pid, port = int(data["pid"]), int(data["port"])
        os.kill(pid, 0)
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return port
