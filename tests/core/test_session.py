"""ExamSession over an in-memory AttemptStore: write-through saves, failures kept and retried, submission."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pytest

from app.core.clock import ExamClock
from app.core.models import (
    Answer,
    AttemptId,
    AttemptRecord,
    Blueprint,
    Exam,
    Question,
    QuestionId,
    Result,
    SelfGrade,
)
from app.core.ports import AttemptStore
from app.core.scoring import key_response
from app.core.session import ExamSession, SaveFailure


class MemoryStore:
    """An AttemptStore in a dict; `failing` makes save_answer raise."""

    def __init__(self) -> None:
        self.started: list[tuple[Exam, float, float | None]] = []
        self.answers: dict[QuestionId, Answer] = {}
        self.save_calls: list[QuestionId] = []
        self.finished: list[tuple[AttemptId, Result, float]] = []
        self.reasons: list[str] = []
        self.flags: list[set[QuestionId]] = []
        self.deadlines: list[float | None] = []
        self.question_ids: list[list[QuestionId]] = []
        self.failing = False
        self.self_grades: dict[QuestionId, SelfGrade | None] = {}
        self.rescored: list[Result] = []
        self.versions: list[QuestionId] = []

    def start_attempt(self, exam: Exam, started_at: float, deadline: float | None) -> AttemptId:
        self.started.append((exam, started_at, deadline))
        return AttemptId(len(self.started))

    def save_answer(self, attempt_id: AttemptId, answer: Answer) -> None:
        assert attempt_id == AttemptId(1)
        self.save_calls.append(answer.question_id)
        if self.failing:
            raise OSError("disk full")
        self.answers[answer.question_id] = answer

    def finish_attempt(
        self, attempt_id: AttemptId, result: Result, finished_at: float, reason: str = "user"
    ) -> None:
        self.finished.append((attempt_id, result, finished_at))
        self.reasons.append(reason)

    def save_flags(self, attempt_id: AttemptId, flagged: Iterable[QuestionId]) -> None:
        self.flags.append(set(flagged))

    def update_deadline(self, attempt_id: AttemptId, deadline: float | None) -> None:
        self.deadlines.append(deadline)

    def update_question_ids(self, attempt_id: AttemptId, question_ids: Sequence[QuestionId]) -> None:
        self.question_ids.append(list(question_ids))

    def open_attempts(self) -> Sequence[AttemptRecord]:
        return []

    def finished_attempts_with_answers(self) -> Sequence[AttemptRecord]:
        return []

    def load_attempt(self, attempt_id: AttemptId) -> AttemptRecord | None:
        return None

    def list_attempts(self) -> Sequence[AttemptRecord]:
        return []

    def save_self_grade(
        self, attempt_id: AttemptId, question_id: QuestionId, ticked: SelfGrade | None
    ) -> None:
        self.self_grades[question_id] = ticked

    def rebase_answers(self, attempt_id: AttemptId, questions: Sequence[Question]) -> None:
        raise NotImplementedError

    def update_score(self, attempt_id: AttemptId, result: Result) -> None:
        self.rescored.append(result)

    def save_question_versions(self, questions: Sequence[Question]) -> None:
        self.versions.extend(q.id for q in questions)

    def question_sources(self, content_hashes: Iterable[str]) -> dict[str, str]:
        return {}

    def delete_attempt(self, attempt_id: AttemptId, deleted_at: float | None = None) -> None:
        raise NotImplementedError

    def restore_attempt(self, attempt_id: AttemptId) -> None:
        raise NotImplementedError


_PROTOCOL_CHECK: type[AttemptStore] = MemoryStore  # mypy checks the fake against the protocol


@pytest.fixture
def store() -> MemoryStore:
    return MemoryStore()


@pytest.fixture
def exam(good) -> Exam:
    questions = tuple(good[qid] for qid in ("fx-single", "fx-multiple", "fx-truefalse"))
    return Exam(Blueprint("t", 3, 600), seed=7, questions=questions)


@pytest.fixture
def session(exam: Exam, store: MemoryStore, wall, mono) -> ExamSession:
    return ExamSession.start(exam, store, ExamClock(None, wall=wall, monotonic=mono))


def test_start_stores_the_attempt_with_a_deadline_from_the_duration(session, store, exam, wall) -> None:
    assert store.started == [(exam, wall.now, wall.now + 600)]
    assert session.attempt_id == AttemptId(1)
    assert session.clock.deadline == wall.now + 600
    assert session.clock.remaining() == 600


def test_untimed_exam_has_no_deadline(exam: Exam, store: MemoryStore, wall, mono) -> None:
    untimed = Exam(Blueprint("t", 3, None), exam.seed, exam.questions)
    session = ExamSession.start(untimed, store, ExamClock(None, wall=wall, monotonic=mono))
    assert store.started[0][2] is None
    assert session.clock.remaining() is None


def test_record_saves_immediately(session, store, exam, mono) -> None:
    single = exam.questions[0]
    mono.now += 12
    assert session.record(single, "B", time_spent_ms=1500) is None
    saved = store.answers[single.id]
    assert (saved.response, saved.content_hash, saved.time_spent_ms) == ("B", single.content_hash, 1500)
    assert saved.changed_at == session.clock.now()
    assert session.unsaved_count == 0
    assert session.is_answered(single.id)
    assert session.answered_count == 1


def test_failed_save_returns_a_failure_and_keeps_the_response(session, store, exam) -> None:
    single = exam.questions[0]
    store.failing = True
    failure = session.record(single, "B")
    assert failure == SaveFailure(single.id, "disk full")
    assert session.response(single.id) == "B"
    assert session.unsaved_count == 1
    assert single.id not in store.answers


def test_next_successful_record_flushes_the_earlier_unsaved_one(session, store, exam) -> None:
    single, multiple, _ = exam.questions
    store.failing = True
    assert session.record(single, "B") is not None
    store.failing = False
    assert session.record(multiple, ["A", "C"]) is None
    assert store.answers[single.id].response == "B"
    assert store.answers[multiple.id].response == ["A", "C"]
    assert session.unsaved_count == 0


def test_rerecording_an_unsaved_question_saves_the_latest_response(session, store, exam) -> None:
    single = exam.questions[0]
    store.failing = True
    session.record(single, "A")
    store.failing = False
    assert session.record(single, "B") is None
    assert store.answers[single.id].response == "B"
    assert store.save_calls == [single.id, single.id]


def test_submit_grades_and_stores_the_result(session, store, exam, mono) -> None:
    for q in exam.questions[:2]:
        session.record(q, key_response(q))
    mono.now += 100
    result = session.submit()
    assert [m.score for m in result.marks] == [1.0, 1.0, 0.0]
    assert store.finished == [(session.attempt_id, result, session.clock.now())]
    assert session.result is result


def test_submit_is_idempotent(session, store, exam) -> None:
    session.record(exam.questions[2], False)
    first = session.submit()
    second = session.submit()
    assert second is first
    assert len(store.finished) == 1
    assert first.score == 1.0


def test_submit_flushes_unsaved_answers_first(session, store, exam) -> None:
    truefalse = exam.questions[2]
    store.failing = True
    session.record(truefalse, False)
    store.failing = False
    session.submit()
    assert store.answers[truefalse.id].response is False


def test_record_after_submit_raises(session, exam) -> None:
    session.submit()
    with pytest.raises(RuntimeError, match="already submitted"):
        session.record(exam.questions[0], "B")


def test_empty_responses_do_not_count_as_answered(session, exam) -> None:
    for q, empty in zip(exam.questions, ("", [], None), strict=True):
        session.record(q, empty)
    assert session.answered_count == 0
    assert not any(session.is_answered(q.id) for q in session.questions)
    session.record(exam.questions[2], False)
    assert session.answered_count == 1  # False is an answer, not an empty one
