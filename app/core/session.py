"""A live exam: responses saved as they change, the clock, and submission. Qt-free, driven by the ui."""

from __future__ import annotations

from dataclasses import dataclass

from app.core.clock import ExamClock
from app.core.models import Answer, AttemptId, Exam, Question, QuestionId, Response, Result
from app.core.ports import AttemptStore
from app.core.scoring import grade_exam


@dataclass(frozen=True)
class SaveFailure:
    """A save that did not reach storage; the response is kept in memory and retried on the next save."""

    question_id: QuestionId
    detail: str


class ExamSession:
    """One attempt in progress. Every response is handed to the store at once."""

    def __init__(self, exam: Exam, store: AttemptStore, clock: ExamClock, attempt_id: AttemptId) -> None:
        self.exam = exam
        self.attempt_id = attempt_id
        self.clock = clock
        self._store = store
        self._responses: dict[QuestionId, Response] = {}
        self._unsaved: dict[QuestionId, Answer] = {}
        self.result: Result | None = None

    @classmethod
    def start(cls, exam: Exam, store: AttemptStore, clock: ExamClock) -> ExamSession:
        """Store a new attempt (deadline = now + duration) and open a session on it."""
        started = clock.now()
        duration = exam.blueprint.duration_s
        deadline = started + duration if duration else None
        clock.deadline = deadline
        attempt_id = store.start_attempt(exam, started, deadline)
        return cls(exam, store, clock, attempt_id)

    @property
    def questions(self) -> tuple[Question, ...]:
        """The exam's questions in order."""
        return self.exam.questions

    def response(self, question_id: QuestionId) -> Response:
        """The current response to a question (None when unanswered)."""
        return self._responses.get(question_id)

    def is_answered(self, question_id: QuestionId) -> bool:
        """Whether the question has a non-empty response."""
        return self._responses.get(question_id) not in (None, "", [], {})

    @property
    def answered_count(self) -> int:
        """How many questions have a response."""
        return sum(self.is_answered(q.id) for q in self.questions)

    @property
    def unsaved_count(self) -> int:
        """Responses kept in memory because storage refused them."""
        return len(self._unsaved)

    def record(self, question: Question, response: Response, time_spent_ms: int = 0) -> SaveFailure | None:
        """Keep a response and write it through; a failure is returned, never raised."""
        if self.result is not None:
            raise RuntimeError("the attempt is already submitted")
        self._responses[question.id] = response
        self._unsaved[question.id] = Answer(
            question.id, question.content_hash, response, self.clock.now(), time_spent_ms
        )
        return self._flush()

    def _flush(self) -> SaveFailure | None:
        for question_id, answer in list(self._unsaved.items()):
            try:
                self._store.save_answer(self.attempt_id, answer)
            except Exception as exc:
                return SaveFailure(question_id, str(exc) or type(exc).__name__)
            del self._unsaved[question_id]
        return None

    def submit(self) -> Result:
        """Grade the responses as they stand and store the result (idempotent)."""
        if self.result is None:
            self._flush()
            result = grade_exam(self.exam, self._responses)
            self._store.finish_attempt(self.attempt_id, result, self.clock.now())
            self.result = result
        return self.result
