"""Repositories round-trip core dataclasses through SQLite; the bank index syncs by content hash."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine

from app.core.models import (
    Answer,
    AttemptId,
    Blueprint,
    Exam,
    Mark,
    Question,
    QuestionId,
    QuestionType,
    Response,
    Result,
)
from app.storage.repositories import SqlAttemptStore, SqlBankIndex


def _question(qid: str, qtype: QuestionType = QuestionType.SINGLE, content_hash: str = "h0") -> Question:
    return Question(
        QuestionId(qid),
        qtype,
        "go",
        "stem",
        "why",
        2,
        tags=("gmp", "调度"),
        facts=("000.1.1",),
        points=2.0,
        path=f"go/{qid}.md",
        content_hash=content_hash,
    )


QUESTIONS = tuple(_question(f"q{i}", t) for i, t in enumerate(QuestionType))
BLUEPRINT = Blueprint(
    "全部 all", 8, 1800, topics=("go", "k8s"), types=frozenset(QuestionType), pass_ratio=0.75
)
EXAM = Exam(BLUEPRINT, seed=12345, questions=QUESTIONS)

#: One response of every JSON shape a Response can take.
RESPONSES: dict[QuestionId, Response] = {
    QuestionId("q0"): "B",
    QuestionId("q1"): ["A", "C"],
    QuestionId("q2"): False,
    QuestionId("q3"): ["256", "运行时 runqputslow"],
    QuestionId("q4"): [2, 0, 1],
    QuestionId("q5"): {"mcache": "每个 P", "mheap": "OS"},
    QuestionId("q6"): None,
    QuestionId("q7"): '[1, 2, 3]\n<tag> & "quotes"',
}


@pytest.fixture
def store(engine: Engine) -> SqlAttemptStore:
    return SqlAttemptStore(engine)


@pytest.fixture
def index(engine: Engine) -> SqlBankIndex:
    return SqlBankIndex(engine)


def _answer_rows(engine: Engine) -> list[tuple[int, str, str]]:
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text("SELECT attempt_id, question_id, response FROM answer"))]


def test_attempt_round_trip(store: SqlAttemptStore) -> None:
    attempt = store.start_attempt(EXAM, started_at=1000.5, deadline=2800.5)
    for i, (qid, response) in enumerate(RESPONSES.items()):
        store.save_answer(attempt, Answer(qid, f"hash-{qid}", response, 1001.0 + i, time_spent_ms=100 * i))
    result = Result(tuple(Mark(q.id, 1.0, 2.0) for q in QUESTIONS), pass_ratio=0.75)
    store.finish_attempt(attempt, result, finished_at=2000.0)

    record = store.load_attempt(attempt)
    assert record is not None
    assert record.id == attempt
    assert record.blueprint == BLUEPRINT
    assert record.seed == 12345
    assert record.question_ids == tuple(q.id for q in QUESTIONS)
    assert (record.started_at, record.deadline, record.finished_at) == (1000.5, 2800.5, 2000.0)
    assert (record.score, record.max_score) == (8.0, 16.0)
    assert record.mode == "exam"
    assert record.finished
    assert {qid: a.response for qid, a in record.answers.items()} == RESPONSES
    assert record.answers[QuestionId("q2")].response is False
    assert record.answers[QuestionId("q4")] == Answer(QuestionId("q4"), "hash-q4", [2, 0, 1], 1005.0, 400)


def test_unfinished_attempt_and_untimed_deadline(store: SqlAttemptStore) -> None:
    untimed = Exam(dataclasses.replace(BLUEPRINT, duration_s=None), 1, QUESTIONS[:2])
    attempt = store.start_attempt(untimed, started_at=5.0, deadline=None)
    record = store.load_attempt(attempt)
    assert record is not None
    assert record.deadline is None
    assert record.blueprint.duration_s is None
    assert not record.finished
    assert (record.score, record.max_score) == (None, 4.0)
    assert record.answers == {}


def test_missing_attempt_loads_as_none_and_cannot_be_finished(store: SqlAttemptStore) -> None:
    assert store.load_attempt(AttemptId(99)) is None
    with pytest.raises(KeyError):
        store.finish_attempt(AttemptId(99), Result(()), 1.0)


def test_answer_upsert_keeps_one_row(store: SqlAttemptStore, engine: Engine) -> None:
    attempt = store.start_attempt(EXAM, 1.0, None)
    qid = QuestionId("q0")
    store.save_answer(attempt, Answer(qid, "h1", "A", 2.0, 10))
    store.save_answer(attempt, Answer(qid, "h2", "C", 3.0, 25))
    assert _answer_rows(engine) == [(attempt, "q0", '"C"')]
    record = store.load_attempt(attempt)
    assert record is not None
    assert record.answers == {qid: Answer(qid, "h2", "C", 3.0, 25)}


def test_same_question_in_two_attempts_is_two_rows(store: SqlAttemptStore, engine: Engine) -> None:
    first = store.start_attempt(EXAM, 1.0, None)
    second = store.start_attempt(EXAM, 2.0, None)
    assert first != second
    store.save_answer(first, Answer(QuestionId("q0"), "h", "A", 2.0))
    store.save_answer(second, Answer(QuestionId("q0"), "h", "B", 3.0))
    assert sorted(_answer_rows(engine)) == sorted([(first, "q0", '"A"'), (second, "q0", '"B"')])


def test_list_attempts_newest_first_without_answers(store: SqlAttemptStore) -> None:
    ids = [store.start_attempt(EXAM, started_at, None) for started_at in (20.0, 10.0, 30.0)]
    store.save_answer(ids[0], Answer(QuestionId("q0"), "h", "A", 21.0))
    store.finish_attempt(ids[2], Result(()), 31.0)
    listed = store.list_attempts()
    assert [a.id for a in listed] == [ids[2], ids[0], ids[1]]
    assert all(a.answers == {} for a in listed)
    assert [a.id for a in store.open_attempts()] == [ids[0], ids[1]]


def test_sync_questions_inserts_skips_updates_and_removes(index: SqlBankIndex, engine: Engine) -> None:
    a, b, c = _question("a"), _question("b", QuestionType.FILL), _question("c")
    assert index.sync_questions([a, b, c]) == 3
    assert index.indexed_hashes() == {"a": "h0", "b": "h0", "c": "h0"}

    assert index.sync_questions([a, b, c]) == 0

    b2 = dataclasses.replace(b, content_hash="h1", difficulty=5)
    assert index.sync_questions([a, b2, c]) == 1
    assert index.indexed_hashes() == {"a": "h0", "b": "h1", "c": "h0"}
    with engine.connect() as conn:
        row = conn.execute(
            text("SELECT type, difficulty, tags, facts FROM question_index WHERE id='b'")
        ).one()
    assert tuple(row) == ("fill", 5, '["gmp", "调度"]', '["000.1.1"]')

    assert index.sync_questions([a, b2]) == 1
    assert index.indexed_hashes() == {"a": "h0", "b": "h1"}

    d = _question("d")
    a2 = dataclasses.replace(a, content_hash="h9")
    assert index.sync_questions([a2, d]) == 3  # a changed, d new, b vanished
    assert index.indexed_hashes() == {"a": "h9", "d": "h0"}

    assert index.sync_questions([]) == 2
    assert index.indexed_hashes() == {}


def test_sync_questions_notices_a_moved_file(index: SqlBankIndex, engine: Engine) -> None:
    a = _question("a")
    index.sync_questions([a])
    assert index.sync_questions([dataclasses.replace(a, path="other/a.md")]) == 1
    with engine.connect() as conn:
        assert conn.execute(text("SELECT path FROM question_index")).scalar() == "other/a.md"


def test_self_grade_round_trips_and_survives_a_later_answer_save(store: SqlAttemptStore) -> None:
    attempt = store.start_attempt(EXAM, 1000.0, None)
    open_id = QuestionId("q6")
    store.save_answer(attempt, Answer(open_id, "h0", "我的回答", 1001.0))
    store.save_self_grade(attempt, open_id, (2, 0, 2))
    record = store.load_attempt(attempt)
    assert record is not None
    assert record.answers[open_id].self_grade == (0, 2)
    store.save_self_grade(attempt, open_id, None)
    record = store.load_attempt(attempt)
    assert record is not None
    assert record.answers[open_id].self_grade is None
    with pytest.raises(KeyError, match="no answer"):
        store.save_self_grade(attempt, QuestionId("q0"), (0,))


def test_deleted_attempt_is_hidden_until_restored_and_gone_after_purge(
    store: SqlAttemptStore, engine: Engine
) -> None:
    keep = store.start_attempt(EXAM, 1000.0, None)
    drop = store.start_attempt(EXAM, 2000.0, None)
    store.save_answer(drop, Answer(QuestionId("q0"), "h0", "B", 2001.0))
    store.delete_attempt(drop)
    assert [a.id for a in store.list_attempts()] == [keep]
    assert store.load_attempt(drop) is None
    assert [a.id for a in store.open_attempts()] == [keep]
    store.restore_attempt(drop)
    assert [a.id for a in store.list_attempts()] == [drop, keep]
    store.delete_attempt(drop)
    assert store.purge_deleted() == 1
    assert store.purge_deleted() == 0
    assert [row for row in _answer_rows(engine) if row[0] == drop] == []
    with pytest.raises(KeyError):
        store.restore_attempt(drop)


def test_question_versions_are_kept_once_per_hash_and_rebased(store: SqlAttemptStore) -> None:
    attempt = store.start_attempt(EXAM, 1000.0, None)
    sources = store.question_sources(["h0", "missing"])
    assert set(sources) == {"h0"}  # all of EXAM's questions share the hash: the first one's source is kept
    assert sources["h0"].startswith("---\nid: q0\n")
    newer = _question("q0", content_hash="h1")
    store.save_answer(attempt, Answer(QuestionId("q0"), "h0", "B", 1001.0))
    store.rebase_answers(attempt, [newer])
    record = store.load_attempt(attempt)
    assert record is not None
    assert record.answers[QuestionId("q0")].content_hash == "h1"
    assert "h1" in store.question_sources(["h1"])


def test_update_score_after_self_grading(store: SqlAttemptStore) -> None:
    attempt = store.start_attempt(EXAM, 1000.0, None)
    store.finish_attempt(attempt, Result((Mark(QuestionId("q0"), 1.0, 2.0),)), 1100.0)
    store.update_score(attempt, Result((Mark(QuestionId("q0"), 2.0, 2.0),)))
    record = store.load_attempt(attempt)
    assert record is not None
    assert (record.score, record.max_score, record.finished_at) == (2.0, 2.0, 1100.0)
