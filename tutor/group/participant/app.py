"""The participant's app (`tutor join`): follow the trainer and answer anonymously.

After the code is typed, a timer reads the trainer's position from the group
store a few times a second and shows the same step, question or open question.
The participant's answers go to the store; nothing of other participants ever
comes back, and the nickname stays in this app.
"""

from __future__ import annotations

import time
from pathlib import Path

from textual.app import App
from textual.binding import Binding
from textual.screen import ModalScreen, Screen

from tutor.core.content.loader import Content, load_content
from tutor.core.content.models import Lesson, Question
from tutor.core.questions import Response, check
from tutor.core.text import common as strings
from tutor.core.text import group as gs
from tutor.group.answers import encode_response
from tutor.group.participant.screens.base import ParticipantScreen
from tutor.group.participant.screens.join import JoinScreen
from tutor.group.participant.screens.question import ParticipantQuestionScreen
from tutor.store.group import (
    AnswerClosed,
    EndedSession,
    ExpiredSession,
    GroupStore,
    GroupStoreError,
    InvalidInput,
    Position,
    SessionFull,
    StoreFailure,
    UnknownSession,
    normalise_code,
    open_group_store,
)
from tutor.ui import BASE_CSS

POLL_SECONDS = 0.25
HEARTBEAT_SECONDS = 10.0


class ParticipantApp(App[None]):
    """Joins a group session and follows the trainer.

    Args:
        code: The session code, if given on the command line (still asks for a name).
        content: Loaded content; loaded from `content_root` on joining when None.
        content_root: Where the content is (default: the shipped lessons).
        store: The shared group store; the one in the data folder when None.
        poll_seconds: How often the trainer's position is read.
    """

    CSS_PATH = [BASE_CSS, Path(__file__).parents[1] / "group.tcss"]
    TITLE = f"{gs.GROUP_TITLE}: {strings.APP_TITLE}"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [Binding("ctrl+q", "quit", "Stoppen", show=False)]

    def __init__(
        self,
        *,
        code: str | None = None,
        content: Content | None = None,
        content_root: Path | None = None,
        store: GroupStore | None = None,
        poll_seconds: float = POLL_SECONDS,
    ) -> None:
        super().__init__()
        self.initial_code = code
        self.content = content
        self.content_root = content_root
        self.store: GroupStore = store if store is not None else open_group_store()
        self.poll_seconds = poll_seconds
        self.code = ""
        self.token = ""
        self.nickname = ""
        self.lesson: Lesson | None = None
        self.questions: list[Question] = []
        self.answers: dict[int, Response] = {}
        """The answers this participant sent, by question index."""
        self._shown: tuple[str, int] | None = None
        self._heartbeat = 0.0
        self._following = False

    def on_mount(self) -> None:
        from tutor.group.participant.screens.join import JoinScreen

        self.push_screen(JoinScreen(self.initial_code))

    def on_join_screen_join_asked(self, message: JoinScreen.JoinAsked) -> None:
        problem = self.join(message.code, message.name)
        if problem and isinstance(self.screen, JoinScreen):
            self.screen.show_problem(problem)

    def on_participant_question_screen_answer_changed(
        self, message: ParticipantQuestionScreen.AnswerChanged
    ) -> None:
        accepted = self.send_answer(message.index, message.response)
        message.screen.sent_as(message.response, accepted)

    def join(self, code_text: str, nickname: str = "") -> str | None:
        """Join a session; return a Dutch message saying why not, or None when joined."""
        try:
            code = normalise_code(code_text)
        except InvalidInput:
            return gs.JOIN_BAD_CODE
        try:
            position = self.store.position(code)
            if position.ended:
                return gs.JOIN_ENDED.format(code=code)
            lesson = self._lesson(position.lesson_id)
            if lesson is None:
                return gs.JOIN_NO_LESSON
            self.token = self.store.join(code)
        except GroupStoreError as error:
            return self._problem(error, code)
        self.code, self.nickname, self.lesson = code, nickname, lesson
        quiz = self.content.quizzes.get(lesson.id) if self.content else None
        self.questions = list(quiz.questions) if quiz else []
        self._heartbeat = time.monotonic()
        self._following = True
        self.set_interval(self.poll_seconds, self.follow, name="participant-poll")
        self.call_later(self.follow)
        return None

    def _lesson(self, lesson_id: str) -> Lesson | None:
        if self.content is None:
            self.content = load_content(self.content_root)
        return next((ls for ls in self.content.lessons if ls.id == lesson_id), None)

    @staticmethod
    def _problem(error: GroupStoreError, code: str) -> str:
        messages = {
            UnknownSession: gs.JOIN_UNKNOWN,
            ExpiredSession: gs.JOIN_EXPIRED,
            EndedSession: gs.JOIN_ENDED,
            SessionFull: gs.JOIN_FULL,
        }
        return messages.get(type(error), gs.JOIN_BAD_CODE).format(code=code)

    async def follow(self) -> None:
        """Show what the trainer shows now (called by the timer)."""
        if not self._following or self.lesson is None:
            return
        try:
            position = self.store.position(self.code)
            now = time.monotonic()
            if now - self._heartbeat >= HEARTBEAT_SECONDS:
                self._heartbeat = now
                self.store.seen(self.code, self.token)
        except StoreFailure:
            return  # a busy database: the next tick tries again
        except ExpiredSession:
            message = gs.JOIN_EXPIRED.format(code=self.code)
            await self._show_end(Position(self.lesson.id, "summary"), message)
            return
        except GroupStoreError:
            await self._show_end(Position(self.lesson.id, "summary"), gs.PARTICIPANT_LOST)
            return
        if position.ended:
            await self._show_end(position, gs.END_ENDED)
            return
        key = (position.kind, position.index)
        screen = self._top_screen()
        if key != self._shown or not isinstance(screen, ParticipantScreen):
            await self._switch(self._screen_for(position), key)
        else:
            screen.follow(position)

    def _top_screen(self) -> Screen[object]:
        """The screen under any dialog."""
        stack: list[Screen[object]] = list(self.screen_stack)
        for screen in reversed(stack):
            if not isinstance(screen, ModalScreen):
                return screen
        return stack[-1]

    async def _switch(self, screen: Screen[None], key: tuple[str, int]) -> None:
        while isinstance(self.screen, ModalScreen):
            self.pop_screen()
        self._shown = key
        await self.switch_screen(screen)

    async def _show_end(self, position: Position, message: str) -> None:
        from tutor.group.participant.screens.end import ParticipantEndScreen

        self._following = False
        assert self.lesson is not None
        await self._switch(
            ParticipantEndScreen(self.lesson, position, message, self.score_text()),
            ("end", 0),
        )

    def _screen_for(self, position: Position) -> Screen[None]:
        lesson = self.lesson
        assert lesson is not None
        if position.kind == "step" and position.index < len(lesson.steps):
            from tutor.group.participant.screens.step import ParticipantStepScreen

            return ParticipantStepScreen(lesson, position)
        if position.kind == "question" and position.index < len(self.questions):
            from tutor.group.participant.screens.question import ParticipantQuestionScreen

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

            return ParticipantEndScreen(lesson, position, gs.END_THANKS, self.score_text())
        from tutor.group.participant.screens.wait import ParticipantWaitScreen

        return ParticipantWaitScreen(lesson, position)

    def send_answer(self, question_index: int, response: Response | None) -> bool:
        """Give the trainer this answer (None takes it back); False if that did not work."""
        try:
            if response is None:
                self.store.withdraw(self.code, self.token, question_index)
                self.answers.pop(question_index, None)
            else:
                question = (
                    self.questions[question_index] if question_index < len(self.questions) else None
                )
                text = encode_response(response, question)
                self.store.answer(self.code, self.token, question_index, text)
                self.answers[question_index] = response
        except AnswerClosed:
            self.notify(gs.PARTICIPANT_TOO_LATE, severity="warning")
            return False
        except GroupStoreError:
            self.notify(gs.PARTICIPANT_LOST, severity="error")
            return False
        return True

    def score_text(self) -> str:
        """How many questions this participant got right (only they see it)."""
        if not self.questions or not self.answers:
            return ""
        right = sum(
            check(self.questions[index], response).correct
            for index, response in self.answers.items()
            if index < len(self.questions)
        )
        return gs.END_SCORE.format(right=right, total=len(self.questions))

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
