"""The trainer's app (`tutor trainer`): presenter mode for a group session.

The trainer drives; every move is written to the group store. The
participants' server (its own process, started here) follows the store and
pushes every move to the phones and terminals. A timer polls the store for the
live answer count and how many are connected, and says the trainer is still there.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from textual.app import App
from textual.binding import Binding
from textual.screen import ModalScreen

from tutor.core.content.loader import Content, load_content
from tutor.core.files import write_atomically
from tutor.core.text import common as strings
from tutor.core.text import group as gs
from tutor.group.answers import summary_markdown
from tutor.group.session import TrainerSession
from tutor.group.trainer.screens.base import TrainerScreen
from tutor.group.trainer.screens.step import TrainerStepScreen
from tutor.group.trainer.web import (
    ParticipantServer,
    ServerFailed,
    WebOptions,
    base_url,
    join_link,
    server_log,
)
from tutor.store.group import (
    EndedSession,
    ExpiredSession,
    GroupStore,
    GroupStoreError,
    UnknownSession,
    open_group_store,
)
from tutor.ui import BASE_CSS
from tutor.ui.messages import LessonChosen

T = TypeVar("T")

POLL_SECONDS = 0.25
HEARTBEAT_SECONDS = 2.0
QUIT_WINDOW = 3.0
PRESENTER_WIDTH = 120


class TrainerApp(App[None]):
    """Presenter mode: step by step through a lesson with a group.

    Args:
        content: Loaded content; loaded from `content_root` when None.
        content_root: Where the content is (default: the shipped lessons).
        lesson_id: The lesson to use; the trainer picks one when None.
        store: The shared group store; the one in the data folder when None.
        summary_path: Where to save the session summary as Markdown.
        address: The address participants open, when no server is started here (tests).
        web: Start the participants' server with these options (None: no server).
        poll_seconds: How often the live counts are read.
    """

    CSS_PATH = [BASE_CSS, Path(__file__).parents[1] / "group.tcss"]
    TITLE = f"{gs.GROUP_TITLE}: {strings.APP_TITLE}"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [
        Binding("ctrl+q", "quit", "Stoppen", show=False),
        Binding("question_mark", "help", "Hulp", show=False),
    ]

    def __init__(
        self,
        *,
        content: Content | None = None,
        content_root: Path | None = None,
        lesson_id: str | None = None,
        store: GroupStore | None = None,
        summary_path: Path | None = None,
        address: str | None = None,
        web: WebOptions | None = None,
        poll_seconds: float = POLL_SECONDS,
    ) -> None:
        super().__init__()
        self.content = content if content is not None else load_content(content_root)
        self.lesson_id = lesson_id
        self.store: GroupStore = store if store is not None else open_group_store()
        self.summary_path = summary_path
        self.web = web
        self.address: str | None = address
        """The address participants open (ends in `/`), once the server listens."""
        self.local_only = web is not None and web.host in ("127.0.0.1", "::1", "localhost")
        self.web_status = gs.LOBBY_STARTING if web is not None else gs.LOBBY_NO_SERVER
        self.server: ParticipantServer | None = None
        self.present = 0
        self.poll_seconds = poll_seconds
        self.session: TrainerSession | None = None
        self.show_note = True
        self._quit_asked = 0.0
        self._heartbeat = 0.0
        self._server_starting = False

    @property
    def join_link(self) -> str | None:
        """The link in the QR code: the page with the session code filled in."""
        if self.address is None or self.session is None:
            return None
        return join_link(self.address, self.session.code)

    def on_mount(self) -> None:
        self.show_note = self.size.width >= PRESENTER_WIDTH
        if self.lesson_id is not None:
            self.open_lesson(self.lesson_id)
        else:
            from tutor.group.trainer.screens.lessons import TrainerLessonsScreen

            self.push_screen(TrainerLessonsScreen(self.content.cards(), self.content.problems))

    def on_lesson_chosen(self, message: LessonChosen) -> None:
        """The trainer picked a lesson on the list."""
        self.open_lesson(message.lesson_id)

    def open_lesson(self, lesson_id: str) -> None:
        """Open a group session for a lesson, or offer to continue one that was not closed."""
        if self.session is not None:
            return
        try:
            waiting = [s for s in self.store.open_sessions() if s.lesson_id == lesson_id]
        except GroupStoreError:
            waiting = []
        if not waiting:
            self.start_session(lesson_id, None)
            return
        from tutor.group.trainer.screens.resume import ResumeSessionDialog

        latest = waiting[0]
        minutes = max(0, round((time.time() - latest.last_active) / 60))

        def chosen(resume: bool | None) -> None:
            self.start_session(lesson_id, latest.code if resume else None)

        self.push_screen(ResumeSessionDialog(latest.code, minutes), chosen)

    def start_session(self, lesson_id: str, code: str | None) -> None:
        """Open a new session (code None) or continue session `code`; start the server."""
        if self.session is not None:
            return
        lesson = self.content.lesson(lesson_id)
        quiz = self.content.quizzes.get(lesson_id)
        questions = quiz.questions if quiz else []
        session = self.attempt(lambda: TrainerSession(self.store, lesson, questions, code))
        if session is None and code is not None:
            session = self.attempt(lambda: TrainerSession(self.store, lesson, questions))
        if session is None:
            return
        self.session = session
        self.attempt(lambda: self.store.touch_trainer(session.code))
        self._heartbeat = time.monotonic()
        if self.web is not None:
            self.server = ParticipantServer(session.code, self.web)
            self._server_starting = True
            self.run_worker(self._start_server, thread=True, name="web-server", exit_on_error=False)
        self.poll()
        self.set_interval(self.poll_seconds, self.poll, name="trainer-poll")
        self.show_position(replace=len(self.screen_stack) > 1)

    def _watch_server(self) -> None:
        """Start the participants' server again if it stopped (it was killed, it crashed)."""
        server = self.server
        if server is None or self.address is None or self._server_starting or server.alive():
            return
        self.notify(gs.WEB_RESTARTING, severity="warning", timeout=6)
        self._server_starting = True
        self.run_worker(self._start_server, thread=True, name="web-server", exit_on_error=False)

    def _start_server(self) -> None:
        """Start the participants' server (in a thread: it takes a moment)."""
        server, options = self.server, self.web
        assert server is not None and options is not None
        try:
            port = server.start()
        except ServerFailed as error:
            reason = gs.WEB_FAILED_PORT if str(error) == "port" else gs.WEB_FAILED_OTHER
            status = gs.LOBBY_WEB_FAILED.format(reason=reason.format(log=server_log()))
            self.call_from_thread(self._server_state, None, status)
            return
        self.call_from_thread(self._server_state, base_url(options, port), "")

    def _server_state(self, address: str | None, status: str) -> None:
        self._server_starting = False
        self.address = address
        if status:
            self.web_status = status
            self.notify(status, severity="error", timeout=10)
        if isinstance(self.screen, TrainerScreen):
            self.screen.refresh_live()

    def poll(self) -> None:
        """Read how many are connected and the live count; say the trainer is still there."""
        session = self.session
        if session is None:
            return
        try:
            self.present = session.store.connected_count(session.code)
            now = time.monotonic()
            if now - self._heartbeat >= HEARTBEAT_SECONDS:
                self._heartbeat = now
                session.store.touch_trainer(session.code)
                self._watch_server()
            screen = self.screen
            if isinstance(screen, TrainerScreen):
                screen.refresh_live()
        except GroupStoreError:
            return  # a busy database: the next poll tries again

    def attempt(self, action: Callable[[], T]) -> T | None:
        """Run a change of the session; say in Dutch when the store refuses it."""
        try:
            return action()
        except (UnknownSession, ExpiredSession, EndedSession):
            self.notify(gs.SESSION_GONE, severity="error", timeout=8)
        except GroupStoreError:
            self.notify(gs.STORE_PROBLEM, severity="warning")
        return None

    def trainer_screen(self) -> TrainerScreen:
        """The screen for where the session is now."""
        session = self.session
        assert session is not None
        if session.kind == "step":
            from tutor.group.trainer.screens.step import TrainerStepScreen

            return TrainerStepScreen(session)
        if session.kind == "question":
            from tutor.group.trainer.screens.question import TrainerQuestionScreen

            return TrainerQuestionScreen(session)
        if session.kind == "review":
            from tutor.group.trainer.screens.unknown import TrainerUnknownScreen

            return TrainerUnknownScreen(session)
        if session.kind == "summary":
            from tutor.group.trainer.screens.summary import TrainerSummaryScreen

            return TrainerSummaryScreen(session, self.save_summary())
        from tutor.group.trainer.screens.lobby import TrainerLobbyScreen

        return TrainerLobbyScreen(session)

    def show_position(self, *, replace: bool = True) -> None:
        """Show the screen for the session's position (closing any dialog first)."""
        while isinstance(self.screen, ModalScreen):
            self.pop_screen()
        screen = self.trainer_screen()
        if replace:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def on_trainer_screen_move(self, message: TrainerScreen.Move) -> None:
        self.go(message.step)

    def on_trainer_screen_change(self, message: TrainerScreen.Change) -> None:
        if self.attempt(message.change):
            message.then()

    def go(self, delta: int) -> None:
        """Move the group one place forward (+1) or back (-1)."""
        session = self.session
        if session is None:
            return
        before = (session.kind, session.index)
        moved = self.attempt(session.next if delta > 0 else session.previous)
        if not moved:
            return
        screen = self.screen
        if (session.kind, session.index) == before:
            if isinstance(screen, TrainerScreen):
                screen.sync()  # another link of the same step's cascade
        elif session.kind == "step" and isinstance(screen, TrainerStepScreen):
            screen.show_current()  # the next step in the same widgets: no new screen
        else:
            self.show_position()

    def save_summary(self) -> str:
        """Save the summary as Markdown if `--summary` was given; return what to tell."""
        if self.summary_path is None or self.session is None:
            return gs.SUMMARY_TIP
        text = summary_markdown(
            self.session.lesson.title, self.session.summary(), time.strftime("%Y-%m-%d %H:%M")
        )
        try:
            write_atomically(self.summary_path, text)
        except OSError as error:
            return gs.SUMMARY_SAVE_FAILED.format(path=self.summary_path, error=error)
        return gs.SUMMARY_SAVED.format(path=self.summary_path)

    def action_help(self) -> None:
        """Show the trainer's keys."""
        from tutor.group.trainer.screens.help import trainer_help
        from tutor.ui.dialogs.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(trainer_help())

    def action_glossary(self) -> None:
        """Show the glossary of the lesson."""
        from tutor.ui.dialogs.glossary import GlossaryScreen

        if self.session is None or isinstance(self.screen, ModalScreen):
            return
        step = self.session.step
        self.push_screen(GlossaryScreen(self.session.lesson, step.terms if step else None))

    def action_go_home(self) -> None:
        """Esc closes nothing in presenter mode: the session goes on."""

    def action_quit_session(self) -> None:
        """Stop the session, after a second press of q within a few seconds."""
        now = time.monotonic()
        if now - self._quit_asked > QUIT_WINDOW:
            self._quit_asked = now
            self.notify(gs.QUIT_CONFIRM, timeout=QUIT_WINDOW)
            return
        self.end_session()
        self.exit()

    async def action_quit(self) -> None:
        """Stop the session and the app."""
        self.end_session()
        self.exit()

    def end_session(self) -> None:
        """End the session in the store, so participants see that it is over."""
        if self.session is not None:
            with contextlib.suppress(GroupStoreError):
                self.session.end()
