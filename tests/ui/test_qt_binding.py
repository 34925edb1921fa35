"""The Qt binding itself: calls that return nothing must not leak or drop references to None."""

from __future__ import annotations

import sys

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QLabel


def test_void_calls_keep_the_reference_count_of_none(qtbot) -> None:
    """PySide6 6.12.0 on Python 3.11 dropped one reference to None per void call, so a long session
    (a timer label updating every second) died with "Fatal Python error: none_dealloc"; pyproject pins it."""
    rect = QRect()
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for number in range(5000):
        rect.setX(number)
        label.setText(str(number))
    assert sys.getrefcount(None) >= before - 100
