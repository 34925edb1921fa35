"""GUI composition root: QApplication, fonts and style; the bank and database load after first paint."""

from __future__ import annotations

import os
import re
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox

from app import APP_DISPLAY_NAME, APP_ID, APP_NAME, ORG_NAME, __version__
from app.core.models import Blueprint
from app.paths import (
    data_dir,
    database_path,
    resources_dir,
    settings_path,
    shipped_bank_dir,
    shipped_presets_dir,
    user_presets_dir,
)
from app.ui.main_window import MainWindow
from app.ui.services import AppServices

if TYPE_CHECKING:
    from app.core.bank.library import Library

AUTOPILOT_ENV = (
    "MOCKEXAM_AUTOPILOT"  # JSON: drive an exam headless, for the crash tests (see app/ui/autopilot.py)
)
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


def _save_preset(blueprint: Blueprint) -> str:
    from app.core.bank.blueprints import dump_blueprint

    folder = user_presets_dir()
    folder.mkdir(parents=True, exist_ok=True)
    slug = re.sub(r"[^\w-]+", "-", blueprint.name).strip("-") or "preset"
    path = folder / f"{slug}.yaml"
    path.write_text(dump_blueprint(blueprint), encoding="utf-8")
    return str(path)


def _library(window: MainWindow) -> Library:
    from app.core.bank.library import Bank, Library
    from app.ui.bank_editing import BANKS_KEY

    user_banks = [
        Bank(Path(str(f)), Path(str(f)).name, writable=True) for f in (window.settings.value(BANKS_KEY) or [])
    ]
    mine = Bank(data_dir() / "bank", "我的题库", writable=True)
    library = Library([Bank(shipped_bank_dir(), "内置题库", writable=False), mine, *user_banks], mine)
    library.refresh()
    return library


def _load(window: MainWindow, interactive: bool) -> bool:
    from app.core.bank.blueprints import load_presets
    from app.core.history import build_history
    from app.storage.db import DatabaseError, open_database
    from app.storage.repositories import SqlAttemptStore, SqlBankIndex
    from app.storage.search_index import SearchIndex
    from app.ui.review_flow import include_practice

    db_path = database_path()
    try:
        engine = open_database(db_path)
    except DatabaseError as exc:
        print(f"mockexam: {exc}", file=sys.stderr)
        if interactive:
            QMessageBox.critical(window, APP_DISPLAY_NAME, f"无法打开数据库：\n{exc}")
        return False
    library = _library(window)
    questions = list(library.state.questions.values())
    bank_index = SqlBankIndex(engine)
    bank_index.sync_questions(questions)
    shipped = load_presets(shipped_presets_dir())
    mine = load_presets(user_presets_dir(), shipped=False)
    store = SqlAttemptStore(engine)
    store.purge_deleted()  # attempts deleted last time could be undone until now
    services = AppServices(
        questions=questions,
        store=store,
        problems=library.state.problems + shipped.problems + mine.problems,
        presets=shipped.presets + mine.presets,
        save_preset=_save_preset,
        data_location=str(db_path.parent),
        library=library,
        make_search=SearchIndex,
        sync_questions=bank_index.sync_questions,
    )
    services.load_history = lambda: build_history(
        store.finished_attempts_with_answers(), services.bank, include_practice(window.settings)
    )
    window.set_services(services)
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
    autopilot_spec = os.environ.get(AUTOPILOT_ENV)
    interactive = not quit_after_shown and not autopilot_spec
    window = MainWindow(QSettings(str(settings_path()), QSettings.Format.IniFormat), interactive=interactive)
    _install_excepthook(window)
    window.show()

    def load() -> None:
        if not _load(window, interactive):
            app.exit(2)
        elif quit_after_shown:
            app.processEvents()
            app.quit()
        elif autopilot_spec:
            from app.ui.autopilot import Autopilot

            window.autopilot = Autopilot(window, autopilot_spec)  # type: ignore[attr-defined]

    QTimer.singleShot(0, load)
    return app.exec()
