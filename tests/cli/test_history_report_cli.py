"""`mockexam history` and `mockexam report`: attempts in the user's database, reports without a window."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import run
from app.core.bank import load_bank
from app.core.models import Answer, AttemptId, Blueprint, Exam, Question, QuestionType
from app.core.scoring import grade_exam, key_response
from app.main import main
from app.paths import HOME_ENV, data_dir, database_path
from app.storage.db import open_database
from app.storage.repositories import SqlAttemptStore

ROOT = Path(__file__).resolve().parents[2]
GOOD = ROOT / "tests" / "fixtures" / "good_bank"
T0 = 1_700_000_000.0
PDF_PAGE = re.compile(rb"/Type\s*/Page\b")


def _questions() -> list[Question]:
    return sorted(load_bank([GOOD]).questions, key=lambda q: q.id)


def _store_attempt(
    store: SqlAttemptStore, questions: list[Question], started: float, right: set[str], name: str
) -> AttemptId:
    """A submitted attempt: `right` questions answered with the key, the others (not the open one) wrongly."""
    exam = Exam(Blueprint(name, len(questions), 1800), 11, tuple(questions))
    attempt = store.start_attempt(exam, started, started + 1800)
    responses = {}
    for question in questions:
        if question.type is QuestionType.OPEN:
            continue
        response = key_response(question) if question.id in right else _wrong(question)
        responses[question.id] = response
        store.save_answer(attempt, Answer(question.id, question.content_hash, response, started + 60, 30_000))
    store.finish_attempt(attempt, grade_exam(exam, responses), started + 1200)
    return attempt


def _wrong(question: Question) -> object:
    match question.type:
        case QuestionType.TRUEFALSE:
            return not question.truth
        case QuestionType.FILL:
            return ["265", "runqputslow"]
        case QuestionType.SINGLE:
            return "A"
        case QuestionType.OUTPUT:
            return "[3, 2, 1]"
    return None


@pytest.fixture
def attempts() -> tuple[AttemptId, AttemptId]:
    """Two attempts of the same preset in the test's MOCKEXAM_HOME database: an older, worse one first."""
    engine = open_database(database_path())
    store = SqlAttemptStore(engine)
    questions = _questions()
    first = _store_attempt(store, questions, T0, {"fx-single", "fx-match"}, "Go 运行时 30 分钟")
    everything_but = {"fx-fill", "fx-output", "fx-open"}
    second = _store_attempt(
        store, questions, T0 + 86_400, {q.id for q in questions} - everything_but, "Go 运行时 30 分钟"
    )
    engine.dispose()
    return first, second


@pytest.fixture
def user_bank() -> Path:
    """The fixture questions in the user's own bank folder, where the report finds them."""
    target = data_dir() / "bank"
    shutil.copytree(GOOD, target)
    return target


def test_history_json_lists_attempts_newest_first(attempts, capsys) -> None:
    first, second = attempts
    assert main(["history", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["id"] for r in rows] == [second, first]
    newest = rows[0]
    assert newest["preset"] == "Go 运行时 30 分钟"
    assert newest["mode"] == "exam"
    assert newest["max_score"] == 8
    assert newest["score"] == pytest.approx(5.5)  # the fill-in earns half
    assert newest["passed"] is True
    assert rows[1]["passed"] is False
    assert newest["duration_s"] == 1200
    assert newest["questions"] == 8
    assert newest["started"].startswith("2023-11-1")
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", newest["started"])


def test_history_text_table(attempts, capsys) -> None:
    assert main(["history"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["id", "started", "mode", "score", "passed", "duration", "preset"]
    assert len(lines) == 3
    assert "5.5/8" in lines[1]
    assert "yes" in lines[1]
    assert "1200s" in lines[1]
    assert lines[1].endswith("Go 运行时 30 分钟")


def test_history_without_a_database_says_so_and_creates_nothing(capsys) -> None:
    assert main(["history"]) == 0
    assert capsys.readouterr().out == "no attempts yet\n"
    assert main(["history", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert not database_path().exists()


def test_report_html_uses_user_bank_and_previous_attempt(attempts, user_bank, tmp_path, capsys) -> None:
    _, second = attempts
    out = tmp_path / "new-folder" / "report.html"  # created on the way
    assert main(["report", str(second), "--format", "html", "--out", str(out)]) == 0
    assert f"wrote the report of attempt {second} (8 questions) to {out}" in capsys.readouterr().out
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert f"<title>模考报告 Go 运行时 30 分钟 #{second}</title>" in html
    assert html.count("<h3>第 ") == 8
    assert "较上次" in html  # the first attempt is the previous one of the same preset
    assert "待自评" not in html  # the open question was not answered: nothing to self-grade
    assert "26<span" in html  # the fill-in diff


def test_report_finds_answered_versions_without_the_bank(attempts, tmp_path, capsys) -> None:
    """Without the questions in any bank, answered questions come from the stored versions."""
    _, second = attempts
    out = tmp_path / "report.html"
    assert main(["report", str(second), "--format", "html", "--out", str(out)]) == 0
    assert "questions no longer in the bank" in capsys.readouterr().out
    html = out.read_text(encoding="utf-8")
    assert html.count("<h3>第 ") == 7  # every answered question; the unanswered open one is gone
    assert "以下 1 题已不在题库中，无法显示：fx-open" in html


def test_report_pdf_has_several_a4_pages(qapp, attempts, user_bank, tmp_path, capsys) -> None:
    _, second = attempts
    out = tmp_path / "pdfs" / "report.pdf"
    assert main(["report", str(second), "--format", "pdf", "--out", str(out)]) == 0
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(PDF_PAGE.findall(data)) > 1
    assert b"/MediaBox [0 0 595" in data  # A4 is 595 x 842 points
    assert [p.name for p in out.parent.iterdir()] == ["report.pdf"]  # no temp file left behind
    assert "wrote the report" in capsys.readouterr().out


def test_report_that_cannot_be_written_fails_cleanly(qapp, attempts, tmp_path, capsys) -> None:
    _, second = attempts
    (tmp_path / "a-file").write_text("not a folder")
    for fmt in ("pdf", "html"):
        out = tmp_path / "a-file" / f"report.{fmt}"
        assert main(["report", str(second), "--format", fmt, "--out", str(out)]) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"mockexam: cannot write {out}")
        assert err.count("\n") == 1
        assert "Traceback" not in err


def test_unknown_attempt_id_exits_1_naming_it(attempts, tmp_path, capsys) -> None:
    out = tmp_path / "r.html"
    assert main(["report", "999", "--format", "html", "--out", str(out)]) == 1
    captured = capsys.readouterr()
    assert captured.err == "mockexam: no attempt 999 (see `mockexam history`)\n"
    assert not out.exists()


def test_unknown_attempt_id_without_a_database(tmp_path, capsys) -> None:
    assert main(["report", "1", "--format", "html", "--out", str(tmp_path / "r.html")]) == 1
    assert "no attempt 1" in capsys.readouterr().err
    assert not database_path().exists()


def test_damaged_database_exits_2_with_its_message(tmp_path, capsys) -> None:
    database_path().write_bytes(b"this is not a database" * 100)
    assert main(["history"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("mockexam: ")
    assert "is damaged or not a MockExam database" in err
    assert "Traceback" not in err
    assert main(["report", "1", "--format", "pdf", "--out", str(tmp_path / "r.pdf")]) == 2


def test_pdf_report_in_a_fresh_process_without_a_display(attempts, user_bank, tmp_path) -> None:
    """The real entry point: no QApplication yet and no display, so report_pdf starts an offscreen one."""
    _, second = attempts
    out = tmp_path / "fresh.pdf"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env[HOME_ENV] = str(data_dir())
    proc = subprocess.run(
        [sys.executable, "-m", "app", "report", str(second), "--format", "pdf", "--out", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert out.read_bytes().startswith(b"%PDF")
    assert len(PDF_PAGE.findall(out.read_bytes())) > 1


def test_pdf_needs_the_writer_main_injects(attempts, tmp_path) -> None:
    """app.cli cannot import Qt: without the writer app.main hands in, a PDF is refused plainly."""
    err = io.StringIO()
    code = run(["report", "1", "--format", "pdf", "--out", str(tmp_path / "r.pdf")], io.StringIO(), err=err)
    assert code == 2
    assert err.getvalue() == "mockexam: PDF output is not available here; use --format html\n"
