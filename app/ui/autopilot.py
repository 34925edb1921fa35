"""Autopilot: drives a real exam with no person, printing every confirmed save (for the crash tests).

Started by app.gui when MOCKEXAM_AUTOPILOT holds a JSON spec such as
`{"count": 8, "seconds": 600, "interval_ms": 40}`. It resumes the newest open attempt if there is one,
else starts a new exam, then answers one unanswered question per tick. It prints, one per line, flushed:
`started ID DEADLINE`, `resumed ID ANSWERED DEADLINE`, `saved ID QID RESPONSE_JSON`, `all-answered ID`.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QObject, QTimer

from app.core.models import Blueprint, QuestionType
from app.core.session import ExamSession
from app.ui.main_window import MainWindow
from app.ui.page_ids import Page

CHOICE_TYPES = frozenset({QuestionType.SINGLE, QuestionType.MULTIPLE, QuestionType.TRUEFALSE})


def _say(*words: object) -> None:
    print(*words, flush=True)


class Autopilot(QObject):
    """Answers the exam on screen, one question per tick."""

    def __init__(self, window: MainWindow, spec: str) -> None:
        super().__init__(window)
        self.window = window
        options = json.loads(spec)
        self._timer = QTimer(self)
        self._timer.setInterval(int(options.get("interval_ms", 50)))
        self._timer.timeout.connect(self._answer_next)
        self._begin(int(options.get("count", 8)), options.get("seconds", 600))
        self._timer.start()

    def _begin(self, count: int, seconds: int | None) -> None:
        services = self.window.services
        assert services is not None
        for record in services.store.open_attempts():
            session = ExamSession.resume(record, services.bank, services.store, services.make_clock())
            if not session.clock.expired():
                self.window.show_session(session)
                _say("resumed", session.attempt_id, session.answered_count, session.clock.deadline)
                return
        blueprint = Blueprint("autopilot", count, seconds, types=CHOICE_TYPES)
        self.window.start_exam(blueprint)
        started = self.window.exam.session
        assert started is not None
        _say("started", started.attempt_id, started.clock.deadline)

    def _answer_next(self) -> None:
        session = self.window.exam.session
        if session is None or session.result is not None or self.window.current_page() is not Page.EXAM:
            self._timer.stop()
            return
        unanswered = session.unanswered
        if not unanswered:
            self._timer.stop()
            _say("all-answered", session.attempt_id)
            return
        self.window.exam.go_to(unanswered[0])
        question = self.window.exam.question
        self.window.exam.pick(session.answered_count % 2)  # option A or B, through the keyboard path
        if session.is_answered(question.id) and session.unsaved_count == 0:
            _say("saved", session.attempt_id, question.id, json.dumps(session.response(question.id)))
