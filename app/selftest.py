"""`mockexam --self-test`: check an installation headless, on a throw-away data dir."""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from app.core.assembly import assemble
from app.core.bank import load_bank
from app.core.models import Answer, Blueprint, Question, QuestionType
from app.core.scoring import grade_exam, key_response
from app.paths import HOME_ENV, shipped_bank_dir


def _check_bank() -> list[Question]:
    load = load_bank([shipped_bank_dir()])
    if load.errors:
        raise AssertionError(f"{len(load.errors)} bank errors, first: {load.errors[0]}")
    if not load.questions:
        raise AssertionError(f"no questions found in {shipped_bank_dir()}")
    return load.questions


def _check_render(questions: list[Question]) -> str:
    from app.render.question_html import question_page, review_page

    by_type = {q.type: q for q in questions}
    for question in by_type.values():
        html = question_page(question, 1, 1) + review_page(question, key_response(question), True)
        if "<body>" not in html or not html.strip():
            raise AssertionError(f"rendering {question.id} gave no HTML")
    return f"rendered {len(by_type)} types ({', '.join(sorted(t.value for t in by_type))})"


def _check_exam_and_storage(questions: list[Question]) -> str:
    from app.storage.db import open_database
    from app.storage.repositories import SqlAttemptStore

    gradable = [q for q in questions if q.type is not QuestionType.OPEN]
    blueprint = Blueprint("self-test", min(10, len(gradable)), 600, types=frozenset(QuestionType))
    exam = assemble(gradable, blueprint, seed=1)
    responses = {q.id: key_response(q) for q in exam.questions}
    result = grade_exam(exam, responses)
    if result.score != result.max_score:
        raise AssertionError(f"the key scored {result.score} of {result.max_score}")
    with tempfile.TemporaryDirectory(prefix="mockexam-selftest-") as home:
        os.environ[HOME_ENV] = home
        engine = open_database(Path(home) / "selftest.sqlite3")
        store = SqlAttemptStore(engine)
        now = time.time()
        attempt = store.start_attempt(exam, now, now + 600)
        for q in exam.questions:
            store.save_answer(attempt, Answer(q.id, q.content_hash, responses[q.id], now))
        store.finish_attempt(attempt, result, now)
        record = store.load_attempt(attempt)
        engine.dispose()
    if record is None or record.score != result.score or len(record.answers) != len(exam.questions):
        raise AssertionError("the attempt read back differs from the one written")
    if any(record.answers[q.id].response != responses[q.id] for q in exam.questions):
        raise AssertionError("an answer read back differs from the one written")
    return f"exam of {len(exam.questions)} scored {result.score:g}/{result.max_score:g}, stored and read back"


def run_self_test() -> int:
    """Run every check; print what passed or what failed; 0 when all pass."""
    saved_home = os.environ.get(HOME_ENV)
    failures = 0
    questions: list[Question] = []
    steps: list[tuple[str, Callable[[], str]]] = [
        ("bank", lambda: f"{len(questions)} questions loaded"),
        ("render", lambda: _check_render(questions)),
        ("exam+storage", lambda: _check_exam_and_storage(questions)),
    ]
    try:
        questions = _check_bank()
    except Exception as exc:
        print(f"self-test FAILED at bank: {exc}")
        return 1
    try:
        for name, step in steps:
            try:
                print(f"ok   {name}: {step()}")
            except Exception as exc:
                failures += 1
                print(f"FAIL {name}: {type(exc).__name__}: {exc}")
    finally:
        if saved_home is None:
            os.environ.pop(HOME_ENV, None)
        else:
            os.environ[HOME_ENV] = saved_home
    print("self-test passed" if not failures else f"self-test failed: {failures} step(s)")
    return 1 if failures else 0
