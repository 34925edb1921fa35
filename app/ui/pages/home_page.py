"""HomePage: the bank at a glance and the settings of a new exam."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.assembly import eligible
from app.core.bank.problems import Problem, Severity
from app.core.models import PLAYABLE_TYPES, Blueprint, Question

ALL_TOPICS = ""
DEFAULT_COUNT = 20
DEFAULT_MINUTES = 30


class HomePage(QWidget):
    """Shows the bank by topic and starts an exam with the chosen count, topic and duration."""

    start_requested = Signal(object)  # Blueprint

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._questions: list[Question] = []
        self.title = QLabel("MockExam 模考")
        self.title.setObjectName("pageTitle")
        self.summary = QLabel("正在加载题库…")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(["主题 (topic)", "题目总数", "可作答题数"])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.topic = QComboBox()
        self.topic.currentIndexChanged.connect(self._on_topic_current_index_changed)
        self.count = QSpinBox()
        self.count.setRange(1, 1)
        self.minutes = QSpinBox()
        self.minutes.setRange(0, 300)
        self.minutes.setValue(DEFAULT_MINUTES)
        self.minutes.setSpecialValueText("不限时")
        self.minutes.setSuffix(" 分钟")
        self.start_button = QPushButton("开始考试 (Enter)")
        self.start_button.setObjectName("primary")
        self.start_button.setDefault(True)
        self.start_button.setEnabled(False)
        self.start_button.clicked.connect(self._on_start_button_clicked)
        form = QFormLayout()
        form.addRow("主题", self.topic)
        form.addRow("题量", self.count)
        form.addRow("时长", self.minutes)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.start_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)

    def show_bank(self, questions: list[Question], problems: list[Problem]) -> None:
        """Fill the summary from the loaded bank; the Start button becomes usable."""
        self._questions = questions
        totals = Counter(q.topic for q in questions)
        playable = Counter(q.topic for q in questions if q.type in PLAYABLE_TYPES)
        self.table.setRowCount(len(totals))
        for row, topic in enumerate(sorted(totals)):
            for col, value in enumerate((topic, str(totals[topic]), str(playable[topic]))):
                item = QTableWidgetItem(value)
                if col:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, item)
        errors = sum(p.severity is Severity.ERROR for p in problems)
        playable_total = sum(playable.values())
        text = f"题库共 {len(questions)} 题，{len(totals)} 个主题；其中 {playable_total} 题可在考试中作答。"
        if errors:
            text += f" 有 {errors} 个题目文件存在错误，已跳过（运行 mockexam bank check 查看）。"
        self.summary.setText(text)
        self.topic.blockSignals(True)
        self.topic.clear()
        self.topic.addItem("全部主题", ALL_TOPICS)
        for topic in sorted(playable):
            self.topic.addItem(f"{topic} ({playable[topic]})", topic)
        self.topic.blockSignals(False)
        self._on_topic_current_index_changed()
        self.start_button.setFocus()

    @property
    def ready(self) -> bool:
        """Whether an exam can be started now."""
        return self.start_button.isEnabled()

    def blueprint(self) -> Blueprint:
        """The exam the controls describe."""
        topic = self.topic.currentData() or ALL_TOPICS
        minutes = self.minutes.value()
        name = f"{topic or '综合'} · {self.count.value()} 题"
        return Blueprint(
            name=name,
            count=self.count.value(),
            duration_s=minutes * 60 if minutes else None,
            topics=(topic,) if topic else (),
        )

    def _on_topic_current_index_changed(self, _index: int = 0) -> None:
        topic = self.topic.currentData() or ALL_TOPICS
        probe = Blueprint("probe", 1, None, topics=(topic,) if topic else ())
        available = len(eligible(self._questions, probe))
        self.count.setRange(1 if available else 0, max(available, 0))
        self.count.setValue(min(DEFAULT_COUNT, available))
        self.start_button.setEnabled(available > 0)

    def _on_start_button_clicked(self) -> None:
        if self.ready:
            self.start_requested.emit(self.blueprint())
