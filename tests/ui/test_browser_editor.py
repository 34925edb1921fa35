"""The question browser and editor: search, edit with live preview, save to disk, outside edits, undo."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from app.core.bank.library import Bank, Library
from app.core.models import QuestionId, QuestionType
from app.storage.search_index import SearchIndex
from app.ui.main_window import MainWindow
from app.ui.page_ids import Page
from app.ui.pages.editor_dialog import Unsaved
from app.ui.services import AppServices


@pytest.fixture
def library(tmp_path: Path, good_bank: Path) -> Library:
    shipped = tmp_path / "shipped"
    shutil.copytree(good_bank, shipped)
    mine = Bank(tmp_path / "mine", "我的题库", writable=True)
    lib = Library([Bank(shipped, "内置题库", writable=False), mine], mine)
    lib.refresh()
    return lib


@pytest.fixture
def editing_window(qtbot, settings: QSettings, services: AppServices, library: Library) -> MainWindow:
    services.library = library
    services.questions = list(library.state.questions.values())
    services.make_search = SearchIndex
    win = MainWindow(settings, interactive=False)
    qtbot.addWidget(win)
    win.set_services(services)
    win.show()
    qtbot.waitExposed(win)
    win.bank_editing.show_browser()
    return win


def _shown_ids(win: MainWindow) -> list[str]:
    return [row.key for row in win.browser.model.rows()]


def test_search_finds_chinese_and_english_terms(qtbot, editing_window: MainWindow) -> None:
    win = editing_window
    assert win.current_page() is Page.BROWSER
    total = len(_shown_ids(win))
    single = win.services.library.state.questions[QuestionId("fx-single")]  # type: ignore[union-attr]
    chinese = next(w for w in single.stem.split() if any("\u4e00" <= c <= "\u9fff" for c in w))[:2]
    win.browser.search.setText(chinese)
    qtbot.waitUntil(lambda: "fx-single" in _shown_ids(win) and len(_shown_ids(win)) < total)
    win.browser.search.setText("mcache")
    qtbot.waitUntil(lambda: _shown_ids(win) and all("mcache" in (r.question.stem + r.question.explanation +
                    " ".join(c.text for c in r.question.choices)).lower()
                    for r in win.browser.model.rows() if r.question))  # fmt: skip
    assert "background:#ffe58f" in win.browser.preview.toHtml() or win.browser.current_row() is None


def test_edit_preview_save_updates_disk_and_browser(
    qtbot, editing_window: MainWindow, library: Library
) -> None:
    win = editing_window
    win.browser.select(["fx-single"])
    editor = win.bank_editing.open_editor("fx-single")
    assert editor is not None
    text = editor.source.toPlainText()
    editor.source.setPlainText(text.replace("\n## Options", "\n新增的一句题干文字。\n\n## Options", 1))
    qtbot.waitUntil(lambda: "新增的一句题干文字" in editor.preview.toPlainText())
    assert editor.save()
    saved = library.default_bank.root / "go-runtime" / "fx-single.md"
    assert "新增的一句题干文字" in saved.read_text(encoding="utf-8")  # an override in the user bank
    qtbot.waitUntil(lambda: "新增的一句题干文字" in library.state.questions[QuestionId("fx-single")].stem)
    row = win.browser.model.row(win.browser.model.row_of("fx-single"))
    assert row.overridden
    assert win.services is not None
    assert "新增的一句题干文字" in win.services.bank[QuestionId("fx-single")].stem  # exams use the edit


def test_form_edit_rewrites_source_and_is_undoable(qtbot, editing_window: MainWindow) -> None:
    editor = editing_window.bank_editing.open_editor("fx-single")
    assert editor is not None
    before = editor.source.toPlainText()
    editor.difficulty.setValue(5)
    assert "difficulty: 5" in editor.source.toPlainText()
    editor.source.undo()
    assert editor.source.toPlainText() == before


def test_errors_are_listed_with_lines_and_block_saving(qtbot, editing_window: MainWindow) -> None:
    editor = editing_window.bank_editing.open_editor("fx-single")
    assert editor is not None
    editor.source.setPlainText(editor.source.toPlainText().replace("- [x]", "- [ ]"))
    editor.reparse()
    assert any("no option is marked correct" in editor.problem_list.item(i).text()
               for i in range(editor.problem_list.count()))  # fmt: skip
    assert not editor.save()
    editor.ask_unsaved = lambda: Unsaved.DISCARD  # type: ignore[method-assign]
    assert editor.close()


def test_unsaved_changes_guard_keeps_the_editor_open(qtbot, editing_window: MainWindow) -> None:
    editor = editing_window.bank_editing.open_editor("fx-single")
    assert editor is not None
    editor.source.insertPlainText("x")
    editor.ask_unsaved = lambda: Unsaved.CANCEL  # type: ignore[method-assign]
    assert not editor.close()
    assert editor.isVisible()
    editor.ask_unsaved = lambda: Unsaved.DISCARD  # type: ignore[method-assign]
    assert editor.close()


def test_new_question_delete_and_undo(qtbot, editing_window: MainWindow, library: Library) -> None:
    win = editing_window
    editor = win.bank_editing.new_question(QuestionType.TRUEFALSE)
    assert editor is not None
    assert editor.save()
    qid = editor.question.id  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: qid in _shown_ids(win))
    editor.close()
    win.browser.select([qid])
    win.browser.delete_selected()
    qtbot.waitUntil(lambda: qid not in _shown_ids(win))
    assert not (library.default_bank.root / "mine" / f"{qid}.md").exists()
    win.browser.undo_stack.undo()
    qtbot.waitUntil(lambda: qid in _shown_ids(win))
    assert (library.default_bank.root / "mine" / f"{qid}.md").exists()


def test_an_outside_edit_shows_without_restart(qtbot, editing_window: MainWindow, library: Library) -> None:
    question = library.state.questions[QuestionId("fx-truefalse")]
    path = Path(question.path)
    path.write_text(
        path.read_text(encoding="utf-8").replace("difficulty: ", "difficulty: 4 #", 1), encoding="utf-8"
    )
    qtbot.waitUntil(lambda: library.state.questions[QuestionId("fx-truefalse")].difficulty == 4, timeout=5000)
    row = editing_window.browser.model.row(editing_window.browser.model.row_of("fx-truefalse"))
    assert row.question is not None
    assert row.question.difficulty == 4


def test_retag_is_one_undoable_step(qtbot, editing_window: MainWindow, library: Library) -> None:
    win = editing_window
    win.browser.select(["fx-single", "fx-multiple"])
    win.browser.retag_selected("drill")
    assert all("drill" in library.state.questions[QuestionId(q)].tags for q in ("fx-single", "fx-multiple"))
    win.browser.undo_stack.undo()
    assert not any(
        "drill" in library.state.questions[QuestionId(q)].tags for q in ("fx-single", "fx-multiple")
    )
    win.browser.table.setFocus()
    qtbot.keyClick(
        win.browser.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
    )  # nothing left: no crash


def test_import_preview_writes_nothing_until_confirmed(
    qtbot, editing_window: MainWindow, library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QDialog

    from app.ui import import_export

    source = tmp_path / "quiz.gift"
    source.write_text(
        "::q1:: Redis 默认端口是？ {=6379 ~3306 ~5432}\n\n::q2:: 坏题 {=a ~b\n", encoding="utf-8"
    )
    plan = import_export.plan_file(source, "gift", library.default_bank.root)
    text = import_export.describe(plan, str(source))
    assert "新增 1" in text
    assert "错误 第 3 行" in text
    monkeypatch.setattr(import_export.ImportPreview, "exec", lambda self: QDialog.DialogCode.Rejected)
    editing_window.bank_editing.import_file(str(source))
    assert not list(library.default_bank.root.rglob("*.md"))
    monkeypatch.setattr(import_export.ImportPreview, "exec", lambda self: QDialog.DialogCode.Accepted)
    editing_window.bank_editing.import_file(str(source))
    qtbot.waitUntil(lambda: any(r.key.endswith("q1") for r in editing_window.browser.model.rows()))


def test_export_selection_to_gift(
    editing_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.ui import import_export

    out = tmp_path / "out.gift"
    monkeypatch.setattr(import_export, "ask_export_target", lambda parent: ("gift", out))
    editing_window.bank_editing.export_ids([QuestionId("fx-single")])
    assert "mcache" in out.read_text(encoding="utf-8")
