"""Navigator: a grid of buttons, one per question: answered, flagged, current; click to jump."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QScrollArea, QToolButton, QWidget

COLUMNS = 20
ROW_HEIGHT = 34
VISIBLE_ROWS = 3


class Navigator(QScrollArea):
    """Rows of numbered buttons; more than three rows scroll."""

    jump_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navigator")
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._strip = QWidget()
        self._layout = QGridLayout(self._strip)
        self._layout.setContentsMargins(2, 2, 2, 2)
        self._layout.setSpacing(4)
        self._layout.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setWidget(self._strip)
        self.buttons: list[QToolButton] = []

    def set_count(self, count: int) -> None:
        """Make one button per question."""
        for button in self.buttons:
            button.hide()  # off the screen now; deleted when the event loop next runs
            button.deleteLater()
        self.buttons = []
        while self._layout.count():
            self._layout.takeAt(0)
        for index in range(count):
            button = QToolButton()
            button.setText(str(index + 1))
            button.setToolTip(f"第 {index + 1} 题")
            button.clicked.connect(lambda _=False, i=index: self.jump_requested.emit(i))
            self._layout.addWidget(button, index // COLUMNS, index % COLUMNS)
            button.show()
            self.buttons.append(button)
        rows = max(1, -(-count // COLUMNS))
        self.setFixedHeight(min(rows, VISIBLE_ROWS) * ROW_HEIGHT + 2 * self.frameWidth() + 4)

    @property
    def count(self) -> int:
        """How many questions the strip shows."""
        return len(self.buttons)

    def update_states(self, answered: list[bool], flagged: list[bool], current: int) -> None:
        """Style each button as current / answered / unanswered, and mark flagged ones."""
        for index, button in enumerate(self.buttons):
            state = "current" if index == current else "answered" if answered[index] else "unanswered"
            mark = "flagged" if flagged[index] else ""
            if button.property("state") != state or button.property("flag") != mark:
                button.setProperty("state", state)
                button.setProperty("flag", mark)
                button.setText(f"{index + 1}{'⚑' if mark else ''}")
                status = ("已答" if answered[index] else "未答") + ("，已标记" if mark else "")
                button.setAccessibleName(f"第 {index + 1} 题，{status}")
                button.style().unpolish(button)
                button.style().polish(button)
        if 0 <= current < len(self.buttons):
            self.ensureWidgetVisible(self.buttons[current])
