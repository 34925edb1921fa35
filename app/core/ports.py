"""Protocols the storage layer implements and the ui consumes, so neither knows the other."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from app.core.models import Answer, AttemptId, AttemptRecord, Exam, Question, Result


class AttemptStore(Protocol):
    """Where attempts and their answers are kept as they happen."""

    def start_attempt(self, exam: Exam, started_at: float, deadline: float | None) -> AttemptId:
        """Record a new attempt and return its id."""
        ...

    def save_answer(self, attempt_id: AttemptId, answer: Answer) -> None:
        """Insert or replace the answer to one question of an attempt (its own small transaction)."""
        ...

    def finish_attempt(self, attempt_id: AttemptId, result: Result, finished_at: float) -> None:
        """Mark an attempt submitted with its score."""
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
