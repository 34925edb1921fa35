"""Widgets on their own: the timer label's levels and the question view's refusal to load resources."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument

from app.core.clock import ExamClock
from app.ui.widgets.question_view import QuestionView
from app.ui.widgets.timer_label import TimerLabel


def test_timer_levels_and_single_expiry(qtbot) -> None:
    now = [0.0]
    label = TimerLabel()
    qtbot.addWidget(label)
    fired: list[bool] = []
    label.expired.connect(lambda: fired.append(True))
    label.start(ExamClock(400.0, wall=lambda: now[0], monotonic=lambda: now[0]))
    assert (label.text(), label.property("level")) == ("剩余 06:40", "normal")
    now[0] = 120.0
    label.refresh()
    assert (label.text(), label.property("level")) == ("剩余 04:40", "warn")
    now[0] = 399.5
    label.refresh()
    assert (label.text(), label.property("level")) == ("剩余 00:01", "urgent")
    now[0] = 401.0
    label.refresh()
    label.refresh()
    assert label.text() == "剩余 00:00"
    assert fired == [True]


def test_untimed_exam_shows_no_countdown(qtbot) -> None:
    label = TimerLabel()
    qtbot.addWidget(label)
    label.start(ExamClock(None))
    assert label.text() == "不限时"


def test_question_view_loads_no_resources(qtbot) -> None:
    view = QuestionView()
    qtbot.addWidget(view)
    assert (
        view.loadResource(int(QTextDocument.ResourceType.ImageResource), QUrl("http://example.invalid/x.png"))
        is None
    )
    view.setHtml("<p>写时复制 (copy-on-write)</p>")
    assert view.toPlainText() == "写时复制 (copy-on-write)"
