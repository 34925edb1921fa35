"""TrendChart: values 0-100 % over time, one line per preset or topic; clicking a point opens its attempt."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from PySide6.QtCharts import QDateTimeAxis, QLineSeries, QScatterSeries
from PySide6.QtCore import QDateTime, QPointF, Qt, Signal
from PySide6.QtGui import QCursor, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from app.core.analytics import Point
from app.ui.charts.theme import (
    HINT,
    ChartPanel,
    clear_chart,
    new_chart,
    new_view,
    percent_axis,
    series_color,
    style_axis,
)

DAY_MS = 86_400_000
PASS_LINE_NAME = "及格线"
LEGEND_RIGHT_AFTER = 4  # more series than this: the legend moves to the right, one name per line


def _ms(at: float) -> float:
    return at * 1000.0


def _midnight(day: dt.date) -> float:
    return dt.datetime.combine(day, dt.time()).timestamp()


def day_range(first: float, last: float) -> tuple[dt.date, int, int]:
    """The date axis for points from `first` to `last` (epoch seconds): its first day, its length in days
    and its number of steps, so that ticks fall on whole days with a free day around the points."""
    start = dt.datetime.fromtimestamp(first).date() - dt.timedelta(days=1)
    days = (dt.datetime.fromtimestamp(last).date() - start).days + 2

    def padding(steps: int) -> int:
        return -(-days // steps) * steps - days

    tolerance = max(1, days // 8)
    steps = min(range(3, 7), key=lambda n: (padding(n) > tolerance, -n))  # most ticks with little padding
    return start, days + padding(steps), steps


def point_text(name: str, point: Point) -> str:
    """The tooltip of one point: series name, date and time, percentage."""
    when = dt.datetime.fromtimestamp(point.at).strftime("%Y-%m-%d %H:%M")
    return f"{name}\n{when} · {point.value:.0%}"


class TrendChart(ChartPanel):
    """One line with points per name on a date axis, y 0-100 %, an optional dashed pass-mark line."""

    point_clicked = Signal(int)  # the attempt id of the clicked point

    def __init__(self, parent: QWidget | None = None, title: str = "") -> None:
        super().__init__(parent)
        self.chart = new_chart(title)
        self.view = new_view(self.chart)
        self._set_content(self.view)
        self.setMinimumSize(420, 260)
        self._points: dict[str, list[Point]] = {}
        self._scatter: dict[str, QScatterSeries] = {}
        self._show_empty(True)

    def set_series(self, series: Mapping[str, Sequence[Point]], pass_ratio: float | None = None) -> None:
        """Replace the plot: a line per non-empty series, oldest point first, and the pass mark if given."""
        chart = self.chart
        clear_chart(chart)
        self._points = {name: sorted(points, key=lambda p: p.at) for name, points in series.items() if points}
        self._scatter = {}
        if not self._points:
            self._show_empty(True)
            return
        times = [p.at for points in self._points.values() for p in points]
        first_day, days, steps = day_range(min(times), max(times))
        start = _ms(_midnight(first_day))
        end = _ms(_midnight(first_day + dt.timedelta(days=days)))

        axis_x = QDateTimeAxis()
        axis_x.setRange(QDateTime.fromMSecsSinceEpoch(int(start)), QDateTime.fromMSecsSinceEpoch(int(end)))
        same_year = first_day.year == (first_day + dt.timedelta(days=days)).year
        axis_x.setFormat("MM-dd" if same_year else "yyyy-MM-dd")
        axis_x.setTickCount(steps + 1)
        style_axis(axis_x)
        axis_y = percent_axis()
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)

        for index, (name, points) in enumerate(self._points.items()):
            color = series_color(index)
            line = QLineSeries()
            line.setName(name)
            line.setPen(QPen(color, 2))
            dots = QScatterSeries()
            dots.setName(name)
            dots.setColor(color)
            dots.setBorderColor(color.darker(120))
            dots.setMarkerSize(9)
            xy = [QPointF(_ms(p.at), p.value * 100) for p in points]
            line.append(xy)
            dots.append(xy)
            for s in (line, dots):
                chart.addSeries(s)
                s.attachAxis(axis_x)
                s.attachAxis(axis_y)
            chart.legend().markers(dots)[0].setVisible(False)
            dots.clicked.connect(lambda at, name=name: self._on_clicked(name, at))
            dots.hovered.connect(lambda at, state, name=name: self._on_hovered(name, at, state))
            self._scatter[name] = dots

        if pass_ratio is not None:
            mark = QLineSeries()
            mark.setName(f"{PASS_LINE_NAME} {pass_ratio:.0%}")
            mark.setPen(QPen(HINT, 1.5, Qt.PenStyle.DashLine))
            mark.append([QPointF(start, pass_ratio * 100), QPointF(end, pass_ratio * 100)])
            chart.addSeries(mark)
            mark.attachAxis(axis_x)
            mark.attachAxis(axis_y)

        legend = chart.legend()
        legend.setAlignment(
            Qt.AlignmentFlag.AlignRight
            if len(self._points) > LEGEND_RIGHT_AFTER
            else Qt.AlignmentFlag.AlignBottom
        )
        self._show_empty(False)

    def _nearest(self, name: str, at: QPointF) -> Point | None:
        points = self._points.get(name, [])
        return min(
            points,
            key=lambda p: (abs(_ms(p.at) - at.x()) / DAY_MS, abs(p.value * 100 - at.y())),
            default=None,
        )

    def _on_clicked(self, name: str, at: QPointF) -> None:
        point = self._nearest(name, at)
        if point is not None:
            self.point_clicked.emit(int(point.attempt_id))

    def _on_hovered(self, name: str, at: QPointF, state: bool) -> None:
        point = self._nearest(name, at) if state else None
        if point is None:
            QToolTip.hideText()
        else:
            QToolTip.showText(QCursor.pos(), point_text(name, point), self.view)

    def series_points(self) -> dict[str, int]:
        """How many points each plotted series has, by name (the pass-mark line is not a series here)."""
        return {name: len(points) for name, points in self._points.items()}

    def point_position(self, name: str, index: int) -> QPointF:
        """Where the `index`-th point of series `name` is drawn, in the view's viewport coordinates."""
        point = self._points[name][index]
        scene = self.chart.mapToPosition(QPointF(_ms(point.at), point.value * 100), self._scatter[name])
        return QPointF(self.view.mapFromScene(self.chart.mapToScene(scene)))
