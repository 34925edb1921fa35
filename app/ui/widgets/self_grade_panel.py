"""SelfGradePanel: tick the key points (得分点) an open answer covered; the weights give its score."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QCheckBox, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.core.models import Question, SelfGrade
from app.core.scoring import self_grade_fraction
from app.render.question_html import plain_text


class SelfGradePanel(QGroupBox):
    """Emits `graded(tuple)` with the ticked key-point indexes when the user saves (Ctrl+G)."""

    graded = Signal(tuple)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("自评：对照参考答案，勾选你答到的得分点", parent)
        self._question: Question | None = None
        self._boxes: list[QCheckBox] = []
        self._saved: SelfGrade | None = None
        self._points = QVBoxLayout()
        self.status = QLabel()
        self.status.setObjectName("hint")
        self.save_button = QPushButton("保存自评 (Ctrl+G)")
        self.save_button.setObjectName("primary")
        self.save_button.clicked.connect(self.save)
        QShortcut(QKeySequence("Ctrl+G"), self, self.save)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(self._points)
        layout.addLayout(row)

    def set_question(self, question: Question, ticked: SelfGrade | None) -> None:
        """Show the key points of `question`, ticked as last saved (None: not graded yet)."""
        self._question = question
        for box in self._boxes:
            self._points.removeWidget(box)
            box.deleteLater()
        self._boxes = []
        chosen = set(ticked or ())
        for index, point in enumerate(question.key_points):
            box = QCheckBox(f"[{point.weight:g}] {plain_text(point.text)}")
            box.setChecked(index in chosen)
            box.toggled.connect(self._show_status)
            self._points.addWidget(box)
            self._boxes.append(box)
        self._saved = ticked
        self._show_status()

    @property
    def ticked(self) -> SelfGrade:
        """The key points ticked on screen."""
        return tuple(i for i, box in enumerate(self._boxes) if box.isChecked())

    def tick(self, indexes: SelfGrade) -> None:
        """Set the ticks (tests and keyboard users)."""
        for i, box in enumerate(self._boxes):
            box.setChecked(i in indexes)

    def save(self) -> None:
        """Emit the ticks as the self-grade."""
        if self._question is None or not self.isVisible():
            return
        self._saved = self.ticked
        self.graded.emit(self.ticked)
        self._show_status()

    def _show_status(self) -> None:
        if self._question is None:
            return
        points = self._question.points
        score = points * self_grade_fraction(self._question, self.ticked)
        if self._saved is None:
            state = "尚未自评 (pending)"
        elif tuple(self._saved) == self.ticked:
            state = "已保存"
        else:
            state = "有改动，未保存"
        self.status.setText(f"按所选得分点：{score:.3g} / {points:g} 分 · {state}")
