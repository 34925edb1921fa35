"""MatchAnswer: each left item with a drop-down of the right items (distractors included)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QWidget

from app.core.layout import QuestionLayout
from app.core.models import Question, Response
from app.render.question_html import plain_text
from app.ui.widgets.answers.base import AnswerWidget

UNCHOSEN = "— 请选择 —"


class MatchAnswer(AnswerWidget):
    """The response maps each left item (as written in the file) to the right item chosen for it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._form = QFormLayout(self)
        self.combos: list[tuple[str, QComboBox]] = []
        self._loading = False

    def set_question(self, question: Question, layout: QuestionLayout, response: Response) -> None:
        """One drop-down per left item, in the attempt's right-column order."""
        self._loading = True
        while self._form.rowCount():
            self._form.removeRow(0)
        self.combos = []
        chosen = response if isinstance(response, dict) else {}
        rights = list(layout.rights or sorted({p.right for p in question.pairs} | set(question.distractors)))
        for pair in question.pairs:
            combo = QComboBox()
            combo.addItem(UNCHOSEN, "")
            for right in rights:
                combo.addItem(plain_text(right), right)
            combo.setCurrentIndex(max(0, combo.findData(chosen.get(pair.left, ""))))
            combo.currentIndexChanged.connect(self._on_combo_current_index_changed)
            label = QLabel(plain_text(pair.left))
            label.setWordWrap(True)
            label.setBuddy(combo)
            self._form.addRow(label, combo)
            label.show()
            combo.show()  # now, not on the next event loop turn, so it can take focus at once
            self.combos.append((pair.left, combo))
        self._loading = False

    def response(self) -> Response:
        """Left item -> chosen right item, for the rows that have a choice."""
        chosen = {left: str(combo.currentData()) for left, combo in self.combos if combo.currentData()}
        return chosen or None

    def focus_first(self) -> None:
        """Focus the first drop-down."""
        if self.combos:
            self.combos[0][1].setFocus()

    def _on_combo_current_index_changed(self, _index: int) -> None:
        if not self._loading:
            self.response_changed.emit(self.response())
