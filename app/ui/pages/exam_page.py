"""ExamPage: one question at a time, answer widgets for every type, the countdown, review and submission."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QElapsedTimer, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.models import Question, QuestionType, Response
from app.core.session import ExamSession
from app.render.question_html import question_page, review_page
from app.ui.pages.exam_shortcuts import install_exam_shortcuts
from app.ui.pages.exam_submission import ExamSubmission, Screen
from app.ui.widgets.answers.base import AnswerWidget
from app.ui.widgets.answers.registry import WIDGET_FOR_TYPE
from app.ui.widgets.budget_label import BudgetLabel
from app.ui.widgets.navigator import Navigator
from app.ui.widgets.paused_cover import PausedCover
from app.ui.widgets.question_view import QuestionView
from app.ui.widgets.review_panel import ReviewPanel
from app.ui.widgets.self_grade_panel import SelfGradePanel
from app.ui.widgets.shortcuts_dialog import ShortcutsDialog
from app.ui.widgets.timer_label import TimerLabel

MIN_STEM_HEIGHT = 120


class ExamPage(ExamSubmission, QWidget):
    """Drives an ExamSession; every answer change goes to the session, which saves it at once."""

    submitted = Signal(str)  # the reason: "user" or "clock"
    save_failed = Signal(str)
    notice = Signal(str)  # short messages for the status bar (time warnings)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: ExamSession | None = None
        self.index = 0
        self._shown_for = QElapsedTimer()
        self._time_spent: dict[str, int] = {}
        self._widgets: dict[type[AnswerWidget], AnswerWidget] = {}
        self.zoom_level = 0
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.progress = QLabel()
        self.budget = BudgetLabel()
        self.timer = TimerLabel()
        self.timer.expired.connect(self._on_timer_expired)
        self.timer.level_changed.connect(self._on_timer_level_changed)
        self.navigator = Navigator()
        self.navigator.jump_requested.connect(self.go_to)
        self.view = QuestionView()
        self.answers = QStackedWidget()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.answers)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(scroll)
        splitter.setSizes([330, 270])
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter
        self.prev_button = QPushButton("← 上一题 (P)")
        self.next_button = QPushButton("下一题 (N) →")
        self.flag_button = QPushButton("标记 (F)")
        self.flag_button.setCheckable(True)
        self.check_button = QPushButton("检查答案 (Ctrl+K)")
        self.pause_button = QPushButton("暂停 (Ctrl+P)")
        self.review_button = QPushButton("交卷… (Ctrl+Enter)")
        self.review_button.setObjectName("primary")
        self.prev_button.clicked.connect(self.previous)
        self.next_button.clicked.connect(self.next)
        self.flag_button.clicked.connect(self.toggle_flag)
        self.check_button.clicked.connect(self.check_answer)
        self.pause_button.clicked.connect(self.toggle_pause)
        self.review_button.clicked.connect(self.open_review)
        self.self_grade = SelfGradePanel()
        self.self_grade.hide()
        self.self_grade.graded.connect(self._on_self_graded)
        self.review = ReviewPanel()
        self.review.jump_requested.connect(self._on_review_jump_requested)
        self.review.back_requested.connect(self.close_review)
        self.review.submit_requested.connect(self.request_submit)
        self.screens = QStackedWidget()
        self.screens.addWidget(self._question_screen(splitter))
        cover = PausedCover()
        cover.resume_requested.connect(self.toggle_pause)
        self.screens.addWidget(cover)
        self.screens.addWidget(self.review)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.budget)
        header.addSpacing(12)
        header.addWidget(self.progress)
        header.addSpacing(12)
        header.addWidget(self.timer)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.screens, 1)
        self.shortcuts = install_exam_shortcuts(self)

    def _question_screen(self, splitter: QSplitter) -> QWidget:
        buttons = QHBoxLayout()
        for button in (self.prev_button, self.next_button, self.flag_button, self.check_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.pause_button)
        buttons.addWidget(self.review_button)
        screen = QWidget()
        layout = QVBoxLayout(screen)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.navigator)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.self_grade)
        layout.addLayout(buttons)
        return screen

    # --- starting and showing ------------------------------------------------------------------------

    def begin(self, session: ExamSession) -> None:
        """Show `session` from its first unanswered question (its first question when new)."""
        self.session = session
        self._time_spent = {}
        blueprint = session.blueprint
        mode = "练习" if session.practice else "考试"
        self.title.setText(f"{blueprint.name} · {mode} · 种子 {session.exam.seed}")
        self.check_button.setVisible(session.practice)
        self.pause_button.setVisible(session.pause_allowed and session.clock.deadline is not None)
        self.navigator.set_count(len(session.questions))
        self.timer.start(session.clock)
        self.screens.setCurrentIndex(Screen.QUESTION)
        self.index = -1
        unanswered = session.unanswered
        self.go_to(unanswered[0] if unanswered and len(unanswered) < len(session.questions) else 0)

    @property
    def question(self) -> Question:
        """The question on screen."""
        assert self.session is not None
        return self.session.questions[self.index]

    @property
    def answer(self) -> AnswerWidget:
        """The answer widget on screen."""
        widget = self.answers.currentWidget()
        assert isinstance(widget, AnswerWidget)
        return widget

    def _widget_for(self, question: Question) -> AnswerWidget:
        kind = WIDGET_FOR_TYPE[question.type]
        if kind not in self._widgets:
            widget = kind()
            widget.response_changed.connect(self._on_answer_response_changed)
            self._widgets[kind] = widget
            self.answers.addWidget(widget)
        return self._widgets[kind]

    def go_to(self, index: int) -> None:
        """Show question `index` (0-based), keeping track of the time spent on the one left."""
        if self.session is None or not 0 <= index < len(self.session.questions):
            return
        if 0 <= self.index < len(self.session.questions):
            self.answer.flush()
        self._account_time()
        self.index = index
        question = self.question
        self.screens.setCurrentIndex(Screen.QUESTION)
        self._show_question_text()
        widget = self._widget_for(question)
        self.answers.setCurrentWidget(widget)
        widget.set_question(question, self.session.layout(question), self.session.response(question.id))
        widget.set_locked(question.id in self.session.checked or self.session.result is not None)
        self.flag_button.setChecked(question.id in self.session.flagged)
        self.check_button.setEnabled(question.id not in self.session.checked)
        self._show_self_grade()
        self.prev_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < len(self.session.questions) - 1)
        self._refresh_progress()
        widget.focus_first()
        self._shown_for.start()
        self.budget.track(question.time, partial(self._spent_ms, question.id))

    def _show_question_text(self) -> None:
        assert self.session is not None
        question = self.question
        mark = self.session.checked.get(question.id)
        if mark is None:
            html = question_page(question, self.index + 1, len(self.session.questions))
        else:
            verdict = None if mark.pending else mark.correct
            options = self.session.layout(question).options
            html = review_page(question, self.session.response(question.id), verdict, options)
        scroll = self.view.verticalScrollBar().value()
        self.view.setHtml(html)
        if mark is not None:  # the key and explanation need the room now
            total = sum(self.splitter.sizes())
            self.splitter.setSizes([total * 3 // 4, total - total * 3 // 4])
            self.view.verticalScrollBar().setValue(scroll)
        else:
            self._fit_question_pane()

    def _fit_question_pane(self) -> None:
        """A short stem gets a short pane, the answer the rest; a long one up to two thirds, then scrolls."""
        total = sum(self.splitter.sizes())
        if total <= 0:
            return
        self.view.document().setTextWidth(self.view.viewport().width())
        wanted = int(self.view.document().size().height()) + 2 * self.view.frameWidth() + 12
        stem = max(MIN_STEM_HEIGHT, min(wanted, total * 2 // 3))
        self.splitter.setSizes([stem, total - stem])

    def next(self) -> None:
        """Move to the next question."""
        if self.screens.currentIndex() == Screen.QUESTION:
            self.go_to(self.index + 1)

    def previous(self) -> None:
        """Move to the previous question."""
        if self.screens.currentIndex() == Screen.QUESTION:
            self.go_to(self.index - 1)

    def pick(self, index: int) -> None:
        """Keyboard 1-8 / A-H."""
        if self.screens.currentIndex() == Screen.QUESTION and self.session is not None:
            self.answer.pick(index)

    def zoom(self, step: int) -> None:
        """Larger (+1), smaller (-1) or default (0) question text."""
        change = -self.zoom_level if step == 0 else step
        self.view.zoomIn(change)
        self.zoom_level += change

    def show_shortcuts(self) -> None:
        """The shortcuts overlay (non-blocking; Esc closes it)."""
        dialog = ShortcutsDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    # --- answering -----------------------------------------------------------------------------------

    def _account_time(self) -> None:
        if (
            self.session is not None
            and self._shown_for.isValid()
            and 0 <= self.index < len(self.session.questions)
        ):
            qid = self.question.id
            self._time_spent[qid] = self._time_spent.get(qid, 0) + int(self._shown_for.restart())

    def _refresh_progress(self) -> None:
        assert self.session is not None
        session = self.session
        answered = [session.is_answered(q.id) for q in session.questions]
        flagged = [q.id in session.flagged for q in session.questions]
        if self.navigator.count != len(session.questions):
            self.navigator.set_count(len(session.questions))  # follow-ups were revealed
        self.navigator.update_states(answered, flagged, self.index)
        self.progress.setText(f"已答 {sum(answered)} / {len(answered)}")

    def _spent_ms(self, question_id: str) -> int:
        running = self._shown_for.elapsed() if self._shown_for.isValid() else 0
        return self._time_spent.get(question_id, 0) + running

    def _on_answer_response_changed(self, response: Response) -> None:
        if self.session is None or self.session.result is not None:
            return
        if self.sender() is not self.answer:
            return  # a widget that is no longer shown flushing late: its question was saved when it left
        self._account_time()
        failure = self.session.record(self.question, response, self._time_spent.get(self.question.id, 0))
        if failure is not None:
            self.save_failed.emit(f"答案暂存在内存中，写入数据库失败：{failure.detail}")
        self._refresh_progress()

    def toggle_flag(self) -> None:
        """Flag or unflag the question on screen."""
        if self.session is None or self.screens.currentIndex() != Screen.QUESTION:
            return
        flagged = self.session.toggle_flag(self.question.id)
        self.flag_button.setChecked(flagged)
        self._refresh_progress()

    def check_answer(self) -> None:
        """Practice mode: show right/wrong, the key and the explanation; the answer is then final."""
        if (
            self.session is None
            or not self.session.practice
            or self.screens.currentIndex() != Screen.QUESTION
        ):
            return
        self.answer.flush()
        self.session.check(self.question)
        self.answer.set_locked(True)
        self.check_button.setEnabled(False)
        self._show_question_text()
        self._show_self_grade()

    def _show_self_grade(self) -> None:
        """After "check answer" on an answered open question, the key points to tick (practice)."""
        session, question = self.session, self.question
        assert session is not None
        shown = (
            question.type is QuestionType.OPEN
            and question.id in session.checked
            and session.is_answered(question.id)
        )
        self.self_grade.setVisible(shown)
        if shown:
            self.self_grade.set_question(question, session.self_grades.get(question.id))

    def _on_self_graded(self, ticked: tuple[int, ...]) -> None:
        if self.session is not None and self.question.id in self.session.checked:
            self.session.self_grade(self.question, ticked)
            self._show_question_text()

    # --- time ----------------------------------------------------------------------------------------

    def toggle_pause(self) -> None:
        """Pause (cover the question, stop the clock) or resume, where the blueprint allows it."""
        if self.session is None or not self.session.pause_allowed or self.session.result is not None:
            return
        if self.screens.currentIndex() == Screen.PAUSED:
            self.session.resume_clock()
            self.timer.start(self.session.clock)
            self.screens.setCurrentIndex(Screen.QUESTION)
            self._shown_for.start()
            self.budget.track(self.question.time, partial(self._spent_ms, self.question.id))
            self.answer.focus_first()
        else:
            self.answer.flush()
            self._account_time()
            self._shown_for.invalidate()
            self.budget.stop()
            self.session.pause()
            self.timer.refresh()
            self.screens.setCurrentIndex(Screen.PAUSED)

    def _on_timer_level_changed(self, level: str) -> None:
        message = {"warn": "还剩不到 5 分钟。", "urgent": "还剩不到 1 分钟！"}.get(level)
        if message:
            self.notice.emit(message)

    def _on_timer_expired(self) -> None:
        if self.session is not None and self.session.result is None:
            self._submit("clock")
