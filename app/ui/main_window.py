"""MainWindow: a stack of pages (setup, exam, result) wired to the services main hands in."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QByteArray, QSettings, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox, QStackedWidget, QWidget

from app import APP_DISPLAY_NAME
from app.core.assembly import BankTooSmallError, assemble, new_seed
from app.core.models import Blueprint, Policy
from app.core.session import ExamSession
from app.ui.bank_editing import BankEditing
from app.ui.page_ids import Page
from app.ui.pages.browser_page import BrowserPage
from app.ui.pages.exam_page import ExamPage
from app.ui.pages.history_page import HistoryPage
from app.ui.pages.result_page import ResultPage, time_of_day
from app.ui.pages.review_page import ReviewPage
from app.ui.pages.setup_page import SetupPage
from app.ui.review_flow import ReviewFlow
from app.ui.services import AppServices

GEOMETRY_KEY = "window/geometry"
ZOOM_KEY = "exam/zoom"


class Choice(IntEnum):
    """Answers to "an exam is open": what to do with it."""

    CANCEL = 0
    KEEP = 1  # keep it for later (it is already saved)
    SUBMIT = 2
    RESUME = 3


class MainWindow(QMainWindow):
    """The application window. `interactive=False` (automation) never opens a modal dialog."""

    home_ready = Signal()

    def __init__(self, settings: QSettings, parent: QWidget | None = None, interactive: bool = True) -> None:
        super().__init__(parent)
        self.settings = settings
        self.interactive = interactive
        self.services: AppServices | None = None
        self.setWindowTitle(APP_DISPLAY_NAME)
        self.setMinimumSize(720, 520)
        self.setup = SetupPage()
        self.exam = ExamPage()
        self.result = ResultPage()
        self.browser = BrowserPage()
        self.review = ReviewPage()
        self.history = HistoryPage()
        self.bank_editing = BankEditing(self)
        self.review_flow = ReviewFlow(self)
        self.stack = QStackedWidget()
        for page in (self.setup, self.exam, self.result, self.browser, self.review, self.history):
            self.stack.addWidget(page)
        self.setCentralWidget(self.stack)
        self.setup.start_requested.connect(self.start_exam)
        self.setup.save_requested.connect(self._on_setup_save_requested)
        self.exam.submitted.connect(self._on_exam_submitted)
        self.exam.save_failed.connect(self.show_error)
        self.exam.notice.connect(self._on_exam_notice)
        self.result.home_requested.connect(self.show_home)
        self._add_menu()
        geometry = settings.value(GEOMETRY_KEY)
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1000, 720)
        self.exam.zoom(int(str(settings.value(ZOOM_KEY, 0) or 0)))
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
        self.bank_editing.add_menu(self.menuBar().addMenu("题库(&B)"))
        self.review_flow.add_menu(self.menuBar().addMenu("记录(&R)"))
        help_menu = self.menuBar().addMenu("帮助(&H)")
        help_menu.addAction("键盘快捷键 (F1)").triggered.connect(self.exam.show_shortcuts)

    def set_services(self, services: AppServices) -> None:
        """Hand in the bank and storage; open attempts are resumed or submitted; setup becomes ready."""
        self.services = services
        history = services.load_history()
        self.setup.show_bank(services.questions, services.problems, services.presets, history)
        self.statusBar().showMessage(
            f"题库已加载：{len(services.questions)} 题 · 数据保存在 {services.data_location}"
        )
        self.bank_editing.attach(services)
        self._handle_open_attempts()
        self.home_ready.emit()

    def current_page(self) -> Page:
        """Which page is showing."""
        return Page(self.stack.currentIndex())

    @property
    def exam_running(self) -> bool:
        """Whether an unsubmitted attempt is on screen."""
        session = self.exam.session
        return self.current_page() is Page.EXAM and session is not None and session.result is None

    def show_page(self, page: int) -> None:
        """Switch the stack to `page`."""
        self.stack.setCurrentIndex(page)

    def can_leave_page(self) -> bool:
        """False (with a message) during a running exam or when an editor keeps unsaved changes."""
        if self.exam_running:
            self.statusBar().showMessage("考试进行中：请先交卷，或关闭窗口保留到下次继续。", 5000)
            return False
        return self.bank_editing.close_editors()

    def show_home(self) -> None:
        """Back to the setup page (not during a running exam)."""
        if not self.can_leave_page():
            return
        if self.services is not None:
            self.setup.show_bank(
                self.services.questions,
                self.services.problems,
                self.services.presets,
                self.services.load_history(),
            )
        self.stack.setCurrentIndex(Page.SETUP)
        self.setup.focus_default()

    def start_exam(self, blueprint: Blueprint) -> None:
        """Draw an exam, store the attempt and show its first question."""
        if self.services is None or self.exam_running:
            return
        history = self.services.load_history() if blueprint.policy is not Policy.RANDOM else None
        try:
            exam = assemble(self.services.questions, blueprint, new_seed(), history)
        except BankTooSmallError as exc:
            self.show_error(f"题库中符合条件的题目只有 {exc.available} 道，不足 {exc.requested} 道。")
            return
        session = ExamSession.start(exam, self.services.store, self.services.make_clock(), self.services.bank)
        self.show_session(session)

    def show_session(self, session: ExamSession) -> None:
        """Show a started or resumed attempt on the exam page."""
        self.stack.setCurrentIndex(Page.EXAM)
        self.exam.begin(session)

    def _handle_open_attempts(self) -> None:
        """Submit attempts whose deadline passed while the app was closed; offer to resume the newest."""
        assert self.services is not None
        expired: list[ExamSession] = []
        resumable: ExamSession | None = None
        for record in self.services.store.open_attempts():
            session = ExamSession.resume(
                record, self.services.bank, self.services.store, self.services.make_clock()
            )
            if record.deadline is not None and session.clock.now() >= record.deadline:
                session.submit("deadline", finished_at=record.deadline)
                expired.append(session)
            elif resumable is None:
                resumable = session
        if expired:
            newest = expired[0]
            self.review_flow.show_result(newest.attempt_id, "deadline")
            self.statusBar().showMessage(
                f"上次的考试在截止时间已自动交卷，答案截至 {time_of_day(newest.last_saved_at)}。", 15000
            )
        if resumable is not None:
            choice = self.ask_resume(resumable)
            if choice is Choice.RESUME:
                self.show_session(resumable)
            elif choice is Choice.SUBMIT:
                resumable.submit("user")
                self.review_flow.show_result(resumable.attempt_id, "user")

    def ask_resume(self, session: ExamSession) -> Choice:
        """Resume / submit now / later, for an attempt left open; tests replace this method."""
        if not self.interactive:
            return Choice.KEEP
        remaining = session.clock.remaining()
        left = (
            f"剩余 {int(remaining // 60)} 分 {int(remaining % 60)} 秒" if remaining is not None else "不限时"
        )
        box = QMessageBox(QMessageBox.Icon.Question, APP_DISPLAY_NAME, "上次的考试还没有交卷。", parent=self)
        box.setInformativeText(
            f"{session.blueprint.name}：已答 {session.answered_count} / {len(session.questions)} 题，{left}。"
        )
        resume = box.addButton("继续作答", QMessageBox.ButtonRole.AcceptRole)
        submit = box.addButton("立即交卷", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton("稍后", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(resume)
        box.exec()
        clicked = box.clickedButton()
        return Choice.RESUME if clicked is resume else Choice.SUBMIT if clicked is submit else Choice.KEEP

    def _on_exam_submitted(self, reason: str) -> None:
        assert self.exam.session is not None
        self.review_flow.show_result(self.exam.session.attempt_id, reason)
        if reason == "clock":
            self.statusBar().showMessage("时间到，已按当时保存的答案自动交卷。", 10000)

    def _on_exam_notice(self, message: str) -> None:
        self.statusBar().showMessage(message, 10000)

    def _on_setup_save_requested(self, blueprint: Blueprint) -> None:
        if self.services is None:
            return
        try:
            path = self.services.save_preset(blueprint)
        except OSError as exc:
            self.show_error(f"预设没有保存：{exc}")
            return
        self.statusBar().showMessage(f"预设“{blueprint.name}”已保存到 {path}", 10000)
        self.show_home()

    def show_error(self, message: str) -> None:
        """The one channel for problems the user should know about."""
        self.statusBar().showMessage(message, 15000)
        if self.interactive:
            QMessageBox.warning(self, APP_DISPLAY_NAME, message)

    def ask_close(self) -> Choice:
        """Closing mid-exam: keep for later / submit now / cancel; tests replace this method."""
        if not self.interactive:
            return Choice.KEEP
        box = QMessageBox(QMessageBox.Icon.Question, APP_DISPLAY_NAME, "考试还在进行中。", parent=self)
        box.setInformativeText("已作答的内容都已保存。要保留到下次继续，还是现在交卷？")
        keep = box.addButton("保留，下次继续", QMessageBox.ButtonRole.AcceptRole)
        submit = box.addButton("现在交卷", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(keep)
        box.exec()
        clicked = box.clickedButton()
        return Choice.KEEP if clicked is keep else Choice.SUBMIT if clicked is submit else Choice.CANCEL

    def closeEvent(self, event: QCloseEvent) -> None:
        """Mid-exam, ask first; unsaved question edits are asked about; remember geometry and zoom."""
        if not self.bank_editing.close_editors():
            event.ignore()
            return
        if self.exam_running:
            choice = self.ask_close()
            if choice is Choice.CANCEL:
                event.ignore()
                return
            self.exam.flush()
            if choice is Choice.SUBMIT and self.exam.session is not None:
                self.exam.session.submit("user")
        self.settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        self.settings.setValue(ZOOM_KEY, self.exam.zoom_level)
        self.settings.sync()
        super().closeEvent(event)
