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
codes are limited per client address (429). Bodies are capped at 4 KB, streams at
`MAX_STREAMS`; every stream's memory ends with its connection.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import json
import logging
from collections.abc import Awaitable, Callable
from importlib import resources

from aiohttp import web

from tutor.core.text import common as strings
from tutor.core.text import group as gs
from tutor.group.web.hub import Hub, JoinRefused
from tutor.store.group import MAX_PARTICIPANTS, MAX_TOKEN_LENGTH, AnswerClosed

log = logging.getLogger("tutor.group.web")

MAX_BODY_BYTES = 4096
MAX_STREAMS = MAX_PARTICIPANTS * 2 + 50
"""Open event streams at most (a participant may have a second tab); more get 503."""
PING_SECONDS = 15.0
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
    "not_found": (404, gs.WEB_NOT_FOUND),
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
    return web.json_response(body, status=status, headers=headers)


def _client(request: web.Request) -> str:
    """The client's address, for the wrong-code limit (a proxy's own address otherwise)."""
    return request.remote or "?"


async def _body(request: web.Request) -> dict[str, object]:
    """The request's JSON object; `JoinRefused("bad_request")` for anything else."""
    if request.content_length is not None and request.content_length > MAX_BODY_BYTES:
        raise JoinRefused("bad_request")
    try:
        raw = await request.content.read(MAX_BODY_BYTES + 1)
        if len(raw) > MAX_BODY_BYTES:
            raise JoinRefused("bad_request")
        data = json.loads(raw.decode("utf-8"))
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
    hub.check_code(_client(request), request.query.get("code", ""), allow_ended=True)
    token = _token(request.query.get("token"))
    if not hub.known(token):
        raise JoinRefused("unknown")
    return token


async def state(request: web.Request) -> web.Response:
    """`GET /api/state`: the participant's view, once."""
    hub = request.app[HUB_KEY]
    try:
        token = _participant(request)
    except JoinRefused as refused:
        return refusal(refused.reason, hub.code if refused.reason in ("ended", "expired") else "")
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
        return refusal(refused.reason, hub.code if refused.reason in ("ended", "expired") else "")
    if hub.stream_count >= MAX_STREAMS:
        return refusal("busy")
    response = web.StreamResponse(
        headers={
            "Content-Type": "text/event-stream",
            "Cache-Control": "no-store",
            "X-Accel-Buffering": "no",
        }
    )
    event = hub.open_stream(token)
    try:
        await response.prepare(request)
        await response.write(b"retry: 2000\n\n")
        while True:
            event.clear()
            data = hub.state_for(token)
            await response.write(f"event: state\ndata: {data}\n\n".encode())
            if hub.ended:
                break
            while not event.is_set():
                try:
                    await asyncio.wait_for(event.wait(), PING_SECONDS)
                except TimeoutError:
                    await response.write(b": ping\n\n")
    except ConnectionResetError:
        pass  # the participant left; a cancelled handler ends here too, through finally
    finally:
        hub.close_stream(token, event)
    return response


async def answer(request: web.Request) -> web.Response:
    """`POST /api/answer`: store (or with `null` take back) the answer to the open question."""
    hub = request.app[HUB_KEY]
    try:
        data = await _body(request)
        hub.check_code(_client(request), data.get("code"))
        token = _token(data.get("token"))
        index, text = hub.validate_answer(token, data.get("question"), data.get("answer"))
    except JoinRefused as refused:
        return refusal(refused.reason, hub.code if refused.reason in ("ended", "expired") else "")
    problem = await hub.submit(token, index, text)
    if problem is not None:
        reason = "too_late" if isinstance(problem, AnswerClosed) else "busy"
        return refusal(reason)
    stored = json.loads(text) if text is not None else None
    return web.json_response({"ok": True, "answer": stored}, headers={"Cache-Control": "no-store"})


@web.middleware
async def guard(
    request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
) -> web.StreamResponse:
    """Security headers on every answer; an unexpected error is one log line and a 500."""
    try:
        response = await handler(request)
    except web.HTTPException as error:
        if error.status >= 400:
            log.info("%s %s: %s", request.method, request.path_qs[:80], error.status)
            response = refusal("not_found" if error.status == 404 else "bad_request")
            response.set_status(error.status)
        else:
            raise
    except Exception as error:  # noqa: BLE001 - one line, never a traceback on a console
        log.error("%s %s: %s", request.method, request.path_qs[:80], type(error).__name__)
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
        make_app(hub), access_log=None, handler_cancellation=True, shutdown_timeout=1.0
    )
    await runner.setup()
    site = web.TCPSite(runner, host, port, backlog=1024, reuse_address=True)
    await site.start()
    return runner, int(runner.addresses[0][1])


async def stop(runner: web.AppRunner) -> None:
    """Stop serving; open streams end."""
    with contextlib.suppress(Exception):
        await runner.cleanup()
