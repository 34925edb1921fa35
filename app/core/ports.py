"""Protocols the storage layer implements and the ui consumes, so neither knows the other."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

from app.core.models import Answer, AttemptId, AttemptRecord, Exam, Question, QuestionId, Result, SelfGrade


class AttemptStore(Protocol):
    """Where attempts and their answers are kept as they happen."""

    def start_attempt(self, exam: Exam, started_at: float, deadline: float | None) -> AttemptId:
        """Record a new attempt and return its id."""
        ...

    def save_answer(self, attempt_id: AttemptId, answer: Answer) -> None:
        """Insert or replace the answer to one question of an attempt (its own small transaction)."""
        ...

    def finish_attempt(
        self, attempt_id: AttemptId, result: Result, finished_at: float, reason: str = "user"
    ) -> None:
        """Mark an attempt submitted with its score and why ("user", "clock", "deadline")."""
        ...

    def save_self_grade(
        self, attempt_id: AttemptId, question_id: QuestionId, ticked: SelfGrade | None
    ) -> None:
        """The key points ticked for an open answer (None: not graded yet)."""
        ...

    def rebase_answers(self, attempt_id: AttemptId, questions: Sequence[Question]) -> None:
        """Point the attempt's answers at these (newer) question versions, after regrading."""
        ...

    def update_score(self, attempt_id: AttemptId, result: Result) -> None:
        """A submitted attempt's score after self-grading or regrading."""
        ...

    def save_question_versions(self, questions: Sequence[Question]) -> None:
        """Keep the source of each question version an attempt draws."""
        ...

    def question_sources(self, content_hashes: Iterable[str]) -> dict[str, str]:
        """Content hash -> the question's Markdown as answered."""
        ...

    def delete_attempt(self, attempt_id: AttemptId, deleted_at: float | None = None) -> None:
        """Hide an attempt from history, restorable until the next start."""
        ...

    def restore_attempt(self, attempt_id: AttemptId) -> None:
        """Undo a delete."""
        ...

    def save_flags(self, attempt_id: AttemptId, flagged: Iterable[QuestionId]) -> None:
        """The questions flagged for review."""
        ...

    def update_deadline(self, attempt_id: AttemptId, deadline: float | None) -> None:
        """Move the deadline (after a pause)."""
        ...

    def update_question_ids(self, attempt_id: AttemptId, question_ids: Sequence[QuestionId]) -> None:
        """The attempt's questions in order."""
        ...

    def open_attempts(self) -> Sequence[AttemptRecord]:
        """Unsubmitted attempts with their answers, newest first."""
        ...

    def finished_attempts_with_answers(self) -> Sequence[AttemptRecord]:
        """Submitted attempts with their answers, oldest first."""
        ...

    def load_attempt(self, attempt_id: AttemptId) -> AttemptRecord | None:
        """An attempt with its answers, or None."""
        ...

    def list_attempts(self) -> Sequence[AttemptRecord]:
        """Every attempt, newest first, without answers."""
        ...


class BankIndex(Protocol):
    """The database's index of the question bank."""

    def sync_questions(self, questions: Sequence[Question]) -> int:
        """Bring the index in line with the loaded bank; returns how many rows changed."""
        ...


class QuestionSearch(Protocol):
    """A full-text index of questions (Chinese and English)."""

    def replace(self, questions: Iterable[Question], removed: Iterable[QuestionId] = ()) -> None:
        """Add or re-index `questions` and drop `removed`."""
        ...

    def search(self, query: str, limit: int = ...) -> list[QuestionId]:
        """Ids matching every piece of `query`, best first."""
        ...
