"""TimerLabel: shows the time left from an ExamClock and says when it runs out."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from app.core.clock import ExamClock, format_remaining

WARN_SECONDS = 300
URGENT_SECONDS = 60


class TimerLabel(QLabel):
    """Repaints `deadline - now` a few times a second; the clock, not the timer, keeps the time."""

    expired = Signal()
    level_changed = Signal(str)  # "normal", "warn" (5 minutes left), "urgent" (1 minute left)

    def __init__(self, parent: QWidget | None = None, interval_ms: int = 250) -> None:
        super().__init__(parent)
        self.setObjectName("timerLabel")
        self._clock: ExamClock | None = None
        self._fired = False
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.refresh)

    def start(self, clock: ExamClock) -> None:
        """Count down on `clock`; an untimed exam shows 不限时."""
        self._clock = clock
        self._fired = False
        self.setProperty("level", None)
        self.refresh()
        if clock.deadline is not None:
            self._timer.start()

    def stop(self) -> None:
        """Stop repainting (after submit)."""
        self._timer.stop()

    def refresh(self) -> None:
        """Repaint the remaining time; emit `expired` once when it reaches zero."""
        remaining = self._clock.remaining() if self._clock else None
        if remaining is None:
            self.setText("不限时")
            self.setProperty("level", "normal")
            return
        self.setText(f"剩余 {format_remaining(remaining)}")
        level = "urgent" if remaining <= URGENT_SECONDS else "warn" if remaining <= WARN_SECONDS else "normal"
        if self.property("level") != level:
            self.setProperty("level", level)
            self.style().unpolish(self)
            self.style().polish(self)
            self.setAccessibleDescription(
                {"warn": "剩余不到 5 分钟", "urgent": "剩余不到 1 分钟"}.get(level, "")
            )
            self.level_changed.emit(level)
        if remaining <= 0 and not self._fired:
            self._fired = True
            self._timer.stop()
            self.expired.emit()
