"""SetupPage: the bank at a glance, and a new exam from a preset or from a custom choice."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QInputDialog, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from app.core.assembly import History
from app.core.bank.blueprints import Preset
from app.core.bank.problems import Problem, Severity
from app.core.models import Blueprint, Question
from app.ui.widgets.custom_exam_form import CustomExamForm
from app.ui.widgets.preset_list import PresetList, shortage

PRESETS_TAB, CUSTOM_TAB = 0, 1


class SetupPage(QWidget):
    """Start with Enter (or a double-click on a preset); "save as preset" keeps a custom choice."""

    start_requested = Signal(object)  # Blueprint
    save_requested = Signal(object)  # Blueprint, with the name the user gave it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._questions: list[Question] = []
        self._history: History | None = None
        self.title = QLabel("MockExam 模考")
        self.title.setObjectName("pageTitle")
        self.summary = QLabel("正在加载题库…")
        self.summary.setWordWrap(True)
        self.presets = PresetList()
        self.presets.start_requested.connect(self.start_requested)
        self.custom = CustomExamForm()
        self.custom.changed.connect(self._refresh_buttons)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.presets, "预设 (Presets)")
        self.tabs.addTab(self.custom, "自定义 (Custom)")
        self.tabs.currentChanged.connect(self._refresh_buttons)
        self.presets.currentRowChanged.connect(self._refresh_buttons)
        self.save_button = QPushButton("另存为预设…")
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.start_button = QPushButton("开始 (Enter)")
        self.start_button.setObjectName("primary")
        self.start_button.setDefault(True)
        self.start_button.setEnabled(False)
        self.start_button.clicked.connect(self._on_start_button_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.start_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)

    def show_bank(
        self,
        questions: list[Question],
        problems: list[Problem],
        presets: list[Preset],
        history: History | None,
    ) -> None:
        """Fill the summary, the preset list and the custom form from the loaded bank."""
        self._questions, self._history = questions, history
        topics = Counter(q.topic for q in questions)
        errors = sum(p.severity is Severity.ERROR for p in problems)
        text = f"题库共 {len(questions)} 题，{len(topics)} 个主题：" + "、".join(
            f"{topic} {count}" for topic, count in sorted(topics.items())
        )
        if errors:
            text += f"。有 {errors} 个题目或预设文件存在错误，已跳过（运行 mockexam bank check 查看）"
        self.summary.setText(text + "。")
        self.presets.show_presets(presets, questions, history)
        self.custom.set_bank(questions, history)
        if not self.presets.current_blueprint():
            self.tabs.setCurrentIndex(CUSTOM_TAB)
        self._refresh_buttons()
        self.focus_default()

    def focus_default(self) -> None:
        """Keyboard focus where a person starts: the preset list (arrows pick, Enter starts), else Start."""
        if self.tabs.currentIndex() == PRESETS_TAB and self.presets.current_blueprint() is not None:
            self.presets.setFocus()
        else:
            self.start_button.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        """Focus the default control each time the page appears."""
        super().showEvent(event)
        self.focus_default()

    def blueprint(self) -> Blueprint | None:
        """The exam the current tab describes, if the bank can supply it."""
        if self.tabs.currentIndex() == PRESETS_TAB:
            return self.presets.current_blueprint()
        blueprint = self.custom.blueprint()
        return (
            blueprint if blueprint.count and not shortage(blueprint, self._questions, self._history) else None
        )

    @property
    def ready(self) -> bool:
        """Whether an exam can be started now."""
        return self.start_button.isEnabled()

    def _refresh_buttons(self, *_args: object) -> None:
        self.start_button.setEnabled(self.blueprint() is not None)
        self.save_button.setEnabled(self.tabs.currentIndex() == CUSTOM_TAB and self.custom.eligible_count > 0)

    def _on_start_button_clicked(self) -> None:
        blueprint = self.blueprint()
        if blueprint is not None:
            self.start_requested.emit(blueprint)

    def _on_save_button_clicked(self) -> None:
        name = self.ask_name()
        if name:
            self.save_requested.emit(replace(self.custom.blueprint(), name=name))

    def ask_name(self) -> str:
        """The preset's name, from a dialog; tests replace this method."""
        name, accepted = QInputDialog.getText(self, "另存为预设", "预设名称：")
        return name.strip() if accepted else ""
