"""Navigator: one small button per question, showing answered and current; click to jump."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QScrollArea, QToolButton, QWidget


class Navigator(QScrollArea):
    """A horizontal strip of numbered buttons."""

    jump_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navigator")
        self.setWidgetResizable(True)
        self.setFixedHeight(48)
        self._strip = QWidget()
        self._layout = QHBoxLayout(self._strip)
        self._layout.setContentsMargins(2, 2, 2, 2)
        self._layout.setSpacing(4)
        self.setWidget(self._strip)
        self.buttons: list[QToolButton] = []

    def set_count(self, count: int) -> None:
        """Make one button per question."""
        for button in self.buttons:
            button.deleteLater()
        self.buttons = []
        while self._layout.count():
            self._layout.takeAt(0)
        for index in range(count):
            button = QToolButton()
            button.setText(str(index + 1))
            button.setToolTip(f"第 {index + 1} 题")
            button.clicked.connect(lambda _=False, i=index: self.jump_requested.emit(i))
            self._layout.addWidget(button)
            self.buttons.append(button)
        self._layout.addStretch(1)

    def update_states(self, answered: list[bool], current: int) -> None:
        """Style each button as answered / unanswered and mark the current one."""
        for index, button in enumerate(self.buttons):
            state = "current" if index == current else "answered" if answered[index] else "unanswered"
            if button.property("state") != state:
                button.setProperty("state", state)
                button.style().unpolish(button)
                button.style().polish(button)
        if 0 <= current < len(self.buttons):
            self.ensureWidgetVisible(self.buttons[current])
