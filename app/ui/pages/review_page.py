"""ReviewPage: one attempt question by question, filtered, with self-grading and regrading."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from app.core.models import QuestionType
from app.core.ports import AttemptStore
from app.core.review import (
    FILTER_LABELS,
    AttemptReview,
    ItemState,
    ReviewFilter,
    ReviewItem,
    regrade_with_current,
    with_self_grade,
)
from app.render.question_html import short_title
from app.render.review_html import review_item_page
from app.ui.widgets.question_view import QuestionView
from app.ui.widgets.self_grade_panel import SelfGradePanel

FILTERS = list(ReviewFilter)


VERDICT_SIGNS = {
    ItemState.CORRECT: "✔",
    ItemState.PARTIAL: "◐",
    ItemState.WRONG: "✘",
    ItemState.UNANSWERED: "○",
    ItemState.PENDING: "…",
}


class ReviewPage(QWidget):
    """Pick a filter, then a question; open answers can be self-graded here at any time."""

    back_requested = Signal()
    practise_requested = Signal(object)  # list[Question]: a new practice exam from the filtered set
    export_requested = Signal(object)  # AttemptReview
    score_changed = Signal(int)  # attempt id whose stored score changed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.review: AttemptReview | None = None
        self._store: AttemptStore | None = None
        self._showing = -1  # the number of the question on screen, to keep its scroll position
        self.headline = QLabel()
        self.headline.setObjectName("pageTitle")
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.changed_note = QLabel()
        self.changed_note.setWordWrap(True)
        self.regrade_button = QPushButton("按新答案重新评分")
        self.regrade_button.clicked.connect(self.regrade)
        changed = QHBoxLayout()
        changed.addWidget(self.changed_note, 1)
        changed.addWidget(self.regrade_button)
        self.changed_bar = QWidget()
        self.changed_bar.setLayout(changed)
        self.filters = QTabBar()
        for kind in FILTERS:
            self.filters.addTab(FILTER_LABELS[kind])
        self.filters.currentChanged.connect(self._fill_list)
        self.list = QListWidget()
        self.list.currentRowChanged.connect(self._show_current)
        self.view = QuestionView()
        self.self_grade = SelfGradePanel()
        self.self_grade.graded.connect(self._on_self_graded)
        self.self_grade.hide()
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.view, 1)
        right_layout.addWidget(self.self_grade)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.list)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([300, 780])
        self.practise_button = QPushButton("练习这些题 (Ctrl+R)")
        self.practise_button.clicked.connect(self.practise)
        self.export_button = QPushButton("导出报告… (Ctrl+E)")
        self.export_button.clicked.connect(self._on_export_clicked)
        self.back_button = QPushButton("返回 (Esc)")
        self.back_button.clicked.connect(self.back_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.practise_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.details)
        layout.addWidget(self.changed_bar)
        layout.addWidget(self.filters)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        QShortcut(QKeySequence("Ctrl+R"), self, self.practise)
        QShortcut(QKeySequence("Ctrl+E"), self, self._on_export_clicked)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.back_requested.emit)
        for number, kind in enumerate(FILTERS, start=1):
            QShortcut(QKeySequence(f"Alt+{number}"), self, lambda k=kind: self.set_filter(k))

    # --- filling -------------------------------------------------------------------------------------

    def show_review(self, review: AttemptReview, store: AttemptStore | None, kind: ReviewFilter) -> None:
        """Show `review` with filter `kind`; `store` keeps self-grades and regrades (None: read-only)."""
        self.review = review
        self._store = store
        self._refresh_header()
        self.set_filter(kind)
        self.list.setFocus()

    def set_filter(self, kind: ReviewFilter) -> None:
        """Select a filter (Alt+1…6)."""
        index = FILTERS.index(kind)
        if self.filters.currentIndex() == index:
            self._fill_list()
        else:
            self.filters.setCurrentIndex(index)

    @property
    def current_filter(self) -> ReviewFilter:
        """The filter selected."""
        return FILTERS[max(0, self.filters.currentIndex())]

    @property
    def shown_items(self) -> list[ReviewItem]:
        """The items the list shows, in order."""
        return [] if self.review is None else self.review.filtered(self.current_filter)

    def _refresh_header(self) -> None:
        assert self.review is not None
        review, record = self.review, self.review.record
        result = review.result
        low, high = result.score_range
        score = f"{low:g}–{high:g}" if result.pending_count else f"{result.score:g}"
        verdict = "待自评" if result.pending_count else "通过" if result.passed else "未通过"
        self.headline.setText(
            f"答卷回顾 · {record.blueprint.name} · 得分 {score} / {result.max_score:g} · {verdict}"
        )
        started = time.strftime("%Y-%m-%d %H:%M", time.localtime(record.started_at))
        parts = [f"记录 {record.id}", started, "练习" if record.mode == "practice" else "考试"]
        if review.missing:
            parts.append(f"{len(review.missing)} 题已从题库删除，无法显示")
        self.details.setText(" · ".join(parts))
        counts = review.counts()
        for index, kind in enumerate(FILTERS):
            self.filters.setTabText(index, f"{FILTER_LABELS[kind]} ({counts[kind]})")
        changed = review.changed
        self.changed_bar.setVisible(bool(changed) and self._store is not None)
        self.changed_note.setText(
            f"{len(changed)} 道题在你作答后被修改过；下面显示你作答时的版本。可以按题库中的新答案重新评分。"
        )

    def _fill_list(self) -> None:
        current = self.list.currentItem()
        keep = current.data(Qt.ItemDataRole.UserRole) if current is not None else None
        self.list.blockSignals(True)
        self.list.clear()
        row_to_select = 0
        for row, item in enumerate(self.shown_items):
            entry = QListWidgetItem(
                f"{VERDICT_SIGNS[item.state]} {item.number}. {short_title(item.question)}"
            )
            entry.setData(Qt.ItemDataRole.UserRole, item.number)
            entry.setToolTip(item.question.id)
            self.list.addItem(entry)
            if item.number == keep:
                row_to_select = row
        self.list.blockSignals(False)
        self.practise_button.setEnabled(self.list.count() > 0)
        if self.list.count():
            self.list.setCurrentRow(row_to_select)
            self._show_current(row_to_select)
        else:
            self.view.setHtml(f"<p>“{FILTER_LABELS[self.current_filter]}”下没有题目。</p>")
            self.self_grade.hide()

    def _show_current(self, row: int) -> None:
        items = self.shown_items
        if self.review is None or not 0 <= row < len(items):
            return
        item = items[row]
        scroll = self.view.verticalScrollBar().value() if self._showing == item.number else 0
        self.view.setHtml(review_item_page(item, self.review))
        self.view.verticalScrollBar().setValue(scroll)
        self._showing = item.number
        gradable = item.question.type is QuestionType.OPEN and item.answered and self._store is not None
        self.self_grade.setVisible(gradable)
        if gradable:
            self.self_grade.set_question(item.question, item.self_grade)

    @property
    def current_item(self) -> ReviewItem | None:
        """The item on screen."""
        row = self.list.currentRow()
        items = self.shown_items
        return items[row] if 0 <= row < len(items) else None

    # --- actions -------------------------------------------------------------------------------------

    def _on_self_graded(self, ticked: tuple[int, ...]) -> None:
        item = self.current_item
        if self.review is None or self._store is None or item is None:
            return
        record_id = self.review.record.id
        self._store.save_self_grade(record_id, item.question.id, ticked)
        self.review = with_self_grade(self.review, item.question.id, ticked)
        self._store.update_score(record_id, self.review.result)
        self._refresh_header()
        self._fill_list()
        self.score_changed.emit(int(record_id))

    def regrade(self) -> None:
        """Grade changed questions against the bank's current key and store the new score."""
        if self.review is None or self._store is None or not self.review.changed:
            return
        currents = [item.current for item in self.review.changed if item.current is not None]
        self._store.rebase_answers(self.review.record.id, currents)
        self.review = regrade_with_current(self.review)
        self._store.update_score(self.review.record.id, self.review.result)
        self._refresh_header()
        self._fill_list()
        self.score_changed.emit(int(self.review.record.id))

    def practise(self) -> None:
        """Ask for a practice exam made of the questions the filter shows."""
        questions = [item.question for item in self.shown_items]  # the drill takes the bank's version
        if questions:
            self.practise_requested.emit(questions)

    def _on_export_clicked(self) -> None:
        if self.review is not None:
            self.export_requested.emit(self.review)
