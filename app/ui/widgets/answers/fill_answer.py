"""FillAnswer: one line edit per blank, numbered like the blanks drawn in the stem."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from app.core.layout import QuestionLayout
from app.core.models import Question, Response
from app.ui.widgets.answers.base import AnswerWidget


class FillAnswer(AnswerWidget):
    """Blank (n) in the stem is filled in edit (n); each edit is saved as soon as it changes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._form = QFormLayout(self)
        self.edits: list[QLineEdit] = []
        self._loading = False

    def set_question(self, question: Question, layout: QuestionLayout, response: Response) -> None:
        """One edit per blank, filled from `response`."""
        self._loading = True
        while self._form.rowCount():
            self._form.removeRow(0)
        self.edits = []
        given = response if isinstance(response, list) else []
        for number in range(1, len(question.blanks) + 1):
            edit = QLineEdit()
            edit.setPlaceholderText(f"第 {number} 空")
            edit.setAccessibleName(f"第 {number} 空")
            edit.setText(str(given[number - 1]) if number <= len(given) else "")
            edit.textEdited.connect(self._on_edit_text_edited)
            edit.returnPressed.connect(self.focusNextChild)
            self._form.addRow(f"({number})", edit)
            edit.show()  # now, not on the next event loop turn, so it can take focus at once
            self.edits.append(edit)
        self._loading = False

    def response(self) -> Response:
        """The text of every blank, in order; None when all are empty."""
        texts = [edit.text() for edit in self.edits]
        return texts if any(t.strip() for t in texts) else None

    def focus_first(self) -> None:
        """Focus the first empty blank, or the first one."""
        empty = [e for e in self.edits if not e.text()]
        target = empty[0] if empty else self.edits[0] if self.edits else None
        if target is not None:
            target.setFocus()

    def _on_edit_text_edited(self, _text: str) -> None:
        if not self._loading:
            self.response_changed.emit(self.response())
