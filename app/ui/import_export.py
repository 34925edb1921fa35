"""Import with a preview (nothing is written until confirmed) and export of any selection, from the GUI."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.core.bank.files import atomic_write_text
from app.core.models import Question
from app.interchange.anki import write_anki
from app.interchange.folder import write_markdown_folder
from app.interchange.formats import READERS, TEXT_WRITERS, read_path
from app.interchange.plan import ImportPlan, apply_import, plan_import

SUFFIX_FORMATS = {
    ".gift": "gift", ".txt": "aiken", ".xml": "moodle-xml", ".csv": "csv", ".json": "json",
}  # fmt: skip
EXPORT_FILTERS = {
    "anki": "Anki 牌组 (*.apkg)", "moodle-xml": "Moodle XML (*.xml)", "gift": "GIFT (*.gift)",
    "json": "JSON (*.json)", "csv": "CSV (*.csv)", "aiken": "Aiken (*.txt)",
    "markdown": "Markdown 文件夹 (*)",
}  # fmt: skip


def guess_format(path: Path) -> str:
    """The import format a file's name suggests (a folder is a Markdown bank)."""
    if path.is_dir():
        return "markdown"
    return SUFFIX_FORMATS.get(path.suffix.lower(), "gift")


def plan_file(path: Path, format_name: str, bank_dir: Path) -> ImportPlan:
    """Read a file and compare it with the bank; writes nothing."""
    if format_name not in READERS:
        raise ValueError(f"unknown format {format_name}")
    return plan_import(read_path(path, format_name), bank_dir)


def describe(plan: ImportPlan, source: str) -> str:
    """The preview text: counts, then every error and skipped item with its line."""
    c = plan.counts
    lines = [
        f"来源：{source}",
        f"新增 {c['added']} · 更新 {c['updated']} · 未变 {c['unchanged']}"
        f" · 跳过 {c['skipped']} · 错误 {c['errors']}",
        f"写入：{plan.bank_dir}",
    ]
    lines += [f"错误 第 {e.line} 行：{e.message}" for e in plan.errors]
    lines += [f"跳过 第 {e.line} 行：{e.message}" for e in plan.skipped]
    return "\n".join(lines)


class ImportPreview(QDialog):
    """Shows what an import would do; 导入 applies it."""

    def __init__(self, plan: ImportPlan, source: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle("导入预览")
        self.resize(640, 420)
        text = QPlainTextEdit(describe(plan, source), readOnly=True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.addButton("导入", QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setEnabled(bool(plan.writes))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("确认前不会写入任何文件。"))
        layout.addWidget(text, 1)
        layout.addWidget(buttons)


def run_import(parent: QWidget, bank_dir: Path, path: Path | None = None) -> list[Path]:
    """Ask for a file, preview the import, and apply it when confirmed; returns the files written."""
    if path is None:
        name, _ = QFileDialog.getOpenFileName(
            parent, "导入题目", "", "题目文件 (*.gift *.txt *.xml *.csv *.json);;所有文件 (*)"
        )
        if not name:
            return []
        path = Path(name)
    plan = plan_file(path, guess_format(path), bank_dir)
    if ImportPreview(plan, str(path), parent).exec() != QDialog.DialogCode.Accepted:
        return []
    return apply_import(plan)


def export_questions(questions: Sequence[Question], format_name: str, out: Path) -> tuple[int, list[str]]:
    """Write `questions` in a format; returns how many were written and why others were skipped."""
    if format_name == "anki":
        return write_anki(questions, out), []
    if format_name == "markdown":
        return len(write_markdown_folder(questions, out)), []
    exported = TEXT_WRITERS[format_name](questions)
    atomic_write_text(out, exported.text)
    return len(questions) - len(exported.skipped), [str(s) for s in exported.skipped]


def ask_export_target(parent: QWidget) -> tuple[str, Path] | None:
    """Ask where and in which format to export."""
    filters = ";;".join(EXPORT_FILTERS.values())
    name, chosen = QFileDialog.getSaveFileName(parent, "导出题目", "mockexam", filters)
    if not name:
        return None
    format_name = next(k for k, v in EXPORT_FILTERS.items() if v == chosen)
    return format_name, Path(name)
