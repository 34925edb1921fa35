"""Exam features around answering: follow-ups, pause, practice, help, zoom, presets, keyboard-only start."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from app.core.bank.blueprints import Preset, load_presets
from app.core.clock import ExamClock
from app.core.models import Blueprint, Exam, Mode, QuestionId, QuestionType
from app.core.session import ExamSession
from app.ui.main_window import MainWindow
from app.ui.page_ids import Page
from app.ui.pages.exam_page import ExamPage, Screen
from app.ui.widgets.shortcuts_dialog import ShortcutsDialog

CHOICE_TYPES = frozenset({QuestionType.SINGLE, QuestionType.MULTIPLE, QuestionType.TRUEFALSE})


def test_followup_appears_right_after_its_parent_once_answered(qtbot, services, store) -> None:
    bank = services.bank
    parent, other = bank[QuestionId("fx-open")], bank[QuestionId("fx-truefalse")]
    assert parent.followups == ("fx-single",)
    page = ExamPage()
    qtbot.addWidget(page)
    session = ExamSession.start(
        Exam(Blueprint("f", 2, None), 1, (parent, other)), store, ExamClock(None), bank
    )
    page.begin(session)
    page.go_to(0)
    page.answer.editor.setPlainText("P owns the run queue")  # type: ignore[attr-defined]
    page.answer.flush()
    assert [q.id for q in session.questions] == ["fx-open", "fx-single", "fx-truefalse"]
    assert page.navigator.count == 3
    record = store.load_attempt(session.attempt_id)
    assert record is not None
    assert record.question_ids == ("fx-open", "fx-single", "fx-truefalse")


def test_pause_covers_the_question_and_stops_the_clock(qtbot, window: MainWindow, store, fake_time) -> None:
    blueprint = replace(window.setup.custom.blueprint(count=2), mode=Mode.PRACTICE, duration_s=600)
    window.start_exam(blueprint)
    session = window.exam.session
    assert session is not None
    assert window.exam.pause_button.isVisibleTo(window)
    fake_time.advance(100)
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert window.exam.screens.currentIndex() == Screen.PAUSED
    assert not window.exam.view.isVisible()  # nothing readable behind the cover
    fake_time.advance(300)
    assert session.clock.remaining() == 500
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert window.exam.screens.currentIndex() == Screen.QUESTION
    assert session.clock.remaining() == 500
    record = store.load_attempt(session.attempt_id)
    assert record is not None
    assert record.deadline == record.started_at + 900  # moved by the 300 paused seconds


def test_exam_mode_cannot_pause(qtbot, window: MainWindow) -> None:
    window.start_exam(replace(window.setup.custom.blueprint(count=2), duration_s=600))
    assert not window.exam.pause_button.isVisibleTo(window)
    window.exam.toggle_pause()
    assert window.exam.screens.currentIndex() == Screen.QUESTION
    assert not window.exam.check_button.isVisibleTo(window)


def test_f1_lists_the_shortcuts(qtbot, window: MainWindow) -> None:
    window.start_exam(window.setup.custom.blueprint(count=1))
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_F1)
    dialog = window.exam.findChild(ShortcutsDialog)
    assert dialog is not None
    assert dialog.isVisible()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_zoom_is_remembered(qtbot, window: MainWindow, settings: QSettings, services) -> None:
    window.start_exam(window.setup.custom.blueprint(count=1))
    for _ in range(2):
        qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.exam.zoom_level == 2
    window.exam.confirm = lambda text: True  # type: ignore[method-assign]
    window.exam.request_submit()
    window.close()
    reopened = MainWindow(QSettings(settings.fileName(), QSettings.Format.IniFormat), interactive=False)
    qtbot.addWidget(reopened)
    assert reopened.exam.zoom_level == 2


def test_save_as_preset_round_trips_through_yaml(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    from app import gui

    monkeypatch.setattr(gui, "user_presets_dir", lambda: tmp_path / "presets")
    assert window.services is not None
    window.services.save_preset = gui._save_preset
    window.setup.tabs.setCurrentIndex(1)
    form = window.setup.custom
    form.minutes.setValue(25)
    form.low.setValue(2)
    form.mode.setCurrentIndex(1)
    monkeypatch.setattr(window.setup, "ask_name", lambda: "我的 Go 练习")
    qtbot.mouseClick(window.setup.save_button, Qt.MouseButton.LeftButton)
    loaded = load_presets(tmp_path / "presets", shipped=False)
    assert loaded.problems == []
    assert [p.blueprint.name for p in loaded.presets] == ["我的 Go 练习"]
    saved = loaded.presets[0].blueprint
    assert saved == replace(form.blueprint(), name="我的 Go 练习", description="")


def test_keyboard_only_from_a_preset_to_the_result(qtbot, settings, services) -> None:
    preset = Blueprint("键盘模拟 30 分钟", 3, 1800, types=CHOICE_TYPES)
    services.presets = [Preset(preset, "test.yaml")]
    window = MainWindow(settings, interactive=False)
    qtbot.addWidget(window)
    window.set_services(services)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert QApplication.focusWidget() is window.setup.presets  # arrows pick a preset, Enter starts it
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Return)
    assert window.current_page() is Page.EXAM
    assert window.exam.timer.text() == "剩余 30:00"
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_1)
        qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_N)
    qtbot.keyClick(
        QApplication.focusWidget() or window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Return)
    assert window.current_page() is Page.RESULT
    assert window.exam.session is not None
    assert window.exam.session.answered_count == 3
