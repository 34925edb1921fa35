"""ResultPage: the score, each question right or wrong, and its key and explanation."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.core.models import Result
from app.core.session import ExamSession
from app.render.question_html import review_page
from app.ui.widgets.question_view import QuestionView


class ResultPage(QWidget):
    """Shown after submitting; picks a question from the list to review it."""

    home_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: ExamSession | None = None
        self.headline = QLabel()
        self.headline.setObjectName("pageTitle")
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.list = QListWidget()
        self.list.currentRowChanged.connect(self._on_list_current_row_changed)
        self.view = QuestionView()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.list)
        splitter.addWidget(self.view)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([320, 760])
        self.home_button = QPushButton("返回首页")
        self.home_button.clicked.connect(self.home_requested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.home_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.details)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

    def show_result(self, session: ExamSession, reason: str) -> None:
        """Fill the page from a submitted session; `reason` says who submitted it."""
        assert session.result is not None
        self._session = session
        result: Result = session.result
        verdict = "通过" if result.passed else "未通过"
        self.headline.setText(
            f"得分 {result.score:g} / {result.max_score:g}（{result.ratio:.0%}）· {verdict}"
        )
        right = sum(m.correct for m in result.marks)
        note = {
            "clock": "时间到，已按当时保存的答案自动交卷。 ",
            "deadline": f"上次关闭时考试仍未交卷，已在截止时间自动交卷，答案截至 {answers_as_of(session)}。 ",
        }.get(reason, "")
        self.details.setText(
            f"{note}答对 {right} / {len(result.marks)} 题 · 及格线 {result.pass_ratio:.0%} · "
            f"记录编号 {session.attempt_id} · 随机种子 {session.exam.seed}"
        )
        self.list.clear()
        for number, (question, mark) in enumerate(zip(session.questions, result.marks, strict=True), start=1):
            sign = "…" if mark.pending else "✔" if mark.correct else "✘"
            item = QListWidgetItem(f"{sign} {number}. {question.id}")
            item.setData(Qt.ItemDataRole.UserRole, mark.correct)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.setFocus()

    def _on_list_current_row_changed(self, row: int) -> None:
        if self._session is None or self._session.result is None or row < 0:
            return
        question = self._session.questions[row]
        mark = self._session.result.marks[row]
        verdict = None if mark.pending else mark.correct
        options = self._session.layout(question).options
        self.view.setHtml(review_page(question, self._session.response(question.id), verdict, options))


def answers_as_of(session: ExamSession) -> str:
    """When the attempt's last answer was saved, as hh:mm:ss ("—" when nothing was)."""
    saved = session.last_saved_at
    return time.strftime("%H:%M:%S", time.localtime(saved)) if saved else "—"
