"""The participant's app (`tutor join`): follow the trainer and answer anonymously.

It talks to the trainer's server over the same HTTP protocol as the phone page
(`client.py`): after the code is typed it joins, then follows the pushed state
and shows the same step, question or open question from its own copy of the
lesson. Answers go to the server; nothing of other participants ever comes
back, and the nickname stays in this app. When the connection drops it says so
and carries on by itself where the trainer is, with the answers already given.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from pathlib import Path

from textual.app import App
from textual.binding import Binding
from textual.screen import ModalScreen, Screen

from tutor.core.content.loader import Content, load_content
from tutor.core.content.models import Lesson, Question
from tutor.core.questions import Response, decode_response
from tutor.core.text import common as strings
from tutor.core.text import group as gs
from tutor.group.answers import display_order, encode_response
from tutor.group.participant.client import (
    Closed,
    ConnectionProblem,
    Lost,
    ParticipantClient,
    ServerRefused,
    SessionView,
    Update,
)
from tutor.group.participant.screens.base import ParticipantScreen
from tutor.group.participant.screens.join import JoinScreen
from tutor.group.participant.screens.question import ParticipantQuestionScreen
from tutor.group.wire import WireForm, wire_form
from tutor.store.group import InvalidInput, Position, normalise_code
from tutor.ui import BASE_CSS

FIRST_RESEND = 0.5
LAST_RESEND = 8.0


class ParticipantApp(App[None]):
    """Joins a group session on the trainer's server and follows the trainer.

    Args:
        url: The trainer's server, as on the trainer's screen (`http://host:port/`).
        code: The session code, if given on the command line (still asks for a name).
        content: Loaded content; loaded from `content_root` on joining when None.
        content_root: Where the content is (default: the shipped lessons).
        client: Talks to the server; one for `url` when None (tests pass their own).
    """

    CSS_PATH = [BASE_CSS, Path(__file__).parents[1] / "group.tcss"]
    TITLE = f"{gs.GROUP_TITLE}: {strings.APP_TITLE}"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [Binding("ctrl+q", "quit", "Stoppen", show=False)]

    def __init__(
        self,
        *,
        url: str,
        code: str | None = None,
        content: Content | None = None,
        content_root: Path | None = None,
        client: ParticipantClient | None = None,
    ) -> None:
        super().__init__()
        self.url = url
        self.initial_code = code
        self.content = content
        self.content_root = content_root
        self.client = client if client is not None else ParticipantClient(url)
        self.code = ""
        self.nickname = ""
        self.lesson: Lesson | None = None
        self.questions: list[Question] = []
        self.answers: dict[int, Response] = {}
        """The answers the server has from this participant, by question index."""
        self.score = ""
        """How this participant did, as the server says it at the end."""
        self.notice = ""
        """What the top of the screen says about the connection ("" when all is well)."""
        self._unsent: dict[int, tuple[int, Response | None]] = {}
        """Answers not yet confirmed by the server: index → (change number, response)."""
        self._changes = 0
        self._sending = asyncio.Lock()
        self._joining = False
        self._shown: tuple[str, int] | None = None

    def on_mount(self) -> None:
        self.push_screen(JoinScreen(self.initial_code, self.url))

    async def on_unmount(self) -> None:
        await self.client.close()

    # Joining -----------------------------------------------------------------

    def on_join_screen_join_asked(self, message: JoinScreen.JoinAsked) -> None:
        if not self._joining:
            self._joining = True
            self.run_worker(self._join(message.code, message.name), group="join")

    async def _join(self, code_text: str, nickname: str) -> None:
        if isinstance(self.screen, JoinScreen):
            self.screen.show_joining()
        try:
            problem = await self.join(code_text, nickname)
        finally:
            self._joining = False
        if problem and isinstance(self.screen, JoinScreen):
            self.screen.show_problem(problem)

    async def join(self, code_text: str, nickname: str = "") -> str | None:
        """Join a session; return a Dutch message saying why not, or None when joined."""
        try:
            code = normalise_code(code_text)
        except InvalidInput:
            return gs.JOIN_BAD_CODE
        try:
            await self.client.join(code)
            view = await self.client.state()
        except ServerRefused as refused:
            return refused.message
        except ConnectionProblem:
            return gs.JOIN_NO_SERVER.format(url=self.url)
        if view.position.ended:
            return gs.JOIN_ENDED.format(code=code)
        lesson = self._lesson(view.lesson_id)
        if lesson is None:
            return gs.JOIN_NO_LESSON
        self.code, self.nickname, self.lesson = code, nickname, lesson
        quiz = self.content.quizzes.get(lesson.id) if self.content else None
        self.questions = list(quiz.questions) if quiz else []
        await self.show(view)
        self.run_worker(self._follow(), group="follow", exclusive=True)
        return None

    def _lesson(self, lesson_id: str) -> Lesson | None:
        if self.content is None:
            self.content = load_content(self.content_root)
        return next((ls for ls in self.content.lessons if ls.id == lesson_id), None)

    # Following ---------------------------------------------------------------

    async def _follow(self) -> None:
        """Show the pushed state until the session is over.

        The stream is read on its own; only the newest news is shown, so a trainer
        who skips ten steps costs one screen here, not ten in a row.
        """
        newest: list[Update | Lost | Closed] = []
        arrived = asyncio.Event()

        async def read() -> None:
            async with contextlib.aclosing(self.client.updates()) as updates:
                async for update in updates:
                    newest[:] = [update]
                    arrived.set()

        reader = asyncio.create_task(read())
        reader.add_done_callback(lambda _: arrived.set())
        try:
            while newest or not reader.done():
                await arrived.wait()
                arrived.clear()
                if not newest:
                    continue
                update = newest.pop()
                if isinstance(update, Lost):
                    self.set_notice(gs.CONNECTION_LOST)
                elif isinstance(update, Closed):
                    await self._show_end(update.message)
                else:
                    await self.show(update.view)
        finally:
            reader.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await reader

    async def show(self, view: SessionView) -> None:
        """Show what the trainer shows now, with this participant's own answer."""
        if self.lesson is None:
            return
        position = view.position
        self._take_answer(position, view.answer)
        self.score = view.score or self.score
        self.set_notice(gs.TRAINER_AWAY if view.away else "")
        if position.ended:
            await self._show_end(gs.END_ENDED)
            return
        key = (position.kind, position.index)
        screen = self._top_screen()
        if key != self._shown or not isinstance(screen, ParticipantScreen):
            await self._switch(self._screen_for(position), key)
        else:
            screen.follow(position)

    def _take_answer(self, position: Position, answer: object) -> None:
        """Keep the server's copy of the answer to the question on screen."""
        index = position.index
        if position.kind != "question" or index >= len(self.questions) or index in self._unsent:
            return
        response = None
        if answer is not None:
            # The server names choices by their place on screen (see `tutor.group.wire`).
            kind_json = self._form(index).response(answer)
            if kind_json is not None:
                text = json.dumps(kind_json, separators=(",", ":"))
                response = decode_response(self.questions[index], text)
        if response is None:
            self.answers.pop(index, None)
        else:
            self.answers[index] = response

    def set_notice(self, text: str) -> None:
        """Say (or stop saying) that the connection is gone or the trainer is away."""
        self.notice = text
        screen = self._top_screen()
        if isinstance(screen, ParticipantScreen):
            screen.show_notice(text)

    def _top_screen(self) -> Screen[object]:
        """The screen under any dialog."""
        stack: list[Screen[object]] = list(self.screen_stack)
        for screen in reversed(stack):
            if not isinstance(screen, ModalScreen):
                return screen
        return stack[-1]

    async def _switch(self, screen: ParticipantScreen, key: tuple[str, int]) -> None:
        while isinstance(self.screen, ModalScreen):
            self.pop_screen()
        self._shown = key
        screen.notice = self.notice
        await self.switch_screen(screen)

    async def _show_end(self, message: str) -> None:
        from tutor.group.participant.screens.end import ParticipantEndScreen

        self._unsent.clear()
        assert self.lesson is not None
        self.notice = ""
        position = Position(self.lesson.id, "summary", ended=True)
        screen = ParticipantEndScreen(self.lesson, position, message, self.score)
        await self._switch(screen, ("end", 0))

    def _screen_for(self, position: Position) -> ParticipantScreen:
        lesson = self.lesson
        assert lesson is not None
        if position.kind == "step" and position.index < len(lesson.steps):
            from tutor.group.participant.screens.step import ParticipantStepScreen

            return ParticipantStepScreen(lesson, position)
        if position.kind == "question" and position.index < len(self.questions):
            return ParticipantQuestionScreen(
                lesson,
                position,
                self.questions[position.index],
                len(self.questions),
                self.code,
                self.answers.get(position.index),
            )
        if position.kind == "review" and position.index < len(lesson.unknowns):
            from tutor.group.participant.screens.unknown import ParticipantUnknownScreen

            return ParticipantUnknownScreen(lesson, position)
        if position.kind == "summary":
            from tutor.group.participant.screens.end import ParticipantEndScreen

            return ParticipantEndScreen(lesson, position, gs.END_THANKS, self.score)
        from tutor.group.participant.screens.wait import ParticipantWaitScreen

        return ParticipantWaitScreen(lesson, position)

    # Answers -----------------------------------------------------------------

    def on_participant_question_screen_answer_changed(
        self, message: ParticipantQuestionScreen.AnswerChanged
    ) -> None:
        self._changes += 1
        self._unsent[message.index] = (self._changes, message.response)
        self.run_worker(self._send_answers(), group="answers")

    async def _send_answers(self) -> None:
        """Give the server every unsent answer, in order; retry until it has them."""
        async with self._sending:
            wait = FIRST_RESEND
            while self._unsent:
                index, (change, response) = next(iter(self._unsent.items()))
                try:
                    await self.client.answer(index, self._wire_answer(index, response))
                except ServerRefused as refused:
                    # "unknown": the server forgot the token; the stream rejoins, then this.
                    if not refused.transient and refused.reason != "unknown":
                        self._settle(index, change, response, accepted=False)
                        self.notify(refused.message, severity="warning")
                        continue
                except ConnectionProblem:
                    pass
                else:
                    self._settle(index, change, response, accepted=True)
                    wait = FIRST_RESEND
                    continue
                await asyncio.sleep(wait)  # the connection is down or the server busy
                wait = min(wait * 2, LAST_RESEND)

    def _form(self, index: int) -> WireForm:
        """How question `index` is on the wire in this session (places on screen)."""
        question = self.questions[index]
        return wire_form(question, display_order(self.code, question))

    def _wire_answer(self, index: int, response: Response | None) -> object:
        """The answer as the server takes it: the places on screen of what was chosen."""
        if response is None or index >= len(self.questions):
            return None
        question = self.questions[index]
        return self._form(index).shown(json.loads(encode_response(response, question)))

    def _settle(
        self, index: int, change: int, response: Response | None, *, accepted: bool
    ) -> None:
        """The server took (or refused) this answer; forget it unless a newer one waits."""
        if accepted:
            if response is None:
                self.answers.pop(index, None)
            else:
                self.answers[index] = response
        if self._unsent.get(index, (None,))[0] != change:
            return  # a newer answer is on its way; the screen shows that one
        del self._unsent[index]
        screen = self._top_screen()
        if isinstance(screen, ParticipantQuestionScreen) and screen.position.index == index:
            screen.sent_as(response, accepted)

    # Keys --------------------------------------------------------------------

    def action_help(self) -> None:
        """Show the participant's keys."""
        from tutor.ui.dialogs.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            keys = gs.PARTICIPANT_KEYS
            self.push_screen(HelpScreen(gs.PARTICIPANT_HELP_TITLE, keys, gs.PARTICIPANT_HELP_TEXT))

    def action_glossary(self) -> None:
        """Show the glossary of the lesson."""
        from tutor.ui.dialogs.glossary import GlossaryScreen

        if self.lesson is None or isinstance(self.screen, ModalScreen):
            return
        step = getattr(self.screen, "step", None)
        self.push_screen(GlossaryScreen(self.lesson, step.terms if step is not None else None))

    def action_go_home(self) -> None:
        """Esc does nothing: the trainer decides what is on screen."""
