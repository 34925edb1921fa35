"""A live attempt: responses saved as they change, flags, practice checks, pause, follow-ups, submit."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from app.core.clock import ExamClock
from app.core.layout import QuestionLayout, layout_for
from app.core.models import (
    Answer,
    AttemptId,
    AttemptRecord,
    Blueprint,
    Exam,
    Mark,
    Mode,
    Question,
    QuestionId,
    Response,
    Result,
    SelfGrade,
    is_empty,
)
from app.core.ports import AttemptStore
from app.core.scoring import ScoringRules, grade, grade_exam


@dataclass(frozen=True)
class SaveFailure:
    """A save that did not reach storage; the response is kept in memory and retried on the next save."""

    question_id: QuestionId
    detail: str


class ExamSession:
    """One attempt in progress. Every response is handed to the store at once."""

    def __init__(
        self,
        exam: Exam,
        store: AttemptStore,
        clock: ExamClock,
        attempt_id: AttemptId,
        bank: Mapping[QuestionId, Question] | None = None,
    ) -> None:
        self.exam = exam
        self.attempt_id = attempt_id
        self.clock = clock
        self.questions: list[Question] = list(exam.questions)
        self.flagged: set[QuestionId] = set()
        self.checked: dict[QuestionId, Mark] = {}
        self.self_grades: dict[QuestionId, SelfGrade] = {}
        self.result: Result | None = None
        self.finish_reason: str | None = None
        self._store = store
        self._bank = bank or {}
        self._responses: dict[QuestionId, Response] = {}
        self._saved_at: dict[QuestionId, float] = {}
        self._unsaved: dict[QuestionId, Answer] = {}

    @classmethod
    def start(
        cls,
        exam: Exam,
        store: AttemptStore,
        clock: ExamClock,
        bank: Mapping[QuestionId, Question] | None = None,
    ) -> ExamSession:
        """Store a new attempt (deadline = now + duration) and open a session on it."""
        started = clock.now()
        duration = exam.blueprint.duration_s
        clock.deadline = started + duration if duration else None
        attempt_id = store.start_attempt(exam, started, clock.deadline)
        return cls(exam, store, clock, attempt_id, bank)

    @classmethod
    def resume(
        cls, record: AttemptRecord, bank: Mapping[QuestionId, Question], store: AttemptStore, clock: ExamClock
    ) -> ExamSession:
        """Reopen a stored, unsubmitted attempt with its answers, flags and deadline.

        Questions no longer in the bank are left out; their saved answers stay in the database.
        """
        questions = tuple(bank[q] for q in record.question_ids if q in bank)
        clock.deadline = record.deadline
        session = cls(Exam(record.blueprint, record.seed, questions), store, clock, record.id, bank)
        for qid, answer in record.answers.items():
            session._responses[qid] = answer.response
            session._saved_at[qid] = answer.changed_at
            if answer.self_grade is not None:
                session.self_grades[qid] = answer.self_grade
        session.flagged = {q for q in record.flagged if q in {x.id for x in questions}}
        return session

    @property
    def blueprint(self) -> Blueprint:
        """The blueprint the attempt was drawn from."""
        return self.exam.blueprint

    @property
    def practice(self) -> bool:
        """Whether answers may be checked one by one."""
        return self.exam.blueprint.mode is Mode.PRACTICE

    def layout(self, question: Question) -> QuestionLayout:
        """Option and item orders for this attempt (stable across restarts)."""
        return layout_for(question, self.exam.seed, self.exam.blueprint.shuffle_options)

    def response(self, question_id: QuestionId) -> Response:
        """The current response to a question (None when unanswered)."""
        return self._responses.get(question_id)

    def is_answered(self, question_id: QuestionId) -> bool:
        """Whether the question has a non-empty response."""
        return not is_empty(self._responses.get(question_id))

    @property
    def answered_count(self) -> int:
        """How many questions have a response."""
        return sum(self.is_answered(q.id) for q in self.questions)

    @property
    def unanswered(self) -> list[int]:
        """Indexes of the questions without a response."""
        return [i for i, q in enumerate(self.questions) if not self.is_answered(q.id)]

    @property
    def unsaved_count(self) -> int:
        """Responses kept in memory because storage refused them."""
        return len(self._unsaved)

    @property
    def last_saved_at(self) -> float | None:
        """When the most recent answer was saved."""
        return max(self._saved_at.values(), default=None)

    def record(self, question: Question, response: Response, time_spent_ms: int = 0) -> SaveFailure | None:
        """Keep a response and write it through; a failure is returned, never raised."""
        if self.result is not None:
            raise RuntimeError("the attempt is already submitted")
        if question.id in self.checked:
            return None  # a checked practice answer is final
        self._responses[question.id] = response
        now = self.clock.now()
        self._unsaved[question.id] = Answer(question.id, question.content_hash, response, now, time_spent_ms)
        failure = self._flush()
        if not is_empty(response):
            self._reveal_followups(question)
        return failure

    def _flush(self) -> SaveFailure | None:
        for question_id, answer in list(self._unsaved.items()):
            try:
                self._store.save_answer(self.attempt_id, answer)
            except Exception as exc:
                return SaveFailure(question_id, str(exc) or type(exc).__name__)
            del self._unsaved[question_id]
            self._saved_at[question_id] = answer.changed_at
        return None

    def _reveal_followups(self, parent: Question) -> None:
        present = {q.id for q in self.questions}
        position = self.questions.index(parent) + 1
        added = False
        for followup_id in parent.followups:
            followup = self._bank.get(followup_id)
            if followup is not None and followup_id not in present:
                self.questions.insert(position, followup)
                present.add(followup_id)
                position += 1
                added = True
        if added:
            self._store.update_question_ids(self.attempt_id, [q.id for q in self.questions])
            self._store.save_question_versions([q for q in self.questions if q.id in parent.followups])

    def toggle_flag(self, question_id: QuestionId) -> bool:
        """Flag or unflag a question for review; returns whether it is flagged now."""
        if question_id in self.flagged:
            self.flagged.discard(question_id)
        else:
            self.flagged.add(question_id)
        self._store.save_flags(self.attempt_id, self.flagged)
        return question_id in self.flagged

    def check(self, question: Question) -> Mark:
        """Practice mode: grade one answer now; it cannot be changed afterwards."""
        if not self.practice:
            raise RuntimeError("answers can be checked only in practice mode")
        mark = grade(
            question,
            self._responses.get(question.id),
            ScoringRules.of(self.exam.blueprint),
            self.self_grades.get(question.id),
        )
        self.checked[question.id] = mark
        return mark

    def self_grade(self, question: Question, ticked: SelfGrade) -> Mark:
        """Grade an open answer by the key points the user says it covered (revisable); returns its mark.

        In practice this follows "check answer"; after submitting, the attempt's score is updated.
        """
        if is_empty(self._responses.get(question.id)):
            raise ValueError("an unanswered question has nothing to self-grade")
        ticks = tuple(sorted(set(ticked)))
        self._flush()
        self._store.save_self_grade(self.attempt_id, question.id, ticks)
        self.self_grades[question.id] = ticks
        mark = grade(question, self._responses.get(question.id), ScoringRules.of(self.blueprint), ticks)
        if question.id in self.checked:
            self.checked[question.id] = mark
        if self.result is not None:
            self.result = self._grade()
            self._store.update_score(self.attempt_id, self.result)
        return mark

    def _grade(self) -> Result:
        exam = Exam(self.exam.blueprint, self.exam.seed, tuple(self.questions))
        return grade_exam(exam, self._responses, self.self_grades)

    @property
    def pause_allowed(self) -> bool:
        """Whether this attempt's blueprint lets the clock stop."""
        return self.exam.blueprint.pause_allowed

    def pause(self) -> None:
        """Stop the clock (only where the blueprint allows it)."""
        if not self.pause_allowed:
            raise RuntimeError("pause is not allowed in this exam")
        self.clock.pause()

    def resume_clock(self) -> None:
        """Restart the clock and store the moved deadline."""
        before = self.clock.deadline
        after = self.clock.resume()
        if after != before:
            self._store.update_deadline(self.attempt_id, after)

    def submit(self, reason: str = "user", finished_at: float | None = None) -> Result:
        """Grade the responses as they stand and store the result (idempotent)."""
        if self.result is None:
            self._flush()
            result = self._grade()
            self._store.finish_attempt(
                self.attempt_id, result, self.clock.now() if finished_at is None else finished_at, reason
            )
            self.result = result
            self.finish_reason = reason
        return self.result
