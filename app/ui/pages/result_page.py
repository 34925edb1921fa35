"""ResultPage: the score, pass or fail, time, breakdown charts, the weakest topic and the trend."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from app.core.models import AttemptRecord
from app.core.review import AttemptReview, ReviewFilter, by_difficulty, by_topic, weakest
from app.render.report_html import clock_text

if TYPE_CHECKING:
    from app.ui.charts.breakdown_chart import BreakdownChart

FINISH_NOTES = {
    "clock": "时间到，已按当时保存的答案自动交卷。",
    "deadline": "上次关闭时考试仍未交卷，已在截止时间自动交卷，答案截至 {saved}。",
}


def time_of_day(moment: float | None) -> str:
    """An epoch time as local hh:mm:ss ("—" for None): when the last answer was saved."""
    return time.strftime("%H:%M:%S", time.localtime(moment)) if moment else "—"


def answers_as_of(record: AttemptRecord) -> str:
    """When the attempt's last answer was saved, as hh:mm:ss ("—" when nothing was)."""
    return time_of_day(max((a.changed_at for a in record.answers.values()), default=None))


def trend_text(review: AttemptReview, previous: AttemptRecord | None) -> str:
    """The change against the previous attempt of the same preset."""
    if previous is None or previous.score is None or not previous.max_score:
        return "这是该预设的第一次记录"
    delta = review.result.ratio - previous.score / previous.max_score
    when = time.strftime("%m-%d %H:%M", time.localtime(previous.started_at))
    arrow = "↑" if delta > 0.0005 else "↓" if delta < -0.0005 else "→"
    return f"较上次（{when}）{arrow} {delta * 100:+.0f} 个百分点"


class ResultPage(QWidget):
    """Shown after submitting: Enter reviews the answers, Ctrl+R practises the misses."""

    home_requested = Signal()
    review_requested = Signal(object)  # ReviewFilter
    practise_requested = Signal(object)  # list[Question]
    export_requested = Signal(object)  # AttemptReview

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.review: AttemptReview | None = None
        self.headline = QLabel()
        self.headline.setObjectName("pageTitle")
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.advice = QLabel()
        self.advice.setWordWrap(True)
        self.charts = QTabWidget()
        self._topic_chart: BreakdownChart | None = None
        self._difficulty_chart: BreakdownChart | None = None
        self.review_button = QPushButton("查看答卷 (Enter)")
        self.review_button.setObjectName("primary")
        self.review_button.setDefault(True)
        self.review_button.clicked.connect(lambda: self.review_requested.emit(ReviewFilter.ALL))
        self.practise_button = QPushButton("练习错题 (Ctrl+R)")
        self.practise_button.clicked.connect(self.practise_misses)
        self.export_button = QPushButton("导出报告… (Ctrl+E)")
        self.export_button.clicked.connect(self._on_export_clicked)
        self.home_button = QPushButton("返回首页")
        self.home_button.clicked.connect(self.home_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.home_button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.practise_button)
        buttons.addWidget(self.review_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.details)
        layout.addWidget(self.advice)
        layout.addWidget(self.charts, 1)
        layout.addLayout(buttons)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            QShortcut(QKeySequence(key), self, self.review_button.click)
        QShortcut(QKeySequence("Ctrl+R"), self, self.practise_misses)
        QShortcut(QKeySequence("Ctrl+E"), self, self._on_export_clicked)

    def _ensure_charts(self) -> None:
        """QtCharts loads on the first result, never at start-up."""
        if self._topic_chart is not None:
            return
        from app.ui.charts.breakdown_chart import BreakdownChart

        self._topic_chart = BreakdownChart()
        self._difficulty_chart = BreakdownChart()
        self.charts.addTab(self._topic_chart, "按主题")
        self.charts.addTab(self._difficulty_chart, "按难度")

    def show_result(
        self, review: AttemptReview, previous: AttemptRecord | None, reason: str = "user"
    ) -> None:
        """Fill the page from a submitted attempt; `reason` says who submitted it."""
        self.review = review
        record = review.record
        result = review.result
        low, high = result.score_range
        if result.pending_count:
            score = f"得分 {low:g}–{high:g} / {result.max_score:g} · {result.pending_count} 道简答题待自评"
        else:
            verdict = "通过" if result.passed else "未通过"
            score = f"得分 {result.score:g} / {result.max_score:g}（{result.ratio:.0%}）· {verdict}"
        if result.scaled is not None and record.blueprint.scale is not None:
            score += f" · 换算分 {result.scaled:g} / {record.blueprint.scale[1]:g}"
        self.headline.setText(score)
        right = sum(item.mark.correct for item in review.items)
        note = FINISH_NOTES.get(reason, "").format(saved=answers_as_of(record))
        parts = [
            f"答对 {right} / {len(review.items)} 题",
            f"及格线 {result.pass_ratio:.0%}",
            f"用时 {clock_text(review.used_s)}",
        ]
        if review.left_s is not None:
            parts.append(f"剩余 {clock_text(review.left_s)}")
        parts.append(trend_text(review, previous))
        parts.append(f"记录 {record.id} · 随机种子 {record.seed}")
        self.details.setText((note + " " if note else "") + " · ".join(parts))
        topics = by_topic(review.items)
        weak = weakest(topics)
        wrong = len(self._misses())
        if weak is None:
            self.advice.setText("全部答对。")
        else:
            self.advice.setText(
                f"最弱主题：<b>{weak.label}</b>（{weak.ratio:.0%}，{weak.correct}/{weak.count} 题全对）。"
                f"{'按 Ctrl+R 练习本次的 ' + str(wrong) + ' 道错题。' if wrong else ''}"
            )
        self.practise_button.setEnabled(wrong > 0)
        self._ensure_charts()
        assert self._topic_chart is not None
        assert self._difficulty_chart is not None
        self._topic_chart.set_tallies("按主题得分率", topics, result.pass_ratio)
        self._difficulty_chart.set_tallies("按难度得分率", by_difficulty(review.items), result.pass_ratio)
        self.review_button.setFocus()

    def _misses(self) -> list[object]:
        if self.review is None:
            return []
        kinds = (ReviewFilter.WRONG, ReviewFilter.UNANSWERED)
        return [i.question for i in self.review.items if any(i.matches(k) for k in kinds)]

    def practise_misses(self) -> None:
        """Ask for a practice exam of the questions answered wrong or left unanswered."""
        misses = self._misses()
        if misses:
            self.practise_requested.emit(misses)

    def _on_export_clicked(self) -> None:
        if self.review is not None:
            self.export_requested.emit(self.review)
