"""BudgetLabel: time spent on the question on screen, against its suggested time (a soft budget)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget


class BudgetLabel(QLabel):
    """Ticks once a second while tracking; says so when the suggested time is used up."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hint")
        self._suggested: int | None = None
        self._spent_ms: Callable[[], int] = lambda: 0
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self.refresh)

    def track(self, suggested: int | None, spent_ms: Callable[[], int]) -> None:
        """Follow a question: its suggested seconds and a function giving the milliseconds spent so far."""
        self._suggested, self._spent_ms = suggested, spent_ms
        self.refresh()
        self._timer.start()

    def stop(self) -> None:
        """Stop ticking (paused or submitted)."""
        self._timer.stop()

    def refresh(self) -> None:
        """Repaint the figures."""
        spent = self._spent_ms() // 1000
        if self._suggested:
            over = " · 已超出建议用时" if spent > self._suggested else ""
            self.setText(f"本题建议 {self._suggested} 秒 · 已用 {spent} 秒{over}")
        else:
            self.setText(f"本题已用 {spent} 秒")
