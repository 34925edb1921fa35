"""BreakdownChart: share of points per group (topic, difficulty) as horizontal bars coloured by level."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QHorizontalStackedBarSeries,
    QLegend,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

from app.core.review import Tally, weakest
from app.ui.charts.theme import (
    BAD,
    GOOD,
    HINT,
    TEXT,
    WARN,
    WORST,
    ChartPanel,
    clear_chart,
    new_chart,
    new_view,
    percent_axis,
    style_axis,
)

#: A group this far below the pass mark (or closer) is amber rather than red.
NEAR_BAND = 0.15
ROW_HEIGHT = 30  # pixels per bar, so twenty groups stay readable (the view scrolls past its height)
CHROME_HEIGHT = 120  # title, value axis and legend


class Level(StrEnum):
    """How a group did against the pass mark."""

    PASS = "pass"
    NEAR = "near"
    LOW = "low"
    WEAKEST = "weakest"  # the lowest group (see app.core.review.weakest), drawn apart


LEVEL_COLORS = {Level.PASS: GOOD, Level.NEAR: WARN, Level.LOW: BAD, Level.WEAKEST: WORST}


def level_of(ratio: float, pass_ratio: float) -> Level:
    """Green at or above the pass mark, amber within NEAR_BAND below it, red further down."""
    if ratio >= pass_ratio:
        return Level.PASS
    return Level.NEAR if ratio >= pass_ratio - NEAR_BAND else Level.LOW


def bar_label(tally: Tally, is_weakest: bool) -> str:
    """The category text of one bar: name, points as score/max and percentage, and the weakest mark."""
    extra = f"，待自评 {tally.pending}" if tally.pending else ""
    text = f"{tally.label}  {tally.score:g}/{tally.max_score:g}（{tally.ratio:.0%}{extra}）"
    return f"{text} ◀ 最弱" if is_weakest else text


class BreakdownChart(ChartPanel):
    """One bar per group, 0-100 %, with the pass mark as a dashed line; grows taller with more groups."""

    def __init__(self, parent: QWidget | None = None, pass_ratio: float = 0.6) -> None:
        super().__init__(parent)
        self.pass_ratio = pass_ratio
        self.chart = new_chart()
        self.view = new_view(self.chart)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(self.view)
        self._set_content(self.scroll_area)
        self.setMinimumSize(360, 200)
        self._levels: dict[str, Level] = {}
        self._labels: list[str] = []
        self._show_empty(True)

    def set_tallies(self, title: str, tallies: Sequence[Tally], pass_ratio: float | None = None) -> None:
        """Plot `tallies` top to bottom in the order given; `pass_ratio` replaces the pass mark if given."""
        if pass_ratio is not None:
            self.pass_ratio = pass_ratio
        chart = self.chart
        clear_chart(chart)
        chart.setTitle(title)
        self._levels, self._labels = {}, []
        if not tallies:
            self._show_empty(True)
            return
        worst = weakest(tallies)
        rows = list(reversed(tallies))  # a horizontal bar chart draws its first category at the bottom
        values_by_level: dict[Level, list[float]] = {level: [] for level in Level}
        for tally in rows:
            is_worst = tally is worst
            level = Level.WEAKEST if is_worst else level_of(tally.ratio, self.pass_ratio)
            self._labels.append(bar_label(tally, is_worst))
            self._levels[tally.label] = level
            for each, ratios in values_by_level.items():
                ratios.append(tally.ratio * 100 if each is level else 0.0)
        series = QHorizontalStackedBarSeries()
        series.setBarWidth(0.6)
        for level, ratios in values_by_level.items():
            if level in self._levels.values():  # only levels with a bar get a set, and so a legend entry
                bar_set = QBarSet(self._legend_text(level))
                bar_set.setColor(LEVEL_COLORS[level])
                bar_set.setBorderColor(LEVEL_COLORS[level].darker(130))
                bar_set.append(ratios)
                series.append(bar_set)
        chart.addSeries(series)
        for marker in chart.legend().markers(series):  # drawn "from series" a bar marker comes out hollow
            marker.setShape(QLegend.MarkerShape.MarkerShapeRectangle)

        groups = QBarCategoryAxis()
        groups.append(self._labels)
        style_axis(groups)
        groups.setLabelsFont(self.chart.legend().font())
        groups.setLabelsColor(TEXT)
        groups.setGridLineVisible(False)
        values = percent_axis()
        chart.addAxis(groups, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(groups)
        series.attachAxis(values)
        self._add_pass_line(values, len(rows))

        self.view.setMinimumHeight(CHROME_HEIGHT + ROW_HEIGHT * len(rows))
        self._show_empty(False)

    def _add_pass_line(self, values: QValueAxis, rows: int) -> None:
        """A dashed vertical line at the pass mark, on a hidden axis spanning the bar rows."""
        line = QLineSeries()
        line.setName(f"及格线 {self.pass_ratio:.0%}")
        pen = QPen(HINT, 1.5, Qt.PenStyle.DashLine)
        line.setPen(pen)
        line.append([QPointF(self.pass_ratio * 100, -0.5), QPointF(self.pass_ratio * 100, rows - 0.5)])
        self.chart.addSeries(line)
        span = QValueAxis()
        span.setRange(-0.5, rows - 0.5)
        span.setVisible(False)
        self.chart.addAxis(span, Qt.AlignmentFlag.AlignRight)
        line.attachAxis(values)
        line.attachAxis(span)

    def _legend_text(self, level: Level) -> str:
        match level:
            case Level.PASS:
                return f"达标 ≥{self.pass_ratio:.0%}"
            case Level.NEAR:
                return "接近"
            case Level.LOW:
                return "偏低"
            case Level.WEAKEST:
                return "最弱"

    def bar_labels(self) -> list[str]:
        """The category labels, top to bottom."""
        return list(reversed(self._labels))

    def levels(self) -> dict[str, Level]:
        """Each group's level, by group label."""
        return dict(self._levels)

    def weakest_label(self) -> str | None:
        """The group marked weakest (None when every group scored full points)."""
        return next((label for label, level in self._levels.items() if level is Level.WEAKEST), None)
