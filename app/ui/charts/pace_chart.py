"""PaceChart: time spent over suggested time against right or wrong, in quadrants, with counts per topic."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from PySide6.QtCharts import QCategoryAxis, QLineSeries, QScatterSeries, QValueAxis
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGraphicsRectItem,
    QGraphicsSimpleTextItem,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.analytics import PACE_LABELS, Pace, PacePoint, pace_by_topic
from app.ui.charts.theme import (
    BAD,
    GOOD,
    HINT,
    TEXT,
    ChartPanel,
    clear_chart,
    new_chart,
    new_view,
    style_axis,
    ui_font,
)

X_CAP = 3.0  # slower than three times the suggested time is drawn at 3x
X_MAX = 3.2  # room for the capped points' markers
RIGHT_NAME = "答对"
WRONG_NAME = "答错"
ALL_TOPICS = "全部主题"
GOLDEN = 0.6180339887498949
TOPIC_ROLE = Qt.ItemDataRole.UserRole
LABEL_BACKING = QColor(255, 255, 255, 210)


def pace_x(point: PacePoint) -> float:
    """Time spent over suggested time, capped at X_CAP."""
    ratio = point.spent_s / point.suggested_s if point.suggested_s > 0 else X_CAP
    return min(ratio, X_CAP)


def pace_y(point: PacePoint, index: int) -> float:
    """The band of the point (wrong 0-1, right 1-2), spread inside it so equal answers stay apart."""
    spread = 0.15 + 0.7 * ((index * GOLDEN) % 1.0)
    return (1.0 if point.correct else 0.0) + spread


class PaceChart(ChartPanel):
    """A scatter of pace against correctness for one topic or all, and a table of quadrant counts per topic.

    Clicking a row of the table shows that topic's answers (the first row shows every topic).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = new_chart()
        self.view = new_view(self.chart)
        self.view.setMinimumHeight(280)
        self.table = QTableWidget(0, 1 + len(Pace))
        self.table.setHorizontalHeaderLabels(["主题", *(PACE_LABELS[p] for p in Pace)])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setMaximumHeight(180)
        self.table.itemClicked.connect(self._on_row_clicked)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.table)
        self._set_content(body)
        self.setMinimumSize(460, 420)

        self._all: list[PacePoint] = []
        self._shown: list[PacePoint] = []
        self._topic: str | None = None
        self._counts: dict[str, int] = {}
        self._quadrants: dict[Pace, QGraphicsSimpleTextItem] = {}
        for pace in Pace:
            box = QGraphicsRectItem(self.chart)  # a pale backing so points under the label leave it legible
            box.setBrush(QBrush(LABEL_BACKING))
            box.setPen(QPen(Qt.PenStyle.NoPen))
            box.setZValue(10)
            item = QGraphicsSimpleTextItem(box)
            item.setFont(ui_font(-2.0))
            item.setBrush(QBrush(TEXT))
            self._quadrants[pace] = item
        self.chart.plotAreaChanged.connect(self._place_quadrant_labels)
        self._show_empty(True)

    def set_points(self, points: Sequence[PacePoint], topic: str | None = None) -> None:
        """Plot the answers of `topic` (every topic when None); the table always lists every topic."""
        self._all = list(points)
        self._fill_table()
        self._show_topic(topic)

    def _show_topic(self, topic: str | None) -> None:
        self._topic = topic
        self._shown = [p for p in self._all if topic is None or p.topic == topic]
        chart = self.chart
        clear_chart(chart)
        chart.setTitle(f"用时与正误（{topic or ALL_TOPICS}）")
        self._select_row(topic)
        if not self._shown:
            self._counts = {}
            for item in self._quadrants.values():
                self._box(item).setVisible(False)
            self._show_empty(True)
            return

        axis_x = QValueAxis()
        axis_x.setRange(0, X_MAX)
        axis_x.setTickType(QValueAxis.TickType.TicksDynamic)
        axis_x.setTickAnchor(0)
        axis_x.setTickInterval(0.5)
        axis_x.setLabelFormat("%.1f")
        axis_x.setTitleText("用时 ÷ 建议用时（倍；超过 3 倍画在 3 处）")
        style_axis(axis_x)
        axis_y = QCategoryAxis()
        axis_y.setRange(0, 2)
        axis_y.append(WRONG_NAME, 1)
        axis_y.append(RIGHT_NAME, 2)
        style_axis(axis_y)
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)

        right, wrong = QScatterSeries(), QScatterSeries()
        right.setName(RIGHT_NAME)
        right.setColor(GOOD)
        right.setMarkerShape(QScatterSeries.MarkerShape.MarkerShapeCircle)
        wrong.setName(WRONG_NAME)
        wrong.setColor(BAD)
        wrong.setMarkerShape(QScatterSeries.MarkerShape.MarkerShapeTriangle)
        for s in (right, wrong):
            s.setMarkerSize(10)
            s.setBorderColor(s.color().darker(130))
        placed = [(p.correct, QPointF(pace_x(p), pace_y(p, i))) for i, p in enumerate(self._shown)]
        right.append([xy for correct, xy in placed if correct])
        wrong.append([xy for correct, xy in placed if not correct])
        suggested = QLineSeries()
        suggested.setName("建议用时")
        suggested.setPen(QPen(HINT, 1.5, Qt.PenStyle.DashLine))
        suggested.append([QPointF(1.0, 0.0), QPointF(1.0, 2.0)])
        for each in (suggested, right, wrong):
            chart.addSeries(each)
            each.attachAxis(axis_x)
            each.attachAxis(axis_y)
        self._counts = {RIGHT_NAME: right.count(), WRONG_NAME: wrong.count()}

        tally = Counter(p.pace for p in self._shown)
        for pace, item in self._quadrants.items():
            item.setText(f"{PACE_LABELS[pace]} {tally[pace]}")
            self._box(item).setVisible(True)
        self._show_empty(False)
        self._place_quadrant_labels(chart.plotArea())

    @staticmethod
    def _box(item: QGraphicsSimpleTextItem) -> QGraphicsRectItem:
        box = item.parentItem()
        assert isinstance(box, QGraphicsRectItem)
        return box

    def _place_quadrant_labels(self, plot: QRectF) -> None:
        """Each quadrant's label in its outer corner: fast left, slow right, right answers on top."""
        if plot.isEmpty() or not self._counts:
            return
        pad = 3.0
        for pace, item in self._quadrants.items():
            text = item.boundingRect()
            width, height = text.width() + 2 * pad, text.height() + 2 * pad
            fast = pace in (Pace.FAST_RIGHT, Pace.FAST_WRONG)
            top = pace in (Pace.FAST_RIGHT, Pace.SLOW_RIGHT)
            x = plot.left() + 1 if fast else plot.right() - width - 1
            y = plot.top() + 1 if top else plot.bottom() - height - 1
            box = self._box(item)
            box.setRect(0, 0, width, height)
            box.setPos(x, y)
            item.setPos(pad, pad)

    def _fill_table(self) -> None:
        table_rows: list[tuple[str, str | None, Counter[Pace]]] = [
            (ALL_TOPICS, None, Counter(p.pace for p in self._all))
        ]
        table_rows += [(topic, topic, counts) for topic, counts in sorted(pace_by_topic(self._all).items())]
        self.table.setRowCount(len(table_rows))
        for row, (text, topic, counts) in enumerate(table_rows):
            name = QTableWidgetItem(text)
            name.setData(TOPIC_ROLE, topic)
            self.table.setItem(row, 0, name)
            for column, pace in enumerate(Pace, start=1):
                cell = QTableWidgetItem(str(counts[pace]))
                cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                cell.setData(TOPIC_ROLE, topic)
                self.table.setItem(row, column, cell)

    def _select_row(self, topic: str | None) -> None:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.data(TOPIC_ROLE) == topic:
                self.table.selectRow(row)
                return
        self.table.clearSelection()

    def _on_row_clicked(self, item: QTableWidgetItem) -> None:
        topic = item.data(TOPIC_ROLE)
        self._show_topic(topic if isinstance(topic, str) else None)

    def topic(self) -> str | None:
        """The topic plotted (None for every topic)."""
        return self._topic

    def series_points(self) -> dict[str, int]:
        """How many points the right and the wrong series have."""
        return dict(self._counts)

    def quadrant_labels(self) -> dict[Pace, str]:
        """The text in each quadrant (its name and count)."""
        return {pace: item.text() for pace, item in self._quadrants.items() if self._box(item).isVisible()}
