"""The participants' web server (aiohttp): the phone page and the HTTP protocol.

One protocol for every participant, the phone page and `tutor join` alike:

- `GET /` the page (`?code=123456` fills in the code, as the QR code does);
  `GET /static/app.js`, `/static/app.css`: its script and style, shipped in the wheel.
- `POST /api/join` `{"code": "123456", "token": optional}` → `{"token": …}`. With the
  token of an earlier join the participant keeps their slot and their answers.
- `GET /api/events?code=…&token=…` a stream of server-sent events: `state` with the
  whole view every time something changes (`{"v", "shared", "mine"}`, see
  `tutor.group.wire`), a comment every 15 s. The page's EventSource reconnects by
  itself and gets the current view at once.
- `GET /api/state?code=…&token=…` the same view once.
- `POST /api/answer` `{"code", "token", "question": index, "answer": JSON or null}`;
  sending the same answer twice is harmless; after the reveal it is refused (409).

Errors are JSON `{"error": reason, "message": Dutch text}` with a 4xx status. Wrong
codes are limited per client address (429). Bodies are capped at 4 KB and must
arrive within `BODY_SECONDS`, idle connections close after `KEEPALIVE_SECONDS`,
streams are capped at `MAX_STREAMS`; every stream's memory ends with its
connection. A malformed request costs one log line, never a traceback.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import html
import ipaddress
import json
import logging
import time
from collections.abc import Awaitable, Callable
from importlib import resources

from aiohttp import web

from tutor.core.text import common as strings
from tutor.core.text import group as gs
from tutor.group.web.hub import Hub, JoinRefused
from tutor.store.group import (
    MAX_PARTICIPANTS,
    MAX_TOKEN_LENGTH,
    AnswerClosed,
    EndedSession,
    ExpiredSession,
    GroupStoreError,
    UnknownSession,
)

log = logging.getLogger("tutor.group.web")

MAX_BODY_BYTES = 4096
BODY_SECONDS = 10.0
"""A request body must arrive within this time (a trickling client gets 408)."""
KEEPALIVE_SECONDS = 30.0
LOG_LINES = 60
LOG_WINDOW = 60.0
"""At most `LOG_LINES` log lines per `LOG_WINDOW` seconds; the rest is counted."""
"""An idle connection, or one that never finishes its request line, is closed after this."""
MAX_STREAMS = MAX_PARTICIPANTS * 2 + 50
"""Open event streams at most (a participant may have a second tab); more get 503."""
STATIC_FILES = {"app.js": "text/javascript", "app.css": "text/css"}
HUB_KEY = web.AppKey("hub", Hub)
PAGE_KEY = web.AppKey("page", bytes)
STATIC_KEY = web.AppKey("static", dict)

_STATUS = {
    "bad_code": (400, gs.JOIN_BAD_CODE),
    "unknown": (404, gs.JOIN_UNKNOWN),
    "ended": (410, gs.JOIN_ENDED),
    "expired": (410, gs.JOIN_EXPIRED),
    "full": (403, gs.JOIN_FULL),
    "limited": (429, gs.WEB_TOO_MANY_TRIES),
    "busy": (503, gs.WEB_BUSY),
    "closed": (409, gs.WEB_NOT_OPEN),
    "too_late": (409, gs.PARTICIPANT_TOO_LATE),
    "invalid": (400, gs.WEB_BAD_REQUEST),
    "bad_request": (400, gs.WEB_BAD_REQUEST),
    "too_large": (413, gs.WEB_BAD_REQUEST),
    "slow": (408, gs.WEB_BAD_REQUEST),
    "not_found": (404, gs.WEB_NOT_FOUND),
}
_STORE_REFUSALS: dict[type[GroupStoreError], str] = {
    AnswerClosed: "too_late",
    EndedSession: "ended",
    ExpiredSession: "expired",
    UnknownSession: "unknown",
}
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
        "img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def refusal(reason: str, code: str = "") -> web.Response:
    """A JSON error with its HTTP status and Dutch message."""
    status, message = _STATUS.get(reason, (400, gs.WEB_BAD_REQUEST))
    body = {"error": reason, "message": message.format(code=code)}
    headers = {"Retry-After": "60"} if status == 429 else {}
    headers["Cache-Control"] = "no-store"
    response = web.json_response(body, status=status, headers=headers)
    if reason in ("too_large", "slow"):
        response.force_close()  # the rest of that body is not worth waiting for
    return response


@functools.lru_cache(maxsize=4096)
def client_key(address: str | None) -> str:
    """Who the wrong-code limit counts: an IPv4 address, or an IPv6 address's /64 network.

    One device may take any address of its /64, so counting single IPv6 addresses
    would let it guess without limit.
    """
    try:
        ip = ipaddress.ip_address(address or "")
    except ValueError:
        return address or "?"
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network((ip, 64), strict=False))
    return str(ip)


LOOPBACK = ("127.0.0.1", "::1")


def _refused(hub: Hub, refused: JoinRefused) -> web.Response:
    """The refusal of a request from someone in (or after) the session: the code is named
    only where the message is about this session (ended, expired)."""
    named = refused.reason in ("ended", "expired")
    return refusal(refused.reason, hub.code if named else "")


def _client(request: web.Request) -> str:
    """Whom the wrong-code limit counts: the client's address.

    Behind a reverse proxy on this computer (`--public-url`) every request comes from
    loopback; then the address the proxy adds last to `X-Forwarded-For` is the
    client's, so one guesser does not lock out the whole room. Other senders of the
    header are not believed.
    """
    remote = request.remote
    forwarded = request.headers.get("X-Forwarded-For", "")
    if remote in LOOPBACK and forwarded:
        last = forwarded[-200:].split(",")[-1].strip()
        if last:
            return client_key(last)
    return client_key(remote)


async def _body(request: web.Request) -> dict[str, object]:
    """The request's JSON object; `JoinRefused` ("bad_request", "too_large", "slow") else."""
    if request.content_length is not None and request.content_length > MAX_BODY_BYTES:
        raise JoinRefused("too_large")
    try:
        async with asyncio.timeout(BODY_SECONDS):
            raw = await request.read()  # all of it, however it is split; at most client_max_size
        data = json.loads(raw.decode("utf-8"))
    except TimeoutError:
        raise JoinRefused("slow") from None
    except web.HTTPRequestEntityTooLarge:
        raise JoinRefused("too_large") from None
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise JoinRefused("bad_request") from None
    if not isinstance(data, dict):
        raise JoinRefused("bad_request")
    return data


def _token(value: object) -> str:
    if not isinstance(value, str) or not 0 < len(value) <= MAX_TOKEN_LENGTH:
        raise JoinRefused("unknown")
    return value


async def page(request: web.Request) -> web.Response:
    """The participant's page; the code comes from the address (`?code=`), read by the script."""
    return web.Response(
        body=request.app[PAGE_KEY],
        content_type="text/html",
        charset="utf-8",
        headers={"Cache-Control": "no-store"},
    )


async def static(request: web.Request) -> web.Response:
    """One of the page's shipped files."""
    name = request.match_info["name"]
    files: dict[str, bytes] = request.app[STATIC_KEY]
    if name not in files:
        return refusal("not_found")
    return web.Response(
        body=files[name], content_type=STATIC_FILES[name], headers={"Cache-Control": "no-cache"}
    )


async def join(request: web.Request) -> web.Response:
    """`POST /api/join`: a token for this participant (the same one on a rejoin)."""
    hub = request.app[HUB_KEY]
    typed = ""
    try:
        data = await _body(request)
        typed = "".join(ch for ch in str(data.get("code", ""))[:40] if ch.isdigit())[:6]
        token = hub.join(_client(request), data.get("code"), data.get("token"))
    except JoinRefused as refused:
        return refusal(refused.reason, typed)
    return web.json_response({"token": token}, headers={"Cache-Control": "no-store"})


def _participant(request: web.Request) -> str:
    """The token of a request's participant, after checking the code (wrong codes count)."""
    hub = request.app[HUB_KEY]
    token = request.query.get("token")
    hub.check_code(_client(request), request.query.get("code", ""), token, allow_ended=True)
    token = _token(token)
    if not hub.known(token):
        raise JoinRefused("unknown")
    return token


async def state(request: web.Request) -> web.Response:
    """`GET /api/state`: the participant's view, once."""
    hub = request.app[HUB_KEY]
    try:
        token = _participant(request)
    except JoinRefused as refused:
        return _refused(hub, refused)
    return web.Response(
        text=hub.state_for(token),
        content_type="application/json",
        headers={"Cache-Control": "no-store"},
    )


async def events(request: web.Request) -> web.StreamResponse:
    """`GET /api/events`: the participant's view, pushed on every change."""
    hub = request.app[HUB_KEY]
    try:
        token = _participant(request)
    except JoinRefused as refused:
        return _refused(hub, refused)
    if hub.stream_count >= MAX_STREAMS:
        return refusal("busy")
    response = web.StreamResponse(
        headers={
            "Content-Type": "text/event-stream",
            "Cache-Control": "no-store",
            "X-Accel-Buffering": "no",
        }
    )
    stream = hub.open_stream(token)
    event = stream.event
    try:
        await response.prepare(request)
        await response.write(b"retry: 2000\n\n")
        sent = b""
        while not stream.dropped:
            event.clear()
            message = hub.message_for(token)
            # A wake without a change is the hub's ping (no timer per stream).
            await response.write(message if message != sent else b": ping\n\n")
            sent = message
            if hub.ended:
                break
            await event.wait()
    except ConnectionResetError:
        pass  # the participant left; a cancelled handler ends here too, through finally
    finally:
        hub.close_stream(token, stream)
    return response


async def answer(request: web.Request) -> web.Response:
    """`POST /api/answer`: store (or with `null` take back) the answer to the open question."""
    hub = request.app[HUB_KEY]
    try:
        data = await _body(request)
        hub.check_code(_client(request), data.get("code"), data.get("token"))
        token = _token(data.get("token"))
        if "answer" not in data:  # null takes an answer back; a missing one is a mistake
            raise JoinRefused("bad_request")
        index, text = hub.validate_answer(token, data.get("question"), data.get("answer"))
    except JoinRefused as refused:
        return _refused(hub, refused)
    problem = await hub.submit(token, index, text)
    if problem is not None:
        return refusal(_STORE_REFUSALS.get(type(problem), "busy"), hub.code)
    stored = hub.wire_answer(index, text)
    return web.json_response({"ok": True, "answer": stored}, headers={"Cache-Control": "no-store"})


def _printable(text: str, limit: int = 80) -> str:
    """`text` cut short and with control characters escaped: one log line, whatever was sent."""
    return text[:limit].encode("unicode_escape").decode("ascii")


class OneLineErrors(logging.Filter):
    """Turns aiohttp's own error records (a malformed request) into one line, no traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and record.exc_info[1] is not None:
            error = record.exc_info[1]
            detail = _printable(f"{type(error).__name__}: {error}", 160)
            record.msg = f"{_printable(record.getMessage())}: {detail}"
            record.args = None
            record.exc_info = None
            record.exc_text = None
        return True


class LogBudget(logging.Filter):
    """Lets at most `lines` records through per `window` seconds.

    One line per bad request, and a flood of them could still fill the trainer's
    log file (or a pipe, and then stall the server). What is left out is counted
    and said in front of the first line of the next window.

    Args:
        lines: Records per window.
        window: Seconds.
        clock: Monotonic seconds (tests pass their own).
    """

    def __init__(
        self,
        lines: int = LOG_LINES,
        window: float = LOG_WINDOW,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__()
        self.lines, self.window, self.clock = lines, window, clock
        self.started = clock()
        self.passed = 0
        self.left_out = 0

    def filter(self, record: logging.LogRecord) -> bool:
        now = self.clock()
        if now - self.started >= self.window:
            self.started, self.passed = now, 0
            if self.left_out:
                record.msg = f"({self.left_out} log lines left out) {record.getMessage()}"
                record.args = None
                self.left_out = 0
        if self.passed >= self.lines:
            self.left_out += 1
            return False
        self.passed += 1
        return True


def bound_logging() -> None:
    """Make the server's logs one line per record and bounded (installed once)."""
    budget = LogBudget()
    for name in ("aiohttp.server", "tutor.group.web"):
        logger = logging.getLogger(name)
        if name == "aiohttp.server" and not any(
            isinstance(f, OneLineErrors) for f in logger.filters
        ):
            logger.addFilter(OneLineErrors())
        if not any(isinstance(f, LogBudget) for f in logger.filters):
            logger.addFilter(budget)


@web.middleware
async def guard(
    request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
) -> web.StreamResponse:
    """Security headers on every answer; an unexpected error is one log line and a 500."""
    try:
        response = await handler(request)
    except web.HTTPException as error:
        if error.status >= 400:
            log.info("%s %s: %s", request.method, _printable(request.path_qs), error.status)
            response = refusal("not_found" if error.status == 404 else "bad_request")
            response.set_status(error.status)
        else:
            raise
    except Exception as error:  # noqa: BLE001 - one line, never a traceback on a console
        log.error("%s %s: %s", request.method, _printable(request.path_qs), type(error).__name__)
        response = web.json_response(
            {"error": "server", "message": gs.WEB_SERVER_ERROR}, status=500
        )
    if not response.prepared:
        response.headers.update(SECURITY_HEADERS)
    return response


def render_page(template: str) -> bytes:
    """Fill the page's Dutch texts (escaped) into its template."""
    texts = json.dumps(gs.WEB_TEXTS, ensure_ascii=False).replace("<", "\\u003c")
    values = {
        "{{title}}": html.escape(f"{gs.GROUP_TITLE}: {strings.APP_TITLE}"),
        "{{app_title}}": html.escape(strings.APP_TITLE),
        "{{help_line}}": html.escape(strings.HELP_LINE),
        "{{caution}}": html.escape(strings.CAUTION),
        "{{texts}}": texts,
    }
    for key, value in values.items():
        template = template.replace(key, value)
    return template.encode("utf-8")


def _shipped(name: str) -> bytes:
    return (resources.files("tutor.group.web") / "static" / name).read_bytes()


def make_app(hub: Hub) -> web.Application:
    """The aiohttp application serving one session's participants."""
    bound_logging()
    app = web.Application(client_max_size=MAX_BODY_BYTES, middlewares=[guard])
    app[HUB_KEY] = hub
    app[PAGE_KEY] = render_page(_shipped("index.html").decode("utf-8"))
    app[STATIC_KEY] = {name: _shipped(name) for name in STATIC_FILES}
    app.router.add_get("/", page)
    app.router.add_get("/static/{name}", static)
    app.router.add_post("/api/join", join)
    app.router.add_get("/api/state", state)
    app.router.add_get("/api/events", events)
    app.router.add_post("/api/answer", answer)
    return app


async def start(hub: Hub, host: str, port: int) -> tuple[web.AppRunner, int]:
    """Start serving `hub` on host:port (port 0 picks a free one); return the runner and port."""
    runner = web.AppRunner(
        make_app(hub),
        access_log=None,
        handler_cancellation=True,
        shutdown_timeout=1.0,
        keepalive_timeout=KEEPALIVE_SECONDS,
        lingering_time=1.0,  # how long an unread body (a refused one) is still read away
    )
    await runner.setup()
    site = web.TCPSite(runner, host, port, backlog=1024, reuse_address=True)
    try:
        await site.start()
    except BaseException:
        await runner.cleanup()
        raise
    return runner, int(runner.addresses[0][1])


async def stop(runner: web.AppRunner) -> None:
    """Stop serving; open streams end."""
    with contextlib.suppress(Exception):
        await runner.cleanup()
