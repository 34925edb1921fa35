"""KeyEditor: a table editor for a question's answer key (options, blanks, order, pairs, key points)."""

from __future__ import annotations

import dataclasses
import string

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)  # fmt: skip

from app.core.models import Choice, KeyPoint, Pair, Question, QuestionType

_COLUMNS: dict[QuestionType, tuple[str, ...]] = {
    QuestionType.SINGLE: ("正确", "选项"),
    QuestionType.MULTIPLE: ("正确", "选项"),
    QuestionType.FILL: ("可接受的答案（用 | 分隔）",),
    QuestionType.ORDER: ("按正确顺序排列的项目",),
    QuestionType.MATCH: ("左（留空为干扰项）", "右"),
    QuestionType.OPEN: ("权重", "得分点"),
}


class KeyEditor(QWidget):
    """Edits the key of one question type; `changed` fires after each edit with the new question."""

    changed = Signal(object)  # Question

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question: Question | None = None
        self.table = QTableWidget(0, 2)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemChanged.connect(lambda _: self._emit())
        self.truth = QComboBox()
        self.truth.addItems(["正确 (true)", "错误 (false)"])
        self.truth.currentIndexChanged.connect(lambda _: self._emit())
        self.output = QPlainTextEdit()
        self.output.setPlaceholderText("程序的准确输出")
        self.output.textChanged.connect(self._emit)
        buttons = QHBoxLayout()
        for label, slot in (
            ("添加", self._add),
            ("删除", self._remove),
            ("上移", self._up),
            ("下移", self._down),
        ):
            button = QPushButton(label)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        self.buttons = QWidget()
        self.buttons.setLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for w in (self.table, self.buttons, self.truth, self.output):
            layout.addWidget(w)
        self._loading = False

    def load(self, question: Question) -> None:
        """Show `question`'s key without emitting `changed`."""
        self._loading = True
        self.question = question
        qtype = question.type
        columns = _COLUMNS.get(qtype, ())
        for w in (self.table, self.buttons):
            w.setVisible(bool(columns))
        self.truth.setVisible(qtype is QuestionType.TRUEFALSE)
        self.output.setVisible(qtype is QuestionType.OUTPUT)
        self.table.setColumnCount(len(columns) or 1)
        self.table.setHorizontalHeaderLabels(list(columns))
        rows = _rows_of(question)
        self.table.setRowCount(len(rows))
        for r, cells in enumerate(rows):
            for c, value in enumerate(cells):
                item = QTableWidgetItem()
                if isinstance(value, bool):
                    item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
                    item.setCheckState(Qt.CheckState.Checked if value else Qt.CheckState.Unchecked)
                else:
                    item.setText(str(value))
                self.table.setItem(r, c, item)
        self.table.resizeColumnToContents(0)
        self.truth.setCurrentIndex(0 if question.truth else 1)
        if self.output.toPlainText() != (question.outputs[0] if question.outputs else ""):
            self.output.setPlainText(question.outputs[0] if question.outputs else "")
        self._loading = False

    def _cell(self, row: int, column: int) -> str | bool:
        item = self.table.item(row, column)
        if item is None:
            return ""
        if item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            return item.checkState() == Qt.CheckState.Checked
        return item.text().strip()

    def _emit(self) -> None:
        if self._loading or self.question is None:
            return
        rows = [
            [self._cell(r, c) for c in range(self.table.columnCount())] for r in range(self.table.rowCount())
        ]
        self.changed.emit(
            _with_key(self.question, rows, self.truth.currentIndex() == 0, self.output.toPlainText())
        )

    def _add(self) -> None:
        if self.question is None:
            return
        blanks: dict[QuestionType, list[str | bool]] = {
            QuestionType.SINGLE: [False, "新选项"], QuestionType.MULTIPLE: [False, "新选项"],
            QuestionType.MATCH: ["左", "右"], QuestionType.OPEN: ["1", "新得分点"],
        }  # fmt: skip
        blank = blanks.get(self.question.type, ["新项目"])
        rows = [*_rows_of(self.question), blank]
        self.changed.emit(
            _with_key(self.question, rows, bool(self.question.truth), "\n".join(self.question.outputs))
        )

    def _remove(self) -> None:
        self._move(self.table.currentRow(), None)

    def _up(self) -> None:
        self._move(self.table.currentRow(), -1)

    def _down(self) -> None:
        self._move(self.table.currentRow(), 1)

    def _move(self, row: int, delta: int | None) -> None:
        if self.question is None or row < 0:
            return
        rows = _rows_of(self.question)
        item = rows.pop(row)
        if delta is not None:
            rows.insert(max(0, min(len(rows), row + delta)), item)
        self.changed.emit(
            _with_key(self.question, rows, bool(self.question.truth), "\n".join(self.question.outputs))
        )
        if delta is not None:
            self.table.setCurrentCell(max(0, min(len(rows) - 1, row + delta)), 0)


def _rows_of(q: Question) -> list[list[str | bool]]:
    rows: list[list[str | bool]] = []
    if q.type in (QuestionType.SINGLE, QuestionType.MULTIPLE):
        return [[c.correct, c.text] for c in q.choices]
    if q.type is QuestionType.FILL:
        rows += [[" | ".join(b)] for b in q.blanks]
    elif q.type is QuestionType.ORDER:
        rows += [[item] for item in q.order_items]
    elif q.type is QuestionType.MATCH:
        rows += [[p.left, p.right] for p in q.pairs]
        rows += [["", d] for d in q.distractors]
    elif q.type is QuestionType.OPEN:
        rows += [[f"{p.weight:g}", p.text] for p in q.key_points]
    return rows


def _with_key(q: Question, rows: list[list[str | bool]], truth: bool, output: str) -> Question:
    texts = [[str(c) for c in row] for row in rows]
    if q.type in (QuestionType.SINGLE, QuestionType.MULTIPLE):
        choices = tuple(
            Choice(string.ascii_uppercase[i], str(row[1]), bool(row[0]))
            for i, row in enumerate(rows)
            if row[1]
        )
        return dataclasses.replace(q, choices=choices)
    if q.type is QuestionType.TRUEFALSE:
        return dataclasses.replace(q, truth=truth)
    if q.type is QuestionType.FILL:
        blanks = tuple(tuple(a.strip() for a in row[0].split("|") if a.strip()) for row in texts if row[0])
        return dataclasses.replace(q, blanks=blanks)
    if q.type is QuestionType.ORDER:
        return dataclasses.replace(q, order_items=tuple(row[0] for row in texts if row[0]))
    if q.type is QuestionType.MATCH:
        pairs = tuple(Pair(left, right) for left, right in texts if left and right)
        return dataclasses.replace(
            q, pairs=pairs, distractors=tuple(r for left, r in texts if not left and r)
        )
    if q.type is QuestionType.OPEN:
        points = tuple(KeyPoint(text, _weight(w)) for w, text in texts if text)
        return dataclasses.replace(q, key_points=points)
    return dataclasses.replace(q, outputs=(output.rstrip("\n"), *q.outputs[1:]))


def _weight(text: str) -> float:
    try:
        return max(0.5, float(text))
    except ValueError:
        return 1.0
