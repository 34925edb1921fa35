"""PausedCover: what a paused exam shows instead of the question, so nothing can be read meanwhile."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget


class PausedCover(QWidget):
    """A plain cover with a resume button."""

    resume_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pausedCover")
        label = QLabel("已暂停\n计时已停止，题目已隐藏。")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setObjectName("pageTitle")
        resume = QPushButton("继续 (Ctrl+P)")
        resume.setObjectName("primary")
        resume.clicked.connect(self.resume_requested)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(label)
        layout.addWidget(resume, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(1)
