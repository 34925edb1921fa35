"""Chart widgets fed with core data: bars, points and series match the input, clicks, empty states."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from PySide6.QtCharts import QAbstractBarSeries, QBarCategoryAxis, QLineSeries, QScatterSeries
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from app.core.analytics import AttemptSummary, PacePoint, Point, practice_days, score_series
from app.core.models import AttemptId
from app.core.review import Tally
from app.ui.charts.breakdown_chart import ROW_HEIGHT, BreakdownChart, Level
from app.ui.charts.calendar_heatmap import CalendarHeatmap
from app.ui.charts.pace_chart import RIGHT_NAME, WRONG_NAME, X_CAP, PaceChart
from app.ui.charts.trend_chart import TrendChart

DAY = 86_400.0
START = dt.datetime(2026, 3, 2, 20, 0).timestamp()


def summary(attempt_id: int, day: int, preset: str, score: float, max_score: float = 10.0) -> AttemptSummary:
    at = START + day * DAY
    return AttemptSummary(
        id=AttemptId(attempt_id),
        started_at=at,
        finished_at=at + 1800,
        preset=preset,
        mode="exam",
        score=score,
        max_score=max_score,
        pass_ratio=0.6,
        question_count=10,
    )


def bar_values(chart: BreakdownChart) -> list[float]:
    """Every non-zero bar of the chart (a group's bar sits in the set of its level, zeros elsewhere)."""
    (series,) = [s for s in chart.chart.series() if isinstance(s, QAbstractBarSeries)]
    return [s.at(i) for s in series.barSets() for i in range(s.count()) if s.at(i) > 0]


# BreakdownChart


def test_breakdown_one_bar_per_group_coloured_by_level_with_the_weakest_marked(qtbot) -> None:
    chart = BreakdownChart(pass_ratio=0.6)
    qtbot.addWidget(chart)
    tallies = [
        Tally("Kubernetes", score=8, max_score=10, count=5, correct=4),
        Tally("Redis", score=5, max_score=10, count=5, correct=2),
        Tally("网络", score=1, max_score=4, count=2, correct=0),
        Tally("etcd", score=3.5, max_score=10, count=5, correct=1),
    ]
    chart.set_tallies("各主题得分率", tallies)
    chart.show()
    qtbot.waitExposed(chart)

    assert not chart.is_empty()
    assert chart.chart.title() == "各主题得分率"
    assert sorted(bar_values(chart)) == pytest.approx([25.0, 35.0, 50.0, 80.0])
    assert chart.levels() == {
        "Kubernetes": Level.PASS,
        "Redis": Level.NEAR,
        "网络": Level.WEAKEST,
        "etcd": Level.LOW,
    }
    assert chart.weakest_label() == "网络"
    labels = chart.bar_labels()
    assert labels[0].startswith("Kubernetes  8/10（80%）")
    assert labels[2].endswith("◀ 最弱")
    assert sum("最弱" in label for label in labels) == 1
    axis = next(a for a in chart.chart.axes() if isinstance(a, QBarCategoryAxis))
    assert axis.categories() == list(reversed(labels))  # first group drawn on top
    assert {m.label() for m in chart.chart.legend().markers() if m.isVisible()} == {
        "达标 ≥60%",
        "接近",
        "偏低",
        "最弱",
        "及格线 60%",
    }


def test_breakdown_pass_mark_argument_moves_the_levels(qtbot) -> None:
    chart = BreakdownChart()
    qtbot.addWidget(chart)
    tallies = [Tally("Go", 7, 10, 5, 3), Tally("Python", 9, 10, 5, 4), Tally("C", 5, 10, 5, 2)]
    expected = {0.6: Level.PASS, 0.8: Level.NEAR, 0.9: Level.LOW}
    for pass_ratio, go_level in expected.items():
        chart.set_tallies("主题", tallies, pass_ratio=pass_ratio)
        assert chart.levels() == {"Go": go_level, "Python": Level.PASS, "C": Level.WEAKEST}
    chart.set_tallies("主题", tallies)  # keeps the last pass mark
    assert chart.pass_ratio == 0.9
    assert chart.levels()["Go"] is Level.LOW


def test_breakdown_all_full_marks_has_no_weakest(qtbot) -> None:
    chart = BreakdownChart()
    qtbot.addWidget(chart)
    chart.set_tallies("难度", [Tally("1 入门", 4, 4, 2, 2), Tally("2 基础", 6, 6, 3, 3)])
    assert chart.weakest_label() is None
    assert set(chart.levels().values()) == {Level.PASS}
    assert not any("最弱" in label for label in chart.bar_labels())


def test_breakdown_grows_with_the_number_of_groups(qtbot) -> None:
    chart = BreakdownChart()
    qtbot.addWidget(chart)
    chart.set_tallies("少", [Tally("a", 1, 2, 1, 0)])
    one = chart.view.minimumHeight()
    chart.set_tallies("多", [Tally(f"主题 {i}", i % 5, 5, 2, 1) for i in range(20)])
    assert len(bar_values(chart)) == 16  # four of the twenty scored nothing and draw no bar
    assert len(chart.bar_labels()) == 20
    assert chart.view.minimumHeight() - one == 19 * ROW_HEIGHT
    chart.resize(500, 300)
    chart.show()
    qtbot.waitExposed(chart)
    assert chart.scroll_area.verticalScrollBar().maximum() > 0  # too tall for the widget: it scrolls


def test_breakdown_empty_state(qtbot) -> None:
    chart = BreakdownChart()
    qtbot.addWidget(chart)
    assert chart.is_empty()
    chart.set_tallies("主题", [Tally("Go", 1, 2, 1, 0)])
    assert not chart.is_empty()
    chart.set_tallies("主题", [])
    assert chart.is_empty()
    assert chart.empty_label.text() == "还没有数据"
    assert chart.chart.series() == []


# TrendChart


def test_trend_three_attempts_of_one_preset_give_three_points(qtbot) -> None:
    chart = TrendChart(title="成绩走势")
    qtbot.addWidget(chart)
    summaries = [
        summary(1, 0, "Go 运行时 30 分钟", 5),
        summary(2, 3, "Go 运行时 30 分钟", 7),
        summary(3, 9, "Go 运行时 30 分钟", 9),
        summary(4, 2, "Redis 30 分钟", 6),
    ]
    chart.set_series(score_series(summaries), pass_ratio=0.6)
    chart.show()
    qtbot.waitExposed(chart)
    assert chart.series_points() == {"Go 运行时 30 分钟": 3, "Redis 30 分钟": 1}
    scatter = [s for s in chart.chart.series() if isinstance(s, QScatterSeries)]
    lines = [s for s in chart.chart.series() if type(s) is QLineSeries]
    assert [s.count() for s in scatter] == [3, 1]
    assert [p.y() for p in scatter[0].points()] == pytest.approx([50.0, 70.0, 90.0])
    pass_line = lines[-1]
    assert pass_line.name() == "及格线 60%"
    assert pass_line.pen().style() == Qt.PenStyle.DashLine
    assert {p.y() for p in pass_line.points()} == {60.0}
    legend = {m.label() for m in chart.chart.legend().markers() if m.isVisible()}
    assert legend == {"Go 运行时 30 分钟", "Redis 30 分钟", "及格线 60%"}


def test_trend_without_pass_mark_draws_only_the_series(qtbot) -> None:
    chart = TrendChart()
    qtbot.addWidget(chart)
    series = {
        "Kubernetes": [Point(START, 0.5, AttemptId(1)), Point(START + DAY, 0.75, AttemptId(2))],
        "etcd": [Point(START + DAY, 1.0, AttemptId(2))],
        "Redis": [],
    }
    chart.set_series(series)
    assert chart.series_points() == {"Kubernetes": 2, "etcd": 1}
    assert len(chart.chart.series()) == 4  # a line and its points per topic, no pass line


def test_trend_clicking_a_point_emits_its_attempt(qtbot) -> None:
    chart = TrendChart()
    qtbot.addWidget(chart)
    chart.resize(640, 360)
    chart.set_series(score_series([summary(11, 0, "全真模拟", 4), summary(12, 5, "全真模拟", 8)]), 0.6)
    chart.show()
    qtbot.waitExposed(chart)
    for index, expected in ((1, 12), (0, 11)):
        at = chart.point_position("全真模拟", index).toPoint()
        with qtbot.waitSignal(chart.point_clicked, timeout=1000) as blocker:
            qtbot.mouseClick(chart.view.viewport(), Qt.MouseButton.LeftButton, pos=at)
        assert blocker.args == [expected]


def test_trend_empty_state(qtbot) -> None:
    chart = TrendChart()
    qtbot.addWidget(chart)
    assert chart.is_empty()
    chart.set_series({"Go": [Point(START, 0.5, AttemptId(1))]})
    assert not chart.is_empty()
    chart.set_series({"Go": []})
    assert chart.is_empty()
    assert chart.series_points() == {}


# PaceChart


def pace_sample() -> list[PacePoint]:
    return [
        PacePoint("Redis", 30, 60, True),  # fast, right
        PacePoint("Redis", 50, 60, True),
        PacePoint("Redis", 20, 60, False),  # fast, wrong
        PacePoint("Redis", 600, 60, False),  # ten times the suggested time: drawn at 3x
        PacePoint("Kubernetes", 100, 90, True),  # slow, right
        PacePoint("Kubernetes", 200, 90, False),  # slow, wrong
    ]


def test_pace_right_and_wrong_series_and_quadrant_counts(qtbot) -> None:
    chart = PaceChart()
    qtbot.addWidget(chart)
    chart.set_points(pace_sample())
    assert chart.series_points() == {RIGHT_NAME: 3, WRONG_NAME: 3}
    assert chart.topic() is None
    assert set(chart.quadrant_labels().values()) == {
        "又快又对 2",
        "快但错（审题） 1",
        "慢但对（练速度） 1",
        "慢且错（补知识） 2",
    }
    scatter = {s.name(): s for s in chart.chart.series() if isinstance(s, QScatterSeries)}
    assert scatter[RIGHT_NAME].markerShape() != scatter[WRONG_NAME].markerShape()
    assert scatter[RIGHT_NAME].color() != scatter[WRONG_NAME].color()
    assert max(p.x() for p in scatter[WRONG_NAME].points()) == X_CAP
    assert all(1 < p.y() < 2 for p in scatter[RIGHT_NAME].points())
    assert all(0 < p.y() < 1 for p in scatter[WRONG_NAME].points())
    suggested = next(s for s in chart.chart.series() if type(s) is QLineSeries)
    assert {p.x() for p in suggested.points()} == {1.0}


def test_pace_table_counts_per_topic_and_a_row_click_filters(qtbot) -> None:
    chart = PaceChart()
    qtbot.addWidget(chart)
    chart.resize(640, 560)
    chart.set_points(pace_sample())
    chart.show()
    qtbot.waitExposed(chart)
    table = chart.table
    rows = {table.item(r, 0).text(): [table.item(r, c).text() for c in range(1, 5)] for r in range(3)}
    assert rows == {
        "全部主题": ["2", "1", "1", "2"],
        "Kubernetes": ["0", "0", "1", "1"],
        "Redis": ["2", "1", "0", "1"],
    }
    redis_row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == "Redis")
    cell = table.visualItemRect(table.item(redis_row, 2)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert chart.topic() == "Redis"
    assert chart.series_points() == {RIGHT_NAME: 2, WRONG_NAME: 2}
    assert "Redis" in chart.chart.title()
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualItemRect(table.item(0, 0)).center()
    )
    assert chart.topic() is None
    assert chart.series_points() == {RIGHT_NAME: 3, WRONG_NAME: 3}


def test_pace_topic_argument_and_empty_state(qtbot) -> None:
    chart = PaceChart()
    qtbot.addWidget(chart)
    assert chart.is_empty()
    chart.set_points(pace_sample(), topic="Kubernetes")
    assert chart.series_points() == {RIGHT_NAME: 1, WRONG_NAME: 1}
    assert chart.table.selectedItems()[0].text() == "Kubernetes"
    chart.set_points(pace_sample(), topic="没有这个主题")
    assert chart.is_empty()
    assert chart.quadrant_labels() == {}
    chart.set_points([])
    assert chart.is_empty()
    assert chart.table.rowCount() == 1


# CalendarHeatmap

TODAY = dt.date(2026, 3, 11)  # a Wednesday


def test_heatmap_streak_caption_counts_back_from_today(qtbot) -> None:
    heatmap = CalendarHeatmap()
    qtbot.addWidget(heatmap)
    days = Counter({TODAY: 1, TODAY - dt.timedelta(days=1): 2, TODAY - dt.timedelta(days=2): 1})
    days[TODAY - dt.timedelta(days=5)] = 3  # a gap on day 3 and 4 ends the streak
    heatmap.set_days(days, TODAY)
    assert heatmap.caption() == "连续练习 3 天 · 近 26 周共练习 7 次"


def test_heatmap_streak_still_counts_when_today_has_no_attempt_yet(qtbot) -> None:
    heatmap = CalendarHeatmap()
    qtbot.addWidget(heatmap)
    summaries = [summary(1, 0, "Go", 5), summary(2, 1, "Go", 5), summary(3, 1, "Redis", 6)]
    days = practice_days(summaries)
    last = max(days)
    heatmap.set_days(days, last + dt.timedelta(days=1))
    assert heatmap.caption().startswith("连续练习 2 天")
    heatmap.set_days(days, last + dt.timedelta(days=2))
    assert heatmap.caption().startswith("连续练习 0 天")


def test_heatmap_grid_levels_and_geometry(qtbot) -> None:
    heatmap = CalendarHeatmap()
    qtbot.addWidget(heatmap)
    heatmap.set_days(
        Counter({TODAY: 8, TODAY - dt.timedelta(days=7): 1, TODAY - dt.timedelta(days=400): 5}), TODAY
    )
    first = heatmap.first_day()
    assert first.weekday() == 0
    assert (TODAY - first).days == 25 * 7 + TODAY.weekday()
    assert (heatmap.level(TODAY), heatmap.level(TODAY - dt.timedelta(days=7)), heatmap.level(first)) == (
        4,
        1,
        0,
    )
    assert heatmap.total() == 9  # the day 400 days ago is outside the 26 weeks
    for day in (first, TODAY, TODAY - dt.timedelta(days=17)):
        rect = heatmap.cell_rect(day)
        assert rect is not None
        assert heatmap.day_at(rect.center()) == day
    assert heatmap.cell_rect(TODAY + dt.timedelta(days=1)) is None  # the rest of this week stays blank
    assert heatmap.cell_rect(first - dt.timedelta(days=1)) is None
    today_rect = heatmap.cell_rect(TODAY)
    assert today_rect is not None
    assert heatmap.day_at(today_rect.topLeft() + QPoint(0, today_rect.height() + 1)) is None  # the gap
    assert today_rect.top() > heatmap.cell_rect(TODAY - dt.timedelta(days=1)).top()  # rows run Mon..Sun
    months = [text for _, text in heatmap.month_labels()]
    assert months[-4:] == ["12月", "2026年1月", "2月", "3月"]
    assert heatmap.minimumWidth() >= today_rect.right()


def test_heatmap_tooltip_names_the_day_and_its_count(qtbot) -> None:
    heatmap = CalendarHeatmap()
    qtbot.addWidget(heatmap)
    heatmap.set_days(Counter({TODAY: 2}), TODAY)
    heatmap.show()
    qtbot.waitExposed(heatmap)
    assert heatmap.tooltip_text(TODAY) == "2026-03-11 周三 · 2 次练习"
    assert heatmap.tooltip_text(TODAY - dt.timedelta(days=1)) == "2026-03-10 周二 · 没有练习"
    rect = heatmap.cell_rect(TODAY)
    assert rect is not None
    pos = rect.center()
    QApplication.sendEvent(heatmap, QHelpEvent(QEvent.Type.ToolTip, pos, heatmap.mapToGlobal(pos)))
    qtbot.waitUntil(QToolTip.isVisible, timeout=1000)
    assert QToolTip.text() == "2026-03-11 周三 · 2 次练习"
    QToolTip.hideText()


def test_heatmap_empty_state(qtbot) -> None:
    heatmap = CalendarHeatmap()
    qtbot.addWidget(heatmap)
    heatmap.set_days(Counter({TODAY - dt.timedelta(days=365): 4}), TODAY)
    assert heatmap.caption() == "还没有数据"
    heatmap.set_days(Counter(), TODAY)
    assert heatmap.caption() == "还没有数据"
    assert heatmap.grab().width() >= heatmap.minimumWidth()  # paints without data
