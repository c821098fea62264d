"""The trainer's side of the participants' web server: start it, find its address, stop it.

The server runs as its own process (`python -m tutor.group.web`), so a flood of
connections never stalls the projector's screen, and it outlives a crash of the
trainer's program: the group sees "De trainer is even weg" and a restarted
trainer continues the same session with the same server.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO
from urllib.parse import urlsplit, urlunsplit

from tutor.core.paths import data_dir
from tutor.group.web.marker import running_port

READY_TIMEOUT = 15.0
LOG_LIMIT = 1_000_000
"""The server's log file is started afresh when it is larger than this (bytes)."""


@dataclass(frozen=True)
class WebOptions:
    """Where the participants' server listens and what address participants open.

    Attributes:
        host: The address to listen on: 0.0.0.0 for the local network, 127.0.0.1 for
            this computer only (`--local`).
        port: The first port to try.
        tries: How many ports from `port` on to try when one is taken.
        public_url: The address participants open, when it differs (a reverse proxy).
        content_root: The content folder (None: the shipped lessons).
        store_path: The group store (None: the one in the data folder).
    """

    host: str = "0.0.0.0"
    port: int = 8000
    tries: int = 10
    public_url: str | None = None
    content_root: Path | None = None
    store_path: Path | None = None


class ServerFailed(Exception):
    """The server could not start; the message is a short reason (`port`, `session`, ...)."""


def server_log() -> Path:
    """The server's log file (one line per problem) in the data folder."""
    return data_dir() / "group-server.log"


def lan_address() -> str:
    """This computer's address on the local network (no packet is sent), or 127.0.0.1."""
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect(("10.254.254.254", 1))
        address = str(probe.getsockname()[0])
        if not address.startswith("0."):
            return address
    return "127.0.0.1"


def base_url(options: WebOptions, port: int) -> str:
    """The address participants open (ends in `/`)."""
    if options.public_url:
        parts = urlsplit(options.public_url)
        path = parts.path if parts.path.endswith("/") else parts.path + "/"
        return urlunsplit((parts.scheme, parts.netloc, path, "", ""))
    host = options.host
    if host in ("0.0.0.0", "::", ""):
        host = lan_address()
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}/"


def join_link(base: str, code: str) -> str:
    """The link in the QR code: the page with the code filled in."""
    return f"{base}?code={code}"


class ParticipantServer:
    """The server process of one session, started or found running.

    Args:
        code: The session code.
        options: Where to listen.
    """

    def __init__(self, code: str, options: WebOptions) -> None:
        self.code = code
        self.options = options
        self.port: int | None = None
        self.process: subprocess.Popen[str] | None = None

    def start(self) -> int:
        """Start the server, or use the one still running for this session; return its port.

        Raises:
            ServerFailed: It did not start (the reason is in the message).
        """
        running = running_port(self.code)
        if running is not None:
            self.port = running
            return running
        options = self.options
        first = self.port if self.port is not None else options.port  # a restart keeps its port
        command = [
            sys.executable,
            "-m",
            "tutor.group.web",
            "--code",
            self.code,
            "--host",
            options.host,
            "--port",
            str(first),
            "--tries",
            str(options.tries),
        ]
        if options.content_root is not None:
            command += ["--content", str(options.content_root)]
        if options.store_path is not None:
            command += ["--store", str(options.store_path)]
        if options.public_url:
            command += ["--public-url", options.public_url]
        log = self._log_file()
        try:
            self.process = subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=log,
                text=True,
                start_new_session=True,  # outlives a crash of the trainer's program
            )
        except OSError as error:
            raise ServerFailed(str(error)) from error
        finally:
            log.close()
        line = self._first_line()
        if line.startswith("READY "):
            self.port = int(line.split()[1])
            return self.port
        self.stop()
        raise ServerFailed(line.removeprefix("ERROR ").strip() or "start")

    def alive(self) -> bool:
        """Whether the server still runs (started here, or found running)."""
        if self.process is not None:
            return self.process.poll() is None
        return running_port(self.code) is not None

    def _first_line(self) -> str:
        """The server's first line on stdout, or "" after `READY_TIMEOUT` seconds."""
        process = self.process
        assert process is not None and process.stdout is not None
        lines: list[str] = []
        reader = threading.Thread(
            target=lambda: lines.append(process.stdout.readline() if process.stdout else ""),
            daemon=True,
        )
        reader.start()
        reader.join(READY_TIMEOUT)
        return lines[0].strip() if lines else ""

    @staticmethod
    def _log_file() -> TextIO:
        path = server_log()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            if path.exists() and path.stat().st_size > LOG_LIMIT:
                return open(path, "w", encoding="utf-8")  # noqa: SIM115 - handed to the child
            return open(path, "a", encoding="utf-8")  # noqa: SIM115
        except OSError:
            return open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115

    def stop(self, timeout: float = 5.0) -> None:
        """Stop a server this program started (it also stops by itself when the session ends)."""
        process = self.process
        if process is None:
            return
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if process.stdout is not None:
            process.stdout.close()
        self.process = None
