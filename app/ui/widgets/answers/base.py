"""AnswerWidget: what every answer widget offers the exam page."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from app.core.layout import QuestionLayout
from app.core.models import Question, Response


class AnswerWidget(QWidget):
    """Shows a question's answer controls and emits `response_changed` on every change a person makes."""

    response_changed = Signal(object)

    def set_question(self, question: Question, layout: QuestionLayout, response: Response) -> None:
        """Show the controls for `question`, filled in from `response`, without emitting."""
        raise NotImplementedError

    def response(self) -> Response:
        """The response the controls show now."""
        raise NotImplementedError

    def focus_first(self) -> None:
        """Give keyboard focus to the first control."""
        self.focusNextChild()

    def pick(self, index: int) -> bool:
        """Keyboard shortcut 1-9 / A-H: choose item `index`; False where the widget has no numbered items."""
        return False

    def set_locked(self, locked: bool) -> None:
        """Read-only after a practice check or after submitting."""
        self.setEnabled(not locked)

    def flush(self) -> None:
        """Emit any change still held back (typed text is sent after a short pause)."""
