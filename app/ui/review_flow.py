"""ReviewFlow: the 记录 menu and the glue between results, reviews, history, drills and report export."""

from __future__ import annotations

import random
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu

from app.core.assembly import new_seed
from app.core.models import AttemptId, Blueprint, Exam, Mode, Question
from app.core.review import AttemptReview, ReviewFilter
from app.core.session import ExamSession
from app.ui.page_ids import Page

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

DRILL_NAME = "错题练习"
INCLUDE_PRACTICE_KEY = "history/include_practice"  # practice answers count in accuracy and "weakest topics"


def include_practice(settings: QSettings) -> bool:
    """Whether the user chose to count practice answers in accuracy statistics (default: no)."""
    return str(settings.value(INCLUDE_PRACTICE_KEY, False)).lower() in ("true", "1")


def drill_exam(questions: Sequence[Question], seed: int) -> Exam:
    """An untimed practice exam of exactly these questions, in an order drawn from `seed`."""
    order = list(dict.fromkeys(questions))
    random.Random(seed).shuffle(order)
    blueprint = Blueprint(DRILL_NAME, len(order), None, mode=Mode.PRACTICE, description="从答卷或错题本生成")
    return Exam(blueprint, seed, tuple(order))


class ReviewFlow(QObject):
    """Shows results, reviews and history, and turns misses into practice exams."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._review_return = Page.RESULT
        window.result.review_requested.connect(self.review_result)
        window.result.practise_requested.connect(self.practise)
        window.result.export_requested.connect(self.export_report)
        window.review.back_requested.connect(lambda: self.window.show_page(self._review_return))
        window.review.practise_requested.connect(self.practise)
        window.review.export_requested.connect(self.export_report)
        window.history.open_requested.connect(self.open_attempt)
        window.history.practise_requested.connect(self.practise)
        window.history.back_requested.connect(window.show_home)
        window.history.include_practice.setChecked(include_practice(window.settings))
        window.history.include_practice.toggled.connect(
            lambda on: self.window.settings.setValue(INCLUDE_PRACTICE_KEY, on)
        )

    def add_menu(self, menu: QMenu) -> None:
        """Fill the 记录 menu."""
        for label, shortcut, slot in (
            ("历史记录", "Ctrl+Y", self.show_history),
            ("错题本", "Ctrl+Shift+Y", self.show_wrong_book),
        ):
            action = menu.addAction(label)
            action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(slot)

    def show_result(self, attempt_id: AttemptId, reason: str) -> None:
        """The result page of a submitted attempt."""
        services = self.window.services
        review = services.review(attempt_id) if services else None
        if services is None or review is None:
            return
        self.window.result.show_result(review, services.previous(review.record), reason)
        self.window.show_page(Page.RESULT)

    def review_result(self, kind: ReviewFilter) -> None:
        """From the result page into the review of the same attempt."""
        review = self.window.result.review
        if review is not None:
            self._open_review(review, kind, Page.RESULT)

    def open_attempt(self, attempt_id: int) -> None:
        """From history into an attempt's review."""
        services = self.window.services
        review = services.review(AttemptId(attempt_id)) if services else None
        if review is None:
            self.window.show_error(f"记录 {attempt_id} 已不存在。")
            return
        self._open_review(review, ReviewFilter.ALL, Page.HISTORY)

    def _open_review(self, review: AttemptReview, kind: ReviewFilter, back_to: Page) -> None:
        services = self.window.services
        self._review_return = back_to
        self.window.review.show_review(review, services.store if services else None, kind)
        self.window.show_page(Page.REVIEW)

    def show_history(self) -> None:
        """The history page (not during a running exam)."""
        services = self.window.services
        if services is None or not self.window.can_leave_page():
            return
        self.window.history.show_history(services.store, services.bank)
        self.window.show_page(Page.HISTORY)

    def show_wrong_book(self) -> None:
        """The history page on its wrong-question book tab."""
        self.show_history()
        if self.window.current_page() is Page.HISTORY:
            self.window.history.tabs.setCurrentWidget(self.window.history.book)

    def practise(self, questions: list[Question]) -> None:
        """Start an untimed practice exam of `questions` (misses, a filter, the wrong-question book)."""
        services = self.window.services
        if services is None or not questions or self.window.exam_running:
            return
        bank = services.bank
        current = [bank.get(q.id, q) for q in questions]  # practise the bank's current version
        session = ExamSession.start(
            drill_exam(current, new_seed()), services.store, services.make_clock(), bank
        )
        self.window.show_session(session)

    def export_report(self, review: AttemptReview) -> None:
        """Save the attempt report as PDF or HTML, where the user chooses."""
        if not self.window.interactive:
            return
        suggested = str(Path.home() / f"mockexam-{review.record.id}.pdf")
        path, _ = QFileDialog.getSaveFileName(
            self.window, "导出答卷报告", suggested, "PDF 文件 (*.pdf);;HTML 文件 (*.html)"
        )
        if path:
            self.write_report(review, Path(path))

    def write_report(self, review: AttemptReview, path: Path) -> None:
        """Write the report; the suffix picks the format (.html, otherwise PDF)."""
        from app.core.bank.files import atomic_write_text
        from app.render.report_html import attempt_report_html
        from app.ui.report_pdf import write_pdf

        services = self.window.services
        previous = services.previous(review.record) if services else None
        html = attempt_report_html(review, previous)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            if path.suffix.lower() in (".html", ".htm"):
                atomic_write_text(path, html)
            else:
                write_pdf(html, path)
        except OSError as exc:
            self.window.show_error(f"报告没有保存：{exc}")
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.window.statusBar().showMessage(f"报告已保存到 {path}", 10000)
