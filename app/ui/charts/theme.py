"""The light theme for charts: colours, fonts, a configured chart and view, the empty-state panel."""

from __future__ import annotations

from PySide6.QtCharts import QAbstractAxis, QChart, QChartView, QLegend, QValueAxis
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QApplication, QLabel, QStackedLayout, QWidget

EMPTY_TEXT = "还没有数据"

ACCENT = QColor("#1565c0")
TEXT = QColor("#333333")
HINT = QColor("#666666")
GRID = QColor("#e6e6e6")
AXIS_LINE = QColor("#bdbdbd")
BACKGROUND = QColor("#ffffff")
GOOD = QColor("#2e7d32")
WARN = QColor("#f9a825")
BAD = QColor("#c62828")
WORST = QColor("#8e0000")

#: Distinct colours for series, in the order they are handed out.
SERIES_COLORS = tuple(
    QColor(c)
    for c in (
        "#1565c0",
        "#2e7d32",
        "#ef6c00",
        "#6a1b9a",
        "#00838f",
        "#c62828",
        "#5d4037",
        "#ad1457",
        "#558b2f",
        "#283593",
        "#f9a825",
        "#37474f",
    )
)


def series_color(index: int) -> QColor:
    """The colour of the `index`-th series (the palette repeats after twelve)."""
    return SERIES_COLORS[index % len(SERIES_COLORS)]


def ui_font(delta: float = 0.0, bold: bool = False) -> QFont:
    """The application font (CJK family when installed), `delta` points larger or smaller."""
    font = QFont(QApplication.font())
    size = font.pointSizeF() if font.pointSizeF() > 0 else 11.0
    font.setPointSizeF(max(7.0, size + delta))
    font.setBold(bold)
    return font


def new_chart(title: str = "") -> QChart:
    """A chart in the light theme: white, no animation, the app font, a small legend."""
    chart = QChart()
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setBackgroundBrush(QBrush(BACKGROUND))
    chart.setBackgroundPen(QPen(QColor("#dddddd")))
    chart.setBackgroundRoundness(4)
    chart.setMargins(QMargins(6, 6, 6, 6))
    chart.setTitleFont(ui_font(0.0, bold=True))
    chart.setTitleBrush(QBrush(TEXT))
    chart.setTitle(title)
    legend = chart.legend()
    legend.setFont(ui_font(-2.0))
    legend.setLabelColor(TEXT)
    legend.setMarkerShape(QLegend.MarkerShape.MarkerShapeFromSeries)
    legend.setShowToolTips(True)
    return chart


def clear_chart(chart: QChart) -> None:
    """Remove (and delete) every series and axis of `chart`."""
    chart.removeAllSeries()
    for axis in chart.axes():
        chart.removeAxis(axis)
        axis.deleteLater()


def style_axis(axis: QAbstractAxis) -> None:
    """Grey axis line, light grid, the app font for labels and title."""
    axis.setLabelsFont(ui_font(-2.0))
    axis.setLabelsColor(HINT)
    axis.setTitleFont(ui_font(-2.0))
    axis.setTitleBrush(QBrush(HINT))
    axis.setLinePen(QPen(AXIS_LINE))
    axis.setGridLineColor(GRID)


def percent_axis() -> QValueAxis:
    """A styled 0-100 % value axis with a tick every 20 %."""
    axis = QValueAxis()
    axis.setRange(0, 100)
    axis.setTickType(QValueAxis.TickType.TicksDynamic)
    axis.setTickAnchor(0)
    axis.setTickInterval(20)
    axis.setLabelFormat("%d%%")
    style_axis(axis)
    return axis


def new_view(chart: QChart) -> QChartView:
    """An antialiased, frameless view of `chart`."""
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    view.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    view.setFrameShape(QChartView.Shape.NoFrame)
    view.setBackgroundBrush(QBrush(BACKGROUND))
    return view


class ChartPanel(QWidget):
    """Shows its content, or one centred '还没有数据' line while there is nothing to plot."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.empty_label = QLabel(EMPTY_TEXT)
        self.empty_label.setObjectName("hint")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._stack = QStackedLayout(self)
        self._stack.setContentsMargins(0, 0, 0, 0)
        self._stack.addWidget(self.empty_label)
        self._content: QWidget | None = None

    def _set_content(self, content: QWidget) -> None:
        """The widget shown when there is data (call once, from the subclass's constructor)."""
        self._content = content
        self._stack.addWidget(content)

    def is_empty(self) -> bool:
        """Whether the empty-state line is showing instead of the chart."""
        return self._stack.currentWidget() is self.empty_label

    def _show_empty(self, empty: bool) -> None:
        if empty or self._content is None:
            self._stack.setCurrentWidget(self.empty_label)
        else:
            self._stack.setCurrentWidget(self._content)
