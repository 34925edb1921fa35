"""ShortcutsDialog: the keyboard shortcuts of the exam page (F1 or ?)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

SHORTCUTS = (
    ("1-8 或 A-H", "选择选项（多选题再按一次取消）"),
    ("Space", "切换当前选中的选项"),
    ("N / → / PgDn / Alt+→", "下一题"),
    ("P / ← / PgUp / Alt+←", "上一题"),
    ("F", "标记 / 取消标记本题"),
    ("Alt+↑ / Alt+↓", "排序题：上移 / 下移选中项"),
    ("Ctrl+K", "练习模式：检查答案"),
    ("Ctrl+P", "暂停 / 继续（预设允许时）"),
    ("Ctrl+= / Ctrl+- / Ctrl+0", "放大 / 缩小 / 还原题目文字"),
    ("Ctrl+Enter", "交卷前检查，再按 Enter 交卷"),
    ("Esc", "关闭对话框 / 返回作答"),
    ("F1 或 ?", "显示本帮助"),
)


class ShortcutsDialog(QDialog):
    """A table of shortcuts; Esc or Close dismisses it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("键盘快捷键")
        table = QTableWidget(len(SHORTCUTS), 2)
        table.setHorizontalHeaderLabels(["按键", "作用"])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (keys, action) in enumerate(SHORTCUTS):
            table.setItem(row, 0, QTableWidgetItem(keys))
            table.setItem(row, 1, QTableWidgetItem(action))
        table.resizeColumnsToContents()
        table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.resize(520, 460)
