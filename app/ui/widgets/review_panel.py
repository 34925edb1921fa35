"""ReviewPanel: before submitting, the unanswered and flagged questions, each a link back."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

QUESTION_INDEX = Qt.ItemDataRole.UserRole


class ReviewPanel(QWidget):
    """Lists what still needs attention; Enter on a row jumps to it, the button submits."""

    jump_requested = Signal(int)
    submit_requested = Signal()
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel()
        self.summary.setObjectName("pageTitle")
        self.unanswered = QListWidget()
        self.flagged = QListWidget()
        for listing in (self.unanswered, self.flagged):
            listing.itemActivated.connect(self._on_item_activated)
        self.back_button = QPushButton("返回作答 (Esc)")
        self.back_button.clicked.connect(self.back_requested)
        self.submit_button = QPushButton("交卷")
        self.submit_button.setObjectName("primary")
        self.submit_button.clicked.connect(self.submit_requested)
        columns = QHBoxLayout()
        for title, listing in (("未作答", self.unanswered), ("已标记 (F)", self.flagged)):
            column = QVBoxLayout()
            column.addWidget(QLabel(title))
            column.addWidget(listing)
            columns.addLayout(column)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.submit_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(columns, 1)
        layout.addLayout(buttons)

    def show_state(self, titles: list[str], unanswered: list[int], flagged: list[int]) -> None:
        """Fill the lists; `titles` has one short line per question."""
        answered = len(titles) - len(unanswered)
        self.summary.setText(f"交卷前检查：已答 {answered} / {len(titles)} 题，标记 {len(flagged)} 题")
        for listing, indexes in ((self.unanswered, unanswered), (self.flagged, flagged)):
            listing.clear()
            for index in indexes:
                item = QListWidgetItem(f"{index + 1}. {titles[index]}")
                item.setData(QUESTION_INDEX, index)
                listing.addItem(item)
        self.submit_button.setText(f"交卷（{len(unanswered)} 题未答）" if unanswered else "交卷 (Enter)")
        self.submit_button.setDefault(True)
        self.submit_button.setFocus()

    def _on_item_activated(self, item: QListWidgetItem) -> None:
        self.jump_requested.emit(int(item.data(QUESTION_INDEX)))
