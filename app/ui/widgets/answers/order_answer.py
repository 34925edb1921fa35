"""OrderAnswer: a list to put in order by dragging, or with Alt+Up / Alt+Down."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.layout import QuestionLayout
from app.core.models import Question, Response
from app.ui.widgets.answers.base import AnswerWidget

ITEM_INDEX = Qt.ItemDataRole.UserRole


class OrderAnswer(AnswerWidget):
    """The response is the item indexes (into the file's order) top to bottom; any move answers it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        hint = QLabel("拖动排序，或选中后按 Alt+↑ / Alt+↓ 移动；顺序已对时点“确认此顺序”。")
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        self.list = QListWidget()
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.model().rowsMoved.connect(self._on_model_rows_moved)
        self.up_button = QPushButton("↑ 上移")
        self.down_button = QPushButton("↓ 下移")
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.accept_button = QPushButton("确认此顺序")
        self.accept_button.clicked.connect(self._emit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.up_button)
        buttons.addWidget(self.down_button)
        buttons.addStretch(1)
        buttons.addWidget(self.accept_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(hint)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        for keys, step in (("Alt+Up", -1), ("Alt+Down", 1)):
            shortcut = QShortcut(QKeySequence(keys), self.list)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda s=step: self.move_current(s))
        self._loading = False

    def set_question(self, question: Question, layout: QuestionLayout, response: Response) -> None:
        """Show the items in the saved order, or in the attempt's shuffled starting order."""
        self._loading = True
        self.list.clear()
        count = len(question.order_items)
        saved = (
            response
            if isinstance(response, list) and sorted(map(int, response)) == list(range(count))
            else None
        )
        order = [int(i) for i in saved] if saved else list(layout.items or range(count))
        for index in order:
            item = QListWidgetItem(f"{question.order_items[index]}")
            item.setData(ITEM_INDEX, index)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        rows = sum(self.list.sizeHintForRow(r) for r in range(self.list.count()))
        self.list.setFixedHeight(rows + 2 * self.list.frameWidth() + 6)  # all items shown, buttons just below
        self._loading = False

    def response(self) -> Response:
        """Item indexes from top to bottom."""
        return [int(self.list.item(row).data(ITEM_INDEX)) for row in range(self.list.count())]

    def move_current(self, step: int) -> None:
        """Move the selected item up (-1) or down (+1)."""
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count() or not self.isEnabled():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)
        self._emit()

    def focus_first(self) -> None:
        """Focus the list."""
        self.list.setFocus()

    def _on_model_rows_moved(self, *_args: QModelIndex | int) -> None:
        self._emit()

    def _emit(self) -> None:
        if not self._loading:
            self.response_changed.emit(self.response())
