"""EditorDialog: a question's metadata form, Markdown source, answer-key table and live preview."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from enum import IntEnum

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QFont, QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)  # fmt: skip

from app.core.bank.dump import question_to_markdown
from app.core.bank.library import FileChange, Library
from app.core.bank.parse import parse_question
from app.core.bank.problems import Problem, ProblemSink, Severity
from app.core.models import Question, QuestionId
from app.render.question_html import key_html, markdown_html, page
from app.ui.widgets.key_editor import KeyEditor
from app.ui.widgets.markdown_highlighter import MarkdownHighlighter
from app.ui.widgets.question_view import QuestionView

PREVIEW_DELAY_MS = 150


class Unsaved(IntEnum):
    """What to do with unsaved changes on close."""

    CANCEL = 0
    SAVE = 1
    DISCARD = 2


class EditorDialog(QDialog):
    """Edits one question file. Saving hands the file changes to `commit` (undoable in the browser)."""

    saved = Signal(str)  # question id

    def __init__(
        self,
        library: Library,
        text: str,
        previous: Question | None,
        commit: Callable[[str, list[FileChange]], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.library, self.previous, self.commit = library, previous, commit
        self.question: Question | None = None
        self.problems: list[Problem] = []
        self.setWindowTitle("编辑题目" if previous else "新建题目")
        self.resize(1200, 760)
        self._build()
        self._timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.reparse)
        self.source.textChanged.connect(self._timer.start)
        self.source.setPlainText(text)
        self.source.document().setModified(False)
        self.reparse()

    def _build(self) -> None:
        self.id_edit, self.topic_edit = QLineEdit(), QLineEdit()
        self.tags_edit, self.facts_edit = QLineEdit(), QLineEdit()
        self.source_edit, self.section_edit = QLineEdit(), QLineEdit()
        self.difficulty = QSpinBox(minimum=1, maximum=5)
        self.time_edit = QSpinBox(minimum=0, maximum=3600, suffix=" 秒")
        self.time_edit.setSpecialValueText("不限")
        self.type_label = QLabel()
        form = QFormLayout()
        for label, widget in (
            ("ID", self.id_edit), ("题型", self.type_label), ("主题", self.topic_edit),
            ("难度", self.difficulty), ("标签", self.tags_edit), ("考点", self.facts_edit),
            ("来源", self.source_edit), ("章节", self.section_edit), ("建议用时", self.time_edit),
        ):  # fmt: skip
            form.addRow(label, widget)
        for edit in (self.id_edit, self.topic_edit, self.tags_edit, self.facts_edit, self.source_edit,
                     self.section_edit):  # fmt: skip
            edit.editingFinished.connect(self._form_edited)
        for spin in (self.difficulty, self.time_edit):
            spin.valueChanged.connect(lambda _: self._form_edited())
        self.key_editor = KeyEditor()
        self.key_editor.changed.connect(self._write_question)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addLayout(form)
        left_layout.addWidget(QLabel("答案"))
        left_layout.addWidget(self.key_editor, 1)

        self.source = QPlainTextEdit()
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.source.setFont(mono)
        self.source.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self._highlighter = MarkdownHighlighter(self.source.document())
        self.preview = QuestionView()
        split = QSplitter()
        for w in (left, self.source, self.preview):
            split.addWidget(w)
        split.setSizes([330, 480, 390])

        self.problem_list = QListWidget()
        self.problem_list.setMaximumHeight(110)
        self.problem_list.itemActivated.connect(self._jump)
        self.problem_list.itemClicked.connect(self._jump)
        save = QPushButton("保存 (Ctrl+S)")
        save.clicked.connect(self.save)
        close = QPushButton("关闭")
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        self.status = QLabel()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(save)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(self.problem_list)
        layout.addLayout(buttons)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)

    # ---- source -> everything else --------------------------------------------------------------

    def reparse(self) -> None:
        """Parse the source: update the problems panel, the preview, the form and the key table."""
        self._timer.stop()
        sink = ProblemSink("editor")
        previous = self.previous
        path, topic = (previous.path, previous.topic) if previous else ("", "")
        question = parse_question(self.source.toPlainText(), path, sink, topic)
        self.problems = list(sink.items)
        self.problem_list.clear()
        for p in self.problems:
            tag = "错误" if p.severity is Severity.ERROR else "提示"
            item = QListWidgetItem(f"第 {p.line} 行 · {tag}：{p.message}")
            item.setData(Qt.ItemDataRole.UserRole, p.line)
            self.problem_list.addItem(item)
        self.question = question  # None while the source has errors: saving and form edits wait for a fix
        if question is not None:
            self._load_form(question)
            body = [markdown_html(question.stem), "<h4>答案</h4>", key_html(question)]
            if question.explanation:
                body += ["<h4>解析</h4>", markdown_html(question.explanation)]
            self.preview.setHtml(page("".join(body)))
        self.status.setText("可以保存" if question else "有错误：修正后才能保存")

    def _load_form(self, q: Question) -> None:
        widgets = (self.id_edit, self.topic_edit, self.tags_edit, self.facts_edit, self.source_edit,
                   self.section_edit, self.difficulty, self.time_edit)  # fmt: skip
        for w in widgets:
            w.blockSignals(True)
        for edit, value in (
            (self.id_edit, q.id), (self.topic_edit, q.topic), (self.tags_edit, ", ".join(q.tags)),
            (self.facts_edit, ", ".join(q.facts)), (self.source_edit, q.source),
            (self.section_edit, q.section),
        ):  # fmt: skip
            if not edit.hasFocus():
                edit.setText(value)
        self.difficulty.setValue(q.difficulty)
        self.time_edit.setValue(q.time or 0)
        self.type_label.setText(q.type.value)
        for w in widgets:
            w.blockSignals(False)
        self.key_editor.load(q)

    def _jump(self, item: QListWidgetItem) -> None:
        line = int(item.data(Qt.ItemDataRole.UserRole) or 1)
        block = self.source.document().findBlockByLineNumber(max(0, line - 1))
        cursor = QTextCursor(block)
        self.source.setTextCursor(cursor)
        self.source.setFocus()

    # ---- form and key table -> source -----------------------------------------------------------

    def _form_edited(self) -> None:
        if self.question is None:
            return
        split = [t.strip() for t in self.tags_edit.text().replace("，", ",").split(",") if t.strip()]
        facts = [t.strip() for t in self.facts_edit.text().replace("，", ",").split(",") if t.strip()]
        updated = dataclasses.replace(
            self.question,
            id=QuestionId(self.id_edit.text().strip()),
            topic=self.topic_edit.text().strip(),
            tags=tuple(split),
            facts=tuple(facts),
            source=self.source_edit.text().strip(),
            section=self.section_edit.text().strip(),
            difficulty=self.difficulty.value(),
            time=self.time_edit.value() or None,
        )
        self._write_question(updated)

    def _write_question(self, question: Question) -> None:
        """Replace the source with `question` as one undoable edit (Ctrl+Z in the source undoes it)."""
        if question == self.question:
            return
        text = question_to_markdown(question)
        if text == self.source.toPlainText():
            return
        cursor = self.source.textCursor()
        position = cursor.position()
        cursor.beginEditBlock()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(text)
        cursor.endEditBlock()
        cursor.setPosition(min(position, len(text)))
        self.source.setTextCursor(cursor)
        self.reparse()

    # ---- saving ---------------------------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        """Whether the source differs from what was last saved."""
        return self.source.document().isModified()

    def save(self) -> bool:
        """Validate and save atomically; returns whether the file was written."""
        self.reparse()
        if self.question is None:
            first = next((p for p in self.problems if p.severity is Severity.ERROR), None)
            where = f"第 {first.line} 行：{first.message}" if first else "无法解析"
            self.status.setText(f"未保存：{where}")
            return False
        clash = self.library.state.questions.get(self.question.id)
        if clash is not None and (self.previous is None or self.previous.id != self.question.id):
            self.status.setText(f"未保存：ID {self.question.id} 已被 {clash.path} 使用")
            return False
        changes = self.library.plan_save(self.question, self.source.toPlainText(), self.previous)
        if not self.commit(f"保存 {self.question.id}", changes):
            self.status.setText("未保存：写入失败，内容仍在编辑器中")
            return False
        self.previous = dataclasses.replace(self.question, path=str(changes[0].path))
        self.source.document().setModified(False)
        self.status.setText(f"已保存到 {changes[0].path}")
        self.saved.emit(self.question.id)
        return True

    def ask_unsaved(self) -> Unsaved:
        """Ask what to do with unsaved changes (tests replace this)."""
        answer = QMessageBox.question(
            self, "未保存的修改", "题目有未保存的修改。保存吗？",
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
        )  # fmt: skip
        return {
            QMessageBox.StandardButton.Save: Unsaved.SAVE,
            QMessageBox.StandardButton.Discard: Unsaved.DISCARD,
        }.get(answer, Unsaved.CANCEL)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.dirty:
            choice = self.ask_unsaved()
            if choice is Unsaved.CANCEL or (choice is Unsaved.SAVE and not self.save()):
                event.ignore()
                return
        event.accept()

    def reject(self) -> None:
        """Escape closes through the same unsaved-changes guard."""
        self.close()
