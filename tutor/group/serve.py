"""`tutor serve`: serve the participant's app (`tutor join`) to browsers with textual-serve.

Binds to loopback unless `--host` says otherwise. While it runs it announces
its address in the group store, so the trainer's screen can show it.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import logging
import os
import shlex
import socket
import sys
from pathlib import Path
from typing import Any

from textual_serve.server import Server

from tutor.core.text import common as strings
from tutor.core.text import group as gs
from tutor.store.group import GroupStore

HEARTBEAT_SECONDS = 10.0
BIND_GRACE = 0.2
TEMPLATES = Path(__file__).parent / "templates"
PACKAGE_PARENT = Path(__file__).resolve().parent.parent.parent


def join_command(content: Path | None = None) -> str:
    """The shell command each browser session runs: this Python's `tutor join`."""
    parts = [sys.executable, "-m", "tutor"]
    if content is not None:
        parts += ["--content", str(Path(content).resolve())]
    parts.append("join")
    return " ".join(shlex.quote(part) for part in parts)


def is_loopback(host: str) -> bool:
    """Whether `host` is only reachable from this computer."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def public_url(host: str, port: int, given: str | None = None) -> str:
    """The address participants open (`given` wins; a wildcard host gets this computer's IP)."""
    if given:
        return given.rstrip("/")
    if host in ("", "0.0.0.0", "::"):
        host = _own_address()
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}"


def _own_address() -> str:
    """This computer's address in the local network (a UDP connect sends nothing)."""
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect(("192.0.2.1", 9))  # TEST-NET: only picks the outgoing interface
        return str(probe.getsockname()[0])
    return socket.gethostname()


class GroupServer(Server):
    """textual-serve's server with Dutch messages and the address announced in the store.

    Args:
        store: Where to announce the address (None: announce nowhere).
        command: The shell command per browser session.
        host: The interface to bind.
        port: The port to bind.
        url: The address participants open.
    """

    def __init__(
        self, store: GroupStore | None, command: str, host: str, port: int, url: str
    ) -> None:
        super().__init__(
            command,
            host=host,
            port=port,
            title=f"{gs.GROUP_TITLE}: {strings.APP_TITLE}",
            public_url=url,
            templates_path=TEMPLATES,
        )
        self.store = store
        self._heartbeat: asyncio.Task[None] | None = None

    def initialize_logging(self) -> None:
        """Only warnings and errors; the Dutch lines say what matters."""
        logging.basicConfig(level="DEBUG" if self.debug else "WARNING", format="%(message)s")

    async def on_startup(self, app: Any) -> None:
        """Start announcing the address once the port is bound."""
        self._heartbeat = asyncio.create_task(self._announce())

    async def _announce(self) -> None:
        # on_startup runs before the port is bound; if binding fails, this task is cancelled.
        await asyncio.sleep(BIND_GRACE)
        print(gs.SERVE_OPEN.format(url=self.public_url), flush=True)
        if is_loopback(self.host):
            print(gs.SERVE_LOCAL, flush=True)
        print(gs.SERVE_STOP, flush=True)
        while self.store is not None:
            with contextlib.suppress(Exception):
                self.store.announce_address(self.public_url)
            await asyncio.sleep(HEARTBEAT_SECONDS)

    async def on_shutdown(self, app: Any) -> None:
        """Stop announcing the address."""
        if self._heartbeat is not None:
            self._heartbeat.cancel()
        if self.store is not None:
            with contextlib.suppress(Exception):
                self.store.withdraw_address(self.public_url)


def serve(host: str, port: int, *, content: Path | None = None, url: str | None = None) -> int:
    """Run the server until Ctrl+C; return the exit code."""
    from tutor.store.db import StoreUnavailable
    from tutor.store.group import open_group_store

    # The browser sessions import the same `tutor` as this server.
    python_path = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(PACKAGE_PARENT), python_path) if p)
    try:
        store: GroupStore | None = open_group_store()
    except StoreUnavailable:
        store = None
    server = GroupServer(store, join_command(content), host, port, public_url(host, port, url))
    try:
        server.serve()
    except OSError as error:
        print(gs.SERVE_PORT_BUSY.format(port=port) + f" ({error})", file=sys.stderr)
        return 1
    finally:
        if store is not None:
            store.close()
    return 0
