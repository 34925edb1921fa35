"""Main window behaviour outside an exam: geometry memory, bank summary, and the real app starting."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QSettings

from app.ui.main_window import MainWindow, Page
from app.ui.services import AppServices

REPO_ROOT = Path(__file__).resolve().parents[2]


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


def test_home_summarises_bank_by_topic(window: MainWindow) -> None:
    assert window.current_page() is Page.HOME
    table = window.home.table
    rows = {
        table.item(r, 0).text(): (table.item(r, 1).text(), table.item(r, 2).text())
        for r in range(table.rowCount())
    }
    assert rows == {"go-runtime": ("7", "3"), "python": ("1", "0")}
    assert "8 题" in window.home.summary.text()
    assert window.home.count.maximum() == 3


def test_topic_filter_limits_count(window: MainWindow) -> None:
    python_index = window.home.topic.findData("python")
    assert python_index == -1  # python has no playable questions, so it is not offered
    go_index = window.home.topic.findData("go-runtime")
    window.home.topic.setCurrentIndex(go_index)
    assert window.home.blueprint().topics == ("go-runtime",)
    assert window.home.count.value() == 3


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
