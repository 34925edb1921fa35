"""Main window behaviour around exams: geometry, setup summary, resume after a crash, closing mid-exam."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QSettings

from app.core.assembly import assemble
from app.core.models import Blueprint
from app.core.session import ExamSession
from app.storage.repositories import SqlAttemptStore
from app.ui.main_window import Choice, MainWindow
from app.ui.page_ids import Page
from app.ui.services import AppServices

REPO_ROOT = Path(__file__).resolve().parents[2]


def _start_app(home: Path) -> subprocess.CompletedProcess[str]:
    """Run the real app headless until its home page is ready."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "MOCKEXAM_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-m", "app", "--quit-after-shown"],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_geometry_is_remembered(qtbot, settings: QSettings, services: AppServices) -> None:
    first = MainWindow(settings)
    qtbot.addWidget(first)
    first.show()
    first.resize(760, 560)  # the offscreen screen is 800x600
    qtbot.waitUntil(lambda: first.size().width() == 760)
    first.close()
    second = MainWindow(QSettings(settings.fileName(), QSettings.Format.IniFormat))
    qtbot.addWidget(second)
    assert (second.size().width(), second.size().height()) == (760, 560)


def test_setup_summarises_bank_and_limits_count(window: MainWindow) -> None:
    assert window.current_page() is Page.SETUP
    assert "题库共 8 题" in window.setup.summary.text()
    form = window.setup.custom
    assert form.count.maximum() == 8
    topics = [form.tree.topLevelItem(i).text(0) for i in range(form.tree.topLevelItemCount())]
    assert topics == ["go-runtime", "python"]
    form.low.setValue(3)
    assert form.eligible_count == 2  # difficulty 3 and 4 in the fixtures
    assert form.count.maximum() == 2


def _open_attempt(services: AppServices, store: SqlAttemptStore, fake_time, seconds: int) -> ExamSession:
    exam = assemble(services.questions, Blueprint("left open", 3, seconds), seed=5)
    session = ExamSession.start(exam, store, services.make_clock(), services.bank)
    session.record(exam.questions[0], "B" if exam.questions[0].choices else "x")
    return session


def test_open_attempt_is_offered_for_resume(qtbot, settings, services, store, fake_time, monkeypatch) -> None:
    left = _open_attempt(services, store, fake_time, seconds=600)
    fake_time.advance(100)
    offered: list[ExamSession] = []
    monkeypatch.setattr(MainWindow, "ask_resume", lambda self, s: offered.append(s) or Choice.RESUME)
    win = MainWindow(settings, interactive=False)
    qtbot.addWidget(win)
    win.set_services(services)
    assert [s.attempt_id for s in offered] == [left.attempt_id]
    assert win.current_page() is Page.EXAM
    resumed = win.exam.session
    assert resumed is not None
    assert resumed.clock.deadline == left.clock.deadline
    assert resumed.response(left.questions[0].id) == left.response(left.questions[0].id)
    assert 499 <= (resumed.clock.remaining() or 0) <= 500


def test_attempt_past_its_deadline_is_submitted_at_start(qtbot, settings, services, store, fake_time) -> None:
    left = _open_attempt(services, store, fake_time, seconds=60)
    fake_time.advance(3600)
    win = MainWindow(settings, interactive=False)
    qtbot.addWidget(win)
    win.set_services(services)
    record = store.load_attempt(left.attempt_id)
    assert record is not None
    assert record.finish_reason == "deadline"
    assert record.finished_at == left.clock.deadline
    assert len(record.answers) == 1
    assert win.current_page() is Page.RESULT
    assert "在截止时间自动交卷" in win.result.details.text()


def test_closing_mid_exam_asks_and_can_cancel_or_keep(qtbot, window: MainWindow, store, monkeypatch) -> None:
    window.start_exam(window.setup.custom.blueprint(count=2))
    session = window.exam.session
    assert session is not None
    monkeypatch.setattr(window, "ask_close", lambda: Choice.CANCEL)
    assert not window.close()
    monkeypatch.setattr(window, "ask_close", lambda: Choice.SUBMIT)
    assert window.close()
    record = store.load_attempt(session.attempt_id)
    assert record is not None
    assert record.finish_reason == "user"


def test_real_app_starts_and_quits_after_shown(tmp_path) -> None:
    done = _start_app(tmp_path / "home")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "home" / "mockexam.sqlite3").is_file()


def test_newer_database_is_refused_with_a_message(tmp_path) -> None:
    import sqlite3

    home = tmp_path / "home"
    home.mkdir()
    db = home / "mockexam.sqlite3"
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA user_version = 999")
    before = db.read_bytes()
    done = _start_app(home)
    assert done.returncode == 2
    assert "newer version" in done.stderr
    assert db.read_bytes() == before
