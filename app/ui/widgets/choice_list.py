"""ChoiceList: radio buttons, check boxes or true/false for the choice-type questions."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.core.models import Question, QuestionType, Response
from app.render.question_html import inline_html

TRUEFALSE_KEYS = ("T", "F")


class ChoiceList(QWidget):
    """Answer widget for single, multiple and true/false questions; emits the response on every change."""

    response_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._group = QButtonGroup(self)
        self._group.buttonToggled.connect(self._on_group_button_toggled)
        self._buttons: list[tuple[str, QAbstractButton]] = []
        self._question: Question | None = None
        self._loading = False

    @property
    def buttons(self) -> list[QAbstractButton]:
        """The option buttons in display order (tests and shortcuts use them)."""
        return [button for _, button in self._buttons]

    def set_question(self, question: Question, response: Response) -> None:
        """Show the options of `question`, checked as in `response`."""
        self._loading = True
        self._question = question
        for _, old in self._buttons:
            self._group.removeButton(old)
        while (item := self._layout.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.hide()  # gone from the screen now; deleted when the event loop next runs
                widget.deleteLater()
        self._buttons = []
        multiple = question.type is QuestionType.MULTIPLE
        self._group.setExclusive(not multiple)
        if multiple:
            hint = QLabel(f"（多选，共 {len(question.correct_keys)} 个正确选项）")
            hint.setObjectName("hint")
            self._layout.addWidget(hint)
            hint.show()
        for key, label in self._options(question):
            button: QAbstractButton = QCheckBox(label) if multiple else QRadioButton(label)
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            self._group.addButton(button)
            self._layout.addWidget(button)
            button.show()  # at once, in the same paint as the old options disappear
            self._buttons.append((key, button))
        self._layout.addStretch(1)
        self._check(response)
        self._loading = False

    @staticmethod
    def _options(question: Question) -> list[tuple[str, str]]:
        if question.type is QuestionType.TRUEFALSE:
            return [("T", "A. 正确 (true)"), ("F", "B. 错误 (false)")]
        return [(c.key, f"{c.key}. {_plain_label(c.text)}") for c in question.choices]

    def _check(self, response: Response) -> None:
        chosen: set[str]
        if isinstance(response, bool):
            chosen = {"T" if response else "F"}
        elif isinstance(response, list):
            chosen = {str(r) for r in response}
        elif isinstance(response, str):
            chosen = {response}
        else:
            chosen = set()
        for key, button in self._buttons:
            button.setChecked(key in chosen)

    def toggle_index(self, index: int) -> None:
        """Pick option `index` (0-based) as a keyboard shortcut does; toggles for multiple choice."""
        if 0 <= index < len(self._buttons):
            button = self._buttons[index][1]
            button.setChecked(not button.isChecked() if isinstance(button, QCheckBox) else True)
            button.setFocus()

    def focus_first(self) -> None:
        """Put keyboard focus on the checked option, or the first one."""
        checked = [b for b in self.buttons if b.isChecked()]
        target = checked[0] if checked else self.buttons[0] if self.buttons else None
        if target is not None:
            target.setFocus()

    def response(self) -> Response:
        """The response the buttons show now."""
        if self._question is None:
            return None
        chosen = [key for key, button in self._buttons if button.isChecked()]
        if self._question.type is QuestionType.MULTIPLE:
            return sorted(chosen) or None
        if not chosen:
            return None
        if self._question.type is QuestionType.TRUEFALSE:
            return chosen[0] == "T"
        return chosen[0]

    def _on_group_button_toggled(self, _button: QAbstractButton, _checked: bool) -> None:
        if not self._loading:
            self.response_changed.emit(self.response())


def _plain_label(markdown_text: str) -> str:
    """Button labels are plain text: Markdown inline code and emphasis reduced to their words."""
    from html import unescape
    from re import sub

    return unescape(sub(r"<[^>]+>", "", inline_html(markdown_text))).replace("&", "&&")
