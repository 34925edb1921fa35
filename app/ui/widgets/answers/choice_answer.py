"""ChoiceAnswer: radio buttons, check boxes or true/false, in the attempt's shuffled option order."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.core.layout import QuestionLayout
from app.core.models import Question, QuestionType, Response
from app.render.question_html import plain_text
from app.ui.widgets.answers.base import AnswerWidget

LETTERS = "ABCDEFGH"


class ChoiceAnswer(AnswerWidget):
    """Single, multiple and true/false; shown letters follow the shuffle, responses keep the file's keys."""

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
        """The option buttons in display order."""
        return [button for _, button in self._buttons]

    @property
    def keys(self) -> list[str]:
        """The file keys of the options, in display order."""
        return [key for key, _ in self._buttons]

    def set_question(self, question: Question, layout: QuestionLayout, response: Response) -> None:
        """Rebuild the buttons for `question` in the layout's order."""
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
            hint = QLabel(f"（多选：选出全部 {len(question.correct_keys)} 个正确选项）")
            hint.setObjectName("hint")
            self._layout.addWidget(hint)
            hint.show()
        for shown, (key, text) in enumerate(self._options(question, layout)):
            label = f"{LETTERS[shown]}. {text}"
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
    def _options(question: Question, layout: QuestionLayout) -> list[tuple[str, str]]:
        if question.type is QuestionType.TRUEFALSE:
            return [("T", "正确 (true)"), ("F", "错误 (false)")]
        order = layout.options or tuple(range(len(question.choices)))
        return [(question.choices[i].key, _button_text(question.choices[i].text)) for i in order]

    def _check(self, response: Response) -> None:
        if isinstance(response, bool):
            chosen = {"T" if response else "F"}
        elif isinstance(response, list):
            chosen = {str(r) for r in response}
        else:
            chosen = {response} if isinstance(response, str) else set()
        for key, button in self._buttons:
            button.setChecked(key in chosen)

    def pick(self, index: int) -> bool:
        """Choose option `index` as shown (toggles in multiple choice)."""
        if not 0 <= index < len(self._buttons) or not self.isEnabled():
            return False
        button = self._buttons[index][1]
        button.setChecked(not button.isChecked() if isinstance(button, QCheckBox) else True)
        button.setFocus()
        return True

    def focus_first(self) -> None:
        """Focus the checked option, or the first one."""
        checked = [b for b in self.buttons if b.isChecked()]
        target = checked[0] if checked else self.buttons[0] if self.buttons else None
        if target is not None:
            target.setFocus()

    def response(self) -> Response:
        """The file keys of the checked options, in the shape the question type stores."""
        if self._question is None:
            return None
        chosen = [key for key, button in self._buttons if button.isChecked()]
        if self._question.type is QuestionType.MULTIPLE:
            return sorted(chosen) or None
        if not chosen:
            return None
        return chosen[0] == "T" if self._question.type is QuestionType.TRUEFALSE else chosen[0]

    def _on_group_button_toggled(self, _button: QAbstractButton, checked: bool) -> None:
        # an exclusive group toggles the old button off and the new one on: report once, on the "on"
        if not self._loading and (checked or not self._group.exclusive()):
            self.response_changed.emit(self.response())


def _button_text(markdown_text: str) -> str:
    """A button label: plain words, with `&` doubled so Qt shows it instead of making a mnemonic."""
    return plain_text(markdown_text).replace("&", "&&")
