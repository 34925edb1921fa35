"""CustomExamForm: topics and tags from a tree with counts, difficulty, types, duration, mode and policy."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.assembly import History, eligible
from app.core.models import Blueprint, Mode, Policy, Question, QuestionType
from app.render.question_html import TYPE_LABELS

POLICY_LABELS = {
    Policy.RANDOM: "随机",
    Policy.UNSEEN: "优先没做过的题",
    Policy.WRONG: "只做错题本",
    Policy.WEAKEST: "薄弱主题优先",
}
NAME = Qt.ItemDataRole.UserRole


class CustomExamForm(QWidget):
    """Builds a Blueprint; `changed` fires whenever the choice changes, so the count limit stays true."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._questions: list[Question] = []
        self._history: History | None = None
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["主题 / 标签", "题数"])
        self.tree.setColumnWidth(0, 260)
        self.tree.itemChanged.connect(self._on_input_changed)
        self.low, self.high = QSpinBox(), QSpinBox()
        for spin, value in ((self.low, 1), (self.high, 5)):
            spin.setRange(1, 5)
            spin.setValue(value)
            spin.valueChanged.connect(self._on_input_changed)
        self.type_boxes: dict[QuestionType, QCheckBox] = {}
        types = QGridLayout()
        for index, qtype in enumerate(QuestionType):
            box = QCheckBox(TYPE_LABELS[qtype])
            box.setChecked(True)
            box.toggled.connect(self._on_input_changed)
            self.type_boxes[qtype] = box
            types.addWidget(box, index // 4, index % 4)
        self.count = QSpinBox()
        self.minutes = QSpinBox()
        self.minutes.setRange(0, 600)
        self.minutes.setValue(30)
        self.minutes.setSpecialValueText("不限时")
        self.minutes.setSuffix(" 分钟")
        self.mode = QComboBox()
        self.mode.addItem("考试：交卷后才看结果", Mode.EXAM)
        self.mode.addItem("练习：每题可检查答案，可暂停", Mode.PRACTICE)
        self.policy = QComboBox()
        for policy, label in POLICY_LABELS.items():
            self.policy.addItem(label, policy)
        self.policy.currentIndexChanged.connect(self._on_input_changed)
        self.shuffle_questions = QCheckBox("打乱题目顺序")
        self.shuffle_options = QCheckBox("打乱选项顺序")
        self.partial = QCheckBox("多选题按比例得分")
        for box in (self.shuffle_questions, self.shuffle_options):
            box.setChecked(True)
        self.pass_percent = QSpinBox()
        self.pass_percent.setRange(1, 100)
        self.pass_percent.setValue(60)
        self.pass_percent.setSuffix(" %")
        self.available = QLabel()
        self.available.setObjectName("hint")
        difficulty = QHBoxLayout()
        difficulty.addWidget(self.low)
        difficulty.addWidget(QLabel("到"))
        difficulty.addWidget(self.high)
        difficulty.addStretch(1)
        options = QHBoxLayout()
        for box in (self.shuffle_questions, self.shuffle_options, self.partial):
            options.addWidget(box)
        form = QFormLayout()
        form.addRow("难度", difficulty)
        form.addRow("题型", types)
        form.addRow("题量", self.count)
        form.addRow("时长", self.minutes)
        form.addRow("模式", self.mode)
        form.addRow("选题", self.policy)
        form.addRow("及格线", self.pass_percent)
        form.addRow("", options)
        layout = QHBoxLayout(self)
        layout.addWidget(self.tree, 2)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(self.available)
        right.addStretch(1)
        layout.addLayout(right, 3)

    def set_bank(self, questions: list[Question], history: History | None) -> None:
        """Fill the topic tree (topics, with their tags as children) with question counts."""
        self._questions, self._history = questions, history
        self.tree.blockSignals(True)
        self.tree.clear()
        by_topic: dict[str, Counter[str]] = {}
        for question in questions:
            tags = by_topic.setdefault(question.topic, Counter())
            tags.update(question.tags)
        totals = Counter(q.topic for q in questions)
        for topic in sorted(by_topic):
            item = QTreeWidgetItem([topic, str(totals[topic])])
            item.setData(0, NAME, topic)
            item.setCheckState(0, Qt.CheckState.Unchecked)
            for tag, count in sorted(by_topic[topic].items(), key=lambda kv: (-kv[1], kv[0]))[:30]:
                child = QTreeWidgetItem([f"#{tag}", str(count)])
                child.setData(0, NAME, tag)
                child.setCheckState(0, Qt.CheckState.Unchecked)
                item.addChild(child)
            self.tree.addTopLevelItem(item)
        self.tree.blockSignals(False)
        self._on_input_changed()

    def _checked(self, tags: bool) -> tuple[str, ...]:
        names: list[str] = []
        for row in range(self.tree.topLevelItemCount()):
            topic = self.tree.topLevelItem(row)
            assert topic is not None
            if not tags and topic.checkState(0) == Qt.CheckState.Checked:
                names.append(str(topic.data(0, NAME)))
            for index in range(topic.childCount()):
                child = topic.child(index)
                assert child is not None
                if tags and child.checkState(0) == Qt.CheckState.Checked:
                    names.append(str(child.data(0, NAME)))
        return tuple(sorted(set(names)))

    def blueprint(self, count: int | None = None) -> Blueprint:
        """The exam the form describes."""
        topics = self._checked(tags=False)
        minutes = self.minutes.value()
        low, high = sorted((self.low.value(), self.high.value()))
        return Blueprint(
            name=f"自定义 · {'、'.join(topics) if topics else '全部主题'}",
            count=self.count.value() if count is None else count,
            duration_s=minutes * 60 if minutes else None,
            topics=topics,
            tags=self._checked(tags=True),
            difficulty=(low, high),
            types=frozenset(t for t, box in self.type_boxes.items() if box.isChecked()),
            pass_ratio=self.pass_percent.value() / 100,
            mode=Mode(self.mode.currentData()),
            policy=Policy(self.policy.currentData()),
            shuffle_questions=self.shuffle_questions.isChecked(),
            shuffle_options=self.shuffle_options.isChecked(),
            partial_credit=self.partial.isChecked(),
        )

    @property
    def eligible_count(self) -> int:
        """How many questions the current choice can draw from."""
        return len(eligible(self._questions, self.blueprint(count=1), self._history))

    def _on_input_changed(self, *_args: object) -> None:
        available = self.eligible_count
        wanted = self.count.value() or 20
        self.count.setRange(1 if available else 0, max(available, 0))
        self.count.setValue(min(wanted, available))
        self.available.setText(f"符合条件的题目：{available} 道")
        self.changed.emit()
