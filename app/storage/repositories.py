"""Repositories that store and return core dataclasses; rows are converted at this boundary."""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, delete, select

from app.core.bank.dump import question_to_markdown
from app.core.models import (
    Answer,
    AttemptId,
    AttemptRecord,
    Exam,
    Question,
    QuestionId,
    Result,
    SelfGrade,
)
from app.storage.codec import blueprint_from_json, blueprint_to_json, response_from_json, response_to_json
from app.storage.tables import AnswerRow, AttemptRow, QuestionIndexRow, QuestionVersionRow

_LIVE = col(AttemptRow.deleted_at).is_(None)


class SqlAttemptStore:
    """Attempts and answers in SQLite; each call is its own short transaction."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def start_attempt(self, exam: Exam, started_at: float, deadline: float | None) -> AttemptId:
        """Record a new attempt and return its id."""
        row = AttemptRow(
            blueprint=blueprint_to_json(exam.blueprint),
            seed=exam.seed,
            question_ids=json.dumps([q.id for q in exam.questions]),
            started_at=started_at,
            deadline=deadline,
            max_score=exam.max_score,
            mode=exam.blueprint.mode.value,
        )
        with Session(self._engine) as session:
            session.add(row)
            _add_versions(session, exam.questions)
            session.commit()
            assert row.id is not None
            return AttemptId(row.id)

    def save_answer(self, attempt_id: AttemptId, answer: Answer) -> None:
        """Insert or replace the answer to one question of an attempt."""
        values = {
            "attempt_id": attempt_id,
            "question_id": answer.question_id,
            "content_hash": answer.content_hash,
            "response": response_to_json(answer.response),
            "changed_at": answer.changed_at,
            "time_spent_ms": answer.time_spent_ms,
        }
        statement = insert(AnswerRow).values(**values)
        statement = statement.on_conflict_do_update(
            index_elements=["attempt_id", "question_id"],
            set_={
                k: statement.excluded[k] for k in ("content_hash", "response", "changed_at", "time_spent_ms")
            },
        )
        with Session(self._engine) as session:
            session.exec(statement)
            session.commit()

    def finish_attempt(
        self, attempt_id: AttemptId, result: Result, finished_at: float, reason: str = "user"
    ) -> None:
        """Mark an attempt submitted with its score and why it was finished."""
        with Session(self._engine) as session:
            row = self._row(session, attempt_id)
            row.finished_at = finished_at
            row.score = result.score
            row.max_score = result.max_score
            row.finish_reason = reason
            session.add(row)
            session.commit()

    def save_self_grade(
        self, attempt_id: AttemptId, question_id: QuestionId, ticked: SelfGrade | None
    ) -> None:
        """The key points the user ticked for an open answer (None: not graded yet)."""
        encoded = None if ticked is None else json.dumps(sorted(set(ticked)))
        with Session(self._engine) as session:
            row = session.exec(
                select(AnswerRow).where(
                    AnswerRow.attempt_id == attempt_id, AnswerRow.question_id == question_id
                )
            ).first()
            if row is None:
                raise KeyError(f"attempt {attempt_id} has no answer to {question_id} to self-grade")
            row.self_grade = encoded
            session.add(row)
            session.commit()

    def rebase_answers(self, attempt_id: AttemptId, questions: Sequence[Question]) -> None:
        """Regrading against a newer key: the attempt's answers now refer to these question versions."""
        with Session(self._engine) as session:
            _add_versions(session, questions)
            for question in questions:
                row = session.exec(
                    select(AnswerRow).where(
                        AnswerRow.attempt_id == attempt_id, AnswerRow.question_id == question.id
                    )
                ).first()
                if row is not None:
                    row.content_hash = question.content_hash
                    session.add(row)
            session.commit()

    def update_score(self, attempt_id: AttemptId, result: Result) -> None:
        """A submitted attempt's score after self-grading or regrading."""
        self._update(attempt_id, score=result.score, max_score=result.max_score)

    def delete_attempt(self, attempt_id: AttemptId, deleted_at: float | None = None) -> None:
        """Hide an attempt from history; it is restorable until `purge_deleted` (at the next start)."""
        self._update(attempt_id, deleted_at=time.time() if deleted_at is None else deleted_at)

    def restore_attempt(self, attempt_id: AttemptId) -> None:
        """Undo `delete_attempt`."""
        self._update(attempt_id, deleted_at=None)

    def purge_deleted(self) -> int:
        """Remove deleted attempts and their answers for good; returns how many attempts went."""
        with Session(self._engine) as session:
            ids = list(session.exec(select(AttemptRow.id).where(col(AttemptRow.deleted_at).is_not(None))))
            if ids:
                session.exec(delete(AnswerRow).where(col(AnswerRow.attempt_id).in_(ids)))
                session.exec(delete(AttemptRow).where(col(AttemptRow.id).in_(ids)))
                session.commit()
            return len(ids)

    def save_question_versions(self, questions: Sequence[Question]) -> None:
        """Keep the source of each question version (follow-ups revealed mid-attempt)."""
        with Session(self._engine) as session:
            _add_versions(session, questions)
            session.commit()

    def question_sources(self, content_hashes: Iterable[str]) -> dict[str, str]:
        """Content hash -> the question's Markdown as it was when an attempt drew it."""
        wanted = list(set(content_hashes))
        found: dict[str, str] = {}
        with Session(self._engine) as session:
            for start in range(0, len(wanted), 500):
                rows = session.exec(
                    select(QuestionVersionRow).where(
                        col(QuestionVersionRow.content_hash).in_(wanted[start : start + 500])
                    )
                ).all()
                found.update({r.content_hash: r.source for r in rows})
        return found

    def save_flags(self, attempt_id: AttemptId, flagged: Iterable[QuestionId]) -> None:
        """The questions flagged for review."""
        self._update(attempt_id, flagged=json.dumps(sorted(flagged)))

    def update_deadline(self, attempt_id: AttemptId, deadline: float | None) -> None:
        """Move the deadline (a pause extends it by the paused time)."""
        self._update(attempt_id, deadline=deadline)

    def update_question_ids(self, attempt_id: AttemptId, question_ids: Sequence[QuestionId]) -> None:
        """The attempt's questions in order (follow-ups are inserted as they are revealed)."""
        self._update(attempt_id, question_ids=json.dumps(list(question_ids)))

    def _update(self, attempt_id: AttemptId, **values: object) -> None:
        with Session(self._engine) as session:
            row = self._row(session, attempt_id)
            for key, value in values.items():
                setattr(row, key, value)
            session.add(row)
            session.commit()

    @staticmethod
    def _row(session: Session, attempt_id: AttemptId) -> AttemptRow:
        row = session.get(AttemptRow, attempt_id)
        if row is None:
            raise KeyError(f"no attempt {attempt_id}")
        return row

    def load_attempt(self, attempt_id: AttemptId) -> AttemptRecord | None:
        """An attempt with its answers, or None."""
        with Session(self._engine) as session:
            row = session.get(AttemptRow, attempt_id)
            if row is None or row.deleted_at is not None:
                return None
            answers = session.exec(select(AnswerRow).where(AnswerRow.attempt_id == attempt_id)).all()
            return _record(row, answers)

    def list_attempts(self) -> Sequence[AttemptRecord]:
        """Every attempt, newest first, without answers."""
        with Session(self._engine) as session:
            rows = session.exec(
                select(AttemptRow).where(_LIVE).order_by(col(AttemptRow.started_at).desc())
            ).all()
            return [_record(row, ()) for row in rows]

    def open_attempts(self) -> Sequence[AttemptRecord]:
        """Attempts started but never submitted, newest first, with their answers."""
        with Session(self._engine) as session:
            statement = select(AttemptRow).where(col(AttemptRow.finished_at).is_(None), _LIVE)
            rows = session.exec(statement.order_by(col(AttemptRow.started_at).desc())).all()
            ids = [AttemptId(r.id) for r in rows if r.id is not None]
        return [record for i in ids if (record := self.load_attempt(i)) is not None]

    def finished_attempts_with_answers(self) -> Sequence[AttemptRecord]:
        """Every submitted attempt with its answers, oldest first (the history the policies learn from)."""
        with Session(self._engine) as session:
            rows = session.exec(
                select(AttemptRow)
                .where(col(AttemptRow.finished_at).is_not(None), _LIVE)
                .order_by(col(AttemptRow.finished_at))
            ).all()
            answers = session.exec(select(AnswerRow)).all()
            by_attempt: dict[int, list[AnswerRow]] = {}
            for answer in answers:
                by_attempt.setdefault(answer.attempt_id, []).append(answer)
            return [_record(row, by_attempt.get(row.id or 0, [])) for row in rows]


def _record(row: AttemptRow, answers: Sequence[AnswerRow]) -> AttemptRecord:
    assert row.id is not None
    return AttemptRecord(
        id=AttemptId(row.id),
        blueprint=blueprint_from_json(row.blueprint),
        seed=row.seed,
        question_ids=tuple(QuestionId(q) for q in json.loads(row.question_ids)),
        started_at=row.started_at,
        deadline=row.deadline,
        finished_at=row.finished_at,
        score=row.score,
        max_score=row.max_score,
        mode=row.mode,
        flagged=frozenset(QuestionId(q) for q in json.loads(row.flagged)),
        finish_reason=row.finish_reason,
        answers={
            QuestionId(a.question_id): Answer(
                QuestionId(a.question_id),
                a.content_hash,
                response_from_json(a.response),
                a.changed_at,
                a.time_spent_ms,
                None if a.self_grade is None else tuple(int(i) for i in json.loads(a.self_grade)),
            )
            for a in answers
        },
    )


def _add_versions(session: Session, questions: Sequence[Question]) -> None:
    """Keep the source of each question version an attempt draws (once per content hash)."""
    hashes = [q.content_hash for q in questions if q.content_hash]
    if not hashes:
        return
    known = set(
        session.exec(
            select(QuestionVersionRow.content_hash).where(col(QuestionVersionRow.content_hash).in_(hashes))
        )
    )
    now = time.time()
    for question in questions:
        if question.content_hash and question.content_hash not in known:
            known.add(question.content_hash)
            session.add(
                QuestionVersionRow(
                    content_hash=question.content_hash,
                    question_id=question.id,
                    source=question_to_markdown(question),
                    saved_at=now,
                )
            )


class SqlBankIndex:
    """The bank as indexed in SQLite: one row per question id, refreshed by content hash."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def sync_questions(self, questions: Sequence[Question]) -> int:
        """Insert new and changed questions, drop vanished ones; returns how many rows changed."""
        now = time.time()
        changed = 0
        with Session(self._engine) as session:
            stored = {r.id: r for r in session.exec(select(QuestionIndexRow)).all()}
            for q in questions:
                row = stored.pop(q.id, None)
                if row is not None and row.content_hash == q.content_hash and row.path == q.path:
                    continue
                fields: dict[str, Any] = {
                    "path": q.path,
                    "content_hash": q.content_hash,
                    "topic": q.topic,
                    "type": q.type.value,
                    "difficulty": q.difficulty,
                    "tags": json.dumps(list(q.tags), ensure_ascii=False),
                    "facts": json.dumps(list(q.facts)),
                    "indexed_at": now,
                }
                if row is None:  # rows were all loaded above: add new ones directly, no per-row SELECT
                    session.add(QuestionIndexRow(id=q.id, **fields))
                else:
                    for key, value in fields.items():
                        setattr(row, key, value)
                changed += 1
            if stored:
                session.exec(delete(QuestionIndexRow).where(col(QuestionIndexRow.id).in_(list(stored))))
                changed += len(stored)
            session.commit()
        return changed

    def indexed_hashes(self) -> dict[str, str]:
        """Question id -> content hash as indexed."""
        with Session(self._engine) as session:
            return {r.id: r.content_hash for r in session.exec(select(QuestionIndexRow)).all()}
