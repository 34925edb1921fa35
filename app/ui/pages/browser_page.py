"""BrowserPage: every question in a searchable, filterable table with a preview and undoable bank edits."""

from __future__ import annotations

import dataclasses
import html
import re
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QMenu,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)  # fmt: skip

from app.core.assembly import QuestionStats
from app.core.bank.dump import question_to_markdown
from app.core.bank.health import health_issues
from app.core.bank.library import FileChange, Library, ReadOnlyBankError
from app.core.models import Question, QuestionId, QuestionType
from app.core.ports import QuestionSearch
from app.render.highlight import highlight
from app.render.question_html import key_html, markdown_html, page
from app.ui.qtmodels.question_table import TYPE_NAMES, QuestionRow, QuestionTableModel
from app.ui.widgets.question_view import QuestionView

ALL = ""


class FileChangeCommand(QUndoCommand):
    """An undoable set of bank file changes (delete, retag, move, revert to shipped)."""

    def __init__(self, text: str, library: Library, changes: list[FileChange], after: Callable[[], None]):
        super().__init__(text)
        self.library, self.changes, self.after = library, changes, after

    def redo(self) -> None:
        self.library.apply(self.changes)
        self.after()

    def undo(self) -> None:
        self.library.revert(self.changes)
        self.after()


class BrowserPage(QWidget):
    """The question browser: search, filters, table, preview, and the actions of the bank menu."""

    edit_requested = Signal(str)  # question id
    new_requested = Signal(str)  # question type
    export_requested = Signal(list)  # question ids
    import_requested = Signal()
    library_changed = Signal()
    message = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library: Library | None = None
        self.search_index: QuestionSearch | None = None
        self.stats: dict[QuestionId, QuestionStats] = {}
        self.undo_stack = QUndoStack(self)
        self.model = QuestionTableModel()
        self._all_rows: list[QuestionRow] = []
        self._build()
        self._filter_timer = QTimer(self, singleShot=True, interval=120)
        self._filter_timer.timeout.connect(self.apply_filters)

    # ---- layout ------------------------------------------------------------------------------

    def _build(self) -> None:
        self.search = QLineEdit(
            placeholderText="搜索题干、选项、答案、解析（中文或英文，如 写时复制 / copy-on-write）"
        )
        self.search.setClearButtonEnabled(True)
        self.topic = QComboBox()
        self.qtype = QComboBox()
        self.qtype.addItem("全部题型", ALL)
        for t in QuestionType:
            self.qtype.addItem(TYPE_NAMES[t.value], t.value)
        self.difficulty = QComboBox()
        self.difficulty.addItem("全部难度", ALL)
        for d in range(1, 6):
            self.difficulty.addItem(f"难度 {d}", str(d))
        self.bank = QComboBox()
        self.tag_or_fact = QLineEdit(placeholderText="标签或考点 id")
        self.problems_only = QCheckBox("只看有问题的")
        filters = QHBoxLayout()
        for w in (self.topic, self.qtype, self.difficulty, self.bank, self.tag_or_fact, self.problems_only):
            filters.addWidget(w)
        self.search.textChanged.connect(lambda: self._filter_timer.start())
        self.tag_or_fact.textChanged.connect(lambda: self._filter_timer.start())
        for combo in (self.topic, self.qtype, self.difficulty, self.bank):
            combo.currentIndexChanged.connect(self.apply_filters)
        self.problems_only.toggled.connect(self.apply_filters)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 260)
        self.table.doubleClicked.connect(lambda _: self.edit_current())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_preview())
        self.preview = QuestionView()
        split = QSplitter()
        split.addWidget(self.table)
        split.addWidget(self.preview)
        split.setSizes([620, 380])

        self.summary = QLineEdit(readOnly=True, frame=False)
        actions = QHBoxLayout()
        new_button = QToolButton()
        new_button.setText("新建题目")
        new_menu = QMenu(new_button)
        for t in QuestionType:
            new_menu.addAction(TYPE_NAMES[t.value]).triggered.connect(
                lambda _=False, value=t.value: self.new_requested.emit(value)
            )
        new_button.setMenu(new_menu)
        new_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        actions.addWidget(new_button)
        self.named_actions: dict[str, QAction] = {}
        for name, label, shortcut, slot in (
            ("edit", "编辑", "Return", self.edit_current),
            ("duplicate", "复制为新题", "Ctrl+D", self.duplicate_current),
            ("delete", "删除 / 还原为内置", "Delete", self.delete_selected),
            ("retag", "批量加标签", "Ctrl+T", self.retag_selected),
            ("move", "移动到主题", "Ctrl+M", self.move_selected),
            ("export", "导出所选", "Ctrl+E", lambda: self.export_requested.emit(self.selected_ids())),
            ("import", "导入…", "Ctrl+I", self.import_requested.emit),
        ):
            action = QAction(label, self)
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
            button = QToolButton()
            button.setDefaultAction(action)
            actions.addWidget(button)
            self.named_actions[name] = action
        undo = self.undo_stack.createUndoAction(self, "撤销")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_stack.createRedoAction(self, "重做")
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        for action in (undo, redo):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
            button = QToolButton()
            button.setDefaultAction(action)
            actions.addWidget(button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(split, 1)
        layout.addWidget(self.summary)
        layout.addLayout(actions)

    # ---- data --------------------------------------------------------------------------------

    def set_library(
        self, library: Library, search: QuestionSearch, stats: dict[QuestionId, QuestionStats]
    ) -> None:
        """Show a library; the search index is filled here the first time."""
        self.library, self.search_index, self.stats = library, search, stats
        search.replace(library.state.questions.values())
        self.reload()

    def library_refreshed(self, changed: set[QuestionId]) -> None:
        """The library re-scanned: re-index what changed and redraw."""
        if self.library is None or self.search_index is None:
            return
        present = self.library.state.questions
        self.search_index.replace(
            [present[q] for q in changed if q in present], [q for q in changed if q not in present]
        )
        self.reload()

    def reload(self) -> None:
        """Rebuild every row from the library and re-apply the filters, keeping the selection."""
        if self.library is None:
            return
        state = self.library.state
        issues = health_issues(state.questions.values(), state.problems, self.stats)
        rows: list[QuestionRow] = []
        for qid, q in state.questions.items():
            s = self.stats.get(qid)
            last = "" if s is None or s.last_correct is None else ("对" if s.last_correct else "错")
            rows.append(
                QuestionRow(qid, q.path, q, state.origin[qid].name, tuple(issues.pop(q.path, ())),
                            qid in state.overridden, last)
            )  # fmt: skip
        for path, found in issues.items():  # files that did not parse
            if any(i.severity.value == "error" for i in found):
                bank = self.library.bank_of(Path(path))
                rows.append(QuestionRow(path, path, None, bank.name if bank else "", tuple(found)))
        self._all_rows = rows
        self._fill_combo(self.topic, "全部主题", sorted({q.topic for q in state.questions.values()}))
        self._fill_combo(self.bank, "全部题库", [b.name for b in self.library.banks])
        self.apply_filters()

    @staticmethod
    def _fill_combo(combo: QComboBox, all_label: str, values: Sequence[str]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(all_label, ALL)
        for value in values:
            combo.addItem(value, value)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    def apply_filters(self) -> None:
        """Show the rows that pass every filter; a search orders them by relevance."""
        keep = self.selected_ids()
        rows = self._all_rows
        query = self.search.text().strip()
        if query and self.search_index is not None:
            order = {qid: i for i, qid in enumerate(self.search_index.search(query))}
            rows = sorted((r for r in rows if r.key in order), key=lambda r: order[QuestionId(r.key)])
        topic, qtype, level, bank = (
            c.currentData() for c in (self.topic, self.qtype, self.difficulty, self.bank)
        )
        needle = self.tag_or_fact.text().strip()
        rows = [r for r in rows if self._passes(r, topic, qtype, level, bank, needle)]
        self.model.set_rows(rows)
        self.summary.setText(
            f"显示 {len(rows)} / {len(self._all_rows)} 个文件 · Enter 编辑 · Delete 删除 · Ctrl+Z 撤销"
        )
        self.select(keep)
        self._show_preview()

    def _passes(self, r: QuestionRow, topic: str, qtype: str, level: str, bank: str, needle: str) -> bool:
        q = r.question
        if self.problems_only.isChecked() and not r.issues:
            return False
        if bank and r.bank != bank:
            return False
        if q is None:
            return not (topic or qtype or level or needle)
        return (
            (not topic or q.topic == topic)
            and (not qtype or q.type.value == qtype)
            and (not level or str(q.difficulty) == level)
            and (not needle or needle in q.tags or any(f.startswith(needle) for f in q.facts))
        )

    # ---- selection and preview -----------------------------------------------------------------

    def selected_ids(self) -> list[QuestionId]:
        """Ids of the selected question rows (broken files excluded)."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [QuestionId(self.model.row(r).key) for r in rows if self.model.row(r).question is not None]

    def select(self, keys: Sequence[str]) -> None:
        """Select the rows of these ids (the first one becomes current)."""
        selection = self.table.selectionModel()
        selection.clearSelection()
        for n, key in enumerate(keys):
            row = self.model.row_of(key)
            if row < 0:
                continue
            index = self.model.index(row, 0)
            flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
            if n == 0:
                selection.setCurrentIndex(index, flags)
                self.table.scrollTo(index)
            else:
                selection.select(index, flags)

    def current_row(self) -> QuestionRow | None:
        """The row under the cursor."""
        index = self.table.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def _show_preview(self) -> None:
        row = self.current_row()
        if row is None:
            self.preview.setHtml("")
            return
        parts: list[str] = []
        if row.issues:
            items = "".join(
                f"<li>{html.escape(i.message)}<br><i>{html.escape(i.fix)}</i></li>" for i in row.issues
            )
            parts.append(f"<div style='color:#9a6700'><b>问题</b><ul>{items}</ul></div>")
        q = row.question
        if q is not None:
            parts += [markdown_html(q.stem), "<h4>答案</h4>", key_html(q)]
            if q.explanation:
                parts += ["<h4>解析</h4>", markdown_html(q.explanation)]
            parts.append(f"<p style='color:#666'>{html.escape(q.path)}</p>")
        self.preview.setHtml(page(highlight("".join(parts), self.search.text())))

    # ---- actions -------------------------------------------------------------------------------

    def edit_current(self) -> None:
        """Open the editor on the current question."""
        row = self.current_row()
        if row is not None and row.question is not None:
            self.edit_requested.emit(row.key)

    def duplicate_current(self) -> None:
        """Open the editor on a copy of the current question under a new id."""
        row = self.current_row()
        if row is not None and row.question is not None:
            self.edit_requested.emit("copy:" + row.key)

    def _push(self, text: str, changes: list[FileChange]) -> None:
        assert self.library is not None
        try:
            self.undo_stack.push(FileChangeCommand(text, self.library, changes, self.library_changed.emit))
        except (OSError, ReadOnlyBankError) as exc:
            self.message.emit(f"{text}失败：{exc}")

    def delete_selected(self) -> None:
        """Move the selected user questions (or overrides) to the trash; undo brings them back."""
        if self.library is None:
            return
        changes: list[FileChange] = []
        refused = 0
        for qid in self.selected_ids():
            try:
                changes += self.library.plan_delete(qid)
            except ReadOnlyBankError:
                refused += 1
        if changes:
            self._push(f"删除 {len(changes)} 题", changes)
        if refused:
            self.message.emit(
                f"{refused} 道内置题是只读的：编辑它会在你的题库里保存一份覆盖副本，删除该副本即还原。"
            )

    def rewrite_selected(self, label: str, change: Callable[[Question], Question]) -> None:
        """Apply `change` to every selected question and save them as one undoable step."""
        if self.library is None:
            return
        changes: list[FileChange] = []
        for qid in self.selected_ids():
            old = self.library.state.questions[qid]
            new = change(old)
            if new != old:
                changes += self.library.plan_save(new, question_to_markdown(new), previous=old)
        if changes:
            self._push(label, changes)

    def retag_selected(self, tag: str | None = None) -> None:
        """Add a tag to the selected questions."""
        if tag is None:
            tag, ok = QInputDialog.getText(self, "批量加标签", "给所选题目加上标签：")
            if not ok:
                return
        tag = tag.strip()
        if tag:
            self.rewrite_selected(f"加标签 {tag}", lambda q: dataclasses.replace(q, tags=_added(q.tags, tag)))

    def move_selected(self, topic: str | None = None) -> None:
        """Move the selected questions to another topic (folder)."""
        if topic is None:
            topic, ok = QInputDialog.getText(self, "移动到主题", "新的主题（文件夹名）：")
            if not ok:
                return
        topic = topic.strip()
        if re.fullmatch(r"[\w-]+", topic or ""):
            self.rewrite_selected(f"移动到 {topic}", lambda q: dataclasses.replace(q, topic=topic))
        elif topic:
            self.message.emit("主题只能包含字母、数字、下划线和连字符。")


def _added(tags: tuple[str, ...], tag: str) -> tuple[str, ...]:
    return tags if tag in tags else (*tags, tag)
