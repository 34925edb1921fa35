"""WrongBookView: the wrong-question book (错题本) by topic, its rule, and a drill button."""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.history import BOOK_RULE, CORRECT_TO_LEAVE_BOOK, BookEntry
from app.core.models import Question, QuestionId
from app.render.question_html import short_title

ALL_TOPICS = "全部主题"


class WrongBookView(QWidget):
    """Entries grouped by topic; "drill" asks for a practice exam of the shown entries."""

    drill_requested = Signal(object)  # list[Question]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entries: list[BookEntry] = []
        self._bank: Mapping[QuestionId, Question] = {}
        self.rule = QLabel(BOOK_RULE)
        self.rule.setObjectName("hint")
        self.rule.setWordWrap(True)
        self.topic = QComboBox()
        self.topic.currentIndexChanged.connect(self._fill)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["题目", "答错次数", "连续答对", "最近答错"])
        self.tree.setColumnWidth(0, 460)
        self.drill_button = QPushButton("练习这些错题")
        self.drill_button.setObjectName("primary")
        self.drill_button.clicked.connect(self.drill)
        top = QHBoxLayout()
        top.addWidget(QLabel("主题："))
        top.addWidget(self.topic)
        top.addStretch(1)
        top.addWidget(self.drill_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.rule)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)

    def set_entries(self, entries: Sequence[BookEntry], bank: Mapping[QuestionId, Question]) -> None:
        """Show the book; entries whose question left the bank are skipped."""
        self._entries = [e for e in entries if e.question_id in bank]
        self._bank = bank
        chosen = self.topic.currentText()
        topics = sorted({e.topic for e in self._entries})
        self.topic.blockSignals(True)
        self.topic.clear()
        self.topic.addItems([ALL_TOPICS, *topics])
        self.topic.setCurrentIndex(max(0, self.topic.findText(chosen)))
        self.topic.blockSignals(False)
        self._fill()

    @property
    def shown(self) -> list[BookEntry]:
        """Entries of the chosen topic."""
        topic = self.topic.currentText()
        return [e for e in self._entries if topic in ("", ALL_TOPICS) or e.topic == topic]

    def _fill(self) -> None:
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        for entry in self.shown:
            group = groups.get(entry.topic)
            if group is None:
                group = groups[entry.topic] = QTreeWidgetItem(self.tree, [entry.topic])
                group.setExpanded(True)
            question = self._bank[entry.question_id]
            row = QTreeWidgetItem(
                group,
                [
                    short_title(question),
                    str(entry.misses),
                    f"{entry.streak} / {CORRECT_TO_LEAVE_BOOK}",
                    time.strftime("%Y-%m-%d", time.localtime(entry.last_missed_at)),
                ],
            )
            row.setToolTip(0, question.id)
            row.setData(0, Qt.ItemDataRole.UserRole, question.id)
        for group in groups.values():
            group.setText(0, f"{group.text(0)} ({group.childCount()})")
        count = len(self.shown)
        self.drill_button.setText(f"练习这些错题 ({count})")
        self.drill_button.setEnabled(count > 0)

    def drill(self) -> None:
        """Ask for a practice exam of the entries shown."""
        questions = [self._bank[e.question_id] for e in self.shown]
        if questions:
            self.drill_requested.emit(questions)
