"""QuestionTableModel: every question (and every broken file) of the library as a sortable table row."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.core.bank.health import HealthIssue
from app.core.bank.problems import Severity
from app.core.models import Question

TYPE_NAMES = {
    "single": "单选", "multiple": "多选", "truefalse": "判断", "fill": "填空",
    "order": "排序", "match": "配对", "open": "问答", "output": "代码输出",
}  # fmt: skip
COLUMNS = ("ID", "主题", "题型", "难度", "标签", "考点", "题库", "状态", "上次结果")
_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class QuestionRow:
    """One row: a question, or a file that failed to parse (question None)."""

    key: str  # question id, or the broken file's path
    path: str
    question: Question | None
    bank: str
    issues: tuple[HealthIssue, ...] = ()
    overridden: bool = False
    last_result: str = ""

    @property
    def has_errors(self) -> bool:
        """Whether a problem keeps this file out of exams."""
        return self.question is None or any(i.severity is Severity.ERROR for i in self.issues)

    def cells(self) -> tuple[str, ...]:
        """The displayed text of each column."""
        q = self.question
        if q is None:
            status = "错误：" + (self.issues[0].message if self.issues else "无法解析")
            return (Path(self.path).stem, "", "", "", "", "", self.bank, status, "")
        status = "有问题" if self.issues else ("已覆盖内置题" if self.overridden else "")
        return (
            q.id, q.topic, TYPE_NAMES.get(q.type.value, q.type.value), str(q.difficulty),
            ", ".join(q.tags), ", ".join(q.facts), self.bank, status, self.last_result,
        )  # fmt: skip


class QuestionTableModel(QAbstractTableModel):
    """Rows are set in bulk (filtering happens before); sorting is done in Python on the row list."""

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[QuestionRow] = []
        self._cells: list[tuple[str, ...]] = []

    def set_rows(self, rows: list[QuestionRow]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._rows = rows
        self._cells = [r.cells() for r in rows]
        self.endResetModel()

    def row(self, index: int) -> QuestionRow:
        """The row at a model row number."""
        return self._rows[index]

    def rows(self) -> list[QuestionRow]:
        """Every row, in display order."""
        return list(self._rows)

    def row_of(self, key: str) -> int:
        """The model row number of a question id (or broken path); -1 when not shown."""
        return next((i for i, r in enumerate(self._rows) if r.key == key), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells[index.row()][index.column()]
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole and row.issues:
            return "\n".join(f"{i.message}（建议：{i.fix}）" for i in row.issues)
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 7 and row.issues:
            return QBrush(QColor("#b3261e" if row.has_errors else "#9a6700"))
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        paired = sorted(
            zip(self._cells, self._rows, strict=True),
            key=lambda pair: pair[0][column],
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
        self._cells = [c for c, _ in paired]
        self._rows = [r for _, r in paired]
        self.layoutChanged.emit()
