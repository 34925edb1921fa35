"""MainWindow: a stack of pages (home, exam, result) wired to the services main hands in."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QByteArray, QSettings, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox, QStackedWidget, QWidget

from app import APP_DISPLAY_NAME
from app.core.assembly import BankTooSmallError, assemble, new_seed
from app.core.models import Blueprint
from app.core.session import ExamSession
from app.ui.pages.exam_page import ExamPage
from app.ui.pages.home_page import HomePage
from app.ui.pages.result_page import ResultPage
from app.ui.services import AppServices

GEOMETRY_KEY = "window/geometry"


class Page(IntEnum):
    """The pages of the stack, in insertion order."""

    HOME = 0
    EXAM = 1
    RESULT = 2


class MainWindow(QMainWindow):
    """The application window."""

    home_ready = Signal()

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.services: AppServices | None = None
        self.setWindowTitle(APP_DISPLAY_NAME)
        self.setMinimumSize(720, 520)
        self.home = HomePage()
        self.exam = ExamPage()
        self.result = ResultPage()
        self.stack = QStackedWidget()
        for page in (self.home, self.exam, self.result):
            self.stack.addWidget(page)
        self.setCentralWidget(self.stack)
        self.home.start_requested.connect(self.start_exam)
        self.exam.submitted.connect(self._on_exam_submitted)
        self.exam.save_failed.connect(self.show_error)
        self.result.home_requested.connect(self.show_home)
        self._add_menu()
        geometry = settings.value(GEOMETRY_KEY)
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1000, 720)
        self.statusBar().showMessage("正在加载题库…")

    def _add_menu(self) -> None:
        menu = self.menuBar().addMenu("文件(&F)")
        home = menu.addAction("首页(&H)")
        home.setShortcut(QKeySequence("Ctrl+H"))
        home.triggered.connect(self.show_home)
        menu.addSeparator()
        quit_action = menu.addAction("退出(&Q)")
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)

    def set_services(self, services: AppServices) -> None:
        """Hand in the loaded bank and storage; the home page becomes ready."""
        self.services = services
        self.home.show_bank(services.questions, services.problems)
        self.statusBar().showMessage(
            f"题库已加载：{len(services.questions)} 题 · 数据保存在 {services.data_location}"
        )
        self.home_ready.emit()

    def current_page(self) -> Page:
        """Which page is showing."""
        return Page(self.stack.currentIndex())

    def show_home(self) -> None:
        """Back to the home page (not during a running exam)."""
        if self.current_page() is Page.EXAM and self.exam.session and self.exam.session.result is None:
            self.statusBar().showMessage("考试进行中：请先交卷。", 5000)
            return
        self.stack.setCurrentIndex(Page.HOME)
        self.home.start_button.setFocus()

    def start_exam(self, blueprint: Blueprint) -> None:
        """Draw an exam, store the attempt and show its first question."""
        if self.services is None:
            return
        try:
            exam = assemble(self.services.questions, blueprint, new_seed())
        except BankTooSmallError as exc:
            self.show_error(f"题库中符合条件的题目只有 {exc.available} 道，不足 {exc.requested} 道。")
            return
        session = ExamSession.start(exam, self.services.store, self.services.make_clock())
        self.exam.begin(session)
        self.stack.setCurrentIndex(Page.EXAM)
        self.exam.choices.focus_first()

    def _on_exam_submitted(self, by_clock: bool) -> None:
        assert self.exam.session is not None
        self.result.show_result(self.exam.session, by_clock)
        self.stack.setCurrentIndex(Page.RESULT)
        if by_clock:
            self.statusBar().showMessage("时间到，已自动交卷。", 10000)

    def show_error(self, message: str) -> None:
        """The one channel for problems the user should know about."""
        self.statusBar().showMessage(message, 15000)
        QMessageBox.warning(self, APP_DISPLAY_NAME, message)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Remember the window's geometry."""
        self.settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        self.settings.sync()
        super().closeEvent(event)
