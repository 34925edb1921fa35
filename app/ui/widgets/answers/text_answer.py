"""TextAnswer: a multi-line editor for open answers and program output, saved after a pause in typing."""

from __future__ import annotations

import re

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFocusEvent, QFont, QFontDatabase
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from app.core.layout import QuestionLayout
from app.core.models import Question, QuestionType, Response
from app.ui.widgets.answers.base import AnswerWidget

SAVE_DELAY_MS = 400
_WORD = re.compile(r"[\u3400-\u9fff]|[A-Za-z0-9_'-]+")  # each Chinese character is a word, as editors count


class _Editor(QPlainTextEdit):
    """Sends what was typed at once when focus leaves it."""

    def __init__(self, owner: TextAnswer) -> None:
        super().__init__()
        self._owner = owner

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._owner.flush()
        super().focusOutEvent(event)


class TextAnswer(AnswerWidget):
    """Open answers (with a monospace toggle and counts) and code output (always monospace)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = _Editor(self)
        self.editor.setTabChangesFocus(True)
        self.editor.textChanged.connect(self._on_editor_text_changed)
        self.monospace = QCheckBox("等宽字体")
        self.monospace.toggled.connect(self._apply_font)
        self.counts = QLabel()
        self.counts.setObjectName("hint")
        bottom = QHBoxLayout()
        bottom.addWidget(self.monospace)
        bottom.addStretch(1)
        bottom.addWidget(self.counts)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.editor, 1)
        layout.addLayout(bottom)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        self._loading = False
        self._dirty = False

    def set_question(self, question: Question, layout: QuestionLayout, response: Response) -> None:
        """Fill the editor from `response`; output questions are monospace."""
        self.flush()
        self._loading = True
        is_output = question.type is QuestionType.OUTPUT
        self.editor.setPlaceholderText(
            "写出程序的完整输出" if is_output else "用自己的话作答，提交后对照参考答案和得分点自评"
        )
        self.monospace.setVisible(not is_output)
        self.monospace.setChecked(is_output)
        self._apply_font(is_output)
        self.editor.setPlainText(response if isinstance(response, str) else "")
        self._update_counts()
        self._loading = False
        self._dirty = False

    def response(self) -> Response:
        """The text as typed; None when empty."""
        text = self.editor.toPlainText()
        return text if text.strip() else None

    def focus_first(self) -> None:
        """Focus the editor."""
        self.editor.setFocus()

    def flush(self) -> None:
        """Emit the text now if it changed since the last emit."""
        self._timer.stop()
        if self._dirty:
            self._dirty = False
            self.response_changed.emit(self.response())

    def _on_editor_text_changed(self) -> None:
        self._update_counts()
        if not self._loading:
            self._dirty = True
            self._timer.start()

    def _update_counts(self) -> None:
        text = self.editor.toPlainText()
        self.counts.setText(f"{len(_WORD.findall(text))} 词 · {len(text)} 字符")

    def _apply_font(self, monospace: bool) -> None:
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont) if monospace else QFont()
        self.editor.setFont(font)
