"""Writing a file so that a reader never sees half of it: a temporary file, then a rename."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomically(output: Path, document: str, *, replace: bool = True) -> None:
    """Write to a temporary file next to `output`, then move it into place.

    Without `replace` the move refuses an output that appeared in the meantime
    (`FileExistsError`): a hard link does not overwrite. Where hard links are not
    supported, the file is renamed after the check by the caller.
    """
    folder = output.parent
    handle, temporary = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as file:
            file.write(document)
            file.flush()
            os.fsync(file.fileno())
        set_default_mode(temporary)
        if replace:
            os.replace(temporary, output)
            return
        try:
            os.link(temporary, output)
        except FileExistsError:
            raise
        except OSError:
            if os.path.lexists(output):
                raise FileExistsError(str(output)) from None
            os.replace(temporary, output)
    finally:
        if os.path.lexists(temporary):
            os.unlink(temporary)


def set_default_mode(path: str) -> None:
    """Give the file the mode a new file gets (mkstemp makes it private: 0600)."""
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(path, 0o666 & ~mask)
