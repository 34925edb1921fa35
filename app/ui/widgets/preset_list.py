"""PresetList: the shipped and saved exam presets, each marked with whether the bank can supply it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from app.core.assembly import BankTooSmallError, History, assemble
from app.core.bank.blueprints import Preset
from app.core.models import Blueprint, Mode, Policy, Question

BLUEPRINT = Qt.ItemDataRole.UserRole


def describe(blueprint: Blueprint) -> str:
    """One line: count, duration, mode."""
    minutes = f"{blueprint.duration_s // 60} 分钟" if blueprint.duration_s else "不限时"
    mode = "练习" if blueprint.mode is Mode.PRACTICE else "考试"
    return f"{blueprint.count} 题 · {minutes} · {mode} · 及格 {blueprint.pass_ratio:.0%}"


def shortage(blueprint: Blueprint, questions: list[Question], history: History | None) -> str | None:
    """Why the bank cannot supply this blueprint, or None when it can."""
    try:
        assemble(questions, blueprint, seed=0, history=history)
    except BankTooSmallError as exc:
        if blueprint.policy is Policy.WRONG:
            return (
                "错题本是空的：答错的题会自动进入"
                if not exc.available
                else f"错题本只有 {exc.available} 道符合条件的题"
            )
        return f"题库中符合条件的题目只有 {exc.available} 道，不足 {exc.requested} 道"
    return None


class PresetList(QListWidget):
    """Double-click or Enter starts the preset; presets the bank cannot fill are shown but disabled."""

    start_requested = Signal(object)  # Blueprint

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlternatingRowColors(True)
        self.itemActivated.connect(self._on_item_activated)

    def show_presets(self, presets: list[Preset], questions: list[Question], history: History | None) -> None:
        """List every preset with its summary; mark the ones the bank is too small for."""
        self.clear()
        for preset in presets:
            blueprint = preset.blueprint
            problem = shortage(blueprint, questions, history)
            origin = "" if preset.shipped else "（我的预设）"
            lines = [f"{blueprint.name}{origin}", describe(blueprint)]
            if blueprint.description:
                lines.append(blueprint.description)
            if problem:
                lines.append(f"⚠ {problem}")
            item = QListWidgetItem("\n".join(lines))
            item.setData(BLUEPRINT, blueprint)
            item.setToolTip(problem or preset.path)
            if problem:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.addItem(item)
        enabled = [r for r in range(self.count()) if self.item(r).flags() & Qt.ItemFlag.ItemIsEnabled]
        if enabled:
            self.setCurrentRow(enabled[0])

    def current_blueprint(self) -> Blueprint | None:
        """The selected preset's blueprint, if it can be started."""
        item = self.currentItem()
        if item is None or not item.flags() & Qt.ItemFlag.ItemIsEnabled:
            return None
        blueprint = item.data(BLUEPRINT)
        return blueprint if isinstance(blueprint, Blueprint) else None

    def _on_item_activated(self, _item: QListWidgetItem) -> None:
        blueprint = self.current_blueprint()
        if blueprint is not None:
            self.start_requested.emit(blueprint)
