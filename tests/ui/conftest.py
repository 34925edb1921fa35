"""Fixtures for ui tests: real bank objects, a real SQLite store in tmp, and a fake clock."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from app.core.bank import load_bank
from app.core.clock import ExamClock
from app.storage.db import open_database
from app.storage.repositories import SqlAttemptStore
from app.ui.main_window import MainWindow
from app.ui.services import AppServices


class FakeTime:
    """A wall and a monotonic clock that only move when told to."""

    def __init__(self) -> None:
        self.wall_now = 1_800_000_000.0
        self.mono_now = 1000.0

    def wall(self) -> float:
        return self.wall_now

    def mono(self) -> float:
        return self.mono_now

    def advance(self, seconds: float) -> None:
        self.wall_now += seconds
        self.mono_now += seconds


@pytest.fixture
def fake_time() -> FakeTime:
    return FakeTime()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SqlAttemptStore]:
    engine = open_database(tmp_path / "ui.sqlite3")
    yield SqlAttemptStore(engine)
    engine.dispose()


@pytest.fixture
def services(good_bank: Path, store: SqlAttemptStore, fake_time: FakeTime) -> AppServices:
    load = load_bank([good_bank])
    return AppServices(
        questions=load.questions,
        store=store,
        make_clock=lambda: ExamClock(None, wall=fake_time.wall, monotonic=fake_time.mono),
        problems=load.problems,
        data_location="(test)",
    )


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, settings: QSettings, services: AppServices) -> MainWindow:
    win = MainWindow(settings, interactive=False)  # no modal dialog may block a test
    qtbot.addWidget(win)
    win.set_services(services)
    win.show()
    win.activateWindow()
    qtbot.waitExposed(win)
    return win
