"""HistoryPage: attempts in a sortable table, trends, pacing, practice days and the wrong-question book."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.analytics import (
    AttemptSummary,
    pace_points,
    practice_days,
    score_series,
    summarize,
    topic_accuracy_series,
)
from app.core.history import wrong_book
from app.core.models import AttemptId, AttemptRecord, Question, QuestionId
from app.core.ports import AttemptStore
from app.ui.qtmodels.attempt_table import AttemptFilter, AttemptTableModel
from app.ui.widgets.wrong_book_view import WrongBookView

ANY = ""
MODES = (("全部模式", ANY), ("考试", "exam"), ("练习", "practice"))


class DeleteAttemptsCommand(QUndoCommand):
    """Deleting attempts from history; undo restores them (they are purged at the next start)."""

    def __init__(self, store: AttemptStore, ids: Sequence[AttemptId], refresh: Callable[[], None]) -> None:
        super().__init__(f"删除 {len(ids)} 条记录")
        self._store, self._ids, self._refresh = store, list(ids), refresh

    def redo(self) -> None:
        """Delete (hide) the attempts."""
        for attempt_id in self._ids:
            self._store.delete_attempt(attempt_id)
        self._refresh()

    def undo(self) -> None:
        """Bring them back."""
        for attempt_id in self._ids:
            self._store.restore_attempt(attempt_id)
        self._refresh()


class HistoryPage(QWidget):
    """Enter opens an attempt's review, Delete removes it (Ctrl+Z undoes)."""

    open_requested = Signal(int)  # attempt id
    practise_requested = Signal(object)  # list[Question]
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store: AttemptStore | None = None
        self._bank: Mapping[QuestionId, Question] = {}
        self._finished: Sequence[AttemptRecord] | None = None  # with answers, loaded when a chart needs them
        self._charts: dict[str, Any] = {}
        self.undo_stack = QUndoStack(self)
        self.title = QLabel("历史记录")
        self.title.setObjectName("pageTitle")
        self.summary = QLabel()
        self.model = AttemptTableModel()
        self.proxy = AttemptFilter()
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.preset_filter = QComboBox()
        self.mode_filter = QComboBox()
        for label, value in MODES:
            self.mode_filter.addItem(label, value)
        self.preset_filter.currentIndexChanged.connect(self._apply_filter)
        self.mode_filter.currentIndexChanged.connect(self._apply_filter)
        self.include_practice = QCheckBox("统计含练习")
        self.include_practice.setToolTip("趋势和节奏图默认只统计考试；勾选后把练习模式的作答也算进去。")
        self.include_practice.toggled.connect(self._invalidate_charts)
        self.open_button = QPushButton("打开 (Enter)")
        self.open_button.clicked.connect(self.open_selected)
        self.delete_button = QPushButton("删除 (Del)")
        self.delete_button.clicked.connect(self.delete_selected)
        self.back_button = QPushButton("返回首页")
        self.back_button.clicked.connect(self.back_requested)
        self.book = WrongBookView()
        self.book.drill_requested.connect(self.practise_requested)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._records_tab(), "记录")
        for key, label in (
            ("scores", "成绩趋势"),
            ("topics", "主题正确率"),
            ("pace", "答题节奏"),
            ("days", "练习日历"),
        ):
            holder = QWidget()
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            holder.setObjectName(key)
            self.tabs.addTab(holder, label)
        self.tabs.addTab(self.book, "错题本")
        self.tabs.currentChanged.connect(self._on_tab_changed)
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addWidget(self.summary, 1)
        head.addWidget(self.include_practice)
        head.addWidget(self.back_button)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.tabs, 1)
        self._add_actions()

    def _records_tab(self) -> QWidget:
        filters = QHBoxLayout()
        filters.addWidget(QLabel("预设："))
        filters.addWidget(self.preset_filter)
        filters.addWidget(self.mode_filter)
        filters.addStretch(1)
        filters.addWidget(self.delete_button)
        filters.addWidget(self.open_button)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        return tab

    def _add_actions(self) -> None:
        undo = self.undo_stack.createUndoAction(self, "撤销")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_stack.createRedoAction(self, "重做")
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        open_action = QAction("打开", self)
        open_action.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        open_action.triggered.connect(self.open_selected)
        delete = QAction("删除", self)
        delete.setShortcut(QKeySequence.StandardKey.Delete)
        delete.triggered.connect(self.delete_selected)
        for action in (undo, redo):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        for action in (open_action, delete):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.table.addAction(action)

    # --- data ----------------------------------------------------------------------------------------

    def show_history(self, store: AttemptStore, bank: Mapping[QuestionId, Question]) -> None:
        """Load the attempt list (charts load when their tab is opened)."""
        self._store, self._bank = store, bank
        self.reload()
        self.table.setFocus()

    def reload(self) -> None:
        """Re-read attempts from the store (after a delete, undo or a new attempt)."""
        if self._store is None:
            return
        summaries = [summarize(r) for r in self._store.list_attempts()]
        self.model.set_rows(summaries)
        self.table.resizeColumnsToContents()
        chosen = self.preset_filter.currentData() or ANY
        self.preset_filter.blockSignals(True)
        self.preset_filter.clear()
        self.preset_filter.addItem("全部预设", ANY)
        for preset in sorted({s.preset for s in summaries}):
            self.preset_filter.addItem(preset, preset)
        self.preset_filter.setCurrentIndex(max(0, self.preset_filter.findData(chosen)))
        self.preset_filter.blockSignals(False)
        self._apply_filter()
        finished = [s for s in summaries if s.finished]
        passed = sum(bool(s.passed) for s in finished)
        self.summary.setText(f"共 {len(summaries)} 次，已交卷 {len(finished)} 次，通过 {passed} 次")
        self._invalidate_charts()

    def _apply_filter(self) -> None:
        self.proxy.set_filter(self.preset_filter.currentData() or ANY, self.mode_filter.currentData() or ANY)

    def _invalidate_charts(self) -> None:
        self._finished = None
        self._on_tab_changed(self.tabs.currentIndex())

    def _finished_attempts(self) -> Sequence[AttemptRecord]:
        if self._finished is None:
            self._finished = self._store.finished_attempts_with_answers() if self._store else []
        return self._finished

    def _chart(self, key: str, make: Callable[[], QWidget]) -> Any:
        if key not in self._charts:
            holder = self.tabs.findChild(QWidget, key)
            assert holder is not None
            self._charts[key] = make()
            layout = holder.layout()
            assert layout is not None
            layout.addWidget(self._charts[key])
        return self._charts[key]

    def _on_tab_changed(self, index: int) -> None:
        """Compute a chart's data only when its tab is shown."""
        tab = self.tabs.widget(index)
        key = tab.objectName() if tab is not None else ""
        practice = self.include_practice.isChecked()
        if key == "scores":
            from app.ui.charts.trend_chart import TrendChart

            chart = self._chart(key, lambda: self._clickable(TrendChart()))
            chart.set_series(score_series(self._summaries()))
        elif key == "topics":
            from app.ui.charts.trend_chart import TrendChart

            chart = self._chart(key, TrendChart)
            chart.set_series(topic_accuracy_series(self._finished_attempts(), self._bank, practice))
        elif key == "pace":
            from app.ui.charts.pace_chart import PaceChart

            chart = self._chart(key, PaceChart)
            chart.set_points(pace_points(self._finished_attempts(), self._bank, practice))
        elif key == "days":
            from app.ui.charts.calendar_heatmap import CalendarHeatmap

            chart = self._chart(key, CalendarHeatmap)
            chart.set_days(practice_days(self._summaries()), dt.date.today())
        elif tab is self.book:
            self.book.set_entries(wrong_book(self._finished_attempts(), self._bank), self._bank)

    def _clickable(self, chart: Any) -> Any:
        chart.point_clicked.connect(self.open_requested)  # a point of the trend opens that attempt
        return chart

    def _summaries(self) -> list[AttemptSummary]:
        return [self.model.summary(row) for row in range(self.model.rowCount())]

    # --- actions -------------------------------------------------------------------------------------

    def selected(self) -> list[AttemptSummary]:
        """The attempts selected in the table."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.proxy.summary_at(row) for row in rows]

    def open_selected(self) -> None:
        """Open the first selected attempt's review."""
        chosen = self.selected()
        if chosen:
            self.open_requested.emit(int(chosen[0].id))

    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        self.open_requested.emit(int(self.proxy.summary_at(index.row()).id))

    def delete_selected(self) -> None:
        """Delete the selected attempts (undoable with Ctrl+Z until the app restarts)."""
        chosen = self.selected()
        if chosen and self._store is not None:
            self.undo_stack.push(DeleteAttemptsCommand(self._store, [s.id for s in chosen], self.reload))
