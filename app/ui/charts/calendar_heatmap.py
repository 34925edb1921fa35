"""CalendarHeatmap: the last 26 weeks as a grid of days shaded by how many attempts each day saw."""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter

from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QHelpEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QToolTip, QWidget

from app.core.analytics import streak_days

WEEKS = 26
CELL = 13
GAP = 3
STEP = CELL + GAP
#: Empty, then four shades of the accent colour from few to many attempts.
LEVEL_COLORS = tuple(QColor(c) for c in ("#ebedf0", "#bbdefb", "#64b5f6", "#1e88e5", "#0d47a1"))
WEEKDAY_NAMES = "一二三四五六日"
EMPTY_TEXT = "还没有数据"
TEXT = QColor("#333333")
HINT = QColor("#666666")
BORDER = QColor("#dddddd")
BACKGROUND = QColor("#ffffff")
MARGIN = 8


class CalendarHeatmap(QWidget):
    """Columns are weeks (oldest left), rows Monday to Sunday; hover a day for its date and count."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._days: Counter[dt.date] = Counter()
        self._today = dt.date.today()
        self._busiest = 4
        self.setMouseTracking(True)
        self.setMinimumSize(self.sizeHint())

    def set_days(self, days: Counter[dt.date], today: dt.date) -> None:
        """Attempts per day (see app.core.analytics.practice_days), and the last day to show."""
        self._days = Counter(days)
        self._today = today
        self._busiest = max(4, max(days.values(), default=0))
        self.setMinimumSize(self.sizeHint())
        self.update()

    # geometry

    def _small_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() - 2))
        return font

    def _left(self) -> int:
        return MARGIN + QFontMetrics(self._small_font()).horizontalAdvance("五") + 8

    def _top(self) -> int:
        return MARGIN + QFontMetrics(self._small_font()).height() + 4

    def _caption_height(self) -> int:
        return QFontMetrics(self.font()).height() + 10

    def sizeHint(self) -> QSize:
        width = self._left() + WEEKS * STEP - GAP + MARGIN + 4
        height = self._top() + 7 * STEP + self._caption_height() + MARGIN
        return QSize(width, height)

    def first_day(self) -> dt.date:
        """The Monday that starts the first column."""
        return self._today - dt.timedelta(days=self._today.weekday() + 7 * (WEEKS - 1))

    def cell_rect(self, day: dt.date) -> QRect | None:
        """The square of `day` (None outside the 26 weeks or after today)."""
        offset = (day - self.first_day()).days
        if offset < 0 or day > self._today:
            return None
        column, row = divmod(offset, 7)
        return QRect(self._left() + column * STEP, self._top() + row * STEP, CELL, CELL)

    def day_at(self, pos: QPoint) -> dt.date | None:
        """The day whose square contains `pos`, if any."""
        x, y = pos.x() - self._left(), pos.y() - self._top()
        if x < 0 or y < 0 or x % STEP >= CELL or y % STEP >= CELL:
            return None
        column, row = x // STEP, y // STEP
        if column >= WEEKS or row >= 7:
            return None
        day = self.first_day() + dt.timedelta(days=column * 7 + row)
        return day if day <= self._today else None

    # content

    def level(self, day: dt.date) -> int:
        """0 for no attempts, else 1-4 relative to the busiest day (the darkest needs at least four)."""
        count = self._days.get(day, 0)
        if count <= 0:
            return 0
        return max(1, min(4, math.ceil(4 * count / self._busiest)))

    def total(self) -> int:
        """Attempts inside the 26 weeks shown."""
        first = self.first_day()
        return sum(n for day, n in self._days.items() if first <= day <= self._today)

    def caption(self) -> str:
        """The line under the grid: the current streak and the total, or the empty state."""
        total = self.total()
        if total == 0:
            return EMPTY_TEXT
        return f"连续练习 {streak_days(self._days, self._today)} 天 · 近 {WEEKS} 周共练习 {total} 次"

    def tooltip_text(self, day: dt.date) -> str:
        """The date, its weekday and how many attempts started that day."""
        count = self._days.get(day, 0)
        what = f"{count} 次练习" if count else "没有练习"
        return f"{day:%Y-%m-%d} 周{WEEKDAY_NAMES[day.weekday()]} · {what}"

    def month_labels(self) -> list[tuple[int, str]]:
        """(column, text) where a month begins (with the year for January), each only if it fits."""
        first = self.first_day()
        starts: list[tuple[int, int, int]] = []
        for column in range(WEEKS):
            monday = first + dt.timedelta(days=7 * column)
            day = monday if column == 0 else monday + dt.timedelta(days=6)  # later columns: where day 1 falls
            if not starts or (starts[-1][1], starts[-1][2]) != (day.year, day.month):
                starts.append((column, day.year, day.month))
        metrics = QFontMetrics(self._small_font())
        labels: list[tuple[int, str]] = []
        for i, (column, year, month) in enumerate(starts):
            room = ((starts[i + 1][0] if i + 1 < len(starts) else WEEKS + 2) - column) * STEP - 8
            for text in (f"{year}年{month}月", f"{month}月") if month == 1 else (f"{month}月",):
                if metrics.horizontalAdvance(text) <= room:
                    labels.append((column, text))
                    break
        return labels

    # painting and tooltips

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(BORDER)
        painter.setBrush(BACKGROUND)
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        small = self._small_font()
        painter.setFont(small)
        painter.setPen(HINT)
        metrics = QFontMetrics(small)
        for column, text in self.month_labels():
            painter.drawText(self._left() + column * STEP, MARGIN + metrics.ascent() + 1, text)
        for row in (0, 2, 4, 6):
            label_rect = QRect(MARGIN, self._top() + row * STEP, self._left() - MARGIN - 6, CELL)
            align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            painter.drawText(label_rect, align, WEEKDAY_NAMES[row])
        painter.setPen(Qt.PenStyle.NoPen)
        cells: list[list[QRect]] = [[] for _ in LEVEL_COLORS]
        for offset in range((self._today - self.first_day()).days + 1):
            day = self.first_day() + dt.timedelta(days=offset)
            rect = self.cell_rect(day)
            if rect is not None:
                cells[self.level(day)].append(rect)
        for color, rects in zip(LEVEL_COLORS, cells, strict=True):
            painter.setBrush(color)
            painter.drawRects(rects)  # one call per shade: keeps painting cheap from Python
        self._paint_caption(painter)
        painter.end()

    def _paint_caption(self, painter: QPainter) -> None:
        top = self._top() + 7 * STEP + 4
        height = self._caption_height()
        grid_right = self._left() + WEEKS * STEP - GAP
        painter.setFont(self.font())
        painter.setPen(TEXT)
        caption_rect = QRect(self._left(), top, grid_right - self._left(), height)
        painter.drawText(
            caption_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.caption()
        )
        small = self._small_font()
        metrics = QFontMetrics(small)
        painter.setFont(small)
        painter.setPen(HINT)
        more_width = metrics.horizontalAdvance("多")
        x = grid_right - more_width
        middle = top + height // 2
        painter.drawText(x, middle + metrics.ascent() // 2 - 1, "多")
        x -= 4 + len(LEVEL_COLORS) * (CELL - 2 + 2)
        legend_left = x
        painter.setPen(Qt.PenStyle.NoPen)
        for color in LEVEL_COLORS:
            painter.setBrush(color)
            painter.drawRect(QRect(x, middle - (CELL - 2) // 2, CELL - 2, CELL - 2))
            x += CELL
        painter.setPen(HINT)
        painter.drawText(
            legend_left - 4 - metrics.horizontalAdvance("少"), middle + metrics.ascent() // 2 - 1, "少"
        )

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            day = self.day_at(event.pos())
            if day is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), self.tooltip_text(day), self)
            return True
        return super().event(event)
