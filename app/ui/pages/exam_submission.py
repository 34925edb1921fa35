"""The exam page's review-before-submit screen and submission, as a mixin of ExamPage."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox, QWidget

from app.render.question_html import short_title

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtWidgets import QStackedWidget

    from app.core.session import ExamSession
    from app.ui.widgets.answers.base import AnswerWidget
    from app.ui.widgets.budget_label import BudgetLabel
    from app.ui.widgets.review_panel import ReviewPanel
    from app.ui.widgets.timer_label import TimerLabel


class Screen:
    """Indexes of the page's inner stack."""

    QUESTION = 0
    PAUSED = 1
    REVIEW = 2


class ExamSubmission:
    """Ctrl+Enter opens the review screen (unanswered and flagged questions); Ctrl+Enter again submits."""

    if TYPE_CHECKING:
        session: ExamSession | None
        index: int
        screens: QStackedWidget
        review: ReviewPanel
        timer: TimerLabel
        budget: BudgetLabel
        submitted: SignalInstance

        @property
        def answer(self) -> AnswerWidget: ...

        def go_to(self, index: int) -> None: ...

        def _account_time(self) -> None: ...

    def on_ctrl_enter(self) -> None:
        """Ctrl+Enter: open the review screen, or submit from it."""
        if self.screens.currentIndex() == Screen.REVIEW:
            self.request_submit()
        else:
            self.open_review()

    def open_review(self) -> None:
        """The review-before-submit screen."""
        if (
            self.session is None
            or self.session.result is not None
            or self.screens.currentIndex() == Screen.PAUSED
        ):
            return
        self.answer.flush()
        self._account_time()
        session = self.session
        titles = [short_title(q) for q in session.questions]
        flagged = [i for i, q in enumerate(session.questions) if q.id in session.flagged]
        self.review.show_state(titles, session.unanswered, flagged)
        self.screens.setCurrentIndex(Screen.REVIEW)

    def close_review(self) -> None:
        """Back from the review screen to the question."""
        if self.screens.currentIndex() == Screen.REVIEW:
            self.screens.setCurrentIndex(Screen.QUESTION)
            self.answer.focus_first()

    def _on_review_jump_requested(self, index: int) -> None:
        self.screens.setCurrentIndex(Screen.QUESTION)
        self.go_to(index)

    def request_submit(self) -> None:
        """Submit; with unanswered questions, ask once with their count."""
        if self.session is None or self.session.result is not None:
            return
        self.answer.flush()
        unanswered = len(self.session.unanswered)
        if unanswered and not self.confirm(f"还有 {unanswered} 题未作答，确定交卷吗？"):
            return
        self._submit("user")

    def confirm(self, text: str) -> bool:
        """Ask the user yes/no; tests replace this method."""
        parent = self if isinstance(self, QWidget) else None
        answer = QMessageBox.question(
            parent, "交卷", text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        )
        return answer == QMessageBox.StandardButton.Yes

    def flush(self) -> None:
        """Send any answer still held back by the widget (before closing the window)."""
        if (
            self.session is not None
            and self.session.result is None
            and 0 <= self.index < len(self.session.questions)
        ):
            self.answer.flush()

    def _submit(self, reason: str) -> None:
        assert self.session is not None
        self.flush()
        self._account_time()
        self.timer.stop()
        self.budget.stop()
        self.session.submit(reason)
        self.screens.setCurrentIndex(Screen.QUESTION)
        self.submitted.emit(reason)
