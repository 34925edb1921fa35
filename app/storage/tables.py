"""SQLModel table rows (the latest schema); they never leave the storage package."""

from __future__ import annotations

from sqlmodel import Field, SQLModel


class QuestionIndexRow(SQLModel, table=True):
    """One question of the loaded bank, as indexed."""

    __tablename__ = "question_index"

    id: str = Field(primary_key=True)
    path: str
    content_hash: str
    topic: str
    type: str
    difficulty: int
    tags: str = "[]"
    facts: str = "[]"
    indexed_at: float


class AttemptRow(SQLModel, table=True):
    """One sitting of an exam."""

    __tablename__ = "attempt"

    id: int | None = Field(default=None, primary_key=True)
    blueprint: str
    seed: int
    question_ids: str
    started_at: float
    deadline: float | None = None
    finished_at: float | None = None
    score: float | None = None
    max_score: float | None = None
    mode: str = "exam"
    flagged: str = "[]"
    finish_reason: str | None = None
    deleted_at: float | None = None


class AnswerRow(SQLModel, table=True):
    """The latest response to one question of one attempt."""

    __tablename__ = "answer"

    id: int | None = Field(default=None, primary_key=True)
    attempt_id: int = Field(foreign_key="attempt.id")
    question_id: str
    content_hash: str
    response: str
    changed_at: float
    time_spent_ms: int = 0
    self_grade: str | None = None


class QuestionVersionRow(SQLModel, table=True):
    """A question's Markdown source as it was when answered, by content hash."""

    __tablename__ = "question_version"

    content_hash: str = Field(primary_key=True)
    question_id: str
    source: str
    saved_at: float
