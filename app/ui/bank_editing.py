"""BankEditing: the 题库 menu and the glue between the browser, the editor, the watcher and the services."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu

from app.core.assembly import QuestionStats
from app.core.bank.dump import question_to_markdown
from app.core.bank.library import Bank, FileChange
from app.core.bank.templates import question_template
from app.core.models import Question, QuestionId, QuestionType
from app.ui.bank_watcher import BankWatcher
from app.ui.pages.browser_page import FileChangeCommand
from app.ui.pages.editor_dialog import EditorDialog
from app.ui.services import AppServices

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

BANKS_KEY = "banks/folders"


class BankEditing(QObject):
    """Owns the watcher and the open editors; keeps services.questions in step with the library."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.services: AppServices | None = None
        self.watcher: BankWatcher | None = None
        self.editors: list[EditorDialog] = []
        self._browser_ready = False
        browser = window.browser
        browser.edit_requested.connect(self.open_editor)
        browser.new_requested.connect(lambda value: self.new_question(QuestionType(value)))
        browser.library_changed.connect(self.rescan)
        browser.message.connect(lambda text: window.statusBar().showMessage(text, 10000))
        browser.import_requested.connect(self.import_file)
        browser.export_requested.connect(self.export_ids)

    def add_menu(self, menu: QMenu) -> None:
        """Fill the 题库 menu."""
        for label, shortcut, slot in (
            ("浏览题库", "Ctrl+B", self.show_browser),
            ("新建单选题", "Ctrl+N", lambda: self.new_question(QuestionType.SINGLE)),
            ("导入题目…", "Ctrl+Shift+I", self.import_file),
            ("导出全部题目…", "", lambda: self.export_ids(None)),
            ("添加题库文件夹…", "", self.add_bank_folder),
        ):
            action = menu.addAction(label)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(slot)

    def attach(self, services: AppServices) -> None:
        """Start watching the services' library for outside edits."""
        self.services = services
        if services.library is not None:
            self.watcher = BankWatcher(services.library, self)
            self.watcher.changed.connect(self.on_library_changed)

    def show_browser(self) -> None:
        """Show the browser page (indexing the bank for search the first time)."""
        window = self.window
        if window.exam_running:
            window.statusBar().showMessage("考试进行中：交卷后才能浏览题库。", 5000)
            return
        services = self.services
        if services is None or services.library is None or services.make_search is None:
            return
        if not self._browser_ready:
            window.browser.set_library(services.library, services.make_search(), self._stats())
            self._browser_ready = True
        window.stack.setCurrentWidget(window.browser)
        window.browser.search.setFocus()

    def _stats(self) -> dict[QuestionId, QuestionStats]:
        assert self.services is not None
        return dict(self.services.load_history().questions)

    def rescan(self) -> None:
        """Re-read the banks now (after the app wrote to them)."""
        if self.watcher is not None:
            self.watcher.rescan()

    def on_library_changed(self, changed: set[QuestionId]) -> None:
        """Questions changed on disk: the exam pool, the index and the browser follow."""
        services = self.services
        if services is None or services.library is None:
            return
        state = services.library.state
        services.questions = list(state.questions.values())
        services.problems = [*state.problems]
        services.sync_questions(services.questions)
        if self._browser_ready:
            self.window.browser.library_refreshed(changed)
        self.window.statusBar().showMessage(
            f"题库已更新：{len(changed)} 题有变化，共 {len(state.questions)} 题", 8000
        )

    # ---- editing ------------------------------------------------------------------------------

    def commit(self, label: str, changes: list[FileChange]) -> bool:
        """Apply file changes as one undoable step of the browser; False (and a message) when it fails."""
        services = self.services
        if services is None or services.library is None:
            return False
        try:
            self.window.browser.undo_stack.push(
                FileChangeCommand(label, services.library, changes, self.rescan)
            )
        except OSError as exc:
            self.window.show_error(f"{label}失败：{exc}。编辑器中的内容没有丢失。")
            return False
        return True

    def open_editor(self, key: str) -> EditorDialog | None:
        """Edit a question ("copy:<id>" edits a copy under a new id)."""
        services = self.services
        if services is None or services.library is None:
            return None
        library = services.library
        copy = key.startswith("copy:")
        qid = QuestionId(key.removeprefix("copy:"))
        question = library.state.questions.get(qid)
        if question is None:
            return None
        if copy:
            new_id = self._free_id(f"{qid}-copy")
            text = question_to_markdown(question).replace(f"id: {qid}\n", f"id: {new_id}\n", 1)
            return self._open(text, None)
        try:
            with open(question.path, encoding="utf-8-sig") as handle:
                text = handle.read()
        except OSError as exc:
            self.window.show_error(f"无法读取 {question.path}：{exc}")
            return None
        return self._open(text, question)

    def new_question(self, qtype: QuestionType) -> EditorDialog | None:
        """Open the editor on a new question of `qtype`, from its template."""
        services = self.services
        if services is None or services.library is None:
            return None
        qid = self._free_id(f"my-{qtype.value}")
        return self._open(question_template(qtype, qid, "mine"), None)

    def _free_id(self, base: str) -> str:
        assert self.services is not None
        assert self.services.library is not None
        taken = self.services.library.state.questions
        return next(
            c for c in itertools.chain([base], (f"{base}-{n}" for n in itertools.count(2))) if c not in taken
        )

    def _open(self, text: str, previous: Question | None) -> EditorDialog:
        assert self.services is not None
        assert self.services.library is not None
        editor = EditorDialog(self.services.library, text, previous, self.commit, self.window)
        editor.saved.connect(lambda qid: self.window.browser.select([qid]))
        editor.finished.connect(lambda _=0, e=editor: self.editors.remove(e) if e in self.editors else None)
        self.editors.append(editor)
        editor.show()
        return editor

    def close_editors(self) -> bool:
        """Close every editor (each asks about unsaved changes); False if one stays open."""
        for editor in list(self.editors):
            if not editor.close():
                return False
            if editor in self.editors:
                self.editors.remove(editor)
        return True

    def add_bank_folder(self, folder: str | None = None) -> None:
        """Add a user bank folder (remembered in the settings)."""
        services = self.services
        if services is None or services.library is None:
            return
        if folder is None:
            folder = QFileDialog.getExistingDirectory(self.window, "选择题库文件夹")
            if not folder:
                return
        settings: QSettings = self.window.settings
        folders = [str(f) for f in (settings.value(BANKS_KEY) or [])]
        if folder not in folders:
            settings.setValue(BANKS_KEY, [*folders, folder])
        services.library.add_bank(Bank(Path(folder), Path(folder).name, writable=True))
        self.rescan()

    # ---- import and export ----------------------------------------------------------------------

    def import_file(self, path: str | None = None) -> None:
        """Import into the user's bank after a preview."""
        services = self.services
        if services is None or services.library is None:
            return
        from app.ui.import_export import run_import

        try:
            written = run_import(
                self.window, services.library.default_bank.root, Path(path) if path else None
            )
        except OSError as exc:
            self.window.show_error(f"导入失败：{exc}")
            return
        if written:
            self.rescan()
            self.window.statusBar().showMessage(
                f"已导入 {len(written)} 题到 {services.library.default_bank.root}", 10000
            )

    def export_ids(self, ids: list[QuestionId] | None) -> None:
        """Export the given questions (None: all) in a format the user picks."""
        services = self.services
        if services is None or services.library is None:
            return
        from app.ui.import_export import ask_export_target, export_questions

        state = services.library.state.questions
        questions = list(state.values()) if not ids else [state[q] for q in ids if q in state]
        target = ask_export_target(self.window)
        if target is None or not questions:
            return
        try:
            count, skipped = export_questions(questions, *target)
        except OSError as exc:
            self.window.show_error(f"导出失败：{exc}")
            return
        note = f"，跳过 {len(skipped)} 题（该格式无法表示）" if skipped else ""
        self.window.statusBar().showMessage(f"已导出 {count} 题到 {target[1]}{note}", 10000)
