"""GUI composition root: QApplication, fonts and style; the bank and database load after first paint."""

from __future__ import annotations

import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox

from app import APP_DISPLAY_NAME, APP_ID, APP_NAME, ORG_NAME, __version__
from app.paths import data_dir, database_path, resources_dir, settings_path, shipped_bank_dir
from app.ui.main_window import MainWindow
from app.ui.services import AppServices

CJK_FAMILIES = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC")


def _apply_look(app: QApplication) -> None:
    families = set(QFontDatabase.families())
    family = next((f for f in CJK_FAMILIES if f in families), None)
    if family:
        font = QFont(family)
        font.setPointSize(11)
        app.setFont(font)
    style = resources_dir() / "styles" / "light.qss"
    if style.is_file():
        app.setStyleSheet(style.read_text(encoding="utf-8"))


def _install_excepthook(window: MainWindow) -> None:
    """An unexpected error is logged to the data dir and reported in one sentence, never a raw traceback."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        log = data_dir() / "error.log"
        with log.open("a", encoding="utf-8") as handle:
            handle.write("".join(traceback.format_exception(kind, value, tb)) + "\n")
        QMessageBox.critical(
            window, APP_DISPLAY_NAME, f"发生意外错误：{value}\n详细信息已写入 {log}。已保存的答案不受影响。"
        )

    sys.excepthook = hook


def _load(window: MainWindow, interactive: bool) -> bool:
    from app.core.bank import load_bank
    from app.storage.db import DatabaseError, open_database
    from app.storage.repositories import SqlAttemptStore, SqlBankIndex

    db_path = database_path()
    try:
        engine = open_database(db_path)
    except DatabaseError as exc:
        print(f"mockexam: {exc}", file=sys.stderr)
        if interactive:
            QMessageBox.critical(window, APP_DISPLAY_NAME, f"无法打开数据库：\n{exc}")
        return False
    load = load_bank([shipped_bank_dir()])
    SqlBankIndex(engine).sync_questions(load.questions)
    window.set_services(
        AppServices(
            questions=load.questions,
            store=SqlAttemptStore(engine),
            problems=load.problems,
            data_location=str(db_path.parent),
        )
    )
    return True


def run_gui(quit_after_shown: bool = False) -> int:
    """Show the main window, load the bank and database, and run the event loop."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    _apply_look(app)
    window = MainWindow(QSettings(str(settings_path()), QSettings.Format.IniFormat))
    _install_excepthook(window)
    window.show()

    def load() -> None:
        if not _load(window, interactive=not quit_after_shown):
            app.exit(2)
        elif quit_after_shown:
            app.processEvents()
            app.quit()

    QTimer.singleShot(0, load)
    return app.exec()
