"""AttemptTableModel: past attempts as sortable rows: date, preset, mode, score, result, time, questions."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor

from app.core.analytics import AttemptSummary

COLUMNS = ("日期", "预设", "模式", "得分", "结果", "用时", "题数")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    minutes, secs = divmod(round(seconds), 60)
    return f"{minutes}:{secs:02d}"


def cells(s: AttemptSummary) -> tuple[str, ...]:
    """The displayed text of each column."""
    score = "进行中" if not s.finished else f"{s.score:g} / {s.max_score:g}" if s.score is not None else "—"
    if s.ratio is not None:
        score += f"（{s.ratio:.0%}）"
    verdict = "—" if s.passed is None else "通过" if s.passed else "未通过"
    return (
        time.strftime("%Y-%m-%d %H:%M", time.localtime(s.started_at)),
        s.preset,
        "练习" if s.mode == "practice" else "考试",
        score,
        verdict,
        _duration(s.duration_s),
        str(s.question_count),
    )


def sort_key(s: AttemptSummary, column: int) -> Any:
    """What a column sorts by (numbers as numbers, open attempts last)."""
    return (
        s.started_at,
        s.preset,
        s.mode,
        -1.0 if s.ratio is None else s.ratio,
        -1 if s.passed is None else int(s.passed),
        -1.0 if s.duration_s is None else s.duration_s,
        s.question_count,
    )[column]


class AttemptTableModel(QAbstractTableModel):
    """Rows are replaced in bulk; the proxy sorts and filters."""

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[AttemptSummary] = []
        self._cells: list[tuple[str, ...]] = []

    def set_rows(self, rows: list[AttemptSummary]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._rows = rows
        self._cells = [cells(r) for r in rows]
        self.endResetModel()

    def summary(self, row: int) -> AttemptSummary:
        """The attempt at a model row."""
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """Number of attempts (no children)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """Number of columns."""
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text, sort keys, and colour for pass / fail."""
        if not index.isValid():
            return None
        summary = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells[index.row()][index.column()]
        if role == SORT_ROLE:
            return sort_key(summary, index.column())
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 4 and summary.passed is not None:
            return QBrush(QColor("#2e7d32" if summary.passed else "#c62828"))
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (3, 5, 6):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class AttemptFilter(QSortFilterProxyModel):
    """Filters by preset and mode ("" for any); sorts by SORT_ROLE."""

    def __init__(self) -> None:
        super().__init__()
        self.preset = ""
        self.mode = ""
        self.setSortRole(SORT_ROLE)

    def set_filter(self, preset: str, mode: str) -> None:
        """Show only attempts of `preset` and `mode` ("" for any)."""
        if hasattr(self, "beginFilterChange"):  # Qt 6.9+
            self.beginFilterChange()
            self.preset, self.mode = preset, mode
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt
            self.preset, self.mode = preset, mode
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        """Whether a row passes the preset and mode filters."""
        model = self.sourceModel()
        assert isinstance(model, AttemptTableModel)
        summary = model.summary(source_row)
        return (not self.preset or summary.preset == self.preset) and (
            not self.mode or summary.mode == self.mode
        )

    def summary_at(self, row: int) -> AttemptSummary:
        """The attempt at a proxy row."""
        model = self.sourceModel()
        assert isinstance(model, AttemptTableModel)
        return model.summary(self.mapToSource(self.index(row, 0)).row())
